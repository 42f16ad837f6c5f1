"""Timeline: per story, dated entries from the dates the articles themselves state.

Candidates per article: every sentence holding a dated time expression (the date
from the text, at its precision: ``2008``, ``2023-02``, ``2023-02-27``), every
dated event, and — when the lead says nothing more precise — the lead sentence at
the publication date. Per story and date, the entry's text is the most central
candidate sentence (most content stems shared with the others), its sources the
distinct articles after near-duplicate collapsing, its events the events on that
date. Background history ("declared independence in 2008", "the war ended in 1999")
becomes its own dated entry. Entries are ordered by date, then story.

``rank_dates`` and ``select_sentences`` are the Datewise-style pieces the T17
runner drives for fixed-size timelines (T dates, L sentences).

DOCS: docs/corpus.md#timeline
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import NamedTuple

from newsledger.corpus.text import norm_date, sentences, stems
from newsledger.model import ArticleAnalysis, Story, TimelineEntry

MAX_TEXT = 300


class DatedSentence(NamedTuple):
    """One candidate: a sentence of an article that speaks about ``date`` (a tuple: cheap to persist)."""

    date: str
    text: str
    article_id: str
    position: int             # sentence index in the article
    from_text: bool = True    # False: the publication date of a lead sentence
    event_ids: tuple[str, ...] = ()
    stems: frozenset[str] = frozenset()


def dated_sentences(analysis: ArticleAnalysis, lead_sentences: int = 2) -> list[DatedSentence]:
    """The timeline candidates of one article."""
    art = analysis.article
    text = art.text
    spans = list(sentences(text))
    out: list[DatedSentence] = []
    seen: set[tuple[str, int]] = set()
    events_by_pos: dict[int, list[str]] = defaultdict(list)
    for ev in analysis.events:
        for i, (s, e) in enumerate(spans):
            if s <= ev.start < e:
                events_by_pos[i].append(ev.id)
                d = norm_date(ev.date)
                if d and (d, i) not in seen:
                    seen.add((d, i))
                    out.append(DatedSentence(d, text[s:e][:MAX_TEXT], art.id, i, True,
                                             (ev.id,), frozenset(stems(text[s:e]))))
                break
    lead_precise = False
    for tx in analysis.time_expressions:
        d = norm_date(tx.value) if tx.type == "DATE" else None
        if not d:
            continue
        for i, (s, e) in enumerate(spans):
            if s <= tx.start < e:
                if i < lead_sentences and len(d) == 10:
                    lead_precise = True
                if (d, i) not in seen:
                    seen.add((d, i))
                    out.append(DatedSentence(d, text[s:e][:MAX_TEXT], art.id, i, True,
                                             tuple(events_by_pos.get(i, ())), frozenset(stems(text[s:e]))))
                break
    pub = norm_date(art.published)
    if pub and spans and not lead_precise and not art.published_inferred:
        s, e = spans[0]
        out.append(DatedSentence(pub, text[s:e][:MAX_TEXT], art.id, 0, False,
                                 tuple(events_by_pos.get(0, ())), frozenset(stems(text[s:e]))))
    return out


def central(cands: list[DatedSentence]) -> DatedSentence:
    """The candidate sharing the most content stems with the other articles' candidates.

    Ties (always, for a date only one article gives) go to the sentence that states the
    date in its text, then to the earliest sentence.
    """
    per_article: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        per_article[c.article_id] |= c.stems
    df = Counter(s for st in per_article.values() for s in st)

    def score(c: DatedSentence) -> tuple[float, bool, int, int]:
        shared = sum(df[s] - 1 for s in c.stems) / (1 + len(c.stems)) ** 0.5
        return (round(shared, 6), c.from_text and not c.event_ids, -c.position, -len(c.text))
    return max(cands, key=score)


def story_timeline(story_id: str | None, cands: Iterable[DatedSentence],
                   canonical: Callable[[str], str] = lambda a: a) -> list[TimelineEntry]:
    """The dated entries of one story from its articles' candidates."""
    by_date: dict[str, list[DatedSentence]] = defaultdict(list)
    for c in cands:
        by_date[c.date].append(c)
    out: list[TimelineEntry] = []
    for d in sorted(by_date):
        group = by_date[d]
        best = central(group)
        arts = tuple(sorted({c.article_id for c in group}))
        events = tuple(sorted({e for c in group for e in c.event_ids}))
        out.append(TimelineEntry(d, story_id, best.text, events, arts,
                                 len({canonical(a) for a in arts})))
    return out


def build_timeline(analyses: Iterable[ArticleAnalysis], stories: Iterable[Story],
                   duplicates: Iterable[tuple[str, str, float]] = ()) -> list[TimelineEntry]:
    """Every story's timeline, ordered by date then story id."""
    dup = {a: b for a, b, _ in duplicates}
    story_of = {aid: s.id for s in stories for aid in s.article_ids}
    per_story: dict[str | None, list[DatedSentence]] = defaultdict(list)
    for an in analyses:
        per_story[story_of.get(an.article.id)].extend(dated_sentences(an))
    entries = [e for sid, cands in per_story.items()
               for e in story_timeline(sid, cands, lambda a: dup.get(a, a))]
    return sorted(entries, key=lambda e: (e.date, e.story_id or ""))


# ---- fixed-size timelines (benchmark protocol: T dates, L sentences per date) ----------

def rank_dates(cands: Iterable[DatedSentence], start: str | None = None, end: str | None = None,
               pub_weight: float = 1.0, published: dict[str, str] | None = None,
               later_weight: float = 0.0) -> list[tuple[str, float]]:
    """Day-precision dates ranked by support.

    Support = articles mentioning the date (each counting ``1 + later_weight`` when it was
    published after the date: a later article looking back marks an important date)
    + ``pub_weight`` x articles published on it without a more precise lead date.
    """
    mention: dict[str, dict[str, float]] = defaultdict(dict)
    pubs: dict[str, set[str]] = defaultdict(set)
    published = published or {}
    for c in cands:
        if len(c.date) != 10 or (start and c.date < start) or (end and c.date > end):
            continue
        if c.from_text:
            later = published.get(c.article_id, "") > c.date
            mention[c.date][c.article_id] = 1.0 + (later_weight if later else 0.0)
        else:
            pubs[c.date].add(c.article_id)
    scores = {d: sum(mention.get(d, {}).values()) + pub_weight * len(pubs.get(d, ()))
              for d in set(mention) | set(pubs)}
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


def select_sentences(cands: list[DatedSentence], n: int, max_overlap: float = 0.5) -> list[str]:
    """The ``n`` most central, mutually non-redundant sentences of one date."""
    df = Counter(s for c in cands for s in c.stems)
    ranked = sorted(cands, key=lambda c: (-sum(df[s] - 1 for s in c.stems) / (1 + len(c.stems)) ** 0.5,
                                          c.position, c.text))
    out: list[DatedSentence] = []
    for c in ranked:
        if len(out) >= n:
            break
        if any(len(c.stems & o.stems) / max(1, min(len(c.stems), len(o.stems))) > max_overlap for o in out):
            continue
        out.append(c)
    return [c.text for c in out]
