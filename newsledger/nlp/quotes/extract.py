"""Quote extraction from a parsed document: who said what.

Two passes over one spaCy ``Doc``:

1. **Cue clauses** (parse-driven): a cue verb of the lexicon with a complement clause
   (``ccomp``) gives an attribution whose content is the clause (without ``that``);
   ``according to X`` gives the rest of its clause; "call X "Y"" style cues give their
   object when it is quoted. The content's share of quoted characters decides the kind
   (``direct``, ``partial`` = mixed, ``indirect``). A clause inside quotation marks
   attributes that whole quotation instead (``"...," Borrell said``).
2. **Quotations left** (mark-driven): each quotation not yet attributed looks for a
   speech cue right after it (``"...," said X`` / ``X said``), before it in its
   sentence (``X said: "..."``), behind a colon ending the previous sentence, or in a
   short next sentence; split quotes (``"A," he said, "B."``) become one quote with
   two fragments. A quotation with no cue is speech only when it is long enough and
   the discourse gives a speaker (previous quote's speaker, previous sentence's
   person subject); short uncued quotations are scare quotes or names, not speech.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import IDX, LEMMA, LOWER

from newsledger.model import Quote
from newsledger.nlp.quotes.lexicon import CueLexicon, load_lexicon
from newsledger.nlp.quotes.marks import MarkSpan, find_mark_spans
from newsledger.nlp.quotes.speakers import SpeakerResolver

_VERB_POS = frozenset({"VERB", "AUX"})
_CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp"})
_RELATIVE = frozenset({"who", "that", "which"})
_SENT_END = (".", "!", "?", "…")
_INVERTED_DEPS = frozenset({"dobj", "npadvmod", "attr", "appos", "nsubj", "dative"})
_OBJECT_DEPS = frozenset({"dobj", "prep", "oprd", "xcomp", "ccomp", "attr", "acomp", "dative", "advcl"})
_NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_OBJECT_PREPS = frozenset({"for", "as", "over", "about", "of", "on", "to"})
_DASHES = ("\u2015", "\u2014", "\u2013", "-")
_WH_TAGS = frozenset({"WRB", "WP", "WDT", "WP$"})
_NON_ALNUM = re.compile(r"[\W_]+")


@dataclass
class _Attr:
    """An attribution under construction."""

    frags: list[tuple[int, int]]
    cue: Any | None
    speaker: Any | None  # speaker token
    actor: str | None = None
    marks: set[int] = field(default_factory=set)
    inherited: bool = False

    @property
    def start(self) -> int:
        return self.frags[0][0]

    @property
    def end(self) -> int:
        return self.frags[-1][1]


class _DocQuotes:
    def __init__(self, doc: Any, doc_actors: Any, lex: CueLexicon) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.lex = lex
        self.marks: list[MarkSpan] = find_mark_spans(self.text)
        self.mark_starts = [m.open_mark for m in self.marks]
        self.tok_idx: list[int] = doc.to_array([IDX]).reshape(-1).tolist() if len(doc) else []
        self.res = SpeakerResolver(doc, doc_actors, lex)
        self.sent_of = self.res.sent_of
        self.sents = self.res.sents

    # -- helpers ---------------------------------------------------------------
    def mark_at(self, char: int) -> int | None:
        """Index of the quotation whose marks enclose ``char`` (marks included)."""
        k = bisect_right(self.mark_starts, char) - 1
        if k < 0:
            return None
        m = self.marks[k]
        end = m.close_mark + 1 if m.close_mark is not None else m.end
        return k if char < end else None

    def tok_at(self, char: int) -> int:
        return max(0, bisect_right(self.tok_idx, char) - 1)

    def quoted_share(self, start: int, end: int) -> float:
        """Share of the alphanumeric characters of [start, end) that lie inside quotation marks."""
        total = len(_NON_ALNUM.sub("", self.text[start:end]))
        if not total:
            return 0.0
        quoted = 0
        for m in self.marks:
            if m.start >= end:
                break
            for s, e in m.pieces:
                if s < end and e > start:
                    quoted += len(_NON_ALNUM.sub("", self.text[max(s, start): min(e, end)]))
        return quoted / total

    def subject_of(self, cue: Any, depth: int = 0) -> Any | None:
        """The speaker token of a cue: its subject (outside quotation marks, in the cue's
        paragraph), an inverted subject ("said X"), or the subject of the verb it hangs on
        ("..., saying", "by declaring that")."""
        for c in cue.children:
            if c.dep_ == "nsubj" and not self.inside_quote(c):
                if c.lower_ in _RELATIVE and cue.dep_ == "relcl":
                    return cue.head
                return self._same_paragraph(c, cue)
        if depth == 0:
            for c in cue.rights:
                if (c.dep_ in _INVERTED_DEPS and c.pos_ in ("PROPN", "NOUN") and not self.inside_quote(c)
                        and c.ent_type_ not in _NOT_SPEAKER_ENTS):
                    return c
        if cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN"):
            return cue.head
        if depth == 0 and cue.dep_ == "ROOT":
            # a mis-parsed subject: the name right before the cue ("..., Jake Sullivan, said:")
            j = cue.i - 1
            while j >= 0 and (self.doc[j].is_punct or self.doc[j].pos_ in ("ADV", "AUX", "PART")) and j > cue.i - 4:
                j -= 1
            if j >= 0 and self.doc[j].pos_ in ("PROPN", "PRON") and not self.inside_quote(self.doc[j]) \
                    and "\n" not in self.text[self.doc[j].idx: cue.idx]:
                return self.doc[j]
        if depth < 2 and cue.dep_ in _CLIMB_DEPS and cue.head is not cue:
            return self.subject_of(cue.head, depth + 1)
        if depth < 2 and cue.dep_ == "pcomp" and cue.head.dep_ == "prep":  # "by declaring that"
            return self.subject_of(cue.head.head, depth + 1)
        return None

    def _same_paragraph(self, subj: Any, cue: Any) -> Any | None:
        """A subject parsed across a line break ("5:45 p.m.\n\nX says") is cut back to the
        cue's paragraph: the head of the part after the last break."""
        lo, hi = (subj.idx, cue.idx) if subj.i < cue.i else (cue.idx, subj.idx)
        brk = self.text.rfind("\n", lo, hi)
        if brk < 0:
            return subj
        part = [t for t in subj.subtree if t.idx > brk and t.i < cue.i and not t.is_punct and not t.is_space]
        heads = [t for t in part if t.head not in part]
        return heads[-1] if heads else None

    def trim(self, lo: int, hi: int) -> tuple[int, int] | None:
        """Char span of tokens lo..hi (inclusive) without leading 'that'/punct and trailing punct."""
        doc = self.doc
        while lo <= hi and (doc[lo].is_punct or doc[lo].is_space or (doc[lo].dep_ == "mark" and doc[lo].lower_ == "that")):
            if doc[lo].is_quote:
                break
            lo += 1
        while hi >= lo and (doc[hi].is_punct or doc[hi].is_space) and not doc[hi].is_quote:
            hi -= 1
        if hi < lo:
            return None
        return doc[lo].idx, doc[hi].idx + len(doc[hi].text)

    def inside_quote(self, tok: Any) -> bool:
        k = self.mark_at(tok.idx)
        return k is not None and self.marks[k].open_mark != tok.idx and (self.marks[k].close_mark != tok.idx)

    def candidates(self) -> list[int]:
        """Indices of tokens whose lemma is a cue verb or a source preposition word."""
        if not len(self.doc):
            return []
        arr = self.doc.to_array([LEMMA, LOWER])
        keys = _hashes(self.doc.vocab, self.lex)
        hit = np.zeros(len(arr), dtype=bool)
        for col in (arr[:, 0], arr[:, 1]):
            pos = np.minimum(np.searchsorted(keys, col), len(keys) - 1)
            hit |= keys[pos] == col
        return np.flatnonzero(hit).tolist()

    # -- pass 1: cue clauses -----------------------------------------------------
    def cue_clauses(self) -> list[_Attr]:
        out: list[_Attr] = []
        lex = self.lex
        for i in self.candidates():
            tok = self.doc[i]
            lemma = tok.lemma_.lower()
            if tok.pos_ in _VERB_POS and lex.is_cue(lemma):
                if self.inside_quote(tok):
                    continue
                for c in tok.children:
                    if c.dep_ in lex.content_deps and c.i != tok.i:
                        a = self._content_attr(tok, c.left_edge.i, c.right_edge.i, lemma in lex.speech)
                        if a:
                            out.append(a)
                if lemma in lex.speech and tok.dep_ == "parataxis" and not self.inside_quote(tok.head):
                    a = self._parenthetical(tok)
                    if a:
                        out.append(a)
                        continue
                if lemma in lex.speech and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text == ":":
                    a = self._colon_paragraph(tok)
                    if a:
                        out.append(a)
                        continue
                has_clause = any(c.dep_ in lex.content_deps for c in tok.children)
                if not has_clause and (lemma in lex.object_content or lemma in lex.xcomp_content):
                    a = self._object_attr(tok, lemma)
                    if a:
                        out.append(a)
                        continue
                if lemma in lex.object_cues:
                    objs = [c for c in tok.children if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")]
                    if objs:
                        lo = min(c.left_edge.i for c in objs)
                        hi = max(c.right_edge.i for c in objs)
                        span = self.trim(lo, hi)
                        if span and 0 < self.quoted_share(*span):
                            a = self._content_attr(tok, lo, hi, True)
                            if a:
                                out.append(a)
            elif lemma == "accord" or (tok.lower_ in ("per",) and tok.dep_ == "prep"):
                a = self._according(tok)
                if a:
                    out.append(a)
        # univocal: an attribution whose cue lies inside another one's content is dropped
        keep: list[_Attr] = []
        spans = [(a.start, a.end, a.cue.idx if a.cue is not None else -1) for a in out]
        for n, a in enumerate(out):
            ci = spans[n][2]
            if any(m != n and bs <= ci < be and not (spans[n][0] <= bc < spans[n][1])
                   for m, (bs, be, bc) in enumerate(spans) if bc >= 0):
                continue
            keep.append(a)
        # one attribution per quotation: where several cues claim the same one, the cue
        # nearest to it wins
        best: dict[frozenset[int], _Attr] = {}
        for a in keep:
            key = frozenset(a.marks) if a.marks else frozenset({-1 - id(a)})
            if key in best and a.cue is not None and best[key].cue is not None:
                if _distance(a) >= _distance(best[key]):
                    continue
            best[key] = a
        claimed = {k for key, a in best.items() if len(key) == 1 for k in key if k >= 0 and a.frags == list(self.marks[k].pieces)}
        return [a for key, a in best.items() if not (len(key) > 0 and a.frags != [p for k in key if k >= 0 for p in self.marks[k].pieces] and key & claimed)]

    def _content_attr(self, cue: Any, lo: int, hi: int, speech: bool, min_tokens: int = 2) -> _Attr | None:
        span = self.trim(lo, hi)
        if span is None:
            return None
        s, e = span
        km = self.mark_at(s)
        if km is not None and self.mark_at(max(s, e - 1)) == km:
            # the clause lies inside one quotation: that quotation is the content
            if not speech:
                return None
            return _Attr(frags=list(self.marks[km].pieces), cue=cue, speaker=self.subject_of(cue), marks={km})
        if hi + 1 - lo < min_tokens:
            return None
        speaker = self.subject_of(cue)
        if lo <= cue.i <= hi or (speaker is not None and lo <= speaker.i <= hi):
            return None  # a mis-parsed clause that swallows its own cue or speaker
        first = self.doc[lo]
        if not speech and first.tag_ in _WH_TAGS:
            return None  # "knowing how ...", "finding what ...": not an attribution
        if not speech and cue.tag_ == "VBG" and cue.dep_ not in ("ROOT", "conj"):
            return None  # participial stance verbs ("wanting to ...") are rarely attributions
        touched = {k for k, m in enumerate(self.marks) if m.start < e and m.end > s}
        for k in touched:  # a quotation begun in the clause runs to its closing mark
            s, e = min(s, self.marks[k].start), max(e, self.marks[k].end)
        return _Attr(frags=[(s, e)], cue=cue, speaker=speaker, marks=touched)

    def _parenthetical(self, cue: Any) -> _Attr | None:
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
        return _Attr(frags=frags, cue=cue, speaker=self.subject_of(cue), marks=touched)

    def _colon_paragraph(self, cue: Any) -> _Attr | None:
        """'Limbaugh added:' ending a paragraph: the next paragraph, unquoted, is the content."""
        colon = self.doc[cue.i + 1]
        rest = self.text[colon.idx + 1:]
        stripped = rest.lstrip()
        if not rest[: len(rest) - len(stripped)].count("\n") or not stripped or stripped[0] in "\"\u201c":
            return None
        s = colon.idx + 1 + (len(rest) - len(stripped))
        e = self.text.find("\n", s)
        e = len(self.text) if e < 0 else e
        return _Attr(frags=[(s, e)], cue=cue, speaker=self.subject_of(cue), marks=set())

    def _object_attr(self, cue: Any, lemma: str) -> _Attr | None:
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
        if not parts:
            return None
        lo = min(c.left_edge.i for c in parts)
        hi = max(c.right_edge.i for c in parts)
        if lo < cue.i:
            return None
        return self._content_attr(cue, lo, hi, False, min_tokens=1)

    def _according(self, tok: Any) -> _Attr | None:
        src = None
        for c in tok.subtree:
            if c.dep_ == "pobj":
                src = c
                break
        if src is None:
            return None
        head = tok.head
        while head.dep_ == "prep" and head.head is not head:
            head = head.head
        clause = head
        sent = self.sents[self.sent_of[clause.i]]
        lo, hi = clause.left_edge.i, clause.right_edge.i
        plo, phi = tok.left_edge.i, tok.right_edge.i
        if tok.i == tok.head.i or tok.right_edge.i + 1 > hi and plo <= lo:
            return None
        if plo <= lo + 1:  # the phrase opens the clause
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
        return _Attr(frags=[(s, e)], cue=tok, speaker=src, marks=touched)

    # -- pass 2: quotations left ---------------------------------------------------
    def _speech_cue(self, lo: int, hi: int, reverse: bool) -> Any | None:
        """The nearest speech verb among tokens lo..hi-1 (outside quotation marks)."""
        rng = range(hi - 1, lo - 1, -1) if reverse else range(lo, hi)
        for i in rng:
            t = self.doc[i]
            if self.mark_at(t.idx) is not None and not t.is_quote:
                return None
            if t.pos_ in _VERB_POS and t.lemma_.lower() in self.lex.speech:
                return t
            if t.lemma_.lower() == "accord":
                return t
        return None

    def _cue_after(self, m: MarkSpan) -> Any | None:
        end = m.close_mark + 1 if m.close_mark is not None else m.end
        if end >= len(self.text) or m.close_mark is None:
            return None
        first = self.tok_at(end)
        while first < len(self.doc) and self.doc[first].idx < end:
            first += 1
        if first >= len(self.doc) or "\n" in self.text[end: self.doc[first].idx]:
            return None
        sent = self.sents[self.sent_of[first]]
        hi = min(sent.end, first + 8)
        cue = self._speech_cue(first, hi, reverse=False)
        return cue if cue is not None and "\n" not in self.text[end: cue.idx] else None

    def _cue_before(self, m: MarkSpan) -> Any | None:
        t0 = self.tok_at(m.open_mark)
        sent = self.sents[self.sent_of[t0]]
        cue = self._speech_cue(max(sent.start, t0 - 14), t0, reverse=True)
        if cue is not None:
            return cue
        # any verb introducing the quotation with a comma or colon: 'Trump boasted, "..."',
        # 'X scolded him: "..."'
        j = t0 - 1
        if j >= 0 and self.doc[j].text in (",", ":"):
            for back in range(j - 1, max(sent.start - 1, j - 3), -1):
                v = self.doc[back]
                if v.pos_ == "VERB" and not self.inside_quote(v) and self.subject_of(v) is not None:
                    return v
                if v.pos_ not in ("PRON", "PROPN", "NOUN", "ADV"):
                    break
        # colon introduction at the end of the previous sentence: 'X responded:\n\n"..."'
        k = m.open_mark - 1
        while k >= 0 and self.text[k].isspace():
            k -= 1
        if k >= 0 and self.text[k] == ":":
            tc = self.tok_at(k)
            s = self.sents[self.sent_of[tc]]
            return self._speech_cue(s.start, tc, reverse=True)
        return None

    def _dash_name(self, m: MarkSpan) -> tuple[Any | None, Any | None]:
        """'"..." \u2015 Jane Doe': a dash and a name after the quotation sign it."""
        if m.close_mark is None:
            return None, None
        k = m.close_mark + 1
        while k < len(self.text) and self.text[k] in " \u00a0\t":
            k += 1
        if k >= len(self.text) or self.text[k] not in _DASHES:
            return None, None
        t = self.tok_at(k)
        for j in range(t + 1, min(len(self.doc), t + 6)):
            tok = self.doc[j]
            if tok.idx > k + 40 or "\n" in self.text[k: tok.idx]:
                break
            if tok.pos_ == "PROPN":
                while j + 1 < len(self.doc) and self.doc[j + 1].pos_ == "PROPN" and "\n" not in self.doc[j].whitespace_:
                    j += 1
                return self.doc[t], self.doc[j]
        return None, None

    def _cue_next_sentence(self, m: MarkSpan) -> Any | None:
        """A short sentence right after the quotation: '"..." That is what X said.'"""
        end = m.close_mark + 1 if m.close_mark is not None else m.end
        t = self.tok_at(end)
        if t + 1 >= len(self.doc):
            return None
        sn = self.sent_of[min(len(self.doc) - 1, t + 1)]
        if sn == self.sent_of[self.tok_at(m.start)] or "\n" in self.text[end: self.sents[sn].start_char]:
            return None
        sent = self.sents[sn]
        if len(sent) > 10:
            return None
        cue = self._speech_cue(sent.start, sent.end, reverse=False)
        return cue if cue is not None and "\n" not in self.text[end: cue.idx] else None

    def _speaker_tok(self, cue: Any) -> Any | None:
        if cue.lemma_.lower() == "accord":
            for c in cue.subtree:
                if c.dep_ == "pobj":
                    return c
            return None
        return self.subject_of(cue)

    def mark_quotes(self, attrs: list[_Attr]) -> list[_Attr]:
        used = set().union(*(a.marks for a in attrs)) if attrs else set()
        out: list[_Attr] = []
        n = len(self.marks)
        k = 0
        while k < n:
            m = self.marks[k]
            if k in used:
                k += 1
                continue
            cue = self._cue_after(m)
            after = cue is not None
            if cue is None:
                cue = self._cue_before(m)
            if cue is None:
                cue = self._cue_next_sentence(m)
            speaker = self._speaker_tok(cue) if cue is not None else None
            if cue is None:
                cue, speaker = self._dash_name(m)
            if cue is None:
                gov = self._governing_verb(m, used)
                if gov is not None:
                    out.append(gov)
                    k += 1
                    continue
            a = _Attr(frags=list(m.pieces), cue=cue, speaker=speaker, marks={k})
            out.append(a)
            k += 1
        return out

    def _governing_verb(self, m: MarkSpan, used: set[int]) -> _Attr | None:
        """A quotation inside the object of a verb with a subject ("Trump likened the
        refugees to a "vicious snake"", "X blasted Clinton as a "disgrace""): the
        verb's complements up to the quotation are the content of a mixed quote."""
        t = self.tok_at(m.start)
        if self.doc[t].idx < m.start and t + 1 < len(self.doc):
            t += 1
        tok = self.doc[t]
        sent_start = self.sents.starts[self.sent_of[t]]
        if all(x.is_punct or x.is_space for x in self.doc[sent_start:t]):
            return None  # a quotation opening its sentence is not an object
        verb = tok
        for _ in range(6):
            if verb.head is verb:
                return None
            verb = verb.head
            if verb.pos_ == "VERB":
                break
        if verb.pos_ != "VERB" or verb.i >= t or self.inside_quote(verb):
            return None
        speaker = self.subject_of(verb)
        if speaker is None or speaker.pos_ not in ("PROPN", "PRON"):
            return None
        args = [c for c in verb.rights if c.dep_ in _OBJECT_DEPS]
        holder = [c for c in args if c.left_edge.i <= t <= c.right_edge.i]
        if not holder:
            return None
        lo = min(c.left_edge.i for c in args if c.i <= holder[0].i)
        span = self.trim(lo, holder[0].right_edge.i)
        if span is None:
            return None
        s, e = span
        touched = {k for k, mm in enumerate(self.marks) if mm.start < e and mm.end > s and k not in used}
        for k in touched:
            s, e = min(s, self.marks[k].start), max(e, self.marks[k].end)
        used |= touched
        return _Attr(frags=[(s, e)], cue=verb, speaker=speaker, marks=touched)

    def merge_splits(self, attrs: list[_Attr]) -> list[_Attr]:
        """Split quotes: a quotation with no cue of its own that follows, in the same
        paragraph, a quotation attributed by the cue standing between them
        ('"A," he said. "B."') is a fragment of the same quote."""
        by_mark: dict[int, _Attr] = {}
        out: list[_Attr] = []
        for a in sorted(attrs, key=lambda x: x.start):
            ks = sorted(a.marks)
            if len(ks) == 1 and ks[0] - 1 in by_mark and a.frags == list(self.marks[ks[0]].pieces):
                p = by_mark[ks[0] - 1]
                prev_m, m = self.marks[ks[0] - 1], self.marks[ks[0]]
                gap_start = (prev_m.close_mark or prev_m.end) + 1
                gap = self.text[gap_start: m.open_mark]
                own_cue = a.cue is not None and not (
                    gap_start <= a.cue.idx < m.open_mark and (p.cue is None or p.cue.i == a.cue.i))
                if (not own_cue and p.cue is not None and p.end == prev_m.end and prev_m.close_mark is not None
                        and "\n" not in gap and len(gap) < 400):
                    p.frags.extend(m.pieces)
                    p.marks.add(ks[0])
                    by_mark[ks[0]] = p
                    continue
            for k in ks:
                by_mark[k] = a
            out.append(a)
        return out

    def words(self, a: _Attr) -> int:
        return sum(len(self.text[s:e].split()) for s, e in a.frags)

    def is_headline(self, a: _Attr) -> bool:
        """A quotation that is a whole line without sentence punctuation: a title."""
        s, e = a.start, a.end
        line_start = self.text.rfind("\n", 0, s) + 1
        line_end = self.text.find("\n", e)
        line_end = len(self.text) if line_end < 0 else line_end
        rest = (self.text[line_start:s] + self.text[e:line_end]).strip(" \"“”'’.")
        return not rest and not self.text[s:e].rstrip(" \"”’'").endswith(_SENT_END)

    def sentence_initial(self, a: _Attr) -> bool:
        t = self.tok_at(a.start)
        sent = self.sents[self.sent_of[t]]
        return all(x.is_punct or x.is_space for x in self.doc[sent.start: t])


def _distance(a: _Attr) -> int:
    ci = a.cue.idx if a.cue is not None else 0
    return min(abs(ci - a.start), abs(ci - a.end))


_HASHES: dict[tuple[int, int], Any] = {}


def _hashes(vocab: Any, lex: CueLexicon) -> Any:
    """Hashes of the cue lemmas (and 'accord'/'per') in this vocab, as a numpy array."""
    key = (id(vocab), id(lex))
    if key not in _HASHES:
        words = set(lex.speech) | set(lex.belief) | {w for p in lex.source_preps for w in p[:1]} | {"accord"}
        words |= {w.capitalize() for w in words}
        _HASHES[key] = np.array(sorted(vocab.strings.add(w) for w in words), dtype=np.uint64)
    return _HASHES[key]


def _clean(text: str) -> str:
    return " ".join(text.replace("“", "").replace("”", "").replace('"', "").split())


def extract(doc: Any, doc_actors: Any, article_id: str, lex: CueLexicon | None = None) -> list[Quote]:
    """All attributions of one parsed document, speakers resolved (see module doc)."""
    lex = lex or load_lexicon()
    dq = _DocQuotes(doc, doc_actors, lex)
    attrs = dq.cue_clauses()
    attrs += dq.mark_quotes(attrs)
    attrs = dq.merge_splits(attrs)
    quotes: list[Quote] = []
    prev: _Attr | None = None
    for a in attrs:
        cue_found = a.cue is not None
        share = min(dq.quoted_share(s, e) for s, e in a.frags) if a.frags else 0.0
        kind = "direct" if share >= 0.9 else "partial" if share > 0 else "indirect"
        if not cue_found:
            w = dq.words(a)
            if w <= lex.max_words_scare or dq.is_headline(a):
                continue
            near = prev is not None and prev.actor is not None and (
                dq.sent_of[dq.tok_at(a.start)] - dq.sent_of[dq.tok_at(max(prev.start, prev.end - 1))] <= 2)
            if not dq.sentence_initial(a):
                if not (near and w >= lex.min_words_uncued):
                    continue
                a.actor = prev.actor if prev else None
                a.speaker = prev.speaker if prev else None
                a.inherited = True
            else:
                subj = _previous_subject(dq, a, prev)
                if subj is not None:
                    a.speaker = subj
                elif near and prev is not None:
                    a.actor, a.speaker, a.inherited = prev.actor, prev.speaker, True
                elif prev is not None and prev.actor is not None:
                    a.actor, a.speaker, a.inherited = prev.actor, prev.speaker, True
        if a.speaker is not None and not a.inherited:
            a.actor = dq.res.resolve(a.speaker, prev.actor if prev else None)
        if a.speaker is None and a.actor is None and (not cue_found or (
                kind == "direct" and dq.words(a) <= lex.max_words_scare)):
            continue  # no speaker: a short quotation with a cue like "so-called" is a name
        spk_text = dq.res.speaker_text(a.speaker) if a.speaker is not None else None
        if spk_text is not None and spk_text.lower() in lex.non_speakers and a.actor is None:
            spk_text = None
        text = " … ".join(_clean(dq.text[s:e]) for s, e in a.frags)
        cue = a.cue.text if a.cue is not None else None
        if a.cue is not None and a.cue.lemma_.lower() == "accord":
            cue = "according to"
        quotes.append(Quote(
            id=f"{article_id}:q{len(quotes) + 1}", article_id=article_id, speaker_id=a.actor,
            speaker_text=spk_text, text=text, start=a.start, end=a.end, kind=kind,  # type: ignore[arg-type]
            cue=cue, fragments=tuple(a.frags),
        ))
        if a.actor is not None or a.speaker is not None:
            prev = a
    return quotes


def _previous_subject(dq: _DocQuotes, a: _Attr, prev: _Attr | None) -> Any | None:
    """The person subject of the sentence before an uncued quotation, if that sentence
    is narration (holds no quotation): 'The Serbian president also pouted. "..."'."""
    sn = dq.sent_of[dq.tok_at(a.start)]
    if sn == 0:
        return None
    sent = dq.sents[sn - 1]
    if dq.mark_at(sent.start_char) is not None or dq.mark_at(max(sent.start_char, sent.end_char - 2)) is not None:
        return None
    if prev is not None and prev.end > sent.start_char:
        return None
    for t in sent:
        if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and dq.res.person(t):
            return t
    return None
