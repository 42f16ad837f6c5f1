"""Every time expression in the four seed reports, checked against values read by hand.

Publication dates from ``shared/corpus/seeds/manifest.csv``. Reading notes:
000 (Thu 2022-08-18): Borrell spoke after the talks "on Thursday" = the publication day;
    Vucic's tweet and Stoltenberg's statement "on Wednesday" = the day before; "until
    September 1st" is a deadline two weeks ahead in the same year.
001 (Thu 2023-06-22): the crisis talks "held Thursday" = the publication day; "the recent
    escalation" is a PAST_REF (TimeML convention for "recent").
002 (Sat 2023-03-18): the Ohrid talks "on Saturday" = the publication day; the Belgrade
    demonstration "on Friday" = the day before; "February 27" = the Brussels meeting
    three weeks earlier; "more than a year ago" = 2022 (the invasion, 24 Feb 2022).
003 (Wed 2023-03-01): "last Monday" = 2023-02-27 (the Brussels meeting, confirmed by
    002); "Tuesday night" = the evening before publication; "March 18" = the announced
    Ohrid meeting, in the future.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsledger.nlp.temporal import tag_text

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"

EXPECTED: dict[str, list[tuple[str, str, str, str]]] = {
    "000_2c132052083a2115.txt": [
        ("Thursday", "DATE", "2022-08-18", ""),
        ("the coming days", "DURATION", "PXD", ""),
        ("2011", "DATE", "2011", ""),
        ("recently", "DATE", "PAST_REF", ""),
        ("September 1st", "DATE", "2022-09-01", ""),
        ("Thursday", "DATE", "2022-08-18", ""),
        ("Wednesday", "DATE", "2022-08-17", ""),
        ("Wednesday", "DATE", "2022-08-17", ""),
        ("2008", "DATE", "2008", ""),
        ("the late 1990s", "DATE", "199", "END"),
        ("now", "DATE", "PRESENT_REF", ""),
        ("2014", "DATE", "2014", ""),
    ],
    "001_576ff5b721831def.txt": [
        ("Thursday", "DATE", "2023-06-22", ""),
        ("recent", "DATE", "PAST_REF", ""),
        ("weeks", "DURATION", "PXW", ""),
        ("four hours", "DURATION", "PT4H", ""),
        ("hours", "DURATION", "PTXH", ""),
    ],
    "002_8775a2445b1b2bdd.txt": [
        ("Saturday", "DATE", "2023-03-18", ""),
        ("12 hours", "DURATION", "PT12H", ""),
        ("recent months", "DURATION", "PXM", ""),
        ("more than a year ago", "DATE", "2022", "BEFORE"),
        ("last month", "DATE", "2023-02", ""),
        ("more than two decades", "DURATION", "P20Y", "MORE_THAN"),
        ("2008", "DATE", "2008", ""),
        ("1999", "DATE", "1999", ""),
        ("February 27", "DATE", "2023-02-27", ""),
        ("now", "DATE", "PRESENT_REF", ""),
        ("now", "DATE", "PRESENT_REF", ""),
        ("centuries", "DURATION", "PXC", ""),
        ("Friday", "DATE", "2023-03-17", ""),
    ],
    "003_ffccb950b864490f.txt": [
        ("last Monday", "DATE", "2023-02-27", ""),
        ("Tuesday night", "TIME", "2023-02-28TNI", ""),
        ("2008", "DATE", "2008", ""),
        ("March 18", "DATE", "2023-03-18", ""),
    ],
}


def _manifest() -> dict[str, str]:
    if not (SEEDS / "manifest.csv").is_file():
        pytest.skip(f"seed corpus not found at {SEEDS} (the shared folder is absent)")
    with (SEEDS / "manifest.csv").open(encoding="utf-8") as f:
        return {row["file"]: row["published"] for row in csv.DictReader(f)}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_report_time_expressions(name: str) -> None:
    published = _manifest()[name]
    text = (SEEDS / name).read_text(encoding="utf-8")
    got = [(t.text, t.type, t.value, t.mod) for t in tag_text(text, published)]
    assert got == EXPECTED[name]
    for t in tag_text(text, published):
        assert text[t.start : t.end] == t.text
