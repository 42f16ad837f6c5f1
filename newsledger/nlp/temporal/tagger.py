"""Recognition: run the grammar's patterns, keep the best non-overlapping matches, then
normalise them left to right so that anaphoric expressions see the reference just
mentioned."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from newsledger.nlp.temporal.context import tense
from newsledger.nlp.temporal.grammar import Grammar, load_grammar
from newsledger.nlp.temporal.normalise import RULES, Context, vocab

_FULL_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_EXPLICIT_DATE_RULES = {
    "month_day",
    "month_rel",
    "iso_date",
    "slash_date",
    "weekday",
    "day_word",
    "holiday",
}
_MONTH_RULES = {"month", "month_year", "month_day", "iso_date", "slash_date"}
_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})(?:-\d{2})?$")
_YEAR_RULES = {"year", "month_year", "month_day", "year_words", "quarter", "half", "season"}


@dataclass(frozen=True, slots=True)
class RawTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str


def parse_dct(dct: str | None) -> dt.date | None:
    """The publication date as a date (first 10 characters of an ISO string), or None."""
    if not dct:
        return None
    try:
        return dt.date.fromisoformat(str(dct)[:10])
    except ValueError:
        return None


def _search_before(rx: re.Pattern[str] | None, text: str, pos: int) -> bool:
    return rx is not None and rx.search(text[max(0, pos - 20) : pos]) is not None


def _plausible(g: Grammar, rule: str, m: re.Match[str], text: str) -> bool:
    """Lexical checks that do not depend on other expressions."""
    if g.not_after is not None and g.not_after.match(text, m.end()):
        return False
    gd = m.groupdict()
    month = gd.get("month")
    if month is not None:
        low = month.lower()
        if low in g.data.get("ambiguous_months", ()) and not month[:1].isupper():
            return False
        if rule == "month":
            if not month[:1].isupper() or low in g.data.get("abbreviated_months", ()):
                return False
            if low in g.data.get("ambiguous_months", ()) and not gd.get("pmod"):
                if not _search_before(g.preposition_before, text, m.start()):
                    return False
    wd = gd.get("wd")
    if wd is not None and not wd[:1].isupper():
        return False
    unit = gd.get("unit")
    if unit and ("-quarter" in m.group(0).lower() or (unit[:1].isupper() and not unit.isupper())):
        return False  # "three-quarters"; "60 Minutes", "This Week": titles, not times
    if (
        rule == "year"
        and not gd.get("pmod")
        and not gd.get("fiscal")
        and g.counted_noun_after is not None
        and g.counted_noun_after.match(text, m.end())
        and not _search_before(g.preposition_before, text, m.start())
    ):
        return False  # "1500 voters": a count, not a year
    if rule == "fixed":
        nouns = g.data["context_words"].get("adjective_uses", {}).get(m.group("fixed").lower())
        nxt = re.match(r"\s+([a-z]+)", text[m.end() : m.end() + 30])
        if nouns and nxt and nxt.group(1) in nouns:
            return False
    if (
        rule == "duration"
        and gd.get("num")
        and gd["num"].lower() in ("some", "many")
        and gd.get("unit", "").lower() in ("time",)
    ):
        return False
    return True


def _hits(
    trigger: re.Pattern[str],
    keywords: tuple[str, ...],
    lowered: str,
    cache: dict[int, list[tuple[int, int]]],
) -> list[tuple[int, int]]:
    """Spans where a trigger occurs (cached per trigger: patterns share triggers)."""
    key = id(trigger)
    hits = cache.get(key)
    if hits is None:
        if keywords and not any(k in lowered for k in keywords):
            hits = []
        else:
            hits = [h.span() for h in trigger.finditer(lowered)]
        cache[key] = hits
    return hits


def _windows(hits: list[tuple[int, int]], left: int, right: int, n: int) -> list[tuple[int, int]]:
    """Merged text windows from ``left`` characters before to ``right`` after each hit."""
    out: list[tuple[int, int]] = []
    for s, e in hits:
        lo, hi = max(0, s - left), min(n, e + right)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _candidates(g: Grammar, text: str) -> list[tuple[int, int, int, str, re.Match[str]]]:
    out = []
    cache: dict[int, list[tuple[int, int]]] = {}
    n = len(text)
    lowered = text.lower()
    if len(lowered) != n:  # rare: a character whose lower case is longer
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for p in g.patterns:
        if p.trigger is None:
            spans = [(0, n)]
        else:
            spans = _windows(_hits(p.trigger, p.keywords, lowered, cache), *p.window, n)
        ext = "ext" in p.regex.groupindex  # the expression is only this part of the match
        for lo, hi in spans:
            for m in p.regex.finditer(text, lo, hi):
                s, e = m.span("ext") if ext else m.span()
                if e > s and _plausible(g, p.rule, m, text):
                    out.append((s, e, p.priority, p.rule, m))
    return out


def _select(
    cands: list[tuple[int, int, int, str, re.Match[str]]], n: int
) -> list[tuple[int, int, int, str, re.Match[str]]]:
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = bytearray(n + 1)
    chosen = []
    for c in cands:
        s, e = c[0], c[1]
        if any(taken[s:e]):
            continue
        taken[s:e] = b"\x01" * (e - s)
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return chosen


def _apply(rule: str, ctx: Context, m: re.Match[str]) -> Any:
    """Run one normaliser; a value outside the calendar ("123000 years ago") is no date."""
    try:
        return RULES[rule](ctx, m)
    except (ValueError, OverflowError):
        return None


def tag(text: str, dct: str | None, lang: str = "en") -> list[RawTimex]:
    """All time expressions in ``text`` with TIMEX3 type/value/mod."""
    g = load_grammar(lang)
    ctx = Context(grammar=g, text=text, dct=parse_dct(dct))
    # candidates whose normaliser rejects them even without context never shadow others
    probe = Context(grammar=g, text=text, dct=ctx.dct)
    cands = [c for c in _candidates(g, text) if _apply(c[3], probe, c[4]) is not None]
    out: list[RawTimex] = []
    for s, e, _prio, rule, m in _select(cands, len(text)):
        res = _apply(rule, ctx, m)
        if res is None:
            continue
        typ, value, mod = res
        out.append(RawTimex(s, e, text[s:e], typ, value, mod))
        fm = _FULL_DATE.match(value[:10])
        if rule in _EXPLICIT_DATE_RULES and fm and typ in ("DATE", "TIME"):
            ctx.ref = dt.date(int(fm.group(1)), int(fm.group(2)), int(fm.group(3)))
            ctx.ref_pos = s
            ctx.ref_end = e
        if (
            rule == "quarter"
            and m.groupdict().get("ord")
            and re.match(r"^\d{4}-Q[1-4]$", value)
            and not re.search(r"(?i)year[- ](?:ago|earlier)", m.group(0))
            and not _forecast_quarter(value, ctx, s, e)
            and not _earlier_aside(value, ctx, s)
        ):
            ctx.last_quarter = (int(value[:4]), int(value[-1]))
            ctx.last_quarter_pos = s
        elif (
            rule == "quarter"
            and ctx.last_quarter
            and value == f"{ctx.last_quarter[0]:04d}-Q{ctx.last_quarter[1]}"
        ):  # "in the latest quarter": the same quarter taken up again is the topic again
            ctx.last_quarter_pos = s
        if typ == "DURATION" and _is_months_span(value):
            ctx.months_span_pos = s
        mm = _MONTH_VALUE.match(value)
        if mm and typ == "DATE" and rule in _MONTH_RULES:
            ctx.months.append((e, int(mm.group(1)), int(mm.group(2))))
            if len(value) == 7:
                ctx.month_only_pos = e
        if rule in _YEAR_RULES and m.groupdict().get("y") or rule == "year_words":
            if re.match(r"^\d{4}", value):
                ctx.years.append((e, int(value[:4])))
    return _date_clock_times(out, text)


_MONTHS_SPAN = re.compile(r"^P(\d+)M$")


def _is_months_span(value: str) -> bool:
    """A reporting span longer than a quarter and shorter than a year ("the nine months",
    "the first six months"): results compared "a year earlier" are then those of the same
    months of the year before, which no TIMEX3 point but the year can name."""
    m = _MONTHS_SPAN.match(value)
    return m is not None and 3 < int(m.group(1)) < 12


def _earlier_aside(value: str, ctx: Context, start: int) -> bool:
    """A quarter before the one whose results the story just gave ("net rose in the third
    quarter ... after a flat second quarter") is an aside: comparisons that follow ("a
    year ago", "the year-earlier period") still refer to the story's quarter."""
    if ctx.last_quarter is None or start - ctx.last_quarter_pos > 1500:
        return False
    return (int(value[:4]), int(value[-1])) < ctx.last_quarter


def _forecast_quarter(value: str, ctx: Context, start: int, end: int) -> bool:
    """A quarter that has not begun at publication ("losses through the third quarter of
    1990"), or the current one outside a past clause ("will decline in the fourth quarter",
    "has no estimate of the impact on fourth-quarter results"), is a forecast, not the
    period whose results the story compares with a year ago (a fiscal "fourth quarter" can
    be over in October: "reported a decline in fourth-quarter earnings")."""
    if ctx.dct is None:
        return False
    q = (int(value[:4]), int(value[-1]))
    now = (ctx.dct.year, (ctx.dct.month - 1) // 3 + 1)
    if q > now:
        return True
    return q == now and tense(ctx, start, end) != "past"


_CLOCK_DATE_GAP = re.compile(r"\s*(?:,|on|,\s*on)?\s*$")


def _date_clock_times(out: list[RawTimex], text: str) -> list[RawTimex]:
    """A clock time directly followed by a full date ("at 16:15 UTC, June 1st", "5 p.m.
    on March 3") is on that date: TimeML gives the time the day it belongs to."""
    for i in range(len(out) - 1):
        t, nxt = out[i], out[i + 1]
        if t.type != "TIME" or "T" not in t.value or nxt.type != "DATE":
            continue
        if not _FULL_DATE.match(nxt.value) or len(nxt.value) != 10:
            continue
        gap = text[t.end : nxt.start]
        if len(gap) > 6 or not _CLOCK_DATE_GAP.match(gap):
            continue
        out[i] = RawTimex(
            t.start, t.end, t.text, t.type, nxt.value + t.value[t.value.index("T") :], t.mod
        )
    return out


__all__ = ["RawTimex", "parse_dct", "tag", "vocab"]
