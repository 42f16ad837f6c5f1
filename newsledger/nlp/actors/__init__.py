"""Actors: the knowledge base, and resolution of a parsed document's mentions to actors.

Public API (used by the pipeline, quotes and events; keep these signatures):

- ``load_kb() -> ActorKB``: the curated knowledge base (data files beside this module),
  cached per process; call ``kb.copy()`` before adding entries to it.
  ``kb.entity_ruler_patterns()`` -> spaCy entity_ruler patterns (KB names, aliases with and
  without diacritics, capitals, demonyms).
  ``kb.lookup(name, date) -> KBEntry | None``; ``kb.actor_at(entry, date) -> Actor``
  (codes and roles of the offices held on that date); ``kb.office_holders(owner, role, date)``;
  ``kb.group_actor(owner, sector) -> Actor`` (``group:SRB-police``, cameo ``SRBCOP``).
  ``kb.add_entry(name, aliases, codes, kind, country, start=None, end=None)`` adds a
  run-time dictionary entry (e.g. PETRARCH's PETR.Validate actors);
  ``kb.add_agent(phrase, sector)`` an agent noun. ``ActorKB()`` is an empty KB.
- ``resolve_actors(doc, kb, published, article_id) -> DocActors`` where ``DocActors`` has
  ``actors: dict[str, Actor]`` (actor id -> Actor, ids stable across articles:
  ``country:SRB``, ``org:EU``, ``person:aleksandar-vucic``, ``group:SRB-police``),
  ``mentions: list[Mention]`` (char offsets), ``actor_for_token(i) -> str | None``
  (the actor a token refers to, pronouns/descriptions/metonymy included),
  ``actors_for_span(start_token, end_token) -> list[str]`` and
  ``place_for_token(i) -> str | None`` (places used as locations, not actors; a place of a
  known country gives ``country:<iso3>``, and that country is in ``actors``).
  Actor codes: ``codes["cameo"]`` and, beside it, ``codes["plover"]`` (IGOs as ``IGO`` + sector).
  ``load_kb()`` KBs also consult the Phoenix base layer (``kb.base_hits(name)``) for names the
  curated data lack, with date-bounded codes.

DOCS: docs/actors.md
"""

from __future__ import annotations

from newsledger.nlp.actors.kb import ActorKB, KBEntry, fold, load_kb, norm, slug
from newsledger.nlp.actors.resolve import DocActors, resolve_actors

__all__ = ["ActorKB", "DocActors", "KBEntry", "fold", "load_kb", "norm", "resolve_actors", "slug"]
