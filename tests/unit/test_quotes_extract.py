"""Quote extraction: marks, constructions, speakers (sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.nlp.quotes.marks import find_mark_spans


# -- quote-mark spans (no model) --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win the vote" today.', ["we will win the vote"]),
        ("He said \u201cwe will win the vote\u201d today.", ["we will win the vote"]),
        ('"A first part," she said, "and a second."', ["A first part,", "and a second."]),
        ("She said \u201cthe plan, \u2018as written\u2019, fails\u201d.", ["the plan, \u2018as written\u2019, fails"]),
    ],
)
def test_mark_spans(text: str, expected: list[str]) -> None:
    spans = find_mark_spans(text)
    assert [text[m.start:m.end] for m in spans] == expected


def test_multi_paragraph_quote_is_one_span() -> None:
    text = "He said:\n\n\u201cThe first paragraph goes on.\n\n\u201cThe second one ends here.\u201d\n\nThen nothing."
    spans = find_mark_spans(text)
    assert len(spans) == 1
    assert len(spans[0].pieces) == 2
    assert text[spans[0].start:spans[0].end].endswith("ends here.")


def test_stray_closing_mark_is_ignored() -> None:
    assert find_mark_spans("A stray \u201d mark here.") == []


# -- constructions (parsed) -------------------------------------------------------
@pytest.fixture(scope="module")
def resources():  # type: ignore[no-untyped-def]
    """The product pipeline (model + the actor gazetteer), for the seed reports."""
    from newsledger.nlp.pipeline import Resources

    return Resources.load()


def _quotes(nlp, text: str, kb=None):  # type: ignore[no-untyped-def]
    from newsledger.nlp.actors import load_kb, resolve_actors
    from newsledger.nlp.quotes import extract_quotes

    doc = nlp(text)
    da = resolve_actors(doc, kb if kb is not None else load_kb(), None, "t")
    return [(q, da.actors[q.speaker_id].name if q.speaker_id else None) for q in extract_quotes(doc, da, "t")]


def _find(found, fragment: str):  # type: ignore[no-untyped-def]
    for q, name in found:
        if fragment in q.text:
            return q, name
    raise AssertionError(f"no quote containing {fragment!r} in {[q.text for q, _ in found]}")


CASES = [
    # (text, words of the quote, expected speaker name word, kind)
    ('"We will not accept this proposal," Maria Lopez said on Monday.', "not accept this proposal", "Lopez", "direct"),
    ('"We will not accept this proposal," said Maria Lopez.', "not accept this proposal", "Lopez", "direct"),
    ("\u201cWe will not accept this proposal,\u201d Maria Lopez told reporters.", "not accept this proposal", "Lopez", "direct"),
    ('Maria Lopez said: "We will not accept this proposal."', "not accept this proposal", "Lopez", "direct"),
    ('Maria Lopez met the press. "We will not accept this proposal," she said.', "not accept this proposal", "Lopez", "direct"),
    ('Maria Lopez told reporters that the talks had failed.', "the talks had failed", "Lopez", "indirect"),
    ('Maria Lopez believes that the agreement must include recognition.', "agreement must include recognition", "Lopez", "indirect"),
    ('Maria Lopez announced that she was ready to negotiate.', "ready to negotiate", "Lopez", "indirect"),
    ('According to Maria Lopez, the talks will resume next week.', "talks will resume next week", "Lopez", "indirect"),
    ('Maria Lopez said the government was "ready to talk at any time".', "ready to talk at any time", "Lopez", "partial"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "words", "speaker", "kind"), CASES)
def test_constructions(nlp, text: str, words: str, speaker: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    q, name = _find(_quotes(nlp, text), words)
    assert q.kind == kind
    assert name is not None and speaker in name
    assert q.id == "t:q1" or q.id.startswith("t:q")


@pytest.mark.model
def test_signed_quote_after_a_dash(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\u201cThis decision will hurt every family in the valley.\u201d \u2015 Jane Whitfield"
    q, name = _find(_quotes(nlp, text), "hurt every family")
    assert name is not None and "Whitfield" in name


@pytest.mark.model
def test_parenthetical_cue_gives_indirect_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The new border rules, Maria Lopez said, would take effect in the spring."
    q, name = _find(_quotes(nlp, text), "take effect in the spring")
    assert q.kind == "indirect" and name is not None and "Lopez" in name
    assert len(q.fragments) == 2


@pytest.mark.model
def test_multi_paragraph_quote_is_one_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Maria Lopez said:\n\n\u201cWe have waited for this agreement for ten long years.\n\n"
            "\u201cNow we have to make sure that it is implemented in full.\u201d")
    found = _quotes(nlp, text)
    q, name = _find(found, "waited for this agreement")
    assert "implemented in full" in q.text and len(q.fragments) == 2
    assert name is not None and "Lopez" in name


@pytest.mark.model
def test_two_cued_quotes_in_one_paragraph_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('Maria Lopez said: "We will sign the agreement tomorrow." '
            'John Carter replied: "We will not sign anything this week."')
    found = _quotes(nlp, text)
    _, first = _find(found, "sign the agreement tomorrow")
    _, second = _find(found, "not sign anything")
    assert first is not None and "Lopez" in first
    assert second is not None and "Carter" in second


@pytest.mark.model
def test_split_quote_is_one_quote_with_two_fragments(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We came here to talk," Maria Lopez said, "and we will stay until the end."'
    found = _quotes(nlp, text)
    assert len(found) == 1
    q, name = found[0]
    assert len(q.fragments) == 2 and "Lopez" in (name or "")
    assert "talk" in q.text and "until the end" in q.text


@pytest.mark.model
def test_speaker_in_previous_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Maria Lopez left the meeting early. "Nothing was decided today and nothing will be decided tomorrow."'
    q, name = _find(_quotes(nlp, text), "Nothing was decided")
    assert name is not None and "Lopez" in name


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        'The so-called "Green Corridor" plan was discussed in Vienna.',
        'Both sides joined the "Vienna format" last year.',
        '"Illegal Mining Operations"\n\nThe ministry published a report on Tuesday.',
    ],
)
def test_scare_quotes_and_titles_are_not_speech(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [q for q, _ in _quotes(nlp, text) if q.kind != "indirect"] == []


# -- the seed reports ----------------------------------------------------------------
SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"

SEED_QUOTES = [
    ("000", "Unfortunately, we did not reach an agreement", "Borrell"),
    ("000", "I'm not giving up", "Borrell"),
    ("000", "We have to look for a solution", "Borrell"),
    ("000", "Even if I continue to hope", "Vu"),
    ("000", "illegal Serbian structures", "Kurti"),
    ("000", "should stability be threatened", "Stoltenberg"),
    ("001", "Here is the core of the problem", "Borrell"),
    ("002", "The parties could not find a mutually acceptable solution", "Borrell"),
    ("002", "The other side, just like in the last meeting", "Kurti"),
    ("002", "It is now up to the European Union", "Kurti"),
    ("002", "I think we", "Vu"),
    ("002", "Serbia will not oppose Kosovo", "European"),
    ("002", "an appropriate level of self-government", "European"),
    ("003", "As long as I am president", "Vu"),
    ("003", "I am open to everything else", "Vu"),
]


@pytest.mark.model
@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is not present")
@pytest.mark.parametrize(("seed", "words", "speaker"), SEED_QUOTES)
def test_seed_quotes_have_named_speakers(resources, seed: str, words: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    path = next(SEEDS.glob(f"{seed}_*.txt"))
    text = path.read_text(encoding="utf-8")
    q, name = _find(_quotes(resources.nlp, text, resources.kb), words)
    assert name is not None and speaker in name, (q.text, q.speaker_text, name)


@pytest.mark.model
def test_marks_in_the_object_of_a_non_reporting_verb_only_name_something(resources) -> None:
    from newsledger.model import Article
    from newsledger.nlp.pipeline import analyse

    text = ('The envoy brought both ministers together as part of the "Danube Water Initiative" on Monday. '
            'Senator Jane Roe likened the plan to a "slow-motion disaster".')
    a = analyse(Article(id="x", text=text, published="2023-01-10"), resources)
    assert not [q.text for q in a.quotes if "Danube" in q.text]
    assert any("slow-motion disaster" in q.text for q in a.quotes)


@pytest.mark.model
def test_they_with_a_plural_antecedent_is_not_the_previous_speaker(resources) -> None:
    from newsledger.model import Article
    from newsledger.nlp.pipeline import analyse

    text = ('"We will keep talking," said Josep Borrell. Thousands of farmers marched at the call of '
            'two unions against a deal which they said would be "a betrayal".')
    a = analyse(Article(id="x", text=text, published="2023-01-10"), resources)
    betrayal = [q for q in a.quotes if "betrayal" in q.text]
    assert betrayal and all(q.speaker_id != "person:josep-borrell" for q in betrayal)
