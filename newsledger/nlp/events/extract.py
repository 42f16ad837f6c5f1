"""From a parsed document to ``Event`` records: candidates per sentence, arguments, modality,
date, place, reciprocity and de-duplication (one event per distinct action).

The stages live beside this module: ``candidates.py`` (the actions of a sentence),
``participants.py`` (their sources and targets), ``circumstances.py`` (modality, date, place);
their public functions are re-exported here."""

from __future__ import annotations

from typing import Any

from newsledger.model import Event, TimeExpression
from newsledger.nlp.events.candidates import is_main, sentence_candidates
from newsledger.nlp.events.circumstances import (
    dated_heads,
    denied,
    governing_timex,
    location,
    location_token,
    modality,
)
from newsledger.nlp.events.coder import _noun_key, lemma_forms
from newsledger.nlp.events.lexicon import Lexicon, agent_heads, load_lexicon
from newsledger.nlp.events.participants import arguments, condition_subject_actors

__all__ = [
    "arguments",
    "code_doc",
    "code_sentence",
    "condition_subject_actors",
    "governing_timex",
    "is_main",
    "location",
    "location_token",
    "modality",
    "sentence_candidates",
]


def _evidence_span(sent: Any, anchor: Any, stext: str | None = None) -> tuple[int, int]:
    """The sentence's character span, cut at blank lines (a heading glued to the next
    sentence by the parser) to the paragraph holding the trigger. ``stext`` is ``sent.text``
    (passed in so it is built once per sentence: ``doc.text`` rebuilds the whole document)."""
    text = sent.text if stext is None else stext
    base = sent.start_char
    start, end = 0, len(text)
    pos = anchor.idx - base
    cut = text.rfind("\n\n", start, pos)
    if cut != -1:
        start = cut + 2
    cut = text.find("\n\n", pos, end)
    if cut != -1:
        end = cut
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return base + start, base + end


def acts_on_object(c: Any, lex: Lexicon) -> bool:
    """Whether the action has a direct object of its own that makes a compound subject act side
    by side rather than on each other ("Russia and China condemned the attack", "police and
    soldiers fired shots"), for the categories of ``reciprocal_intransitive_categories``. The
    object counts unless it is the absorbed event noun ("launched attacks"), the verb is one of exchange
    (``mutual_verbs``: "traded accusations", "exchanged fire") or it is "each other"."""
    if c.nominal or c.code.plover not in lex.lists["reciprocal_intransitive_categories"]:
        return False
    for t in (c.anchor, *c.chain):
        for o in t.children:
            if o.dep_ not in ("dobj", "obj"):
                continue
            if t.lemma_.lower() in lex.lists["mutual_verbs"]:
                continue  # "traded accusations", "exchanged fire": an act done to each other
            if c.noun is not None and o.i == c.noun.i and _noun_key(o, lex.nouns) is not None:
                continue  # "launched joint attacks": the absorbed event noun is the act itself
            if o.lower_ in ("other", "another") or any(x.lower_ in ("other", "another", "their") for x in o.children):
                continue  # "condemned each other", "upgraded their ties": done to one another
            if o.lemma_.lower() in lex.lists["mutual_objects"]:
                continue  # "restored diplomatic ties": a relation is between the two
            return True
    return False


def patient_subject(c: Any, lex: Lexicon) -> bool:
    """Whether the action's subject is the one it befalls ("people died", "prisoners starved")."""
    return (not c.nominal and c.anchor.lemma_.lower() in lex.lists["patient_subject_verbs"]
            and not any(x.dep_ == "auxpass" for x in c.anchor.children))


def nonactor_subject(c: Any, lex: Lexicon) -> bool:
    """Whether an action with no actor has a common-noun subject (no pronoun, no name) that is no
    agent noun of the actor stage: "one word obliterates the others", "contracts hit a high".
    Such a subject names no political actor ("the court lifted ..." does, though unresolved)."""
    if not lex.raw.get("drop_nonactor_subject") or c.nominal:
        return False
    first = c.chain[0] if c.chain else c.anchor
    subj = next((x for x in first.children if x.dep_ in ("nsubj", "csubj")), None)
    if subj is not None and subj.tag_ in ("WDT", "WP") and first.dep_ == "relcl" and first.head.pos_ == "NOUN":
        subj = first.head  # "the laws that govern ...": the relative clause's noun
    if subj is None or subj.pos_ != "NOUN":
        return False
    heads = agent_heads()  # "the court lifted ...": a body, even with no actor resolved for it
    return not any(f in heads for f in lemma_forms(subj))


def code_sentence(sent: Any, doc_actors: Any, timexes: list[TimeExpression], published: str | None,
                  lex: Lexicon | None = None) -> list[dict[str, Any]]:
    """The events of one sentence as plain dicts (the fields of ``Event`` minus id/article)."""
    lex = lex or load_lexicon()
    out: list[dict[str, Any]] = []
    dated = dated_heads(sent, timexes)
    recode = lex.raw.get("negated_recode") or {}
    stext = sent.text
    for c in sentence_candidates(sent, lex, dated):
        if c.negated and c.code.cameo in recode:
            c.code = lex.code(str(recode[c.code.cameo])) or c.code
        sources, targets = arguments(c, doc_actors, lex)
        if sources and patient_subject(c, lex):  # "three people died": victims, not attackers
            sources, targets = [], [*sources, *[x for x in targets if x not in sources]]
        if not sources and not targets and nonactor_subject(c, lex):
            continue  # "one word obliterates the others": nothing political acts
        tx = governing_timex(c, sent, timexes)
        # a calendar value dates the event; "now" (PRESENT_REF), "recently", "soon" do not:
        # such an event is dated like one with no time expression, by the article
        date = tx.value if tx is not None and tx.value[:1].isdigit() else published
        mod = modality(c, published, tx.value if tx is not None else None, lex)
        if denied(c, lex):  # "X denied that it had fired": reported, and negated by its source
            c.negated, mod = True, "reported"
        trig = " ".join(x.text for x in sorted({*c.chain, c.anchor} | ({c.noun} if c.noun is not None else set()),
                                               key=lambda x: x.i))
        s_start, s_end = _evidence_span(sent, c.anchor, stext)
        base = dict(type=c.code.plover, mode=c.code.mode, cameo=c.code.cameo, date=date,
                    location=location(c, lex), negated=c.negated, modality=mod, trigger=trig,
                    sentence=stext[s_start - sent.start_char:s_end - sent.start_char], start=s_start, end=s_end)
        if not targets and len(sources) >= 2 and c.code.plover in lex.lists["reciprocal_categories"] \
                and not acts_on_object(c, lex):
            for s in sources:
                out.append({**base, "source_ids": (s,), "target_ids": tuple(x for x in sources if x != s)})
        else:
            out.append({**base, "source_ids": tuple(sources), "target_ids": tuple(targets)})
    if lex.raw.get("actorless_events") == "when_alone" and any(o["source_ids"] or o["target_ids"] for o in out):
        # an action with no actor on either side is kept only when nothing else in the sentence has one
        out = [o for o in out if o["source_ids"] or o["target_ids"]]
    return out


def code_doc(doc: Any, doc_actors: Any, timexes: list[TimeExpression], published: str | None,
             article_id: str) -> list[Event]:
    """The events of a parsed document, numbered ``<article_id>:e1``, ``:e2``, ... in text order."""
    lex = load_lexicon()
    events: list[Event] = []
    for sent in doc.sents:
        for rec in code_sentence(sent, doc_actors, timexes, published, lex):
            events.append(Event(id=f"{article_id}:e{len(events) + 1}", article_id=article_id, **rec))
    return events
