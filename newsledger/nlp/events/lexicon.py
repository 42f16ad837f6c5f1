"""The event lexicon: trigger words -> (PLOVER category, CAMEO code, mode), loaded once.

Three data files: ``lexicon.en.yaml`` (hand-curated, wins), ``cameo_verbs.en.yaml``
(derived from PETRARCH-2's CAMEO.2.0 verb dictionary, fallback) and
``cameo_plover.yaml`` (CAMEO code -> PLOVER category and mode).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newsledger.datafiles import data_path, load_data


@dataclass(frozen=True, slots=True)
class Code:
    """One coded meaning: PLOVER category, CAMEO code and PLOVER mode (or None)."""

    plover: str
    cameo: str
    mode: str | None = None
    weak: bool = False  # from the derived fallback lexicon


NO_EVENT = Code("", "---")


@dataclass
class Lexicon:
    verbs: dict[str, Code] = field(default_factory=dict)
    nouns: dict[str, Code] = field(default_factory=dict)
    verb_objects: dict[str, dict[str, Code]] = field(default_factory=dict)
    verb_preps: dict[str, dict[str, Code]] = field(default_factory=dict)
    transitive: dict[str, Code] = field(default_factory=dict)  # a verb's sense when it takes an object
    fb_verbs: dict[str, Code] = field(default_factory=dict)
    fb_objects: dict[str, dict[str, Code]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    control: dict[str, str] = field(default_factory=dict)  # lemma -> role
    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)
    cameo_map: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    def code(self, spec: str) -> Code | None:
        """Parse ``"173"`` / ``"057 AGREE"`` / ``"144 PROTEST obstruct"`` into a Code."""
        return _parse(spec, self.cameo_map)

    def in_list(self, name: str, word: str) -> bool:
        return word in self.lists.get(name, frozenset())

    def extend(self, verbs: dict[str, str], objects: dict[str, dict[str, str]] | None = None,
               unmapped: str | None = None) -> int:
        """Add run-time verb (and verb+object) codes that win over the shipped ones, e.g. a
        test dictionary. A verb the dictionary defines is replaced as a whole: its shipped
        verb+object and verb+preposition senses are dropped, so the dictionary's own patterns
        and default code decide. Codes with no PLOVER category are kept under ``unmapped``."""
        n = 0

        def conv(spec: str) -> Code | None:
            c = self.code(spec)
            if c is None and unmapped:
                c = Code(unmapped, str(spec).split()[0])
            return c

        for k, v in verbs.items():
            c = conv(v)
            if c is not None:
                self.verbs[k] = c
                self.verb_objects.pop(k, None)
                self.verb_preps.pop(k, None)
                self.transitive.pop(k, None)
                n += 1
        for k, objs in (objects or {}).items():
            for o, v in objs.items():
                c = conv(v)
                if c is not None:
                    self.verb_objects.setdefault(k, {})[o] = c
                    n += 1
        return n


def _parse(spec: Any, cmap: dict[str, tuple[str, str | None]]) -> Code | None:
    parts = str(spec).split()
    if not parts:
        return None
    cameo = parts[0]
    if cameo == "---":
        return NO_EVENT
    plover, mode = None, None
    for k in (cameo, cameo[:3], cameo[:2]):
        if k in cmap:
            plover, mode = cmap[k]
            break
    if len(parts) > 1:
        plover = parts[1]
        mode = parts[2] if len(parts) > 2 else mode
    if not plover:
        return None
    return Code(plover, cameo, mode or None)


@lru_cache(maxsize=1)
def agent_heads() -> frozenset[str]:
    """Head nouns of the actor stage's agent phrases ("court", "minister", "student", "rescuer"):
    nouns that name people or bodies even where no actor could be resolved for them. Read from
    the actor data files (``actors/data/agents*.en.yaml``); the head is the word before "of", else
    the last word."""
    out: set[str] = set()
    for name in ("agents.en.yaml", "agents_core.en.yaml"):
        try:
            data = load_data(data_path("actors", name), required=("agents",))
        except Exception:  # noqa: BLE001 - a missing file leaves the set smaller, not broken
            continue
        for phrase in data["agents"] or {}:
            words = str(phrase).lower().split(" of ")[0].split()
            if words:
                out.add(words[-1])
    return frozenset(out)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The merged lexicon (cached per process)."""
    cm = load_data(data_path("events", "cameo_plover.yaml"), required=("map",))["map"]
    cmap: dict[str, tuple[str, str | None]] = {}
    for code, val in cm.items():
        p = str(val).split()
        cmap[str(code)] = (p[0], p[1] if len(p) > 1 else None)
    cur = load_data(data_path("events", "lexicon.en.yaml"), required=("verbs", "nouns", "control"))
    fb = load_data(data_path("events", "cameo_verbs.en.yaml"), required=("verbs",))
    lex = Lexicon(raw=cur, cameo_map=cmap)

    def table(d: dict[str, Any]) -> dict[str, Code]:
        out = {}
        for k, v in (d or {}).items():
            c = _parse(v, cmap)
            if c is not None:
                out[str(k)] = c
        return out

    lex.verbs = table(cur["verbs"])
    lex.nouns = table(cur["nouns"])
    lex.verb_objects = {str(v): table(objs) for v, objs in (cur.get("verb_objects") or {}).items()}
    lex.verb_preps = {str(v): table(ps) for v, ps in (cur.get("verb_preps") or {}).items()}
    lex.transitive = table(cur.get("transitive_verbs") or {})
    skip = tuple(str(r) for r in cur.get("fallback_skip_roots") or ())
    closed = set(cur.get("light_verbs") or ()) | set(cur.get("speech_verbs") or ())
    for words in cur["control"].values():
        closed |= set(words)
    lex.fb_verbs = {k: Code(c.plover, c.cameo, c.mode, True) for k, c in table(fb["verbs"]).items()
                    if not c.cameo.startswith(skip) and k not in closed}
    lex.fb_objects = {str(v): {o: Code(c.plover, c.cameo, c.mode, True) for o, c in table(objs).items()
                               if not c.cameo.startswith(skip)}
                      for v, objs in (fb.get("objects") or {}).items() if str(v) not in closed}
    lex.light_verbs = frozenset(cur.get("light_verbs") or ())
    for role, words in cur["control"].items():
        for w in words:
            lex.control.setdefault(str(w), str(role))
    for name in ("speech_verbs", "modal_planned", "modal_hypothetical", "hypothetical_marks",
                 "planned_adjectives", "negators", "reciprocal_categories", "target_preps",
                 "location_preps", "intent_conflict_categories", "generic_event_heads", "modal_obligation", "stance_verbs", "no_passive",
                 "stative_participles", "participation_verbs", "participation_preps",
                 "condition_target_categories", "condition_marks", "reason_nouns", "natural_forces",
                 "object_noun_preps", "relational_nouns", "instrument_sectors",
                 "denial_verbs", "claim_nouns", "force_movement_nouns", "against_prefixes",
                 "reciprocal_intransitive_categories", "patient_subject_verbs", "object_required_verbs",
                 "name_entity_types", "comparison_preps", "attempt_nouns", "mutual_verbs", "mutual_objects", "measure_nouns", "wish_verbs",
                 "population_target_categories", "population_place_categories",
                 "place_target_foreign_categories", "settlement_nouns", "population_source_categories",
                 "deep_target_categories", "unattributed_attack_categories", "weapon_doer_nouns",
                 "weapon_means_preps", "border_nouns", "prior_talks_target_categories", "prior_talks_preps"):
        lex.lists[name] = frozenset(str(x) for x in cur.get(name) or ())
    return lex
