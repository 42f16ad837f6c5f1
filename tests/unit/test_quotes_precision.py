"""Quote extraction: where an indirect content ends and which spans are no content at all.

Sentences are written for these tests; each checks one mechanism of the quotes stage.
"""

from __future__ import annotations

import pytest

from tests.unit.test_quotes_conventions import _content
from tests.unit.test_quotes_extract import _find as _with
from tests.unit.test_quotes_extract import _quotes


# -- a predicate coordinated with the cue is not content ------------------------------------
@pytest.mark.model
@pytest.mark.parametrize(("text", "content", "rest"), [
    ("Maria Lopez announced the council would hold a recount and vowed to appeal the ruling.",
     "the council would hold a recount", "to appeal the ruling"),
    ("The governor proposed that more troops be sent to the border and pushed to expand the program.",
     "that more troops be sent to the border", "to expand the program"),
])
def test_a_conjunct_in_the_cue_s_tense_continues_the_cue_s_clause(
        nlp, text: str, content: str, rest: str) -> None:  # type: ignore[no-untyped-def]
    found = _quotes(nlp, text)
    q, _ = _with(found, content)
    assert _content(text, q) == content
    # the conjunct is a stance of the cue's subject, not of the content's
    q2, _ = _with(found, rest)
    assert q2.speaker_text is not None and q2.speaker_text not in ("council", "troops")


@pytest.mark.model
def test_a_conjunct_in_the_content_s_tense_stays_in_the_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor said the council was tired and wanted a break."
    q, _ = _with(_quotes(nlp, text), "council was tired")
    assert _content(text, q) == "the council was tired and wanted a break"


# -- mis-parses: a clause the parse hangs on a cue that does not report it ----------------
def _reparsed(nlp, text: str, arcs: dict[str, tuple[str, str]], sent_starts: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """``text`` parsed by the model, then given the arcs ``word -> (head word, dep)`` (first
    occurrences) and sentence starts of a mis-parse seen in news text, so that the test
    does not depend on the model making that mistake."""
    import numpy as np
    from spacy.attrs import SENT_START
    from spacy.tokens import Doc

    doc = nlp(text)
    first = {}
    for t in doc:
        first.setdefault(t.text, t.i)
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    for word, (head, dep) in arcs.items():
        heads[first[word]], deps[first[word]] = first[head], dep
    out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
              tags=[t.tag_ for t in doc], pos=[t.pos_ for t in doc], lemmas=[t.lemma_ for t in doc],
              morphs=[str(t.morph) for t in doc], heads=heads, deps=deps,
              ents=[t.ent_iob_ + ("-" + t.ent_type_ if t.ent_type_ else "") for t in doc])
    starts = out.to_array([SENT_START])
    starts[:] = np.array([1 if t.is_sent_start else -1 for t in doc]).astype(starts.dtype)
    for word in sent_starts:
        starts[first[word]] = 1
    out.from_array([SENT_START], starts)
    return out


def _extract(doc):  # type: ignore[no-untyped-def]
    from newsledger.nlp.actors import load_kb, resolve_actors
    from newsledger.nlp.quotes import extract_quotes

    return extract_quotes(doc, resolve_actors(doc, load_kb(), None, "t"), "t")


