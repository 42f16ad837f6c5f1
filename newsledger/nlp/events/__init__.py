"""Political events: PLOVER categories (and CAMEO codes) with actors, date, place, negation, modality.

Public API: ``code_events(doc, doc_actors, timexes, published, article_id) -> list[Event]``;
``dyad_series(events, actors=None)`` in ``dyads.py``.

A dependency-based coder: trigger verbs and nouns from the lexicon data files, control
chains ("agreed to cooperate", "refused to recognize", "failed to sign"), light verbs
("held talks"), passive and nominal events, compound actors and reciprocity, modality
(planned / hypothetical / reported), negation, the governing time expression and place.
DOCS: docs/events.md
"""

from __future__ import annotations

from typing import Any

from newsledger.model import Event, TimeExpression


def code_events(
    doc: Any, doc_actors: Any, timexes: list[TimeExpression], published: str | None, article_id: str
) -> list[Event]:
    """Code the events of a parsed document (one ``Event`` per action and direction)."""
    from newsledger.nlp.events.extract import code_doc

    return code_doc(doc, doc_actors, list(timexes or ()), published, article_id)
