"""Shared machinery of the normalisers: the ``Context`` of a document, vocabulary look-ups,
number reading, clause tense, and TIMEX3 value arithmetic (language-neutral)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

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
    last_quarter_pos: int = -(10**9)
    # start of the last span of several months named ("for the nine months"): a year-ago
    # comparison after it is with the year before, which TIMEX3 can only write as a year
    months_span_pos: int = -(10**9)
    years: list[tuple[int, int]] = field(default_factory=list)  # (pos, year) of explicit years
    months: list[tuple[int, int, int]] = field(default_factory=list)  # (pos, year, month) named
    month_only_pos: int = -(10**9)  # end of the last month named without a day ("in February")

    @property
    def anchor(self) -> dt.date | None:
        return self.ref or self.dct

    def word(self, s: str | None) -> str:
        """A captured word, lower-cased and mapped to its canonical (English) key through
        the grammar's ``canonical_words`` ("dernier" -> "last"), which is what the rules
        compare with: a new language maps its words instead of changing code."""
        low = _low(s)
        return self.grammar.canonical.get(low, low)


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


def vocab(g: Grammar, key: str, s: str | None) -> Any:
    """The value of a word in the vocabulary table ``key``; the word may be given as
    captured ("Dec.", "mid-") or as its canonical key (see ``Context.word``)."""
    if s is None:
        return None
    table = g.data[key]
    w = _low(s)
    for cand in (w, w.rstrip("-"), w + "-"):
        if cand in table:
            return table[cand]
    if g.canonical:  # a canonical key: find the language's word that maps to it
        for k, v in table.items():
            if g.canonical.get(str(k).lower()) == w:
                return v
    return None


def pmod(g: Grammar, s: str | None) -> str:
    return str(vocab(g, "point_mods", s) or "") if s else ""


def dmod(g: Grammar, s: str | None) -> str:
    return str(vocab(g, "duration_mods", s) or "") if s else ""


def tense(ctx: Context, start: int, end: int) -> str:
    """'past', 'future' or '' from the nearest tense cue in the clause around a span."""
    text = ctx.text
    lo = max(0, start - 90)
    left = text[lo:start]
    cut = max(left.rfind(". "), left.rfind("\n"), left.rfind("? "), left.rfind('" '))
    if cut >= 0:
        lo = lo + cut + 1
    hi = min(len(text), end + 90)
    right = text[end:hi]
    # a quotation mark ends the clause: in '... leave at 4 a.m. Thursday," he said' the
    # reporting verb after the quote says nothing about the quoted clause's tense
    rc = min(
        [
            i
            for i in (right.find(". "), right.find("\n"), right.find("; "), *_quote_marks(right))
            if i >= 0
        ]
        or [len(right)]
    )
    hi = end + rc
    best, best_d = "", float(10**9)
    for m in ctx.grammar.tense_re.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        d = start - m.end() if m.end() <= start else (m.start() - end) * 2.0
        if d < best_d:
            best, best_d = ("future" if m.group("fut") else "past"), d
            mb = ctx.grammar.modal_before
            if (
                best == "past"
                and mb is not None
                and mb.search(text, max(0, m.start() - 30), m.start())
            ):
                best = "future"  # "should be completed", "will be held": the modal decides
    pp = ctx.grammar.past_perfect
    if best == "future" and pp is not None and pp.search(text, lo, hi):
        best = "past"  # "had been scheduled to expire Friday", "until Thursday they had not"
    return best


def _quote_marks(s: str) -> tuple[int, ...]:
    """Positions of the first straight, doubled-apostrophe and curly quotation marks."""
    return (s.find('"'), s.find("''"), s.find("\u201d"), s.find("\u201c"))


def _unit_code(g: Grammar, s: str | None) -> str | None:
    return str(vocab(g, "units", s)) if s else None


# half of a unit, in the next smaller unit: "2 1/2 years" = P2Y6M
_HALF_UNITS = {
    "Y": ("6M", ""),
    "M": ("15D", ""),
    "D": ("12H", "T"),
    "TH": ("30M", ""),
    "TM": ("30S", ""),
}


def duration_value(n: str, unit: str) -> str:
    """P-form value for n units (n may be 'X' or a decimal)."""

    def mul(k: int) -> str:
        if n == "X":
            return "X"
        v = float(n) * k
        return str(int(v)) if v == int(v) else str(v)

    if unit == "DE":
        return f"P{mul(10)}Y" if n != "X" else "PXE"  # TimeBank: E = decade
    if unit == "CE":
        return f"P{mul(100)}Y" if n != "X" else "PXC"  # C = century
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
    t = tense(ctx, m.start(), m.end())
    g = ctx.grammar
    if (
        g.deadline_before is not None
        and g.deadline_before.search(ctx.text, max(0, m.start() - 20), m.start())
        and not (
            g.past_perfect and g.past_perfect.search(ctx.text, max(0, m.start() - 40), m.end() + 40)
        )
    ):  # "pay down the loan by February": a deadline lies ahead ("by May it had fallen" not)
        t = "future"
    return cal.pick_year(month, day, ctx.dct, t)
