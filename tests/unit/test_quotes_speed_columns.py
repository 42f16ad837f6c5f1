"""The quote stage's column reads and search shortcuts give what the plain expressions
they replace gave (sentences written for these tests)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, POS, SENT_START, TAG

_TEXT = ("The mayor said on Monday that \"the plan isn't ready\" and added: ''We'll wait.''\n"
         "RIVERA: \u201cNo deal \u2014 not now,\u201d she said, although \u00abtalks\u00bb go on.\n"
         "Once again, the council_member (\u00e9lu) said 3\u00bd times: \"Because we can.\"\n")


def _doc_quotes(resources: Any, text: str = _TEXT) -> Any:
    from newsledger.nlp.actors import resolve_actors
    from newsledger.nlp.quotes.extract import _DocQuotes
    from newsledger.nlp.quotes.lexicon import load_lexicon

    doc = resources.nlp(text)
    return _DocQuotes(doc, resolve_actors(doc, resources.kb, None, "a"), load_lexicon())


def test_token_columns_are_the_to_array_columns(nlp: Any) -> None:
    from newsledger.nlp.quotes.columns import TokenColumns

    doc = nlp(_TEXT)
    cols = TokenColumns(doc)
    for attr, col in ((IDX, cols.idx), (SENT_START, cols.sent_start), (DEP, cols.dep), (HEAD, cols.head),
                      (POS, cols.pos), (TAG, cols.tag), (LEMMA, cols.lemma), (LOWER, cols.lower)):
        assert col.tolist() == doc.to_array([attr]).reshape(-1).tolist()
    assert cols.dep_head.tolist() == doc.to_array([DEP, HEAD]).tolist()
    assert TokenColumns(nlp("")).idx.tolist() == []


def test_alnum_count_is_the_regex_count(resources: Any) -> None:
    from newsledger.nlp.quotes.document import _NON_ALNUM, _alnum_prefix

    dq = _doc_quotes(resources)
    text = dq.text
    n = len(text)
    for a in range(0, n + 3, 3):
        for b in range(0, n + 5, 5):
            assert dq.alnum_count(a, b) == len(_NON_ALNUM.sub("", text[a:b])), (a, b)
    odd = "a_b \u00fc 2\u00b2 \u00bd \ud800x \u2014\u201c\u201d\u2019 \u0663 \u4e2d\u6587 e\u0301"
    prefix = _alnum_prefix(odd)
    assert [int(prefix[i]) for i in range(len(odd) + 1)] == [len(_NON_ALNUM.sub("", odd[:i])) for i in range(len(odd) + 1)]


def test_marks_over_is_the_scan_of_all_marks(resources: Any) -> None:
    dq = _doc_quotes(resources)
    assert len(dq.marks) >= 4
    n = len(dq.text)
    for s in range(0, n + 2, 2):
        for e in range(0, n + 2, 3):
            assert dq.marks_over(s, e) == {k for k, m in enumerate(dq.marks) if m.start < e and m.end > s}


@pytest.mark.parametrize("text", [_TEXT, "'''a'' \"b\" ''", "\u201e''\u201c\"\u00ab", "", "x'y'z", "''\n''"])
def test_mark_hits_are_the_regex_matches(text: str) -> None:
    from newsledger.nlp.quotes.marks import _mark_hits, _mark_re

    assert _mark_hits(text) == [(m.start(), m.group()) for m in _mark_re().finditer(text)]


@pytest.mark.parametrize("text", [_TEXT, "A: b\nC: d\n", "\nX: y", "X:  \n: z\nQ: r\n", "", "\n\n", "no colon here"])
def test_colon_lines_tried_at_line_starts_are_the_search(text: str) -> None:
    from newsledger.nlp.quotes.colons import _COLON_LINE, _line_matches

    assert [m.span() for m in _line_matches(_COLON_LINE, text)] == [m.span() for m in _COLON_LINE.finditer(text)]


def test_word_pattern_lookahead_changes_no_match() -> None:
    from newsledger.nlp.quotes.lexicon import load_lexicon
    from newsledger.nlp.quotes.stance import _word_re

    lex = load_lexicon()
    text = _TEXT + " AS Once-again; WHILE whilst at\u00a0during In on: ONCE"
    for words in (lex.adverbial_marks, lex.adjunct_preps, frozenset({"as", "at"})):
        alts = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
        plain = re.compile(rf"(?i)\b(?:{alts})\b")
        for lo in range(0, len(text), 7):
            for hi in (len(text), lo + 15, lo + 40):
                assert ([m.span() for m in _word_re(words).finditer(text, lo, hi)]
                        == [m.span() for m in plain.finditer(text, lo, hi)])


def test_candidates_are_the_sorted_hash_search(resources: Any) -> None:
    from newsledger.nlp.quotes.document import _hashes

    dq = _doc_quotes(resources)
    keys = np.array(sorted(_hashes(dq.doc.vocab, dq.lex)[0]), dtype=np.uint64)
    arr = dq.doc.to_array([LEMMA, LOWER])
    hit = np.zeros(len(arr), dtype=bool)
    for col in (arr[:, 0], arr[:, 1]):
        pos = np.minimum(np.searchsorted(keys, col), len(keys) - 1)
        hit |= keys[pos] == col
    assert dq.candidates() == np.flatnonzero(hit).tolist()
    assert len(dq.candidates()) >= 3
