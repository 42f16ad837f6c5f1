"""Claims and corroboration: facts that several sources state, and figures that disagree.

Three kinds of claim, each read from an article's analysis:

- ``figure``: a number ("120,000", "6.7 million Serbs"), its value normalised
  (scale words from ``data/claims.en.yaml``) and the noun it counts. Same value ->
  same claim (small numbers also need the same noun). Two figures that count the
  same noun with different values in the same context conflict (``conflicts_with``).
- ``dated``: the clause around a dated time expression ("Kosovo declared its
  independence from Serbia in 2008"): same date and at least ``min_shared_stems``
  shared content stems -> same claim.
- ``event``: the analysis' events with the same type, sources, targets and date.

Near-duplicates count once: every article is mapped to its canonical copy before
sources are counted. A claim is kept when at least two independent sources state
it, or when it conflicts with one that is. Per-article candidates are small and
persisted, so the corpus update regroups without re-reading old analyses.

DOCS: docs/corpus.md#claims
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsledger.corpus.text import claim_rules, norm_date, sentences, stems
from newsledger.model import ArticleAnalysis, Claim

_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(thousand|million|billion|trillion|bn)\b)?")
_NOUN = re.compile(r"\s*(?:[A-Z][a-z]+\s+)?([A-Za-z][a-z]+)")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One claim-bearing statement of one article."""

    kind: str            # figure | dated | event
    key: str             # figure: value; dated: date; event: type|sources|targets|date
    text: str            # the clause or sentence
    article_id: str
    noun: str = ""       # figure: the counted noun (lower-cased)
    stems: frozenset[str] = frozenset()
    event_id: str = ""


def _value(number: str, scale: str | None, scales: dict[str, float]) -> float:
    v = float(number.replace(",", ""))
    return v * float(scales.get((scale or "").lower(), 1))


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _clause(sentence: str, rel_start: int, rel_end: int, breaks: list[str]) -> str:
    """The clause of ``sentence`` around the span (rel_start, rel_end)."""
    lo, hi = 0, len(sentence)
    for b in breaks:
        i = sentence.rfind(b, 0, rel_start)
        if i >= 0:
            lo = max(lo, i + len(b))
        j = sentence.find(b, rel_end)
        if j >= 0:
            hi = min(hi, j)
    out = sentence[lo:hi].strip(" ,;")
    return out[0].upper() + out[1:] if out else sentence


def claim_candidates(analysis: ArticleAnalysis) -> list[Candidate]:
    """Every figure, dated clause and event of one article that could be a shared claim."""
    art = analysis.article
    rules = claim_rules(art.language or "en")
    scales = {k.lower(): float(v) for k, v in rules["scales"].items()}
    breaks = list(rules.get("clause_breaks", []))
    min_free = float(rules.get("min_free_figure", 1000))
    text = art.text
    dated = [(t.start, t.end, norm_date(t.value)) for t in analysis.time_expressions
             if t.type == "DATE" and norm_date(t.value)]
    out: list[Candidate] = []
    for s, e in sentences(text):
        sent = text[s:e]
        spans = [(a, b) for a, b, _ in dated if s <= a < e]
        for m in _NUMBER.finditer(sent):
            a, b = s + m.start(), s + m.end()
            if any(x <= a < y for x, y in spans):
                continue
            if m.group(2) is None and re.fullmatch(r"1[5-9]\d\d|20\d\d", m.group(1)):
                continue  # a bare year the tagger missed
            value = _value(m.group(1), m.group(2), scales)
            noun_m = _NOUN.match(sent, m.end())
            noun = noun_m.group(1).lower() if noun_m else ""
            if noun in set(rules["stopwords"]):
                noun = ""
            if value < min_free and not noun:
                continue
            out.append(Candidate("figure", _fmt(value), _clause(sent, m.start(), m.end(), breaks),
                                 art.id, noun, frozenset(stems(sent))))
        for a, b, when in dated:
            if s <= a < e and when:
                clause = _clause(sent, a - s, b - s, breaks)
                out.append(Candidate("dated", when, clause, art.id, "", frozenset(stems(clause))))
    for ev in analysis.events:
        key = "|".join([ev.type, ",".join(sorted(ev.source_ids)), ",".join(sorted(ev.target_ids)),
                        norm_date(ev.date) or ""])
        out.append(Candidate("event", key, ev.sentence, art.id, event_id=ev.id))
    return out


