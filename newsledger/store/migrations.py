"""Versioned schema migrations.

Each migration is a function ``(connection) -> None`` registered under the schema
version it produces. Opening a ledger applies, in order, every migration newer
than the version recorded in its ``meta`` table, inside one transaction. A ledger
newer than this program is refused rather than touched.

To change the schema: edit ``schema.py`` for new ledgers AND append a migration
here that brings an existing ledger to the same shape (``ALTER TABLE ...``).

DOCS: docs/storage.md
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from newsledger.errors import StorageError
from newsledger.store import schema

Migration = Callable[[sa.Connection], None]


def _v1_initial(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn)


def _add_column(conn: sa.Connection, table: str, column: str, type_sql: str) -> None:
    existing = {c["name"] for c in sa.inspect(conn).get_columns(table)}
    if column not in existing:
        conn.exec_driver_sql(f'ALTER TABLE {table} ADD COLUMN "{column}" {type_sql}')


def _v2_quote_speaker_span(conn: sa.Connection) -> None:
    """Quotes keep where their speaker is written (``speaker_start``/``speaker_end``)."""
    _add_column(conn, "quotes", "speaker_start", "INTEGER")
    _add_column(conn, "quotes", "speaker_end", "INTEGER")


def _v3_event_actor_codes(conn: sa.Connection) -> None:
    """Events keep their actors' codes as of the article's date (``source_codes``/``target_codes``).

    Events stored before keep none (empty); the ``plover`` export then uses the actor's own codes."""
    _add_column(conn, "events", "source_codes", "JSON")
    _add_column(conn, "events", "target_codes", "JSON")


MIGRATIONS: dict[int, Migration] = {
    1: _v1_initial,
    2: _v2_quote_speaker_span,
    3: _v3_event_actor_codes,
}
LATEST = max(MIGRATIONS)


def current_version(conn: sa.Connection) -> int:
    if not sa.inspect(conn).has_table("meta"):
        return 0
    row = conn.execute(
        sa.select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")
    ).first()
    return int(row[0]) if row else 0


def migrate(conn: sa.Connection, db_label: str) -> int:
    """Bring the ledger to ``LATEST``; returns the version it was at before."""
    before = current_version(conn)
    if before > LATEST:
        raise StorageError(
            f"{db_label}: ledger schema version {before} is newer than this newsledger "
            f"supports ({LATEST}); upgrade newsledger"
        )
    for version in range(before + 1, LATEST + 1):
        MIGRATIONS[version](conn)
        stmt = schema.meta.delete().where(schema.meta.c.key == "schema_version")
        conn.execute(stmt)
        conn.execute(schema.meta.insert().values(key="schema_version", value=str(version)))
    return before
