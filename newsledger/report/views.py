"""The dossier's view model: a Ledger turned into what the templates show.

Shared by the static report (``render.py``) and the web UI (``newsledger.web``):
both draw the same sections from the same numbers. Everything here is plain
data; all text stays raw and is escaped by Jinja when the templates render it.

Links: every item points at the sentence it came from through an anchor
``a-<article key>-<start offset>`` placed in that article's text (see
``segment_text``). ``Links`` decides whether those anchors live in the same page
(the report) or on ``/articles/<id>`` pages (the web UI).

DOCS: docs/report.md
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from newsledger.model import PLOVER_CATEGORIES, Article, Event, Ledger, TimelineEntry
from newsledger.report import charts

_UNSAFE_KEY = re.compile(r"[^A-Za-z0-9_]")
_MONTH = re.compile(r"^(\d{4})-(\d{2})")
_YEARISH = re.compile(r"^(\d{3}[\dX])")
MAX_DYAD_CHARTS = 12
MAX_PAIRS_TABLE = 60
BACKGROUND_MONTHS = 12


@dataclass(frozen=True, slots=True)
class Links:
    """Where article anchors live: ``pages=False`` one page, ``True`` one page per article."""

    keys: dict[str, str]
    pages: bool = False
    prefix: str = ""

    def article(self, article_id: str) -> str:
        if self.pages:
            return f"{self.prefix}/articles/{quote(article_id, safe='')}"
        return f"#art-{self.key(article_id)}"

    def anchor_id(self, article_id: str, start: int) -> str:
        return f"a-{self.key(article_id)}-{start}"

    def sentence(self, article_id: str, start: int) -> str:
        anchor = self.anchor_id(article_id, start)
        return f"{self.article(article_id)}#{anchor}" if self.pages else f"#{anchor}"

    def key(self, article_id: str) -> str:
        return self.keys.get(article_id) or _UNSAFE_KEY.sub("_", article_id)


def article_keys(article_ids: Iterable[str]) -> dict[str, str]:
    """An HTML-id-safe, unique key per article id (``[A-Za-z0-9_]`` only)."""
    keys: dict[str, str] = {}
    used: set[str] = set()
    for article_id in article_ids:
        base = _UNSAFE_KEY.sub("_", article_id) or "x"
        key, n = base, 1
        while key in used:
            n += 1
            key = f"{base}_{n}"
        used.add(key)
        keys[article_id] = key
    return keys


@dataclass(slots=True)
class Piece:
    """A run of article text under the same set of marks."""

    text: str
    classes: str = ""
    id: str = ""
    end: int = 0
    title: str = ""


def segment_text(
    text: str,
    spans: Sequence[tuple[int, int, str, str]],
    anchors: Iterable[int],
    anchor_id: Any,
) -> list[Piece]:
    """Split ``text`` at every span boundary; each piece lists the marks covering it.

    ``spans`` are ``(start, end, css_class, title)``; offsets outside the text or
    empty ranges are dropped. A piece starting at an offset in ``anchors`` carries
    ``anchor_id(offset)`` as its id and, as ``end``, the furthest end of the spans
    starting there (a script uses it to highlight the whole cited range).
    """
    n = len(text)
    valid = [(max(0, s), min(n, e), c, t) for s, e, c, t in spans if 0 <= s < e and s < n]
    anchor_set = {a for a in anchors if 0 <= a < n}
    cuts = sorted({0, n, *anchor_set, *(s for s, _, _, _ in valid), *(e for _, e, _, _ in valid)})
    far_end: dict[int, int] = {}
    for s, e, _, _ in valid:
        far_end[s] = max(far_end.get(s, 0), e)
    by_start: dict[int, list[int]] = defaultdict(list)
    for i, (s, _, _, _) in enumerate(valid):
        by_start[s].append(i)
    # Sweep: spans open at their start cut and close at their end cut.
    pieces: list[Piece] = []
    open_spans: set[int] = set()
    for left, right in zip(cuts, cuts[1:], strict=False):
        open_spans.update(by_start.get(left, ()))
        open_spans = {i for i in open_spans if valid[i][1] > left}
        if right <= left:
            continue
        classes = sorted({valid[i][2] for i in open_spans})
        titles = sorted({valid[i][3] for i in open_spans if valid[i][3]})
        piece = Piece(text[left:right], " ".join(classes), title="; ".join(titles))
        if left in anchor_set:
            piece.id = anchor_id(left)
            piece.end = far_end.get(left, right)
        pieces.append(piece)
    return pieces


def month_of(date: str | None) -> str | None:
    """``YYYY-MM`` of an ISO/TIMEX date known at least to the month, else None."""
    if not date:
        return None
    m = _MONTH.match(date)
    return f"{m.group(1)}-{m.group(2)}" if m and 1 <= int(m.group(2)) <= 12 else None


def _month_index(date: str | None, latest: bool) -> int | None:
    if not date:
        return None
    m = _MONTH.match(date)
    if m:
        return int(m.group(1)) * 12 + int(m.group(2))
    y = _YEARISH.match(date)
    if y:
        year = int(y.group(1).replace("X", "9" if latest else "0"))
        return year * 12 + (12 if latest else 1)
    return None


def is_background(entry_date: str, first_published: str | None) -> bool:
    """True for history told as background: dated well before the story's first report."""
    if entry_date == "PAST_REF":
        return True
    first = _month_index(first_published, latest=False)
    when = _month_index(entry_date, latest=True)
    return first is not None and when is not None and when < first - 1