def _claim_id(kind: str, key: str, text: str) -> str:
    return "C" + hashlib.sha1(f"{kind}|{key}|{text}".encode()).hexdigest()[:12]


def _representative(group: list[Candidate]) -> str:
    """The clause most like the others (most shared stems), shorter on ties."""
    def score(c: Candidate) -> tuple[int, int]:
        return (sum(len(c.stems & o.stems) for o in group if o is not c), -len(c.text))
    return max(group, key=score).text


def group_claims(candidates: Iterable[Candidate], canonical: Callable[[str], str] = lambda a: a,
                 min_shared_stems: int | None = None) -> list[Claim]:
    """Group candidates from many articles into claims with their independent sources."""
    rules = claim_rules()
    need = int(min_shared_stems if min_shared_stems is not None else rules.get("min_shared_stems", 2))
    min_free = float(rules.get("min_free_figure", 1000))
    by_key: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_key[(c.kind, c.key)].append(c)
    groups: list[tuple[str, str, list[Candidate]]] = []
    for (kind, key), cands in sorted(by_key.items()):
        if kind == "figure":
            if float(key) >= min_free:
                groups.append((kind, key, cands))
            else:
                by_noun: dict[str, list[Candidate]] = defaultdict(list)
                for c in cands:
                    by_noun[c.noun].append(c)
                groups.extend((kind, key, g) for _, g in sorted(by_noun.items()))
        elif kind == "dated":
            clusters: list[list[Candidate]] = []
            for c in cands:
                for cl in clusters:
                    if any(len(c.stems & o.stems) >= need for o in cl):
                        cl.append(c)
                        break
                else:
                    clusters.append([c])
            groups.extend((kind, key, cl) for cl in clusters)
        else:
            groups.append((kind, key, cands))
    built: list[tuple[Claim, set[str], str]] = []
    for kind, key, cands in groups:
        text = _representative(cands)
        nouns = {c.noun for c in cands if c.noun}
        claim = Claim(_claim_id(kind, key, text), text, tuple(sorted({c.article_id for c in cands})),
                      value=key if kind != "event" else None, kind=kind)
        built.append((claim, {s for c in cands for s in c.stems} | nouns, ",".join(sorted(nouns))))
    conflicts = _conflicts(built)
    out: list[Claim] = []
    for claim, _, _ in built:
        n_sources = len({canonical(a) for a in claim.article_ids})
        others = conflicts.get(claim.id, ())
        if n_sources >= 2 or others:
            out.append(Claim(claim.id, claim.text, claim.article_ids, tuple(sorted(others)),
                             claim.value, claim.kind))
    return out


def _conflicts(built: list[tuple[Claim, set[str], str]]) -> dict[str, set[str]]:
    """Figure claims counting the same noun in the same context with different values."""
    out: dict[str, set[str]] = defaultdict(set)
    figures = [(c, st, nouns) for c, st, nouns in built if c.kind == "figure" and nouns]
    by_noun: dict[str, list[tuple[Claim, set[str]]]] = defaultdict(list)
    for c, st, nouns in figures:
        for noun in nouns.split(","):
            by_noun[noun].append((c, st))
    for noun, items in by_noun.items():
        for i, (a, sa) in enumerate(items):
            for b, sb in items[i + 1:]:
                if a.value == b.value or a.id == b.id or set(a.article_ids) == set(b.article_ids):
                    continue
                va, vb = float(a.value or 0), float(b.value or 0)
                if not va or not vb or max(va, vb) / min(va, vb) > 3:
                    continue
                shared = (sa & sb) - {noun[:5]}
                if len(shared) >= 2:
                    out[a.id].add(b.id)
                    out[b.id].add(a.id)
    return out


def extract_claims(analyses: Iterable[ArticleAnalysis],
                   duplicates: Iterable[tuple[str, str, float]] = ()) -> list[Claim]:
    """Claims stated by at least two independent sources (near-duplicates count once)."""
    dup = {a: b for a, b, _ in duplicates}
    cands = [c for an in analyses for c in claim_candidates(an)]
    return group_claims(cands, lambda a: dup.get(a, a))
