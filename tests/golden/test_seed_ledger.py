"""The four seed reports end to end (ingest -> JSON export), against what a careful
reader finds in them. Written from reading ../shared/corpus/seeds, not from the
program's output. Publication dates come from the seeds' manifest.csv:
000 = 2022-08-18 (Thu), 001 = 2023-06-22 (Thu), 002 = 2023-03-18 (Sat), 003 = 2023-03-01 (Wed).
"""

from __future__ import annotations

import re
import unicodedata

import pytest

pytestmark = pytest.mark.model

SEED = {"000": "000_2c132052083a2115.txt", "001": "001_576ff5b721831def.txt",
        "002": "002_8775a2445b1b2bdd.txt", "003": "003_ffccb950b864490f.txt"}


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


class View:
    def __init__(self, obj: dict) -> None:
        self.obj = obj
        self.actors = {a["id"]: a for a in obj["actors"]}
        self.article_of = {a["file"]: a["id"] for a in obj["articles"]}

    def name(self, actor_id: str | None) -> str:
        return fold(self.actors[actor_id]["name"]) if actor_id in self.actors else ""

    def actor_ids(self, pattern: str) -> set[str]:
        rx = re.compile(pattern)
        return {m["actor_id"] for m in self.obj["mentions"] if rx.search(fold(m["text"]))}

    def seed(self, key: str) -> str:
        return self.article_of[SEED[key]]


@pytest.fixture(scope="module")
def view(seed_export: dict) -> View:
    return View(seed_export)


# -- actors -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("pattern", "name"),
    [
        (r"\bvucic\b", "vucic"),
        (r"\bkurti\b", "kurti"),
        (r"\bborrell\b", "borrell"),
        (r"\bstoltenberg\b", "stoltenberg"),
        (r"^(the )?(eu|european union)$", r"(european union|\beu\b)"),
        (r"^nato$", "nato"),
        (r"^serbia$", "serbia"),
        (r"^kosovo$", "kosovo"),
    ],
)
def test_seed_actor_is_one_merged_actor(view: View, pattern: str, name: str) -> None:
    ids = view.actor_ids(pattern)
    assert len(ids) == 1, f"{pattern}: {ids}"
    assert re.search(name, view.name(next(iter(ids))))


def test_seed_leaders_are_people_with_codes(view: View) -> None:
    for pattern, code in ((r"\bvucic\b", "SRB"), (r"\bkurti\b", "KSV")):
        (aid,) = view.actor_ids(pattern)
        actor = view.actors[aid]
        assert actor["kind"] == "person"
        assert actor["codes"].get("cameo", "").startswith(code)


# -- quotes -------------------------------------------------------------------------------

QUOTES = [
    ("000", "Unfortunately, we did not reach an agreement", "borrell"),
    ("000", "I'm not giving up", "borrell"),
    ("000", "We have to look for a solution", "borrell"),
    ("000", "Even if I continue to hope for some form of solution", "vucic"),
    ("001", "Here is the core of the problem", "borrell"),
    ("002", "The parties could not find a mutually acceptable solution", "borrell"),
    ("002", "The other side, just like in the last meeting in Brussels", "kurti"),
    ("002", "It is now up to the European Union to find a mechanism", "kurti"),
    ("002", "I think we’ve taken a big step", "vucic"),
    ("003", "As long as I am president, I will not sign", "vucic"),
    ("003", "I am open to everything else", "vucic"),
]


@pytest.mark.parametrize(("seed", "words", "speaker"), QUOTES)
def test_seed_quote_has_its_named_speaker(view: View, seed: str, words: str, speaker: str) -> None:
    aid = view.seed(seed)
    found = [q for q in view.obj["quotes"] if q["article_id"] == aid and words in q["text"]]
    assert found, f"quote not found in {seed}: {words}"
    assert speaker in view.name(found[0]["speaker_id"]), (found[0]["speaker_text"], found[0]["speaker_id"])


@pytest.mark.parametrize("not_speech", ["Belgrade-Pristina dialogue", "Illegal Serbian Structures", "crisis management"])
def test_seed_names_and_headlines_in_quote_marks_are_not_speech(view: View, not_speech: str) -> None:
    assert not [q["text"] for q in view.obj["quotes"] if not_speech in q["text"]]


# -- time expressions ------------------------------------------------------------------------

DATES = [
    ("000", "Thursday", "2022-08-18"),
    ("000", "Wednesday", "2022-08-17"),
    ("000", "2011", "2011"),
    ("000", "September 1st", "2022-09-01"),
    ("000", "2008", "2008"),
    ("000", "2014", "2014"),
    ("001", "Thursday", "2023-06-22"),
    ("002", "Saturday", "2023-03-18"),
    ("002", "last month", "2023-02"),
    ("002", "February 27", "2023-02-27"),
    ("002", "Friday", "2023-03-17"),
    ("002", "1999", "1999"),
    ("003", "last Monday", "2023-02-27"),
    ("003", "Tuesday night", "2023-02-28TNI"),
    ("003", "March 18", "2023-03-18"),
]


