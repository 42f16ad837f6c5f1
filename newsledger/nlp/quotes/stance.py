"""Stance and evidential cues: the object or infinitive of a stance verb ("vowed to
fight", "backs Clinton", "called for ..."), and a finite passive of an evidential verb
with an infinitive ("the bank is expected to raise rates")."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any

from newsledger.nlp.quotes.content import ContentSpans
from newsledger.nlp.quotes.document import _OBJECT_PREPS, Attr


@lru_cache(maxsize=8)
def _word_re(words: frozenset[str]) -> re.Pattern[str]:
    """A case-insensitive pattern matching any of ``words`` as a whole word (a lookahead
    on their first letters spares the alternation at most word boundaries)."""
    alts = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) or "(?!)"
    firsts = "|".join(sorted({re.escape(w[0]) for w in words if w})) or "(?!)"
    return re.compile(rf"(?i)\b(?=(?:{firsts}))(?:{alts})\b")


class StanceCues(ContentSpans):
    """Stance objects and infinitives, and source-less evidential passives."""

    def _passive_evidential(self, cue: Any) -> Attr | None:
        """"The bank is expected to raise rates": a finite passive of an evidential verb with
        an infinitive and no ``by`` agent reports an expectation or belief of nobody named.
        The content is the subject and the infinitive (the cue words between them are not);
        there is no speaker."""
        if cue.tag_ != "VBN" or cue.dep_ not in ("ROOT", "conj", "ccomp"):
            return None
        kids = list(cue.children)
        subj = [c for c in kids if c.dep_ == "nsubjpass"]
        inf = [c for c in kids if c.dep_ == "xcomp" and c.i > cue.i]
        if not subj or not inf or not any(c.dep_ == "auxpass" for c in kids) or any(c.dep_ == "agent" for c in kids):
            return None
        if any(c.dep_ == "aux" and c.lower_ in self.lex.hedge_modals for c in kids):
            return None
        s_lo, s_hi = subj[0].left_edge.i, subj[0].right_edge.i
        if self.doc[s_lo].lower_ in self.lex.non_speakers or s_hi >= cue.i:
            return None  # "it is expected to ...", "which is expected to ...": no content of its own
        lo, hi = inf[0].left_edge.i, inf[0].right_edge.i
        if lo <= cue.i or self.mark_at(self.doc[lo].idx) is not None or self.inside_quote(subj[0]):
            return None
        hi = self._object_end(lo, hi)
        head, tail = self.trim(s_lo, s_hi), self.trim(lo, hi)
        if head is None or tail is None:
            return None
        touched = self.marks_over(head[0], tail[1])
        return Attr(frags=[head, tail], cue=cue, speaker=None, marks=touched)

    def _object_attr(self, cue: Any, lemma: str) -> Attr | None:
        """Stance verbs: the direct object ("backs Clinton") or the infinitive ("vowed to fight")."""
        lex = self.lex
        parts = []
        if lemma in lex.xcomp_content:
            parts = [c for c in cue.children if c.dep_ == "xcomp"]
            if parts:
                objs = [c for c in cue.children if c.dep_ == "dobj" and c.i < parts[0].i]
                parts = objs + parts
        if not parts and lemma in lex.object_content:
            parts = [c for c in cue.children if c.dep_ == "dobj"]
            if parts:  # "criticized the media for being ...", "described X as ..."
                parts += [c for c in cue.rights if c.dep_ == "prep" and c.i > parts[0].i
                          and c.lower_ in _OBJECT_PREPS]
        if not parts and lemma in lex.prep_content:
            preps = lex.prep_content[lemma]
            parts = [g for c in cue.rights if c.dep_ == "prep" and c.lower_ in preps
                     for g in c.children if g.dep_ in ("pobj", "pcomp")][:1]
            if parts:  # "referred to the rival as a "loser"": the as-phrase is what was said of it
                parts += [c for c in cue.rights if c.dep_ == "prep" and c.lower_ == "as" and c.i > parts[0].i][:1]
            if not parts:  # "called for the rivals to drop out": a clause opened by the preposition
                parts = [c for c in cue.rights if c.dep_ == "advcl" and c.left_edge.i > cue.i
                         and c.left_edge.dep_ == "mark" and c.left_edge.lower_ in preps][:1]
                if parts:
                    return self._finish_object(cue, parts, parts[0].left_edge.i + 1)
        if not parts:
            return None
        if lemma not in lex.xcomp_content or parts[-1].dep_ != "xcomp":
            parts += self._object_infinitive(cue, parts)
        return self._finish_object(cue, parts, min(c.left_edge.i for c in parts))

    def _object_infinitive(self, cue: Any, parts: list[Any]) -> list[Any]:
        """A to-infinitive the parse hangs on the cue right after its object that belongs
        to the object: after a noun that takes one (``infinitive_nouns``: "announced a
        series of steps to tighten gun sales", "defended his call to raise the wage") or
        as the clause of the object of "call for" ("called for the minister to resign")."""
        end = max(c.right_edge.i for c in parts)
        inf = [c for c in cue.rights if c.dep_ in ("xcomp", "advcl") and c.left_edge.i == end + 1
               and c.left_edge.lower_ == "to" and c.left_edge.dep_ == "aux"][:1]
        if not inf:
            return []
        nouns = self.lex.infinitive_nouns
        if parts[0].dep_ == "pobj" or any(t.lemma_.lower() in nouns for t in (self.doc[end], *parts)):
            return inf  # (the object's head noun: "the efforts of X to ...")
        return []

    def _finish_object(self, cue: Any, parts: list[Any], lo: int) -> Attr | None:
        """The attribution of a stance cue whose content runs from token ``lo`` over ``parts``."""
        hi = max(c.right_edge.i for c in parts)
        if lo < cue.i or self.subject_of(cue) is None:
            return None  # a stance with no holder is not an attribution
        if any(c.dep_ == "aux" and c.lower_ in self.lex.hedge_modals for c in cue.children):
            return None  # "X may want to check ...", "they might consider ...": advice, no stance
        if cue.tag_ == "VBN" and cue.dep_ in ("advcl", "acl", "amod"):
            return None  # a passive participle ("widely expected to win, X said"): no stance of X
        hi = self._adjunct_end(lo, self._object_end(lo, hi))
        a = self._content_attr(cue, lo, hi, False, min_tokens=1)
        if a is not None:
            a.how = "object:" + parts[-1].dep_
        return a

    def _adjunct_end(self, lo: int, hi: int) -> int:
        """The last token of a stance object lo..hi before the occasion or medium of the act
        ("touted the endorsement on its Facebook page", "endorsed X at a news conference",
        "confirmed the meeting on condition of anonymity"): where and how the stance was
        taken, not what it was about (``adjunct_prepositions`` + ``adjunct_nouns``). Only
        a trailing circumstance is cut: one followed by more of the object ("attacked his
        rivals on stage for taking donations") stays."""
        doc = self.doc
        lex = self.lex
        tok_idx = self.tok_idx
        if hi <= lo:
            return hi
        for hit in _word_re(lex.adjunct_preps).finditer(self.text, tok_idx[lo + 1], tok_idx[hi]):
            j = bisect_right(tok_idx, hit.start()) - 1
            t = doc[j]
            if tok_idx[j] != hit.start() or t.dep_ != "prep" or self.mark_at(t.idx) is not None:
                continue
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is None or obj.lemma_.lower() not in lex.adjunct_nouns:
                continue
            k = t.right_edge.i + 1  # only circumstances may follow ("... at a rally in Ohio on Friday")
            while k <= hi and (doc[k].is_punct or doc[k].dep_ == "npadvmod"
                               or (doc[k].dep_ == "prep" and doc[k].lower_ in lex.adjunct_preps)):
                k = max(k, doc[k].right_edge.i) + 1
            if k > hi:
                return j - 1
        return hi

    def _object_end(self, lo: int, hi: int) -> int:
        """The last token of a stance object or infinitive lo..hi: the phrase ends at the
        first comma, semicolon or dash outside quotation marks (what follows is an
        apposition, a relative clause or an aside: "vowed to repeal the amendment, a
        provision that ...") and before an adverbial clause ("refused to speak as she
        left ..."), but not before a quotation the phrase holds (a mixed quote)."""
        doc = self.doc
        s, e = doc[lo].idx, doc[hi].idx + len(doc[hi])
        k = bisect_right(self.mark_starts, e - 1) - 1
        last_mark = self.mark_starts[k] if k >= 0 and self.mark_starts[k] >= s else -1
        first = lo + 1
        if last_mark >= 0:  # the words reach a quotation further on: a mixed quote runs to it
            first = max(first, self.tok_at(last_mark))
        stops = self.stop_tokens(first, hi + 1) if first <= hi else []
        advs = []
        if first <= hi:
            tok_idx = self.tok_idx
            end = tok_idx[hi] + len(doc[hi])
            for hit in _word_re(self.lex.adverbial_marks).finditer(self.text, tok_idx[first], end):
                j = bisect_right(tok_idx, hit.start()) - 1
                if tok_idx[j] == hit.start():
                    advs.append(j)
        for j in sorted(set(stops) | set(advs)):
            t = doc[j]
            if t.idx < last_mark:
                continue
            if t.text in (",", ";", "--", "\u2014", "\u2013") and self.mark_at(t.idx) is None:
                nxt = doc[j + 1] if j + 1 <= hi else None
                if t.text == "," and nxt is not None and (nxt.dep_ in ("cc", "conj") or nxt.head.dep_ == "conj"
                                                         and nxt.head.i > j):
                    continue  # a list: "voters, lawmakers, and thinkers"
                return j - 1
            if (t.lower_ in self.lex.adverbial_marks and t.dep_ == "mark" and t.head.dep_ == "advcl"
                    and self.mark_at(t.idx) is None):
                return j - 1
        return hi
