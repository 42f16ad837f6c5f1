"""Speaker naming: the person a pronoun, description or role noun speaker is resolved to
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.unit.test_quotes_extract import _find, _quotes

pytestmark = pytest.mark.model


def test_he_is_not_a_name_inside_the_quotation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Senator Mark Fowler opened the hearing on Tuesday.\n\n"
            "\u201cMy chief of staff, Daniel Okafor, warned me about this budget months ago,\u201d he said.")
    _, name = _find(_quotes(nlp, text), "warned me")
    assert name is not None and "Fowler" in name


def test_she_is_not_a_woman_named_inside_the_quotation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Anna Petrova ran the meeting on Friday.\n\n"
            "\u201cI told Maria Lopez the plan was dead,\u201d she said.")
    _, name = _find(_quotes(nlp, text), "plan was dead")
    assert name is not None and "Petrova" in name


def test_person_introduced_with_a_role_speaks_next(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\u201cThe turnout will be low,\u201d Peter Grant said.\n\n"
            "The lack of enthusiasm is something that worries Henry Okoro, president of the county caucus.\n\n"
            "\u201cNobody is knocking on doors this year,\u201d he said.")
    _, name = _find(_quotes(nlp, text), "knocking on doors")
    assert name is not None and "Okoro" in name


def test_role_noun_with_a_name_right_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsledger.nlp.actors import load_kb, resolve_actors
    from newsledger.nlp.quotes.lexicon import load_lexicon
    from newsledger.nlp.quotes.speakers import SpeakerResolver

    doc = nlp("Omar Haddad was on the plane. His cousin Samir Nasser wept at the airport.")
    da = resolve_actors(doc, load_kb(), None, "t")
    cousin = next(t for t in doc if t.text == "cousin")
    aid = SpeakerResolver(doc, da, load_lexicon()).api_actor(cousin)
    assert aid is not None and "Nasser" in da.actors[aid].name


def test_possessor_of_a_relation_noun_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Maria Lopez was charged on Monday. Her lawyer said the charges were false."
    _, name = _find(_quotes(nlp, text), "charges were false")
    assert name is None or "Lopez" not in name


def test_possessor_of_an_utterance_noun_is_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Maria Lopez met the board on Monday. Her speech warned that the plan would fail."
    _, name = _find(_quotes(nlp, text), "plan would fail")
    assert name is not None and "Lopez" in name


def test_indefinite_description_is_nobody_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Mark Fowler, the architect of the stadium deal, spoke first. "
            "An architect on the site said the walls were too thin.")
    _, name = _find(_quotes(nlp, text), "walls were too thin")
    assert name is None or "Fowler" not in name


def test_he_is_not_a_woman_known_only_by_her_given_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\u201cWe drove all night,\u201d Melanie said.\n\n"
            "Then the candidate walked on stage and waved.\n\n"
            "\u201cThank you all for coming,\u201d he said.")
    _, name = _find(_quotes(nlp, text), "Thank you all")
    assert name != "Melanie"


def test_given_name_alone_and_honorific_give_a_sex(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsledger.nlp.actors import load_kb, resolve_actors
    from newsledger.nlp.quotes.lexicon import load_lexicon
    from newsledger.nlp.quotes.speakers import SpeakerResolver

    doc = nlp("Melanie waved at the crowd. Mr. Tobias, a law professor, was not impressed.")
    da = resolve_actors(doc, load_kb(), None, "t")
    res = SpeakerResolver(doc, da, load_lexicon())
    by_name = {a.name: aid for aid, a in da.actors.items()}
    assert res.gender(by_name["Melanie"]) == "f"
    tobias = next(aid for name, aid in by_name.items() if "Tobias" in name)
    assert res.gender(tobias) == "m"


def test_utterance_nouns_are_data() -> None:
    from newsledger.nlp.quotes.speakers import _utterance_nouns

    nouns = _utterance_nouns()
    assert "speech" in nouns and "remark" in nouns and "lawyer" not in nouns