def _date_key(date: str | None) -> tuple[int, str]:
    if not date:
        return (2, "")
    return (0, date) if date[:1].isdigit() else (1, date)


@dataclass(slots=True)
class Dossier:
    """Everything the dossier templates draw."""

    title: str
    links: Links
    overview: dict[str, Any]
    stories: list[dict[str, Any]] = field(default_factory=list)
    loose_entries: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    pairs: list[dict[str, Any]] = field(default_factory=list)
    network: charts.Chart | None = None
    quote_groups: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    events_chart: charts.Chart | None = None
    dyad_charts: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)


def build_dossier(
    ledger: Ledger,
    title: str | None = None,
    pages: bool = False,
    prefix: str = "",
    with_texts: bool = True,
) -> Dossier:
    """The view model of the whole ledger (see the module docstring for ``pages``)."""
    links = Links(article_keys(a.id for a in ledger.articles), pages=pages, prefix=prefix)
    articles = {a.id: a for a in ledger.articles}
    names = {a.id: a.name for a in ledger.actors}
    events = sorted(ledger.events, key=lambda e: (_date_key(_event_date(e, articles)), e.article_id, e.start))
    dossier = Dossier(title=title or "newsledger dossier", links=links, overview=_overview(ledger))
    dossier.stories, dossier.loose_entries = _stories(ledger, articles, links)
    dossier.actors = _actors(ledger, links)
    dossier.pairs, dossier.network = _interactions(events, names, links)
    dossier.quote_groups = _quotes(ledger, names, articles, links)
    dossier.events = [_event_row(e, names, articles, links) for e in events]
    dossier.events_chart = _events_chart(events, articles)
    dossier.dyad_charts = _dyads(ledger.dyads, names)
    dossier.claims = _claims(ledger, articles, links)
    if with_texts:
        index = by_article(ledger)
        dossier.articles = [article_view(a, ledger, links, index) for a in ledger.articles]
    return dossier


def _event_date(event: Event, articles: dict[str, Article]) -> str | None:
    if event.date:
        return event.date
    art = articles.get(event.article_id)
    return art.published if art else None


def _overview(ledger: Ledger) -> dict[str, Any]:
    dates = sorted(a.published for a in ledger.articles if a.published)
    counts = {
        "articles": len(ledger.articles), "actors": len(ledger.actors), "mentions": len(ledger.mentions),
        "events": len(ledger.events), "quotes": len(ledger.quotes), "stories": len(ledger.stories),
        "timeline entries": len(ledger.timeline), "claims": len(ledger.claims),
    }
    return {
        "counts": counts,
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "sources": Counter(a.source or "unknown source" for a in ledger.articles).most_common(),
        "languages": Counter(a.language for a in ledger.articles).most_common(),
        "inferred": sum(1 for a in ledger.articles if a.published_inferred),
        "types": Counter(e.type for e in ledger.events).most_common(),
    }


