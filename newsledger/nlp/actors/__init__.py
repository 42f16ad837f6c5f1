"""Actors: the knowledge base, and resolution of a parsed document's mentions to actors.

Public API (used by the pipeline, quotes and events; keep these signatures):

- ``load_kb() -> ActorKB``: the curated knowledge base (data files beside this module).
  ``kb.entity_ruler_patterns()`` -> spaCy entity_ruler patterns (may be empty).
- ``resolve_actors(doc, kb, published, article_id) -> DocActors`` where ``DocActors`` has
  ``actors: dict[str, Actor]`` (actor id -> Actor, ids stable across articles),
  ``mentions: list[Mention]`` (char offsets), ``actor_for_token(i) -> str | None``
  (the actor a token refers to, pronouns/descriptions/metonymy included) and
  ``actors_for_span(start_token, end_token) -> list[str]``.

FIRST VERSION: spaCy entities only, until the actors issue lands the knowledge base.
DOCS: docs/pipeline.md#actors
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from newsledger.model import Actor, Mention

_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


class ActorKB:
    def entity_ruler_patterns(self) -> list[dict[str, Any]]:
        return []


def load_kb() -> ActorKB:
    return ActorKB()


@dataclass
class DocActors:
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    token_actor: dict[int, str] = field(default_factory=dict)

    def actor_for_token(self, i: int) -> str | None:
        return self.token_actor.get(i)

    def actors_for_span(self, start: int, end: int) -> list[str]:
        out: list[str] = []
        for i in range(start, end):
            a = self.token_actor.get(i)
            if a and a not in out:
                out.append(a)
        return out


def resolve_actors(doc: Any, kb: ActorKB, published: str | None, article_id: str) -> DocActors:
    res = DocActors()
    for ent in doc.ents:
        kind = _KIND.get(ent.label_)
        if not kind:
            continue
        name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        aid = f"{kind[:3]}:{slug(name)}"
        res.actors.setdefault(aid, Actor(id=aid, name=name, kind=kind))  # type: ignore[arg-type]
        res.mentions.append(Mention(article_id, aid, ent.start_char, ent.end_char, ent.text))
        for t in ent:
            res.token_actor[t.i] = aid
    return res
