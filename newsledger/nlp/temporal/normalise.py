"""TIMEX3 normalisation: one function per grammar rule, anchored to the publication date.

Each rule gets the regex match and a ``Context`` (publication date, the date and quarter
mentioned last, the text) and returns ``(type, value, mod)`` or None to drop the match.
Relative expressions anchor to the publication date; anaphoric ones ("the next day",
"a year earlier", "the quarter") to the reference just mentioned, as news writing does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

from newsledger.nlp.temporal import calendar as cal
from newsledger.nlp.temporal.grammar import Grammar

Result = tuple[str, str, str]


@dataclass
class Context:
    grammar: Grammar
    text: str
    dct: dt.date | None
    ref: dt.date | None = None  # last fully specified date mentioned
    ref_pos: int = -1
    last_quarter: tuple[int, int] | None = None
    last_quarter_pos: int = -10**9
    years: list[tuple[int, int]] = field(default_factory=list)  # (pos, year) of explicit years

    @property
    def anchor(self) -> dt.date | None:
        return self.ref or self.dct


# --------------------------------------------------------------------------- helpers

def _low(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").lower().replace("’", "'")).strip()


def number(g: Grammar, s: str | None) -> str | None:
    """'twenty-four' -> '24', 'a few' -> 'X', '1,000' -> '1000'; None if unreadable."""
    if s is None:
        return None
    s = _low(s)
    vague = {str(k).lower(): str(v) for k, v in g.data["vague_quantities"].items()}
    if s in vague:
        return vague[s]
    t = s.replace(",", "")
    frac = re.fullmatch(r"(\d+)\s+1/2", t)
    if frac:
        return f"{frac.group(1)}.5"
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return t.rstrip("0").rstrip(".") if "." in t else str(int(t))
    scales = {str(k).lower(): int(v) for k, v in g.data.get("number_scales", {}).items()}
    total, cur = 0, 0
    for w in re.split(r"[\s-]+", s):
        if w in ("a", "and"):
            cur = cur or (1 if w == "a" else cur)
            continue
        if w in g.numbers:
            cur += g.numbers[w]
        elif w in scales:
            cur = max(cur, 1) * scales[w]
            if scales[w] >= 1000:
                total, cur = total + cur, 0
        else:
            return None
    return str(total + cur)


def ordinal(g: Grammar, s: str | None) -> int | None:
    if not s:
        return None
    s = _low(s)
    ords = {str(k).lower(): int(v) for k, v in g.data["ordinals"].items()}
    if s in ords:
        return ords[s]
    m = re.match(r"(\d+)", s)
    return int(m.group(1)) if m else None


def vocab(g: Grammar, key: str, s: str | None) -> object | None:
    if s is None:
        return None
    table = g.data[key]
    s2 = _low(s)
    if s2 in table:
        return table[s2]
    s3 = re.sub(r"\s+", " ", s2)
    return table.get(s3, table.get(s3.rstrip("-"), table.get(s3 + "-")))


def pmod(g: Grammar, s: str | None) -> str:
    return str(vocab(g, "point_mods", s) or "") if s else ""


def dmod(g: Grammar, s: str | None) -> str:
    return str(vocab(g, "duration_mods", s) or "") if s else ""


_MODAL_BEFORE = re.compile(
    r"\b(?:will|shall|should|must|'ll|to)\s+(?:not\s+)?(?:be\s+|get\s+|have\s+been\s+)?$", re.IGNORECASE)


def tense(ctx: Context, start: int, end: int) -> str:
    """'past', 'future' or '' from the nearest tense cue in the clause around a span."""
    text = ctx.text
    lo = max(0, start - 90)
    left = text[lo:start]
    cut = max(left.rfind(". "), left.rfind("\n"), left.rfind("? "), left.rfind('" '))
    if cut >= 0:
        lo = lo + cut + 1
    hi = min(len(text), end + 60)
    right = text[end:hi]
    rc = min([i for i in (right.find(". "), right.find("\n"), right.find("; ")) if i >= 0] or [len(right)])
    hi = end + rc
    best, best_d = "", 10**9
    for m in ctx.grammar.tense_re.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        d = start - m.end() if m.end() <= start else (m.start() - end) * 2.0
        if d < best_d:
            best, best_d = ("future" if m.group("fut") else "past"), d
            if best == "past" and _MODAL_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                best = "future"  # "should be completed", "will be held": the modal decides
    return best


def _unit_code(g: Grammar, s: str | None) -> str | None:
    return str(vocab(g, "units", s)) if s else None


# half of a unit, in the next smaller unit: "2 1/2 years" = P2Y6M
_HALF_UNITS = {"Y": ("6M", ""), "M": ("15D", ""), "D": ("12H", "T"), "TH": ("30M", ""), "TM": ("30S", "")}


def duration_value(n: str, unit: str) -> str:
    """P-form value for n units (n may be 'X' or a decimal)."""
    def mul(k: int) -> str:
        if n == "X":
            return "X"
        v = float(n) * k
        return str(int(v)) if v == int(v) else str(v)

    if unit == "DE":
        return f"P{mul(10)}Y" if n != "X" else "PXDE"
    if unit == "CE":
        return f"P{mul(100)}Y" if n != "X" else "PXCE"
    if unit == "WE":
        return f"P{mul(2)}D" if n != "X" else "PXWE"
    half = re.fullmatch(r"(\d+)\.5", n)
    if half and unit in _HALF_UNITS:
        whole, (small, prefix) = half.group(1), _HALF_UNITS[unit]
        if unit.startswith("T"):
            return f"PT{whole}{unit[1]}{small}"
        return f"P{whole}{unit}{prefix}{small}"
    if unit.startswith("T"):
        return f"PT{n}{unit[1]}"
    return f"P{n}{unit}"


def point_at(unit: str, d: dt.date) -> str:
    """The value of the calendar unit containing ``d``."""
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "M":
        return cal.fmt_month(d.year, d.month)
    if unit == "W":
        return cal.fmt_week(d)
    if unit == "Q":
        return f"{d.year:04d}-Q{cal.quarter_of(d)}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return d.isoformat()


def shift(unit: str, d: dt.date, n: int) -> dt.date:
    if unit == "Y":
        return cal.add_years_safe(d, n)
    if unit == "M":
        y, m = cal.add_months(d.year, d.month, n)
        return d.replace(year=y, month=m, day=min(d.day, 28))
    if unit == "Q":
        y, m = cal.add_months(d.year, d.month, 3 * n)
        return d.replace(year=y, month=m, day=min(d.day, 28))
    if unit == "W":
        return d + dt.timedelta(weeks=n)
    if unit == "DE":
        return cal.add_years_safe(d, 10 * n)
    if unit == "CE":
        return cal.add_years_safe(d, 100 * n)
    if unit == "WE":
        return d + dt.timedelta(weeks=n)
    return d + dt.timedelta(days=n)


def _gd(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _month_num(g: Grammar, m: re.Match[str]) -> int | None:
    v = vocab(g, "months", _gd(m, "month"))
    return int(v) if v is not None else None  # type: ignore[arg-type]


def _year_for_month(ctx: Context, month: int, day: int | None, m: re.Match[str]) -> int | None:
    """Year of an expression that names no year, chosen by the clause tense around the
    publication date."""
    if ctx.dct is None:
        return None
    return cal.pick_year(month, day, ctx.dct, tense(ctx, m.start(), m.end()))


# --------------------------------------------------------------------------- rules

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
    d = cal.valid_date(y, int(m.group("m")), int(m.group("d")))
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
    if year is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", mod
    d = cal.valid_date(year, month, day)
    return ("DATE", d.isoformat(), mod) if d else None


def r_month_year(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    month = _month_num(g, m)
    if month is None:
        return None
    if _gd(m, "y"):
        year = int(m.group("y"))
    elif ctx.dct is not None:
        year = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[_low(m.group("yrel"))]
    else:
        return "DATE", f"XXXX-{month:02d}", ""
    return "DATE", cal.fmt_month(year, month), pmod(g, _gd(m, "pmod"))


def r_month_rel(ctx: Context, m: re.Match[str]) -> Result | None:
    month = _month_num(ctx.grammar, m)
    if month is None:
        return None
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}", ""
    rel = _low(m.group("rel"))
    y = ctx.dct.year
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
    words = re.split(r"[\s-]+", _low(m.group("yw")))
    if words[:2] == ["two", "thousand"]:
        rest = number(g, " ".join(words[3:])) if len(words) > 3 else "0"
        return "DATE", f"{2000 + int(rest or 0):04d}", ""
    hi = g.numbers.get(words[0])
    rest = words[1:]
    if hi is None:
        return None
    if rest == ["hundred"]:
        return "DATE", f"{hi * 100:04d}", ""
    lo = number(g, " ".join(rest))
    return ("DATE", f"{hi * 100 + int(lo):04d}", "") if lo and lo.isdigit() else None


def r_year(ctx: Context, m: re.Match[str]) -> Result | None:
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
    else:
        tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
        v = f"19{tens[_low(m.group('decw'))]}"
    return "DATE", v, pmod(g, _gd(m, "pmod"))


def r_century(ctx: Context, m: re.Match[str]) -> Result | None:
    n = ordinal(ctx.grammar, m.group("cent"))
    if not n or n < 1 or n > 21:
        return None
    return "DATE", f"{n - 1:02d}", pmod(ctx.grammar, _gd(m, "pmod"))


def r_quarter(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    qrel = _low(_gd(m, "qrel")) or _low(_gd(m, "qrel2"))
    q = ordinal(g, _gd(m, "ord")) if _gd(m, "ord") else None
    if q is not None and not (q == -1 or 1 <= q <= 4):
        return None
    base = ctx.dct
    if base is None:
        return "DATE", f"XXXX-Q{q}" if q and q > 0 else "XXXX-QX", ""
    dq = cal.quarter_of(base)
    if q is None or q == -1:
        # "the quarter", "the latest quarter", "the last quarter", "the year-ago quarter"
        if qrel == "current":
            y, qq = base.year, dq
        elif ctx.last_quarter and q is None:
            y, qq = ctx.last_quarter
        else:
            y, qq = cal.shift_quarter(base.year, dq, -1)
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
        if q > dq and tense(ctx, m.start(), m.end()) == "past" and qrel not in ("this year's", "this", "current"):
            y -= 1
    return "DATE", f"{y:04d}-Q{q}", ""


def r_half(ctx: Context, m: re.Match[str]) -> Result | None:
    h = 1 if _low(m.group("half")) == "first" else 2
    if _gd(m, "y"):
        y = int(m.group("y"))
    elif ctx.dct is None:
        return "DATE", f"XXXX-H{h}", ""
    else:
        y = ctx.dct.year + {"last": -1, "next": 1}.get(_low(_gd(m, "hrel")), 0)
    return "DATE", f"{y:04d}-H{h}", ""


def r_season(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    s = str(vocab(g, "seasons", m.group("season")))
    rel = _low(_gd(m, "rel"))
    word = m.group("season")
    if not rel and not _gd(m, "y") and (word[:1].islower() or _low(word) == "fall"):
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
    if base is None:
        return None
    cur = base.isoweekday()
    if rel in ("last", "this past", "past"):
        back = (cur - wd) % 7 or 7
        return base - dt.timedelta(days=back)
    if rel in ("next", "this coming", "coming"):
        return base + dt.timedelta(days=(wd - cur) % 7 or 7)
    t = tense(ctx, m.start(), m.end())
    if t == "future":
        return base + dt.timedelta(days=(wd - cur) % 7)
    return base - dt.timedelta(days=(cur - wd) % 7)


def r_weekday(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    wd = int(vocab(g, "weekdays", m.group("wd")))  # type: ignore[arg-type]
    word = m.group("wd")
    if not word[:1].isupper():
        return None
    if "." in word and not _gd(m, "rel"):
        return None
    part = vocab(g, "parts_of_day", _gd(m, "part")) if _gd(m, "part") else None
    mod = pmod(g, _gd(m, "pm"))
    d = _weekday_date(ctx, wd, _low(_gd(m, "rel")), m)
    base = d.isoformat() if d else f"XXXX-WXX-{wd}"
    if part:
        return "TIME", f"{base}T{part}", mod
    return "DATE", base, mod


def r_weekday_set(ctx: Context, m: re.Match[str]) -> Result | None:
    wd = int(vocab(ctx.grammar, "weekdays", m.group("wpl")[:-1]))  # type: ignore[arg-type]
    part = vocab(ctx.grammar, "parts_of_day", _gd(m, "part")) if _gd(m, "part") else None
    return "SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), ""


def r_clock(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    named = _low(_gd(m, "named"))
    if named:
        hh, mi = (24 if named == "midnight" else 12), 0
    elif _gd(m, "h24"):
        hh, mi = int(m.group("h24")), int(m.group("mi"))
    else:
        hh, mi = int(m.group("hh")), int(m.group("mi") or 0)
        ap = _low(m.group("ap"))
        if hh > 12 or (ap == "o'clock" and hh == 0):
            return None
        if ap.startswith("p") and hh < 12:
            hh += 12
        elif ap.startswith("a") and hh == 12:
            hh = 0
    d: dt.date | None = ctx.dct
    if _gd(m, "month"):
        month, day = _month_num(g, m), ordinal(g, m.group("d"))
        year = int(m.group("y")) if _gd(m, "y") else (
            cal.pick_year(month, day, ctx.dct, tense(ctx, m.start(), m.end())) if ctx.dct and month and day else None)
        d = cal.valid_date(year, month, day) if year and month and day else None
    elif _gd(m, "wd"):
        wd = int(vocab(g, "weekdays", m.group("wd")))  # type: ignore[arg-type]
        d = _weekday_date(ctx, wd, "", m)
    elif _gd(m, "dw"):
        off = vocab(g, "day_words", m.group("dw"))
        d = ctx.dct + dt.timedelta(days=int(off)) if ctx.dct else None  # type: ignore[arg-type]
    elif ctx.ref is not None and m.start() - ctx.ref_pos < 600:
        d = ctx.ref
    day = d.isoformat() if d else "XXXX-XX-XX"
    mod = "APPROX" if _gd(m, "about") else ""
    zone = "Z" if _gd(m, "zone") else ""
    return "TIME", f"{day}T{hh:02d}:{mi:02d}{zone}", mod


def r_day_word(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    word = _low(m.group("dayword"))
    off = int(vocab(g, "day_words", word))  # type: ignore[arg-type]
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
    rel = _low(m.group("rel"))
    if rel in ("the", "that"):
        d = ctx.anchor
    elif ctx.dct is None:
        d = None
    else:
        off = {"last": -1 if part == "NI" or part == "EV" else -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
        d = ctx.dct + dt.timedelta(days=off)
    if rel == "the" and _low(m.group("part")) in ("night", "evening"):
        return None
    return "TIME", f"{d.isoformat() if d else 'XXXX-XX-XX'}T{part}", ""


def r_anaphoric_day(ctx: Context, m: re.Match[str]) -> Result | None:
    off = int(vocab(ctx.grammar, "anaphoric_days", m.group("anaphor")))  # type: ignore[arg-type]
    a = ctx.anchor
    if a is None:
        return "DATE", "XXXX-XX-XX", ""
    return "DATE", (a + dt.timedelta(days=off)).isoformat(), ""


def r_weekend(ctx: Context, m: re.Match[str]) -> Result | None:
    rel = _low(m.group("rel"))
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


def r_rel_unit(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    rel = _low(m.group("rel"))
    unit = _unit_code(g, m.group("unit"))
    pm = _low(_gd(m, "pm"))
    mod = pmod(g, pm) if pm else ""
    if unit is None:
        return None
    if rel in ("the past", "the coming", "the last", "the next") and not pm:
        return "DURATION", duration_value("1", unit), ""
    base = ctx.dct
    if rel in ("the previous", "the following", "the same", "the"):
        base = ctx.anchor
    if rel in ("the previous", "the following", "the same") and unit == "Y" and ctx.years \
            and m.start() - ctx.years[-1][0] < 200 and ctx.dct and ctx.years[-1][1] != ctx.dct.year:
        base = dt.date(ctx.years[-1][1], 7, 1)
    if base is None:
        return "DATE", {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX"}.get(unit, "XXXX"), mod
    off = vocab(g, "relative_words", rel)
    off = int(off) if off is not None else 0  # type: ignore[arg-type]
    return "DATE", point_at(unit, shift(unit, base, off)), mod


_DURATION_PREP = re.compile(r"\b(?:for|over|throughout|during|all)\s+$", re.IGNORECASE)


def r_anaphoric_unit(ctx: Context, m: re.Match[str]) -> Result | None:
    """'the year', 'that year', 'the week', 'this quarter': the period of the publication
    date (or of the year just mentioned for 'that'); after 'for/over/during' a duration."""
    g = ctx.grammar
    unit = _unit_code(g, m.group("unit"))
    det = _low(m.group("det"))
    if unit is None:
        return None
    if det == "this" and unit != "Q":
        return None  # "this year" etc. belong to the relative_unit rule
    before = ctx.text[max(0, m.start() - 15):m.start()]
    if det == "the" and _DURATION_PREP.search(before):
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
        return "DATE", point_at("Q", ctx.dct), ""
    if det == "that":
        if unit == "Y" and ctx.years:
            return "DATE", f"{ctx.years[-1][1]:04d}", ""
        return "DATE", point_at(unit, ctx.anchor or ctx.dct), ""
    return "DATE", point_at(unit, ctx.dct), ""


def r_year_end(ctx: Context, m: re.Match[str]) -> Result | None:
    """'year-end', 'this year's end': the year (of the publication date) with mod END."""
    if ctx.dct is None:
        return "DATE", "XXXX", "END"
    off = {"last": -1, "next": 1}.get(_low(_gd(m, "rel")), 0)
    return "DATE", f"{ctx.dct.year + off:04d}", "END"


