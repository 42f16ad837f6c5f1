"""The circumstances of a coded action: modality (asserted, planned, hypothetical, reported),
the governing time expression and the stated place."""

from __future__ import annotations

import re
from typing import Any

from newsledger.model import TimeExpression
from newsledger.nlp.events.coder import Candidate, _is_verbal, lemma_forms, shared_head
from newsledger.nlp.events.lexicon import Lexicon

_BOUNDARY_PREPS = ("until", "till", "since", "through", "throughout")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_NOT_PLACE = ("DATE", "TIME", "PERSON", "NORP", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT")


def _wish(t: Any, lex: Lexicon) -> bool:
    """Whether ``t`` is a verb of wishing (lemma forms too: the small model lemmatizes "hoped" as "hop")."""
    return _is_verbal(t) and any(f in lex.lists["wish_verbs"] for f in lemma_forms(t))


def modality(c: Candidate, published: str | None, date: str | None, lex: Lexicon) -> str:
    """asserted | planned | hypothetical | reported, from auxiliaries, conditions and speech verbs."""
    toks = list(dict.fromkeys([*c.chain, c.anchor]))
    hyp = planned = reported = False
    shared = shared_head(toks[0])  # "will not sign or accept": the auxiliaries of the first verb
    for t in toks + ([shared] if shared is not None else []):
        if t.i != c.anchor.i and _wish(t, lex):
            hyp = True  # "had hoped that Serbia would release ...": the release is only wished for
        for ch in t.children:
            if ch.dep_ in ("aux", "auxpass"):
                if ch.lower_ in lex.lists["modal_hypothetical"]:
                    hyp = True
                elif ch.lower_ in lex.lists["modal_planned"] or ch.lemma_ in lex.lists["modal_planned"]:
                    planned = True
            if ch.dep_ == "advcl" and c.code.plover not in ("THREATEN", "REQUEST") and any(
                    m.dep_ == "mark" and m.lower_ in lex.lists["hypothetical_marks"] for m in ch.children):
                hyp = True
            if ch.dep_ == "advmod" and ch.lower_ in ("if",):
                hyp = True
    if c.nominal and c.anchor.head.lower_ in lex.lists["planned_adjectives"] | {"scheduled"}:
        planned = True
    if c.nominal and any(ch.lower_ in lex.lists["planned_adjectives"] for ch in c.anchor.children
                         if ch.dep_ in ("amod", "compound")):
        planned = True
    # inside an if-clause, or under a speech verb
    cur = toks[0]
    for _ in range(12):
        if cur.head.i == cur.i:
            break
        if cur.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.lists["hypothetical_marks"]
                                       for m in cur.children):
            hyp = True
        if cur.dep_ in ("ccomp", "parataxis", "xcomp") and cur.head.lemma_.lower() in lex.lists["speech_verbs"]:
            reported = True
        if cur.dep_ == "ccomp" and _wish(cur.head, lex):
            hyp = True  # "officials had hoped Mubarak would promise a dialogue": only wished for
        cur = cur.head
    if c.modality == "planned":
        planned = True
    if date and published and _ISO_DAY.match(date) and _ISO_DAY.match(published) and date[:10] > published[:10]:
        planned = True
    if hyp:
        return "hypothetical"
    if planned:
        return "planned"
    if reported:
        return "reported"
    return "asserted"


def denied(c: Candidate, lex: Lexicon) -> bool:
    """Whether the act is what someone denies: "Hamas denied that it had fired rockets", "the
    army denied reports that it had shelled villages" - the act is reported and negated."""
    deny = lex.lists["denial_verbs"]
    claims = lex.lists["claim_nouns"]
    cur = c.anchor
    for _ in range(8):
        head = cur.head
        if head.i == cur.i:
            return False
        if cur.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in deny:
            return True
        if cur.dep_ in ("acl", "ccomp") and head.lemma_.lower() in claims and head.dep_ in ("dobj", "obj") \
                and head.head.lemma_.lower() in deny:
            return True
        cur = head
    return False


def in_comparison_aside(tok: Any, anchor: Any, compare: frozenset[str]) -> bool:
    """Whether ``tok`` lies in a comma-delimited aside that opens with a comparison ("X, just like
    in the last meeting in Brussels on February 27, is avoiding ...") while ``anchor`` lies
    outside it. Read from the words, as the parser often hangs the whole clause on "like"."""
    sent = tok.sent
    left = next((x for x in reversed(sent[: tok.i - sent.start]) if x.text in (",", ";", "(", "-", "--")), None)
    right = next((x for x in sent[tok.i - sent.start + 1:] if x.text in (",", ";", ")", "-", "--")), None)
    if left is None or right is None or left.i < anchor.i < right.i:
        return False
    first = next((x for x in sent[left.i - sent.start + 1: tok.i - sent.start] if x.pos_ != "ADV"), None)
    return first is not None and first.lower_ in compare


