"""The dependency-based event coder: triggers, control chains, arguments, modality, date, place.

Works on a parsed spaCy ``Doc`` and the actors stage's ``DocActors``; every word list and
code table comes from the lexicon data files (see ``lexicon.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsledger.nlp.events.lexicon import NO_EVENT, Code, Lexicon, load_lexicon

_SUBJ = ("nsubj", "csubj", "expl")
_CLAUSAL = ("ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "pcomp")
_ENT_PLACE = ("GPE", "LOC", "FAC")


@dataclass
class Candidate:
    """One coded action before it becomes one or more ``Event`` records."""

    anchor: Any  # the token standing for the action (verb, adjective or noun)
    code: Code
    chain: list[Any] = field(default_factory=list)  # governing/absorbed tokens of the same act
    noun: Any = None  # an absorbed event noun ("talks" in "held talks")
    negated: bool = False
    modality: str | None = None
    request_target: Any = None  # "called on Serbia to ..." -> Serbia
    inner: Any = None  # the complement action, for targets
    nominal: bool = False


def lemma_forms(t: Any) -> list[str]:
    """The parser's lemma, then the lower-cased form and regular de-inflections of it
    (the small model's lemmatizer misses some: "staged" -> "stag")."""
    w = t.lower_
    out = [t.lemma_.lower()]
    cands = [w]
    if w.endswith("ied"):
        cands.append(w[:-3] + "y")
    if w.endswith("ies"):
        cands.append(w[:-3] + "y")
    if w.endswith("ed"):
        cands += [w[:-1], w[:-2]]
        if len(w) > 4 and w[-3] == w[-4]:
            cands.append(w[:-3])
    if w.endswith("ing"):
        cands += [w[:-3], w[:-3] + "e"]
        if len(w) > 5 and w[-4] == w[-5]:
            cands.append(w[:-4])
    if w.endswith("es"):
        cands.append(w[:-2])
    if w.endswith("s"):
        cands.append(w[:-1])
    if w.startswith("re") and len(w) > 6:  # "reimposed" -> "imposed" forms
        cands += [x[2:] for x in list(cands) if x.startswith("re")]
    for c in cands:
        if c not in out:
            out.append(c)
    return out


def _lemma(t: Any, *tables: Any) -> str:
    """The first form of ``t`` found in any of ``tables`` (else the parser's lemma)."""
    forms = lemma_forms(t)
    for f in forms:
        for tab in tables:
            if f in tab:
                return f
    return forms[0]


def hyphen_verb(t: Any, lex: Lexicon | None) -> str | None:
    """The lexicon key of a verb written with a hyphenated prefix that the parser split off
    ("test-fired" -> "test-fire", not "fire"), or None."""
    if lex is None or t.i < 2:
        return None
    doc = t.doc
    hy, pre = doc[t.i - 1], doc[t.i - 2]
    if hy.text != "-" or pre.head.i != t.i or pre.pos_ not in ("NOUN", "ADJ", "ADV", "PROPN"):
        return None
    for f in dict.fromkeys([t.lemma_.lower(), *lemma_forms(t)]):
        key = f"{pre.lower_}-{f}"
        if key in lex.verbs or key in lex.verb_objects:
            return key
    return None


def _verb_key(t: Any, lex: Lexicon | None = None) -> str:
    hyphened = hyphen_verb(t, lex)
    if hyphened is not None:
        return hyphened
    lemma = _lemma(t, lex.verbs, lex.verb_objects, lex.light_verbs, lex.control, lex.fb_verbs) if lex else t.lemma_.lower()
    prt = [c.lemma_.lower() for c in t.children if c.dep_ == "prt"]
    if prt:
        return f"{lemma} {prt[0]}"
    found = particle_prep(t, lex, lemma)
    return found[0] if found is not None else lemma


def particle_prep(t: Any, lex: Lexicon | None, lemma: str | None = None) -> tuple[str, Any] | None:
    """A verb particle the parser read as a preposition ("cordoned off the roads": prep(off)),
    when the verb + particle is a known phrasal verb: (phrasal verb key, particle token)."""
    if lex is None or not t.pos_ == "VERB":
        return None
    nxt = next((c for c in t.children if c.dep_ == "prep" and c.i == t.i + 1), None)
    if nxt is None:
        # a particle after the object, read as the head of a complex preposition ("forced the
        # agency out of the country", "drove the troops out of the town": prep(out) -> prep(of))
        obj = next((c for c in t.children if c.dep_ in ("dobj", "obj")), None)
        nxt = next((c for c in t.children if c.dep_ == "prep" and obj is not None and c.i == obj.right_edge.i + 1
                    and any(g.dep_ == "prep" for g in c.children)
                    and not any(g.dep_ == "pobj" for g in c.children)), None)
    if nxt is None:
        return None
    for f in dict.fromkeys([lemma or t.lemma_.lower(), *lemma_forms(t)]):
        key = f"{f} {nxt.lower_}"
        if key in lex.verbs or key in lex.fb_verbs or key in lex.verb_objects:
            return key, nxt
    return None


def misparsed_root_verb(t: Any) -> bool:
    """A finite verb the parser attached as a modifier of a root noun that has the subject:
    "Serbs erected barricades" parsed as nsubj(barricades, Serbs) + amod(barricades, erected)."""
    h = t.head
    if not (t.dep_ == "amod" and t.tag_ in ("VBD", "VBN") and h.dep_ == "ROOT" and h.pos_ == "NOUN"):
        return False
    if h.i == t.i + 1 and any(c.dep_ == "nsubj" for c in (*h.children, *t.children)):
        return True
    # "North Korea test-fired two missiles": a known hyphenated verb read as an adjective, its
    # subject read as a compound of the root noun
    return (h.i > t.i and hyphen_verb(t, load_lexicon()) is not None
            and any(c.dep_ in ("nsubj", "compound") and c.i < t.i for c in h.children))


def _obj(t: Any) -> Any:
    if misparsed_root_verb(t):
        return t.head
    for c in t.children:
        if c.dep_ in ("dobj", "obj"):
            return c
    for c in t.children:
        if c.dep_ == "nsubjpass":
            return c
    found = particle_prep(t, load_lexicon())
    if found is not None:  # "cordoned off the roads": the particle's noun is the object
        return next((o for o in found[1].children if o.dep_ == "pobj"), None)
    return None


def _noun_key(t: Any, table: dict[str, Code]) -> Code | None:
    if t.i >= 2 and t.doc[t.i - 1].text == "-" and t.doc[t.i - 2].head.i == t.i:
        key = f"{t.doc[t.i - 2].lower_}-{t.lower_}"  # "sit-in", "walk-out" split by the tokenizer
        if key in table:
            return table[key]
    comp = [c for c in t.children if c.dep_ in ("compound", "amod") and c.i == t.i - 1]
    if comp:
        key = f"{comp[0].lemma_.lower()} {t.lemma_.lower()}"
        if key in table:
            return table[key]
    for k in lemma_forms(t):
        if k in table:
            return table[k]
    if comp and t.lemma_.lower() in load_lexicon().lists["generic_event_heads"]:  # "mediation effort" -> mediation
        for k in lemma_forms(comp[0]):
            if k in table:
                return table[k]
    return None


def noun_object_code(t: Any, lex: Lexicon) -> Any:
    """The code that the "of" object of event noun ``t`` selects (``noun_objects`` in the
    lexicon: "the deployment of peacekeeping troops" is peacekeeping, "ordered the closure of
    the border" is a border closure), or None."""
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


def _object_code(key: str, lemma: str, heads: list[str], obj: Any, lex: Lexicon) -> Code | None:
    """The code a verb takes from its object: a verb+object entry, else (light verbs) the object noun."""
    for k in (key, lemma):
        vo = lex.verb_objects.get(k)
        for h in heads:
            if vo and h in vo:
                return vo[h]
    if key in lex.light_verbs or lemma in lex.light_verbs:
        code = _noun_key(obj, lex.nouns)
        if code is not None:  # "ordered the closure of the border": the "of" object can refine it
            return noun_object_code(obj, lex) or code
        return None
    return None


def _object_heads(obj: Any, olemma: str) -> list[str]:
    """The keys object ``obj`` is looked up by, most specific first."""
    # "violating the ceasefire agreement": the compound modifier is the more specific object
    mods = [c for c in obj.children if c.dep_ in ("compound", "amod") and c.i < obj.i]
    if obj.ent_type_ == "ORG" and mods and all(m.ent_type_ == "ORG" for m in mods):
        return [olemma]  # words of an organisation's name ("the UN refugee agency") give no sense
    # "establish diplomatic ties", "stage a mock attack": modifier + object is the most specific
    heads = [f"{m.lower_} {w}" for m in mods for w in dict.fromkeys((obj.lower_, olemma))]
    heads += [c.lemma_.lower() for c in obj.children if c.dep_ == "compound"] + [olemma]
    # "ended mediation efforts" -> mediation; "renewed diplomatic ties": the word after the verb
    heads += [c.lemma_.lower() for c in obj.children if c.dep_ == "amod"]
    return heads


def _object_sense(key: str, lemma: str, obj: Any, heads: list[str], lex: Lexicon) -> tuple[Code, Any] | None:
    """The code verb ``key`` takes from object ``obj`` and the event noun it absorbs, or None."""
    found = _object_code(key, lemma, heads, obj, lex)
    if found is not None:
        return found, obj
    # "tons of food aid", "a state of siege", "20 million euros in aid": the event noun under
    # the object's "of" / "in"; not under a measure ("put the size of the demonstration at
    # 10,000" measures a protest, it stages none)
    if obj.lemma_.lower() in lex.lists["measure_nouns"]:
        return None
    for p in obj.children:
        if p.dep_ == "prep" and lex.in_list("object_noun_preps", p.lower_):
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                ol = _lemma(o, lex.verb_objects.get(key, {}), lex.verb_objects.get(lemma, {}), lex.nouns)
                found = _object_code(key, lemma, [ol] if ol else [], o, lex)
                if found is not None:
                    return found, o
    return None


def verb_code(t: Any, lex: Lexicon) -> tuple[Code | None, Any]:
    """The code of verb ``t`` and the event noun it absorbs (or None)."""
    key = _verb_key(t, lex)
    lemma = key.split(" ")[0]
    obj = _obj(t)
    olemma = None
    heads: list[str] = []
    if obj is not None:
        olemma = _lemma(obj, lex.verb_objects.get(key, {}), lex.verb_objects.get(lemma, {}), lex.nouns)
    if olemma:
        heads = _object_heads(obj, olemma)
        found = _object_sense(key, lemma, obj, heads, lex)
        if found is not None:
            return found
    if obj is not None and obj.dep_ in ("dobj", "obj"):
        # "provided aerial photographs and military intelligence": a later object of the list
        # picks the sense when the first does not
        for cj in obj.conjuncts:
            ol = _lemma(cj, lex.verb_objects.get(key, {}), lex.verb_objects.get(lemma, {}), lex.nouns)
            found = _object_sense(key, lemma, cj, _object_heads(cj, ol), lex) if ol else None
            if found is not None:
                return found
    # "took part in talks", "engaged in talks": light verb + preposition + event noun
    if key in lex.light_verbs or lemma in lex.light_verbs or lex.in_list("participation_verbs", lemma):
        for p in t.children:
            if p.dep_ == "prep" and lex.in_list("participation_preps", p.lemma_):
                for o in p.children:
                    if o.dep_ == "pobj":
                        nc = _noun_key(o, lex.nouns)
                        if nc is not None:
                            return nc, o
    vp = lex.verb_preps.get(lemma)
    if vp:
        for c in t.children:
            if c.dep_ in ("prep", "prt") and c.lemma_.lower() in vp:
                return vp[c.lemma_.lower()], None
    if obj is not None:  # "warplanes struck targets" (an attack) vs "workers struck" (a strike)
        for k in (key, lemma):
            if k in lex.transitive:
                return lex.transitive[k], None
    if key in lex.verbs:
        return lex.verbs[key], None
    if lemma in lex.verbs:
        return lex.verbs[lemma], None
    if olemma and lemma in lex.fb_objects:
        for h in heads:
            if h in lex.fb_objects[lemma]:
                return lex.fb_objects[lemma][h], None
    if key in lex.fb_verbs:
        return lex.fb_verbs[key], None
    return None, None


def _is_verbal(t: Any) -> bool:
    return t.pos_ in ("VERB", "AUX") or (t.tag_.startswith("VB") and t.pos_ != "NOUN")


def _negated(t: Any, lex: Lexicon) -> bool:
    for c in t.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det", "neg") and c.lower_ in lex.lists["negators"]):
            return True
    return False


def shared_head(t: Any) -> Any:
    """The verb whose subject, auxiliaries and negation a conjoined verb shares ("will not sign
    or accept": "accept" is as negated and as future as "sign"), or None when ``t`` is no such
    conjunct (it has a subject or an auxiliary of its own)."""
    if t.dep_ != "conj" or not _is_verbal(t) or not _is_verbal(t.head):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in t.children):
        return None
    return t.head


