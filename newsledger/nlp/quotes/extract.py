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

The passes are mixins over ``DocBase`` (``document.py``): pass 1 is ``ClausePass``
(``clauses.py`` with ``content.py``, ``stance.py``, ``according.py``, ``colons.py``),
pass 2 ``QuotationPass`` (``quotations.py`` with ``mark_cues.py``), the non-speech
tests ``QuoteFilters`` (``filters.py``); this module assembles the ``Quote`` records.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from newsledger.model import Quote
from newsledger.nlp.quotes.asides import without_trailing_aside
from newsledger.nlp.quotes.clauses import ClausePass
from newsledger.nlp.quotes.document import Attr
from newsledger.nlp.quotes.filters import QuoteFilters
from newsledger.nlp.quotes.lexicon import CueLexicon, load_lexicon
from newsledger.nlp.quotes.quotations import QuotationPass


class _DocQuotes(ClausePass, QuotationPass, QuoteFilters):
    """Both passes over one document."""


def _clean(text: str) -> str:
    """Quote text as reported: double quotation marks dropped, whitespace collapsed."""
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
        if dq.in_editorial_note(a):
            continue
        if a.speaker is not None and a.speaker.lemma_.lower() in lex.inscription_nouns:
            continue  # "a shirt that read "..."": a slogan worn or carried, nobody's statement
        cue_found = a.cue is not None
        share = min(dq.quoted_share(s, e) for s, e in a.frags) if a.frags else 0.0
        kind = "direct" if share >= 0.9 else "partial" if share > 0 else "indirect"
        if kind == "indirect" and cue_found:
            _cut_trailing_aside(dq, a)
        if kind == "direct" and dq.is_title(a):
            continue
        if a.how == "governing-verb" and dq.quotes_only_a_title(a):
            continue
        if not cue_found:
            w = dq.words(a)
            if w <= lex.max_words_scare or dq.is_headline(a):
                continue
            if len(a.marks) == 1 and dq.embedded_fragment(next(iter(a.marks))):
                continue  # a quoted term inside narration ('a "lasting and durable" deal')
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
                if subj is not None and prev is not None and prev.speaker is not None and subj.i == prev.speaker.i:
                    # the sentence before is the previous quotation's own attribution
                    # ('"A!" he tweeted on Sunday. / "B."'): the same speaker goes on
                    a.actor, a.speaker, a.inherited = prev.actor, prev.speaker, True
                elif subj is not None:
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


def _cut_trailing_aside(dq: _DocQuotes, a: Attr) -> None:
    """Cut a writer's trailing aside off the last fragment of reported content (``asides.py``)."""
    s, e = a.frags[-1]
    first, last = dq.tok_at(s), dq.tok_at(max(s, e - 1))
    keep = without_trailing_aside(dq.doc, first, last)
    if keep is not None:
        tok = dq.doc[keep]
        a.frags[-1] = (s, tok.idx + len(tok.text))


def _continues(dq: _DocQuotes, prev: Attr, a: Attr, lex: CueLexicon) -> bool:
    """Whether uncued quotation ``a`` continues attribution ``prev``: ``prev`` ends in a
    quotation, ``a`` opens its sentence or its paragraph (a quotation inside narration,
    "... wearing a shirt that read "...", is not more of the speech), and at most
    ``max_gap_continuation`` characters of narration (its cue) stand between them."""
    if not prev.marks or a.start <= prev.end or not (
            dq.sentence_initial(a) or (_opens_paragraph(dq, a) and _next_paragraph(dq, prev, a))):
        return False
    last_mark = dq.marks[max(prev.marks)]
    if last_mark.end < prev.end - 2:
        return False
    return a.start - prev.end <= lex.max_gap_continuation


def _opens_paragraph(dq: _DocQuotes, a: Attr) -> bool:
    """Whether the quotation of ``a`` opens its paragraph (the parse may run the sentence
    before it across the paragraph break)."""
    if not a.marks:
        return False
    at = dq.marks[min(a.marks)].open_mark
    return not dq.text[dq.text.rfind("\n", 0, at) + 1: at].strip()


def _next_paragraph(dq: _DocQuotes, prev: Attr, a: Attr) -> bool:
    """Whether ``a`` opens the paragraph right after the one ``prev`` ends in (no line of
    other text, a caption, in between) and ``prev`` has a speech verb (quotations
    signed with a dash and a name are a list of voices, one a paragraph)."""
    if prev.cue is None or prev.cue.lemma_.lower() not in dq.lex.speech:
        return False
    gap = dq.text[prev.end: dq.marks[min(a.marks)].open_mark] if a.marks else "\n"
    lines = gap.split("\n")
    return len(lines) > 1 and not any(line.strip() for line in lines[1:])


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
