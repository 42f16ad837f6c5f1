"""From a parsed document to ``Event`` records: candidates per sentence, arguments, modality,
date, place, reciprocity and de-duplication (one event per distinct action)."""

from __future__ import annotations

import re
from typing import Any

from newsledger.model import Event, TimeExpression
from newsledger.nlp.events.arguments import (
    governing_verb,
    np_actors,
    own_possession,
    passive_patient,
    subject_of,
    target_tokens,
)
from newsledger.nlp.events.coder import (
    Candidate,
    _is_verbal,
    _negated,
    _noun_key,
    misparsed_root_verb,
    resolve,
)
from newsledger.nlp.events.lexicon import NO_EVENT, Lexicon, load_lexicon
from newsledger.nlp.events.stance import apply_stance

_NOMINAL_SOURCE_PREPS = ("by",)
_CONTENT_CATEGORIES = ("REQUEST", "THREATEN", "ACCUSE")
_BOUNDARY_PREPS = ("until", "till", "since", "through", "throughout")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_NOT_PLACE = ("DATE", "TIME", "PERSON", "NORP", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT")
_NOMINAL_TARGET_PREPS = ("of", "against", "on", "with", "between", "to", "toward", "towards")


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
        if t.dep_ == "acl" and any(a.lower_ == "to" for a in t.children if a.dep_ == "aux"):
            ncode = _noun_key(t.head, lex.nouns)
            if ncode is not None and ncode is not NO_EVENT:
                continue  # "talks to settle tensions": the talks are the event (coded below)
        c = resolve(t, lex)
        if c is None:
            continue
        cands.append(c)
        used.update(x.i for x in c.chain)
        used.add(c.anchor.i)
        if c.noun is not None:
            used.add(c.noun.i)
        if c.code.plover in _CONTENT_CATEGORIES:  # "demanded that Israel ease ...": the demand's content
            for x in (*c.chain, c.anchor):
                for ch in x.children:
                    if ch.dep_ == "ccomp" and ch.i not in used:
                        used.update(y.i for y in ch.subtree)
                        if c.request_target is None:
                            c.request_target = next((s for s in ch.children if s.dep_ in ("nsubj", "nsubjpass")), None)
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
        if code is None or code is NO_EVENT:
            continue
        code = _noun_object_code(t, lex) or code
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
    d = 0
    cur = t
    while cur.head.i != cur.i and d < 50:
        cur = cur.head
        d += 1
    return d, t.i


def _noun_object_code(t: Any, lex: Lexicon) -> Any:
    """The code that the "of" object of event noun ``t`` selects (``noun_objects`` in the
    lexicon: "the deployment of peacekeeping troops" is peacekeeping), or None."""
    table = (lex.raw.get("noun_objects") or {}).get(t.lemma_.lower())
    if not table:
        return None
    for p in t.children:
        if p.dep_ != "prep" or p.lower_ != "of":
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            heads = [c.lemma_.lower() for c in o.children if c.dep_ in ("compound", "amod")] + [o.lemma_.lower()]
            for h in heads:
                if h in table:
                    return lex.code(str(table[h]))
    return None


def _nominal_has_actor_args(t: Any) -> bool:
    for c in t.children:
        if c.dep_ == "poss":
            return True
        if c.dep_ == "prep" and c.lower_ in _NOMINAL_SOURCE_PREPS + _NOMINAL_TARGET_PREPS:
            return True
    return False


def arguments(c: Candidate, doc_actors: Any, lex: Lexicon) -> tuple[list[str], list[str]]:
    """Source and target actor ids of candidate ``c``."""
    t = c.anchor
    sources: list[str] = []
    targets: list[str] = []
    skip = {x.i for x in c.chain}
    if c.noun is not None:
        skip.add(c.noun.i)
    if c.nominal:
        for ch in t.children:
            if ch.dep_ == "poss":
                sources += np_actors(ch, doc_actors)
            if ch.dep_ == "prep":
                for o in ch.children:
                    if o.dep_ != "pobj":
                        continue
                    if ch.lower_ in _NOMINAL_SOURCE_PREPS:
                        sources += np_actors(o, doc_actors)
                    elif ch.lower_ in _NOMINAL_TARGET_PREPS:
                        targets += np_actors(o, doc_actors)
        if not sources and t.dep_ in ("dobj", "pobj", "nsubjpass"):
            head = t.head.head if t.dep_ == "pobj" else t.head
            if _is_verbal(head):
                subj, _ = subject_of(head)
                if subj is not None:
                    sources += np_actors(subj, doc_actors)
        if not sources and c.code.plover in lex.lists["reciprocal_categories"] and len(_uniq(targets)) >= 2:
            sources, targets = targets, []  # "talks between Belgrade and Pristina": participants
        reciprocal = len(sources) >= 2 and c.code.plover in lex.lists["reciprocal_categories"]
        if not targets and not reciprocal and lex.raw.get("place_as_target"):
            targets = _place_target(c, doc_actors, lex, sources)  # "arrived in Amman on a visit"
        own = {_code(a, doc_actors) for a in sources} - {""}
        return _uniq(sources), [a for a in _uniq(targets) if a not in sources and _code(a, doc_actors) not in own]
    top = c.chain[0] if c.chain else t
    subj, passive = subject_of(top)
    if passive and subj is None and _stative(top, lex):
        # "Israel is opposed to ...", "Norway is prepared to ...": the subject holds the stance
        subj, passive = passive_patient(top), False
    if subj is not None:
        sources = np_actors(subj, doc_actors)
    gov = governing_verb(top) if not sources else None
    if gov is not None and not np_actors(top.head, doc_actors):
        # "converged for a rally to protest ...": the rally is no actor; those who converged are
        gsubj, gpassive = subject_of(gov)
        if gsubj is not None and not gpassive:
            sources = np_actors(gsubj, doc_actors)
    if not sources and (subj is None or subj.pos_ == "PRON") and top.dep_ in ("ccomp", "parataxis"):
        spk, _ = subject_of(top.head)  # "the rebels said they will release ...": the speaker
        if spk is not None:
            sources = np_actors(spk, doc_actors)
    if passive:
        pat = passive_patient(top) or passive_patient(t)
        if pat is not None:
            targets += np_actors(pat, doc_actors)
    if c.request_target is not None:
        targets += np_actors(c.request_target, doc_actors)
        skip.add(c.request_target.i)
    reciprocal = len(sources) >= 2 and c.code.plover in lex.lists["reciprocal_categories"]
    audience = set((lex.raw.get("audience_preps") or {}).get(c.code.plover) or ())
    fallback: list[str] = []
    if not targets:
        for tok in ([c.noun] if c.noun is not None else []) + [top, t] + ([c.inner] if c.inner is not None else []):
            hops: dict[int, int] = {}
            for o in target_tokens(tok, lex, skip, clauses=hops):
                found = [a for a in np_actors(o, doc_actors) if a not in sources]
                if not found:
                    continue
                if reciprocal and hops.get(o.i, 0) >= 1:
                    break  # "X and Y agreed that they should help Z": the partners are each other's targets
                if own_possession(o) or all(_unplaced(a, doc_actors) for a in found) or (
                        o.dep_ == "pobj" and o.head.lower_ in audience):
                    fallback = fallback or found  # "complained to the UN over ...": the addressee
                    continue
                targets += found
                for sib in o.head.head.children if o.dep_ == "pobj" else ():
                    if sib.dep_ == "conj" or (sib.dep_ == "prep" and sib.lower_ == o.head.lower_ and sib.i != o.head.i):
                        for o2 in (x for x in sib.children if x.dep_ == "pobj"):
                            targets += [a for a in np_actors(o2, doc_actors) if a not in sources]
                for cj in o.head.conjuncts if o.dep_ == "pobj" else ():
                    for o2 in (x for x in cj.children if x.dep_ == "pobj"):
                        targets += [a for a in np_actors(o2, doc_actors) if a not in sources]
                break
            if targets:
                break
    if not targets and top.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in top.children):
        # "summoned the ambassador to complain": the purpose is addressed to the verb's object
        for o in top.head.children:
            if o.dep_ in ("dobj", "obj") and o.i not in skip:
                targets = [a for a in np_actors(o, doc_actors) if a not in sources]
                break
    if not targets and c.code.plover in lex.lists["condition_target_categories"]:
        # "X threatened to strike unless Y withdraws": the party whose act the condition names
        targets = [a for a in condition_subject_actors(c, doc_actors, lex) if a not in sources]
    if not targets and not reciprocal and lex.raw.get("place_as_target"):
        # the country of the action's stated place beats a weak argument ("deploy troops in Iraq")
        targets = _place_target(c, doc_actors, lex, sources)
    targets = targets or fallback
    # an actor is not its own target, also under another id with the same code ("Palestinians ...
    # Palestinian offices"); PETRARCH drops such events too
    own = {_code(a, doc_actors) for a in sources} - {""}
    targets = [a for a in _uniq(targets) if a not in sources and _code(a, doc_actors) not in own]
    return _uniq(sources), targets


