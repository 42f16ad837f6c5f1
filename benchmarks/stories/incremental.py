"""Incremental cost of the corpus stages: add 100 articles to a ledger of 10,000.

Builds a 10,000-article ledger in a MemoryStore from the stories benchmark stream
(6,295 articles; the rest are the second halves of the longest articles, under new
ids), runs ``update_corpus`` over it in batches of 1,000, then takes 100 further
articles, analyses them with the real pipeline (``Resources.load()`` + ``analyse``)
and times ``update_corpus(store, those 100 ids)`` against that analysis time.
Target: update <= 1.5 x analysis.

    .venv/bin/python benchmarks/stories/incremental.py [--base 10000] [--new 100]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from newsledger.corpus import STATE_KEY, update_corpus  # noqa: E402
from newsledger.corpus.memstore import MemoryStore  # noqa: E402
from newsledger.model import Article, ArticleAnalysis  # noqa: E402

OUT = ROOT / "benchmarks" / "out"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=OUT / "stories.jsonl")
    ap.add_argument("--base", type=int, default=10_000)
    ap.add_argument("--new", type=int, default=100)
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"{args.data} missing: run benchmarks/stories/run.py first (it generates it)")
    items = [json.loads(x) for x in args.data.open(encoding="utf-8") if x.strip()]
    new_items = [it for it in items if it["lang"] == "en"][-args.new:]
    new_ids = {it["id"] for it in new_items}
    base = [it for it in items if it["id"] not in new_ids]
    extra = sorted(base, key=lambda it: -len(it["text"]))
    i = 0
    while len(base) < args.base and i < len(extra):
        it = extra[i]
        half = it["text"][len(it["text"]) // 2:]
        base.append({**it, "id": it["id"] + "#2", "text": half, "title": half.split("\n")[0]})
        i += 1
    base = base[: args.base]
    base.sort(key=lambda it: (it["date"], it["id"]))
    store = MemoryStore()
    t0 = time.perf_counter()
    for start in range(0, len(base), 1000):
        batch = base[start:start + 1000]
        for it in batch:
            store.add(ArticleAnalysis(Article(it["id"], it["text"], it.get("title"), published=it["date"],
                                              language=it["lang"])))
        update_corpus(store, [it["id"] for it in batch])
    build = time.perf_counter() - t0
    print(f"base ledger: {len(base)} articles, corpus stages {build:.1f}s "
          f"({len(base) / build:.0f} articles/s), state {len(store.get_blob(STATE_KEY) or b'') / 1e6:.1f} MB, "
          f"{len(store.stories)} stories, {len(store.timeline)} timeline entries, {len(store.claims)} claims")

    from newsledger.nlp.pipeline import Resources, analyse

    resources = Resources.load()
    t1 = time.perf_counter()
    for it in new_items:
        store.add(analyse(Article(it["id"], it["text"], it.get("title"), published=it["date"]), resources))
    analysis = time.perf_counter() - t1
    t2 = time.perf_counter()
    update_corpus(store, [it["id"] for it in new_items])
    update = time.perf_counter() - t2
    print(f"new batch: {len(new_items)} articles; analyse {analysis:.1f}s; update_corpus {update:.2f}s "
          f"= {update / analysis:.2f} x analysis (target <= 1.5)")
    print(f"HEADLINE incremental: base={len(base)} new={len(new_items)} analyse_s={analysis:.1f} "
          f"update_s={update:.2f} ratio={update / analysis:.2f}")


if __name__ == "__main__":
    main()
