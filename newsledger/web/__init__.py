"""Web UI and JSON API over the ledger (FastAPI).

``create_app(store_factory) -> FastAPI``: ``store_factory()`` returns an object
with ``load_ledger() -> Ledger`` (and optionally ``close()``); it is called once
per request, so the pages are always live. The CLI's ``serve`` command runs it
with uvicorn.

DOCS: docs/web.md
"""

from newsledger.web.app import create_app

__all__ = ["create_app"]
