"""The cue of a quotation left after pass 1: a speech verb after it, before it in its
sentence or behind a colon, in a short next sentence, or a dash and a name; and the
speaker token of such a cue (its subject, an adjacent name, a participle's antecedent)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsledger.datafiles import data_path, load_data
from newsledger.nlp.quotes.document import _DASHES, _SENT_END, _VERB_POS, DocBase
from newsledger.nlp.quotes.marks import MarkSpan

_CLOSING_QUOTES = frozenset("\"'\u201d\u2019")


class MarkCues(DocBase):
    """Cues and speakers around a quotation."""

    def _speech_cue(self, lo: int, hi: int, reverse: bool) -> Any | None:
        """The nearest speech verb among tokens lo..hi-1 (outside quotation marks)."""
        rng = range(hi - 1, lo - 1, -1) if reverse else range(lo, hi)
        for i in rng:
            t = self.doc[i]
            if self.mark_at(t.idx) is not None and not t.is_quote:
                return None
            if t.pos_ in _VERB_POS and t.lemma_.lower() in self.lex.speech:
                return t
            if t.lower_ == "according":
                return t
        return None

    def _cue_after(self, m: MarkSpan) -> Any | None:
        """A speech cue in the same paragraph right after quotation ``m`` ('"...," said
        X', '"..." X told reporters'), unless it opens the next quotation."""
        end = m.after
        if end >= len(self.text) or m.close_mark is None:
            return None
        first = self.tok_at(end)
        while first < len(self.doc) and self.doc[first].idx < end:
            first += 1
        if first >= len(self.doc) or "\n" in self.text[end: self.doc[first].idx]:
            return None
        hi = min(self.sents.ends[self.sent_of[first]], first + 8)
        cue = self._speech_cue(first, hi, reverse=False)
        if cue is None or "\n" in self.text[end: cue.idx]:
            return None
        if self.text[m.start:m.end].rstrip(" \"\u201d\u2019'").endswith(("!", "?", ".")) and self._introduces_next(cue):
            # '"A finished sentence." To which she said, "B."': the cue opens the next quotation
            return None
        return cue

    def _introduces_next(self, cue: Any) -> bool:
        """Whether a cue is followed, before the end of its clause, by a comma or colon
        and an opening quotation mark ('..., she said, "...').'"""
        for j in range(cue.i + 1, min(len(self.doc), cue.i + 5)):
            t = self.doc[j]
            if t.text in (",", ":"):
                k = t.idx + 1
                while k < len(self.text) and self.text[k] == " ":
                    k += 1
                km = self.mark_at(k)
                return km is not None and self.marks[km].open_mark == k
            if t.is_punct or t.pos_ in _VERB_POS:
                return False
        return False

    def _cue_before(self, m: MarkSpan) -> Any | None:
        """A cue before quotation ``m``: a speech verb earlier in its sentence, a verb
        with a subject introducing it with a comma or colon, or a speech verb in the
        previous sentence when that sentence ends with a colon."""
        t0 = self.tok_at(m.open_mark)
        sent_start = self.sents.starts[self.sent_of[t0]]
        cue = self._speech_cue(max(sent_start, t0 - 14), t0, reverse=True)
        if cue is not None:
            return cue
        # any verb introducing the quotation with a comma or colon: 'Trump boasted, "..."',
        # 'X scolded him: "..."'
        j = t0 - 1
        if j >= 0 and self.doc[j].text in (",", ":"):
            for back in range(j - 1, max(sent_start - 1, j - 3), -1):
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
            return self._speech_cue(self.sents.starts[self.sent_of[tc]], tc, reverse=True)
        return None

    def _dash_name(self, m: MarkSpan) -> tuple[Any | None, Any | None]:
        """'"..." \u2015 Jane Doe': a dash and a name after the quotation sign it."""
        if m.close_mark is None:
            return None, None
        k = m.after
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
        end = m.after
        t = self.tok_at(end)
        if t + 1 >= len(self.doc):
            return None
        sn = self.sent_of[min(len(self.doc) - 1, t + 1)]
        start, stop = self.sents.starts[sn], self.sents.ends[sn]
        if sn == self.sent_of[self.tok_at(m.start)] or "\n" in self.text[end: self.tok_idx[start]]:
            return None
        if stop - start > 10:
            return None
        cue = self._speech_cue(start, stop, reverse=False)
        return cue if cue is not None and "\n" not in self.text[end: cue.idx] else None

    def _speaker_tok(self, cue: Any) -> Any | None:
        """The speaker token of a pass-2 cue: the object of "according to", else the
        cue's subject, a name next to it, or a participle's antecedent subject."""
        if cue.lemma_.lower() == "accord":
            for c in cue.subtree:
                if c.dep_ == "pobj":
                    return c
            return None
        return self.subject_of(cue) or self._adjacent_name(cue) or self._participle_subject(cue)

    def _participle_subject(self, cue: Any) -> Any | None:
        """A participle opening its sentence ('Adding, "..."', 'Continuing: "..."') goes
        on from the sentence before: that sentence's main subject is the speaker."""
        sn = self.sent_of[cue.i]
        if cue.tag_ != "VBG" or sn == 0:
            return None
        if any(not (t.is_punct or t.is_space) for t in self.doc[self.sents.starts[sn]: cue.i]):
            return None
        root = self.sents[sn - 1].root
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubjpass") and not self.inside_quote(c) and self.mark_at(c.idx) is None:
                return c
        return None

    def _adjacent_name(self, cue: Any) -> Any | None:
        """The name right next to a quotation's cue when the parse gives the cue no
        subject ('"...," Police Chief Ann Lee said.', 'Said Lee: "..."'): the last word
        of a proper-name run ending just before the cue, or starting just after it."""
        doc = self.doc
        j = cue.i - 1
        if j >= 0 and doc[j].text == ")":  # 'Rep. Ann Lee (D-Ohio) said'
            while j >= 0 and doc[j].text != "(" and j > cue.i - 8:
                j -= 1
            j -= 1
        while j >= 0 and j > cue.i - 3 and doc[j].pos_ in ("ADV", "AUX", "PART"):
            j -= 1
        if j >= 0 and doc[j].pos_ == "PROPN" and not self.inside_quote(doc[j]) and self.mark_at(doc[j].idx) is None \
                and "\n" not in self.text[doc[j].idx: cue.idx]:
            return doc[j]
        k = cue.i + 1
        if k < len(doc) and doc[k].pos_ == "PROPN" and self.mark_at(doc[k].idx) is None and "\n" not in cue.whitespace_:
            while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN" and "\n" not in doc[k].whitespace_:
                k += 1
            return doc[k]
        return None

    def embedded_fragment(self, k: int) -> bool:
        """Whether quotation ``k`` is a quoted term or phrase: at most
        ``max_words_embedded_fragment`` words inside its clause (see ``_embedded``), not
        opening a sentence, not itself an exclamation or a question ("Stay there!"), and
        the only quotation of its sentence (quoted pieces coordinated in one sentence,
        'can "rock like Jimi" and "stir the pot"', are someone's words)."""
        m = self.marks[k]
        sent = self.sent_of[self.tok_at(m.start)]
        if any(0 <= j < len(self.marks) and self.sent_of[self.tok_at(self.marks[j].start)] == sent for j in (k - 1, k + 1)):
            return False
        body = self.text[m.start:m.end].rstrip(" \"\u201d\u2019'")
        if not self._embedded(m) or body.endswith(("!", "?")):
            return False
        if len(body.split()) > _mark_limits()["max_words_embedded_fragment"]:
            return False
        c = m.open_mark - 1  # a quotation after a full stop opens a sentence
        while c >= 0 and (self.text[c].isspace() or self.text[c] in _CLOSING_QUOTES):
            c -= 1
        return c >= 0 and self.text[c] not in _SENT_END

    def _embedded(self, m: MarkSpan) -> bool:
        """A quotation inside its clause: not opened after a comma, colon or dash, not a
        sentence of its own ("called her "disgusting"", "under "constant attack"")."""
        k = m.open_mark - 1
        while k >= 0 and self.text[k] in " \u00a0\t":
            k -= 1
        if k < 0 or self.text[k] in ",:;\n" or self.text[k] in _DASHES:
            return False
        body = self.text[m.start:m.end].rstrip(" \"\u201d\u2019'")
        return not (body[:1].isupper() and body.endswith(_SENT_END) and len(body.split()) > 3)


@lru_cache(maxsize=1)
def _mark_limits() -> dict[str, int]:
    """Word limits of the mark pass kept in ``cues.en.yaml`` (read once)."""
    d = load_data(data_path("quotes", "cues.en.yaml"))
    return {"max_words_embedded_fragment": int(d.get("max_words_embedded_fragment", 6))}
