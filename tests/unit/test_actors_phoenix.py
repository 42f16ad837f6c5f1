"""The Phoenix base layer, role-derived codes, place countries and PLOVER-style codes."""

from __future__ import annotations

import re
from typing import Any

import pytest

from newsledger.nlp.actors import ActorKB, load_kb, resolve_actors


def _resolve(resources: Any, text: str, date: str | None) -> tuple[Any, Any]:
    doc = resources.nlp(text)
    return doc, resolve_actors(doc, resources.kb, date, "t")


def _code(doc: Any, res: Any, phrase: str, key: str = "cameo") -> str | None:
    """The code of the first actor the first ``phrase`` refers to."""
    pos = re.search(rf"\b{re.escape(phrase)}\b", doc.text)
    assert pos is not None
    span = doc.char_span(pos.start(), pos.end(), alignment_mode="expand")
    found = res.actors_for_span(span.start, span.end)
    if not found:
        return None
    codes = res.actors[found[0]].codes
    return codes.get(key) or codes.get("cameo")


# ------------------------------------------------------------------ the KB (no parser)
def test_base_layer_is_date_aware() -> None:
    kb = load_kb()
    (hit,) = [h for h in kb.base_hits("Warren Christopher") if h.entry.kind == "person"]
    assert kb.codes_at(hit.entry, "1995-03-01")["cameo"] == "USAGOV"
    assert kb.codes_at(hit.entry, "2005-03-01")["cameo"] == "USAELI"
    assert kb.codes_at(hit.entry, None)["cameo"] == "USAGOV"  # undated: the office he is known for


def test_curated_layer_wins_and_blank_kb_has_no_base() -> None:
    kb = load_kb()
    kurti = kb.lookup("Albin Kurti", "2023-03-18")
    assert kurti is not None and kb.codes_at(kurti, "2023-03-18")["cameo"] == "KSVGOV"
    assert ActorKB.blank().base() is None
    assert ActorKB().base_hits("Warren Christopher") == []


def test_base_layer_keeps_out_descriptions_and_common_words() -> None:
    kb = load_kb()
    assert kb.base_hits("Kosovar Prime Minister") == []
    assert kb.base_hits("police") == []
    assert kb.base_hits("John") == []


def test_plover_codes() -> None:
    kb = load_kb()
    assert kb.plover_code("IGOUNOMIL") == "IGOMIL"
    assert kb.plover_code("IGOEUREEC") == "IGO"
    assert kb.plover_code("IGOUNO", "person") == "IGOGOV"
    assert kb.plover_code("SRBGOV") == "SRBGOV"


# ------------------------------------------------------------------ in context
@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("U.S. Secretary of State Warren Christopher met Russian officials.", "Warren Christopher", "USAGOV"),
        ("Palestinian leader Yasser Arafat rejected the plan.", "Yasser Arafat", "PSEGOV"),
        ("Israeli Prime Minister Ehud Barak met the envoy.", "Ehud Barak", "ISRGOV"),
        ("President Mugabe accused the opposition of treason.", "Mugabe", "ZWEGOV"),
        ("South African leader F.W. de Klerk met the delegation.", "Klerk", "ZAFGOV"),
        ("Serbian Labour Minister Dragan Milovanovic met the unions.", "Milovanovic", "SRBGOV"),
        ("Hungarian and Romanian officials agreed on Wednesday.", "Hungarian", "HUNGOV"),
        ("Hungarian and Romanian officials agreed on Wednesday.", "Romanian", "ROUGOV"),
        ("The US Congress agreed to lift the embargo.", "Congress", "USALEG"),
        ("Hamas fighters fired rockets at Israel.", "Hamas", "PSEREBHMS"),
        ("Ugandan opposition candidates threatened a boycott.", "candidates", "UGAOPP"),
        ("Israeli army bulldozers demolished homes.", "army", "ISRMIL"),
    ],
)
def test_role_and_dictionary_codes(resources: Any, text: str, phrase: str, code: str) -> None:
    doc, res = _resolve(resources, text, None)
    assert _code(doc, res, phrase) == code


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "date", "phrase", "code"),
    [
        # a bare surname, alone in a one-sentence item: the one base-layer person in office then
        ("Mugabe refused to meet the opposition leaders.", "2008-08-15", "Mugabe", "ZWEGOV"),
        ("Mugabe refused to meet the opposition leaders.", "1975-05-01", "Mugabe", "ZWEELI"),
        # a surname the parser tags as a common noun, alone in the text
        ("Musharraf resigned on Monday.", "2008-08-15", "Musharraf", "PAKGOV"),
        # a full dictionary name the parser labels a place is still the person
        ("Thabo Mbeki will mediate between the two parties.", "2008-08-15", "Thabo Mbeki", "ZAFGOV"),
    ],
)
def test_bare_surnames_and_mislabelled_full_names(resources: Any, text: str, date: str, phrase: str,
                                                  code: str) -> None:
    doc, res = _resolve(resources, text, date)
    assert _code(doc, res, phrase) == code


