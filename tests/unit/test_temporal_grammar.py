"""The temporal rule files: every language file loads, compiles and names known rules."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from newsledger.datafiles import load_data
from newsledger.errors import DataFileError
from newsledger.nlp.temporal.grammar import REQUIRED_KEYS, build_grammar
from newsledger.nlp.temporal.normalise import RULES

DATA = Path(__file__).resolve().parents[2] / "newsledger" / "nlp" / "temporal" / "data"
GRAMMARS = sorted(DATA.glob("grammar.*.yaml"))


def test_english_grammar_present() -> None:
    assert DATA / "grammar.en.yaml" in GRAMMARS


@pytest.mark.parametrize("path", GRAMMARS, ids=lambda p: p.name)
def test_grammar_file_is_valid(path: Path) -> None:
    data = load_data(path, required=REQUIRED_KEYS)
    lang = path.name.split(".")[1]
    g = build_grammar(data, lang)
    names = [p.name for p in g.patterns]
    assert len(names) == len(set(names)), "pattern names must be unique"
    for spec in data["patterns"]:
        assert spec["rule"] in RULES, f"pattern {spec['name']} names unknown rule {spec['rule']}"
        assert spec.get("trigger"), f"pattern {spec['name']} needs a trigger"
    for key in ("months", "weekdays", "units"):
        assert data[key], key
    assert sorted(set(data["months"].values())) == list(range(1, 13))
    assert sorted(set(data["weekdays"].values())) == list(range(1, 8))


@pytest.mark.parametrize("path", GRAMMARS, ids=lambda p: p.name)
def test_no_duplicate_keys(path: Path) -> None:
    """PyYAML keeps the last of two equal keys silently; a rule file must not rely on it."""
    import yaml

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
        keys = [loader.construct_object(k) for k, _ in node.value]
        dup = {k for k in keys if keys.count(k) > 1}
        assert not dup, (
            f"{path.name}: duplicate keys {sorted(map(str, dup))} near line {node.start_mark.line + 1}"
        )
        return loader.construct_mapping(node)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    yaml.load(path.read_text(encoding="utf-8"), Loader=Strict)  # noqa: S506 (safe loader subclass)


def _english() -> dict:
    return copy.deepcopy(load_data(DATA / "grammar.en.yaml", required=REQUIRED_KEYS))


def test_unknown_macro_is_reported() -> None:
    data = _english()
    data["patterns"].append({"name": "broken", "rule": "year", "regex": "{NOPE}", "trigger": "x"})
    with pytest.raises(DataFileError, match="NOPE"):
        build_grammar(data, "en")


def test_bad_regex_is_reported() -> None:
    data = _english()
    data["patterns"].append(
        {"name": "broken", "rule": "year", "regex": "(unclosed", "trigger": "x"}
    )
    with pytest.raises(DataFileError, match="broken"):
        build_grammar(data, "en")


def test_pattern_without_rule_is_reported() -> None:
    data = _english()
    data["patterns"].append({"name": "broken", "regex": "x"})
    with pytest.raises(DataFileError, match="rule"):
        build_grammar(data, "en")


def test_triggers_cover_their_patterns() -> None:
    """A pattern only runs near its trigger: each trigger must occur inside its matches."""
    from newsledger.nlp.temporal.grammar import load_grammar
    from newsledger.nlp.temporal.tagger import _hits, _windows

    g = load_grammar("en")
    samples = (
        "On Friday, March 3, 1999 at 5 p.m. EST the late 1990s, the 20th century, the third "
        "quarter of 1998, the first half of 1997, last spring, every Monday, twice a week, "
        "two years ago, the past two months, more than 12 hours, yesterday morning, this "
        "weekend, next year, earlier this month, the following day, Christmas Day, 1999-03-05, "
        "3/5/99, nineteen ninety-six, fiscal 1998, the year-ago quarter, the 1990s, the year, "
        "weeks, Mondays, noon, 16:08 UTC, now, this fiscal year, the nineties, 1998-1999, "
        "on April 24 and 25, a day-long talk, for a second consecutive day, by mid afternoon, "
        "the past five trading days, the then current price."
    )
    lowered = samples.lower()
    for p in g.patterns:
        assert p.trigger is not None, p.name
        full = {m.span() for m in p.regex.finditer(samples)}
        windows = _windows(_hits(p.trigger, p.keywords, lowered, {}), *p.window, len(samples))
        windowed = {m.span() for lo, hi in windows for m in p.regex.finditer(samples, lo, hi)}
        assert full <= windowed, (p.name, sorted(full - windowed))


def test_a_new_language_is_a_data_task(monkeypatch: pytest.MonkeyPatch) -> None:
    """A toy French grammar built only from data runs through the same normalisers."""
    fr = {
        "version": 1,
        "source": "test",
        "licence": "test",
        **{k: {} for k in REQUIRED_KEYS if k not in ("patterns", "tense_cues", "context_words")},
        "months": {"mars": 3, "février": 2},
        "weekdays": {"lundi": 1, "vendredi": 5},
        "number_units": {"deux": 2, "trois": 3},
        "number_tens": {"vingt": 20},
        "vague_quantities": {"quelques": "X"},
        "ordinals": {"premier": 1},
        "units": {"an": "Y", "ans": "Y", "jours": "D", "semaine": "W"},
        "relative_words": {"dernier": -1, "dernière": -1, "prochain": 1, "prochaine": 1},
        "fixed_words": {"aujourd'hui": ["DATE", "PRESENT_REF"]},
        "canonical_words": {"il y a": "ago", "dernier": "last", "prochain": "next"},
        "tense_cues": {"future": ["va", "sera"], "past": ["a", "ont"], "past_suffix": "é"},
        "context_words": {
            "temporal_prepositions": ["en", "depuis"],
            "season_prepositions": ["en"],
            "not_counted_nouns": [],
            "modals": ["va"],
            "modal_fillers": ["être"],
            "period_endings": ["clos"],
        },
        "patterns": [
            {
                "name": "jour_mois",
                "rule": "month_day",
                "trigger": "{MONTH}",
                "regex": r"\b{DAYNUM}\s+{MONTH}(?:\s+{YEAR})?\b",
            },
            {
                "name": "il_y_a",
                "rule": "ago",
                "trigger": "il y a",
                "regex": r"\b(?P<dir>il\s+y\s+a)\s+{QUANT}\s+{UNIT}\b",
            },
            {
                "name": "jour_semaine",
                "rule": "weekday",
                "trigger": "{WEEKDAY}",
                "regex": r"\b{WEEKDAY}(?:\s+(?P<rel>dernier|prochain))?\b",
            },
            {
                "name": "unite_relative",
                "rule": "rel_unit",
                "trigger": "{UNIT}",
                "regex": r"\bl['’]{UNIT}\s+(?P<rel>dernière|dernier|prochaine|prochain)\b",
            },
            {"name": "fixe", "rule": "fixed", "trigger": "{FIXED}", "regex": r"\b{FIXED}"},
            {
                "name": "duree",
                "rule": "duration",
                "trigger": "{UNIT}",
                "regex": r"\b{QUANT}\s+{UNIT}\b",
            },
        ],
    }
    from newsledger.nlp.temporal import tagger

    g = build_grammar(fr, "fr")
    monkeypatch.setattr(tagger, "load_grammar", lambda lang="en": g)
    text = "Vucic a parlé Lundi dernier, le 18 mars 2023, il y a deux ans et l'an dernier."
    found = [(t.text, t.type, t.value) for t in tagger.tag(text, "2023-03-22", "fr")]
    assert found == [
        ("Lundi dernier", "DATE", "2023-03-20"),
        ("18 mars 2023", "DATE", "2023-03-18"),
        ("il y a deux ans", "DATE", "2021"),
        ("l'an dernier", "DATE", "2022"),
    ]
