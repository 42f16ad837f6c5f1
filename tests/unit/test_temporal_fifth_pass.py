"""Fifth pass on issue 3 (see docs/temporal.md): the two ends of a range opened by
"between", ages in "years of age", "the first two quarters of 1990", the tense of a time
expression that opens its sentence ("In January, ...")."""

from __future__ import annotations

import pytest

from newsledger.nlp.temporal import tag_text
from tests.unit.test_temporal_markables import _find

# (text, publication date, expected expression text, type, value)
CASES = [
    # "between N and M units": two expressions, the first taking the unit of the second
    (
        "Officials said the repairs would take between four and seven days.",
        "2010-05-29",
        "four",
        "DURATION",
        "P4D",
    ),
    (
        "Officials said the repairs would take between four and seven days.",
        "2010-05-29",
        "seven days",
        "DURATION",
        "P7D",
    ),
    (
        "The process could last between 60 and 90 days, the lawyer said.",
        "2009-06-01",
        "60",
        "DURATION",
        "P60D",
    ),
    (
        "Patients wait between two to six days for a bed.",
        "1998-03-31",
        "two",
        "DURATION",
        "P2D",
    ),
    # "the first / last two quarters of <year>": the half year, one expression
    (
        "Losses should last through at least the first two quarters of 1990, analysts said.",
        "1989-10-26",
        "at least the first two quarters of 1990",
        "DATE",
        "1990-H1",
    ),
    (
        "Sales fell in the last two quarters of last year.",
        "1989-10-26",
        "the last two quarters of last year",
        "DATE",
        "1988-H2",
    ),
    # a year-less month opening its sentence takes the tense of the main clause that
    # follows, even past an apposition and beyond the usual window
    (
        "The board changed hands twice. In January, the group brought in a new chief "
        "executive, who will stay on as chairman.",
        "1989-10-27",
        "January",
        "DATE",
        "1989-01",
    ),
    (
        "In January, a few days after the anniversary of the Supreme Court ruling on the "
        "issue, a bomb outside a clinic in a southern city killed a guard.",
        "1998-10-25",
        "January",
        "DATE",
        "1998-01",
    ),
    # ... and a fronted month before a future main clause stays ahead
    (
        "In January, the company will open its new plant in Ohio.",
        "1998-10-25",
        "January",
        "DATE",
        "1999-01",
    ),
]

# a fronted weekday whose first cue lies in a clause of its own keeps the usual reading
# (a timeline entry in the historic present)
KEEPS = [
    (
        "(Video) On Sunday evening, reports emerge that the leaders are drawing up plans "
        "that could total $700 billion.",
        "2008-11-05",
        "Sunday evening",
        "2008-11-02TEV",
    ),
]

# spans that must stay one expression (no "between" before them)
SPANS = [
    ("Shipments will resume within two to three weeks.", "two to three weeks", "P2W"),
    ("Deals are due during the next 12 to 18 months.", "the next 12 to 18 months", "P12M"),
    ("Sales fell in the last two quarters.", "the last two quarters", "P2Q"),
]

# not times: ages given as "years of age"; no unit after "a" ("a quarter of a million")
NOT_TIMES = [
    ("There will be between 200,000 and a quarter of a million refugees.", "200,000"),
    ("Most of those who died were between 20 and 50 years of age.", "20"),
    ("Most of those who died were between 20 and 50 years of age.", "50 years"),
    ("The suspect, 45 years of age, was arrested at home.", "45 years"),
]


@pytest.mark.parametrize(("text", "dct", "expr", "typ", "value"), CASES)
def test_fifth_pass(text: str, dct: str, expr: str, typ: str, value: str) -> None:
    timexes = tag_text(text, dct)
    t = _find(timexes, expr)
    assert t is not None, f"{expr!r} not found as one expression in {[x.text for x in timexes]}"
    assert (t.type, t.value) == (typ, value)
    assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(("text", "dct", "expr", "value"), KEEPS)
def test_fronted_with_subordinate_cue(text: str, dct: str, expr: str, value: str) -> None:
    t = _find(tag_text(text, dct), expr)
    assert t is not None and t.value == value


def test_range_of_past_points_is_not_split() -> None:
    text = "The viruses existed between 9 and 17 years ago, the study said."
    assert [t.text for t in tag_text(text, "2009-06-11") if t.text.startswith("9")] == []


@pytest.mark.parametrize(("text", "expr", "value"), SPANS)
def test_range_without_between_is_one_span(text: str, expr: str, value: str) -> None:
    t = _find(tag_text(text, "2000-04-17"), expr)
    assert t is not None and t.type == "DURATION" and t.value == value


@pytest.mark.parametrize(("text", "word"), NOT_TIMES)
def test_age_is_no_time(text: str, word: str) -> None:
    timexes = tag_text(text, "2000-04-17")
    start = text.index(word)
    end = start + len(word)
    hit = [t.text for t in timexes if t.start < end and t.end > start]
    assert not hit, f"{word!r} tagged as {hit}"
