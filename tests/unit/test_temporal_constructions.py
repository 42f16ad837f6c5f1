"""Per-construction tests of the temporal tagger: recognition extent, TIMEX3 type/value/mod."""

from __future__ import annotations

import pytest

from newsledger.nlp.temporal import Timex, infer_published, tag_text

# (text, publication date, expected expression text, type, value, mod)
# 2023-03-18 is a Saturday; 2023-03-01 a Wednesday; 2022-08-18 a Thursday.
CASES = [
    # weekdays: past report vs announced future, "last", parts of day
    (
        "Borrell said on Thursday that talks failed.",
        "2022-08-18",
        "Thursday",
        "DATE",
        "2022-08-18",
        "",
    ),
    ("Vucic wrote on Twitter on Wednesday.", "2022-08-18", "Wednesday", "DATE", "2022-08-17", ""),
    (
        "The leaders will meet on Friday in Brussels.",
        "2023-03-01",
        "Friday",
        "DATE",
        "2023-03-03",
        "",
    ),
    (
        "The leaders met in Brussels last Monday.",
        "2023-03-01",
        "last Monday",
        "DATE",
        "2023-02-27",
        "",
    ),
    (
        "He spoke on Tuesday night on television.",
        "2023-03-01",
        "Tuesday night",
        "TIME",
        "2023-02-28TNI",
        "",
    ),
    (
        "Talks are scheduled for next Tuesday.",
        "2023-03-01",
        "next Tuesday",
        "DATE",
        "2023-03-07",
        "",
    ),
    # month-day with and without year
    (
        "Pristina postponed the rules until September 1st.",
        "2022-08-18",
        "September 1st",
        "DATE",
        "2022-09-01",
        "",
    ),
    (
        "The last meeting in Brussels on February 27 failed.",
        "2023-03-18",
        "February 27",
        "DATE",
        "2023-02-27",
        "",
    ),
    (
        "A new meeting is scheduled for March 18 in Ohrid.",
        "2023-03-01",
        "March 18",
        "DATE",
        "2023-03-18",
        "",
    ),
    ("It was signed on Dec. 20.", "2024-01-05", "Dec. 20", "DATE", "2023-12-20", ""),
    (
        "The deal was signed on 1 September 2022.",
        "2023-03-01",
        "1 September 2022",
        "DATE",
        "2022-09-01",
        "",
    ),
    (
        "The deal was signed on March 26, 1996.",
        "1998-02-19",
        "March 26, 1996",
        "DATE",
        "1996-03-26",
        "",
    ),
    ("Elections were held in June 2021.", "2023-03-01", "June 2021", "DATE", "2021-06", ""),
    ("Elections were held in early June.", "2023-08-01", "early June", "DATE", "2023-06", "START"),
    ("Elections will be held in October.", "2023-06-05", "October", "DATE", "2023-10", ""),
    ("Protests took place in December.", "2023-03-05", "December", "DATE", "2022-12", ""),
    ("2023-03-18 was a Saturday.", "2023-03-20", "2023-03-18", "DATE", "2023-03-18", ""),
    # years, decades, centuries
    (
        "The dialogue has been managed by the EU since 2011.",
        "2022-08-18",
        "2011",
        "DATE",
        "2011",
        "",
    ),
    (
        "In the late 1990s, 13,000 people were killed.",
        "2022-08-18",
        "the late 1990s",
        "DATE",
        "199",
        "END",
    ),
    (
        "Trade collapsed in the early 2000s.",
        "2022-08-18",
        "the early 2000s",
        "DATE",
        "200",
        "START",
    ),
    (
        "Battles were fought in the 14th century.",
        "2022-08-18",
        "the 14th century",
        "DATE",
        "13",
        "",
    ),
    ("They met in nineteen ninety-six.", "1998-02-19", "nineteen ninety-six", "DATE", "1996", ""),
    # relative units
    ("Talks broke down last month.", "2023-03-18", "last month", "DATE", "2023-02", ""),
    ("Profits rose last year.", "2023-03-18", "last year", "DATE", "2022", ""),
    ("The EU met last week.", "2023-03-18", "last week", "DATE", "2023-W10", ""),
    ("Talks resume next week.", "2023-03-18", "next week", "DATE", "2023-W12", ""),
    (
        "Tensions rose earlier this month.",
        "2023-03-18",
        "earlier this month",
        "DATE",
        "2023-03",
        "START",
    ),
    (
        "Elections are due early next year.",
        "2023-03-18",
        "early next year",
        "DATE",
        "2024",
        "START",
    ),
    ("The parties met yesterday.", "2023-03-18", "yesterday", "DATE", "2023-03-17", ""),
    ("He spoke this morning.", "2023-03-18", "this morning", "TIME", "2023-03-18TMO", ""),
    # ago / anaphora
    (
        "Russia invaded Ukraine more than a year ago.",
        "2023-03-18",
        "more than a year ago",
        "DATE",
        "2022",
        "BEFORE",
    ),
    ("They met two days ago.", "2023-03-18", "two days ago", "DATE", "2023-03-16", ""),
    (
        "They met on March 3, 2023. The next day they signed.",
        "2023-03-18",
        "The next day",
        "DATE",
        "2023-03-04",
        "",
    ),
    # seasons, quarters, halves, fiscal years
    (
        "Growth slowed in the third quarter.",
        "2023-11-02",
        "the third quarter",
        "DATE",
        "2023-Q3",
        "",
    ),
    ("Third-quarter profit rose.", "2023-11-02", "Third-quarter", "DATE", "2023-Q3", ""),
    ("The plan was drafted last spring.", "2023-11-02", "last spring", "DATE", "2023-SP", ""),
    (
        "Sales rose in the first half of 2022.",
        "2023-11-02",
        "the first half of 2022",
        "DATE",
        "2022-H1",
        "",
    ),
    ("Revenue in fiscal 2022 fell.", "2023-11-02", "fiscal 2022", "DATE", "2022", ""),
    ("Revenue in FY2022 fell.", "2023-11-02", "FY2022", "DATE", "2022", ""),
    ("Sales fell in Q3 2022.", "2023-11-02", "Q3 2022", "DATE", "2022-Q3", ""),
    ("Sales fell in Q3.", "2023-11-02", "Q3", "DATE", "2023-Q3", ""),
    ("Margins rose in H1 2023.", "2023-11-02", "H1 2023", "DATE", "2023-H1", ""),
    ("The decree of 18.03.2023 applies.", "2023-11-02", "18.03.2023", "DATE", "2023-03-18", ""),
    ("The decree of 18/03/2023 applies.", "2023-11-02", "18/03/2023", "DATE", "2023-03-18", ""),
    # PAST/PRESENT/FUTURE_REF
    (
        "Around a hundred countries now recognize Kosovo.",
        "2022-08-18",
        "now",
        "DATE",
        "PRESENT_REF",
        "",
    ),
    ("The conflict has recently intensified.", "2022-08-18", "recently", "DATE", "PAST_REF", ""),
    ("Relations may improve in the future.", "2022-08-18", "the future", "DATE", "FUTURE_REF", ""),
    # durations, with modifiers and numbers in words
    ("They negotiated for 12 hours.", "2023-03-18", "12 hours", "DURATION", "PT12H", ""),
    ("The talks lasted four hours.", "2023-06-22", "four hours", "DURATION", "PT4H", ""),
    (
        "The plan came more than two decades after the war.",
        "2023-03-18",
        "more than two decades",
        "DURATION",
        "P20Y",
        "MORE_THAN",
    ),
    (
        "He served twenty-four years in office.",
        "2023-03-18",
        "twenty-four years",
        "DURATION",
        "P24Y",
        "",
    ),
    (
        "It took about three months.",
        "2023-03-18",
        "about three months",
        "DURATION",
        "P3M",
        "APPROX",
    ),
    ("a two-year plan", "2023-03-18", "two-year", "DURATION", "P2Y", ""),
    ("The pressure grew in recent months.", "2023-03-18", "recent months", "DURATION", "PXM", ""),
    (
        "More talks would take place in the coming days.",
        "2022-08-18",
        "the coming days",
        "DURATION",
        "PXD",
        "",
    ),
    ("It followed weeks of tension.", "2023-06-22", "weeks", "DURATION", "PXW", ""),
    # sets
    ("The envoys meet every Monday.", "2023-03-18", "every Monday", "SET", "XXXX-WXX-1", ""),
    ("The show airs Tuesday nights.", "2023-03-18", "Tuesday nights", "SET", "XXXX-WXX-2TNI", ""),
    ("Reports are published daily.", "2023-03-18", "daily", "SET", "P1D", ""),
    ("They meet twice a week.", "2023-03-18", "twice a week", "SET", "P1W", ""),
    ("Talks are held every two weeks.", "2023-03-18", "every two weeks", "SET", "P2W", ""),
    # a point counted from the date just named, so that it dates the event it governs
    (
        "He was freed on March 1, 2023 and left 48 hours later.",
        "2023-03-18",
        "48 hours later",
        "DATE",
        "2023-03-03",
        "",
    ),
    (
        "He was freed on March 1, 2023 and left two months later.",
        "2023-06-18",
        "two months later",
        "DATE",
        "2023-05",
        "",
    ),
    ("It took 2 1/2 years.", "2023-03-18", "2 1/2 years", "DURATION", "P2Y6M", ""),
    (
        "The rally was held on Sunday evening.",
        "2023-03-18",
        "Sunday evening",
        "TIME",
        "2023-03-12TEV",
        "",
    ),
    ("Talks stalled between 2014 and 2016.", "2023-03-18", "2016", "DATE", "2016", ""),
    ("The summit will take place on 18 March.", "2023-03-01", "18 March", "DATE", "2023-03-18", ""),
    ("Protests continued in the 80s.", "2023-03-18", "the 80s", "DATE", "198", ""),
    (
        "Results of the quarter: sales rose in the third quarter; a year ago they fell.",
        "1989-10-26",
        "a year ago",
        "DATE",
        "1988-Q3",
        "",
    ),
    # clock times
    (
        "The vote closed at 5 p.m. on Friday.",
        "2023-03-18",
        "5 p.m. on Friday",
        "TIME",
        "2023-03-17T17:00",
        "",
    ),
    (
        "The polls open at 7 a.m. tomorrow.",
        "2023-03-18",
        "7 a.m. tomorrow",
        "TIME",
        "2023-03-19T07:00",
        "",
    ),
    ("The quake struck at 16:08 UTC.", "2008-09-17", "16:08 UTC", "TIME", "2008-09-17T16:08Z", ""),
    # holidays
    ("Shops closed on Christmas Day.", "2022-12-27", "Christmas Day", "DATE", "2022-12-25", ""),
]


