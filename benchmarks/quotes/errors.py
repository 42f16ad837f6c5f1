"""Error analysis for the quotes benchmark: buckets false positives and speaker errors.

Usage:
    .venv/bin/python benchmarks/quotes/errors.py --split dev [--limit N] [--kinds direct] [--show BUCKET] [--n 20]
    .venv/bin/python benchmarks/quotes/errors.py --split train --limit 300 --by-cue indirect [--min-n 5]
    .venv/bin/python benchmarks/quotes/errors.py --split train --limit 300 --missed indirect [--show LEMMA] [--min-n 5]

Reads the predictions ``benchmarks/out/quotes/<tag>.pred.jsonl`` written by ``run.py`` and
pairs them with gold using the shared scorer's own functions (alphanumeric positions,
greedy one-to-one Jaccard >= 0.5 pairing), then prints bucket counts and examples.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def _stem(tag: str) -> str:
    """The runner's file stem: ``<tag>.<run>`` when ``NEWSLEDGER_BENCH_RUN`` names a run."""
    run = os.environ.get("NEWSLEDGER_BENCH_RUN", "")
    return f"{tag}.{run}" if run else tag


def shared_dir() -> Path:
    env = os.environ.get("NEWSLEDGER_SHARED")
    return Path(env) if env else REPO / ".." / "shared"


