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
        # organisations the KB does not know: country qualifier + member/agent noun
        ("Workers affiliated with the Serbian Workers' Union stopped work.", "Union", "SRBLAB"),
        ("The Nigerian Union of Teachers called off the strike.", "Union of Teachers", "NGAEDU"),
        ("Doctors donated goods to Baghdad University Medical School.", "Medical School", "IRQEDU"),
        # a group tied to an organisation: "affiliated with", "loyal to"
        ("Some 500,000 workers affiliated with the Serbian Workers' Union stopped work.", "workers", "SRBLAB"),
        ("Militias loyal to Hezbollah attacked the town.", "Militias", "LBNREB"),
        # a people living as a community of another country: that country's civilians
        ("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.", "Albanians", "SRBCVL"),
        ("Ethnic Albanians in south Serbia demanded protection.", "Albanians", "SRBCVL"),
        ("Serbs in northern Kosovo erected barricades.", "Serbs", "SRB"),
        ("Palestinians of the Israeli-occupied West Bank shunned work.", "Palestinians", "PSE"),
        ("Albanians protested in Tirana.", "Albanians", "ALB"),
        # a capitalised "National" is not the civilians noun
        ("French National Assembly president Laurent Fabius held talks.", "National Assembly", "FRALEG"),
    ],
)
def test_group_actor_codes(resources: Any, text: str, phrase: str, code: str) -> None:
    assert _code(resources, text, phrase) == code


def test_things_in_a_region_stay_places(resources: Any) -> None:
    # "settlements in the Gaza Strip": the region does not become a civilian group
    text = "Israel will evacuate all 21 settlements in the Gaza Strip in mid-August."
    assert _code(resources, text, "Gaza Strip") in (None, "PSE")


def test_people_of_a_country_carry_a_civilians_code(resources: Any) -> None:
    # "Palestinians" is PSE as a source; an event coder can take PSECVL for the target of force
    doc = resources.nlp("Israeli soldiers arrested three Palestinians.")
    res = resolve_actors(doc, resources.kb, None, "t")
    aid = res.actor_for_token([t.i for t in doc if t.text == "Palestinians"][0])
    assert aid == "group:PSE-people"
    assert res.actors[aid].codes["cameo"] == "PSE"
    assert res.actors[aid].codes["civilians"] == "PSECVL"
