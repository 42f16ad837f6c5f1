"""Per-dyad event series: counts per PLOVER category per month and a cooperation-conflict score.

``dyad_series(events, actors=None) -> list[dict]``: one record per (source, target, month):

    {"source_id", "target_id", "month": "2023-03" | None, "events": n,
     "counts": {"CONSULT": 2, ...}, "quad": {"verbal_cooperation": 2, ...},
     "cooperation": c, "conflict": k, "score": (c - k) / (c + k),
     "goldstein": mean Goldstein value, "goldstein_total": sum}

plus ``source_name``/``target_name``/``source_code``/``target_code`` when ``actors`` is given.
Negated events and hypothetical ones (data/dyads.en.yaml: ``exclude_modalities``) are left out;
an event with several sources or targets counts once per ordered pair; events without a
source or a target are not dyadic and are skipped. Pure function: no I/O beyond the data file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from newsledger.datafiles import data_path, load_data
from newsledger.model import Actor, Event

_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def _table() -> dict[str, Any]:
    return load_data(data_path("events", "dyads.en.yaml"), required=("quad", "goldstein", "category_root"))


def event_month(date: str | None) -> str | None:
    """``2023-03-18`` / ``2023-03`` / ``2023-03-18TNI`` -> ``2023-03``; coarser dates -> None."""
    m = _MONTH.match(date or "")
    return f"{m.group(1)}-{m.group(2)}" if m else None


def quad_class(event: Event, table: Mapping[str, Any] | None = None) -> str | None:
    t = table or _table()
    if event.cameo and event.cameo[:2] in (t.get("cameo_quad") or {}):
        return str(t["cameo_quad"][event.cameo[:2]])
    q = t["quad"].get(event.type)
    return str(q) if q else None


def goldstein(event: Event, table: Mapping[str, Any] | None = None) -> float | None:
    t = table or _table()
    root = event.cameo[:2] if event.cameo and event.cameo[:2].isdigit() else t["category_root"].get(event.type)
    v = t["goldstein"].get(str(root)) if root else None
    return float(v) if v is not None else None


def dyad_series(events: Sequence[Event], actors: Mapping[str, Actor] | None = None) -> list[dict]:
    """Counts per category and month per ordered (source, target) pair, with quad classes,
    a cooperation-conflict score in [-1, 1] and the mean Goldstein value. Sorted by month, then pair."""
    t = _table()
    excluded = set(t.get("exclude_modalities") or ())
    acc: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    for e in events:
        if e.negated or e.modality in excluded:
            continue
        q = quad_class(e, t)
        g = goldstein(e, t)
        month = event_month(e.date)
        for s in e.source_ids:
            for tg in e.target_ids:
                if not s or not tg or s == tg:
                    continue
                rec = acc.setdefault((s, tg, month), {
                    "source_id": s, "target_id": tg, "month": month, "events": 0,
                    "counts": {}, "quad": {}, "cooperation": 0, "conflict": 0,
                    "goldstein_total": 0.0, "_g": 0,
                })
                rec["events"] += 1
                rec["counts"][e.type] = rec["counts"].get(e.type, 0) + 1
                if q:
                    rec["quad"][q] = rec["quad"].get(q, 0) + 1
                    if q.endswith("cooperation"):
                        rec["cooperation"] += 1
                    elif q.endswith("conflict"):
                        rec["conflict"] += 1
                if g is not None:
                    rec["goldstein_total"] += g
                    rec["_g"] += 1
    out: list[dict] = []
    for rec in acc.values():
        n_g = rec.pop("_g")
        c, k = rec["cooperation"], rec["conflict"]
        rec["score"] = round((c - k) / (c + k), 3) if c + k else 0.0
        rec["goldstein_total"] = round(rec["goldstein_total"], 2)
        rec["goldstein"] = round(rec["goldstein_total"] / n_g, 2) if n_g else None
        if actors is not None:
            for side in ("source", "target"):
                a = actors.get(rec[f"{side}_id"])
                rec[f"{side}_name"] = a.name if a is not None else None
                rec[f"{side}_code"] = (a.codes or {}).get("cameo") if a is not None else None
        out.append(rec)
    out.sort(key=lambda r: (r["month"] or "", r["source_id"], r["target_id"]))
    return out
