"""Run ``analyse`` in this process (batched ``nlp.pipe``) or in a local process pool.

DOCS: docs/batch.md
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from newsledger.model import Article, ArticleAnalysis

Result = tuple[Article, ArticleAnalysis | Exception]
CHUNK = 8

_WORKER_RESOURCES: Any = None


def analyse_chunk(articles: Sequence[Article], resources: Any) -> list[Result]:
    """Analyse a chunk with one ``nlp.pipe`` call; a failing article fails alone."""
    from newsledger.nlp.pipeline import analyse, analyse_many

    try:
        return list(zip(articles, analyse_many(articles, resources, batch_size=len(articles) or 1), strict=True))
    except Exception:  # find the article that failed; the others still get analysed
        out: list[Result] = []
        for article in articles:
            try:
                out.append((article, analyse(article, resources)))
            except Exception as exc:  # reported per article by ingest
                out.append((article, exc))
        return out


def _init_worker() -> None:
    global _WORKER_RESOURCES
    from newsledger.nlp.pipeline import Resources

    _WORKER_RESOURCES = Resources.load()


def _worker_chunk(articles: list[Article]) -> list[Result]:
    return analyse_chunk(articles, _WORKER_RESOURCES)


class LocalExecutor:
    def __init__(self, workers: int = 1, resources: Any = None) -> None:
        self.workers = max(1, workers)
        self.resources = resources

    def analyse(self, articles: Sequence[Article]) -> Iterator[Result]:
        if not articles:
            return
        chunks = [list(articles[i:i + CHUNK]) for i in range(0, len(articles), CHUNK)]
        if self.workers == 1 or len(chunks) == 1:
            if self.resources is None:
                from newsledger.nlp.pipeline import Resources

                self.resources = Resources.shared()
            for chunk in chunks:
                yield from analyse_chunk(chunk, self.resources)
            return
        with ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker) as pool:
            for results in pool.map(_worker_chunk, chunks):
                yield from results
