"""Publication-date inference (newsledger.nlp.temporal.published): news conventions."""

from __future__ import annotations

from newsledger.nlp.temporal import infer_published

FILLER = "Negotiators spent the afternoon going over the draft text line by line. " * 4


def test_wire_timestamp_line_gives_the_date() -> None:
    text = "LISBON | Thu March 4, 2021 9:03 am EDT\nThe minister spoke about the budget."
    g = infer_published(text)
    assert g is not None
    assert g.value == "2021-03-04"
    assert g.evidence.startswith("timestamp")


def test_earliest_recent_timestamp_wins_over_later_comments() -> None:
    text = (
        "By A. Writer | October 7, 2015; 10:15 AM\n" + FILLER + "\n"
        "Posted by: reader1 | October 8, 2015 8:40 PM\n"
    )
    g = infer_published(text)
    assert g is not None and g.value == "2015-10-07"


def test_update_stamp_on_its_own_line() -> None:
    text = FILLER + "\nLast updated: 2 April 2019\nThe council met again to discuss the plan."
    g = infer_published(text)
    assert g is not None
    assert g.value == "2019-04-02"
    assert g.evidence.startswith("publication stamp")


def test_citation_of_another_article_is_not_a_stamp() -> None:
    text = FILLER + "As an article published on May 3, 2001 put it, the rift is old."
    g = infer_published(text)
    assert g is not None
    assert not g.evidence.startswith("publication stamp")


def test_dates_in_future_clauses_are_not_events() -> None:
    text = (
        FILLER + "The round ended on March 3, 2020. The parties will meet again on April 20, 2020."
    )
    g = infer_published(text)
    assert g is not None
    assert g.value == "2020-03-03"


def test_latest_date_moves_to_the_weekday_the_report_names() -> None:
    # 1 June 2022 was a Wednesday; the report also says "on Friday" -> Friday 3 June
    text = FILLER + "The accord was signed on June 1, 2022. Ministers praised it on Friday."
    g = infer_published(text)
    assert g is not None
    assert g.value == "2022-06-03"
    assert "weekday" in g.evidence


def test_latest_date_stays_when_its_weekday_is_the_one_named() -> None:
    # 1 June 2022 was a Wednesday
    text = FILLER + "Ministers met on Wednesday. The accord was signed on June 1, 2022."
    g = infer_published(text)
    assert g is not None and g.value == "2022-06-01"


def test_historical_date_in_the_opening_is_not_a_dateline() -> None:
    text = (
        "On March 24, 1989 a tanker ran aground off the coast. "
        "Twenty years later, in 2010, the spill still shapes the debate. " + FILLER
    )
    g = infer_published(text)
    assert g is not None
    assert not g.evidence.startswith("dateline")
    assert g.confidence < 0.5


def test_no_clock_bound_far_future_dateline_is_kept() -> None:
    # the answer must not depend on the day the code runs
    g = infer_published("GENEVA, May 5, 2091 (AFP) - Delegates arrived.")
    assert g is not None and g.value == "2091-05-05"


def test_confidences_are_ordered_by_strength_of_evidence() -> None:
    strong = infer_published("LISBON | Thu March 4, 2021 9:03 am EDT\nText.")
    weak = infer_published(FILLER + "Talks resumed in March 2021.")
    assert strong is not None and weak is not None
    assert strong.confidence > weak.confidence
    assert weak.value == "2021-03-15"


def test_wire_timestamp_with_abbreviated_month() -> None:
    # undotted month abbreviations appear only in stamps; a clock time must follow
    text = "OSLO | Tue Sep 14, 2004 6:10am EDT\n" + FILLER
    g = infer_published(text)
    assert g is not None
    assert g.value == "2004-09-14"
    assert g.evidence.startswith("timestamp")


def test_abbreviated_month_without_clock_is_not_a_timestamp() -> None:
    text = FILLER + "The Mar 3, 2004 memo was leaked. Talks ended on 9 May 2005."
    g = infer_published(text)
    assert g is not None
    assert not g.evidence.startswith("timestamp")


def test_photo_caption_date_is_not_a_dateline() -> None:
    text = "June 3, 2012: A ferry leaves the harbour at dawn.\n" + FILLER
    g = infer_published(text)
    assert g is not None
    assert not g.evidence.startswith("dateline")
    assert g.confidence < 0.5


def test_yearless_dateline_takes_the_year_its_weekday_fits() -> None:
    # 7 March fell on a Monday in 2011 (not in 2008, 2009 or 2010)
    text = (
        "ROME, March 7 (Reuters) - Prices rose on Monday to the highest level since "
        "September 2008, traders said."
    )
    g = infer_published(text)
    assert g is not None
    assert g.value == "2011-03-07"
