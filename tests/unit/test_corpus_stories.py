"""Story clustering mechanisms: language guess, per-language centring, story signatures in the
fragment review, and the review's time limit."""

from __future__ import annotations

import pickle

from newsledger.corpus.stories import ClusterParams, StoryClusterer, _day, guess_language

VOLCANO = [
    "The Korvatunturi volcano erupted again on Sunday, and ash from Korvatunturi closed the airport "
    "while lava flowed towards the fishing village of Hallavik.",
    "Scientists watching Korvatunturi said the lava flow near Hallavik had slowed, though the volcano "
    "still threw ash over the northern valleys.",
    "Residents of Hallavik were told to stay away as Korvatunturi kept erupting; ash and lava damaged "
    "roads and the airport stayed shut.",
    "Ash from the Korvatunturi eruption reached the capital, and the government sent engineers to Hallavik "
    "to build barriers against the lava.",
]
# a long piece about something else that names the volcano story only in passing
PASSING = ("The national football league postponed the weekend fixtures, and the league's chairman said "
           "clubs would play the matches in December; supporters' groups complained about ticket refunds, "
           "television schedules and the cost of travel, while several coaches welcomed the rest. "
           "Flights for the away teams were cancelled after the Korvatunturi volcano spread ash and lava "
           "near Hallavik.")


def _story_with_fragment(params: ClusterParams) -> StoryClusterer:
    c = StoryClusterer(params)  # threshold 2: every article opens its own story
    for i, text in enumerate(VOLCANO):
        c.add(f"v{i}", text, None, f"2024-03-0{i + 1}", ())
    for i in range(1, len(VOLCANO)):
        c._merge(0, i)
    c.add("passing", PASSING, None, "2024-03-06", ())
    return c


def _params(**kw: float) -> ClusterParams:
    base = dict(threshold=2.0, merge_threshold=2.0, review_every=0, absorb_max_size=1, absorb_min_size=4,
                absorb_threshold=0.4, absorb_idle_days=0, article_terms=60, sig_terms=10, sig_min_size=4,
                sig_weight=0.0, absorb_max_gap=2.0, window_days=120)
    base.update(kw)
    return ClusterParams(**base)  # type: ignore[arg-type]


def test_guess_language_from_function_words() -> None:
    assert guess_language("el gobierno dijo que los manifestantes no se van de la plaza".split()) == "es"
    assert guess_language("le gouvernement a dit que les manifestants ne partiront pas".split()) == "fr"
    assert guess_language("il governo ha detto che i manifestanti non lasciano la piazza".split()) == "it"
    assert guess_language("the government said that the protesters would not leave".split()) == "en"
    assert guess_language([]) == "en"


def test_signature_holds_the_story_words_not_the_common_ones() -> None:
    c = _story_with_fragment(_params())
    sig = c._signature(0)
    assert {"korvatunturi", "hallavik", "lava"} <= set(sig)
    assert abs(sum(sig.values()) - 1.0) < 1e-6
    assert "league" not in sig


def test_signature_lets_a_passing_mention_join_in_the_review() -> None:
    without = _story_with_fragment(_params(sig_weight=0.0))
    without._review_small(_day("2024-03-10"))
    assert without.story_of("passing") != without.story_of("v0")
    with_sig = _story_with_fragment(_params(sig_weight=0.5))
    with_sig._review_small(_day("2024-03-10"))
    assert with_sig.story_of("passing") == with_sig.story_of("v0")


def test_review_does_not_join_a_story_long_over() -> None:
    c = StoryClusterer(_params(sig_weight=0.5, absorb_max_gap=1.0, window_days=30))
    for i, text in enumerate(VOLCANO):
        c.add(f"v{i}", text, None, f"2024-03-0{i + 1}", ())
    for i in range(1, len(VOLCANO)):
        c._merge(0, i)
    c.add("passing", PASSING, None, "2024-06-20", ())  # the volcano story ended 110 days earlier
    c._review_small(_day("2024-06-30"))
    assert c.story_of("passing") != c.story_of("v0")


def test_centring_is_per_language_and_old_states_load() -> None:
    c = StoryClusterer(_params())
    c.add("e1", VOLCANO[0], None, "2024-03-01", ())
    c.add("s1", "El volcán entró en erupción y la ceniza cerró el aeropuerto de la isla, dijeron las "
                "autoridades que los vecinos no pueden volver a sus casas.", None, "2024-03-02", ())
    assert set(c.means) == {"en", "es"} and c.lang_seen == {"en": 1, "es": 1}
    state = pickle.loads(c.dumps())
    state["mean"] = state.pop("means")["en"]  # as pickled before per-language centring and profiles
    del state["lang_seen"], state["terms"]
    old = StoryClusterer.loads(pickle.dumps(state))
    assert set(old.means) == {"en"} and len(old.terms) == len(old.members)
    old.add("e2", VOLCANO[1], None, "2024-03-03", ())


def test_profile_holds_words_even_with_actors() -> None:
    c = StoryClusterer(_params(threshold=0.0))
    c.add("a1", VOLCANO[0], None, "2024-03-01", ("ACTOR_ONE",))
    c.add("a2", VOLCANO[1], None, "2024-03-02", ("ACTOR_ONE", "ACTOR_TWO"))
    idx = c.assignment["a2"]
    assert "korvatunturi" in c.terms[idx] and "ACTOR_ONE" not in c.terms[idx]


def test_signatures_travel_with_the_state() -> None:
    c = _story_with_fragment(_params())
    sig = c._signature(0)
    restored = StoryClusterer.loads(c.dumps())
    assert restored._sigs[0] == (len(VOLCANO), sig)
