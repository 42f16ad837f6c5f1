"""The same per-article function on every executor gives the same analysis."""

from __future__ import annotations

import pytest

from newsledger.batch import make_executor
from newsledger.errors import ConfigError
from newsledger.model import Article

pytestmark = pytest.mark.model

ARTICLES = [
    Article(id=f"a{i}", text=text, published="2023-03-18", content_hash=f"h{i}")
    for i, text in enumerate([
        "Serbian President Aleksandar Vucic met Kosovo Prime Minister Albin Kurti in Ohrid on Saturday.",
        "Thousands of people demonstrated in Belgrade on Friday against the agreement.",
        "Josep Borrell said the parties had accepted the annex.",
    ])
]


def _summary(results):
    return [(a.id, len(r.mentions), len(r.events), len(r.time_expressions)) for a, r in results]


def test_local_in_process(resources) -> None:
    results = list(make_executor("local", resources=resources).analyse(ARTICLES))
    assert [a.id for a, _ in results] == ["a0", "a1", "a2"]
    assert all(not isinstance(r, Exception) for _, r in results)


def test_dask_local_cluster_matches_in_process(resources) -> None:
    pytest.importorskip("distributed")
    local = _summary(make_executor("local", resources=resources).analyse(ARTICLES))
    dask = _summary(make_executor("dask", workers=1).analyse(ARTICLES))
    assert dask == local


def test_unknown_executor() -> None:
    with pytest.raises(ConfigError, match="unknown executor"):
        make_executor("spark")


def test_process_pool_matches_in_process(resources) -> None:
    many = [Article(id=f"p{i}", text=a.text, published=a.published, content_hash=f"p{i}")
            for i, a in enumerate(ARTICLES * 6)]  # 18 articles: more than one chunk per worker
    local = _summary(make_executor("local", resources=resources).analyse(many))
    pooled = _summary(make_executor("local", workers=2).analyse(many))
    assert pooled == local
