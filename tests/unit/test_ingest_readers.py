from __future__ import annotations

import pytest

from newsledger.errors import BadInputError
from newsledger.ingest import IngestOptions, content_hash, make_article
from newsledger.ingest.dates import normalise_published
from newsledger.ingest.decode import decode_bytes
from newsledger.ingest.readers import (
    Draft,
    read_csv,
    read_feed,
    read_html,
    read_json,
    read_jsonl,
    read_text,
    sniff,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-03-18", "2023-03-18"),
        ("2023-03-18T22:10:00Z", "2023-03-18"),
        ("2023-03-18 08:00:00+02:00", "2023-03-18"),
        ("Sat, 18 Mar 2023 10:00:00 GMT", "2023-03-18"),
        ("2023/03/18", "2023-03-18"),
        ("18.03.2023", "2023-03-18"),
        ("2023-03", "2023-03"),
        ("2023", "2023"),
        ("yesterday", None),
        ("2023-13", None),
        ("", None),
    ],
)
def test_dates_normalise_published(raw: str, expected: str | None) -> None:
    assert normalise_published(raw) == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Pristina's caf\u00e9".encode("latin-1"), "not valid utf-8"),
    ],
)
def test_decode_refuses_bad_bytes(data: bytes, reason: str) -> None:
    with pytest.raises(BadInputError) as info:
        decode_bytes("in.txt", data)
    assert reason in str(info.value).lower()
    assert str(info.value).startswith("in.txt: ")


def test_decode_honours_bom_and_explicit_encoding() -> None:
    assert decode_bytes("a", "\ufeffVučić".encode("utf-8")) == "Vučić"
    assert decode_bytes("a", "Vučić".encode("utf-16")) == "Vučić"
    assert decode_bytes("a", "café".encode("latin-1"), encoding="latin-1") == "café"


def test_decode_refuses_huge_input() -> None:
    with pytest.raises(BadInputError, match="too large"):
        decode_bytes("big.txt", b"a" * 2000, max_bytes=1000)


def test_markdown_heading_becomes_title() -> None:
    (draft,) = read_text("x.md", "# Talks resume\n\nBorrell met Kurti on Monday.", markdown=True)
    assert isinstance(draft, Draft)
    assert draft.title == "Talks resume"
    assert draft.text == "Borrell met Kurti on Monday."


def test_jsonl_bad_line_does_not_stop_the_others() -> None:
    text = '{"id": "a1", "text": "One.", "published": "2023-01-02"}\n{not json}\n{"title": "no text"}\n{"text": "Two."}\n'
    items = list(read_jsonl("f.jsonl", text))
    assert [type(i).__name__ for i in items] == ["Draft", "BadInputError", "BadInputError", "Draft"]
    assert items[0].id == "a1" and items[0].published == "2023-01-02"
    assert items[1].source == "f.jsonl:2"
    assert "malformed JSON" in items[1].reason


def test_json_array_and_articles_object() -> None:
    assert len(list(read_json("f.json", '[{"text": "A."}, {"text": "B."}]'))) == 2
    assert len(list(read_json("f.json", '{"articles": [{"text": "A."}]}'))) == 1
    (err,) = list(read_json("f.json", '{"articles": [1, 2'))
    assert isinstance(err, BadInputError)


def test_csv_records_and_missing_text_column() -> None:
    good = "id,text,published,source\nx1,\"Kurti said, again, no.\",2023-03-18,RTS\n"
    (d,) = list(read_csv("f.csv", good))
    assert d.id == "x1" and d.text == "Kurti said, again, no." and d.source == "RTS"
    (bad,) = list(read_csv("g.csv", "title,body\na,b\n"))
    assert isinstance(bad, BadInputError) and "no 'text' column" in bad.reason


HTML = """<!doctype html><html><head><title>Talks in Ohrid | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2023-03-18T20:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks in Ohrid</h1>
<p>The leaders of Kosovo and Serbia met on Saturday in Ohrid for twelve hours of talks under EU mediation.</p>
<p>Josep Borrell said the two sides had accepted an annex to the agreement, but neither signed it.</p>
<p>Protesters gathered in Belgrade on Friday evening to oppose any deal with Pristina.</p></article>
<footer>Copyright Example News. Subscribe to our newsletter.</footer></body></html>"""


def test_html_extracts_text_title_date_and_drops_boilerplate() -> None:
    (d,) = list(read_html("p.html", HTML))
    assert isinstance(d, Draft)
    assert "accepted an annex" in d.text
    assert "Subscribe" not in d.text and "Home" not in d.text
    assert d.title and "Ohrid" in d.title
    assert d.published and d.published.startswith("2023-03-18")


