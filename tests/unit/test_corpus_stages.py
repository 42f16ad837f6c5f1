"""Corpus stages on small hand-written article sets: dedup, stories, claims, timeline, update."""

from __future__ import annotations

from newsledger.corpus import CorpusState, update_corpus
from newsledger.corpus.claims import extract_claims
from newsledger.corpus.dedup import DuplicateIndex
from newsledger.corpus.memstore import MemoryStore
from newsledger.corpus.stories import StoryClusterer
from newsledger.corpus.text import norm_date, sentences
from newsledger.corpus.timeline import build_timeline
from newsledger.model import Article, ArticleAnalysis, Event, Story, TimeExpression

WIRE = ("Flooding in the river valley forced thousands of residents from their homes on Monday, "
        "officials said, as rescue teams used boats to reach villages cut off by the water. "
        "The regional governor declared a state of emergency and asked the army for help.")


def _an(aid: str, text: str, published: str, dates: list[tuple[str, str]] = (),  # type: ignore[assignment]
        events: tuple[Event, ...] = ()) -> ArticleAnalysis:
    tx = []
    for phrase, value in dates:
        start = text.index(phrase)
        tx.append(TimeExpression(aid, start, start + len(phrase), phrase, "DATE", value))
    return ArticleAnalysis(Article(aid, text, published=published), time_expressions=tuple(tx), events=events)


def test_dedup_links_copy_not_rewrite() -> None:
    idx = DuplicateIndex()
    assert idx.add("a", WIRE) is None
    copy = idx.add("b", WIRE.replace("on Monday", "on Monday morning"))
    assert copy is not None and copy[0] == "a" and copy[1] > 0.6
    other = "The central bank raised interest rates by half a point to fight inflation, its governor said."
    assert idx.add("c", other) is None
    assert idx.canonical("b") == "a" and idx.canonical("c") == "c"
    restored = DuplicateIndex.loads(idx.dumps())
    assert restored.add("d", WIRE)[0] == "a"  # type: ignore[index]


def test_clusterer_separates_topics_and_persists() -> None:
    flood = [WIRE,
             "Rescue teams in boats reached villages cut off by the flooding river, and the governor "
             "declared a state of emergency as thousands of residents left their homes.",
             "The flood waters in the valley began to recede on Wednesday, but thousands of residents "
             "remain in shelters and the army keeps rescue boats near the river villages."]
    rates = ["The central bank raised interest rates by half a point to fight inflation, its governor said.",
             "Inflation slowed after the central bank's interest rate rise, and the bank's governor "
             "said further rate increases were possible."]
    c = StoryClusterer()
    ids = [c.add(f"f{i}", t, None, f"2024-05-0{i + 1}", ()) for i, t in enumerate(flood)]
    c2 = StoryClusterer.loads(c.dumps())
    rid = [c2.add(f"r{i}", t, None, f"2024-05-0{i + 4}", ()) for i, t in enumerate(rates)]
    assert len(set(ids)) == 1
    assert len(set(rid)) == 1 and rid[0] != ids[0]
    assert sorted(len(m) for m in c2.clusters().values()) == [2, 3]


def test_clusterer_review_gives_fragments_a_second_chance() -> None:
    from newsledger.corpus.stories import ClusterParams, _day

    flood = [WIRE,
             "Rescue teams in boats reached villages cut off by the flooding river, and the governor "
             "declared a state of emergency as thousands of residents left their homes.",
             "The flood waters in the valley began to recede on Wednesday, but thousands of residents "
             "remain in shelters and the army keeps rescue boats near the river villages."]
    late = ("Residents of the river valley villages returned to homes damaged by the flood, and the "
            "governor said the state of emergency would end as the army withdrew its rescue boats.")
    rates = "The central bank raised interest rates by half a point to fight inflation, its governor said."
    params = ClusterParams(threshold=2.0, merge_threshold=2.0, review_every=0, absorb_max_size=1,
                           absorb_min_size=3, absorb_threshold=0.1, absorb_idle_days=30)
    c = StoryClusterer(params)  # threshold 2: every article opens its own story
    for i, t in enumerate(flood):
        c.add(f"f{i}", t, None, f"2024-05-0{i + 1}", ())
    c._merge(0, 1)
    c._merge(0, 2)
    c.add("late", late, None, "2024-05-10", ())
    c.add("rates", rates, None, "2024-05-11", ())
    c._review_small(_day("2024-05-20"))  # not idle long enough yet
    assert len(c.clusters()) == 3
    c._review_small(_day("2024-06-30"))
    assert c.story_of("late") == c.story_of("f0") != c.story_of("rates")
    assert sorted(len(m) for m in c.clusters().values()) == [1, 4]
    old = StoryClusterer.loads(c.dumps())  # a state pickled before a knob existed still loads
    assert old.params.review_every == 0


