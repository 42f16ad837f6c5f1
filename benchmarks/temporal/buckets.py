"""Error buckets of the temporal tagger against TempEval-3-style gold.

    python benchmarks/temporal/buckets.py --split train [--pred PRED.jsonl] [--rows]

Reads the predictions written by ``benchmarks/temporal/run.py`` (default
``benchmarks/out/temporal/pred_<split>.jsonl``), matches them to the gold with the shared
scorer's one-to-one relaxed matching, and counts every value error, false positive and
miss by construction (the buckets used in docs/temporal.md). ``--rows`` prints each error
with its context instead of the counts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import REPO, load_scorer, shared_dir  # noqa: E402

WEEKDAY = r"(mon|tues|wednes|thurs|fri|satur|sun)day"
REF = r"(PAST|PRESENT|FUTURE)_REF"
PART = r"night|morning|evening|afternoon"
REF_WORDS = (
    r"(right )?now|current(ly)?|recent(ly)?|the future|at the moment|the time being|"
    r"today|tomorrow|yesterday|future|formerly|previously|soon"
)


def value_bucket(gold_text: str, gold_value: str, pred_text: str, pred_value: str) -> str:
    t = f"{gold_text} {pred_text}".lower()
    if re.search(
        r"quarter|period|year-ago|year-earlier|year earlier|year ago|fiscal|latest|last year", t
    ):
        return "financial period / year-ago"
    if "week" in t and "weekend" not in t:
        return "week granularity (WXX, week no.)"
    if re.search(REF, gold_value + pred_value):
        return "PAST/PRESENT/FUTURE_REF vs other"
    if re.search(WEEKDAY, t) and (
        "T" in gold_value[10:11] + pred_value[10:11] or re.search(PART, t)
    ):
        return "weekday + part of day"
    if re.search(WEEKDAY, t) or "weekend" in t:
        return "weekday/weekend direction or anchor"
    if gold_value.startswith("P") != pred_value.startswith("P"):
        return "duration vs point"
    if re.search(r"-XX|\dX$|-W\d$", gold_value):
        return "gold extra/odd underspecification"
    ymd = r"\d{4}-\d\d(-\d\d)?"
    if (
        re.fullmatch(ymd, gold_value)
        and re.fullmatch(ymd, pred_value)
        and gold_value[5:] == pred_value[5:]
    ):
        return "year-less month(-day) year"
    if re.search(r"ago|earlier|later|following|previous|that|the day|next|last", t):
        return "anaphor / ago anchor"
    if gold_value.startswith("P") and pred_value.startswith("P"):
        return "duration amount/unit"
    return "other value"


def fp_bucket(text: str) -> str:
    t = text.lower()
    if re.fullmatch(REF_WORDS, t):
        return "REF/deictic word"
    if re.fullmatch(r"daily|annual|weekly|monthly|annually|per \w+", t):
        return "set adjective"
    if (
        re.search(r"\b(day|days|week|weeks|month|months|year|years|decades?|minutes?|hours?)\b", t)
        and not re.search(r"\d{4}", t)
        and not re.search(r"last|next|this|ago|quarter|before|after|that|the day$|later", t)
    ):
        return "duration / rate ('a year', 'days')"
    if re.search(r"the day|that day|the day before", t):
        return "'the day' / anaphoric day"
    return "other"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="train", choices=["train", "meantime"])
    ap.add_argument("--pred", type=Path, default=None)
    ap.add_argument("--rows", action="store_true", help="print each error with context")
    args = ap.parse_args(argv)
    bench = shared_dir() / "benchmarks" / "temporal"
    if not bench.exists():
        sys.exit(f"shared benchmark folder not found: {bench}")
    scorer = load_scorer(bench)
    pred_path = args.pred or REPO / "benchmarks" / "out" / "temporal" / f"pred_{args.split}.jsonl"
    gold = scorer.load_jsonl(bench / "data" / f"{args.split}.jsonl")
    preds = {d["id"]: d.get("timexes", []) for d in scorer.load_jsonl(pred_path)}
    counts: Counter[str] = Counter()
    for doc in gold:
        text, g, p = doc["text"], doc["timexes"], preds.get(doc["id"], [])
        _, relaxed = scorer.match_doc(text, g, p)
        p2g = {j: i for i, j in relaxed}
        g2p = {i: j for i, j in relaxed}
        for j, x in enumerate(p):
            pt = text[x["start"] : x["end"]]
            ctx = text[max(0, x["start"] - 60) : x["end"] + 40].replace("\n", " ")
            if j not in p2g:
                key = "FP " + fp_bucket(pt)
                row = (key, doc["id"], "", "", pt, x["value"], ctx)
            else:
                gi = g[p2g[j]]
                if gi["value"].strip() == x["value"].strip():
                    continue
                key = "VALUE " + value_bucket(gi["text"], gi["value"], pt, x["value"])
                row = (key, doc["id"], gi["text"], gi["value"], pt, x["value"], ctx)
            counts[key] += 1
            if args.rows:
                print("\t".join(row))
        for i, x in enumerate(g):
            if i in g2p:
                continue
            key = "MISS " + ("REF/deictic word" if re.search(REF, x["value"]) else "other")
            counts[key] += 1
            if args.rows:
                ctx = text[max(0, x["start"] - 60) : x["end"] + 40].replace("\n", " ")
                print("\t".join((key, doc["id"], x["text"], x["value"], "", "", ctx)))
    if not args.rows:
        for key, n in sorted(counts.items(), key=lambda kv: (kv[0].split()[0], -kv[1])):
            print(f"{n:5d}  {key}")
        print(f"{sum(counts.values()):5d}  total")
    print(json.dumps({"split": args.split, "errors": sum(counts.values())}))


if __name__ == "__main__":
    main()
