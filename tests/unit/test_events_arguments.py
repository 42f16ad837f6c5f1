"""Source/target argument rules of the event coder (``newsledger.nlp.events.extract.arguments``),
on sentences written for these tests: stative participles, addressee prepositions, the stated
place over a weak argument, dangling prepositions, compound subjects with clause-internal
targets. Each case runs the real product path (``analyse``)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_events_constructions import code, has

pytestmark = pytest.mark.model

CASES = [
    # (id, sentence, type, source code prefix, target code prefix)
    ("stative-opposed", "Serbia is opposed to French mediation in the talks.", "REJECT", "SRB", "FRA"),
    ("addressee-to", "Albania complained to the United Nations about Serbian police raids.",
     "ACCUSE", "ALB", "SRB"),
    ("place-over-weak", "Hungary refused to deploy peacekeepers in Kosovo.", "REJECT", "HUN", "KSV"),
    ("place-compound", "Serbia eased emergency measures on Monday in Montenegro province.", "CONCEDE", "SRB", "MNE"),
    ("purpose-clause", "Germany is willing to send equipment to help defend Albania.", "AGREE", "DEU", "ALB"),
    ("compound-noun-target", "Serbia and Hungary welcomed the resumption of talks with Albania.",
     None, "HUN", "ALB"),
    ("thing-done-by", "Sudan declared that South Sudan had seceded. Sudan refused to recognize the "
     "independence proclaimed by its former region.", "REJECT", "SDN", "SSD"),
    ("both-sides", "Tensions between Hungary and Romania grew. Both sides failed to reach an agreement.",
     "AGREE", "HUN", "ROU"),
]


@pytest.mark.parametrize("sentence,type_,src,tgt", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_argument_rule(resources: Any, sentence: str, type_: str | None, src: str, tgt: str) -> None:
    events = code(resources, sentence)
    types = [type_] if type_ else sorted({e["type"] for e in events})
    assert any(has(events, t, src, tgt) for t in types), [(e["type"], e["src"], e["tgt"], e["trigger"]) for e in events]


def test_compound_subject_with_clause_target_is_reciprocal(resources: Any) -> None:
    """"X and Y agreed that they should cooperate to help Z": PLOVER codes X->Y and Y->X."""
    events = code(resources, "Greek and Bulgarian officials agreed that their countries should cooperate "
                             "to encourage Albanian students to study abroad.")
    agree = [e for e in events if e["type"] == "AGREE"]
    assert has(agree, "AGREE", "GRC", "BGR") and has(agree, "AGREE", "BGR", "GRC"), agree


def test_addressee_alone_is_still_the_target(resources: Any) -> None:
    events = code(resources, "Albania complained to Serbia on Monday.")
    assert has(events, "ACCUSE", "ALB", "SRB"), events

