"""Event-coding benchmark: PLOVER GSR / PETRARCH unit-test records through the real product path.

    .venv/bin/python benchmarks/events/run.py --set plover_gsr [--limit N]
    .venv/bin/python benchmarks/events/run.py --set petr2_unittest

Each sentence goes through ``newsledger.nlp.pipeline.analyse`` (``Resources.load()`` once);
source/target actor ids are mapped to their ``codes["cameo"]`` (first 6 characters). Writes
``benchmarks/out/events/<set>.pred.jsonl``, runs the shared scorer, prints per-category
P/R/F1, a confusion table and the speed of the coder alone and end to end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", REPO / ".." / "shared")).resolve()
BENCH = SHARED / "benchmarks" / "events"
SETS = {"plover_gsr": "plover_gsr.plover.jsonl", "petr2_unittest": "petr2_unittest.cameo.jsonl"}


def load_petr_validate(kb: object) -> int:
    """Add the fictional PETR.Validate actors and agents to the KB through its add-entry API."""
    add = getattr(kb, "add_entry", None)
    if add is None:
        print("WARNING: kb has no add_entry(); PETR.Validate actors not loaded", file=sys.stderr)
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from petr_dict import read_petr_actor_periods, read_petr_agents

    d = BENCH / "data" / "dictionaries"
    n = 0
    for name, syn, periods in read_petr_actor_periods(d / "PETR.Validate.actors.txt"):
        periods = [p for p in periods if not p[0].startswith("-")]
        if not periods:
            continue
        code = periods[0][0]
        kind = "country" if len(code) == 3 else "organization"
        if any(start or end for _, start, end in periods):
            kind = "person"  # codes that change with dates: a person's roles ("GOLLUM [HOB < 950601] ...")
        actor_id = None
        for pcode, start, end in periods:  # dated codes: "[HOB < 950601] [HOBGOV 19950601 - 19990815]"
            try:
                entry = add(name, aliases=syn, codes={"cameo": pcode.upper()}, kind=kind,
                            country=code.upper()[:3] if kind in ("country", "person") else None,
                            start=start, end=end, actor_id=actor_id)
                actor_id = entry.id
                n += 1
            except Exception as exc:  # noqa: BLE001 - report and go on
                print(f"add_entry({name!r}, {pcode!r}) failed: {exc}", file=sys.stderr)
    add_agent = getattr(kb, "add_agent", None)
    if add_agent is not None:
        for phrase, sector in read_petr_agents(d / "PETR.Validate.agents.txt"):
            try:
                add_agent(phrase, sector)
                n += 1
            except Exception as exc:  # noqa: BLE001
                print(f"add_agent({phrase!r}, {sector!r}) failed: {exc}", file=sys.stderr)
    return n


def actor_code(aid: str, actors: dict, dated: dict | None = None) -> str:
    """The actor's code: ``dated`` (its codes as of the article, kept on the event) first."""
    a = actors.get(aid)
    if a is None:
        return ""
    codes = dated or a.codes or {}
    if args.set == "plover_gsr" and codes.get("plover"):  # PLOVER-style actor codes (IGOs: "IGO" + sector)
        return codes["plover"][:6]
    return codes.get("cameo", "")[:6]


def _nth(codes: tuple, k: int) -> dict | None:
    return codes[k] if k < len(codes) else None


def to_items(events: list, actors: dict) -> list[dict]:
    items = []
    for e in events:
        srcs = [actor_code(a, actors, _nth(e.source_codes, k)) for k, a in enumerate(e.source_ids)] or [""]
        tgts = [actor_code(a, actors, _nth(e.target_codes, k)) for k, a in enumerate(e.target_ids)] or [""]
        for s in srcs:
            for t in tgts:
                items.append({"source": s, "target": t, "code": e.type if args.set == "plover_gsr" else (e.cameo or e.type),
                              "negated": e.negated, "modality": e.modality, "trigger": e.trigger})
    return items


def confusion(gold: list[dict], pred: dict[str, list[dict]], key) -> tuple[dict, Counter]:
    """Per-category counts and a gold x predicted confusion (matched per sentence, NONE for misses)."""
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, npred, ngold
    conf: Counter = Counter()
    for r in gold:
        g = Counter(key(e["code"]) for e in r["events"])
        p = Counter(key(e["code"]) for e in pred.get(r["id"], []))
        for c, n in g.items():
            stats[c][2] += n
        for c, n in p.items():
            stats[c][1] += n
        common = g & p
        for c, n in common.items():
            stats[c][0] += n
            conf[(c, c)] += n
        gl = sorted((g - common).elements())
        pl = sorted((p - common).elements())
        for i in range(max(len(gl), len(pl))):
            conf[(gl[i] if i < len(gl) else "NONE", pl[i] if i < len(pl) else "NONE")] += 1
    return stats, conf


