"""Fast text embeddings: the static model distilled from all-MiniLM-L6-v2.

``data/static_minilm.npz`` (built by ``tools/corpus/distill_static.py``) holds one
int8 vector (with a float scale) per vocabulary token. A text's embedding is the
L2-normalised sum of its tokens' vectors — tens of thousands of texts per second,
no torch, no onnxruntime. The full encoder (:class:`newsledger.corpus.minilm.MiniLM`)
stays available for verification.

DOCS: docs/corpus.md#embeddings
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from newsledger.errors import ModelMissingError

STATIC_MODEL = Path(__file__).resolve().parent / "data" / "static_minilm.npz"


class StaticEmbedder:
    """``embed(texts) -> (n, dims)`` L2-normalised float32 vectors."""

    def __init__(self, path: Path = STATIC_MODEL, max_tokens: int = 400) -> None:
        from tokenizers import Tokenizer

        from newsledger.corpus.minilm import model_dir

        if not path.exists():
            raise ModelMissingError(f"static embedding model missing: {path} "
                                    "(build it with tools/corpus/distill_static.py)")
        data = np.load(path)
        self.vectors = data["vectors"].astype(np.float32) * data["scales"][:, None]
        self.dims = int(self.vectors.shape[1])
        self.tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.max_tokens = max_tokens

    def token_ids(self, texts: list[str]) -> list[np.ndarray]:
        """Word-piece ids of each text (first ``max_tokens``), specials dropped."""
        encs = self.tokenizer.encode_batch([t[: self.max_tokens * 8] for t in texts],
                                           add_special_tokens=False)
        return [np.asarray(e.ids[: self.max_tokens], dtype=np.int64) for e in encs]

    def embed_ids(self, ids: np.ndarray) -> np.ndarray:
        vec = self.vectors[ids].sum(0) if len(ids) else np.zeros(self.dims, np.float32)
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm > 0 else vec

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dims), np.float32)
        for i, ids in enumerate(self.token_ids(texts)):
            out[i] = self.embed_ids(ids)
        return out


@lru_cache(maxsize=1)
def default_embedder() -> StaticEmbedder:
    """The process-wide static embedder (loaded once)."""
    return StaticEmbedder()