def r_fiscal_year(ctx: Context, m: re.Match[str]) -> Result | None:
    rel = _low(m.group("rel"))
    if rel == "the":
        return "DURATION", "P1Y", ""
    if ctx.dct is None:
        return "DATE", "XXXX", ""
    off = {"last": -1, "the previous": -1, "next": 1, "the latest": -1}.get(rel, 0)
    return "DATE", f"{ctx.dct.year + off:04d}", ""


def r_year_ago_adj(ctx: Context, m: re.Match[str]) -> Result | None:
    ya = _low(m.group("ya"))
    yunit = _low(_gd(m, "yunit"))
    if ctx.dct is None:
        return "DATE", "XXXX", ""
    if ctx.last_quarter and yunit in ("", "quarter", "period", "level", "result", "results") \
            and m.start() - ctx.last_quarter_pos < 1500:
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
    direction = _low(m.group("dir"))
    sign = -1 if direction in ("ago", "earlier", "back", "before") else 1
    mod0 = dmod(g, _gd(m, "dmod"))
    mod = str(g.data["ago_mods"].get(mod0, "")) if mod0 else ""
    if "or so" in _low(m.group(0)):
        mod = "APPROX"
    anchored = direction in ("earlier", "later", "before", "after")
    base = (ctx.anchor if anchored else ctx.dct) or None
    if n == "X" or "." in n:
        if anchored:
            return "DURATION", duration_value(n, unit), mod
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod
    if base is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod
    k = int(n) * sign
    if unit == "Y" and ctx.last_quarter and m.start() - ctx.last_quarter_pos < 1500:
        y, q = ctx.last_quarter
        return "DATE", f"{y + k:04d}-Q{q}", mod
    if unit.startswith("T"):
        if unit == "TH" and abs(k) < 24 and ctx.dct is not None:
            return "DATE", ctx.dct.isoformat(), mod
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod
    if unit == "WE":
        return None
    if unit == "W":  # "a week ago", "two weeks ago": the day, as news timelines use it
        return "DATE", shift(unit, base, k).isoformat(), mod
    return "DATE", point_at(unit, shift(unit, base, k)), mod


