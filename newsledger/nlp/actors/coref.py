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
   subjects, then recency; an object pronoun is never bound to the subject of its own verb.

DOCS: docs/actors.md
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsledger.model import Actor
from newsledger.nlp.actors.kb import norm, slug

if TYPE_CHECKING:  # pragma: no cover
    from newsledger.nlp.actors.resolve import Item, Resolver

UNQUALIFIED_SECTORS = {"OPP", "REB", "UAF", "COP", "MIL"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
CLIMB_DEPS = {"compound", "flat", "appos", "conj"}


def _root(doc: Any, item: Item) -> Any:
    span = doc[item.start : item.end]
    return span.root


def _climb(tok: Any) -> Any:
    while tok.dep_ in CLIMB_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def is_subject(doc: Any, item: Item) -> bool:
    return _climb(_root(doc, item)).dep_ in SUBJECT_DEPS


def _tokens(text: str) -> tuple[str, ...]:
    t = norm(text)
    for suffix in ("'s", "’s"):
        if t.endswith(suffix):
            t = t[: -len(suffix)]
    return tuple(t.replace("-", " - ").split())


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n, m = len(longer), len(shorter)
    return m < n and any(longer[i : i + m] == shorter for i in range(n - m + 1))


class _State:
    def __init__(self, r: Resolver) -> None:
        self.r = r
        self.doc = r.doc
        self.sent_of: dict[int, int] = {}
        for si, s in enumerate(self.doc.sents):
            for t in s:
                self.sent_of[t.i] = si
        self.history: list[tuple[Item, str]] = []
        # person-like items for partial-name matching: (item, tokens)
        self.forms: list[tuple[Item, tuple[str, ...]]] = []
        for it in r.items:
            if it.kind == "person" or (it.kind == "kb" and it.hit is not None and it.hit.entry.kind == "person"):
                self.forms.append((it, _tokens(r.doc[it.start : it.end].text)))
        self.appos: dict[int, list[Item]] = {}

    # --------------------------------------------------------------- appositions
    def link_titles(self) -> None:
        r, doc = self.r, self.doc
        by_start = {it.start: it for it in r.items}
        for t in r.items:
            if t.plural or not (t.kind == "title" or (t.kind == "agent" and t.owner)):
                continue  # a singular title, or a singular agent noun with its owner ("Algeria's leading activist")
            nxt = by_start.get(t.end) or (by_start.get(t.end + 1) if t.end < len(doc) and doc[t.end].text == "," else None)
            if nxt is not None and self._personish(nxt):
                t.link = nxt
                self.appos.setdefault(id(nxt), []).append(t)
                if t.owner is None:  # "King Hassan of Morocco": the owner follows the name
                    q = r._owner_item_after(nxt.end)
                    if q is not None and q.hit is not None and q.hit.how != "capital":
                        t.owner = q.hit.entry.key
                        t.extra.append((q.start, q.end))
                        q.kind = "consumed"
                continue
            head = doc[t.end - 1]
            if head.dep_ == "appos":
                owner = r.claimed[head.head.i]
                if owner is not None and self._personish(owner) and owner.end <= t.start:
                    t.link = owner
                    self.appos.setdefault(id(owner), []).append(t)

    def _personish(self, it: Item) -> bool:
        return it.kind == "person" or (it.kind == "kb" and it.hit is not None and it.hit.entry.kind == "person")

    # --------------------------------------------------------------- names
    def _longer_form(self, it: Item, toks: tuple[str, ...]) -> Item | None:
        before = [f for f, ft in self.forms if f.start < it.start and _contains(ft, toks)]
        if before:  # a bare surname refers to the person introduced first ("Cruz" after "Ted Cruz" ... "Heidi Cruz")
            return before[0]
        after = [f for f, ft in self.forms if f.start > it.start and _contains(ft, toks)]
        return after[0] if after else None

    def _canonical(self, it: Item) -> Item:
        seen = set()
        cur = it
        while id(cur) not in seen:
            seen.add(id(cur))
            nxt = self._longer_form(cur, _tokens(self.doc[cur.start : cur.end].text))
            if nxt is None:
                break
            cur = nxt
        return cur

    def resolve_person_name(self, it: Item) -> str | None:
        r = self.r
        text = r.doc[it.start : it.end].text
        hits = [h for h in r.kb.hits(text) if h.entry.kind == "person" and h.how in ("name", "alias")]
        if hits:
            return self._kb_person(hits[0].entry, it)
        canon = self._canonical(it)
        if canon is not it:
            if canon.kind == "kb" and canon.hit is not None:
                return r.kb_actor(canon.hit.entry, self._appos_roles(it))
            if canon.actor is not None:
                return canon.actor
            return self._unknown_person(canon, it)
        hits = [h for h in r.kb.hits(text) if h.entry.kind == "person"]
        if hits:
            return self._kb_person(hits[0].entry, it)
        e = self._base_surname(it)
        if e is not None:
            return self._kb_person(e, it)
        return self._unknown_person(it, it)

    def _former_sector(self, t: Item) -> str | None:
        """The sector a no-longer-held marker gives title ``t`` ("former president" -> ELI), or None."""
        markers = (self.r.kb.rules or {}).get("former_title_markers") or {}
        if not markers:
            return None
        doc = self.doc
        head = doc[t.end - 1]
        toks = [c for c in head.children if c.dep_ in ("amod", "advmod", "compound") and c.i < t.start]
        toks += [doc[j] for j in range(max(0, t.start - 2), t.start)]
        for c in toks:
            w = c.lower_.rstrip("-")
            if w in markers:
                return str(markers[w])
        return None

    def _former_code(self, it: Item, code: str | None) -> str | None:
        """``code`` re-sectored by a "former"/"ousted" apposition title of ``it`` (its owner, else
        the code's own country), or None when no such title qualifies the name."""
        for t in self.appos.get(id(it), []):
            sector = self._former_sector(t)
            if sector is None:
                continue
            if t.owner:
                o = self.r.kb.owners.get(t.owner)
                if o is None or o.kind != "country":
                    return None
                return self.r.kb.owner_cameo(t.owner) + sector
            if code and len(code) >= 3 and code[:3] != "IGO" and not code.startswith("---"):
                return code[:3] + sector
        return None

    def _kb_person(self, entry: Any, it: Item) -> str:
        """A KB person's actor; an apposition title with an owner sets the code where the KB
        has no office for the date (base-layer people, undated texts, "Israeli Prime Minister X")."""
        r = self.r
        aid = r.kb_actor(entry, self._appos_roles(it))
        if r.kb.offices_at(entry, r.date):
            return aid
        former = self._former_code(it, r.out.actors[aid].codes.get("cameo"))
        if former and (r.date is None or not r.out.actors[aid].codes.get("cameo")):
            a = r.out.actors[aid]  # "former prime minister X" in an undated text: not the office's code
            r.out.actors[aid] = Actor(a.id, a.name, a.kind, a.country, a.aliases, {**a.codes, "cameo": former}, a.roles)
            return aid
        for t in self.appos.get(id(it), []):
            code = self._title_code(t)
            if not code and t.sector and getattr(entry, "_base", False):  # "President Mubarak"
                per = [c["cameo"] for s, _e, c in sorted(entry.periods, key=lambda x: x[0] or "")
                       if c.get("cameo", "")[3:6] == t.sector[:3]]
                code = per[-1] if per and (r.date is None or not entry.periods) else None
            if code:
                a = r.out.actors[aid]
                r.out.actors[aid] = Actor(a.id, a.name, a.kind, a.country, a.aliases, {**a.codes, "cameo": code}, a.roles)
                break
        return aid

    def _title_code(self, t: Item) -> str | None:
        r = self.r
        if not t.owner:
            return None
        owner = r.kb.owners.get(t.owner)
        return r.kb.owner_cameo(t.owner) + (t.sector if owner is not None and owner.kind == "country" else "")

    def _base_surname(self, it: Item) -> Any:
        """"President Mugabe": a surname after an owner-less title -> the base layer's one person
        of that surname whose codes include the title's sector."""
        r = self.r
        titles = self.appos.get(id(it), [])
        base = r.kb.base()
        if not titles or base is None:
            return None
        words = _tokens(r.doc[it.start : it.end].text)
        if not words:
            return None
        sector = titles[0].sector or "GOV"
        cands = [e for e in base.surname(r.kb, words[-1]) if any(
            c.get("cameo", "")[3:6] == sector for _s, _t, c in e.periods)]
        if len(words) > 1:  # the first name as the entry's, else a given name among its names ("Ayatollah Ali Khamenei")
            given = set(words[:-1])
            cands = [e for e in cands if norm(e.name).split()[0] == words[0]] or [
                e for e in cands if given & {w for n in (e.name, *e.aliases) for w in norm(n).split()[:-1]}]
        return cands[0] if len({e.id for e in cands}) == 1 else None

    def _appos_roles(self, it: Item) -> tuple[str, ...]:
        """Apposition titles of a KB person, kept as roles only where the KB has no office then."""
        titles = self.appos.get(id(it), [])
        r = self.r
        if it.kind == "kb" and it.hit is not None and r.kb.offices_at(it.hit.entry, r.date):
            return ()
        if it.kind == "person":
            hits = [h for h in r.kb.hits(r.doc[it.start : it.end].text) if h.entry.kind == "person"]
            if hits and r.kb.offices_at(hits[0].entry, r.date):
                return ()
        return tuple(t.label for t in titles)

    def _unknown_person(self, canon: Item, it: Item) -> str:
        r = self.r
        name = r.doc[canon.start : canon.end].text
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        aid = f"person:{slug(name)}"
        titles = self.appos.get(id(it), []) + (self.appos.get(id(canon), []) if canon is not it else [])
        old = r.out.actors.get(aid)
        roles = tuple(dict.fromkeys((old.roles if old else ()) + tuple(t.label for t in titles)))
        country, codes = (old.country, dict(old.codes)) if old else (None, {})
        for t in titles:
            if t.owner and not codes:
                owner = r.kb.owners.get(t.owner)
                country = owner.country if owner is not None else None
                codes = {"cameo": r.kb.owner_cameo(t.owner) + (t.sector if owner is not None and owner.kind == "country" else "")}
        former = self._former_code(it, codes.get("cameo")) if titles else None
        if former:
            codes = {"cameo": former}
        aliases = tuple(
            a for a in dict.fromkeys([*(old.aliases if old else ()), r.doc[it.start : it.end].text]) if a != name
        )
        r.out.actors[aid] = Actor(aid, name, "person", country, aliases, codes, roles)
        pr = r.person_roles.setdefault(aid, set())
        for t in titles:
            pr.add((t.owner, t.role or ""))
        given = r.kb.first_names.get(norm(name.split()[0])) if len(name.split()) > 1 else None
        if it.gender or canon.gender or given:
            r.genders[aid] = it.gender or canon.gender or given
        else:
            r.genders.setdefault(aid, None)
        return aid

    # --------------------------------------------------------------- gazetteer items
    def acting(self, it: Item) -> bool:
        r = self.r
        tok = _root(self.doc, it)
        while tok.dep_ in ("compound", "conj", "flat") and tok.head.i != tok.i:
            if tok.dep_ == "compound" and tok.head.dep_ != "compound":
                return tok.head.lemma_.lower() in r.relation_nouns
            tok = tok.head
        dep = tok.dep_
        if dep in r.acting_deps:
            return True
        if dep == "pobj":
            prep = tok.head
            p = prep.lower_
            if p in r.locative:
                return False
            if p in ("between", "by", "with", "against", "on", "toward", "towards"):
                return True
            return prep.head.pos_ in ("NOUN", "PROPN")
        if dep in ("nmod", "amod", "npadvmod"):
            return tok.head.lemma_.lower() in r.relation_nouns
        return False

    def locative(self, it: Item) -> bool:
        tok = _climb(_root(self.doc, it))
        return tok.dep_ == "pobj" and tok.head.lower_ in self.r.locative

    def resolve_kb(self, it: Item) -> str | None:
        r = self.r
        assert it.hit is not None
        e, how = it.hit.entry, it.hit.how
        if getattr(e, "_base", False):  # dictionary names are upper case: take the text's casing ("FBI")
            aid = self._kb_person(e, it) if e.kind == "person" else r.kb_actor(e)
            a = r.out.actors[aid]
            text = r.doc[it.start : it.end].text
            if norm(text) == norm(a.name) and text != a.name:
                r.out.actors[aid] = Actor(a.id, text, a.kind, a.country, a.aliases, a.codes, a.roles)
            return aid
        if e.kind == "person":
            if how == "surname":
                longer = self._longer_form(it, _tokens(r.doc[it.start : it.end].text))
                if longer is not None and longer.kind == "person":
                    return longer.actor or self._unknown_person(self._canonical(longer), it)
            return self._kb_person(e, it)
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
        r = self.r
        if it.link is not None:
            return None  # filled in after the linked name is resolved
        if it.plural:
            if it.owner:
                return self._owner_group(it.owner, it.sector or "GOV")
            return None
        role = it.role or ""
        for _item, aid in reversed(self.history):
            roles = r.person_roles.get(aid)
            if roles and any(rr == role and (it.owner is None or o == it.owner) for o, rr in roles):
                return aid
        if it.owner:
            holders = r.kb.office_holders(it.owner, role, r.date)
            if holders:
                return r.kb_actor(holders[0])
            if it.sector:
                return self._owner_group(it.owner, it.sector)
        return None

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
        if it.sector[:3] in UNQUALIFIED_SECTORS and (it.plural or head.lemma_.lower() == "police"):
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

    # --------------------------------------------------------------- pronouns
    def resolve_pronoun(self, it: Item) -> str | None:
        r, doc = self.r, self.doc
        tok = doc[it.start]
        sent = self.sent_of.get(it.start, 0)
        neuter = it.gender == "neuter"
        max_back = 1 if neuter else 3
        want = {"male": "m", "female": "f"}.get(it.gender or "")
        bound_verb = tok.head if tok.dep_ in ("dobj", "iobj", "dative") else None
        for back in range(0, max_back + 1):
            s = sent - back
            if s < 0:
                break
            cands = []
            for pos, (item, aid) in enumerate(self.history):
                if self.sent_of.get(item.start) != s or item.start >= it.start:
                    continue
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
                root = _climb(_root(doc, item))
                if bound_verb is not None and root.dep_ in SUBJECT_DEPS and root.head.i == bound_verb.i:
                    continue
                if root.dep_ in SUBJECT_DEPS:  # the main clause's subject first, then other subjects
                    rank = 0 if root.head.dep_ == "ROOT" or root.head.i == root.sent.root.i else 1
                else:
                    rank = 2
                coded = 0 if (a.codes or {}).get("cameo") or not neuter else 1  # "X, an umbrella union, said it"
                # the subject itself before a modifier inside its apposition ("Pakistan, a key U.S. ally, ... its")
                inner = 1 if neuter and _root(doc, item).dep_ in ("compound", "amod", "nmod", "poss") else 0
                cands.append((rank, inner, coded, -pos, aid))
            if cands:
                return min(cands)[-1]
        return None

    # --------------------------------------------------------------- main loop
    def run(self) -> None:
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
