"""Quote extraction from a parsed document: who said what.

Two passes over one spaCy ``Doc``:

1. **Cue clauses** (parse-driven): a cue verb of the lexicon with a complement clause
   (``ccomp``) gives an attribution whose content is the clause (with its ``that``);
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

from dataclasses import replace
from typing import Any

from newsledger.model import Quote
from newsledger.nlp.quotes.clauses import ClausePass
from newsledger.nlp.quotes.document import (
    _DASHES,
    _OBJECT_DEPS,
    _SENT_END,
    _VERB_POS,
    Attr,
)
from newsledger.nlp.quotes.lexicon import CueLexicon, load_lexicon
from newsledger.nlp.quotes.marks import MarkSpan


class _DocQuotes(ClausePass):
    """Both passes over one document."""

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
            if t.lower_ == "according":
                return t
        return None

    def _cue_after(self, m: MarkSpan) -> Any | None:
        end = m.after
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

    def mark_quotes(self, attrs: list[Attr]) -> list[Attr]:
        used = set().union(*(a.marks for a in attrs)) if attrs else set()
        out: list[Attr] = []
        n = len(self.marks)
        k = 0
        while k < n:
            m = self.marks[k]
            if k in used:
                k += 1
                continue
            cue = self._cue_after(m)
            if cue is not None and self._term_in_phrase(m):
                cue = None  # 'a pro-Clinton "super PAC," posited ...': a term, not the cue's words
            if cue is None:
                cue = self._cue_before(m)
                if cue is not None and self._embedded(m):
                    gov = self._governing_verb(m, used, cue)
                    if gov is not None:
                        out.append(gov)
                        k += 1
                        continue
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
            a = Attr(frags=list(m.pieces), cue=cue, speaker=speaker, marks={k}, how="mark" if cue is not None else "mark:uncued")
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
        touched = {k for k, mm in enumerate(self.marks) if mm.start < e and mm.end > s and k not in used}
        for k in touched:
            s, e = min(s, self.marks[k].start), max(e, self.marks[k].end)
        used |= touched
        return Attr(frags=[(s, e)], cue=verb, speaker=speaker, marks=touched, how="governing-verb")

    def merge_splits(self, attrs: list[Attr]) -> list[Attr]:
        """Split quotes: a quotation with no cue of its own that follows, in the same
        paragraph, a quotation attributed by the cue standing between them
        ('"A," he said. "B."') is a fragment of the same quote."""
        by_mark: dict[int, Attr] = {}
        out: list[Attr] = []
        for a in sorted(attrs, key=lambda x: x.start):
            ks = sorted(a.marks)
            if len(ks) == 1 and ks[0] - 1 in by_mark and a.frags == list(self.marks[ks[0]].pieces):
                p = by_mark[ks[0] - 1]
                prev_m, m = self.marks[ks[0] - 1], self.marks[ks[0]]
                gap_start = prev_m.after if prev_m.close_mark is not None else prev_m.end + 1
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

    def words(self, a: Attr) -> int:
        return sum(len(self.text[s:e].split()) for s, e in a.frags)

    def is_headline(self, a: Attr) -> bool:
        """A quotation that is a whole line without sentence punctuation: a title."""
        s, e = a.start, a.end
        line_start = self.text.rfind("\n", 0, s) + 1
        line_end = self.text.find("\n", e)
        line_end = len(self.text) if line_end < 0 else line_end
        rest = (self.text[line_start:s] + self.text[e:line_end]).strip(" \"“”'’.")
        return not rest and not self.text[s:e].rstrip(" \"”’'").endswith(_SENT_END)

    def is_title(self, a: Attr) -> bool:
        """A quoted title of a show or work ("told ABC's "Good Morning America"",
        "on Fox News's "Hannity,""): one short quotation in title case, with no
        sentence punctuation, after a possessive or a title-introducing word."""
        if len(a.frags) != 1 or len(a.marks) != 1:
            return False
        s, e = a.frags[0]
        m = self.marks[next(iter(a.marks))]
        content = self.text[s:e].strip(" ,’'")
        words = content.split()
        if not words or len(words) > self.lex.max_words_title or not all(
                w[0].isupper() or not w[0].isalpha() or w.lower() in self.lex.title_small_words for w in words):
            return False
        j = self.tok_at(m.open_mark) - 1
        before = self.doc[j] if j >= 0 else None
        # a name used as a word of its sentence: after a word, not after , : or a dash
        in_phrase = before is not None and before.is_alpha and before.pos_ not in _VERB_POS and self._embedded(m)
        # after a possessive ("WTMJ's", also when tokenised as one word) or a word such as
        # "movie" or "program" the quotation is a title, whatever its punctuation
        named = before is not None and (before.tag_ == "POS" or before.lower_ in self.lex.title_preceders
                                        or before.text.endswith(("\u2019s", "'s")))
        # or set off by a comma after such a word ("in his book, "A Life,"")
        named = named or (before is not None and before.text == "," and j > 0
                          and self.doc[j - 1].lower_ in self.lex.title_preceders)
        if content.endswith(".") and in_phrase and not content.endswith(".."):
            content = content[:-1]  # the sentence's own full stop inside the marks
        if content.endswith(_SENT_END) and not named:
            return False
        if named:
            return True
        if in_phrase:
            return True
        # or a name modifying the noun right after it ('the "Avatar" star')
        if m.close_mark is None:
            return False
        after = m.after
        k = self.tok_at(after)
        while k < len(self.doc) and self.doc[k].idx < after:
            k += 1
        return k < len(self.doc) and self.doc[k].pos_ in ("NOUN", "PROPN") and self.doc[k].idx == after + 1 \
            and self.text[after] == " "

    def sentence_initial(self, a: Attr) -> bool:
        t = self.tok_at(a.start)
        sent = self.sents[self.sent_of[t]]
        return all(x.is_punct or x.is_space for x in self.doc[sent.start: t])


def _clean(text: str) -> str:
    return " ".join(text.replace("“", "").replace("”", "").replace('"', "").split())


def extract(doc: Any, doc_actors: Any, article_id: str, lex: CueLexicon | None = None,
            trace: list[str] | None = None) -> list[Quote]:
    """All attributions of one parsed document, speakers resolved (see module doc).
    ``trace``, when given, receives for each quote the construction that found it."""
    lex = lex or load_lexicon()
    dq = _DocQuotes(doc, doc_actors, lex)
    attrs = dq.cue_clauses()
    attrs += dq.mark_quotes(attrs)
    attrs = dq.merge_splits(attrs)
    quotes: list[Quote] = []
    prev: Attr | None = None
    last: Attr | None = None  # the attribution of quotes[-1]
    for a in attrs:
        cue_found = a.cue is not None
        share = min(dq.quoted_share(s, e) for s, e in a.frags) if a.frags else 0.0
        kind = "direct" if share >= 0.9 else "partial" if share > 0 else "indirect"
        if kind == "direct" and dq.is_title(a):
            continue
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
        if a.inherited and prev is not None and last is prev and quotes and _continues(dq, prev, a, lex):
            # a quotation paragraph with no cue of its own after a quoted attribution is
            # more of the same attribution ('"A," X said. / "B."'): one quote, more fragments
            prev.frags.extend(a.frags)
            prev.marks |= a.marks
            q = quotes[-1]
            quotes[-1] = replace(q, end=a.end, fragments=tuple(prev.frags),
                                 text=q.text + " … " + " … ".join(_clean(dq.text[s:e]) for s, e in a.frags))
            continue
        if a.speaker is not None and not a.inherited:
            prev_sent = dq.sent_of[dq.tok_at(max(prev.start, prev.end - 1))] if prev is not None else None
            a.actor = dq.res.resolve(a.speaker, prev.actor if prev else None, prev_sent, kind != "indirect")
        if a.speaker is None and a.actor is None and (not cue_found or (
                kind == "direct" and dq.words(a) <= lex.max_words_scare)):
            continue  # no speaker: a short quotation with a cue like "so-called" is a name
        spk_text = dq.res.speaker_text(a.speaker) if a.speaker is not None else None
        if spk_text is not None and spk_text.lower() in lex.non_speakers and a.actor is None:
            spk_text = None
        spk_span = dq.res.speaker_span(a.speaker) if a.speaker is not None and spk_text is not None else (None, None)
        text = " … ".join(_clean(dq.text[s:e]) for s, e in a.frags)
        cue = a.cue.text if a.cue is not None else None
        if a.cue is not None and a.cue.lemma_.lower() == "accord":
            cue = "according to"
        quotes.append(Quote(
            id=f"{article_id}:q{len(quotes) + 1}", article_id=article_id, speaker_id=a.actor,
            speaker_text=spk_text, text=text, start=a.start, end=a.end, kind=kind,  # type: ignore[arg-type]
            cue=cue, fragments=tuple(a.frags), speaker_start=spk_span[0], speaker_end=spk_span[1],
        ))
        if trace is not None:
            trace.append(a.how)
        last = a
        if a.actor is not None or a.speaker is not None:
            prev = a
    return quotes


def _continues(dq: _DocQuotes, prev: Attr, a: Attr, lex: CueLexicon) -> bool:
    """Whether uncued quotation ``a`` continues attribution ``prev``: ``prev`` ends in a
    quotation, ``a`` opens its sentence (a quotation inside narration, "... wearing a
    shirt that read "...", is not more of the speech), and at most
    ``max_gap_continuation`` characters of narration (its cue) stand between them."""
    if not prev.marks or a.start <= prev.end or not dq.sentence_initial(a):
        return False
    last_mark = dq.marks[max(prev.marks)]
    if last_mark.end < prev.end - 2:
        return False
    return a.start - prev.end <= lex.max_gap_continuation


def _previous_subject(dq: _DocQuotes, a: Attr, prev: Attr | None) -> Any | None:
    """The person subject of the sentence before an uncued quotation, if that sentence
    is narration (holds no quotation): 'The minister also looked pleased. "..."'."""
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
