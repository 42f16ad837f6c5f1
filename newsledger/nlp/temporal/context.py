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
    ref_end: int = -1
    last_quarter: tuple[int, int] | None = None
    last_quarter_pos: int = -(10**9)
    # start of the last span of several months named ("for the nine months"): a year-ago
    # comparison after it is with the year before, which TIMEX3 can only write as a year
    months_span_pos: int = -(10**9)
    years: list[tuple[int, int]] = field(default_factory=list)  # (pos, year) of explicit years
    months: list[tuple[int, int, int]] = field(default_factory=list)  # (pos, year, month) named
    month_only_pos: int = -(10**9)  # end of the last month named without a day ("in February")
    # (start, end, date) of the last weekday resolved in a past clause ("said on Monday")
    past_day: tuple[int, int, dt.date] | None = None

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
    """'past', 'future' or '' from the nearest tense cue in the clause around a span
    (see ``tense_cue``)."""
    return tense_cue(ctx, start, end)[0]


def tense_cue(ctx: Context, start: int, end: int) -> tuple[str, bool]:
    """The clause tense around a span, and whether it is firm: decided by the verb the
    span directly depends on, one preposition before it ("signed in August", "took
    effect on July 1"; ``context_words.adjunct_prepositions``), not by a cue further off.

    A cue after the span counts double its distance, and not at all in two cases where
    it cannot be the verb the span depends on, provided a cue precedes the span (the
    span then follows its verb, as a time adverbial mostly does in news): an infinitive
    ("agreed on Monday *to meet* again": the infinitive depends on "agreed") and a cue
    beyond a clause boundary after the span ("arrived on Tuesday *and is due* to leave",
    "which took effect on Saturday, *is due* to expire"; ``context_words.
    clause_boundaries``). A span before its verb ("Kosovo Serbs on Sunday began",
    "On Thursday, the two sides will meet") still takes the verb after it, and so does a
    span that opens a clause of its own after its cue ("said that on Friday they would
    sign"). A reporting frame set off by commas ("On Friday, he said, they would") is
    passed over; so are the cues after a span that labels what follows ("2 June: the
    government begins an inquiry", a timeline entry in headline present).
    """
    text = ctx.text
    g = ctx.grammar
    lo, hi = _clause_window(text, start, end)
    skip = _parentheticals(g, text, end, hi)
    left: tuple[float, str, int] | None = None  # distance, tense, end of the cue
    right: list[tuple[float, str, int, bool]] = []  # distance, tense, position, infinitive
    label = g.label_after is not None and g.label_after.match(text, end)
    for m in g.tense_re.finditer(text, lo, hi):
        if start <= m.start() < end or any(a <= m.start() < b for a, b in skip):
            continue
        if label and m.start() >= end:
            continue  # "2 June: government begins inquiry": a timeline label, headline tense
        if m.group("pres"):  # "if the deal is signed on Friday": present, no past cue
            inner = g.tense_re.match(text, m.start("part"))
            if not (inner and inner.group("fut")):
                continue
            m = inner  # "is scheduled", "are expected to"
        t = _cue_tense(g, text, m)
        if m.end() <= start:
            d = float(start - m.end())
            if left is None or d < left[0]:
                left = (d, t, m.end())
        else:
            inf = bool(g.infinitive_cue is not None and g.infinitive_cue.match(m.group(0)))
            right.append(((m.start() - end) * 2.0, t, m.start(), inf))
    if left is not None and right:
        right = [r for r in right if not r[3]]
        bound = hi
        if g.clause_end is not None:
            b = g.clause_end.search(text, end, hi)
            bound = b.start() if b else hi
        own = [r for r in right if r[2] < bound]
        # "and" before the span may join nouns ("the concrete and steel box over the site on
        # Thursday"): only a clause boundary proper separates it from the verb before
        if g.clause_boundary is None or not g.clause_boundary.search(text, left[2], start):
            right = own  # the span follows its verb: later clauses are not its own
        elif own:  # "said that on Friday the two sides would sign": the verb of its clause
            left, right = None, own
    elif right and g.complement_after is not None and g.complement_after.match(text, end):
        # no verb before the span: the first cue after it decides ("Kosovo Serbs on Sunday
        # began"), but not one in a complement clause that opens right after the span
        # ("Mubarak's announcement Tuesday that he will hand over power")
        right = []
    best, best_d = (left[1], left[0]) if left is not None else ("", float(10**9))
    firm = bool(
        left is not None
        and g.adjunct_gap is not None
        and g.adjunct_gap.fullmatch(text, left[2], start)
    )
    for d, t, _, _ in right:
        if d < best_d and not firm:  # "those arrested on Saturday will be charged"
            best, best_d = t, d
    if left is None and _fronted(g, text, start, end):
        main = _main_clause_cue(g, text, end)
        if main is not None:
            best, firm = main, True
    pp = g.past_perfect
    if best == "future" and pp is not None and pp.search(text, lo, hi):
        best, firm = "past", False  # "had been scheduled to expire Friday"
    return best, firm


