"""The command line in-process: exit status, stderr lines, what ends up stored."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsledger.cli import main
from newsledger.store import Store

pytestmark = pytest.mark.model

GOOD = "Kosovo's prime minister Albin Kurti met Serbian President Aleksandar Vucic in Brussels on Monday.\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(args)
    captured = capsys.readouterr()
    return int(info.value.code or 0), captured.out, captured.err


def stored(db: Path) -> list[str]:
    with Store.open(str(db)) as s:
        return sorted(a.file or a.id for a in s.load_articles())


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD)
    (d / "manifest.csv").write_text("file,published,source\ngood.txt,2023-02-28,Test Wire\nlatin1.txt,2023-02-28,\n"
                                     "empty.txt,2023-02-28,\nbinary.txt,2023-02-28,\nhuge.txt,2023-02-28,\n"
                                     "broken.jsonl,2023-02-28,\nbroken.csv,2023-02-28,\nnav.html,2023-02-28,\n")
    (d / "latin1.txt").write_bytes("Le président Vučić a refusé de signer.".encode("cp1250"))
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "huge.txt").write_text("Kurti spoke. " * 200_000)
    (d / "nodate.txt").write_text("Kurti and Vucic met and talked about licence plates.\n")
    (d / "broken.jsonl").write_text('{"id": "j1", "text": "Borrell met Kurti on Thursday.", "published": "2023-06-22"}\n{"id": 2,\n')
    (d / "broken.csv").write_text("title;body\nx;y\n")
    (d / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    return d


def test_cli_bad_inputs_are_named_and_the_rest_is_stored(batch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "l.db"
    code, _out, err = run(["ingest", str(batch), "--db", str(db), "--max-bytes", "1000000"], capsys)
    assert code == 1
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("newsledger: error: ")]
    expected = {
        "latin1.txt": "not valid utf-8", "empty.txt": "empty", "binary.txt": "binary", "huge.txt": "too large",
        "nodate.txt": "no publication date", "broken.jsonl:2": "malformed json", "broken.csv": "no 'text' column",
        "nav.html": "no article text",
    }
    for name, reason in expected.items():
        line = next((x for x in errors if f"{name}:" in x), None)
        assert line is not None, f"no error line for {name} in {errors}"
        assert reason in line.lower(), line
    assert len(errors) == len(expected)
    assert stored(db) == ["broken.jsonl", "good.txt"]


def test_cli_reingest_is_idempotent_and_keeps_what_was_stored(batch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "l.db"
    good = batch / "good.txt"
    assert run(["ingest", str(good), "--db", str(db), "--published", "2023-02-28"], capsys)[0] == 0
    code, _out, err = run(["ingest", str(good), "--db", str(db), "--published", "2023-02-28"], capsys)
    assert code == 0 and "1 already in the ledger" in err
    code, _out, _err = run(["ingest", str(batch / "binary.txt"), "--db", str(db), "--published", "2023-02-28"], capsys)
    assert code == 1
    assert stored(db) == ["good.txt"]


def test_cli_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["export", "--format", "xml", "--db", str(tmp_path / "l.db")], capsys)[0] == 2
    assert run(["ingest"], capsys)[0] == 2
    some = tmp_path / "a.txt"
    some.write_text("Kurti spoke.")
    assert run(["ingest", str(some), "--min-date-confidence", "1.5", "--db", str(tmp_path / "l.db")], capsys)[0] == 2
    assert run(["no-such-command"], capsys)[0] == 2


def test_cli_bad_db_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(["actors", "--db", str(tmp_path / "missing" / "l.db")], capsys)
    assert code == 1
    assert err.strip().count("\n") == 0 and "does not exist" in err


def test_cli_help_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    for cmd in ("ingest", "export", "report", "timeline", "quotes", "actors", "events", "serve"):
        code, out, _ = run([cmd, "-h"], capsys)
        assert code == 0 and "Example:" in out, cmd


def test_cli_jsonl_ids_and_export_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "r.jsonl"
    src.write_text(json.dumps({"id": "rec-7", "text": GOOD, "published": "2023-02-28", "source": "Wire"}) + "\n")
    db = tmp_path / "l.db"
    assert run(["ingest", str(src), "--db", str(db)], capsys)[0] == 0
    code, out, _ = run(["export", "--db", str(db), "--format", "json"], capsys)
    obj = json.loads(out)
    assert code == 0 and obj["articles"][0]["id"] == "rec-7" and obj["articles"][0]["source"] == "Wire"


def test_cli_non_english_is_stored_and_flagged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "fr.txt"
    src.write_text("Le Premier ministre kosovar Albin Kurti et le président serbe Aleksandar Vucic se sont "
                   "rencontrés à Bruxelles lundi, sans parvenir à un accord sur la normalisation.\n")
    db = tmp_path / "l.db"
    assert run(["ingest", str(src), "--db", str(db), "--published", "2023-02-28"], capsys)[0] == 0
    with Store.open(str(db)) as s:
        (a,) = list(s.load_analyses())
    assert a.article.language == "fr"
    assert a.events == () and a.quotes == ()
    assert any("not analysed" in n for n in a.notes)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def test_cli_ingests_urls_from_a_local_server(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    site.mkdir()
    from tests.unit.test_ingest_readers import FEED, HTML

    (site / "story.html").write_text(HTML)
    (site / "feed.rss").write_bytes(FEED)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        db = tmp_path / "l.db"
        code, _out, err = run(["ingest", f"{base}/story.html", f"{base}/feed.rss", f"{base}/missing.html", "--db", str(db)], capsys)
    finally:
        server.shutdown()
    assert code == 1
    assert "missing.html: HTTP 404" in err
    with Store.open(str(db)) as s:
        arts = s.load_articles()
    urls = sorted(a.url or "" for a in arts)
    assert urls[0].endswith("/story.html") and urls[1] == "https://example.org/1"
    assert {a.published for a in arts} == {"2023-03-18", "2023-06-22"}


def test_cli_reads_stdin(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    proc = subprocess.run(
        [sys.executable, "-m", "newsledger.cli", "ingest", "-", "--db", str(db), "--published", "2023-02-28", "-q"],
        input=GOOD.encode(), capture_output=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert stored(db) != []


def test_cli_manifest_wins_over_page_metadata(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.unit.test_ingest_readers import HTML

    d = tmp_path / "pages"
    d.mkdir()
    (d / "p.html").write_text(HTML)
    (d / "manifest.csv").write_text("file,published,source,title\np.html,2023-03-19,Desk One,Chosen title\n")
    db = tmp_path / "l.db"
    assert run(["ingest", str(d), "--db", str(db)], capsys)[0] == 0
    with Store.open(str(db)) as s:
        (a,) = s.load_articles()
    assert (a.source, a.title, a.published) == ("Desk One", "Chosen title", "2023-03-19")


def test_cli_same_text_under_two_given_ids_is_kept_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "r.jsonl"
    rec = {"text": GOOD, "published": "2023-02-28"}
    src.write_text(json.dumps({"id": "wire-1", **rec}) + "\n" + json.dumps({"id": "outlet-2", **rec}) + "\n")
    plain = tmp_path / "same.txt"
    plain.write_text(GOOD)
    db = tmp_path / "l.db"
    assert run(["ingest", str(src), "--db", str(db)], capsys)[0] == 0
    assert run(["ingest", str(src), str(plain), "--db", str(db), "--published", "2023-02-28"], capsys)[0] == 0
    with Store.open(str(db)) as s:
        assert sorted(s.article_ids()) == ["outlet-2", "wire-1"]


def test_cli_event_actors_carry_their_codes_as_of_each_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # one person, two roles: opposition leader before 2020, head of government after; the
    # ledger-wide actor record has one set of codes, each event keeps the codes of its date
    text = "Albin Kurti accused Serbia of blocking the deal.\n"
    src = tmp_path / "r.jsonl"
    src.write_text(json.dumps({"id": "old", "text": text, "published": "2019-05-01"}) + "\n"
                   + json.dumps({"id": "new", "text": text, "published": "2023-05-01"}) + "\n")
    db = tmp_path / "l.db"
    assert run(["ingest", str(src), "--db", str(db)], capsys)[0] == 0
    code, out, _ = run(["export", "--db", str(db), "--format", "json"], capsys)
    events = {e["article_id"]: e for e in json.loads(out)["events"] if e["type"] == "ACCUSE"}
    assert events["old"]["source_ids"] == events["new"]["source_ids"] == ["person:albin-kurti"]
    assert events["old"]["source_codes"][0]["cameo"] == "KSVOPP"
    assert events["new"]["source_codes"][0]["cameo"] == "KSVGOV"
    assert events["new"]["target_codes"][0]["cameo"] == "SRB"
    # the ledger-wide record: the office he is best known for (his latest), whatever the order
    # the articles came in (the 2019 one was stored first)
    kurti = next(a for a in json.loads(out)["actors"] if a["id"] == "person:albin-kurti")
    assert kurti["codes"]["cameo"] == "KSVGOV"
    out_file = tmp_path / "ev.jsonl"
    assert run(["export", "--db", str(db), "--format", "plover", "-o", str(out_file)], capsys)[0] == 0
    plover = {r["article"]["id"]: r for r in map(json.loads, out_file.read_text().splitlines())}
    assert plover["old"]["source_actor"][0]["cameo"] == "KSVOPP"
    assert plover["new"]["source_actor"][0]["sector"] == "GOV"
