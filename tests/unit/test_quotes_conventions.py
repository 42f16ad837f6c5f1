"""Quote extraction: content boundaries and speaker choices (PolNeAR-style conventions).

Sentences are written for these tests; each checks one mechanism of the quotes stage.
"""

from __future__ import annotations

import pytest

from tests.unit.test_quotes_extract import _find as _with
from tests.unit.test_quotes_extract import _quotes


def _content(text: str, q) -> str:  # type: ignore[no-untyped-def]
    return " | ".join(text[s:e] for s, e in q.fragments)


# -- content boundaries ----------------------------------------------------------------
@pytest.mark.model
def test_complementizer_that_belongs_to_the_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Maria Lopez told reporters that the talks had failed."
    q, _ = _with(_quotes(nlp, text), "talks had failed")
    assert _content(text, q).startswith("that the talks")


@pytest.mark.model
def test_a_time_stamp_before_a_cue_is_not_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The rally ended at noon.\n\n9:05 p.m.\n\nMaria Lopez says her campaign is doing well."
    found = _quotes(nlp, text)
    assert all("9:05" not in q.text for q, _ in found)
    _with(found, "campaign is doing well")


@pytest.mark.model
@pytest.mark.parametrize(("text", "before", "after"), [
    ("The Senate passed the bill; Maria Lopez said it would fail in the House.", "Senate passed", "fail in the House"),
    ("The plan was a failure from the start: Maria Lopez said the council had been warned.",
     "failure from the start", "council had been warned"),
])
def test_a_clause_closed_off_by_a_semicolon_or_colon_is_not_the_next_cue_s_content(
        nlp, text: str, before: str, after: str) -> None:  # type: ignore[no-untyped-def]
    found = _quotes(nlp, text)
    assert all(before not in q.text for q, _ in found)
    _with(found, after)


@pytest.mark.model
def test_complements_split_by_the_parse_are_one_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('Maria Lopez says there is nobody in the race is "on pace to win the majority," '
            "the number needed to secure the nomination.")
    found = _quotes(nlp, text)
    assert len(found) == 1
    q, name = found[0]
    assert "there is nobody" in q.text and "secure the nomination" in q.text
    assert name is not None and "Lopez" in name


@pytest.mark.model
@pytest.mark.parametrize("text", ["Never forget that the council approved the plan in a single night.",
                                  "Imagine that the council had approved the plan in a single night.",
                                  "You can bet that the council will approve the plan before the summer.",
                                  "Maria Lopez may want to check her figures before the next debate.",
                                  "It is hard to imagine that the council will approve the plan before the summer."])
