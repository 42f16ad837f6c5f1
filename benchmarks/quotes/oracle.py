"""Ceiling of the names-only end-to-end score on PolNeAR: gold spans, best gold name.

Usage:
    .venv/bin/python benchmarks/quotes/oracle.py [--split dev|train]

Predicts every gold quote with its own span and, as speaker, the first gold name that the
scorer accepts as a name (``speaker_resolved_auto``, else ``speaker``), or the annotated
pronoun when there is none, and scores the three gold subsets with the shared scorer's
functions. Whatever stays below 1.000 is out of reach of any system scored by names only
(gold speakers that are bare pronouns with no resolved name).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from errors import load_scorer, shared_dir  # noqa: E402  (the error-analysis script beside this one)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    a = ap.parse_args()
    bench = shared_dir() / "benchmarks" / "quotes"
    sc = load_scorer(bench)
    gold = sc.load_jsonl(str(bench / "data" / f"polnear_{a.split}.jsonl"))
    pred = {}
    for doc_id, d in gold.items():
        quotes = []
        for q in d["quotes"]:
            names = [n for n in (q.get("speaker_resolved_auto"), q.get("speaker")) if sc.name_key(n)]
            quotes.append({"start": q["start"], "end": q["end"], "fragments": q.get("fragments"),
                           "speaker": names[0] if names else q.get("speaker")})
        pred[doc_id] = {"id": doc_id, "quotes": quotes}
    for kinds in (None, {"direct", "mixed"}, {"direct"}):
        r = sc.score(gold, pred, kinds)
        label = ",".join(sorted(kinds)) if kinds else "all"
        print(f"{label:13s} e2e_F1={r['e2e_F1']:.3f} speaker_acc={r['speaker_acc']:.3f} "
              f"(gold quotes {r['n_gold']})")


if __name__ == "__main__":
    main()
