"""Names from the gazetteer and descriptions (sieves 1, 3, 4 and 5 of ``coref.py``): KB names
with metonymy and demonym speakers, titles and agent nouns (with their owners), minorities."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsledger.datafiles import data_path, load_data
from newsledger.model import Actor
from newsledger.nlp.actors.kb import norm, slug
from newsledger.nlp.actors.persons import PersonSieves
from newsledger.nlp.actors.sieves import (
    UNQUALIFIED_SECTORS,
    climb,
    force_target,
    name_tokens,
    root_token,
)

if TYPE_CHECKING:  # pragma: no cover
    from newsledger.nlp.actors.resolve import Item

_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})


@lru_cache(maxsize=1)
def _title_agreement() -> tuple[frozenset[str], dict[str, str]]:
    """(rank qualifiers, affiliation spellings) from ``data/title_agreement.en.yaml``."""
    d = load_data(data_path("actors", "title_agreement.en.yaml"), required=("rank_qualifiers", "affiliation_forms"))
    return (frozenset(str(w).lower() for w in d["rank_qualifiers"]),
            {str(k).lower(): str(v).lower() for k, v in d["affiliation_forms"].items()})


class ReferenceSieves(PersonSieves):
    """Sieves for gazetteer names, titles, agent nouns and minorities (person names inherited)."""

    # --------------------------------------------------------------- gazetteer items
    def acting(self, it: Item) -> bool:
        """Whether a place name acts (subject, object, possessor, "pressure on X") rather than
        locating something ("demonstrated in X")."""
        r = self.r
        tok = root_token(self.doc, it)
        while tok.dep_ in ("compound", "conj", "flat") and tok.head.i != tok.i:
            if tok.dep_ == "compound" and tok.head.dep_ != "compound":
                return tok.head.lemma_.lower() in r.relation_nouns
            tok = tok.head
        dep = tok.dep_
        if self.under_force(it):
            return False
        if dep in r.acting_deps:
            return True
        if dep == "pobj":
            prep = tok.head
            p = prep.lower_
            if p in r.locative:
                return False
            if p in r.acting_preps:
                return True
            return prep.head.pos_ in ("NOUN", "PROPN")
        if dep in ("nmod", "amod", "npadvmod"):
            return tok.head.lemma_.lower() in r.relation_nouns
        return False

    def under_force(self, it: Item) -> bool:
        """Whether a place name is the target of a verb of force (``metonymy.force_verbs``): its
        object, its passive subject, or the object of a preposition after it ("advanced on Sirte")."""
        return force_target(climb(root_token(self.doc, it)), self.r.kb.rules or {})

    def locative(self, it: Item) -> bool:
        """Whether the item's phrase is the object of a locative preposition."""
        tok = climb(root_token(self.doc, it))
        return tok.dep_ == "pobj" and tok.head.lower_ in self.r.locative

    def resolve_kb(self, it: Item) -> str | None:
        """The actor of a gazetteer hit: base-layer and KB people, capitals and metonyms (the
        government when acting, else a place: None), demonyms, peoples and other entries."""
        r = self.r
        assert it.hit is not None
        e, how = it.hit.entry, it.hit.how
        if e.kind == "person" and self.lone_suffix(it):
            return self.suffix_owner(it)
        if (e.kind == "organization" and how in ("name", "alias")) or (
                e.kind == "person" and how in ("alias", "surname")):
            # a dictionary name that is part of a person's name in this text ("Al-Awlaki" after
            # "Anwar al-Awlaki", not the group the dictionaries list under that alias; "Simmons"
            # after "Jamal Simmons", not another Simmons of the dictionaries): that person
            longer = self._longer_form(it, name_tokens(r.doc[it.start : it.end].text))
            if longer is not None and longer.kind == "person":
                return longer.actor or self._unknown_person(self._canonical(longer), it)
            if longer is not None and longer.kind == "kb" and longer.actor is not None \
                    and r.out.actors.get(longer.actor) is not None and r.out.actors[longer.actor].kind == "person":
                return longer.actor  # another dictionary person the text named in full ("Jeh Johnson")
        if e.kind == "person" and self.gender_clash(it, e):
            # "Mrs. Clinton" where the dictionaries' Clinton is Bill: the woman the text names in
            # full, else another dictionary person of that name and sex, else a person of her own
            longer = self._longer_form(it, name_tokens(r.doc[it.start : it.end].text))
            if longer is not None and longer.kind == "person":
                return longer.actor or self._unknown_person(self._canonical(longer), it)
            if longer is not None and longer.kind == "kb" and longer.hit is not None:
                return self._kb_person(longer.hit.entry, it)
            other = [h.entry for h in r.kb.hits(r.doc[it.start : it.end].text)
                     if h.entry.kind == "person" and not self.gender_clash(it, h.entry)]
            return self._kb_person(other[0], it) if other else self._unknown_person(it, it)
        if getattr(e, "_base", False):  # dictionary names are upper case: take the text's casing ("FBI")
            aid = self._kb_person(e, it) if e.kind == "person" else r.kb_actor(e)
            a = r.out.actors[aid]
            text = r.doc[it.start : it.end].text
            if norm(text) == norm(a.name) and text != a.name:
                r.out.actors[aid] = Actor(a.id, text, a.kind, a.country, a.aliases, a.codes, a.roles)
            return aid
        if e.kind == "person":
            return self._kb_person(e, it)
        if how == "capital" and e.kind == "country" and e.key and self.under_force(it):
            # "rebels shelled Juba", "farmers will blockade Paris": the city's people, not its government
            for i in range(it.start, it.end):
                r.out.places[i] = e.id
            return r.add_actor(r.kb.group_actor(e.key, "CVL"))
        if how in ("capital", "metonym"):
            if self.acting(it):
                if e.kind == "country" and how == "capital" and e.key:
                    return r.add_actor(r.kb.group_actor(e.key, "GOV"))
                return r.kb_actor(e)
            for i in range(it.start, it.end):
                r.out.places[i] = e.id if how == "capital" else f"place:{slug(r.doc[it.start:it.end].text)}"
            return None
        if how == "adj":
            tok = r.doc[it.start]
            if it.end - it.start == 1 and tok.dep_ in r.speaker_deps and tok.head.pos_ in ("VERB", "AUX") and e.kind == "country":
                person = self.salient_person(e.country)
                if person is not None:
                    return person
            return r.kb_actor(e)
        if how == "people":
            plural = getattr(e, "_people", None) or [e.name]
            codes = {"cameo": e.cameo or ""}
            if e.cameo:  # PLOVER codes the people as a target of force/expulsion as civilians (PSECVL)
                codes["civilians"] = e.cameo + "CVL"
            return r.add_actor(Actor(f"group:{e.key}-people", plural[0], "group", e.country, (), codes, ()))
        if self.locative(it):
            for i in range(it.start, it.end):
                r.out.places[i] = e.id
        return r.kb_actor(e)

    def salient_person(self, country: str | None) -> str | None:
        """The person of ``country`` mentioned most often so far (latest mention breaks ties)."""
        counts: dict[str, list[int]] = {}
        for pos, (_, aid) in enumerate(self.history):
            a = self.r.out.actors.get(aid)
            if a is not None and a.kind == "person" and a.country == country:
                counts.setdefault(aid, []).append(pos)
        if not counts:
            return None
        return max(counts, key=lambda a: (len(counts[a]), counts[a][-1]))

    # --------------------------------------------------------------- titles, agents
    def resolve_title(self, it: Item) -> str | None:
        """The actor of a title alone: the last person seen in that role, else the office holder
        on the article date, else the owner's group; plural titles are the owner's group."""
        r = self.r
        if it.link is not None:
            return None  # filled in after the linked name is resolved
        if it.plural:
            if it.owner:
                return self._owner_group(it.owner, it.sector or "GOV")
            return None
        role = it.role or ""
        head = r.doc[it.end - 1]
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children):
            # "a spokeswoman for the company said": someone the text brings in, not the last
            # holder of the role nor the office holder; at most the owner's group
            return self._owner_group(it.owner, it.sector) if it.owner and it.sector else None
        for _item, aid in reversed(self.history):
            roles = r.person_roles.get(aid)
            if roles and any(rr == role and (it.owner is None or o == it.owner) for o, rr in roles) \
                    and self.title_agrees(it, aid):
                return aid
        if it.owner:
            holders = r.kb.office_holders(it.owner, role, r.date)
            if holders:
                return r.kb_actor(holders[0])
            if it.sector:
                return self._owner_group(it.owner, it.sector)
        return None

    def title_modifiers(self, t: Item) -> tuple[frozenset[str], frozenset[str]]:
        """(rank qualifiers, affiliations) among the words that qualify title ``t``: its own words
        before its head and the adjectives and compounds right before it ("Democratic vice
        presidential nominee": vice; democratic). Affiliations are proper words (a party, an
        organisation, a country), in one spelling per affiliation ("GOP" as "republican", a
        demonym as its country)."""
        doc = self.doc
        ranks, forms = _title_agreement()
        toks = list(doc[t.start : t.end - 1])
        k = t.start - 1
        while k >= max(0, t.start - 4):
            x = doc[k]
            if x.is_punct or x.dep_ not in _MODIFIER_DEPS or not k < x.head.i < t.end + 4:
                break
            toks.append(x)
            k -= 1
        rank: set[str] = set()
        affil: set[str] = set()
        for x in toks:
            low = x.lower_
            if low in ranks:
                rank.add(low)
            elif x.text[:1].isupper() and (x.ent_type_ in ("NORP", "ORG", "GPE") or x.pos_ in ("ADJ", "PROPN")) \
                    and low not in self.r.honorifics and low not in self._title_words():
                country = next((h.entry.key for h in self.r.kb.hits(x.text)
                                if h.entry.kind == "country" and h.entry.key), None)
                affil.add(country or forms.get(low, low))
        return frozenset(rank), frozenset(affil)

    def _title_words(self) -> frozenset[str]:
        """Every word of the KB's titles and of the no-longer-held markers ("Presidential",
        "Former" are no affiliation where a headline capitalises them)."""
        words = self.__dict__.get("_title_word_set")
        if words is None:
            markers = (self.r.kb.rules or {}).get("former_title_markers") or {}
            words = frozenset(w for k in (*self.r.kb.titles, *markers) for w in str(k).lower().split())
            self.__dict__["_title_word_set"] = words
        return frozenset(words)

    def title_agrees(self, it: Item, aid: str) -> bool:
        """Whether title ``it`` alone can name ``aid``, an earlier holder of its role: one of the
        titles the text gave that person carries the same rank qualifiers ("the nominee" is not
        the vice presidential nominee) and, where both name an affiliation, a shared one ("the
        Republican nominee" is not the Libertarian nominee). A person the text gave no title of
        that role (a KB office) agrees."""
        key = (it.start, aid)
        cache = self.__dict__.setdefault("_title_agreement", {})
        if key not in cache:
            held = [t for t in self.r.items if t.kind == "title" and t.link is not None and t.link.actor == aid
                    and t.role == it.role and t.start < it.start]
            rank, affil = self.title_modifiers(it)
            cache[key] = not held or any(
                t_rank == rank and (not affil or not t_affil or bool(affil & t_affil))
                for t_rank, t_affil in map(self.title_modifiers, held))
        return bool(cache[key])

    def _owner_group(self, owner_key: str, sector: str) -> str:
        """Group agent of an owner; an organisation's government-sector agents are the organisation."""
        r = self.r
        owner = r.kb.owners.get(owner_key)
        if owner is not None and getattr(owner, "_base", False):
            return r.kb_actor(owner)  # "Hezbollah guerrillas": the group itself
        if owner is not None and (owner.kind == "organization" or (owner.cameo or "").startswith("IGO")):
            if sector.startswith("GOV"):
                sector = sector[3:]
            if not sector:
                return r.kb_actor(owner)
        return r.add_actor(r.kb.group_actor(owner_key, sector))

    def resolve_agent(self, it: Item) -> str | None:
        """The actor of an agent noun: its owner's group, the possessor's country's group, the last
        group of that sector ("the officers"), or an unqualified group; else None."""
        r = self.r
        if it.link is not None:
            return None  # in apposition to a name: filled in after the name is resolved
        if it.owner:
            return self._owner_group(it.owner, it.sector)
        owner = self._possessor_country(r.doc[it.end - 1])
        if owner is not None:  # "the military said its troops ...": the possessor's country
            return self._owner_group(owner, it.sector)
        if it.name == "definite":  # "the officers": the last group of that sector
            for _, aid in reversed(self.history):
                a = r.out.actors.get(aid)
                if a is not None and a.kind == "group" and a.codes.get("cameo", "").endswith(it.sector[:3]):
                    return aid
        head = r.doc[it.end - 1]
        if it.sector[:3] in UNQUALIFIED_SECTORS and (it.plural or head.lemma_.lower() in r.collective_agents):
            label = r.doc[it.start : it.end].text.lower()
            aid = f"group:{slug(label)}"
            return r.add_actor(Actor(aid, label, "group", None, (), {"cameo": "---" + it.sector}, ()))
        return None

    def _possessor_country(self, head: Any) -> str | None:
        """The owner key of the actor a possessive pronoun on ``head`` refers to ("its troops"): the
        country (iso3) of a country or a group of one, or an organisation that owns groups; else None."""
        r = self.r
        for c in head.children:
            if c.dep_ != "poss" or c.tag_ != "PRP$":
                continue
            aid = r.out.token_actor.get(c.i) or next(
                (x.actor for x in r.items if x.kind == "pron" and x.start == c.i and x.actor), None)
            if aid is None and c.lower_ == "their":  # "Pakistani officials said their troops ...": the speaker group
                aid = self._clause_subject_actor(head)
            a = r.out.actors.get(aid) if aid else None
            if a is not None and a.country and a.country in r.kb.owners and a.kind in ("country", "group"):
                return a.country
            key = a.id.split(":", 1)[1] if a is not None and a.id.startswith("org:") else None
            if key and key in r.kb.owners and r.kb.owners[key].kind != "country":
                return key  # "NATO said its troops": the organisation's group
        return None

    def _clause_subject_actor(self, tok: Any) -> str | None:
        """The actor of the plural subject of the clause that governs the one holding ``tok``
        ("X said [their troops ...]"), from what the resolver has seen so far."""
        cur = tok
        for _ in range(8):
            if cur.dep_ in ("ccomp", "conj", "xcomp", "advcl") and cur.head.i != cur.i:
                for s in cur.head.children:
                    if s.dep_ == "nsubj" and s.i < tok.i and s.tag_ in ("NNS", "NNPS"):
                        return next((aid for it2, aid in reversed(self.history) if it2.start <= s.i < it2.end), None)
            if cur.head.i == cur.i:
                break
            cur = cur.head
        return None

    def resolve_minority(self, it: Item) -> str | None:
        """"Serbs in northern Kosovo", "ethnic Albanians in Serbia": the people as a community
        of the country they live in: ``group:<owner>-<people>`` coded owner + civilians."""
        r = self.r
        people = it.hit.entry if it.hit is not None else None
        owner = r.kb.owners.get(it.owner or "")
        if people is None or owner is None or not it.owner:
            return None
        plural = (getattr(people, "_people", None) or [people.name])[0]
        g = r.kb.group_actor(it.owner, it.sector)
        aid = f"group:{it.owner}-{slug(plural)}"
        return r.add_actor(Actor(aid, f"{plural} of {owner.name}", "group", g.country, (), dict(g.codes), ()))
