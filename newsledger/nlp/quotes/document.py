"""The document under quote extraction: quotation marks, sentences, token helpers,
cue subjects, and the attribution record both passes build (see ``extract.py``)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.parts_of_speech import AUX, CCONJ, PUNCT, VERB

from newsledger.nlp import doc_text
from newsledger.nlp.quotes.columns import TokenColumns
from newsledger.nlp.quotes.lexicon import CueLexicon
from newsledger.nlp.quotes.marks import MarkSpan, find_mark_spans
from newsledger.nlp.quotes.speakers import SpeakerResolver

_VERB_POS = frozenset({"VERB", "AUX"})
_CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp"})
_RELATIVE = frozenset({"who", "that", "which"})
_SENT_END = (".", "!", "?", "…")
_INVERTED_DEPS = frozenset({"dobj", "npadvmod", "attr", "appos", "nsubj", "dative"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "VB"})
_OBJECT_DEPS = frozenset({"dobj", "prep", "oprd", "xcomp", "ccomp", "attr", "acomp", "dative", "advcl"})
_NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_OBJECT_PREPS = frozenset({"for", "as", "over", "about", "of", "on", "to"})
_DASHES = ("\u2015", "\u2014", "\u2013", "-")
_WH_TAGS = frozenset({"WRB", "WP", "WDT", "WP$"})
_STOP_TEXTS = (",", ";", "--", "\u2014", "\u2013")
_STOP_RE = re.compile("[,;\u2014\u2013]|--")
_NON_ALNUM = re.compile(r"[\W_]+")
_QUOTE_CHARS = frozenset("\"'\u201c\u201d\u2018\u2019`\u00ab\u00bb")
_TENSE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def tense_tag(verb: Any) -> str:
    """The tag that carries a verb's tense: its first auxiliary's, else its own."""
    for c in verb.children:
        if c.i > verb.i:
            break
        if c.dep_ in ("aux", "auxpass"):
            return str(c.tag_)
    return str(verb.tag_)


def continues_outer_verb(conj: Any, outer: Any) -> bool:
    """Whether ``conj``, a predicate the parse coordinates with a verb inside the content
    of ``outer`` ("announced it would seek a recount and vowed to ..."), rather continues
    ``outer``'s clause: it has no subject of its own, and its tense (of its first
    auxiliary, else its own) is ``outer``'s and not that of the verb it hangs on. A
    conjunct of a relative clause shares the relative subject and stays ("rates that
    rise ... and include ..."); where both tenses agree ("said he was tired and wanted a
    break") the conjunct stays with the content."""
    if conj.dep_ != "conj" or conj.pos_ not in _VERB_POS or conj.head.dep_ in ("relcl", "acl"):
        return False
    form = tense_tag(conj)
    if form not in _TENSE_TAGS or form != tense_tag(outer) or tense_tag(conj.head) == form:
        return False
    return not any(c.dep_ in _SUBJECT_DEPS for c in conj.children)


@dataclass
class Attr:
    """An attribution under construction."""

    frags: list[tuple[int, int]]
    cue: Any | None
    speaker: Any | None  # speaker token
    actor: str | None = None
    marks: set[int] = field(default_factory=set)
    inherited: bool = False
    how: str = ""  # which construction found it (for error analysis)

    @property
    def start(self) -> int:
        return self.frags[0][0]

    @property
    def end(self) -> int:
        return self.frags[-1][1]


class DocBase:
    """One parsed document with its quotation marks, sentences and speaker resolver."""

    def __init__(self, doc: Any, doc_actors: Any, lex: CueLexicon) -> None:
        self.doc = doc
        self.text: str = doc_text(doc)
        self.lex = lex
        self.marks: list[MarkSpan] = find_mark_spans(self.text)
        self.mark_starts = [m.open_mark for m in self.marks]
        self.mark_ends = [m.after for m in self.marks]  # right after each closing mark
        # the quoted contents' bounds: in text order, one quotation after the other
        self._content_starts = [m.start for m in self.marks]
        self._content_ends = [m.end for m in self.marks]
        self.cols = TokenColumns(doc)  # the token attributes read as columns, once
        self.tok_idx: list[int] = self.cols.idx.tolist()
        self.res = SpeakerResolver(doc, doc_actors, lex, text=self.text, tok_idx=self.tok_idx, cols=self.cols)
        # (a closure over the lists, not over self: no reference cycle to keep documents alive)
        self.res.quoted = _quoted_test(self.tok_idx, self.mark_starts, self.mark_ends)
        self.sent_of = self.res.sent_of
        self.sents = self.res.sents
        self._comps: dict[int, list[int]] | None = None  # complement clauses by head (clauses.py)
        self._conjs: list[int] | None = None  # indices of conjuncts (content.py)
        self._conj_kids: dict[int, list[int]] = {}  # conjuncts by head
        self._subjects: dict[int, Any | None] = {}  # subject_of by cue index
        self._pos: list[int] | None = None  # coarse part-of-speech ids, read once
        self._tag: list[int] = []  # fine tag hashes, read with them
        self._shares: dict[tuple[int, int], float] = {}  # quoted_share by span
        self._alnum: Any | None = None  # alphanumeric characters before each offset (alnum_count)

    # -- helpers ---------------------------------------------------------------
    def mark_at(self, char: int) -> int | None:
        """Index of the quotation whose marks enclose ``char`` (marks included)."""
        k = bisect_right(self.mark_starts, char) - 1
        if k < 0:
            return None
        return k if char < self.mark_ends[k] else None

    def marks_over(self, start: int, end: int) -> set[int]:
        """Indices of the quotations whose content overlaps chars [start, end): the
        quotations follow one another, so those are one run, found by bisection."""
        return set(range(bisect_right(self._content_ends, start), bisect_left(self._content_starts, end)))

    def widen_to_marks(self, start: int, end: int) -> tuple[int, int, set[int]]:
        """Chars [start, end) widened to whole quotations (a quotation begun in the span runs
        to its closing mark), and the indices of those quotations."""
        touched = self.marks_over(start, end)
        for k in touched:
            start, end = min(start, self.marks[k].start), max(end, self.marks[k].end)
        return start, end, touched

    def tok_at(self, char: int) -> int:
        return max(0, bisect_right(self.tok_idx, char) - 1)

    def quoted_share(self, start: int, end: int) -> float:
        """Share of the alphanumeric characters of [start, end) that lie inside quotation marks."""
        key = (start, end)
        share = self._shares.get(key)
        if share is None:
            share = self._shares[key] = self._quoted_share(start, end)
        return share

    def _quoted_share(self, start: int, end: int) -> float:
        total = self.alnum_count(start, end)
        if not total:
            return 0.0
        quoted = 0
        k = max(0, bisect_right(self.mark_starts, start) - 1)  # marks before that one end before start
        for m in self.marks[k:]:
            if m.start >= end:
                break
            for s, e in m.pieces:
                if s < end and e > start:
                    quoted += self.alnum_count(max(s, start), min(e, end))
        return quoted / total

    def alnum_count(self, start: int, end: int) -> int:
        """The number of alphanumeric characters (``_NON_ALNUM`` left out) in
        ``text[start:end]``, from prefix counts over the text (built once)."""
        if start < 0 or end < 0:
            return len(_NON_ALNUM.sub("", self.text[start:end]))
        if self._alnum is None:
            self._alnum = _alnum_prefix(self.text)
        n = len(self.text)
        start, end = min(start, n), min(end, n)
        return int(self._alnum[end]) - int(self._alnum[start]) if end > start else 0

    def subject_of(self, cue: Any, depth: int = 0) -> Any | None:
        """The speaker token of a cue: its subject (outside quotation marks, in the cue's
        paragraph), an inverted subject ("said X"), or the subject of the verb it hangs on
        ("..., saying", "by declaring that"). A passive cue ("it was revealed that", "X is
        expected to") has only its ``by`` agent as speaker, if any."""
        if depth == 0:  # the same cue is asked about by several constructions: once per cue
            if cue.i not in self._subjects:
                self._subjects[cue.i] = self._subject_of(cue, 0)
            return self._subjects[cue.i]
        return self._subject_of(cue, depth)

    def _subject_of(self, cue: Any, depth: int) -> Any | None:
        """``subject_of`` computed."""
        if cue.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in cue.children):
            for c in cue.children:
                if c.dep_ == "agent":
                    return next((g for g in c.children if g.dep_ == "pobj"), None)
            return None
        for c in cue.children:
            if c.dep_ == "nsubj" and not self.inside_quote(c) and c.ent_type_ not in ("DATE", "TIME"):
                if c.lower_ in _RELATIVE and cue.dep_ == "relcl":
                    return cue.head
                return self._same_paragraph(c, cue)
        if depth == 0 and cue.tag_ in _FINITE_TAGS:  # inversion: '"...," said X' (never "saying X")
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
                    and self.doc[j].ent_type_ not in _NOT_SPEAKER_ENTS \
                    and "\n" not in self.text[self.doc[j].idx: cue.idx]:
                return self.doc[j]
        if (depth < 3 and cue.dep_ == "conj" and cue.head.dep_ in ("ccomp", "xcomp")
                and continues_outer_verb(cue, cue.head.head)):
            return self.subject_of(cue.head.head, depth + 1)  # "X announced it would ... and vowed to ..."
        if depth < 3 and cue.dep_ in _CLIMB_DEPS and cue.head.i != cue.i:
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
        """Char span of tokens lo..hi (inclusive) without leading and trailing punctuation
        (a leading complementizer 'that' stays: PolNeAR-style contents include it)."""
        doc = self.doc
        while lo <= hi:
            t = doc[lo]
            if not (t.is_punct or t.is_space) or t.is_quote:
                break
            lo += 1
        last = None
        while hi >= lo:
            last = doc[hi]
            if not (last.is_punct or last.is_space) or last.is_quote:
                break
            hi -= 1
        if hi < lo or last is None:
            return None
        return doc[lo].idx, last.idx + len(last.text)

    def cut_tail(self, lo: int, hi: int, cue_i: int) -> int:
        """The last token of content lo..hi once trailing asides are cut off: a
        semicolon, a dash or a comma (outside quotation marks) that opens a
        non-restrictive relative clause, an apposition or a participial or concessive
        adverbial ("..., which forced her to leave", "..., the latest chapter in ...",
        "..., arguing that ..."); and the paragraphs the cue is not in."""
        doc = self.doc
        if cue_i < lo:  # a paragraph break after the content's start ends it
            brk = self.text.find("\n", self.tok_idx[lo], self.tok_idx[hi])
            if brk >= 0:
                hi = max(lo, self.tok_at(brk) - (1 if doc[self.tok_at(brk)].idx >= brk else 0))
        cut_deps = self.lex.cut_deps
        for j in self.stop_tokens(lo + 1, hi):
            t = doc[j]
            if t.text in (";", "--", "—", "–") or (t.text == "," and j + 1 <= hi):
                end = j - 1  # the content's last token if it is cut here
                if self.mark_at(t.idx) is not None:
                    # a comma inside the closing mark ('... "wrapped up by June," referring
                    # to ...') ends the quotation's clause as one outside it would
                    if not (t.text == "," and j + 2 <= hi and doc[j + 1].is_quote
                            and self.mark_at(doc[j + 1].idx) == self.mark_at(t.idx)
                            and self.mark_at(doc[j + 2].idx) is None):
                        continue
                    j, end = j + 1, j + 1
                if t.text == ";" or t.text in ("--", "—", "–"):
                    if j - lo >= 2:
                        return end
                    continue
                k = doc[j + 1]
                h = k
                while h.head.i != h.i and h.head.left_edge.i == k.i and lo <= h.head.i <= hi:
                    h = h.head
                dep = h.dep_
                if dep in cut_deps and (dep != "advcl" or h.tag_ in ("VBG", "VBN")
                                         or any(c.dep_ == "mark" and c.lower_ in self.lex.cut_marks for c in h.children)):
                    if dep == "relcl" and k.lower_ not in ("which", "who", "whose", "whom"):
                        continue
                    if j - lo >= 2:
                        return end
        return hi

    def stop_tokens(self, lo: int, hi: int) -> list[int]:
        """Indices of the tokens among lo..hi-1 that can end a content (commas,
        semicolons, dashes), found in the text rather than token by token."""
        if hi <= lo:
            return []
        out: list[int] = []
        tok_idx = self.tok_idx
        end = tok_idx[hi] if hi < len(tok_idx) else len(self.text)  # a span up to the last token
        for hit in _STOP_RE.finditer(self.text, tok_idx[lo], end):
            k = bisect_right(tok_idx, hit.start()) - 1
            if tok_idx[k] == hit.start() and (not out or out[-1] != k):
                out.append(k)
        return out

    def end_without_conjunction(self, lo: int, hi: int) -> int:
        """The last token of lo..hi once a dangling coordinator or punctuation mark (not a
        quotation mark) at its end is dropped ("..., and" where the parse ends a clause)."""
        pos = self._pos_tags()[0]
        text, tok_idx = self.text, self.tok_idx
        while hi > lo and (pos[hi] == CCONJ or (pos[hi] == PUNCT and text[tok_idx[hi]] not in _QUOTE_CHARS)):
            hi -= 1
        return hi

    def _pos_tags(self) -> tuple[list[int], list[int]]:
        """The coarse part-of-speech ids and fine tag hashes of the tokens (read once)."""
        if self._pos is None:
            self._pos, self._tag = self.cols.pos_list(), self.cols.tag.tolist()
        return self._pos, self._tag

    def has_verb(self, lo: int, hi: int, finite: bool = False) -> bool:
        """Whether tokens lo..hi hold a verb (``finite``: a finite verb or modal)."""
        pos, tags = self._pos_tags()
        if finite:
            keys = _finite_tag_keys(self.doc.vocab)
            return any(t in keys for t in tags[lo: hi + 1])
        return any(p == VERB or p == AUX for p in pos[lo: hi + 1])

    def cut_head(self, lo: int, hi: int, cue_i: int) -> int:
        """The first token of content lo..hi that precedes its cue: content before a
        paragraph break belongs to another paragraph (a dateline, a time stamp)."""
        if cue_i <= hi:
            return lo
        doc = self.doc
        brk = self.text.rfind("\n", self.tok_idx[lo], self.tok_idx[hi])
        if brk < 0:
            return lo
        k = self.tok_at(brk) + 1
        while k <= hi and doc[k].is_space:
            k += 1
        return k if k <= hi else lo

    def conjuncts(self, lo: int, hi: int) -> list[int]:
        """Indices of the tokens among lo..hi attached as ``conj`` (DEP and HEAD read once)."""
        if self._conjs is None:
            self._read_conjuncts()
        conjs = self._conjs or []
        return conjs[bisect_left(conjs, lo): bisect_right(conjs, hi)]

    def conjuncts_of(self, head: int) -> list[int]:
        """Indices of the conjuncts attached to token ``head``."""
        if self._conjs is None:
            self._read_conjuncts()
        return self._conj_kids.get(head, [])

    def _read_conjuncts(self) -> None:
        self._conjs, self._conj_kids = [], {}
        if len(self.doc):
            arr = self.cols.dep_head.astype(np.int64)
            idx = np.flatnonzero(arr[:, 0] == np.int64(self.doc.vocab.strings.add("conj")))
            self._conjs = idx.tolist()
            for k, h in zip(self._conjs, (idx + arr[idx, 1]).tolist(), strict=True):
                self._conj_kids.setdefault(h, []).append(k)

    def inside_quote(self, tok: Any) -> bool:
        k = self.mark_at(tok.idx)
        return k is not None and self.marks[k].open_mark != tok.idx and (self.marks[k].close_mark != tok.idx)

    def candidates(self) -> list[int]:
        """Indices of tokens whose lemma is a cue verb or a source preposition word."""
        if not len(self.doc):
            return []
        keys, low = _hashes(self.doc.vocab, self.lex)
        lemma, lower = self.cols.lemma, self.cols.lower
        # the low bits of the hashes sift out nearly every token at once; the few left
        # are checked in full
        maybe = np.flatnonzero(low[self.cols.low_bits(lemma)] | low[self.cols.low_bits(lower)])
        return [i for i, a, b in zip(maybe.tolist(), lemma[maybe].tolist(), lower[maybe].tolist(), strict=True)
                if a in keys or b in keys]


