"""The content of a cue clause: which token span a cue reports, cut to its quotation
marks and checked against mis-parses (shared by the clause and stance cues)."""

from __future__ import annotations

from typing import Any

from newsledger.nlp.quotes.document import (
    _SUBJECT_DEPS,
    _VERB_POS,
    _WH_TAGS,
    Attr,
    DocBase,
    continues_outer_verb,
    tense_tag,
)

# dependents of a cue verb that may stand between a content and the cue after it
_CUE_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "npadvmod", "prep",
                              "punct", "cc", "intj"})

# verb forms a coordinated report shares with its cue: finite tenses and the participle
_REPORT_FORMS = frozenset({"VBD", "VBZ", "VBP", "VBG"})
_DASH_TEXTS = frozenset({"--", "\u2014", "\u2013"})


class ContentSpans(DocBase):
    """The reported content of a cue, from the token span its parse gives."""

    def _content_attr(self, cue: Any, lo: int, hi: int, speech: bool, min_tokens: int = 2,
                      clause: bool = False) -> Attr | None:
        """The attribution of ``cue`` whose content is tokens lo..hi (cut to its
        quotation marks), or None where the span is no report of the cue: a quotation
        of an earlier paragraph, a span holding its own cue or speaker, a restrictive or
        implausible clause, a belief with no holder or a generic one. ``speech``: the
        cue is a speech verb; ``clause``: the span is a complement clause."""
        parse_hi = hi  # the clause's last token before any cut
        tok_idx = self.tok_idx  # (token offsets: no Token objects)
        if self.mark_at(tok_idx[lo]) is None or self.mark_at(tok_idx[hi]) != self.mark_at(tok_idx[lo]):
            lo = self.cut_head(lo, hi, cue.i)
            hi = self.cut_tail_past_dashes(lo, hi, cue.i)
            if cue.i < lo:
                hi = self.cut_cue_conjunct(cue, lo, hi)
            # a clause the parse ends on "and" goes on elsewhere: the conjunction is no content
            hi = self.end_without_conjunction(lo, hi)
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
            return Attr(frags=list(self.marks[km].pieces), cue=cue, speaker=self.report_subject(cue), marks={km})
        if hi + 1 - lo < min_tokens:
            return None
        speaker = self.report_subject(cue)
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
        if clause and not self._plausible_clause(cue, lo, hi, parse_hi):
            return None
        if not speech and first.tag_ in _WH_TAGS:
            return None  # "knowing how ...", "finding what ...": not an attribution
        if not speech and cue.tag_ == "VBG" and cue.dep_ not in ("ROOT", "conj"):
            return None  # participial stance verbs ("wanting to ...") are rarely attributions
        if not speech and speaker is None and cue.tag_ == "VB" and not any(c.dep_ == "auxpass" for c in cue.children):
            return None  # an imperative ("Never forget that ...", "Imagine that ..."): no holder
        if not speech and speaker is not None and speaker.lower_ in self.lex.generic_holders:
            return None  # "you can bet that ...", "one would think that ...": nobody's belief
        s, e, touched = self.widen_to_marks(s, e)
        frags = [(s, e)]
        tail = self._tail_after_cue(cue) if clause and hi < cue.i else None
        if tail is not None and not any(self.mark_at(x) is not None for x in tail):
            frags.append(tail)
        return Attr(frags=frags, cue=cue, speaker=speaker, marks=touched)

    def _tail_after_cue(self, cue: Any) -> tuple[int, int] | None:
        """The rest of a preposed content that the cue interrupts ("The emails were on work
        topics, the paper said, including speeches and meetings"; "The argument would be
        helped, she said, by the primary calendar"): the phrase after the comma that
        follows the cue, to the end of the sentence, when the parse hangs it on the cue as
        a prepositional phrase or a participle of no reporting verb (", adding that ..." is
        the next report, ", as the crowd cheered" the reporter's narration)."""
        doc = self.doc
        sent_end = self.sents.ends[self.sent_of[cue.i]]
        j = cue.i + 1
        while j < sent_end and doc[j].text != ",":
            t = doc[j]
            if t.dep_ in _SUBJECT_DEPS or t.is_quote or "\n" in t.text:
                return None  # an inverted subject ("..., said Ann Lee, a spokeswoman")
            j += 1
        if j + 1 >= sent_end or self.mark_at(doc[j].idx) is not None:
            return None
        h = doc[j + 1]
        while h.head.i != h.i and h.head.left_edge.i == j + 1 and h.head.i != cue.i:
            h = h.head
        if h.head.i != cue.i or h.right_edge.i < sent_end - 2:
            return None
        if h.dep_ == "advcl":
            if h.tag_ != "VBG" or any(c.dep_ == "mark" for c in h.children):
                return None
            lemma = h.lemma_.lower()
            if self.lex.is_cue(lemma) or lemma in self.lex.object_cues:
                return None
        elif h.dep_ != "prep":
            return None
        return self.trim(j + 1, h.right_edge.i)

    def cut_tail_past_dashes(self, lo: int, hi: int, cue_i: int) -> int:
        """``cut_tail``, except that a pair of dashes setting off an aside inside the
        content ("that - despite X - he is best placed", "the obliteration - a word used by
        several observers - was changing ...") does not end it: the content goes on after
        the closing dash (a single dash still ends it: "... in decline - a decline that")."""
        end = self.cut_tail(lo, hi, cue_i)
        doc = self.doc
        while end + 2 <= hi and self.mark_at(doc[end + 1].idx) is None:
            stop = doc[end + 1]
            if stop.text in _DASH_TEXTS:
                close = next((j for j in range(end + 2, hi) if doc[j].text in _DASH_TEXTS or doc[j].text == ";"), None)
                if close is None or doc[close].text == ";" or self.mark_at(doc[close].idx) is not None:
                    break
                end = self.cut_tail(close, hi, cue_i)
            else:
                break
        return end

    def cut_cue_conjunct(self, cue: Any, lo: int, hi: int) -> int:
        """The last token of content lo..hi (after its cue) once a predicate coordinated
        with the cue rather than with the content is cut off: "announced it would seek a
        recount and vowed to ..." - the parse hangs "vowed" on "seek", but a conjunct with no
        subject of its own whose tense (of its first auxiliary, else its own) is the cue's
        and not that of the verb it is coordinated with continues the cue's clause. Where
        both tenses agree ("said he was tired and wanted ...") the conjunct stays."""
        doc = self.doc
        for j in self.conjuncts(lo + 1, hi):
            t = doc[j]
            if not (lo <= t.head.i < j) or self.mark_at(t.idx) is not None:
                continue
            if not (continues_outer_verb(t, cue) or self._reporting_conjunct(t, cue)):
                continue
            cut = t.left_edge.i
            for c in t.head.children:  # the conjunction (and a comma) before the conjunct
                if c.dep_ in ("cc", "punct") and c.i < cut and c.i > t.head.i:
                    cut = min(cut, c.i) if c.i >= cut - 2 else cut
            if cut - 1 >= lo + 1:
                return cut - 1
        return hi

    def report_subject(self, cue: Any) -> Any | None:
        """The speaker token of ``cue``: its subject, or for a second report the parse
        hangs inside the content of the first ("X said the city was opposed and warned
        ..."), the first cue's subject."""
        if cue.dep_ == "conj":
            t = cue.head
            for _ in range(4):
                if t.head.i == t.i:
                    break
                dep, t = t.dep_, t.head
                if dep in ("ccomp", "xcomp") and self.lex.is_cue(t.lemma_.lower()) and not self.inside_quote(t):
                    if self._reporting_conjunct(cue, t):
                        return self.subject_of(t)
                    break
        return self.subject_of(cue)

    def _reporting_conjunct(self, conj: Any, cue: Any) -> bool:
        """Whether ``conj``, a predicate the parse coordinates with a verb inside the
        content of ``cue``, is a second report of the cue's speaker ("said it was opposed to
        the test and warned X to ...", "telling CNN that X and questioning how ..."): a
        reporting verb with no subject of its own in the cue's form."""
        if conj.dep_ != "conj" or conj.pos_ not in _VERB_POS or conj.head.dep_ in ("relcl", "acl"):
            return False
        lemma = conj.lemma_.lower()
        if lemma not in self.lex.speech or lemma in self.lex.belief:
            return False  # a verb of thought or intention often goes on with the content
        form = tense_tag(conj)
        if form != tense_tag(cue) or form not in _REPORT_FORMS:
            return False
        return not any(c.dep_ in _SUBJECT_DEPS for c in conj.children)

    def _plausible_clause(self, cue: Any, lo: int, hi: int, parse_hi: int | None = None) -> bool:
        """Whether tokens lo..hi can be the reported clause of ``cue`` rather than a
        mis-parsed adverbial or fragment: a clause opened by an adverbial subordinator
        ("..., as the crowd left", "Even before the results are in, ...") is not
        reported content; a clause must hold a verb, and one before its cue a finite
        verb (a dateline or time stamp does not), and not be closed off from the cue by
        a semicolon or colon, or by a clause that is neither the cue's nor the content's
        (``parse_hi``: where the parse ends the clause, before any cut)."""
        if not self.has_verb(lo, hi):
            return False  # a clause cut down to a fragment ("9:05 p.m.")
        first = self.doc[lo]
        if first.lower_ in self.lex.adverbial_marks and (first.dep_ in ("mark", "advmod") or first.pos_ == "SCONJ"):
            return False
        if lo > cue.i and self.sent_of[lo] != self.sent_of[cue.i]:
            return False  # a parse reaching into the next sentence ("is not offering X. \n\n Veterans were ...")
        if hi < cue.i:
            if self.sent_of[lo] != self.sent_of[cue.i]:
                return False  # an unquoted report before its cue is in the cue's sentence
            span = self.trim(lo, hi)
            gap = self.text[span[1] if span else self.tok_idx[hi + 1]: cue.idx]
            if ";" in gap or ":" in gap or "(" in gap:
                return False  # closed off by a semicolon or colon, or the cue is in a parenthesis
            if not self.has_verb(lo, hi, finite=True):
                return False
            if not self._bare_cue_between(cue, max(hi, parse_hi or hi)):
                return False
        return True

    def _bare_cue_between(self, cue: Any, hi: int) -> bool:
        """Whether only the cue's own clause - its subject, auxiliaries, adverbs and
        prepositional phrases - stands between a content that ends at token ``hi`` and
        the cue after it ("The talks failed, the minister said on Monday"). A clause of
        its own in between ("..., and as the crowd cheered, she said") or a cue that is
        itself subordinate ("..., that he really wants to ...") reports something else."""
        if any(c.dep_ == "mark" for c in cue.children):
            return False
        kids = [c for c in cue.children if hi < c.i < cue.i]
        for j in range(hi + 1, cue.i):
            t = self.doc[j]
            if t.is_punct or t.is_space:
                continue
            c = next((k for k in kids if k.left_edge.i <= j <= k.right_edge.i), None)
            if c is None or (c.dep_ not in _CUE_CLAUSE_DEPS and not self._reported_adverbial(c)):
                return False
        return True

    def _reported_adverbial(self, clause: Any) -> bool:
        """Whether an adverbial clause between a content and its cue goes with the content:
        a participle ("..., approving 2,880 of them, he said") or a contrast ("..., while
        Y has 33 percent, the poll found"); a temporal or causal one ("as the crowd
        cheered", "because ...") is the reporter's narration."""
        if clause.dep_ != "advcl":
            return False
        marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
        return not marks or marks[0] in self.lex.cut_marks

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
