"""One loader for every rule and lexicon file (``nlp/<stage>/data/<name>.<lang>.yaml``).

Each file is a YAML mapping that opens with ``version``, ``source`` and ``licence``
keys; the loader checks them and the keys a caller requires, and names the file and
key on error. Files are cached per process: rules are read once.

DOCS: docs/data-files.md
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from newsledger.errors import DataFileError

PACKAGE_ROOT = Path(__file__).resolve().parent
HEADER_KEYS = ("version", "source", "licence")
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 4x faster, same safe subset


class _RulesLoader(_BASE_LOADER):  # type: ignore[misc,valid-type]
    """YAML 1.2 booleans: only true/false. Word lists hold words such as "on", "no", "yes", "off"
    (a preposition, Norwegian), which YAML 1.1 would silently turn into booleans."""


_BOOL = "tag:yaml.org,2002:bool"
_RulesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()
}
_RulesLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_LOADER = _RulesLoader


def data_path(stage: str, name: str) -> Path:
    """``data_path("quotes", "cues.en.yaml")`` -> the file beside that stage's code."""
    return PACKAGE_ROOT / "nlp" / stage / "data" / name if stage != "corpus" else PACKAGE_ROOT / "corpus" / "data" / name


@cache
def _load_cached(path: str, _mtime_ns: int, _size: int) -> dict[str, Any]:
    return _parse(path)


def _load(path: str) -> dict[str, Any]:
    p = Path(path)
    if not p.is_file():
        raise DataFileError(path, "not found")
    st = p.stat()
    return _load_cached(path, st.st_mtime_ns, st.st_size)


def _parse(path: str) -> dict[str, Any]:
    p = Path(path)
    try:
        content = yaml.load(p.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise DataFileError(path, f"not valid YAML ({exc.__class__.__name__}: {exc})") from None
    if not isinstance(content, dict):
        raise DataFileError(path, "must be a mapping with version/source/licence keys")
    for key in HEADER_KEYS:
        if key not in content:
            raise DataFileError(path, f"missing header key '{key}'")
    return content


def load_data(path: Path | str, required: tuple[str, ...] = ()) -> dict[str, Any]:
    """Load and validate a data file; ``required`` keys must be present and non-empty."""
    content = _load(str(path))
    for key in required:
        if key not in content or content[key] in (None, [], {}, ""):
            raise DataFileError(str(path), f"key '{key}' is missing or empty")
    return content


def all_data_files() -> list[Path]:
    """Every data file shipped in the package (a test loads each one)."""
    return sorted(
        p for p in PACKAGE_ROOT.rglob("data/*") if p.suffix in (".yaml", ".yml") and p.is_file()
    )