def condition_subject_actors(c: Candidate, doc_actors: Any, lex: Lexicon) -> list[str]:
    """Actors of the subject of a condition clause ("unless Baghdad accepts", "if the United
    States goes ahead") attached to the action or to its infinitive complements."""
    marks = lex.lists["condition_marks"]
    frontier = list(dict.fromkeys([*c.chain, c.anchor]))
    seen = {t.i for t in frontier}
    for _ in range(3):
        nxt = []
        for t in frontier:
            for ch in t.children:
                if ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in ch.children):
                    for s in ch.children:
                        if s.dep_ in ("nsubj", "nsubjpass"):
                            found = np_actors(s, doc_actors)
                            if found:
                                return found
                elif ch.dep_ in ("xcomp", "ccomp", "conj") and ch.i not in seen:
                    seen.add(ch.i)
                    nxt.append(ch)
        frontier = nxt
    return []


def _stative(t: Any, lex: Lexicon) -> bool:
    """A participle read as a state of its subject ("opposed", "committed"), not a passive act."""
    return t.lower_ in lex.lists["stative_participles"] or t.lemma_.lower() in lex.lists["stative_participles"]


def _place_target(c: Candidate, doc_actors: Any, lex: Lexicon, sources: list[str]) -> list[str]:
    """The country of the action's stated place as its target, if the actor stage lists it."""
    place = location_token(c, lex, compounds=True)
    pid = doc_actors.place_for_token(place.i) if place is not None and hasattr(doc_actors, "place_for_token") else None
    return [pid] if pid and pid in doc_actors.actors and pid not in sources else []


