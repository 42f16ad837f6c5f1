"""Attributions whose cue is a noun or a stance adjective (``quotes/noun_cues.py``,
``data/noun_cues.en.yaml``); sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.unit.test_quotes_extract import _find, _quotes


@pytest.mark.model
@pytest.mark.parametrize(("text", "content", "speaker"), [
    # the possessor holds the claim
    ("Tom Reed spoke on Monday. Tom Reed's claim that the budget was balanced surprised the council.",
     "that the budget was balanced", "Reed"),
    # the subject of the verb the noun is the object of
    ("Tom Reed made the argument that the new tax would hurt farmers.", "that the new tax would hurt farmers", "Reed"),
    # "said in a statement that ...": the statement's clause, not the phrase, is what was said
    ("Tom Reed said in a statement that the mill would close in May.", "that the mill would close in May", "Reed"),
    # a to-infinitive of an intention noun
    ("Tom Reed made a promise to rebuild the old bridge.", "to rebuild the old bridge", "Reed"),
    # the object of the preposition a stance noun takes
    ("Maria Lopez voiced strong support for the new stadium.", "the new stadium", "Lopez"),
    # stance adjectives after a copula
    ("Maria Lopez is confident that the vote will pass next week.", "that the vote will pass next week", "Lopez"),
    ("Tom Reed was critical of the city's new budget.", "the city's new budget", "Reed"),
])
def test_a_noun_or_adjective_cue_attributes_its_complement(nlp, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    q, name = _find(_quotes(nlp, text), content)
    assert q.text == content and q.kind == "indirect"
    assert name is not None and speaker in name


@pytest.mark.model
def test_a_by_phrase_names_the_holder_of_a_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The main obstacle is a demand by Maria Lopez that the park be reopened."
    q, name = _find(_quotes(nlp, text), "the park be reopened")
    assert q.text == "that the park be reopened"
    assert name is not None and "Lopez" in name


@pytest.mark.model
@pytest.mark.parametrize(("text", "words"), [
    # the reporter's proposition, not someone's words
    ("The idea that taxes will fall this year is popular with voters.", "taxes will fall"),
    # a circumstance of time: the subject of the main verb holds nothing of it
    ("After revelations that the mayor had lied, Tom Reed resigned from the board.", "the mayor had lied"),
    # the subject receives the questions, he does not ask them
    ("Tom Reed faced questions about the missing funds.", "the missing funds"),
    # a result clause of a degree adverb
    ("The residents were concerned enough that they called the police.", "they called the police"),
])
def test_no_noun_cue_attribution(nlp, text: str, words: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(words in q.text for q, _ in _quotes(nlp, text))
