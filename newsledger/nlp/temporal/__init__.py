"""Time expressions: recognition and TIMEX3 normalisation anchored to the publication date.

Public API (used by the pipeline and ingest; keep these signatures):

- ``tag_text(text, dct, lang="en") -> list[Timex]``: every time expression in ``text``,
  with TIMEX3 type/value/mod anchored to ``dct`` (ISO date string or None).
- ``infer_published(text, lang="en") -> PublishedGuess | None``: the publication date
  implied by the text's own datelines and explicit dates, with evidence and confidence.

FIRST VERSION: placeholder until the temporal issue lands the real grammar.
DOCS: docs/pipeline.md#time-expressions
"""

from __future__ import annotations

import re
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


_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def tag_text(text: str, dct: str | None, lang: str = "en") -> list[Timex]:
    return [Timex(m.start(), m.end(), m.group(0), "DATE", m.group(0)) for m in _YEAR.finditer(text)]


def infer_published(text: str, lang: str = "en") -> PublishedGuess | None:
    return None
