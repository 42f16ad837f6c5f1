"""Build the Phoenix base layer of the actor KB (``newsledger/nlp/actors/data/phoenix.base.json``).

Reads the PETRARCH-2 / Phoenix actor dictionaries (MIT, Open Event Data Alliance) from the
shared benchmark folder (or ``--dir``) and writes a compact, date-aware JSON file that
``ActorKB`` loads lazily *below* the curated layer (curated names always win):

* ``actors``: ``[name, kind, [aliases], [[code, start, end], ...]]`` for people (entries
  with dated codes or an ``ELI`` code), organisations, armed groups and IGOs;
* ``places``: ``{iso3: [names]}`` — the aliases listed under a country entry (other names,
  misspellings, cities and provinces: "Amman", "Kandahar"); a place is a location of that
  country, never an actor by itself;
* ``index`` / ``place_index`` / ``first``: the normalised lookup keys, precomputed so that
  the layer loads in a fraction of a second.

Stop rules (no false positives from common words): names whose every word is a common
first name, Phoenix discards, one-word person names, one-word organisation names shorter
than 3 letters, and names that are agent nouns of the KB ("police") are left out.
The resolver adds its own rules in context (capitalised words, entity labels).

    .venv/bin/python tools/actors/build_phoenix.py [--dir DICTIONARY_DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", REPO / ".." / "shared")).resolve()
DEFAULT_DIR = SHARED / "benchmarks" / "events" / "data" / "dictionaries"
OUT = REPO / "newsledger" / "nlp" / "actors" / "data" / "phoenix.base.json"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
NON_STATE = ("IGO", "NGO", "IMG", "MNC", "UIS", "REB", "---")


def _discards(path: Path) -> set[str]:
    out: set[str] = set()
    if path.is_file():
        for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = raw.split("#", 1)[0].strip().lstrip("+").strip()
            if line:
                out.add(" ".join(line.replace("_", " ").lower().split()))
    return out


def build(directory: Path) -> dict:
    from newsledger.nlp.actors.kb import load_kb, norm
    from newsledger.nlp.actors.petrarch import parse_petrarch_actors

    kb = load_kb()
    sectors = set(kb.sectors)
    cameo_iso = {}
    for e in kb.entries.values():
        if e.kind == "country" and e.country:
            cameo_iso[(e.cameo or e.country)[:3]] = e.country
            cameo_iso.setdefault(e.country, e.country)
    discards = _discards(directory / "Phoenix.discards.txt")
    first = set(kb.first_names)
    agents = set(kb.agents)
    # words that only describe (titles, agent nouns, country names and demonyms): a name made of
    # them alone ("Kosovar Prime Minister") is a description the resolver codes itself
    generic = {"of", "the", "and", "for", "in", "on", "s", "'s", "former", "new", "deputy", "acting"}
    for phrase in list(kb.titles) + list(agents):
        generic.update(phrase.replace("-", " ").split())
    # the words that open a description of a person ("President Hosni Mubarak", "Serbian Prime
    # Minister X"): titles, agent nouns and demonyms, not every word of a place name ("San Jose",
    # "St. John's" would drop "Jose Eduardo dos Santos" and every "John ...")
    describing = set(generic)
    for key, hits in kb.index.items():
        if any(h.entry.kind != "person" for h in hits):
            generic.update(key.replace("-", " ").split())
        if any(h.entry.kind != "person" and h.how in ("adj", "people") for h in hits):
            describing.update(key.replace("-", " ").split())

    def ok_name(name: str, person: bool, office: bool = False) -> bool:
        key = norm(name)
        words = key.split()
        if not words or key in discards or key in agents:
            return False
        split = key.replace("-", " ").replace(".", " ").split()
        if all(w in generic for w in split):
            return False
        if person and split[0] in describing:  # "President Hosni Mubarak": the resolver reads the title itself
            return False
        # a name made only of given names is too likely part of another name ("Ali Hassan"),
        # unless it is the name of a top office holder ("David Cameron", "Goodluck Jonathan")
        if person and (len(words) < 2 or (all(w in first for w in words) and not office)):
            return False
        return len(key) >= 3 and not key.isdigit()

    actors: list[list] = []
    places: dict[str, list[str]] = {}
    seen_place: set[str] = set()
    for fname in FILES:
        path = directory / fname
        if not path.is_file():
            sys.exit(f"missing {path}")
        text = path.read_text(encoding="utf-8", errors="replace")
        rulers = {parse_petrarch_actors(line.split("#", 1)[0])[0][0] for line in text.splitlines()
                  if "CountryInfo.txt" in line or "rulers.txt" in line.lower() and line.split("#", 1)[0].strip()
                  if parse_petrarch_actors(line.split("#", 1)[0])}
        for name, aliases, codes in parse_petrarch_actors(text):
            # a sector block alone is no actor code; "IGO" is also the prefix of every IGO code
            codes = [(c, s, t) for c, s, t in codes if c and (c[:3] not in sectors or (c[:3] == "IGO" and len(c) > 3))
                     and c not in ("---", "+++")]
            if not name or not codes:
                continue
            undated = [c for c, s, t in codes if s is None and t is None]
            if fname.startswith("Phoenix.Countries") and len(codes) == 1 and undated and (
                len(undated[0]) == 3 or undated[0][3:6] not in sectors
            ) and undated[0][:3] in cameo_iso:
                iso = cameo_iso[undated[0][:3]]
                for n in [name, *aliases]:
                    k = norm(n)
                    if k not in seen_place and ok_name(n, False) and not kb.index.get(k):
                        seen_place.add(k)
                        places.setdefault(iso, []).append(n)
                continue
            person = name in rulers or any(s is not None and t is not None for _c, s, t in codes) or any(
                len(c) >= 6 and c[3:6] == "ELI" for c, _s, _t in codes
            )
            if fname.startswith("Phoenix.International") and not any(s or t for _c, s, t in codes):
                person = False
            kind = "person" if person else "organization"
            forms = []
            for n in [name, *aliases]:
                forms.append(n)
                m = re.match(r"^(.*?)\s*\(([^)]*)\)?\s*$", n)  # "Liberation Tigers Of Tamil Eelam (Ltte)"
                if m and m.group(1):
                    forms.append(m.group(1))
            # a one-word alias is kept only when it looks like an acronym ("The Foundation" is no name)
            # a dated top government code ("GBRGOV", not a ministry's "ESPGOVHLH")
            office = any(s is not None and len(c) == 6 and c[3:6] == "GOV" for c, s, _t in codes)
            names = [n for k, n in enumerate(dict.fromkeys(forms)) if ok_name(n, person, office) and (
                k == 0 or len(norm(n).split()) > 1 or len(norm(n)) <= 5)]
            if not names:
                continue
            dated = [[c, s, t] for c, s, t in codes if s is not None or t is not None]
            plain = [[c, None, None] for c in dict.fromkeys(undated)]
            actors.append([names[0], kind, names[1:], dated + plain])
    index: dict[str, list[int]] = {}
    for i, row in enumerate(actors):
        for n in (row[0], *row[2]):
            lst = index.setdefault(norm(n), [])
            if i not in lst:
                lst.append(i)
    place_index: dict[str, str] = {}
    for iso, names in places.items():
        for n in names:
            place_index.setdefault(norm(n), iso)
    first: dict[str, int] = {}
    for key in list(index) + list(place_index):
        w = re.split(r"[ -]", key)[0]
        first[w] = max(first.get(w, 0), len(key.replace("-", " - ").split()))
    return {
        "version": 1,
        "source": "Phoenix/PETRARCH-2 actor dictionaries (Phoenix.Countries.actors.txt, "
                  "Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt; CountryInfo.140130), "
                  "converted by tools/actors/build_phoenix.py",
        "licence": "MIT (c) 2014 Open Event Data Alliance; this conversion MIT like the project",
        "actors": actors,
        "places": places,
        # precomputed lookup keys (normalised as newsledger.nlp.actors.kb.norm): fast loading
        "index": index,
        "place_index": place_index,
        "first": first,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    data = build(args.dir)
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{args.out}: {len(data['actors'])} actors, {sum(len(v) for v in data['places'].values())} place names, "
          f"{args.out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
