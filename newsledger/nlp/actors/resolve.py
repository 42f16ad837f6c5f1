"""Mention detection and actor resolution for one parsed document.

Order (each step only claims tokens no earlier step claimed):

1. gazetteer spans: KB names, aliases, capitals, demonyms (longest match, case-checked);
2. the parser's PERSON / ORG / NORP entities the KB does not know;
3. titles ("Serbian President", "the top diplomat", "EU foreign policy chief");
4. group agents: agent nouns with a country/IGO qualifier ("Kosovo police officers");
5. resolution in text order (see ``coref.py``): names by the KB then by longer in-document
   forms, capitals by metonymy (only when the place acts), descriptions by the office
   holder on the article date or the last person with that role, pronouns by recency and
   subject salience with gender agreement;
6. emission and post-passes.

Steps 3 and 4 live in ``titles.py`` and ``groups.py``, step 6 in ``postpass.py`` (mixins of
``Resolver``); ``DocActors`` and ``Item`` in ``items.py`` (re-exported here).

DOCS: docs/actors.md
"""

from __future__ import annotations

from typing import Any

from newsledger.model import Actor
from newsledger.nlp import doc_text
from newsledger.nlp.actors.expletives import is_expletive_it
from newsledger.nlp.actors.groups import GroupRules
from newsledger.nlp.actors.headlines import HeadlineNames
from newsledger.nlp.actors.items import NAME_PARTICLES, DocActors, Item, _is_cap, _name_like
from newsledger.nlp.actors.kb import MAX_ALIAS_TOKENS, ActorKB, Hit, KBEntry, norm, point, slug
from newsledger.nlp.actors.postpass import PostPasses
from newsledger.nlp.actors.sieves import force_target
from newsledger.nlp.actors.titles import TitleRules

__all__ = ["DocActors", "Item", "Resolver", "resolve_actors"]

NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}
PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP", "ORG"}
CURRENCY_SIGNS = {"$", "€", "£", "¥"}
ACTING_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj"}


