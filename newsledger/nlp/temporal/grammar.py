"""The data-driven temporal grammar: vocabulary + regex templates -> compiled patterns.

Everything language-specific lives in ``data/grammar.<lang>.yaml``: vocabulary lists
(months, weekdays, number words, units, parts of day, seasons, modifiers, relative
words, holidays, tense cues) and pattern templates whose ``{MACRO}`` slots are filled
from that vocabulary. Adding French or German means writing that file; the rule names
it references are the language-neutral normalisers in ``normalise.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsledger.datafiles import data_path, load_data
from newsledger.errors import DataFileError

REQUIRED_KEYS = (
    "months",
    "weekdays",
    "number_units",
    "number_tens",
    "vague_quantities",
    "ordinals",
    "units",
    "parts_of_day",
    "seasons",
    "point_mods",
    "duration_mods",
    "ago_mods",
    "relative_words",
    "fixed_words",
    "day_words",
    "anaphoric_days",
    "holidays",
    "tense_cues",
    "context_words",
    "decade_words",
    "patterns",
)

# macro -> (vocabulary key, named group); each macro may appear once per pattern
_VOCAB_MACROS = {
    "MONTH": ("months", "month"),
    "WEEKDAY": ("weekdays", "wd"),
    "ORD": ("ordinals", "ord"),
    "UNIT": ("units", "unit"),
    "PART": ("parts_of_day", "part"),
    "SEASON": ("seasons", "season"),
    "PMOD": ("point_mods", "pmod"),
    "DMOD": ("duration_mods", "dmod"),
    "FIXED": ("fixed_words", "fixed"),
    "DAYWORD": ("day_words", "dayword"),
    "ANAPHOR": ("anaphoric_days", "anaphor"),
    "HOLIDAY": ("holidays", "holiday"),
}
_MACRO_RE = re.compile(r"\{([A-Z]+)\}")


@dataclass(frozen=True)
class Pattern:
    name: str
    rule: str
    regex: re.Pattern[str]
    priority: int
    trigger: re.Pattern[str] | None = None
    # literal words one of which must occur in the (lower-cased) text for the trigger to
    # fire; empty = no such shortcut (the trigger always runs)
    keywords: tuple[str, ...] = ()
    window: tuple[int, int] = (70, 90)  # characters searched before / after a trigger hit


@dataclass
class Grammar:
    lang: str
    data: dict[str, Any]
    patterns: list[Pattern]
    not_after: re.Pattern[str] | None
    tense_re: re.Pattern[str]
    past_suffix: str
    numbers: dict[str, int] = field(default_factory=dict)
    # context tests built from ``context_words`` (see the data file)
    preposition_before: re.Pattern[str] | None = None
    season_preposition_before: re.Pattern[str] | None = None
    counted_noun_after: re.Pattern[str] | None = None
    modal_before: re.Pattern[str] | None = None
    period_ending_after: re.Pattern[str] | None = None
    possessive_after: re.Pattern[str] | None = None
    possessive_future_before: re.Pattern[str] | None = None
    past_perfect: re.Pattern[str] | None = None
    deadline_before: re.Pattern[str] | None = None
    # a cue that is an infinitive ("to meet"): never the finite verb of its clause
    infinitive_cue: re.Pattern[str] | None = None
    # modals that look back when negated ("could not be reached"), and negation words
    past_when_negated: frozenset[str] = frozenset()
    negation: re.Pattern[str] | None = None
    # words after which a future cue is a past ("failed to meet", "refused to hold")
    past_governor_before: re.Pattern[str] | None = None
    # a reporting frame between commas (", he said,"), skipped as a tense cue
    parenthetical_report: re.Pattern[str] | None = None
    # the gap between a verb and a time expression that depends on it (" on ", " in ")
    adjunct_gap: re.Pattern[str] | None = None
    # what precedes a time expression that opens its sentence ("In January, ...")
    fronted_before: re.Pattern[str] | None = None
    # a future seen from a past moment ("would", "was to"): sequence of tenses
    future_in_past: re.Pattern[str] | None = None
    # a reporting verb next to a day: "said on Monday", "on Monday announced"
    report_verb: re.Pattern[str] | None = None
    # what follows a time expression that labels the rest of its line ("2 June: ...")
    label_after: re.Pattern[str] | None = None
    # words that start a clause (",", "that", "which" ...); after a time expression also
    # coordinators ("and", "but"): ``clause_end``
    clause_boundary: re.Pattern[str] | None = None
    clause_end: re.Pattern[str] | None = None
    # a complement clause right after a span ("the announcement Tuesday *that* he will
    # ..."): its verb is not the span's
    complement_after: re.Pattern[str] | None = None
    # "have" after a modal ("would have seen"): with a modal from ``past_perfect_modals``, a
    # look back
    perfect_after_modal: re.Pattern[str] | None = None
    past_perfect_modals: frozenset[str] = frozenset()
    canonical: dict[str, str] = field(default_factory=dict)


def _alternation(words: Any) -> str:
    """Regex alternation of the given surface forms, longest first, spaces flexible."""
    forms = sorted({str(w).lower() for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in forms)


def _number_regex(data: dict[str, Any]) -> str:
    units = _alternation(data["number_units"])
    tens = _alternation(data["number_tens"])
    scales = _alternation(data.get("number_scales", {}))
    word = rf"(?:(?:{tens})(?:[\s-](?:{units}))?|(?:{units}))(?:\s+(?:{scales}))?"
    if scales:
        word = rf"(?:(?:a|one)\s+(?:{scales})|{word})"
    return rf"(?:\d+\s+1/2|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{word})"


def _expand(template: str, data: dict[str, Any], name: str) -> str:
    number = _number_regex(data)

    def repl(m: re.Match[str]) -> str:
        macro = m.group(1)
        if macro in _VOCAB_MACROS:
            key, group = _VOCAB_MACROS[macro]
            return rf"(?P<{group}>{_alternation(data[key])})"
        if macro == "NUM":
            return rf"(?P<num>{number})"
        if macro == "QUANT":
            return rf"(?P<num>{_alternation(data['vague_quantities'])}|{number})"
        if macro == "YEAR":
            return r"(?P<y>(?:1[0-9]|20)\d\d)"
        if macro == "DAYNUM":
            days = _alternation(k for k, v in data["ordinals"].items() if int(v) > 0)
            return rf"(?P<d>[0-3]?\d(?!\d)|{days})"
        raise DataFileError(f"grammar pattern '{name}'", f"unknown macro {{{macro}}}")

    return _MACRO_RE.sub(repl, template)


def _tense_regex(cues: dict[str, Any]) -> re.Pattern[str]:
    """One regex for all tense cues, groups ``fut`` / ``past``, and ``pres`` for a present
    auxiliary before a past participle ("is signed": present, not past; its participle
    is group ``part``, which may itself be a future cue, "is scheduled")."""
    fut = _alternation(cues["future"])
    past = _alternation(cues["past"])
    suffix = re.escape(str(cues.get("past_suffix", "ed")))
    aux = _alternation(cues.get("present_auxiliaries") or [])
    neg = [str(w) for w in cues.get("futurate_not_after") or []]
    futurate = ""
    if aux and cues.get("futurate_progressive"):
        # "is meeting", "are travelling" + a day: a plannable event arranged ahead
        futurate = (
            rf"|\b(?:{aux})\s+(?:[a-z]+ly\s+)?(?:{_alternation(cues['futurate_progressive'])})\b"
        )
    if cues.get("futurate_present"):
        # "the mandate expires on Friday"; not "did not resume" (the auxiliary decides), nor
        # an aspectual verb before its complement ("the mud begins to swirl": a description)
        # (``aspectual_present``)
        not_after = "".join(rf"(?<!{re.escape(w.lower())}\s)" for w in neg)
        futurate += rf"|{not_after}(?<![\w'])(?:{_alternation(cues['futurate_present'])})(?!\w)"
        asp = cues.get("aspectual_present") or {}
        if asp.get("verbs"):
            not_before = "".join(
                rf"(?!\s+{re.escape(str(w).lower())}\b)" for w in asp.get("not_before") or []
            )
            futurate += (
                rf"|{not_after}(?<![\w'])(?:{_alternation(asp['verbs'])})(?!\w)"
                rf"{not_before}"
            )
    pres = ""
    if aux:
        pres = (
            rf"|(?P<pres>\b(?:{aux})\s+(?:(?:{_alternation(neg) or 'not'}|[a-z]+ly)\s+)?"
            rf"(?:(?:{_alternation(cues.get('passive_progressive') or ['being'])})\s+)?"
            rf"(?P<part>(?-i:[a-z]{{2,}}{suffix})|{past})\b)"
        )
    return re.compile(
        rf"(?P<fut>(?<![\w'])(?:{fut})(?![\w]){futurate}){pres}"
        rf"|(?P<past>(?<![\w'])(?:{past})(?!\w)|\b(?-i:[a-z]{{2,}}{suffix})\b)",
        re.IGNORECASE,
    )


def _boundary_regex(words: list[Any]) -> re.Pattern[str] | None:
    """Clause boundaries: punctuation as given, words as whole words."""
    if not words:
        return None
    punct = [str(w) for w in words if not re.search(r"\w", str(w))]
    wordy = [w for w in words if re.search(r"\w", str(w))]
    alts = [re.escape(p) for p in punct]
    if wordy:
        alts.append(rf"\b(?:{_alternation(wordy)})\b")
    return re.compile("|".join(alts), re.IGNORECASE)


def _keywords(trigger: str, data: dict[str, Any]) -> tuple[str, ...]:
    """Literal words a trigger needs: the first word of each vocabulary entry for a
    one-macro trigger, the words of a plain word alternation; () when unsure."""
    m = re.fullmatch(r"\{([A-Z]+)\}", trigger)
    if m and m.group(1) in _VOCAB_MACROS:
        words = []
        for k in data[_VOCAB_MACROS[m.group(1)][0]]:
            w = re.match(r"[a-z]+", str(k).lower())
            if not w:
                return ()
            words.append(w.group(0))
        return tuple(sorted(set(words)))
    body = re.sub(r"\\b|\(\?:|\)|s\\b$", "", trigger)
    if trigger and re.fullmatch(r"[a-z]+(?:\|[a-z]+)*", body):
        return tuple(sorted(set(body.split("|"))))
    return ()


def build_grammar(data: dict[str, Any], lang: str) -> Grammar:
    """Compile a grammar from a loaded data mapping (raises DataFileError on bad rules)."""
    patterns = []
    triggers: dict[str, re.Pattern[str]] = {}
    for i, spec in enumerate(data["patterns"]):
        for key in ("name", "rule", "regex"):
            if key not in spec:
                raise DataFileError(f"grammar.{lang}.yaml", f"pattern #{i} lacks '{key}'")
        src = _expand(spec["regex"], data, spec["name"])
        try:
            rx = re.compile(src, re.IGNORECASE)
        except re.error as exc:
            raise DataFileError(
                f"grammar.{lang}.yaml", f"pattern '{spec['name']}': {exc}"
            ) from None
        trig = None
        if spec.get("trigger"):
            tsrc = _expand(spec["trigger"], data, spec["name"])
            trig = triggers.get(tsrc)
            if trig is None:
                try:
                    # matched against the lower-cased text: case-sensitive is faster
                    trig = triggers[tsrc] = re.compile(tsrc)
                except re.error as exc:
                    raise DataFileError(
                        f"grammar.{lang}.yaml", f"trigger of '{spec['name']}': {exc}"
                    ) from None
        kws = _keywords(str(spec.get("trigger", "")), data)
        win = tuple(int(x) for x in spec.get("window", (70, 90)))
        if len(win) != 2:
            raise DataFileError(
                f"grammar.{lang}.yaml", f"pattern '{spec['name']}': window needs 2 numbers"
            )
        patterns.append(
            Pattern(
                spec["name"],
                spec["rule"],
                rx,
                int(spec.get("priority", i)),
                trig,
                kws,
                (win[0], win[1]),
            )
        )
    na = data.get("not_after")
    numbers = {str(k).lower(): int(v) for k, v in data["number_units"].items()}
    numbers.update({str(k).lower(): int(v) for k, v in data["number_tens"].items()})
    cw = data["context_words"]
    preps = _alternation(cw["temporal_prepositions"])
    return Grammar(
        preposition_before=re.compile(rf"(?:\b(?:{preps})\s+|-)$", re.IGNORECASE),
        season_preposition_before=re.compile(
            rf"\b(?:{_alternation(cw['season_prepositions'])})\s+$", re.IGNORECASE
        ),
        counted_noun_after=re.compile(
            rf"\s+(?!(?:{_alternation(cw['not_counted_nouns'])})\b)[a-z]+s\b"
        ),
        modal_before=re.compile(
            rf"\b(?P<modal>{_alternation(cw['modals'])})\s+(?:(?:{_alternation(cw['modal_fillers'])})\s+)*$",
            re.IGNORECASE,
        ),
        period_ending_after=re.compile(
            rf"\s+(?:{_alternation(cw['period_endings'])})\b", re.IGNORECASE
        ),
        possessive_after=(
            re.compile(rf"(?:{_alternation(cw['possessive_marks'])})\b", re.IGNORECASE)
            if cw.get("possessive_marks")
            else None
        ),
        possessive_future_before=(
            re.compile(rf"\b(?:{_alternation(cw['possessive_future_before'])})\s+$", re.IGNORECASE)
            if cw.get("possessive_future_before")
            else None
        ),
        deadline_before=(
            re.compile(rf"\b(?:{_alternation(cw['deadline_prepositions'])})\s+$", re.IGNORECASE)
            if cw.get("deadline_prepositions")
            else None
        ),
        past_perfect=(
            re.compile(str(data["tense_cues"]["past_perfect"]), re.IGNORECASE)
            if data["tense_cues"].get("past_perfect")
            else None
        ),
        infinitive_cue=(
            re.compile(
                rf"(?:{_alternation([data['tense_cues']['infinitive_marker']])})\s", re.IGNORECASE
            )
            if data["tense_cues"].get("infinitive_marker")
            else None
        ),
        past_when_negated=frozenset(str(w).lower() for w in cw.get("past_when_negated") or []),
        negation=(
            re.compile(rf"\b(?:{_alternation(cw['negations'])})(?!\w)", re.IGNORECASE)
            if cw.get("negations")
            else None
        ),
        past_governor_before=(
            re.compile(rf"\b(?:{_alternation(cw['past_governors'])})\s+$", re.IGNORECASE)
            if cw.get("past_governors")
            else None
        ),
        parenthetical_report=(
            re.compile(
                rf",\s*(?:[\w.'’-]+\s+){{0,4}}(?:{_alternation(cw['reporting_verbs'])})\s*,",
                re.IGNORECASE,
            )
            if cw.get("reporting_verbs")
            else None
        ),
        adjunct_gap=(
            re.compile(rf"\s+(?:{_alternation(cw['adjunct_prepositions'])})\s+", re.IGNORECASE)
            if cw.get("adjunct_prepositions")
            else None
        ),
        fronted_before=(
            re.compile(
                rf"(?:[.!?][\"'’”)]*\s+|\n[ \t]*)"
                rf"(?:(?:{_alternation(cw.get('adjunct_prepositions') or [])})\s+)?$",
                re.IGNORECASE,
            )
            if cw.get("adjunct_prepositions")
            else None
        ),
        future_in_past=(
            re.compile(rf"\b(?:{_alternation(cw['future_in_past'])})\b", re.IGNORECASE)
            if cw.get("future_in_past")
            else None
        ),
        report_verb=(
            re.compile(
                rf"(?:\b(?:{_alternation(cw['report_verbs'])})\b(?:\s+\w+){{0,2}}\s+"
                rf"(?:(?:{_alternation(cw.get('adjunct_prepositions') or ['on'])})\s+)?$)"
                rf"|(?:\s*,?\s*(?:{_alternation(cw['report_verbs'])})\b)",
                re.IGNORECASE,
            )
            if cw.get("report_verbs")
            else None
        ),
        label_after=(re.compile(str(cw["label_after"])) if cw.get("label_after") else None),
        clause_boundary=_boundary_regex(cw.get("clause_boundaries") or []),
        clause_end=_boundary_regex(
            (cw.get("clause_boundaries") or []) + (cw.get("coordinators") or [])
        ),
        complement_after=(
            re.compile(rf"\s*,?\s*(?:{_alternation(cw['complementizers'])})\b", re.IGNORECASE)
            if cw.get("complementizers")
            else None
        ),
        perfect_after_modal=(
            re.compile(str(cw["modal_perfect"]), re.IGNORECASE) if cw.get("modal_perfect") else None
        ),
        past_perfect_modals=frozenset(str(w).lower() for w in cw.get("past_perfect_modals") or []),
        canonical={
            re.sub(r"\s+", " ", str(k).lower()): str(v).lower()
            for k, v in (data.get("canonical_words") or {}).items()
        },
        lang=lang,
        data=data,
        patterns=patterns,
        not_after=re.compile(na, re.IGNORECASE) if na else None,
        tense_re=_tense_regex(data["tense_cues"]),
        past_suffix=str(data["tense_cues"].get("past_suffix", "ed")),
        numbers=numbers,
    )


FALLBACK_LANG = "en"


def has_grammar(lang: str) -> bool:
    """Whether ``data/grammar.<lang>.yaml`` exists."""
    if not re.fullmatch(r"[a-z]{2,3}", lang or ""):
        return False
    return data_path("temporal", f"grammar.{lang}.yaml").is_file()


@cache
def load_grammar(lang: str = "en") -> Grammar:
    """The compiled grammar for ``lang`` (read once per process). A language without a
    grammar file gets the English one (numeric dates and years still resolve)."""
    if not has_grammar(lang):
        lang = FALLBACK_LANG
    path = data_path("temporal", f"grammar.{lang}.yaml")
    return build_grammar(load_data(path, required=REQUIRED_KEYS), lang)
