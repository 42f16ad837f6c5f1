"""Protests: nationals protesting are civilians (lexicon.en.yaml ``population_source_categories``)
and the target named inside the demand (``deep_target_categories``). Sentences written for
these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_events_constructions import code, has

pytestmark = pytest.mark.model


def test_protesting_nationals_are_civilians(resources: Any) -> None:
    events = code(resources, "Thousands of Tunisians marched in the capital on Friday.")
    assert has(events, "PROTEST", "TUNCVL"), events


def test_protest_target_inside_the_demand(resources: Any) -> None:
    """"blocked roads to press their demands for jobs from the Tunisian government": the
    government is the target, four levels below the protest verb."""
    events = code(resources, "Young Tunisians blocked roads on Sunday to press their demands for jobs and housing "
                             "from the Tunisian government.")
    assert has(events, "PROTEST", None, "TUNGOV"), events
