"""Person names and their appositions (sieve 2 of ``coref.py`` and the apposition part of 3):
KB people, partial names resolved to a longer in-document form or the KB's unique surname,
unknown people, and the codes and roles that apposition titles ("former president") give."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsledger.model import Actor
from newsledger.nlp.actors.kb import norm, slug
from newsledger.nlp.actors.sieves import (
    SUBJECT_DEPS,
    SieveState,
    contains_run,
    name_tokens,
    root_token,
)

if TYPE_CHECKING:  # pragma: no cover
    from newsledger.nlp.actors.resolve import Item


class PersonSieves(SieveState):
    """Sieves for person names and the titles in apposition to them."""

    # --------------------------------------------------------------- appositions
    def link_titles(self) -> None:
        """Link each singular title (or owned agent noun) to the person name in apposition to it,
        before or after it; an owner after the name ("King X of Morocco") becomes the title's."""
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


    # --------------------------------------------------------------- gender
    def honorific_gender(self, it: Item) -> str | None:
        """"m"/"f" from an honorific before or opening the item ("Mrs. Clinton", "Mr. Bush")."""
        doc, hon = self.doc, self.r.honorifics
        for j in (it.start - 1, it.start):
            if 0 <= j < len(doc) and doc[j].lower_ in hon and hon[doc[j].lower_]:
                return hon[doc[j].lower_]
        return it.gender if it.gender in ("m", "f") else None

    def entry_gender(self, entry: Any) -> str | None:
        """A KB person's sex: the entry's own, else that of its first given name."""
        if getattr(entry, "gender", None) in ("m", "f"):
            return str(entry.gender)
        words = norm(entry.name).split()
        return self.r.kb.first_names.get(words[0]) if len(words) > 1 else None

    def form_gender(self, f: Item) -> str | None:
        """The sex a person name item shows: its honorific, its KB entry, its first given name."""
        g = self.honorific_gender(f)
        if g is None and f.kind == "kb" and f.hit is not None:
            g = self.entry_gender(f.hit.entry)
        if g is None:
            words = name_tokens(self.doc[f.start : f.end].text)
            g = self.r.kb.first_names.get(words[0]) if len(words) > 1 else None
        return g

    def gender_clash(self, it: Item, entry: Any) -> bool:
        """Whether the item's honorific contradicts a KB person's sex ("Mrs. Clinton" is not Bill)."""
        g = self.honorific_gender(it)
        other = self.entry_gender(entry) if g else None
        return bool(g and other and g != other)

    # --------------------------------------------------------------- names
    def lone_suffix(self, it: Item) -> bool:
        """Whether the item is only a generational suffix ("Jr.", "III": ``name_suffixes``)."""
        suffixes = getattr(self.r, "name_suffixes", ())
        words = name_tokens(self.doc[it.start : it.end].text)
        return bool(suffixes and words) and all(w in suffixes or w.rstrip(".") in suffixes for w in words)

    def suffix_owner(self, it: Item) -> str | None:
        """The actor of the name a lone suffix closes ("Joseph R. Biden Jr."), never another
        person whose name ends in the same suffix; None where no name precedes it."""
        k = it.start - 1
        while k >= 0 and self.doc[k].is_punct:
            k -= 1
        return next((aid for f, aid in reversed(self.history) if f.start <= k < f.end), None)

    def _longer_form(self, it: Item, toks: tuple[str, ...]) -> Item | None:
        """The first person item whose name contains ``toks`` as a shorter form, earlier ones first;
        none of the other sex where an honorific marks it ("Mr. Bush" is not Barbara Bush)."""
        g = self.honorific_gender(it)
        forms = self.forms if g is None else [(f, ft) for f, ft in self.forms if self.form_gender(f) in (None, g)]
        before = [f for f, ft in forms if f.start < it.start and contains_run(ft, toks)]
        if before:  # a bare surname refers to the person introduced first ("Cruz" after "Ted Cruz" ... "Heidi Cruz")
            return self._new_namesake(before, it) or before[0]
        after = [f for f, ft in forms if f.start > it.start and contains_run(ft, toks)]
        return after[0] if after else None

    def _new_namesake(self, before: list[Item], it: Item) -> Item | None:
        """The latest of several people sharing a surname when the text has just brought them in:
        named in full as the subject of a clause, last named at most two sentences back, the
        first person not named since nor in the five sentences before ("Homeland Security Secretary Jeh Johnson says ..." / "Johnson
        told MSNBC ...", though another Johnson came earlier), else None."""
        doc = self.doc
        latest, first = before[-1], before[0]
        text = doc[latest.start : latest.end].text
        if latest is first or len(name_tokens(text)) < 2 or "\n" in text:
            return None
        if root_token(doc, latest).dep_ not in SUBJECT_DEPS or latest.actor is None:
            return None
        last = max(x.start for x in self.r.items if x.actor == latest.actor and x.start < it.start)
        if self.sent_of[it.start] - self.sent_of[last] > 2:
            return None  # last named (in full or by surname) more than two sentences back
        first_words = name_tokens(doc[first.start : first.end].text)
        if name_tokens(doc[latest.start : latest.end].text) == first_words:
            return None  # the same name again
        near = self.sent_of[latest.start] - 5
        if any(x.start < it.start and x.actor is not None and x.actor == first.actor
               and self.sent_of[x.start] >= near for x in self.r.items):
            return None  # the first person named again since, or just before: still the one in view
        return latest

    def _canonical(self, it: Item) -> Item:
        """The longest in-document form of the item's name (following longer forms to the end)."""
        seen = set()
        cur = it
        while id(cur) not in seen:
            seen.add(id(cur))
            nxt = self._longer_form(cur, name_tokens(self.doc[cur.start : cur.end].text))
            if nxt is None:
                break
            cur = nxt
        return cur

    def resolve_person_name(self, it: Item) -> str | None:
        """The actor of a person name: the KB person, else its longer in-document form, else a
        KB person by surname (base-layer surname after a title included), else an unknown person."""
        r = self.r
        text = r.doc[it.start : it.end].text
        if self.lone_suffix(it):
            return self.suffix_owner(it)
        hits = [h for h in r.kb.hits(text) if h.entry.kind == "person" and h.how in ("name", "alias")
                and not self.gender_clash(it, h.entry)]
        if hits:
            return self._kb_person(hits[0].entry, it)
        canon = self._canonical(it)
        if canon is not it:
            if canon.kind == "kb" and canon.hit is not None:
                return r.kb_actor(canon.hit.entry, self._appos_roles(it))
            if canon.actor is not None:
                return canon.actor
            return self._unknown_person(canon, it)
        hits = [h for h in r.kb.hits(text) if h.entry.kind == "person" and not self.gender_clash(it, h.entry)]
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
        """The code an apposition title with an owner gives (owner code, plus sector for countries)."""
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
        if base is None:
            return None
        words = name_tokens(r.doc[it.start : it.end].text)
        if not words:
            return None
        if not titles:
            return self._base_bare_surname(words, base)
        sector = titles[0].sector or "GOV"
        cands = [e for e in base.surname(r.kb, words[-1]) if any(
            c.get("cameo", "")[3:6] == sector for _s, _t, c in e.periods)]
        if len(words) > 1:  # the first name as the entry's, else a given name among its names ("Ayatollah Ali Khamenei")
            given = set(words[:-1])
            cands = [e for e in cands if norm(e.name).split()[0] == words[0]] or [
                e for e in cands if given & {w for n in (e.name, *e.aliases) for w in norm(n).split()[:-1]}]
        return cands[0] if len({e.id for e in cands}) == 1 else None

    def _base_bare_surname(self, words: tuple[str, ...], base: Any) -> Any:
        """"Mugabe said ..." with no fuller form in the text (one-sentence wire items): the base
        layer's only person of that surname who held a dated, coded role on the article's date."""
        return base.surname_in_office(self.r.kb, words[0], self.r.date) if len(words) == 1 else None

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
        """Add (or extend) the actor of a person missing from the KB, named by ``canon``'s text, with
        roles, country and code from apposition titles and a gender from the text or first name."""
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
        if not codes and any(t.sector and not t.owner and t.kind == "title" for t in titles):
            # "government spokesman X told reporters in Tripoli": an office of the one state the
            # sentence names as a state (a place or a government body of it)
            iso = r.sentence_state(r.doc[it.start].sent, for_person=True)
            t = next(t for t in titles if t.sector and not t.owner and t.kind == "title")
            if iso is not None and r.kb.owners.get(iso) is not None:
                country, codes = r.kb.owners[iso].country, {"cameo": r.kb.owner_cameo(iso) + t.sector}
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
        given = r.kb.first_names.get(norm(name.split()[0])) if name.split() else None  # "Melanie" alone too
        if it.gender or canon.gender or given:
            r.genders[aid] = it.gender or canon.gender or given
        else:
            r.genders.setdefault(aid, None)
        return aid
