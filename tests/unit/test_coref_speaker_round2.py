"""Actors and speaker naming, second round of issue 4: title agreement of descriptions,
namesakes brought in anew, relation nouns with a person compound, plural pronouns and the
speaker's words (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.unit.test_quotes_extract import _find, _quotes

pytestmark = pytest.mark.model


def _actor_of(nlp, text: str, word: str, nth: int = 0):  # type: ignore[no-untyped-def]
    from newsledger.nlp.actors import load_kb, resolve_actors

    doc = nlp(text)
    da = resolve_actors(doc, load_kb(), None, "t")
    tok = [t for t in doc if t.text == word][nth]
    aid = da.actor_for_token(tok.i)
    return da.actors[aid].name if aid else None


def test_description_with_another_party_is_not_the_earlier_nominee(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Libertarian presidential nominee Walter Fenwick toured Ohio on Monday. "
            "The Republican nominee also outlined his tax plan.")
    name = _actor_of(nlp, text, "nominee", 1)
    assert name is None or "Fenwick" not in name


def test_description_with_the_same_party_is_the_earlier_nominee(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Libertarian presidential nominee Walter Fenwick toured Ohio on Monday. "
            "The Libertarian nominee also outlined his tax plan.")
    assert "Fenwick" in (_actor_of(nlp, text, "nominee", 1) or "")


def test_nominee_is_not_the_vice_presidential_nominee(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Democratic vice presidential nominee Tom Harlan spoke in Denver. "
            "The Republican nominee also outlined his tax plan.")
    name = _actor_of(nlp, text, "nominee", 1)
    assert name is None or "Harlan" not in name


def test_surname_after_a_namesake_just_brought_in(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Governor Gary Fenwick opened the fair on Monday. The weather was fine. Crowds were large. "
            "Prices were high. Parking was scarce. The rides ran late. Music played all night.\n\n"
            "Interior Secretary Joan Fenwick says the parks will reopen soon.\n\n"
            "Fenwick told reporters that the budget was secure.")
    _, name = _find(_quotes(nlp, text), "budget was secure")
    assert name is not None and "Joan" in name


def test_surname_stays_with_the_person_in_view(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Gary Fenwick announced a tax plan on Monday. The Fenwick campaign praised it. "
            "Joan Fenwick said the plan helped mothers.\n\n"
            "Fenwick said the plan would pass.")
    _, name = _find(_quotes(nlp, text), "plan would pass")
    assert name is not None and "Gary" in name


def test_person_compound_of_a_relation_noun_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("Maria Lopez won the primary. A Lopez spokesman said the count was fair.",
                 "Maria Lopez won the primary. Lopez aides said the count was fair."):
        _, name = _find(_quotes(nlp, text), "count was fair")
        assert name is None or "Lopez" not in name


def test_they_is_not_the_one_person_quoted_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\u201cWe will win,\u201d Maria Lopez said on Monday.\n\n"
            "On Tuesday they said the count was fair.")
    _, name = _find(_quotes(nlp, text), "count was fair")
    assert name is None or "Lopez" not in name


def test_speaker_words_leave_out_a_leading_adverb(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsledger.nlp.actors import load_kb, resolve_actors
    from newsledger.nlp.quotes import extract_quotes

    doc = nlp("Even some delegates said the count was fair.")
    da = resolve_actors(doc, load_kb(), None, "t")
    q = next(q for q in extract_quotes(doc, da, "t") if "count was fair" in q.text)
    assert q.speaker_text is not None and not q.speaker_text.lower().startswith("even")


def test_it_is_not_the_one_person_quoted_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\u201cWe will win,\u201d Maria Lopez said on Monday.\n\n"
            "On Tuesday it said the count was fair.")
    _, name = _find(_quotes(nlp, text), "count was fair")
    assert name is None or "Lopez" not in name


def test_dateline_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsledger.nlp.quotes.datelines import dateline_speaker

    text = "Budget Talks.\n\nLONDON (Reuters) - Maria Lopez said the talks had failed."
    doc = nlp(text)
    from newsledger.nlp.actors import load_kb, resolve_actors

    da = resolve_actors(doc, load_kb(), None, "t")
    place = next(t for t in doc if t.text == "LONDON")
    aid = dateline_speaker(doc, text, da, place)
    assert aid is not None and "Lopez" in da.actors[aid].name
    assert dateline_speaker(doc, text, da, next(t for t in doc if t.text == "Lopez")) is None


def test_quote_after_a_dateline_names_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Trump On Cameron.\n\nLONDON (Reuters) - Donald Trump said he was unlikely to get along with Cameron."
    _, name = _find(_quotes(nlp, text), "unlikely to get along")
    assert name is not None and "Trump" in name
