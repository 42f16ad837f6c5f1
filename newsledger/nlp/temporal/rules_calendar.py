"""Normalisers for calendar expressions: explicit dates, months, years, decades,
centuries, quarters, halves, seasons, weekdays, clock times, day words."""

from __future__ import annotations

import datetime as dt
import re

from newsledger.nlp.temporal import calendar as cal
from newsledger.nlp.temporal.context import (
    Context,
    Result,
    _gd,
    _month_num,
    _year_for_month,
    number,
    ordinal,
    pmod,
    tense,
    vocab,
)


def r_iso_date(ctx: Context, m: re.Match[str]) -> Result | None:
    d = cal.valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if d is None:
        return None
    if _gd(m, "hh"):
        return "TIME", f"{d.isoformat()}T{m.group('hh')}:{m.group('mi')}", ""
    return "DATE", d.isoformat(), ""


def r_slash_date(ctx: Context, m: re.Match[str]) -> Result | None:
    y = int(m.group("y"))
    if y < 100:
        y += 1900 if y > 30 else 2000
    mo, da = int(m.group("m")), int(m.group("d"))
    if mo > 12 and da <= 12:  # 18/03/2023: day first
        mo, da = da, mo
    d = cal.valid_date(y, mo, da)
    return ("DATE", d.isoformat(), "") if d else None


