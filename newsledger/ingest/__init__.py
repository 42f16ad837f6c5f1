"""Ingest: read articles from anywhere, settle their metadata, analyse and store them.

``ingest(inputs, store, options)`` is what ``newsledger ingest`` calls. It reads
every input (a bad one is reported and skipped), drops articles already in the
ledger (content hash), analyses the rest (in this process, a process pool or on
Dask), stores each article with its analysis in one transaction, then updates the
corpus stages (duplicates, stories, claims, timeline) incrementally.

DOCS: docs/ingest.md
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newsledger.errors import BadInputError, NewsledgerError
from newsledger.ingest.dates import normalise_published
from newsledger.ingest.decode import DEFAULT_MAX_BYTES
from newsledger.ingest.readers import Draft
from newsledger.ingest.sources import SourceOptions, iter_drafts
from newsledger.model import Article

__all__ = ["IngestOptions", "IngestReport", "collect_articles", "ingest", "make_article"]

_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class IngestOptions:
    published: str | None = None
    source: str | None = None
    language: str | None = None
    manifest: str | None = None
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = 1
    executor: str = "local"
    scheduler: str | None = None
    corpus: bool = True
    # an inferred publication date is used only at this confidence or above (benchmarks/temporal/
    # dct_news.py: guesses below 0.2 were right 1-5 % of the time, those at 0.6+ about 60-90 %)
    min_date_confidence: float = 0.2


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)
    already: list[tuple[str, str]] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected


def content_hash(text: str) -> str:
    """Hash of the text with whitespace normalised: the same article twice is stored once."""
    return hashlib.sha256(_WS.sub(" ", text).strip().encode("utf-8")).hexdigest()


_IDENTIFIER: Any = None


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``, chosen among ``data/languages.yaml``'s candidates."""
    global _IDENTIFIER
    if _IDENTIFIER is None:
        import py3langid.langid as langid

        from newsledger.datafiles import PACKAGE_ROOT, load_data

        cfg = load_data(PACKAGE_ROOT / "ingest" / "data" / "languages.yaml", required=("candidate_languages",))
        ident = langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)
        ident.set_languages([str(x) for x in cfg["candidate_languages"]])
        _IDENTIFIER = ident
    lang, _score = _IDENTIFIER.classify(text[:5000])
    return str(lang)


def make_article(draft: Draft, options: IngestOptions) -> tuple[Article, str | None]:
    """Settle a draft's id, date and language. Returns the article and a note (or None).

    Raises ``BadInputError`` when the date given is not a date, or no date is given
    and none can be inferred from the text.
    """
    from newsledger.nlp.temporal import infer_published

    text = draft.text.replace("\r\n", "\n").replace("\r", "\n")
    note = None
    given = draft.published or options.published
    inferred = False
    if given:
        published = normalise_published(given)
        if published is None:
            raise BadInputError(draft.label, f"publication date '{given}' is not a date (use YYYY-MM-DD)")
    else:
        language_hint = options.language or draft.language or "en"
        guess = infer_published(text, lang=language_hint)
        if guess is None:
            raise BadInputError(
                draft.label,
                "no publication date in the record, manifest or page, and none can be inferred "
                "from the text; pass --published YYYY-MM-DD or add it to a manifest.csv",
            )
        if guess.confidence < options.min_date_confidence:
            raise BadInputError(
                draft.label,
                f"no publication date in the record, manifest or page, and the best guess from the text, "
                f"{guess.value} ({guess.evidence}), has confidence {guess.confidence:.2f} < "
                f"{options.min_date_confidence:.2f}; pass --published YYYY-MM-DD, add it to a manifest.csv, "
                f"or lower --min-date-confidence",
            )
        published, inferred = guess.value, True
        note = f"publication date {guess.value} inferred from the text ({guess.evidence}, confidence {guess.confidence:.2f})"
    language = (options.language or draft.language or detect_language(text)).lower()
    h = content_hash(text)
    article = Article(
        id=draft.id or h[:16],
        text=text,
        title=draft.title or _first_line_title(text),
        source=options.source or draft.source,
        url=draft.url,
        file=draft.file,
        published=published,
        published_inferred=inferred,
        language=language,
        content_hash=h,
    )
    return article, note


def _first_line_title(text: str) -> str | None:
    first = text.strip().split("\n", 1)[0].strip()
    return first if 0 < len(first) <= 160 else None


def _already_stored(article: Article, known: dict[str, str]) -> bool:
    """The same text is the same article — unless the record names itself with an id of its own
    that differs from the stored one (two records a user keys apart are kept apart; their text
    still counts once in corroboration through the near-duplicate stage)."""
    stored_id = known.get(article.content_hash)
    if stored_id is None:
        return False
    given_id = article.id != article.content_hash[:16]
    return not given_id or article.id == stored_id


def collect_articles(inputs: list[str], options: IngestOptions) -> Iterator[tuple[Article, str | None] | BadInputError]:
    src = SourceOptions(manifest=options.manifest, encoding=options.encoding, max_bytes=options.max_bytes)
    for item in iter_drafts(inputs, src):
        if isinstance(item, BadInputError):
            yield item
            continue
        try:
            yield make_article(item, options)
        except BadInputError as exc:
            yield exc


def ingest(
    inputs: list[str],
    store: Any,
    options: IngestOptions | None = None,
    resources: Any = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_message: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read, analyse and store ``inputs``; see the module docstring."""
    from newsledger.batch import make_executor

    options = options or IngestOptions()
    report = IngestReport()
    say = on_message or (lambda _m: None)
    known = store.known_hashes()
    todo: list[Article] = []
    seen_ids: set[str] = set()
    for item in collect_articles(inputs, options):
        if isinstance(item, BadInputError):
            report.rejected.append((item.source, item.reason))
            say(f"rejected: {item}")
            continue
        article, note = item
        if note:
            report.warnings.append(f"{article.file or article.id}: {note}")
        if article.id in seen_ids or _already_stored(article, known):
            report.already.append((article.file or article.id, known.get(article.content_hash, article.id)))
            continue
        known[article.content_hash] = article.id
        seen_ids.add(article.id)
        todo.append(article)
    for source, reason in report.rejected:
        store.record_rejection(source, reason)
    executor = make_executor(options.executor, workers=options.workers, scheduler=options.scheduler,
                             resources=resources)
    done = 0
    for article, result in executor.analyse(todo):
        done += 1
        if isinstance(result, Exception):
            label = article.file or article.id
            reason = f"analysis failed ({result.__class__.__name__}: {result}); rerun with --traceback"
            if isinstance(result, NewsledgerError):
                reason = str(result)
            report.rejected.append((label, reason))
            store.record_rejection(label, reason)
            say(f"rejected: {label}: {reason}")
        else:
            store.save_analysis(result)
            report.stored.append(article.id)
            for note in result.notes:
                if "stage failed" in note:
                    report.warnings.append(f"{article.file or article.id}: {note}")
        if on_progress:
            on_progress(done, len(todo))
    if options.corpus and report.stored:
        update_corpus(store, report.stored, report)
    return report


def update_corpus(store: Any, new_ids: list[str], report: IngestReport | None = None) -> None:
    """Run the corpus stages over the new articles (incremental)."""
    try:
        from newsledger.corpus import update_corpus as run
    except ImportError:
        return
    run(store, new_ids)
