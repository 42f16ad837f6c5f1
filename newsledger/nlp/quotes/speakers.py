"""Speaker resolution: from the speaker token of a cue to an actor of ``DocActors``.

The actors stage is asked first (``actor_for_token`` / ``actors_for_span``: names,
titles, descriptions and pronouns). Where it knows nothing, a discourse rule picks a
token whose actor it does know:

* pronouns (he, she, I, they...): the nearest preceding sentence subject that is a
  person actor (this and up to ``window`` previous sentences), else the previous quote's
  speaker, else the most recent person mentioned; never a name inside quotation marks;
  for a quotation, a person the narration just introduced by name and role;
* role nouns: a person in apposition or right after them ("his cousin Samir Nasser"),
  never a person who possesses them ("her lawyer"), except for utterance nouns ("her
  speech", ``data/speakers.en.yaml``);
* descriptions ("the Serbian president", "the Kosovar") and documents ("the text", "the
  European proposal"): ``speaker_descriptions.py``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.parts_of_speech import PRON

from newsledger.datafiles import data_path, load_data
from newsledger.nlp import doc_text
from newsledger.nlp.quotes.columns import TokenColumns
from newsledger.nlp.quotes.datelines import dateline_speaker
from newsledger.nlp.quotes.lexicon import CueLexicon
from newsledger.nlp.quotes.speaker_descriptions import _SUBJ_DEPS, DescriptionSpeakers

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


@lru_cache(maxsize=1)
def _honorifics() -> dict[str, str]:
    """Honorific (lower case) -> "m"/"f" ("" where it tells no sex), from the actors stage's rules."""
    d = load_data(data_path("actors", "resolution.en.yaml"), required=("honorifics",))
    return {str(k).lower(): str(v or "") for k, v in (d["honorifics"] or {}).items()}


@lru_cache(maxsize=1)
def _utterance_nouns() -> frozenset[str]:
    """Nouns whose possessor is their speaker ("her speech"), from ``data/speakers.en.yaml``."""
    d = load_data(data_path("quotes", "speakers.en.yaml"), required=("utterance_nouns",))
    return frozenset(str(w).lower() for w in d["utterance_nouns"])


class Sentences:
    """The sentences of a parsed doc from its SENT_START array (cheaper than ``doc.sents``)."""

    def __init__(self, doc: Any, cols: TokenColumns | None = None) -> None:
        self.doc = doc
        n = len(doc)
        cols = cols or TokenColumns(doc)
        starts_arr = cols.sent_start == 1
        if n:
            starts_arr[0] = True
        self.starts: list[int] = np.flatnonzero(starts_arr).tolist()
        self.ends: list[int] = self.starts[1:] + [n]
        self.sent_of: list[int] = (np.cumsum(starts_arr) - 1).tolist()

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, k: int) -> Any:
        return self.doc[self.starts[k]: self.ends[k]]


