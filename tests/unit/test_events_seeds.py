"""The events of the four seed reports, written from reading the texts in ../shared/corpus/seeds
(publication dates from manifest.csv). Actors are compared on their CAMEO codes' prefixes."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from newsledger.model import Article

pytestmark = pytest.mark.model

# seed prefix -> (evidence phrase, type, source prefix, target prefix, other fields)
EXPECTED: dict[str, list[tuple[str, str, str | None, str | None, dict[str, Any]]]] = {
    "000": [
        ("Borrell had met first with Kurti", "CONSULT", "IGOEUR", "KSVGOV", {}),
        ("Borrell had met first with Kurti", "CONSULT", "IGOEUR", "SRBGOV", {}),
        ("Serbs in northern Kosovo erected barricades", "PROTEST", "SRB", None, {}),
        ("Kurti criticized", "ACCUSE", "KSVGOV", "SRB", {}),
        ("refuse to recognize Kosovo", "REJECT", "RUS", "KSV", {}),
        ("we did not reach an agreement", "AGREE", None, None, {"negated": True}),
    ],
    "001": [
        ("detention of three Kosovo police officers by Serbia", "COERCE", "SRB", "KSVCOP", {}),
        ("both sides failed to reach an agreement", "AGREE", None, None, {"negated": True}),
        ("Borrell called on Serbia to release", "REQUEST", "IGOEUR", "SRB", {"negated": False}),
    ],
    "002": [
        ("failed on Saturday to sign an agreement", "AGREE", "KSV", "SRB",
         {"negated": True, "date": "2023-03-18"}),
        ("met for 12 hours of negotiations", "CONSULT", "KSVGOV", "SRBGOV", {"modality": "asserted"}),
        ("met for 12 hours of negotiations", "CONSULT", "SRBGOV", "KSVGOV", {}),
        ("Serbia refuses to recognize the independence", "REJECT", "SRB", None, {"negated": False}),
        ("blamed the Serbian side", "ACCUSE", "KSVGOV", "SRB", {}),
        ("thousands of people demonstrated on Friday", "PROTEST", None, None,
         {"date": "2023-03-17", "location": "Belgrade"}),
    ],
    "003": [
        ("has vowed never to recognize Kosovo", "REJECT", "SRBGOV", "KSV", {"negated": False}),
        ("met in Brussels last Monday", "CONSULT", "SRB", "KSV", {"date": "2023-02-27", "location": "Brussels"}),
        ("met in Brussels last Monday", "CONSULT", "KSV", "SRB", {}),
        ("Serbia refuses to recognize Kosovo", "REJECT", "SRB", "KSV", {}),
        ("is scheduled for March 18", "CONSULT", "SRB", "KSV", {"modality": "planned", "date": "2023-03-18"}),
    ],
}


@pytest.fixture(scope="module")
def seed_events(seeds_dir: Path, resources: Any) -> dict[str, list[dict[str, Any]]]:
    from newsledger.nlp.pipeline import analyse

    out: dict[str, list[dict[str, Any]]] = {}
    with (seeds_dir / "manifest.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text = (seeds_dir / row["file"]).read_text(encoding="utf-8")
            an = analyse(Article(id=row["file"][:3], text=text, published=row["published"]), resources)
            cameo = {a.id: (a.codes or {}).get("cameo", "") for a in an.actors}
            out[row["file"][:3]] = [
                {"type": e.type, "src": [cameo.get(s, "") for s in e.source_ids],
                 "tgt": [cameo.get(t, "") for t in e.target_ids], "negated": e.negated,
                 "modality": e.modality, "date": e.date, "location": e.location,
                 "sentence": e.sentence, "text": text, "start": e.start, "end": e.end}
                for e in an.events
            ]
    return out


CASES = [(seed, *exp) for seed, exps in EXPECTED.items() for exp in exps]


@pytest.mark.parametrize("seed,phrase,type_,src,tgt,fields", CASES,
                         ids=[f"{c[0]}-{c[2]}-{c[1][:25]}" for c in CASES])
def test_seed_event(seed_events: dict, seed: str, phrase: str, type_: str, src: str | None,
                    tgt: str | None, fields: dict[str, Any]) -> None:
    events = [e for e in seed_events[seed] if phrase in e["sentence"]]
    assert events, f"no event in a sentence containing {phrase!r}"
    ok = [e for e in events if e["type"] == type_
          and (src is None or any(s.startswith(src) for s in e["src"]))
          and (tgt is None or any(t.startswith(tgt) for t in e["tgt"]))
          and all(e[k] == v for k, v in fields.items())]
    assert ok, [{k: e[k] for k in ("type", "src", "tgt", "negated", "modality", "date", "location")}
                for e in events]


def test_evidence_offsets(seed_events: dict) -> None:
    for events in seed_events.values():
        for e in events:
            assert e["text"][e["start"]:e["end"]] == e["sentence"]
            assert "\n\n" not in e["sentence"]
