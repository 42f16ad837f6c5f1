"""Source and target actors of a coded action, from the dependency parse and ``DocActors``."""

from __future__ import annotations

from typing import Any

from newsledger.nlp.events.coder import particle_prep
from newsledger.nlp.events.lexicon import Lexicon, load_lexicon

_NP_DEPS = ("compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case")
_SUBJ = ("nsubj", "csubj")


def np_actors(tok: Any, doc_actors: Any, with_conj: bool = True) -> list[str]:
    """Actor ids a noun phrase headed by ``tok`` refers to (its conjuncts included)."""
    out: list[str] = []
    heads = [tok]
    if with_conj:
        heads += [c for c in tok.conjuncts if c.i > tok.i]
        heads += list_appositions(tok, doc_actors)
    for h in heads:
        found = _head_actors(h, doc_actors)
        for a in found:
            if a not in out:
                out.append(a)
    return out


def _head_actors(h: Any, doc_actors: Any) -> list[str]:
    group = getattr(doc_actors, "groups", {}).get(h.i)
    if group:  # a plural anaphor: "both sides" -> the two parties named before
        return list(group)
    a = doc_actors.actor_for_token(h.i)
    if a:
        # "Hungarian and Romanian officials": coordinated modifiers name one actor each
        for c in h.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts:
                found = [doc_actors.actor_for_token(x.i) for x in (c, *c.conjuncts)]
                found = [f for f in dict.fromkeys(found) if f]
                if _coordinated_names(h, c):
                    # "Fornost and the old Gondor": a name list parsed as modifiers of the last name
                    return [f for f in dict.fromkeys([*found, a])]
                if len(found) >= 2:
                    return found
        if _coded(a, doc_actors):
            return [a]
        # an organisation the dictionaries lack, described by a coded modifier or apposition:
        # "Egypt's opposition Muslim Brotherhood", "X, Algeria's leading rights activist"
        described = [b for c in h.children if c.dep_ in ("amod", "compound", "nmod", "appos")
                     for b in np_actors(c, doc_actors, with_conj=False) if b != a and _coded(b, doc_actors)]
        return described[:1] or [a]
    out: list[str] = []
    for c in h.children:  # an apposition names the head: "Serbia's allies China and Russia"
        if c.dep_ == "appos":
            found = np_actors(c, doc_actors)
            if found:
                return found
    # modifiers inside the phrase: "Serbian police", "Kosovo's prime minister" (each modifier
    # counts as one actor: its own head first, so "Iraqi President Saddam Hussein's" is one)
    owners: list[str] = []  # possessors: "Osama bin Laden's al-Qaeda network" is al-Qaeda's act
    against = load_lexicon().lists["against_prefixes"]
    for c in h.children:
        if c.i >= 2 and h.doc[c.i - 1].text == "-" and h.doc[c.i - 2].lower_ in against:
            continue  # "an anti-Israel rally" is not Israel's
        # "the US-led war": the modifier of a participle; not an adverbial noun phrase hung on a
        # noun ("sales ..., with strings attached, Cuba")
        if c.dep_ in _NP_DEPS or (c.dep_ == "npadvmod" and h.pos_ in ("VERB", "ADJ")):
            dest = owners if c.dep_ == "poss" else out
            for b in ([doc_actors.actor_for_token(c.i)] if doc_actors.actor_for_token(c.i) else _head_actors(c, doc_actors)):
                if b and b not in dest:
                    dest.append(b)
            for cj in c.conjuncts:
                b = doc_actors.actor_for_token(cj.i)
                if b and b not in dest:
                    dest.append(b)
    if out and any(_coded(b, doc_actors) for b in out):
        return out
    if owners or out:
        return out + [b for b in owners if b not in out]
    # "the independence proclaimed by its former province": the thing is the agent's
    for c in h.children:
        if c.dep_ == "acl":
            found = _pobj_actors(c, "agent", doc_actors)
            if found:
                return found
    # "thousands of people", "members of the Serb minority", "leaders of Serbia and Kosovo"
    found = _pobj_actors(h, "of", doc_actors)
    if found:
        return found
    # "violations by Algerian security forces", "a raid by the army": an act named by its doer
    found = _pobj_actors(h, "by", doc_actors)
    if found:
        return found
    return out


def _pobj_actors(h: Any, prep: str, doc_actors: Any) -> list[str]:
    """The actors of the first object of ``h``'s preposition ``prep`` (or its passive ``agent``)
    that has any."""
    for c in h.children:
        if (c.dep_ == "agent" if prep == "agent" else c.dep_ == "prep" and c.lower_ == prep):
            for o in c.children:
                if o.dep_ == "pobj":
                    found = np_actors(o, doc_actors)
                    if found:
                        return found
    return []