_UNIT_SKIP_WITH_A = {"TS", "Q"}


def r_duration(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    unit = _unit_code(g, m.group("unit"))
    if unit is None:
        return None
    raw_num = _gd(m, "num")
    rel = _low(_gd(m, "rel"))
    unit_word = _low(m.group("unit"))
    if raw_num is None:
        if rel in ("first", "final", "following", "latest", "remaining", "previous"):
            return None
        n = "X" if unit_word.endswith("s") and unit_word not in ("hours",) or unit_word in ("hours", "days", "years", "months", "weeks", "decades") else "1"
        if unit_word.endswith("s"):
            n = "X"
    else:
        if _low(raw_num) in ("a", "an", "one") and unit in _UNIT_SKIP_WITH_A:
            return None
        n = number(g, raw_num)
        if n is None:
            return None
    if _gd(m, "half") or _gd(m, "half2"):
        n = str(float(n) + 0.5) if n != "X" else n
        if n.endswith(".0"):
            n = n[:-2]
    if n not in ("X",) and raw_num and re.fullmatch(r"\d{4}", raw_num.replace(",", "")):
        return None
    return "DURATION", duration_value(n, unit), dmod(g, _gd(m, "dmod"))


def r_bare_plural(ctx: Context, m: re.Match[str]) -> Result | None:
    unit = _unit_code(ctx.grammar, m.group("bare"))
    if unit is None:
        return None
    return "DURATION", duration_value("X", unit), ""


def r_set_every(ctx: Context, m: re.Match[str]) -> Result | None:
    g = ctx.grammar
    k = 2 if _low(_gd(m, "other")) == "other" else 1
    if _gd(m, "wd"):
        wd = int(vocab(g, "weekdays", m.group("wd")))  # type: ignore[arg-type]
        return "SET", f"XXXX-WXX-{wd}", ""
    if _gd(m, "part"):
        return "SET", f"T{vocab(g, 'parts_of_day', m.group('part'))}", ""
    unit = _unit_code(g, m.group("unit"))
    if unit is None:
        return None
    return "SET", duration_value(str(k), unit), ""


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

    cands = [d for d in (on(y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)) if d]
    if t == "past":
        pick = max((d for d in cands if d <= ctx.dct + dt.timedelta(days=7)), default=None)
    elif t == "future":
        pick = min((d for d in cands if d >= ctx.dct - dt.timedelta(days=7)), default=None)
    else:
        pick = min(cands, key=lambda d: abs((d - ctx.dct).days)) if cands else None
    return ("DATE", pick.isoformat(), "") if pick else None


def r_fixed(ctx: Context, m: re.Match[str]) -> Result | None:
    spec = vocab(ctx.grammar, "fixed_words", m.group("fixed"))
    if not spec or not isinstance(spec, list):
        return None
    typ, value = str(spec[0]), str(spec[1])
    if typ == "TIME" and value.startswith("T") and ctx.dct is not None:
        value = ctx.dct.isoformat() + value
    return typ, value, ""


RULES: dict[str, Callable[[Context, re.Match[str]], Result | None]] = {
    "iso_date": r_iso_date, "slash_date": r_slash_date, "month_day": r_month_day,
    "month_year": r_month_year, "month_rel": r_month_rel, "month": r_month,
    "year_words": r_year_words, "year": r_year, "decade": r_decade, "century": r_century,
    "quarter": r_quarter, "half": r_half, "season": r_season, "weekday": r_weekday,
    "weekday_set": r_weekday_set, "clock": r_clock, "day_word": r_day_word,
    "part_of_day": r_part_of_day, "anaphoric_day": r_anaphoric_day, "weekend": r_weekend,
    "rel_unit": r_rel_unit, "anaphoric_unit": r_anaphoric_unit, "year_end": r_year_end, "fiscal_year": r_fiscal_year, "year_ago_adj": r_year_ago_adj,
    "ago": r_ago, "duration": r_duration, "bare_plural": r_bare_plural,
    "set_every": r_set_every, "set_times": r_set_times, "holiday": r_holiday, "fixed": r_fixed,
}
