"""Actor codes of event sources and targets: PLOVER sector names, misspelt country and
person names (issue 5, GSR triple F1). Sentences written for these tests."""

from __future__ import annotations

import re
from typing import Any

import pytest

from newsledger.nlp.actors import load_kb, resolve_actors

pytestmark = pytest.mark.model


def _codes(resources: Any, text: str, phrase: str) -> dict[str, str]:
    """Codes of the first actor the ``phrase`` refers to ({} when none)."""
    doc = resources.nlp(text)
    res = resolve_actors(doc, resources.kb, None, "t")
    pos = re.search(rf"\b{re.escape(phrase)}\b", text).start()  # type: ignore[union-attr]
    span = doc.char_span(pos, pos + len(phrase), alignment_mode="expand")
    found = res.actors_for_span(span.start, span.end)
    return dict(res.actors[found[0]].codes) if found else {}


@pytest.mark.parametrize(
    "cameo,plover",
    [
        ("FRAHLH", "FRAMED"),  # health workers: PLOVER's MED
        ("SYRMED", "SYRJRN"),  # media: PLOVER's JRN
        ("NGOHLH", "NGOMED"),
        ("IGOUNOHLHWHO", "IGOMED"),
        ("SRBGOV", "SRBGOV"),
        ("TMPGOV", "TLSGOV"),
        ("IGOWSTNAT", "IGO"),
    ],
)
def test_plover_sector_names(cameo: str, plover: str) -> None:
    assert load_kb().plover_code(cameo) == plover


@pytest.mark.parametrize(
    "text,phrase,plover",
    [
        ("Two Canadian doctors delivered medicine to the clinic.", "doctors", "CANMED"),
        ("A Syrian newspaper urged Arabs to unite.", "newspaper", "SYRJRN"),
        ("NATO said it would tighten the blockade.", "NATO", "IGOMIL"),
    ],
)
def test_plover_codes_of_groups(resources: Any, text: str, phrase: str, plover: str) -> None:
    assert _codes(resources, text, phrase).get("plover", "")[:6] == plover


@pytest.mark.parametrize(
    "text,phrase,cameo",
    [
        # misspellings the dictionaries list among a country's places name the country
        ("Ethopia has agreed to open its borders to aid workers.", "Ethopia", "ETH"),
        ("Islamabad turned down an offer from Afganistan for talks.", "Afganistan", "AFG"),
        ("The Phillippines military accused the rebels of breaking the truce.", "military", "PHLMIL"),
    ],
)
def test_misspelt_country_names(resources: Any, text: str, phrase: str, cameo: str) -> None:
    assert _codes(resources, text, phrase).get("cameo", "")[:6] == cameo


def test_city_is_not_a_misspelt_country() -> None:
    kb = load_kb()
    assert kb.country_spelling("Ethopia") is not None
    assert kb.country_spelling("Kandahar") is None  # a city of Afghanistan, far from its name
    assert kb.country_spelling("Ethiopia") is None  # the name itself is no base-layer place


@pytest.mark.parametrize(
    "text,phrase,cameo",
    [
        # a title before a name the dictionaries have with one letter more or a middle name
        ("President Francois Mitterand met the visiting delegation on Monday.", "Mitterand", "FRAGOV"),
        ("Rebels rejected a call from President Laurent Gbago to disarm.", "Gbago", "CIVGOV"),
        ("A judge summoned former president Carlos Menem for questioning.", "Menem", "ARGELI"),
    ],
)
def test_titled_name_variants(resources: Any, text: str, phrase: str, cameo: str) -> None:
    assert _codes(resources, text, phrase).get("cameo", "")[:6] == cameo


def test_untitled_near_name_is_not_the_politician(resources: Any) -> None:
    # the base layer has a "John Hilary Smith"; without a title "John Smith" is someone else
    assert _codes(resources, "John Smith, a plumber from Leeds, said the pipes froze.", "Smith").get("cameo", "") == ""


@pytest.mark.parametrize(
    "text,phrase,cameo",
    [
        # an agent noun compounded with a place where the group lives or holds out names the group
        ("Aid agencies cut rations to a Sudanese refugee camp near the border.", "refugee", "SDNREF"),
        ("Government troops shelled Colombian guerrilla camps in the jungle.", "guerrilla", "COLREB"),
    ],
)
def test_group_sites(resources: Any, text: str, phrase: str, cameo: str) -> None:
    assert _codes(resources, text, phrase).get("cameo", "")[:6] == cameo


@pytest.mark.parametrize(
    "text,phrase,cameo",
    [
        # "Congolese" alone is the Democratic Republic's (as Phoenix.Countries has it)
        ("Congolese soldiers crossed the river.", "Congolese", "CODMIL"),
        # organisations whose Phoenix country is wrong, and "Islamic Jihad" alone
        ("The Islamic Salvation Front called for a boycott.", "Islamic Salvation Front", "DZAREB"),
        ("Islamic Jihad said it fired the rockets.", "Islamic Jihad", "PSEREB"),
        # heads of state known by one name
        ("Suharto met the visiting ministers.", "Suharto", "IDNGOV"),
        # a leader's government, regime or administration is his country's
        ("Students demanded reforms from President Suharto's government.", "government", "IDNGOV"),
        ("Critics of Putin's government gathered in the square.", "government", "RUSGOV"),
    ],
)
def test_named_organisations_and_leaders(resources: Any, text: str, phrase: str, cameo: str) -> None:
    assert _codes(resources, text, phrase).get("cameo", "")[:6] == cameo


