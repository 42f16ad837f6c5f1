"""Candidate actions of one sentence: verbal actions (control chains and light verbs merged),
nominal events with their own arguments, and the choice of the main-clause actions."""

from __future__ import annotations

from typing import Any

from newsledger.nlp.events.coder import (
    Candidate,
    _is_verbal,
    _negated,
    _noun_key,
    misparsed_root_verb,
    noun_object_code,
    resolve,
    shared_head,
)
from newsledger.nlp.events.lexicon import NO_EVENT, Lexicon
from newsledger.nlp.events.stance import apply_stance

# prepositions that introduce the source / the target of an event noun ("the detention of X by Y")
NOMINAL_SOURCE_PREPS = ("by",)
NOMINAL_TARGET_PREPS = ("of", "against", "on", "with", "between", "to", "toward", "towards")
_CONTENT_CATEGORIES = ("REQUEST", "THREATEN", "ACCUSE")


def _natural_force_subject(t: Any, lex: Lexicon) -> bool:
    """Whether the verb's subject is a natural force (earthquake, storm, flood ...), not an actor."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lex.lists["natural_forces"]
               for c in t.children)


def _weak_verb_means(t: Any, lex: Lexicon) -> Any:
    """How a vaguely coded verb is done: True when a "by V-ing" clause names a coded act (coded
    on its own), ``(code, noun)`` for a "with" + event noun, else None."""
    means = lex.raw.get("means_preps") or {}
    for p in t.children:
        if p.dep_ != "prep":
            continue
        if p.lower_ in (means.get("verb") or ()):
            for v in p.children:
                if v.dep_ == "pcomp" and _is_verbal(v):
                    m = resolve(v, lex)
                    if m is not None and not m.code.weak:
                        return True
        if p.lower_ in (means.get("noun") or ()):
            for o in p.children:
                if o.dep_ == "pobj":
                    code = _noun_key(o, lex.nouns)
                    if code is not None and code is not NO_EVENT:
                        return code, o
    return None


def in_name(t: Any, lex: Lexicon) -> bool:
    """Whether ``t`` is a word of a multi-word name (an organisation, a programme, a law) rather
    than an action: "the Committee to Protect Journalists", "NBC's Meet the Press"."""
    if t.ent_type_ not in lex.lists["name_entity_types"] or not t.is_title or t.i == t.sent.start:
        return False  # a capitalised word inside the name, not the sentence's first word
    ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
    return ent is not None and len(ent) > 1


def talked_about_attempt(t: Any, c: Candidate, lex: Lexicon) -> bool:
    """Whether ``t`` is a non-violent act named only as the aim of an attempt that is the subject of
    its clause ("the EU's efforts to resolve the tensions hit a roadblock"). An attempted attack is
    an attack ("an attempt to assassinate the governor was thwarted")."""
    return (t.dep_ == "acl" and any(a.lower_ == "to" for a in t.children if a.dep_ == "aux")
            and t.head.lemma_.lower() in lex.lists["attempt_nouns"] and t.head.dep_ in ("nsubj", "nsubjpass")
            and c.code.plover not in lex.lists["intent_conflict_categories"])


def sentence_candidates(sent: Any, lex: Lexicon, dated: set[int] | None = None) -> list[Candidate]:
    """Coded actions in one sentence, each once (control chains and light verbs merged)."""
    cands: list[Candidate] = []
    used: set[int] = set()
    # verbal candidates, outermost first (document order of depth)
    verbs = sorted((t for t in sent if _is_verbal(t) or t.pos_ == "ADJ"), key=_depth)
    for t in verbs:
        if t.i in used or (t.dep_ in ("amod", "compound", "nmod", "prep", "agent", "mark")
                           and not misparsed_root_verb(t)):
            continue  # "EU-backed deal", "NATO-led forces", "according to": not actions
        if in_name(t, lex):
            continue  # "the Committee to Protect Journalists", "Meet the Press": a name's words
        if t.dep_ == "acl" and any(a.lower_ == "to" for a in t.children if a.dep_ == "aux"):
            ncode = _noun_key(t.head, lex.nouns)
            if ncode is not None and ncode is not NO_EVENT:
                continue  # "talks to settle tensions": the talks are the event (coded below)
        c = resolve(t, lex)
        if c is None or _natural_force_subject(t, lex):
            continue  # "an earthquake struck the region": no actor acts
        shared = shared_head(c.chain[0] if c.chain else t)
        if shared is not None and _negated(shared, lex):
            c.negated = True  # "will not sign or accept": the negation covers both verbs
        if talked_about_attempt(t, c, lex):
            continue  # "the EU's efforts to resolve the tensions hit a roadblock": nothing resolved
        if c.code.weak:
            means = _weak_verb_means(t, lex)
            if means is True:
                continue  # "retaliated by expelling the envoy": the expulsion is coded on its own
            if means is not None:  # "retaliated with air strikes on Gaza": the strikes name the act
                c.code, c.noun = means
                used.add(means[1].i)
        cands.append(c)
        used.update(x.i for x in c.chain)
        used.add(c.anchor.i)
        if c.noun is not None:
            used.add(c.noun.i)
        if c.code.plover in _CONTENT_CATEGORIES:  # "demanded that Israel ease ...": the demand's content
            for x in (*c.chain, c.anchor):
                # a verb whose content is an infinitive ("threatened to shell Iraqi towns") takes
                # no second content clause: a later clause the parser hung on it is no demand
                # ("..., where, it said, 100 people were killed")
                has_infinitive = any(ch.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in ch.children)
                                     for ch in x.children)
                for ch in x.children:
                    if ch.dep_ == "ccomp" and ch.i not in used:
                        used.update(y.i for y in ch.subtree)
                        if c.request_target is None and not has_infinitive:
                            c.request_target = next((s for s in ch.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        if len(c.chain) > 1:  # "urged X to devise plans and impose sanctions": every conjunct of
            for x in c.chain[1:]:  # the requested / refused / promised act is part of its content
                for cj in x.conjuncts:
                    if _is_verbal(cj) and cj.i > x.i and cj.i not in used:
                        used.update(y.i for y in cj.subtree)
        if c.noun is not None:  # "reiterated its demand that Israel ease ...": the demand's content
            for ch in c.noun.children:
                if ch.dep_ in ("acl", "ccomp"):
                    used.update(x.i for x in ch.subtree)
        # "erected barricades to protest", "staged rallies to demand": the purpose of the same act
        for x in (*c.chain, c.anchor):
            for ch in x.children:
                if ch.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" and a.dep_ == "aux" for a in ch.children):
                    if c.code.weak:  # "shunned work to protest": a curated purpose names the act better
                        p = resolve(ch, lex)
                        if p is not None and not p.code.weak:
                            c.code = p.code
                    used.add(ch.i)
    # nominal events with their own arguments ("the detention of three officers by Serbia")
    for t in sent:
        if t.pos_ not in ("NOUN", "PROPN") or t.i in used:
            continue
        code = _noun_key(t, lex.nouns)
        if code is None:
            continue
        code = noun_object_code(t, lex) or code  # "closure" alone is no event, "closure of the border" is
        if code is NO_EVENT:
            continue
        if t.head.i in used and t.dep_ in ("dobj", "obj", "nsubjpass", "attr"):
            continue  # the object of a coded verb: part of that act
        if not _nominal_has_actor_args(t) and not any(
                ch.dep_ == "acl" and any(a.lower_ == "to" for a in ch.children) for ch in t.children):
            continue
        c = Candidate(anchor=t, code=code, chain=[t], nominal=True)
        c.negated = _negated(t, lex)
        cands.append(c)
        used.add(t.i)
    cands = apply_stance(cands, sent, lex, dated or set())
    if lex.raw.get("subordinate_events", "when_no_main") == "when_no_main":
        main = [c for c in cands if is_main(c)]
        if main:
            return main
        if cands:
            top = min(_depth(c.chain[0])[0] for c in cands)
            return [c for c in cands if _depth(c.chain[0])[0] == top]
    return cands


_MAIN_PATH = ("ROOT", "conj", "ccomp", "xcomp", "parataxis", "acomp")


def is_main(c: Candidate) -> bool:
    """Whether the action is asserted by the sentence's main clause (or a reported main clause)."""
    if c.nominal:
        return False
    cur = c.chain[0] if c.chain else c.anchor
    if misparsed_root_verb(cur):
        return True
    for _ in range(30):
        if cur.dep_ not in _MAIN_PATH:
            return False
        if cur.head.i == cur.i:
            return True
        cur = cur.head
    return False


def _depth(t: Any) -> tuple[int, int]:
    """Sort key of a token: its depth in the parse tree (at most 50), then its position."""
    d = 0
    cur = t
    while cur.head.i != cur.i and d < 50:
        cur = cur.head
        d += 1
    return d, t.i


def _nominal_has_actor_args(t: Any) -> bool:
    """Whether event noun ``t`` has a possessor or a source/target preposition of its own."""
    for c in t.children:
        if c.dep_ == "poss":
            return True
        if c.dep_ == "prep" and c.lower_ in NOMINAL_SOURCE_PREPS + NOMINAL_TARGET_PREPS:
            return True
    return False
