"""Source/target argument rules of the event coder (``newsledger.nlp.events.extract.arguments``),
on sentences written for these tests: stative participles, addressee prepositions, the stated
place over a weak argument, dangling prepositions, compound subjects with clause-internal
targets. Each case runs the real product path (``analyse``)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_events_constructions import code, has

pytestmark = pytest.mark.model

CASES = [
    # (id, sentence, type, source code prefix, target code prefix)
    ("stative-opposed", "Serbia is opposed to French mediation in the talks.", "REJECT", "SRB", "FRA"),
    ("addressee-to", "Albania complained to the United Nations about Serbian police raids.",
     "ACCUSE", "ALB", "SRB"),
    ("place-over-weak", "Hungary refused to deploy peacekeepers in Kosovo.", "REJECT", "HUN", "KSV"),
    ("place-compound", "Serbia eased emergency measures on Monday in Montenegro province.", "CONCEDE", "SRB", "MNE"),
    ("purpose-clause", "Germany is willing to send equipment to help defend Albania.", "AGREE", "DEU", "ALB"),
    ("compound-noun-target", "Serbia and Hungary welcomed the resumption of talks with Albania.",
     None, "HUN", "ALB"),
    ("thing-done-by", "Sudan declared that South Sudan had seceded. Sudan refused to recognize the "
     "independence proclaimed by its former region.", "REJECT", "SDN", "SSD"),
    ("both-sides", "Tensions between Hungary and Romania grew. Both sides failed to reach an agreement.",
     "AGREE", "HUN", "ROU"),
    # a threat's target is the party its condition names
    ("condition-subject", "Hungary threatened to close the border unless Serbia withdraws its troops.",
     "THREATEN", "HUN", "SRB"),
    # "in protest against X": X is the target of the act
    ("reason-noun", "Bulgarian students staged a sit-in on Monday in protest against the Greek government.",
     "PROTEST", "BGR", "GRCGOV"),
    # "allow X to do": the subject of the infinitive is the object of "allow"
    ("infinitive-subject", "Croatia decided to allow Serbian officials to visit the camp.", "CONCEDE", "HRV", "SRB"),
    # an infinitive on a noun that is no actor: the subject of the verb governing the noun
    ("infinitive-on-noun", "Thousands of Hungarians gathered for a rally to protest the new law.",
     "PROTEST", "HUN", None),
    # an event noun qualifying a verb takes the verb's stated place as its target
    ("nominal-place", "The Croatian president arrived in Belgrade on a two-day visit on Monday.",
     "CONSULT", "HRVGOV", "SRB"),
    # an organisation the dictionaries lack is coded by its coded description
    ("uncoded-org-described", "Egypt's opposition Muslim Brotherhood called for a general strike.",
     "REQUEST", "EGYOPP", None),
    # a participle of the same act carries its target ("rallied, calling for ... from X")
    ("participle-clause", "Thousands of Serbs rallied in Novi Sad on Sunday, calling for independence from Montenegro.",
     "PROTEST", "SRB", "MNE"),
]


@pytest.mark.parametrize("sentence,type_,src,tgt", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_argument_rule(resources: Any, sentence: str, type_: str | None, src: str, tgt: str | None) -> None:
    events = code(resources, sentence)
    types = [type_] if type_ else sorted({e["type"] for e in events})
    assert any(has(events, t, src, tgt) for t in types), [(e["type"], e["src"], e["tgt"], e["trigger"]) for e in events]


def test_compound_subject_with_clause_target_is_reciprocal(resources: Any) -> None:
    """"X and Y agreed that they should cooperate to help Z": PLOVER codes X->Y and Y->X."""
    events = code(resources, "Greek and Bulgarian officials agreed that their countries should cooperate "
                             "to encourage Albanian students to study abroad.")
    agree = [e for e in events if e["type"] == "AGREE"]
    assert has(agree, "AGREE", "GRC", "BGR") and has(agree, "AGREE", "BGR", "GRC"), agree


def test_addressee_alone_is_still_the_target(resources: Any) -> None:
    events = code(resources, "Albania complained to Serbia on Monday.")
    assert has(events, "ACCUSE", "ALB", "SRB"), events



def test_adverbial_noun_phrase_is_not_a_modifier(resources: Any) -> None:
    """"to Cuba, Iran and, with conditions attached, Syria": the listed countries after "to" are the
    targets, not the country the parser hung on "conditions" as an adverbial noun phrase."""
    events = code(resources, "The parliament agreed to lift trade restrictions in May to Cuba, Iran and, "
                             "with conditions attached, Syria.")
    agree = [e for e in events if e["type"] == "AGREE"]
    assert agree and any("CUB" in e["tgt"] and "IRN" in e["tgt"] for e in agree), agree


def test_coordinated_country_names_qualify_one_group_each(resources: Any) -> None:
    events = code(resources, "Serbia and Kosovo police arrested ten smugglers.")
    assert has(events, "COERCE", "SRBCOP") and has(events, "COERCE", "KSVCOP"), events


def test_an_actor_is_not_its_own_target_under_another_id(resources: Any) -> None:
    # the people (group:SRB-people) and the country (country:SRB) share the code SRB
    events = code(resources, "Serbs criticized Serbia over the new law.")
    assert events and all(not (set(e["src"]) & set(e["tgt"])) for e in events), events


def test_a_possessor_does_not_double_the_organisation_it_qualifies(resources: Any) -> None:
    # "X's al-Qaeda network": the organisation acts; its leader is not a second source
    events = code(resources, "Osama bin Laden's al-Qaeda network threatened the United States.")
    threats = [e for e in events if e["type"] == "THREATEN"]
    assert len(threats) == 1 and len(threats[0]["src"]) == 1 and threats[0]["src"][0].startswith("IMG"), events
