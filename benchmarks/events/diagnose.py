"""Triple-error diagnostic for the event coder: gold events next to the predicted ones, bucketed.

Reads the gold set from the shared benchmark folder and the predictions ``run.py`` wrote
(``benchmarks/out/events/<set>.pred.jsonl``); no parsing, so it runs in a second.

    .venv/bin/python benchmarks/events/run.py --set plover_gsr        # writes the predictions
    .venv/bin/python benchmarks/events/diagnose.py [--set plover_gsr] [--show BUCKET] [--limit N]

Per gold event (6-character actor codes, category = code root), matched greedily inside its
sentence, the buckets are:

  ok              the predicted triple is exact
  missing_target  a prediction of the category has the gold source and no target
  missing_source  ... has no source (the target right or empty)
  swapped         ... has source and target exchanged
  wrong_target    ... has the gold source and another (non-empty) target
  wrong_source    ... has the gold target and another source
  wrong_both      ... has other actors on both sides (or no actor at all)
  no_gold_actor   gold source is empty (PLOVER leaves some unstated)
  category_error  no prediction of the category; a prediction of another category exists
  missed          no prediction at all for the sentence (or all of them already used)

Unmatched predictions are counted as ``extra``. When the predictions list the codes of all
actors the actor stage found in the sentence (``run.py`` writes them), each error is also
split by whether the gold source and target codes were among them: ``actor`` (a gold actor the
actor stage never produced: not the coder's to fix) or ``coder`` (both available).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", REPO / ".." / "shared")).resolve()
BENCH = SHARED / "benchmarks" / "events"
SETS = {"plover_gsr": "plover_gsr.plover.jsonl", "petr2_unittest": "petr2_unittest.cameo.jsonl"}


def _act(a: str | None) -> str:
    return (a or "").replace(" ", "").upper()[:6]


def _cat(c: str | None, cameo: bool) -> str:
    c = str(c or "")
    return c[:2] if cameo else c.split("-")[0].upper()


def bucket(g: dict, pool: list[dict], cameo: bool) -> tuple[str, dict | None]:
    """The error bucket of gold event ``g`` against the still unmatched predictions ``pool``."""
    gs, gt, gc = _act(g.get("source")), _act(g.get("target")), _cat(g.get("code"), cameo)
    same = [p for p in pool if _cat(p.get("code"), cameo) == gc]
    for p in same:
        if _act(p.get("source")) == gs and _act(p.get("target")) == gt:
            return "ok", p
    if not same:
        return ("category_error" if pool else "missed"), (pool[0] if pool else None)

    def rank(p: dict) -> int:
        ps, pt = _act(p.get("source")), _act(p.get("target"))
        return (ps == gs) * 2 + (pt == gt) + (ps == gt and pt == gs) * 2

    p = max(same, key=rank)
    ps, pt = _act(p.get("source")), _act(p.get("target"))
    if not gs:
        return "no_gold_actor", p
    if ps == gs:
        return ("missing_target" if not pt else "wrong_target"), p
    if ps == gt and pt == gs and gt:
        return "swapped", p
    if not ps:
        return "missing_source", p
    if pt == gt and gt:
        return "wrong_source", p
    return "wrong_both", p


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=sorted(SETS), default="plover_gsr")
    ap.add_argument("--pred", default="", help="predictions (default benchmarks/out/events/<set>.pred.jsonl)")
    ap.add_argument("--show", default="", help="print the events of these buckets (comma-separated, or 'all')")
    ap.add_argument("--limit", type=int, default=0, help="at most N shown per bucket")
    args = ap.parse_args()
    cameo = args.set == "petr2_unittest"
    gold = [json.loads(x) for x in (BENCH / "data" / SETS[args.set]).read_text(encoding="utf-8").splitlines() if x.strip()]
    pred_path = Path(args.pred or REPO / "benchmarks" / "out" / "events" / f"{args.set}.pred.jsonl")
    preds = {}
    avail: dict[str, set[str]] = {}
    for line in pred_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            preds[r["id"]] = r.get("events") or []
            if "actors" in r:
                avail[r["id"]] = {_act(a) for a in r["actors"]}
    show = set(args.show.split(",")) if args.show else set()
    counts: Counter = Counter()
    by_cat: Counter = Counter()
    split: Counter = Counter()
    shown: Counter = Counter()
    extra = 0
    for r in gold:
        pool = list(preds.get(r["id"], []))
        rows = []
        for g in r.get("events") or []:
            b, p = bucket(g, pool, cameo)
            if b == "ok" or (b not in ("category_error", "missed") and p is not None):
                pool.remove(p)
            counts[b] += 1
            if b != "ok" and r["id"] in avail:
                need = {_act(g.get("source")), _act(g.get("target"))} - {""}
                split[(b, "coder" if need <= avail[r["id"]] else "actor")] += 1
            by_cat[(_cat(g.get("code"), cameo), b)] += 1
            rows.append((b, g, p))
        extra += len(pool)
        for b, g, p in rows:
            if b == "ok" or not (b in show or "all" in show) or (args.limit and shown[b] >= args.limit):
                continue
            shown[b] += 1
            who = ""
            if r["id"] in avail:
                need = {_act(g.get("source")), _act(g.get("target"))} - {""}
                who = " (coder)" if need <= avail[r["id"]] else " (actor)"
            print(f"[{b}{who}] {r['id']}: {r['text']}")
            if r["id"] in avail:
                print(f"   actors found: {' '.join(sorted(avail[r['id']]))}")
            print(f"   gold {g.get('code')} {_act(g.get('source')) or '-'} -> {_act(g.get('target')) or '-'}"
                  f"   src={g.get('source_text')!r} tgt={g.get('target_text')!r} evt={g.get('event_text')!r}")
            for q in preds.get(r["id"], []):
                mark = "*" if q is p else " "
                print(f"  {mark}pred {q.get('code')} {_act(q.get('source')) or '-'} -> {_act(q.get('target')) or '-'}"
                      f"   trig={q.get('trigger')!r}")
    total = sum(counts.values())
    print(f"\n{args.set}: {total} gold events, {extra} extra predictions")
    for b, n in counts.most_common():
        who = f"   coder {split[(b, 'coder')]:>3}  actor {split[(b, 'actor')]:>3}" if split and b != "ok" else ""
        print(f"  {b:<16} {n:>4}  {n / total:.1%}{who}")
    cats = sorted({c for c, _ in by_cat})
    bks = [b for b, _ in counts.most_common()]
    print("\nper category " + " ".join(f"{b[:9]:>9}" for b in bks))
    for c in cats:
        print(f"{c[:12]:<13}" + " ".join(f"{by_cat.get((c, b), 0) or '.':>9}" for b in bks))


if __name__ == "__main__":
    sys.exit(main())
