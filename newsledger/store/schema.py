"""The ledger's tables (SQLAlchemy Core), one schema for SQLite and PostgreSQL.

Schema changes are migrations (``newsledger/store/migrations.py``), never
"delete your database".

DOCS: docs/storage.md
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

meta = sa.Table(
    "meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(200), nullable=False, unique=True),
    sa.Column("content_hash", sa.String(64), nullable=False, index=True),
    sa.Column("file", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(40)),
    sa.Column("published_inferred", sa.Boolean, nullable=False, default=False),
    sa.Column("language", sa.String(16), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("notes", sa.JSON, nullable=False, default=list),
    sa.Column("ingested_at", sa.String(40), nullable=False),
)

actors = sa.Table(
    "actors", metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("country", sa.String(8)),
    sa.Column("aliases", sa.JSON, nullable=False, default=list),
    sa.Column("codes", sa.JSON, nullable=False, default=dict),
    sa.Column("roles", sa.JSON, nullable=False, default=list),
)

def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")

mentions = sa.Table(
    "mentions", metadata,
    sa.Column("article_id", sa.String(200), _article_fk(), nullable=False, index=True),
    sa.Column("actor_id", sa.String(200), nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

time_expressions = sa.Table(
    "time_expressions", metadata,
    sa.Column("article_id", sa.String(200), _article_fk(), nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("type", sa.String(10), nullable=False),
    sa.Column("value", sa.String(80), nullable=False),
    sa.Column("mod", sa.String(20)),
)

quotes = sa.Table(
    "quotes", metadata,
    sa.Column("id", sa.String(220), primary_key=True),
    sa.Column("article_id", sa.String(200), _article_fk(), nullable=False, index=True),
    sa.Column("speaker_id", sa.String(200), index=True),
    sa.Column("speaker_text", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("cue", sa.Text),
    sa.Column("fragments", sa.JSON, nullable=False, default=list),
    sa.Column("speaker_start", sa.Integer),  # v2
    sa.Column("speaker_end", sa.Integer),  # v2
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.String(220), primary_key=True),
    sa.Column("article_id", sa.String(200), _article_fk(), nullable=False, index=True),
    sa.Column("type", sa.String(12), nullable=False, index=True),
    sa.Column("mode", sa.String(40)),
    sa.Column("cameo", sa.String(8)),
    sa.Column("source_ids", sa.JSON, nullable=False, default=list),
    sa.Column("target_ids", sa.JSON, nullable=False, default=list),
    sa.Column("date", sa.String(40)),
    sa.Column("location", sa.Text),
    sa.Column("negated", sa.Boolean, nullable=False, default=False),
    sa.Column("modality", sa.String(12), nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("trigger", sa.Text),
    sa.Column("source_codes", sa.JSON),  # v3
    sa.Column("target_codes", sa.JSON),  # v3
)

stories = sa.Table(
    "stories", metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("article_ids", sa.JSON, nullable=False, default=list),
)

timeline = sa.Table(
    "timeline", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("date", sa.String(40), nullable=False),
    sa.Column("story_id", sa.String(200)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("event_ids", sa.JSON, nullable=False, default=list),
    sa.Column("article_ids", sa.JSON, nullable=False, default=list),
    sa.Column("sources", sa.Integer, nullable=False, default=0),
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("article_ids", sa.JSON, nullable=False, default=list),
    sa.Column("conflicts_with", sa.JSON, nullable=False, default=list),
    sa.Column("value", sa.Text),
    sa.Column("kind", sa.String(40)),
)

duplicates = sa.Table(
    "duplicates", metadata,
    sa.Column("article_id", sa.String(200), primary_key=True),
    sa.Column("duplicate_of", sa.String(200), nullable=False),
    sa.Column("similarity", sa.Float, nullable=False),
)

blobs = sa.Table(
    "blobs", metadata,
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

rejections = sa.Table(
    "rejections", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("input", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
)

ANALYSIS_TABLES = (mentions, time_expressions, quotes, events)
CORPUS_TABLES = (stories, timeline, claims, duplicates)
