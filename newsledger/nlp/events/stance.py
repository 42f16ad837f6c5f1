"""Stated intentions and obligations, coded as PLOVER does (lexicon.en.yaml: ``intent``).

* "X said it will support / would release ..." (a future cooperative action, stated) -> AGREE;
  a stated future conflict action ("will boycott ... unless", "would blockade") -> THREATEN;
  a stated refusal of cooperation ("would not meet their demands") -> REJECT.
  Scheduled events with an exact day ("will meet on March 18") keep their own category.
* "X said Y must / should do Z" -> REQUEST from X to Y, whether or not Z is itself coded.
"""

from __future__ import annotations

from typing import Any

from newsledger.nlp.events.coder import Candidate, _is_verbal, _negated, shared_head
from newsledger.nlp.events.lexicon import Code, Lexicon


def _aux(t: Any) -> set[str]:
    return {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}


def _speech_head(t: Any, lex: Lexicon) -> Any:
    if t.dep_ in ("ccomp", "parataxis") and t.head.i != t.i:
        h = t.head
        if h.lemma_.lower() in lex.lists["speech_verbs"] or h.lower_ in lex.lists["speech_verbs"] \
                or h.lemma_.lower() in lex.lists["stance_verbs"]:
            return h
    return None


def _reported_by_child(t: Any, lex: Lexicon) -> bool:
    """"X will provide aid, the WFP said": the parser hangs the speech verb under the action."""
    # a trailing attribution parsed as a conjunct ("..., the WFP said": conj without "and") counts too
    unjoined = not any(c.dep_ == "cc" for c in t.children)
    return any((c.dep_ in ("ccomp", "parataxis", "advcl") or (c.dep_ == "conj" and unjoined)) and c.i > t.i
               and (c.lemma_.lower() in lex.lists["speech_verbs"] or c.lower_ in lex.lists["speech_verbs"])
               and not any(x.dep_ in ("ccomp", "xcomp") for x in c.children) for c in t.children)


def apply_stance(cands: list[Candidate], sent: Any, lex: Lexicon, dated: set[int]) -> list[Candidate]:
    """Recode stated intentions and add stated obligations; ``dated`` holds anchors with an exact day."""
    intent = lex.raw.get("intent") or {}
    conflict = set(intent.get("threat_categories") or ())
    coop = set(intent.get("agree_categories") or ())
    out: list[Candidate] = []
    by_top = {}
    for c in cands:
        top = c.chain[0] if c.chain else c.anchor
        by_top[top.i] = c
        if c.nominal or c.anchor.i in dated:
            out.append(c)
            continue
        aux = set()
        for x in (*c.chain, c.anchor):
            aux |= _aux(x)
        shared = shared_head(top)
        if shared is not None:  # "will not sign or accept": "accept" is future too
            aux |= _aux(shared)
        future = bool(aux & lex.lists["modal_planned"]) or "would" in aux
        stated = _speech_head(top, lex) is not None or _reported_by_child(top, lex) or (
            shared is not None and _speech_head(shared, lex) is not None) or any(
            ch.dep_ == "advcl" and any(m.lower_ in lex.lists["hypothetical_marks"] for m in ch.children)
            for x in (*c.chain, c.anchor) for ch in x.children)
        ultimatum = any(ch.dep_ == "advcl" and any(m.lower_ in (intent.get("ultimatum_marks") or ())
                                                       for m in ch.children if m.dep_ == "mark")
                        for x in (*c.chain, c.anchor) for ch in x.children)
        conditional = any(ch.dep_ == "advcl" and any(m.lower_ in lex.lists["hypothetical_marks"]
                                                     for m in ch.children if m.dep_ == "mark")
                          for x in (*c.chain, c.anchor) for ch in x.children)
        if conditional and (future or aux & lex.lists["modal_hypothetical"]) and c.code.plover in conflict:
            ultimatum = True  # "may halt mediation if ...": a conditional conflict action is a threat
        if (future or ultimatum) and ultimatum and c.code.plover not in ("THREATEN", "REQUEST"):
            out.append(_recode(c, lex.code(intent["threat_code"]), negated=c.negated))
            continue
        if future and (stated or intent.get("future_is_intent")):
            neg = c.negated or any(_negated(x, lex) for x in c.chain)
            if c.code.plover in coop and neg:
                c = _recode(c, lex.code(intent["reject_code"]), negated=False)
            elif c.code.plover in conflict:
                c = _recode(c, lex.code(intent["threat_code"]), negated=c.negated)
            elif c.code.plover in coop:
                c = _recode(c, lex.code(intent["agree_code"]), negated=c.negated)
        out.append(c)
    # obligations stated by a speaker: "Russia said Sudan must return the helicopter"
    for t in sent:
        if t.dep_ != "ccomp" or not _is_verbal(t):
            continue
        sp = _speech_head(t, lex)
        if sp is None or not (_aux(t) & lex.lists["modal_obligation"]) or sp.i in by_top:
            continue
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        modal = next((c for c in t.children if c.dep_ == "aux" and c.lower_ in lex.lists["modal_obligation"]), None)
        if subj is None or modal is None or subj.i > modal.i:
            continue  # "should stability be threatened" is a condition, not an obligation
        if subj.pos_ not in ("PROPN", "PRON") and not subj.ent_type_ and not any(
                x.ent_type_ for x in subj.subtree):
            continue  # "any agreement must stipulate ...": no actor is asked
        code = lex.code(intent["request_code"])
        if code is None:
            continue
        inner = by_top.get(t.i)
        # the content of the obligation is not a separate event ("the US must be ready to mediate")
        out = [c for c in out if c is not inner and not _within(c.chain[0] if c.chain else c.anchor, t)]
        out.append(Candidate(anchor=sp, code=code, chain=[sp], negated=_negated(t, lex),
                             request_target=subj, inner=t))
    return out


def _within(tok: Any, clause: Any) -> bool:
    cur = tok
    for _ in range(4):
        if cur.i == clause.i:
            return True
        if cur.dep_ not in ("acomp", "xcomp", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _recode(c: Candidate, code: Code | None, negated: bool) -> Candidate:
    if code is None:
        return c
    return Candidate(c.anchor, code, c.chain, c.noun, negated, c.modality, c.request_target,
                     c.inner, c.nominal)