def governing_timex(c: Candidate, sent: Any, timexes: list[TimeExpression]) -> TimeExpression | None:
    """The time expression attached to the candidate's own clause (or its absorbed noun)."""
    heads = {x.i for x in c.chain} | {c.anchor.i}
    if c.noun is not None:
        heads.add(c.noun.i)
    if c.nominal and _is_verbal(c.anchor.head):
        heads.add(c.anchor.head.i)
    doc = sent.doc
    from newsledger.nlp.events.lexicon import load_lexicon

    compare = load_lexicon().lists.get("comparison_preps", frozenset())
    best: tuple[int, TimeExpression] | None = None
    for tx in timexes:
        if tx.start < sent.start_char or tx.end > sent.end_char or tx.type not in ("DATE", "TIME"):
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        tok = span.root
        if tok.dep_ == "pobj" and tok.head.lower_ in _BOUNDARY_PREPS:
            continue  # "until September 1st", "since 2014": a bound, not the event's date
        if in_comparison_aside(tok, c.anchor, compare):
            continue  # "X, just like in the last meeting on February 27, is avoiding ..."
        cur, steps = tok, 0
        while cur.i not in heads and cur.head.i != cur.i and steps < 8:
            if cur.dep_ == "prep" and cur.lower_ in compare:
                break  # "just like in the last meeting on February 27": the compared event's date
            if cur.dep_ in ("ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis") and cur.head.i not in heads:
                break
            cur, steps = cur.head, steps + 1
        if cur.i in heads:
            dist = abs(tok.i - c.anchor.i)
            if best is None or dist < best[0]:
                best = (dist, tx)
    return best[1] if best else None


def location(c: Candidate, lex: Lexicon) -> str | None:
    """A place name stated as the action's location ("in Brussels", "on the shores of Lake Ohrid")."""
    o = location_token(c, lex)
    if o is None:
        return None
    ents = [e for e in o.doc.ents if e.start <= o.i < e.end]
    if ents:
        return ents[0].text[4:] if ents[0].text.lower().startswith("the ") else ents[0].text
    return " ".join(x.text for x in o.subtree if x.dep_ in ("compound", "pobj") or x is o)


def location_token(c: Candidate, lex: Lexicon, compounds: bool = False) -> Any:
    """The head token of the action's stated place, or None. With ``compounds``, a common
    noun named by a proper-noun modifier counts too, as that modifier ("in Montenegro province")."""
    toks = [*c.chain, c.anchor] + [x for x in (c.noun, c.inner) if x is not None]
    if c.nominal and _is_verbal(c.anchor.head):
        toks.append(c.anchor.head)
    elif c.nominal and c.anchor.dep_ == "pobj" and _is_verbal(c.anchor.head.head):
        toks.append(c.anchor.head.head)  # "arrived in Amman on a visit": the verb the visit qualifies
    top = c.chain[0] if c.chain else c.anchor
    if not c.nominal and top.dep_ in ("advcl", "xcomp") and _is_verbal(top.head) and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in top.children):
        toks.append(top.head)  # "dispatched inspectors to a plant in Iran to monitor ...": where they were sent
    frontier = list(toks)
    for _ in range(3):  # the action, its argument nouns, and their modifiers ("talks ... in Ohrid")
        nxt = []
        for t in frontier:
            for p in t.children:
                if p.dep_ in ("dobj", "obj") and p not in frontier:
                    nxt.append(p)  # "deploy peacekeepers in Iraq": the object's place
                if p.dep_ == "acl" and p.tag_ in ("VBN", "VBG") and t.dep_ in ("dobj", "obj"):
                    nxt.append(p)  # "lifted the curfew imposed in Sudan": the place of the object's participle
                if p.dep_ in ("acl", "relcl") and t.dep_ in ("dobj", "obj") and any(
                        a.dep_ == "aux" and a.lower_ == "to" for a in p.children):
                    nxt.append(p)  # "rejected a call for troops to be deployed in East Timor": the proposed act's place
                if p.dep_ != "prep":
                    continue
                for o in p.children:
                    if o.dep_ != "pobj":
                        continue
                    if p.lower_ in lex.lists["location_preps"] and o.pos_ == "PROPN" \
                            and o.ent_type_ not in _NOT_PLACE:
                        return o
                    if compounds and p.lower_ in lex.lists["location_preps"] and o.pos_ == "NOUN":
                        for m in o.children:
                            if m.dep_ == "compound" and m.pos_ == "PROPN" and m.ent_type_ not in _NOT_PLACE:
                                return m
                    nxt.append(o)
        frontier = nxt
    return None


def dated_heads(sent: Any, timexes: list[TimeExpression]) -> set[int]:
    """Tokens (and their heads) that a day-precise time expression attaches to."""
    out: set[int] = set()
    for tx in timexes:
        if tx.start < sent.start_char or tx.end > sent.end_char or not _ISO_DAY.match(tx.value or ""):
            continue
        span = sent.doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        cur = span.root
        if cur.dep_ == "pobj" and cur.head.lower_ in _BOUNDARY_PREPS + ("from",):
            continue
        for _ in range(2):
            cur = cur.head
            out.add(cur.i)
    return out
