"""A writer's trailing aside is not part of reported content (quotes/asides.py).
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_quotes_extract import _quotes

pytestmark = pytest.mark.model


def _quote_texts(resources: Any, text: str) -> list[str]:
    return [q.text for q, _ in _quotes(resources.nlp, text, resources.kb)]


@pytest.mark.parametrize("text,content", [
    ("The mayor said the bridge would reopen in May, which surprised many commuters.",
     "the bridge would reopen in May"),
    ("The minister said the talks had stalled, although both sides later met again.",
     "the talks had stalled"),
])
def test_a_trailing_aside_is_cut_off_reported_content(resources: Any, text: str, content: str) -> None:
    assert content in _quote_texts(resources, text)


@pytest.mark.parametrize("text,content", [
    # a restrictive relative clause is part of what was said
    ("The mayor said the bridge that collapsed would be rebuilt.", "the bridge that collapsed would be rebuilt"),
    # quoted words are the speaker's own, aside or not
    ('The mayor said: "The bridge will reopen in May, which is good news."',
     "The bridge will reopen in May, which is good news."),
])
def test_no_cut_for_restrictive_clauses_or_quoted_words(resources: Any, text: str, content: str) -> None:
    assert content in _quote_texts(resources, text)
