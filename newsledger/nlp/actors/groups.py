"""Group mention rules: organisations named by a country qualifier, ethnic groups and
minorities, and group agents ("Kosovo police officers") with their owner (country, IGO,
region's country or the organisation they are affiliated with).

DOCS: docs/actors.md
"""

from __future__ import annotations

from typing import Any

from newsledger.nlp.actors.items import Item, ResolverState, _is_cap
from newsledger.nlp.actors.kb import Hit

PLACE_OWNED_SECTORS = {"REB", "UAF", "MIL", "COP", "OPP", "REF", "CVL"}  # groups a region's name qualifies
# groups a region "in/throughout" qualifies ("rebels in Darfur", "students throughout Java"), not
# civilian nouns that are often things ("settlements in the Gaza Strip")
PLACE_IN_OWNED_SECTORS = {"REB", "UAF", "MIL", "COP", "OPP", "EDU", "LAB"}


def plural_head(tok: Any) -> bool:
    """Whether noun ``tok`` is plural (or a collective agent noun such as "police")."""
    return tok.tag_ in ("NNS", "NNPS") or tok.lemma_.lower() == "police"


class GroupRules(ResolverState):
    """Mention-finding steps for group actors (mixed into ``Resolver``)."""

    def _qualified_org(self, start: int, end: int) -> bool:
        """"Serbian Workers' Union", "Nigerian Union of Teachers": an organisation the KB does not
        know, named by a country qualifier and a member/agent noun -> the country + that sector
        (a member noun before the head first: "Workers' Union" -> LAB)."""
        q = self.claimed[start]
        if q is not None and q.start == start and q.end < end:  # qualifier inside the entity
            rest = q.end
        elif start > 0 and self.claimed[start - 1] is not None and q is None:  # just before it
            q, rest = self.claimed[start - 1], start
            if q is None or q.end != start:
                return False
        else:
            return False
        if q.kind != "kb" or q.hit is None or q.hit.entry.kind != "country" or q.hit.entry.key is None \
                or not self.free(rest, end):
            return False
        if self.kb.lookup(self.doc[start:end].text, self.date) is not None:
            return False
        span = self.doc[rest:end]
        head = span.root
        sectors = []
        for t in span:
            w = t.lower_
            sec = self.kb.agents.get(t.lemma_.lower()) or self.kb.agents.get(w) or (
                self.kb.agents.get(w[:-1]) if w.endswith("s") else None)  # "Workers" (NNPS keeps its -s)
            if sec:
                sectors.append((t.i == head.i, sec))
        if not sectors:
            return False
        sector = sorted(sectors, key=lambda x: x[0])[0][1]
        item = Item(rest, end, "org", name=self.doc[q.start:end].text, owner=q.hit.entry.key, sector=sector)
        item.extra.append((q.start, q.end))
        q.kind = "consumed"
        self.claim(item)
        return True

    def find_qualified_orgs(self) -> None:
        """Capitalised organisation names after a country qualifier that the parser did not
        label ("Serbian Workers' Union", "Nigerian Union of Teachers"): a run of capitalised
        words (inner of/the/and/'s allowed) containing an ``organisation_heads`` word."""
        heads = set((self.kb.rules or {}).get("organisation_heads") or [])
        if not heads:
            return
        doc = self.doc
        for q in list(self.items):
            if q.kind != "kb" or q.hit is None or q.hit.entry.kind != "country" or q.end >= len(doc):
                continue
            j, end = q.end, q.end
            while j < len(doc) and self.claimed[j] is None and (
                _is_cap(doc[j]) or (doc[j].lower_ in ("of", "the", "and", "'", "'s", "’s", "’") and j > q.end)
            ):
                j += 1
                if _is_cap(doc[j - 1]):
                    end = j
            if end > q.end and any(t.lower_ in heads for t in doc[q.end : end]):
                self._qualified_org(q.end, end)

    def find_located_peoples(self) -> None:
        """"Bosnian Serbs", "Kosovo Serbs": a people named by the country it lives in (an adjective
        or name directly before it) is that country's civilians (``ethnic_group_sector``), as
        "Iraqi Kurds" is; the qualifier is consumed."""
        sector = (self.kb.rules or {}).get("ethnic_group_sector")
        if not sector:
            return
        for it in list(self.items):
            if it.kind != "kb" or it.hit is None or it.hit.how != "people" or it.start == 0:
                continue
            q = self.claimed[it.start - 1]
            if q is None or q.kind != "kb" or q.hit is None or q.end != it.start or q.hit.how not in ("adj", "name") \
                    or q.hit.entry.kind != "country" or q.hit.entry.key is None or q.hit.entry.key == it.hit.entry.key:
                continue
            it.kind, it.owner, it.sector, it.plural = "agent", q.hit.entry.key, sector, True
            it.label = self.doc[q.start : it.end].text
            it.extra.append((q.start, q.end))
            q.kind = "consumed"

    def _ethnic_group(self, start: int, end: int) -> bool:
        """"Iraqi Kurds", "Bosnian Serbs": a demonym before a plural NORP group -> civilians of
        the demonym's country (``ethnic_group_sector``); claims the group as that agent."""
        sector = (self.kb.rules or {}).get("ethnic_group_sector")
        root = self.doc[start:end].root
        if not sector or start == 0 or root.tag_ not in ("NNPS", "NNS") and not root.text.endswith("s"):
            return False
        q = self.claimed[start - 1]
        if q is None or q.kind != "kb" or q.hit is None or q.hit.how != "adj" or q.end != start \
                or q.hit.entry.kind != "country" or q.hit.entry.key is None:
            return False
        item = Item(start, end, "agent", sector=sector, plural=True, label=self.doc[start:end].text,
                    owner=q.hit.entry.key)
        item.extra.append((q.start, q.end))
        q.kind = "consumed"
        self.claim(item)
        return True

    # ------------------------------------------------------------------ 4. agents
    def drop_language_adjectives(self) -> None:
        """"the Russian language", "Albanian-language newspapers": a country adjective that
        names a language (``language_nouns``) is no mention of the country, nor the owner of
        the group the language qualifies."""
        words = set((self.kb.rules or {}).get("language_nouns") or [])
        for it in self.items:
            if it.kind != "kb" or it.hit is None or it.hit.how != "adj" or it.hit.entry.kind != "country":
                continue
            head = self.doc[it.end - 1].head
            if head.i != it.end - 1 and head.lemma_.lower() in words:
                it.kind = "consumed"

    def find_agents(self) -> None:
        self.drop_language_adjectives()
        doc, agents = self.doc, self.kb.agents
        if not agents:
            return
        heads = {k.split()[-1] for k in agents}
        pending: list[tuple[Item, Any]] = []  # unqualified groups that may take the sentence's country
        collective = set((self.kb.rules or {}).get("context_collective_heads") or [])  # "an opposition coalition"
        sites = set((self.kb.rules or {}).get("group_site_nouns") or [])  # "a refugee camp": the refugees'
        for tok in doc:
            if tok.lemma_.lower() not in heads and tok.lower_ not in heads:
                continue
            if tok.pos_ not in ("NOUN", "PROPN") or self.claimed[tok.i] is not None:
                continue
            describes_person = tok.tag_ == "NN" and tok.head.ent_type_ == "PERSON" and self._person_at(tok.head.i)
            if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i and not describes_person and (
                tok.head.lemma_.lower() in heads or tok.head.lower_ in heads or tok.head.dep_ not in ("nsubj", "nsubjpass")
            ) and tok.head.lemma_.lower() not in sites:
                continue  # "police officers": the head noun decides; "army bulldozers demolished": the army acts
            # (but "British militant John Smith": a singular agent noun describing the person named next;
            # "Cambodian refugee camp", "guerrilla bases": a place of the group stands for the group)
            best = None
            for k in range(max(0, tok.i - 3), tok.i + 1):
                if not self.free(k, tok.i + 1):
                    continue
                words = [t.lower_ for t in doc[k : tok.i]] + [tok.lemma_.lower()]
                key = " ".join(words)
                if key in agents:
                    best = (k, agents[key])
                    break
                key2 = " ".join([t.lower_ for t in doc[k : tok.i + 1]])
                if key2 in agents:
                    best = (k, agents[key2])
                    break
            if best is None or self._act_reading(tok):
                continue
            k, sector = best
            sector = self._marked_sector(tok, k, sector)
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children)
            item = Item(k, tok.i + 1, "agent", sector=sector, plural=tok.tag_ in ("NNS", "NNPS"),
                        label=doc[k : tok.i + 1].text, name="definite" if definite else "")
            owner = self._agent_owner(tok, k, item.plural, sector)
            owner = self._community_home(tok, owner, sector)
            if owner is not None and owner.hit is not None:
                item.owner = owner.hit.entry.key
                item.extra.append((owner.start, owner.end))
                owner.kind = "consumed"
                self._conjunct_owners(owner, item)
                if plural_head(tok):
                    self._co_owners(owner, item)
            elif tok.dep_ == "conj" and k == tok.i and tok.head.i < tok.i:
                # "Israeli helicopters and tanks", "Serbian police and soldiers": a bare conjoined
                # group noun shares the qualifier of the first
                first = self.claimed[tok.head.i]
                if first is not None and first.kind == "agent" and first.owner:
                    item.owner = first.owner
            if not item.owner and not definite and self._international_group(tok, k):
                item.owner = "IGO"  # "a regional peacekeeping force": an international force (IGOMIL)
            named = any(c.dep_ in ("compound", "amod", "nmod") and c.i < k and c.text[:1].isupper() for c in tok.children)
            if not item.owner and (not definite or named) and (item.plural or tok.lemma_.lower() in collective):
                # (a definite group is an anaphor, "the rebels", unless a name describes it: "the
                # Azadliq opposition coalition")
                pending.append((item, tok))
            self.claim(item)
        for item, tok in pending:  # once every group of the text is known
            item.owner = self._sentence_country(tok, item.sector)

    def _international_group(self, tok: Any, k: int) -> bool:
        """Whether a group no country or organisation owns is an international one by what it is
        (``international_agent_words``: peacekeepers, a peacekeeping force; Phoenix.agents codes
        PEACEKEEPING_TROOPS as IGO, PLOVER's gold "a regional peacekeeping force" IGOMIL)."""
        rules = self.kb.rules or {}
        words = set(rules.get("international_agent_words") or ())
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in set(rules.get("force_sending_verbs") or ()):
            return False  # "Pakistan refused to deploy peacekeepers": the sender's own troops
        if any(c.dep_ == "poss" for c in tok.children):
            return False  # "its peacekeepers": the possessor's (coreference)
        seen = {t.lower_ for t in self.doc[k : tok.i + 1]} | {tok.lemma_.lower()}
        seen |= {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
        return bool(seen & words)

    def _act_reading(self, tok: Any) -> bool:
        """Whether an agent noun names an act here: a preposition of ``act_noun_preps`` after it
        ("Russia's opposition to the plan" is Russia opposing, not a Russian opposition party)."""
        preps = ((self.kb.rules or {}).get("act_noun_preps") or {}).get(tok.lemma_.lower()) or ()
        return any(c.dep_ == "prep" and c.i > tok.i and c.lower_ in preps for c in tok.children)

    def _sentence_country(self, head: Any, sector: str) -> str | None:
        """The owner of an unqualified domestic group ("demands from rebels", "pressuring workers
        to end the strike", ``context_owned_sectors``) when its sentence names exactly one
        country and names it as the state the group lives under: a government body of it
        (``context_state_sectors``: "The Mozambique government accepted demands from rebels" ->
        MOZREB) or a place of it ("demonstrators in Monrovia"). A country named only as a name or
        adjective ("protesters burned Danish flags") or as the owner of forces ("Israeli troops
        arrested protesters": forces often act abroad) is no evidence, though it counts against
        another country. Groups that are often the foreign side of an act (civilians, soldiers,
        police) and groups owned by a possessive ("their workers") are left alone."""
        rules = self.kb.rules or {}
        owned = set(rules.get("context_owned_sectors") or [])
        if sector[:3] not in owned or any(c.dep_ == "poss" for c in head.children):
            return None
        return self.sentence_state(head.sent)

    def sentence_state(self, sent: Any, for_person: bool = False) -> str | None:
        """The one country a sentence names as a state (see ``_sentence_country``): a government
        body of it or a place of it, and no other country or international organisation. For a
        person's office (``for_person``) another person's office is no evidence ("President X
        welcomed South African leader Y": X is not South Africa's)."""
        state = set((self.kb.rules or {}).get("context_state_sectors") or [])
        of_state: set[int] = set()  # "Iranian authorities": the body and its qualifier
        for f in self.items:
            if for_person and f.kind == "title" and not f.plural:
                continue
            if f.kind in ("agent", "title", "org") and f.sector[:3] in state and f.owner:
                of_state.update(range(f.start, f.end))
                of_state.update(j for a, b in f.extra for j in range(a, b))
        keys: set[str] = set()
        evidence = False
        for j in range(sent.start, sent.end):
            it = self.claimed[j]
            e = None
            place = False
            if it is not None and it.kind in ("kb", "consumed") and it.hit is not None:
                e = it.hit.entry
                if e.kind != "country":
                    e = self.kb.owners.get(e.country or "") if e.country else None
                place = it.hit.how == "capital" and self.doc[j].dep_ == "pobj" and \
                    self.doc[j].head.lower_ in (self.kb.rules.get("place_preps") or ())
            elif it is not None and it.kind in ("agent", "title", "org") and it.owner:
                e = self.kb.owners.get(it.owner)
            else:
                e = self.kb.entries.get(self.out.places.get(j, ""))
                place = e is not None
            if e is None or e.kind != "country" or e.key is None:
                if it is not None and it.kind in ("kb", "consumed") and it.hit is not None \
                        and it.hit.entry.kind == "organization" and not it.hit.entry.country:
                    return None  # an international organisation is another party
                continue
            keys.add(e.key)
            if len(keys) > 1:
                return None
            evidence = evidence or place or j in of_state
        return next(iter(keys)) if keys and evidence else None

    def _person_at(self, i: int) -> bool:
        """Whether token ``i`` is claimed as a person's name (unknown or in the KB)."""
        it = self.claimed[i]
        return it is not None and (it.kind == "person" or (
            it.kind == "kb" and it.hit is not None and it.hit.entry.kind == "person"))

    def find_minorities(self) -> None:
        """"ethnic Albanians in south Serbia", "ethnic Turks [facing] Sweden's decision": a people
        marked as a community (``minority_markers``: "ethnic") is the civilians of the country
        it lives in (PLOVER: SRBCVL): the object of "in/of" after the people, else the first
        other country named in the sentence. Unmarked ("Serbs in northern Kosovo") stays the
        people (SRB), as the seed tests expect."""
        rules = self.kb.rules or {}
        markers = set(rules.get("minority_markers") or [])
        sector = rules.get("ethnic_group_sector")
        if not sector:
            return
        doc = self.doc
        for it in list(self.items):
            if it.kind != "kb" or it.hit is None or it.hit.how != "people" or it.hit.entry.key is None:
                continue
            own, head = it.hit.entry.key, doc[it.end - 1]
            owner = None
            marked = it.start > 0 and doc[it.start - 1].lower_ in markers
            # unmarked, "Serbs in northern Kosovo" stay the Serbs (the seeds' convention); "the
            # Albanians of southern Serbia" names a community of that country, as "Kosovo Serbs" does
            preps = ("in", "of") if marked else ("of",)
            if not marked and not any(p.dep_ == "prep" and p.lower_ == "of" and p.i == it.end for p in head.rights):
                continue
            for p in head.rights:
                if p.dep_ == "prep" and p.lower_ in preps:
                    for o in p.children:  # the object itself: "of the Israeli-occupied West Bank" is PSE's
                        country = self._country_at(o.i) if o.dep_ == "pobj" else None
                        if country is not None:
                            owner = country if country.key != own else None
                            break
                    break
            if owner is None and marked:
                sent = head.sent
                for j in range(sent.start, sent.end):
                    if it.start <= j < it.end:
                        continue
                    country = self._country_at(j)
                    if country is not None and country.key != own:
                        owner = country
                        break
            if owner is None:
                continue
            it.kind, it.owner, it.sector, it.plural = "minority", owner.key, sector, True
            it.label = doc[it.start - 1 if marked else it.start : it.end].text
            if marked:
                it.extra.append((it.start - 1, it.start))

    def _community_home(self, head: Any, owner: Item | None, sector: str) -> Item | None:
        """A group of a people marked as a community ("ethnic Albanian guerrillas operating in
        Macedonia", "ethnic Albanian political parties" beside Macedonian ones) belongs to the
        country the community lives in, as for the people itself (``find_minorities``): the
        country of an in/of phrase after the group noun, else the first other country of the
        sentence; the demonym and its marker join the owner span. Only for groups a country's
        own people form (``context_owned_sectors``, armed groups)."""
        rules = self.kb.rules or {}
        markers = set(rules.get("minority_markers") or [])
        if owner is None or owner.hit is None or owner.hit.how not in ("adj", "people") or owner.start == 0:
            return owner
        if self.doc[owner.start - 1].lower_ not in markers:
            return owner
        if sector[:3] not in set(rules.get("context_owned_sectors") or []) | {"UAF"}:
            return owner
        own = owner.hit.entry.key
        home = None
        for t in head.subtree:  # "operating in Macedonia", "in southern Serbia"
            if t.i > head.i and t.dep_ == "pobj" and t.head.lower_ in ("in", "of"):
                c = self._country_at(t.i)
                if c is not None and c.key != own:
                    home = c
                    break
        if home is None:
            sent = head.sent
            for j in range(sent.start, sent.end):
                if owner.start - 1 <= j < head.i + 1:
                    continue
                c = self._country_at(j)
                if c is not None and c.key != own:
                    home = c
                    break
        if home is None:
            return owner
        owner.kind = "consumed"
        return Item(owner.start - 1, owner.end, "place-owner", hit=Hit(home, "place"))

    def _country_at(self, i: int) -> Any:
        """The country entry token ``i`` names (a country, its capital, a demonym, or a place
        of it), or None."""
        it = self.claimed[i]
        if it is not None and it.kind in ("kb", "consumed") and it.hit is not None and it.hit.entry.kind == "country":
            return it.hit.entry
        e = self.kb.entries.get(self.out.places.get(i, ""))
        return e if e is not None and e.kind == "country" else None

    def _marked_sector(self, head: Any, k: int, sector: str) -> str:
        """"Ugandan opposition candidates": a marked modifier's sector beats a generic head's."""
        rules = self.kb.rules or {}
        if sector and sector[:3] not in set(rules.get("generic_head_sectors") or []):
            return sector
        marked = set(rules.get("marked_modifier_sectors") or [])
        for c in head.children:
            if c.dep_ in ("amod", "compound") and c.i < head.i:
                s2 = self.kb.agents.get(c.lower_) or self.kb.agents.get(c.lemma_.lower())
                if s2 and s2[:3] in marked:
                    return s2
        return sector

    def _co_owners(self, owner: Item, item: Item) -> None:
        """"police in Serbia and Kosovo": countries coordinated with a following owner ("of/in/from
        X and Y") own the plural group too (each its own group actor, see ``coref``)."""
        if owner.kind not in ("kb", "consumed") or owner.hit is None or owner.start < item.end:
            return
        for cj in self.doc[owner.end - 1].conjuncts:
            if cj.i < owner.end:
                continue
            it = self.claimed[cj.i]
            if it is not None and it.kind == "kb" and it.hit is not None and it.hit.entry.kind == "country" \
                    and it.hit.entry.key is not None and it.hit.how != "capital":
                item.co_owners.append(it.hit.entry.key)  # the country keeps its own mention

    def _modifies(self, tok: Any, item: Item) -> bool:
        """Whether ``tok`` (or the first conjunct it is coordinated with) modifies the head of ``item``."""
        while tok.dep_ == "conj" and tok.head.i < tok.i:
            tok = tok.head
        return tok.dep_ in ("amod", "compound", "nmod", "poss") and item.start <= tok.head.i < item.end

    def _conjunct_owners(self, owner: Item, item: Item) -> None:
        """"Hungarian and Romanian officials": the earlier conjunct qualifies its own group."""
        j = owner.start - 1
        qual = ("adj", "name", "alias")  # "Hungarian and Romanian officials", "Serbia and Kosovo police"
        if owner.hit is None or owner.hit.how not in qual or owner.end > item.start:
            return
        while j >= 1 and self.doc[j].lower_ in ("and", ",", "&"):
            prev = self.claimed[j - 1]
            if prev is None or prev.kind != "kb" or prev.hit is None or prev.hit.entry.kind == "person" \
                    or prev.hit.entry.key is None or prev.hit.how not in qual:
                return
            if prev.hit.how != "adj" and not self._modifies(self.doc[prev.end - 1], item):
                return  # "the Security Council and UN peacekeepers": a conjoined noun phrase, not a qualifier
            prev.kind, prev.owner, prev.sector, prev.plural = "agent", prev.hit.entry.key, item.sector, True
            j = prev.start - 1

    def _agent_owner(self, head: Any, k: int, plural: bool = False, sector: str = "") -> Item | None:
        doc = self.doc
        left = head.left_edge.i
        if head.dep_ == "compound" and head.head.i > head.i:  # "Israeli army bulldozers": the phrase's modifiers
            left = min(left, head.head.left_edge.i)
        stance = set((self.kb.rules or {}).get("stance_prefixes") or ())
        for j in range(k - 1, max(left, k - 6) - 1, -1):
            it = self.claimed[j]
            if it is not None and it.start >= 2 and doc[it.start - 1].text in ("-", "–") and doc[it.start - 2].lower_ in stance:
                continue  # "anti-American protesters", "pro-Russian separatists": a stance, not the owner
            if it is not None and it.kind == "kb" and it.hit is not None and it.hit.entry.kind != "person" and it.hit.entry.key is not None:
                return it
            if it is not None and it.kind == "place" and it.end == k and plural and sector[:3] in PLACE_OWNED_SECTORS:
                # "Darfur rebels": the region's country (not "New York businessman", "California congressman")
                country = self.kb.entries.get(self.out.places.get(j, ""))
                if country is not None and country.key is not None:
                    return Item(it.start, it.end, "place-owner", hit=Hit(country, "place"))
            if it is not None and it.kind == "kb" and it.hit is not None and it.hit.entry.kind == "person" and (
                    sector[:3] == "GOV" and doc[it.end - 1].dep_ == "poss" and doc[it.end - 1].head.i == head.i):
                # "President Suharto's government", "Assad's regime": the leader's country's (the
                # name stays the person's: an empty owner span)
                country = self.kb.entries.get(f"country:{it.hit.entry.country}") if it.hit.entry.country else None
                if country is not None and country.key is not None:
                    return Item(it.end, it.end, "place-owner", hit=Hit(country, "place"))
                return None
            if it is not None and it.kind in ("person", "title"):
                return None
        blocked = set(self.kb.rules.get("located_not_owned") or [])
        words = {t.lower_ for t in doc[k : head.i + 1]} | {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
        aff = self._affiliation_owner(head)
        if aff is not None:
            return aff
        origin_owner = self._origin_owner(head)
        if origin_owner is not None:
            return origin_owner
        preps = set(self.kb.rules.get("agent_owner_preps") or ("of", "in", "from"))
        if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children):
            return None  # "its forces in Lebanon": the possessor's forces (see coref), located there
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ != "of" and words & blocked:
                continue
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        it = self.claimed[pobj.i]
                        if it is not None and it.kind == "kb" and it.hit is not None and it.hit.entry.kind != "person" and it.hit.entry.key is not None:
                            return it
                        if (it is None or it.kind == "place") and child.lower_ in ("of", "from"):
                            # "doctors from two American aid groups": the qualifier of the object
                            q = self._country_modifier(pobj)
                            if q is not None:
                                return q
                        origin = child.lower_ == "from" and not words & blocked  # "a missionary from Calgary"
                        if (it is None or it.kind == "place") and child.lower_ != "of" and (
                                origin or (plural and sector[:3] in PLACE_IN_OWNED_SECTORS)):
                            # "rebels in Darfur", "students throughout Java": the place's country
                            country = self.kb.entries.get(self.out.places.get(pobj.i, ""))
                            if country is not None and country.key is not None and country.kind == "country":
                                return Item(pobj.i, pobj.i + 1, "place-owner", hit=Hit(country, "place"))
        _ = doc
        return None

    def _country_modifier(self, noun: Any) -> Item | None:
        """A country adjective/name modifying ``noun`` ("two American aid groups", "the Syrian Golan
        Heights"), or None."""
        if noun.pos_ not in ("NOUN", "PROPN"):
            return None
        for c in noun.children:
            if c.dep_ not in ("amod", "compound") or c.i > noun.i:
                continue
            it = self.claimed[c.i]
            if it is not None and it.kind == "kb" and it.hit is not None and it.hit.entry.kind == "country" \
                    and it.hit.entry.key is not None and it.end == c.i + 1:
                return it
        return None

    def _origin_owner(self, head: Any) -> Item | None:
        """"refugees fleeing Syria", "thousands of refugees fleeing the war in Liberia": the
        country a group flees (``origin_verbs``) owns it: the first country or place of it in
        the participle's phrase."""
        verbs = set((self.kb.rules or {}).get("origin_verbs") or [])
        if not verbs:
            return None
        holders = [head]
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.i:
            holders.append(head.head.head)  # "thousands of refugees fleeing ..."
        for h in holders:
            for v in h.children:
                if v.dep_ != "acl" or v.lemma_.lower() not in verbs:
                    continue
                for t in v.subtree:
                    if t.i == v.i:
                        continue
                    it = self.claimed[t.i]
                    if it is not None and it.kind in ("kb", "consumed") and it.hit is not None \
                            and it.hit.entry.kind == "country" and it.hit.entry.key is not None:
                        return it
                    country = self.kb.entries.get(self.out.places.get(t.i, ""))
                    if country is not None and country.key is not None and country.kind == "country":
                        return Item(t.i, t.i + 1, "place-owner", hit=Hit(country, "place"))
        return None

    def _affiliation_owner(self, head: Any) -> Item | None:
        """"workers affiliated with the Serbian Workers' Union", "militias loyal to Hezbollah":
        the organisation (or its country, for a qualified organisation) owns the group."""
        words = set((self.kb.rules or {}).get("affiliation_words") or [])
        for c in head.rights:
            if c.lower_ not in words or c.dep_ not in ("acl", "amod", "relcl"):
                continue
            for p in c.children:
                if p.dep_ != "prep":
                    continue
                for o in p.children:
                    it = self.claimed[o.i] if o.dep_ == "pobj" else None
                    if it is None:
                        continue
                    if it.kind == "kb" and it.hit is not None and it.hit.entry.kind != "person" \
                            and it.hit.entry.key is not None:
                        return it
                    if it.kind == "org" and it.owner:
                        e = self.kb.owners.get(it.owner)
                        if e is not None:
                            return Item(it.start, it.start, "affiliation", hit=Hit(e, "org"))
        return None

