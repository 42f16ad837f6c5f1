"""The ledger store (SQLAlchemy Core): SQLite by default, PostgreSQL by URL.

DOCS: docs/storage.md
"""

from newsledger.store.db import DEFAULT_DB, Store, resolve_db

__all__ = ["DEFAULT_DB", "Store", "resolve_db"]
