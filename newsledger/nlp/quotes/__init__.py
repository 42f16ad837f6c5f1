"""Quotes: direct, partial and indirect speech, each with its speaker resolved to an actor.

Public API: ``extract_quotes(doc, doc_actors, article_id) -> list[Quote]``.

Quote-mark spans (``marks.py``), cue clauses and speakers from the dependency parse
(``extract.py``), speaker resolution through the actors API with discourse fallbacks
(``speakers.py``); cue verbs and marks are data (``data/*.en.yaml``).
DOCS: docs/quotes.md
"""

from __future__ import annotations

from typing import Any

from newsledger.model import Quote
from newsledger.nlp.quotes.extract import extract


def extract_quotes(doc: Any, doc_actors: Any, article_id: str) -> list[Quote]:
    """Every attribution in ``doc``: ids ``f"{article_id}:q{n}"``, speakers as actor ids."""
    return extract(doc, doc_actors, article_id)
