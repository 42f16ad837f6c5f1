"""Quote extraction: where a reported content ends (issue 4, span precision).

Sentences are written for these tests; each checks one mechanism of the content stage.
"""

from __future__ import annotations

import pytest

from tests.unit.test_quotes_extract import _find as _with
from tests.unit.test_quotes_extract import _quotes


def _content(text: str, q) -> str:  # type: ignore[no-untyped-def]
    return " | ".join(text[s:e] for s, e in q.fragments)


# -- a second report coordinated into the first one's content -----------------------
@pytest.mark.model
def test_a_coordinated_reporting_verb_ends_the_content_and_reports_for_the_same_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'The mayor said the city was "firmly opposed" to the plan and warned the council to drop it.'
    found = _quotes(nlp, text)
    q, _ = _with(found, "firmly opposed")
    assert _content(text, q) == 'the city was "firmly opposed" to the plan'
    warned = [q for q, _ in found if q.cue == "warned"]
    assert warned and warned[0].speaker_text is not None and "mayor" in warned[0].speaker_text


@pytest.mark.model
def test_a_coordinated_verb_of_thought_stays_in_the_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The senator said he was tired of the fight and wanted a break."
    q, _ = _with(_quotes(nlp, text), "tired of the fight")
    assert _content(text, q).endswith("wanted a break")


# -- dashes ---------------------------------------------------------------------------
@pytest.mark.model
def test_an_aside_between_two_dashes_does_not_end_the_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The minister said that the new rules \u2014 drafted by a panel of judges last spring \u2014 "
            "would take effect in May.")
    q, _ = _with(_quotes(nlp, text), "new rules")
    assert _content(text, q).endswith("would take effect in May")


@pytest.mark.model
def test_a_single_dash_still_ends_the_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The minister said that the budget is in decline \u2014 a decline that began years ago."
    q, _ = _with(_quotes(nlp, text), "budget is in decline")
    assert _content(text, q) == "that the budget is in decline"


# -- a preposed content the cue interrupts ----------------------------------------------
@pytest.mark.model
def test_a_phrase_after_an_interrupting_cue_goes_on_with_the_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The messages were on a variety of routine subjects, the Times said, "
            "including speeches, meetings and interviews.")
    q, _ = _with(_quotes(nlp, text), "routine subjects")
    assert _content(text, q) == ("The messages were on a variety of routine subjects | "
                                 "including speeches, meetings and interviews")


@pytest.mark.model
def test_a_reporting_participle_after_an_interrupting_cue_is_the_next_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The talks failed, the minister said, adding that new talks would begin soon."
    found = _quotes(nlp, text)
    q, _ = _with(found, "talks failed")
    assert _content(text, q) == "The talks failed"
    _with(found, "new talks would begin soon")


# -- a quotation paragraph that goes on with the quote before it --------------------------
@pytest.mark.model
def test_a_quotation_paragraph_after_the_quote_s_own_cue_sentence_continues_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Maria Lopez leads the residents' group.\n\n"
            '"The vote was a disgrace and everyone in this town knows it!" Lopez wrote on Sunday.\n\n'
            '"The council will hear from us again at the next meeting of the board."')
    found = _quotes(nlp, text)
    assert len(found) == 1
    q, _ = found[0]
    assert len(q.fragments) == 2 and "next meeting of the board" in q.text


@pytest.mark.model
def test_a_quotation_opening_the_next_paragraph_continues_the_quote_when_the_parse_runs_on(nlp) -> None:  # type: ignore[no-untyped-def]
    # the first quotation ends with no full stop: the parse runs its sentence on into the next paragraph
    text = ("Maria Lopez leads the residents' group.\n\n"
            '"I am stunned," Lopez said. "I never thought the board would approve the plan so quickly"\n'
            '"We will appeal the decision as soon as the courts open on Monday morning."')
    found = _quotes(nlp, text)
    assert len(found) == 1
    q, _ = found[0]
    assert len(q.fragments) == 3 and "appeal the decision" in q.text


# -- quoted terms inside narration ----------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize(("text", "term"), [
    ("Maria Lopez pledged to cut taxes, fix the city's \"broken\" permit system and hire more teachers.", "broken"),
    ("Lopez also hosts a Sunday talk show, writes a weekly column and, since 2013, leads \"City Hall Live\" "
     "on a cable channel, an English-language network.", "City Hall Live"),
])
def test_a_short_quoted_term_the_cue_does_not_govern_is_no_quote(nlp, text: str, term: str) -> None:  # type: ignore[no-untyped-def]
    assert all(q.text != term for q, _ in _quotes(nlp, text))


@pytest.mark.model
def test_a_quoted_term_in_a_later_sentence_is_no_fragment_of_the_quote_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('Maria Lopez runs the group. "We will fight this all the way to the state court," she said. '
            'Residents see a "slow and painful" decline in the town.')
    found = _quotes(nlp, text)
    assert all("slow and painful" not in q.text for q, _ in found)
    q, _ = _with(found, "state court")
    assert len(q.fragments) == 1


@pytest.mark.model
def test_a_short_exclamation_after_its_cue_stays_a_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Maria Lopez shouted "Stay there!" at the crowd.'
    q, _ = _with(_quotes(nlp, text), "Stay there!")
    assert q.kind == "direct"
