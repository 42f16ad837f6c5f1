"""Real-news audit of the event coder: a fixed, seeded sample of sentences from real wire news,
coded through the product path and printed for hand judgement.

Sources: the Timeline17 article pools of the political topics (``shared/benchmarks/timelines/
data/t17/{egypt,libya,syria,iraq}``, PTB tokenization undone as in
``benchmarks/temporal/dct_news.py``) and the four seed reports (``shared/corpus/seeds``).
Articles are drawn with a fixed seed and analysed whole (``newsledger.nlp.pipeline.analyse``,
``Resources.load()``), so coreference and dating see their context; then a fixed number of
sentences is drawn with the same seed (their ids are kept in ``sample_ids.txt`` and reused by
later runs, so a re-run after a change shows the same sentences): sentences with at least one coded event (their events are
judged for category, source and target) and sentences with two or more actor mentions but no
event (checked for missed events).

    .venv/bin/python benchmarks/events/audit.py                 # writes the sample for judging
    .venv/bin/python benchmarks/events/audit.py --judged J.csv  # + precision per field from J.csv

Output (``--out``, default ``benchmarks/out/events/audit``): ``events.tsv`` (one row per coded
event: key, sentence id, category, CAMEO code, source and target codes with names, date,
modality, negation, trigger, sentence) and ``sample.txt`` (the same, grouped by sentence, for
reading). A judgement file is a CSV with a header ``key,cat,src,tgt,note``; ``cat``/``src``/
``tgt`` are 1 (right), 0 (wrong) or empty (not applicable: no actor stated on that side in the
text and none coded). Events whose key has no judgement (new or changed since the judgement)
are listed as ``UNJUDGED`` so only those need a second look.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks" / "temporal"))
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", REPO / ".." / "shared")).resolve()
T17 = SHARED / "benchmarks" / "timelines" / "data" / "t17"
SEEDS = SHARED / "corpus" / "seeds"
TOPICS = ("egypt", "libya", "syria", "iraq")


def load_articles(seed: int, per_topic: int, max_chars: int) -> list[Any]:
    """Seeded draw of ``per_topic`` Timeline17 articles per political topic, plus the seeds."""
    from dct_news import detokenize

    from newsledger.model import Article

    rng = random.Random(seed)
    arts = []
    for topic in TOPICS:
        rows = [json.loads(x) for x in (T17 / topic / "articles.jsonl").open(encoding="utf-8") if x.strip()]
        for r in rng.sample(rows, per_topic):
            text = detokenize(r["text"])
            if len(text) > max_chars:  # keep whole paragraphs (lines) up to the cap
                text = text[: text.rfind("\n", 0, max_chars) + 1 or max_chars]
            arts.append(Article(id=r["id"], text=text, published=r["date"]))
    manifest = {row["file"]: row["published"] for row in csv.DictReader((SEEDS / "manifest.csv").open())}
    for name, published in sorted(manifest.items()):
        arts.append(Article(id=f"seed_{name[:3]}", text=(SEEDS / name).read_text(encoding="utf-8"),
                            published=published))
    return arts


def _codes(ids: tuple[str, ...], dated: tuple[dict, ...], actors: dict[str, Any]) -> str:
    out = []
    for k, aid in enumerate(ids):
        a = actors.get(aid)
        codes = (dated[k] if k < len(dated) else None) or (a.codes if a else {}) or {}
        out.append(f"{codes.get('cameo', '-')}[{a.name if a else aid}]")
    return "; ".join(out)


def event_key(sid: str, e: Any) -> str:
    """Stable key of a coded event: sentence, trigger, category and the actor ids."""
    return "|".join((sid, e.trigger or "", e.type, ",".join(e.source_ids), ",".join(e.target_ids)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--per-topic", type=int, default=10)
    ap.add_argument("--max-chars", type=int, default=6000)
    ap.add_argument("--with-events", type=int, default=110)
    ap.add_argument("--without-events", type=int, default=40)
    ap.add_argument("--out", default=str(REPO / "benchmarks" / "out" / "events" / "audit"))
    ap.add_argument("--redraw", action="store_true", help="draw a new sample (else reuse sample_ids.txt)")
    ap.add_argument("--judged", default="", help="judgement CSV (key,cat,src,tgt,note)")
    a = ap.parse_args()

    from newsledger.nlp.pipeline import Resources, analyse

    res = Resources.load()
    arts = load_articles(a.seed, a.per_topic, a.max_chars)
    with_ev: list[tuple[str, str, list]] = []  # (sentence id, text, [(key, event, actors)])
    without: list[tuple[str, str, list]] = []
    pool_only: set[str] = set()  # sentences kept only to find a re-run's sample again
    for art, doc in zip(arts, res.nlp.pipe(x.text for x in arts), strict=True):
        an = analyse(art, res, doc=doc)
        actors = {x.id: x for x in an.actors}
        by_sent: dict[int, list] = {}
        for e in an.events:
            by_sent.setdefault(e.start, []).append(e)
        ment = [m.start for m in an.mentions]
        for s in doc.sents:
            text = s.text.strip()
            if len(text) < 25:
                continue
            sid = f"{art.id}@{s.start_char}"
            evs = [e for st, es in by_sent.items() if s.start_char <= st < s.end_char for e in es]
            if evs:
                with_ev.append((sid, text, [(event_key(sid, e), e, actors) for e in evs]))
            else:  # drawn from those with two or more actor mentions (recall check)
                without.append((sid, text, []))
                if sum(1 for m in ment if s.start_char <= m < s.end_char) < 2:
                    pool_only.add(sid)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    ids_path = out / "sample_ids.txt"
    if ids_path.is_file() and not a.redraw:  # the SAME sentences as the judged run, whatever is coded now
        ids = set(ids_path.read_text(encoding="utf-8").split())
        sample = [x for x in (*with_ev, *without) if x[0] in ids]
    else:
        rng = random.Random(a.seed)
        sample = rng.sample(with_ev, min(a.with_events, len(with_ev)))
        pool = [x for x in without if x[0] not in pool_only]
        sample += rng.sample(pool, min(a.without_events, len(pool)))
        ids_path.write_text("\n".join(sorted(x[0] for x in sample)) + "\n", encoding="utf-8")
    sample.sort(key=lambda x: x[0])
    judged: dict[str, dict] = {}
    if a.judged:
        judged = {r["key"]: r for r in csv.DictReader(Path(a.judged).open(encoding="utf-8"))}
    n_ev = 0
    counts = {f: [0, 0] for f in ("cat", "src", "tgt", "all")}
    unjudged = []
    with (out / "events.tsv").open("w", encoding="utf-8") as tsv, (out / "sample.txt").open("w", encoding="utf-8") as txt:
        tsv.write("key\tsid\ttype\tcameo\tsource\ttarget\tdate\tmodality\tnegated\ttrigger\tsentence\n")
        for sid, text, evs in sample:
            txt.write(f"\n## {sid}\n{' '.join(text.split())}\n")
            if not evs:
                txt.write("   (no event)\n")
            for key, e, actors in evs:
                n_ev += 1
                src = _codes(e.source_ids, e.source_codes, actors)
                tgt = _codes(e.target_ids, e.target_codes, actors)
                row = [key, sid, e.type, e.cameo or "", src, tgt, e.date or "", e.modality,
                       str(e.negated), e.trigger or "", " ".join(text.split())]
                tsv.write("\t".join(x.replace("\t", " ") for x in row) + "\n")
                j = judged.get(key)
                mark = "" if not judged else ("  UNJUDGED" if j is None else
                                             f"  [{j['cat']}/{j['src']}/{j['tgt']}] {j.get('note', '')}")
                txt.write(f" - {e.type} {e.cameo} | {src} -> {tgt} | {e.date} {e.modality}"
                          f"{' NEG' if e.negated else ''} | '{e.trigger}'{mark}\n   key={key}\n")
                if judged and j is None:
                    unjudged.append(key)
                elif j is not None:
                    ok_all = True
                    for f in ("cat", "src", "tgt"):
                        v = (j.get(f) or "").strip()
                        if v in ("0", "1"):
                            counts[f][0] += v == "1"
                            counts[f][1] += 1
                            ok_all &= v == "1"
                    counts["all"][0] += ok_all
                    counts["all"][1] += 1
    print(f"articles {len(arts)}; sentences sampled {len(sample)} "
          f"({sum(1 for s in sample if s[2])} with events, {sum(1 for s in sample if not s[2])} without); "
          f"coded events {n_ev}; written to {out}")
    if judged:
        for f, (ok, n) in counts.items():
            print(f"  precision {f:<4} {ok}/{n} = {ok / n if n else 0:.3f}")
        now = {key for _, _, evs in sample for key, _, _ in evs}
        sids = {sid for sid, _, _ in sample}
        gone = [j for k, j in judged.items() if k not in now and k.split("|")[0] in sids]
        right = sum(1 for j in gone if j.get("cat") == "1" and j.get("src") != "0" and j.get("tgt") != "0")
        spurious = sum(1 for j in gone if j.get("cat") == "0")
        print(f"  judged events no longer coded: {len(gone)} ({right} were fully right, {spurious} had a wrong "
              f"category or were no event)")
        for j in gone:
            print(f"    GONE [{j['cat']}/{j['src']}/{j['tgt']}] {j['key']}  {j.get('note', '')}")
        print(f"  unjudged (new or changed) events: {len(unjudged)}")
        for k in unjudged:
            print(f"    UNJUDGED {k}")


if __name__ == "__main__":
    main()
