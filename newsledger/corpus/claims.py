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
from typing import NamedTuple

from newsledger.corpus.text import claim_rules, norm_date, sentences, stems
from newsledger.model import ArticleAnalysis, Claim

_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(thousand|million|billion|trillion|bn)\b)?")
REPRESENTATIVE_SAMPLE = 25  # members looked at when choosing a claim's text or linking to a group
CONFLICT_ALL_BELOW = 50     # nouns with more figure values than this: only corroborated figures conflict
LINK_WINDOW = 50            # most recent groups of one key a candidate may join
_NOUN = re.compile(r"\s*(?:[A-Z][a-z]+\s+)?([A-Za-z][a-z]+)")


class Candidate(NamedTuple):
    """One claim-bearing statement of one article (a tuple: cheap to persist)."""

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
    sample = group[:REPRESENTATIVE_SAMPLE]

    def score(c: Candidate) -> tuple[int, int]:
        return (sum(len(c.stems & o.stems) for o in sample if o is not c), -len(c.text))
    return max(sample, key=score).text


Built = tuple[Claim, frozenset[str], str]  # claim (all its articles), its stems, the nouns it counts


def _link(cands: list[Candidate], need: int) -> list[list[Candidate]]:
    """Single-link groups: a candidate joins the first group with a recent member sharing ``need`` stems."""
    clusters: list[list[Candidate]] = []
    for c in cands:
        for cl in clusters[-LINK_WINDOW:]:
            if any(len(c.stems & o.stems) >= need for o in cl[-REPRESENTATIVE_SAMPLE:]):
                cl.append(c)
                break
        else:
            clusters.append([c])
    return clusters


def _group_key(kind: str, key: str, cands: list[Candidate], need: int, min_free: float) -> list[Built]:
    """The claims one (kind, key) yields."""
    if kind == "figure":
        if float(key) >= min_free:
            groups = _link(cands, 1)
        else:
            by_noun: dict[str, list[Candidate]] = defaultdict(list)
            for c in cands:
                by_noun[c.noun].append(c)
            groups = [g for _, g in sorted(by_noun.items())]
    elif kind == "dated":
        groups = _link(cands, need)
    else:
        groups = [cands]
    out: list[Built] = []
    for g in groups:
        text = _representative(g)
        nouns = {c.noun for c in g if c.noun}
        claim = Claim(_claim_id(kind, key, text), text, tuple(sorted({c.article_id for c in g})),
                      value=key if kind != "event" else None, kind=kind)
        out.append((claim, frozenset({s for c in g for s in c.stems} | nouns), ",".join(sorted(nouns))))
    return out


def _in_conflict(a: Built, b: Built, noun: str) -> bool:
    ca, cb = a[0], b[0]
    if ca.value == cb.value or set(ca.article_ids) == set(cb.article_ids):
        return False
    va, vb = float(ca.value or 0), float(cb.value or 0)
    if not va or not vb or max(va, vb) / min(va, vb) > 3:
        return False
    return len((a[1] & b[1]) - {noun[:5]}) >= 2


class ClaimIndex:
    """Incremental claim grouping: only the (kind, key) groups and the nouns that new candidates
    touch are rebuilt; everything else is kept from earlier batches."""

    def __init__(self) -> None:
        rules = claim_rules()
        self.need = int(rules.get("min_shared_stems", 2))
        self.min_free = float(rules.get("min_free_figure", 1000))
        self.cands: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
        self.built: dict[tuple[str, str], list[Built]] = {}
        self.by_noun: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.noun_conflicts: dict[str, list[tuple[str, str]]] = {}

    def add(self, candidates: Iterable[Candidate]) -> None:
        """Add one batch of candidates (call once per batch, not per article)."""
        touched: set[tuple[str, str]] = set()
        for c in candidates:
            self.cands[(c.kind, c.key)].append(c)
            touched.add((c.kind, c.key))
        nouns: set[str] = set()
        for k in sorted(touched):
            self.built[k] = _group_key(k[0], k[1], self.cands[k], self.need, self.min_free)
            if k[0] == "figure":
                for b in self.built[k]:
                    for noun in filter(None, b[2].split(",")):
                        self.by_noun[noun].add(k)
                        nouns.add(noun)
        for noun in sorted(nouns):
            self.noun_conflicts[noun] = self._conflicts_of(noun)

    def _conflicts_of(self, noun: str) -> list[tuple[str, str]]:
        """Conflicting claim pairs among the figures counting ``noun``.

        Nouns with many figures ("people") compare only corroborated figures with the rest.
        """
        items = sorted(((float(k[1]), b) for k in self.by_noun[noun] for b in self.built.get(k, ())
                        if noun in b[2].split(",")), key=lambda vb: (vb[0], vb[1][0].id))
        every = len(items) <= CONFLICT_ALL_BELOW
        out: list[tuple[str, str]] = []
        for i, (va, a) in enumerate(items):
            for vb, b in items[i + 1:]:
                if vb > 3 * va:
                    break
                if (every or len(a[0].article_ids) > 1 or len(b[0].article_ids) > 1) and _in_conflict(a, b, noun):
                    out.append((a[0].id, b[0].id))
        return out

    def claims(self, canonical: Callable[[str], str] = lambda a: a) -> list[Claim]:
        """Claims with two or more independent sources, or in conflict with another claim."""
        live = {b[0].id: b[0] for groups in self.built.values() for b in groups}
        conflicts: dict[str, set[str]] = defaultdict(set)
        for pairs in self.noun_conflicts.values():
            for a, b in pairs:
                if a in live and b in live:
                    conflicts[a].add(b)
                    conflicts[b].add(a)
        out: list[Claim] = []
        for k in sorted(self.built):
            for claim, _, _ in self.built[k]:
                others = conflicts.get(claim.id, set())
                if others or len({canonical(a) for a in claim.article_ids}) >= 2:
                    out.append(Claim(claim.id, claim.text, claim.article_ids, tuple(sorted(others)),
                                     claim.value, claim.kind))
        return out


def group_claims(candidates: Iterable[Candidate],
                 canonical: Callable[[str], str] = lambda a: a) -> list[Claim]:
    """Group candidates from many articles into claims with their independent sources."""
    index = ClaimIndex()
    index.add(candidates)
    return index.claims(canonical)


def extract_claims(analyses: Iterable[ArticleAnalysis],
                   duplicates: Iterable[tuple[str, str, float]] = ()) -> list[Claim]:
    """Claims stated by at least two independent sources (near-duplicates count once)."""
    dup = {a: b for a, b, _ in duplicates}
    cands = [c for an in analyses for c in claim_candidates(an)]
    return group_claims(cands, lambda a: dup.get(a, a))
