"""Populations as targets (lexicon.en.yaml ``population_target_categories`` and
``population_place_categories``; actors: ``DocActors.civilians_for`` / ``civilians_at``).
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_events_constructions import code, has

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text,src,tgt", [
    ("Moroccan police detained forty Algerians near the border on Monday.", "MAR", "DZACVL"),
    ("Kenyan authorities deported 60 Somalis for lacking work permits.", "KEN", "SOMCVL"),
])
def test_coercion_of_a_nationality_falls_on_its_civilians(resources: Any, text: str, src: str, tgt: str) -> None:
    """Arresting or expelling a country's nationals is done to its civilians, not to the state."""
    events = code(resources, text)
    assert has(events, "COERCE", src, tgt), events


def test_a_nationality_acting_stays_the_country(resources: Any) -> None:
    """Only a population under coercion: "Palestinians and Israelis resumed talks" stays PSE/ISR."""
    events = code(resources, "Palestinians and Israelis resumed talks on Monday.")
    assert events, events
    assert all(not c.endswith("CVL") for e in events for c in e["src"] + e["tgt"]), events


@pytest.mark.parametrize("text,type_,tgt", [
    ("The army imposed a curfew in Nairobi after the riots.", "COERCE", "KENCVL"),
    ("The president threatened to impose martial law in Kampala.", "THREATEN", "UGACVL"),
])
def test_force_in_a_capital_falls_on_its_people(resources: Any, text: str, type_: str, tgt: str) -> None:
    """A capital that is only the place of coercion (or a threat of it) stands for its people."""
    events = code(resources, text)
    assert has(events, type_, None, tgt), events


def test_a_country_as_the_place_stays_the_country(resources: Any) -> None:
    """"declared a state of emergency in Peru": the country named, not its civilians."""
    events = code(resources, "The government declared a state of emergency in Peru.")
    assert all(not t.endswith("CVL") for e in events for t in e["tgt"]), events


@pytest.mark.parametrize("text,type_,tgt", [
    ("Ethiopian artillery shelled Eritrean villages near the border.", "ASSAULT", "ERICVL"),
    ("Moroccan police demolished Algerian homes near the border on Monday.", "COERCE", "DZACVL"),
])
def test_homes_and_towns_of_a_country_under_force_are_its_people(
        resources: Any, text: str, type_: str, tgt: str) -> None:
    """A country named as the owner of homes or villages under force stands for its civilians."""
    events = code(resources, text)
    assert has(events, type_, None, tgt), events


def test_northern_ireland_is_no_part_of_ireland(resources: Any) -> None:
    events = code(resources, "Britain deployed extra troops in Northern Ireland on Friday.")
    assert not any(t.startswith("IRL") for e in events for t in e["tgt"]), events
