"""Timeline benchmark runner (T17 by default): the product's timeline code on ../shared/benchmarks/timelines.

For each topic, every article goes through the temporal tagger
(``newsledger.nlp.temporal.tag_text`` anchored to the publication date) and the
corpus stage's ``dated_sentences``; then, per gold timeline and within the
protocol (T dates, L sentences per date, start and end known), ``rank_dates``
picks the dates by support (articles mentioning the date + articles published on it)
and ``select_sentences`` the most central sentences per date. Prints the scorer's
headline and the speed.

    .venv/bin/python benchmarks/timelines/run.py [--dataset t17] [--topics bpoil,mj]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from newsledger.corpus.timeline import DatedSentence, dated_sentences, rank_dates, select_sentences  # noqa: E402
from newsledger.model import Article, ArticleAnalysis, TimeExpression  # noqa: E402
from newsledger.nlp.temporal import tag_text  # noqa: E402

SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", ROOT / ".." / "shared")).resolve()
BENCH = SHARED / "benchmarks" / "timelines"
OUT = ROOT / "benchmarks" / "out"
TAGGER_ERRORS: list[str] = []


def analyse_dates(item: dict, lang: str) -> ArticleAnalysis:
    """The temporal part of the analysis, which is all the timeline stage reads."""
    art = Article(id=item["id"], text=item["text"], published=item["date"], language=lang)
    try:
        found = [(0, t) for t in tag_text(art.text, art.published, lang)]
    except ValueError:  # a tagger failure on one expression: tag line by line, skip failing lines
        TAGGER_ERRORS.append(art.id)
        found, offset = [], 0
        for line in art.text.split("\n"):
            try:
                found.extend((offset, t) for t in tag_text(line, art.published, lang))
            except ValueError:
                pass
            offset += len(line) + 1
    tx = tuple(TimeExpression(art.id, off + t.start, off + t.end, t.text, t.type, t.value,  # type: ignore[arg-type]
                              t.mod or None) for off, t in found)
    return ArticleAnalysis(article=art, time_expressions=tx)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", default="t17")
    ap.add_argument("--topics", default="", help="comma-separated subset (development)")
    ap.add_argument("--pub-weight", type=float, default=0.1)
    ap.add_argument("--later-weight", type=float, default=0.5,
                    help="extra weight of a date mention from an article published after the date")
    ap.add_argument("--window", type=int, default=7, help="days after a date whose articles may speak of it")
    ap.add_argument("--cache", action="store_true",
                    help="reuse the tagged articles from benchmarks/out/timelines_cache (development only; "
                         "the speed line is then not the tagger's)")
    ap.add_argument("--out", type=Path, default=OUT / "timelines.pred.jsonl")
    args = ap.parse_args()
    data = BENCH / "data" / args.dataset
    if not data.exists():
        sys.exit(f"benchmark not found: {data} (set NEWSLEDGER_SHARED)")
    lang = "en" if args.dataset == "t17" else args.dataset.split("-")[-1]
    topics = sorted(p.name for p in data.iterdir() if p.is_dir())
    if args.topics:
        topics = [t for t in topics if t in args.topics.split(",")]
    preds = []
    n_articles, t_tag, t_build = 0, 0.0, 0.0
    for topic in topics:
        items = [json.loads(x) for x in (data / topic / "articles.jsonl").open(encoding="utf-8") if x.strip()]
        golds = [json.loads(x) for x in (data / topic / "timelines.jsonl").open(encoding="utf-8") if x.strip()]
        t0 = time.perf_counter()
        cache = OUT / "timelines_cache" / f"{args.dataset}_{topic}.pkl"
        if args.cache and cache.exists():
            analyses = pickle.loads(cache.read_bytes())
        else:
            analyses = [analyse_dates(it, lang) for it in items]
            if args.cache:
                cache.parent.mkdir(parents=True, exist_ok=True)
                cache.write_bytes(pickle.dumps(analyses))
        t1 = time.perf_counter()
        cands: list[DatedSentence] = [c for an in analyses for c in dated_sentences(an)]
        pub = {an.article.id: an.article.published for an in analyses}
        by_date: dict[str, list[DatedSentence]] = defaultdict(list)
        for c in cands:
            if not c.from_text or c.date == pub.get(c.article_id):
                by_date[c.date].append(c)
            elif len(c.date) == 10 and c.article_id in pub and pub[c.article_id] >= c.date:
                try:
                    lag = (date.fromisoformat(pub[c.article_id]) - date.fromisoformat(c.date)).days
                except ValueError:
                    continue
                if lag <= args.window:
                    by_date[c.date].append(c)
        for gold in golds:
            tl = gold["timeline"]
            dates = sorted(d["date"] for d in tl)
            T = len(tl)
            L = max(1, round(sum(len(d["sentences"]) for d in tl) / max(1, T)))
            ranked = rank_dates((c for c in cands if len(c.date) == 10), dates[0], dates[-1],
                                args.pub_weight, pub, args.later_weight)
            chosen = sorted(d for d, _ in ranked[:T])
            timeline = [{"date": d, "sentences": select_sentences(by_date.get(d, []), L)} for d in chosen]
            preds.append({"dataset": args.dataset, "topic": topic, "name": gold["name"], "timeline": timeline})
        t_tag += t1 - t0
        t_build += time.perf_counter() - t1
        n_articles += len(items)
        print(f"{topic}: {len(items)} articles, {len(golds)} timelines", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p) + "\n")
    res = subprocess.run([sys.executable, str(BENCH / "score.py"), "--pred", str(args.out),
                          "--gold", str(BENCH / "data"), "--datasets", args.dataset],
                         capture_output=True, text=True, check=True)
    print(res.stdout.strip().splitlines()[-1] if res.stdout.strip() else res.stderr)
    if TAGGER_ERRORS:
        print(f"temporal tagger raised on {len(TAGGER_ERRORS)} articles (tagged line by line): "
              f"{TAGGER_ERRORS[:5]}")
    total = t_tag + t_build
    print(f"speed: {n_articles} articles in {total:.1f}s = {n_articles / total:.0f} articles/s "
          f"(temporal tagging {t_tag:.1f}s, timeline stage {t_build:.1f}s = "
          f"{n_articles / max(t_build, 1e-9):.0f} articles/s)")


if __name__ == "__main__":
    main()
