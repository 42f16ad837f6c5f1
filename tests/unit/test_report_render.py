"""The HTML dossier: sections, links to sentence anchors, escaping, empty ledger."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from newsledger.model import Event, Ledger
from newsledger.report import render_report
from newsledger.report.charts import month_range, stacked_bars
from newsledger.report.sample import HOSTILE_TEXT, sample_ledger
from newsledger.report.views import article_keys, is_background, segment_text


class _Page(HTMLParser):
    """Collects ids, in-page hrefs, tags and the attributes of every element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: dict[str, dict[str, str | None]] = {}
        self.hrefs: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text_by_id: dict[str, str] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids[a["id"]] = a  # type: ignore[index]
            if tag == "span":
                self._open.append(a["id"])  # type: ignore[arg-type]
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])  # type: ignore[arg-type]

    def handle_data(self, data: str) -> None:
        for i in self._open:
            self.text_by_id[i] = self.text_by_id.get(i, "") + data

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._open:
            self._open.pop()


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return sample_ledger()


@pytest.fixture(scope="module")
def html(ledger: Ledger) -> str:
    return render_report(ledger, title="Dialogue dossier")


def test_report_has_every_section(html: str) -> None:
    page = _parse(html)
    for section in ("overview", "stories", "actors", "network", "quotes", "charts", "dyads", "events", "claims", "articles"):
        assert section in page.ids, section
    assert "<title>Dialogue dossier</title>" in html


def test_report_is_self_contained(html: str) -> None:
    page = _parse(html)
    for tag, attrs in page.tags:
        assert not (tag == "link" and attrs.get("rel") == "stylesheet"), "external stylesheet"
        assert not (tag == "script" and attrs.get("src")), "external script"
        assert not (tag == "img" and attrs.get("src")), "external image"
    assert "@import" not in html and "url(" not in html
    assert "<svg" in html and "<style>" in html


def test_every_in_page_link_resolves(html: str) -> None:
    page = _parse(html)
    internal = [h[1:] for h in page.hrefs if h.startswith("#")]
    assert internal
    missing = [h for h in internal if h not in page.ids]
    assert not missing, missing[:5]


def test_items_link_to_the_sentence_they_came_from(ledger: Ledger, html: str) -> None:
    page = _parse(html)
    keys = article_keys(a.id for a in ledger.articles)
    texts = {a.id: a.text for a in ledger.articles}
    for ev in ledger.events:
        anchor = f"a-{keys[ev.article_id]}-{ev.start}"
        assert f'href="#{anchor}"' in html, ev.id
        assert anchor in page.ids
        # the anchored piece starts with the sentence's first characters
        assert texts[ev.article_id][ev.start:].startswith(page.text_by_id[anchor])
        assert page.ids[anchor]["data-e"] == str(max(e.end for e in ledger.events if e.article_id == ev.article_id and e.start == ev.start))
    for q in ledger.quotes:
        assert f'href="#a-{keys[q.article_id]}-{q.start}"' in html, q.id


def test_report_shows_flags_counts_and_conflicts(html: str) -> None:
    assert "negated" in html and "reported" in html          # event flags
    assert "corroborated by 2 articles" in html               # timeline corroboration
    assert "Background history (1)" in html                   # 2011 entry is background
    assert "conflicts with" in html                           # claim c1 <-> c2
    assert "Josep Borrell" in html and "No further discussions are needed" in html
    assert "cooperation 2, conflict 1" in html                # dyad chart caption


def test_hostile_article_text_is_escaped() -> None:
    html = render_report(sample_ledger(hostile=True), title="<script>alert(0)</script>")
    page = _parse(html)
    scripts = [a for t, a in page.tags if t == "script"]
    assert len(scripts) == 1 and not scripts[0]  # only the report's own inline script
    assert all(t not in ("img", "svg") or "onload" not in a for t, a in page.tags)
    for tag, attrs in page.tags:
        assert tag not in ("img", "b", "i", "div") or not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert not any((v or "").strip().lower().startswith("javascript:") for v in attrs.values()), (tag, attrs)
    assert "<img" not in html and "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # the hostile text is still shown, escaped, in full
    assert HOSTILE_TEXT.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")[:40] in html


def test_empty_ledger_renders() -> None:
    html = render_report(Ledger())
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "No events yet." in html and "No articles yet." in html and "No dyad data yet." in html


def test_out_of_range_offsets_do_not_break_rendering(ledger: Ledger) -> None:
    bad = replace(ledger.events[0], start=10_000, end=10_050)
    html = render_report(replace(ledger, events=ledger.events + (replace(bad, id="bad"),)))
    assert "</html>" in html


def test_segment_text_splits_at_every_boundary() -> None:
    pieces = segment_text("abcdefghij", [(2, 6, "ev", "E"), (4, 8, "q", "Q")], [2, 4], lambda s: f"x-{s}")
    assert [p.text for p in pieces] == ["ab", "cd", "ef", "gh", "ij"]
    assert [p.classes for p in pieces] == ["", "ev", "ev q", "q", ""]
    assert [(p.id, p.end) for p in pieces if p.id] == [("x-2", 6), ("x-4", 8)]
    assert "".join(p.text for p in pieces) == "abcdefghij"


def test_article_keys_are_unique_and_safe() -> None:
    keys = article_keys(["a b", "a_b", "x<1>", ""])
    assert len(set(keys.values())) == 4
    assert all(re.fullmatch(r"[A-Za-z0-9_]+", k) for k in keys.values())


@pytest.mark.parametrize(("date", "first", "expected"), [
    ("2011", "2023-02-28", True), ("1999", "2023-02-28", True), ("199X", "2023-02-28", True),
    ("2023-02-27", "2023-02-28", False), ("2023", "2023-02-28", False), ("2023-01", "2023-02-28", False),
    ("2022-11-02", "2023-02-28", True), ("PAST_REF", "2023-02-28", True), ("FUTURE_REF", "2023-02-28", False),
])
def test_background_entries(date: str, first: str, expected: bool) -> None:
    assert is_background(date, first) is expected


def test_stacked_bars_fill_month_gaps_and_stack() -> None:
    assert month_range(["2022-11", "2023-02"]) == ["2022-11", "2022-12", "2023-01", "2023-02"]
    chart = stacked_bars({"2023-01": {"CONSULT": 2, "ACCUSE": 1}, "2023-03": {"AGREE": 4}}, ["AGREE", "CONSULT", "ACCUSE"])
    assert len(chart.rects) == 3
    jan = [r for r in chart.rects if r.title.startswith("2023-01")]
    assert jan[0].y + jan[0].h == pytest.approx(chart.height - 40)  # bottom of the stack on the axis
    assert jan[1].y + jan[1].h == pytest.approx(jan[0].y)            # next one on top of it
    assert [name for name, _ in chart.legend] == ["AGREE", "CONSULT", "ACCUSE"]


def test_events_without_date_use_publication_month(ledger: Ledger) -> None:
    undated = Event("u1", "a1", "PROTEST", ("kurti",), ("srb",), "x", 0, 1)
    html = render_report(replace(ledger, events=(undated,)))
    assert "2023-02 PROTEST: 1" in html