def _code(aid: str, doc_actors: Any) -> str:
    a = doc_actors.actors.get(aid)
    return (a.codes or {}).get("cameo", "") if a is not None else ""


def _unplaced(aid: str, doc_actors: Any) -> bool:
    """An actor with no known country ("the troops", "police"): a weak target."""
    a = doc_actors.actors.get(aid)
    code = (a.codes or {}).get("cameo", "") if a is not None else ""
    return not code or code.startswith("---")


def _uniq(xs: list[str]) -> list[str]:
    out: list[str] = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


def modality(c: Candidate, published: str | None, date: str | None, lex: Lexicon) -> str:
    """asserted | planned | hypothetical | reported, from auxiliaries, conditions and speech verbs."""
    toks = list(dict.fromkeys([*c.chain, c.anchor]))
    hyp = planned = reported = False
    for t in toks:
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


def governing_timex(c: Candidate, sent: Any, timexes: list[TimeExpression]) -> TimeExpression | None:
    """The time expression attached to the candidate's own clause (or its absorbed noun)."""
    heads = {x.i for x in c.chain} | {c.anchor.i}
    if c.noun is not None:
        heads.add(c.noun.i)
    if c.nominal and _is_verbal(c.anchor.head):
        heads.add(c.anchor.head.i)
    doc = sent.doc
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
        cur, steps = tok, 0
        while cur.i not in heads and cur.head.i != cur.i and steps < 8:
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
    frontier = list(toks)
    for _ in range(3):  # the action, its argument nouns, and their modifiers ("talks ... in Ohrid")
        nxt = []
        for t in frontier:
            for p in t.children:
                if p.dep_ in ("dobj", "obj") and p not in frontier:
                    nxt.append(p)  # "deploy peacekeepers in Iraq": the object's place
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


def _dated_heads(sent: Any, timexes: list[TimeExpression]) -> set[int]:
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


def code_sentence(sent: Any, doc_actors: Any, timexes: list[TimeExpression], published: str | None,
                  lex: Lexicon | None = None) -> list[dict[str, Any]]:
    """The events of one sentence as plain dicts (the fields of ``Event`` minus id/article)."""
    lex = lex or load_lexicon()
    out: list[dict[str, Any]] = []
    dated = _dated_heads(sent, timexes)
    recode = lex.raw.get("negated_recode") or {}
    stext = sent.text
    for c in sentence_candidates(sent, lex, dated):
        if c.negated and c.code.cameo in recode:
            c.code = lex.code(str(recode[c.code.cameo])) or c.code
        sources, targets = arguments(c, doc_actors, lex)
        tx = governing_timex(c, sent, timexes)
        date = tx.value if tx is not None else published
        mod = modality(c, published, tx.value if tx is not None else None, lex)
        trig = " ".join(x.text for x in sorted({*c.chain, c.anchor} | ({c.noun} if c.noun is not None else set()),
                                               key=lambda x: x.i))
        s_start, s_end = _evidence_span(sent, c.anchor, stext)
        base = dict(type=c.code.plover, mode=c.code.mode, cameo=c.code.cameo, date=date,
                    location=location(c, lex), negated=c.negated, modality=mod, trigger=trig,
                    sentence=stext[s_start - sent.start_char:s_end - sent.start_char], start=s_start, end=s_end)
        if not targets and len(sources) >= 2 and c.code.plover in lex.lists["reciprocal_categories"]:
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
    lex = load_lexicon()
    events: list[Event] = []
    for sent in doc.sents:
        for rec in code_sentence(sent, doc_actors, timexes, published, lex):
            events.append(Event(id=f"{article_id}:e{len(events) + 1}", article_id=article_id, **rec))
    return events