def _entry_view(entry: TimelineEntry, links: Links, events: dict[str, Event], articles: dict[str, Article]) -> dict[str, Any]:
    arts = list(dict.fromkeys(entry.article_ids))
    evs = [events[i] for i in entry.event_ids if i in events]
    for ev in evs:
        if ev.article_id not in arts:
            arts.append(ev.article_id)
    return {
        "date": entry.date, "text": entry.text,
        "sources": entry.sources or len(arts),
        "articles": [_article_ref(i, articles, links) for i in arts],
        "events": [{"type": e.type, "href": links.sentence(e.article_id, e.start),
                    "label": _article_label(e.article_id, articles)}
                   for e in evs],
    }


def _article_label(article_id: str, articles: dict[str, Article]) -> str:
    """How an item names its article: the outlet, else the file name, else the id."""
    art = articles.get(article_id)
    if art is None:
        return article_id
    return art.source or art.file or article_id


def _article_ref(article_id: str, articles: dict[str, Article], links: Links) -> dict[str, Any]:
    art = articles.get(article_id)
    return {
        "id": article_id, "href": links.article(article_id),
        "title": (art.title if art and art.title else article_id),
        "source": art.source if art else None, "published": art.published if art else None,
    }


def _stories(ledger: Ledger, articles: dict[str, Article], links: Links) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    events = {e.id: e for e in ledger.events}
    by_story: dict[str | None, list[TimelineEntry]] = defaultdict(list)
    for entry in ledger.timeline:
        by_story[entry.story_id].append(entry)
    known = {s.id for s in ledger.stories}
    out = []
    for story in ledger.stories:
        published = sorted(articles[i].published for i in story.article_ids if i in articles and articles[i].published)  # type: ignore[type-var]
        first = published[0] if published else None
        entries = sorted(by_story.get(story.id, []), key=lambda t: _date_key(t.date))
        views = [(is_background(t.date, first), _entry_view(t, links, events, articles)) for t in entries]
        out.append({
            "id": story.id, "title": story.title, "first": first, "last": published[-1] if published else None,
            "articles": [_article_ref(i, articles, links) for i in story.article_ids],
            "background": [v for bg, v in views if bg], "entries": [v for bg, v in views if not bg],
        })
    loose = [t for sid, ts in by_story.items() if sid not in known for t in ts]
    loose_views = [_entry_view(t, links, events, articles) for t in sorted(loose, key=lambda t: _date_key(t.date))]
    return out, loose_views


def _actors(ledger: Ledger, links: Links) -> list[dict[str, Any]]:
    mentions = Counter(m.actor_id for m in ledger.mentions)
    in_articles: dict[str, set[str]] = defaultdict(set)
    first_mention: dict[str, tuple[str, int]] = {}
    for m in ledger.mentions:
        in_articles[m.actor_id].add(m.article_id)
        first_mention.setdefault(m.actor_id, (m.article_id, m.start))
    as_source = Counter(a for e in ledger.events for a in set(e.source_ids))
    as_target = Counter(a for e in ledger.events for a in set(e.target_ids))
    quotes = Counter(q.speaker_id for q in ledger.quotes if q.speaker_id)
    rows: list[dict[str, Any]] = []
    for actor in ledger.actors:
        fm = first_mention.get(actor.id)
        rows.append({
            "id": actor.id, "anchor": "actor-" + _UNSAFE_KEY.sub("_", actor.id), "name": actor.name,
            "kind": actor.kind, "country": actor.country, "codes": sorted(actor.codes.items()),
            "aliases": list(actor.aliases), "roles": list(actor.roles), "mentions": mentions.get(actor.id, 0),
            "articles": len(in_articles.get(actor.id, ())), "as_source": as_source.get(actor.id, 0),
            "as_target": as_target.get(actor.id, 0), "quotes": quotes.get(actor.id, 0),
            "href": links.sentence(*fm) if fm else None,
        })
    rows.sort(key=lambda r: (-r["mentions"], -(r["as_source"] + r["as_target"]), r["name"].lower()))
    return rows


