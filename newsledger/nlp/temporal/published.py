"""Publication-date inference for articles that come without one.

Evidence, strongest first:

1. a dateline: a full date (with year) in the first lines of the text
   ("BRUSSELS, March 18, 2023 (AFP) -", "2023-03-18", "18 March 2023");
2. the latest fully specified date the text mentions (news reports events up to the
   day they are published), or the latest month-day combined with the latest year;
3. the latest month with a year ("in March 2023") - month precision only.

Returns ``(iso_date, evidence, confidence)``. Language-neutral: it reads the values the
temporal grammar of ``lang`` produces with no publication date to anchor them.
"""

from __future__ import annotations

import datetime as dt
import re

from newsledger.nlp.temporal.tagger import tag

DATELINE_CHARS = 160
_FULL = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_MONTH_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^(\d{4})$")


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def infer(text: str, lang: str = "en") -> tuple[str, str, float] | None:
    """``(iso_date, evidence, confidence)`` or None when the text names no usable date."""
    timexes = tag(text, None, lang)
    today = dt.date.today()
    full: list[tuple[dt.date, str, int]] = []
    month_days: list[tuple[int, int, str, int]] = []
    months: list[tuple[int, int, str]] = []
    years: list[int] = []
    for t in timexes:
        if t.type not in ("DATE", "TIME"):
            continue
        v = t.value
        fm = _FULL.match(v)
        if fm:
            d = _date(int(fm.group(1)), int(fm.group(2)), int(fm.group(3)))
            if d and d <= today:
                full.append((d, t.text, t.start))
                years.append(d.year)
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
        if yy and int(yy.group(1)) <= today.year:
            years.append(int(yy.group(1)))
    head = [f for f in full if f[2] < DATELINE_CHARS]
    if head:
        d, txt, _ = head[0]
        return d.isoformat(), f"dateline date '{txt}'", 0.85
    if full:
        d, txt, _ = max(full, key=lambda f: f[0])
        return d.isoformat(), f"latest explicit date in the text '{txt}'", 0.3
    if month_days and years:
        y = max(years)
        dl = [md for md in month_days if md[3] < DATELINE_CHARS]
        if dl:
            m, d_, txt, _ = dl[0]
            d = _date(y, m, d_)
            if d:
                return d.isoformat(), f"dateline '{txt}' with the latest year mentioned ({y})", 0.3
        cands = [(d, txt) for m, d_, txt, _ in month_days if (d := _date(y, m, d_)) is not None]
        if cands:
            d, txt = max(cands, key=lambda c: c[0])
            return (
                d.isoformat(),
                f"latest month-day '{txt}' with the latest year mentioned ({y})",
                0.15,
            )
    if months:
        y, m, txt = max(months)
        return f"{y:04d}-{m:02d}-15", f"latest month mentioned '{txt}' (month precision)", 0.1
    return None