@pytest.mark.model
def test_plover_codes_in_context(resources: Any) -> None:
    doc, res = _resolve(resources, "The U.N. Security Council and UN peacekeepers met.", None)
    assert _code(doc, res, "Security Council", "plover") == "IGOGOV"
    assert _code(doc, res, "peacekeepers", "plover") == "IGOMIL"


@pytest.mark.model
def test_place_country_is_an_actor_but_not_a_mention(resources: Any) -> None:
    doc, res = _resolve(resources, "Saddam Hussein arrived in Amman on Monday.", None)
    amman = next(t.i for t in doc if t.text == "Amman")
    assert res.actor_for_token(amman) is None
    assert res.place_for_token(amman) == "country:JOR"
    assert res.actors["country:JOR"].codes["cameo"] == "JOR"


@pytest.mark.model
def test_peacekeepers_in_a_country_are_not_its_forces(resources: Any) -> None:
    doc, res = _resolve(resources, "Pakistan refused to deploy peacekeepers in Iraq.", None)
    assert (_code(doc, res, "peacekeepers") or "").startswith("---") or _code(doc, res, "peacekeepers") is None


@pytest.mark.model
def test_base_names_keep_the_text_casing_and_us_politicians(resources: Any) -> None:
    doc, res = _resolve(resources, "The FBI said Donald Trump and Tim Kaine spoke.", "2016-10-03")
    names = {a.name for a in res.actors.values()}
    assert "FBI" in names and "Fbi" not in names
    trump = next(t.i for t in doc if t.text == "Trump")
    assert res.actor_for_token(trump) == "person:donald-trump"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Darfur rebels attacked the town.", "rebels", "SDNREB"),
        ("Israeli helicopters and tanks fired on the camp.", "helicopters", "ISRMIL"),
        ("Hezbollah guerrillas killed two soldiers.", "guerrillas", "LBNREB"),
    ],
)
def test_region_and_group_qualifiers(resources: Any, text: str, phrase: str, code: str) -> None:
    doc, res = _resolve(resources, text, None)
    assert _code(doc, res, phrase) == code


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The Tax Foundation said the plan would cost billions.", "Foundation"),  # "The Foundation" is a Phoenix alias
        ("The New York businessman said he would win.", "businessman"),  # a state is no owner of one person
    ],
)
def test_no_false_positives(resources: Any, text: str, phrase: str) -> None:
    doc, res = _resolve(resources, text, "2016-09-20")
    assert (_code(doc, res, phrase) or "")[:3] not in ("USA",)


@pytest.mark.model
def test_owner_after_the_name(resources: Any) -> None:
    doc, res = _resolve(resources, "King Hassan of Morocco met the delegation.", None)
    assert _code(doc, res, "Hassan") == "MARGOV"