def _interactions(events: Sequence[Event], names: dict[str, str], links: Links) -> tuple[list[dict[str, Any]], charts.Chart]:
    directed: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    undirected: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    first: dict[tuple[str, str], Event] = {}
    for ev in events:
        group = charts.category_group(ev.type)
        for s in dict.fromkeys(ev.source_ids):
            for t in dict.fromkeys(ev.target_ids):
                if s == t:
                    continue
                directed[(s, t)][ev.type] += 1
                first.setdefault((s, t), ev)
                key = (s, t) if s < t else (t, s)
                cell = undirected[key]
                cell[0] += 1
                if group == "cooperation" and not ev.negated:
                    cell[1] += 1
                elif group == "conflict" and not ev.negated:
                    cell[2] += 1
    rows: list[dict[str, Any]] = []
    for (s, t), types in directed.items():
        ev = first[(s, t)]
        rows.append({
            "source": names.get(s, s), "target": names.get(t, t), "total": sum(types.values()),
            "types": types.most_common(4), "href": links.sentence(ev.article_id, ev.start),
        })
    rows.sort(key=lambda r: (-r["total"], r["source"], r["target"]))
    hrefs = {a: "#actor-" + _UNSAFE_KEY.sub("_", a) for a in names}
    chart = charts.network(names, {k: (v[0], v[1], v[2]) for k, v in undirected.items()}, hrefs)
    return rows[:MAX_PAIRS_TABLE], chart


def _quotes(ledger: Ledger, names: dict[str, str], articles: dict[str, Article], links: Links) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for q in sorted(ledger.quotes, key=lambda q: (_date_key(articles[q.article_id].published if q.article_id in articles else None), q.article_id, q.start)):
        if q.speaker_id:
            key, speaker = "id:" + q.speaker_id, names.get(q.speaker_id, q.speaker_text or q.speaker_id)
        elif q.speaker_text:
            key, speaker = "text:" + q.speaker_text.lower(), q.speaker_text
        else:
            key, speaker = "none", "Unattributed"
        group = groups.setdefault(key, {
            "speaker": speaker, "resolved": bool(q.speaker_id),
            "href": "#actor-" + _UNSAFE_KEY.sub("_", q.speaker_id) if q.speaker_id else None, "quotes": [],
        })
        art = articles.get(q.article_id)
        group["quotes"].append({
            "text": q.text, "kind": q.kind, "cue": q.cue, "speaker_text": q.speaker_text,
            "href": links.sentence(q.article_id, q.start), "article": _article_ref(q.article_id, articles, links),
            "published": art.published if art else None,
        })
    return sorted(groups.values(), key=lambda g: (g["speaker"] == "Unattributed", -len(g["quotes"]), g["speaker"].lower()))


def _event_row(ev: Event, names: dict[str, str], articles: dict[str, Article], links: Links) -> dict[str, Any]:
    return {
        "id": ev.id, "date": _event_date(ev, articles), "dated": bool(ev.date), "type": ev.type,
        "colour": charts.category_colour(ev.type), "mode": ev.mode, "cameo": ev.cameo,
        "sources": [names.get(a, a) for a in ev.source_ids], "targets": [names.get(a, a) for a in ev.target_ids],
        "negated": ev.negated, "modality": ev.modality, "sentence": ev.sentence, "trigger": ev.trigger,
        "location": ev.location, "href": links.sentence(ev.article_id, ev.start),
        "article": _article_ref(ev.article_id, articles, links),
    }


def _events_chart(events: Sequence[Event], articles: dict[str, Article]) -> charts.Chart:
    """Counts per month and category over the period covered by the articles.

    Events dated more than ``BACKGROUND_MONTHS`` before the first article are
    history told as background; they are counted in a note, not drawn, so that
    one mention of 1999 does not stretch the axis over decades.
    """
    first = _month_index(min((a.published for a in articles.values() if a.published), default=None), latest=False)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    background = 0
    for ev in events:
        month = month_of(_event_date(ev, articles))
        if not month:
            continue
        if first is not None and (_month_index(month, latest=False) or 0) < first - BACKGROUND_MONTHS:
            background += 1
            continue
        counts[month][ev.type] += 1
    extra = sorted({e.type for e in events} - set(PLOVER_CATEGORIES))
    chart = charts.stacked_bars(counts, list(PLOVER_CATEGORIES) + extra)
    if background:
        note = f"{background} background event{'s' if background != 1 else ''} dated over {BACKGROUND_MONTHS} months before the first article not drawn"
        chart.note = "; ".join(x for x in (chart.note, note) if x)
    return chart


