"""Argument selection and coder mechanisms of the third events pass (docs/events.md, "Argument
selection, third pass"): active conjuncts of a passive verb. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_events_constructions import code, has

pytestmark = pytest.mark.model


def test_active_conjunct_of_a_passive_takes_the_patient_as_source(resources: Any) -> None:
    """"X was condemned by Y and then expelled Z": X does the expelling, not Y."""
    events = code(resources, "Serbia was condemned by Albania and then expelled the Kosovo envoy.")
    assert has(events, "ACCUSE", "ALB", "SRB"), events
    assert has(events, "SANCTION", "SRB"), events
    assert not has(events, "SANCTION", "ALB"), events


def test_future_conjunct_of_a_passive_takes_the_patient_as_source(resources: Any) -> None:
    events = code(resources, "Kurti was criticised by Serbia and will reject the plan.")
    assert has(events, "REJECT", "KSV"), events
    assert not has(events, "REJECT", "SRB"), events


def test_bare_participle_conjunct_stays_passive(resources: Any) -> None:
    """"was arrested by X and charged": the charging is X's too (a bare participle shares the
    passive)."""
    events = code(resources, "The Kosovo mayor was arrested by Serbian police and charged with fraud.")
    assert has(events, "COERCE", "SRB"), events
    assert not any(e["src"] and e["src"][0].startswith("KSV") for e in events), events
