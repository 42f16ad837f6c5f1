"""Event-coding mechanisms from the real-news audit (docs/events.md, "Real-news audit"): compound
subjects that act side by side, victims as subjects, actions without any actor, words of names,
opinion verbs, comparison asides, attempts that are only talked about, shared negation of
conjoined verbs, the speaker of a quoted "we", relative-clause and conjunct passives, measures,
vetoes. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_events_constructions import code, has

pytestmark = pytest.mark.model


def test_compound_subject_acting_on_an_object_is_not_reciprocal(resources: Any) -> None:
    """"Greece and Turkey denounced the bombing": both denounce the bombing, not each other."""
    events = code(resources, "Greece and Turkey denounced the bombing.")
    assert has(events, "ACCUSE", "GRC"), events
    assert has(events, "ACCUSE", "TUR"), events
    assert not any(t in ("GRC", "TUR") for e in events for t in e["tgt"]), events


def test_compound_subject_of_a_refrained_act_gives_both_sources(resources: Any) -> None:
    """"Serbia and Kosovo will not use violence": one act, both sides its sources."""
    events = code(resources, "Serbia and Kosovo will not use violence.")
    assert events, events
    assert any({"SRB", "KSV"} <= set(e["src"]) for e in events), events


@pytest.mark.parametrize("text,type_,a,b", [
    ("Armenia and Azerbaijan exchanged fire along the border.", "ASSAULT", "ARM", "AZE"),
    ("Greece and Turkey restored diplomatic ties.", None, "GRC", "TUR"),
    ("Serbia and Kosovo accused each other of provocations.", "ACCUSE", "SRB", "KSV"),
])
def test_mutual_acts_stay_reciprocal(resources: Any, text: str, type_: str | None, a: str, b: str) -> None:
    """Exchanges, relations between the parties and "each other" are done to one another."""
    events = code(resources, text)
    assert any(a in e["src"] and b in e["tgt"] and (type_ is None or e["type"] == type_) for e in events), events
    assert any(b in e["src"] and a in e["tgt"] and (type_ is None or e["type"] == type_) for e in events), events


def test_subject_of_dying_is_the_victim(resources: Any) -> None:
    events = code(resources, "Four protesters died in clashes with Iraqi police.")
    assert events, events
    assert not any(s.endswith("OPP") for e in events for s in e["src"]), events
    assert any(t.endswith("OPP") for e in events for t in e["tgt"]), events


@pytest.mark.parametrize("text", [
    "One careless word obliterated years of diplomacy.",
    "Tanker contracts hit a two-year high in March.",
])
def test_no_actor_and_a_thing_as_subject_codes_nothing(resources: Any, text: str) -> None:
    assert code(resources, text) == []


def test_words_of_a_name_are_no_action(resources: Any) -> None:
    events = code(resources, "The Committee to Protect Journalists published its annual report on Tuesday.")
    assert not any(e["type"] == "AID" for e in events), events
    events = code(resources, "The Committee to Protect Journalists criticized Turkey.")
    assert has(events, "ACCUSE", None, "TUR"), events


def test_opinion_verb_needs_an_object(resources: Any) -> None:
    """"suspect that ..." states an opinion; "suspect X of ..." accuses X."""
    assert not any(e["type"] == "ACCUSE" for e in code(resources, "Officials suspect that the fire was an accident."))
    assert has(code(resources, "Police suspect the rebels of planting the bomb."), "ACCUSE", None, "---REB")


def test_date_inside_a_comparison_aside_is_not_the_events(resources: Any) -> None:
    events = code(resources, "Kurti, just like at the talks in Ohrid on March 18, refused to sign the document.")
    assert has(events, "REJECT"), events
    assert not any(e["date"] == "2023-03-18" for e in events), events


def test_attempt_only_talked_about_is_no_event(resources: Any) -> None:
    """A subject "effort to mediate" mediates nothing; an attempted killing is still an attack."""
    assert code(resources, "Washington's efforts to mediate between the parties stalled.") == []
    assert has(code(resources, "An attempt to assassinate the mayor failed."), "ASSAULT")


def test_conjoined_verbs_share_negation_and_future(resources: Any) -> None:
    events = code(resources, '"I will not sign or accept any recognition of Kosovo," the Serbian president said.')
    assert events, events
    assert not any(e["type"] == "AGREE" and not e["negated"] for e in events), events
    assert all(e["type"] == "REJECT" for e in events), events


def test_quoted_we_is_the_speakers(resources: Any) -> None:
    """'"We are there to protect civilians," X said': the speaker acts, also through a complement."""
    events = code(resources, '"We are there to protect civilians," Serbian President Aleksandar Vucic said.')
    assert any(s.startswith("SRB") for e in events for s in e["src"]), events


def test_relative_clause_passive_targets_its_noun(resources: Any) -> None:
    events = code(resources, "Albin Kurti, who was criticized by Serbian officials on Monday, said nothing new.")
    assert has(events, "ACCUSE", "SRB", "KSV"), events


def test_conjunct_passive_has_its_own_agent(resources: Any) -> None:
    events = code(resources, "The plan was drafted by France but rejected by Germany.")
    assert has(events, "REJECT", "DEU"), events
    assert not has(events, "REJECT", "FRA"), events


def test_participle_on_a_noun_takes_it_as_source(resources: Any) -> None:
    events = code(resources, "Kenyan students protesting the tax increase gathered outside parliament.")
    assert has(events, "PROTEST", "KEN"), events


def test_measure_of_an_event_is_no_event(resources: Any) -> None:
    assert not any(e["type"] == "PROTEST" for e in code(resources, "Police put the size of the rally at 5,000."))


def test_blocking_a_resolution_is_a_veto(resources: Any) -> None:
    events = code(resources, "Russia blocked the resolution.")
    assert has(events, "REJECT", "RUS", cameo="129"), events


def test_struggling_to_rescue_is_no_fight(resources: Any) -> None:
    assert not any(e["type"] == "ASSAULT" for e in code(resources, "Rescuers battled to free people trapped in the rubble."))


def test_second_act_of_a_request_is_its_content(resources: Any) -> None:
    """"urged X to free the prisoners and lift the curfew": both are asked for, neither done."""
    events = code(resources, "Amnesty urged the government to free the prisoners and lift the curfew.")
    assert has(events, "REQUEST"), events
    assert not any(e["type"] == "CONCEDE" for e in events), events


def test_ruling_out_an_act_is_a_refusal(resources: Any) -> None:
    """"ruled out easing the cuts" refuses the easing; it concedes nothing."""
    events = code(resources, "British Prime Minister David Cameron has ruled out easing spending cuts.")
    assert has(events, "REJECT", "GBR"), events
    assert not any(e["type"] == "CONCEDE" for e in events), events


@pytest.mark.parametrize("text", [
    "The capital mourns the death of a former foreign minister.",
    "So I wanted to engage with that.",
])
def test_no_political_act(resources: Any, text: str) -> None:
    """Mourning is no accusation; "engage" with no object is no combat."""
    assert code(resources, text) == []


def test_engaging_an_enemy_is_still_combat(resources: Any) -> None:
    assert has(code(resources, "Government troops engaged the rebels near the border."), "ASSAULT", None, "---REB")


def test_act_in_a_hoped_for_clause_is_hypothetical(resources: Any) -> None:
    events = code(resources, "Western diplomats had hoped that Serbia would release the detained officers.")
    assert events, events
    assert all(e["modality"] == "hypothetical" for e in events), events


def test_the_two_sides_are_the_last_pair_named(resources: Any) -> None:
    """"the two sides" after "Belgrade and Pristina": both are the sources of the one act."""
    events = code(resources, "Western envoys increased pressure on Belgrade and Pristina in recent months. "
                             "The plan states that the two sides will not use force to settle their dispute.")
    acts = [e for e in events if "force" in e["trigger"]]
    assert acts, events
    assert any({"SRBGOV", "KSVGOV"} <= set(e["src"]) for e in acts), acts


@pytest.mark.parametrize("text", [
    "CNN's Moni Basu contributed to this report.",
    "Reuters correspondent John Smith contributed reporting.",
])
def test_byline_credit_is_no_aid(resources: Any, text: str) -> None:
    assert not any(e["type"] == "AID" for e in code(resources, text))


def test_contributing_troops_is_still_aid(resources: Any) -> None:
    assert has(code(resources, "Japan contributed 500 troops to the peacekeeping mission."), "AID", "JPN")


def test_shutting_down_media_is_censorship(resources: Any) -> None:
    events = code(resources, "The Iranian government blocked the website of the opposition newspaper.")
    assert has(events, "COERCE", "IRNGOV", cameo="1721"), events
    assert has(code(resources, "Serbia shut down the border crossing."), "SANCTION", "SRB"), "border closures stay"


def test_telephone_conversation_is_a_consultation(resources: Any) -> None:
    events = code(resources, "Albin Kurti held a telephone conversation with Josep Borrell on Monday.")
    assert has(events, "CONSULT", "KSV"), events
