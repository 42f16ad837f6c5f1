"""Read PETRARCH/TABARI-format actor and agent dictionaries into an ``ActorKB``.

For user dictionaries and benchmarks (e.g. PETRARCH's fictional ``PETR.Validate.actors.txt``
read from the shared benchmark folder at run time); nothing here is shipped data.

Actor format: ``NAME [CODE]`` or ``NAME`` followed by ``+ALIAS`` lines and indented
``[CODE]`` / ``[CODE <yymmdd]`` / ``[CODE >yymmdd]`` / ``[CODE yymmdd-yymmdd]`` code lines;
``_`` joins words, ``#`` and ``<!-- -->`` are comments. Agent format: ``PHRASE [~SEC]``.

DOCS: docs/actors.md#run-time-dictionaries
"""

from __future__ import annotations

import re

from newsledger.nlp.actors.kb import ActorKB

_CODE = re.compile(r"\[([^\]]*)\]")


def _date(token: str) -> str:
    token = token.strip()
    if len(token) == 6:
        yy = int(token[:2])
        token = ("20" if yy < 30 else "19") + token  # PETRARCH dictionaries date from 1930 on
    return f"{token[:4]}-{token[4:6]}-{token[6:8]}"


def _parse_code(block: str) -> tuple[str, str | None, str | None] | None:
    block = block.strip()
    if not block:
        return None
    m = re.match(r"^([A-Za-z0-9~+\-]+)\s*(.*)$", block)
    if not m:
        return None
    code, rest = m.group(1).upper(), m.group(2).replace(" ", "")
    start = end = None
    if rest.startswith("<"):
        end = _date(rest[1:])
    elif rest.startswith(">"):
        start = _date(rest[1:])
    elif "-" in rest:
        a, b = rest.split("-", 1)
        start, end = _date(a), _date(b)
    return code, start, end


def _name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split()).title()


def parse_petrarch_actors(text: str) -> list[tuple[str, list[str], list[tuple[str, str | None, str | None]]]]:
    """``(name, aliases, [(code, start, end), ...])`` for each entry of a PETRARCH actor file."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    entries: list[tuple[str, list[str], list[tuple[str, str | None, str | None]]]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = [c for c in (_parse_code(b) for b in _CODE.findall(line)) if c]
        head = _CODE.sub("", line).strip()
        if raw[:1] in (" ", "\t") and not head:
            if entries:
                entries[-1][2].extend(codes)
            continue
        if head.startswith("+"):
            if entries:
                entries[-1][1].append(_name(head[1:]))
                entries[-1][2].extend(codes)
            continue
        entries.append((_name(head), [], codes))
    return entries


def add_petrarch_actors(kb: ActorKB, text: str, kind: str = "other") -> int:
    """Add every actor of a PETRARCH actor dictionary to ``kb``; returns the number added."""
    entries = parse_petrarch_actors(text)
    n = 0
    for name, aliases, codes in entries:
        if not name:
            continue
        for code, start, end in codes or [("", None, None)]:
            kb.add_entry(name, aliases, {"cameo": code} if code and code not in ("---", "+++") else {},
                         kind=kind, country=None, start=start, end=end)
        n += 1
    return n


def add_petrarch_agents(kb: ActorKB, text: str) -> int:
    """Add the ``PHRASE [~SEC]`` agents of a PETRARCH agents dictionary to ``kb``."""
    n = 0
    subst: dict[str, list[str]] = {}
    for raw in re.sub(r"<!--.*?-->", "", text, flags=re.S).splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^([^\[{]+?)\s*(\{[^}]*\})?\s*\[\s*~\s*([A-Za-z]+)\s*\]", line)
        if not m:
            continue
        phrases = [m.group(1)]
        for key, words in subst.items():
            if key in m.group(1):
                phrases = [p.replace(key, w) for p in phrases for w in words]
        for p in phrases:
            kb.add_agent(p, m.group(3).upper())
            n += 1
    return n
