"""Speaker resolution: from the speaker token of a cue to an actor of ``DocActors``.

The actors stage is asked first (``actor_for_token`` / ``actors_for_span``: names,
titles, descriptions and pronouns). Where it knows nothing, a discourse rule picks a
token whose actor it does know:

* pronouns (he, she, I, they...): the nearest preceding sentence subject that is a
  person actor (this and up to ``window`` previous sentences), else the previous quote's
  speaker, else the most recent person mentioned;
* descriptions ("the Serbian president", "the Kosovar"): the person whose title words in
  this document ("Serbian President Aleksandar Vucic", "Albin Kurti, Kosovo's prime
  minister") contain the description's head noun and most of its modifiers;
* documents ("the text", "the European proposal"): the actor named on the document
  (its possessive, adjective or compound modifier), here or at an earlier mention of
  the same noun.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import DEP, IDX, LEMMA, POS, SENT_START
from spacy.parts_of_speech import NOUN

from newsledger.datafiles import data_path, load_data
from newsledger.nlp import doc_text
from newsledger.nlp.quotes.lexicon import CueLexicon

_TITLE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "case", "npadvmod", "appos", "pobj", "prep"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
_SKIP_WORDS = frozenset({"the", "a", "an", "'s", "’s", "of", ",", "former", "then", "new"})
_PERSON_PRONOUNS = frozenset({"he", "she", "i", "him", "her", "me"})
_GROUP_PRONOUNS = frozenset({"they", "we", "it", "them", "us"})


_MALE_PRONOUNS = frozenset({"he", "him"})
_FEMALE_PRONOUNS = frozenset({"she", "her"})


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """Given name (lower case) -> "m"/"f", from the actors stage's first-name list."""
    d = load_data(data_path("actors", "first_names.en.yaml"), required=("male", "female"))
    out: dict[str, str] = {}
    for key, g in (("male", "m"), ("female", "f")):
        for n in d[key]:
            out.setdefault(str(n).lower(), g)
    return out


_DOC_KEYS: dict[tuple[int, frozenset[str]], frozenset[int]] = {}


def _document_keys(strings: Any, nouns: frozenset[str]) -> frozenset[int]:
    """Hashes of the document nouns in this string store (built once)."""
    key = (id(strings), nouns)
    if key not in _DOC_KEYS:
        _DOC_KEYS[key] = frozenset(strings.add(w) for w in nouns)
    return _DOC_KEYS[key]


def _title_dep_ids(strings: Any) -> frozenset[int]:
    return frozenset(strings.add(d) for d in _TITLE_DEPS)


