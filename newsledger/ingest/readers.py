"""One reader per input format; each turns decoded input into draft records.

Readers never raise for a single bad record inside a multi-record input (a JSONL
line, a CSV row): they yield a ``BadInputError`` for it and go on.

DOCS: docs/ingest.md
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from newsledger.errors import BadInputError

RECORD_FIELDS = ("id", "text", "title", "source", "url", "published", "language")


@dataclass(frozen=True)
class Draft:
    """An article as read, before dates, language and ids are settled."""

    label: str
    text: str
    id: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    file: str | None = None
    published: str | None = None
    language: str | None = None

    def fill(self, **defaults: str | None) -> Draft:
        """Keep what the record says; take ``defaults`` where it says nothing."""
        changes = {k: v for k, v in defaults.items() if v and not getattr(self, k)}
        return replace(self, **changes) if changes else self


Item = Draft | BadInputError

# Fewer words than this from a page is navigation or an error page, not an article.
MIN_HTML_WORDS = 8

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")


_MD_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),           # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),            # links -> link text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),       # bold
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # italics
    (re.compile(r"`([^`]+)`"), r"\1"),                          # inline code
)
_MD_LINE = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,3}[.)]\s+)")


def markdown_to_text(md: str) -> str:
    """Plain text of a Markdown article: markup removed, paragraphs and lines kept."""
    lines = []
    for line in md.splitlines():
        if re.fullmatch(r"\s{0,3}([-*_])(\s*\1){2,}\s*", line):  # horizontal rule
            line = ""
        line = _MD_LINE.sub("", line).rstrip().rstrip("#").rstrip()
        for rx, repl in _MD_INLINE:
            line = rx.sub(repl, line)
        lines.append(line)
    return "\n".join(lines).strip()


def read_text(label: str, text: str, markdown: bool = False) -> Iterator[Item]:
    title = None
    if markdown:
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            m = _MD_HEADING.match(line)
            if m:
                title = m.group(1)
                text = "\n".join(lines[i + 1:]).lstrip("\n")
            break
        text = markdown_to_text(text)
    if not text.strip():
        yield BadInputError(label, "no article text (only a heading)")
        return
    yield Draft(label=label, text=text, title=title)


def read_html(label: str, html: str, url: str | None = None) -> Iterator[Item]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_precision=True
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        yield BadInputError(label, f"malformed HTML ({exc.__class__.__name__})")
        return
    if doc is None:
        yield BadInputError(label, "no article text found in the HTML")
        return
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (meta.get("text") or "").strip()
    if len(text.split()) < MIN_HTML_WORDS:
        yield BadInputError(label, "no article text found in the HTML")
        return
    yield Draft(
        label=label, text=text, title=meta.get("title"), source=meta.get("sitename") or meta.get("hostname"),
        url=meta.get("url") or url, published=meta.get("date"),
    )


# Other names records commonly use for the contract's fields (first match wins).
RECORD_ALIASES = {
    "text": ("body", "content", "article", "sentence"),
    "published": ("date", "dct", "pubdate", "published_at", "publication_date", "datetime"),
    "title": ("headline",),
    "source": ("publisher", "outlet", "site"),
    "url": ("link",),
    "language": ("lang",),
}


def _with_aliases(rec: dict[str, Any]) -> dict[str, Any]:
    out = dict(rec)
    for key, aliases in RECORD_ALIASES.items():
        if out.get(key) in (None, ""):
            for alias in aliases:
                if out.get(alias) not in (None, ""):
                    out[key] = out[alias]
                    break
    return out


def _record_draft(label: str, rec: Any) -> Item:
    if not isinstance(rec, dict):
        return BadInputError(label, "record is not a JSON object")
    rec = _with_aliases(rec)
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return BadInputError(label, "record has no 'text'")
    values: dict[str, str | None] = {}
    for key in ("id", "title", "source", "url", "published", "language"):
        v = rec.get(key)
        values[key] = None if v is None or v == "" else str(v)
    return Draft(label=label, text=text, **values)


def read_jsonl(label: str, text: str) -> Iterator[Item]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{label}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadInputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _record_draft(where, rec)


def read_json(label: str, text: str) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # Maybe JSON Lines under a .json name.
        if text.lstrip().startswith("{") and "\n" in text.strip():
            yield from read_jsonl(label, text)
            return
        yield BadInputError(label, f"malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    records = data.get("articles") if isinstance(data, dict) and "articles" in data else data
    if isinstance(records, dict):
        records = [records]
    if not isinstance(records, list):
        yield BadInputError(label, "JSON must be an object, a list of objects or {\"articles\": [...]}")
        return
    for n, rec in enumerate(records, start=1):
        yield _record_draft(f"{label}[{n}]", rec)


def read_csv(label: str, text: str) -> Iterator[Item]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        yield BadInputError(label, f"malformed CSV ({exc})")
        return
    if not header or "text" not in [h.strip().lower() for h in header if h]:
        yield BadInputError(label, f"CSV has no 'text' column (columns: {', '.join(RECORD_FIELDS)})")
        return
    n = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield BadInputError(f"{label}:{reader.line_num}", f"malformed CSV ({exc})")
            break
        n += 1
        if None in row:
            yield BadInputError(f"{label}:{reader.line_num}", "malformed CSV row (more fields than the header)")
            continue
        rec = {(k or "").strip().lower(): v for k, v in row.items()}
        yield _record_draft(f"{label}:{reader.line_num}", rec)


def read_feed(label: str, data: bytes) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield BadInputError(label, f"malformed feed ({parsed.get('bozo_exception', 'unreadable')})")
        return
    feed_title = parsed.feed.get("title")
    if not parsed.entries:
        yield BadInputError(label, "feed has no entries")
        return
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{label}#{n}"
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value", "")
        body = body or entry.get("summary", "") or ""
        text = html_to_text(body)
        if not text.strip():
            yield BadInputError(where, "feed entry has no text")
            continue
        published = None
        for key in ("published_parsed", "updated_parsed"):
            st = entry.get(key)
            if st:
                published = f"{st.tm_year:04d}-{st.tm_mon:02d}-{st.tm_mday:02d}"
                break
        yield Draft(
            label=where, text=text, id=entry.get("id") or None, title=entry.get("title"),
            source=feed_title, url=entry.get("link"), published=published,
        )


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries), paragraphs kept apart."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except Exception:
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for block in root.xpath("//p|//br|//li|//h1|//h2|//h3|//div"):
        block.tail = "\n\n" + (block.tail or "")
    text = root.text_content()
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()


def sniff(data: bytes) -> str:
    """Guess a format from content: html, feed, jsonl, json or text."""
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed") or b"<rdf:rdf" in head:
        if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
            return "feed"
        return "html"
    if head.startswith(b"<!doctype html") or head.startswith(b"<html") or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    return "text"


FORMAT_BY_SUFFIX = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "csv",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
