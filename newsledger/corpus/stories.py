"""Stories: online clustering of articles as they arrive.

Each article becomes one vector: the static MiniLM embedding of title + lead
(:mod:`newsledger.corpus.embed`), centred on the running mean of the articles seen so
far in the same language (common-component removal: news shares a "news" direction,
and text the English model cannot read shares a "foreign" one), next to a hashed
TF-IDF vector of its content words (function words of its guessed language dropped).
It joins the most similar story when

    cos(article, story centroid) + actor_weight * overlap(actors) - time penalty >= threshold

and opens a new story otherwise. A story is the sum of its members' vectors. Stories
whose centroids become near-identical are merged, and every ``review_every`` articles
small idle stories get a second chance to join a big one running at the same time
(``_review_small``), helped by how much of the big story's *signature* (its most
over-represented words, :meth:`StoryClusterer._signature`) they contain. Everything is
deterministic, and the whole state pickles to bytes for the store.

DOCS: docs/corpus.md#stories
"""

from __future__ import annotations

import math
import pickle
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
from threadpoolctl import threadpool_limits

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

    threshold: float = 0.30
    dense_weight: float = 0.3
    hash_dims: int = 2048
    actor_weight: float = 0.10
    window_days: float = 120.0
    time_penalty: float = 0.05
    merge_threshold: float = 0.70
    lead_chars: int = 1500
    keyword_chars: int = 6000
    prior_docs: float = 50.0
    name_boost: float = 1.0
    review_every: int = 0          # every this many articles, small stories are reviewed (0: never)
    absorb_max_size: int = 0       # stories this small are reviewed ...
    absorb_min_size: int = 50      # ... against stories at least this big ...
    absorb_threshold: float = 0.3  # ... and join the most similar one at this centroid cosine
    absorb_idle_days: float = 0.0  # ... once they got no article for this many days
    article_terms: int = 60        # an article's this many most frequent content words go into its story's profile
    sig_terms: int = 0             # a story's signature: its this many most distinctive words (0: off)
    sig_weight: float = 0.0        # review: bonus for covering a story's signature (weighted share of its words)
    sig_min_size: int = 20         # stories this big have a signature
    absorb_max_gap: float = 4.0    # review: a fragment never joins a story idle this many windows before it

    @classmethod
    def from_data(cls) -> ClusterParams:
        content = load_data(data_path("corpus", "clustering.yaml"), required=("clustering",))
        known = {k: v for k, v in content["clustering"].items() if k in cls.__dataclass_fields__}
        return cls(**known)


_WORD = re.compile(r"[^\W\d_][^\W\d_\-']{2,}")


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    """Function words per language: English from claims.en.yaml, the others from
    ``data/stopwords.yaml``."""
    from newsledger.corpus.text import claim_rules

    other = load_data(data_path("corpus", "stopwords.yaml"), required=("stopwords",))["stopwords"]
    out = {lang: frozenset(str(w) for w in words) for lang, words in other.items()}
    out["en"] = frozenset(claim_rules("en")["stopwords"])
    return out


@lru_cache(maxsize=1)
def _function_word_languages() -> dict[str, tuple[str, ...]]:
    """Word -> the languages it is a function word of."""
    out: dict[str, list[str]] = {}
    for lang, words in _stopwords().items():
        for w in words:
            out.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in out.items()}


def guess_language(words: list[str], sample: int = 200) -> str:
    """The language whose function words cover most of the first ``sample`` lower-cased
    ``words`` (English on ties and when nothing matches)."""
    index = _function_word_languages()
    hits: Counter[str] = Counter()
    for w in words[:sample]:
        langs = index.get(w)
        if langs:
            hits.update(langs)
    best = max(hits.values(), default=0)
    if best == 0 or hits["en"] == best:
        return "en"
    return min(lang for lang, n in hits.items() if n == best)


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