def _complement(t: Any) -> Any:
    for c in t.children:
        if c.dep_ == "xcomp" and _is_verbal(c):
            return c
    for c in t.children:
        if c.dep_ == "ccomp" and _is_verbal(c):
            return c
    for c in t.children:  # "called on Serbia to release": infinitive parsed as a purpose clause
        if c.dep_ == "advcl" and _is_verbal(c) and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
            return c
    return None


def _control_role(t: Any, lex: Lexicon) -> str | None:
    key = _verb_key(t, lex)
    return lex.control.get(key) or lex.control.get(key.split(" ")[0])


def resolve(t: Any, lex: Lexicon, depth: int = 0) -> Candidate | None:
    """Code the clause headed by ``t``, following control verbs into their complement."""
    if depth > 5:
        return None
    own, noun = verb_code(t, lex) if _is_verbal(t) else (None, None)
    if own is NO_EVENT:
        return None
    if own is not None and _credit(t, lex):
        return None  # "X contributed to this report": a byline
    if own is not None and noun is None and _obj(t) is None \
            and _lemma(t, lex.lists["object_required_verbs"]) in lex.lists["object_required_verbs"]:
        return None  # "I suspect that ...", "he relaxed": no one is acted on
    if own is not None and any(c.dep_ == "auxpass" for c in t.children) \
            and _verb_key(t, lex) in lex.lists["no_passive"]:
        return None  # "the proposal was met with ambiguity"
    if own is None:
        held = _noun_control(t, lex, depth)
        if held is not None:
            return held
    role = _control_role(t, lex)
    if noun is not None and own is not None:
        return Candidate(anchor=t, code=own, chain=[t], noun=noun, negated=_negated(t, lex))
    comp = _complement(t) if role or (own and own.plover in ("REQUEST", "THREATEN", "REJECT", "AGREE")) else None
    if comp is not None and (comp.dep_ == "xcomp" or role in ("request", None) or own is not None
                             or (role == "intent" and not _obj(t))):
        inner = resolve(comp, lex, depth + 1)
        if inner is not None:
            neg_inner = inner.negated or _negated(comp, lex)
            cand = _compose(t, own, role, inner, neg_inner, lex)
            if cand is not None:
                return cand
    if own is None and comp is not None and comp.dep_ == "xcomp":
        # "is willing to send material", "pressuring workers to cancel the strike"
        role_code = {"intent": "intent_code", "request": "request_code", "refusal": "refusal_code",
                     "threat": "threat_code"}.get(role or "")
        if role_code:
            own = lex.code(lex.raw[role_code])
            if role == "request":
                cand = _compose(t, own, role, Candidate(comp, own, [comp]), False, lex)  # type: ignore[arg-type]
                if cand is not None:
                    return cand
    if own is None:
        return None
    cand = Candidate(anchor=t, code=own, chain=[t], noun=noun)
    cand.negated = _negated(t, lex)
    if comp is not None:  # an uncoded complement still holds the target ("offered to hand over to X")
        cand.inner = comp
    return cand


