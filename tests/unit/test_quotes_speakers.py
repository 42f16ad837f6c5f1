"""Quote speakers and content boundaries (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.unit.test_quotes_extract import _find, _quotes


@pytest.mark.model
def test_speaker_span_is_the_speaker_as_written(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We will not accept this proposal," Maria Lopez said on Monday.'
    q, _ = _find(_quotes(nlp, text), "not accept")
    assert q.speaker_start is not None and q.speaker_end is not None
    assert text[q.speaker_start:q.speaker_end] == "Maria Lopez"


@pytest.mark.model
def test_participial_aside_is_not_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Maria Lopez said the talks had failed, arguing that the other side never wanted a deal."
    q, _ = _find(_quotes(nlp, text), "the talks had failed")
    assert "arguing" not in q.text


@pytest.mark.model
def test_content_stops_at_semicolon(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Maria Lopez said the timing of the vote was not intentional; the committee learned of it later."
    q, _ = _find(_quotes(nlp, text), "timing of the vote")
    assert "committee" not in q.text


@pytest.mark.model
def test_she_does_not_resolve_to_a_man(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Maria Lopez spoke to the council on Monday. Later John Miller arrived at the hall. "
            '"We will not accept this proposal," she said.')
    q, name = _find(_quotes(nlp, text), "not accept")
    assert name is None or "Miller" not in name


@pytest.mark.model
def test_he_continues_the_previous_quotes_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('"The plan is dead," John Miller said. Critics of the plan, such as Robert Brown, stayed silent. '
            '"We start again tomorrow," he said.')
    q, name = _find(_quotes(nlp, text), "start again tomorrow")
    assert name is not None and "Miller" in name


def test_given_names_table_has_both_sexes() -> None:
    from newsledger.nlp.quotes.speakers import _given_names

    names = _given_names()
    assert names.get("maria") == "f" and names.get("john") == "m"


@pytest.mark.model
def test_quoted_show_title_is_not_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Maria Lopez told ABC's \u201cGood Morning America\u201d on Monday that the talks had failed."
    found = _quotes(nlp, text)
    assert not [q for q, _ in found if q.text.strip(" ,") == "Good Morning America"]


@pytest.mark.model
def test_uncued_paragraph_continues_the_previous_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\u201cWe will not accept this proposal,\u201d Maria Lopez said.\n\n"
            "\u201cThe council has to start again from the beginning and listen to the people.\u201d")
    found = _quotes(nlp, text)
    q, name = _find(found, "not accept")
    assert len(q.fragments) == 2 and "start again" in q.text
    assert not [x for x, _ in found if x is not q and "start again" in x.text]


@pytest.mark.model
def test_passive_cue_has_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "It was revealed in March that the minister had used a personal email account."
    for q, _name in _quotes(nlp, text):
        if "personal email account" in q.text:
            assert q.speaker_id is None and q.speaker_text is None


@pytest.mark.model
def test_restrictive_relative_cue_is_not_an_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Voters who said the economy was their top issue split evenly between the two candidates."
    assert not [q for q, _ in _quotes(nlp, text) if "economy was their top issue" in q.text]


@pytest.mark.model
def test_thats_according_to_attributes_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Sanders raised more money. That's according to fundraising reports filed on Saturday."
    found = [q for q, _ in _quotes(nlp, text) if q.cue == "according to"]
    assert found and found[0].text == "That"


@pytest.mark.model
def test_embedded_quotation_takes_its_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "John Miller called the proposal \u201ca disgrace\u201d on Monday."
    q, _ = _find(_quotes(nlp, text), "disgrace")
    assert q.kind == "partial" and "proposal" in q.text