class SpeakerResolver(DescriptionSpeakers):
    """Resolves speaker tokens of one document (built once per document)."""

    def __init__(self, doc: Any, doc_actors: Any, lexicon: CueLexicon, window: int = 3,
                 text: str | None = None, tok_idx: list[int] | None = None,
                 cols: TokenColumns | None = None) -> None:
        self.doc = doc
        self.cols = cols or TokenColumns(doc)  # token attribute columns, when the caller has read them
        self._tok_idx = tok_idx  # token character offsets, when the caller has read them
        self.text: str = doc_text(doc) if text is None else text
        self.da = doc_actors
        self.lex = lexicon
        self.window = window
        self.sents = Sentences(doc, self.cols)
        self.sent_of = self.sents.sent_of
        self._titles: list[tuple[int, str, frozenset[str], frozenset[str]]] | None = None
        self._title_words: dict[str, list[tuple[int, str, frozenset[str], frozenset[str]]]] | None = None
        # whether token i lies inside quotation marks (set by the extractor)
        self.quoted: Callable[[int], bool] = lambda i: False
        self._genders: dict[str, str | None] = {}
        self._words: dict[int, list[Any]] = {}
        self._subj: list[int] | None = None
        self._first: dict[str, int] | None = None
        self._first_at: list[int] | None = None
        self._named: dict[str, list[int]] | None = None

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
        # a person who possesses the speaker is someone else ("his nephew", "Trump's spokesman"),
        # unless the speaker is an utterance of theirs ("his remarks", "her speech")
        utterance = tok.lemma_.lower() in _utterance_nouns()
        # (and a person naming a common noun's kind: "the Clinton campaign", "Trump aides")
        owners = set() if utterance else {t.i for c in tok.children if c.dep_ == "poss"
                                          or (c.dep_ == "compound" and tok.pos_ == "NOUN") for t in c.subtree}
        if utterance:  # "a speech Mrs. Clinton delivered": the subject of its relative clause
            for rel in (c for c in tok.children if c.dep_ == "relcl"):
                for subj in (c for c in rel.children if c.dep_ in _SUBJ_DEPS):
                    aid = self.da.actor_for_token(subj.i)
                    if aid and self.kind(aid) == "person":
                        return aid
        found = [a for i in range(lo, tok.i + 1) if (a := self.da.actor_for_token(i))
                 and not (i in owners and self.kind(a) == "person")]
        found = list(dict.fromkeys(found))
        for child in tok.children:
            if child.dep_ == "appos":
                found += self.da.actors_for_span(child.left_edge.i, child.right_edge.i + 1)
        k = tok.i + 1
        while k < len(self.doc) and self.doc[k].is_space and "\n" not in self.doc[k].text:
            k += 1
        nxt = self.doc[k] if k < len(self.doc) else None
        if tok.pos_ == "NOUN" and nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B":
            # a name right after a role noun, no comma between ("his nephew Jan Novak added")
            aid = self.da.actor_for_token(nxt.i)
            if aid and self.kind(aid) == "person":
                return aid
        persons = [a for a in found if self.kind(a) == "person"]
        if persons:
            return persons[-1]
        return found[-1] if found else None

    # -- public -------------------------------------------------------------
    def _speaker_words(self, tok: Any) -> list[Any]:
        """The words of the speaker's phrase up to its head, within the head's paragraph,
        without a leading article, adverb or clause marker."""
        cached = self._words.get(tok.i)
        if cached is not None:
            return cached
        lo = tok.left_edge.i
        brk = self.text.rfind("\n", self.doc[lo].idx, tok.idx) if lo < tok.i else -1
        doc = self.doc
        words = [t for t in (doc[k] for k in range(lo, tok.i + 1)) if not t.is_punct and not t.is_space and t.idx > brk]
        while words and (words[0].lower_ in ("the", "a", "an") or words[0].pos_ in ("ADV", "SCONJ", "CCONJ")
                         or words[0].tag_ == "WDT") and words[0].i < tok.i:
            words = words[1:]  # nor an adverb or a clause marker before it ("even some", "While populists")
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
        """"m"/"f" for a person actor whose name starts with (or is) a given name of known sex."""
        if aid is None:
            return None
        if aid not in self._genders:
            actor = self.da.actors.get(aid)
            name = getattr(actor, "name", "") or ""
            words = name.replace(".", " ").split()
            g = None
            if words and self.kind(aid) == "person":  # "Melanie" alone: a given name too
                g = _given_names().get(words[0].lower()) or self._honorific_gender(aid)
            self._genders[aid] = g
        return self._genders[aid]

    def _honorific_gender(self, aid: str) -> str | None:
        """"m"/"f" from an honorific the text puts before the person's name ("Mr. Tobias")."""
        hon = _honorifics()
        for m in self.da.mentions:
            if m.actor_id != aid or not m.text:
                continue
            before = self.text[max(0, m.start - 6): m.start].split()
            for word in (m.text.split()[0], before[-1] if before else ""):
                g = hon.get(word.lower())
                if g:
                    return g
        return None

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
        dateline = dateline_speaker(self.doc, self.text, self.da, tok) if tok.is_upper else None
        if dateline is not None:  # "LONDON (Reuters) - X said": X, not the place
            return dateline
        direct = self.da.actor_for_token(tok.i)
        low = tok.lower_
        if low in _MALE_PRONOUNS or low in _FEMALE_PRONOUNS:
            introduced = self._introduced(tok) if quoted else None
            if (quoted and prev_speaker is not None and prev_sent is not None
                    and 0 <= self.sent_of[tok.i] - prev_sent <= self.window and self.agrees(tok, prev_speaker)):
                return self._new_subject(tok, prev_sent, prev_speaker) or introduced or prev_speaker
            if introduced is not None:
                return introduced
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
        if direct is None and tok.pos_ in ("NOUN", "NUM"):
            # a role noun with the person's name in apposition ("her campaign manager, Jane
            # Roe,", "one of the authors, John Doe,", "the economist John Doe"): that person,
            # before any earlier holder of the role
            apposed = self._apposed_person(tok)
            if apposed:
                return apposed
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
            if tok.tag_ == "DT" and low not in _GROUP_PRONOUNS:
                # a quantifier ("both", "some of the delegates", "most"): a part of a group,
                # not the previous quote's speaker; the group its "of" phrase names, if known
                return self._partitive_group(tok)
            if low in _PERSON_PRONOUNS:
                return self._antecedent(tok, prev_speaker)
            if low in self.lex.plural_pronouns:
                # a plural noun earlier in the same sentence is the antecedent ("thousands
                # demonstrated at the call of nationalist parties ... which they said"): its
                # actor, or nobody — never the previous quote's speaker by default
                plural = [t for t in tok.sent if t.i < tok.i and t.tag_ in ("NNS", "NNPS")]
                if plural:
                    return self.da.actor_for_token(plural[-1].i)
            if low in _GROUP_PRONOUNS and self.kind(prev_speaker) == "person":
                return None  # "they", "it" are not the one person quoted before
            return prev_speaker
        if tok.lemma_.lower() in self.lex.document_nouns:
            return self._document_author(tok)
        # a description or a demonym ("the Serbian president", "the Kosovar"):
        # the person with those title words in this document, else what the API says
        titled = self._by_title(tok)
        if titled:
            return titled
        return self.api_actor(tok)

    def _apposed_person(self, tok: Any) -> str | None:
        """The person named in apposition to role noun ``tok`` (or right after it), else None."""
        for child in (c for c in tok.children if c.dep_ == "appos"):
            for aid in self.da.actors_for_span(child.left_edge.i, child.right_edge.i + 1):
                if self.kind(aid) == "person":
                    return aid
        k = tok.i + 1
        nxt = self.doc[k] if k < len(self.doc) else None
        if tok.pos_ == "NOUN" and nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B":
            aid = self.da.actor_for_token(nxt.i)
            if aid and self.kind(aid) == "person":
                return aid
        return None

    def _partitive_group(self, tok: Any) -> str | None:
        """The non-person actor of a quantifier's "of" phrase ("some of the protesters"), else None."""
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                aid = self.da.actor_for_token(obj.i)
                if aid and self.kind(aid) != "person":
                    return aid
        return None

    def person(self, tok: Any) -> str | None:
        """The person actor a subject token stands for, if any (no pronoun chasing)."""
        aid = self.da.actor_for_token(tok.i)
        if aid and self.kind(aid) == "person":
            return aid
        aid = self._by_title(tok) or self.api_actor(tok)
        return aid if aid and self.kind(aid) == "person" else None

    def _antecedent(self, tok: Any, prev_speaker: str | None) -> str | None:
        sn = self.sent_of[tok.i]
        for k in range(sn, max(-1, sn - self.window - 1), -1):
            sent = self.sents[k]
            subjects = [t for t in sent if t.dep_ in _SUBJ_DEPS and t.i < tok.i and not t.pos_ == "PRON"
                        and not self.quoted(t.i)]
            for t in reversed(subjects):
                aid = self.person(t)
                if aid and self.agrees(tok, aid):
                    return aid
        if prev_speaker and self.agrees(tok, prev_speaker):
            return prev_speaker
        lo = self.sents[max(0, sn - 2 * self.window)].start
        for i in range(tok.i - 1, lo - 1, -1):
            if self.quoted(i):
                continue  # a name inside a quotation is what the speaker talks about
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
                col = self.cols.dep
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

    def _first_mentions(self) -> dict[str, int]:
        """Actor -> the token where the document first names it (pronouns left out)."""
        if self._first is None:
            first: dict[str, int] = {}
            pos = self.cols.pos_list()
            for i, aid in sorted(self.da.token_actor.items()):
                if aid not in first and pos[i] != PRON:
                    first[aid] = i
            self._first = first
        return self._first

    def _first_positions(self) -> list[int]:
        """The tokens where the document first names an actor (``_first_mentions``), in order."""
        if self._first_at is None:
            self._first_at = sorted(self._first_mentions().values())
        return self._first_at

    def _introduced(self, tok: Any) -> str | None:
        """A person the narration sentence right before the quotation that ``tok``'s cue
        follows introduces, named there for the first time with an apposition giving their
        role ('... concerns Jane Roe, head of the local chamber. "...," she said'), when that
        sentence has no person as a main-clause subject; the news convention that presents
        a new voice just before it is quoted."""
        doc = self.doc
        i = tok.i - 1
        while i >= 0 and (self.quoted(i) or doc[i].is_punct or doc[i].is_space):
            i -= 1
        if i < 0 or i == tok.i - 1:
            return None  # the cue does not follow a quotation
        lo = self.sents.starts[self.sent_of[i]]
        first = self._first_mentions()
        found = None
        # only a subject or an actor's first mention can stop or decide the walk: the
        # sentence's other tokens are passed over without reading them
        subjects, firsts = self._subjects(), self._first_positions()
        steps = sorted({*subjects[bisect_left(subjects, lo): bisect_right(subjects, i)],
                        *firsts[bisect_left(firsts, lo): bisect_right(firsts, i)]})
        for j in steps:
            if self.quoted(j):
                continue
            t = doc[j]
            if (t.dep_ in _SUBJ_DEPS and t.pos_ != "PRON" and t.head.dep_ in ("ROOT", "conj")
                    and (aid := self.person(t)) and self.agrees(tok, aid)):
                return None  # a main-clause subject: the other rules weigh it
            aid = self.da.actor_for_token(j)
            if aid is None or first.get(aid) != j or self.kind(aid) != "person" or not self.agrees(tok, aid):
                continue
            k = j
            while k + 1 <= i and self.da.actor_for_token(k + 1) == aid:
                k += 1
            head = next((x for x in doc[j: k + 1] if not j <= x.head.i <= k), doc[k])
            if any(c.dep_ == "appos" for c in head.children):
                found = aid
        return found
