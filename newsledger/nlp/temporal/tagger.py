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
    if _in_name(rule, gd, m, text):
        return False
    if rule in ("set_every", "duration") and _is_speed(g, gd, m, text):
        return False
    if rule == "fixed":
        nouns = g.data["context_words"].get("adjective_uses", {}).get(m.group("fixed").lower())
        nxt = re.match(r"\s+([a-z]+|\d)", text[m.end() : m.end() + 30])
        word = nxt and ("<number>" if nxt.group(1).isdigit() else nxt.group(1))
        if nouns and word and word in nouns:
            return False
    if (
        rule == "duration"
        and gd.get("num")
        and gd["num"].lower() in ("some", "many")
        and gd.get("unit", "").lower() in ("time",)
    ):
        return False
    return True


_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:;()\[\]{}\"'`‘“—–]|--|\s-|\n)\s*$")
_CAPITALISED_NEXT = re.compile(r"\s+(?:of\s+)?[A-Z][a-z]")
# short function words a title-case headline may leave in lower case
_HEADLINE_LOWER = frozenset({"with", "from", "into", "over", "after", "than", "that", "upon"})


def _in_name(rule: str, gd: dict[str, Any], m: re.Match[str], text: str) -> bool:
    """A unit or season word capitalised inside a sentence is part of a title or name
    ("CBS's 60 Minutes", "the Spring of Life rallies", "the Prague Spring"), not a time
    (TIDES/TimeML: proper names are not markable). "their Autumn meetings" stays."""
    if rule == "bare_plural":
        word = gd.get("bare") or ""
    elif rule == "season" and not gd.get("rel") and not gd.get("y"):
        word = gd.get("season") or ""
    else:
        return False
    if not word[:1].isupper() or word.isupper() or _title_case_line(text, m.start()):
        return False
    before = text[max(0, m.start() - 30) : m.start()]
    if _SENTENCE_OPEN.search(before) is None:
        if rule == "bare_plural":
            return True
        prev = re.search(r"(\S+)\s+$", before)
        if (
            prev is not None
            and prev.group(1)[:1].isupper()
            and _SENTENCE_OPEN.search(before[: prev.start()]) is None
        ):
            return True  # "the Prague Spring"; not "In Spring"
    # "Spring of Life", "Summer Olympics": a capitalised word follows
    return rule == "season" and _CAPITALISED_NEXT.match(text, m.end()) is not None


def _title_case_line(text: str, pos: int) -> bool:
    """Whether the line around ``pos`` is a headline in title case ("Stocks Fall For Days
    As Fears Grow"), where capitals say nothing about names."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    words = [
        w
        for w in re.findall(r"[A-Za-z]{4,}", text[lo : hi if hi >= 0 else len(text)])
        if w not in _HEADLINE_LOWER
    ]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _is_speed(g: Grammar, gd: dict[str, Any], m: re.Match[str], text: str) -> bool:
    """'15 million instructions per second', '200 words a minute': an amount per second
    or minute is a speed, not a frequency (TimeML marks no speeds)."""
    rates = g.data["context_words"].get("rates") or {}
    unit = (gd.get("unit") or "").lower()
    if unit not in rates.get("speed_units", ()):
        return False
    per = (gd.get("every2") or gd.get("num") or "").lower()
    if per not in ("per", "a", "an"):
        return False
    prev = re.search(r"(\S+)\s+$", text[max(0, m.start() - 40) : m.start()])
    if prev is None:
        return False
    w = prev.group(1).lower().rstrip(",")
    if w in g.data["context_words"].get("not_counted_nouns", ()):
        return False  # "think about this a minute"
    return bool(
        re.search(r"\d$", w)
        or w in rates.get("counts", ())
        or re.fullmatch(str(rates.get("counted_plural", r"(?!)")), w)
    )


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
    return _date_clock_times(_day_offsets(g, out, text), text)


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


def _day_offsets(g: Grammar, out: list[RawTimex], text: str) -> list[RawTimex]:
    """A "the day before" right before a date ("the day before last Tuesday's hearing",
    "the day after Christmas") is one expression with it: that date moved by a day
    (``context_words.day_offset_heads``)."""
    heads = g.data["context_words"].get("day_offset_heads") or {}
    if not heads or len(out) < 2:
        return out
    res: list[RawTimex] = []
    i = 0
    while i < len(out):
        t = out[i]
        nxt = out[i + 1] if i + 1 < len(out) else None
        off = heads.get(re.sub(r"\s+", " ", t.text.lower()))
        if (
            off is not None
            and nxt is not None
            and nxt.type == "DATE"
            and _FULL_DATE.match(nxt.value)
            and len(nxt.value) == 10
            and not text[t.end : nxt.start].strip()
        ):
            d = dt.date.fromisoformat(nxt.value) + dt.timedelta(days=int(off))
            res.append(
                RawTimex(t.start, nxt.end, text[t.start : nxt.end], "DATE", d.isoformat(), "")
            )
            i += 2
            continue
        res.append(t)
        i += 1
    return res


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
