"""Small text helpers shared by the corpus stages: sentences, content stems, dates.

DOCS: docs/corpus.md
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from newsledger.datafiles import data_path, load_data

_SENT_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@lru_cache(maxsize=4)
def claim_rules(lang: str = "en") -> dict[str, Any]:
    """The claims/timeline word lists (``data/claims.<lang>.yaml``), English as fallback."""
    path = data_path("corpus", f"claims.{lang}.yaml")
    if not path.exists():
        path = data_path("corpus", "claims.en.yaml")
    return load_data(path, required=("stopwords", "scales"))


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text`` (line breaks also end one)."""
    start = 0
    for m in _SENT_END.finditer(text):
        if text[start:m.start()].strip():
            yield _trim(text, start, m.start())
        start = m.end()
    if text[start:].strip():
        yield _trim(text, start, len(text))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def stems(text: str, lang: str = "en") -> set[str]:
    """Content-word stems: lower-cased words minus stop words, cut to ``stem_chars``."""
    rules = claim_rules(lang)
    stop = set(rules["stopwords"])
    n = int(rules.get("stem_chars", 5))
    return {w[:n] for w in (x.lower() for x in _WORD.findall(text))
            if w not in stop and not w.isdigit() and len(w) > 1}


def norm_date(value: str | None) -> str | None:
    """The calendar part of a TIMEX3 value (``2023-02-28TNI`` -> ``2023-02-28``), or None."""
    if not value:
        return None
    m = _DATE.match(value)
    if not m:
        return None
    year, month, day = m.groups()
    if not 1000 <= int(year) <= 2999:
        return None
    return "-".join(x for x in (year, month, day) if x)