def _credit(t: Any, lex: Lexicon) -> bool:
    """Whether verb ``t`` takes one of the objects that make it no event (``no_event_prep_objects``:
    "contributed to this report", "contributed reporting"); key "" is the direct object."""
    table = (lex.raw.get("no_event_prep_objects") or {}).get(_lemma(t, lex.raw.get("no_event_prep_objects") or {}))
    if not table:
        return False
    for c in t.children:
        if c.dep_ in ("dobj", "obj", "xcomp") and (c.lower_ in (table.get("") or ())
                                                   or c.lemma_.lower() in (table.get("") or ())):
            return True
        if c.dep_ == "prep" and c.lower_ in table:
            if any(o.dep_ == "pobj" and o.lemma_.lower() in table[c.lower_] for o in c.children):
                return True
    return False


def _noun_control(t: Any, lex: Lexicon, depth: int) -> Candidate | None:
    """"has no intention of attacking", "has plans to meet": a control noun held by the verb works
    like its verb ("intends to attack"); a "no" on the noun negates the act."""
    nouns = lex.raw.get("control_nouns") or {}
    if not nouns or t.lemma_.lower() not in (lex.raw.get("holding_verbs") or ()):
        return None
    for n in t.children:
        if n.dep_ not in ("dobj", "obj"):
            continue
        role = next((r for r, words in nouns.items() if n.lemma_.lower() in words), None)
        if role is None:
            continue
        comp = next((v for p in n.children if p.dep_ == "prep" and p.lower_ == "of"
                     for v in p.children if v.dep_ == "pcomp" and _is_verbal(v)), None) or next(
            (v for v in n.children if v.dep_ == "acl" and _is_verbal(v)), None)
        inner = resolve(comp, lex, depth + 1) if comp is not None else None
        if inner is None:
            return None
        cand = _compose(n, None, role, inner, inner.negated, lex)
        if cand is None:
            return None
        cand.chain = [t, *cand.chain]
        if _negated(n, lex) or _negated(t, lex):
            cand.negated = True
        return cand
    return None


