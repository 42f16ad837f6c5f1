"""Publication-date inference (placeholder, filled below)."""
from __future__ import annotations


def infer(text: str, lang: str = "en") -> tuple[str, str, float] | None:
    return None
