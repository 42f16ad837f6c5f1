"""The ledger store: SQLite by default (one file, WAL mode), PostgreSQL by URL.

Every write of an article and its analysis is one transaction: a crash leaves
either all of it or none. Corpus-level records (stories, timeline, claims,
duplicates) are replaced as a whole by the corpus stages.

DOCS: docs/storage.md
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from newsledger.errors import StorageError
from newsledger.model import (
    Actor,
    Article,
    ArticleAnalysis,
    Claim,
    Event,
    Ledger,
    Mention,
    Quote,
    Story,
    TimeExpression,
    TimelineEntry,
)
from newsledger.store import schema as t
from newsledger.store.migrations import migrate

DEFAULT_DB = "newsledger.db"


def resolve_db(db: str | None) -> str:
    """The ledger location: ``--db``, else ``$NEWSLEDGER_DB``, else ``./newsledger.db``."""
    return db or os.environ.get("NEWSLEDGER_DB") or DEFAULT_DB


def _url(db: str) -> str:
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


class Store:
    """A ledger database. Use ``Store.open(db)``; close with ``close()`` or ``with``."""

    def __init__(self, engine: sa.Engine, label: str) -> None:
        self.engine = engine
        self.label = label

    @classmethod
    def open(cls, db: str | None = None) -> Store:
        label = resolve_db(db)
        url = _url(label)
        if url.startswith("sqlite:///"):
            parent = Path(url.removeprefix("sqlite:///")).parent
            if not parent.exists():
                raise StorageError(f"{label}: folder {parent} does not exist")
        try:
            engine = sa.create_engine(url, future=True)
            if engine.dialect.name == "sqlite":
                sa.event.listen(engine, "connect", _sqlite_pragmas)
            with engine.begin() as conn:
                migrate(conn, label)
        except StorageError:
            raise
        except sa.exc.ArgumentError as exc:
            raise StorageError(f"{label}: not a database path or URL ({exc})") from None
        except (sa.exc.DatabaseError, sa.exc.OperationalError) as exc:
            raise StorageError(f"{label}: cannot open the ledger ({exc.orig})") from None
        except ModuleNotFoundError as exc:
            raise StorageError(f"{label}: database driver missing ({exc.name})") from None
        return cls(engine, label)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles and their analyses ------------------------------------------------

    def find_by_hash(self, content_hash: str) -> str | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(t.articles.c.id).where(t.articles.c.content_hash == content_hash)
            ).first()
        return row[0] if row else None

    def known_hashes(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return dict(conn.execute(sa.select(t.articles.c.content_hash, t.articles.c.id)).all())

    def article_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(sa.select(t.articles.c.id).order_by(t.articles.c.seq))]

    def revision(self) -> str:
        """A token that changes whenever an analysis or the corpus records are written.

        Readers (the web app) cache what they built from the ledger under it. A ledger written
        before revisions were recorded answers ``"0"`` until its next write.
        """
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(t.meta.c.value).where(t.meta.c.key == "revision")).first()
        return row[0] if row else "0"

    @staticmethod
    def _bump_revision(conn: sa.Connection) -> None:
        conn.execute(t.meta.delete().where(t.meta.c.key == "revision"))
        conn.execute(t.meta.insert().values(key="revision", value=uuid.uuid4().hex))

    def count(self, table: str = "articles") -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(t.metadata.tables[table])).scalar_one()

    def save_analysis(self, analysis: ArticleAnalysis) -> None:
        """Store an article and its analysis in one transaction (replacing an older one)."""
        a = analysis.article
        try:
            with self.engine.begin() as conn:
                conn.execute(t.articles.delete().where(t.articles.c.id == a.id))
                for table in t.ANALYSIS_TABLES:
                    conn.execute(table.delete().where(table.c.article_id == a.id))
                self._bump_revision(conn)
                conn.execute(t.articles.insert().values(
                    id=a.id, content_hash=a.content_hash, file=a.file, source=a.source, url=a.url,
                    title=a.title, published=a.published, published_inferred=a.published_inferred,
                    language=a.language, text=a.text, notes=list(analysis.notes), ingested_at=_now(),
                ))
                self._upsert_actors(conn, analysis.actors)
                self._insert(conn, t.mentions, [_row(m) for m in analysis.mentions])
                self._insert(conn, t.time_expressions, [_row(x) for x in analysis.time_expressions])
                self._insert(conn, t.quotes, [_row(q) for q in analysis.quotes])
                self._insert(conn, t.events, [_row(e) for e in analysis.events])
        except sa.exc.SQLAlchemyError as exc:
            raise StorageError(f"{self.label}: could not store article {a.id} ({exc.__class__.__name__}: {exc})") from None

    @staticmethod
    def _insert(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
        if rows:
            conn.execute(table.insert(), rows)

    @staticmethod
    def _upsert_actors(conn: sa.Connection, actors: Sequence[Actor]) -> None:
        if not actors:
            return
        ids = [a.id for a in actors]
        existing = {
            r.id: r for r in conn.execute(sa.select(t.actors).where(t.actors.c.id.in_(ids)))
        }
        for actor in actors:
            old = existing.get(actor.id)
            if old is None:
                conn.execute(t.actors.insert().values(**_row(actor)))
                continue
            aliases = list(dict.fromkeys([*old.aliases, *actor.aliases]))
            roles = list(dict.fromkeys([*old.roles, *actor.roles]))
            codes = {**actor.codes, **old.codes}
            conn.execute(
                t.actors.update().where(t.actors.c.id == actor.id).values(
                    aliases=aliases, roles=roles, codes=codes,
                    country=old.country or actor.country,
                )
            )

    def record_rejection(self, source: str, reason: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(t.rejections.insert().values(input=source, reason=reason, at=_now()))

    # -- reading ----------------------------------------------------------------------

    def load_articles(self, article_ids: Sequence[str] | None = None) -> list[Article]:
        q = sa.select(t.articles).order_by(t.articles.c.seq)
        if article_ids is not None:
            q = q.where(t.articles.c.id.in_(list(article_ids)))
        with self.engine.connect() as conn:
            return [_article(r) for r in conn.execute(q)]

    def load_analyses(self, article_ids: Sequence[str] | None = None) -> Iterator[ArticleAnalysis]:
        """The stored analyses (all, or the given articles), in ingest order."""
        ids = list(article_ids) if article_ids is not None else None
        for chunk_start in range(0, len(ids) if ids is not None else 1, 500):
            chunk = ids[chunk_start:chunk_start + 500] if ids is not None else None
            yield from self._load_analyses_chunk(chunk)

    def _load_analyses_chunk(self, ids: list[str] | None) -> Iterator[ArticleAnalysis]:
        with self.engine.connect() as conn:
            def rows(table: sa.Table) -> dict[str, list[Any]]:
                q = sa.select(table)
                if ids is not None:
                    q = q.where(table.c.article_id.in_(ids))
                out: dict[str, list[Any]] = {}
                for r in conn.execute(q):
                    out.setdefault(r.article_id, []).append(r)
                return out

            art_q = sa.select(t.articles).order_by(t.articles.c.seq)
            if ids is not None:
                art_q = art_q.where(t.articles.c.id.in_(ids))
            arts = list(conn.execute(art_q))
            ments, times, quots, evs = (rows(x) for x in t.ANALYSIS_TABLES)
            actor_ids: set[str] = set()
            for group in (ments, quots, evs):
                for rs in group.values():
                    for r in rs:
                        actor_ids.update(_actor_refs(r))
            actors = {a.id: a for a in self._actors(conn, actor_ids)}
        for r in arts:
            aid = r.id
            ev = tuple(_event(x) for x in sorted(evs.get(aid, []), key=lambda x: x.start))
            qs = tuple(_quote(x) for x in sorted(quots.get(aid, []), key=lambda x: x.start))
            ms = tuple(_mention(x) for x in sorted(ments.get(aid, []), key=lambda x: x.start))
            used = {m.actor_id for m in ms} | {q.speaker_id for q in qs if q.speaker_id}
            for e in ev:
                used.update(e.source_ids)
                used.update(e.target_ids)
            yield ArticleAnalysis(
                article=_article(r),
                actors=tuple(actors[i] for i in sorted(used) if i in actors),
                mentions=ms,
                time_expressions=tuple(_timex(x) for x in sorted(times.get(aid, []), key=lambda x: x.start)),
                quotes=qs,
                events=ev,
                notes=tuple(r.notes or ()),
            )

    @staticmethod
    def _actors(conn: sa.Connection, ids: set[str] | None = None) -> list[Actor]:
        q = sa.select(t.actors).order_by(t.actors.c.id)
        if ids is not None:
            q = q.where(t.actors.c.id.in_(list(ids)))
        return [_actor(r) for r in conn.execute(q)]

    def load_ledger(self) -> Ledger:
        """Everything, as exported (SCHEMA.md)."""
        analyses = list(self.load_analyses())
        with self.engine.connect() as conn:
            actors = self._actors(conn)
            stories = [Story(r.id, r.title, tuple(r.article_ids)) for r in conn.execute(sa.select(t.stories))]
            timeline = [
                TimelineEntry(r.date, r.story_id, r.text, tuple(r.event_ids), tuple(r.article_ids), r.sources)
                for r in conn.execute(sa.select(t.timeline).order_by(t.timeline.c.seq))
            ]
            claims = [
                Claim(r.id, r.text, tuple(r.article_ids), tuple(r.conflicts_with), r.value, r.kind)
                for r in conn.execute(sa.select(t.claims))
            ]
        events = tuple(e for a in analyses for e in a.events)
        return Ledger(
            articles=tuple(a.article for a in analyses),
            actors=tuple(actors),
            mentions=tuple(m for a in analyses for m in a.mentions),
            time_expressions=tuple(x for a in analyses for x in a.time_expressions),
            quotes=tuple(q for a in analyses for q in a.quotes),
            events=events,
            stories=tuple(stories),
            timeline=tuple(timeline),
            claims=tuple(claims),
            dyads=tuple(_dyads(events, actors)),
        )

    def load_duplicates(self) -> list[tuple[str, str, float]]:
        with self.engine.connect() as conn:
            return [(r.article_id, r.duplicate_of, r.similarity) for r in conn.execute(sa.select(t.duplicates))]

    def load_rejections(self) -> list[tuple[str, str, str]]:
        with self.engine.connect() as conn:
            return [(r.input, r.reason, r.at) for r in conn.execute(sa.select(t.rejections).order_by(t.rejections.c.seq))]

    # -- corpus-level state -------------------------------------------------------------

    def get_blob(self, key: str) -> bytes | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(t.blobs.c.data).where(t.blobs.c.key == key)).first()
        return bytes(row[0]) if row else None

    def put_blob(self, key: str, data: bytes) -> None:
        with self.engine.begin() as conn:
            conn.execute(t.blobs.delete().where(t.blobs.c.key == key))
            conn.execute(t.blobs.insert().values(key=key, data=data))

    def save_corpus(
        self,
        stories: Sequence[Story],
        timeline: Sequence[TimelineEntry],
        claims: Sequence[Claim],
        duplicates: Sequence[tuple[str, str, float]],
    ) -> None:
        """Replace the corpus-level records (one transaction)."""
        with self.engine.begin() as conn:
            self._bump_revision(conn)
            for table in t.CORPUS_TABLES:
                conn.execute(table.delete())
            self._insert(conn, t.stories, [_row(s) for s in stories])
            self._insert(conn, t.timeline, [_row(e) for e in timeline])
            self._insert(conn, t.claims, [_row(c) for c in claims])
            self._insert(conn, t.duplicates, [
                {"article_id": a, "duplicate_of": b, "similarity": float(s)} for a, b, s in duplicates
            ])


# -- row <-> model ------------------------------------------------------------------------

def _row(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in obj.__dataclass_fields__:
        value = getattr(obj, name)
        if isinstance(value, tuple):
            value = [list(v) if isinstance(v, tuple) else v for v in value]
        out[name] = value
    return out


def _actor_refs(r: Any) -> list[str]:
    if hasattr(r, "source_ids"):
        return [*r.source_ids, *r.target_ids]
    if hasattr(r, "speaker_id"):
        return [r.speaker_id] if r.speaker_id else []
    return [r.actor_id]


def _article(r: Any) -> Article:
    return Article(
        id=r.id, text=r.text, title=r.title, source=r.source, url=r.url, file=r.file,
        published=r.published, published_inferred=bool(r.published_inferred),
        language=r.language, content_hash=r.content_hash,
    )


def _actor(r: Any) -> Actor:
    return Actor(
        id=r.id, name=r.name, kind=r.kind, country=r.country, aliases=tuple(r.aliases or ()),
        codes=dict(r.codes or {}), roles=tuple(r.roles or ()),
    )


def _mention(r: Any) -> Mention:
    return Mention(r.article_id, r.actor_id, r.start, r.end, r.text)


def _timex(r: Any) -> TimeExpression:
    return TimeExpression(r.article_id, r.start, r.end, r.text, r.type, r.value, r.mod)


def _quote(r: Any) -> Quote:
    return Quote(
        id=r.id, article_id=r.article_id, speaker_id=r.speaker_id, speaker_text=r.speaker_text,
        text=r.text, start=r.start, end=r.end, kind=r.kind, cue=r.cue,
        fragments=tuple(tuple(f) for f in (r.fragments or ())),  # type: ignore[misc]
        speaker_start=r.speaker_start, speaker_end=r.speaker_end,
    )


def _event(r: Any) -> Event:
    return Event(
        id=r.id, article_id=r.article_id, type=r.type, source_ids=tuple(r.source_ids),
        target_ids=tuple(r.target_ids), sentence=r.sentence, start=r.start, end=r.end,
        mode=r.mode, cameo=r.cameo, date=r.date, location=r.location, negated=bool(r.negated),
        modality=r.modality, trigger=r.trigger,
        source_codes=tuple(dict(c) for c in (r.source_codes or ())),
        target_codes=tuple(dict(c) for c in (r.target_codes or ())),
    )


def _dyads(events: Sequence[Event], actors: Sequence[Actor]) -> list[dict[str, Any]]:
    try:
        from newsledger.nlp.events.dyads import dyad_series
    except ImportError:
        return []
    return list(dyad_series(events, {a.id: a for a in actors}))
