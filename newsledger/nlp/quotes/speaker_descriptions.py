"""Description and document speakers (mixed into ``SpeakerResolver``): the person whose title
words in the document contain a description's head noun and modifiers ("the Serbian
president", "the Kosovar"), and the author named on a document ("the text", "the European
proposal": its possessive, adjective or compound modifier, here or at an earlier mention).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import IDX
from spacy.parts_of_speech import NOUN, PRON

from newsledger.datafiles import data_path, load_data
from newsledger.nlp.quotes.lexicon import CueLexicon

_TITLE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "case", "npadvmod", "appos", "pobj", "prep"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
_SKIP_WORDS = frozenset({"the", "a", "an", "'s", "’s", "of", ",", "former", "then", "new"})

_DOC_KEYS: dict[tuple[int, frozenset[str]], frozenset[int]] = {}


def _document_keys(strings: Any, nouns: frozenset[str]) -> frozenset[int]:
    """Hashes of the document nouns in this string store (built once)."""
    key = (id(strings), nouns)
    if key not in _DOC_KEYS:
        _DOC_KEYS[key] = frozenset(strings.add(w) for w in nouns)
    return _DOC_KEYS[key]


@lru_cache(maxsize=1)
def _author_verbs() -> frozenset[str]:
    """Verbs whose "by" agent on a document is its author ("released by"), ``data/speakers.en.yaml``."""
    d = load_data(data_path("quotes", "speakers.en.yaml"), required=("document_author_verbs",))
    return frozenset(str(w).lower() for w in d["document_author_verbs"])


@lru_cache(maxsize=1)
def _rank_qualifiers() -> frozenset[str]:
    """Words that make a title another role ("vice", "deputy"), ``data/speakers.en.yaml``."""
    d = load_data(data_path("quotes", "speakers.en.yaml"), required=("rank_qualifiers",))
    return frozenset(str(w).lower() for w in d["rank_qualifiers"])


_TITLE_DEP_IDS: dict[int, frozenset[int]] = {}


def _title_dep_ids(strings: Any) -> frozenset[int]:
    """Hashes of the title dependency labels in this string store (built once)."""
    key = id(strings)
    if key not in _TITLE_DEP_IDS:
        _TITLE_DEP_IDS[key] = frozenset(strings.add(d) for d in _TITLE_DEPS)
    return _TITLE_DEP_IDS[key]


class DescriptionSpeakers:
    """Title and document lookups of one document's speaker resolver."""

    doc: Any
    da: Any
    lex: CueLexicon
    sent_of: list[int]
    sents: Any
    _titles: list[tuple[int, str, frozenset[str], frozenset[str]]] | None
    _title_words: dict[str, list[tuple[int, str, frozenset[str], frozenset[str]]]] | None
    _named: dict[str, list[int]] | None
    _tok_idx: list[int] | None
    cols: Any  # the document's ``TokenColumns``

    def kind(self, aid: str | None) -> str | None:
        """The actor's kind ("person", "organization", ...); ``SpeakerResolver`` defines it."""
        raise NotImplementedError

    def _recent_document(self, tok: Any) -> Any | None:
        sn = self.sent_of[tok.i]
        for k in range(sn, max(-1, sn - 2), -1):
            for t in self.sents[k]:
                if t.i < tok.i and t.dep_ in _SUBJ_DEPS and t.lemma_.lower() in self.lex.document_nouns:
                    return t
        return None

    # -- discourse rules ------------------------------------------------------

    def _last_named_before(self, aid: str, i: int) -> int:
        """The last token before ``i`` that names actor ``aid`` (pronouns left out), else -1."""
        if self._named is None:
            named: dict[str, list[int]] = {}
            pos = self.cols.pos_list()
            for k, a in sorted(self.da.token_actor.items()):
                if pos[k] != PRON:
                    named.setdefault(a, []).append(k)
            self._named = named
        toks = self._named.get(aid, [])
        n = bisect_right(toks, i - 1)
        return toks[n - 1] if n else -1

    def _title_index(self) -> list[tuple[int, str, frozenset[str], frozenset[str]]]:
        """(token index, person actor, title words, owner words) for each person mention with a
        title; owner words are those inside a prepositional phrase of the title ("State" in
        "Secretary of State", "Phoenix" in "mayor of Phoenix"): they qualify the role, they are
        not it."""
        if self._titles is not None:
            return self._titles
        out: list[tuple[int, str, frozenset[str], frozenset[str]]] = []
        doc = self.doc
        if not len(doc):
            self._titles = out
            return out
        # token offsets only: converting the uint64 hash columns (LEMMA, DEP) of the
        # whole document to Python ints costs more than reading the few tokens needed
        tok_idx = self._tok_idx if self._tok_idx is not None else doc.to_array([IDX]).reshape(-1).tolist()
        strings = doc.vocab.strings
        title_deps = _title_dep_ids(strings)
        appos = strings.add("appos")
        poss, pobj, prep = strings.add("poss"), strings.add("pobj"), strings.add("prep")  # (label hashes)
        n_tok = len(tok_idx)
        persons = {a for a, actor in self.da.actors.items() if getattr(actor, "kind", None) == "person"}
        mentions = [m for m in self.da.mentions if m.actor_id and m.actor_id in persons]
        # each mention's first and last token, all at once (``bisect_right`` on the offsets)
        offsets = self.cols.idx.astype(np.int64)
        firsts = np.searchsorted(offsets, np.array([m.start for m in mentions], dtype=np.int64), side="right") - 1
        lasts = np.searchsorted(offsets, np.array([m.end - 1 for m in mentions], dtype=np.int64), side="right") - 1
        # a mention has title words only where the token before it carries a title
        # dependency (and its last token is no possessor) or an apposition hangs on its
        # last token: the rest are passed over without reading their tokens
        starts = np.maximum(firsts, 0)
        ends = np.maximum(starts, lasts)
        dep_col = self.cols.dep
        deps_before = dep_col[np.maximum(starts - 1, 0)].tolist()
        deps_last = dep_col[ends].tolist()
        appos_at = np.flatnonzero(dep_col == np.uint64(appos))
        appos_heads = {h for k, h in zip(appos_at.tolist(), (appos_at + self.cols.head[appos_at].astype(np.int64)).tolist(),
                                         strict=True) if k != h}
        for mention, i, j, dep_before, dep_last in zip(
                mentions, starts.tolist(), ends.tolist(), deps_before, deps_last, strict=True):
            if not ((i > 0 and dep_last != poss and dep_before in title_deps) or (j in appos_heads and j + 1 < n_tok)):
                continue
            aid = mention.actor_id
            words: set[str] = set()
            owners: set[str] = set()
            # titles before the name: "Serbian President Aleksandar Vucic" (not for a
            # possessor: "the architect of Obama's campaign" is no title of Obama)
            k = i - 1 if doc[j].dep != poss else -1
            while k >= 0 and k >= i - 6:
                t = doc[k]
                if t.is_punct or t.dep not in title_deps:
                    break
                lemma = t.lemma_.lower()
                words.add(lemma)
                if t.dep == pobj or t.dep == prep or t.head.dep == pobj:
                    owners.add(lemma)
                k -= 1
            # appositions after the name: "Albin Kurti, Kosovo's prime minister,"
            if j + 1 < n_tok and doc[j + 1].is_punct:
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
                out.append((i, aid, frozenset(words), frozenset(owners - _SKIP_WORDS)))
        self._titles = out
        return out

    def _titles_with(self, word: str) -> list[tuple[int, str, frozenset[str], frozenset[str]]]:
        """The entries of ``_title_index`` whose title words hold ``word``, in order (an
        index by word, built once)."""
        index = self._title_words
        if index is None:
            index = {}
            for entry in self._title_index():
                for w in entry[2]:
                    index.setdefault(w, []).append(entry)
            self._title_words = index
        return index.get(word, [])

    def _by_title(self, tok: Any) -> str | None:
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in tok.children):
            return None  # "an architect who said ...": someone new, not a titled person
        if tok.tag_ in ("NNS", "NNPS"):
            return None  # "Analysts say ...": several people, not the one titled analyst
        head = tok.lemma_.lower()
        mods = {t.lemma_.lower() for t in tok.subtree if t.i < tok.i and not t.is_punct} - _SKIP_WORDS
        best: tuple[float, int, int] | None = None
        best_aid = None
        qualifiers = _rank_qualifiers()
        own_ranks = mods & qualifiers
        for i, aid, words, owners in self._titles_with(head):
            if tok.pos_ == "NOUN" and head in owners and head not in words - owners:
                continue  # "the state" is not the Secretary of State
            if (words - owners) & qualifiers != own_ranks:
                continue  # "the presidential nominee" is not the vice presidential nominee
            score = (len(mods & words) / len(mods)) if mods else 0.5
            if mods and score < 0.5:
                continue
            # of the people who carry the title, the one the text named last before the
            # description ("The Republican ..." after a paragraph on Trump, though another
            # Republican's titled mention is nearer)
            last = self._last_named_before(aid, tok.i)
            key = (score, 1, last) if last >= 0 else (score, 0, -i)
            if best is None or key > best:
                best, best_aid = key, aid
        return best_aid

    def _own_author(self, cand: Any) -> tuple[bool, str | None]:
        """The author a document mention names itself: its possessor, adjective or compound
        ("the campaign's statement", "the European proposal"), or the object of "from", "by",
        "of" or "in" ("a letter from the union", "an editorial in the Daily Post", "a report
        released by the institute"). (whether it names one, its actor if known)."""
        named = False
        for child in cand.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod"):
                aid = self.da.actor_for_token(child.i)
                if aid:
                    return True, aid
                named = named or child.dep_ == "poss" or child.pos_ == "PROPN"
        if named:
            return True, None
        preps = [c for c in cand.children if c.dep_ == "prep"]
        preps += [p for v in cand.children if v.dep_ == "acl" and v.lemma_.lower() in _author_verbs()
                  for p in v.children if p.dep_ in ("agent", "prep")]
        for prep in preps:
            if prep.lower_ not in ("from", "by", "of", "in"):
                continue
            for g in prep.children:
                if g.dep_ != "pobj":
                    continue
                aid = self.da.actor_for_token(g.i)
                if aid and (prep.lower_ != "in" or self.kind(aid) != "person"):
                    return True, aid
                named = named or prep.lower_ in ("from", "by")
        return named, None

    def _document_author(self, tok: Any) -> str | None:
        """The author of document speaker ``tok``: the one it names itself; else, for a definite
        mention ("the letter"), the author named at the latest earlier mention of a document of
        that noun, or of any document in this or the previous two sentences ("the text" after
        "the European proposal"). A new document ("an editorial") or one whose named author
        is unknown ("the campaign's statement") is no one else's."""
        named, aid = self._own_author(tok)
        if aid or named:
            return aid
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in tok.children):
            return None
        lemma = tok.lemma_.lower()
        doc = self.doc
        lo = max(0, tok.i - 400)
        near = self.sents.starts[max(0, self.sent_of[tok.i] - 2)]
        candidates = []
        if tok.i > lo:
            # the window's nouns from its POS/LEMMA columns: Token objects only for the hits
            strings = doc.vocab.strings
            cols = self.cols
            nouns = np.flatnonzero(cols.pos[lo: tok.i] == NOUN)[::-1]
            lemmas = cols.lemma[lo: tok.i][nouns]
            same = nouns[lemmas == np.uint64(strings.add(lemma))][:12]
            keys = _document_keys(strings, self.lex.document_nouns)
            other = nouns[np.array([h in keys for h in lemmas.tolist()], dtype=bool)][:12]
            candidates += [doc[lo + k] for k in same.tolist()]
            candidates += [doc[lo + k] for k in other.tolist() if lo + k >= near]
        for cand in candidates[:12]:
            named, aid = self._own_author(cand)
            if aid:
                return aid
        return None


def _under_prep(t: Any, top: Any) -> bool:
    """Whether a preposition after ``top`` stands between token ``t`` and ``top`` (its
    ancestor) in the parse: walks the heads from ``t`` up to ``top``, both excluded."""
    a = t
    while a.i != top.i and a.head.i != a.i:
        a = a.head
        if a.i == top.i:
            break
        if a.dep_ == "prep" and a.i > top.i:
            return True
    return False
