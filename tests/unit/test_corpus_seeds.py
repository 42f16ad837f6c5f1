"""The four seed reports through the real pipeline and the corpus stages (../shared/corpus/seeds)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsledger.corpus import update_corpus
from newsledger.corpus.memstore import MemoryStore
from newsledger.model import Article

pytestmark = pytest.mark.model

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def store() -> MemoryStore:
    if not (SEEDS / "manifest.csv").is_file():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared is absent)")
    from newsledger.nlp.pipeline import Resources, analyse

    resources = Resources.load()
    st = MemoryStore()
    ids = []
    with (SEEDS / "manifest.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text = (SEEDS / row["file"]).read_text(encoding="utf-8")
            art = Article(id=row["file"][:3], text=text, published=row["published"], file=row["file"])
            st.add(analyse(art, resources))
            ids.append(art.id)
    update_corpus(st, ids[:2])   # two batches: the update is incremental
    update_corpus(st, ids[2:])
    return st


def test_seeds_are_one_story(store: MemoryStore) -> None:
    assert len(store.stories) == 1
    assert set(store.stories[0].article_ids) == {"000", "001", "002", "003"}
    assert store.duplicates == []


def test_seed_claims(store: MemoryStore) -> None:
    by_value = {(c.kind, c.value): c for c in store.claims}
    independence = by_value[("dated", "2008")]
    assert set(independence.article_ids) == {"000", "002", "003"}
    assert "independence" in independence.text and "2008" in independence.text
    assert set(by_value[("figure", "120000")].article_ids) == {"002", "003"}
    assert set(by_value[("figure", "6700000")].article_ids) == {"002", "003"}


def test_seed_timeline(store: MemoryStore) -> None:
    dates = [e.date for e in store.timeline]
    assert dates == sorted(dates)
    for d in ("1999", "2008", "2022-08-18", "2023-02-27", "2023-03-18", "2023-06-22"):
        assert d in dates, d
    entry = {e.date: e for e in store.timeline}
    assert entry["2008"].sources == 3 and "independence" in entry["2008"].text
    assert "1999" in entry["1999"].text
    assert entry["2023-03-18"].sources == 2
    assert all(e.story_id == store.stories[0].id for e in store.timeline)
