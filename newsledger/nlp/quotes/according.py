"""Attributions by "according to X": the source of the sentence or clause the phrase belongs to."""

from __future__ import annotations

from typing import Any

from newsledger.nlp.quotes.document import Attr, DocBase


class AccordingCues(DocBase):
    """Attributions by "according to" (and "per")."""

    def _according(self, tok: Any) -> Attr | None:
        """The attribution of "according to X" (or "per X") at ``tok``: X speaks; the
        content is the subject of a copula ("That's according to X"), the whole sentence
        the phrase closes after a comma, or the rest of the clause it opens or closes."""
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
        s, e, touched = self.widen_to_marks(*span)
        return Attr(frags=[(s, e)], cue=tok, speaker=src, marks=touched)

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
