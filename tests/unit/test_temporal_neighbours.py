"""Conventions of the third error-bucket pass on TBAQ (docs/temporal.md): the neighbouring
calendar period named without a number ("the past year", "the last decade")."""

from __future__ import annotations

import pytest

from newsledger.nlp.temporal import Timex, tag_text


def _find(timexes: list[Timex], text: str) -> Timex | None:
    return next((t for t in timexes if t.text == text), None)


@pytest.mark.parametrize(
    ("text", "dct", "expr", "value"),
    [
        (
            "Membership of the clubs doubled over the past year.",
            "2004-02-10",
            "the past year",
            "2003",
        ),
        ("Wages lost ground to prices in the last decade.", "2004-02-10", "the last decade", "199"),
        (
            "The plants will be sold over the next year or so.",
            "2004-02-10",
            "the next year or so",
            "2005",
        ),
    ],
)
def test_neighbouring_year_or_decade_is_a_point(text: str, dct: str, expr: str, value: str) -> None:
    t = _find(tag_text(text, dct), expr)
    assert t is not None
    assert (t.type, t.value) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Prices rose over the past two years.", "the past two years", "P2Y"),
        ("He has stayed in the city for the last week.", "the last week", "P1W"),
        ("Talks went on over the past months.", "the past months", "PXM"),
    ],
)
def test_counted_plural_and_short_neighbours_stay_durations(
    text: str, expr: str, value: str
) -> None:
    t = _find(tag_text(text, "2004-02-10"), expr)
    assert t is not None
    assert (t.type, t.value) == ("DURATION", value)


def test_neighbouring_year_without_dct_is_underspecified() -> None:
    t = _find(tag_text("Membership doubled over the past year.", None), "the past year")
    assert t is not None and t.value == "XXXX"


def test_counted_trading_days_after_the_past_are_one_duration() -> None:
    t = _find(
        tag_text("For the past five trading days, shares have fallen.", "2011-03-18"),
        "the past five trading days",
    )
    assert t is not None
    assert (t.type, t.value) == ("DURATION", "P5D")


def test_year_ago_after_a_span_of_several_months_is_the_year() -> None:
    text = (
        "Net income rose 12% in the third quarter. For the nine months, the company "
        "earned $40 million, compared with $31 million a year earlier."
    )
    t = _find(tag_text(text, "1995-10-20"), "a year earlier")
    assert t is not None and t.value == "1994"


def test_year_ago_right_after_the_quarter_is_still_the_quarter() -> None:
    text = (
        "For the nine months, the company earned $40 million. Net income rose 12% in the "
        "third quarter, compared with $3 million a year earlier."
    )
    t = _find(tag_text(text, "1995-10-20"), "a year earlier")
    assert t is not None and t.value == "1994-Q3"


def test_an_earlier_quarter_in_passing_does_not_become_the_compared_period() -> None:
    text = (
        "The mill operator posted a 20% gain in third-quarter profit. After a weak second "
        "quarter, prices recovered. Costs were lower than a year ago."
    )
    t = _find(tag_text(text, "1995-10-25"), "a year ago")
    assert t is not None and t.value == "1994-Q3"


def test_a_quarter_taken_up_again_is_the_compared_period_again() -> None:
    text = (
        "Profit rose in the third quarter. For the nine months, net was $9 million. "
        "In the latest quarter, the chemicals unit earned $5 million, up from $4 million "
        "a year earlier."
    )
    t = _find(tag_text(text, "1995-10-25"), "a year earlier")
    assert t is not None and t.value == "1994-Q3"


@pytest.mark.parametrize(
    ("text", "expr", "typ"),
    [
        ("The route adds 500 seats a week.", "a week", "SET"),
        ("The plan saves $3 million a year in rent.", "a year", "SET"),
        ("Officers hold dozens of interviews a day.", "a day", "SET"),
        ("The inquiry should end within a year.", "a year", "DURATION"),
        ("The talks came a month after the vote.", "a month", "DURATION"),
    ],
)
def test_a_unit_after_an_amount_is_a_rate(text: str, expr: str, typ: str) -> None:
    t = _find(tag_text(text, "2004-02-10"), expr)
    assert t is not None and t.type == typ


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # 2004-02-11 is a Wednesday
        ("The tender offer had been scheduled to expire Friday.", "Friday", "2004-02-06"),
        ("Until Monday, the police had not named a suspect.", "Monday", "2004-02-09"),
        ("The offer is scheduled to expire Friday.", "Friday", "2004-02-13"),
    ],
)
def test_past_perfect_outweighs_a_future_cue(text: str, expr: str, value: str) -> None:
    t = _find(tag_text(text, "2004-02-11"), expr)
    assert t is not None and t.value == value


def test_the_future_of_something_is_its_fate_not_a_time() -> None:
    assert (
        _find(tag_text("They argued over the future of the alliance.", "2004-02-11"), "the future")
        is None
    )
    t = _find(tag_text("Prices may rise in the future.", "2004-02-11"), "the future")
    assert t is not None and t.value == "FUTURE_REF"


