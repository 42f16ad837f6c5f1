"""KB coverage: historical country names, international organisations of the Phoenix base layer
and of the curated list, people whose first name is also part of a place name, agent nouns
that the Phoenix agent dictionary lacks, and groups owned by the country they flee."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_actors_groups import _code

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text,phrase,code",
    [
        # historical names of states
        ("Vietnamese forces withdrew from Kampuchea.", "Kampuchea", "KHM"),
        ("Zaire closed its border.", "Zaire", "COD"),
        ("Ceylon signed the treaty.", "Ceylon", "LKA"),
        # international organisations: curated, and the Phoenix base layer's IGOs
        ("The International Labour Office criticised the new law.", "International Labour Office", "IGOUNO"),
        ("The APEC forum met in Lima.", "APEC", "IGO"),
        ("The Organization of African Unity condemned the coup.", "Organization of African Unity", "IGOAFR"),
        # agent nouns beyond Phoenix.agents.txt
        ("Bolivian miners blocked the highway.", "miners", "BOLLAB"),
        ("Somali elders met in the town.", "elders", "SOMELI"),
        # the country a group flees owns it
        ("Aid workers helped refugees fleeing Syria.", "refugees", "SYRREF"),
        ("Thousands of refugees fleeing the fighting in Burundi crossed the river.", "refugees", "BDIREF"),
    ],
)
def test_kb_coverage(resources: Any, text: str, phrase: str, code: str) -> None:
    assert _code(resources, text, phrase) == code


def test_person_whose_first_name_is_in_a_place_name(resources: Any) -> None:
    """"Jose" is a word of "San Jose", yet "Jose Eduardo dos Santos" is a person of the base layer."""
    from newsledger.nlp.actors import resolve_actors

    text = "President Jose Eduardo dos Santos opened the session."
    doc = resources.nlp(text)
    res = resolve_actors(doc, resources.kb, "2005-03-01", "t")
    codes = {a.codes.get("cameo", "") for a in res.actors.values()}
    assert "AGOGOV" in codes, codes
