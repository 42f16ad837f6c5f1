"""Bytes to text, refusing what is not text: binary, empty, huge, wrong encoding.

DOCS: docs/ingest.md
"""

from __future__ import annotations

import codecs

from newsledger.errors import BadInputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def check_size(label: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise BadInputError(
            label, f"too large ({size:,} bytes; the limit is {max_bytes:,}; raise it with --max-bytes)"
        )


def decode_bytes(label: str, data: bytes, encoding: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode ``data`` as text or raise ``BadInputError`` naming ``label``."""
    check_size(label, len(data), max_bytes)
    if not data.strip():
        raise BadInputError(label, "empty input")
    enc = encoding
    if enc is None:
        for bom, name in _BOMS:
            if data.startswith(bom):
                enc = name
                break
    if enc is None and b"\x00" in data[:8192]:
        raise BadInputError(label, "binary data, not text")
    try:
        text = data.decode(enc or "utf-8")
    except LookupError:
        raise BadInputError(label, f"unknown encoding '{enc}'") from None
    except UnicodeDecodeError as exc:
        raise BadInputError(
            label,
            f"not valid {exc.encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-encode the file as UTF-8 or pass --encoding",
        ) from None
    if _control_share(text) > 0.05:
        raise BadInputError(label, "binary data, not text")
    if not text.strip():
        raise BadInputError(label, "empty input")
    return text


def _control_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)