def _dyads(dyads: Sequence[dict[str, Any]], names: dict[str, str]) -> list[dict[str, Any]]:
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for rec in dyads:
        by_pair[(str(rec.get("source_id")), str(rec.get("target_id")))].append(rec)
    out: list[dict[str, Any]] = []
    for (s, t), recs in by_pair.items():
        coop = sum(charts._num(r.get("cooperation")) for r in recs)
        conf = sum(charts._num(r.get("conflict")) for r in recs)
        out.append({"source": names.get(s, s), "target": names.get(t, t), "cooperation": coop,
                    "conflict": conf, "months": len(recs), "chart": charts.dyad_bars(recs)})
    out.sort(key=lambda d: (-(d["cooperation"] + d["conflict"]), d["source"], d["target"]))
    return out[:MAX_DYAD_CHARTS]


def _claims(ledger: Ledger, articles: dict[str, Article], links: Links) -> list[dict[str, Any]]:
    anchors = {c.id: "claim-" + _UNSAFE_KEY.sub("_", c.id) for c in ledger.claims}
    texts = {c.id: c.text for c in ledger.claims}
    rows = []
    for c in sorted(ledger.claims, key=lambda c: (-len(set(c.article_ids)), c.id)):
        srcs = {articles[i].source for i in c.article_ids if i in articles and articles[i].source}
        rows.append({
            "id": c.id, "anchor": anchors[c.id], "text": c.text, "kind": c.kind, "value": c.value,
            "articles": [_article_ref(i, articles, links) for i in dict.fromkeys(c.article_ids)],
            "sources": len(srcs) or len(set(c.article_ids)),
            "conflicts": [{"text": texts.get(i, i), "href": "#" + anchors[i] if i in anchors else None} for i in c.conflicts_with],
        })
    return rows


def by_article(ledger: Ledger) -> dict[str, dict[str, list[Any]]]:
    """Mentions, time expressions, quotes and events grouped by article id."""
    index: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for name in ("mentions", "time_expressions", "quotes", "events"):
        for rec in getattr(ledger, name):
            index[rec.article_id][name].append(rec)
    return index


def article_view(
    article: Article,
    ledger: Ledger,
    links: Links,
    index: dict[str, dict[str, list[Any]]] | None = None,
) -> dict[str, Any]:
    """One article with its text cut into marked pieces (mentions, quotes, events, dates)."""
    names = {a.id: a.name for a in ledger.actors}
    aid = article.id
    own = (index if index is not None else by_article(ledger)).get(aid, {})
    spans: list[tuple[int, int, str, str]] = []
    anchors: set[int] = set()
    for m in own.get("mentions", ()):
        spans.append((m.start, m.end, "m", names.get(m.actor_id, m.actor_id)))
        anchors.add(m.start)
    for t in own.get("time_expressions", ()):
        spans.append((t.start, t.end, "t", f"{t.type} {t.value}"))
    for q in own.get("quotes", ()):
        spans.append((q.start, q.end, "q", f"quote ({q.kind})"))
        anchors.add(q.start)
    for e in own.get("events", ()):
        spans.append((e.start, e.end, "ev", e.type + (" (negated)" if e.negated else "")))
        anchors.add(e.start)
    pieces = segment_text(article.text, spans, anchors, lambda s: links.anchor_id(aid, s))
    url = article.url if article.url and article.url.lower().startswith(("http://", "https://")) else None
    return {
        "id": aid, "key": links.key(aid), "title": article.title or aid, "source": article.source,
        "published": article.published, "inferred": article.published_inferred,
        "language": article.language, "url": url, "raw_url": article.url, "file": article.file,
        "pieces": pieces, "href": links.article(aid),
        "counts": {k: len(own.get(k, ())) for k in ("mentions", "quotes", "events", "time_expressions")},
    }
