"""Records of the actor knowledge base (entries, offices, index hits) and the partial ISO
dates their offices and code periods are valid between."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STAGE = "actors"  # the data folder of the knowledge base files


def iso_day(value: Any) -> str | None:
    """The first ten characters of a data-file date (an ISO day or a partial date), None if empty."""
    if value is None or value == "":
        return None
    return str(value)[:10]


def point(date: str | None) -> str | None:
    """A partial ISO date as a comparable day (``2023`` -> ``2023-07-01``)."""
    if not date:
        return None
    d = str(date)[:10]
    if len(d) == 4 and d.isdigit():
        return d + "-07-01"
    if len(d) == 7:
        return d + "-15"
    return d


def active(start: str | None, end: str | None, date: str | None) -> bool:
    """Whether ``date`` falls in [start, end]; an unknown date counts as "now"."""
    if date is None:
        return end is None
    return (start is None or start <= date) and (end is None or date <= end)


@dataclass
class Office:
    """An office held by a person between two dates, with the CAMEO code it gives."""

    key: str  # "SRB.president"
    owner: str  # "SRB" or an IGO key
    role: str
    roles: frozenset[str]
    label: str
    start: str | None
    end: str | None
    cameo: str


@dataclass
class KBEntry:
    """A knowledge-base actor: a country, organisation, person or group, with its names and codes."""

    id: str
    name: str
    kind: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    cameo: str | None = None
    gender: str | None = None
    offices: list[Office] = field(default_factory=list)
    periods: list[tuple[str | None, str | None, dict[str, str]]] = field(default_factory=list)
    adj: list[str] = field(default_factory=list)
    parent: str | None = None
    key: str | None = None  # owner key: iso3 for countries, IGO key for IGOs
    formerly_part_of: list[str] = field(default_factory=list)  # iso3 of states it split from


@dataclass
class Hit:
    """An index hit: the entry a name key refers to, and how the name refers to it."""

    entry: KBEntry
    how: str  # name | alias | surname | capital | adj | people | metonym


def best_period(periods: list[tuple[str | None, str | None, dict[str, str]]]) -> dict[str, str] | None:
    """For an undated text: an open dated period, else the latest non-ELI dated one, else the default."""
    dated = [(s, t, c) for s, t, c in periods if (s or t) and c.get("cameo")]
    open_ = [x for x in dated if x[1] is None]
    if open_:
        return max(open_, key=lambda x: x[0] or "")[2]
    main = [x for x in dated if x[2]["cameo"][3:6] != "ELI"]
    if main:
        return max(main, key=lambda x: x[0] or "")[2]
    plain = [c for s, t, c in periods if not s and not t and c.get("cameo")]
    if plain:
        return plain[0]
    return dated[-1][2] if dated else None
