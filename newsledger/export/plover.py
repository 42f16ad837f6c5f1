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


def _actor(actor: Actor | None, actor_id: str, dated: dict[str, str] | None = None) -> dict[str, Any]:
    """One inline actor; ``dated`` are its codes as of the event's article (a person's role
    then), which win over the ledger-wide record's."""
    if actor is None:
        return {"id": actor_id, "name": actor_id}
    codes = dated or actor.codes or {}
    cameo = codes.get("cameo", "")
    return {
        "id": actor.id, "name": actor.name, "kind": actor.kind, "country": actor.country,
        "cameo": cameo or None, "sector": cameo[3:6] if len(cameo) >= 6 else None,
    }


def _actors(
    actors: dict[str, Actor], ids: tuple[str, ...], codes: tuple[dict[str, str], ...]
) -> list[dict[str, Any]]:
    return [_actor(actors.get(i), i, codes[k] if k < len(codes) else None) for k, i in enumerate(ids)]


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
            "source_actor": _actors(actors, e.source_ids, e.source_codes),
            "target_actor": _actors(actors, e.target_ids, e.target_codes),
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
