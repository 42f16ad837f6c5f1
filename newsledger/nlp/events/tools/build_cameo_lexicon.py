"""Derive ``data/cameo_verbs.en.yaml`` from PETRARCH-2's ``CAMEO.2.0.txt`` (MIT).

A lexical resource, not gold: each verb block's synonyms get the block's default CAMEO
code, and the simplest patterns (``- * NOUN [code]``, ``- * {MODIFIER NOUN} [code]``,
``- * (PREP NOUN) [code]``, ``- * (PREP) [code]``) become verb+object / verb+preposition codes. The coder uses
them only as a fallback behind the hand-curated ``lexicon.en.yaml``.

Usage: python -m newsledger.nlp.events.tools.build_cameo_lexicon [PATH_TO_CAMEO.2.0.txt]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parents[1]
DEFAULT_SRC = HERE.parents[2] / ".." / "shared" / "benchmarks" / "events" / "data" / "dictionaries" / "CAMEO.2.0.txt"

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([0-9:]*|---)\]")
_PARTICLES = frozenset({"up", "off", "out", "down", "in", "on", "over", "back", "away", "into", "to", "for", "with"})
_WORD = re.compile(r"^[A-Z][A-Z_\-]*$")


def _code(raw: str) -> str | None:
    raw = raw.split(":")[0].strip()
    return raw if raw.isdigit() else None


def build(src: Path) -> dict:
    verbs: dict[str, str] = {}
    objects: dict[str, dict[str, str]] = {}
    preps: dict[str, dict[str, str]] = {}
    block_code: str | None = None
    block_verbs: list[str] = []
    for line in src.read_text(encoding="latin-1").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        m = _BLOCK.match(line)
        if m:
            block_code = _code(m.group(2))
            block_verbs = []
            continue
        if line.startswith("&") or line.startswith("####"):
            block_code = None
            block_verbs = []
            continue
        if line.startswith("- "):
            cm = _CODE.search(line)
            code = _code(cm.group(1)) if cm else None
            body = line[2:cm.start()].strip() if cm else ""
            if not code or not body.startswith("*"):
                continue
            rest = body[1:].strip()
            # "- * {DIPLOMATIC TIES} [054]": a modifier + object phrase, kept as "diplomatic ties"
            mm = re.fullmatch(r"\{?([A-Z\-]+) ([A-Z\-]+)\}?", rest)
            if mm and mm.group(1).lower() in _PARTICLES:  # "- * UP RESISTANCE": a particle, not a modifier
                continue
            if mm:
                for v in block_verbs:
                    objects.setdefault(v, {}).setdefault(f"{mm.group(1)} {mm.group(2)}".lower(), code)
                continue
            mw = re.fullmatch(r"([A-Z\-]+)", rest)
            mp = re.fullmatch(r"\(([A-Z]+)(?:\s+([A-Z\-]+))?\)", rest)
            for v in block_verbs:
                if mw:
                    objects.setdefault(v, {}).setdefault(mw.group(1).lower(), code)
                elif mp and not mp.group(2):
                    preps.setdefault(v, {}).setdefault(mp.group(1).lower(), code)
                elif mp:
                    objects.setdefault(v, {}).setdefault(mp.group(2).lower(), code)
            continue
        if line.startswith("+") or block_code is None and not _BLOCK.match(line):
            word = line.lstrip("+").split("{")[0].split("[")[0].strip()
        else:
            word = line.split("{")[0].split("[")[0].strip()
        if not word or not _WORD.match(word):
            continue
        lemma = word.lower().replace("_", " ")
        block_verbs.append(lemma)
        cm = _CODE.search(line)
        code = _code(cm.group(1)) if cm else block_code
        if code and lemma not in verbs:
            verbs[lemma] = code
    # keep only verb+object / verb+prep codes that differ from the verb's own code
    objects = {v: {o: c for o, c in objs.items() if c != verbs.get(v)} for v, objs in objects.items()}
    preps = {v: {p: c for p, c in ps.items() if c != verbs.get(v)} for v, ps in preps.items()}
    return {"verbs": verbs, "objects": {k: v for k, v in objects.items() if v},
            "preps": {k: v for k, v in preps.items() if v}}


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SRC
    lex = build(src)
    out = {
        "version": 1,
        "source": "derived by tools/build_cameo_lexicon.py from PETRARCH-2 CAMEO.2.0.txt "
        "(openeventdata/petrarch2 @ 676801cd); a lexical resource, not gold",
        "licence": "MIT (c) 2015 Open Event Data Alliance",
        **lex,
    }
    path = HERE / "data" / "cameo_verbs.en.yaml"
    path.write_text(yaml.safe_dump(out, sort_keys=True, allow_unicode=True, width=120), encoding="utf-8")
    print(f"{path}: {len(lex['verbs'])} verbs, {sum(map(len, lex['objects'].values()))} verb+object, "
          f"{sum(map(len, lex['preps'].values()))} verb+prep")



def build_plover_map(src: Path | None = None) -> None:
    """Write ``data/cameo_plover.yaml`` (CAMEO code -> "PLOVER [mode]") from the PLOVER project's map."""
    import json

    src = src or DEFAULT_SRC.parent.parent / "cameo2plover.json"
    raw = json.loads(src.read_text(encoding="utf-8"))
    table = {}
    for code, v in raw.items():
        plover = (v.get("plover") or "").split("|")[0].strip().upper()
        if plover:
            table[code] = f"{plover} {v.get('mode') or ''}".strip()
    out = {
        "version": 1,
        "source": "CAMEO2PLOVER-2021 (openeventdata/PLOVER @ 5e0c24fb, PLOVER manual draft 0.8) via "
        "tools/build_cameo_lexicon.py: CAMEO code -> 'PLOVER_CATEGORY [mode]'",
        "licence": "CC BY-SA 4.0 (PLOVER project)",
        "map": table,
    }
    path = HERE / "data" / "cameo_plover.yaml"
    path.write_text(yaml.safe_dump(out, sort_keys=True, width=120), encoding="utf-8")
    print(f"{path}: {len(table)} codes")


if __name__ == "__main__":
    main()
    build_plover_map()
