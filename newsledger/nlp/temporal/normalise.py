"""TIMEX3 normalisation: one function per grammar rule, anchored to the publication date.

Each rule gets the regex match and a ``Context`` (publication date, the date and quarter
mentioned last, the text) and returns ``(type, value, mod)`` or None to drop the match.
Relative expressions anchor to the publication date; anaphoric ones ("the next day",
"a year earlier", "the quarter") to the reference just mentioned, as news writing does.
The rules live in ``rules_calendar.py`` and ``rules_relative.py``; this module is their
registry (the names the grammar files use).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsledger.nlp.temporal.context import Context, Result, tense, vocab
from newsledger.nlp.temporal.rules_calendar import (
    r_anaphoric_day,
    r_century,
    r_clock,
    r_day_word,
    r_decade,
    r_half,
    r_iso_date,
    r_month,
    r_month_day,
    r_month_rel,
    r_month_year,
    r_part_of_day,
    r_quarter,
    r_season,
    r_slash_date,
    r_week_of,
    r_weekday,
    r_weekday_set,
    r_weekend,
    r_year,
    r_year_words,
)
from newsledger.nlp.temporal.rules_relative import (
    r_ago,
    r_anaphoric_unit,
    r_bare_plural,
    r_duration,
    r_fiscal_year,
    r_fixed,
    r_holiday,
    r_indefinite,
    r_rel_unit,
    r_running_count,
    r_set_every,
    r_set_times,
    r_year_ago_adj,
    r_year_end,
)

RULES: dict[str, Callable[[Context, re.Match[str]], Result | None]] = {
    "iso_date": r_iso_date,
    "slash_date": r_slash_date,
    "month_day": r_month_day,
    "month_year": r_month_year,
    "week_of": r_week_of,
    "month_rel": r_month_rel,
    "month": r_month,
    "year_words": r_year_words,
    "year": r_year,
    "decade": r_decade,
    "century": r_century,
    "quarter": r_quarter,
    "half": r_half,
    "season": r_season,
    "weekday": r_weekday,
    "weekday_set": r_weekday_set,
    "clock": r_clock,
    "day_word": r_day_word,
    "part_of_day": r_part_of_day,
    "anaphoric_day": r_anaphoric_day,
    "weekend": r_weekend,
    "rel_unit": r_rel_unit,
    "anaphoric_unit": r_anaphoric_unit,
    "year_end": r_year_end,
    "fiscal_year": r_fiscal_year,
    "year_ago_adj": r_year_ago_adj,
    "ago": r_ago,
    "duration": r_duration,
    "bare_plural": r_bare_plural,
    "set_every": r_set_every,
    "set_times": r_set_times,
    "holiday": r_holiday,
    "running_count": r_running_count,
    "fixed": r_fixed,
    "indefinite": r_indefinite,
}

__all__ = ["RULES", "Context", "Result", "tense", "vocab"]
