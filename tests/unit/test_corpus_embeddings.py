"""The embedding models: pinned MiniLM weights, the numpy encoder, the distilled static model."""

from __future__ import annotations

import numpy as np
import pytest

from newsledger.corpus.embed import STATIC_MODEL, StaticEmbedder
from newsledger.corpus.minilm import MINILM_SHA256, MiniLM, model_dir, sha256_file

SAME = ["EU-led talks to settle tensions between Serbia and Kosovo have so far been fruitless.",
        "The European Union's efforts to resolve the escalating tensions between Serbia and Kosovo "
        "hit a roadblock during crisis management talks."]
OTHER = ["The striker scored twice as the home team won the championship final.",
         "Apple released a new smartphone with a faster processor and a better camera."]


def test_minilm_weights_are_the_pinned_ones() -> None:
    assert sha256_file(model_dir() / "model.safetensors") == MINILM_SHA256


@pytest.fixture(scope="module")
def minilm() -> MiniLM:
    return MiniLM()


def test_numpy_minilm_separates_stories(minilm: MiniLM) -> None:
    e = minilm.encode(SAME + OTHER)
    assert e.shape == (4, 384)
    assert np.allclose(np.linalg.norm(e, axis=1), 1.0, atol=1e-5)
    sims = e @ e.T
    assert sims[0, 1] > 0.45
    assert max(sims[0, 2], sims[0, 3], sims[1, 2], sims[1, 3], sims[2, 3]) < 0.2


def test_numpy_minilm_is_batch_invariant(minilm: MiniLM) -> None:
    together = minilm.encode(SAME + OTHER, batch_size=4)
    alone = np.vstack([minilm.encode([t]) for t in SAME + OTHER])
    assert np.allclose(together, alone, atol=1e-4)


def test_static_model_ships_and_agrees_with_minilm(minilm: MiniLM) -> None:
    assert STATIC_MODEL.exists() and STATIC_MODEL.stat().st_size < 10_000_000
    static = StaticEmbedder()
    assert str(np.load(STATIC_MODEL)["source_sha256"]) == MINILM_SHA256
    e = static.embed(SAME + OTHER)
    sims = e @ e.T
    assert sims[0, 1] > max(sims[0, 2], sims[0, 3], sims[1, 2], sims[1, 3]) + 0.2
