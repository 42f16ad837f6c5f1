"""The Phoenix base layer (``data/phoenix.base.json``, built by ``tools/actors/build_phoenix.py``):
people with dated codes, organisations, armed groups and place names, consulted only for
names the curated layer lacks."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from newsledger.datafiles import data_path
from newsledger.nlp.actors.entries import STAGE, KBEntry, active, iso_day
from newsledger.nlp.actors.names import norm, slug

if TYPE_CHECKING:  # pragma: no cover
    from newsledger.nlp.actors.kb import ActorKB

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
        self._by_id: dict[str, KBEntry] | None = None
        self._surnames: dict[str, list[int]] | None = None
        self._near: dict[str, set[str]] | None = None  # surname and its one-letter deletions -> surnames

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

    def person_variant(self, kb: ActorKB, words: list[str]) -> KBEntry | None:
        """The one base-layer person a full name (normalised ``words``, given name first) names
        with a middle name left out ("Carlos Menem": Carlos Saul Menem) or, otherwise written
        in full, the surname misspelt by one letter ("Francois Mitterand", "Laurent Gbago";
        surnames of 5+ letters): the given name must be the same and every other word must be
        in the dictionary name. Never both ("Maria Espinoza" is not Maria Fernanda Espinosa)."""
        if len(words) < 2 or len(words[-1]) < 3:
            return None
        from newsledger.nlp.actors.kb import edit_distance

        last = words[-1]
        if self._near is None:
            self.surname(kb, "")  # builds the surname index
            near: dict[str, set[str]] = {}
            for sur in self._surnames or {}:
                for v in {sur, *(sur[:k] + sur[k + 1 :] for k in range(len(sur)))}:
                    near.setdefault(v, set()).add(sur)
            self._near = near
        surnames = {last} if len(last) < 5 else {
            sur for v in {last, *(last[:k] + last[k + 1 :] for k in range(len(last)))}
            for sur in self._near.get(v, ()) if edit_distance(last, sur, 1) <= 1}
        found: dict[str, KBEntry] = {}
        for sur in surnames:
            for idx in (self._surnames or {}).get(sur, []):
                row = self.rows[idx]
                for name in (row[0], *row[2]):
                    nw = norm(name).split()
                    # one deviation only: a middle name left out, or a misspelt surname
                    if nw[0] == words[0] and nw[-1] == sur and all(w in nw[1:-1] for w in words[1:-1]) and (
                            len(nw) > len(words) if sur == last else len(nw) == len(words)):
                        e = self.entry(kb, idx)
                        found[e.id] = e
        return next(iter(found.values())) if len(found) == 1 else None

    def surname_in_office(self, kb: ActorKB, word: str, date: str | None) -> KBEntry | None:
        """The only base-layer person named ``word`` (a surname) who held a dated, coded role on
        ``date`` ("Mugabe" in 2008), else None."""
        if date is None:
            return None
        cands = [e for e in self.surname(kb, word) if any(
            s is not None and c.get("cameo") and active(s, t, date) for s, t, c in e.periods)]
        return cands[0] if len({e.id for e in cands}) == 1 else None

    def built(self, actor_id: str) -> KBEntry | None:
        """The entry with ``actor_id`` among those built so far, else None."""
        if self._by_id is None or len(self._by_id) != len(self._entries):
            self._by_id = {e.id: e for e in self._entries.values()}
        return self._by_id.get(actor_id)

    def entry(self, kb: ActorKB, idx: int) -> KBEntry:
        """The ``KBEntry`` of base row ``idx`` (built once; a curated entry of the same id wins)."""
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
        e.periods = [(iso_day(s), iso_day(t), {"cameo": c}) for c, s, t in codes]
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


def load_base(kb: ActorKB) -> BaseLayer | None:
    """The base layer file read with ``kb``'s country codes, or None where the file is missing."""
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
