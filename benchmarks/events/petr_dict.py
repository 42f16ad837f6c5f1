"""Reader for PETRARCH actor dictionaries (``PETR.Validate.actors.txt``): (name, code) pairs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path


def read_petr_actors(path: Path) -> Iterator[tuple[str, str]]:
    """Yield (surface name, CAMEO code) for every actor and synonym line of a PETRARCH actor file."""
    names: list[str] = []
    code: str | None = None
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        m = re.search(r"\[([^\]]+)\]", line)
        head = line.split("[")[0].strip()
        if line.startswith("+"):
            names.append(head.lstrip("+").strip())
            if code:
                yield _name(names[-1]), code
            continue
        if head and not line.startswith((" ", "\t")):
            names = [head]
            code = m.group(1).split()[0] if m else None
            if code:
                yield _name(head), code
            continue
        if m and code is None and names:  # indented code lines: "[CODE >date]"
            code = m.group(1).split()[0]
            for n in names:
                yield _name(n), code


def _name(n: str) -> str:
    return n.replace("_", " ").strip().title()
