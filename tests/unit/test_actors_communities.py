"""A people named "of" another country is that country's community (actors/groups.py
``find_minorities``). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_events_constructions import code, has

pytestmark = pytest.mark.model


def test_people_of_another_country_are_its_civilians(resources: Any) -> None:
    events = code(resources, "The Hungarians of Romania protested against the new language law.")
    assert has(events, "PROTEST", "ROUCVL"), events


def test_people_in_another_country_stay_the_people(resources: Any) -> None:
    """Unmarked and only located ("Serbs in northern Kosovo"), the people keep their own code."""
    events = code(resources, "Hungarians in Romania protested against the new language law.")
    assert has(events, "PROTEST", "HUN"), events


def test_bare_congo_is_the_republic_of_congo(resources: Any) -> None:
    """As in the Phoenix dictionaries and ISO 3166 ("Congo" = COG); the DRC keeps its own names."""
    events = code(resources, "Angola threatened to break off relations with Congo and Gabon.")
    assert has(events, "THREATEN", "AGO", "COG"), events
    events = code(resources, "The Democratic Republic of Congo accused Rwanda of backing the rebels.")
    assert has(events, "ACCUSE", "COD", "RWA"), events
