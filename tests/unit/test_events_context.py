"""Event arguments that need the sentence around them: intentions whose infinitive the parser
read as a purpose clause, an object list whose later item picks the verb's sense, the place of
the object's participle, and unqualified domestic groups that take the one country their
sentence names. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_events_constructions import code, has

pytestmark = pytest.mark.model


CASES = [
    # (id, sentence, type, source code prefix, target code prefix)
    # an intention whose infinitive the small parser attaches as a purpose clause (advcl)
    ("sworn-advcl", "Local militias have sworn to fight until they retake the valley.", "THREATEN", "---UAF", None),
    # the second item of the object list gives the sense ("tents" alone codes nothing)
    ("object-list", "Japan is providing tents and emergency food aid to Haiti.", "AID", "JPN", "HTI"),
    # the place of the object's participle is the action's place, hence its target
    ("object-participle-place", "Israel pulled out the troops stationed in Lebanon.", "RETREAT", "ISR", "LBN"),
    # unqualified domestic groups belong to the one country their sentence names
    ("sentence-country-rebels", "The Kenyan government accepted demands from rebels for a new constitution.",
     "CONCEDE", "KENGOV", "KENREB"),
    ("sentence-country-workers", "Bolivian authorities urged miners to end their strike.", "REQUEST", "BOLGOV", "BOLLAB"),
    # a named group with a collective head ("the Umoja opposition alliance") in a sentence placed
    # in one country
    ("sentence-country-named-alliance", "Leaders of the Umoja opposition alliance agreed to call off the protest in Nairobi.",
     "AGREE", "KENOPP", None),
    # the forces that an event noun moves carry out the act
    ("force-movement", "The withdrawal of Israeli troops from Lebanon began on Monday.", "RETREAT", "ISRMIL", "LBN"),
    ("force-deployment", "A second deployment of NATO troops reached Kabul on Friday.", "MOBILIZE", "IGOWSTNATMIL", None),
    # a sentence the parser left without a main verb (ROOT on the subject noun, the verb a
    # modifier clause), and a second verb sharing the object and its recipient
    ("verbless-root-shared-object",
     "Nurses from two Canadian charities donated and personally delivered 20 tons of medicine to a Haitian hospital.",
     "AID", "CAN", "HTI"),
    # the subject of the clause an event noun states is its target
    ("demand-noun-clause", "The rebels insisted on their demand that Kenya release all prisoners.", "REQUEST", None, "KEN"),
    # the "of" object of the action's own event noun beats a later adjunct ("with Maltese help")
    ("event-noun-of-object", "Egypt will tighten the blockade of Libya with Maltese help.", "COERCE", "EGY", "LBY"),
    # "anti-X": the side an event noun is directed against
    ("anti-prefix", "Thousands of students staged anti-American protests in Karachi on Friday.", "PROTEST", None, "USA"),
]


@pytest.mark.parametrize("case_id,text,type_,src,tgt", CASES, ids=[c[0] for c in CASES])
def test_context_constructions(resources: Any, case_id: str, text: str, type_: str, src: str | None,
                               tgt: str | None) -> None:
    events = code(resources, text)
    assert has(events, type_, src, tgt), events


def test_forces_do_not_lend_their_country(resources: Any) -> None:
    """Forces often act abroad: "Israeli troops" do not make the protesters they arrest Israeli."""
    events = code(resources, "Israeli troops arrested protesters near the wall.")
    assert has(events, "COERCE", "ISRMIL"), events
    assert not any(t.startswith("ISR") for e in events for t in e["tgt"]), events


def test_two_countries_give_no_owner(resources: Any) -> None:
    """With two countries in the sentence the group's own country is unknown."""
    events = code(resources, "Kenya accused Uganda of supporting rebels.")
    assert not any(t in ("KENREB", "UGAREB") for e in events for t in e["tgt"] + e["src"]), events


def test_language_adjective_is_no_actor(resources: Any) -> None:
    """"the Russian language" names a language, not Russia."""
    events = code(resources, "The court lifted restrictions on the Russian language.")
    assert has(events, "CONCEDE"), events
    assert not any(t.startswith("RUS") for e in events for t in e["tgt"]), events


def test_reporter_of_a_passive_is_not_its_doer(resources: Any) -> None:
    """"Four soldiers were wounded ..., the rebels said": the rebels report the act."""
    events = code(resources, "Four soldiers were wounded in the blast, the rebels said.")
    assert has(events, "ASSAULT"), events
    assert not any(s.endswith("REB") for e in events for s in e["src"]), events


def test_doer_of_the_condemned_act_is_the_target(resources: Any) -> None:
    """"condemned the arrest of three officers by Kosovo": Kosovo did what is condemned; the
    officers are the act's patients, neither the source nor the target of the condemnation."""
    events = code(resources, "Belgrade condemned the arrest of three Serbian police officers by Kosovo.")
    assert has(events, "ACCUSE", "SRB", "KSV"), events
    assert not any(a == "SRBCOP" for e in events for a in e["src"] + e["tgt"]), events


def test_anti_modifier_names_no_participant(resources: Any) -> None:
    """"dispersed an anti-Israel rally": Israel is what the rally opposed, not its participants."""
    events = code(resources, "Police dispersed an anti-Israel rally in Amman.")
    assert events, events
    assert not any(t.startswith("ISR") for e in events for t in e["tgt"]), events


def test_a_country_named_as_a_target_does_not_own_the_group(resources: Any) -> None:
    """"Protesters burned Danish flags": the protesters are not Danish; only a government body or
    a place of the one country named makes an unqualified group that country's."""
    events = code(resources, "Protesters burned Danish flags outside the embassy.")
    assert events, events
    assert not any(s.startswith("DNK") for e in events for s in e["src"]), events
    located = code(resources, "Riot police used tear gas to disperse demonstrators in Monrovia.")
    assert any(t == "LBROPP" for e in located for t in e["tgt"]), located