def test_possessive_leader_keeps_his_name(resources: Any) -> None:
    assert _codes(resources, "Critics of Putin's government gathered in the square.", "Putin").get("cameo") == "RUSGOV"
    doc = resources.nlp("Critics of Putin's government gathered in the square.")
    res = resolve_actors(doc, resources.kb, None, "t")
    assert res.actor_for_token(2) != res.actor_for_token(4)


@pytest.mark.parametrize("date,cameo", [("1992-05-01", "RWAREB"), ("2010-05-01", "RWAPTY"), (None, "RWAPTY")])
def test_organisation_codes_follow_the_date(resources: Any, date: str | None, cameo: str) -> None:
    text = "The Rwandan Patriotic Front attacked the town."
    doc = resources.nlp(text)
    res = resolve_actors(doc, resources.kb, date, "t")
    aid = res.actor_for_token(3)
    assert aid is not None and res.actors[aid].codes.get("cameo") == cameo


@pytest.mark.parametrize(
    "text,phrase,cameo",
    [
        # a name modifying a group noun makes it a named group that takes the sentence's country
        ("Leaders of the Umid (Hope) opposition coalition postponed the rally in Baku.", "coalition", "AZEOPP"),
        # a known name with a word for the organisation's kind: the known organisation
        ("Young activists from the Fatah Party marched through the town.", "activists", "PSEOPP"),
    ],
)
def test_named_groups(resources: Any, text: str, phrase: str, cameo: str) -> None:
    assert _codes(resources, text, phrase).get("cameo", "")[:6] == cameo


@pytest.mark.parametrize(
    "text,phrase",
    [
        # a country after "anti-"/"pro-" is a stance, not the group's country
        ("Anti-American protesters marched past the embassy.", "protesters"),
        ("Pro-Russian separatists seized the town hall.", "separatists"),
    ],
)
def test_stance_is_not_the_owner(resources: Any, text: str, phrase: str) -> None:
    assert _codes(resources, text, phrase).get("cameo", "")[:3] == "---"


@pytest.mark.parametrize(
    "text,phrase,plover",
    [
        # the Red Cross movement is an international health body in PLOVER; rights groups stay NGOs
        ("Amnesty International accused the government of torture.", "Amnesty International", "NGO"),
        ("Doctors handed medicine to the Red Crescent.", "Red Crescent", "IGOMED"),
        ("The Red Cross suspended its deliveries.", "Red Cross", "IGOMED"),
    ],
)
def test_plover_codes_of_aid_and_rights_bodies(resources: Any, text: str, phrase: str, plover: str) -> None:
    codes = _codes(resources, text, phrase)
    assert codes.get("plover", "").startswith(plover) and codes.get("cameo", "").startswith("NGO")


@pytest.mark.parametrize(
    "text,phrase,cameo",
    [
        # a group of a people marked as a community belongs to the country it lives in
        ("Ethnic Albanian rebels operating in Macedonia handed in their weapons.", "rebels", "MKDREB"),
        ("Talks between Macedonian and ethnic Albanian political parties resumed.", "Albanian political parties", "MKDPTY"),
        # unmarked, or with no other country, the demonym's own
        ("Albanian rebels handed in their weapons in Macedonia.", "rebels", "ALBREB"),
        ("Ethnic Serb protesters blocked the road.", "protesters", "SRBOPP"),
    ],
)
def test_community_groups(resources: Any, text: str, phrase: str, cameo: str) -> None:
    assert _codes(resources, text, phrase).get("cameo", "")[:6] == cameo


@pytest.mark.parametrize(
    "text,phrase,cameo",
    [
        # peacekeepers no country or organisation owns are an international force
        ("The rebels opposed the deployment of a regional peacekeeping force.", "force", "IGOMIL"),
        ("Peacekeepers patrolled the buffer zone.", "Peacekeepers", "IGOMIL"),
        ("Nepalese peacekeepers patrolled the buffer zone.", "peacekeepers", "NPLMIL"),
    ],
)
def test_international_forces(resources: Any, text: str, phrase: str, cameo: str) -> None:
    assert _codes(resources, text, phrase).get("cameo", "")[:6] == cameo


def test_sent_peacekeepers_are_the_senders(resources: Any) -> None:
    # the object of a verb of sending is the sender's own force, not an international one
    assert _codes(resources, "Pakistan refused to deploy peacekeepers to the region.", "peacekeepers").get(
        "cameo", "")[:3] != "IGO"


def test_name_variant_has_one_deviation_only() -> None:
    kb = load_kb()
    base = kb.base()
    assert base is not None
    # a middle name left out and the surname one letter off: someone else
    assert base.person_variant(kb, ["maria", "espinoza"]) is None
    assert base.person_variant(kb, ["carlos", "menem"]) is not None


def test_possessed_peacekeepers_are_the_possessors(resources: Any) -> None:
    text = "Brazil said four of its peacekeepers were wounded."
    assert _codes(resources, text, "peacekeepers").get("cameo", "")[:3] != "IGO"


def test_peace_movement_is_opposition(resources: Any) -> None:
    text = "The minister met leaders of an Israeli peace movement on Sunday."
    assert _codes(resources, text, "movement").get("cameo", "")[:6] == "ISROPP"


@pytest.mark.parametrize("text,phrase", [
    ("UNIFIL said jets had crossed the line on Monday.", "UNIFIL"),
    ("The United Nations Mission in South Sudan opened its gates to civilians.", "United Nations Mission in South Sudan"),
])
def test_un_peacekeeping_operations_are_international_forces(resources: Any, text: str, phrase: str) -> None:
    codes = _codes(resources, text, phrase)
    assert codes.get("cameo") == "IGOUNO" and codes.get("plover") == "IGOMIL", codes
