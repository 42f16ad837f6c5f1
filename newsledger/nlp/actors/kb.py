"""The actor knowledge base: countries, IGOs, office holders and agent nouns from data files.

``load_kb()`` reads ``data/*.en.yaml`` once per process (cached); ``ActorKB.lookup`` finds
the entry a name refers to on a date; ``actor_at`` turns an entry into the ``Actor``
record valid on that date (codes and roles follow the offices held then).
Extra dictionaries are added at run time with ``ActorKB.add_entry`` / ``add_agent``.
Below the curated files lies the Phoenix base layer (``data/phoenix.base.json``, built by
``tools/actors/build_phoenix.py``): loaded on first use, consulted only for names the
curated index lacks (``base_hits``, ``base_place``). ``plover_code`` gives the PLOVER-style
actor code of a CAMEO code (IGOs: ``IGO`` + sector).

DOCS: docs/actors.md
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newsledger.datafiles import data_path, load_data
from newsledger.model import Actor

STAGE = "actors"
MAX_ALIAS_TOKENS = 8


def slug(text: str) -> str:
    """ASCII, lower-case, hyphen-separated form of a name (used in actor ids)."""
    t = fold(text).lower()
    out = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    if not out and text.strip():  # a name in another script: keep it stable and readable
        out = re.sub(r"[\W_]+", "-", text.strip().lower()).strip("-")
    return out


def fold(text: str) -> str:
    """Strip diacritics (``Vučić`` -> ``Vucic``; ``Đ`` -> ``D``); other scripts are kept."""
    text = text.replace("Đ", "D").replace("đ", "d").replace("ß", "ss").replace("ø", "o").replace("Ø", "O")
    text = text.replace("ı", "i").replace("Ł", "L").replace("ł", "l")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """The lookup key of a name: folded, lower case, spaces collapsed, no leading "the"."""
    t = fold(text).lower().replace("’", "'").replace("–", "-").replace("—", "-")
    t = re.sub(r"\s*-\s*", "-", t)
    t = re.sub(r"\s+", " ", t).strip()
    if t.startswith("the "):
        t = t[4:]
    return t


def _date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)[:10]


def point(date: str | None) -> str | None:
    """A partial ISO date as a comparable day (``2023`` -> ``2023-07-01``)."""
    if not date:
        return None
    d = str(date)[:10]
    if len(d) == 4 and d.isdigit():
        return d + "-07-01"
    if len(d) == 7:
        return d + "-15"
    return d


def active(start: str | None, end: str | None, date: str | None) -> bool:
    """Whether ``date`` falls in [start, end]; an unknown date counts as "now"."""
    if date is None:
        return end is None
    return (start is None or start <= date) and (end is None or date <= end)


@dataclass
class Office:
    key: str  # "SRB.president"
    owner: str  # "SRB" or an IGO key
    role: str
    roles: frozenset[str]
    label: str
    start: str | None
    end: str | None
    cameo: str


@dataclass
class KBEntry:
    id: str
    name: str
    kind: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    cameo: str | None = None
    gender: str | None = None
    offices: list[Office] = field(default_factory=list)
    periods: list[tuple[str | None, str | None, dict[str, str]]] = field(default_factory=list)
    adj: list[str] = field(default_factory=list)
    parent: str | None = None
    key: str | None = None  # owner key: iso3 for countries, IGO key for IGOs
    formerly_part_of: list[str] = field(default_factory=list)  # iso3 of states it split from


@dataclass
class Hit:
    entry: KBEntry
    how: str  # name | alias | surname | capital | adj | people | metonym


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
    def _add_key(self, text: str, entry: KBEntry, how: str) -> None:
        key = norm(text)
        if not key:
            return
        self._first = None
        hits = self.index.setdefault(key, [])
        if not any(h.entry.id == entry.id and h.how == how for h in hits):
            hits.append(Hit(entry, how))

    def hits(self, text: str) -> list[Hit]:
        return self.index.get(norm(text), [])

    def plover_code(self, cameo: str, kind: str = "") -> str:
        """The PLOVER-style actor code of a CAMEO code: international organisations are ``IGO``
        plus the first sector block ("IGOUNOMIL" -> "IGOMIL", "IGOEUREEC" -> "IGO"); people
        coded to an IGO with no sector lead it ("IGOGOV"); other codes are unchanged."""
        if not cameo.startswith("IGO"):
            iso = self.plover_countries.get(cameo[:3])  # PLOVER names countries by ISO 3166 ("TMP" -> "TLS")
            return iso + cameo[3:] if iso else cameo
        rest = cameo[3:]
        for k in range(0, len(rest) - 2, 3):
            block = rest[k : k + 3]
            if block in self.sectors and block != "IGO":
                return "IGO" + block
        return "IGOGOV" if kind == "person" else "IGO"

    def owner_cameo(self, owner: str) -> str:
        e = self.owners.get(owner)
        return (e.cameo if e and e.cameo else owner)

    # ----------------------------------------------------------------- lookup
    def lookup(self, name: str, date: str | None = None, kinds: tuple[str, ...] = ()) -> KBEntry | None:
        """The entry ``name`` most likely names on ``date`` (names before capitals/adjectives)."""
        best = self.best_hit(self.hits(name), point(date), kinds)
        return best.entry if best else None

    def best_hit(self, hits: list[Hit], date: str | None, kinds: tuple[str, ...] = ()) -> Hit | None:
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
        return [o for o in entry.offices if active(o.start, o.end, point(date))]

    def codes_at(self, entry: KBEntry, date: str | None) -> dict[str, str]:
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
            best = _best_period(entry.periods)
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
            self._base = _load_base(self)
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
            name = f"{e.name if e else owner} {sname}"
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
        entry.periods.append((_date(start), _date(end), dict(codes or {})))
        if kind != "person":  # may qualify agents and titles: "Arnor police" -> ARN + COP
            if entry.key is None:
                entry.key = country if kind == "country" and country else actor_id.split(":", 1)[1]
                self.owners.setdefault(entry.key, entry)
            if entry.cameo is None and codes and codes.get("cameo"):
                entry.cameo = codes["cameo"]
        self._add_key(name, entry, "name")
        for a in aliases:
            self._add_key(a, entry, "alias")
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
        if how in ("name", "alias"):
            return [e.name, *e.aliases]
        if how == "adj":
            return list(e.adj)
        return list(getattr(e, "_" + how, []))


# ===================================================================== loading
def _load_countries(kb: ActorKB) -> None:
    data = load_data(data_path(STAGE, "countries.en.yaml"), required=("countries",))
    for c in data["countries"]:
        iso = c["iso3"]
        e = KBEntry(
            id=f"country:{iso}", name=c["name"], kind="country", country=iso,
            aliases=list(c.get("aliases") or []), cameo=c.get("cameo") or iso,
            adj=list(c.get("adj") or []), key=iso,
            formerly_part_of=list(c.get("formerly_part_of") or []),
        )
        e._capital = list(c.get("capital") or [])  # type: ignore[attr-defined]
        e._people = list(c.get("people") or [])  # type: ignore[attr-defined]
        e._cameo_variants = [str(v) for v in c.get("cameo_variants") or []]  # type: ignore[attr-defined]
        if e.cameo != iso and not iso.startswith("X"):  # user-assigned X.. codes are not ISO: keep CAMEO's
            kb.plover_countries[str(e.cameo)] = iso
        kb.entries[e.id] = e
        kb.owners[iso] = e
        kb._add_key(e.name, e, "name")
        for a in e.aliases:
            kb._add_key(a, e, "alias")
        for a in e._capital:  # type: ignore[attr-defined]
            kb._add_key(a, e, "capital")
        for a in e.adj:
            if norm(a) != norm(e.name):
                kb._add_key(a, e, "adj")
        for a in e._people:  # type: ignore[attr-defined]
            kb._add_key(a, e, "people")


def _load_igos(kb: ActorKB) -> None:
    data = load_data(data_path(STAGE, "igos.en.yaml"), required=("igos",))
    for g in data["igos"]:
        e = KBEntry(
            id=f"org:{g['key']}", name=g["name"], kind=g.get("kind", "organization"), country=None,
            aliases=list(g.get("aliases") or []), cameo=g.get("cameo"), adj=list(g.get("adj") or []),
            parent=g.get("parent"), key=g["key"],
        )
        if g.get("plover"):
            e._plover = str(g["plover"])  # type: ignore[attr-defined]
        e._metonym = list(g.get("metonyms") or [])  # type: ignore[attr-defined]
        kb.entries[e.id] = e
        kb.owners[g["key"]] = e
        kb._add_key(e.name, e, "name")
        for a in e.aliases:
            kb._add_key(a, e, "alias")
        for a in e.adj:
            kb._add_key(a, e, "adj")
        for a in e._metonym:  # type: ignore[attr-defined]
            kb._add_key(a, e, "metonym")


def _office_label(kb: ActorKB, owner: str, role: str) -> str:
    o = kb.owners.get(owner)
    oname = o.name if o else owner
    return f"{role.replace('_', ' ').title()} of {oname}"


def _load_people(kb: ActorKB) -> None:
    offices = load_data(data_path(STAGE, "offices.en.yaml"), required=("titles", "offices"))
    kb.titles = {k.lower(): {kk: str(vv) for kk, vv in v.items()} for k, v in offices["titles"].items()}
    kb.office_defs = offices["offices"]
    data = load_data(data_path(STAGE, "people.en.yaml"), required=("people",))
    surnames: dict[str, list[KBEntry]] = {}
    for p in data["people"]:
        country = p.get("country")
        e = KBEntry(
            id=f"person:{slug(p['name'])}", name=p["name"], kind="person", country=country,
            aliases=list(p.get("aliases") or []), gender=p.get("gender"),
            cameo=p.get("code") or (kb.owner_cameo(country) if country else None),
        )
        for item in p.get("offices") or []:
            key, start, end = item[0], _date(item[1]), _date(item[2])
            owner, role = key.split(".", 1)
            d = kb.office_defs.get(key, {})
            owner_e = kb.owners.get(owner)
            if len(item) > 3:
                cameo = str(item[3])
            elif owner_e is not None and owner_e.kind == "country":
                cameo = kb.owner_cameo(owner) + d.get("sector", "GOV")
            else:
                cameo = kb.owner_cameo(owner)
            e.offices.append(Office(
                key=key, owner=owner, role=role, roles=frozenset(d.get("roles", [])),
                label=d.get("label") or _office_label(kb, owner, role), start=start, end=end, cameo=cameo,
            ))
        kb.entries[e.id] = e
        kb._add_key(e.name, e, "name")
        for a in e.aliases:
            kb._add_key(a, e, "alias")
        last = e.name.split()[-1]
        surnames.setdefault(norm(last), []).append(e)
    for key, es in surnames.items():
        if len(es) == 1 and not any(h.how in ("name", "alias") for h in kb.index.get(key, [])):
            kb._add_key(key, es[0], "surname")


def _load_agents(kb: ActorKB) -> None:
    gen = load_data(data_path(STAGE, "agents.en.yaml"), required=("agents",))
    core = load_data(data_path(STAGE, "agents_core.en.yaml"), required=("agents", "sectors"))
    kb.agents = {str(k): str(v) for k, v in gen["agents"].items()}
    kb.agents.update({str(k): str(v) for k, v in core["agents"].items()})
    kb.sectors = {str(k): str(v) for k, v in core["sectors"].items()}
    kb.rules = load_data(data_path(STAGE, "resolution.en.yaml"), required=("pronouns", "metonymy"))
    kb.ambiguous = set(kb.rules.get("ambiguous_names") or [])
    kb.not_people = {norm(x) for x in kb.rules.get("not_people") or []}
    names = load_data(data_path(STAGE, "first_names.en.yaml"), required=("male", "female"))
    for gender, key in (("m", "male"), ("f", "female")):
        for n in names[key]:
            kb.first_names.setdefault(norm(str(n)), gender)
    places = load_data(data_path(STAGE, "places.en.yaml"), required=("places",))
    for iso, names in places["places"].items():
        for name in names:
            kb.places[norm(name)] = (name, str(iso))


def _best_period(periods: list[tuple[str | None, str | None, dict[str, str]]]) -> dict[str, str] | None:
    """For an undated text: an open dated period, else the latest non-ELI dated one, else the default."""
    dated = [(s, t, c) for s, t, c in periods if (s or t) and c.get("cameo")]
    open_ = [x for x in dated if x[1] is None]
    if open_:
        return max(open_, key=lambda x: x[0] or "")[2]
    main = [x for x in dated if x[2]["cameo"][3:6] != "ELI"]
    if main:
        return max(main, key=lambda x: x[0] or "")[2]
    plain = [c for s, t, c in periods if not s and not t and c.get("cameo")]
    if plain:
        return plain[0]
    return dated[-1][2] if dated else None


BASE_FILE = "phoenix.base.json"


class BaseLayer:
    """The Phoenix-derived names (people with dated codes, organisations, armed groups) and places.

    Built by ``tools/actors/build_phoenix.py``; consulted only for names the curated layer
    lacks. Entries become ``KBEntry`` objects when first hit.
    """

    def __init__(self, data: dict[str, Any], cameo_iso: dict[str, str]) -> None:
        self.rows: list[list[Any]] = data.get("actors") or []
        self.variants: dict[str, str] = {}  # stray country prefixes of the dictionaries -> the country's code
        self.cameo_iso = cameo_iso
        self.index: dict[str, list[int]] = data.get("index") or {}
        self.places: dict[str, str] = data.get("place_index") or {}
        self.first: dict[str, int] = data.get("first") or {}
        if not self.index:  # a file without precomputed keys
            for i, row in enumerate(self.rows):
                for name in (row[0], *row[2]):
                    lst = self.index.setdefault(norm(name), [])
                    if i not in lst:
                        lst.append(i)
            for iso, names in (data.get("places") or {}).items():
                for name in names:
                    self.places.setdefault(norm(name), str(iso))
        if not self.first:
            for key in list(self.index) + list(self.places):
                words = re.split(r"[ -]", key)
                n = len(key.replace("-", " - ").split())
                if n > self.first.get(words[0], 0):
                    self.first[words[0]] = n
        self._entries: dict[int, KBEntry] = {}
        self._surnames: dict[str, list[int]] | None = None

    def surname(self, kb: ActorKB, word: str) -> list[KBEntry]:
        """Base-layer people whose name ends with ``word`` (normalised)."""
        if self._surnames is None:
            self._surnames = {}
            for i, row in enumerate(self.rows):
                if row[1] == "person":
                    for name in (row[0], *row[2]):
                        words = norm(name).split()
                        if len(words) > 1:
                            lst = self._surnames.setdefault(words[-1], [])
                            if i not in lst:
                                lst.append(i)
        return [self.entry(kb, i) for i in self._surnames.get(norm(word), [])]

    def entry(self, kb: ActorKB, idx: int) -> KBEntry:
        e = self._entries.get(idx)
        if e is not None:
            return e
        name, kind, aliases, codes = self.rows[idx]
        aid = f"{'person' if kind == 'person' else 'org'}:{slug(name)}"
        cur = kb.entries.get(aid)
        if cur is not None and not getattr(cur, "_base", False):
            self._entries[idx] = cur  # the curated entry wins
            return cur
        codes = [(self.variants.get(c[:3], c[:3]) + c[3:], s, t) for c, s, t in codes]  # "ANGREB" -> "AGOREB"
        countries = [self.cameo_iso.get(c[:3]) for c, _s, _t in codes]
        country = next((c for c in reversed(countries) if c), None)
        e = KBEntry(id=aid, name=name, kind=kind, country=country, aliases=list(aliases))
        e.periods = [(_date(s), _date(t), {"cameo": c}) for c, s, t in codes]
        e._base = True  # type: ignore[attr-defined]
        if kind != "person":
            e.cameo = codes[-1][0] if codes else None
            if e.cameo and (e.cameo[:3] in self.cameo_iso or e.cameo.startswith("IGO")):
                # a state-based group or IGO qualifies agents ("Hezbollah guerrillas" = Hezbollah);
                # companies and NGOs do not ("Wells Fargo business")
                e.key = aid.split(":", 1)[1]
                kb.owners.setdefault(e.key, e)
        self._entries[idx] = e
        return e


def _load_base(kb: ActorKB) -> BaseLayer | None:
    path = data_path(STAGE, BASE_FILE)
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("version", "source", "licence"):
        if key not in data:
            from newsledger.errors import DataFileError

            raise DataFileError(str(path), f"missing header key '{key}'")
    cameo_iso: dict[str, str] = {}
    variants: dict[str, str] = {}
    for e in kb.entries.values():
        if e.kind == "country" and e.country:
            cameo_iso.setdefault((e.cameo or e.country)[:3], e.country)
            cameo_iso.setdefault(e.country, e.country)
            for v in getattr(e, "_cameo_variants", ()):
                variants[v] = (e.cameo or e.country)[:3]
    base = BaseLayer(data, cameo_iso)
    base.variants = variants
    return base


@lru_cache(maxsize=1)
def _load_kb() -> ActorKB:
    kb = ActorKB()
    _load_countries(kb)
    _load_igos(kb)
    _load_people(kb)
    _load_agents(kb)
    kb.base_enabled = True
    return kb


def load_kb() -> ActorKB:
    """The curated knowledge base (cached per process; use ``kb.copy()`` before adding)."""
    return _load_kb()
