"""Publication dates: normalise what a record says, infer what it does not.

DOCS: docs/ingest.md
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def normalise_published(value: str) -> str | None:
    """An ISO date (``YYYY-MM-DD``, or ``YYYY-MM``/``YYYY`` when only that is known).

    Accepts ISO dates and datetimes (``2023-03-18``, ``2023-03-18T10:00:00Z``),
    RFC 2822 dates from feeds and e-mail, ``YYYY/MM/DD`` and ``DD.MM.YYYY``.
    Returns None when ``value`` is not a date.
    """
    v = value.strip()
    if not v:
        return None
    m = _PARTIAL.match(v)
    if m:
        year, month = m.group(1), m.group(2)
        if month and not 1 <= int(month) <= 12:
            return None
        return f"{year}-{month}" if month else year
    iso = v.replace("Z", "+00:00").replace("/", "-")
    try:
        return datetime.fromisoformat(iso).date().isoformat()
    except ValueError:
        pass
    try:
        return date.fromisoformat(iso[:10]).isoformat()
    except ValueError:
        pass
    m = re.match(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", v)
    if m:
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(v).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