def test_an_imperative_generic_or_hedged_stance_attributes_nothing(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(nlp, text) == []


@pytest.mark.model
def test_stance_object_ends_before_an_apposition(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Maria Lopez praised the new budget, a plan that her rivals have called reckless."
    q, name = _with(_quotes(nlp, text), "new budget")
    assert _content(text, q) == "the new budget"
    assert name is not None and "Lopez" in name


@pytest.mark.model
def test_infinitive_content_ends_before_an_adverbial_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On Monday, Maria Lopez refused to speak to reporters as she left the courthouse."
    q, _ = _with(_quotes(nlp, text), "speak to reporters")
    assert "courthouse" not in q.text


@pytest.mark.model
def test_stance_object_keeps_the_quotation_it_holds(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Maria Lopez praised John Carter, who left the race on Friday, as "a man of rare courage".'
    q, _ = _with(_quotes(nlp, text), "rare courage")
    assert "John Carter" in q.text and q.kind == "partial"


@pytest.mark.model
def test_according_to_closing_a_sentence_takes_the_whole_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Turnout rose sharply in the north, and the south stayed flat, according to the election commission."
    q, _ = _with(_quotes(nlp, text), "stayed flat")
    assert _content(text, q).startswith("Turnout rose sharply")


@pytest.mark.model
def test_according_to_closing_a_sentence_starts_after_its_colon(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Nothing has changed: turnout rose sharply in the north, and the south stayed flat, "
            "according to the election commission.")
    q, _ = _with(_quotes(nlp, text), "stayed flat")
    assert _content(text, q).startswith("turnout rose sharply")


@pytest.mark.model
def test_according_to_after_a_curly_contraction(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Turnout fell by a third. That\u2019s according to figures from the election commission."
    q, _ = _with(_quotes(nlp, text), "That")
    assert _content(text, q) == "That"


@pytest.mark.model
def test_the_noun_accord_is_not_according_to(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In 2014, Maria Lopez worked out an accord with Senator John Carter on a bill to expand access to care."
    assert _quotes(nlp, text) == []


@pytest.mark.model
def test_relative_clause_attribution_content_follows_the_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Maria Lopez wants a new bridge, which she said the province should pay for."
    q, _ = _with(_quotes(nlp, text), "province should pay")
    assert _content(text, q) == "the province should pay for"


@pytest.mark.model
def test_a_quotation_is_not_the_content_of_a_cue_in_a_later_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Maria Lopez spoke in Reno on Sunday.\n\n"
            "\u201cHe is becoming the best recruiter they have,\u201d she said. \u201cThey are going to people, "
            "showing videos of him insulting the voters in order to recruit more volunteers.\u201d\n\nX.\n\n"
            "Fact-checkers soon noted that Lopez may have been referring to a hypothetical situation.")
    q, name = _with(_quotes(nlp, text), "recruit more volunteers")
    assert q.cue == "said" and len(q.fragments) == 2
    assert name is not None and "Lopez" in name


# -- quotations that are names -----------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        'The "Nights on the Blue Harbour" star posted a long message on Monday.',
        'She played a nurse in "Nights on the Blue Harbour" for two seasons, her agent said.',
        "Her brother acted in the movie \u201cStorm Over the Old Harbour: Oh No!\u201d last spring, the studio said.",
    ],
)
def test_title_case_names_in_a_phrase_are_not_speech(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q for q, _ in _quotes(nlp, text) if q.kind == "direct"] == []


# -- speakers ------------------------------------------------------------------------------
@pytest.mark.model
def test_pronoun_speaker_follows_a_new_narrated_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('"We will win this district," Maria Lopez said. '
            'Ana Gomez shook her head at the suggestion. "That is simply not going to happen," she said.')
    found = _quotes(nlp, text)
    _, first = _with(found, "win this district")
    _, second = _with(found, "not going to happen")
    assert first is not None and "Lopez" in first
    assert second is not None and "Gomez" in second


@pytest.mark.model
def test_pronoun_speaker_keeps_the_previous_speaker_without_new_narration(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('Pedro Gomez spoke after Maria Lopez. "We will win this district," Maria Lopez said. '
            '"Nobody can stop us now," she added.')
    _, name = _with(_quotes(nlp, text), "Nobody can stop us")
    assert name is not None and "Lopez" in name


@pytest.mark.model
def test_name_next_to_a_cue_the_parse_left_without_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    """A parse that hangs the cue on the quotation's verb and misreads the name's first
    word ('"...," Tulsa police Chief Ann Lee said'): the name right before the cue speaks."""
    from spacy.tokens import Doc

    from newsledger.nlp.actors import load_kb, resolve_actors
    from newsledger.nlp.quotes import extract_quotes

    words = ["The", "council", "met", ".", '"', "We", "will", "find", "them", ",", '"',
             "Tulsa", "police", "Chief", "Ann", "Lee", "said", "Monday", "."]
    spaces = [True, True, False, True, False, True, True, True, False, False, True,
              True, True, True, True, True, True, False, False]
    heads = [1, 2, 2, 2, 7, 7, 7, 7, 7, 7, 7, 7, 13, 11, 15, 13, 7, 16, 7]
    deps = ["det", "nsubj", "ROOT", "punct", "punct", "nsubj", "aux", "ROOT", "dobj", "punct", "punct",
            "dep", "compound", "dobj", "compound", "appos", "conj", "npadvmod", "punct"]
    pos = ["DET", "NOUN", "VERB", "PUNCT", "PUNCT", "PRON", "AUX", "VERB", "PRON", "PUNCT", "PUNCT",
           "VERB", "NOUN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"]
    tags = ["DT", "NN", "VBD", ".", "``", "PRP", "MD", "VB", "PRP", ",", "''",
            "VB", "NN", "NNP", "NNP", "NNP", "VBD", "NNP", "."]
    lemmas = ["the", "council", "meet", ".", '"', "we", "will", "find", "they", ",", '"',
              "tulsa", "police", "Chief", "Ann", "Lee", "say", "Monday", "."]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
              lemmas=lemmas, sent_starts=[True, False, False, False, True] + [False] * 14,
              ents=["O"] * 14 + ["B-PERSON", "I-PERSON", "O", "B-DATE", "O"])
    da = resolve_actors(doc, load_kb(), None, "t")
    quotes = extract_quotes(doc, da, "t")
    assert len(quotes) == 1 and quotes[0].speaker_id is not None
    assert "Lee" in da.actors[quotes[0].speaker_id].name


@pytest.mark.model
def test_participle_opening_a_sentence_continues_the_previous_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Maria Lopez criticised the plan on Tuesday. Adding, "It will fail within a year, as every plan before it did."'
    _, name = _with(_quotes(nlp, text), "fail within a year")
    assert name is not None and "Lopez" in name


@pytest.mark.model
def test_manner_of_speaking_verbs_are_cues(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'The crowd grew louder. "Go back to your own district," Maria Lopez barked at the heckler.'
    q, name = _with(_quotes(nlp, text), "Go back to your own district")
    assert q.cue == "barked" and name is not None and "Lopez" in name


# -- doubled apostrophes as quotation marks, accusations, "refer/point to" ----------------
def test_doubled_apostrophes_mark_a_quotation() -> None:
    from newsledger.nlp.quotes.marks import find_mark_spans

    text = "''We will not wait,'' the mayor said. ''They told us, 'soon,''' she added. It's John's."
    spans = find_mark_spans(text)
    assert [text[m.start:m.end] for m in spans] == ["We will not wait,", "They told us, 'soon,'"]
    # the closing mark is two characters long: what follows it starts right after
    assert text[spans[0].after:spans[0].after + 4] == " the"
    assert text[spans[1].after:spans[1].after + 4] == " she"


@pytest.mark.model
def test_doubled_apostrophe_quote_is_split_around_its_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("''The bridge will open in May,'' the engineer Maria Lopez said on Friday. "
            "''After that, traffic should ease.''")
    found = _quotes(nlp, text)
    q, name = _with(found, "bridge will open")
    assert len(q.fragments) == 2 and "traffic should ease" in q.text
    assert q.kind == "direct" and name == "Maria Lopez"


@pytest.mark.model
def test_title_after_a_comma_and_a_work_noun_is_no_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In her first book, ''Quiet Rivers Run,'' the author Ann Wells describes her childhood farm."
    found = _quotes(nlp, text)
    assert not any("Quiet Rivers" in q.text for q, _ in found)


@pytest.mark.model
def test_accused_takes_the_person_and_the_charge(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The senator accused the governor of hiding the budget figures from the public."
    found = _quotes(nlp, text)
    q, _name = _with(found, "hiding the budget")
    assert _content(text, q).startswith("the governor of hiding")


@pytest.mark.model
def test_pointed_to_takes_its_prepositional_object(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor pointed to the falling crime rate in the northern districts."
    found = _quotes(nlp, text)
    q, _name = _with(found, "falling crime rate")
    assert q.kind == "indirect" and q.cue == "pointed"


# -- source-less passives, "call for X to ...", unquoted namings, headline colons -----------
@pytest.mark.model
def test_passive_expectation_without_agent_has_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The regional council is expected to approve the new budget next week."
    found = _quotes(nlp, text)
    q, name = _with(found, "approve the new budget")
    assert q.speaker_text is None and name is None
    assert _content(text, q).startswith("The regional council | to approve")


@pytest.mark.model
def test_passive_with_dummy_subject_attributes_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _quotes(nlp, "It is expected to snow heavily in the mountains.")
    assert not found


@pytest.mark.model
def test_call_for_someone_to_act_takes_the_clause_without_for(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The union leader called for the board to reverse its decision."
    found = _quotes(nlp, text)
    q, _name = _with(found, "reverse its decision")
    assert _content(text, q) == "the board to reverse its decision"


@pytest.mark.model
def test_unquoted_naming_with_a_holder_is_an_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The opposition leader called the tax plan a gift to the wealthy."
    found = _quotes(nlp, text)
    q, _name = _with(found, "tax plan a gift")
    assert q.kind == "indirect"


@pytest.mark.model
def test_described_takes_its_object_and_as_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The minister described the agreement as a turning point for the region."
    found = _quotes(nlp, text)
    q, _name = _with(found, "turning point")
    assert _content(text, q).startswith("the agreement as")


@pytest.mark.model
def test_headline_name_colon_with_a_known_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    # a headline "Name: claim": the name may be tagged as a common noun at a line start
    text = "Trump: Ohio Voters Want Lower Taxes.\n\nThe candidate spoke to supporters on Monday."
    found = _quotes(nlp, text)
    q, name = _with(found, "Ohio Voters")
    assert name == "Donald Trump"


@pytest.mark.model
def test_quoted_term_inside_a_noun_phrase_is_not_the_next_verbs_words(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('Ann Ross, who advises a local "tenant group," argued that rents would keep rising '
            "across the city this year.")
    found = _quotes(nlp, text)
    assert not any(q.text.startswith("tenant group") for q, _ in found)
    q, _name = _with(found, "rents would keep rising")
    assert q.kind == "indirect"


# -- the outlet's own voice ----------------------------------------------------------------
@pytest.mark.model
def test_editorial_note_paragraph_attributes_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    # a standing note the outlet appends to articles is its own statement, not reported speech
    text = ("The mayor said the bridge would reopen in May.\n\n"
            "Editor\u2019s note: The governor has repeatedly promised to cut the transit budget "
            "and said that the fares would double.")
    found = _quotes(nlp, text)
    assert any("bridge would reopen" in q.text for q, _ in found)
    assert not any("fares would double" in q.text or "cut the transit" in q.text for q, _ in found)


# -- programme titles inside a split quote's cue, "refer to X as Y" ------------------------
@pytest.mark.model
def test_programme_title_in_the_cue_does_not_break_a_split_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\u201cWe will finish the bridge,\u201d the mayor told NBC\u2019s \u201cToday\u201d on Monday. "
            "\u201cThe money is already there.\u201d")
    found = _quotes(nlp, text)
    q, _name = _with(found, "finish the bridge")
    assert "money is already there" in q.text  # the second quotation is a fragment of the first
    assert not any("Today" in x for x in q.text.split(" \u2026 "))  # the programme is not one
    assert not any(x.text.strip() in ("Today", "NBC\u2019s Today") for x, _ in found)


@pytest.mark.model
def test_addressee_programme_alone_is_not_a_quote_but_its_clause_is(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\u201cThe plant stays open,\u201d the owner told WXYZ\u2019s \u201cMorning Show\u201d on Friday.\n\n"
            "The senator told CNN\u2019s \u201cState of the Union\u201d that the vote would pass.")
    found = _quotes(nlp, text)
    assert not any(x.text.strip().endswith("Morning Show") for x, _ in found)
    _with(found, "the vote would pass")


@pytest.mark.model
def test_refer_to_someone_as_keeps_the_as_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The governor, speaking on Tuesday, referred to the union leaders as \u201ca cartel\u201d and left."
    found = _quotes(nlp, text)
    q, name = _with(found, "cartel")
    assert "union leaders" in q.text and q.kind == "partial"


@pytest.mark.model
def test_hard_wrapped_editorial_note_is_one_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    # a feed that breaks lines mid-sentence: the label is two lines above the verb
    text = ("The council said the vote was postponed.\n\n"
            "Editor\u2019s note: The governor has\nrepeatedly promised to cut the\n"
            "transit budget and said that the fares would double.")
    found = _quotes(nlp, text)
    assert any("vote was postponed" in q.text for q, _ in found)
    assert not any("fares would double" in q.text or "cut the" in q.text for q, _ in found)