def _coordinated_names(h: Any, mod: Any) -> bool:
    """Whether modifier ``mod`` of the name ``h`` is really the first item of a list of names:
    a conjunct of the modifier opens a new noun phrase (its own determiner: "Fornost and the
    old Gondor"), which a modifier inside one phrase never does ("Serbia and Kosovo police")."""
    if h.pos_ != "PROPN" or mod.i > h.i:
        return False
    return any(d.dep_ == "det" and d.lower_ in ("the", "a", "an") for cj in mod.conjuncts for d in cj.children)


def list_appositions(tok: Any, doc_actors: Any) -> list[Any]:
    """Items of a list of names that the parser attached as appositions: "Mordor, the Shire,
    Fornost and Bree" (the Shire an apposition of Mordor, Fornost and Bree its conjuncts). An
    apposition counts as a list item only in a list (it or its head has conjuncts) and only
    when it names another country or organisation than its head, never a description of it
    ("Vucic, the Serbian president, and Kurti")."""
    head = doc_actors.actor_for_token(tok.i)
    if head is None:
        return []
    out: list[Any] = []
    for c in tok.children:
        if c.dep_ != "appos" or not (c.conjuncts or tok.conjuncts):
            continue
        a = doc_actors.actor_for_token(c.i)
        actor = getattr(doc_actors, "actors", {}).get(a) if a else None
        if a is None or a == head or actor is None or actor.kind not in ("country", "organization"):
            if not c.conjuncts:
                continue
        else:
            out.append(c)
        out += [x for x in c.conjuncts if x.i > c.i]
    return out


def _coded(aid: str, doc_actors: Any) -> bool:
    """Whether actor ``aid`` has a CAMEO code (unknown organisations and people have none)."""
    a = getattr(doc_actors, "actors", {}).get(aid)
    return a is None or bool((a.codes or {}).get("cameo"))


def subject_of(t: Any) -> tuple[Any, bool]:
    """The subject token of verb ``t`` (inherited through xcomp/conj chains) and whether passive."""
    seen = 0
    cur = t
    if t.dep_ == "amod" and t.head.dep_ == "ROOT":  # a mis-parsed verb: the root noun holds the subject
        for c in t.head.children:
            if c.dep_ == "nsubj":
                return c, False
        for c in t.head.children:  # "North Korea test-fired missiles": the compound before the verb
            if c.dep_ == "compound" and c.i < t.i:
                return c, False
    root = verbless_root_subject(t)
    if root is not None:  # "Doctors from two aid groups donated ...": the verb read as a modifier
        return root, False
    raised = False  # reached through an infinitive complement
    active_conj = False  # reached from an active conjunct of a passive verb ("was indicted and will resign")
    while cur is not None and seen < 6:
        seen += 1
        if (seen > 1 and not active_conj) or cur.dep_ in ("conj", "acl"):
            own_agent = _agent(cur) if not any(c.dep_ in _SUBJ for c in cur.children) else None
            if own_agent is not None:  # "put forward by Russia but rejected by the US": the
                return own_agent, True  # conjunct's / participle's own by-agent
        for c in cur.children:
            if c.dep_ in _SUBJ:
                return _participle_subject(c) or c, False
            if c.dep_ == "nsubjpass":
                if raised or active_conj:  # "X was seen to break into", "X was asked to leave",
                    return c, False  # "X has been indicted and will resign": X acts
                agent = _agent(cur) or _shared_agent(cur)
                return agent, True
        if _aux_subject(cur) is not None:  # "Serbia is opposed": the subject parsed under "is"
            return _agent(cur), True
        if cur.dep_ == "pcomp" and cur.head.head.i != cur.head.i:  # "after refusing to sign"
            cur = cur.head.head
            continue
        if cur.dep_ in ("xcomp", "conj", "acomp") and cur.head.i != cur.i:
            raised = cur.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in cur.children)
            active_conj = active_conj or (cur.dep_ == "conj" and _active_verb(cur))
            cur = cur.head
            continue
        if cur.dep_ in ("advcl", "acl", "relcl") and cur.head.i != cur.i:
            if cur.dep_ == "relcl":
                return cur.head, False
            if cur.dep_ == "acl" and cur.tag_ in ("VBN",):
                return None, True
            if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.head.pos_ in ("NOUN", "PROPN"):
                return cur.head, False  # "demonstrators protesting the arrest": the noun acts
            cur = cur.head
            continue
        break
    return None, False


