"""The JSON API: each response is the JSON export (SCHEMA.md) restricted to what was asked.

List endpoints answer ``{"schema": ..., "<list>": [records], "count": n, "total": m}``
where the records have exactly the export's shapes (``newsledger.export.records``);
``count`` is the number returned, ``total`` the number matching before
``offset``/``limit``. ``/api/articles/{id}`` answers the article and its own
mentions, time expressions, quotes and events.

DOCS: docs/web.md
"""

# No "from __future__ import annotations": FastAPI must see the Annotated dependency types at runtime.

import re
from collections.abc import Callable, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from newsledger import SCHEMA_VERSION
from newsledger.export.records import ledger_records
from newsledger.model import PLOVER_CATEGORIES, Event, Ledger

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")

Limit = Annotated[int | None, Query(ge=1, le=100_000, description="Return at most this many records.")]
Offset = Annotated[int, Query(ge=0, description="Skip this many matching records.")]
DateBound = Annotated[str | None, Query(pattern=DATE_PATTERN, description="ISO date: YYYY, YYYY-MM or YYYY-MM-DD.")]


def records(name: str, items: Sequence[Any]) -> list[dict[str, Any]]:
    """Export-shaped records of one list (``name`` as in the JSON export)."""
    return ledger_records(Ledger(**{name: tuple(items)}))[name]


def page(name: str, items: Sequence[Any], limit: int | None = None, offset: int = 0) -> dict[str, Any]:
    """One list response: the export's records for ``items[offset:offset+limit]``."""
    chosen = items[offset:offset + limit if limit is not None else None]
    return {"schema": SCHEMA_VERSION, name: records(name, chosen), "count": len(chosen), "total": len(items)}


def iso_date(value: str | None) -> str | None:
    """The ISO calendar part of a date or TIMEX value (``2023-02-28TNI`` -> ``2023-02-28``)."""
    if not value:
        return None
    m = _ISO_PREFIX.match(value)
    return m.group(0) if m else None


def in_range(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether a date at any precision overlaps ``[since, until]`` (both inclusive)."""
    if since is None and until is None:
        return True
    if date is None:
        return False
    if since is not None:
        n = min(len(date), len(since))
        if date[:n] < since[:n]:
            return False
    if until is not None:
        n = min(len(date), len(until))
        if date[:n] > until[:n]:
            return False
    return True


def _actor_matcher(ledger: Ledger, actor: str) -> set[str]:
    """Actor ids meant by ``actor``: an id, or a name/alias (case-insensitive)."""
    wanted = actor.casefold()
    ids = {a.id for a in ledger.actors if a.id == actor}
    ids |= {a.id for a in ledger.actors if a.name.casefold() == wanted or wanted in (x.casefold() for x in a.aliases)}
    return ids or {actor}


def build_router(get_ledger: Callable[..., Ledger]) -> APIRouter:
    """The ``/api`` routes, reading the ledger through the ``get_ledger`` dependency."""
    router = APIRouter(prefix="/api")
    LedgerDep = Annotated[Ledger, Depends(get_ledger)]

    @router.get("")
    def index() -> dict[str, Any]:
        return {"schema": SCHEMA_VERSION, "endpoints": [
            "/api/articles", "/api/articles/{id}", "/api/actors", "/api/events", "/api/quotes",
            "/api/timeline", "/api/stories", "/api/claims", "/api/dyads"]}

    @router.get("/articles")
    def articles(ledger: LedgerDep, source: str | None = None, language: str | None = None,
                 since: DateBound = None, until: DateBound = None,
                 limit: Limit = None, offset: Offset = 0) -> dict[str, Any]:
        items = [a for a in ledger.articles
                 if (source is None or a.source == source) and (language is None or a.language == language)
                 and in_range(iso_date(a.published), since, until)]
        return page("articles", items, limit, offset)

    @router.get("/articles/{article_id}")
    def article(article_id: str, ledger: LedgerDep) -> dict[str, Any]:
        found = next((a for a in ledger.articles if a.id == article_id), None)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no article with id {article_id!r}")
        out: dict[str, Any] = {"schema": SCHEMA_VERSION, "article": records("articles", [found])[0]}
        for name in ("mentions", "time_expressions", "quotes", "events"):
            out[name] = records(name, [r for r in getattr(ledger, name) if r.article_id == article_id])
        return out

    @router.get("/actors")
    def actors(ledger: LedgerDep, kind: str | None = None, country: str | None = None,
               limit: Limit = None, offset: Offset = 0) -> dict[str, Any]:
        items = [a for a in ledger.actors if (kind is None or a.kind == kind) and (country is None or a.country == country)]
        return page("actors", items, limit, offset)

    @router.get("/events")
    def events(ledger: LedgerDep, type: str | None = None, actor: str | None = None,
               since: DateBound = None, until: DateBound = None,
               limit: Limit = None, offset: Offset = 0) -> dict[str, Any]:
        if type is not None and type.upper() not in PLOVER_CATEGORIES:
            raise HTTPException(status_code=422, detail=f"type must be one of {', '.join(PLOVER_CATEGORIES)}; got {type!r}")
        published = {a.id: a.published for a in ledger.articles}
        ids = _actor_matcher(ledger, actor) if actor else None

        def keep(e: Event) -> bool:
            if type is not None and e.type != type.upper():
                return False
            if ids is not None and not ids.intersection(e.source_ids + e.target_ids):
                return False
            return in_range(iso_date(e.date) or iso_date(published.get(e.article_id)), since, until)

        return page("events", [e for e in ledger.events if keep(e)], limit, offset)

    @router.get("/quotes")
    def quotes(ledger: LedgerDep, speaker: str | None = None,
               limit: Limit = None, offset: Offset = 0) -> dict[str, Any]:
        items = list(ledger.quotes)
        if speaker:
            ids = _actor_matcher(ledger, speaker)
            wanted = speaker.casefold()
            items = [q for q in items if q.speaker_id in ids or (q.speaker_text or "").casefold() == wanted]
        return page("quotes", items, limit, offset)

    @router.get("/timeline")
    def timeline(ledger: LedgerDep, story: str | None = None, since: DateBound = None, until: DateBound = None,
                 limit: Limit = None, offset: Offset = 0) -> dict[str, Any]:
        items = [t for t in ledger.timeline if (story is None or t.story_id == story)
                 and in_range(iso_date(t.date), since, until)]
        return page("timeline", items, limit, offset)

    @router.get("/stories")
    def stories(ledger: LedgerDep, limit: Limit = None, offset: Offset = 0) -> dict[str, Any]:
        return page("stories", list(ledger.stories), limit, offset)

    @router.get("/claims")
    def claims(ledger: LedgerDep, conflicting: bool | None = None,
               limit: Limit = None, offset: Offset = 0) -> dict[str, Any]:
        items = [c for c in ledger.claims if conflicting is None or bool(c.conflicts_with) == conflicting]
        return page("claims", items, limit, offset)

    @router.get("/dyads")
    def dyads(ledger: LedgerDep, actor: str | None = None, since: DateBound = None, until: DateBound = None,
              limit: Limit = None, offset: Offset = 0) -> dict[str, Any]:
        ids = _actor_matcher(ledger, actor) if actor else None
        items = [d for d in ledger.dyads
                 if (ids is None or d.get("source_id") in ids or d.get("target_id") in ids)
                 and in_range(iso_date(str(d.get("month") or "")), since, until)]
        return page("dyads", items, limit, offset)

    return router
