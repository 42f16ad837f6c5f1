"""Pass 1 of quote extraction: attributions found from cue verbs in the parse
(complement clauses, stance objects, "according to", parenthetical and colon cues)."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD

from newsledger.nlp.quotes.document import (
    _OBJECT_PREPS,
    _VERB_POS,
    _WH_TAGS,
    Attr,
    DocBase,
    _distance,
)

_COLON_LINE = re.compile(r"(?m)^[\"\u201c]?[^\n:.!?\"\u201c\u201d]{1,60}:(?=[ \t]+\S)")


@lru_cache(maxsize=8)
def _word_re(words: frozenset[str]) -> re.Pattern[str]:
    """A case-insensitive pattern matching any of ``words`` as a whole word."""
    alts = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?i)\b(?:{alts})\b")


class ClausePass(DocBase):
    """Cue clauses: the parse-driven attributions."""

    def cue_clauses(self) -> list[Attr]:
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
        # univocal: an attribution whose cue lies inside another one's content is dropped
        keep: list[Attr] = []
        spans = [(a.start, a.end, a.cue.idx) for a in out if a.cue is not None]
        for a in out:
            ci = a.cue.idx if a.cue is not None else -1
            s, e = a.start, a.end
            if any(bs <= ci < be and bc != ci and not (s <= bc < e) for bs, be, bc in spans):
                continue
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
        ...," the number needed ..." into two complements reports one thing)."""
        out: list[tuple[int, int]] = []
        ci = cue.i
        for k in self._complements().get(ci, ()):
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
                arr = self.doc.to_array([DEP, HEAD])
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

    def _content_attr(self, cue: Any, lo: int, hi: int, speech: bool, min_tokens: int = 2,
                      clause: bool = False) -> Attr | None:
        if self.mark_at(self.doc[lo].idx) is None or self.mark_at(self.doc[hi].idx) != self.mark_at(self.doc[lo].idx):
            lo = self.cut_head(lo, hi, cue.i)
            hi = self.cut_tail(lo, hi, cue.i)
        span = self.trim(lo, hi)
        if span is None:
            return None
        s, e = span
        km = self.mark_at(s)
        if km is not None and self.mark_at(max(s, e - 1)) == km:
            # the clause lies inside one quotation: that quotation is the content
            if not speech:
                return None
            m = self.marks[km]
            if m.end <= cue.idx and "\n" in self.text[m.end: cue.idx]:
                return None  # a quotation of an earlier paragraph is not this cue's
            return Attr(frags=list(self.marks[km].pieces), cue=cue, speaker=self.subject_of(cue), marks={km})
        if hi + 1 - lo < min_tokens:
            return None
        speaker = self.subject_of(cue)
        if (cue.dep_ == "relcl" and lo < cue.i < hi and (self.doc[lo].tag_ in _WH_TAGS or self.doc[lo].lower_ == "that")
                and (speaker is None or lo < speaker.i < cue.i)):
            # "a wall, which he said Mexico should pay for": the relative pronoun stands
            # for the noun, the content is the clause after the cue
            lo = cue.i + 1
            span = self.trim(lo, hi)
            if span is None or hi + 1 - lo < min_tokens:
                return None
            s, e = span
        if lo <= cue.i <= hi or (speaker is not None and lo <= speaker.i <= hi):
            return None  # a mis-parsed clause that swallows its own cue or speaker
        if self._restrictive(cue):
            return None  # "voters who say ...", "those saying ...": a description, not a report
        first = self.doc[lo]
        if clause and not self._plausible_clause(cue, lo, hi):
            return None
        if not speech and first.tag_ in _WH_TAGS:
            return None  # "knowing how ...", "finding what ...": not an attribution
        if not speech and cue.tag_ == "VBG" and cue.dep_ not in ("ROOT", "conj"):
            return None  # participial stance verbs ("wanting to ...") are rarely attributions
        if not speech and speaker is None and cue.tag_ == "VB" and not any(c.dep_ == "auxpass" for c in cue.children):
            return None  # an imperative ("Never forget that ...", "Imagine that ..."): no holder
        if not speech and speaker is not None and speaker.lower_ in self.lex.generic_holders:
            return None  # "you can bet that ...", "one would think that ...": nobody's belief
        touched = {k for k, m in enumerate(self.marks) if m.start < e and m.end > s}
        for k in touched:  # a quotation begun in the clause runs to its closing mark
            s, e = min(s, self.marks[k].start), max(e, self.marks[k].end)
        return Attr(frags=[(s, e)], cue=cue, speaker=speaker, marks=touched)

    def _plausible_clause(self, cue: Any, lo: int, hi: int) -> bool:
        """Whether tokens lo..hi can be the reported clause of ``cue`` rather than a
        mis-parsed adverbial or fragment: a clause opened by an adverbial subordinator
        ("..., as the crowd left", "Even before the results are in, ...") is not
        reported content; a clause must hold a verb, and one before its cue a finite
        verb (a dateline or time stamp does not), and not be closed off from the cue by
        a semicolon or colon."""
        if not self.has_verb(lo, hi):
            return False  # a clause cut down to a fragment ("9:05 p.m.")
        first = self.doc[lo]
        if first.lower_ in self.lex.adverbial_marks and (first.dep_ in ("mark", "advmod") or first.pos_ == "SCONJ"):
            return False
        if hi < cue.i:
            if self.sent_of[lo] != self.sent_of[cue.i]:
                return False  # an unquoted report before its cue is in the cue's sentence
            gap = self.text[self.tok_idx[hi + 1]: cue.idx]
            if ";" in gap or ":" in gap or "(" in gap:
                return False  # closed off by a semicolon or colon, or the cue is in a parenthesis
            if not self.has_verb(lo, hi, finite=True):
                return False
        return True

    def _restrictive(self, cue: Any) -> bool:
        """A cue inside a restrictive relative or participial clause of a group ("those
        who said the economy ...", "the share of voters saying they ..."): no comma
        sets it off from the plural noun or pronoun it describes."""
        head = cue.head
        if cue.dep_ not in ("relcl", "acl") or not (head.pos_ in ("PRON", "DET") or head.tag_ == "NNS"
                                                     or (head.pos_ == "NOUN" and head.dep_ == "pobj")):
            return False
        first = cue.left_edge.i
        return first > 0 and self.doc[first - 1].text not in (",", "(", "\u2014", "\u2013", "--")

    def _name_colon_lines(self) -> list[Attr]:
        """'SANDERS: ...' / 'Pence: ...' opening a line (transcripts, headlines): the
        rest of the line is what the named speaker said."""
        out: list[Attr] = []
        for hit in _COLON_LINE.finditer(self.text):
            colon = hit.end() - 1
            t_colon = self.tok_at(colon)
            lo = self.tok_at(hit.start())
            prefix = [t for t in self.doc[lo:t_colon] if not (t.is_punct or t.is_space)]
            # a name: a proper noun, or a capitalised word the actors stage knows ("Trump"
            # opening a headline is often tagged as a common noun)
            known = [t for t in prefix if t.is_title and self.res.da.actor_for_token(t.i)]
            if not prefix or len(prefix) > 6 or not (known or any(t.pos_ == "PROPN" for t in prefix)):
                continue
            if any(t.pos_ in ("VERB", "AUX", "PRON") for t in prefix):
                continue
            if not any(t.ent_type_ in ("PERSON", "ORG") or self.res.da.actor_for_token(t.i) for t in prefix):
                continue  # "Delegate Update: ...", "Editor's Note: ...": a rubric, not a speaker
            s = colon + 1
            while s < len(self.text) and self.text[s] in " \t":
                s += 1
            e = self.text.find("\n", s)
            e = len(self.text) if e < 0 else e
            if e - s < 10:
                continue
            # the name before any preposition ("Clinton to Planned Parenthood:")
            head = prefix[: next((n for n, t in enumerate(prefix) if t.pos_ == "ADP"), len(prefix))]
            names = [t for t in head if t.pos_ == "PROPN"] or [t for t in prefix if t.pos_ == "PROPN"] or known
            speaker = names[-1]
            touched = {k for k, m in enumerate(self.marks) if m.start < e and m.end > s}
            for k in touched:
                s, e = min(s, self.marks[k].start), max(e, self.marks[k].end)
            out.append(Attr(frags=[(s, e)], cue=self.doc[t_colon], speaker=speaker, marks=touched, how="name-colon"))
        return out

    def _parenthetical(self, cue: Any) -> Attr | None:
        """'Acts of protest, Mr. Obama said, are acts of patriotism': the sentence around
        a parenthetical cue is the content, in two fragments."""
        head = cue.head
        lo, hi = head.left_edge.i, head.right_edge.i
        clo, chi = cue.left_edge.i, cue.right_edge.i
        if not (lo < clo and chi <= hi):
            return None
        frags = [f for f in (self.trim(lo, clo - 1), self.trim(chi + 1, hi)) if f]
        if not frags or any(self.mark_at(f[0]) is not None and self.mark_at(f[1] - 1) is not None for f in frags):
            return None
        touched = {k for k, m in enumerate(self.marks) if any(m.start < e and m.end > s for s, e in frags)}
        return Attr(frags=frags, cue=cue, speaker=self.subject_of(cue), marks=touched)

    def _colon_paragraph(self, cue: Any) -> Attr | None:
        """'Limbaugh added:' ending a paragraph: the next paragraph, unquoted, is the content."""
        colon = self.doc[cue.i + 1]
        rest = self.text[colon.idx + 1:]
        stripped = rest.lstrip()
        if not rest[: len(rest) - len(stripped)].count("\n") or not stripped or stripped[0] in "\"\u201c":
            return None
        s = colon.idx + 1 + (len(rest) - len(stripped))
        e = self.text.find("\n", s)
        e = len(self.text) if e < 0 else e
        return Attr(frags=[(s, e)], cue=cue, speaker=self.subject_of(cue), marks=set())

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
        touched = {k for k, m in enumerate(self.marks) if m.start < tail[1] and m.end > head[0]}
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
            if not parts:  # "called for the rivals to drop out": a clause opened by the preposition
                parts = [c for c in cue.rights if c.dep_ == "advcl" and c.left_edge.i > cue.i
                         and c.left_edge.dep_ == "mark" and c.left_edge.lower_ in preps][:1]
                if parts:
                    return self._finish_object(cue, parts, parts[0].left_edge.i + 1)
        if not parts:
            return None
        return self._finish_object(cue, parts, min(c.left_edge.i for c in parts))

    def _finish_object(self, cue: Any, parts: list[Any], lo: int) -> Attr | None:
        """The attribution of a stance cue whose content runs from token ``lo`` over ``parts``."""
        hi = max(c.right_edge.i for c in parts)
        if lo < cue.i or self.subject_of(cue) is None:
            return None  # a stance with no holder is not an attribution
        if any(c.dep_ == "aux" and c.lower_ in self.lex.hedge_modals for c in cue.children):
            return None  # "X may want to check ...", "they might consider ...": advice, no stance
        if cue.tag_ == "VBN" and cue.dep_ in ("advcl", "acl", "amod"):
            return None  # a passive participle ("widely expected to win, X said"): no stance of X
        hi = self._object_end(lo, hi)
        a = self._content_attr(cue, lo, hi, False, min_tokens=1)
        if a is not None:
            a.how = "object:" + parts[-1].dep_
        return a

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

    def _sentence_content_start(self, sent: Any, hi: int) -> int:
        """First token of a sentence's content: after the sentence's last paragraph break
        (a time stamp or dateline line before it), its last colon or semicolon, a leading
        dateline ending in a dash, and leading adverbs or participial clauses set off by a
        comma ("Even so, ...", "Boasting ..., ...")."""
        doc = self.doc
        lo = self.cut_head(sent.start, hi, hi + 1)
        for j in range(hi - 1, lo - 1, -1):  # after a colon or semicolon: what it introduces
            if doc[j].text in (":", ";") and self.mark_at(doc[j].idx) is None:
                lo = j + 1
                break
        for j in range(lo, min(hi, lo + 12)):  # after a dateline ("WASHINGTON (AP) \u2014")
            if doc[j].text in ("\u2014", "\u2013", "--"):
                if not self.has_verb(lo, j - 1):
                    lo = j + 1
                break
        root = sent.root
        while lo < hi:
            t = doc[lo]
            if t.is_punct or t.is_space:
                lo += 1
                continue
            h = t
            while h.head.i != root.i and h.head.i != h.i:
                h = h.head
            end = h.right_edge.i
            if h.i == root.i or h.dep_ not in ("advmod", "advcl", "npadvmod") or end + 1 >= hi or doc[end + 1].text != ",":
                break
            lo = end + 2
        return lo

    def _according(self, tok: Any) -> Attr | None:
        src = None
        for c in tok.subtree:
            if c.dep_ == "pobj":
                src = c
                break
        if src is None:
            return None
        head = tok.head
        while head.dep_ == "prep" and head.head.i != head.i:
            head = head.head
        clause = head
        if clause.i == tok.i:  # "That's according to ..." parsed with "according" as the root
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
            span = self.trim(subj[0].left_edge.i, subj[0].right_edge.i) if subj else None
            return Attr(frags=[span], cue=tok, speaker=src, marks=set()) if span else None
        sent = self.sents[self.sent_of[clause.i]]
        lo, hi = clause.left_edge.i, clause.right_edge.i
        plo, phi = tok.left_edge.i, tok.right_edge.i
        if tok.i == tok.head.i or tok.right_edge.i + 1 > hi and plo <= lo:
            return None
        subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
        copula = clause.lemma_ == "be" or clause.lower_ in ("\u2019s", "'s")  # the curly "’s" may be tagged ADV
        if copula and tok.head.i == clause.i and subj and not any(
                c.dep_ in ("attr", "acomp", "ccomp", "xcomp") and c.i < tok.i for c in clause.children) and all(
                t.i == clause.i or t.dep_ in ("aux", "neg", "advmod", "punct")
                for t in self.doc[subj[0].right_edge.i + 1: tok.i]):
            # "That's according to the exit poll" (only the copula between): the subject is
            # what the source says; "She had been in Paris, according to X" is a sentence
            span = self.trim(subj[0].left_edge.i, subj[0].right_edge.i)
            if span is None:
                return None
            return Attr(frags=[span], cue=tok, speaker=src, marks=set())
        before = [t for t in self.doc[sent.start:plo] if not (t.is_punct or t.is_space)]
        after = [t for t in self.doc[phi + 1:sent.end] if not (t.is_punct or t.is_space)]
        if before and not after and self.doc[plo - 1].text == ",":
            # "<sentence>, according to X.": the sentence is the content, not only the
            # clause the parser hangs the phrase on (often the last of two conjuncts)
            lo, hi = self._sentence_content_start(sent, plo - 1), plo - 1
        elif plo <= lo + 1:  # the phrase opens the clause
            lo = phi + 1
        elif phi >= hi - 1:  # the phrase closes it
            hi = plo - 1
        else:
            lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
        span = self.trim(lo, hi)
        if span is None or hi - lo < 2:
            return None
        s, e = span
        touched = {k for k, m in enumerate(self.marks) if m.start < e and m.end > s}
        for k in touched:
            s, e = min(s, self.marks[k].start), max(e, self.marks[k].end)
        return Attr(frags=[(s, e)], cue=tok, speaker=src, marks=touched)