def test_claims_group_sources_count_duplicates_once_and_flag_conflicts() -> None:
    a = _an("a", "The town of 45,000 people was declared a disaster zone. The dam opened in 1988.",
            "2024-05-01", [("1988", "1988")])
    b = _an("b", "Officials said the dam, opened in 1988, held. The town has 45,000 people.",
            "2024-05-02", [("1988", "1988")])
    copy = _an("c", "The town of 45,000 people was declared a disaster zone. The dam opened in 1988.",
               "2024-05-02", [("1988", "1988")])
    d = _an("d", "Rescuers say 300 people are missing in the flooded town.", "2024-05-02")
    e = _an("e", "Police say 120 people are missing in the flooded town.", "2024-05-03")
    claims = extract_claims([a, b, copy, d, e], duplicates=[("c", "a", 1.0)])
    by_value = {(c.kind, c.value): c for c in claims}
    assert set(by_value[("figure", "45000")].article_ids) == {"a", "b", "c"}
    dam = by_value[("dated", "1988")]
    assert {"a", "b"} <= set(dam.article_ids) and "1988" in dam.text
    missing = by_value[("figure", "300")]
    assert by_value[("figure", "120")].id in missing.conflicts_with
    # a claim only the duplicate pair states is not corroborated
    claims2 = extract_claims([a, copy], duplicates=[("c", "a", 1.0)])
    assert claims2 == []


def test_timeline_ordered_with_background_and_sources() -> None:
    a = _an("a", "Talks failed on Thursday in Brussels. The country declared independence in 2008.",
            "2022-08-19", [("Thursday", "2022-08-18"), ("2008", "2008")])
    b = _an("b", "Leaders met in Brussels on Thursday but talks failed. Independence was declared in 2008.",
            "2022-08-18", [("Thursday", "2022-08-18"), ("2008", "2008")])
    c = _an("c", "A new round of talks opened today.", "2022-09-07")
    tl = build_timeline([a, b, c], [Story("S1", "talks", ("a", "b", "c"))])
    assert [e.date for e in tl] == ["2008", "2022-08-18", "2022-09-07"]
    assert tl[0].sources == 2 and tl[1].sources == 2 and tl[2].sources == 1
    assert all(e.story_id == "S1" and e.text for e in tl)
    assert tl[2].text.startswith("A new round")


def test_update_corpus_is_incremental() -> None:
    store = MemoryStore()
    a = _an("a", WIRE, "2024-05-01", [("Monday", "2024-04-29")])
    b = _an("b", WIRE, "2024-05-01", [("Monday", "2024-04-29")])
    for an in (a, b):
        store.add(an)
    update_corpus(store, ["a"])
    assert store.loaded == 1 and len(store.stories) == 1
    update_corpus(store, ["b"])
    assert store.loaded == 2  # only the new analysis was read again
    assert store.duplicates == [("b", "a", 1.0)]
    assert store.stories[0].article_ids == ("a", "b")
    assert store.timeline[0].sources == 1  # the copy counts once
    state = CorpusState.loads(store.get_blob("corpus/state") or b"")
    assert state.articles == {"a", "b"}


def test_text_helpers() -> None:
    text = "It cost 1.8 million euros. Talks resumed.\nNext line"
    assert [text[s:e] for s, e in sentences(text)] == ["It cost 1.8 million euros.", "Talks resumed.", "Next line"]
    assert norm_date("2023-02-28TNI") == "2023-02-28" and norm_date("PAST_REF") is None
    assert norm_date("199X") is None