class Resolver(GroupRules, TitleRules, PostPasses):
    """Finds mentions in ``doc`` and resolves them against ``kb`` on ``published``."""

    def __init__(self, doc: Any, kb: ActorKB, published: str | None, article_id: str) -> None:
        self.doc, self.kb, self.article_id = doc, kb, article_id
        self.date = point(published)
        self.claimed: list[Item | None] = [None] * len(doc)
        self.items: list[Item] = []
        self.out = DocActors()
        rules = kb.rules or {}
        self.pronouns: dict[str, str] = {}
        for gender, words in (rules.get("pronouns") or {}).items():
            for w in words:
                self.pronouns[w] = gender
        self.honorifics: dict[str, str] = {str(k): str(v) for k, v in (rules.get("honorifics") or {}).items()}
        met = rules.get("metonymy") or {}
        self.acting_deps = set(met.get("acting_deps") or ["nsubj", "nsubjpass", "dobj", "poss"])
        self.locative = set(met.get("locative_preps") or ["in", "at", "near"])
        self.acting_preps = {str(p) for p in met.get("acting_preps") or ()}
        self.collective_agents = {str(w) for w in rules.get("collective_agents") or ()}
        self.relation_nouns = set(met.get("relation_nouns") or [])
        self.speaker_deps = set(rules.get("speaker_demonym_deps") or ["nsubj"])
        self.interjections = {str(w).lower() for w in rules.get("interjections") or ()}
        self.name_suffixes = {norm(str(w)) for w in rules.get("name_suffixes") or ()}
        self.ambiguous = {norm(a) for a in kb.ambiguous}
        self.ents: list[Any] = list(doc.ents)
        self.ent_of: dict[int, Any] = {t.i: e for e in self.ents for t in e}
        self.person_roles: dict[str, set[tuple[str | None, str]]] = {}
        self.genders: dict[str, str | None] = {}
        self.doc_text: str = doc_text(doc)
        self._headlines: HeadlineNames | None = None

    # ------------------------------------------------------------------ helpers
    def add_actor(self, actor: Actor) -> str:
        old = self.out.actors.get(actor.id)
        if old is not None and actor.roles:
            roles = tuple(dict.fromkeys(old.roles + actor.roles))
            actor = Actor(old.id, old.name, old.kind, old.country, old.aliases, old.codes, roles)
        self.out.actors[actor.id] = actor if old is None or actor.roles else old
        return actor.id

    def kb_actor(self, entry: KBEntry, extra_roles: tuple[str, ...] = ()) -> str:
        aid = self.add_actor(self.kb.actor_at(entry, self.date, extra_roles))
        if entry.kind == "person":
            roles = self.person_roles.setdefault(aid, set())
            for o in self.kb.offices_at(entry, self.date):
                roles.add((o.owner, o.role))
                for r in o.roles:
                    roles.add((o.owner, r))
            self.genders[aid] = entry.gender
        return aid

    # ------------------------------------------------------------------ 1. gazetteer
    def find_gazetteer(self) -> None:
        doc, n, i = self.doc, len(self.doc), 0
        first = self.kb.first_words()
        texts = [t.text for t in doc]
        ws = [t.whitespace_ for t in doc]
        punct = [t.is_punct for t in doc]
        while i < n:
            found = False
            t0 = texts[i]
            starts_name = t0 and (t0[0].isupper() or t0[0].isdigit() or (  # "al-Qaeda", "al-Shabaab"
                t0 in NAME_PARTICLES and i + 2 < n and texts[i + 1] == "-" and texts[i + 2][:1].isupper()))
            maxlen = first.get(norm(t0), 0) if starts_name else 0
            if maxlen and t0.lower() != "the" and not punct[i]:
                for length in range(min(maxlen, MAX_ALIAS_TOKENS, n - i), 0, -1):
                    if punct[i + length - 1]:
                        continue
                    text = "".join(texts[j] + ws[j] for j in range(i, i + length - 1)) + texts[i + length - 1]
                    key = norm(text)
                    if key in self.kb.places and (length > 1 or not self.kb.index.get(key)):
                        for j in range(i, i + length):
                            self.out.places[j] = f"place:{slug(self.kb.places[key][0])}"
                        self.claim(Item(i, i + length, "place"))
                        i += length
                        found = True
                        break
                    if i + length < n and texts[i + length] in CURRENCY_SIGNS:
                        continue  # "US $50 million", "HK$": a currency, not the country acting
                    hits = self.kb.index.get(key)
                    if not hits:
                        if self._base_match(i, length, key):
                            i += length
                            found = True
                            break
                        continue
                    span = doc[i : i + length]
                    if i > 0 and norm(texts[i - 1]) in self.kb.first_names and self.claimed[i - 1] is None and all(
                        h.how == "surname" for h in hits
                    ):  # "Ivanka Trump" is not the KB's Donald Trump, whatever the parser's label
                        self.claim(Item(i - 1, i + length, "person", name=doc[i - 1 : i + length].text,
                                        gender=self.kb.first_names[norm(texts[i - 1])]))
                        i += length
                        found = True
                        break
                    hits = self._filter_hits(span, hits)
                    hit = self.kb.best_hit(hits, self.date)
                    if hit is None:
                        continue
                    self.claim(Item(i, i + length, "kb", hit=hit))
                    i += length
                    found = True
                    break
            if not found:
                i += 1

    def _base_match(self, i: int, length: int, key: str) -> bool:
        """A name of the Phoenix base layer at tokens [i, i+length): an actor or a place."""
        if self.kb.base() is None or key in self.ambiguous or key in self.kb.agents:
            return False
        span = self.doc[i : i + length]
        inner = NAME_PARTICLES | {"of", "for", "the", "and", "in", "on"}
        words = [t for k, t in enumerate(span) if not t.is_punct and not (0 < k < length - 1 and t.lower_ in inner)
                 and not (k == 0 and t.text in NAME_PARTICLES)]
        if not words or not all(_is_cap(t) for t in words):
            return False
        ents = {id(self.ent_of[t.i]): self.ent_of[t.i] for t in span if t.i in self.ent_of}
        labels = {e.label_ for e in ents.values()}
        if length == 1 and any(e.label_ in ("ORG", "PERSON", "FAC") and (e.start < i or e.end > i + 1) for e in ents.values()):
            return False  # one word of a longer name ("Tax Foundation")
        spelt = self.kb.country_spelling(key)
        if spelt is not None and (length > 1 or span[0].pos_ == "PROPN" or labels):
            # "Afganistan", "the Phillippines military": a misspelt country name is the country
            self.claim(Item(i, i + length, "kb", hit=Hit(spelt, "alias")))
            return True
        if length == 1:  # one word: a proper noun the parser sees as a name, or an acronym
            t = span[0]
            if t.pos_ != "PROPN" and not t.text.isupper():
                return False
            if not labels and not (t.text.isupper() and len(t.text) > 1):
                return False
        iso = self.kb.base_place(key)
        hits = [] if iso is not None and labels & {"GPE", "LOC", "FAC"} else (
            self.kb.base_hits(key) or (self.kb.base_hits(key.replace("-", " ")) if "-" in key else []))  # "al-Qaeda"
        if hits:
            whole = all(e.start == i and e.end == i + length for e in ents.values())
            if "PERSON" in labels and not any(h.entry.kind == "person" for h in hits) and not (
                    length > 1 and whole and any(h.how == "name" for h in hits)):
                hits = []  # a one-word name is not the organisation; a full dictionary name is ("Osama Bin Laden")
            if labels & {"GPE", "LOC"} and not any(h.entry.kind != "person" for h in hits) and not (
                    length > 1 and whole and any(h.how == "name" for h in hits)):
                hits = []  # a place, unless a full dictionary name the parser mislabelled ("Thabo Mbeki")
            hit = self.kb.best_hit(hits, self.date)
            if hit is not None:
                self.claim(Item(i, i + length, "kb", hit=hit))
                return True
        country = self.kb.entries.get(f"country:{iso}") if iso is not None else None
        if country is not None and labels == {"ORG"} and all(e.start == i and e.end == i + length for e in ents.values()):
            # a name the dictionaries list under a country that the parser reads as an organisation
            # ("Fatah" under Palestine): coded as that country, as the dictionaries do
            self.claim(Item(i, i + length, "kb", hit=Hit(country, "alias")))
            return True
        if iso is not None and (length > 1 or labels & {"GPE", "LOC", "FAC"} or self._used_as_place(span[0])):
            for j in range(i, i + length):
                self.out.places[j] = f"country:{iso}"
            self.claim(Item(i, i + length, "place"))
            return True
        return False

    def _used_as_place(self, tok: Any) -> bool:
        """Whether a one-word dictionary place the parser took for a name ("shelled Misrata" as a
        person, "in Homs" as an organisation) is used as a place: the object of a locative
        preposition or the target of a verb of force; never a known given name."""
        if norm(tok.text) in self.kb.first_names:
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ in self.locative:
            return True
        return force_target(tok, self.kb.rules or {})

    def _filter_hits(self, span: Any, hits: list[Hit]) -> list[Hit]:
        ents = {id(self.ent_of[t.i]): self.ent_of[t.i] for t in span if t.i in self.ent_of}
        labels = {e.label_ for e in ents.values()}
        inside_longer_person = any(
            e.label_ == "PERSON" and (e.start < span.start or e.end > span.end) for e in ents.values()
        )
        out = []
        for h in hits:
            if inside_longer_person and (h.entry.kind != "person" or h.how == "surname"):
                continue  # "Johnson" in "Gary Johnson" is not the KB's Boris Johnson
            if h.entry.kind != "person" and "PERSON" in labels and h.how in ("capital", "adj", "people"):
                continue
            if norm(span.text) in self.ambiguous and not (labels & PLACE_LABELS) and h.entry.kind != "person":
                continue
            if norm(span.text) in self.ambiguous and h.entry.kind == "person" and "PERSON" not in labels:
                continue
            out.append(h)
        return out

    # ------------------------------------------------------------------ 2. entities
    def _world_city_id(self, text: str) -> str | None:
        """``country:<iso3>`` of the world-gazetteer city ``text`` names, if it is capitalised
        and no given name or listed ambiguous name ("Victoria", "Georgia")."""
        key = norm(text)
        if not text[:1].isupper() or key in self.kb.first_names or key in self.ambiguous:
            return None
        iso = self.kb.world_place(key)
        return f"country:{iso}" if iso and f"country:{iso}" in self.kb.entries else None

    def _world_city(self, ent: Any) -> str | None:
        """The place id of a GPE/LOC entity that names a city of the world gazetteer ("in
        Mosul", "shelled Kharkiv")."""
        return None if ent.label_ == "FAC" else self._world_city_id(ent.text)

    def _world_city_in_place_slot(self, start: int, end: int) -> bool:
        """A world-gazetteer city the parser labelled a person, organisation or group, where
        the sentence uses it as a place: after a locative preposition or in "the town/city of
        X" ("near the town of Samarra"). Filed as a place in its country, not an actor."""
        cfg = (self.kb.rules or {}).get("gazetteer") or {}
        span = self.doc[start:end]
        root = span.root
        if end - start > 3 or root.dep_ != "pobj":
            return False
        prep = root.head
        settlement = prep.lower_ == "of" and prep.head.lemma_.lower() in set(cfg.get("settlement_nouns") or ())
        if not settlement and prep.lower_ not in self.locative:
            return False
        if any(h.entry.kind == "person" for h in self.kb.hits(span.text)):
            return False  # a known person's name ("near Clinton") is read as written
        pid = self._world_city_id(span.text)
        if pid is None:
            return False
        for j in range(start, end):
            self.out.places[j] = pid
        self.claim(Item(start, end, "place"))
        return True

    def find_entities(self) -> None:
        for ent in self.ents:
            if ent.label_ not in ("PERSON", "ORG", "NORP"):
                if ent.label_ in ("GPE", "LOC", "FAC"):
                    e = self.kb.lookup(ent.text, self.date, ("country",))
                    pid = e.id if e is not None else self._world_city(ent) or f"place:{slug(ent.text)}"
                    for t in ent:
                        self.out.places.setdefault(t.i, pid)
                continue
            start, end = ent.start, ent.end
            while start < end and (self.doc[start].lower_ in ("the", "a", "an") or self.doc[start].is_punct):
                start += 1
            while end > start and (self.doc[end - 1].is_punct or self.doc[end - 1].lower_ in ("'s", "’s")
                                   or self.doc[end - 1].pos_ in ("ADP", "DET", "CCONJ")
                                   or (end - start > 1 and self.doc[end - 1].lower_ in self.pronouns)):  # "National Post he"
                end -= 1
            gender = None
            while start < end and self.doc[start].lower_ in self.honorifics:
                gender = self.honorifics[self.doc[start].lower_] or gender
                start += 1
            if ent.label_ == "ORG" and start < end and self._qualified_org(start, end):
                continue
            if ent.label_ in ("ORG", "NORP") and self._title_overlaps(start, end):
                continue  # "Defense" of "US Defense Secretary": the title's (step 3)
            if start >= end or not self.free(start, end):
                continue
            if self._world_city_in_place_slot(start, end):
                continue
            if gender is None and start > 0 and self.doc[start - 1].lower_ in self.honorifics:
                gender = self.honorifics[self.doc[start - 1].lower_] or None
            kind = {"PERSON": "person", "ORG": "org", "NORP": "norp"}[ent.label_]
            if kind == "org" and self.doc[start:end].text.lower() in self.kb.agents and self._owner_item_before(start):
                continue  # "US Congress": an agent noun with its owner (step 4)
            if kind == "person" and (norm(self.doc[start:end].text) in self.kb.not_people
                                     or self._organisation_named(start, end)):
                kind = "org"
            if kind == "org" and self._given_name_first(start, end):
                kind = "person"  # "Carly Fiorina" labelled ORG (often on a title-case line)
            if kind == "norp" and self.doc[start:end].root.dep_ in ("amod", "compound", "nmod"):
                continue
            if kind == "norp" and self._ethnic_group(start, end):
                continue
            if kind == "person":
                start, end = self._headline_names().trim(self.doc, start, end)
            if kind == "person" and not _name_like(self.doc[start:end]):
                continue
            if kind == "person" and end - start == 1 and self._not_a_name_word(self.doc[start]):
                continue
            if kind == "person" and self._titled_variant(start, end):
                continue
            if kind == "org" and self._named_with_suffix(start, end):
                continue
            item = Item(start, end, kind, name=self.doc[start:end].text, gender=gender)
            if kind == "person" and start > ent.start and self.doc[start - 1].lower_ in self.honorifics:
                item.extra.append((start - 1, start))
            self.claim(item)

    def _named_with_suffix(self, start: int, end: int) -> bool:
        """An organisation named by a known name and a word for its kind that the dictionaries
        leave out ("the Fatah Party", "the Hamas movement": ``organisation_suffixes``): the
        known organisation (or, as the dictionaries code Fatah, the country it is filed under)."""
        suffixes = set((self.kb.rules or {}).get("organisation_suffixes") or ())
        if end - start < 2 or self.doc[end - 1].lower_ not in suffixes or self.kb.hits(self.doc[start:end].text):
            return False
        rest = self.doc[start : end - 1].text
        hits = [h for h in self.kb.hits(rest) if h.entry.kind not in ("person", "country") and h.how in ("name", "alias")]
        if not hits:
            hits = [h for h in self.kb.base_hits(rest) if h.entry.kind != "person"]
        if not hits:
            iso = self.kb.base_place(rest)
            country = self.kb.entries.get(f"country:{iso}") if iso else None
            hits = [Hit(country, "alias")] if country is not None else []
        hit = self.kb.best_hit(hits, self.date)
        if hit is None:
            return False
        self.claim(Item(start, end, "kb", hit=hit))
        return True

    def _titled_variant(self, start: int, end: int) -> bool:
        """A person's name right after a title ("President Francois Mitterand", "former president
        Carlos Menem") that no dictionary has as written but the base layer has with a middle
        name left out or the surname misspelt by one letter (``BaseLayer.person_variant``):
        claimed as that person. Without the title a near name is too often someone else."""
        base = self.kb.base()
        text = self.doc[start:end].text
        if base is None or end - start < 2 or self.kb.hits(text) or self.kb.base_hits(text):
            return False
        words = [t.lower_ for t in self.doc[max(0, start - 3) : start]]
        if not any(" ".join(words[k:]) in self.kb.titles for k in range(len(words))):
            return False
        e = base.person_variant(self.kb, norm(text).split())
        if e is None:
            return False
        self.claim(Item(start, end, "kb", hit=Hit(e, "alias")))
        return True

    def _organisation_named(self, start: int, end: int) -> bool:
        """Whether a name the parser calls a person is named as an organisation or medium by an
        ``organisation_nouns`` word: right before it ("the news agency Sana"), as the noun it
        stands in apposition to ("two newspapers, Al-Dustour") or modifies ("Al-Awsat newspaper")."""
        nouns = {str(w) for w in (self.kb.rules or {}).get("organisation_nouns") or ()}
        doc = self.doc
        root = doc[start:end].root
        if start > 0 and doc[start - 1].pos_ == "NOUN" and doc[start - 1].lemma_.lower() in nouns:
            return True
        if root.dep_ in ("appos", "compound", "conj") and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in nouns:
            return True
        return False

    def _given_name_first(self, start: int, end: int) -> bool:
        """Whether an entity the parser calls an organisation reads as a person's name: two or
        three capitalised words, the first a known given name, none a word of the KB's agents."""
        span = self.doc[start:end]
        if not 2 <= len(span) <= 3 or norm(span[0].text) not in self.kb.first_names:
            return False
        return all(t.is_alpha and t.is_title and t.lower_ not in self.kb.agents for t in span)

    def _not_a_name_word(self, tok: Any) -> bool:
        """Whether a one-word PERSON entity is an interjection ("Meh") or a verb form ("Conceding
        that ...") rather than a name; a known given name is always a name."""
        key = norm(tok.text)
        if key in self.kb.first_names:
            return False
        return tok.lower_ in self.interjections or tok.tag_.startswith("VB")

    def _headline_names(self) -> HeadlineNames:
        """The document's title-case lines and body person names (built on first use)."""
        if self._headlines is None:
            self._headlines = HeadlineNames(self.doc_text, (e for e in self.ents if e.label_ == "PERSON"))
        return self._headlines

    def _title_overlaps(self, start: int, end: int) -> bool:
        """Whether a KB title or multi-word agent phrase starting inside [start, end) runs past
        ``end`` ("Defense Secretary", "supreme leader")."""
        titles, agents = self.kb.titles or {}, self.kb.agents or {}
        doc = self.doc
        for i in range(start, end):
            for length in range(2, 6):
                j = i + length
                if j <= end or j > len(doc):
                    continue
                words = [t.lower_ for t in doc[i : j - 1]] + [doc[j - 1].lemma_.lower()]
                keys = (" ".join(words), " ".join(t.lower_ for t in doc[i:j]))
                if any(k in titles or k in agents for k in keys):
                    return True
        return False

    def find_surnames(self) -> None:
        """Surnames of in-document people the parser missed or mislabelled ("Tepic said")."""
        self._find_office_surnames()
        surnames = set()
        for it in self.items:
            if it.kind == "person" or (it.kind == "kb" and it.hit is not None and it.hit.entry.kind == "person"):
                words = norm(self.doc[it.start : it.end].text).replace(",", " ").split()
                while len(words) > 2 and words[-1] in self.name_suffixes:
                    words = words[:-1]  # "Luther Stan Pate IV" -> Pate
                if len(words) > 1:
                    surnames.add(words[-1])
        if not surnames:
            return
        for tok in self.doc:
            if tok.pos_ != "PROPN" or not _is_cap(tok) or norm(tok.text) not in surnames:
                continue
            it = self.claimed[tok.i]
            if it is None:
                self.claim(Item(tok.i, tok.i + 1, "person", name=tok.text))
            elif it.kind in ("org", "norp") and it.end - it.start == 1:
                it.kind = "person"  # the parser's label for a lone surname ("Calabrese told ...")

    def _find_office_surnames(self) -> None:
        """A lone surname the parser neither labelled nor tagged as a name ("Musharraf resigned",
        tagged a plural noun) that the text never gives in full: the base layer's only person of
        that name in office on the article's date, when it acts (subject, object, possessor)."""
        base = self.kb.base()
        if base is None or self.date is None:
            return
        for tok in self.doc:
            if (self.claimed[tok.i] is not None or tok.i in self.ent_of or not tok.is_title
                    or tok.pos_ not in ("PROPN", "NOUN") or tok.dep_ not in ACTING_DEPS):
                continue
            key = norm(tok.text)
            if key in self.kb.first_names or key in self.kb.agents or key in self.ambiguous:
                continue
            entry = base.surname_in_office(self.kb, key, self.date)
            if entry is not None:
                self.claim(Item(tok.i, tok.i + 1, "kb", hit=Hit(entry, "surname")))

    # ------------------------------------------------------------------ 4a. collective names
    def find_collectives(self) -> None:
        """Lower-case descriptions of a collective party (``collective_names``: "the international
        community"), read as one actor with the rule's code."""
        names = (self.kb.rules or {}).get("collective_names") or {}
        if not names:
            return
        lower = [t.lower_ for t in self.doc]
        for key in names:
            words = str(key).split()
            for i in range(len(lower) - len(words) + 1):
                if lower[i : i + len(words)] == words and self.free(i, i + len(words)):
                    self.claim(Item(i, i + len(words), "collective", name=str(key)))

    # ------------------------------------------------------------------ 4b. pronouns
    def find_pronouns(self) -> None:
        rules = self.kb.rules or {}
        for tok in self.doc:
            if self.claimed[tok.i] is None and tok.lower_ in self.pronouns and tok.tag_ in ("PRP", "PRP$"):
                if is_expletive_it(tok, rules):
                    continue  # "it is up to the EU to ...": refers to no one
                self.claim(Item(tok.i, tok.i + 1, "pron", gender=self.pronouns[tok.lower_]))

    # ------------------------------------------------------------------ run
    def run(self) -> DocActors:
        from newsledger.nlp.actors.coref import resolve_items

        self.find_gazetteer()
        self.find_located_peoples()
        self.find_entities()
        self.find_qualified_orgs()
        self.find_surnames()
        self.find_titles()
        self.find_collectives()
        self.find_agents()
        self.find_minorities()
        self.find_pronouns()
        resolve_items(self)
        self.emit()
        self.places_under_force()
        self.place_countries()
        self.resolve_pair_anaphors()
        self.resolve_former_parts()
        self.add_plover_codes()
        self.latent_civilians()
        return self.out


def resolve_actors(doc: Any, kb: ActorKB, published: str | None, article_id: str) -> DocActors:
    """Find and resolve the actor mentions of a parsed ``doc`` published on ``published``."""
    return Resolver(doc, kb, published, article_id).run()