def _fronted(g: Grammar, text: str, start: int, end: int) -> bool:
    """A time expression that opens its sentence and is set off by a comma ("In January,
    the company ...", "On Friday, ..."): a fronted adverbial of the main clause."""
    if g.fronted_before is None or not text.startswith(",", end):
        return False
    seg = text[max(0, start - 40) : start]
    if start <= 40:
        seg = "\n" + seg
    return g.fronted_before.search(seg) is not None


# a full stop after "vs", an initial or a short capitalised abbreviation ("Ala.", "Mr.")
# does not end the sentence
_SENTENCE_END = re.compile(
    r"(?<!\bvs)(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?][\"'’”)]*\s|\n"
)


def _main_clause_cue(g: Grammar, text: str, end: int) -> str | None:
    """The tense of the main clause after a fronted time expression, a firm one: its first
    cue before the sentence ends, however far ("In January, a week after the anniversary
    of the ruling, a bombing killed ..."), skipping reporting frames set off by commas;
    None when a word that opens a subordinate clause ("when", "which", "that" ...) comes
    before that cue (the commas of an apposition do not count): the cue is then no verb
    of the clause the expression opens ("On Sunday evening, reports emerge that ... could
    total")."""
    se = _SENTENCE_END.search(text, end, min(len(text), end + 300))
    hi = se.start() if se else min(len(text), end + 300)
    q = [i for i in _quote_marks(text[end:hi]) if i >= 0]
    if q:
        hi = end + min(q)
    skip = _parentheticals(g, text, end, hi)
    for m in g.tense_re.finditer(text, end, hi):
        if any(a <= m.start() < b for a, b in skip):
            continue
        if m.group("pres"):
            inner = g.tense_re.match(text, m.start("part"))
            if not (inner and inner.group("fut")):
                continue
            m = inner
        gap = text[end + 1 : m.start()]
        direct = g.clause_boundary is None or not any(
            b.group(0)[:1].isalpha() for b in g.clause_boundary.finditer(gap)
        )
        return _cue_tense(g, text, m) if direct else None
    return None


def _parentheticals(g: Grammar, text: str, end: int, hi: int) -> list[tuple[int, int]]:
    """Spans of reporting frames set off by commas after a span ("On Friday, he said, the
    two sides would sign"): their verb is not the one the span depends on."""
    if g.parenthetical_report is None:
        return []
    return [m.span() for m in g.parenthetical_report.finditer(text, end, hi)]


def _clause_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of text whose cues may decide a span's tense: back to the sentence
    start (at most 90 characters), on to a sentence end, semicolon or quotation mark."""
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
    return lo, end + rc


def _cue_tense(g: Grammar, text: str, m: re.Match[str]) -> str:
    """The tense one cue signals: a future cue right after an implicative past verb is
    past ("refused to meet", "failed to resume"); a past form right after a modal is
    future ("should be completed", "could be deployed") unless the modal is a past one
    under negation ("could not be reached", "neither of them could be located")."""
    if m.group("fut"):
        pm = g.perfect_after_modal
        if pm is not None and pm.match(text, m.end()) and _low(m.group(0)) in g.past_perfect_modals:
            return "past"  # "you would have seen it on Friday": a perfect looks back
        pg = g.past_governor_before
        if (
            pg is not None
            and g.infinitive_cue is not None
            and g.infinitive_cue.match(m.group(0))
            and pg.search(text, max(0, m.start() - 30), m.start())
        ):
            return "past"  # "failed to meet": the attempt has been made ("tried as soon as" not)
        return "future"
    mb = g.modal_before
    mm = mb.search(text, max(0, m.start() - 30), m.start()) if mb is not None else None
    if mm is None:
        return "past"
    if (
        g.negation is not None
        and re.sub(r"\s+", " ", mm.group("modal").lower()) in g.past_when_negated
        and g.negation.search(text, max(0, mm.start() - 40), m.start())
    ):
        return "past"
    return "future"


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
    t, firm = tense_cue(ctx, m.start(), m.end())
    g = ctx.grammar
    lo, hi = _clause_window(ctx.text, m.start(), m.end())
    if (
        g.deadline_before is not None
        and g.deadline_before.search(ctx.text, max(0, m.start() - 20), m.start())
        and not (
            g.past_perfect
            and g.past_perfect.search(ctx.text, max(lo, m.start() - 40), min(hi, m.end() + 40))
        )
    ):  # "pay down the loan by February": a deadline lies ahead ("by May it had fallen" not)
        t, firm = "future", False
    # the verb the date directly depends on ("signed in August", "took effect on July 1")
    # is sure of its tense; a cue further off is weaker evidence
    return cal.pick_year(month, day, ctx.dct, t, firm=firm)
