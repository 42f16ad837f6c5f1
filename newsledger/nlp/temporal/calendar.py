"""Calendar arithmetic and TIMEX3 value formatting (language-neutral)."""

from __future__ import annotations

import datetime as dt

SEASON_ORDER = ("SP", "SU", "FA", "WI")


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + n
    return idx // 12, idx % 12 + 1


def add_years_safe(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def shift_quarter(year: int, q: int, n: int) -> tuple[int, int]:
    idx = year * 4 + (q - 1) + n
    return idx // 4, idx % 4 + 1


def season_of(d: dt.date) -> tuple[int, str]:
    """(year, season) a date falls in; winter belongs to the year of its December."""
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


def valid_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """n-th (1-based; -1 = last) ISO weekday (1=Mon) of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        delta = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=delta + 7 * (n - 1))
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


UNCUED_FUTURE_COST = 2.0
FIRM_AGAINST_COST = 1000.0


def pick_year(month: int, day: int | None, dct: dt.date, tense: str, firm: bool = False) -> int:
    """Year for a month (and day) named without one, by the clause's tense.

    Past: the latest such date not after the publication date (small look-ahead kept for
    deadlines reported in past tense); future: the next one not before it; unknown: the
    nearest one. ``firm``: the tense comes from the verb the date depends on ("signed in
    August"), and a date the tense contradicts is all but ruled out (``FIRM_AGAINST_COST``;
    otherwise it costs three times its distance, as tense cues further off often err).
    """
    d = day or 15
    best, best_cost = dct.year, float("inf")
    cost: float
    for y in (dct.year - 1, dct.year, dct.year + 1):
        c = valid_date(y, month, d) or valid_date(y, month, 28)
        if c is None:
            continue
        diff = (c - dct).days
        slack = 7 if day else 20
        against = (tense == "past" and diff > slack) or (tense == "future" and diff < -slack)
        cost = abs(diff) * ((FIRM_AGAINST_COST if firm else 3) if against else 1)
        if not tense and diff > slack:
            cost *= UNCUED_FUTURE_COST  # news mostly report the past: an uncued month leans back
        if cost < best_cost:
            best, best_cost = y, cost
    return best