class StoryClusterer:
    """Incremental story clustering. ``add(...) -> story_id``; ``dumps()``/``loads()``.

    The article representation is ``[w * dense, (1 - w) * keywords]``: the centred
    static-MiniLM embedding of title + lead, and a hashed TF-IDF vector of the text's
    words with document frequencies counted online (no look-ahead). Stories are
    sums of their members' vectors, compared by cosine; each story also counts its
    members' most frequent content words (``terms``), from which its signature comes.
    """

    def __init__(self, params: ClusterParams | None = None,
                 embedder: StaticEmbedder | None = None) -> None:
        self.params = params or ClusterParams.from_data()
        self._embedder = embedder
        self.assignment: dict[str, int] = {}
        self.parent: list[int] = []          # merged story -> the story it went into (itself if alive)
        self.sums: np.ndarray | None = None  # (capacity, dims) member-vector sums
        self.alive = np.zeros(0, bool)
        self.last = np.zeros(0)
        self.norms = np.zeros(0, np.float32)
        self.last_day: list[int | None] = []
        self.members: list[list[str]] = []
        self.actors: list[Counter[str]] = []
        self.titles: list[str] = []
        self.means: dict[str, np.ndarray] = {}  # running mean embedding per language
        self.lang_seen: Counter[str] = Counter()
        self.df: Counter[str] = Counter()
        self.seen = 0
        self.terms: list[Counter[str]] = []  # per story: in how many members each word is a top keyword
        self._hash: dict[str, tuple[int, float]] = {}
        # story -> (its size then, its signature): kept in the state, so that a ledger built in
        # batches clusters exactly as one built in one go
        self._sigs: dict[int, tuple[int, dict[str, float]]] = {}

    @property
    def embedder(self) -> StaticEmbedder:
        if self._embedder is None:
            self._embedder = default_embedder()
        return self._embedder

    # ---- persistence -------------------------------------------------------------
    def dumps(self) -> bytes:
        state = {k: v for k, v in self.__dict__.items() if k not in ("_embedder", "_hash")}
        return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def loads(cls, data: bytes, embedder: StaticEmbedder | None = None) -> StoryClusterer:
        obj = cls.__new__(cls)
        obj.__dict__.update(pickle.loads(data))
        for name, field in ClusterParams.__dataclass_fields__.items():
            if not hasattr(obj.params, name):  # a state pickled before this knob existed
                setattr(obj.params, name, field.default)
        obj._embedder = embedder
        obj._hash = {}
        obj.__dict__.setdefault("_sigs", {})
        if "terms" not in obj.__dict__:  # a state pickled before story profiles existed
            obj.terms = [Counter() for _ in obj.members]
        if "means" not in obj.__dict__:  # ... or before per-language centring
            mean = obj.__dict__.pop("mean", None)
            obj.means = {} if mean is None else {"en": mean}
            obj.lang_seen = Counter({"en": obj.seen} if mean is not None else {})
        return obj

    # ---- representation ----------------------------------------------------------
    def dense(self, text: str, title: str | None = None) -> np.ndarray:
        """The article's raw (uncentred) static embedding of title + lead."""
        head = ((title or "") + "\n" + text)[: self.params.lead_chars]
        return self.embedder.embed([head])[0]

    def _keywords(self, text: str) -> tuple[np.ndarray, dict[str, float], str]:
        """The article's hashed TF-IDF vector, its content words with their counts
        (capitalised occurrences count ``name_boost`` times) and its guessed language."""
        dims = self.params.hash_dims
        words = _WORD.findall(text[: self.params.keyword_chars])
        lows = [w.lower() for w in words]
        lang = guess_language(lows)
        stops = _stopwords()
        stop = stops["en"] if lang == "en" else stops["en"] | stops[lang]
        counts: dict[str, float] = {}
        boost = self.params.name_boost
        for word, low in zip(words, lows, strict=True):
            if low not in stop:
                counts[low] = counts.get(low, 0.0) + (boost if word[0].isupper() else 1.0)
        self.seen += 1
        self.df.update(counts.keys())
        out = np.zeros(dims, np.float32)
        n = self.seen + self.params.prior_docs
        for word, c in counts.items():
            slot = self._hash.get(word)
            if slot is None:
                h = zlib.crc32(word.encode("utf-8"))
                slot = (h % dims, 1.0 if (h >> 16) & 1 else -1.0)
                self._hash[word] = slot
            out[slot[0]] += slot[1] * (1.0 + math.log(c)) * math.log(n / (self.df[word] + 1))
        return _unit(out), counts, lang

    def story_of(self, article_id: str) -> str | None:
        idx = self.assignment.get(article_id)
        return None if idx is None else f"S{self._root(idx):05d}"

    def _root(self, idx: int) -> int:
        while self.parent[idx] != idx:
            idx = self.parent[idx]
        return idx

    # ---- clustering --------------------------------------------------------------
    def add(self, article_id: str, text: str, title: str | None = None, date: str | None = None,
            actor_ids: tuple[str, ...] | list[str] = (), dense: np.ndarray | None = None) -> str:
        """Assign one article to a story (opening one if none fits); returns the story id."""
        if article_id in self.assignment:
            return self.story_of(article_id) or ""
        p = self.params
        raw = dense if dense is not None else self.dense(text, title)
        keywords, counts, lang = self._keywords(text)
        # centred on the running mean of the same language's articles (the embedding model
        # reads English: text in another language shares a "foreign" direction)
        k = self.lang_seen[lang]
        mean = self.means[lang] = raw.copy() if k == 0 else self.means[lang] + (raw - self.means[lang]) / (k + 1)
        self.lang_seen[lang] += 1
        shrink = k / (k + p.prior_docs)  # little corpus: little centring
        vec = np.concatenate([p.dense_weight * _unit(raw - shrink * mean),
                              (1.0 - p.dense_weight) * keywords]).astype(np.float32)
        # the story profile's words: the article's most frequent content words (text order on ties)
        profile = sorted(counts, key=counts.__getitem__, reverse=True)[: p.article_terms]
        day = _day(date)
        actors = set(actor_ids)
        best, best_score = -1, -1.0
        n = len(self.members)
        if n:
            assert self.sums is not None
            sums = self.sums[:n]
            norms = self.norms[:n]
            scores = np.where(self.alive[:n] & (norms > 0), sums @ vec / np.maximum(norms, 1e-9), -9.0)
            if day is not None and p.window_days > 0:
                gaps = np.nan_to_num(np.abs(day - self.last[:n]), nan=0.0)
                scores -= p.time_penalty * np.minimum(1.0, gaps / p.window_days)
                scores[gaps > 4 * p.window_days] = -9.0
            if actors:
                for i in np.argsort(-scores)[:5]:
                    if self.actors[i]:
                        top = {a for a, _ in self.actors[i].most_common(max(5, len(actors)))}
                        scores[i] += p.actor_weight * len(actors & top) / max(1, min(len(actors), len(top)))
            best = int(np.argmax(scores))
            best_score = float(scores[best])
        if best < 0 or best_score < p.threshold:
            best = self._open(vec, title or text[:120])
        self._absorb(best, vec, day, article_id, actors, profile)
        self._maybe_merge(best)
        if p.review_every > 0 and self.seen % p.review_every == 0:
            self._review_small(day)
        return self.story_of(article_id) or ""

    def _signature(self, idx: int) -> dict[str, float]:
        """The story's most distinctive words, weighted (sum 1): a word that is a top keyword
        of a share ``q`` of its members and appears in a share ``g`` of all articles scores
        ``q * log(q / g)`` (its contribution to the story's divergence from the stream).
        Cached; recomputed once the story has grown by a tenth."""
        size = len(self.members[idx])
        hit = self._sigs.get(idx)
        if hit is not None and size <= hit[0] * 1.1:
            return hit[1]
        n = self.seen + self.params.prior_docs
        floor = max(2.0, 0.05 * size)
        scored = []
        for word, k in self.terms[idx].items():
            if k >= floor:
                q, g = k / size, (self.df[word] + 1) / n
                if q > g:
                    scored.append((q * math.log(q / g), word))
        scored.sort(reverse=True)
        top = scored[: self.params.sig_terms]
        total = sum(s for s, _ in top) or 1.0
        sig = {w: s / total for s, w in top}
        self._sigs[idx] = (size, sig)
        return sig

    def _open(self, vec: np.ndarray, title: str) -> int:
        idx = len(self.members)
        if self.sums is None:
            self.sums = np.zeros((64, len(vec)), np.float32)
            self.alive = np.zeros(64, bool)
            self.last = np.full(64, np.nan)
            self.norms = np.zeros(64, np.float32)
        elif idx >= len(self.sums):
            self.sums = np.vstack([self.sums, np.zeros_like(self.sums)])
            self.alive = np.concatenate([self.alive, np.zeros(len(self.alive), bool)])
            self.last = np.concatenate([self.last, np.full(len(self.last), np.nan)])
            self.norms = np.concatenate([self.norms, np.zeros(len(self.norms), np.float32)])
        self.alive[idx] = True
        self.parent.append(idx)
        self.last_day.append(None)
        self.members.append([])
        self.actors.append(Counter())
        self.terms.append(Counter())
        self.titles.append(title.strip().split("\n")[0][:200])
        return idx

    def _absorb(self, idx: int, vec: np.ndarray, day: int | None, article_id: str,
                actors: set[str], terms: Sequence[str] = ()) -> None:
        assert self.sums is not None
        self.sums[idx] += vec
        self.norms[idx] = np.linalg.norm(self.sums[idx])
        if day is not None:
            last = self.last_day[idx]
            self.last_day[idx] = day if last is None else max(last, day)
            self.last[idx] = self.last_day[idx]
        self.members[idx].append(article_id)
        self.actors[idx].update(actors)
        self.terms[idx].update(terms)
        self.assignment[article_id] = idx

    def _maybe_merge(self, idx: int) -> None:
        assert self.sums is not None
        n = len(self.members)
        if len(self.members[idx]) < 2 or n < 2:
            return
        sums = self.sums[:n]
        norms = np.maximum(self.norms[:n], 1e-9)
        sims = np.where(self.alive[:n], sums @ (sums[idx] / norms[idx]) / norms, -9.0)
        for j in np.argsort(-sims):
            j = int(j)
            if sims[j] < self.params.merge_threshold:
                return
            if j == idx or not self.alive[j] or len(self.members[j]) < 2:
                continue
            keep, gone = (idx, j) if len(self.members[idx]) >= len(self.members[j]) else (j, idx)
            self._merge(keep, gone)
            return

    def _merge(self, keep: int, gone: int) -> None:
        """Story ``gone`` joins story ``keep`` (sums, members, actors, last day)."""
        assert self.sums is not None
        self.sums[keep] += self.sums[gone]
        self.sums[gone] = 0.0
        self.norms[keep] = np.linalg.norm(self.sums[keep])
        self.norms[gone] = 0.0
        for aid in self.members[gone]:
            self.assignment[aid] = keep
        self.members[keep].extend(self.members[gone])
        self.members[gone] = []
        self.actors[keep].update(self.actors[gone])
        self.terms[keep].update(self.terms[gone])
        self.terms[gone] = Counter()
        self._sigs.pop(gone, None)
        days = [d for d in (self.last_day[keep], self.last_day[gone]) if d is not None]
        self.last_day[keep] = max(days) if days else None
        self.last[keep] = np.nan if self.last_day[keep] is None else self.last_day[keep]
        self.parent[gone] = keep
        self.alive[gone] = False

    def _review_small(self, today: int | None) -> None:
        """Second chance for small stories: each story of at most ``absorb_max_size`` members
        joins the most similar story of at least ``absorb_min_size`` members when their
        centroid cosine, plus ``sig_weight`` x the share of the big story's signature among
        the small story's words, less the time penalty, reaches ``absorb_threshold``. Big
        stories whose last article is more than ``absorb_max_gap`` x ``window_days`` from the
        small story's are out. Stories keep growing after an article opened its own story,
        so a fragment (or an article that came too early to match, or one that names the
        story in passing) can fit a big story later. Uses only what has arrived."""
        assert self.sums is not None
        p = self.params
        n = len(self.members)
        sizes = np.array([len(m) for m in self.members])
        alive = self.alive[:n] & (self.norms[:n] > 0)
        big = np.flatnonzero(alive & (sizes >= p.absorb_min_size))
        settled = alive & (sizes <= p.absorb_max_size) & (sizes < p.absorb_min_size)
        if today is not None and p.absorb_idle_days > 0:
            settled &= np.nan_to_num(today - self.last[:n], nan=np.inf) >= p.absorb_idle_days
        small = np.flatnonzero(settled)
        if not len(big) or not len(small):
            return
        cents = self.sums[big] / self.norms[big][:, None]
        sims = (self.sums[small] / self.norms[small][:, None]) @ cents.T
        if p.sig_terms > 0 and p.sig_weight > 0:
            sigs = [self._signature(int(j)) for j in big]
            for row, i in enumerate(small):
                words = self.terms[int(i)]
                for col, sig in enumerate(sigs):
                    sims[row, col] += p.sig_weight * sum(v for w, v in sig.items() if w in words)
        if p.window_days > 0:
            gaps = np.nan_to_num(np.abs(self.last[small][:, None] - self.last[big][None, :]), nan=0.0)
            sims -= p.time_penalty * np.minimum(1.0, gaps / p.window_days)
            sims[gaps > p.absorb_max_gap * p.window_days] = -9.0
        best = np.argmax(sims, axis=1)
        for row, i in enumerate(small):
            if sims[row, best[row]] >= p.absorb_threshold:
                self._merge(int(big[best[row]]), int(i))

    def add_many(self, items: list[tuple[str, str, str | None, str | None, tuple[str, ...]]],
                 batch: int = 64) -> list[str]:
        """``add`` for (id, text, title, date, actor_ids) tuples, embedding them in batches.

        The matrix products here are small, and a multi-threaded BLAS spends more time waking its
        threads than computing (2.6x slower with two threads on a 2-core machine with one other
        job running), so they run on one BLAS thread; the process pool parallelises instead.
        """
        with threadpool_limits(limits=1, user_api="blas"):
            return self._add_many(items, batch)

    def _add_many(self, items: list[tuple[str, str, str | None, str | None, tuple[str, ...]]],
                  batch: int) -> list[str]:
        out: list[str] = []
        for start in range(0, len(items), batch):
            chunk = items[start:start + batch]
            heads = [((t or "") + "\n" + x)[: self.params.lead_chars] for _, x, t, _, _ in chunk]
            dense = self.embedder.embed(heads)
            for (aid, text, title, day, actors), vec in zip(chunk, dense, strict=True):
                out.append(self.add(aid, text, title, day, actors, dense=vec))
        return out

    def clusters(self) -> dict[str, list[str]]:
        """Story id -> article ids (after merges), in arrival order."""
        return {f"S{i:05d}": list(m) for i, m in enumerate(self.members)
                if self.parent[i] == i and m}

    def title(self, story_id: str) -> str:
        """The story's title: the first member's title."""
        return self.titles[int(story_id[1:])]
