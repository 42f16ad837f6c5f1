"""The held-out setting: benchmark sets through ``newsledger ingest`` / ``export``, as a user runs them.

    .venv/bin/python benchmarks/user_path/run.py --task temporal [--split train|meantime] [--limit N]
    .venv/bin/python benchmarks/user_path/run.py --task quotes [--limit N]
    .venv/bin/python benchmarks/user_path/run.py --task events [--published 2000-01-01] [--limit N]

The held-back test sets (TE3-Platinum, PolNeAR test, real news sentences) are run through the
command line, not through the runners' in-process calls. This script does exactly that with the
public sets: it writes the documents as JSONL records (``id``, ``text``, ``published``), runs the
installed ``newsledger ingest`` into a fresh SQLite ledger and ``newsledger export --format json``,
turns the export into each shared scorer's prediction shape and scores it. Its numbers should equal
the in-process runner's (``benchmarks/<task>/run.py``); a difference means the user's path loses
something (offsets, dates, actor codes) on the way.

- temporal: ``time_expressions`` per article (TE3 train or MEANTIME, ``published`` = the DCT).
- quotes: PolNeAR dev, ``speaker`` = the exported name of the quote's speaker actor (else the
  speaker as written), ``speaker_start/end`` left out: the names-only setting.
- events: PLOVER GSR sentences, one record each. The gold has no dates, and ``ingest`` rejects an
  undated record, so every record gets ``--published`` (default 2000-01-01; the GSR's sentences are
  1990s-2010s wire news). Actor codes are each event's ``source_codes``/``target_codes`` (the
  participant's codes as of the article's date; else the actor's own ``codes``): ``plover``, else
  ``cameo``, first six characters. The in-process runner codes the sentences undated, which takes a
  person's latest office; a fixed date makes some of them former office holders (``ELI``) or plain
  country codes, so this number is lower than the runner's by the date alone.

Prints the scorer's headline, the rejected-record count and the ingest speed (documents/s, parse
and analysis included, one process). Work files go to ``benchmarks/out/user_path/``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", REPO / ".." / "shared")).resolve()
OUT = REPO / "benchmarks" / "out" / "user_path"


def cli() -> list[str]:
    exe = Path(sys.executable).with_name("newsledger")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "newsledger"]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def read_jsonl(path: Path, limit: int = 0) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def ingest_export(
    name: str, records: list[dict[str, Any]], extra: list[str] | None = None
) -> tuple[dict[str, Any], float, int]:
    """Ingest the records into a fresh ledger and export it: (export, docs/s, rejected count)."""
    work = OUT / name
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    src, db, exp = work / "input.jsonl", work / "ledger.db", work / "export.json"
    write_jsonl(src, records)
    t0 = time.perf_counter()
    run = subprocess.run(
        [*cli(), "ingest", str(src), "--db", str(db), *(extra or [])],
        capture_output=True, text=True, check=False,
    )
    elapsed = time.perf_counter() - t0
    rejected = sum(1 for line in run.stderr.splitlines() if "error:" in line)
    if run.returncode not in (0, 1):
        sys.exit(f"ingest failed ({run.returncode}): {run.stderr[-2000:]}")
    subprocess.run(
        [*cli(), "export", "--db", str(db), "--format", "json", "-o", str(exp)], check=True
    )
    with exp.open(encoding="utf-8") as fh:
        return json.load(fh), len(records) / elapsed, rejected


def score(scorer: Path, gold: Path, pred: Path, args: list[str] | None = None) -> str:
    run = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred), *(args or [])],
        capture_output=True, text=True, check=True,
    )
    return run.stdout.strip().splitlines()[-1]


def by_article(export: dict[str, Any], key: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for rec in export.get(key, []):
        out.setdefault(rec["article_id"], []).append(rec)
    return out


def task_temporal(split: str, limit: int) -> None:
    bench = SHARED / "benchmarks" / "temporal"
    gold_path = bench / "data" / ("meantime.jsonl" if split == "meantime" else "train.jsonl")
    docs = read_jsonl(gold_path, limit)
    records = [{"id": d["id"], "text": d["text"], "published": d["dct"]} for d in docs]
    export, speed, rejected = ingest_export(f"temporal_{split}", records)
    texts = {a["id"]: a["text"] for a in export["articles"]}
    changed = sum(1 for d in docs if d["id"] in texts and texts[d["id"]] != d["text"])
    timexes = by_article(export, "time_expressions")
    pred = OUT / f"temporal_{split}.pred.jsonl"
    write_jsonl(pred, [
        {"id": d["id"], "timexes": [
            {k: t.get(k) for k in ("start", "end", "type", "value", "mod")}
            for t in timexes.get(d["id"], [])
        ]}
        for d in docs
    ])
    gold = pred.with_name(f"temporal_{split}.gold.jsonl")
    write_jsonl(gold, docs)
    print(f"temporal {split}: {len(docs)} docs, {rejected} rejected, {changed} texts changed on "
          f"export; ingest {speed:.1f} docs/s")
    print(score(bench / "score.py", gold, pred))


def task_quotes(limit: int) -> None:
    bench = SHARED / "benchmarks" / "quotes"
    gold_path = bench / "data" / "polnear_dev.jsonl"
    docs = read_jsonl(gold_path, limit)
    records = [{"id": d["id"], "text": d["text"], "published": d["date"]} for d in docs]
    export, speed, rejected = ingest_export("quotes_dev", records)
    names = {a["id"]: a["name"] for a in export["actors"]}
    quotes = by_article(export, "quotes")
    pred = OUT / "quotes_dev.pred.jsonl"
    write_jsonl(pred, [
        {"id": d["id"], "quotes": [
            {"start": q["start"], "end": q["end"], "fragments": q.get("fragments") or None,
             "speaker": names.get(q.get("speaker_id") or "", q.get("speaker_text"))}
            for q in quotes.get(d["id"], [])
        ]}
        for d in docs
    ])
    gold = pred.with_name("quotes_dev.gold.jsonl")
    write_jsonl(gold, docs)
    print(f"quotes dev: {len(docs)} docs, {rejected} rejected; ingest {speed:.1f} docs/s")
    for kinds in ("", "direct,mixed", "direct"):
        extra = ["--quiet"] + (["--kinds", kinds] if kinds else [])
        print(f"  {kinds or 'all':13s}", score(bench / "score.py", gold, pred, extra))


def task_events(published: str, limit: int) -> None:
    bench = SHARED / "benchmarks" / "events"
    gold_path = bench / "data" / "plover_gsr.plover.jsonl"
    recs = read_jsonl(gold_path, limit)
    seen: dict[str, int] = {}
    records = []
    for r in recs:  # the GSR repeats a few ids for different sentences: keep each one apart
        seen[r["id"]] = seen.get(r["id"], 0) + 1
        rid = r["id"] if seen[r["id"]] == 1 else f"{r['id']}~{seen[r['id']]}"
        records.append({"id": rid, "text": r["text"], "published": r.get("date") or published})
    export, speed, rejected = ingest_export("events_gsr", records)
    ledger_codes = {a["id"]: a.get("codes") or {} for a in export["actors"]}

    def code(actor_id: str, dated: dict[str, str] | None) -> str:
        c = dated or ledger_codes.get(actor_id) or {}
        return (c.get("plover") or c.get("cameo") or "")[:6]

    def codes(ids: list[str], dated: list[dict[str, str]]) -> list[str]:
        return [code(i, dated[k] if k < len(dated) else None) for k, i in enumerate(ids)]

    events = by_article(export, "events")
    # the same text twice is one article: map every record to the article holding its text
    art_by_text = {a["text"]: a["id"] for a in export["articles"]}
    rows = []
    for r in recs:
        items = []
        for e in events.get(art_by_text.get(r["text"], r["id"]), []):
            for s in codes(e["source_ids"], e.get("source_codes") or []) or [""]:
                for t in codes(e["target_ids"], e.get("target_codes") or []) or [""]:
                    items.append({"source": s, "target": t, "code": e["type"]})
        rows.append({"id": r["id"], "events": items})
    pred = OUT / "events_gsr.pred.jsonl"
    write_jsonl(pred, rows)
    print(f"events plover_gsr: {len(recs)} sentences, {rejected} rejected; "
          f"ingest {speed:.1f} sentences/s")
    print(score(bench / "score.py", gold_path, pred))


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--task", required=True, choices=("temporal", "quotes", "events"))
    ap.add_argument("--split", default="train", choices=("train", "meantime"),
                    help="temporal only")
    ap.add_argument("--published", default="2000-01-01",
                    help="events only: the date given to the undated GSR sentences")
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if a.task == "temporal":
        task_temporal(a.split, a.limit)
    elif a.task == "quotes":
        task_quotes(a.limit)
    else:
        task_events(a.published, a.limit)


if __name__ == "__main__":
    main()