@pytest.mark.model
def test_a_complement_in_the_next_sentence_is_not_the_cue_s(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The agency is not offering enough help.\n\nFarmers were losing their crops at a high rate."
    doc = _reparsed(nlp, text, {"losing": ("offering", "ccomp")}, sent_starts=("Farmers",))
    assert all("Farmers" not in q.text for q in _extract(doc))


@pytest.mark.model
def test_a_clause_before_a_colon_is_not_the_content_of_the_cue_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "We have been here before: the council promised a new bridge in 2010."
    doc = _reparsed(nlp, text, {"been": ("promised", "ccomp"), ":": ("been", "punct")})
    assert all("here before" not in q.text for q in _extract(doc))


@pytest.mark.model
def test_a_subordinate_cue_does_not_report_the_clause_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor keeps insisting, most recently on the radio, that she wants a new bridge."
    doc = _reparsed(nlp, text, {"keeps": ("wants", "ccomp"), "wants": ("wants", "ROOT"),
                                "that": ("wants", "mark"), ".": ("wants", "punct")})
    assert all("keeps insisting" not in q.text for q in _extract(doc))


@pytest.mark.model
def test_narration_between_a_clause_and_a_later_cue_cuts_them_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The driver was already leaving, and as the crowd cheered, Lopez said nothing."
    doc = _reparsed(nlp, text, {"leaving": ("said", "ccomp"), "cheered": ("said", "advcl"),
                                "and": ("leaving", "cc"), "said": ("said", "ROOT")})
    assert all("driver" not in q.text for q in _extract(doc))


@pytest.mark.model
def test_a_participle_between_a_clause_and_its_cue_keeps_the_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The council approved the budget, reporting a surplus, the mayor said."
    doc = _reparsed(nlp, text, {"approved": ("said", "ccomp"), "reporting": ("said", "advcl"),
                                "said": ("said", "ROOT")})
    assert any(q.text.startswith("The council approved the budget") for q in _extract(doc))


@pytest.mark.model
def test_a_content_does_not_end_on_a_conjunction(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Lopez claimed that she backs no candidate, and in any case she met all of them."
    doc = _reparsed(nlp, text, {"and": ("backs", "cc"), "met": ("claimed", "conj")})
    q = next(q for q in _extract(doc) if "backs no candidate" in q.text)
    assert q.text == "that she backs no candidate"


# -- a to-infinitive after a stance object ---------------------------------------------------
@pytest.mark.model
def test_an_infinitive_of_a_plan_noun_belongs_to_the_stance_object(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The governor announced new measures to curb rents in the capital."
    doc = _reparsed(nlp, text, {"curb": ("announced", "xcomp")})
    q = next(q for q in _extract(doc) if "new measures" in q.text)
    assert q.text == "new measures to curb rents in the capital"


@pytest.mark.model
def test_the_object_of_call_for_takes_its_infinitive(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The senator called for the minister to resign over the scandal."
    doc = _reparsed(nlp, text, {"for": ("called", "prep"), "minister": ("for", "pobj"),
                                "resign": ("called", "advcl")})
    q = next(q for q in _extract(doc) if "minister" in q.text)
    assert q.text == "the minister to resign over the scandal"


@pytest.mark.model
def test_a_purpose_infinitive_stays_out_of_the_stance_object(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The director highlights the floods of 2010 to give context to the story."
    doc = _reparsed(nlp, text, {"give": ("highlights", "advcl")})
    q = next(q for q in _extract(doc) if "floods" in q.text)
    assert q.text == "the floods of 2010"


# -- the occasion of a stance is not its object ------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize(("text", "content"), [
    ("The campaign touted his endorsement on its Facebook page.", "his endorsement"),
    ("A senior official confirmed the meeting on condition of anonymity.", "the meeting"),
])
def test_a_trailing_occasion_ends_the_stance_object(nlp, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    q, _ = _with(_quotes(nlp, text), content)
    assert q.text == content


@pytest.mark.model
def test_an_occasion_followed_by_more_of_the_object_stays(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The governor attacked his rivals on stage for taking money from lobbyists."
    q, _ = _with(_quotes(nlp, text), "his rivals")
    assert q.text == "his rivals on stage for taking money from lobbyists"


@pytest.mark.model
def test_a_slogan_on_a_shirt_is_nobody_s_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'The marchers included a man in a shirt that read "Save the river now." Maria Lopez spoke last.'
    assert all("Save the river" not in q.text for q, _ in _quotes(nlp, text))


@pytest.mark.model
def test_a_comma_inside_the_closing_mark_ends_the_content_before_a_participle(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'The mayor said the repairs "should be finished by June," referring to the summer festival.'
    q, _ = _with(_quotes(nlp, text), "repairs")
    assert "referring" not in q.text and q.text.endswith("by June,")


@pytest.mark.model
def test_a_second_that_clause_coordinated_with_the_cue_is_more_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The governor said the state needs to repair the dams and hire more engineers, "
            "but that she would not raise taxes.")
    found = _quotes(nlp, text)
    q, _ = _with(found, "repair the dams")
    assert q.text.endswith("but that she would not raise taxes")
    assert len(found) == 1


@pytest.mark.model
def test_a_parenthetical_cue_reports_only_its_own_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rain fell all day.\n\nThe budget, the mayor said, will pass next week."
    doc = _reparsed(nlp, text, {"fell": ("pass", "ccomp"), ".": ("fell", "punct"), "\n\n": ("fell", "dep")})
    q = next(q for q in _extract(doc) if "budget" in q.text)
    assert "Rain" not in q.text and q.text == "The budget … will pass next week"


@pytest.mark.model
def test_a_participle_before_a_parenthetical_cue_is_no_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Holding up a map, the mayor said, "This is where the bridge will go."'
    doc = _reparsed(nlp, text, {"said": ("Holding", "parataxis"), "Holding": ("Holding", "ROOT")})
    assert all("Holding" not in q.text for q in _extract(doc))


@pytest.mark.model
def test_stance_object_ending_the_document_is_read(resources) -> None:  # type: ignore[no-untyped-def]
    # the object runs to the last token: reading past it had failed the whole quote stage
    from newsledger.model import Article
    from newsledger.nlp.pipeline import analyse

    a = analyse(Article(id="t", text="Senator Maria Lopez supports the new plan", published="2023-03-01"),
                resources)
    assert a.notes == () and [q.text for q in a.quotes] == ["the new plan"]
