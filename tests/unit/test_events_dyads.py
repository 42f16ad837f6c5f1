"""Per-dyad series: counts per category per month, quad classes, score and Goldstein."""

from __future__ import annotations

from newsledger.model import Actor, Event
from newsledger.nlp.events.dyads import dyad_series, event_month, goldstein, quad_class


def ev(n: int, type_: str, src: tuple[str, ...], tgt: tuple[str, ...], date: str | None,
       cameo: str | None = None, **kw: object) -> Event:
    return Event(id=f"a:e{n}", article_id="a", type=type_, source_ids=src, target_ids=tgt,
                 sentence="s", start=0, end=1, cameo=cameo, date=date, **kw)  # type: ignore[arg-type]


def test_counts_per_month_and_pair() -> None:
    events = [
        ev(1, "CONSULT", ("S",), ("K",), "2023-03-18", "040"),
        ev(2, "CONSULT", ("S",), ("K",), "2023-03-02", "040"),
        ev(3, "ACCUSE", ("S",), ("K",), "2023-03-02", "111"),
        ev(4, "ACCUSE", ("K",), ("S",), "2023-02-27", "112"),
        ev(5, "ASSAULT", ("S",), ("K",), "2023-04", "190"),
    ]
    out = dyad_series(events)
    keys = [(r["source_id"], r["target_id"], r["month"]) for r in out]
    assert keys == [("K", "S", "2023-02"), ("S", "K", "2023-03"), ("S", "K", "2023-04")]
    march = out[1]
    assert march["counts"] == {"CONSULT": 2, "ACCUSE": 1}
    assert march["cooperation"] == 2 and march["conflict"] == 1
    assert march["score"] == round(1 / 3, 3)
    assert march["goldstein"] == round((1.0 + 1.0 - 2.0) / 3, 2)
    assert out[2]["quad"] == {"material_conflict": 1} and out[2]["score"] == -1.0


def test_negated_hypothetical_and_non_dyadic_events_left_out() -> None:
    events = [
        ev(1, "AGREE", ("S",), ("K",), "2023-03-18", "030", negated=True),
        ev(2, "ASSAULT", ("N",), ("K",), "2023-03-18", "190", modality="hypothetical"),
        ev(3, "PROTEST", ("S",), (), "2023-03-18", "141"),
        ev(4, "CONSULT", ("S", "K"), ("E",), "2023-03-18", "040", modality="planned"),
    ]
    out = dyad_series(events)
    assert [(r["source_id"], r["target_id"]) for r in out] == [("K", "E"), ("S", "E")]


def test_actor_names_and_codes() -> None:
    actors = {"S": Actor(id="S", name="Serbia", codes={"cameo": "SRB"}),
              "K": Actor(id="K", name="Kosovo", codes={"cameo": "KSV"})}
    out = dyad_series([ev(1, "REJECT", ("S",), ("K",), "2023-03-01", "120")], actors)
    assert out[0]["source_name"] == "Serbia" and out[0]["target_code"] == "KSV"


def test_quad_and_goldstein_mapping() -> None:
    appeal = ev(1, "REQUEST", ("S",), ("K",), None, "020")
    demand = ev(2, "REQUEST", ("S",), ("K",), None, "100")
    no_code = ev(3, "COERCE", ("S",), ("K",), None)
    assert quad_class(appeal) == "verbal_cooperation" and quad_class(demand) == "verbal_conflict"
    assert goldstein(appeal) == 3.0 and goldstein(demand) == -5.0 and goldstein(no_code) == -7.0
    assert event_month("2023-03-18TNI") == "2023-03" and event_month("2023") is None
    assert dyad_series([ev(1, "AGREE", ("S",), ("K",), None, "030")])[0]["month"] is None
