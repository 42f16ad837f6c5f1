"""Actor-stage rules from the real-news audit: expletive "it", act nouns ("opposition to"),
capitals under force, organisations the parser calls people, titled people without a KB entry."""

from __future__ import annotations

import re
from typing import Any

import pytest

from newsledger.nlp.actors import resolve_actors

pytestmark = pytest.mark.model


def _resolve(resources: Any, text: str, date: str | None = "2012-06-01") -> tuple[Any, Any]:
    doc = resources.nlp(text)
    return doc, resolve_actors(doc, resources.kb, date, "t")


def _actor(resources: Any, text: str, phrase: str, occurrence: int = 0) -> Any:
    """The actor (or None) the ``occurrence``-th match of ``phrase`` refers to."""
    doc, res = _resolve(resources, text)
    pos = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)][occurrence]
    span = doc.char_span(pos, pos + len(phrase), alignment_mode="expand")
    found = res.actors_for_span(span.start, span.end)
    return res.actors[found[0]] if found else None


def _code(resources: Any, text: str, phrase: str, occurrence: int = 0) -> str | None:
    a = _actor(resources, text, phrase, occurrence)
    return None if a is None else (a.codes or {}).get("cameo", "")


# ----------------------------------------------------------------------------- expletive "it"
@pytest.mark.parametrize(
    "text",
    [
        'The Hungarian government met the envoys. "It is now up to Brussels to propose a compromise," the minister said.',
        "The Albanian government held talks. It is clear that no deal will be signed this year.",
        "The Dutch government changed course. It seems the coalition will not survive the summer.",
        "The Polish government discussed the plan. It was decided that the border would stay closed.",
        "The Greek government called for calm. It is time to return to the table, the spokesman said.",
        "The Czech government reviewed the report. It remains unclear whether the talks will resume.",
    ],
)
def test_expletive_it_refers_to_no_one(resources: Any, text: str) -> None:
    assert _actor(resources, text, "It") is None


@pytest.mark.parametrize(
    "text",
    [
        "The Croatian government announced that it had lifted the ban.",
        "The Croatian government said it was likely to lift the ban.",
        "The Croatian government said it appeared to have lost the vote.",
    ],
)
def test_referential_it_keeps_its_antecedent(resources: Any, text: str) -> None:
    assert _code(resources, text, "it") == "HRVGOV"


def test_made_it_clear_is_expletive_but_the_later_it_is_not(resources: Any) -> None:
    text = "The Croatian government made it clear that it would veto the plan."
    assert _actor(resources, text, "it", 0) is None
    assert _code(resources, text, "it", 1) == "HRVGOV"


# ----------------------------------------------------------------------------- act nouns
def test_opposition_to_is_an_act_not_a_party(resources: Any) -> None:
    text = "Norway's opposition to the treaty delayed the vote."
    a = _actor(resources, text, "opposition")
    assert a is None or not (a.codes or {}).get("cameo", "").endswith("OPP")
    assert _code(resources, "The Norwegian opposition boycotted the vote.", "opposition") == "NOROPP"


# ----------------------------------------------------------------------------- capitals under force
@pytest.mark.parametrize(
    "text,phrase,code",
    [
        ("Angry truckers said they would blockade Madrid next week.", "Madrid", "ESPCVL"),
        ("Rebel columns advanced on Bamako overnight.", "Bamako", "MLICVL"),
        ("Insurgents shelled Kabul on Sunday.", "Kabul", "AFGCVL"),
        # acting capitals stay the government
        ("Madrid refused the demand on Monday.", "Madrid", "ESPGOV"),
        ("The EU urged Madrid to reconsider.", "Madrid", "ESPGOV"),
    ],
)
def test_capital_under_force_is_its_people(resources: Any, text: str, phrase: str, code: str) -> None:
    assert _code(resources, text, phrase) == code


def test_capital_as_location_is_no_actor(resources: Any) -> None:
    assert _actor(resources, "Thousands demonstrated in Madrid on Sunday.", "Madrid") is None


# ----------------------------------------------------------------------------- organisations as people
@pytest.mark.parametrize(
    "text,phrase",
    [
        ("The state news agency Zarqa reported the clashes.", "Zarqa"),
        ("Police raided the offices of two weeklies, Al-Nour and the Courier.", "Al-Nour"),
        ("She told the Lebanese newspaper Al-Fajr Al-Jadid that she would run.", "Al-Fajr Al-Jadid"),
        ("Harriet Mole, an analyst at the consultancy Brackenridge, expects more unrest.", "Brackenridge"),
    ],
)
def test_media_and_firms_named_by_a_noun_are_organisations(resources: Any, text: str, phrase: str) -> None:
    a = _actor(resources, text, phrase)
    assert a is None or a.kind != "person"


def test_person_after_a_role_noun_stays_a_person(resources: Any) -> None:
    a = _actor(resources, "Party leader Tomas Lindqvist resigned on Friday.", "Tomas Lindqvist")
    assert a is not None and a.kind == "person"


# ----------------------------------------------------------------------------- titled people
def test_press_secretary_of_a_country_institution(resources: Any) -> None:
    text = "White House press secretary Daniel Okafor said the aid would be reviewed."
    assert _code(resources, text, "Daniel Okafor") == "USAGOV"


def test_the_international_community_is_one_coded_actor(resources: Any) -> None:
    from newsledger.model import Article
    from newsledger.nlp.pipeline import analyse

    a = analyse(Article(id="t", text="The international community condemned the attack on Kosovo.",
                        published="2023-03-01"), resources)
    codes = {x.id: x.codes.get("cameo") for x in a.actors}
    assert any(codes.get(s) == "IGO" for e in a.events for s in e.source_ids), a.events


def test_a_town_under_force_stands_for_its_people(resources: Any) -> None:
    from newsledger.model import Article
    from newsledger.nlp.pipeline import analyse

    a = analyse(Article(id="t", text="Troops shelled Misrata on Friday.", published="2023-03-01"), resources)
    codes = {x.id: x.codes.get("cameo") for x in a.actors}
    assert any(codes.get(t) == "LBYCVL" for e in a.events for t in e.target_ids), a.events
