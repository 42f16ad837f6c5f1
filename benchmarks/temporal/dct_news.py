"""Publication-date inference on real news articles whose publication date is known.

Reads the Timeline17 article pools (``shared/benchmarks/timelines/data/t17/<topic>/
articles.jsonl``: id, date = publication date, PTB-tokenized text), undoes the PTB
tokenization so the text looks like what ``newsledger ingest`` receives, hides the date
and runs ``newsledger.nlp.temporal.infer_published`` on it. Prints:

* share of articles with any inference, within +-1 day, within +-7 days, same month
  (all as shares of *all* articles; ``acc|inferred`` = within +-1 day among inferred);
* the same per evidence type (the evidence string with quoted text and years blanked);
* calibration: accuracy (within +-1 day) per confidence value, and the mean confidence
  against the observed accuracy;
* docs/s of the inference alone (one process).

``--half a|b`` keeps a deterministic half of the articles (crc32 of the id): calibrate
confidences on one half, check them on the other. ``--sample K`` keeps every K-th
article of each topic (lean runs on a shared machine).

    .venv/bin/python benchmarks/temporal/dct_news.py [--topics bpoil,mj] [--half a] [--sample 3]
    .venv/bin/python benchmarks/temporal/dct_news.py --errors 20      # list misses
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import time
import zlib
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from newsledger.nlp.temporal import infer_published  # noqa: E402

SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", REPO / ".." / "shared")).resolve()
DATA = SHARED / "benchmarks" / "timelines" / "data"

_PTB = [
    (re.compile(r"-LRB-\s*"), "("),
    (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"-LSB-\s*"), "["),
    (re.compile(r"\s*-RSB-"), "]"),
    (re.compile(r"-LCB-\s*"), "{"),
    (re.compile(r"\s*-RCB-"), "}"),
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", re.I), r"\1"),
    (re.compile(r" ([,.;:!?%])"), r"\1"),
    (re.compile(r"\$ (?=\d)"), "$"),
]


def detokenize(text: str) -> str:
    """Undo the PTB tokenization of the corpus (brackets, quotes, clitics, punctuation)."""
    for pat, rep in _PTB:
        text = pat.sub(rep, text)
    return text


def half_of(doc_id: str) -> str:
    return "a" if zlib.crc32(doc_id.encode("utf-8")) % 2 == 0 else "b"


def load(dataset: str, topics: list[str] | None, half: str, sample: int) -> list[dict]:
    root = DATA / dataset
    if not root.is_dir():
        sys.exit(f"data not found: {root} (set NEWSLEDGER_SHARED)")
    docs: list[dict] = []
    for tdir in sorted(p for p in root.iterdir() if p.is_dir()):
        if topics and tdir.name not in topics:
            continue
        rows = [
            json.loads(x) for x in (tdir / "articles.jsonl").open(encoding="utf-8") if x.strip()
        ]
        for i, r in enumerate(rows):
            if sample > 1 and i % sample:
                continue
            if half != "all" and half_of(r["id"]) != half:
                continue
            text = detokenize(r["text"]) if dataset == "t17" else r["text"]
            docs.append({"id": r["id"], "date": r["date"], "text": text, "topic": tdir.name})
    return docs


def evidence_kind(evidence: str) -> str:
    """The evidence string with its quoted text and years blanked out."""
    return re.sub(r"'[^']*'|\(\d{4}\)", "_", evidence).strip()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--dataset", default="t17")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--topics", default="", help="comma-separated topics (default: all)")
    ap.add_argument("--half", default="all", choices=("all", "a", "b"))
    ap.add_argument("--sample", type=int, default=1, help="keep every K-th article per topic")
    ap.add_argument("--errors", type=int, default=0, help="list N wrong inferences (> 1 day off)")
    ap.add_argument("--json", type=Path, help="write the numbers here")
    a = ap.parse_args(argv)
    docs = load(a.dataset, [t for t in a.topics.split(",") if t] or None, a.half, a.sample)
    n = len(docs)
    if not n:
        sys.exit("no articles")
    found = day = week = month = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    by_conf: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    conf_sum = 0.0
    errors: list[str] = []
    infer_published("Warm-up: BRUSSELS, March 3, 1999 - talks.")
    t0, c0 = time.perf_counter(), time.process_time()
    guesses = [infer_published(d["text"], lang=a.lang) for d in docs]
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    for d, g in zip(docs, guesses, strict=True):
        if g is None:
            continue
        found += 1
        gold = dt.date.fromisoformat(d["date"])
        pred = dt.date.fromisoformat(g.value)
        off = abs((pred - gold).days)
        ok1, ok7, okm = off <= 1, off <= 7, (pred.year, pred.month) == (gold.year, gold.month)
        day, week, month = day + ok1, week + ok7, month + okm
        k = by_kind[evidence_kind(g.evidence)]
        k[0], k[1], k[2], k[3] = k[0] + 1, k[1] + ok1, k[2] + ok7, k[3] + okm
        c = by_conf[round(g.confidence, 2)]
        c[0], c[1] = c[0] + 1, c[1] + ok1
        conf_sum += g.confidence
        if not ok1 and len(errors) < a.errors:
            errors.append(
                f"{d['id']} gold={d['date']} pred={g.value} ({off} d) conf={g.confidence:.2f} {g.evidence}"
            )
    res: dict[str, Any] = {
        "docs": n,
        "inferred": found / n,
        "within_1_day": day / n,
        "within_7_days": week / n,
        "same_month": month / n,
        "acc_given_inferred": day / found if found else 0.0,
        "mean_confidence": conf_sum / found if found else 0.0,
        "docs_per_s": n / wall if wall else 0.0,
        "docs_per_cpu_s": n / cpu if cpu else 0.0,
        "by_evidence": {
            k: {"n": v[0], "day": v[1] / v[0], "week": v[2] / v[0], "month": v[3] / v[0]}
            for k, v in sorted(by_kind.items(), key=lambda kv: -kv[1][0])
        },
        "calibration": {
            str(k): {"n": v[0], "acc": v[1] / v[0]} for k, v in sorted(by_conf.items())
        },
    }
    print(f"{a.dataset} half={a.half} sample={a.sample} docs={n}")
    print(
        f"inferred={res['inferred']:.3f} within_1_day={res['within_1_day']:.3f} "
        f"within_7_days={res['within_7_days']:.3f} same_month={res['same_month']:.3f} "
        f"acc|inferred={res['acc_given_inferred']:.3f} mean_conf={res['mean_confidence']:.3f} "
        f"docs/s={res['docs_per_s']:.0f} (cpu {res['docs_per_cpu_s']:.0f})"
    )
    print("by evidence (n, +-1d, +-7d, month among that evidence):")
    for k, v in res["by_evidence"].items():
        print(f"  {v['n']:5d}  {v['day']:.3f}  {v['week']:.3f}  {v['month']:.3f}  {k}")
    print("calibration (confidence: n, observed +-1d accuracy):")
    for k, v in res["calibration"].items():
        print(f"  {k:>5}: {v['n']:5d}  {v['acc']:.3f}")
    for e in errors:
        print("  ERR", e)
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(res, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
