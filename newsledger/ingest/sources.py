"""Where inputs come from: files, folders (with their manifest.csv), globs, URLs, stdin.

``iter_drafts(inputs, options)`` yields one ``Draft`` per article found, or a
``BadInputError`` per input (or record) that cannot be read; it never raises for
bad input, so one bad file does not stop a batch.

DOCS: docs/ingest.md
"""

from __future__ import annotations

import csv
import glob
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from newsledger.errors import BadInputError
from newsledger.ingest import readers
from newsledger.ingest.decode import DEFAULT_MAX_BYTES, check_size, decode_bytes
from newsledger.ingest.readers import Draft, Item

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("file", "published", "title", "source", "url", "language")
SKIPPED_NAMES = ("readme", "license", "licence", "changelog")
_GLOB_CHARS = set("*?[")
RECORD_FORMATS = ("jsonl", "json", "csv", "feed")


@dataclass(frozen=True)
class SourceOptions:
    manifest: str | None = None
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 30.0


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def load_manifest(path: Path) -> tuple[dict[str, dict[str, str]], list[BadInputError]]:
    """``{file name: row}`` from a manifest CSV, plus an error per bad row."""
    errors: list[BadInputError] = []
    try:
        text = decode_bytes(str(path), path.read_bytes())
    except BadInputError as exc:
        return {}, [exc]
    except OSError as exc:
        return {}, [BadInputError(str(path), f"cannot read manifest ({exc.strerror})")]
    rows: dict[str, dict[str, str]] = {}
    reader = csv.DictReader(io.StringIO(text, newline=""))
    cols = [c.strip().lower() for c in (reader.fieldnames or [])]
    if "file" not in cols:
        return {}, [BadInputError(str(path), f"manifest needs a 'file' column (columns: {', '.join(MANIFEST_COLUMNS)})")]
    try:
        for row in reader:
            clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k}
            if clean.get("file"):
                rows[clean["file"]] = clean
    except csv.Error as exc:
        errors.append(BadInputError(f"{path}:{reader.line_num}", f"malformed manifest row ({exc})"))
    return rows, errors


def _drafts_from_bytes(label: str, data: bytes, fmt: str, options: SourceOptions,
                       url: str | None = None) -> Iterator[Item]:
    if fmt == "feed":
        check_size(label, len(data), options.max_bytes)
        if not data.strip():
            yield BadInputError(label, "empty input")
            return
        yield from readers.read_feed(label, data)
        return
    text = decode_bytes(label, data, options.encoding, options.max_bytes)
    if fmt == "html":
        yield from readers.read_html(label, text, url=url)
    elif fmt == "jsonl":
        yield from readers.read_jsonl(label, text)
    elif fmt == "json":
        yield from readers.read_json(label, text)
    elif fmt == "csv":
        yield from readers.read_csv(label, text)
    elif fmt == "markdown":
        yield from readers.read_text(label, text, markdown=True)
    else:
        yield from readers.read_text(label, text)


def _read_file(path: Path, options: SourceOptions, manifest_row: dict[str, str] | None) -> Iterator[Item]:
    label = str(path)
    try:
        size = path.stat().st_size
        check_size(label, size, options.max_bytes)
        data = path.read_bytes()
    except BadInputError as exc:
        yield exc
        return
    except OSError as exc:
        yield BadInputError(label, f"cannot read ({exc.strerror})")
        return
    fmt = readers.FORMAT_BY_SUFFIX.get(path.suffix.lower()) or readers.sniff(data)
    if fmt == "feed" and readers.sniff(data) == "html":
        fmt = "html"
    try:
        for item in _drafts_from_bytes(label, data, fmt, options):
            if isinstance(item, Draft):
                item = item.fill(file=path.name)
                if manifest_row:
                    given = {k: manifest_row.get(k) or None for k in MANIFEST_COLUMNS if k != "file"}
                    if fmt in RECORD_FORMATS:  # a record's own fields win over its file's manifest row
                        item = item.fill(**given)
                    else:  # the user's manifest wins over what a page says of itself
                        item = replace(item, **{k: v for k, v in given.items() if v})
            yield item
    except BadInputError as exc:
        yield exc


def _folder_files(folder: Path) -> list[Path]:
    files = []
    for p in sorted(folder.rglob("*")):
        if not p.is_file() or any(part.startswith(".") for part in p.relative_to(folder).parts):
            continue
        if p.name == MANIFEST_NAME or p.stem.lower() in SKIPPED_NAMES:
            continue
        files.append(p)
    return files


def _read_folder(folder: Path, options: SourceOptions, extra: dict[str, dict[str, str]]) -> Iterator[Item]:
    rows = dict(extra)
    mpath = folder / MANIFEST_NAME
    if mpath.is_file():
        found, errors = load_manifest(mpath)
        yield from errors
        rows = {**found, **rows}
    files = _folder_files(folder)
    if not files:
        yield BadInputError(str(folder), "folder has no articles")
        return
    for p in files:
        rel = p.relative_to(folder).as_posix()
        yield from _read_file(p, options, rows.get(rel) or rows.get(p.name))


def _read_url(url: str, options: SourceOptions) -> Iterator[Item]:
    import httpx

    try:
        resp = httpx.get(url, follow_redirects=True, timeout=options.timeout,
                         headers={"User-Agent": "newsledger/0.1 (+https://example.org/newsledger)"})
    except httpx.HTTPError as exc:
        yield BadInputError(url, f"cannot fetch ({exc.__class__.__name__}: {exc})")
        return
    if resp.status_code >= 400:
        yield BadInputError(url, f"HTTP {resp.status_code} {resp.reason_phrase}")
        return
    data = resp.content
    ctype = resp.headers.get("content-type", "").lower()
    if "rss" in ctype or "atom" in ctype:
        fmt = "feed"
    elif "html" in ctype:
        fmt = "html"
    elif "json" in ctype:
        fmt = readers.sniff(data)
    elif "xml" in ctype:
        fmt = "feed" if readers.sniff(data) == "feed" else "html"
    else:
        fmt = readers.sniff(data)
    try:
        for item in _drafts_from_bytes(url, data, fmt, options, url=str(resp.url)):
            yield item.fill(url=str(resp.url)) if isinstance(item, Draft) else item
    except BadInputError as exc:
        yield exc


def iter_drafts(inputs: list[str], options: SourceOptions) -> Iterator[Item]:
    extra: dict[str, dict[str, str]] = {}
    if options.manifest:
        rows, errors = load_manifest(Path(options.manifest))
        yield from errors
        extra = rows
    for value in inputs:
        if value == "-":
            data = sys.stdin.buffer.read()
            try:
                yield from _drafts_from_bytes("<stdin>", data, readers.sniff(data), options)
            except BadInputError as exc:
                yield exc
            continue
        if is_url(value):
            yield from _read_url(value, options)
            continue
        path = Path(value)
        if path.is_dir():
            yield from _read_folder(path, options, extra)
        elif path.is_file():
            yield from _read_file(path, options, extra.get(path.name) or extra.get(value))
        elif _GLOB_CHARS & set(value):
            matches = sorted(glob.glob(value, recursive=True))
            if not matches:
                yield BadInputError(value, "no file matches this pattern")
            for m in matches:
                mp = Path(m)
                if mp.is_file():
                    yield from _read_file(mp, options, extra.get(mp.name) or extra.get(m))
        else:
            yield BadInputError(value, "no such file or folder")
