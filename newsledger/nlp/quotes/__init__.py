"""Quotes: direct, partial and indirect speech, each with its speaker resolved to an actor.

Public API: ``extract_quotes(doc, doc_actors, article_id) -> list[Quote]``.

FIRST VERSION: placeholder until the quotes issue lands the extractor.
DOCS: docs/pipeline.md#quotes
"""

from __future__ import annotations

from typing import Any

from newsledger.model import Quote


def extract_quotes(doc: Any, doc_actors: Any, article_id: str) -> list[Quote]:
    return []