def test_html_without_article_text_is_rejected() -> None:
    (e,) = list(read_html("empty.html", "<html><body><nav>Home</nav></body></html>"))
    assert isinstance(e, BadInputError)


FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Balkan Wire</title>
<item><title>Talks fail</title><link>https://example.org/1</link>
<pubDate>Thu, 22 Jun 2023 18:00:00 GMT</pubDate>
<description>&lt;p&gt;Borrell met Vucic and Kurti in Brussels on Thursday.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://example.org/2</link></item>
</channel></rss>"""


def test_feed_entries_become_articles() -> None:
    items = list(read_feed("feed.xml", FEED))
    good = [i for i in items if isinstance(i, Draft)]
    assert len(good) == 1
    assert good[0].published == "2023-06-22"
    assert good[0].source == "Balkan Wire" and good[0].url == "https://example.org/1"
    assert good[0].text == "Borrell met Vucic and Kurti in Brussels on Thursday."
    assert any(isinstance(i, BadInputError) for i in items)


@pytest.mark.parametrize(
    ("data", "fmt"),
    [(b"<!DOCTYPE html><html>", "html"), (FEED, "feed"), (b'{"text": 1}', "jsonl"), (b"[{}]", "json"), (b"Plain.", "text")],
)
def test_sniff(data: bytes, fmt: str) -> None:
    assert sniff(data) == fmt


def test_make_article_keeps_given_id_and_settles_metadata() -> None:
    d = Draft(label="r", text="Kurti met Vucic.\r\nThey talked.", id="given-1", published="2023-03-18T10:00Z")
    article, note = make_article(d, IngestOptions(language="en"))
    assert article.id == "given-1"
    assert article.published == "2023-03-18" and not article.published_inferred
    assert article.text == "Kurti met Vucic.\nThey talked."
    assert note is None


def test_make_article_rejects_a_bad_date() -> None:
    with pytest.raises(BadInputError, match="not a date"):
        make_article(Draft(label="r", text="x", published="soon"), IngestOptions(language="en"))


def test_make_article_infers_a_missing_date_from_a_dateline() -> None:
    d = Draft(label="wire", text="SKOPJE, May 4, 2021 (AFP) - The two leaders met on Tuesday.")
    article, note = make_article(d, IngestOptions(language="en"))
    assert article.published == "2021-05-04" and article.published_inferred
    assert note is not None and "inferred" in note and "confidence" in note


def test_make_article_rejects_an_unreliable_date_guess() -> None:
    # a year-less day with an older year elsewhere: a guess, but a poor one
    d = Draft(label="weak.txt", text="The envoys met on June 9 to review the plan agreed in 2019.")
    with pytest.raises(BadInputError, match=r"confidence 0\.\d\d < 0\.20.*--published"):
        make_article(d, IngestOptions(language="en"))
    article, _ = make_article(d, IngestOptions(language="en", min_date_confidence=0.0))
    assert article.published_inferred and article.published.endswith("-06-09")


def test_content_hash_ignores_whitespace_only_changes() -> None:
    assert content_hash("A  b\n c") == content_hash("A b c ")
    assert content_hash("A b c") != content_hash("A b d")


def test_markdown_markup_is_removed() -> None:
    md = "# Title\n\n*Brussels, Monday*\n\n## Section\n\n- **The plan.** A [draft](http://x) with `code` and _stress_.\n> quoted line\n\n---\nsnake_case_word stays"
    (d,) = read_text("x.md", md, markdown=True)
    assert d.text == "Brussels, Monday\n\nSection\n\nThe plan. A draft with code and stress.\nquoted line\n\n\nsnake_case_word stays"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Tuesday, Nigerian junior foreign minister Dubem Oniya summoned Niger's ambassador.", "en"),
        ("Le président serbe a refusé de signer l'accord à Ohrid samedi.", "fr"),
        ("Der serbische Präsident lehnte die Unterzeichnung des Abkommens ab.", "de"),
    ],
)
def test_language_detection(text: str, lang: str) -> None:
    from newsledger.ingest import detect_language

    assert detect_language(text) == lang


def test_records_accept_common_field_aliases() -> None:
    (d,) = list(read_jsonl("f.jsonl", '{"id": "s1", "sentence": "Serbia detained three officers.", "date": "2023-06-14", "lang": "en"}'))
    assert (d.text, d.published, d.language) == ("Serbia detained three officers.", "2023-06-14", "en")
    (e,) = list(read_jsonl("f.jsonl", '{"text": "A.", "published": "2023-01-01", "date": "1999-01-01"}'))
    assert e.published == "2023-01-01"  # the contract's own field wins
