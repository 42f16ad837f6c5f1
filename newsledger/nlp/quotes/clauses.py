"""Pass 1 of quote extraction: attributions found from cue verbs in the parse.

Complement clauses of cue verbs and parenthetical cues are here; the content span
checks are in ``content.py``, stance objects and evidential passives in ``stance.py``,
"according to" in ``according.py``, colon cues in ``colons.py``."""

from __future__ import annotations

from typing import Any

import numpy as np

from newsledger.nlp.quotes.according import AccordingCues
from newsledger.nlp.quotes.colons import ColonCues
from newsledger.nlp.quotes.document import _VERB_POS, Attr, _distance
from newsledger.nlp.quotes.noun_cues import NounCues
from newsledger.nlp.quotes.stance import StanceCues


class ClausePass(NounCues, StanceCues, AccordingCues, ColonCues):
    """Cue clauses: the parse-driven attributions."""

    def cue_clauses(self) -> list[Attr]:
        """Every attribution found from a cue in the parse, one per quotation (see
        ``_univocal``)."""
        out: list[Attr] = []
        lex = self.lex
        for i in self.candidates():
            tok = self.doc[i]
            lemma = tok.lemma_.lower()
            if tok.pos_ in _VERB_POS and lex.is_cue(lemma):
                if self.inside_quote(tok):
                    continue
                clause_spans = self._clause_spans(tok)
                for lo, hi in clause_spans:
                    a = self._content_attr(tok, lo, hi, lemma in lex.speech, clause=True)
                    if a:
                        a.how = "clause:speech" if lemma in lex.speech else "clause:belief"
                        out.append(a)
                if lemma in lex.speech and tok.dep_ == "parataxis" and not self.inside_quote(tok.head):
                    a = self._parenthetical(tok)
                    if a:
                        a.how = "parenthetical"
                        out.append(a)
                        continue
                if lemma in lex.speech and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text == ":":
                    a = self._colon_paragraph(tok)
                    if a:
                        a.how = "colon-paragraph"
                        out.append(a)
                        continue
                if not clause_spans and lemma in lex.passive_evidential:
                    a = self._passive_evidential(tok)
                    if a:
                        a.how = "passive-evidential"
                        out.append(a)
                        continue
                if not clause_spans and (lemma in lex.object_content or lemma in lex.xcomp_content
                                       or lemma in lex.prep_content):
                    a = self._object_attr(tok, lemma)
                    if a:
                        a.how = a.how or "object"
                        out.append(a)
                        continue
                if lemma in lex.object_cues:
                    objs = [c for c in tok.children if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")]
                    if objs:
                        lo = min(c.left_edge.i for c in objs)
                        hi = max(c.right_edge.i for c in objs)
                        span = self.trim(lo, hi)
                        # unquoted, only a naming with a holder: "X called the plan a disaster"
                        named = ({c.dep_ for c in objs} >= {"dobj", "oprd"} and tok.pos_ == "VERB"
                                 and self.subject_of(tok) is not None)
                        if named and span and not self.quoted_share(*span):
                            hi = self._object_end(lo, hi)
                        if span and (0 < self.quoted_share(*span) or named):
                            a = self._content_attr(tok, lo, hi, True)
                            if a:
                                a.how = "object-quoted"
                                out.append(a)
            elif tok.lower_ == "according" or (tok.lower_ in ("per",) and tok.dep_ == "prep"):
                # "according (to)" only: the noun "accord" and the verb "accorded" are no cue
                a = self._according(tok)
                if a:
                    a.how = "according"
                    out.append(a)
        out += self._name_colon_lines()
        out += self.noun_cues()  # "his claim that ...", "calls for ..." (noun_cues.py)
        return self._univocal(out)

    def _univocal(self, out: list[Attr]) -> list[Attr]:
        """The attributions kept of ``out``: one whose cue lies inside another one's content
        is dropped, and where several cues claim one quotation the nearest wins."""
        # univocal: an attribution whose cue lies inside another one's content is dropped
        keep: list[Attr] = []
        spans = [(a.start, a.end, a.cue.idx) for a in out if a.cue is not None]
        for a in out:
            ci = a.cue.idx if a.cue is not None else -1
            s, e = a.start, a.end
            for bs, be, bc in spans:
                if bs <= ci < be and bc != ci and not (s <= bc < e):
                    break
            else:
                keep.append(a)
        # one attribution per quotation: where several cues claim the same one, the cue
        # nearest to it wins
        best: dict[frozenset[int], Attr] = {}
        for a in keep:
            key = frozenset(a.marks) if a.marks else frozenset({-1 - id(a)})
            if key in best and a.cue is not None and best[key].cue is not None:
                if _distance(a) >= _distance(best[key]):
                    continue
            best[key] = a
        claimed = {k for key, a in best.items() if len(key) == 1 for k in key if k >= 0 and a.frags == list(self.marks[k].pieces)}
        return [a for key, a in best.items() if not (len(key) > 0 and a.frags != [p for k in key if k >= 0 for p in self.marks[k].pieces] and key & claimed)]

    def _clause_spans(self, cue: Any) -> list[tuple[int, int]]:
        """Token spans of the cue's complement clauses; clauses on the same side of the
        cue are one content (a parse that splits "says there is no one ... is "on pace
        ...," the number needed ..." into two complements reports one thing), and so is a
        second that-clause the parse coordinates with the cue ("said X, but that ...")."""
        out: list[tuple[int, int]] = []
        ci = cue.i
        comps = self._complements().get(ci, ())
        if comps:  # "said X, but that he would not ...": a second that-clause
            more = [k for k in self.conjuncts_of(ci) if k > ci
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in self.doc[k].children)]
            if more:
                comps = sorted({*comps, *more})
        for k in comps:
            c = self.doc[k]
            lo, hi = c.left_edge.i, c.right_edge.i
            if out and (out[-1][1] < ci) == (hi < ci):  # same side as the previous one
                out[-1] = (min(out[-1][0], lo), max(out[-1][1], hi))
            else:
                out.append((lo, hi))
        return out

    def _complements(self) -> dict[int, list[int]]:
        """Head token index -> indices of its complement-clause children (``content_deps``),
        from the DEP and HEAD columns (once per document, no Token objects)."""
        if self._comps is None:
            comps: dict[int, list[int]] = {}
            if len(self.doc):
                strings = self.doc.vocab.strings
                arr = self.cols.dep_head
                keys = [strings.add(d) for d in self.lex.content_deps]
                hit = np.zeros(len(arr), dtype=bool)
                for key in keys:
                    hit |= arr[:, 0] == key
                idx = np.flatnonzero(hit)
                heads = idx + arr[idx, 1].astype(np.int64)
                for k, h in zip(idx.tolist(), heads.tolist(), strict=True):
                    if k != h:
                        comps.setdefault(h, []).append(k)
            self._comps = comps
        return self._comps

    def _parenthetical(self, cue: Any) -> Attr | None:
        """'Acts of protest, Mr. Obama said, are acts of patriotism': the sentence around
        a parenthetical cue is the content, in two fragments."""
        head = cue.head
        lo, hi = head.left_edge.i, head.right_edge.i
        clo, chi = cue.left_edge.i, cue.right_edge.i
        if not (lo < clo and chi <= hi):
            return None
        # the sentence around the cue lies in the cue's paragraph (a parse may reach into a
        # headline, a dateline or the previous paragraph's closing mark)
        brk = self.text.rfind("\n", self.tok_idx[lo], cue.idx)
        if brk >= 0:
            lo = self.tok_at(brk) + 1
        brk = self.text.find("\n", cue.idx, self.tok_idx[hi])
        if brk >= 0:
            hi = self.tok_at(brk) - 1
        if not (lo < clo and chi < hi):
            return None
        before, after = self.trim(lo, clo - 1), self.trim(chi + 1, hi)
        frags = [f for f in (before, after) if f]
        if not frags or any(self.mark_at(f[0]) is not None and self.mark_at(f[1] - 1) is not None for f in frags):
            return None
        if after is None and not self.has_verb(lo, clo - 1, finite=True):
            return None  # "Holding open a book, X said": a participle is no report
        touched = set().union(*(self.marks_over(s, e) for s, e in frags))
        return Attr(frags=frags, cue=cue, speaker=self.subject_of(cue), marks=touched)
