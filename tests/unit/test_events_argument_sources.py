"""Sources and targets from the sentence context (issue 5, sixth pass): attacks with no named
attacker, pull-backs at home, the place of a purpose clause, a threat's infinitive content.
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_events_constructions import code, has

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text,src,tgt", [
    ("Two Afghan soldiers were killed by a roadside bomb in Kandahar province on Monday.", "AFGUAF", "AFGMIL"),
    ("Four US soldiers were killed by an explosive device outside the Iraqi city of Mosul.", "IRQUAF", "USAMIL"),
])
def test_a_weapon_as_the_attacker_is_the_places_unidentified_forces(
        resources: Any, text: str, src: str, tgt: str) -> None:
    """A bomb named as the doer of an attack: the attackers are the unidentified armed forces of the
    country where it happened."""
    events = code(resources, text)
    assert has(events, "ASSAULT", src, tgt), events


@pytest.mark.parametrize("text", [
    "Three people were killed in Kandahar province on Monday.",  # no weapon named: no attack said
    "A landmine killed two children near the Cambodian border.",  # a border lies on either side
])
def test_no_unidentified_attacker_without_weapon_and_place(resources: Any, text: str) -> None:
    events = code(resources, text)
    assert all(not s.endswith("UAF") for e in events for s in e["src"]), events


def test_a_pull_back_from_a_town_of_ones_own_country_has_no_target(resources: Any) -> None:
    """"withdrew from the Serbian village of X" (Serbian police): at home, no target."""
    events = code(resources, "Officials said Serbian police had completed their withdrawal from the Serbian village of Dobrosin.")
    assert has(events, "RETREAT", "SRB"), events
    assert all(not e["tgt"] for e in events if e["type"] == "RETREAT"), events


def test_a_pull_back_from_a_foreign_town_keeps_its_country(resources: Any) -> None:
    events = code(resources, "Officials said Israeli troops had completed their withdrawal from the Lebanese town of Khiam.")
    assert has(events, "RETREAT", "ISR", "LBN"), events


def test_a_purpose_clause_happens_where_its_agents_were_sent(resources: Any) -> None:
    """"sent inspectors to a site in Iran to monitor ...": the monitoring is aimed at Iran."""
    events = code(resources, "The IAEA has sent experts to a nuclear plant in northern Iran to monitor the work there.")
    assert has(events, "ACCUSE", "IGO", "IRN"), events


def test_a_threats_infinitive_is_its_content_not_a_later_clause(resources: Any) -> None:
    """"threatened to shell Iraqi towns ... where, it said, people were killed": the clause the parser
    hangs on "threatened" after the infinitive names no target; the shelled towns do."""
    events = code(resources, "Iran threatened to shell Iraqi cities today in reprisal for an air raid on the southern "
                             "town of Dezful where, it said, 60 people were killed.")
    assert has(events, "THREATEN", "IRN", "IRQ"), events
    assert all("---CVL" not in e["tgt"] for e in events if e["type"] == "THREATEN"), events


def test_a_participle_read_as_the_subject_clause_gives_its_noun(resources: Any) -> None:
    """"The Red Cross operating in Yemen said ...": the parser makes "operating" the subject of
    "said" and "Red Cross" its subject; the Red Cross speaks."""
    events = code(resources, "The Red Cross operating in Yemen said Saudi forces must ensure security to allow fuel "
                             "and medical supplies to reach hospitals.")
    assert has(events, "REQUEST", "NGO", "SAUMIL"), events


def test_a_concession_after_talks_is_made_to_the_other_side(resources: Any) -> None:
    """"called off its strike after talks with the Kenyan government": conceded to the government."""
    events = code(resources, "The Kenyan teachers union said it had called off its strike after talks with the Kenyan government.")
    assert has(events, "CONCEDE", None, "KENGOV"), events
