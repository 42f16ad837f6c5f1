"""The token attributes the quote stage reads as whole columns: one ``Doc.to_array`` call
per document (each separate call, and a ``Span.to_array`` even more, walks the tokens
again), shared by the document helpers and the speaker resolver."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, POS, SENT_START, TAG
from spacy.strings import hash_string  # type: ignore[attr-defined]

_ATTRS = (IDX, SENT_START, DEP, HEAD, POS, TAG, LEMMA, LOWER)


class TokenColumns:
    """Token attribute columns of one parsed doc (numpy uint64 views of one array, by
    token index): character offset, sentence start (1 opens a sentence), dependency label
    hash, head (relative offset, as in ``to_array``), coarse part-of-speech id, fine tag
    hash, lemma hash, lower-case form hash."""

    def __init__(self, doc: Any) -> None:
        n = len(doc)
        arr = doc.to_array(list(_ATTRS)) if n else np.zeros((0, len(_ATTRS)), dtype=np.uint64)
        self.n = n
        self.idx, self.sent_start, self.dep, self.head, self.pos, self.tag, self.lemma, self.lower = (
            arr[:, k] for k in range(len(_ATTRS)))
        self.dep_head = arr[:, 2:4]  # DEP and HEAD side by side, as ``to_array([DEP, HEAD])`` gives them
        self._pos_list: list[int] | None = None
        self._low: dict[int, Any] = {}  # the low hash bits of a column, by the column's id (``low_bits``)

    def pos_list(self) -> list[int]:
        """The coarse part-of-speech ids as a Python list (converted once)."""
        if self._pos_list is None:
            self._pos_list = self.pos.tolist()
        return self._pos_list

    def low_bits(self, column: Any) -> Any:
        """The low 16 bits of a hash column of this document (``lemma``, ``lower``) as array
        indices, computed once: both the cue candidates and the noun cues sift by them."""
        key = id(column)
        got = self._low.get(key)
        if got is None:
            got = self._low[key] = (column & np.uint64(_LOW_MASK)).astype(np.intp)
        return got


_LOW_MASK = 0xFFFF


@lru_cache(maxsize=32)
def _word_filter(words: frozenset[str]) -> tuple[frozenset[int], Any]:
    """The string hashes of ``words``, and a table by the low 16 bits of a hash telling
    whether any of them ends in those bits."""
    hashes = frozenset(hash_string(w) for w in words)
    low = np.zeros(_LOW_MASK + 1, dtype=bool)
    low[[h & _LOW_MASK for h in hashes]] = True
    return hashes, low


def tokens_with(column: Any, words: frozenset[str], low_bits: Any = None) -> list[int]:
    """Indices of the tokens whose hash in ``column`` (a LEMMA or LOWER column) is one of
    ``words``: the low bits sift out nearly every token at once, the few left are checked
    in full (cheaper than ``np.isin`` on a document-sized column). ``low_bits``: the
    column's ``TokenColumns.low_bits``, when at hand."""
    hashes, low = _word_filter(words)
    if low_bits is None:
        low_bits = (column & np.uint64(_LOW_MASK)).astype(np.intp)
    maybe = np.flatnonzero(low[low_bits])
    return [i for i, h in zip(maybe.tolist(), column[maybe].tolist(), strict=True) if h in hashes]
