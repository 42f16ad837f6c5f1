"""Argument repairs (events/arguments.py ``shifted_objects``; lexicon.en.yaml
``place_target_foreign_categories``). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_events_constructions import code, has

pytestmark = pytest.mark.model


def test_heavy_object_after_an_as_complement_is_the_target(resources: Any) -> None:
    """"denounced as an ugly provocation Serbia's treatment of ...": the parser hangs the shifted
    object on the "as" noun; its possessor is the target."""
    events = code(resources, "Croatia on Friday denounced as an ugly provocation Serbia's treatment of Croat minority leaders in Vojvodina.")
    assert has(events, "ACCUSE", "HRV", "SRB"), events


def test_domestic_ceasefire_place_is_no_target(resources: Any) -> None:
    """An armed group's ceasefire in its own country happens there; it is not aimed at the country."""
    events = code(resources, "The Kurdish rebels of Turkey declared a unilateral ceasefire on Monday in southeastern Turkey.")
    assert events, events
    assert not any(e["type"] == "RETREAT" and any(t.startswith("TUR") for t in e["tgt"]) for e in events), events


def test_withdrawal_abroad_keeps_the_place_as_target(resources: Any) -> None:
    events = code(resources, "Israel declared a ceasefire in Lebanon on Monday.")
    assert has(events, "RETREAT", "ISR", "LBN"), events


@pytest.mark.parametrize("text,src", [
    ("Sudanese troops were engaged in heavy fighting against the rebels.", "SDN"),
    ("Syrian troops were involved in attacks on Lebanese villages.", "SYR"),
])
def test_engaged_or_involved_subject_is_the_source(resources: Any, text: str, src: str) -> None:
    """"were engaged in / involved in" states what the subject does; it is no passive."""
    events = code(resources, text)
    assert has(events, "ASSAULT", src), events


def test_place_named_by_a_known_part_gives_its_country(resources: Any) -> None:
    """"in North Darfur State": the gazetteer knows Darfur, not the whole name."""
    events = code(resources, "The government lifted a state of emergency in North Darfur State on Sunday.")
    assert any(any(t.startswith("SDN") for t in e["tgt"]) for e in events), events


def test_place_of_a_proposed_act_is_the_target(resources: Any) -> None:
    """"rejected a call for its troops to be deployed in Haiti": the proposed act's place, not the
    source's own troops."""
    events = code(resources, "The African Union on Tuesday rejected a call for its troops to be deployed in Somalia.")
    assert has(events, "REJECT", None, "SOM"), events