def load_scorer(bench: Path):
    spec = importlib.util.spec_from_file_location("qscore", bench / "score.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def pair(sc, text, gq, pq):
    gpos = [sc.positions(text, q) for q in gq]
    ppos = [sc.positions(text, q) for q in pq]
    cands = []
    for gi, gp in enumerate(gpos):
        for pi, pp in enumerate(ppos):
            j = sc.jaccard(gp, pp)
            if j >= 0.5:
                cands.append((j, gi, pi))
    cands.sort(key=lambda x: (-x[0], x[1], x[2]))
    mg, mp, pairs = set(), set(), []
    for _j, gi, pi in cands:
        if gi in mg or pi in mp:
            continue
        mg.add(gi)
        mp.add(pi)
        pairs.append((gi, pi))
    return gpos, ppos, pairs


def snip(text, s, e, w=60):
    return (text[max(0, s - w):s] + "[[" + text[s:e] + "]]" + text[e:e + w]).replace("\n", " | ")


def _gold(a: argparse.Namespace) -> tuple[Any, str, list[dict[str, Any]]]:
    """The scorer module, the run's tag and the gold documents of ``--split``/``--limit``."""
    bench = shared_dir() / "benchmarks" / "quotes"
    tag = f"{a.split}{'_' + str(a.limit) if a.limit else ''}"
    gold = [json.loads(x) for x in (bench / "data" / f"polnear_{a.split}.jsonl").open(encoding="utf-8")]
    return load_scorer(bench), tag, gold[: a.limit] if a.limit else gold


def by_how(a: argparse.Namespace) -> None:
    """Matched / unmatched predictions per construction (``extract(trace=...)``)."""
    sys.path.insert(0, str(REPO))
    from spacy.tokens import DocBin

    from newsledger.nlp.actors import resolve_actors
    from newsledger.nlp.pipeline import Resources
    from newsledger.nlp.quotes.extract import extract

    sc, tag, gold = _gold(a)
    res = Resources.load()
    parsed = list(DocBin().from_disk(REPO / "benchmarks" / "out" / "quotes" / f"{tag}.spacy").get_docs(res.nlp.vocab))
    tp, fp, spk = Counter(), Counter(), Counter()
    for g, doc in zip(gold, parsed, strict=True):
        trace: list[str] = []
        qs = extract(doc, resolve_actors(doc, res.kb, g.get("date"), g["id"]), g["id"], trace=trace)
        pq = [{"start": q.start, "end": q.end, "fragments": [list(f) for f in q.fragments]} for q in qs]
        _g, _p, pairs = pair(sc, g["text"], g["quotes"], pq)
        mp = {pi: gi for gi, pi in pairs}
        for pi, (q, how) in enumerate(zip(qs, trace, strict=True)):
            key = f"{how} {q.kind}"
            if a.by_cue:  # the cue's lemma (the cue token nearest the content) and the construction
                if a.by_cue != "all" and q.kind != a.by_cue:
                    continue
                toks = [t for t in doc if q.cue and t.text == q.cue.split()[0]]
                lemma = min(toks, key=lambda t: min(abs(t.idx - q.start), abs(t.idx - q.end))).lemma_.lower() if toks else "-"
                key = f"{lemma} {how.split(':')[0]}"
            if pi in mp:
                tp[key] += 1
                spk[key] += bool(g["quotes"][mp[pi]].get("speaker")) == bool(q.speaker_id or q.speaker_text)
            else:
                fp[key] += 1
                pp = _p[pi]
                best = max(((sc.jaccard(pp, gp), gi) for gi, gp in enumerate(_g)), default=(0.0, -1))
                rel = "no-overlap" if best[0] == 0 else "over" if _g[best[1]] <= pp else "inside" if pp <= _g[best[1]] else "partial"
                fp[f"  {key} :{rel}"] += 1
                if a.show and a.show in key:
                    gs = snip(g["text"], g["quotes"][best[1]]["start"], g["quotes"][best[1]]["end"], 0) if best[0] else ""
                    print(f"{rel} {g['id'][:30]} cue={q.cue!r} | {snip(g['text'], q.start, q.end)[:500]} GOLD={gs[:300]}")
    print(f"{'construction kind':32s}   tp   fp  prec")
    for key in sorted(set(tp) | set(fp), key=lambda k: (-(tp[k.split(" :")[0].strip()] + fp[k.split(" :")[0].strip()]), k)):
        n = tp[key] + fp[key]
        if a.by_cue and (n < a.min_n or key.startswith("  ")):
            continue
        print(f"{key:32s} {tp[key]:4d} {fp[key]:4d} {tp[key] / n:.2f}")


def _cue_construction(doc: Any, s: int, e: int) -> tuple[str, str]:
    """The lemma of a gold cue span's head word and the construction it opens: ``verb``,
    ``noun`` (statement, interview, claim), ``prep`` (according to, for), ``adj``
    (confident that), ``colon``, ``other``; a verb cue is ``verb:passive`` under a passive
    auxiliary and ``verb:participle`` as a modifier (``adding``, ``saying``)."""
    toks = [t for t in doc if t.idx < e and t.idx + len(t) > s and not (t.is_punct and t.text != ":")]
    if not toks:
        return "-", "other"
    if toks[0].text == ":" and len(toks) == 1:
        return ":", "colon"
    content = [t for t in toks if t.pos_ in ("VERB", "NOUN", "ADJ", "PROPN")] or toks
    heads = [t for t in content if t.head not in content or t.head.i == t.i]
    h = heads[0]
    lemma = " ".join(t.lemma_.lower() for t in toks if t.pos_ != "AUX" and t.dep_ not in ("aux", "neg")) or h.lemma_.lower()
    if h.pos_ in ("VERB", "AUX"):
        kind = "verb"
        if any(c.dep_ == "auxpass" for c in h.children):
            kind = "verb:passive"
        elif h.dep_ in ("advcl", "acl", "relcl") and h.tag_ == "VBG":
            kind = "verb:participle"
    elif h.pos_ in ("NOUN", "PROPN"):
        kind = "noun"
    elif h.pos_ == "ADP" or h.lower_ == "according":
        kind = "prep"
    elif h.pos_ == "ADJ":
        kind = "adj"
    else:
        kind = "other:" + h.pos_
    return lemma, kind


def missed(a: argparse.Namespace) -> None:
    """Gold attributions of kind ``--missed`` that no prediction matches (Jaccard >= 0.5),
    counted by construction and by cue lemma, each split into ``none`` (no prediction
    overlaps the gold content at all: the cue was not found) and ``part`` (a prediction
    overlaps but its span differs too much: a boundary error); and how often the same
    cue lemma is matched, to see what a cue already finds. ``--show LEMMA`` prints the
    missed examples of a lemma (or of a construction, ``--show noun``)."""
    sys.path.insert(0, str(REPO))
    from spacy.tokens import DocBin

    from newsledger.nlp.pipeline import Resources

    sc, tag, gold = _gold(a)
    res = Resources.load()
    parsed = list(DocBin().from_disk(REPO / "benchmarks" / "out" / "quotes" / f"{tag}.spacy").get_docs(res.nlp.vocab))
    path = Path(a.pred) if a.pred else REPO / "benchmarks" / "out" / "quotes" / f"{_stem(tag)}.spans.pred.jsonl"
    pred = {d["id"]: d for d in map(json.loads, path.open(encoding="utf-8"))}
    kinds = None if a.missed == "all" else set(a.missed.split(","))
    by_kind: Counter[str] = Counter()
    by_lemma: Counter[str] = Counter()
    found: Counter[str] = Counter()
    n_gold = 0
    for g, doc in zip(gold, parsed, strict=True):
        text = g["text"]
        gq = g["quotes"]
        pq = pred.get(g["id"], {}).get("quotes", [])
        gpos, ppos, pairs = pair(sc, text, gq, pq)
        mg = {gi for gi, _pi in pairs}
        for gi, q in enumerate(gq):
            if kinds is not None and q["kind"] not in kinds:
                continue
            n_gold += 1
            if q.get("cue_start") is None:
                lemma, cons = "-", "no-cue"
            else:
                lemma, cons = _cue_construction(doc, q["cue_start"], q["cue_end"])
            if gi in mg:
                found[lemma] += 1
                found["@" + cons] += 1
                continue
            overlap = max((len(gpos[gi] & pp) for pp in ppos), default=0)
            how = "part" if overlap else "none"
            by_kind[f"{cons} {how}"] += 1
            by_lemma[f"{lemma} {how}"] += 1
            if a.show and a.show in (lemma, cons):
                print(f"{how} {g['id'][:28]} cue={q.get('cue')!r} spk={q.get('speaker')!r} | "
                      f"{snip(text, q['start'], q['end'], 70)[:400]}")
    n_missed = sum(by_kind.values())
    print(f"== missed gold ({a.missed}): {n_missed} of {n_gold}")
    print(f"{'construction':22s} none part found")
    for cons in sorted({k.rsplit(' ', 1)[0] for k in by_kind}, key=lambda c: -(by_kind[c + ' none'] + by_kind[c + ' part'])):
        print(f"{cons:22s} {by_kind[cons + ' none']:4d} {by_kind[cons + ' part']:4d} {found['@' + cons]:5d}")
    print(f"{'cue lemma':22s} none part found")
    lemmas = {k.rsplit(' ', 1)[0] for k in by_lemma}
    for lem in sorted(lemmas, key=lambda c: -(by_lemma[c + ' none'] + by_lemma[c + ' part'])):
        if by_lemma[lem + ' none'] + by_lemma[lem + ' part'] < a.min_n:
            continue
        print(f"{lem:22s} {by_lemma[lem + ' none']:4d} {by_lemma[lem + ' part']:4d} {found[lem]:5d}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--kinds", default="direct")
    ap.add_argument("--show", default="")
    ap.add_argument("--n", type=int, default=15)
    ap.add_argument("--by-how", action="store_true",
                    help="re-extract from the parse cache and give precision per construction")
    ap.add_argument("--by-cue", default="", metavar="KIND",
                    help="like --by-how, per cue lemma and construction, for quotes of KIND (indirect, direct, partial, all)")
    ap.add_argument("--min-n", type=int, default=5, help="--by-cue, --missed: rows with at least this many quotes")
    ap.add_argument("--missed", default="", metavar="KIND",
                    help="missed gold attributions of KIND (indirect, mixed, direct, all) by construction and cue lemma")
    ap.add_argument("--pred", default="", help="a predictions file other than the runner's (for the buckets and --missed)")
    a = ap.parse_args()
    if a.missed:
        missed(a)
        return
    if a.by_how or a.by_cue:
        by_how(a)
        return
    sc, tag, gold = _gold(a)
    path = Path(a.pred) if a.pred else REPO / "benchmarks" / "out" / "quotes" / f"{_stem(tag)}.spans.pred.jsonl"
    pred = {d["id"]: d for d in map(json.loads, path.open(encoding="utf-8"))}
    kinds = set(a.kinds.split(",")) if a.kinds != "all" else None
    fp, spk = Counter(), Counter()
    ex: dict[str, list[str]] = {}
    for g in gold:
        text = g["text"]
        gq = g["quotes"]
        pq = pred.get(g["id"], {}).get("quotes", [])
        gpos, ppos, pairs = pair(sc, text, gq, pq)
        keep = [kinds is None or q["kind"] in kinds for q in gq]
        mp = {pi: gi for gi, pi in pairs}
        for pi, p in enumerate(pq):
            pp = ppos[pi]
            if pi in mp:
                gi = mp[pi]
                if not keep[gi]:
                    continue
                gqq = gq[gi]
                gnames = [n for n in (gqq.get("speaker_resolved_auto"), gqq.get("speaker")) if sc.name_key(n)]
                if not gnames:
                    b = "spk:gold-unnamed" if gqq.get("speaker") else "spk:gold-nosource"
                    if not gqq.get("speaker"):
                        b += ":ok" if not p.get("speaker") else ":we-give"
                    spk[b] += 1
                    ex.setdefault(b, []).append(f"{g['id']} P={p.get('speaker')!r} G={gqq.get('speaker')!r} | {snip(text, p['start'], p['end'], 80)}")
                    continue
                if sc.names_match(p.get("speaker"), gnames):
                    spk["spk:ok"] += 1
                    continue
                ps = p.get("speaker")
                if not ps:
                    b = "spk:none"
                elif sc.name_key(ps) is None:
                    b = "spk:pronoun-unresolved"
                elif gqq.get("speaker_start") is not None and p.get("speaker_start") is not None and \
                        sc.positions(text, gqq, "speaker_fragments", "speaker_start", "speaker_end") & \
                        sc.positions(text, p, "speaker_fragments", "speaker_start", "speaker_end"):
                    b = "spk:right-span-wrong-name"
                else:
                    b = "spk:wrong-token"
                if b.startswith("spk:wrong") or b.startswith("spk:right"):
                    gs = (gqq.get("speaker") or "").lower()
                    b += ":gold-pron" if sc.name_key(gs) is None else ":gold-named" if gqq.get("speaker_resolved_auto") and sc.names_match(gqq.get("speaker"), [gqq["speaker_resolved_auto"]]) else ":gold-desc"
                spk[b] += 1
                ex.setdefault(b, []).append(f"{g['id']} P={ps!r} G={gqq.get('speaker')!r}/{gqq.get('speaker_resolved_auto')!r} cue={p.get('cue')!r} | {snip(text, p['start'], p['end'], 100)}")
                continue
            if not pp:
                continue
            # not matched to a kept gold: ignored when matched/inside another kind
            if kinds is not None:
                if pi in mp:
                    continue
                if any(not keep[gi] and len(pp & gpos[gi]) * 2 >= len(pp) for gi in range(len(gq))):
                    continue
            best = max(((sc.jaccard(pp, gpos[gi]), gi) for gi in range(len(gq))), default=(0.0, -1))
            if best[0] == 0:
                b = f"fp:no-overlap:{p.get('kind')}"
            else:
                gi = best[1]
                gp = gpos[gi]
                if gp <= pp:
                    b = f"fp:over-extends:{p.get('kind')}>{gq[gi]['kind']}"
                elif pp <= gp:
                    b = f"fp:inside:{p.get('kind')}<{gq[gi]['kind']}"
                else:
                    b = f"fp:partial:{p.get('kind')}~{gq[gi]['kind']}"
            fp[b] += 1
            gs = f" GOLD={snip(text, gq[best[1]]['start'], gq[best[1]]['end'], 0)}" if best[0] else ""
            ex.setdefault(b, []).append(f"{g['id']} cue={p.get('cue')!r} spk={p.get('speaker')!r} | {snip(text, p['start'], p['end'])}{gs}")
    for name, c in (("false positives", fp), ("speakers (matched, kept kinds)", spk)):
        print(f"== {name}: {sum(c.values())}")
        for k, v in c.most_common():
            print(f"  {v:5d} {k}")
    if a.show:
        for k in sorted(ex):
            if k.startswith(a.show):
                print(f"\n## {k}")
                for line in ex[k][: a.n]:
                    print("  " + line[:700])


if __name__ == "__main__":
    main()