def _find(timexes: list[Timex], text: str) -> Timex | None:
    for t in timexes:
        if t.text == text:
            return t
    return None


@pytest.mark.parametrize(("text", "dct", "expr", "typ", "value", "mod"), CASES)
def test_construction(text: str, dct: str, expr: str, typ: str, value: str, mod: str) -> None:
    timexes = tag_text(text, dct)
    t = _find(timexes, expr)
    assert t is not None, f"{expr!r} not found as one expression in {[x.text for x in timexes]}"
    assert (t.type, t.value, t.mod) == (typ, value, mod)
    assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    "text",
    [
        "The 45-year-old minister resigned.",
        "She is 30 years old.",
        "A second round of talks began.",
        "Turnout reached 1500 voters in the district and 2,013 in the city.",
        "Prices may march higher.",
        "About three-quarters of voters agreed.",
    ],
)
def test_not_dates(text: str) -> None:
    """Ages, ordinals, counts and homographs of month names are not time expressions."""
    found = [(t.text, t.value) for t in tag_text(text, "2023-03-18")]
    assert found == [], found


def test_no_dct_gives_underspecified_values() -> None:
    values = {t.text: t.value for t in tag_text("They met on Friday and on March 3.", None)}
    assert values == {"Friday": "XXXX-WXX-5", "March 3": "XXXX-03-03"}


