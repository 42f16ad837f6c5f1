"""Political events: PLOVER categories (and CAMEO codes) with actors, date, place, negation, modality.

Public API: ``code_events(doc, doc_actors, timexes, published, article_id) -> list[Event]``.

FIRST VERSION: placeholder until the events issue lands the coder.
DOCS: docs/pipeline.md#events
"""

from __future__ import annotations

from typing import Any

from newsledger.model import Event, TimeExpression


def code_events(
    doc: Any, doc_actors: Any, timexes: list[TimeExpression], published: str | None, article_id: str
) -> list[Event]:
    return []
