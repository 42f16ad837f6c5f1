"""Pass 2 of quote extraction: each quotation not attributed by pass 1 gets its cue,
a verb whose object holds it, or none; split quotes ("A," he said, "B.") are merged."""

from __future__ import annotations

from typing import Any

from newsledger.nlp.quotes.document import _OBJECT_DEPS, _VERB_POS, Attr
from newsledger.nlp.quotes.filters import QuoteFilters
from newsledger.nlp.quotes.marks import MarkSpan


class QuotationPass(QuoteFilters):
    """The quotations left: mark-driven attributions."""

    def mark_quotes(self, attrs: list[Attr]) -> list[Attr]:
        """Attributions of the quotations no attribution of ``attrs`` holds, each with its
        cue (after, before, in the next sentence, a dash and a name), the verb governing
        it, or none ("mark:uncued")."""
        used = set().union(*(a.marks for a in attrs)) if attrs else set()
        out: list[Attr] = []
        n = len(self.marks)
        k = 0
        while k < n:
            m = self.marks[k]
            if k in used:
                k += 1
                continue
            cue, src = self._cue_after(m), "mark"
            if cue is not None and self._term_in_phrase(m):
                cue = None  # 'a pro-Clinton "super PAC," posited ...': a term, not the cue's words
            if cue is None:
                cue, src = self._cue_before(m), "mark:before"
                if cue is not None and self._embedded(m):
                    gov = self._governing_verb(m, used, cue)
                    if gov is not None:
                        out.append(gov)
                        k += 1
                        continue
                    if self.embedded_fragment(k):
                        # 'X writes a column and leads "A Show" on ...', 'the nation's "broken"
                        # system': a short fragment inside a clause the cue does not govern
                        # is a term or part of another report, not the cue's quotation
                        k += 1
                        continue
            if cue is None:
                cue, src = self._cue_next_sentence(m), "mark:next"
            speaker = self._speaker_tok(cue) if cue is not None else None
            if cue is None:
                (cue, speaker), src = self._dash_name(m), "mark:dash"
            if cue is None:
                gov = self._governing_verb(m, used)
                if gov is not None:
                    out.append(gov)
                    k += 1
                    continue
            a = Attr(frags=list(m.pieces), cue=cue, speaker=speaker, marks={k}, how=src if cue is not None else "mark:uncued")
            out.append(a)
            k += 1
        return out

    def _term_in_phrase(self, m: MarkSpan) -> bool:
        """A short quotation inside a noun phrase, right after a determiner, adjective or
        number of it ('a pro-Clinton "super PAC,"', 'the four "loopholes"'): a quoted term of
        the reporter. (After a noun, 'the phrase "X"', it is often someone's words.)"""
        if len(self.text[m.start:m.end].split()) > self.lex.max_words_scare or not self._embedded(m):
            return False
        j = self.tok_at(m.open_mark) - 1
        return j >= 0 and self.doc[j].pos_ in ("DET", "ADJ", "NUM")

    def _governing_verb(self, m: MarkSpan, used: set[int], cue: Any | None = None) -> Attr | None:
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
        if cue is not None:  # the cue found before the quotation must govern it
            while verb.head.i != verb.i and verb.i != cue.i:
                verb = verb.head
            if verb.i != cue.i:
                return None
        for _ in range(0 if cue is not None else 6):
            if verb.head.i == verb.i:
                return None
            verb = verb.head
            if verb.pos_ == "VERB":
                break
        if verb.pos_ not in _VERB_POS or verb.i >= t or self.inside_quote(verb):
            return None
        if cue is None and not self.lex.reports_or_judges(verb.lemma_.lower()):
            return None  # marks inside the object of "bring", "hold", ... only name something
        speaker = self.subject_of(verb)
        if speaker is None or (cue is None and speaker.pos_ not in ("PROPN", "PRON")):
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
        touched = self.marks_over(s, e) - used
        for k in touched:
            s, e = min(s, self.marks[k].start), max(e, self.marks[k].end)
        used |= touched
        return Attr(frags=[(s, e)], cue=verb, speaker=speaker, marks=touched, how="governing-verb")

    def merge_splits(self, attrs: list[Attr]) -> list[Attr]:
        """Split quotes: a quotation with no cue of its own that follows, in the same
        paragraph, a quotation attributed by the cue standing between them
        ('"A," he said. "B."') is a fragment of the same quote (a quoted term inside a
        later clause, '... she said. Residents see a "slow" decline', is not)."""
        by_mark: dict[int, Attr] = {}
        out: list[Attr] = []
        for a in sorted(attrs, key=lambda x: x.start):
            ks = sorted(a.marks)
            j = self._skip_names_in_cue(ks[0] - 1, by_mark) if len(ks) == 1 else -1
            if len(ks) == 1 and j in by_mark and a.frags == list(self.marks[ks[0]].pieces) \
                    and not self.is_title(a):  # a programme named in the cue is no fragment
                p = by_mark[j]
                prev_m, m = self.marks[j], self.marks[ks[0]]
                gap_start = prev_m.after if prev_m.close_mark is not None else prev_m.end + 1
                gap = self.text[gap_start: m.open_mark]
                own_cue = a.cue is not None and not (
                    gap_start <= a.cue.idx < m.open_mark and (p.cue is None or p.cue.i == a.cue.i))
                if (not own_cue and p.cue is not None and p.end == prev_m.end and prev_m.close_mark is not None
                        and "\n" not in gap and len(gap) < 400 and not self.embedded_fragment(ks[0])):
                    p.frags.extend(m.pieces)
                    p.marks.add(ks[0])
                    by_mark[ks[0]] = p
                    continue
            for k in ks:
                by_mark[k] = a
            out.append(a)
        return out

    def _skip_names_in_cue(self, j: int, by_mark: dict[int, Attr]) -> int:
        """The quotation a split quote's cue follows, stepping back over short quoted names
        inside that cue ('"A," she told NBC's "Today." "B."'): mark ``j`` when it is a
        quotation of its own, else the one before the names."""
        while j > 0 and j - 1 in by_mark and j in by_mark:
            m = self.marks[j]
            if m.close_mark is None or len(m.pieces) != 1 or "\n" in self.text[self.marks[j - 1].end: m.start] \
                    or len(self.text[m.start:m.end].split()) > self.lex.max_words_title \
                    or self.sentence_initial(by_mark[j]) or not self.is_title(by_mark[j]):
                break
            j -= 1
        return j
