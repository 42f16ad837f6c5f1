"""Title mention rules: "Serbian President", "the top diplomat", "President of Serbia",
with the country/IGO that owns the office.

DOCS: docs/actors.md
"""

from __future__ import annotations

from newsledger.nlp.actors.items import Item, ResolverState


class TitleRules(ResolverState):
    """Mention-finding steps for titles (mixed into ``Resolver``)."""

    # ------------------------------------------------------------------ 3. titles
    def find_titles(self) -> None:
        doc, n = self.doc, len(self.doc)
        titles = self.kb.titles
        if not titles:
            return
        starts = {k.split()[0] for k in titles}
        lowers = [t.lower_ for t in doc]
        lemmas = [t.lemma_.lower() for t in doc]
        i = 0
        while i < n:
            match = None
            if lowers[i] not in starts and lemmas[i] not in starts:
                i += 1
                continue
            for length in range(min(5, n - i), 0, -1):
                if not self.free(i, i + length):
                    continue
                words = lowers[i : i + length]
                last = doc[i + length - 1]
                key = " ".join(words)
                key_lemma = " ".join(words[:-1] + [lemmas[i + length - 1]])
                key = key if key in titles else key.replace(" - ", "-")
                key_lemma = key_lemma if key_lemma in titles else key_lemma.replace(" - ", "-")
                if key in titles or key_lemma in titles:
                    match = (length, titles.get(key) or titles[key_lemma], last.tag_ in ("NNS", "NNPS"))
                    break
            if match is None or doc[i].pos_ not in ("NOUN", "PROPN", "ADJ"):
                i += 1
                continue
            length, tdef, plural = match
            if plural and str(tdef.get("singular", "")).lower() == "true" and self._owner_item_before(i) is None:
                i += length  # "the leaders of Kosovo and Serbia": the countries ("Palestinian leaders": PSEGOV)
                continue
            longer = f"{lowers[i - 1]} {' '.join(lowers[i:i + length - 1] + [lemmas[i + length - 1]])}" if i > 0 else ""
            if self.claimed[i - 1] is None and longer in self.kb.agents and self.kb.agents[longer][:3] != tdef.get("sector", "")[:3]:
                i += length  # "rebel leaders": an agent phrase of another sector, not a title
                continue
            item = Item(i, i + length, "title", role=tdef["role"], sector=self._marked_sector(doc[i + length - 1], i, tdef.get("sector", "")),
                        label=doc[i : i + length].text, plural=plural, owner=tdef.get("owner"))
            self._title_owner(item)
            if item.owner is None and plural:  # "lawmakers in Serbia", "officials from Kosovo": as for agents
                q = self._agent_owner(doc[i + length - 1], i, True, item.sector)
                if q is not None and q.hit is not None and q.hit.how != "capital":
                    item.owner = q.hit.entry.key
                    if q.kind == "kb":
                        item.extra.append((q.start, q.end))
                        q.kind = "consumed"
                        self._co_owners(q, item)
            self.claim(item)
            i += length

    def _owner_item_before(self, pos: int) -> Item | None:
        """A country/IGO gazetteer item ending at ``pos`` (``Serbian`` / ``Kosovo 's``)."""
        j = pos - 1
        if j >= 0 and self.doc[j].lower_ in ("'s", "’s"):
            j -= 1
        if j < 0:
            return None
        it = self.claimed[j]
        if it is not None and it.kind == "kb" and it.hit is not None and it.hit.entry.kind != "person" and it.hit.entry.key is not None and it.end == j + 1:
            return it
        return None

    def _owner_item_after(self, pos: int) -> Item | None:
        """``of [the] X`` after a title: ``President of Serbia``."""
        doc = self.doc
        if pos < len(doc) and doc[pos].lower_ == "of":
            j = pos + 1
            if j < len(doc) and doc[j].lower_ == "the":
                j += 1
            if j < len(doc):
                it = self.claimed[j]
                if it is not None and it.kind == "kb" and it.hit is not None and it.hit.entry.kind != "person" and it.hit.entry.key is not None and it.start == j:
                    return it
        return None

    def _owner_modifier(self, item: Item) -> Item | None:
        """A country/IGO modifying the title's head over other modifiers ("Serbian Labour
        Minister", "Nigerian junior foreign minister"): at most 3 words back, all attached to it."""
        head = self.doc[item.end - 1]
        j = item.start - 1
        while j >= max(0, item.start - 4):
            tok = self.doc[j]
            if tok.head.i < item.start - 4 or tok.head.i >= item.end or tok.dep_ not in ("compound", "amod", "nmod", "poss", "case"):
                return None
            it = self.claimed[j]
            if it is not None:
                if it.kind == "kb" and it.hit is not None and it.hit.entry.kind != "person" and it.hit.entry.key is not None and it.end == j + 1:
                    return it
                return None
            j -= 1
        _ = head
        return None

    def _title_owner(self, item: Item) -> None:
        q = self._owner_item_before(item.start) or self._owner_item_after(item.end) or self._owner_modifier(item)
        if q is not None and q.hit is not None and q.hit.how != "capital":
            item.owner = item.owner or q.hit.entry.key
            item.extra.append((q.start, q.end))
            q.kind = "consumed"
            if item.plural:  # "U.S. and Russian negotiators", "the envoys of France and Italy": each its own group
                self._conjunct_owners(q, item)
                self._co_owners(q, item)

