"""Group actors that event sources and targets need: ethnic groups, group nouns, located groups."""

from __future__ import annotations

import re
from typing import Any

import pytest

from newsledger.nlp.actors import resolve_actors

pytestmark = pytest.mark.model


def _code(resources: Any, text: str, phrase: str) -> str | None:
    """CAMEO code (6 characters) of the first actor the ``phrase`` refers to."""
    doc = resources.nlp(text)
    res = resolve_actors(doc, resources.kb, None, "t")
    pos = re.search(rf"\b{re.escape(phrase)}\b", text).start()  # type: ignore[union-attr]
    span = doc.char_span(pos, pos + len(phrase), alignment_mode="expand")
    found = res.actors_for_span(span.start, span.end)
    return res.actors[found[0]].codes.get("cameo", "")[:6] if found else None


@pytest.mark.parametrize(
    "text,phrase,code",
    [
        # demonym + plural ethnic/religious group -> civilians of that country
        ("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.", "Kurds", "IRQCVL"),
        # group nouns for civilians
        ("A minefield explosion killed two Iraqi youths.", "youths", "IRQCVL"),
        ("The embassy evacuated British nationals.", "nationals", "GBRCVL"),
        # "X throughout/across/in COUNTRY" qualifies plural groups
        ("Thousands of university students throughout Indonesia staged demonstrations.", "students", "IDNEDU"),
        ("Opposition groups in Zimbabwe demanded reforms.", "Opposition groups", "ZWEOPP"),
        ("The rebels in Darfur attacked the town.", "rebels", "SDNREB"),
    ],
)
def test_group_actor_codes(resources: Any, text: str, phrase: str, code: str) -> None:
    assert _code(resources, text, phrase) == code


def test_things_in_a_region_stay_places(resources: Any) -> None:
    # "settlements in the Gaza Strip": the region does not become a civilian group
    text = "Israel will evacuate all 21 settlements in the Gaza Strip in mid-August."
    assert _code(resources, text, "Gaza Strip") in (None, "PSE")
