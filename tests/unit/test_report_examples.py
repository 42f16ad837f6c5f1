"""The bundled example corpus (examples/dialogue): manifest complete and consistent."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "dialogue"
COLUMNS = ["file", "published", "title", "source", "url", "language"]


def _manifest() -> list[dict[str, str]]:
    with (EXAMPLES / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def test_manifest_lists_every_file_once() -> None:
    rows = _manifest()
    listed = [r["file"] for r in rows]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(p.name for p in EXAMPLES.iterdir() if p.name != "manifest.csv")


def test_manifest_fields() -> None:
    rows = _manifest()
    for row in rows:
        date.fromisoformat(row["published"])
        assert row["title"] and row["source"]
        assert row["url"].startswith("https://example.org/")
        assert re.fullmatch(r"[a-z]{2}", row["language"])
    assert {r["language"] for r in rows} >= {"en", "fr"}
    assert {Path(r["file"]).suffix for r in rows} >= {".txt", ".md", ".html"}


def test_reports_are_short_news_reports() -> None:
    for row in _manifest():
        text = (EXAMPLES / row["file"]).read_text(encoding="utf-8")
        words = len(re.sub(r"<[^>]+>", " ", text.split("<article>")[-1].split("</article>")[0]).split())
        low = 100 if row["language"] != "en" else 150
        assert low <= words <= 350, (row["file"], words)
