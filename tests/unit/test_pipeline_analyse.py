"""The per-article pipeline: stage wiring, cross-stage rules, language gate."""

from __future__ import annotations

import pytest

from newsledger.model import Article
from newsledger.nlp.pipeline import analyse

pytestmark = pytest.mark.model


def test_name_inside_a_date_is_not_an_actor(resources) -> None:
    a = analyse(Article(id="x", text="Protests began on May 29 in Zvecan. Theresa May said nothing.",
                        published="2023-06-01"), resources)
    assert [m.text for m in a.mentions if m.actor_id.startswith("person:")] == ["Theresa May"]
    assert any(t.text == "May 29" and t.value == "2023-05-29" for t in a.time_expressions)


def test_non_english_article_is_flagged_not_analysed(resources) -> None:
    a = analyse(Article(id="x", text="Le président serbe a refusé de signer.", published="2023-03-18",
                        language="fr"), resources)
    assert a.mentions == () and a.events == () and a.quotes == ()
    assert a.notes and "not analysed" in a.notes[0]


def test_analysis_offsets_point_into_the_text(resources) -> None:
    text = ("Serbian President Aleksandar Vucic said on Tuesday: \u201cWe will not recognise Kosovo.\u201d "
            "Kosovo Prime Minister Albin Kurti accused Belgrade of blocking the deal.")
    a = analyse(Article(id="x", text=text, published="2023-02-28"), resources)
    for m in a.mentions:
        assert text[m.start:m.end] == m.text
    for q in a.quotes:
        assert 0 <= q.start < q.end <= len(text)
    for e in a.events:
        assert text[e.start:e.end] == e.sentence
    assert {x.actor_id for x in a.mentions} <= {x.id for x in a.actors}


def test_a_failing_stage_costs_only_its_own_output(resources, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsledger.nlp.events as events

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(events, "code_events", broken)
    a = analyse(Article(id="x", text="Kurti said: \u201cWe are ready.\u201d", published="2023-02-28"), resources)
    assert a.events == () and a.quotes and a.mentions
    assert any("events stage failed (RuntimeError: boom)" in n for n in a.notes)