class Sentences:
    """The sentences of a parsed doc from its SENT_START array (cheaper than ``doc.sents``)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        n = len(doc)
        starts_arr = doc.to_array([SENT_START]).reshape(-1) == 1 if n else np.zeros(0, dtype=bool)
        if n:
            starts_arr[0] = True
        self.starts: list[int] = np.flatnonzero(starts_arr).tolist()
        self.ends: list[int] = self.starts[1:] + [n]
        self.sent_of: list[int] = (np.cumsum(starts_arr) - 1).tolist()

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, k: int) -> Any:
        return self.doc[self.starts[k]: self.ends[k]]


class SpeakerResolver:
    """Resolves speaker tokens of one document (built once per document)."""

    def __init__(self, doc: Any, doc_actors: Any, lexicon: CueLexicon, window: int = 3,
                 text: str | None = None) -> None:
        self.doc = doc
        self.text: str = doc_text(doc) if text is None else text
        self.da = doc_actors
        self.lex = lexicon
        self.window = window
        self.sents = Sentences(doc)
        self.sent_of = self.sents.sent_of
        self._titles: list[tuple[int, str, frozenset[str]]] | None = None
        # whether token i lies inside quotation marks (set by the extractor)
        self.quoted: Callable[[int], bool] = lambda i: False
        self._genders: dict[str, str | None] = {}
        self._words: dict[int, list[Any]] = {}
        self._subj: list[int] | None = None

    # -- the actors API ---------------------------------------------------
    def kind(self, aid: str | None) -> str | None:
        actor = self.da.actors.get(aid) if aid else None
        return getattr(actor, "kind", None)

    def api_actor(self, tok: Any) -> str | None:
        """The actor the actors stage gives the token, or its name/compound/appos tokens."""
        aid = self.da.actor_for_token(tok.i)
        if aid:
            return aid
        lo = tok.i
        while lo > 0 and self.doc[lo - 1].head.i in range(lo, tok.i + 1) and self.doc[lo - 1].dep_ in ("compound", "amod", "poss", "case"):
            lo -= 1
        found = self.da.actors_for_span(lo, tok.i + 1)
        for child in tok.children:
            if child.dep_ == "appos":
                found += self.da.actors_for_span(child.left_edge.i, child.right_edge.i + 1)
        persons = [a for a in found if self.kind(a) == "person"]
        if persons:
            return persons[-1]
        return found[-1] if found else None

    # -- public -------------------------------------------------------------
    def _speaker_words(self, tok: Any) -> list[Any]:
        """The words of the speaker's phrase up to its head, within the head's paragraph,
        without a leading article."""
        cached = self._words.get(tok.i)
        if cached is not None:
            return cached
        lo = tok.left_edge.i
        brk = self.text.rfind("\n", self.doc[lo].idx, tok.idx) if lo < tok.i else -1
        words = [t for t in self.doc[lo: tok.i + 1] if not t.is_punct and not t.is_space and t.idx > brk]
        while words and words[0].lower_ in ("the", "a", "an"):
            words = words[1:]
        self._words[tok.i] = words
        return words

    def speaker_text(self, tok: Any) -> str:
        """The speaker as written: the name or noun phrase up to its head."""
        return " ".join(t.text for t in self._speaker_words(tok)) or tok.text

    def speaker_span(self, tok: Any) -> tuple[int, int]:
        """Character span of the speaker as written (``speaker_text``'s words)."""
        words = self._speaker_words(tok)
        first = words[0] if words else tok
        return first.idx, tok.idx + len(tok.text)

    def gender(self, aid: str | None) -> str | None:
        """"m"/"f" for a person actor whose name starts with a given name of known sex."""
        if aid is None:
            return None
        if aid not in self._genders:
            actor = self.da.actors.get(aid)
            name = getattr(actor, "name", "") or ""
            words = name.replace(".", " ").split()
            g = None
            if len(words) > 1 and self.kind(aid) == "person":
                g = _given_names().get(words[0].lower())
            self._genders[aid] = g
        return self._genders[aid]

    def agrees(self, tok: Any, aid: str | None) -> bool:
        """Whether a he/she pronoun can stand for actor ``aid`` (person, compatible sex)."""
        if aid is None or self.kind(aid) not in ("person", None):
            return False
        low = tok.lower_
        g = self.gender(aid)
        return not ((low in _MALE_PRONOUNS and g == "f") or (low in _FEMALE_PRONOUNS and g == "m"))

    def resolve(self, tok: Any, prev_speaker: str | None, prev_sent: int | None = None,
                quoted: bool = False) -> str | None:
        """Actor id for the speaker token ``tok`` (API first, then the discourse rules).

        For a quotation (``quoted``), a he/she speaker continues the previous quote's
        speaker when that quote is at most ``window`` sentences back and agrees in sex
        (a reporter keeps the speaker from quotation to quotation); otherwise the actors
        API's reading is taken when it agrees, else the discourse antecedent."""
        direct = self.da.actor_for_token(tok.i)
        low = tok.lower_
        if low in _MALE_PRONOUNS or low in _FEMALE_PRONOUNS:
            if (quoted and prev_speaker is not None and prev_sent is not None
                    and 0 <= self.sent_of[tok.i] - prev_sent <= self.window and self.agrees(tok, prev_speaker)):
                return self._new_subject(tok, prev_sent, prev_speaker) or prev_speaker
            if direct is not None and self.agrees(tok, direct):
                return direct
            direct = None
        if tok.lower_ == "it":
            # a document speaker ("The text also states ...; it proposes ..."): the
            # document's author, which generic coreference does not model
            doc_subject = self._recent_document(tok)
            if doc_subject is not None:
                author = self._document_author(doc_subject)
                if author:
                    return author
        if (direct is None or self.kind(direct) == "group") and tok.ent_type_ in ("NORP", "ORG", "") \
                and not any(c.dep_ in ("compound", "amod") for c in tok.children):
            # a bare demonym or title word as speaker ("Kosovar added") names the person
            # who carries that word in their title in this document
            titled = self._by_title(tok)
            if titled:
                return titled
        if direct and (self.kind(direct) != "group" or tok.pos_ == "PROPN" and tok.ent_type_ != "NORP"):
            return direct
        low = tok.lower_
        if tok.pos_ == "PRON" or low in _PERSON_PRONOUNS or low in _GROUP_PRONOUNS:
            if low in _PERSON_PRONOUNS:
                return self._antecedent(tok, prev_speaker)
            if low in self.lex.plural_pronouns:
                # a plural noun earlier in the same sentence is the antecedent ("thousands
                # demonstrated at the call of nationalist parties ... which they said"): its
                # actor, or nobody — never the previous quote's speaker by default
                plural = [t for t in tok.sent if t.i < tok.i and t.tag_ in ("NNS", "NNPS")]
                if plural:
                    return self.da.actor_for_token(plural[-1].i)
            return prev_speaker
        if tok.lemma_.lower() in self.lex.document_nouns:
            return self._document_author(tok)
        # a description or a demonym ("the Serbian president", "the Kosovar"):
        # the person with those title words in this document, else what the API says
        titled = self._by_title(tok)
        if titled:
            return titled
        return self.api_actor(tok)

    def person(self, tok: Any) -> str | None:
        """The person actor a subject token stands for, if any (no pronoun chasing)."""
        aid = self.da.actor_for_token(tok.i)
        if aid and self.kind(aid) == "person":
            return aid
        aid = self._by_title(tok) or self.api_actor(tok)
        return aid if aid and self.kind(aid) == "person" else None

    def _recent_document(self, tok: Any) -> Any | None:
        sn = self.sent_of[tok.i]
        for k in range(sn, max(-1, sn - 2), -1):
            for t in self.sents[k]:
                if t.i < tok.i and t.dep_ in _SUBJ_DEPS and t.lemma_.lower() in self.lex.document_nouns:
                    return t
        return None

    # -- discourse rules ------------------------------------------------------
    def _antecedent(self, tok: Any, prev_speaker: str | None) -> str | None:
        sn = self.sent_of[tok.i]
        for k in range(sn, max(-1, sn - self.window - 1), -1):
            sent = self.sents[k]
            subjects = [t for t in sent if t.dep_ in _SUBJ_DEPS and t.i < tok.i and not t.pos_ == "PRON"]
            for t in reversed(subjects):
                aid = self.person(t)
                if aid and self.agrees(tok, aid):
                    return aid
        if prev_speaker and self.agrees(tok, prev_speaker):
            return prev_speaker
        lo = self.sents[max(0, sn - 2 * self.window)].start
        for i in range(tok.i - 1, lo - 1, -1):
            aid = self.da.actor_for_token(i)
            if aid and self.kind(aid) == "person" and self.agrees(tok, aid):
                return aid
        return None

    def _subjects(self) -> list[int]:
        """Indices of the subject tokens (nsubj, nsubjpass), from the DEP column, once."""
        if self._subj is None:
            subj: list[int] = []
            if len(self.doc):
                keys = [self.doc.vocab.strings.add(d) for d in _SUBJ_DEPS]
                col = self.doc.to_array([DEP]).reshape(-1)
                subj = np.flatnonzero((col == keys[0]) | (col == keys[1])).tolist()
            self._subj = subj
        return self._subj

    def _new_subject(self, tok: Any, prev_sent: int, prev_speaker: str) -> str | None:
        """A person other than the previous quote's speaker who is the main-clause subject
        of the narration between that quote and pronoun ``tok`` (the nearest one), when
        ``tok`` agrees with it: 'X said. / Y shook his head. "...," he said.' turns to Y."""
        lo = self.sents.starts[min(prev_sent + 1, self.sent_of[tok.i])]
        subjects = self._subjects()
        for n in range(bisect_right(subjects, tok.i - 1) - 1, bisect_right(subjects, lo - 1) - 1, -1):
            i = subjects[n]
            t = self.doc[i]
            if t.pos_ == "PRON" or self.quoted(i):
                continue
            if t.head.dep_ not in ("ROOT", "conj") or self.quoted(t.head.i):
                continue
            aid = self.person(t)
            if aid and aid != prev_speaker and self.agrees(tok, aid):
                return aid
        return None

    def _title_index(self) -> list[tuple[int, str, frozenset[str]]]:
        """(token index, person actor, title words) for each person mention with a title."""
        if self._titles is not None:
            return self._titles
        out: list[tuple[int, str, frozenset[str]]] = []
        doc = self.doc
        if not len(doc):
            self._titles = out
            return out
        # token offsets only: converting the uint64 hash columns (LEMMA, DEP) of the
        # whole document to Python ints costs more than reading the few tokens needed
        tok_idx = doc.to_array([IDX]).reshape(-1).tolist()
        strings = doc.vocab.strings
        title_deps = _title_dep_ids(strings)
        appos = strings.add("appos")
        n_tok = len(tok_idx)
        for mention in self.da.mentions:
            aid = mention.actor_id
            if self.kind(aid) != "person":
                continue
            i = max(0, bisect_right(tok_idx, mention.start) - 1)
            j = max(i, bisect_right(tok_idx, mention.end - 1) - 1)
            words: set[str] = set()
            # titles before the name: "Serbian President Aleksandar Vucic"
            k = i - 1
            while k >= 0 and k >= i - 6:
                t = doc[k]
                if t.is_punct or t.dep not in title_deps:
                    break
                words.add(t.lemma_.lower())
                k -= 1
            # appositions after the name: "Albin Kurti, Kosovo's prime minister,"
            if j + 1 < n_tok and doc[j + 1].is_punct:
                for child in doc[j].children:
                    if child.dep == appos:
                        words.update(t.lemma_.lower() for t in child.subtree if not t.is_punct)
            words -= _SKIP_WORDS
            if words:
                out.append((i, aid, frozenset(words)))
        self._titles = out
        return out

    def _by_title(self, tok: Any) -> str | None:
        head = tok.lemma_.lower()
        mods = {t.lemma_.lower() for t in tok.subtree if t.i < tok.i and not t.is_punct} - _SKIP_WORDS
        best: tuple[float, int] | None = None
        best_aid = None
        for i, aid, words in self._title_index():
            if head not in words:
                continue
            score = (len(mods & words) / len(mods)) if mods else 0.5
            if mods and score < 0.5:
                continue
            key = (score, i if i < tok.i else -i)
            if best is None or key > best:
                best, best_aid = key, aid
        return best_aid

    def _document_author(self, tok: Any) -> str | None:
        lemma = tok.lemma_.lower()
        doc = self.doc
        lo = max(0, tok.i - 400)
        candidates = [tok]
        if tok.i > lo:
            # the window's nouns from its POS/LEMMA columns: Token objects only for the hits
            strings = doc.vocab.strings
            arr = doc[lo: tok.i].to_array([POS, LEMMA])
            nouns = np.flatnonzero(arr[:, 0] == NOUN)[::-1].tolist()
            same = strings.add(lemma)
            docs_keys = _document_keys(strings, self.lex.document_nouns)
            lemmas = arr[:, 1]
            candidates += [doc[lo + k] for k in nouns if lemmas[k] == same]
            candidates += [doc[lo + k] for k in nouns if int(lemmas[k]) in docs_keys]
        for cand in candidates[:12]:
            for child in cand.children:
                if child.dep_ in ("poss", "amod", "compound", "nmod"):
                    aid = self.da.actor_for_token(child.i)
                    if aid:
                        return aid
            for child in cand.children:
                if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                    for g in child.children:
                        aid = self.da.actor_for_token(g.i)
                        if aid:
                            return aid
        return None
