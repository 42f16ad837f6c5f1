"""Terminal views (rich tables) of the ledger: timeline, quotes, actors, events.

DOCS: docs/cli.md
"""

from __future__ import annotations

from collections import Counter

from rich.table import Table

from newsledger.model import Ledger


def in_range(date: str | None, since: str | None, until: str | None) -> bool:
    """ISO dates at any precision compared on their common prefix."""
    if not since and not until:
        return True
    if not date or not date[:4].isdigit():
        return False
    if since and date[: len(since)] < since[: len(date)]:
        return False
    if until and date[: len(until)] > until[: len(date)]:
        return False
    return True


def _cut(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _limit(rows: list, limit: int) -> list:
    return rows[:limit] if limit and limit > 0 else rows


def timeline_table(ledger: Ledger, story: str | None = None, since: str | None = None,
                   until: str | None = None, limit: int = 0) -> Table:
    table = Table(title="Timeline", show_lines=False)
    for col in ("date", "story", "what happened", "sources"):
        table.add_column(col, overflow="fold")
    stories = {s.id: s.title for s in ledger.stories}
    rows = [e for e in ledger.timeline if (not story or e.story_id == story) and in_range(e.date, since, until)]
    for e in _limit(rows, limit):
        table.add_row(e.date, _cut(stories.get(e.story_id or "", e.story_id or ""), 40), _cut(e.text, 200),
                      str(e.sources or len(e.article_ids)))
    return table


def quotes_table(ledger: Ledger, speaker: str | None = None, kind: str | None = None,
                 since: str | None = None, until: str | None = None, limit: int = 0) -> Table:
    names = {a.id: a.name for a in ledger.actors}
    published = {a.id: a.published for a in ledger.articles}
    table = Table(title="Quotes")
    for col in ("date", "speaker", "kind", "quote"):
        table.add_column(col, overflow="fold")
    rows = []
    for q in ledger.quotes:
        name = names.get(q.speaker_id or "", q.speaker_text or "(unknown)")
        if speaker and speaker.lower() not in name.lower():
            continue
        if kind and q.kind != kind:
            continue
        if not in_range(published.get(q.article_id), since, until):
            continue
        rows.append((published.get(q.article_id) or "", name, q.kind, _cut(q.text, 220)))
    for r in _limit(rows, limit):
        table.add_row(*r)
    return table


def actors_table(ledger: Ledger, kind: str | None = None, limit: int = 0) -> Table:
    counts = Counter(m.actor_id for m in ledger.mentions)
    table = Table(title="Actors")
    for col in ("name", "kind", "country", "code", "mentions", "id"):
        table.add_column(col, overflow="fold")
    rows = sorted((a for a in ledger.actors if not kind or a.kind == kind), key=lambda a: (-counts[a.id], a.name))
    for a in _limit(rows, limit):
        table.add_row(a.name, a.kind, a.country or "", a.codes.get("cameo", ""), str(counts[a.id]), a.id)
    return table


def events_table(ledger: Ledger, type_: str | None = None, actor: str | None = None,
                 since: str | None = None, until: str | None = None, limit: int = 0) -> Table:
    names = {a.id: a.name for a in ledger.actors}
    table = Table(title="Events")
    for col in ("date", "type", "source", "target", "flags", "sentence"):
        table.add_column(col, overflow="fold")
    rows = []
    for e in sorted(ledger.events, key=lambda e: (e.date or "", e.id)):
        src = ", ".join(names.get(i, i) for i in e.source_ids)
        tgt = ", ".join(names.get(i, i) for i in e.target_ids)
        if type_ and e.type != type_.upper():
            continue
        if actor and actor.lower() not in (src + " " + tgt).lower():
            continue
        if not in_range(e.date, since, until):
            continue
        flags = " ".join(f for f in ("negated" if e.negated else "", e.modality if e.modality != "asserted" else "") if f)
        rows.append((e.date or "", e.type, src, tgt, flags, _cut(e.sentence, 160)))
    for r in _limit(rows, limit):
        table.add_row(*r)
    return table
