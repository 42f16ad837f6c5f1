"""The seed reports' actors resolve to single merged actors with the right codes.

Expectations written from reading the four texts in ../shared/corpus/seeds (dates from
manifest.csv): who each name, title, capital and pronoun refers to.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pytest

from newsledger.nlp.actors import resolve_actors

pytestmark = pytest.mark.model

VUCIC, KURTI = "person:aleksandar-vucic", "person:albin-kurti"
BORRELL, STOLTENBERG = "person:josep-borrell", "person:jens-stoltenberg"
EU, NATO, SRB, XKX = "org:EU", "org:NATO", "country:SRB", "country:XKX"
SRBGOV, KSVGOV = "group:SRB-government", "group:XKX-government"

# seed prefix -> {actor id: CAMEO code (the first 6 characters are compared)}
ACTORS = {
    "000": {VUCIC: "SRBGOV", KURTI: "KSVGOV", BORRELL: "IGOEUR", STOLTENBERG: "IGOWST",
            EU: "IGOEUR", SRB: "SRB", XKX: "KSV", SRBGOV: "SRBGOV", KSVGOV: "KSVGOV"},
    "001": {VUCIC: "SRBGOV", KURTI: "KSVGOV", BORRELL: "IGOEUR", EU: "IGOEUR", SRB: "SRB", XKX: "KSV",
            "group:XKX-police": "KSVCOP"},
    "002": {VUCIC: "SRBGOV", KURTI: "KSVGOV", BORRELL: "IGOEUR", EU: "IGOEUR", NATO: "IGOWST",
            SRB: "SRB", XKX: "KSV", SRBGOV: "SRBGOV", KSVGOV: "KSVGOV"},
    "003": {VUCIC: "SRBGOV", KURTI: "KSVGOV", EU: "IGOEUR", SRB: "SRB", XKX: "KSV"},
}

# seed prefix -> (phrase, occurrence, actor id or None)
REFERENCES = {
    "000": [("Pristina postponed", 0, KSVGOV), ("Belgrade still regards", 0, SRBGOV), ("he wrote", 0, VUCIC),
            ("NATO-led", 0, "IGOWST"), ("Kosovo's Prime Minister", 0, KURTI)],
    "001": [("top diplomat", 0, BORRELL), ("his intention", 0, BORRELL), ("Borrell", 2, BORRELL),
            ("Kosovo police officers", 0, "group:XKX-police")],
    "002": [("Kosovar added", 0, KURTI), ("Kosovar prime minister said", 0, KURTI), ("he was ready", 0, KURTI),
            ("Serbian president also", 0, VUCIC), ("he told reporters", 0, BORRELL), ("Brussels wanted", 0, EU),
            ("In Belgrade, thousands", 0, None), ("NATO bombings", 0, NATO)],
    "003": [("Serbian president turned", 0, VUCIC), ("he would never", 0, VUCIC), ("he said in a statement", 0, VUCIC),
            ("Kosovar Prime Minister", 0, KURTI)],
}

SURNAMES = {"vucic": VUCIC, "kurti": KURTI, "borrell": BORRELL, "stoltenberg": STOLTENBERG}


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path, resources: Any) -> dict[str, tuple[Any, Any]]:
    out = {}
    with open(seeds_dir / "manifest.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            doc = resources.nlp((seeds_dir / row["file"]).read_text(encoding="utf-8"))
            out[row["file"][:3]] = (doc, resolve_actors(doc, resources.kb, row["published"], row["file"]))
    return out


def _who(doc: Any, res: Any, phrase: str, occurrence: int) -> str | None:
    pos = [m.start() for m in re.finditer(re.escape(phrase), doc.text)][occurrence]
    first_word = phrase.split()[0]
    tok = doc.char_span(pos, pos + len(first_word), alignment_mode="expand")
    ids = res.actors_for_span(tok.start, tok.end)
    return ids[0] if ids else None


@pytest.mark.parametrize("seed", sorted(ACTORS))
def test_seed_actors_and_codes(seeds: dict, seed: str) -> None:
    _, res = seeds[seed]
    for actor_id, cameo in ACTORS[seed].items():
        assert actor_id in res.actors, f"{seed}: {actor_id} not found"
        assert res.actors[actor_id].codes["cameo"][:6] == cameo[:6], f"{seed}: {actor_id}"


@pytest.mark.parametrize("seed", sorted(ACTORS))
def test_seed_names_merge_into_one_actor(seeds: dict, seed: str) -> None:
    _, res = seeds[seed]
    for m in res.mentions:
        for surname, actor_id in SURNAMES.items():
            if surname in m.text.lower().replace("č", "c").replace("ć", "c"):
                assert m.actor_id == actor_id, f"{seed}: {m.text!r} -> {m.actor_id}"
    persons = [a for a in res.actors.values() if a.kind == "person"]
    assert len({a.name.split()[-1] for a in persons}) == len(persons), "a person split into two actors"


@pytest.mark.parametrize("seed,phrase,occurrence,expected",
                         [(s, p, o, e) for s, refs in sorted(REFERENCES.items()) for p, o, e in refs])
def test_seed_references(seeds: dict, seed: str, phrase: str, occurrence: int, expected: str | None) -> None:
    doc, res = seeds[seed]
    got = _who(doc, res, phrase, occurrence)
    if expected is not None and expected.isupper():  # a CAMEO prefix
        assert got is not None and res.actors[got].codes["cameo"].startswith(expected)
    else:
        assert got == expected
