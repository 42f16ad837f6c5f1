"""The data model: one frozen dataclass per record of the public contract (SCHEMA.md).

Store, exporters, report and web UI consume these objects, never spaCy objects.
Offsets are Python string indices into the article's ``text``. Dates are ISO 8601
strings at the precision known (``2023``, ``2023-02``, ``2023-02-27``) or TIMEX3
values (``2023-02-28TNI``, ``199X``, ``PAST_REF``, ``P1Y``).

DOCS: docs/data-model.md
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

ActorKind = Literal["person", "organization", "country", "group", "other"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "partial", "indirect"]
Modality = Literal["asserted", "planned", "hypothetical", "reported"]

PLOVER_CATEGORIES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def record_dict(obj: Any) -> dict[str, Any]:
    """A dataclass as a plain dict (tuples become lists), for JSON and the store."""
    out = asdict(obj)
    for key, value in out.items():
        if isinstance(value, tuple):
            out[key] = list(value)
    return out


def field_names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    file: str | None = None
    published: str | None = None
    published_inferred: bool = False
    language: str = "en"
    content_hash: str = ""


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: ActorKind = "other"
    country: str | None = None
    aliases: tuple[str, ...] = ()
    codes: dict[str, str] = field(default_factory=dict)
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    article_id: str
    actor_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TimeExpression:
    article_id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    article_id: str
    speaker_id: str | None
    speaker_text: str | None
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None = None
    fragments: tuple[tuple[int, int], ...] = ()
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    article_id: str
    type: str
    source_ids: tuple[str, ...]
    target_ids: tuple[str, ...]
    sentence: str
    start: int
    end: int
    mode: str | None = None
    cameo: str | None = None
    date: str | None = None
    location: str | None = None
    negated: bool = False
    modality: Modality = "asserted"
    trigger: str | None = None
    # each source/target actor's codes as of this article's date, aligned with the ids: a
    # person's role changes over time ("KSVOPP" in 2019, "KSVGOV" in 2023), while the
    # ledger-wide actor record keeps one set of codes
    source_codes: tuple[dict[str, str], ...] = ()
    target_codes: tuple[dict[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    story_id: str | None
    text: str
    event_ids: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()
    sources: int = 0


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    text: str
    article_ids: tuple[str, ...]
    conflicts_with: tuple[str, ...] = ()
    value: str | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything the per-article analysis found: the output of ``analyse``."""

    article: Article
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    time_expressions: tuple[TimeExpression, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Ledger:
    """The whole ledger as exported: SCHEMA.md's JSON object."""

    articles: tuple[Article, ...] = ()
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    time_expressions: tuple[TimeExpression, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    stories: tuple[Story, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    claims: tuple[Claim, ...] = ()
    dyads: tuple[dict[str, Any], ...] = ()