def _quoted_test(tok_idx: list[int], starts: list[int], ends: list[int]) -> Any:
    """A function telling whether token i lies inside quotation marks (marks included)."""

    def quoted(i: int) -> bool:
        char = tok_idx[i]
        k = bisect_right(starts, char) - 1
        if k < 0:
            return False
        return char < ends[k]

    return quoted


@lru_cache(maxsize=1)
def _bmp_alnum() -> Any:
    """Whether each character of the Basic Multilingual Plane is alphanumeric (a word
    character other than "_"), as a table (built once); wider characters are looked up one
    by one."""
    return np.array([chr(c).isalnum() for c in range(0x10000)], dtype=bool)


def _alnum_prefix(text: str) -> Any:
    """Counts of the alphanumeric characters of ``text`` before each offset (0..len), as an
    int64 array: what ``len(_NON_ALNUM.sub("", text[a:b]))`` counts, for any a <= b."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    alnum = _bmp_alnum()[np.minimum(codes, 0xFFFF)]
    wide = np.flatnonzero(codes > 0xFFFF)
    if wide.size:
        alnum[wide] = [chr(c).isalnum() for c in codes[wide].tolist()]
    out = np.zeros(len(codes) + 1, dtype=np.int64)
    np.cumsum(alnum, out=out[1:])
    return out


def _distance(a: Attr) -> int:
    ci = a.cue.idx if a.cue is not None else 0
    return min(abs(ci - a.start), abs(ci - a.end))


_FINITE_TAGS_AND_MODALS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_FINITE_KEYS: dict[int, frozenset[int]] = {}


def _finite_tag_keys(vocab: Any) -> frozenset[int]:
    """Hashes of the finite verb and modal tags in this vocab (built once)."""
    key = id(vocab)
    if key not in _FINITE_KEYS:
        _FINITE_KEYS[key] = frozenset(vocab.strings.add(t) for t in _FINITE_TAGS_AND_MODALS)
    return _FINITE_KEYS[key]


_HASHES: dict[tuple[int, int], tuple[frozenset[int], Any]] = {}
_LOW_MASK = np.uint64(0xFFFF)


def _hashes(vocab: Any, lex: CueLexicon) -> tuple[frozenset[int], Any]:
    """Hashes of the cue lemmas (and 'accord'/'per') in this vocab, and a table by the low 16
    bits of a hash telling whether any of them ends in those bits."""
    key = (id(vocab), id(lex))
    if key not in _HASHES:
        words = set(lex.speech) | set(lex.belief) | set(lex.object_content) | set(lex.xcomp_content) | set(lex.prep_content) | set(lex.passive_evidential) | {w for p in lex.source_preps for w in p[:1]} | {"accord"}
        words |= {w.capitalize() for w in words}
        hashes = frozenset(vocab.strings.add(w) for w in words)
        low = np.zeros(int(_LOW_MASK) + 1, dtype=bool)
        low[[h & int(_LOW_MASK) for h in hashes]] = True
        _HASHES[key] = (hashes, low)
    return _HASHES[key]
