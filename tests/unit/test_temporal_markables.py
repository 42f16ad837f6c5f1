"""What is one TIMEX3 and what is none (fourth bucket pass on issue 3, see docs/temporal.md):
a day before/after a date, a day in apposition to a date, half a decade, coordinated vague
spans, a year-ago span, "one day" after a modal, "a later date", titles and names built on
unit or season words, speeds, "the early hours of"."""

from __future__ import annotations

import pytest

from newsledger.nlp.temporal import Timex, tag_text

# (text, publication date, expected expression text, type, value)
CASES = [
    # "the day before" + a date: one expression, that date minus a day
    (
        "The day before last Tuesday's court hearing, the uncle flew to Miami.",
        "2000-02-24",
        "The day before last Tuesday",
        "DATE",
        "2000-02-21",
    ),
    (
        "The shops reopened the day after Christmas.",
        "2022-12-30",
        "the day after Christmas",
        "DATE",
        "2022-12-26",
    ),
    # in apposition to a date, "the day before <event>" is that date
    (
        "Shares peaked on Oct. 12, the day before the market crash, and fell after.",
        "1989-11-01",
        "the day before",
        "DATE",
        "1989-10-12",
    ),
    # ... but after a sentence it still counts back from the date just named
    (
        "The treaty was signed on March 3. The day before, the envoys met.",
        "2023-03-10",
        "The day before",
        "DATE",
        "2023-03-02",
    ),
    # a half of a decade is the decade
    (
        "Volume stayed flat through the last half of the '80s, the brewer said.",
        "1989-11-01",
        "the last half of the '80s",
        "DATE",
        "198",
    ),
    # coordinated vague spans are one expression
    (
        "Doctors said he probably died within weeks or months of his arrest.",
        "1998-02-19",
        "weeks or months",
        "DURATION",
        "PXW",
    ),
    (
        "Several funds in recent weeks and months have sold their bonds.",
        "1989-11-01",
        "recent weeks and months",
        "DURATION",
        "PXW",
    ),
    # the same span a year back
    (
        "Profit for the year-earlier nine months included a one-time gain.",
        "1989-11-01",
        "the year-earlier nine months",
        "DURATION",
        "P9M",
    ),
    # "that quarter" before a word starting with "in" / "to" / "of" ("included")
    (
        "Sales rose in the second quarter. Results for that quarter included a loss.",
        "1989-11-01",
        "that quarter",
        "DATE",
        "1989-Q2",
    ),
    (
        "Nobody knows what the past holds for him.",
        "2000-01-01",
        "the past",
        "DATE",
        "PAST_REF",
    ),
    # a two-digit year after a preposition; the second decade of a pair
    (
        "Asian shares closed at their lowest level since '82 on Monday.",
        "2008-10-27",
        "'82",
        "DATE",
        "1982",
    ),
    (
        "That's what he did in ’08 and ’12, aides said.",
        "2016-05-01",
        "’12",
        "DATE",
        "2012",
    ),
    (
        "He recalled the boxy cars of the 70s and 80s.",
        "2009-01-01",
        "80s",
        "DATE",
        "198",
    ),
    # a range or "couple" after "the past / next" stays inside the expression
    (
        "Over the past two or three weeks, the candidate visited 40 towns.",
        "2016-05-01",
        "the past two or three weeks",
        "DURATION",
        "P2W",
    ),
    (
        "Prices may rise in the next couple days.",
        "2016-05-01",
        "the next couple days",
        "DURATION",
        "P2D",
    ),
    # "last" after "to" or a modal is the verb
    (
        "The trial is expected to last four to six weeks.",
        "2011-09-01",
        "four to six weeks",
        "DURATION",
        "P4W",
    ),
    (
        "The procedure could last two days.",
        "2010-05-26",
        "two days",
        "DURATION",
        "P2D",
    ),
    (
        "Sales fell compared to the last three weeks.",
        "2010-05-26",
        "the last three weeks",
        "DURATION",
        "P3W",
    ),
    # after a modal, "one day" is an unspecified time ahead
    (
        "Analysts say the region will one day be the largest market.",
        "1998-03-03",
        "one day",
        "DATE",
        "FUTURE_REF",
    ),
    (
        "The company will raise the money at a later date.",
        "1989-11-01",
        "a later date",
        "DATE",
        "FUTURE_REF",
    ),
    # capitalised inside a sentence, but no name: still a time
    (
        "The ministers held their Autumn meetings in Washington.",
        "2008-10-12",
        "Autumn",
        "DATE",
        "2008-FA",
    ),
    (
        "In Spring, the talks resumed.",
        "2008-10-12",
        "Spring",
        "DATE",
        "2008-SP",
    ),
]

# (text, words that must not be (part of) a time expression)
NOT_TIMES = [
    # titles and names built on unit / season words
    ("The father said on CBS's ``60 Minutes'' that he would come.", "Minutes"),
    ("The group staged its ``Spring of Life'' rallies in 1992.", "Spring"),
    ("Tanks ended the Prague Spring in August 1968.", "Spring"),
    # speeds are not frequencies
    ("The chip runs at 15 million instructions per second.", "per second"),
    ("She types 120 words a minute.", "a minute"),
    # "the early hours of Thursday" is a part of a day, not a span of hours
    ("Police arrested him in the early hours of Thursday morning.", "hours"),
    ("Their polls started at a later date than anyone else's.", "a later date"),
    # "the past" as a determiner of a counted noun
    ("Marches have caused riots for the past three summers.", "the past"),
    ("Turnout fell in the past 4 elections.", "the past"),
    # a two-digit number after an apostrophe is no year without a preposition
    ("Fans of rock 'n' roll paid $82 for '82 Chevy parts.", "'82"),
]

# "one day" stays a span where it is one
SPANS = [
    ("He had been in the job only one day.", "one day", "P1D"),
    ("The court will rule one day after the hearing.", "one day", "P1D"),
    ("After hours of talks they agreed.", "hours", "PTXH"),
    ("He waited a minute before answering.", "a minute", "PT1M"),
    ("Just think about this a minute.", "a minute", "PT1M"),
    ("WASHINGTON (AP) — Months after the vote, the party split.", "Months", "PXM"),
    # a headline in title case names nothing by its capitals
    ("Markets Slide For Days As Investors Flee\nShares fell again.", "Days", "PXD"),
]


def _find(timexes: list[Timex], expr: str) -> Timex | None:
    return next((t for t in timexes if t.text == expr), None)


@pytest.mark.parametrize(("text", "dct", "expr", "typ", "value"), CASES)
def test_markable(text: str, dct: str, expr: str, typ: str, value: str) -> None:
    timexes = tag_text(text, dct)
    t = _find(timexes, expr)
    assert t is not None, f"{expr!r} not found as one expression in {[x.text for x in timexes]}"
    assert (t.type, t.value) == (typ, value)
    assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(("text", "word"), NOT_TIMES)
def test_not_a_time(text: str, word: str) -> None:
    timexes = tag_text(text, "2000-04-17")
    start = text.index(word)
    end = start + len(word)
    hit = [t.text for t in timexes if t.start < end and t.end > start]
    assert not hit, f"{word!r} tagged as {hit}"


@pytest.mark.parametrize(("text", "expr", "value"), SPANS)
def test_still_a_span(text: str, expr: str, value: str) -> None:
    t = _find(tag_text(text, "2000-04-17"), expr)
    assert t is not None and t.type == "DURATION" and t.value == value
