"""Source and target actor ids of a candidate action: nominal events ("the detention of X by
Y"), verbal ones (subjects, passives, speakers, objects, addressees, conditions, places) and
the rule that an actor is not its own target. Token-level helpers are in ``arguments.py``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsledger.nlp.events.arguments import (
    governing_verb,
    np_actors,
    own_possession,
    passive_patient,
    subject_of,
    target_tokens,
)
from newsledger.nlp.events.attackers import unattributed_attackers
from newsledger.nlp.events.candidates import NOMINAL_SOURCE_PREPS, NOMINAL_TARGET_PREPS
from newsledger.nlp.events.circumstances import location_token
from newsledger.nlp.events.coder import Candidate, _is_verbal, _noun_key
from newsledger.nlp.events.lexicon import Lexicon


def arguments(c: Candidate, doc_actors: Any, lex: Lexicon) -> tuple[list[str], list[str]]:
    """Source and target actor ids of candidate ``c``."""
    t = c.anchor
    sources: list[str] = []
    targets: list[str] = []
    skip = {x.i for x in c.chain}
    if c.noun is not None and not _patient_noun(c, doc_actors, lex):
        skip.add(c.noun.i)  # "held talks": the event noun, not a participant
    if c.nominal:
        moves_force = t.lemma_.lower() in lex.lists["force_movement_nouns"]
        for ch in t.children:
            if ch.dep_ == "poss":
                sources += np_actors(ch, doc_actors)
            if ch.dep_ == "prep":
                for o in ch.children:
                    if o.dep_ != "pobj":
                        continue
                    if ch.lower_ in NOMINAL_SOURCE_PREPS:
                        sources += np_actors(o, doc_actors)
                    elif ch.lower_ == "of" and moves_force and _forces(o, doc_actors, lex):
                        # "the withdrawal of Israeli troops", "the deployment of NATO troops": the
                        # forces that move carry out the act
                        sources += _forces(o, doc_actors, lex)
                    elif ch.lower_ in NOMINAL_TARGET_PREPS or (ch.lower_ == "from" and moves_force):
                        targets += np_actors(o, doc_actors)  # "... of Russian troops from Georgia"
        if not sources and t.dep_ in ("dobj", "pobj", "nsubjpass"):
            head = t.head.head if t.dep_ == "pobj" else t.head
            if _is_verbal(head):
                subj, passive = subject_of(head)
                if passive and subj is None and _stative(head, lex):
                    subj = passive_patient(head)  # "troops were involved in attacks": the troops
                if subj is not None:
                    sources += np_actors(subj, doc_actors)
        if not targets:
            targets += _against_actors(t, doc_actors, lex)  # "anti-American protests erupted"
        if not targets:  # "insisted on its demand that Kenya release ...": the clause's subject
            targets += [a for a in clause_subject_actors(c, doc_actors) if a not in sources]
        if not sources and c.code.plover in lex.lists["reciprocal_categories"] and len(_uniq(targets)) >= 2:
            sources, targets = targets, []  # "talks between Belgrade and Pristina": participants
        reciprocal = len(sources) >= 2 and c.code.plover in lex.lists["reciprocal_categories"]
        if not targets and not reciprocal and lex.raw.get("place_as_target"):
            targets = _place_target(c, doc_actors, lex, sources)  # "arrived in Amman on a visit"
        targets = _populations(c, targets, doc_actors, lex)
        own = {_code(a, doc_actors) for a in sources} - {""}
        return _uniq(sources), [a for a in _uniq(targets) if a not in sources and _code(a, doc_actors) not in own]
    top = c.chain[0] if c.chain else t
    subj, passive = subject_of(top)
    if passive and subj is None and _stative(top, lex):
        # "Israel is opposed to ...", "Norway is prepared to ...": the subject holds the stance
        subj, passive = passive_patient(top), False
    if subj is not None:
        sources = np_actors(subj, doc_actors)
        for other in _other_subjects(subj, bool(sources)):  # "Lions, tigers, and Gondor welcomed"
            sources += [a for a in np_actors(other, doc_actors) if a not in sources]
    gov = governing_verb(top) if not sources else None
    if gov is not None and not np_actors(top.head, doc_actors):
        # "converged for a rally to protest ...": the rally is no actor; those who converged are
        gsubj, gpassive = subject_of(gov)
        if gsubj is not None and not gpassive:
            sources = np_actors(gsubj, doc_actors)
    said = reported_clause(top, lex)
    if not sources and not passive and (subj is None or subj.pos_ == "PRON") and said is not None:
        # "the rebels said they will release ...", '"We are there to protect civilians," X said':
        # the speaker; not for a passive with no agent ("three civilians were killed, police
        # said": the police report the act, not do it)
        spk, _ = subject_of(said.head)
        if spk is not None:
            sources = np_actors(spk, doc_actors)
    if passive:
        pat = passive_patient(top) or passive_patient(t)
        if pat is None and top.dep_ == "conj" and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in top.children):
            pat = passive_patient(top.head)  # "X was arrested and charged": X is charged too
        if pat is not None and pat.tag_ in ("WP", "WDT") and top.dep_ == "relcl":
            pat = top.head  # "el-Adly, who has been criticized by protesters": the relative's noun
        if pat is not None:
            targets += np_actors(pat, doc_actors)
    if c.request_target is not None:
        targets += np_actors(c.request_target, doc_actors)
        skip.add(c.request_target.i)
    if not targets and c.noun is not None:
        # "staged anti-American protests": the side the action's own event noun is against
        targets += [a for a in _against_actors(c.noun, doc_actors, lex) if a not in sources]
    if not targets and c.noun is not None and c.noun.i in skip:
        # "tightened the blockade of Serbia", "eased its siege of Gaza": the "of" object of the
        # action's own event noun (a country, or the country of a place)
        targets += [a for a in _of_object_actors(c.noun, doc_actors, lex) if a not in sources]
    if not targets:
        # "condemned the killing of civilians by government forces": the doer of the act the
        # action is about, not the act's own patient
        targets += [a for a in _object_act_doers(c, doc_actors, lex, skip) if a not in sources]
    reciprocal = len(sources) >= 2 and c.code.plover in lex.lists["reciprocal_categories"]
    audience = set((lex.raw.get("audience_preps") or {}).get(c.code.plover) or ())
    fallback: list[str] = []
    # a protest's target is often named deep inside its demand ("to press their demands for
    # freedom from the government", "calling for the removal of the president")
    depth = 3 if c.code.plover in lex.lists["deep_target_categories"] else 2
    if not targets:
        for tok in ([c.noun] if c.noun is not None else []) + [top, t] + ([c.inner] if c.inner is not None else []):
            hops: dict[int, int] = {}
            for o in target_tokens(tok, lex, skip, depth=depth, clauses=hops):
                found = [a for a in np_actors(o, doc_actors) if a not in sources]
                if o.lemma_.lower() in lex.lists["settlement_nouns"] and c.code.plover in lex.lists["population_place_categories"]:
                    found = _settled(found, doc_actors)  # "demolished Palestinian homes": their people
                if not found:
                    continue
                if c.code.plover in lex.lists["place_target_foreign_categories"] and _home_place(o, found, sources, doc_actors, lex):
                    continue  # "their forces completed their withdrawal from the Bosnian town of Gorazde": at home
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
    if not targets and sources and not reciprocal:
        # "X believes Y can cope", "X warned that Y would pay": the party the stated clause is about
        targets = [a for a in clause_subject_actors(c, doc_actors) if a not in sources]
    if not targets and top.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in top.children):
        # "summoned the ambassador to complain": the purpose is addressed to the verb's object
        for o in top.head.children:
            if o.dep_ in ("dobj", "obj") and o.i not in skip:
                targets = [a for a in np_actors(o, doc_actors) if a not in sources]
                break
    if not targets and c.code.plover in lex.lists["condition_target_categories"]:
        # "X threatened to strike unless Y withdraws": the party whose act the condition names
        targets = [a for a in condition_subject_actors(c, doc_actors, lex) if a not in sources]
    if not targets and c.code.plover in lex.lists["prior_talks_target_categories"]:
        # "called off the strike after talks with the government": conceded to the other side of the talks
        targets = [a for a in _talks_partners(c, doc_actors, lex) if a not in sources]
    if not targets and not reciprocal and lex.raw.get("place_as_target"):
        # the country of the action's stated place beats a weak argument ("deploy troops in Iraq")
        targets = _place_target(c, doc_actors, lex, sources)
    targets = targets or fallback
    # an actor is not its own target, also under another id with the same code ("Palestinians ...
    # Palestinian offices"); PETRARCH drops such events too
    targets = _populations(c, targets, doc_actors, lex)
    if c.code.plover in lex.lists["population_source_categories"] and hasattr(doc_actors, "civilians_for"):
        # "Young Algerians blocked roads": protesting nationals are civilians, not the state
        sources = [(doc_actors.civilians_for(a) if a.endswith("-people") else None) or a for a in sources]
    if not sources and t.lemma_.lower() not in lex.lists["patient_subject_verbs"]:
        sources = unattributed_attackers(c, doc_actors, lex)  # "a roadside bomb killed ... near Basra"
    own = {_code(a, doc_actors) for a in sources} - {""}
    targets = [a for a in _uniq(targets) if a not in sources and _code(a, doc_actors) not in own]
    return _uniq(sources), targets


def reported_clause(top: Any, lex: Lexicon) -> Any:
    """The clause holding ``top`` that a speech verb reports (its ``ccomp`` / ``parataxis``), reached
    through the act's own complements and conjuncts ('"We are there to protect civilians," the
    secretary-general said'), or None. The first clause (``top`` itself) keeps the old reading:
    any governing verb counts there."""
    if top.dep_ in ("ccomp", "parataxis"):
        return top
    cur = top
    for _ in range(4):
        if cur.dep_ not in ("xcomp", "advcl", "conj", "acomp") or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_.lower() in lex.lists["speech_verbs"]:
            return cur
    return None


def clause_subject_actors(c: Candidate, doc_actors: Any) -> list[str]:
    """Actors of the subject of a finite clause the action states ("believes Y can cope",
    "expressed hopes that Y could be drawn in"): the clausal complement that follows the action
    or its event noun (a clause before it is the reported content of an attribution: "..., the
    agency said"). Infinitives are not stated clauses; their arguments are searched elsewhere."""
    for tok in [c.anchor] + ([c.noun] if c.noun is not None else []):
        for cl in tok.children:
            if cl.dep_ not in ("ccomp", "acl") or not _is_verbal(cl) or cl.i < tok.i:
                continue
            if any(a.dep_ == "aux" and a.lower_ == "to" for a in cl.children):
                continue
            if cl.dep_ == "acl" and not any(m.dep_ == "mark" and m.lower_ == "that" for m in cl.children):
                continue
            for sj in cl.children:
                if sj.dep_ in ("nsubj", "nsubjpass") and sj.pos_ != "PRON":
                    found = np_actors(sj, doc_actors)
                    if found:
                        return found
    return []


def _other_subjects(subj: Any, has_actor: bool) -> list[Any]:
    """Further subjects the parser gave the same verb: a list of subjects cut in two
    ("Lions, tigers, and Gondor welcomed": nsubj Lions, nsubj Gondor), or names right after a
    descriptive noun ("Old foes Serbia and Croatia agreed": nsubj foes, nsubj Serbia). A name
    right after a subject that already names an actor describes the same one ("the agency
    WFNA said") and adds nothing; only one after a list separator ("and", "or", a comma) does."""
    if subj.dep_ != "nsubj":
        return []
    doc = subj.doc
    out = []
    for c in subj.head.children:
        if c.dep_ != "nsubj" or c.i <= subj.i:
            continue
        after_separator = c.left_edge.i > 0 and doc[c.left_edge.i - 1].lower_ in ("and", "or", ",")
        if after_separator or (not has_actor and c.left_edge.i == subj.right_edge.i + 1):
            out.append(c)
    return out


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


def _patient_noun(c: Candidate, doc_actors: Any, lex: Lexicon) -> bool:
    """Whether the object a verb+object code absorbed is also the act's target: "released four
    political prisoners", "freed three Serbian officers" - not an event noun ("held talks"), not
    the source's own forces ("sent Serbian troops", "deployed troops")."""
    if c.noun is None or _noun_key(c.noun, lex.nouns) is not None:
        return False
    found = np_actors(c.noun, doc_actors)
    if not found:
        return False
    subj, _ = subject_of(c.chain[0] if c.chain else c.anchor)
    source_countries = {_code(a, doc_actors)[:3] for a in (np_actors(subj, doc_actors) if subj is not None else [])}
    instruments = lex.lists["instrument_sectors"]
    for a in found:
        code = _code(a, doc_actors)
        if code[3:6] in instruments and (code[:3] in source_countries or code.startswith("---")):
            return False
    return True


def _of_object_actors(noun: Any, doc_actors: Any, lex: Lexicon) -> list[str]:
    """The actors of the "of" object of event noun ``noun`` ("the blockade of Serbia"), or the
    country of a place there ("the siege of Gaza"); none for nouns whose "of" object is the
    force that moves ("the deployment of troops")."""
    if noun.lemma_.lower() in lex.lists["force_movement_nouns"]:
        return []
    for p in noun.children:
        if p.dep_ != "prep" or p.lower_ != "of":
            continue
        for o in p.children:
            if o.dep_ != "pobj" or own_possession(o):
                continue
            found = np_actors(o, doc_actors)
            if found:
                return found
            pid = doc_actors.place_for_token(o.i) if hasattr(doc_actors, "place_for_token") else None
            if pid and pid in doc_actors.actors:
                return [pid]
    return []


def _against_actors(noun: Any, doc_actors: Any, lex: Lexicon) -> list[str]:
    """The actors an event noun is marked as directed against by a prefix such as "anti-"
    (``against_prefixes``: "anti-American protests" -> the United States), or []."""
    doc = noun.doc
    prefixes = lex.lists["against_prefixes"]
    out: list[str] = []
    for m in noun.children:
        if m.i >= 2 and m.i < noun.i and doc[m.i - 1].text == "-" and doc[m.i - 2].lower_ in prefixes:
            a = doc_actors.actor_for_token(m.i)
            if a and a not in out:
                out.append(a)
    return out


def _object_act_doers(c: Candidate, doc_actors: Any, lex: Lexicon, skip: set[int]) -> list[str]:
    """The doers named by the "by" agent of an event noun that is the action's direct object
    ("denounced the arrest of three officers by Serbia" -> Serbia), or []."""
    top = c.chain[0] if c.chain else c.anchor
    for v in dict.fromkeys([top, c.anchor]):
        for o in v.children:
            if o.dep_ not in ("dobj", "obj") or o.i in skip or _noun_key(o, lex.nouns) is None:
                continue
            for p in o.children:
                if p.dep_ == "prep" and p.lower_ == "by":
                    for b in p.children:
                        if b.dep_ == "pobj":
                            found = np_actors(b, doc_actors)
                            if found:
                                return found
    return []


def _forces(tok: Any, doc_actors: Any, lex: Lexicon) -> list[str]:
    """The actors of noun phrase ``tok`` when all of them are forces (``instrument_sectors``:
    troops, police), else []."""
    found = np_actors(tok, doc_actors)
    instruments = lex.lists["instrument_sectors"]

    def force(code: str) -> bool:  # "ISRMIL", "IGOWSTNATMIL": a sector block after the owner's
        return any(code[k : k + 3] in instruments for k in range(3, len(code), 3))

    return found if found and all(force(_code(a, doc_actors)) for a in found) else []


def _stative(t: Any, lex: Lexicon) -> bool:
    """A participle read as a state of its subject ("opposed", "committed"), not a passive act."""
    return t.lower_ in lex.lists["stative_participles"] or t.lemma_.lower() in lex.lists["stative_participles"]


def _place_target(c: Candidate, doc_actors: Any, lex: Lexicon, sources: list[str]) -> list[str]:
    """The country of the action's stated place as its target, if the actor stage lists it."""
    place = location_token(c, lex, compounds=True)
    pid = doc_actors.place_for_token(place.i) if place is not None and hasattr(doc_actors, "place_for_token") else None
    if place is not None and pid and not pid.startswith("country:"):
        # "in West Darfur State": a place the gazetteer does not know whole, named by a known part
        part = next((doc_actors.place_for_token(m.i) for m in place.children if m.dep_ == "compound"
                     and (doc_actors.place_for_token(m.i) or "").startswith("country:")), None)
        pid = part or pid
    if place is not None and c.code.plover in lex.lists["population_place_categories"] \
            and hasattr(doc_actors, "civilians_at"):
        people = doc_actors.civilians_at(place.i)  # "imposed a curfew in Algiers": its people
        if people is not None and people not in sources:
            return [people]
    if pid and c.code.plover in lex.lists["place_target_foreign_categories"] \
            and _code(pid, doc_actors)[:3] in {_code(a, doc_actors)[:3] for a in sources}:
        return []  # "declared a ceasefire in south Lebanon" (Hizbollah): where a domestic act happens
    return [pid] if pid and pid in doc_actors.actors and pid not in sources else []


def _talks_partners(c: Candidate, doc_actors: Any, lex: Lexicon) -> list[str]:
    """The partners of talks that the action follows ("after talks with the government",
    "following negotiations with the rebels"): the "with" objects of a consultation noun under
    the action's ``prior_talks_preps``; [] when none."""
    for v in dict.fromkeys([*c.chain, c.anchor]):
        for p in v.children:
            if p.dep_ != "prep" or p.lower_ not in lex.lists["prior_talks_preps"]:
                continue
            for n in p.children:
                code = _noun_key(n, lex.nouns) if n.dep_ == "pobj" else None
                if code is None or code.plover != "CONSULT":
                    continue
                for w in n.children:
                    if w.dep_ == "prep" and w.lower_ == "with":
                        found = [a for o in w.children if o.dep_ == "pobj" for a in np_actors(o, doc_actors)]
                        if found:
                            return found
    return []


def _home_place(o: Any, found: list[str], sources: list[str], doc_actors: Any, lex: Lexicon) -> bool:
    """Whether argument ``o`` is a place of the sources' own country: a settlement of it ("the
    Bosnian town of Gorazde", "Serbian villages") or a place used as a location there ("withdrew
    from Gorazde"). The country as a party ("a ceasefire with Turkey") is no such place."""
    own = {_code(a, doc_actors)[:3] for a in sources} - {"", "---"}
    if not own:
        return False
    place = o.lemma_.lower() in lex.lists["settlement_nouns"] or (
        o.dep_ == "pobj" and o.head.lower_ == "from" and hasattr(doc_actors, "place_for_token")
        and bool(doc_actors.place_for_token(o.i)))
    return place and all(_code(a, doc_actors)[:3] in own for a in found)


def _settled(found: list[str], doc_actors: Any) -> list[str]:
    """The civilians of the countries named as the owners of homes or towns under force."""
    if not hasattr(doc_actors, "civilians_for"):
        return found
    return _as_civilians(found, doc_actors, lambda a: a.startswith("country:") or a.endswith("-people"))


def _populations(c: Candidate, targets: list[str], doc_actors: Any, lex: Lexicon) -> list[str]:
    """A nationality's people as the target of force ("arrested 100 Palestinians") is that
    country's civilians (``population_target_categories``)."""
    if c.code.plover not in lex.lists["population_target_categories"] or not hasattr(doc_actors, "civilians_for"):
        return targets
    return _as_civilians(targets, doc_actors, lambda a: a.startswith("group:") and a.endswith("-people"))


def _as_civilians(ids: list[str], doc_actors: Any, which: Callable[[str], bool]) -> list[str]:
    """Each of ``ids`` that ``which`` picks replaced by its country's civilians, where known."""
    return [(doc_actors.civilians_for(a) if which(a) else None) or a for a in ids]


def _code(aid: str, doc_actors: Any) -> str:
    """The CAMEO code of actor ``aid`` ("" when unknown)."""
    a = doc_actors.actors.get(aid)
    return (a.codes or {}).get("cameo", "") if a is not None else ""


def _unplaced(aid: str, doc_actors: Any) -> bool:
    """An actor with no known country ("the troops", "police"): a weak target."""
    a = doc_actors.actors.get(aid)
    code = (a.codes or {}).get("cameo", "") if a is not None else ""
    return not code or code.startswith("---")


def _uniq(xs: list[str]) -> list[str]:
    """``xs`` without repeats, in first-seen order."""
    out: list[str] = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out
