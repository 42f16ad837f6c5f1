"""Corpus stages, run after each ingest batch: near-duplicates -> stories -> claims -> timeline.

Public API:

- ``update_corpus(store, new_article_ids) -> None``: incremental. Loads only the new
  analyses and the persisted state (``store.get_blob("corpus/state")``), links
  near-duplicates (:mod:`.dedup`), assigns the new articles to stories (:mod:`.stories`),
  regroups claims from the compact per-article candidates (:mod:`.claims`), rebuilds the
  timeline of the stories that changed (:mod:`.timeline`), then ``store.save_corpus``.
- Pure functions for use without a store: ``StoryClusterer``, ``DuplicateIndex``,
  ``extract_claims(analyses, duplicates)``, ``build_timeline(analyses, stories, duplicates)``.

DOCS: docs/corpus.md
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from typing import Any, Protocol

from newsledger.corpus.claims import ClaimIndex, claim_candidates, extract_claims
from newsledger.corpus.dedup import DuplicateIndex
from newsledger.corpus.stories import StoryClusterer
from newsledger.corpus.timeline import (
    DatedSentence,
    build_timeline,
    dated_sentences,
    story_timeline,
)
from newsledger.model import ArticleAnalysis, Claim, Story, TimelineEntry

__all__ = ["update_corpus", "StoryClusterer", "DuplicateIndex", "extract_claims", "build_timeline",
           "CorpusState", "STATE_KEY"]

STATE_KEY = "corpus/state"
STATE_VERSION = 2


class CorpusStore(Protocol):
    def load_analyses(self, article_ids: Sequence[str] | None = None) -> Any: ...
    def get_blob(self, key: str) -> bytes | None: ...
    def put_blob(self, key: str, data: bytes) -> None: ...
    def save_corpus(self, stories: list[Story], timeline: list[TimelineEntry], claims: list[Claim],
                    duplicates: list[tuple[str, str, float]]) -> None: ...


class CorpusState:
    """Everything the corpus stages remember between batches (pickled into one blob)."""

    def __init__(self) -> None:
        self.version = STATE_VERSION
        self.dedup = DuplicateIndex()
        self.clusterer = StoryClusterer()
        self.claim_index = ClaimIndex()
        self.articles: set[str] = set()
        self.dated: dict[str, list[DatedSentence]] = {}
        self.titles: dict[str, str] = {}
        self.timeline_cache: dict[str, tuple[tuple[str, ...], list[TimelineEntry]]] = {}

    def dumps(self) -> bytes:
        state = dict(self.__dict__)
        state["dedup"] = self.dedup.dumps()
        state["clusterer"] = self.clusterer.dumps()
        return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def loads(cls, data: bytes) -> CorpusState:
        raw = pickle.loads(data)
        if raw.get("version") != STATE_VERSION:
            return cls()
        obj = cls.__new__(cls)
        obj.__dict__.update(raw)
        obj.dedup = DuplicateIndex.loads(raw["dedup"])
        obj.clusterer = StoryClusterer.loads(raw["clusterer"])
        return obj

    # ---- one batch ---------------------------------------------------------------
    def add(self, analyses: list[ArticleAnalysis]) -> None:
        """Dedup, cluster and extract candidates for new analyses (in the given order)."""
        fresh = [an for an in analyses if an.article.id not in self.articles]
        fresh.sort(key=lambda an: (an.article.published or "", an.article.id))
        items = []
        candidates = []
        for an in fresh:
            art = an.article
            self.dedup.add(art.id, art.text)
            self.articles.add(art.id)
            candidates.extend(claim_candidates(an))
            self.dated[art.id] = dated_sentences(an)
            title = art.title or art.text.strip().split("\n")[0][:200]
            self.titles[art.id] = title
            items.append((art.id, art.text, art.title, art.published, tuple(a.id for a in an.actors)))
        self.claim_index.add(candidates)
        self.clusterer.add_many(items)

    def stories(self) -> list[Story]:
        out = []
        for sid, members in sorted(self.clusterer.clusters().items()):
            out.append(Story(sid, self.titles.get(members[0], sid), tuple(members)))
        return out

    def timeline(self, stories: list[Story]) -> list[TimelineEntry]:
        canonical = self.dedup.canonical
        cache: dict[str, tuple[tuple[str, ...], list[TimelineEntry]]] = {}
        for story in stories:
            hit = self.timeline_cache.get(story.id)
            if hit is not None and hit[0] == story.article_ids:
                cache[story.id] = hit
                continue
            cands = [c for aid in story.article_ids for c in self.dated.get(aid, ())]
            cache[story.id] = (story.article_ids, story_timeline(story.id, cands, canonical))
        self.timeline_cache = cache
        entries = [e for _, ents in cache.values() for e in ents]
        return sorted(entries, key=lambda e: (e.date, e.story_id or ""))

    def claims(self) -> list[Claim]:
        return self.claim_index.claims(self.dedup.canonical)


def update_corpus(store: CorpusStore, new_article_ids: list[str]) -> None:
    """Add a batch of analysed articles to the corpus-level records and save them."""
    blob = store.get_blob(STATE_KEY)
    state = CorpusState.loads(blob) if blob else CorpusState()
    analyses = list(store.load_analyses(list(new_article_ids)))
    state.add(analyses)
    stories = state.stories()
    timeline = state.timeline(stories)
    claims = state.claims()
    store.put_blob(STATE_KEY, state.dumps())
    store.save_corpus(stories, timeline, claims, state.dedup.duplicates())
