"""TempEval-3-style benchmark for newsledger's temporal tagger.

    python benchmarks/temporal/run.py --split train|meantime [--limit N] [--errors N]
    python benchmarks/temporal/run.py --split train --infer-dct

Tags each gold document with ``newsledger.nlp.temporal.tag_text(text, dct)``, writes the
predictions under ``benchmarks/out/temporal/``, scores them with the shared scorer
(``shared/benchmarks/temporal/score.py``) and prints the headline (value / relaxed /
strict F1, value F1 per gold TIMEX3 type) and the speed of the temporal stage alone
(documents per second, one process). ``--infer-dct`` hides the DCT and measures
publication-date inference instead (share within +-1 day and within the same month).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import io
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from newsledger.nlp.temporal import infer_published, tag_text  # noqa: E402


def shared_dir() -> Path:
    env = os.environ.get("NEWSLEDGER_SHARED")
    return Path(env) if env else (REPO / ".." / "shared").resolve()


def load_scorer(bench: Path):
    spec = importlib.util.spec_from_file_location("te3_score", bench / "score.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def run_tagging(docs: list[dict], out_path: Path, repeat: int) -> tuple[float, float]:
    """Tag every document (``repeat`` times); returns (docs per wall second, docs per CPU
    second of this process). On a shared machine the CPU figure is the one-core speed."""
    tag_text("Warm-up on Friday, March 3, 1999.", "1999-03-05")
    results: list[list] = []
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        results = [tag_text(d["text"], d["dct"]) for d in docs]
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    with out_path.open("w", encoding="utf-8") as f:
        for d, tx in zip(docs, results, strict=True):
            timexes = [
                {"start": t.start, "end": t.end, "type": t.type, "value": t.value, "mod": t.mod}
                for t in tx
            ]
            f.write(json.dumps({"id": d["id"], "timexes": timexes}) + "\n")
    n = len(docs) * repeat
    return (n / wall if wall else float("inf")), (n / cpu if cpu else float("inf"))


def run_infer(docs: list[dict]) -> None:
    n = day = month = found = 0
    t0 = time.perf_counter()
    for d in docs:
        n += 1
        g = infer_published(d["text"])
        if g is None:
            continue
        found += 1
        gold = dt.date.fromisoformat(d["dct"])
        pred = dt.date.fromisoformat(g.value)
        day += abs((pred - gold).days) <= 1
        month += (pred.year, pred.month) == (gold.year, gold.month)
    el = time.perf_counter() - t0
    print(
        f"docs={n} inferred={found} within_1_day={day / n:.3f} same_month={month / n:.3f} "
        f"docs/s={n / el:.0f}"
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--split", default="train", choices=("train", "meantime", "test"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", type=int, default=0, help="list the first N errors")
    ap.add_argument("--repeat", type=int, default=1, help="tag the split N times for timing")
    ap.add_argument("--infer-dct", action="store_true", help="measure publication-date inference")
    a = ap.parse_args(argv)
    bench = shared_dir() / "benchmarks" / "temporal"
    gold_path = bench / "data" / f"{a.split}.jsonl"
    if not gold_path.is_file():
        sys.exit(f"gold data not found: {gold_path} (set NEWSLEDGER_SHARED)")
    scorer = load_scorer(bench)
    docs = scorer.load_jsonl(str(gold_path))
    if a.limit:
        docs = docs[: a.limit]
    if a.infer_dct:
        run_infer(docs)
        return
    out_dir = REPO / "benchmarks" / "out" / "temporal"
    out_dir.mkdir(parents=True, exist_ok=True)
    out_path = out_dir / f"pred_{a.split}.jsonl"
    speed, cpu_speed = run_tagging(docs, out_path, a.repeat)
    buf = io.StringIO()
    res = scorer.score(docs, scorer.load_jsonl(str(out_path)), a.errors, out=buf)
    report = buf.getvalue().splitlines()
    print("\n".join(report[:-1]))
    preds = scorer.load_jsonl(str(out_path))
    n_pred_type: dict[str, int] = {}
    for p in preds:
        for t in p["timexes"]:
            n_pred_type[t["type"]] = n_pred_type.get(t["type"], 0) + 1
    per = []
    for typ, c in res["per_gold_type"].items():
        # recall: gold timexes of this type with the right value; precision: over the
        # predictions typed so (a value-correct match typed otherwise counts for recall only)
        r = c.get("value_ok", 0) / c["gold"] if c["gold"] else 0.0
        p_ = min(1.0, c.get("value_ok", 0) / n_pred_type[typ]) if n_pred_type.get(typ) else 0.0
        f = 2 * p_ * r / (p_ + r) if p_ + r else 0.0
        per.append(f"{typ}={f:.3f} (R={r:.3f}, n={c['gold']})")
    print("value F1 per TIMEX3 type: " + "  ".join(per))
    print(
        f"speed: {speed:.0f} docs/s wall, {cpu_speed:.0f} docs per CPU-second "
        f"(temporal stage alone, 1 process, {len(docs)} docs x {a.repeat})"
    )
    print(f"predictions: {out_path}")
    print(report[-1])


if __name__ == "__main__":
    main()
