"""Near-duplicates: wire copies and syndicated rewrites, by MinHash LSH (datasketch).

Each article is shingled into word 5-grams (lower-cased); a MinHash signature with
``num_perm`` permutations goes into an LSH index at ``threshold`` estimated Jaccard.
A new article whose LSH candidates reach the threshold is linked to the earliest
such article (``duplicate_of``), so corroboration counts the pair once. The index
and the signatures pickle into the store as the incremental state.

DOCS: docs/corpus.md#near-duplicates
"""

from __future__ import annotations

import pickle
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

_TOKEN = re.compile(r"\w+")


def shingles(text: str, k: int = 5) -> set[bytes]:
    """Word k-gram shingles of ``text`` (lower-cased), as bytes."""
    words = _TOKEN.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


class DuplicateIndex:
    """Incremental near-duplicate detection. ``add(id, text) -> [(dup_of, similarity)]``."""

    def __init__(self, threshold: float = 0.6, num_perm: int = 128, k: int = 5) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.k = k
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.signatures: dict[str, np.ndarray] = {}  # MinHash hash values
        self.order: dict[str, int] = {}
        self.links: dict[str, tuple[str, float]] = {}

    def signature(self, text: str) -> MinHash:
        m = MinHash(num_perm=self.num_perm)
        m.update_batch(list(shingles(text, self.k)))
        return m

    def add(self, article_id: str, text: str) -> tuple[str, float] | None:
        """Index one article; returns (duplicate_of, estimated Jaccard) if it copies an earlier one."""
        if article_id in self.signatures:
            return self.links.get(article_id)
        sig = self.signature(text)
        best: tuple[str, float] | None = None
        for other in self.lsh.query(sig):
            sim = float(np.mean(sig.hashvalues == self.signatures[other]))
            if sim >= self.threshold and (best is None or self.order[other] < self.order[best[0]]):
                best = (other, sim)
        if best is not None:
            root = self.links.get(best[0], (best[0], 0.0))[0]
            best = (root, best[1])
            self.links[article_id] = best
        self.lsh.insert(article_id, sig)
        self.signatures[article_id] = sig.hashvalues.copy()
        self.order[article_id] = len(self.order)
        return best

    def canonical(self, article_id: str) -> str:
        """The article a duplicate counts as (itself if it is no copy)."""
        return self.links.get(article_id, (article_id, 1.0))[0]

    def duplicates(self) -> list[tuple[str, str, float]]:
        """(article_id, duplicate_of_article_id, similarity) for every linked copy."""
        return [(a, b, round(s, 3)) for a, (b, s) in self.links.items()]

    def dumps(self) -> bytes:
        return pickle.dumps(self.__dict__, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def loads(cls, data: bytes) -> DuplicateIndex:
        obj = cls.__new__(cls)
        obj.__dict__.update(pickle.loads(data))
        return obj
