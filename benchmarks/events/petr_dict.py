"""Readers for PETRARCH's fictional-world validation dictionaries (``PETR.Validate.*``), used
only by the unit-test benchmark to extend the actor KB at run time (``kb.add_entry``/``add_agent``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

_CODE = re.compile(r"\[([^\]]*)\]")


def _clean(line: str) -> str:
    line = re.sub(r"<!--.*?-->", "", line)
    return line.split("#", 1)[0].rstrip()


def _name(n: str) -> str:
    return re.sub(r"\s+", " ", n.replace("_", " ")).strip().title()


def read_petr_actors(path: Path) -> Iterator[tuple[str, list[str], str]]:
    """Yield (name, synonyms, first CAMEO code) for each actor block of a PETRARCH actor file."""
    name: str | None = None
    syn: list[str] = []
    code: str | None = None

    def flush() -> Iterator[tuple[str, list[str], str]]:
        if name and code:
            yield _name(name), [_name(s) for s in syn], code

    for raw in path.read_text(encoding="latin-1").splitlines():
        line = _clean(raw)
        if not line.strip() or line.lstrip().startswith("<"):
            continue
        m = _CODE.search(line)
        head = _CODE.sub("", line).strip()
        if line.startswith("+"):
            syn.append(head.lstrip("+").strip())
            continue
        if line[0] in " \t":  # a code line of the current block ("\t[ENT]", "[CODE >date]")
            if m and code is None:
                code = m.group(1).split()[0] if m.group(1).split() else None
            continue
        yield from flush()
        name, syn = head, []
        code = (m.group(1).split() or [None])[0] if m else None
    yield from flush()


def _day(d: str) -> str | None:
    """A PETRARCH date (``950601`` or ``19950601``) as ISO; two-digit years are 1930-2029."""
    d = d.strip()
    if len(d) == 6 and d.isdigit():
        d = ("19" if int(d[:2]) >= 30 else "20") + d
    return f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 and d.isdigit() else None


def _period(spec: str) -> tuple[str, str | None, str | None] | None:
    """``"HOBGOV 19950601 - 19990815"`` / ``"HOB < 950601"`` / ``"HOBREB > 990816"`` / ``"ARN"``
    -> (code, start, end)."""
    parts = spec.split(None, 1)
    if not parts:
        return None
    code, rest = parts[0], (parts[1] if len(parts) > 1 else "").strip()
    if rest.startswith("<"):
        return code, None, _day(rest[1:])
    if rest.startswith(">"):
        return code, _day(rest[1:]), None
    if "-" in rest:
        a, b = rest.split("-", 1)
        return code, _day(a), _day(b)
    return code, None, None


def read_petr_actor_periods(path: Path) -> Iterator[tuple[str, list[str], list[tuple[str, str | None, str | None]]]]:
    """Yield (name, synonyms, [(CAMEO code, start, end), ...]) for each actor block: every dated
    code of the block (``[HOB < 950601]``, ``[HOBGOV 19950601 - 19990815]``), in file order."""
    name: str | None = None
    syn: list[str] = []
    periods: list[tuple[str, str | None, str | None]] = []

    def flush() -> Iterator[tuple[str, list[str], list[tuple[str, str | None, str | None]]]]:
        if name and periods:
            yield _name(name), [_name(s) for s in syn], list(periods)

    for raw in path.read_text(encoding="latin-1").splitlines():
        line = _clean(raw)
        if not line.strip() or line.lstrip().startswith("<"):
            continue
        codes = [p for p in (_period(m) for m in _CODE.findall(line)) if p is not None]
        head = _CODE.sub("", line).strip()
        if line.startswith("+"):
            syn.append(head.lstrip("+").strip())
            continue
        if line[0] in " \t":
            periods += codes
            continue
        yield from flush()
        name, syn, periods = head, [], codes
    yield from flush()


def read_petr_agents(path: Path) -> Iterator[tuple[str, str]]:
    """Yield (agent phrase, sector code) from a PETRARCH agents file (``POLICE [~COP]``)."""
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = _clean(raw)
        if not line.strip() or line.startswith("!") or line.startswith("<"):
            continue
        m = _CODE.search(line)
        if not m:
            continue
        phrase = re.sub(r"\{[^}]*\}", "", _CODE.sub("", line)).strip()
        if "!" in phrase or not phrase:
            continue
        sector = m.group(1).strip().lstrip("~").split()[0] if m.group(1).strip() else ""
        if sector:
            yield phrase.replace("_", " ").lower(), sector
