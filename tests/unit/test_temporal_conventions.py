"""TimeML / TempEval-3 conventions added after the error analysis on TBAQ (see
docs/temporal.md, "Error buckets"): anaphoric units anchored on the period just named,
year-ago periods, weeks inside a month, spelled-out years with a month or season, sets
over months, and the past-leaning default for a month named without a year or tense cue."""

from __future__ import annotations

import pytest

from newsledger.nlp.temporal import Timex, tag_text

# (text, publication date, expected expression text, type, value)
CASES = [
    # "the following / previous <unit>" count from the period just named, not from the DCT
    (
        "On May 22, 1995, he was made a general, and the following year he moved to Bonn.",
        "1998-04-18",
        "the following year",
        "DATE",
        "1996",
    ),
    (
        "In March, the group made an offer. The following month, the company was put up for sale.",
        "1989-10-27",
        "The following month",
        "DATE",
        "1989-04",
    ),
    (
        "Sales dropped 42% last month from the previous year.",
        "2009-02-03",
        "the previous year",
        "DATE",
        "2008",
    ),
    # the period just discussed, one year back
    (
        "Net rose in the third quarter. For the quarter a year ago, it earned $1 million.",
        "1989-10-26",
        "the quarter a year ago",
        "DATE",
        "1988-Q3",
    ),
    (
        "Profit rose in the third quarter. Sales for last year's quarter were $3 million.",
        "1989-11-01",
        "last year's quarter",
        "DATE",
        "1988-Q3",
    ),
    (
        "Profit rose in the third quarter from $2 million for the corresponding period last year.",
        "1989-11-01",
        "the corresponding period last year",
        "DATE",
        "1988-Q3",
    ),
    (
        "Sales fell 35% in January, compared to the same month a year ago.",
        "2009-02-03",
        "the same month a year ago",
        "DATE",
        "2008-01",
    ),
    (
        "Sales rose 43% in February compared to the same period last year.",
        "2010-03-02",
        "the same period last year",
        "DATE",
        "2009-02",
    ),
    (
        "It lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.",
        "2006-01-27",
        "the entire year",
        "DATE",
        "2005",
    ),
    # weeks inside a month
    (
        "A hearing is set for the week of March 6.",
        "2000-02-24",
        "the week of March 6",
        "DATE",
        "2000-W10",
    ),
    (
        "Car sales rebounded in the last week of March.",
        "2009-04-01",
        "the last week of March",
        "DATE",
        "2009-W13",
    ),
    (
        "Talks resume in the first week of June 2023.",
        "2023-03-18",
        "the first week of June 2023",
        "DATE",
        "2023-W23",
    ),
    # spelled-out years with a month or a season; sets over a month
    (
        "January nineteen ninety-seven. Atlanta again.",
        "1998-02-27",
        "January nineteen ninety-seven",
        "DATE",
        "1997-01",
    ),
    (
        "Prices fell to the level we saw in the winter of nineteen ninety-four.",
        "1998-02-23",
        "the winter of nineteen ninety-four",
        "DATE",
        "1994-WI",
    ),
    ("Orangemen march each July through the town.", "1998-03-22", "each July", "SET", "XXXX-07"),
    # no tense cue: a month without a year leans to the past
    (
        "The stock hit a high for the year in June from $29.75 in March.",
        "1989-10-30",
        "March",
        "DATE",
        "1989-03",
    ),
    # a clock time followed by a full date is on that date
    (
        "At a press conference at 16:15 UTC, June 1st, the chief executive spoke.",
        "2009-06-04",
        "16:15 UTC",
        "TIME",
        "2009-06-01T16:15Z",
    ),
    # "as early as" announces a future day
    (
        "His father could come to the U.S. as early as Tuesday.",
        "2000-04-03",
        "Tuesday",
        "DATE",
        "2000-04-04",
    ),
]


def _find(timexes: list[Timex], text: str) -> Timex | None:
    return next((t for t in timexes if t.text == text), None)


@pytest.mark.parametrize(("text", "dct", "expr", "typ", "value"), CASES)
def test_convention(text: str, dct: str, expr: str, typ: str, value: str) -> None:
    timexes = tag_text(text, dct)
    t = _find(timexes, expr)
    assert t is not None, f"{expr!r} not found as one expression in {[x.text for x in timexes]}"
    assert (t.type, t.value) == (typ, value)
    assert text[t.start : t.end] == t.text


def test_month_with_explicit_future_cue_still_looks_ahead() -> None:
    t = _find(tag_text("The company will pay down the loan by February.", "1989-10-30"), "February")
    assert t is not None and t.value == "1990-02"


def test_week_of_month_without_dct_is_underspecified() -> None:
    t = _find(
        tag_text("Car sales rebounded in the last week of March.", None), "the last week of March"
    )
    assert t is not None and t.value == "XXXX-WXX"
