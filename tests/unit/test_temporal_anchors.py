"""Anchoring and tense conventions from the second error-bucket pass (docs/temporal.md):
which quarter a year-ago phrase is counted from, month-days with last/next, clause
boundaries at quotation marks, "ahead of" / "effective" as future cues, clock times with a
part of day, anaphoric weekdays, and a few non-temporal look-alikes."""

from __future__ import annotations

import pytest

from newsledger.nlp.temporal import Timex, tag_text

# (text, publication date, expected expression text, type, value)
# 2023-10-25 is a Wednesday in Q4; 2023-03-01 a Wednesday; 2023-03-13 and 2023-03-20 Mondays.
CASES = [
    # a quarter that has not begun is a forecast, not the period compared with a year ago
    (
        "Profit fell in the third quarter. Analysts see losses through the second quarter"
        " of 2024. In the year-ago period, the miner earned $3 million.",
        "2023-10-25",
        "the year-ago period",
        "DATE",
        "2022-Q3",
    ),
    # ... but a fiscal quarter reported in a past clause is the period just discussed
    (
        "The brewer reported lower fourth-quarter earnings. It earned $2 million a year earlier.",
        "2023-11-02",
        "a year earlier",
        "DATE",
        "2022-Q4",
    ),
    # "the latest period" right after a named quarter is that quarter
    (
        "The retailer posted a fiscal second-quarter profit. The latest period included a gain.",
        "2023-10-26",
        "The latest period",
        "DATE",
        "2023-Q2",
    ),
    # "the quarter ended <day>": the calendar quarter holding most of those three months
    (
        "In the quarter ended July 31, the chain earned $1 million.",
        "1989-10-27",
        "the quarter",
        "DATE",
        "1989-Q2",
    ),
    # a month-day after last / next is a full date
    (
        "The clinic was attacked last Oct. 23 by a gunman.",
        "1999-04-19",
        "last Oct. 23",
        "DATE",
        "1998-10-23",
    ),
    ("The treaty expires next March 3.", "2023-03-18", "next March 3", "DATE", "2024-03-03"),
    # a reporting verb after the closing quote does not decide the quoted clause's tense
    (
        '"The envoy will fly home at 9 a.m. Thursday," the minister said.',
        "2023-03-01",
        "9 a.m. Thursday",
        "TIME",
        "2023-03-02T09:00",
    ),
    # the part of day says a.m. or p.m.
    (
        "The ferry leaves at 7 in the evening.",
        "2023-03-01",
        "7 in the evening",
        "TIME",
        "2023-03-01T19:00",
    ),
    # "the day after" followed by a gerund: "after" opens a clause
    (
        "Shares recovered late in the day after falling sharply.",
        "2023-03-01",
        "the day",
        "DATE",
        "2023-03-01",
    ),
    # "ahead of" looks forward
    (
        "Traders sold shares ahead of the weekend.",
        "2023-03-13",
        "the weekend",
        "DATE",
        "2023-W11-WE",
    ),
    ("Traders sold shares over the weekend.", "2023-03-13", "the weekend", "DATE", "2023-W10-WE"),
    # an effective date is an upcoming one
    (
        "The board named her chief executive, effective Feb. 1.",
        "2023-11-02",
        "Feb. 1",
        "DATE",
        "2024-02-01",
    ),
    # "the previous Friday" counts back from the Friday just named
    (
        "The index closed at 2,100 on Friday, up 2% from the previous Friday.",
        "2023-03-20",
        "the previous Friday",
        "DATE",
        "2023-03-10",
    ),
]


# a weekday in the possessive names a day that has come, unless a forward-looking word
# comes first; 2023-03-03 is a Friday
POSSESSIVE = [
    ("Lawyers said they would appeal Wednesday's verdict.", "2023-03-03", "2023-03-01"),
    ("Parties will campaign until Sunday's vote.", "2023-03-03", "2023-03-05"),
    ("Observers arrived ahead of Sunday's vote.", "2023-03-03", "2023-03-05"),
]


@pytest.mark.parametrize(("text", "dct", "value"), POSSESSIVE)
def test_possessive_weekday(text: str, dct: str, value: str) -> None:
    (t,) = [t for t in tag_text(text, dct) if t.text in ("Wednesday", "Sunday")]
    assert t.value == value


def _find(tx: list[Timex], expr: str) -> Timex:
    for t in tx:
        if t.text == expr:
            return t
    raise AssertionError(f"{expr!r} not found in {[t.text for t in tx]}")


@pytest.mark.parametrize(("text", "dct", "expr", "typ", "value"), CASES)
def test_anchor(text: str, dct: str, expr: str, typ: str, value: str) -> None:
    t = _find(tag_text(text, dct), expr)
    assert (t.type, t.value) == (typ, value)


def test_quarter_to_quarter_is_not_a_quarter() -> None:
    tx = tag_text(
        "Profit rose in the third quarter. The quarter-to-quarter change was small.", "2023-10-26"
    )
    assert [t.text for t in tx] == ["the third quarter"]


def test_high_noon_is_an_idiom() -> None:
    tx = tag_text("For the coalition, high noon comes on Sunday.", "2023-03-01")
    assert [t.text for t in tx] == ["Sunday"]
    assert tag_text("The vote closes at noon Sunday.", "2023-03-01")[0].type == "TIME"
