"""The cue lexicon (``data/cues.en.yaml``), loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsledger.datafiles import data_path, load_data


@dataclass(frozen=True)
class CueLexicon:
    speech: frozenset[str]
    belief: frozenset[str]
    content_deps: frozenset[str]
    object_cues: frozenset[str]
    source_preps: tuple[tuple[str, ...], ...]
    non_speakers: frozenset[str]
    document_nouns: frozenset[str]
    object_content: frozenset[str]
    mixed_quote_verbs: frozenset[str]
    plural_pronouns: frozenset[str]
    xcomp_content: frozenset[str]
    prep_content: dict[str, frozenset[str]]
    min_words_uncued: int
    cut_deps: frozenset[str]
    max_words_title: int
    max_gap_continuation: int
    title_small_words: frozenset[str]
    title_preceders: frozenset[str]
    cut_marks: frozenset[str]
    max_words_scare: int
    adverbial_marks: frozenset[str]
    generic_holders: frozenset[str]
    hedge_modals: frozenset[str]
    passive_evidential: frozenset[str] = frozenset()
    editorial_notes: tuple[str, ...] = ()
    infinitive_nouns: frozenset[str] = frozenset()
    adjunct_preps: frozenset[str] = frozenset()
    inscription_nouns: frozenset[str] = frozenset()
    adjunct_nouns: frozenset[str] = frozenset()

    def reports_or_judges(self, lemma: str) -> bool:
        """Verbs whose object can hold someone's words (mixed quotes)."""
        return (lemma in self.speech or lemma in self.belief or lemma in self.object_cues
                or lemma in self.object_content or lemma in self.mixed_quote_verbs)

    def is_cue(self, lemma: str) -> bool:
        return (lemma in self.speech or lemma in self.belief or lemma in self.object_content
                or lemma in self.xcomp_content or lemma in self.prep_content
                or lemma in self.passive_evidential)


@lru_cache(maxsize=1)
def load_lexicon() -> CueLexicon:
    d = load_data(data_path("quotes", "cues.en.yaml"), required=("speech_verbs", "belief_verbs"))
    return CueLexicon(
        speech=frozenset(w.lower() for w in d["speech_verbs"]),
        belief=frozenset(w.lower() for w in d["belief_verbs"]),
        content_deps=frozenset(d.get("content_deps") or ("ccomp",)),
        object_cues=frozenset(d.get("object_cues") or ()),
        source_preps=tuple(tuple(p) for p in d.get("source_prepositions") or ()),
        non_speakers=frozenset(d.get("non_speakers") or ()),
        document_nouns=frozenset(d.get("document_nouns") or ()),
        object_content=frozenset(d.get("object_content_verbs") or ()),
        mixed_quote_verbs=frozenset(d.get("mixed_quote_verbs") or ()),
        plural_pronouns=frozenset(d.get("plural_pronouns") or ()),
        xcomp_content=frozenset(d.get("xcomp_content_verbs") or ()),
        prep_content={k: frozenset(v) for k, v in (d.get("prep_content_verbs") or {}).items()},
        max_gap_continuation=int(d.get("max_gap_continuation", 200)),
        max_words_title=int(d.get("max_words_title", 8)),
        title_small_words=frozenset(d.get("title_small_words") or ()),
        title_preceders=frozenset(d.get("title_preceders") or ()),
        cut_deps=frozenset(d.get("content_cut_deps") or ()),
        cut_marks=frozenset(d.get("content_cut_marks") or ()),
        min_words_uncued=int(d.get("min_words_uncued", 4)),
        max_words_scare=int(d.get("max_words_scare", 3)),
        adverbial_marks=frozenset(w.lower() for w in d.get("adverbial_marks") or ()),
        generic_holders=frozenset(w.lower() for w in d.get("generic_holders") or ()),
        hedge_modals=frozenset(w.lower() for w in d.get("hedge_modals") or ()),
        passive_evidential=frozenset(w.lower() for w in d.get("passive_evidential_verbs") or ()),
        inscription_nouns=frozenset(w.lower() for w in d.get("inscription_nouns") or ()),
        adjunct_preps=frozenset(w.lower() for w in d.get("adjunct_prepositions") or ()),
        adjunct_nouns=frozenset(w.lower() for w in d.get("adjunct_nouns") or ()),
        infinitive_nouns=frozenset(w.lower() for w in d.get("infinitive_nouns") or ()),
        editorial_notes=tuple(w.lower().replace("\u2019", "'") for w in d.get("editorial_note_labels") or ()),
    )
