"""Attacks with no named attacker: "a roadside bomb killed two soldiers outside the Iraqi city of
Basra", "three soldiers were killed by a landmine near Kandahar". PLOVER and CAMEO code the
unknown attackers as the unidentified armed forces (sector ``UAF``) of the country where the
attack happened; the country comes from the attack's stated place. Only a weapon or a blast
named as the doer counts ("killed by a car bomb", "died in an explosion"): a passive with no
agent ("were killed in Basra") does not say that anyone attacked."""

from __future__ import annotations

from typing import Any

from newsledger.model import Actor
from newsledger.nlp.events.coder import Candidate
from newsledger.nlp.events.lexicon import Lexicon

_DOER_DEPS = ("nsubj", "nsubjpass", "csubj")


def unattributed_attackers(c: Candidate, doc_actors: Any, lex: Lexicon) -> list[str]:
    """The unidentified armed forces of the attack's country, as a one-actor list, when
    candidate ``c`` (with no source of its own) names only a weapon or a blast as its doer; [] otherwise."""
    if c.code.plover not in lex.lists["unattributed_attack_categories"] or not hasattr(doc_actors, "actors"):
        return []
    weapon = _weapon_doer(c, lex)
    if weapon is None:
        return []
    country = _attack_country(c, weapon, doc_actors, lex)
    if country is None:
        return []
    codes = country.codes or {}
    cameo = codes.get("cameo", "")
    if len(cameo) != 3 or cameo.startswith("-"):
        return []
    key = country.country or cameo
    aid = f"group:{key}-unidentified-armed-forces"
    uaf = {"cameo": cameo + "UAF"}
    if codes.get("plover"):
        uaf["plover"] = codes["plover"] + "UAF"
    doc_actors.actors.setdefault(aid, Actor(id=aid, name=f"unidentified armed forces ({country.name})",
                                            kind="group", country=country.country, codes=uaf))
    return [aid]


def _weapon_doer(c: Candidate, lex: Lexicon) -> Any:
    """The weapon or blast noun that does the act: the subject ("a car bomb killed"), the
    by-agent ("killed by an explosive device") or the means ("killed in a bomb blast"), or None."""
    weapons = lex.lists["weapon_doer_nouns"]

    def is_weapon(n: Any) -> bool:
        return n.lemma_.lower() in weapons or n.lower_ in weapons or any(
            m.dep_ == "compound" and (m.lemma_.lower() in weapons or m.lower_ in weapons) for m in n.children)

    verbs = [*c.chain, c.anchor] if not c.nominal else []
    for v in verbs:
        for ch in v.children:
            if ch.dep_ in _DOER_DEPS and is_weapon(ch):
                return ch
            if ch.dep_ == "agent" or (ch.dep_ == "prep" and ch.lower_ in lex.lists["weapon_means_preps"]):
                for o in ch.children:
                    if o.dep_ == "pobj" and is_weapon(o):
                        return o
    return None


def _attack_country(c: Candidate, weapon: Any, doc_actors: Any, lex: Lexicon) -> Actor | None:
    """The country actor of the attack's stated place: a place the gazetteer knows ("in Beirut")
    or a country naming the place ("outside the Iraqi city of Basra"), searched under the
    action's and the weapon's place prepositions ("a roadside bomb near Samarra")."""
    preps = lex.lists["location_preps"]
    frontier = [p for h in dict.fromkeys([*c.chain, c.anchor, weapon]) for p in h.children
                if p.dep_ == "prep" and p.lower_ in preps]
    for _ in range(5):  # prep -> pobj -> its modifiers and "of" phrases ("the Iraqi city of Basra")
        nxt = []
        for h in frontier:
            if h.dep_ in ("amod", "compound") and h.head.lemma_.lower() in lex.lists["border_nouns"]:
                continue  # "near the Cambodian border": either side of it
            found = _country_at(h, doc_actors)
            if found is not None:
                return found
            nxt += [o for o in h.children if o.dep_ in ("pobj", "prep", "amod", "compound")]
        frontier = nxt
    return None


def _country_at(tok: Any, doc_actors: Any) -> Actor | None:
    """The country of place token ``tok`` (a gazetteer place, or a country named there)."""
    pid = doc_actors.place_for_token(tok.i) if hasattr(doc_actors, "place_for_token") else None
    for aid in (pid, doc_actors.actor_for_token(tok.i)):
        a = doc_actors.actors.get(aid) if aid else None
        if a is not None and a.kind == "country":
            return a
    return None
