"""Names run together with a headline's words are cut back to the form the body uses."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.nlp.actors import resolve_actors
from newsledger.nlp.actors.headlines import is_title_case


@pytest.mark.parametrize(("line", "expected"), [
    ("Jane Roe Defends Her Plan on Housing Costs", True),
    ("Mayor Backs New Transit Levy", True),
    ("Jane Roe defended her plan on housing costs on Monday.", False),
    ("Roe Wins", False),  # too short to tell
])
def test_title_case_lines(line: str, expected: bool) -> None:
    assert is_title_case(line) is expected


@pytest.mark.model
def test_headline_name_takes_the_body_form(resources: Any) -> None:
    text = ("Jane Roe Defends Her Plan On Housing Costs\n\n"
            "Jane Roe said on Monday that the plan would cut rents. \"It works,\" Roe said.\n")
    res = resolve_actors(resources.nlp(text), resources.kb, "2024-05-01", "t")
    people = [a for a in res.actors if a.startswith("person:")]
    assert people == ["person:jane-roe"]
    assert {m.text for m in res.mentions if m.actor_id == "person:jane-roe"} >= {"Jane Roe", "Roe"}


@pytest.mark.model
def test_headline_name_kept_when_the_body_never_shortens_it(resources: Any) -> None:
    text = ("Talks Resume As Envoy Mark Brooks Arrives In Capital\n\n"
            "The envoy Mark Brooks met both delegations on Tuesday.\n")
    res = resolve_actors(resources.nlp(text), resources.kb, "2024-05-01", "t")
    assert "person:mark-brooks" in res.actors
