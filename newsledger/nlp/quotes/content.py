"""The content of a cue clause: which token span a cue reports, cut to its quotation
marks and checked against mis-parses (shared by the clause and stance cues)."""

from __future__ import annotations

from typing import Any

from newsledger.nlp.quotes.document import _WH_TAGS, Attr, DocBase


class ContentSpans(DocBase):
    """The reported content of a cue, from the token span its parse gives."""

    def _content_attr(self, cue: Any, lo: int, hi: int, speech: bool, min_tokens: int = 2,
                      clause: bool = False) -> Attr | None:
        """The attribution of ``cue`` whose content is tokens lo..hi (cut to its
        quotation marks), or None where the span is no report of the cue: a quotation
        of an earlier paragraph, a span holding its own cue or speaker, a restrictive or
        implausible clause, a belief with no holder or a generic one. ``speech``: the
        cue is a speech verb; ``clause``: the span is a complement clause."""
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