@pytest.mark.parametrize(("seed", "words", "value"), DATES)
def test_seed_time_expression_is_resolved(view: View, seed: str, words: str, value: str) -> None:
    aid = view.seed(seed)
    found = [t for t in view.obj["time_expressions"] if t["article_id"] == aid and words in t["text"]]
    assert found, f"{words!r} not tagged in {seed}"
    assert any(t["value"] == value for t in found), [(t["text"], t["value"]) for t in found]


def test_seed_decade_and_durations(view: View) -> None:
    times = view.obj["time_expressions"]
    late90s = [t for t in times if "1990s" in t["text"]]
    assert late90s and late90s[0]["value"] in ("199", "199X") and (late90s[0].get("mod") or "") == "END"  # TimeML: "late" = END
    assert any(t["value"] == "PT12H" for t in times if "12 hours" in t["text"])
    assert any(t["value"] == "PT4H" for t in times if "four hours" in t["text"])


# -- events -------------------------------------------------------------------------------

def _events(view: View, seed: str, type_: str) -> list[dict]:
    aid = view.seed(seed)
    return [e for e in view.obj["events"] if e["article_id"] == aid and e["type"] == type_]


def _names(view: View, ids: list[str]) -> str:
    return " | ".join(view.name(i) for i in ids)


@pytest.mark.parametrize(
    ("seed", "type_", "source", "target", "date", "negated"),
    [
        ("000", "CONSULT", "borrell", r"kurti|vucic", None, False),          # Borrell met Kurti, then Vucic
        ("000", "PROTEST", r"serb", None, None, False),                      # Serbs erected barricades
        ("000", "ACCUSE", "kurti", None, None, False),                       # Kurti criticized ...
        ("000", "AGREE", None, None, "2022-08-18", True),                    # did not reach an agreement (Thu)
        ("001", "REQUEST", "borrell", "serbia", None, False),                # called on Serbia to release
        ("001", "COERCE", "serbia", r"kosovo|police", None, False),          # detention of three police officers
        ("001", "AGREE", r"serbia|kosovo|vucic|kurti", None, "2023-06-22", True),  # failed to reach an agreement
        ("002", "AGREE", r"kosovo|serbia|kurti|vucic|leaders", None, "2023-03-18", True),  # failed to sign
        ("002", "CONSULT", r"kurti|vucic", r"kurti|vucic", "2023-03-18", False),  # met for 12 hours
        ("002", "PROTEST", None, None, "2023-03-17", False),                 # demonstrated on Friday
        ("002", "ACCUSE", "kurti", r"serb", None, False),                    # blamed the Serbian side
        ("002", "REJECT", "serbia", "kosovo", None, False),                  # refuses to recognize
        ("003", "REJECT", "vucic", "kosovo", None, False),                   # vowed never to recognize
        ("003", "CONSULT", r"serbia|kosovo|leaders", None, "2023-02-27", False),  # met in Brussels last Monday
    ],
)
def test_seed_event(view: View, seed: str, type_: str, source: str | None, target: str | None,
                    date: str | None, negated: bool) -> None:
    found = _events(view, seed, type_)
    assert found, f"no {type_} event in {seed}"

    def ok(e: dict) -> bool:
        if source and not re.search(source, _names(view, e["source_ids"])):
            return False
        if target and not re.search(target, _names(view, e["target_ids"])):
            return False
        if date and e["date"] != date:
            return False
        return bool(e["negated"]) == negated

    assert any(ok(e) for e in found), [
        (_names(view, e["source_ids"]), _names(view, e["target_ids"]), e["date"], e["negated"], e["sentence"][:60])
        for e in found
    ]


def test_seed_planned_meeting_is_dated_and_planned(view: View) -> None:
    planned = [e for e in _events(view, "003", "CONSULT") if e["modality"] == "planned"]
    assert any(e["date"] == "2023-03-18" for e in planned), planned


def test_seed_every_item_points_into_its_article(view: View) -> None:
    texts = {a["id"]: a["text"] for a in view.obj["articles"]}
    for m in view.obj["mentions"]:
        assert texts[m["article_id"]][m["start"]:m["end"]] == m["text"]
    for t in view.obj["time_expressions"]:
        assert texts[t["article_id"]][t["start"]:t["end"]] == t["text"]
    for e in view.obj["events"]:
        assert texts[e["article_id"]][e["start"]:e["end"]] == e["sentence"]
