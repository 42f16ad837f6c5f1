"""The actor knowledge base: countries, IGOs, office holders and agent nouns from data files.

``load_kb()`` reads ``data/*.en.yaml`` once per process (cached); ``ActorKB.lookup`` finds
the entry a name refers to on a date; ``actor_at`` turns an entry into the ``Actor``
record valid on that date (codes and roles follow the offices held then).
Extra dictionaries are added at run time with ``ActorKB.add_entry`` / ``add_agent``.
Below the curated files lies the Phoenix base layer (``data/phoenix.base.json``, built by
``tools/actors/build_phoenix.py``): loaded on first use, consulted only for names the
curated index lacks (``base_hits``, ``base_place``); below it the GeoNames city
gazetteer (``gazetteer.py``, ``world_place``) for places neither layer knows. ``plover_code`` gives the PLOVER-style
actor code of a CAMEO code (IGOs: ``IGO`` + sector).

The parts live beside this module and are re-exported here: ``names.py`` (``norm``, ``fold``,
``slug``), ``entries.py`` (``KBEntry``, ``Office``, ``Hit``, date validity), ``curated.py``
(the data-file loaders) and ``phoenix.py`` (the base layer).

DOCS: docs/actors.md
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from typing import Any

from newsledger.model import Actor
from newsledger.nlp.actors.curated import load_agents, load_countries, load_igos, load_people
from newsledger.nlp.actors.entries import (
    STAGE,
    Hit,
    KBEntry,
    Office,
    active,
    best_period,
    iso_day,
    point,
)
from newsledger.nlp.actors.gazetteer import load_gazetteer
from newsledger.nlp.actors.names import fold, norm, slug
from newsledger.nlp.actors.phoenix import BASE_FILE, BaseLayer, load_base

__all__ = [
    "BASE_FILE",
    "MAX_ALIAS_TOKENS",
    "STAGE",
    "ActorKB",
    "BaseLayer",
    "Hit",
    "KBEntry",
    "Office",
    "active",
    "fold",
    "load_kb",
    "norm",
    "point",
    "slug",
]

MAX_ALIAS_TOKENS = 8


class ActorKB:
    """In-memory knowledge base with a normalised-name index."""

    def __init__(self) -> None:
        self.entries: dict[str, KBEntry] = {}
        self.owners: dict[str, KBEntry] = {}  # iso3 / IGO key -> entry
        self.index: dict[str, list[Hit]] = {}
        self.titles: dict[str, dict[str, str]] = {}
        self.office_defs: dict[str, dict[str, Any]] = {}
        self.agents: dict[str, str] = {}
        self.sectors: dict[str, str] = {}
        self.rules: dict[str, Any] = {}
        self.plover_countries: dict[str, str] = {}  # CAMEO country code -> ISO alpha-3 where they differ
        self.plover_sectors: dict[str, str] = {}  # CAMEO sector -> PLOVER sector where they differ (HLH -> MED)
        self._former_parts: dict[str, list[str]] | None = None
        self.ambiguous: set[str] = set()
        self.places: dict[str, tuple[str, str]] = {}  # norm(name) -> (name, iso3)
        self.not_people: set[str] = set()
        self.first_names: dict[str, str] = {}  # norm(given name) -> "m" / "f"
        self._first: dict[str, int] | None = None
        self.base_enabled = False  # the Phoenix base layer (load_kb() turns it on; blank KBs have none)
        self._base: BaseLayer | None = None

    def first_words(self) -> dict[str, int]:
        """First word of every indexed name -> the most words a name starting so has."""
        if self._first is None:
            first: dict[str, int] = {}
            for key in list(self.index) + list(self.places):
                words = re.split(r"[ -]", key)
                n = len(key.replace("-", " - ").split())
                first[words[0]] = max(first.get(words[0], 0), n)
            base = self.base()
            if base is not None:
                for w, n in base.first.items():
                    first[w] = max(first.get(w, 0), n)
            self._first = first
        return self._first

    # ----------------------------------------------------------------- index
    def add_key(self, text: str, entry: KBEntry, how: str) -> None:
        """Index the normalised ``text`` as a name of ``entry`` (``how``: name, alias, capital ...)."""
        key = norm(text)
        if not key:
            return
        self._first = None
        hits = self.index.setdefault(key, [])
        if not any(h.entry.id == entry.id and h.how == how for h in hits):
            hits.append(Hit(entry, how))

    def hits(self, text: str) -> list[Hit]:
        """The curated index hits of a name (normalised with ``norm``)."""
        return self.index.get(norm(text), [])

    def plover_code(self, cameo: str, kind: str = "") -> str:
        """The PLOVER-style actor code of a CAMEO code: international organisations are ``IGO``
        plus the first sector block ("IGOUNOMIL" -> "IGOMIL", "IGOEUREEC" -> "IGO"); people
        coded to an IGO with no sector lead it ("IGOGOV"); countries take their ISO 3166 code, and
        sectors whose PLOVER name differs are renamed (``plover_sectors``: health HLH -> MED,
        media MED -> JRN)."""
        if not cameo.startswith("IGO"):
            iso = self.plover_countries.get(cameo[:3])  # PLOVER names countries by ISO 3166 ("TMP" -> "TLS")
            sector = cameo[3:6]
            # PLOVER's sector names differ from CAMEO's for two sectors (health is MED, media JRN)
            return (iso or cameo[:3]) + self.plover_sectors.get(sector, sector) + cameo[6:]
        rest = cameo[3:]
        for k in range(0, len(rest) - 2, 3):
            block = rest[k : k + 3]
            if block in self.sectors and block != "IGO":
                return "IGO" + self.plover_sectors.get(block, block)
        return "IGOGOV" if kind == "person" else "IGO"

    def owner_cameo(self, owner: str) -> str:
        """The CAMEO code of an owner (iso3 or IGO key); the key itself when it has none."""
        e = self.owners.get(owner)
        return (e.cameo if e and e.cameo else owner)

    # ----------------------------------------------------------------- lookup
    def lookup(self, name: str, date: str | None = None, kinds: tuple[str, ...] = ()) -> KBEntry | None:
        """The entry ``name`` most likely names on ``date`` (names before capitals/adjectives)."""
        best = self.best_hit(self.hits(name), point(date), kinds)
        return best.entry if best else None

    def best_hit(self, hits: list[Hit], date: str | None, kinds: tuple[str, ...] = ()) -> Hit | None:
        """The hit to prefer: names before metonyms, capitals, adjectives and surnames, then
        entries with an office or code period active on ``date``."""
        order = {"name": 0, "alias": 0, "metonym": 1, "capital": 2, "adj": 3, "people": 3, "surname": 4}
        cands = [h for h in hits if not kinds or h.entry.kind in kinds]
        if not cands:
            return None

        def score(h: Hit) -> tuple[int, int]:
            e = h.entry
            live = any(active(o.start, o.end, date) for o in e.offices) or any(
                active(s, t, date) for s, t, _ in e.periods
            )
            return (order.get(h.how, 5), 0 if live else 1)

        return min(cands, key=score)

    def office_holders(self, owner: str, role: str, date: str | None) -> list[KBEntry]:
        """People holding an office of ``owner`` answering to ``role`` on ``date``."""
        out = []
        for e in self.entries.values():
            for o in e.offices:
                if o.owner == owner and (role == o.role or role in o.roles) and active(o.start, o.end, point(date)):
                    out.append(e)
                    break
        return out

    def offices_at(self, entry: KBEntry, date: str | None) -> list[Office]:
        """The offices ``entry`` holds on ``date``."""
        return [o for o in entry.offices if active(o.start, o.end, point(date))]

    def codes_at(self, entry: KBEntry, date: str | None) -> dict[str, str]:
        """The codes of ``entry`` on ``date``: an office's, else an active code period's, else (undated)
        the best-known office or period, else the entry's own CAMEO code."""
        d = point(date)
        offs = self.offices_at(entry, d)
        if offs:
            return {"cameo": offs[0].cameo}
        for s, t, codes in entry.periods:
            if active(s, t, d):
                return dict(codes)
        if d is None:  # undated text: the office or code period the name is best known for
            if entry.offices:
                return {"cameo": max(entry.offices, key=lambda o: o.start or "").cameo}
            best = best_period(entry.periods)
            if best is not None:
                return dict(best)
        if entry.periods and not entry.offices:
            return {}
        return {"cameo": entry.cameo} if entry.cameo else {}

    # ----------------------------------------------------------------- base layer
    def base(self) -> BaseLayer | None:
        """The Phoenix base layer (loaded on first use), or None for KBs without one."""
        if not self.base_enabled:
            return None
        if self._base is None:
            self._base = load_base(self)
        return self._base

    def base_hits(self, text: str) -> list[Hit]:
        """Base-layer entries named ``text`` (only consulted where the curated layer has no entry)."""
        base = self.base()
        if base is None:
            return []
        key = norm(text)
        out = []
        for idx in base.index.get(key, ()):
            e = base.entry(self, idx)
            out.append(Hit(e, "name" if norm(e.name) == key else "alias"))
        return out

    def base_place(self, text: str) -> str | None:
        """ISO alpha-3 of the country a base-layer place name (city, province, variant) lies in."""
        base = self.base()
        return base.places.get(norm(text)) if base is not None else None

    def world_place(self, text: str) -> str | None:
        """ISO alpha-3 of the country of a world city (GeoNames, ``gazetteer.py``) named ``text``:
        the last place layer, for names neither the curated files nor the base layer know."""
        if not self.base_enabled:
            return None
        cfg = (self.rules or {}).get("gazetteer") or {}
        if not cfg.get("enabled", True):
            return None
        gaz = load_gazetteer(int(cfg.get("alias_min_population", 100_000)), float(cfg.get("dominance", 5.0)),
                             int(cfg.get("min_length", 4)), tuple(cfg.get("not_cities") or ()))
        return gaz.country_of(text) if gaz is not None else None

    def country_spelling(self, text: str) -> KBEntry | None:
        """The country a base-layer place name is a spelling of ("Afganistan", "Phillippines",
        "Ethopia": the dictionaries list misspellings among a country's places): a name of at
        least 7 letters within one edit (two from 10 letters) of the country's own name or an
        alias. Cities and provinces are never that close to their country's name."""
        key = norm(text)
        iso = self.base_place(key)
        e = self.entries.get(f"country:{iso}") if iso else None
        if e is None or len(key) < 7:
            return None
        limit = 1 if len(key) < 10 else 2
        return e if any(edit_distance(key, norm(n), limit) <= limit for n in (e.name, *e.aliases)) else None

    def known_entry(self, actor_id: str) -> KBEntry | None:
        """The entry behind ``actor_id``: a curated one, or a base-layer one already looked up."""
        e = self.entries.get(actor_id)
        if e is None and self._base is not None:
            e = self._base.built(actor_id)
        return e

    def actor_at(self, entry: KBEntry, date: str | None, extra_roles: tuple[str, ...] = ()) -> Actor:
        """The ``Actor`` record of ``entry`` on ``date``."""
        roles = tuple(dict.fromkeys([o.label for o in self.offices_at(entry, date)] + list(extra_roles)))
        aliases = tuple(a for a in dict.fromkeys([entry.name, *entry.aliases]) if a != entry.name)
        codes = self.codes_at(entry, date)
        if getattr(entry, "_plover", None) and codes.get("cameo") == entry.cameo:
            codes["plover"] = entry._plover  # type: ignore[attr-defined]
        return Actor(
            id=entry.id, name=entry.name, kind=entry.kind,  # type: ignore[arg-type]
            country=entry.country, aliases=aliases, codes=codes, roles=roles,
        )

    def group_actor(self, owner: str, sector: str) -> Actor:
        """The group agent of ``owner`` (iso3 or IGO key) for a CAMEO ``sector``."""
        e = self.owners.get(owner)
        sname = self.sectors.get(sector[:3], sector.lower())
        if e is not None and e.kind == "country":
            adj = e.adj[0] if e.adj else e.name
            name = f"{adj} {sname}"
            country = e.country
        else:
            name = f"{e.name if e else 'international' if owner == 'IGO' else owner} {sname}"
            country = None
        code = self.owner_cameo(owner) if owner != "---" else "---"
        if not code.endswith(sector):
            code += sector
        return Actor(
            id=f"group:{owner}-{slug(sname)}", name=name, kind="group", country=country,
            codes={"cameo": code}, roles=(),
        )

    # ----------------------------------------------------------------- extension
    def add_entry(
        self,
        name: str,
        aliases: list[str] | tuple[str, ...] = (),
        codes: dict[str, str] | None = None,
        kind: str = "other",
        country: str | None = None,
        start: str | None = None,
        end: str | None = None,
        gender: str | None = None,
        actor_id: str | None = None,
    ) -> KBEntry:
        """Add a name (with aliases) to the KB at run time, e.g. a user or test dictionary.

        ``codes`` (e.g. ``{"cameo": "ARNGOV"}``) apply between ``start`` and ``end`` (ISO
        dates, inclusive, None = open). Adding the same name again with another date range
        adds a code period to the same actor. The id is ``actor_id`` or derived from
        ``kind``: person -> ``person:<slug>``, country -> ``country:<country>``,
        organization -> ``org:<slug>``, otherwise ``group:<slug>``.
        """
        if actor_id is None:
            prefix = {"person": "person", "organization": "org", "country": "country"}.get(kind, "group")
            actor_id = f"country:{country}" if kind == "country" and country else f"{prefix}:{slug(name)}"
        entry = self.entries.get(actor_id)
        if entry is None:
            entry = KBEntry(id=actor_id, name=name, kind=kind, country=country, gender=gender)
            self.entries[actor_id] = entry
            if kind == "country" and country:
                entry.key = country
                self.owners.setdefault(country, entry)
        for a in aliases:
            if a not in entry.aliases and a != entry.name:
                entry.aliases.append(a)
        entry.periods.append((iso_day(start), iso_day(end), dict(codes or {})))
        if kind != "person":  # may qualify agents and titles: "Arnor police" -> ARN + COP
            if entry.key is None:
                entry.key = country if kind == "country" and country else actor_id.split(":", 1)[1]
                self.owners.setdefault(entry.key, entry)
            if entry.cameo is None and codes and codes.get("cameo"):
                entry.cameo = codes["cameo"]
        self.add_key(name, entry, "name")
        for a in aliases:
            self.add_key(a, entry, "alias")
        return entry

    def add_agent(self, phrase: str, sector: str) -> None:
        """Add an agent noun phrase (``"police"``) with its CAMEO sector (``"COP"``)."""
        self.agents[" ".join(phrase.lower().replace("_", " ").split())] = sector

    @classmethod
    def blank(cls) -> ActorKB:
        """A KB with the shipped rules (titles, agents, pronouns, metonymy) but no actors."""
        kb = cls()
        full = load_kb()
        kb.titles, kb.office_defs = dict(full.titles), dict(full.office_defs)
        kb.agents, kb.sectors = dict(full.agents), dict(full.sectors)
        kb.plover_sectors = dict(full.plover_sectors)
        kb.rules, kb.ambiguous, kb.not_people = full.rules, set(full.ambiguous), set(full.not_people)
        kb.first_names = dict(full.first_names)
        return kb

    def copy(self) -> ActorKB:
        """A deep copy, so that run-time additions do not change the shared KB (the base layer is shared)."""
        base, self._base = self._base, None
        try:
            out = copy.deepcopy(self)
        finally:
            self._base = base
        out._base = base
        return out

    # ----------------------------------------------------------------- spaCy
    def former_parts(self) -> dict[str, list[str]]:
        """iso3 -> ids of the countries that split from it (``formerly_part_of``), built once."""
        if self._former_parts is None:
            index: dict[str, list[str]] = {}
            for e in self.entries.values():
                if e.kind == "country":
                    for parent in e.formerly_part_of:
                        index.setdefault(parent, []).append(e.id)
            self._former_parts = index
        return self._former_parts

    def entity_ruler_patterns(self) -> list[dict[str, Any]]:
        """Phrase patterns for spaCy's entity_ruler: KB names, aliases, capitals, demonyms."""
        label = {"person": "PERSON", "organization": "ORG", "country": "GPE", "group": "NORP", "other": "ORG"}
        out: dict[tuple[str, str], None] = {}
        for key, hits in self.index.items():
            for h in hits:
                if h.how == "surname":
                    continue
                e = h.entry
                lab = "NORP" if h.how in ("adj", "people") else "GPE" if h.how in ("capital", "metonym") else label[e.kind]
                for text in self._surface_forms(e, h.how):
                    if norm(text) != key or text in self.ambiguous or len(text) < 2:
                        continue
                    out[(lab, text)] = None
                    folded = fold(text)
                    if folded != text:
                        out[(lab, folded)] = None
        for name, _iso in self.places.values():
            out[("GPE", name)] = None
        return [{"label": lab, "pattern": text} for lab, text in out]

    def _surface_forms(self, e: KBEntry, how: str) -> list[str]:
        """The texts by which ``e`` is named in the way ``how``."""
        if how in ("name", "alias"):
            return [e.name, *e.aliases]
        if how == "adj":
            return list(e.adj)
        return list(getattr(e, "_" + how, []))


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


@lru_cache(maxsize=1)
def _load_kb() -> ActorKB:
    """The curated KB read from the data files (cached), with the base layer enabled."""
    kb = ActorKB()
    load_countries(kb)
    load_igos(kb)
    load_people(kb)
    load_agents(kb)
    kb.base_enabled = True
    return kb


def load_kb() -> ActorKB:
    """The curated knowledge base (cached per process; use ``kb.copy()`` before adding)."""
    return _load_kb()
