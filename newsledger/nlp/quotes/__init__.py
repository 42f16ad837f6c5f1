"""Quotes: direct, partial and indirect speech, each with its speaker resolved to an actor.

Public API: ``extract_quotes(doc, doc_actors, article_id) -> list[Quote]``.

Quote-mark spans (``marks.py``); the document helpers and cue subjects (``document.py``);
pass 1, cue clauses from the dependency parse (``clauses.py`` with ``content.py``,
``stance.py``, ``according.py``, ``colons.py``); pass 2, the quotations left and split
quotes (``quotations.py``, ``mark_cues.py``); titles and scare quotes (``filters.py``); the
final ``Quote`` records (``extract.py``); speaker resolution through the actors API with
discourse fallbacks (``speakers.py``). Cue verbs and marks are data (``data/*.en.yaml``).
DOCS: docs/quotes.md
"""

from __future__ import annotations

from typing import Any

from newsledger.model import Quote
from newsledger.nlp.quotes.extract import extract


def extract_quotes(doc: Any, doc_actors: Any, article_id: str) -> list[Quote]:
    """Every attribution in ``doc``: ids ``f"{article_id}:q{n}"``, speakers as actor ids."""
    return extract(doc, doc_actors, article_id)
