"""Story clustering benchmark runner: the product's StoryClusterer on ../shared/benchmarks/stories.

Generates the gold stream first if needed (``convert.py --out benchmarks/out/stories.jsonl``),
clusters it in date order with :class:`newsledger.corpus.stories.StoryClusterer` (one pass,
incremental, no look-ahead), scores it with the benchmark's own B-cubed scorer (all and per
language) and prints the headline and the speed (articles/s, embedding included).

    .venv/bin/python benchmarks/stories/run.py                # all languages
    .venv/bin/python benchmarks/stories/run.py --lang en      # the English subset (the target)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

# BLAS threads: the clusterer itself runs its small products on one thread (threadpoolctl).

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from newsledger.corpus.stories import ClusterParams, StoryClusterer  # noqa: E402

SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", ROOT / ".." / "shared")).resolve()
BENCH = SHARED / "benchmarks" / "stories"
OUT = ROOT / "benchmarks" / "out"


def load_scorer():
    spec = importlib.util.spec_from_file_location("stories_score", BENCH / "score.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader
    spec.loader.exec_module(mod)
    return mod


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=OUT / "stories.jsonl")
    ap.add_argument("--lang", default="all", help="en, es, fr, it or all")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (development)")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="override a clustering parameter, e.g. --set threshold=0.5")
    ap.add_argument("--out", type=Path, default=OUT / "stories.pred.jsonl")
    args = ap.parse_args()
    if not BENCH.exists():
        sys.exit(f"benchmark not found: {BENCH} (set NEWSLEDGER_SHARED)")
    if not args.data.exists():
        args.data.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(BENCH / "convert.py"), "--out", str(args.data)],
                       check=True, cwd=BENCH)
    items = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    if args.lang != "all":
        items = [it for it in items if it["lang"] == args.lang]
    if args.limit:
        items = items[: args.limit]
    params = ClusterParams.from_data()
    for kv in args.set:
        key, value = kv.split("=", 1)
        setattr(params, key, type(getattr(params, key))(value))
    clusterer = StoryClusterer(params)
    _ = clusterer.embedder  # load the model outside the timed part
    t0 = time.perf_counter()
    clusterer.add_many([(it["id"], it["text"], it.get("title"), it["date"], ()) for it in items])
    elapsed = time.perf_counter() - t0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps({"id": it["id"], "cluster": clusterer.story_of(it["id"])}) + "\n")
    scorer = load_scorer()
    gold = {it["id"]: it["cluster"] for it in items}
    pred = {it["id"]: clusterer.story_of(it["id"]) for it in items}
    langs = sorted({it["lang"] for it in items})
    print(f"params: {params}")
    for scope in ["all"] + (langs if len(langs) > 1 else []):
        ids = [it["id"] for it in items if scope == "all" or it["lang"] == scope]
        p, r, f = scorer.bcubed(gold, pred, ids)
        pp, pr, pf = scorer.pairwise(gold, pred, ids)
        n_pred = len({pred[i] for i in ids})
        print(f"{scope:4s} n={len(ids):5d} B3 P={p:.3f} R={r:.3f} F1={f:.3f}  pair F1={pf:.3f}  "
              f"clusters={n_pred}")
    p, r, f = scorer.bcubed(gold, pred, list(gold))
    print(f"speed: {len(items)} articles in {elapsed:.1f}s = {len(items) / elapsed:.0f} articles/s "
          f"(embedding + clustering)")
    print(f"HEADLINE lang={args.lang} bcubed_f1={f:.3f} p={p:.3f} r={r:.3f} "
          f"clusters={len(set(pred.values()))} articles_per_s={len(items) / elapsed:.0f}")


if __name__ == "__main__":
    main()