def _participle_subject(c: Any) -> Any:
    """The noun of a reduced relative the parser read as a clausal subject ("The Red Cross
    operating in Iraq said": nsubj(said, operating), nsubj(operating, Cross)): a bare "-ing" form
    with no auxiliary or marker whose own subject comes before it; else None."""
    if c.tag_ != "VBG" or any(a.dep_ in ("aux", "auxpass", "mark") for a in c.children):
        return None
    return next((s for s in c.children if s.dep_ == "nsubj" and s.i < c.i and s.pos_ in ("NOUN", "PROPN")), None)


def _shared_agent(t: Any) -> Any:
    """The by-agent of a passive conjunct joined to passive ``t`` by "and", when ``t`` has none of
    its own ("were detained and beaten by police": the police detained them too); "put forward
    but rejected by the US" does not share it."""
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in t.children):
        return None
    for cj in t.children:
        if cj.dep_ == "conj" and cj.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cj.children):
            agent = _agent(cj)
            if agent is not None:
                return agent
    return None


def _active_verb(t: Any) -> bool:
    """Whether verb ``t`` shows active voice of its own: a non-passive auxiliary ("will resign",
    "has resigned"), a present form, or a past form with a direct object ("formed a government").
    A bare past form without an object ("was arrested and charged") may share the passive, so
    it is not taken as active."""
    if any(a.dep_ == "auxpass" for a in t.children):
        return False
    if any(a.dep_ == "aux" and a.lower_ != "to" for a in t.children):
        return True
    if t.tag_ in ("VBZ", "VBP"):
        return True
    return t.tag_ == "VBD" and any(a.dep_ in ("dobj", "obj") for a in t.children)


def verbless_root_subject(t: Any) -> Any:
    """The root noun of a sentence the parser left without a main verb, when verb ``t`` is a
    clause hung on that noun phrase and is really the main verb ("Doctors from two aid groups
    donated goods": ROOT(Doctors) ... acl(groups, donated)); else None. A participle with its
    own agent ("goods donated by X") or subject stays a modifier."""
    if t.dep_ != "acl" or t.tag_ not in ("VBD", "VBN"):
        return None
    root = t.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.i > t.i or t.i not in {x.i for x in root.subtree}:
        return None
    if any(c.dep_ in ("agent", "nsubj", "nsubjpass", "aux", "auxpass") for c in t.children):
        return None
    if any(x.pos_ in ("VERB", "AUX") and x.i < t.i and x.i > root.i for x in root.subtree):
        return None  # another verb between the root and this one: a genuine modifier clause
    return root


def governing_verb(t: Any) -> Any:
    """For an infinitive attached to a noun ("a rally to protest", "a plan to end") or a
    participle stating the noun's content ("issued a statement condemning ..."), the verb
    governing that noun ("converged for a rally" -> converged, "issued"), else None."""
    infinitive = t.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)
    participle = t.dep_ == "acl" and t.tag_ == "VBG"
    if not (infinitive or participle):
        return None
    n = t.head
    v = n.head.head if n.dep_ == "pobj" else n.head if n.dep_ in ("dobj", "obj") else None
    return v if v is not None and v.pos_ in ("VERB", "AUX") and v.i != n.i else None


def _agent(t: Any) -> Any:
    for c in t.children:
        if c.dep_ == "agent":
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    return None


def passive_patient(t: Any) -> Any:
    """The passive subject of ``t`` (also when the parser hung it on the auxiliary)."""
    for c in t.children:
        if c.dep_ == "nsubjpass":
            return c
    return _aux_subject(t)


def _aux_subject(t: Any) -> Any:
    """A subject the parser attached to a passive auxiliary of ``t`` instead of ``t``."""
    for a in t.children:
        if a.dep_ == "auxpass" and a.i < t.i:
            for c in a.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    return c
    return None


def shifted_objects(t: Any) -> list[Any]:
    """A heavy object moved after an "as" complement ("denounced as an ugly crime Serbia's
    suppression of the protests"), which the parser hangs as an apposition of the "as" noun:
    the object of verb ``t`` when it has no other."""
    out = []
    for p in t.children:
        if p.dep_ == "prep" and p.lower_ == "as" and p.i > t.i:
            for o in p.children:
                if o.dep_ == "pobj":
                    out += [a for a in o.children if a.dep_ == "appos" and a.i > o.i and a.pos_ in ("NOUN", "PROPN")]
    return out


