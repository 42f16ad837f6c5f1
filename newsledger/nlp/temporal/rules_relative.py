"""Normalisers for relative and quantified expressions: last/this/next + unit,
anaphoric units, ago/earlier/later, durations, sets, holidays, fixed words."""

from __future__ import annotations

import datetime as dt
import re

from newsledger.nlp.temporal import calendar as cal
from newsledger.nlp.temporal.context import (
    Context,
    Result,
    _gd,
    _unit_code,
    dmod,
    duration_value,
    number,
    pmod,
    point_at,
    shift,
    tense,
    vocab,
)


def r_rel_unit(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    rel = ctx.word(m.group("rel"))
    unit = _unit_code(g, m.group("unit"))
    pm = ctx.word(_gd(m, "pm"))
    mod = pmod(g, pm) if pm else ""
    if unit is None:
        return None
    if rel in ("the past", "the coming", "the last", "the next") and not pm:
        point = _neighbour_point(ctx, rel, m.group("unit"), unit)
        return point or ("DURATION", duration_value("1", unit), "")
    base = ctx.dct
    if rel in ("the previous", "the following", "the same", "the"):
        base = ctx.anchor
    if (
        rel in ("the previous", "the following", "the same")
        and unit == "Y"
        and ctx.years
        and m.start() - ctx.years[-1][0] < 200
        and ctx.dct
        and ctx.years[-1][1] != ctx.dct.year
    ):
        base = dt.date(ctx.years[-1][1], 7, 1)
    if (
        rel in ("the previous", "the following", "the same")
        and unit == "M"
        and ctx.months
        and m.start() - ctx.months[-1][0] < 400
    ):  # "In March, ... The following month": the month just named
        base = dt.date(ctx.months[-1][1], ctx.months[-1][2], 1)
    if base is None:
        return "DATE", {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX"}.get(unit, "XXXX"), mod
    off = vocab(g, "relative_words", rel)
    off = int(off) if off is not None else 0
    return "DATE", point_at(unit, shift(unit, base, off)), mod


def _neighbour_point(ctx: Context, rel: str, unit_word: str, unit: str) -> Result | None:
    """'the past year', 'the last decade', 'the next year or so': for the units listed in
    ``neighbour_point_units`` the calendar period before / after the publication date's
    (TimeBank and MEANTIME mark 7 of 9 such uses as that point, not as a duration); shorter
    units ("the last week") stay durations. None when the unit is not listed."""
    units = ctx.grammar.data.get("neighbour_point_units", ())
    if ctx.word(unit_word) not in units:
        return None
    if ctx.dct is None:
        return "DATE", {"DE": "XXX", "CE": "XX"}.get(unit, "XXXX"), ""
    off = -1 if rel.removeprefix("the ") in ("past", "last", "previous") else 1
    return "DATE", point_at(unit, shift(unit, ctx.dct, off)), ""


def r_anaphoric_unit(ctx: Context, m: re.Match[str]) -> Result | None:
    """'the year', 'that year', 'the week', 'this quarter': the period of the publication
    date (or of the year just mentioned for 'that'); before 'ended/ending' a duration."""
    g = ctx.grammar
    unit = _unit_code(g, m.group("unit"))
    det = ctx.word(m.group("det"))
    if unit is None:
        return None
    if det == "this" and unit != "Q":
        return None  # "this year" etc. belong to the relative_unit rule
    pe = g.period_ending_after  # "the year ended June 30": a fiscal period
    if det == "the" and pe is not None and pe.match(ctx.text, m.end()):
        return "DURATION", duration_value("1", unit), ""
    if ctx.dct is None:
        return "DATE", {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "Q": "XXXX-QX"}[unit], ""
    if unit == "Q":
        if det == "that" and ctx.last_quarter:
            y, q = ctx.last_quarter
            return "DATE", f"{y:04d}-Q{q}", ""
        if det == "the" and ctx.last_quarter:
            y, q = ctx.last_quarter
            return "DATE", f"{y:04d}-Q{q}", ""
        if (
            det == "this"
            and ctx.last_quarter
            and m.start() - ctx.last_quarter_pos < 600
            and tense(ctx, m.start(), m.end()) != "future"
        ):  # "This quarter's loss includes ...", right after the results: that quarter
            y, q = ctx.last_quarter
            return "DATE", f"{y:04d}-Q{q}", ""
        return "DATE", point_at("Q", ctx.dct), ""
    if (
        det == "the"
        and unit == "Y"
        and _gd(m, "full")
        and ctx.years
        and m.start() - ctx.years[-1][0] < 120
    ):  # "a loss in the fourth quarter of 2005 and $8.6 billion for the entire year"
        return "DATE", f"{ctx.years[-1][1]:04d}", ""
    if det == "that":
        if unit == "Y" and ctx.years:
            return "DATE", f"{ctx.years[-1][1]:04d}", ""
        return "DATE", point_at(unit, ctx.anchor or ctx.dct), ""
    return "DATE", point_at(unit, ctx.dct), ""


def r_year_end(ctx: Context, m: re.Match[str]) -> Result | None:
    """'year-end', 'this year's end': the year (of the publication date) with mod END."""
    if ctx.dct is None:
        return "DATE", "XXXX", "END"
    off = {"last": -1, "next": 1}.get(ctx.word(_gd(m, "rel")), 0)
    return "DATE", f"{ctx.dct.year + off:04d}", "END"


def r_fiscal_year(ctx: Context, m: re.Match[str]) -> Result | None:
    rel = ctx.word(m.group("rel"))
    if rel == "the":
        return "DURATION", "P1Y", ""
    if ctx.dct is None:
        return "DATE", "XXXX", ""
    off = {"last": -1, "the previous": -1, "next": 1, "the latest": -1}.get(rel, 0)
    return "DATE", f"{ctx.dct.year + off:04d}", ""


def r_year_ago_adj(ctx: Context, m: re.Match[str]) -> Result | None:
    ya = ctx.word(_gd(m, "ya") or _gd(m, "ya2"))
    yunit = ctx.word(_gd(m, "yunit") or _gd(m, "yunit2"))
    if ctx.dct is None:
        return "DATE", "XXXX", ""
    month_talk = (  # "sales rose in February compared with the same period last year"
        yunit == "period"
        and m.start() - ctx.month_only_pos < 300
        and ctx.month_only_pos > ctx.last_quarter_pos
    )
    if (yunit == "month" or month_talk) and ctx.months and m.start() - ctx.months[-1][0] < 300:
        return "DATE", cal.fmt_month(ctx.months[-1][1] - 1, ctx.months[-1][2]), ""
    if (
        ctx.last_quarter
        and yunit in ("", "quarter", "period", "level", "result", "results")
        and m.start() - ctx.last_quarter_pos < 1500
        and (yunit == "quarter" or ctx.months_span_pos < ctx.last_quarter_pos)
    ):
        y, q = ctx.last_quarter
        return "DATE", f"{y - 1:04d}-Q{q}", ""
    base = ctx.dct if "ago" in ya else ctx.anchor or ctx.dct
    if yunit == "month":
        d = cal.add_years_safe(base, -1)
        return "DATE", cal.fmt_month(d.year, d.month), ""
    return "DATE", f"{base.year - 1:04d}", ""


def r_ago(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    n = number(g, m.group("num"))
    unit = _unit_code(g, m.group("unit"))
    if n is None or unit is None:
        return None
    direction = ctx.word(m.group("dir"))
    sign = -1 if direction in ("ago", "earlier", "back", "before") else 1
    mod0 = dmod(g, _gd(m, "dmod"))
    mod = str(g.data["ago_mods"].get(mod0, "")) if mod0 else ""
    if "or so" in ctx.word(m.group(0)):
        mod = "APPROX"
    anchored = direction in ("earlier", "later", "before", "after")
    if anchored and unit in ctx.grammar.data.get("spans_not_points", ()):
        return None  # "three days later": the span itself (the duration pattern tags it)
    base = (ctx.anchor if anchored else ctx.dct) or None
    if n == "X" or "." in n:
        if anchored:
            return "DURATION", duration_value(n, unit), mod
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod
    if base is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod
    k = int(n) * sign
    if (
        unit == "Y"
        and ctx.last_quarter
        and m.start() - ctx.last_quarter_pos < 1500
        and ctx.months_span_pos < ctx.last_quarter_pos
    ):
        y, q = ctx.last_quarter
        return "DATE", f"{y + k:04d}-Q{q}", mod
    if unit.startswith("T"):
        if unit == "TH":  # "48 hours later": the day it lands on
            return "DATE", (base + dt.timedelta(days=int(k / 24))).isoformat(), mod
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod
    if unit == "WE":
        return None
    if unit == "W" and abs(k) <= 2:  # "a week ago", "two weeks ago": the day
        return "DATE", shift(unit, base, k).isoformat(), mod
    return "DATE", point_at(unit, shift(unit, base, k)), mod


_UNIT_SKIP_WITH_A = {"TS", "Q"}


def r_duration(ctx: Context, m: re.Match[str]) -> Result | None:
    """'12 hours', 'more than two decades', 'the past two months', 'a two-year plan',
    'the next few days', 'two and a half years'."""
    g = ctx.grammar
    unit = _unit_code(g, m.group("unit"))
    if unit is None:
        return None
    raw_num = _gd(m, "num")
    rel = ctx.word(_gd(m, "rel"))
    if raw_num is None:
        # "the past year" = one year, "the past years" = some years; "the first week" is a
        # position in a calendar, not a duration
        if rel in ("first", "final", "following", "latest", "remaining", "previous"):
            return None
        if _gd(m, "the") and rel in ("past", "last", "next", "coming"):
            point = _neighbour_point(ctx, rel, m.group("unit"), unit)
            if point is not None:
                return point[0], point[1], "APPROX" if "or so" in ctx.word(m.group(0)) else ""
        n = "X" if ctx.word(m.group("unit")).endswith("s") else "1"
    else:
        if ctx.word(raw_num) in ("a", "an", "one") and unit in _UNIT_SKIP_WITH_A:
            return None  # "a second round", "a quarter of the votes"
        if re.fullmatch(r"(?:19|20)\d\d", raw_num):
            return None  # "the 1988 quarter", "2008 year-end": a year, not a count
        parsed = number(g, raw_num)
        if parsed is None:
            return None
        n = parsed
    if (_gd(m, "half") or _gd(m, "half2")) and n != "X":
        n = str(float(n) + 0.5).removesuffix(".0")
    if n == "1" and _is_rate(ctx, m):
        return "SET", duration_value(n, unit), ""
    return "DURATION", duration_value(n, unit), dmod(g, _gd(m, "dmod"))


def _is_rate(ctx: Context, m: re.Match[str]) -> bool:
    """'700 seats a week', '$2 million a year', 'interviews a day': 'a' + unit right after
    an amount or a counted plural is a frequency, a TIMEX3 SET (TimeML annotates rates that
    way); 'within a week', 'a month after the vote' are not. Words in
    ``context_words.rates``."""
    rates = ctx.grammar.data["context_words"].get("rates")
    if not rates or ctx.word(_gd(m, "num")) not in ("a", "an") or _gd(m, "dmod") or _gd(m, "the"):
        return False
    nxt = re.match(r"\s+(\w+)", ctx.text[m.end() : m.end() + 20])
    if nxt and nxt.group(1).lower() in rates.get("not_before", ()):
        return False
    prev = re.search(r"(\S+)\s+$", ctx.text[max(0, m.start() - 40) : m.start()])
    if prev is None:
        return False
    w = prev.group(1).lower().rstrip(",")
    if re.search(r"\d$", w) or w in rates.get("counts", ()):
        return True
    return re.fullmatch(str(rates.get("counted_plural", r"(?!)")), w) is not None and w not in (
        *ctx.grammar.data["context_words"].get("not_counted_nouns", ()),
        *ctx.grammar.data["context_words"].get("temporal_prepositions", ()),
    )


def r_bare_plural(ctx: Context, m: re.Match[str]) -> Result | None:
    """'years', 'for decades': some units; 'a day-long meeting': one."""
    single = _gd(m, "single")
    unit = _unit_code(ctx.grammar, single or m.group("bare"))
    if unit is None:
        return None
    return "DURATION", duration_value("1" if single else "X", unit), ""


def r_set_every(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    k = "2" if ctx.word(_gd(m, "other")) == "other" else (number(g, _gd(m, "num")) or "1")
    if _gd(m, "month"):  # "each July"
        return "SET", f"XXXX-{int(vocab(g, 'months', m.group('month'))):02d}", ""
    if _gd(m, "wd"):
        wd = int(vocab(g, "weekdays", m.group("wd")))
        return "SET", f"XXXX-WXX-{wd}", ""
    if _gd(m, "part"):
        return "SET", f"T{vocab(g, 'parts_of_day', m.group('part'))}", ""
    unit = _unit_code(g, m.group("unit"))
    if unit is None:
        return None
    return "SET", duration_value(k, unit), ""


def r_set_times(ctx: Context, m: re.Match[str]) -> Result | None:
    unit = _unit_code(ctx.grammar, m.group("unit"))
    return ("SET", duration_value("1", unit), "") if unit else None


def r_holiday(ctx: Context, m: re.Match[str]) -> Result | None:
    spec = vocab(ctx.grammar, "holidays", m.group("holiday"))
    if not isinstance(spec, list) or ctx.dct is None:
        return ("DATE", "XXXX-XX-XX", "") if spec else None
    t = tense(ctx, m.start(), m.end())

    def on(year: int) -> dt.date | None:
        mon, day = spec
        if mon == "EASTER":
            return cal.easter(year) + dt.timedelta(days=int(day))
        if isinstance(day, int):
            return cal.valid_date(year, int(mon), day)
        wd = {"MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6, "SUN": 7}[day[:3]]
        n = -1 if day[3:] == "L" else int(day[3:])
        return cal.nth_weekday(year, int(mon), wd, n)

    dct = ctx.dct
    cands = [d for d in (on(y) for y in (dct.year - 1, dct.year, dct.year + 1)) if d]
    if t == "past":
        pick = max((d for d in cands if d <= dct + dt.timedelta(days=7)), default=None)
    elif t == "future":
        pick = min((d for d in cands if d >= dct - dt.timedelta(days=7)), default=None)
    else:
        pick = min(cands, key=lambda d: abs((d - dct).days)) if cands else None
    return ("DATE", pick.isoformat(), "") if pick else None


def r_fixed(ctx: Context, m: re.Match[str]) -> Result | None:
    spec = vocab(ctx.grammar, "fixed_words", m.group("fixed"))
    if not spec or not isinstance(spec, list):
        return None
    typ, value = str(spec[0]), str(spec[1])
    if typ == "TIME" and value.startswith("T") and ctx.dct is not None:
        value = ctx.dct.isoformat() + value
    return typ, value, ""


def r_indefinite(ctx: Context, m: re.Match[str]) -> Result | None:
    """'will one day be', 'could someday rival': after a modal, an unspecified time ahead
    (TimeML FUTURE_REF), not a span of one day."""
    return "DATE", "FUTURE_REF", ""


def r_running_count(ctx: Context, m: re.Match[str]) -> Result | None:
    """'today is the eighth day of the operation', 'suspended for a second consecutive
    day', 'gains for a fourth week in a row': the count of a running series, said in the
    present, names the day (week) of publication."""
    unit = _unit_code(ctx.grammar, m.group("unit"))
    if unit not in ("D", "W"):
        return None
    if ctx.dct is None:
        return "DATE", "XXXX-XX-XX" if unit == "D" else "XXXX-WXX", ""
    return "DATE", point_at(unit, ctx.dct), ""