def _compose(t: Any, own: Code | None, role: str | None, inner: Candidate, neg_inner: bool,
             lex: Lexicon) -> Candidate | None:
    raw = lex.raw
    chain = [t, *inner.chain]
    if role == "failure":
        return Candidate(inner.anchor, inner.code, chain, inner.noun, True, inner.modality,
                         inner.request_target, inner.inner)
    if role == "refusal" or (own is not None and own.plover == "REJECT"):
        code = own if own is not None else lex.code(raw["refusal_code"])
        return Candidate(t, code, chain, None, _negated(t, lex), None, None, inner.anchor)  # type: ignore[arg-type]
    if role == "threat" or (own is not None and own.plover == "THREATEN"):
        code = own if own is not None else lex.code(raw["threat_code"])
        if inner.code.mode and code is not None:
            code = Code(code.plover, code.cameo, code.mode or _threat_mode(inner.code))
        return Candidate(t, code, chain, None, _negated(t, lex), None, None, inner.anchor)  # type: ignore[arg-type]
    if role == "request" or (own is not None and own.plover == "REQUEST"):
        code = own if own is not None else lex.code(raw["request_code"])
        req = _obj(t)
        for c in t.children:
            if c.dep_ == "prep" and c.lemma_ in ("on", "upon"):
                req = next((o for o in c.children if o.dep_ == "pobj"), req)
        if req is None:
            req = next((c for c in inner.anchor.children if c.dep_ in _SUBJ), None)
        return Candidate(t, code, chain, None, _negated(t, lex), None, req, inner.anchor)  # type: ignore[arg-type]
    if role == "intent" or (own is not None and own.plover == "AGREE"):
        if neg_inner and inner.code.plover in ("SUPPORT", "AGREE", "COOPERATE", "CONSULT", "AID"):
            code = lex.code(raw["refusal_code"])
        elif inner.code.plover in lex.lists["intent_conflict_categories"]:
            code = lex.code(raw["threat_code"])
        else:
            code = own if own is not None and own.plover == "AGREE" else lex.code(raw["intent_code"])
        return Candidate(t, code, chain, None, _negated(t, lex), None, None, inner.anchor)  # type: ignore[arg-type]
    if role == "planned":
        intent = raw.get("intent") or {}
        if _verb_key(t, lex) in intent.get("prepare_verbs", ()) \
                and inner.code.plover in intent.get("prepare_categories", ()):
            # "the army prepared to resume shelling": readying force is a mobilization
            code = lex.code(str(intent["prepare_code"]))
            if code is not None:
                return Candidate(t, code, chain, None, _negated(t, lex), None, None, inner.anchor)  # type: ignore[arg-type]
        if _verb_key(t, lex) in (raw.get("intent") or {}).get("plan_verbs", ()):
            conflict = set((raw.get("intent") or {}).get("threat_categories") or ())
            if inner.code.plover in conflict:
                code = lex.code(raw["threat_code"])
                return Candidate(t, code, chain, None, _negated(t, lex), "planned", None, inner.anchor)  # type: ignore[arg-type]
        return Candidate(inner.anchor, inner.code, chain, inner.noun, inner.negated or _negated(t, lex),
                         "planned", inner.request_target, inner.inner)
    if role == "transparent":
        return Candidate(inner.anchor, inner.code, chain, inner.noun, inner.negated or _negated(t, lex),
                         inner.modality, inner.request_target, inner.inner)
    return None


def _threat_mode(inner: Code) -> str | None:
    return "violence" if inner.plover in ("ASSAULT", "MOBILIZE") else None
