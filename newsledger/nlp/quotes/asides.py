"""Trailing asides of reported content: "Fowler said he expects Clinton to recover from her
pneumonia, which forced her to leave early" — the relative clause after the comma is the
writer's note, not what Fowler said. A comma- or dash-set-off non-restrictive relative
clause or concessive/temporal clause (the labels are data) that runs to the end of an unquoted content is
cut off it (``data/asides.en.yaml``). Quoted words are never cut: this is for indirect speech.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsledger.datafiles import data_path, load_data


@dataclass(frozen=True)
class AsideRules:
    deps: frozenset[str]
    relative_openers: frozenset[str]
    clause_openers: frozenset[str]
    separators: frozenset[str]
    min_words_left: int


@lru_cache(maxsize=1)
def load_aside_rules() -> AsideRules:
    d = load_data(data_path("quotes", "asides.en.yaml"), required=("aside_deps",))
    return AsideRules(
        deps=frozenset(d["aside_deps"]),
        relative_openers=frozenset(w.lower() for w in d.get("relative_openers") or ()),
        clause_openers=frozenset(w.lower() for w in d.get("clause_openers") or ()),
        separators=frozenset(d.get("separators") or (",",)),
        min_words_left=int(d.get("min_words_left", 3)),
    )


def without_trailing_aside(doc: Any, first: int, last: int, rules: AsideRules | None = None) -> int | None:
    """The index of the last token to keep of content tokens ``first``..``last`` when a
    trailing aside closes it, else None."""
    rules = rules or load_aside_rules()
    while last > first and doc[last].is_punct:
        last -= 1
    for k in range(last - 1, first + rules.min_words_left - 1, -1):
        sep = doc[k]
        if sep.text not in rules.separators:
            continue
        opener = doc[k + 1]
        head = _aside_head(doc, opener, k + 1, last, rules)
        if head is None:
            continue
        keep = k - 1
        while keep > first and doc[keep].is_punct:
            keep -= 1
        words = sum(1 for t in doc[first: keep + 1] if not t.is_punct)
        return keep if words >= rules.min_words_left else None
    return None


def _aside_head(doc: Any, opener: Any, lo: int, last: int, rules: AsideRules) -> Any | None:
    """The head of an aside that starts at token ``lo`` and runs to ``last``, if one does."""
    for t in (opener, opener.head):
        if t.dep_ not in rules.deps or t.left_edge.i != lo or t.right_edge.i < last:
            continue
        if t.head.i >= lo:  # the aside must hang on the content before it
            continue
        if t.dep_ == "relcl" and opener.lower_ not in rules.relative_openers:
            continue
        if t.dep_ == "advcl" and opener.lower_ not in rules.clause_openers:
            continue
        return t
    return None
