"""``--format plover``: one PLOVER-style JSON object per event, actors inline.

Fields follow the PLOVER/POLECAT event record where they exist (``event_type``,
``mode``, ``source_actor``, ``target_actor``, ``event_date``, ``event_text``),
plus the ledger's own (negation, modality, CAMEO code, evidence offsets).

DOCS: docs/export.md
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsledger.export.json import open_output
from newsledger.model import Actor, Ledger, record_dict


def _actor(actor: Actor | None, actor_id: str) -> dict[str, Any]:
    if actor is None:
        return {"id": actor_id, "name": actor_id}
    codes = actor.codes or {}
    cameo = codes.get("cameo", "")
    return {
        "id": actor.id, "name": actor.name, "kind": actor.kind, "country": actor.country,
        "cameo": cameo or None, "sector": cameo[3:6] if len(cameo) >= 6 else None,
    }


def plover_records(ledger: Ledger) -> list[dict[str, Any]]:
    actors = {a.id: a for a in ledger.actors}
    articles = {a.id: a for a in ledger.articles}
    out = []
    for e in ledger.events:
        art = articles.get(e.article_id)
        out.append({
            "id": e.id,
            "event_type": e.type,
            "mode": e.mode,
            "cameo": e.cameo,
            "event_date": e.date,
            "source_actor": [_actor(actors.get(i), i) for i in e.source_ids],
            "target_actor": [_actor(actors.get(i), i) for i in e.target_ids],
            "location": e.location,
            "negated": e.negated,
            "modality": e.modality,
            "event_text": e.sentence,
            "trigger": e.trigger,
            "article": {
                "id": e.article_id, "start": e.start, "end": e.end,
                **({k: record_dict(art)[k] for k in ("title", "source", "url", "published")} if art else {}),
            },
        })
    return out


def write(ledger: Ledger, output: Path | None) -> None:
    with open_output(output) as fh:
        for rec in plover_records(ledger):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
