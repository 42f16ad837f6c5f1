"""Name keys of the actor knowledge base: diacritic folding, lookup keys and id slugs."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def slug(text: str) -> str:
    """ASCII, lower-case, hyphen-separated form of a name (used in actor ids)."""
    t = fold(text).lower()
    out = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    if not out and text.strip():  # a name in another script: keep it stable and readable
        out = re.sub(r"[\W_]+", "-", text.strip().lower()).strip("-")
    return out


def fold(text: str) -> str:
    """Strip diacritics (``Vučić`` -> ``Vucic``; ``Đ`` -> ``D``); other scripts are kept."""
    text = text.replace("Đ", "D").replace("đ", "d").replace("ß", "ss").replace("ø", "o").replace("Ø", "O")
    text = text.replace("ı", "i").replace("Ł", "L").replace("ł", "l")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """The lookup key of a name: folded, lower case, spaces collapsed, no leading "the"."""
    t = fold(text).lower().replace("’", "'").replace("–", "-").replace("—", "-")
    t = re.sub(r"\s*-\s*", "-", t)
    t = re.sub(r"\s+", " ", t).strip()
    if t.startswith("the "):
        t = t[4:]
    return t
