"""Shared state and parse helpers of the in-document resolution sieves (see ``coref.py``)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Any

from newsledger.nlp.actors.kb import norm

if TYPE_CHECKING:  # pragma: no cover
    from newsledger.nlp.actors.resolve import Item, Resolver

# sectors whose plural agent nouns are actors even without a country ("protesters", "monks",
# "villagers", "workers", "Buddhist monks": PETRARCH's ---OPP, ---REL, ---CVL, ---LAB, ---BUD)
UNQUALIFIED_SECTORS = {"OPP", "REB", "UAF", "COP", "MIL", "REL", "CVL", "LAB", "BUD", "CHR", "MUS", "JEW", "HIN"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
CLIMB_DEPS = {"compound", "flat", "appos", "conj"}


def root_token(doc: Any, item: Item) -> Any:
    """The syntactic head of the item's tokens."""
    span = doc[item.start : item.end]
    return span.root


def climb(tok: Any) -> Any:
    """Up from ``tok`` through compounds, flat names, appositions and conjuncts to the phrase's head."""
    while tok.dep_ in CLIMB_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def is_subject(doc: Any, item: Item) -> bool:
    """Whether the item's phrase is the (active or passive) subject of its verb."""
    return climb(root_token(doc, item)).dep_ in SUBJECT_DEPS


def force_target(tok: Any, rules: dict[str, Any]) -> bool:
    """Whether the phrase headed by ``tok`` is the target of a verb of force (``metonymy.
    force_verbs``): its object, its passive subject, or the object of a ``force_preps``
    preposition after it ("advanced on Sirte")."""
    met = rules.get("metonymy") or {}
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in set(met.get("force_preps") or ()):
        verb = verb.head
    elif tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    return verb.pos_ in ("VERB", "NOUN") and verb.lemma_.lower() in set(met.get("force_verbs") or ())


def name_tokens(text: str) -> tuple[str, ...]:
    """The normalised words of a name, without a possessive 's, hyphens as words of their own."""
    t = norm(text)
    for suffix in ("'s", "’s"):
        if t.endswith(suffix):
            t = t[: -len(suffix)]
    return tuple(t.replace("-", " - ").split())


def contains_run(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` is a proper contiguous run of the words of ``longer``."""
    n, m = len(longer), len(shorter)
    return m < n and any(longer[i : i + m] == shorter for i in range(n - m + 1))


def quoted_tokens(doc: Any, text: str) -> list[bool]:
    """Per token of ``doc``: whether it lies inside a quotation (the quotes stage's mark reader,
    ``quotes.marks.find_mark_spans``: straight, curly and doubled marks, multi-paragraph quotes)."""
    from newsledger.nlp.quotes.marks import find_mark_spans  # a text-only reader; no cycle

    flags = [False] * len(doc)
    pieces = [p for m in find_mark_spans(text) for p in m.pieces]
    if not pieces:
        return flags
    k = 0
    for tok in doc:
        while k < len(pieces) and pieces[k][1] <= tok.idx:
            k += 1
        if k == len(pieces):
            break
        flags[tok.i] = pieces[k][0] <= tok.idx
    return flags


class SieveState:
    """What the sieves share: the resolver, sentence numbers, the actors resolved so far
    (``history``, in text order), person-like name forms and apposition titles per name."""

    def __init__(self, r: Resolver) -> None:
        self.r = r
        self.doc = r.doc
        self.sent_of: dict[int, int] = {}
        for si, s in enumerate(self.doc.sents):
            for t in s:
                self.sent_of[t.i] = si
        self.history: list[tuple[Item, str]] = []
        # person-like items for partial-name matching: (item, tokens)
        self.forms: list[tuple[Item, tuple[str, ...]]] = []
        for it in r.items:
            if it.kind == "person" or (it.kind == "kb" and it.hit is not None and it.hit.entry.kind == "person"):
                self.forms.append((it, name_tokens(r.doc[it.start : it.end].text)))
        self.appos: dict[int, list[Item]] = {}
        self._quoted: list[bool] | None = None
        self._par_starts: list[int] | None = None

    def par_of(self, i: int) -> int:
        """The paragraph (line of text) token ``i`` stands in, counted from 0."""
        if self._par_starts is None:
            text = self.r.doc_text
            self._par_starts = [m.end() for m in re.finditer("\n", text)]
        return bisect_right(self._par_starts, self.doc[i].idx)

    def main_verb(self, verb: Any) -> bool:
        """Whether ``verb`` heads its clause's sentence: the parse's root, or the highest verb of
        its paragraph where the parser ran a sentence on over a paragraph break ("X recalled that
        ... ." / "'...,' he said." parsed as one sentence rooted in "said")."""
        if verb.dep_ == "ROOT" or verb.i == verb.sent.root.i:
            return True
        return self.par_of(verb.head.i) != self.par_of(verb.i)

    def quoted(self, i: int) -> bool:
        """Whether token ``i`` stands between quotation marks (the quoted speech of someone,
        not the reporter's narration); the marks are read once, on first use."""
        if self._quoted is None:
            self._quoted = quoted_tokens(self.doc, self.r.doc_text)
        return self._quoted[i]

    def _personish(self, it: Item) -> bool:
        """Whether the item names a person (an unknown name or a KB person)."""
        return it.kind == "person" or (it.kind == "kb" and it.hit is not None and it.hit.entry.kind == "person")