def main() -> None:
    global args
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--set", choices=sorted(SETS), default="plover_gsr")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--out", default=str(REPO / "benchmarks" / "out" / "events"))
    args = ap.parse_args()
    gold_path = BENCH / "data" / SETS[args.set]
    if not gold_path.is_file():
        sys.exit(f"gold set not found: {gold_path} (set NEWSLEDGER_SHARED)")
    recs = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    if args.limit:
        recs = recs[: args.limit]

    from newsledger.model import Article
    from newsledger.nlp.actors import resolve_actors
    from newsledger.nlp.events import code_events
    from newsledger.nlp.pipeline import Resources, _timexes, analyse_many

    t0 = time.perf_counter()
    if args.set == "petr2_unittest":
        from newsledger.nlp.actors import load_kb
        from newsledger.nlp.pipeline import build_nlp

        kb = load_kb()
        kb = kb.copy() if hasattr(kb, "copy") else kb
        print(f"PETR.Validate entries added: {load_petr_validate(kb)}")
        from newsledger.nlp.events.lexicon import load_lexicon as _ll
        from newsledger.nlp.events.tools.build_cameo_lexicon import build as _build

        vlex = _build(BENCH / "data" / "dictionaries" / "PETR.Validate.verbs.txt")
        print(f"PETR.Validate verb codes added: {_ll().extend(vlex['verbs'], vlex['objects'], unmapped='OTHER')}")
        res = Resources(nlp=build_nlp(kb), kb=kb)
    else:
        res = Resources.load()
    print(f"resources loaded in {time.perf_counter() - t0:.1f}s")
    from newsledger.nlp.events.lexicon import load_lexicon

    load_lexicon()

    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    pred_path = out_dir / f"{args.set}.pred.jsonl"
    preds: dict[str, list[dict]] = {}
    arts = [Article(id=r["id"], text=r["text"], published=r.get("date")) for r in recs]
    t0 = time.perf_counter()
    with pred_path.open("w", encoding="utf-8") as f:
        for an in analyse_many(arts, res):  # the product path: batched parse, then the stages
            art = an.article
            actors = {a.id: a for a in an.actors}
            items = to_items(list(an.events), actors)
            preds[art.id] = items
            # the codes of all actors the actor stage found (for diagnose.py: coder vs actor errors)
            codes = sorted({c for c in (actor_code(a, actors) for a in actors) if c})
            f.write(json.dumps({"id": art.id, "events": items, "actors": codes}) + "\n")
    e2e = time.perf_counter() - t0

    # the coder alone: parse and actor resolution done beforehand
    docs = list(res.nlp.pipe(a.text for a in arts))
    prepared = [(d, resolve_actors(d, res.kb, a.published, a.id), _timexes(a), a) for d, a in zip(docs, arts, strict=True)]
    t0 = time.perf_counter()
    nsent = 0
    for d, da, tx, a in prepared:
        code_events(d, da, tx, a.published, a.id)
        nsent += sum(1 for _ in d.sents)
    coder = time.perf_counter() - t0

    score = BENCH / "score.py"
    cmd = [sys.executable, str(score), str(gold_path), str(pred_path)]
    if args.set == "petr2_unittest":
        cmd += ["--by-root"]
    print(" ".join(cmd))
    subprocess.run(cmd, check=False)

    if args.set == "plover_gsr":
        key = lambda c: str(c).split("-")[0].upper()  # noqa: E731
    else:
        key = lambda c: str(c)[:2]  # noqa: E731
    stats, conf = confusion(recs, preds, key)
    print("\nper category  P      R      F1     gold  pred")
    for c in sorted(stats):
        tp, np_, ng = stats[c]
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{c:<12} {p:.3f}  {r:.3f}  {f1:.3f}  {ng:>4}  {np_:>4}")
    cats = sorted({g for g, _ in conf} | {p for _, p in conf}, key=lambda x: (x == "NONE", x))
    print("\nconfusion (rows gold, columns predicted; matched per sentence)")
    ab = [c[:5] for c in cats]
    print(" " * 10 + " ".join(f"{a:>5}" for a in ab))
    for g in cats:
        print(f"{g[:9]:<10}" + " ".join(f"{conf.get((g, p), 0) or '.':>5}" for p in cats))
    print(f"\nspeed: coder alone {nsent / coder:.0f} sentences/s ({nsent} sentences, {coder:.2f}s); "
          f"end to end {len(arts) / e2e:.1f} sentences/s ({e2e:.1f}s, parse + actors + quotes + events)")


if __name__ == "__main__":
    main()
