"""The FastAPI application: JSON API under ``/api``, HTML pages at ``/`` and ``/articles/{id}``.

Errors: every API error (404, 422, 500) answers one JSON shape,
``{"error": {"status": <int>, "message": <str>}}``; HTML pages answer the same
status with a short HTML page. Unexpected exceptions never leak a traceback.

DOCS: docs/web.md
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsledger import __version__
from newsledger.errors import NewsledgerError
from newsledger.model import Ledger
from newsledger.report.render import render_template
from newsledger.report.views import Links, article_keys, article_view, build_dossier, by_article
from newsledger.web.api import build_router

TEMPLATES = (str(Path(__file__).resolve().parent / "templates"),)
log = logging.getLogger(__name__)


class LedgerSource(Protocol):
    """What the app needs from a store: the whole ledger, as exported.

    A store may also offer ``revision() -> str``, a token that changes with every write; the
    app then keeps the ledger and the pages built from it until the token changes, instead
    of reading and rebuilding them on every request.
    """

    def load_ledger(self) -> Ledger: ...


class _Cache:
    """The ledger and the pages built from it, valid for one store revision (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._revision: str | None = None
        self._items: dict[Any, Any] = {}

    def get(self, revision: str | None, key: Any, build: Callable[[], Any]) -> Any:
        if revision is None:
            return build()
        with self._lock:
            if revision != self._revision:
                self._revision, self._items = revision, {}
            if key in self._items:
                return self._items[key]
        value = build()
        with self._lock:
            if revision == self._revision:
                self._items[key] = value
        return value


def error_body(status: int, message: str) -> dict[str, Any]:
    """The one error shape of the API."""
    return {"error": {"status": status, "message": message}}


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def create_app(store_factory: Callable[[], LedgerSource]) -> FastAPI:
    """The web app over the ledger that ``store_factory()`` opens (once per request)."""
    app = FastAPI(title="newsledger", version=__version__, docs_url="/api/docs", redoc_url=None,
                  openapi_url="/api/openapi.json")

    cache = _Cache()

    def with_store(key: Any, build: Callable[[Ledger], Any]) -> Any:
        """``build(ledger)``, cached for the store's current revision when it has one."""
        store = store_factory()
        try:
            revision_of = getattr(store, "revision", None)
            revision = revision_of() if callable(revision_of) else None
            ledger = cache.get(revision, "ledger", store.load_ledger)
            return ledger if key == "ledger" else cache.get(revision, key, lambda: build(ledger))
        finally:
            close = getattr(store, "close", None)
            if callable(close):
                close()

    def get_ledger() -> Ledger:
        ledger: Ledger = with_store("ledger", lambda ledger: ledger)
        return ledger

    def respond(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse(error_body(status, message), status_code=status)
        html = render_template("error.html.j2", TEMPLATES, status=status, message=message, title=f"Error {status}")
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        return respond(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, 422, _validation_message(exc))

    @app.exception_handler(NewsledgerError)
    async def ledger_error(request: Request, exc: NewsledgerError) -> Response:
        log.error("ledger error on %s: %s", request.url.path, exc)
        return respond(request, 500, str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return respond(request, 500, "internal error; see the server log")

    app.include_router(build_router(get_ledger))

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request) -> HTMLResponse:
        prefix = _prefix(request)
        html: str = with_store(("index", prefix), lambda ledger: _index_html(ledger, prefix))
        return HTMLResponse(html)

    def _index_html(ledger: Ledger, prefix: str) -> str:
        dossier = build_dossier(ledger, title="newsledger", pages=True, prefix=prefix, with_texts=False)
        articles = [
            {"id": a.id, "title": a.title or a.id, "source": a.source, "published": a.published,
             "language": a.language, "href": dossier.links.article(a.id)}
            for a in sorted(ledger.articles, key=lambda a: (a.published or "", a.id))
        ]
        return render_template("index.html.j2", TEMPLATES, dossier=dossier, article_list=articles)

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(article_id: str, request: Request) -> HTMLResponse:
        prefix = _prefix(request)
        ledger, links, index_, names, articles = with_store(("article-index", prefix), lambda ledger: (
            ledger,
            Links(article_keys(a.id for a in ledger.articles), pages=True, prefix=prefix),
            by_article(ledger),
            {a.id: a.name for a in ledger.actors},
            {a.id: a for a in ledger.articles},
        ))
        found = articles.get(article_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no article with id {article_id!r}")
        view = article_view(found, ledger, links, index_)
        own = index_.get(article_id, {})
        events = [{"type": e.type, "href": links.sentence(article_id, e.start), "negated": e.negated,
                   "modality": e.modality, "date": e.date, "sentence": e.sentence,
                   "sources": [names.get(x, x) for x in e.source_ids], "targets": [names.get(x, x) for x in e.target_ids]}
                  for e in sorted(own.get("events", ()), key=lambda e: e.start)]
        quotes = [{"text": q.text, "kind": q.kind, "href": links.sentence(article_id, q.start),
                   "speaker": names.get(q.speaker_id or "", q.speaker_text or "unattributed")}
                  for q in sorted(own.get("quotes", ()), key=lambda q: q.start)]
        return HTMLResponse(render_template("article.html.j2", TEMPLATES, article=view, events=events,
                                            quotes=quotes, title=view["title"], home=prefix + "/"))

    return app


def _prefix(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")
