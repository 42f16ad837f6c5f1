"""The web app: API shapes (= the JSON export's), filters, the one error shape, HTML pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsledger.export.records import ledger_object
from newsledger.model import Ledger
from newsledger.report.sample import sample_ledger
from newsledger.web import create_app


class FakeStore:
    """The store's ``load_ledger`` over a fixed Ledger; counts opens and closes."""

    opened = 0
    closed = 0

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        FakeStore.opened += 1

    def load_ledger(self) -> Ledger:
        return self.ledger

    def close(self) -> None:
        FakeStore.closed += 1


class BrokenStore:
    def load_ledger(self) -> Ledger:
        raise RuntimeError("disk on fire: /secret/path")


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return sample_ledger(hostile=True)


@pytest.fixture(scope="module")
def client(ledger: Ledger) -> Iterator[TestClient]:
    with TestClient(create_app(lambda: FakeStore(ledger)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def export(ledger: Ledger) -> dict[str, Any]:
    return ledger_object(ledger)


def _assert_error(resp: Any, status: int) -> dict[str, Any]:
    assert resp.status_code == status
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body


@pytest.mark.parametrize("name", ["articles", "actors", "quotes", "events", "timeline", "stories", "claims", "dyads"])
def test_list_endpoints_return_the_export_records(client: TestClient, export: dict[str, Any], name: str) -> None:
    path = {"timeline": "/api/timeline"}.get(name, f"/api/{name}")
    body = client.get(path).json()
    assert body["schema"] == export["schema"]
    assert body[name] == export[name]          # same records, same shapes, same order
    assert body["count"] == body["total"] == len(export[name])


def test_article_endpoint_returns_its_own_records(client: TestClient, export: dict[str, Any]) -> None:
    body = client.get("/api/articles/a1").json()
    assert body["article"] == next(a for a in export["articles"] if a["id"] == "a1")
    for name in ("mentions", "time_expressions", "quotes", "events"):
        assert body[name] == [r for r in export[name] if r["article_id"] == "a1"]
        assert body[name]


def test_article_id_with_odd_characters(client: TestClient) -> None:
    resp = client.get("/api/articles/x%3C1%3E%22'")
    assert resp.status_code == 200 and resp.json()["article"]["id"] == "x<1>\"'"


@pytest.mark.parametrize(("query", "expected"), [
    ("type=CONSULT", {"e1", "e2", "e4", "ex"}),
    ("type=consult&since=2023-03", {"e4", "ex"}),
    ("actor=vucic", {"e1", "e3", "e4", "e7"}),
    ("actor=Albin%20Kurti", {"e2", "e4", "e5", "ex"}),
    ("actor=Belgrade", {"e5", "e6"}),                        # an alias
    ("since=2023-03-01&until=2023-03-18", {"e4", "e5", "e6", "e7"}),
    ("until=2023-02", {"e1", "e2", "e3"}),
    ("since=2023-03-19", {"e5", "ex"}),                      # e5 is dated 2023-03: overlaps
])
def test_event_filters(client: TestClient, query: str, expected: set[str]) -> None:
    body = client.get(f"/api/events?{query}").json()
    assert {e["id"] for e in body["events"]} == expected


def test_pagination(client: TestClient) -> None:
    body = client.get("/api/events?limit=2&offset=1").json()
    assert body["count"] == 2 and body["total"] == 8
    assert [e["id"] for e in body["events"]] == ["e2", "e3"]


def test_quote_speaker_filter(client: TestClient) -> None:
    assert {q["id"] for q in client.get("/api/quotes?speaker=borrell").json()["quotes"]} == {"q1", "q2"}
    assert {q["id"] for q in client.get("/api/quotes?speaker=Aleksandar%20Vucic").json()["quotes"]} == {"q3"}
    assert client.get("/api/quotes?speaker=nobody").json()["quotes"] == []


def test_other_filters(client: TestClient) -> None:
    assert {c["id"] for c in client.get("/api/claims?conflicting=true").json()["claims"]} == {"c1", "c2"}
    assert len(client.get("/api/dyads?actor=srb").json()["dyads"]) == 1
    assert [t["date"] for t in client.get("/api/timeline?story=s1&since=2023").json()["timeline"]] == ["2023-02-27", "2023-03-18"]
    assert [a["id"] for a in client.get("/api/articles?source=Balkan%20Desk").json()["articles"]] == ["a2"]


def test_error_shape_404(client: TestClient) -> None:
    body = _assert_error(client.get("/api/articles/nope"), 404)
    assert "nope" in body["error"]["message"]
    _assert_error(client.get("/api/no-such-endpoint"), 404)


@pytest.mark.parametrize("query", ["type=MEET", "since=yesterday", "until=2023-13-45x", "limit=0", "offset=-1", "conflicting=maybe"])
def test_error_shape_422(client: TestClient, query: str) -> None:
    path = "/api/claims" if query.startswith("conflicting") else "/api/events"
    body = _assert_error(client.get(f"{path}?{query}"), 422)
    assert query.split("=")[0] in body["error"]["message"]


def test_error_shape_500_hides_internals() -> None:
    with TestClient(create_app(BrokenStore), raise_server_exceptions=False) as c:
        body = _assert_error(c.get("/api/events"), 500)
    assert "secret" not in body["error"]["message"]


def test_store_is_closed_after_each_request(client: TestClient) -> None:
    before = (FakeStore.opened, FakeStore.closed)
    client.get("/api/actors")
    assert (FakeStore.opened - before[0], FakeStore.closed - before[1]) == (1, 1)


def test_index_page_is_the_dossier_with_article_links(client: TestClient) -> None:
    resp = client.get("/")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    html = resp.text
    for section in ('id="stories"', 'id="actors"', 'id="quotes"', 'id="events"', 'id="claims"', 'id="charts"'):
        assert section in html
    assert 'href="/articles/a1#a-a1-' in html
    assert "<img" not in html and "<script>alert" not in html


def test_article_page_highlights_and_anchors(client: TestClient, ledger: Ledger) -> None:
    html = client.get("/articles/a1").text
    ev = next(e for e in ledger.events if e.article_id == "a1")
    assert f'id="a-a1-{ev.start}"' in html
    assert re.search(r'class="[^"]*\bm\b[^"]*" title="Josep Borrell"', html)   # a mention, marked
    assert re.search(r'class="[^"]*\bq\b[^"]*" title="quote \(direct\)"', html)  # the quote, marked
    hostile = client.get("/articles/x%3C1%3E%22'").text
    assert "<img" not in hostile and "<script>alert" not in hostile
    assert 'href="javascript:' not in hostile


def test_article_page_404_is_html(client: TestClient) -> None:
    resp = client.get("/articles/nope")
    assert resp.status_code == 404 and resp.headers["content-type"].startswith("text/html")
    assert "nope" in resp.text


def test_empty_ledger(ledger: Ledger) -> None:
    with TestClient(create_app(lambda: FakeStore(Ledger()))) as c:
        assert c.get("/").status_code == 200
        assert c.get("/api/events").json() == {"schema": "newsledger/1", "events": [], "count": 0, "total": 0}


def test_works_over_the_real_sqlite_store(tmp_path: Any) -> None:
    from newsledger.store.db import Store

    db = str(tmp_path / "ledger.db")
    with TestClient(create_app(lambda: Store.open(db))) as c:
        assert c.get("/").status_code == 200
        assert c.get("/api/events").json()["events"] == []
        _assert_error(c.get("/api/articles/none"), 404)


def test_pages_are_cached_per_store_revision(tmp_path: Any) -> None:
    from newsledger.store.db import Store
    from tests.unit.test_store_ledger import make_analysis

    db = str(tmp_path / "ledger.db")
    loads = 0

    class CountingStore(Store):
        def load_ledger(self) -> Ledger:
            nonlocal loads
            loads += 1
            return super().load_ledger()

    def open_store() -> Store:
        plain = Store.open(db)
        return CountingStore(plain.engine, plain.label)

    with Store.open(db) as store:
        store.save_analysis(make_analysis("a1"))
    with TestClient(create_app(open_store)) as c:
        first = c.get("/").text
        assert c.get("/").text == first and c.get("/articles/a1").status_code == 200
        assert c.get("/api/events").json()["count"] == 1
        assert loads == 1  # one read of the ledger served every request
        with Store.open(db) as store:
            store.save_analysis(make_analysis("a2", text="Vucic met Kurti in Brussels on Tuesday."))
        assert c.get("/articles/a2").status_code == 200  # the write is seen at once
        assert loads == 2 and c.get("/api/events").json()["count"] == 2
