"""Stories: online clustering of articles as they arrive.

Each article becomes one vector (the static MiniLM embedding of title + lead,
:mod:`newsledger.corpus.embed`), centred on the running mean of everything seen
so far (common-component removal: news articles share a lot of "news" direction).
It joins the most similar story when

    cos(article, story centroid) + actor_weight * overlap(actors) - time penalty >= threshold

and opens a new story otherwise. Stories keep two centroids — the sum of all
members (a long-running crisis keeps its identity for months) and an
exponentially decayed one (it follows the story's drift) — and the better one
counts. Stories whose centroids become near-identical are merged. Everything is
deterministic, and the whole state pickles to bytes for the store.

DOCS: docs/corpus.md#stories
"""

from __future__ import annotations

import math
import pickle
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from newsledger.corpus.embed import StaticEmbedder, default_embedder
from newsledger.datafiles import data_path, load_data


def _day(value: str | None) -> int | None:
    """Days since 1970 of an ISO date (year or month precision: its first day)."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)).toordinal() - 719163
    except ValueError:
        return None


@dataclass
class ClusterParams:
    """Clustering knobs (defaults from ``data/clustering.yaml``)."""

    threshold: float = 0.45
    actor_weight: float = 0.10
    window_days: float = 120.0
    time_penalty: float = 0.10
    decay_days: float = 30.0
    merge_threshold: float = 0.80
    lead_chars: int = 1500

    @classmethod
    def from_data(cls) -> "ClusterParams":
        content = load_data(data_path("corpus", "clustering.yaml"), required=("clustering",))
        known = {k: v for k, v in content["clustering"].items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass
class _Story:
    id: str
    total: np.ndarray
    recent: np.ndarray
    last_day: int | None
    article_ids: list[str] = field(default_factory=list)
    actors: Counter[str] = field(default_factory=Counter)
    titles: list[str] = field(default_factory=list)


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


class StoryClusterer:
    """Incremental story clustering. ``add(...) -> story_id``; ``dumps()``/``loads()``."""

    def __init__(self, params: ClusterParams | None = None,
                 embedder: StaticEmbedder | None = None) -> None:
        self.params = params or ClusterParams.from_data()
        self._embedder = embedder
        self.stories: dict[str, _Story] = {}
        self.assignment: dict[str, str] = {}
        self.merged_into: dict[str, str] = {}
        self.mean: np.ndarray | None = None
        self.seen = 0
        self._next = 0

    @property
    def embedder(self) -> StaticEmbedder:
        if self._embedder is None:
            self._embedder = default_embedder()
        return self._embedder

    # ---- persistence -------------------------------------------------------------
    def dumps(self) -> bytes:
        state = {k: v for k, v in self.__dict__.items() if k != "_embedder"}
        return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def loads(cls, data: bytes, embedder: StaticEmbedder | None = None) -> "StoryClusterer":
        obj = cls.__new__(cls)
        obj.__dict__.update(pickle.loads(data))
        obj._embedder = embedder
        return obj

    # ---- clustering --------------------------------------------------------------
    def vector(self, text: str, title: str | None = None) -> np.ndarray:
        """The article's raw (uncentred) embedding: title + lead."""
        head = ((title or "") + "\n" + text)[: self.params.lead_chars]
        return self.embedder.embed([head])[0]

    def story_of(self, article_id: str) -> str | None:
        sid = self.assignment.get(article_id)
        while sid is not None and sid in self.merged_into:
            sid = self.merged_into[sid]
        return sid

    def add(self, article_id: str, text: str, title: str | None = None, date: str | None = None,
            actor_ids: tuple[str, ...] | list[str] = (), vector: np.ndarray | None = None) -> str:
        """Assign one article to a story (opening one if none fits); returns the story id."""
        if article_id in self.assignment:
            return self.story_of(article_id) or ""
        p = self.params
        raw = vector if vector is not None else self.vector(text, title)
        self.seen += 1
        self.mean = raw.copy() if self.mean is None else self.mean + (raw - self.mean) / self.seen
        vec = _unit(raw - self.mean)
        day = _day(date)
        actors = set(actor_ids)
        best_id, best_score = None, -1.0
        for story in self.stories.values():
            gap = abs(day - story.last_day) if day is not None and story.last_day is not None else 0
            penalty = p.time_penalty * min(1.0, gap / p.window_days) if p.window_days > 0 else 0.0
            if gap > 4 * p.window_days:
                continue
            cos = max(float(vec @ _unit(story.total - self.mean * len(story.article_ids))),
                      float(vec @ _unit(story.recent)))
            score = cos - penalty
            if actors and story.actors:
                top = {a for a, _ in story.actors.most_common(max(5, len(actors)))}
                score += p.actor_weight * len(actors & top) / max(1, min(len(actors), len(top)))
            if score > best_score:
                best_id, best_score = story.id, score
        if best_id is None or best_score < p.threshold:
            best_id = f"S{self._next:05d}"
            self._next += 1
            self.stories[best_id] = _Story(best_id, np.zeros_like(raw), np.zeros_like(raw), day)
        story = self.stories[best_id]
        self._absorb(story, raw, vec, day, article_id, actors, title or text[:120])
        self.assignment[article_id] = best_id
        self._maybe_merge(story)
        return self.story_of(article_id) or best_id

    def _absorb(self, story: _Story, raw: np.ndarray, vec: np.ndarray, day: int | None,
                article_id: str, actors: set[str], title: str) -> None:
        p = self.params
        if day is not None and story.last_day is not None and day > story.last_day:
            story.recent = story.recent * math.exp(-(day - story.last_day) / p.decay_days)
        story.total = story.total + raw
        story.recent = story.recent + vec
        if day is not None:
            story.last_day = day if story.last_day is None else max(story.last_day, day)
        story.article_ids.append(article_id)
        story.actors.update(actors)
        if len(story.titles) < 20:
            story.titles.append(title.strip().split("\n")[0][:200])

    def _centred(self, story: _Story) -> np.ndarray:
        assert self.mean is not None
        return _unit(story.total - self.mean * len(story.article_ids))

    def _maybe_merge(self, story: _Story) -> None:
        if len(story.article_ids) < 3 or len(self.stories) < 2:
            return
        c = self._centred(story)
        for other in list(self.stories.values()):
            if other.id == story.id or len(other.article_ids) < 3:
                continue
            if float(c @ self._centred(other)) >= self.params.merge_threshold:
                keep, gone = (story, other) if len(story.article_ids) >= len(other.article_ids) else (other, story)
                keep.total = keep.total + gone.total
                keep.recent = keep.recent + gone.recent
                keep.article_ids.extend(gone.article_ids)
                keep.actors.update(gone.actors)
                keep.titles.extend(gone.titles[: max(0, 20 - len(keep.titles))])
                if gone.last_day is not None:
                    keep.last_day = gone.last_day if keep.last_day is None else max(keep.last_day, gone.last_day)
                self.merged_into[gone.id] = keep.id
                del self.stories[gone.id]
                return

    def clusters(self) -> dict[str, list[str]]:
        """Story id -> article ids (after merges), in arrival order."""
        return {sid: list(s.article_ids) for sid, s in self.stories.items()}
