"""Deterministic, sieve-style in-document resolution of the mentions ``resolve.py`` found.

Sieves, applied in text order so that each mention sees only what came before it:

1. exact names: KB names and aliases (date-aware codes and roles);
2. partial names: a name contained in a longer in-document form ("Trump" -> "Donald
   Trump", before or after), then the KB's unique surnames; unknown people become actors
   named by their longest in-document form, with roles from apposition;
3. titles and descriptions (and singular agent nouns with an owner, "Algeria's leading rights
   activist"): in apposition to a name they qualify it; alone they refer to
   the last person in the text holding that role, else the KB's office holder on the
   article date ("the Serbian president" in 2008 vs 2023), else the owner's government;
4. metonymy: a capital stands for its government only when it acts (subject, object,
   possessor, "pressure on Belgrade"), never as a location ("demonstrated in Belgrade");
5. demonym speakers ("Kosovar added") -> the most salient person of that country so far;
6. pronouns: the closest sentence with a compatible antecedent (gender for he/she,
   country/organisation for it/its), the main clause's subject first, then other
   subjects, then recency; an object pronoun is never bound to the subject of its own verb;
   a pronoun of the narration is never bound to a name inside a quotation ('"My adviser,
   John Doe, warned me," he said': he is not John Doe).

DOCS: docs/actors.md
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.model import Actor
from newsledger.nlp.actors.kb import slug
from newsledger.nlp.actors.references import ReferenceSieves
from newsledger.nlp.actors.sieves import (
    CLIMB_DEPS,
    SUBJECT_DEPS,
    UNQUALIFIED_SECTORS,
    climb,
    is_subject,
    name_tokens,
    root_token,
)

if TYPE_CHECKING:  # pragma: no cover
    from newsledger.nlp.actors.resolve import Item, Resolver

__all__ = ["CLIMB_DEPS", "SUBJECT_DEPS", "UNQUALIFIED_SECTORS", "is_subject", "resolve_items"]


class _State(ReferenceSieves):
    """All sieves, with pronoun resolution and the main loop in text order."""

    # --------------------------------------------------------------- pronouns
    def resolve_pronoun(self, it: Item) -> str | None:
        """The antecedent actor of a pronoun (see sieve 6 above), or None."""
        r, doc = self.r, self.doc
        tok = doc[it.start]
        sent = self.sent_of.get(it.start, 0)
        neuter = it.gender == "neuter"
        max_back = 1 if neuter else 3
        want = {"male": "m", "female": "f"}.get(it.gender or "")
        bound_verb = tok.head if tok.dep_ in ("dobj", "iobj", "dative") else None
        narration = not self.quoted(it.start)
        for back in range(0, max_back + 1):
            s = sent - back
            if s < 0:
                break
            cands = []
            for pos, (item, aid) in enumerate(self.history):
                if self.sent_of.get(item.start) != s or item.start >= it.start:
                    continue
                if narration and self.quoted(item.start):
                    continue  # the reporter's "he" is not someone named inside a quotation
                a = r.out.actors.get(aid)
                if a is None:
                    continue
                if neuter:  # a country, an organisation, or one body named by an agent noun ("the government")
                    if a.kind not in ("country", "organization") and not (
                            a.kind == "group" and item.kind == "agent" and not item.plural):
                        continue
                else:
                    if a.kind != "person":
                        continue
                    g = r.genders.get(aid)
                    if want and g and g != want:
                        continue
                root = climb(root_token(doc, item))
                if bound_verb is not None and root.dep_ in SUBJECT_DEPS and root.head.i == bound_verb.i:
                    continue
                if root.dep_ in SUBJECT_DEPS:  # the main clause's subject first, then other subjects
                    rank = 0 if self.main_verb(root.head) else 1
                else:
                    rank = 2
                coded = 0 if (a.codes or {}).get("cameo") or not neuter else 1  # "X, an umbrella union, said it"
                # the subject itself before a modifier inside its apposition ("Pakistan, a key U.S. ally, ... its")
                # (and for people: "Simmons, an Obama supporter, said he ...": he is Simmons)
                inner = 1 if root_token(doc, item).dep_ in ("compound", "amod", "nmod", "poss") else 0
                cands.append((rank, inner, coded, -pos, aid))
            if cands:
                return min(cands)[-1]
        return None

    def short_org_form(self, it: Item) -> str | None:
        """The organisation an unknown organisation name shortens: the latest one named before it
        whose name holds it as its closing words ("the Telegraph" after "The Daily Telegraph",
        "the Foundation" after "The Heritage Foundation"), as news style shortens a name once
        given in full."""
        if it.kind != "org" or not it.name or not self.doc[it.start].text[:1].isupper():
            return None  # "a machinists spokesman": no shortened name
        short = name_tokens(it.name)
        if not short or short[0] == "the":
            short = short[1:]
        if not short:
            return None
        for _item, aid in reversed(self.history):
            a = self.r.out.actors.get(aid)
            if a is None or a.kind != "organization":
                continue
            full = tuple(w for w in name_tokens(a.name) if w != "the")
            if len(full) > len(short) and full[-len(short):] == short:
                return aid
        return None

    # --------------------------------------------------------------- main loop
    def run(self) -> None:
        """Resolve every item in text order, then give linked titles and agents their name's actor."""
        r = self.r
        self.link_titles()
        for it in sorted(r.items, key=lambda x: x.start):
            if it.kind == "consumed":
                continue
            if it.kind == "kb":
                it.actor = self.resolve_kb(it)
            elif it.kind == "person":
                it.actor = self.resolve_person_name(it)
            elif it.kind == "org":
                short = self.short_org_form(it)
                if short is not None:
                    it.actor = short
                    self.history.append((it, short))
                    continue
                e = r.kb.lookup(it.name, r.date)
                codes: dict[str, str] = {}
                country = None
                if e is None and it.owner and it.sector:  # "Serbian Workers' Union" -> SRBLAB
                    g = r.kb.group_actor(it.owner, it.sector)
                    codes, country = dict(g.codes), g.country
                it.actor = r.kb_actor(e) if e is not None else r.add_actor(
                    Actor(f"org:{slug(it.name)}", it.name, "organization", country, (), codes, ())
                )
            elif it.kind == "norp":
                it.actor = r.add_actor(Actor(f"group:{slug(it.name)}", it.name, "group", None, (), {}, ()))
            elif it.kind == "title":
                it.actor = self.resolve_title(it)
            elif it.kind == "agent":
                it.actor = self.resolve_agent(it)
            elif it.kind == "minority":
                it.actor = self.resolve_minority(it)
            elif it.kind == "collective":
                spec = ((r.kb.rules or {}).get("collective_names") or {}).get(it.name) or {}
                codes = {"cameo": str(spec["cameo"])} if spec.get("cameo") else {}
                it.actor = r.add_actor(Actor(str(spec.get("id") or f"group:{slug(it.name)}"),
                                             str(spec.get("name") or it.name), "group", None, (), codes, ()))
            elif it.kind == "pron":
                it.actor = self.resolve_pronoun(it)
            if it.actor is not None:
                self.history.append((it, it.actor))
                if it.co_owners and it.kind in ("agent", "title"):
                    # "lawmakers in Serbia and Kosovo": one group per owner, the head names them all
                    others = [self._owner_group(o, it.sector or "GOV") for o in it.co_owners]
                    r.out.groups[it.end - 1] = list(dict.fromkeys([it.actor, *others]))
        for it in r.items:
            if it.kind in ("title", "agent") and it.link is not None:
                it.actor = it.link.actor


def resolve_items(r: Resolver) -> None:
    """Assign an actor id to each of ``r.items`` (None where nothing fits)."""
    _State(r).run()