def test_offsets_are_str_indices_with_non_ascii_text() -> None:
    text = "Über „die Gespräche“ – talks resumed on Thursday."
    t = tag_text(text, "2022-08-18")
    assert [(x.text, text[x.start : x.end]) for x in t] == [("Thursday", "Thursday")]


def test_language_without_grammar_falls_back_to_english_rules() -> None:
    """Ingest asks for any language: numeric dates must still resolve, nothing may raise."""
    found = tag_text("La réunion du 2023-03-18 a eu lieu.", "2023-03-20", lang="fr")
    assert [(t.text, t.value) for t in found] == [("2023-03-18", "2023-03-18")]
    guess = infer_published("PARIS, 2023-03-18 - La réunion a eu lieu.", lang="xx")
    assert guess is not None and guess.value == "2023-03-18"


def test_infer_published_from_dateline() -> None:
    guess = infer_published("BRUSSELS, March 18, 2023 (AFP) - The leaders met on Saturday.")
    assert guess is not None
    assert guess.value == "2023-03-18"
    assert guess.confidence >= 0.8
    assert "March 18, 2023" in guess.evidence


def test_infer_published_none_without_dates() -> None:
    assert infer_published("The leaders met and talked about the future.") is None


def test_infer_published_from_latest_explicit_date() -> None:
    text = (
        "The deal of June 3, 2021 was followed by talks on January 10, 2023, officials said. " * 3
    )
    guess = infer_published("Officials said the talks continue. " * 10 + text)
    assert guess is not None and guess.value == "2023-01-10"
    assert 0 < guess.confidence < 0.8


def test_values_outside_the_calendar_are_not_dates() -> None:
    from newsledger.nlp.temporal import tag_text

    found = tag_text("Fossils from 125000 years ago were found, officials said 3 years ago.", "2010-05-01")
    assert all(not t.value.startswith("-") for t in found)
    assert any(t.text == "3 years ago" and t.value == "2007" for t in found)
