"""Loading the curated knowledge-base data files (``data/*.en.yaml``): countries, IGOs,
people and their offices, agent nouns, sectors and resolution rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.datafiles import data_path, load_data
from newsledger.nlp.actors.entries import STAGE, KBEntry, Office, iso_day
from newsledger.nlp.actors.names import norm, slug

if TYPE_CHECKING:  # pragma: no cover
    from newsledger.nlp.actors.kb import ActorKB


def load_countries(kb: ActorKB) -> None:
    """Add the countries of ``countries.en.yaml`` with names, aliases, capitals, adjectives and peoples."""
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
        kb.add_key(e.name, e, "name")
        for a in e.aliases:
            kb.add_key(a, e, "alias")
        for a in e._capital:  # type: ignore[attr-defined]
            kb.add_key(a, e, "capital")
        for a in e.adj:
            if norm(a) != norm(e.name):
                kb.add_key(a, e, "adj")
        for a in e._people:  # type: ignore[attr-defined]
            kb.add_key(a, e, "people")


def load_igos(kb: ActorKB) -> None:
    """Add the international organisations of ``igos.en.yaml`` with their aliases and metonyms."""
    data = load_data(data_path(STAGE, "igos.en.yaml"), required=("igos",))
    for g in data["igos"]:
        e = KBEntry(
            id=f"org:{g['key']}", name=g["name"], kind=g.get("kind", "organization"), country=None,
            aliases=list(g.get("aliases") or []), cameo=g.get("cameo"), adj=list(g.get("adj") or []),
            parent=g.get("parent"), key=g["key"],
        )
        for start, end, code in g.get("periods") or []:  # codes that changed: [start, end, cameo]
            e.periods.append((iso_day(start), iso_day(end), {"cameo": str(code)}))
        if g.get("plover"):
            e._plover = str(g["plover"])  # type: ignore[attr-defined]
        e._metonym = list(g.get("metonyms") or [])  # type: ignore[attr-defined]
        kb.entries[e.id] = e
        kb.owners[g["key"]] = e
        kb.add_key(e.name, e, "name")
        for a in e.aliases:
            kb.add_key(a, e, "alias")
        for a in e.adj:
            kb.add_key(a, e, "adj")
        for a in e._metonym:  # type: ignore[attr-defined]
            kb.add_key(a, e, "metonym")


def _office_label(kb: ActorKB, owner: str, role: str) -> str:
    """A readable office label ("President of Serbia") for offices without one."""
    o = kb.owners.get(owner)
    oname = o.name if o else owner
    return f"{role.replace('_', ' ').title()} of {oname}"


def load_people(kb: ActorKB) -> None:
    """Add the titles and offices of ``offices.en.yaml`` and the people of ``people.en.yaml``
    (with dated offices; a surname is indexed where it names one person only)."""
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
            key, start, end = item[0], iso_day(item[1]), iso_day(item[2])
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
        kb.add_key(e.name, e, "name")
        for a in e.aliases:
            kb.add_key(a, e, "alias")
        last = e.name.split()[-1]
        surnames.setdefault(norm(last), []).append(e)
    for key, es in surnames.items():
        if len(es) == 1 and not any(h.how in ("name", "alias") for h in kb.index.get(key, [])):
            kb.add_key(key, es[0], "surname")


def load_agents(kb: ActorKB) -> None:
    """Read agent nouns, sectors, resolution rules, first names and place names."""
    gen = load_data(data_path(STAGE, "agents.en.yaml"), required=("agents",))
    core = load_data(data_path(STAGE, "agents_core.en.yaml"), required=("agents", "sectors"))
    kb.agents = {str(k): str(v) for k, v in gen["agents"].items()}
    kb.agents.update({str(k): str(v) for k, v in core["agents"].items()})
    kb.sectors = {str(k): str(v) for k, v in core["sectors"].items()}
    kb.plover_sectors = {str(k): str(v) for k, v in (core.get("plover_sectors") or {}).items()}
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
