"""Time expressions: recognition and TIMEX3 normalisation anchored to the publication date.

Public API (used by the pipeline and ingest; keep these signatures):

- ``tag_text(text, dct, lang="en") -> list[Timex]``: every time expression in ``text``,
  with TIMEX3 type/value/mod anchored to ``dct`` (ISO date string or None).
- ``infer_published(text, lang="en") -> PublishedGuess | None``: the publication date
  implied by the text's own datelines and explicit dates, with evidence and confidence.

Works on raw text (no spaCy parse). The grammar is data: ``data/grammar.<lang>.yaml``
(vocabulary + pattern templates, see ``grammar.py``); ``normalise.py`` holds one
language-neutral normaliser per rule; ``tagger.py`` selects and resolves matches;
``published.py`` infers a missing publication date.

DOCS: docs/temporal.md
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""


@dataclass(frozen=True, slots=True)
class PublishedGuess:
    value: str
    evidence: str
    confidence: float


def tag_text(text: str, dct: str | None, lang: str = "en") -> list[Timex]:
    """Every time expression in ``text``: offsets are str indices, values TIMEX3."""
    from newsledger.nlp.temporal.tagger import tag

    return [Timex(t.start, t.end, t.text, t.type, t.value, t.mod) for t in tag(text, dct, lang)]


def infer_published(text: str, lang: str = "en") -> PublishedGuess | None:
    """The publication date implied by the text itself (dateline, explicit dates)."""
    from newsledger.nlp.temporal.published import infer

    res = infer(text, lang)
    if res is None:
        return None
    value, evidence, confidence = res
    return PublishedGuess(value, evidence, confidence)


__all__ = ["PublishedGuess", "Timex", "infer_published", "tag_text"]
