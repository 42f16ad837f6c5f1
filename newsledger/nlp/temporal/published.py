"""Publication-date inference for articles that come without one.

Evidence, strongest first:

1. a publication/update stamp: a full date right after "Published", "Last updated",
   "Posted on" ... opening its line or after "|" (the earliest such stamp);
2. a timestamp: a full date printed with a clock time ("Fri Jun 25, 2010 6:10am EDT",
   "10:35 UK time, Monday, 18 January 2010") - the earliest within six days of the
   latest, so that later reader comments do not win;
3. a dateline: a full date (with year) in the first lines of the text
   ("BRUSSELS, March 18, 2023 (AFP) -", "2023-03-18", "18 March 2023"), unless it heads
   a photo caption ("June 3, 2010: ...") or the text goes on to report years well after
   it (then it is history, not a dateline);
4. the latest date written with digits that the text reports in the past (dates in a
   future clause - "will meet on", "until", "deadline" - are plans, not events), moved to
   the first weekday the text names within six days;
5. a month-day (dateline first - its year chosen by the weekdays named - else the
   latest) with the latest year reported;
6. the latest month with a year - month precision only.

No clock is read: the same text gives the same answer on any day. Returns
``(iso_date, evidence, confidence)``; confidences are the share of guesses of that kind
that were within one day on real news articles (see ``docs/temporal.md``). The cue
words live in ``data/published.<lang>.yaml``; a language without that file uses the
language-neutral evidence only (stamps, timestamps with month abbreviations and
future clauses are skipped).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsledger.datafiles import data_path, load_data
from newsledger.nlp.temporal.tagger import RawTimex, tag

DATELINE_CHARS = 160
_FULL = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_MONTH_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?\n]")
# what follows a date in a wire dateline: "(AFP) -", " - ", " -- ", "/Reuters/ -"
_DATELINE_TAIL = re.compile(
    r"^\s*(?:\([^)\n]{1,30}\)|/[^/\n]{1,30}/)?\s*(?:-{1,2}|\u2013|\u2014)\s"
)
# a date opening a line and followed by a colon heads a photo caption ("June 3, 2010: A
# boat ..."): the day the picture was taken, not a dateline
_CAPTION_TAIL = re.compile(r"^\s*:")
_YEAR_SPAN = 3  # years after the latest one mentioned a year-less dateline may fall in
_WEEKDAY_LAG = 6  # a weekday named in a report is at most six days before publication

# Confidences: the share of guesses of each kind within one day of the real date on
# Timeline17 news articles (half "a"; checked on half "b"), rounded.
CONF = {
    "stamp": 0.6,
    "timestamp": 0.9,
    "dateline": 0.8,
    "dateline_shaped": 0.85,
    "latest_weekday": 0.6,
    "latest": 0.25,
    "latest_old": 0.3,
    "dateline_md": 0.05,
    "month_day": 0.01,
    "month": 0.01,
}


@dataclass(frozen=True, slots=True)
class Cues:
    """Language-specific cue words (empty for a language without a data file)."""

    dateline_chars: int
    stamp: re.Pattern[str] | None
    future: re.Pattern[str] | None
    future_window: int
    timestamp: re.Pattern[str] | None = None
    months: tuple[tuple[str, int], ...] = ()


def _words(items: list[Any]) -> str:
    alts = sorted((re.escape(str(w)).replace(r"\ ", r"\s+") for w in items), key=len, reverse=True)
    return "|".join(alts)


@lru_cache(maxsize=8)
def load_cues(lang: str) -> Cues:
    """The cue words of ``lang`` from ``data/published.<lang>.yaml`` (empty if absent)."""
    path = data_path("temporal", f"published.{lang}.yaml")
    if not path.is_file():
        return Cues(DATELINE_CHARS, None, None, 0)
    d = load_data(path, required=("stamp_cues", "future_cues"))
    stamp = re.compile(rf"\b(?:{_words(d['stamp_cues'])})\s*(?:(?:on|at)\b)?\s*[:|,\-]?\s*$", re.I)
    future = re.compile(rf"\b(?:{_words(d['future_cues'])})\b", re.I)
    months = {str(k).lower(): int(v) for k, v in (d.get("timestamp_months") or {}).items()}
    timestamp = None
    if months:
        timestamp = re.compile(
            rf"\b({_words(list(months))})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})[\s,;]+(?:at\s+)?\d{{1,2}}[:.]\d\d",
            re.I,
        )
    return Cues(
        int(d.get("dateline_chars", DATELINE_CHARS)),
        stamp,
        future,
        int(d.get("future_window", 40)),
        timestamp,
        tuple(months.items()),
    )


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _before(text: str, start: int, width: int) -> str:
    """Up to ``width`` characters before ``start``, cut at the last sentence end."""
    left = text[max(0, start - width) : start]
    parts = _SENTENCE_END.split(left)
    return parts[-1] if parts else left


def _after(text: str, f: tuple[dt.date, str, int]) -> str:
    """The rest of the line after a found date (up to 40 characters)."""
    end = f[2] + len(f[1])
    return text[end : end + 40].split("\n", 1)[0]


def _is_future(text: str, t: RawTimex, cues: Cues) -> bool:
    return bool(cues.future and cues.future.search(_before(text, t.start, cues.future_window)))


_CLOCK = r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:[A-Z]{2,4}|UK time|local time))?"
_CLOCK_BEFORE = re.compile(rf"{_CLOCK}[\s,;|]*(?:[A-Z][a-z]+day,?\s*|[A-Z][a-z]{{2}},?\s+)?$")
_CLOCK_AFTER = re.compile(rf"^[\s,;|]*(?:at\s+)?{_CLOCK}")
_WEEKDAY_PREFIX = re.compile(r"(?:[A-Z][a-z]+day,?\s*|[A-Z][a-z]{2},?\s+)$")


def _line_left(text: str, start: int) -> str:
    return text[max(0, start - 80) : start].rsplit("\n", 1)[-1]


def _is_stamp(text: str, t: RawTimex, cues: Cues) -> bool:
    """A full date after a publication/update cue that opens its line or follows "|"."""
    if cues.stamp is None:
        return False
    left = _line_left(text, t.start)
    left = _CLOCK_BEFORE.sub("", left)
    left = _WEEKDAY_PREFIX.sub("", left)
    m = cues.stamp.search(left)
    if m is None:
        return False
    lead = left[: m.start()].rstrip()
    return lead == "" or lead.endswith("|") or not re.search(r"[a-z]", lead)


def _has_clock(text: str, t: RawTimex) -> bool:
    """A full date printed with a clock time on its line: a page or wire timestamp
    ("Fri May 21, 2010 9:03 am EDT", "10:35 UK time, Monday, 18 January 2010")."""
    right = text[t.end : t.end + 30].split("\n", 1)[0]
    return bool(_CLOCK_AFTER.match(right) or _CLOCK_BEFORE.search(_line_left(text, t.start)))


def _shift_to_mentions(anchor: dt.date, weekdays: set[int]) -> tuple[dt.date, str]:
    """The publication day implied by a latest reported date and the text's relative days.

    A past-tense report naming weekdays is written on or shortly after the latest named
    day: if the anchor date is itself one of the named weekdays, the report is of that
    day ("said on Tuesday" with Tuesday the latest date); otherwise the first named
    weekday after the anchor (within a week) is the latest reported day. (Moving one more
    day for "yesterday" was measured on news articles and made results worse.)
    """
    if not weekdays:
        return anchor, ""
    for lag in range(_WEEKDAY_LAG + 1):
        day = anchor + dt.timedelta(days=lag)
        if day.isoweekday() in weekdays:
            return day, "weekday"
    return anchor, ""


def _dateline_year(
    latest_year: int, month: int, day: int, weekdays: set[int]
) -> tuple[dt.date | None, str]:
    """The year of a year-less dateline: the latest year mentioned, or - when the report
    names weekdays - the first year from it (up to ``_YEAR_SPAN`` on) in which the
    dateline day falls on a named weekday (a wire story names its own day, "on Monday")."""
    if weekdays:
        for y in range(latest_year, latest_year + _YEAR_SPAN + 1):
            d = _date(y, month, day)
            if d is not None and d.isoweekday() in weekdays:
                how = "its weekday" if y != latest_year else "the latest year mentioned"
                return d, f"{how} ({y})"
    return _date(latest_year, month, day), f"the latest year mentioned ({latest_year})"


def _abbreviated_timestamps(text: str, cues: Cues) -> list[tuple[dt.date, str]]:
    """Wire timestamps with abbreviated month names ("Fri Jun 25, 2010 6:10am EDT")."""
    if cues.timestamp is None:
        return []
    months = dict(cues.months)
    out = []
    for m in cues.timestamp.finditer(text):
        d = _date(int(m.group(3)), months[m.group(1).lower()], int(m.group(2)))
        if d is not None:
            out.append((d, m.group(0)))
    return out


def infer(text: str, lang: str = "en") -> tuple[str, str, float] | None:
    """``(iso_date, evidence, confidence)`` or None when the text names no usable date."""
    return infer_from_timexes(text, tag(text, None, lang), lang)


def infer_from_timexes(
    text: str, timexes: list[RawTimex], lang: str = "en"
) -> tuple[str, str, float] | None:
    """:func:`infer` on time expressions already tagged with no publication date."""
    cues = load_cues(lang)
    head_chars = cues.dateline_chars
    full: list[tuple[dt.date, str, int]] = []
    stamps: list[tuple[dt.date, str]] = []
    clocked: list[tuple[dt.date, str]] = []
    month_days: list[tuple[int, int, str, int]] = []
    months: list[tuple[int, int, str]] = []
    years: list[int] = []
    weekdays: set[int] = set()
    for t in timexes:
        if t.type not in ("DATE", "TIME"):
            continue
        v = t.value
        future = _is_future(text, t, cues)
        wd = _WEEKDAY.match(v)
        if wd:
            if not future:
                weekdays.add(int(wd.group(1)))
            continue
        fm = _FULL.match(v)
        if fm:
            d = _date(int(fm.group(1)), int(fm.group(2)), int(fm.group(3)))
            if d is None or not _DIGIT.search(t.text):
                # "the afternoon", "the next day": resolved from another date, not evidence
                continue
            if t.type == "DATE" and _is_stamp(text, t, cues):
                stamps.append((d, t.text))
            elif t.type == "DATE" and _has_clock(text, t):
                clocked.append((d, t.text))
            if not future:
                full.append((d, t.text, t.start))
                years.append(d.year)
            continue
        if future:
            continue
        md = _MONTH_DAY.match(v)
        if md:
            month_days.append((int(md.group(1)), int(md.group(2)), t.text, t.start))
            continue
        ym = _YEAR_MONTH.match(v)
        if ym:
            months.append((int(ym.group(1)), int(ym.group(2)), t.text))
            years.append(int(ym.group(1)))
            continue
        yy = _YEAR.match(v)
        if yy:
            years.append(int(yy.group(1)))
    if stamps:
        d, txt = min(stamps)
        return d.isoformat(), f"publication stamp '{txt}'", CONF["stamp"]
    clocked.extend(_abbreviated_timestamps(text, cues))
    if clocked:
        # the earliest of the recent timestamps: the story's own, before its comments
        last = max(clocked)[0]
        d, txt = min(c for c in clocked if (last - c[0]).days <= _WEEKDAY_LAG)
        return d.isoformat(), f"timestamp '{txt}'", CONF["timestamp"]
    latest_year = max(years) if years else None
    head = [f for f in full if f[2] < head_chars and not _CAPTION_TAIL.match(_after(text, f))]
    if head:
        d, txt, _ = head[0]
        if latest_year is None or latest_year <= d.year + 1:
            shaped = bool(_DATELINE_TAIL.match(_after(text, head[0])))
            conf = CONF["dateline_shaped"] if shaped else CONF["dateline"]
            return d.isoformat(), f"dateline date '{txt}'", conf
    if full:
        d, txt, _ = max(full, key=lambda f: f[0])
        if latest_year is not None and latest_year > d.year + 1:
            # the latest full date is history; the text reports later years without days
            return (
                d.isoformat(),
                f"latest explicit date in the text '{txt}' (older than years mentioned)",
                CONF["latest_old"],
            )
        p, how = _shift_to_mentions(d, weekdays)
        if how:
            return (
                p.isoformat(),
                f"latest explicit date in the text '{txt}' moved to the {how} mentioned",
                CONF["latest_weekday"],
            )
        return p.isoformat(), f"latest explicit date in the text '{txt}'", CONF["latest"]
    if month_days and latest_year is not None:
        y = latest_year
        dl = [md for md in month_days if md[3] < head_chars]
        if dl:
            m, d_, txt, _ = dl[0]
            d, how = _dateline_year(y, m, d_, weekdays)
            if d:
                return d.isoformat(), f"dateline '{txt}' with {how}", CONF["dateline_md"]
        cands = [(d, txt) for m, d_, txt, _ in month_days if (d := _date(y, m, d_)) is not None]
        if cands:
            d, txt = max(cands, key=lambda c: c[0])
            return (
                d.isoformat(),
                f"latest month-day '{txt}' with the latest year mentioned ({y})",
                CONF["month_day"],
            )
    if months:
        y, m, txt = max(months)
        return (
            f"{y:04d}-{m:02d}-15",
            f"latest month mentioned '{txt}' (month precision)",
            CONF["month"],
        )
    return None
