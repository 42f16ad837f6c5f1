"""Forcing out (lexicon.en.yaml ``force out`` / ``drive out``; coder.py ``particle_prep`` for a
particle after the object; ``_object_heads`` for the words of an organisation's name).
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_events_constructions import code, has

pytestmark = pytest.mark.model


def test_forcing_an_agency_out_of_a_country_is_an_expulsion(resources: Any) -> None:
    events = code(resources, "Eritrea forced the UN refugee agency out of the country last year.")
    assert has(events, "SANCTION", "ERI"), events


def test_forcing_people_out_of_their_homes_is_a_mass_expulsion(resources: Any) -> None:
    events = code(resources, "The militia forced out hundreds of villagers from their homes on Monday.")
    assert has(events, "ASSAULT", None, "---CVL"), events


def test_mobilizing_lobby_groups_is_no_show_of_force(resources: Any) -> None:
    """"mobilized lobby groups to support X": the purpose is the act, not a military mobilization."""
    events = code(resources, "Qatar mobilized lobby groups in Europe to support the Syrian opposition.")
    assert not any(e["type"] == "MOBILIZE" for e in events), events
    assert has(events, "SUPPORT", "QAT"), events


def test_mobilizing_reserves_stays_a_mobilization(resources: Any) -> None:
    events = code(resources, "Armenia mobilized its reserves on Monday.")
    assert has(events, "MOBILIZE", "ARM"), events