def test_second_day_of_a_conjoined_pair_is_its_own_date() -> None:
    timexes = tag_text("The summit will be held on April 24 and 25.", "1999-02-10")
    assert [(t.text, t.value) for t in timexes] == [
        ("April 24", "1999-04-24"),
        ("25", "1999-04-25"),
    ]
    # a count after a date is no day
    assert _find(tag_text("Sales on March 3 and 40 stores closed.", "1999-02-10"), "40") is None


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Lawyers left their third day-long meeting.", "day-long", "P1D"),
        ("They settled a decades-long dispute.", "decades-long", "PXE"),
        ("A year-long strike ended.", "year-long", "P1Y"),
    ],
)
def test_unit_long_adjective_is_a_duration(text: str, expr: str, value: str) -> None:
    t = _find(tag_text(text, "2004-02-11"), expr)
    assert t is not None and (t.type, t.value) == ("DURATION", value)


def test_modified_part_of_day_is_that_part_of_the_day_talked_about() -> None:
    t = _find(
        tag_text("Shelling went on. By mid afternoon, the army had pulled back.", "1998-03-06"),
        "mid afternoon",
    )
    assert t is not None and (t.type, t.value) == ("TIME", "1998-03-06TAF")


def test_then_current_looks_back() -> None:
    t = _find(
        tag_text("Holders may buy shares at half the then current price.", "2004-02-11"),
        "then current",
    )
    assert t is not None and t.value == "PAST_REF"


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Today is the fifth day of the strike.", "the fifth day", "2004-02-11"),
        (
            "Trading was halted for a second consecutive day.",
            "a second consecutive day",
            "2004-02-11",
        ),
        ("Shares rose for third week in a row.", "third week", "2004-W07"),
    ],
)
def test_running_count_in_the_present_is_the_publication_day(
    text: str, expr: str, value: str
) -> None:
    t = _find(tag_text(text, "2004-02-11"), expr)
    assert t is not None and (t.type, t.value) == ("DATE", value)


def test_running_count_in_the_past_is_not_tagged() -> None:
    assert (
        _find(tag_text("It was the third straight month of gains.", "2004-02-11"), "month") is None
    )
    assert not [t for t in tag_text("It was the third straight day of gains.", "2004-02-11")]


def test_month_after_a_deadline_preposition_lies_ahead() -> None:
    t = _find(
        tag_text("The group has a plan to repay the loan by February.", "1995-10-30"), "February"
    )
    assert t is not None and t.value == "1996-02"
    t = _find(tag_text("By February, prices had fallen by half.", "1995-10-30"), "February")
    assert t is not None and t.value == "1995-02"


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Talks broke down on May 4, 1998. Three days later, both sides returned.",
         "Three days later", "1998-05-07"),
        ("On May 4, 1998 the border shut. A day earlier, trucks had crossed it.",
         "A day earlier", "1998-05-03"),
    ],
)
def test_short_span_later_or_earlier_dates_the_event(text: str, expr: str, value: str) -> None:
    # TimeBank marks these as the span alone (a DURATION); newsledger keeps the point, which
    # dates the event it governs (grammar.en.yaml: spans_not_points is left empty)
    t = _find(tag_text(text, "1998-10-25"), expr)
    assert t is not None and (t.type, t.value) == ("DATE", value)


def test_the_running_quarter_without_a_past_verb_is_no_reported_period() -> None:
    text = (
        "Third-quarter net income fell 22%. The insurer has no estimate of the storm's "
        "impact on fourth-quarter results. In the latest quarter, the auto line lost money."
    )
    t = _find(tag_text(text, "1995-10-30"), "the latest quarter")
    assert t is not None and t.value == "1995-Q3"


def test_this_quarter_right_after_the_results_is_the_reported_quarter() -> None:
    text = (
        "The maker reported a loss for the third quarter ended Sept. 30. "
        "This quarter's loss includes a charge for plant closings."
    )
    t = _find(tag_text(text, "1995-11-01"), "This quarter")
    assert t is not None and t.value == "1995-Q3"
    t = _find(
        tag_text("Sales this quarter will rise, the maker said.", "1995-11-01"), "this quarter"
    )
    assert t is not None and t.value == "1995-Q4"


def test_the_year_period_after_a_span_of_months_is_that_year() -> None:
    text = (
        "Profit rose in the third quarter. In the first nine months, net was $30 million, "
        "against a loss of $19 million in the 1994 period."
    )
    t = _find(tag_text(text, "1995-10-30"), "the 1994 period")
    assert t is not None and t.value == "1994"
    t = _find(
        tag_text("Profit rose in the third quarter from the 1994 period.", "1995-10-30"),
        "the 1994 period",
    )
    assert t is not None and t.value == "1994-Q3"
