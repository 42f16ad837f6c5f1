"""The ledger as plain records (SCHEMA.md shapes), shared by every exporter and the web API.

DOCS: docs/export.md
"""

from __future__ import annotations

from typing import Any

from newsledger import SCHEMA_VERSION
from newsledger.model import Ledger, record_dict

LISTS = ("articles", "actors", "mentions", "time_expressions", "quotes", "events",
         "stories", "timeline", "claims", "dyads")

# Field order per list, as SCHEMA.md gives it (extra fields follow).
_ARTICLE_ORDER = ("id", "file", "source", "url", "title", "published", "published_inferred", "language", "text")
_OMIT = {"articles": ("content_hash",)}


def _clean(name: str, rec: dict[str, Any]) -> dict[str, Any]:
    for key in _OMIT.get(name, ()):
        rec.pop(key, None)
    if name == "articles":
        rec = {k: rec[k] for k in _ARTICLE_ORDER if k in rec} | {k: v for k, v in rec.items() if k not in _ARTICLE_ORDER}
    if name == "quotes":
        rec["fragments"] = [list(f) for f in rec.get("fragments", [])]
    return rec


def ledger_records(ledger: Ledger) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for name in LISTS:
        items = getattr(ledger, name)
        out[name] = [
            _clean(name, dict(item) if isinstance(item, dict) else record_dict(item)) for item in items
        ]
    return out


def ledger_object(ledger: Ledger) -> dict[str, Any]:
    return {"schema": SCHEMA_VERSION, **ledger_records(ledger)}
