"""Speaker naming for descriptions, quantifiers, appositions and documents (issue 4; sentences
written for these tests)."""

from __future__ import annotations

import pytest

from tests.unit.test_quotes_extract import _find, _quotes

pytestmark = pytest.mark.model


def test_plural_description_is_not_one_titled_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Rick Moreno, an election analyst at the state university, spoke on Monday about the count.\n\n"
            "Analysts say the vote in the northern counties will be very close this year.")
    _, name = _find(_quotes(nlp, text), "will be very close")
    assert name is None or "Moreno" not in name


def test_quantifier_speaker_is_not_the_previous_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Maria Lopez said the state budget was in trouble.\n\n"
            "Both think the governor will lose the vote in March.")
    _, name = _find(_quotes(nlp, text), "governor will lose")
    assert name is None or "Lopez" not in name


def test_name_in_apposition_beats_an_earlier_holder_of_the_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Peter Grant, the campaign manager of the mayor, spoke on Monday.\n\n"
            "The senator's campaign manager, Lisa Wong, said the polls were wrong about the race.")
    _, name = _find(_quotes(nlp, text), "polls were wrong")
    assert name is not None and "Wong" in name


def test_new_document_is_not_an_earlier_document_of_someone(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Maria Lopez published her statement on the budget on Monday.\n\n"
            "On Tuesday, an editorial in a local paper said that the budget would fail.")
    _, name = _find(_quotes(nlp, text), "budget would fail")
    assert name is None or "Lopez" not in name


def test_document_with_an_unknown_possessor_stays_as_written(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Maria Lopez published her statement on the budget on Monday.\n\n"
            "The union's statement said that the budget would fail.")
    q, name = _find(_quotes(nlp, text), "budget would fail")
    assert name is None or "Lopez" not in name


def test_document_passive_author_is_its_author(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsledger.nlp.actors import load_kb, resolve_actors
    from newsledger.nlp.quotes.lexicon import load_lexicon
    from newsledger.nlp.quotes.speakers import SpeakerResolver

    doc = nlp("A report released by Maria Lopez on Monday says the budget will fail. "
              "Emails read by Tom Baker show the same thing.")
    da = resolve_actors(doc, load_kb(), None, "t")
    res = SpeakerResolver(doc, da, load_lexicon())
    report = next(t for t in doc if t.text == "report")
    emails = next(t for t in doc if t.text == "Emails")
    aid = res._document_author(report)
    assert aid is not None and "Lopez" in da.actors[aid].name
    other = res._document_author(emails)
    assert other is None or "Baker" not in da.actors[other].name


def test_indefinite_title_is_someone_new(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Tom Baker, a spokesman for the mayor, spoke to reporters on Monday.\n\n"
            "A spokesman for the airline said that all flights would resume on Friday.")
    _, name = _find(_quotes(nlp, text), "flights would resume")
    assert name is None or "Baker" not in name


def test_title_word_inside_an_of_phrase_is_no_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Dana Whitfield, the secretary of state, certified the count on Monday.\n\n"
            "In 2004 the state wrongly said that about 5,000 voters were ineligible.")
    _, name = _find(_quotes(nlp, text), "voters were ineligible")
    assert name is None or "Whitfield" not in name


def test_presidential_nominee_is_not_the_vice_presidential_nominee(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsledger.nlp.actors import load_kb, resolve_actors
    from newsledger.nlp.quotes.lexicon import load_lexicon
    from newsledger.nlp.quotes.speakers import SpeakerResolver

    doc = nlp("Tom Baker, the Green vice presidential nominee, toured three towns on Monday. "
              "The Green presidential nominee says the party will win in the west.")
    da = resolve_actors(doc, load_kb(), None, "t")
    nominee = [t for t in doc if t.text == "nominee"][-1]
    aid = SpeakerResolver(doc, da, load_lexicon())._by_title(nominee)
    assert aid is None or "Baker" not in da.actors[aid].name


def test_lone_name_suffix_is_the_name_it_closes(resources) -> None:  # type: ignore[no-untyped-def]
    from newsledger.nlp.actors import resolve_actors

    doc = resources.nlp("Former Attorney General Eric H. Holder Jr. wrote about the law.\n\n"
                        "Speaking to students at a university in Philadelphia this week, Vice President "
                        "Joseph R. Biden Jr. responded to the claim.")
    da = resolve_actors(doc, resources.kb, "2016-09-30", "t")
    jr = [t for t in doc if t.text == "Jr."][-1]
    aid = da.actor_for_token(jr.i)
    assert aid is None or "Holder" not in da.actors[aid].name