def target_tokens(t: Any, lex: Lexicon, skip: set[int], depth: int = 2,
                  clauses: dict[int, int] | None = None) -> list[Any]:
    """Candidate target heads of action token ``t``, nearest first: dative, object,
    prepositional objects, then (``depth`` levels down) the objects' own prepositional
    objects ("lift embargoes on sales to Iran") and an infinitive complement's arguments.
    ``clauses``, when given, receives for each candidate the number of verb complements
    (infinitive, purpose clause) crossed to reach it (0: an argument of ``t`` or of its nouns)."""
    out: list[Any] = []
    order = {p: n for n, p in enumerate(lex.raw.get("target_preps") or ())}
    preps = lex.lists["target_preps"]
    reasons = lex.lists["reason_nouns"]
    hops = {t.i: 0}
    level = [t]
    for _ in range(depth + 1):
        nxt: list[Any] = []
        for h in level:
            k = hops.get(h.i, 0)
            objs = [c for c in h.children if c.dep_ in ("dative", "dobj", "obj", "attr")]
            if h.i == t.i and not objs:
                objs = shifted_objects(h)
            particle = particle_prep(h, lex) if h.i == t.i else None
            if particle is not None:  # "cordoned off the roads": the particle's object
                objs += [o for o in particle[1].children if o.dep_ == "pobj"]
            if h.i == t.i and not objs and not any(c.dep_ in ("xcomp", "ccomp") for c in h.children):
                # "donated and delivered goods to X": verbs that share their object and its
                # recipient (the next verb of the coordination, with no subject of its own)
                for cj in h.children:
                    if cj.dep_ == "conj" and cj.pos_ == "VERB" and cj.i - h.i <= 4 and not any(
                            a.dep_ in ("nsubj", "nsubjpass") for a in cj.children):
                        nxt.append(cj)
                        hops.setdefault(cj.i, k)
            for c in objs:
                if c.i not in skip:
                    out.append(c)
                    nxt.append(c)
                    hops.setdefault(c.i, k)
            for c in sorted((c for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ in preps),
                            key=lambda c: order.get(c.lower_, 99)):
                for o in prep_objects(c):
                    if o.i not in skip:
                        out.append(o)
                        nxt.append(o)
                        hops.setdefault(o.i, k)
            for c in h.children:  # "in protest against X", "in retaliation for X's raid": X
                if c.dep_ == "prep" and c.lower_ == "in":
                    for o in c.children:
                        if o.dep_ == "pobj" and o.lemma_.lower() in reasons and o.i not in skip:
                            nxt.append(o)
                            hops.setdefault(o.i, k)
            for c in h.children:
                if c.i in skip:
                    continue
                if h.i != t.i and c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") and not any(
                        a.dep_ == "aux" for a in c.children):
                    nxt.append(c)  # the object's participle: "the roads leading into X", "aid sent to X"
                    hops.setdefault(c.i, k)
                    continue
                if c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(
                        a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
                    nxt.append(c)  # an infinitive or purpose clause: "send material to help defend Saudi Arabia"
                    hops.setdefault(c.i, k + 1)
                elif c.dep_ == "advcl" and c.tag_ == "VBG" and not any(
                        a.dep_ in ("nsubj", "nsubjpass", "mark") for a in c.children):
                    nxt.append(c)  # a participle of the same act: "rallied, calling for independence from Iraq"
                    hops.setdefault(c.i, k + 1)
                elif c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    # "allowed the candidate to run": the infinitive's subject is the verb's object
                    for sj in c.children:
                        if sj.dep_ in ("nsubj", "nsubjpass") and sj.i < c.i and sj.i not in skip:
                            out.append(sj)
                            hops.setdefault(sj.i, k)
        level = nxt
    if clauses is not None:
        clauses.update({o.i: hops.get(o.i, 0) for o in out})
    return out


def prep_objects(p: Any) -> list[Any]:
    """The objects of preposition ``p``; a dangling preposition whose noun phrase the parser
    made the subject of a following clause ("granted asylum to five officers holed up in ...")
    gets that subject back."""
    objs = [o for o in p.children if o.dep_ == "pobj"]
    if objs or p.dep_ not in ("prep", "dative"):
        return objs
    for v in p.head.children:
        if v.i > p.i and v.dep_ in ("advcl", "acl", "relcl", "ccomp", "conj"):
            for s in v.children:
                if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ in ("NOUN", "PROPN") and s.left_edge.i == p.i + 1:
                    return [s]
    return []


def own_possession(tok: Any) -> bool:
    """"its troops", "their borders": the source's own people or things, not a target. A
    relational noun is the other side ("met his Japanese counterpart")."""
    if tok.lemma_.lower() in load_lexicon().lists["relational_nouns"]:
        return False
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our", "my") for c in tok.children)
