"""Second round of quote-stage shortcuts: each gives what the plain computation it replaces
gave (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import numpy as np

_TEXT = ("Serbian President Aleksandar Vucic met Albin Kurti, Kosovo's prime minister, on Monday.\n"
         "The mayor of Phoenix, Kate Gallego, and Secretary of State Marco Diaz spoke later.\n"
         "\u201cWe will build the road,\u201d the president said. The prime minister disagreed.\n"
         "A report released by the institute said costs rose. The report also said rents fell.\n")


def _doc_quotes(resources: Any, text: str = _TEXT) -> Any:
    from newsledger.nlp.actors import resolve_actors
    from newsledger.nlp.quotes.extract import _DocQuotes
    from newsledger.nlp.quotes.lexicon import load_lexicon

    doc = resources.nlp(text)
    return _DocQuotes(doc, resolve_actors(doc, resources.kb, None, "a"), load_lexicon())


def test_low_bits_are_read_once_and_sift_like_the_column(nlp: Any) -> None:
    from newsledger.nlp.quotes.columns import TokenColumns, tokens_with

    doc = nlp(_TEXT)
    cols = TokenColumns(doc)
    low = cols.low_bits(cols.lemma)
    assert low is cols.low_bits(cols.lemma)
    assert low.tolist() == (cols.lemma & np.uint64(0xFFFF)).astype(np.intp).tolist()
    words = frozenset({"say", "report", "minister"})
    plain = [t.i for t in doc if t.lemma_ in words]
    assert plain and tokens_with(cols.lemma, words, low) == tokens_with(cols.lemma, words) == plain


def _titles_plain(res: Any) -> list[tuple[int, str, frozenset[str], frozenset[str]]]:
    """The title index as it was computed before the sifting: every person mention walked."""
    from newsledger.nlp.quotes.speaker_descriptions import _SKIP_WORDS, _TITLE_DEPS, _under_prep

    doc = res.doc
    strings = doc.vocab.strings
    title_deps = {strings.add(d) for d in _TITLE_DEPS}
    appos, poss, pobj, prep = (strings.add(d) for d in ("appos", "poss", "pobj", "prep"))
    persons = {a for a, actor in res.da.actors.items() if getattr(actor, "kind", None) == "person"}
    out = []
    for m in res.da.mentions:
        if not (m.actor_id and m.actor_id in persons):
            continue
        i = max(0, max(t.i for t in doc if t.idx <= m.start))
        j = max(i, max(t.i for t in doc if t.idx <= m.end - 1))
        words: set[str] = set()
        owners: set[str] = set()
        k = i - 1 if doc[j].dep != poss else -1
        while k >= 0 and k >= i - 6:
            t = doc[k]
            if t.is_punct or t.dep not in title_deps:
                break
            words.add(t.lemma_.lower())
            if t.dep == pobj or t.dep == prep or t.head.dep == pobj:
                owners.add(t.lemma_.lower())
            k -= 1
        if j + 1 < len(doc) and doc[j + 1].is_punct:
            for child in doc[j].children:
                if child.dep == appos:
                    for t in child.subtree:
                        if t.is_punct:
                            continue
                        words.add(t.lemma_.lower())
                        if _under_prep(t, child) or (t.dep_ == "prep" and t.i > child.i):
                            owners.add(t.lemma_.lower())
        words -= _SKIP_WORDS
        if words:
            out.append((i, m.actor_id, frozenset(words), frozenset(owners - _SKIP_WORDS)))
    return out


def test_title_index_sifts_out_only_mentions_without_titles(resources: Any) -> None:
    res = _doc_quotes(resources).res
    index = res._title_index()
    assert index == _titles_plain(res)
    assert index  # the text names titled people
    for word in {w for entry in index for w in entry[2]} | {"nobody"}:
        assert res._titles_with(word) == [e for e in index if word in e[2]]


def test_introduced_walks_only_subjects_and_first_mentions(resources: Any) -> None:
    from newsledger.nlp.quotes.speakers import _SUBJ_DEPS

    text = ("The hearing went on with Jane Roe, head of the local chamber of commerce.\n"
            "\u201cWe need the road,\u201d she said.\n")
    res = _doc_quotes(resources, text).res
    doc = res.doc
    she = next(t for t in doc if t.lower_ == "she")
    first = res._first_mentions()
    steps = set(res._subjects()) | set(res._first_positions())
    assert set(res._first_positions()) == set(first.values())
    # a token neither a subject nor a first mention could not stop or decide the walk
    for t in doc[: she.i]:
        if t.i not in steps:
            assert t.dep_ not in _SUBJ_DEPS
            assert first.get(res.da.actor_for_token(t.i) or "") != t.i
    assert res._introduced(she) == res.da.actor_for_token(next(t for t in doc if t.text == "Roe").i)


def test_alnum_prefix_counts_wide_characters() -> None:
    from newsledger.nlp.quotes.document import _NON_ALNUM, _alnum_prefix

    odd = "x\U0001d400y \U0001f600 \u00b2\u00bd\ud7ff\ue000\uffff z_\u0301"
    prefix = _alnum_prefix(odd)
    assert [int(prefix[i]) for i in range(len(odd) + 1)] == [len(_NON_ALNUM.sub("", odd[:i])) for i in range(len(odd) + 1)]


def test_document_keys_are_the_noun_hashes(nlp: Any) -> None:
    from newsledger.nlp.quotes.speaker_descriptions import _document_keys

    strings = nlp.vocab.strings
    assert _document_keys(strings, frozenset({"report", "letter"})) == {strings["report"], strings["letter"]}


def _univocal_plain(out: list[Any]) -> list[Any]:
    """The first step of ``_univocal`` as a loop over all pairs."""
    spans = [(a.start, a.end, a.cue.idx) for a in out if a.cue is not None]
    keep = []
    for a in out:
        ci = a.cue.idx if a.cue is not None else -1
        if not any(bs <= ci < be and bc != ci and not (a.start <= bc < a.end) for bs, be, bc in spans):
            keep.append(a)
    return keep


def test_univocal_drops_what_the_pairwise_loop_drops(resources: Any) -> None:
    import random
    from types import SimpleNamespace

    from newsledger.nlp.quotes.document import Attr

    dq = _doc_quotes(resources)
    dq.marks = []  # no quotations: only the cue-inside-content rule and the one-per-key step
    rng = random.Random(7)
    for _ in range(200):
        out = []
        for _ in range(rng.randint(0, 8)):
            s = rng.randint(0, 60)
            cue = None if rng.random() < 0.2 else SimpleNamespace(idx=rng.randint(0, 70))
            out.append(Attr(frags=[(s, s + rng.randint(1, 30))], cue=cue, speaker=None))
        assert dq._univocal(out) == _univocal_plain(out)