def r_month_day(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    month = _month_num(g, m)
    day = ordinal(g, m.group("d"))
    if month is None or day is None or not 1 <= day <= 31:
        return None
    mod = pmod(g, _gd(m, "pmod"))
    if _gd(m, "y"):
        year: int | None = int(m.group("y"))
    else:
        year = _year_for_month(ctx, month, day, m)
        if year is not None and _gd(m, "wd") and ctx.dct is not None:
            year = _year_of_weekday(ctx.dct, year, month, day, int(vocab(g, "weekdays", m["wd"])))
    if year is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", mod
    d = cal.valid_date(year, month, day)
    return ("DATE", d.isoformat(), mod) if d else None


def _year_of_weekday(dct: dt.date, year: int, month: int, day: int, wd: int) -> int:
    """A day named with its weekday ("Thursday, March 2") is in a year where it falls on
    that weekday: the year chosen by tense if it does, else the nearest such year."""
    fits = [
        y
        for y in (dct.year - 1, dct.year, dct.year + 1)
        if (d := cal.valid_date(y, month, day)) is not None and d.isoweekday() == wd
    ]
    if not fits or year in fits:
        return year
    return min(fits, key=lambda y: abs((dt.date(y, month, day) - dct).days))


def r_week_of(ctx: Context, m: re.Match[str]) -> Result | None:
    """'the week of March 6' (the ISO week containing the day), 'the first / last week of
    March' (the first / last Monday-to-Sunday week wholly inside the month)."""
    g = ctx.grammar
    month = _month_num(g, m)
    if month is None:
        return None
    day = ordinal(g, _gd(m, "d")) if _gd(m, "d") else None
    if _gd(m, "y"):
        year: int | None = int(m.group("y"))
    else:
        year = _year_for_month(ctx, month, day, m)
    if year is None:
        return "DATE", "XXXX-WXX", ""
    if day is not None:
        d = cal.valid_date(year, month, day)
        return ("DATE", cal.fmt_week(d), "") if d else None
    pos = _gd(m, "wpos")
    if pos is None:
        return None
    last = ctx.word(pos) in ("last", "final")
    n = -1 if last else ordinal(g, pos)
    if n is None or n == 0 or n > 4:
        return None
    if last:
        d = cal.nth_weekday(year, month, 7, -1)  # the last Sunday ends the last full week
    else:
        d = cal.nth_weekday(year, month, 1, n)  # the n-th Monday starts the n-th week
    return "DATE", cal.fmt_week(d), ""


def r_month_year(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    month = _month_num(g, m)
    if month is None:
        return None
    if _gd(m, "y"):
        year = int(m.group("y"))
    elif ctx.dct is not None:
        year = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[ctx.word(m.group("yrel"))]
    else:
        return "DATE", f"XXXX-{month:02d}", ""
    return "DATE", cal.fmt_month(year, month), pmod(g, _gd(m, "pmod"))


def r_month_rel(ctx: Context, m: re.Match[str]) -> Result | None:
    month = _month_num(ctx.grammar, m)
    if month is None:
        return None
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}", ""
    rel = ctx.word(m.group("rel"))
    day = ordinal(ctx.grammar, _gd(m, "d")) if _gd(m, "d") else None
    y = ctx.dct.year
    if day is not None:  # "last Oct. 23": the latest such day before publication
        if rel in ("last", "this past", "past"):
            y = y if (month, day) < (ctx.dct.month, ctx.dct.day) else y - 1
        elif rel in ("next", "this coming"):
            y = y if (month, day) > (ctx.dct.month, ctx.dct.day) else y + 1
        d = cal.valid_date(y, month, day)
        return ("DATE", d.isoformat(), "") if d else None
    if rel in ("last", "this past", "past"):
        y = y if month < ctx.dct.month else y - 1
    elif rel in ("next", "this coming"):
        y = y if month > ctx.dct.month else y + 1
    return "DATE", cal.fmt_month(y, month), ""


def r_month(ctx: Context, m: re.Match[str]) -> Result | None:
    month = _month_num(ctx.grammar, m)
    if month is None:
        return None
    year = _year_for_month(ctx, month, None, m)
    mod = pmod(ctx.grammar, _gd(m, "pmod"))
    if year is None:
        return "DATE", f"XXXX-{month:02d}", mod
    return "DATE", cal.fmt_month(year, month), mod


def r_year_words(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    words = re.split(r"[\s-]+", ctx.word(m.group("yw")))
    if words[:2] == ["two", "thousand"]:
        tail = number(g, " ".join(words[3:])) if len(words) > 3 else "0"
        return "DATE", f"{2000 + int(tail or 0):04d}", ""
    hi = g.numbers.get(words[0])
    rest = words[1:]
    if hi is None:
        return None
    if rest == ["hundred"]:
        year = hi * 100
    else:
        lo = number(g, " ".join(rest))
        if not (lo and lo.isdigit()):
            return None
        year = hi * 100 + int(lo)
    # "January nineteen ninety-seven", "the winter of nineteen ninety-four"
    month, season = _gd(m, "month"), _gd(m, "season")
    if month:
        return "DATE", cal.fmt_month(year, int(vocab(g, "months", month))), ""
    if season:
        return "DATE", f"{year:04d}-{vocab(g, 'seasons', season)}", ""
    return "DATE", f"{year:04d}", ""


def r_year(ctx: Context, m: re.Match[str]) -> Result | None:
    yy = _gd(m, "yy")
    if yy is not None:  # "since '82": the latest such year up to the publication year
        ref = ctx.dct.year if ctx.dct is not None else 1999
        y = ref - (ref - int(yy)) % 100
        return "DATE", f"{y:04d}", ""
    y = int(m.group("y"))
    if not 1000 <= y <= 2100:
        return None
    if ctx.dct is not None and y > ctx.dct.year + 30:
        return None
    return "DATE", f"{y:04d}", pmod(ctx.grammar, _gd(m, "pmod"))


def r_decade(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    if _gd(m, "dec"):
        v = m.group("dec")[:3]
    elif _gd(m, "dd"):
        v = "19" + m.group("dd")[0]
    elif _gd(m, "dd2"):
        v = "19" + m.group("dd2")[0]
    else:
        tens = {str(k).lower(): int(v) for k, v in g.data["decade_words"].items()}
        v = f"19{tens[ctx.word(m.group('decw'))]}"
    half = ctx.word(_gd(m, "dhalf"))
    if half:  # "the last half of the '80s": the decade, its first or last part
        return "DATE", v, "START" if half == "first" else "END"
    return "DATE", v, pmod(g, _gd(m, "pmod"))


def r_century(ctx: Context, m: re.Match[str]) -> Result | None:
    n = ordinal(ctx.grammar, m.group("cent"))
    if not n or n < 1 or n > 21:
        return None
    return "DATE", f"{n - 1:02d}", pmod(ctx.grammar, _gd(m, "pmod"))


def _quarter_ending(ctx: Context, m: re.Match[str]) -> tuple[int, int] | None:
    """(year, calendar quarter) of "the quarter ended <month> <day>": the quarter holding
    most of the three months that end on that day (July 31 -> May-July -> Q2)."""
    g = ctx.grammar
    pe = g.period_ending_after
    if pe is None or ctx.dct is None:
        return None
    e = pe.match(ctx.text, m.end())
    if e is None:
        return None
    md = re.match(r"\s+(\w+)\.?\s+(\d{1,2})\b", ctx.text[e.end() : e.end() + 20])
    if md is None:
        return None
    month, day = vocab(g, "months", md.group(1)), int(md.group(2))
    if month is None:
        return None
    end = cal.valid_date(ctx.dct.year, int(month), day)
    if end is None:
        return None
    if end > ctx.dct:
        end = cal.valid_date(ctx.dct.year - 1, int(month), day) or end
    mid = end - dt.timedelta(days=45)
    return mid.year, cal.quarter_of(mid)


def r_quarter(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    qrel = ctx.word(_gd(m, "qrel")) or ctx.word(_gd(m, "qrel2"))
    q = ordinal(g, _gd(m, "ord")) if _gd(m, "ord") else None
    if _gd(m, "qcode"):  # "Q3 2023"
        q = int(m.group("qcode")[1])
        year = _gd(m, "y") or _gd(m, "qy2")
        if year:
            return "DATE", f"{int(year):04d}-Q{q}", ""
    if q is not None and not (q == -1 or 1 <= q <= 4):
        return None
    if (
        ctx.word(_gd(m, "qword")) == "period"
        and _gd(m, "qy")
        and ctx.months_span_pos > ctx.last_quarter_pos
    ):  # "for the nine months ... in the 1988 period": those months of 1988, i.e. the year
        return "DATE", f"{int(m.group('qy')):04d}", ""
    base = ctx.dct
    if base is None:
        return "DATE", f"XXXX-Q{q}" if q and q > 0 else "XXXX-QX", ""
    dq = cal.quarter_of(base)
    ended = _quarter_ending(ctx, m) if q is None and not qrel else None
    if ended is not None:  # "the quarter ended July 31": the three months up to that day
        return "DATE", f"{ended[0]:04d}-Q{ended[1]}", ""
    if q is None or q == -1:
        # "the quarter", "the latest quarter", "the last quarter", "the year-ago quarter"
        if qrel == "current":
            y, qq = base.year, dq
        elif (
            ctx.last_quarter
            and q is None
            and qrel != "recent"
            and (qrel != "latest" or m.start() - ctx.last_quarter_pos < 600)
        ):  # "the quarter", "the latest period": the quarter whose results were just given
            y, qq = ctx.last_quarter
        else:
            y, qq = cal.shift_quarter(base.year, dq, -1)
        if _gd(m, "qy"):
            y = int(m.group("qy"))
        if qrel in ("year-ago", "year-earlier"):
            y -= 1
        elif qrel == "previous":
            y, qq = cal.shift_quarter(y, qq, -1)
        return "DATE", f"{y:04d}-Q{qq}", ""
    if _gd(m, "y"):
        y = int(m.group("y"))
    elif _gd(m, "qy"):
        y = int(m.group("qy"))
    elif qrel in ("last year's", "last"):
        y = base.year - 1
    elif qrel in ("next year's", "next"):
        y = base.year + 1
    elif qrel in ("year-ago", "year-earlier"):
        y = (ctx.last_quarter[0] if ctx.last_quarter else base.year) - 1
    else:
        y = base.year
        if (
            q > dq
            and tense(ctx, m.start(), m.end()) == "past"
            and qrel not in ("this year's", "this", "current")
        ):
            y -= 1
    return "DATE", f"{y:04d}-Q{q}", ""


def r_half(ctx: Context, m: re.Match[str]) -> Result | None:
    if _gd(m, "hcode"):  # "H1 2023"
        h = int(m.group("hcode")[1])
    else:
        h = 1 if ctx.word(m.group("half")) == "first" else 2
    if _gd(m, "y"):
        y = int(m.group("y"))
    elif ctx.dct is None:
        return "DATE", f"XXXX-H{h}", ""
    else:
        y = ctx.dct.year + {"last": -1, "next": 1}.get(ctx.word(_gd(m, "hrel")), 0)
    return "DATE", f"{y:04d}-H{h}", ""


def r_season(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    s = str(vocab(g, "seasons", m.group("season")))
    rel = ctx.word(_gd(m, "rel"))
    word = m.group("season")
    if not rel and not _gd(m, "y") and (word[:1].islower() or ctx.word(word) == "fall"):
        before = ctx.text[max(0, m.start() - 12) : m.start()]
        never = g.data["context_words"].get("season_never_bare", [])
        sp = g.season_preposition_before
        if ctx.word(word) in never or sp is None or not sp.search(before):
            return None
    mod = pmod(g, rel) if rel in ("early", "late", "mid", "mid-") else ""
    if _gd(m, "y"):
        return "DATE", f"{int(m.group('y')):04d}-{s}", mod
    if ctx.dct is None:
        return "DATE", f"XXXX-{s}", mod
    cy, cs = cal.season_of(ctx.dct)
    idx, cidx = cal.SEASON_ORDER.index(s), cal.SEASON_ORDER.index(cs)
    if rel in ("last", "this past", "past"):
        y = cy if idx < cidx else cy - 1
    elif rel in ("next", "this coming"):
        y = cy if idx > cidx else cy + 1
    elif rel == "this":
        y = ctx.dct.year
    else:
        t = tense(ctx, m.start(), m.end())
        y = cy
        if t == "past" and idx > cidx:
            y -= 1
        elif t == "future" and idx < cidx:
            y += 1
    return "DATE", f"{y:04d}-{s}", mod


def _weekday_date(ctx: Context, wd: int, rel: str, m: re.Match[str]) -> dt.date | None:
    base = ctx.dct
    if rel in ("the previous", "the preceding", "the following"):
        base = ctx.anchor  # "down from the previous Friday": the one before the day just named
    if base is None:
        return None
    cur = base.isoweekday()
    if rel in ("last", "this past", "past", "the previous", "the preceding"):
        back = (cur - wd) % 7 or 7
        return base - dt.timedelta(days=back)
    if rel in ("next", "this coming", "coming", "the following"):
        return base + dt.timedelta(days=(wd - cur) % 7 or 7)
    t = tense(ctx, m.start(), m.end())
    g = ctx.grammar
    if (
        not rel
        and g.possessive_after is not None
        and g.possessive_after.match(ctx.text, m.end())
        and not (
            g.possessive_future_before is not None
            and g.possessive_future_before.search(ctx.text[max(0, m.start() - 30) : m.start()])
        )
    ):  # "around Wednesday's ruling": a day that has come
        t = "past"
    if t == "future":
        said = _speech_day(ctx, m) if not rel else None
        if said is not None:  # "said on Monday they would meet on Friday": after Monday
            return said + dt.timedelta(days=(wd - said.isoweekday()) % 7 or 7)
        return base + dt.timedelta(days=(wd - cur) % 7)
    d = base - dt.timedelta(days=(cur - wd) % 7)
    if not rel:
        ctx.past_day = (m.start(), m.end(), d)
    return d


def _speech_day(ctx: Context, m: re.Match[str]) -> dt.date | None:
    """The day of a report whose future a weekday names, in the sequence of tenses:
    "said on Monday they would meet on Friday" is the Friday after that Monday (which
    may have passed by the publication date). The report is a past weekday or a full
    date earlier in the same sentence, next to a reporting verb ("said", "announced";
    ``context_words.report_verbs``), with a future-in-the-past cue ("would", "was to";
    ``context_words.future_in_past``) between it and the weekday. A past day that dates
    another event ("the suspect, arrested on Saturday, would be charged") is no anchor."""
    g, text, dct = ctx.grammar, ctx.text, ctx.dct
    if g.future_in_past is None or g.report_verb is None or dct is None:
        return None
    cands = [ctx.past_day] if ctx.past_day else []
    if ctx.ref is not None:
        cands.append((ctx.ref_pos, ctx.ref_end, ctx.ref))
    best: dt.date | None = None
    best_pos = -1
    for start, end, day in cands:
        if not (best_pos < end <= m.start() and day < dct):
            continue
        gap = text[end : m.start()]
        if re.search(r"[.!?](?:\s|$)|\n", gap) or not g.future_in_past.search(gap):
            continue
        # the verb before ("said on Monday") or right after ("on Monday said")
        if not (
            g.report_verb.search(text, max(0, start - 25), start) or g.report_verb.match(text, end)
        ):
            continue
        best, best_pos = day, end
    return best


def r_weekday(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    wd = int(vocab(g, "weekdays", m.group("wd")))
    word = m.group("wd")
    if not word[:1].isupper():
        return None
    if "." in word and not _gd(m, "rel"):
        return None
    part = vocab(g, "parts_of_day", _gd(m, "part")) if _gd(m, "part") else None
    mod = pmod(g, _gd(m, "pm"))
    if part and ctx.word(m.group("part")).endswith("s"):  # "Tuesday nights": every one
        return "SET", f"XXXX-WXX-{wd}T{part}", ""
    d = _weekday_date(ctx, wd, ctx.word(_gd(m, "rel")), m)
    base = d.isoformat() if d else f"XXXX-WXX-{wd}"
    if part:
        return "TIME", f"{base}T{part}", mod
    return "DATE", base, mod


def r_weekday_set(ctx: Context, m: re.Match[str]) -> Result | None:
    wd = int(vocab(ctx.grammar, "weekdays", m.group("wpl")[:-1]))
    part = vocab(ctx.grammar, "parts_of_day", _gd(m, "part")) if _gd(m, "part") else None
    return "SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), ""


def r_clock(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    named = ctx.word(_gd(m, "named"))
    if named:
        hh, mi = (24 if named == "midnight" else 12), 0
    elif _gd(m, "h24"):
        hh, mi = int(m.group("h24")), int(m.group("mi"))
    else:
        hh, mi = int(m.group("hh")), int(m.group("mi") or 0)
        inpart = ctx.word(_gd(m, "inpart"))
        ap = ("a.m." if inpart == "morning" else "p.m.") if inpart else ctx.word(m.group("ap"))
        if hh > 12 or (ap == "o'clock" and hh == 0):
            return None
        if ap.startswith("p") and hh < 12:
            hh += 12
        elif ap.startswith("a") and hh == 12:
            hh = 0
    d: dt.date | None = ctx.dct
    if _gd(m, "month"):
        month, day = _month_num(g, m), ordinal(g, m.group("d"))
        year = (
            int(m.group("y"))
            if _gd(m, "y")
            else (
                cal.pick_year(month, day, ctx.dct, tense(ctx, m.start(), m.end()))
                if ctx.dct and month and day
                else None
            )
        )
        d = cal.valid_date(year, month, day) if year and month and day else None
    elif _gd(m, "wd"):
        wd = int(vocab(g, "weekdays", m.group("wd")))
        d = _weekday_date(ctx, wd, "", m)
    elif _gd(m, "dw"):
        off = vocab(g, "day_words", m.group("dw"))
        d = ctx.dct + dt.timedelta(days=int(off)) if ctx.dct else None
    elif ctx.ref is not None and m.start() - ctx.ref_pos < 600:
        d = ctx.ref
    day_value = d.isoformat() if d else "XXXX-XX-XX"
    mod = "APPROX" if _gd(m, "about") else ""
    zone = "Z" if _gd(m, "zone") else ""
    return "TIME", f"{day_value}T{hh:02d}:{mi:02d}{zone}", mod


def r_day_word(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    word = ctx.word(m.group("dayword"))
    off = int(vocab(g, "day_words", word))
    part = vocab(g, "parts_of_day", _gd(m, "part")) if _gd(m, "part") else None
    if word == "tonight":
        part = part or "NI"
    mod = pmod(g, _gd(m, "pm")) or pmod(g, _gd(m, "pmod"))
    if ctx.dct is None:
        return ("TIME", f"XXXX-XX-XXT{part}", mod) if part else ("DATE", "XXXX-XX-XX", mod)
    d = ctx.dct + dt.timedelta(days=off)
    if part:
        return "TIME", f"{d.isoformat()}T{part}", mod
    return "DATE", d.isoformat(), mod


def r_part_of_day(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    part = vocab(g, "parts_of_day", m.group("part"))
    rel = ctx.word(_gd(m, "rel")) or "the"  # "by mid afternoon": of the day talked about
    if rel in ("the", "that"):
        d = ctx.anchor
    elif ctx.dct is None:
        d = None
    else:
        off = {
            "last": -1 if part == "NI" or part == "EV" else -1,
            "yesterday": -1,
            "tomorrow": 1,
        }.get(rel, 0)
        d = ctx.dct + dt.timedelta(days=off)
    if rel == "the" and ctx.word(m.group("part")) in ("night", "evening"):
        return None
    return "TIME", f"{d.isoformat() if d else 'XXXX-XX-XX'}T{part}", ""


def r_anaphoric_day(ctx: Context, m: re.Match[str]) -> Result | None:
    off = int(vocab(ctx.grammar, "anaphoric_days", m.group("anaphor")))
    a = ctx.anchor
    if a is None:
        return "DATE", "XXXX-XX-XX", ""
    if (
        off
        and ctx.ref is not None
        and re.fullmatch(r"\s*,\s*", ctx.text[ctx.ref_end : m.start()])
        and re.match(r"\s+\w", ctx.text[m.end() : m.end() + 3])
    ):  # "Oct. 12, the day before the crash": in apposition, the date just named
        off = 0
    return "DATE", (a + dt.timedelta(days=off)).isoformat(), ""


def r_weekend(ctx: Context, m: re.Match[str]) -> Result | None:
    rel = ctx.word(m.group("rel"))
    if ctx.dct is None:
        return "DATE", "XXXX-WXX-WE", ""
    if rel in ("the past", "the coming"):
        return "DURATION", "P2D", ""
    d = ctx.dct
    if rel in ("last", "this past"):
        d = d - dt.timedelta(days=7) if d.isoweekday() < 6 else d - dt.timedelta(days=7)
        if ctx.dct.isoweekday() < 6:
            d = ctx.dct - dt.timedelta(days=7)
    elif rel in ("next", "this coming"):
        d = d + dt.timedelta(days=7)
    elif rel == "the":
        if tense(ctx, m.start(), m.end()) != "future" and d.isoweekday() <= 3:
            d = d - dt.timedelta(days=7)
    return "DATE", f"{cal.fmt_week(d)}-WE", ""
