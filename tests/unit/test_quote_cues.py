"""Quote cues of the lexicon (``data/cues.en.yaml``): stance objects, the parser's lemma of
"hoping", "talk about", and belief verbs left out (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.unit.test_quotes_extract import _find as _with
from tests.unit.test_quotes_extract import _quotes


@pytest.mark.model
@pytest.mark.parametrize(("text", "content"), [
    ("The mayor expressed deep concern about the new tax on small shops.",
     "deep concern about the new tax on small shops"),
    ("Maria Lopez noted the sharp rise in rents across the city.", "the sharp rise in rents across the city"),
    ("The senator downplayed the risk of a second recession.", "the risk of a second recession"),
    ("The governor outlined her plan for the state's schools.", "her plan for the state's schools"),
    ("The senator emphasized the need for a new bridge over the river.", "the need for a new bridge over the river"),
])
def test_the_object_of_a_stance_verb_is_the_attributed_content(nlp, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    q, _ = _with(_quotes(nlp, text), content)
    assert q.text == content and q.kind == "indirect"


@pytest.mark.model
@pytest.mark.parametrize("text", ["Maria Lopez is hoping the council will approve the budget before the summer.",
                                  "Maria Lopez hoped the council would approve the budget."])
def test_hoping_read_by_the_parser_as_hop_is_a_belief_cue(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    q, name = _with(_quotes(nlp, text), "the council")
    assert q.cue is not None and q.cue.lower().startswith("hop")
    assert name is not None and "Lopez" in name


@pytest.mark.model
def test_what_someone_talked_about_is_the_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The senator talked about the cost of housing for young families."
    q, _ = _with(_quotes(nlp, text), "cost of housing")
    assert q.text == "the cost of housing for young families"


@pytest.mark.model
@pytest.mark.parametrize("text", ["He feared that the old bridge would collapse in the storm.",
                                  "The results proved that the old bridge would not survive another storm."])
def test_fear_and_prove_attribute_no_clause(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(nlp, text) == []
