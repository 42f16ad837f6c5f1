"""The event lexicon data files load and only name PLOVER categories and CAMEO codes."""

from __future__ import annotations

from newsledger.model import PLOVER_CATEGORIES
from newsledger.nlp.events.lexicon import NO_EVENT, load_lexicon


def test_every_entry_is_a_plover_category_with_a_cameo_code() -> None:
    lex = load_lexicon()
    tables = [lex.verbs, lex.nouns, lex.fb_verbs, *lex.verb_objects.values(), *lex.verb_preps.values()]
    assert len(lex.verbs) > 100 and len(lex.nouns) > 50 and len(lex.fb_verbs) > 100
    for table in tables:
        for key, code in table.items():
            assert isinstance(key, str) and key == key.strip().lower(), key
            if code is NO_EVENT:
                continue
            assert code.plover in PLOVER_CATEGORIES, (key, code)
            assert code.cameo.isdigit(), (key, code)


def test_word_lists_are_strings() -> None:
    lex = load_lexicon()
    for name, words in lex.lists.items():
        assert all(isinstance(w, str) for w in words), name  # YAML 1.1 reads bare on/no as booleans
    assert "on" in lex.lists["target_preps"] and "no" in lex.lists["negators"]


def test_cameo_plover_map() -> None:
    lex = load_lexicon()
    assert lex.code("173").plover == "COERCE" and lex.code("173").mode == "arrest"
    assert lex.code("057 AGREE").plover == "AGREE" and lex.code("---") is NO_EVENT
    assert lex.code("0311").plover == "AGREE"
