"""Expletive (dummy) "it": the anticipatory subject of extraposed clauses, which refers to no
actor ("it is up to the EU to ...", "it is clear that ...", "it seems that ...", "it was
decided that ...", "Serbia made it clear that ..."). Rules: ``expletive_it`` in
resolution.en.yaml.

DOCS: docs/actors.md
"""

from __future__ import annotations

from typing import Any

CLAUSE_DEPS = {"ccomp", "xcomp", "csubj", "advcl", "relcl"}


def _clause(head: Any, finite_only: bool = False) -> bool:
    """Whether ``head`` (or its predicate) has a clausal complement after it; ``finite_only``: a
    clause with its own subject ("that Serbia will sign"), not an infinitive."""
    for c in head.subtree:
        if c.i <= head.i or c.dep_ not in CLAUSE_DEPS or c.head.i != head.i and c.head.head.i != head.i:
            continue
        if not finite_only or any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            return True
    return False


def is_expletive_it(tok: Any, rules: dict[str, Any]) -> bool:
    """Whether the pronoun ``tok`` ("it") is an expletive subject that names no one."""
    if tok.lower_ != "it":
        return False
    if tok.dep_ == "expl":
        return True
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    r = rules.get("expletive_it") or {}
    copulas = set(r.get("copulas") or ())
    preds = set(r.get("predicates") or ())
    raising_preds = set(r.get("raising_predicates") or ())
    head = tok.head
    lemma = head.lemma_.lower()
    if head.pos_ in ("ADJ", "NOUN") and head.i > tok.i:  # "made it clear that ...": a small clause
        if lemma in preds:
            return True
        return lemma in raising_preds and _clause(head, finite_only=True)
    if tok.dep_ == "nsubjpass":
        if lemma not in set(r.get("passive_verbs") or ()):
            return False
        if any(c.dep_ == "ccomp" and c.i > head.i for c in head.children):
            return True
        return lemma in set(r.get("passive_infinitive") or ()) and any(
            c.dep_ == "xcomp" and c.i > head.i for c in head.children)
    if lemma in copulas:
        for c in head.children:
            if c.i <= head.i or c.dep_ not in ("acomp", "attr", "prep", "advmod", "oprd"):
                continue
            w = c.lemma_.lower()
            if w == "up" and not any(g.lower_ == "to" for g in c.children):
                continue  # "up to": "it is up for negotiation" is the matter itself
            if w in preds and (c.dep_ != "advmod" or w == "up"):
                return True
            if w in raising_preds and (_clause(c, finite_only=True) or _clause(head, finite_only=True)):
                return True
    if lemma in set(r.get("raising_verbs") or ()):
        deps = {"ccomp", "xcomp"} if lemma in set(r.get("raising_infinitive") or ()) else {"ccomp"}
        return any(c.dep_ in deps and c.i > head.i for c in head.children) or any(
            c.dep_ in ("acomp", "attr") and c.lemma_.lower() in preds | raising_preds for c in head.children)
    return False
