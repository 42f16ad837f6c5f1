"""An in-memory store with the corpus-facing methods of ``newsledger.store`` (tests, runners).

DOCS: docs/corpus.md#incremental-state
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newsledger.model import ArticleAnalysis, Claim, Ledger, Story, TimelineEntry


class MemoryStore:
    """``load_analyses``, ``get_blob``/``put_blob``, ``save_corpus``, ``load_ledger`` in memory."""

    def __init__(self) -> None:
        self.analyses: dict[str, ArticleAnalysis] = {}
        self.blobs: dict[str, bytes] = {}
        self.stories: list[Story] = []
        self.timeline: list[TimelineEntry] = []
        self.claims: list[Claim] = []
        self.duplicates: list[tuple[str, str, float]] = []
        self.loaded = 0  # analyses handed out (to check the corpus stage reads only new ones)

    def add(self, analysis: ArticleAnalysis) -> None:
        self.analyses[analysis.article.id] = analysis

    def load_analyses(self, article_ids: Sequence[str] | None = None) -> Iterator[ArticleAnalysis]:
        ids = list(self.analyses) if article_ids is None else [a for a in article_ids if a in self.analyses]
        for aid in ids:
            self.loaded += 1
            yield self.analyses[aid]

    def get_blob(self, key: str) -> bytes | None:
        return self.blobs.get(key)

    def put_blob(self, key: str, data: bytes) -> None:
        self.blobs[key] = data

    def save_corpus(self, stories: list[Story], timeline: list[TimelineEntry], claims: list[Claim],
                    duplicates: list[tuple[str, str, float]]) -> None:
        self.stories, self.timeline, self.claims, self.duplicates = stories, timeline, claims, duplicates

    def load_ledger(self) -> Ledger:
        return Ledger(articles=tuple(a.article for a in self.analyses.values()),
                      stories=tuple(self.stories), timeline=tuple(self.timeline),
                      claims=tuple(self.claims))
