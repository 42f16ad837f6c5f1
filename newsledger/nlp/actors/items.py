"""Shared pieces of actor resolution: the result (``DocActors``), candidate mentions
(``Item``) and the claimed-token state every mention-finding step works on.

DOCS: docs/actors.md
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsledger.model import Actor, Mention
from newsledger.nlp.actors.kb import ActorKB, Hit


@dataclass
class DocActors:
    """Actors of one document and the tokens that refer to them."""

    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    token_actor: dict[int, str] = field(default_factory=dict)
    places: dict[int, str] = field(default_factory=dict)  # token -> place (location uses, not actors)
    groups: dict[int, list[str]] = field(default_factory=dict)  # token -> the actors a plural anaphor names
    # a nationality's people or a country (actor id) -> that country's civilians; a capital used as a place (token) ->
    # its country's civilians: listed in ``actors`` only once a later stage uses them
    civilians: dict[str, Actor] = field(default_factory=dict)
    place_civilians: dict[int, Actor] = field(default_factory=dict)

    def actor_for_token(self, i: int) -> str | None:
        """The actor token ``i`` refers to (names, titles, pronouns, metonyms, agents)."""
        return self.token_actor.get(i)

    def actors_for_span(self, start: int, end: int) -> list[str]:
        """Distinct actors referred to by tokens ``start``..``end-1``, in text order."""
        out: list[str] = []
        for i in range(start, end):
            a = self.token_actor.get(i)
            if a and a not in out:
                out.append(a)
        return out

    def actors_for_token(self, i: int) -> list[str]:
        """All actors token ``i`` refers to: the two parties for "both sides", else its one actor."""
        if i in self.groups:
            return list(self.groups[i])
        a = self.token_actor.get(i)
        return [a] if a else []

    def place_for_token(self, i: int) -> str | None:
        """The KB id of a place used as a location at token ``i`` ("demonstrated in Belgrade")."""
        return self.places.get(i)

    def civilians_for(self, aid: str) -> str | None:
        """The civilians of the country whose people or country actor ``aid`` is ("arrested 100
        Palestinians", "demolished Palestinian homes" -> Palestinian civilians), added to
        ``actors``; None when unknown."""
        return self._use(self.civilians.get(aid))

    def civilians_at(self, i: int) -> str | None:
        """The civilians of the country whose capital token ``i`` names as a place ("imposed a
        curfew in Algiers" -> Algerian civilians), added to ``actors``; None otherwise."""
        return self._use(self.place_civilians.get(i))

    def _use(self, a: Actor | None) -> str | None:
        if a is None:
            return None
        self.actors.setdefault(a.id, a)
        return a.id


@dataclass
class Item:
    """A candidate mention: tokens [start, end)."""

    start: int
    end: int
    kind: str  # kb | person | org | norp | title | agent | minority | collective | pron
    hit: Hit | None = None
    actor: str | None = None
    owner: str | None = None  # title/agent owner key (iso3 / IGO key)
    role: str | None = None
    sector: str = ""
    label: str = ""  # title text
    plural: bool = False
    name: str = ""
    link: Item | None = None  # title in apposition to this name item
    co_owners: list[str] = field(default_factory=list)  # "lawmakers in Serbia and Kosovo": the other owners
    extra: list[tuple[int, int]] = field(default_factory=list)  # consumed qualifier spans
    gender: str | None = None


def _is_cap(tok: Any) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or t[0].isdigit())


NAME_PARTICLES = {"de", "da", "di", "del", "der", "van", "von", "bin", "ibn", "al", "el", "la", "le", "y", "e", "dos", "du"}


def _name_like(span: Any) -> bool:
    """A PERSON span that can be a name: capitalised words, particles, initials, hyphens."""
    if span[0].lower_ in ("pro", "anti") or len(span) > 6:
        return False
    for t in span:
        if t.is_punct or t.lower_ in NAME_PARTICLES:
            continue
        if not (t.text[:1].isupper() or not t.text[:1].isalpha()):
            return False
    return True


class ResolverState:
    """The state the mention-finding steps share (set up by ``Resolver.__init__``)."""

    doc: Any
    kb: ActorKB
    article_id: str
    date: Any
    claimed: list[Item | None]
    items: list[Item]
    out: DocActors

    def claim(self, item: Item) -> None:
        for i in range(item.start, item.end):
            self.claimed[i] = item
        self.items.append(item)

    def _marked_sector(self, head: Any, k: int, sector: str) -> str:  # defined by GroupRules
        raise NotImplementedError

    def _agent_owner(self, head: Any, k: int, plural: bool = False, sector: str = "") -> Item | None:  # GroupRules
        raise NotImplementedError

    def _co_owners(self, owner: Item, item: Item) -> None:  # GroupRules
        raise NotImplementedError

    def _conjunct_owners(self, owner: Item, item: Item) -> None:  # GroupRules
        raise NotImplementedError

    def add_actor(self, actor: Any) -> str:  # Resolver
        raise NotImplementedError

    def free(self, start: int, end: int) -> bool:
        return all(self.claimed[i] is None for i in range(start, end))

