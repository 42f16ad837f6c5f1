"""The actor knowledge base: data files, aliases, date-aware offices and codes, run-time entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.datafiles import HEADER_KEYS, load_data
from newsledger.nlp.actors import ActorKB, load_kb
from newsledger.nlp.actors.petrarch import add_petrarch_actors, add_petrarch_agents

DATA = Path(__file__).resolve().parents[2] / "newsledger" / "nlp" / "actors" / "data"


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return load_kb()


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda p: p.name)
def test_every_actor_data_file_loads_with_header(path: Path) -> None:
    content = load_data(path)
    for key in HEADER_KEYS:
        assert content[key], f"{path.name}: empty {key}"
    assert len(content) > len(HEADER_KEYS), f"{path.name} has no body"


def test_kb_size(kb: ActorKB) -> None:
    kinds = [e.kind for e in kb.entries.values()]
    assert kinds.count("country") >= 195
    assert kinds.count("organization") >= 30
    assert kinds.count("person") >= 80
    assert len(kb.agents) > 1000


@pytest.mark.parametrize(
    "name,actor_id",
    [
        ("Vučić", "person:aleksandar-vucic"),
        ("Vucic", "person:aleksandar-vucic"),
        ("Aleksandar Vucic", "person:aleksandar-vucic"),
        ("Александар Вучић", "person:aleksandar-vucic"),
        ("Lajcak", "person:miroslav-lajcak"),
        ("Miroslav Lajčák", "person:miroslav-lajcak"),
        ("Dacic", "person:ivica-dacic"),
        ("Kosovo", "country:XKX"),
        ("Kosova", "country:XKX"),
        ("Kosovar", "country:XKX"),
        ("Serbian", "country:SRB"),
        ("the European Union", "org:EU"),
        ("EU", "org:EU"),
        ("North Atlantic Treaty Organization", "org:NATO"),
        ("KFOR", "org:KFOR"),
        ("Republic of North Macedonia", "country:MKD"),
    ],
)
def test_alias_lookup(kb: ActorKB, name: str, actor_id: str) -> None:
    entry = kb.lookup(name, "2023-03-18")
    assert entry is not None and entry.id == actor_id


def test_kosovo_codes(kb: ActorKB) -> None:
    kosovo = kb.lookup("Kosovo")
    assert kosovo is not None
    actor = kb.actor_at(kosovo, "2023-01-01")
    assert actor.country == "XKX" and actor.codes["cameo"] == "KSV"


@pytest.mark.parametrize(
    "owner,role,date,holder",
    [
        ("SRB", "president", "2008-03-01", "Boris Tadić"),
        ("SRB", "president", "2015-06-01", "Tomislav Nikolić"),
        ("SRB", "president", "2023-03-18", "Aleksandar Vučić"),
        ("SRB", "prime_minister", "2016-01-01", "Aleksandar Vučić"),
        ("SRB", "prime_minister", "2024-08-01", "Miloš Vučević"),
        ("XKX", "prime_minister", "2019-01-01", "Ramush Haradinaj"),
        ("XKX", "prime_minister", "2023-03-18", "Albin Kurti"),
        ("XKX", "president", "2022-01-01", "Vjosa Osmani"),
        ("EU", "high_representative", "2018-01-01", "Federica Mogherini"),
        ("EU", "foreign_minister", "2022-08-18", "Josep Borrell"),
        ("EU", "high_representative", "2025-03-01", "Kaja Kallas"),
        ("NATO", "secretary_general", "2022-08-17", "Jens Stoltenberg"),
        ("NATO", "secretary_general", "2025-01-01", "Mark Rutte"),
        ("USA", "president", "2016-10-01", "Barack Obama"),
        ("USA", "foreign_minister", "2016-10-01", "John Kerry"),
        ("USA", "secretary_of_state", "2010-10-01", "Hillary Clinton"),
    ],
)
def test_office_holder_on_date(kb: ActorKB, owner: str, role: str, date: str, holder: str) -> None:
    assert [e.name for e in kb.office_holders(owner, role, date)][:1] == [holder]


@pytest.mark.parametrize(
    "name,date,cameo",
    [
        ("Albin Kurti", "2019-06-01", "KSVOPP"),
        ("Albin Kurti", "2023-03-18", "KSVGOV"),
        ("Josep Borrell", "2005-01-01", "IGOEUREEC"),
        ("Josep Borrell", "2019-01-01", "ESPGOV"),
        ("Jens Stoltenberg", "2010-01-01", "NORGOV"),
        ("Jens Stoltenberg", "2020-01-01", "IGOWSTNAT"),
        ("Aleksandar Vucic", "2023-06-22", "SRBGOV"),
    ],
)
def test_person_codes_follow_offices(kb: ActorKB, name: str, date: str, cameo: str) -> None:
    entry = kb.lookup(name, date)
    assert entry is not None
    assert kb.actor_at(entry, date).codes["cameo"] == cameo


@pytest.mark.parametrize(
    "owner,sector,actor_id,cameo",
    [
        ("SRB", "COP", "group:SRB-police", "SRBCOP"),
        ("XKX", "COP", "group:XKX-police", "KSVCOP"),
        ("HUN", "GOV", "group:HUN-government", "HUNGOV"),
        ("KFOR", "MIL", "group:KFOR-military", "IGOWSTNATMIL"),
    ],
)
def test_group_actor(kb: ActorKB, owner: str, sector: str, actor_id: str, cameo: str) -> None:
    actor = kb.group_actor(owner, sector)
    assert actor.id == actor_id and actor.codes["cameo"] == cameo and actor.kind == "group"


def test_entity_ruler_patterns(kb: ActorKB) -> None:
    pats = {(p["label"], p["pattern"]) for p in kb.entity_ruler_patterns()}
    for expected in [("PERSON", "Vučić"), ("PERSON", "Vucic"), ("PERSON", "Borrell"), ("PERSON", "Stoltenberg"),
                     ("NORP", "Kosovar"), ("GPE", "Ohrid"), ("ORG", "European Union"), ("GPE", "Pristina")]:
        assert expected in pats
    assert not any(p == "Chad" for _, p in pats), "ambiguous names stay out of the ruler"


def test_add_entry_with_date_ranges() -> None:
    kb = ActorKB.blank()
    kb.add_entry("Gollum", ["Smeagol"], {"cameo": "HOB"}, kind="other", country=None, end="1995-05-31")
    kb.add_entry("Gollum", [], {"cameo": "HOBGOV"}, kind="other", country=None, start="1995-06-01", end="1999-08-15")
    kb.add_entry("Gollum", [], {"cameo": "HOBREB"}, kind="other", country=None, start="1999-08-16")
    entry = kb.lookup("Smeagol")
    assert entry is not None and entry is kb.lookup("Gollum")
    assert [kb.codes_at(entry, d)["cameo"] for d in ("1990-01-01", "1997-01-01", "2005-01-01")] == [
        "HOB", "HOBGOV", "HOBREB"]


def test_copy_leaves_shared_kb_alone(kb: ActorKB) -> None:
    mine = kb.copy()
    mine.add_entry("Arnor", [], {"cameo": "ARN"}, kind="country", country="ARN")
    assert mine.lookup("Arnor") is not None and kb.lookup("Arnor") is None


def test_petrarch_validate_dictionaries(shared_dir: Path) -> None:
    d = shared_dir / "benchmarks" / "events" / "data" / "dictionaries"
    kb = ActorKB.blank()
    assert add_petrarch_actors(kb, (d / "PETR.Validate.actors.txt").read_text(encoding="utf-8", errors="replace")) > 100
    assert add_petrarch_agents(kb, (d / "PETR.Validate.agents.txt").read_text(encoding="utf-8", errors="replace")) > 50
    gollum = kb.lookup("Gollum")
    assert gollum is not None and kb.codes_at(gollum, "1997-01-01")["cameo"] == "HOBGOV"
    danish = kb.lookup("Danish")
    assert danish is not None and kb.codes_at(danish, None)["cameo"] == "DNK"
    assert kb.agents["foreign minister"] == "GOVFRM"
