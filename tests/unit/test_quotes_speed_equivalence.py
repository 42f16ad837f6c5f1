"""The quote stage's faster helpers give what the plain expressions they replace gave."""

from __future__ import annotations

from typing import Any

from newsledger.nlp.quotes.speaker_descriptions import _under_prep


def _plain_under_prep(t: Any, top: Any) -> bool:
    return any(a.dep_ == "prep" and a.i > top.i for a in t.ancestors if top.is_ancestor(a))


def test_under_prep_matches_the_ancestor_scan(nlp: Any) -> None:
    doc = nlp("Maria Lopez, the new head of the harbour authority in the northern port city, "
              "spoke on Friday.")
    seen = 0
    for tok in doc:
        for child in tok.children:
            if child.dep_ != "appos":
                continue
            for t in child.subtree:
                assert _under_prep(t, child) == _plain_under_prep(t, child)
                seen += 1
    for tok in doc:  # any token under any ancestor, not only appositions
        for top in [tok, *tok.ancestors]:
            assert _under_prep(tok, top) == _plain_under_prep(tok, top)
    assert seen > 3


def test_quoted_share_is_remembered_per_span(resources: Any) -> None:
    from newsledger.nlp.actors import resolve_actors
    from newsledger.nlp.quotes.extract import _DocQuotes
    from newsledger.nlp.quotes.lexicon import load_lexicon

    doc = resources.nlp('The mayor said the plan was "a fine start" for the town.')
    dq = _DocQuotes(doc, resolve_actors(doc, resources.kb, None, "a"), load_lexicon())
    first = dq.quoted_share(0, len(dq.text))
    assert 0 < first < 1
    assert dq.quoted_share(0, len(dq.text)) == first == dq._quoted_share(0, len(dq.text))
