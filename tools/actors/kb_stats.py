"""Print the actor KB's size and load time, and (``--seeds``) how the seed reports resolve.

    .venv/bin/python tools/actors/kb_stats.py [--seeds] [--shared ../shared]

Load time is measured in a fresh process from import to a ready KB (data files parsed,
indexes built); run it a few times on a quiet machine.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", action="store_true", help="also parse and resolve the seed reports")
    ap.add_argument("--shared", default=os.environ.get("NEWSLEDGER_SHARED", str(REPO / ".." / "shared")))
    args = ap.parse_args()

    t0 = time.perf_counter()
    from newsledger.nlp.actors import load_kb, resolve_actors

    kb = load_kb()
    load_s = time.perf_counter() - t0
    kinds = Counter(e.kind for e in kb.entries.values())
    offices = sum(len(e.offices) for e in kb.entries.values())
    print(f"KB load: {load_s:.3f} s (import + data files + indexes)")
    print(f"countries: {kinds['country']}  organisations: {kinds['organization']}  people: {kinds['person']} "
          f"({offices} office terms)  index keys: {len(kb.index)}  agent phrases: {len(kb.agents)}  "
          f"places: {len(kb.places)}  titles: {len(kb.titles)}")
    print(f"entity-ruler patterns: {len(kb.entity_ruler_patterns())}")
    t2 = time.perf_counter()
    base = kb.base()
    kb.first_words()
    base_s = time.perf_counter() - t2
    if base is not None:
        print(f"Phoenix base layer (lazy, on first resolve): {base_s:.3f} s; {len(base.rows)} names, "
              f"{len(base.index)} index keys, {len(base.places)} place names; total {load_s + base_s:.3f} s")
    if not args.seeds:
        return
    from newsledger.nlp.pipeline import build_nlp

    nlp = build_nlp(kb)
    seeds = Path(args.shared) / "corpus" / "seeds"
    with open(seeds / "manifest.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    docs = [(r, nlp((seeds / r["file"]).read_text(encoding="utf-8"))) for r in rows]
    t1 = time.perf_counter()
    results = [(r, d, resolve_actors(d, kb, r["published"], r["file"])) for r, d in docs]
    el = time.perf_counter() - t1
    words = sum(len(d) for _, d in docs)
    print(f"resolve_actors: {el / len(docs) * 1000:.1f} ms/article, {words / el:,.0f} tokens/s (parse excluded)")
    for r, _, res in results:
        counts = Counter(m.actor_id for m in res.mentions)
        print(f"\n{r['file']} ({r['published']}): {len(res.actors)} actors, {len(res.mentions)} mentions")
        for aid, a in sorted(res.actors.items(), key=lambda x: -counts[x[0]]):
            if a.kind in ("person", "country", "organization") or counts[aid] > 1:
                print(f"  {aid:28s} {counts[aid]:3d}  {a.codes.get('cameo', '-'):14s} {a.name}")


if __name__ == "__main__":
    main()
