"""After coreference: emitting mentions, then the post-passes (place countries, pair
anaphors such as "both sides", former parts such as "its former province", PLOVER codes).

DOCS: docs/actors.md
"""

from __future__ import annotations

from typing import Any

from newsledger.model import Actor, Mention
from newsledger.nlp.actors.items import ResolverState
from newsledger.nlp.actors.sieves import climb, force_target


class PostPasses(ResolverState):
    """Emission and post-passes of ``Resolver`` (mixed into it)."""

    def emit(self) -> None:
        doc = self.doc
        for it in sorted(self.items, key=lambda x: x.start):
            if it.actor is None or it.kind == "consumed":
                continue
            spans = [(it.start, it.end), *it.extra]
            for s, e in spans:
                for i in range(s, e):
                    self.out.token_actor[i] = it.actor
            s = min(x for x, _ in spans)
            e = max(y for _, y in spans)
            if e - s > (it.end - it.start) + sum(b - a for a, b in it.extra) + 2:
                s, e = it.start, it.end  # qualifier far away: keep the head span only
            span = doc[s:e]
            self.out.mentions.append(Mention(self.article_id, it.actor, span.start_char, span.end_char, span.text))


    def resolve_pair_anaphors(self) -> None:
        """ "both sides", "the two leaders": the pair of actors named together shortly before
        (rules: ``pair_nouns``, ``pair_quantifiers`` and ``pair_anaphors`` in
        resolution.en.yaml). Such a phrase names two parties, never one: a single actor the
        earlier passes gave its head is replaced, and its mention dropped."""
        rules = self.kb.rules
        doc, out = self.doc, self.out
        spans = self._pair_phrases(rules)
        if not spans:
            return
        window = int(rules.get("pair_window_sentences", 3))
        kinds = list(rules.get("pair_kinds") or ("country", "person", "organization"))
        sent_index: dict[int, int] = {}
        for n, sent in enumerate(doc.sents):
            for k in range(sent.start, sent.end):
                sent_index[k] = n
        for i, head in spans:
            if head in out.groups:
                continue
            pair = self._pair_before(doc[i].idx, sent_index[i], sent_index, window, kinds)
            for k in range(i, head + 1):
                if pair:
                    out.groups[k] = pair
                out.token_actor.pop(k, None)
            lo, hi = doc[i].idx, doc[head].idx + len(doc[head])
            out.mentions[:] = [m for m in out.mentions if not (lo <= m.start and m.end <= hi)]

    def _pair_phrases(self, rules: dict[str, Any]) -> list[tuple[int, int]]:
        """(first, head) token of each phrase naming a pair: a plural noun of ``pair_nouns``
        with a quantifier of ``pair_quantifiers`` ("the two sides", "both leaders", "the two
        former foes"), or one of the fixed ``pair_anaphors`` ("the parties")."""
        doc = self.doc
        nouns = set(rules.get("pair_nouns") or ())
        quants = set(rules.get("pair_quantifiers") or ())
        phrases = [tuple(p) for p in rules.get("pair_anaphors") or ()]
        out: dict[int, int] = {}
        for t in doc:
            if t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() in nouns:
                q = [c for c in t.children if c.lower_ in quants and c.i < t.i]
                if q:
                    first = min([q[0].i] + [c.i for c in t.children if c.dep_ == "det" and c.i < q[0].i])
                    out[t.i] = first
        lower = [t.lower_ for t in doc]
        for i, w in enumerate(lower):
            for p in phrases:
                if p[0] == w and tuple(lower[i:i + len(p)]) == p:
                    out.setdefault(i + len(p) - 1, i)
        return sorted((first, head) for head, first in out.items())

    def resolve_former_parts(self) -> None:
        """ "its former province" (its = Serbia) -> Kosovo, when Kosovo is named in the article."""
        rules = self.kb.rules
        nouns = set(rules.get("former_part_nouns") or ())
        mods = set(rules.get("former_part_modifiers") or ())
        if not nouns or not mods:
            return
        out = self.out
        named = {a for a in out.actors if a.startswith("country:")}
        for tok in self.doc:
            if tok.lemma_.lower() not in nouns or not any(c.lower_ in mods for c in tok.children):
                continue
            owners = [out.token_actor.get(c.i) for c in tok.children if c.dep_ == "poss"]
            owners += [out.token_actor.get(o.i) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                       for o in c.children if o.dep_ == "pobj"]
            owner = next((o for o in owners if o and o.startswith("country:")), None)
            if owner is None:
                continue
            parts = [p for p in self.kb.former_parts().get(owner.removeprefix("country:"), ()) if p in named]
            if len(parts) == 1:
                out.token_actor[tok.i] = parts[0]
                out.mentions.append(Mention(self.article_id, parts[0], tok.idx, tok.idx + len(tok), tok.text))

    def _pair_before(self, char: int, sent: int, sent_index: dict[int, int], window: int,
                     kinds: list[str]) -> list[str] | None:
        """The pair a plural anaphor at ``char`` refers to: one candidate per sentence of the
        window (two coordinated actors of one kind, else the last two of one kind); the
        candidate of the same sentence wins, else the one named together in the most sentences
        of the article (the story's dyad: "both parties" after a passing mention of another
        war), the nearest on a tie. With no candidate in the window, the same choice among the
        candidates of every earlier sentence."""
        out = self.out
        by_sent: dict[int, list[str]] = {}
        heads: dict[int, str] = {}  # head token of each mention before the anaphor -> its actor
        together: dict[int, set[str]] = {}  # every sentence of the article -> its actors
        for m in out.mentions:
            tok = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if tok is None:
                continue
            s = sent_index.get(tok.start, -1)
            together.setdefault(s, set()).add(m.actor_id)
            if m.start >= char:
                continue
            heads[tok.root.i] = m.actor_id
            ids = by_sent.setdefault(s, [])
            if m.actor_id not in ids:
                ids.append(m.actor_id)
        candidates: list[tuple[int, list[str]]] = []
        earlier: list[tuple[int, list[str]]] = []
        for s in sorted(by_sent, reverse=True):
            pair = self._sentence_pair(s, by_sent[s], heads, sent_index, kinds)
            if pair is None:
                continue
            if s == sent:
                return pair
            (candidates if s >= sent - window else earlier).append((s, pair))
        candidates = candidates or earlier
        if not candidates:
            return None

        def shared(c: tuple[int, list[str]]) -> tuple[int, int]:
            a, b = c[1]
            return sum(1 for ids in together.values() if a in ids and b in ids), c[0]

        return max(candidates, key=shared)[1]

    def _sentence_pair(self, s: int, ids: list[str], heads: dict[int, str],
                       sent_index: dict[int, int], kinds: list[str]) -> list[str] | None:
        out = self.out
        # two actors of one kind coordinated ("Belgrade and Pristina") before any two merely
        # named in the sentence ("... as war rages in Ukraine invaded by Russia")
        coordinated = [
            (heads[h], heads[c.i]) for h in sorted(heads) if sent_index.get(h) == s
            for c in self.doc[h].conjuncts if c.i > h and c.i in heads
        ]
        for a, b in reversed(coordinated):
            ka, kb = out.actors.get(a), out.actors.get(b)
            if a != b and ka and kb and ka.kind == kb.kind and ka.kind in kinds:
                return [a, b]
        for kind in kinds:
            same = [a for a in ids if (out.actors.get(a) and out.actors[a].kind == kind)]
            if len(same) >= 2:
                return same[-2:]
        return None

    def add_plover_codes(self) -> None:
        """``codes["plover"]`` beside every ``codes["cameo"]`` (see ``ActorKB.plover_code``)."""
        for aid, a in list(self.out.actors.items()):
            cameo = (a.codes or {}).get("cameo")
            if cameo and "plover" not in a.codes:
                codes = {**a.codes, "plover": self.kb.plover_code(cameo, a.kind)}
                self.out.actors[aid] = Actor(a.id, a.name, a.kind, a.country, a.aliases, codes, a.roles)

    def places_under_force(self) -> None:
        """A town or region of a known country that is the target of a verb of force ("rebels
        shelled Misrata", "troops stormed Homs") stands for that country's people, as for
        capitals (``force_target``): its tokens refer to ``group:<iso3>-civilians``."""
        out, doc = self.out, self.doc
        rules = self.kb.rules or {}
        done: set[int] = set()
        for i, pid in sorted(out.places.items()):
            if i in done or i in out.token_actor or not pid.startswith("country:"):
                continue
            j = i
            while j + 1 < len(doc) and out.places.get(j + 1) == pid and j + 1 not in out.token_actor:
                j += 1
            done.update(range(i, j + 1))
            span = doc[i : j + 1]
            e = self.kb.entries.get(pid)
            if e is None or e.key is None or not force_target(climb(span.root), rules):
                continue
            aid = self.add_actor(self.kb.group_actor(e.key, "CVL"))
            for k in range(i, j + 1):
                out.token_actor[k] = aid
            out.mentions.append(Mention(self.article_id, aid, span.start_char, span.end_char, span.text))

    def latent_civilians(self) -> None:
        """The civilians of the country of every nationality's people ("Palestinians"), every
        country named ("Palestinian homes") and every capital or city used as a place ("in Algiers",
        "in Mosul"; a region stands for its country: "blockades in the West Bank"), kept aside (``DocActors.civilians``,
        ``place_civilians``) for a later stage that reads them as a population (PLOVER:
        "arrested 100 Palestinians" -> PSECVL, "imposed a curfew in Algiers" -> DZACVL)."""
        out = self.out
        for aid, a in list(out.actors.items()):
            people = aid.startswith("group:") and aid.endswith("-people")
            if a.country and (people or (a.kind == "country" and aid in out.token_actor.values())):
                g = self._civilians(a.country)
                if g is not None:
                    out.civilians[aid] = g
        for i, pid in out.places.items():
            e = self.kb.entries.get(pid)
            if e is None or not e.key or not pid.startswith("country:") or i in out.token_actor:
                continue
            text = self.doc[i].text
            if any(h.how == "capital" and h.entry.id == pid for h in self.kb.hits(text)) or (
                    self.kb.world_place(text) == e.key):  # a capital, or a city of that country (not a region)
                g = self._civilians(e.key)
                if g is not None:
                    out.place_civilians[i] = g

    def _civilians(self, key: str) -> Actor | None:
        g = self.kb.group_actor(key, "CVL")
        cameo = g.codes.get("cameo", "")
        if not cameo or cameo.startswith("---"):
            return None
        if g.id in self.out.actors:
            return self.out.actors[g.id]
        return Actor(g.id, g.name, g.kind, g.country, g.aliases, {**g.codes, "plover": self.kb.plover_code(cameo, g.kind)}, g.roles)

    def place_countries(self) -> None:
        """Countries that places of the text belong to become actors of ``actors`` (for coders
        that take "arrived in Amman" as an action towards Jordan); tokens still map to places."""
        for pid in set(self.out.places.values()):
            if pid.startswith("country:") and pid not in self.out.actors:
                e = self.kb.entries.get(pid)
                if e is not None:
                    self.out.actors[pid] = self.kb.actor_at(e, self.date)
