"""Attributions whose cue is a noun: "his claim that ...", "her decision to ...", "calls
for ...", "The view is that ..." (``data/noun_cues.en.yaml``).

A speech, stance or mental-state noun reports what its holder said, wants or thinks as
much as the verb it is made from: the content is the noun's ``that``-clause (also after a
copula, "Her view is that ..."), its to-infinitive, or the object of the preposition the
noun takes ("criticism of X", "support for X"). The holder is the noun's possessor ("his",
"Trump's"), a ``by``/``from`` phrase ("a demand by X that ..."), a proper-noun modifier
("the DOJ demand that ..."), or the subject of the verb the noun is the object of, directly
or through a preposition ("X made the claim that ...", "X said in a statement that ...");
else nobody named ("fears that ...", PolNeAR's attribution with no source). Which holders
each construction is kept with is data (``holder_kinds``: counted on PolNeAR train, an
infinitive or prepositional object is kept only with a verb subject). Stance adjectives after a copula work the same way ("X is confident that ...",
"X was critical of Y"): the subject holds the stance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from spacy.parts_of_speech import NOUN

from newsledger.datafiles import data_path, load_data
from newsledger.nlp.quotes.columns import tokens_with
from newsledger.nlp.quotes.document import Attr
from newsledger.nlp.quotes.stance import StanceCues

_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl", "appos"})
_COPULA_CONTENT_DEPS = frozenset({"ccomp", "attr", "acomp"})
_INFINITIVE_DEPS = frozenset({"acl", "relcl", "xcomp"})
_HOLDER_POS = frozenset({"PRON", "PROPN", "NOUN"})
_HOLDER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_TIME_ENTS = frozenset({"DATE", "TIME"})
_DEGREE_WORDS = frozenset({"enough", "so", "too"})


@dataclass(frozen=True)
class NounLexicon:
    clause: frozenset[str]
    infinitive: frozenset[str]
    prep: dict[str, frozenset[str]]
    speaker_preps: frozenset[str]
    narration_preps: frozenset[str] = frozenset()
    holder_kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    receiving_verbs: frozenset[str] = frozenset()
    adjectives: dict[str, frozenset[str]] = field(default_factory=dict)

    @cached_property
    def lemmas(self) -> frozenset[str]:
        return self.clause | self.infinitive | frozenset(self.prep)

    @cached_property
    def adjective_words(self) -> frozenset[str]:
        return frozenset(self.adjectives)


@lru_cache(maxsize=1)
def load_noun_lexicon() -> NounLexicon:
    d = load_data(data_path("quotes", "noun_cues.en.yaml"), required=("clause_nouns",))
    return NounLexicon(
        clause=frozenset(w.lower() for w in d["clause_nouns"]),
        infinitive=frozenset(w.lower() for w in d.get("infinitive_content_nouns") or ()),
        prep={k.lower(): frozenset(v) for k, v in (d.get("prep_content_nouns") or {}).items()},
        speaker_preps=frozenset(w.lower() for w in d.get("speaker_prepositions") or ()),
        narration_preps=frozenset(w.lower() for w in d.get("narration_prepositions") or ()),
        holder_kinds={k: frozenset(v) for k, v in (d.get("holder_kinds") or {}).items()},
        receiving_verbs=frozenset(w.lower() for w in d.get("receiving_verbs") or ()),
        adjectives={k.lower(): frozenset(v) for k, v in (d.get("adjective_cues") or {}).items()},
    )


class NounCues(StanceCues):
    """Attributions of speech and stance nouns (see module doc)."""

    def noun_cues(self) -> list[Attr]:
        """Every attribution found from a cue noun of the lexicon."""
        doc = self.doc
        if not len(doc):
            return []
        nl = load_noun_lexicon()
        cols = self.cols  # the document's token columns, read once for the whole quote stage
        pos = cols.pos_list()
        out: list[Attr] = []
        for i in tokens_with(cols.lemma, nl.lemmas, cols.low_bits(cols.lemma)):
            if pos[i] != NOUN:
                continue
            tok = doc[i]
            if self.inside_quote(tok):
                continue
            a = self._noun_attr(tok, tok.lemma_.lower(), nl)
            if a is not None:
                out.append(a)
        if nl.adjectives:
            for i in tokens_with(cols.lower, nl.adjective_words, cols.low_bits(cols.lower)):
                tok = doc[i]
                if tok.dep_ == "acomp" and not self.inside_quote(tok):
                    a = self._adjective_attr(tok, nl.adjectives[tok.lower_], nl)
                    if a is not None:
                        out.append(a)
        return out

    def _adjective_attr(self, adj: Any, comps: frozenset[str], nl: NounLexicon) -> Attr | None:
        """"X is confident that ...", "X was critical of Y", "X is eager to ...": the
        copula's subject holds the stance of adjective ``adj``; its complement (of a kind
        in ``comps``) is the content."""
        head = adj.head
        if any(c.dep_ == "advmod" and c.lower_ in _DEGREE_WORDS for c in adj.children):
            return None  # "concerned enough that they ...", "so sure that ...": a result clause
        holder = next((c for c in head.children if c.dep_ == "nsubj" and c.i < adj.i), None)
        if holder is None or holder.lower_ in self.lex.generic_holders or holder.lower_ in self.lex.non_speakers:
            return None
        content = None
        for c in adj.rights:
            if c.dep_ == "ccomp" and "that" in comps:
                content = c
            elif c.dep_ == "xcomp" and "to" in comps and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                content = c
            elif c.dep_ == "prep" and c.lower_ in comps:
                content = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if content is not None:
                break
        if content is None and "that" in comps:
            content = next((c for c in head.rights if c.dep_ == "ccomp" and c.i > adj.i), None)
        if content is None:
            return None
        lo, hi = content.left_edge.i, content.right_edge.i
        if content.dep_ != "ccomp":
            hi = self._object_end(lo, hi)
        hi = self.end_without_conjunction(lo, self.cut_tail_past_dashes(lo, hi, adj.i))
        span = self.trim(lo, hi) if lo > adj.i else None
        if span is None:
            return None
        s, e, touched = self.widen_to_marks(*span)
        return Attr(frags=[(s, e)], cue=adj, speaker=holder, marks=touched, how="adjective:" + content.dep_)

    def _noun_attr(self, tok: Any, lemma: str, nl: NounLexicon) -> Attr | None:
        """The attribution of cue noun ``tok``, if one of its constructions is there."""
        if lemma in nl.clause:
            clause = self._that_clause(tok)
            if clause is not None:
                return self._noun_content(tok, clause.left_edge.i, clause.right_edge.i, nl, "noun:clause")
        if lemma in nl.infinitive:
            inf = next((c for c in tok.rights if c.dep_ in _INFINITIVE_DEPS and c.pos_ in ("VERB", "AUX")
                        and any(g.dep_ == "aux" and g.lower_ == "to" and g.i < c.i for g in c.children)), None)
            if inf is not None:
                lo, hi = inf.left_edge.i, inf.right_edge.i
                return self._noun_content(tok, lo, self._object_end(lo, hi), nl, "noun:infinitive")
        preps = nl.prep.get(lemma)
        if preps:
            prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in preps), None)
            obj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
            if obj is not None and obj.ent_type_ not in _TIME_ENTS:
                lo, hi = obj.left_edge.i, obj.right_edge.i
                return self._noun_content(tok, lo, self._object_end(lo, hi), nl, "noun:prep")
        return None

    def _that_clause(self, tok: Any) -> Any | None:
        """The ``that``-clause of noun ``tok``: its own ("the claim that ..."), or the
        complement of the copula it is the subject of ("The view is that ...")."""
        for c in tok.rights:
            if c.dep_ in _CLAUSE_DEPS and _opens_with_that(c):
                return c
        head = tok.head
        if tok.dep_ == "nsubj" and head.lemma_ == "be" and head.i > tok.i:
            for c in head.rights:
                if c.dep_ in _COPULA_CONTENT_DEPS and _opens_with_that(c):
                    return c
        return None

    def _noun_content(self, tok: Any, lo: int, hi: int, nl: NounLexicon, how: str) -> Attr | None:
        """The attribution of noun ``tok`` whose content is tokens lo..hi, when its holder
        is of a kind the construction admits (``holder_kinds``)."""
        if lo <= tok.i:
            return None
        hi = self.end_without_conjunction(lo, self.cut_tail_past_dashes(lo, hi, tok.i))
        span = self.trim(lo, hi)
        if span is None or (how != "noun:prep" and hi - lo < 2):
            return None
        speaker, kind = self._noun_holder(tok, nl)
        if kind not in nl.holder_kinds.get(how.split(":")[1], ()) or (speaker is not None and lo <= speaker.i <= hi):
            return None
        s, e, touched = self.widen_to_marks(*span)
        return Attr(frags=[(s, e)], cue=tok, speaker=speaker, marks=touched, how=how)

    def _noun_holder(self, tok: Any, nl: NounLexicon) -> tuple[Any | None, str]:
        """Who holds the stance of noun ``tok`` (see module doc), and how the parse says so:
        ``possessor`` ("his claim"), ``agent`` ("a demand by X"), ``modifier`` ("the DOJ
        demand"), ``verb_subject`` ("X made the claim", "X said in a statement that"), or
        ``none``."""
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ in _HOLDER_POS:
                return c, "possessor"
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in nl.speaker_preps:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in _HOLDER_POS and (obj.pos_ != "NOUN" or obj.ent_type_):
                    return obj, "agent"
        for c in tok.lefts:
            if c.dep_ in ("compound", "amod") and c.ent_type_ in _HOLDER_ENTS:
                return c, "modifier"
        head = tok.head
        if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ not in nl.narration_preps:
            head = head.head  # "said in a statement that ...", "responded to accusations that ..."
        elif tok.dep_ != "dobj":
            return None, "none"
        if head.pos_ not in ("VERB", "AUX") or head.i == tok.i or head.lemma_.lower() in nl.receiving_verbs:
            return None, "none"
        subj = self.subject_of(head, 1)  # (depth 1: no inverted subject, "make the case" has none)
        if subj is None or subj.i == tok.i or subj.dep_ != "nsubj":
            return None, "none"  # (no passive agent: "was criticized by X for his support of ...")
        return subj, "verb_subject"


def _opens_with_that(clause: Any) -> bool:
    """Whether a clause is opened by the complementizer "that" (not a relative pronoun)."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
