from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from newsledger.errors import StorageError
from newsledger.model import (
    Actor,
    Article,
    ArticleAnalysis,
    Claim,
    Event,
    Mention,
    Quote,
    Story,
    TimeExpression,
    TimelineEntry,
)
from newsledger.store import Store
from newsledger.store.migrations import LATEST


def make_analysis(aid: str = "a1", text: str = "Kurti met Vucic in Brussels on Monday.", alias: str = "Vucic") -> ArticleAnalysis:
    vucic = Actor(id="person:aleksandar-vucic", name="Aleksandar Vucic", kind="person", country="SRB",
                  aliases=(alias,), codes={"cameo": "SRBGOV"})
    kurti = Actor(id="person:albin-kurti", name="Albin Kurti", kind="person", country="XKX", codes={"cameo": "KSVGOV"})
    return ArticleAnalysis(
        article=Article(id=aid, text=text, published="2023-02-28", content_hash=f"h-{aid}", file=f"{aid}.txt"),
        actors=(vucic, kurti),
        mentions=(Mention(aid, kurti.id, 0, 5, "Kurti"), Mention(aid, vucic.id, 10, 15, "Vucic")),
        time_expressions=(TimeExpression(aid, 29, 38, "on Monday", "DATE", "2023-02-27"),),
        quotes=(Quote(f"{aid}:q0", aid, kurti.id, "Kurti", "no", 0, 2, "direct", "said", ((0, 2),)),),
        events=(Event(f"{aid}:e0", aid, "CONSULT", (kurti.id,), (vucic.id,), text, 0, len(text),
                      cameo="040", date="2023-02-27", location="Brussels",
                      source_codes=({"cameo": "KSVGOV"},), target_codes=({"cameo": "SRBGOV"},)),),
    )


def test_store_roundtrip(ledger_db: str) -> None:
    with Store.open(ledger_db) as store:
        store.save_analysis(make_analysis())
        (back,) = list(store.load_analyses())
    original = make_analysis()
    assert sorted(back.actors, key=lambda a: a.id) == sorted(original.actors, key=lambda a: a.id)
    assert (back.article, back.mentions, back.time_expressions, back.quotes, back.events) == (
        original.article, original.mentions, original.time_expressions, original.quotes, original.events)


def test_store_resave_replaces_and_merges_actor_aliases(ledger_db: str) -> None:
    with Store.open(ledger_db) as store:
        store.save_analysis(make_analysis())
        store.save_analysis(make_analysis(alias="Vučić"))
        store.save_analysis(make_analysis("a2"))
        assert store.count() == 2 and store.count("events") == 2 and store.count("mentions") == 4
        ledger = store.load_ledger()
    vucic = next(a for a in ledger.actors if a.id == "person:aleksandar-vucic")
    assert set(vucic.aliases) == {"Vucic", "Vučić"}


def test_store_is_wal_and_versioned(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    with Store.open(str(db)) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("SELECT value FROM meta WHERE key='schema_version'").scalar() == str(LATEST)


def test_store_refuses_a_newer_schema(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    Store.open(str(db)).close()
    eng = sa.create_engine(f"sqlite:///{db}")
    with eng.begin() as conn:
        conn.exec_driver_sql(f"UPDATE meta SET value='{LATEST + 1}' WHERE key='schema_version'")
    eng.dispose()
    with pytest.raises(StorageError, match="newer"):
        Store.open(str(db))


def test_store_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        Store.open(str(tmp_path / "nope" / "l.db"))


def test_store_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="cannot open"):
        Store.open(str(bad))


def test_store_failed_write_keeps_what_was_stored(ledger_db: str) -> None:
    with Store.open(ledger_db) as store:
        store.save_analysis(make_analysis())
        broken = make_analysis("a2")
        dup_quote = broken.quotes[0]
        broken = ArticleAnalysis(article=broken.article, quotes=(dup_quote, dup_quote))  # same primary key twice
        with pytest.raises(StorageError):
            store.save_analysis(broken)
        assert store.article_ids() == ["a1"]  # the failed article left nothing behind
        assert store.count("quotes") == 1


def test_store_blobs_and_corpus(ledger_db: str) -> None:
    with Store.open(ledger_db) as store:
        store.save_analysis(make_analysis())
        assert store.get_blob("corpus/x") is None
        store.put_blob("corpus/x", b"\x00\x01")
        store.put_blob("corpus/x", b"\x02")
        assert store.get_blob("corpus/x") == b"\x02"
        store.save_corpus([Story("s1", "Talks", ("a1",))],
                          [TimelineEntry("2023-02-27", "s1", "Kurti met Vucic.", ("a1:e0",), ("a1",), 1)],
                          [Claim("c1", "Kosovo declared independence in 2008", ("a1",))], [])
        ledger = store.load_ledger()
    assert ledger.stories[0].article_ids == ("a1",)
    assert ledger.timeline[0].date == "2023-02-27"
    assert ledger.claims[0].id == "c1"


def test_store_migrates_a_v1_ledger_keeping_its_data(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with Store.open(str(db)) as store:
        store.save_analysis(make_analysis())
    eng = sa.create_engine(f"sqlite:///{db}")
    with eng.begin() as conn:  # make it look like a ledger written by schema version 1
        conn.exec_driver_sql("ALTER TABLE quotes DROP COLUMN speaker_start")
        conn.exec_driver_sql("ALTER TABLE quotes DROP COLUMN speaker_end")
        conn.exec_driver_sql("ALTER TABLE events DROP COLUMN source_codes")
        conn.exec_driver_sql("ALTER TABLE events DROP COLUMN target_codes")
        conn.exec_driver_sql("UPDATE meta SET value='1' WHERE key='schema_version'")
    eng.dispose()
    with Store.open(str(db)) as store:
        (back,) = list(store.load_analyses())
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT value FROM meta WHERE key='schema_version'").scalar() == str(LATEST)
    assert back.quotes[0].text == "no" and back.quotes[0].speaker_start is None
    assert all(e.source_codes == () and e.target_codes == () for e in back.events)


def test_store_revision_changes_with_every_write_only(ledger_db: str) -> None:
    with Store.open(ledger_db) as store:
        first = store.revision()
        store.save_analysis(make_analysis())
        after_analysis = store.revision()
        store.load_ledger()
        assert store.revision() == after_analysis != first  # reading changes nothing
        store.save_corpus([Story("s1", "Talks", ("a1",))], [], [], [])
        assert store.revision() not in (first, after_analysis)
        broken = ArticleAnalysis(article=make_analysis("a2").article, quotes=make_analysis().quotes * 2)
        before_failure = store.revision()
        with pytest.raises(StorageError):
            store.save_analysis(broken)
        assert store.revision() == before_failure  # a failed write is rolled back whole
