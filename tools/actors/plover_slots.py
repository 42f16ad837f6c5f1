"""Diagnostic: how the actor stage codes the gold source/target phrases of the PLOVER GSR.

For every gold event argument with a ``*_text`` phrase, the phrase is found in the sentence,
the sentence is parsed and resolved (``resolve_actors``), and the CAMEO codes (first 6
characters) of the actors its tokens refer to (``actors_for_span``, then places) are compared
with the gold code. Reads the gold set from the shared benchmark folder at run time.

    .venv/bin/python tools/actors/plover_slots.py [--show-misses] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", REPO / ".." / "shared")).resolve()
GOLD = SHARED / "benchmarks" / "events" / "data" / "plover_gsr.plover.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    if not GOLD.is_file():
        sys.exit(f"gold set not found: {GOLD} (set NEWSLEDGER_SHARED)")
    from newsledger.nlp.actors import load_kb, resolve_actors
    from newsledger.nlp.pipeline import build_nlp

    recs = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    if args.limit:
        recs = recs[: args.limit]
    kb = load_kb()
    nlp = build_nlp(kb)
    t0 = time.perf_counter()
    docs = list(nlp.pipe(r["text"] for r in recs))
    stats: Counter = Counter()
    misses = []
    for r, doc in zip(recs, docs, strict=True):
        da = resolve_actors(doc, kb, r.get("date"), r["id"])
        seen = set()
        for e in r["events"]:
            for side in ("source", "target"):
                text, gold = (e.get(side + "_text") or "").strip(), (e.get(side) or "")[:6]
                if not text or (text, gold) in seen:
                    continue
                seen.add((text, gold))
                i = doc.text.find(text)
                if i < 0:
                    stats["not_found"] += 1
                    continue
                span = doc.char_span(i, i + len(text), alignment_mode="expand")
                codes = []
                for aid in da.actors_for_span(span.start, span.end):
                    a = da.actors.get(aid)
                    codes.append(((a.codes or {}).get("plover") or (a.codes or {}).get("cameo", "") if a else "")[:6])
                places = [da.place_for_token(t.i) for t in span if da.place_for_token(t.i)]
                stats["slots"] += 1
                if gold in codes:
                    stats["hit"] += 1
                elif gold[:3] in [c[:3] for c in codes]:
                    stats["country_only"] += 1
                    misses.append((gold, text, codes, places, r["id"]))
                else:
                    stats["miss"] += 1
                    misses.append((gold, text, codes, places, r["id"]))
    dt = time.perf_counter() - t0
    n = stats["slots"] or 1
    print(f"slots={stats['slots']} exact6={stats['hit'] / n:.3f} country-only={stats['country_only'] / n:.3f} "
          f"miss={stats['miss'] / n:.3f} not_found={stats['not_found']} ({dt:.1f}s)")
    if args.show_misses:
        for gold, text, codes, places, rid in misses:
            print(f"{gold:<7} {text[:50]!r:<52} -> {codes} {places[:1]} {rid}")


if __name__ == "__main__":
    main()
