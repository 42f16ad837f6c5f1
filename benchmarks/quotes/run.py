"""Quotes benchmark runner: PolNeAR (shared/benchmarks/quotes) through the product path.

Usage:
    .venv/bin/python benchmarks/quotes/run.py --split dev [--limit N] [--no-cache]

Parses each article with the real pipeline (``Resources.load()``, ``analyse(Article, resources)``;
parsed docs cached as DocBin under ``benchmarks/out/quotes/``; set NEWSLEDGER_BENCH_RUN=NAME to name parallel runs' prediction files apart), writes predictions with
``speaker`` = the quote's resolved actor name (fallback: the speaker as written), scores them
with the shared ``score.py`` for all / direct+mixed / direct, and times the quote stage alone
(``extract_quotes`` on parsed docs with resolved actors, parse excluded).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def shared_dir() -> Path:
    env = os.environ.get("NEWSLEDGER_SHARED")
    return Path(env) if env else REPO / ".." / "shared"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--quiet", action="store_true", help="print the summary table only")
    ap.add_argument("--no-speed", action="store_true", help="skip the quote-stage timing")
    a = ap.parse_args()

    from spacy.tokens import DocBin

    from newsledger.model import Article
    from newsledger.nlp.actors import resolve_actors
    from newsledger.nlp.pipeline import Resources, analyse
    from newsledger.nlp.quotes import extract_quotes

    bench = shared_dir() / "benchmarks" / "quotes"
    gold_path = bench / "data" / f"polnear_{a.split}.jsonl"
    if not gold_path.is_file():
        sys.exit(f"benchmark data not found: {gold_path} (set NEWSLEDGER_SHARED)")
    docs = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    if a.limit:
        docs = docs[: a.limit]
    out_dir = REPO / "benchmarks" / "out" / "quotes"
    out_dir.mkdir(parents=True, exist_ok=True)
    tag = f"{a.split}{'_' + str(a.limit) if a.limit else ''}"
    cache = out_dir / f"{tag}.spacy"

    t0 = time.perf_counter()
    resources = Resources.load()
    t_load = time.perf_counter() - t0
    parsed = None
    if cache.is_file() and not a.no_cache:
        parsed = list(DocBin().from_disk(cache).get_docs(resources.nlp.vocab))
        if len(parsed) != len(docs):
            parsed = None
    t_parse = 0.0
    if parsed is None:
        t0 = time.perf_counter()
        parsed = list(resources.nlp.pipe((d["text"] for d in docs), batch_size=16))
        t_parse = time.perf_counter() - t0
        DocBin(store_user_data=False, docs=parsed).to_disk(cache)

    run = os.environ.get("NEWSLEDGER_BENCH_RUN", "")  # names parallel runs' prediction files apart
    stem = f"{tag}.{run}" if run else tag
    pred_path = out_dir / f"{stem}.pred.jsonl"  # names only: the held-out (export) setting
    span_path = out_dir / f"{stem}.spans.pred.jsonl"  # plus speaker_start/speaker_end
    t_analyse = 0.0
    n_quotes = 0
    with pred_path.open("w", encoding="utf-8") as fh, span_path.open("w", encoding="utf-8") as fs:
        for d, doc in zip(docs, parsed, strict=True):
            art = Article(id=d["id"], text=d["text"], published=d.get("date"))
            t0 = time.perf_counter()
            res = analyse(art, resources, doc=doc)
            t_analyse += time.perf_counter() - t0
            names = {ac.id: ac.name for ac in res.actors}
            qs = []
            for q in res.quotes:
                spk = names.get(q.speaker_id) if q.speaker_id else None
                item = {"start": q.start, "end": q.end, "fragments": [list(f) for f in q.fragments],
                        "speaker": spk or q.speaker_text, "kind": q.kind, "cue": q.cue}
                qs.append(item)
            n_quotes += len(qs)
            fh.write(json.dumps({"id": d["id"], "quotes": qs}, ensure_ascii=False) + "\n")
            spans = [dict(item, speaker_start=q.speaker_start, speaker_end=q.speaker_end)
                     if q.speaker_start is not None else item for item, q in zip(qs, res.quotes, strict=True)]
            fs.write(json.dumps({"id": d["id"], "quotes": spans}, ensure_ascii=False) + "\n")

    # the quote stage alone: actors resolved beforehand, parse excluded
    prepared = [] if a.no_speed else [(doc, resolve_actors(doc, resources.kb, d.get("date"), d["id"]), d["id"]) for d, doc in zip(docs, parsed, strict=True)]
    runs = []
    cpu_runs = []  # CPU seconds of the same loop: steadier than wall time on a shared machine
    for _ in range(0 if a.no_speed else 3):  # best of three: the machine is shared
        t0 = time.perf_counter()
        c0 = time.process_time()
        for doc, da, aid in prepared:
            extract_quotes(doc, da, aid)
        cpu_runs.append(time.process_time() - c0)
        runs.append(time.perf_counter() - t0)
    t_quotes = min(runs) if runs else float("inf")
    c_quotes = min(cpu_runs) if cpu_runs else float("inf")

    scorer = bench / "score.py"
    gold_arg = gold_path
    if a.limit:
        # the scorer reads every gold document: score against the same subset
        gold_arg = out_dir / f"{tag}.gold.jsonl"
        gold_arg.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    table = []
    for setting, path in (("names", pred_path), ("spans", span_path)):
        for kinds in (None, "direct,mixed", "direct"):
            label = kinds or "all"
            js = out_dir / f"{tag}.score.{label}{'' if setting == 'names' else '.spans'}.json"
            cmd = [sys.executable, str(scorer), str(gold_arg), str(path), "--json", str(js)]
            if kinds:
                cmd += ["--kinds", kinds]
            r = subprocess.run(cmd, capture_output=True, text=True, check=True)
            if setting == "names" and not a.quiet:
                print(f"== {label} (speaker names only)")
                print(r.stdout.rstrip())
            m = json.loads(js.read_text(encoding="utf-8"))
            table.append((setting, label, m))
    print("== summary (span overlap P/R/F1, speaker acc, named speaker acc, e2e F1)")
    for setting, label, m in table:
        print(f"{setting:5s} {label:12s} span {m['span_P']:.3f}/{m['span_R']:.3f}/{m['span_F1']:.3f}  "
              f"spk {m['speaker_acc']:.3f}  named {m['named_speaker_acc']:.3f}  e2e {m['e2e_F1']:.3f}  "
              f"recall {' '.join(f'{k}={v[0]:.3f}' for k, v in m['recall_by_kind'].items())}")
    n = len(docs)
    print(f"== speed: {n} docs, {n_quotes} quotes; model load {t_load:.1f}s; parse {t_parse:.1f}s"
          f"{' (cached)' if not t_parse else ''}; analyse (actors+temporal+quotes+events) {n / t_analyse:.1f} docs/s; "
          f"quote stage alone {n / t_quotes:.0f} docs/s (best of 3; runs {', '.join(f'{n / r:.0f}' for r in runs)})")
    if runs:
        print(f"== quote stage per CPU second: {n / c_quotes:.0f} docs/CPU-s (best of 3; runs "
              f"{', '.join(f'{n / r:.0f}' for r in cpu_runs)})")
    print(f"predictions: {pred_path}")


if __name__ == "__main__":
    main()
