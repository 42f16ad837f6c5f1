"""Actor coreference details that decide who a speaker is (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_actors_resolve import _resolve, _who

pytestmark = pytest.mark.model


def test_narration_pronoun_skips_names_inside_quotation(resources: Any) -> None:
    text = "Anna Petrova ran the meeting on Friday.\n\n\u201cI told Maria Lopez the plan was dead,\u201d she said."
    doc, res = _resolve(resources, text)
    assert _who(doc, res, "she") == _who(doc, res, "Anna Petrova")


def test_quoted_tokens_follow_the_marks(resources: Any) -> None:
    from newsledger.nlp.actors.sieves import quoted_tokens

    doc = resources.nlp('He said "we will win" and left.')
    flags = dict(zip([t.text for t in doc], quoted_tokens(doc, doc.text), strict=True))
    assert flags["we"] and flags["win"] and not flags["left"] and not flags["He"]


def test_subject_of_a_sentence_run_over_a_paragraph_break(resources: Any) -> None:
    text = ("Joel Baker, a radio host in the city, recalled that before the primary, Obama was not treated as "
            "credibly by his listeners, who wondered if \u201che would be the token candidate.\u201d\n\n"
            "\u201cI hate to put it that way,\u201d he said.")
    doc, res = _resolve(resources, text)
    assert _who(doc, res, "he", 1) == _who(doc, res, "Joel Baker")


def test_modifier_inside_the_subject_is_not_the_antecedent(resources: Any) -> None:
    doc, res = _resolve(resources, "Kevin Dorsey, an Obama supporter, said he would vote early.")
    assert _who(doc, res, "he") == _who(doc, res, "Kevin Dorsey")


def test_surname_after_a_generational_suffix(resources: Any) -> None:
    doc, res = _resolve(resources, "Ronald Blakemore III paid for the banner. Blakemore declined to comment.")
    assert _who(doc, res, "Blakemore", 1) == _who(doc, res, "Ronald Blakemore III")


def test_dictionary_group_alias_inside_a_persons_name(resources: Any) -> None:
    doc, res = _resolve(resources, "Footage of Al-Awlaki appears in the video. Anwar al-Awlaki was killed in 2011.")
    assert _who(doc, res, "Al-Awlaki") == _who(doc, res, "Anwar al-Awlaki")
    assert (_who(doc, res, "Al-Awlaki") or "").startswith("person:")


def test_honorific_picks_the_person_of_that_sex(resources: Any) -> None:
    text = ("Bill Clinton and Hillary Clinton arrived together. Mrs. Clinton spoke first, "
            "and Mr. Clinton followed her.")
    doc, res = _resolve(resources, text)
    assert _who(doc, res, "Clinton", 2) == _who(doc, res, "Hillary Clinton")
    assert _who(doc, res, "Clinton", 3) == _who(doc, res, "Bill Clinton")


def test_one_word_person_entity_that_is_no_name(resources: Any) -> None:
    from newsledger.nlp.actors.resolve import Resolver

    doc = resources.nlp("Conceding the point, Meh said nothing. Melanie laughed.")
    r = Resolver(doc, resources.kb, None, "t")
    words = {t.text: t for t in doc}
    assert r._not_a_name_word(words["Conceding"]) and r._not_a_name_word(words["Meh"])
    assert not r._not_a_name_word(words["Melanie"])


def test_short_form_of_an_organisation_named_in_full(resources: Any) -> None:
    text = "The Daily Telegraph reported the deal on Monday. The Telegraph said the talks had failed."
    doc, res = _resolve(resources, text)
    assert _who(doc, res, "Telegraph", 1) == _who(doc, res, "Daily Telegraph") == "org:daily-telegraph"
