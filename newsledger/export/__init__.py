"""Exporters, looked up in one registry: a new format is a module plus one line here.

Each exporter is ``write(ledger, output) -> None`` where ``output`` is a path, or
None for stdout (formats that write a folder require a path).

DOCS: docs/export.md
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from newsledger.errors import ConfigError
from newsledger.export import csv as csv_export
from newsledger.export import json as json_export
from newsledger.export import parquet as parquet_export
from newsledger.export import plover as plover_export
from newsledger.model import Ledger

Exporter = Callable[[Ledger, Path | None], None]

EXPORTERS: dict[str, Exporter] = {
    "json": json_export.write_json,
    "jsonl": json_export.write_jsonl,
    "csv": csv_export.write,
    "parquet": parquet_export.write,
    "plover": plover_export.write,
}


def export(ledger: Ledger, fmt: str, output: Path | None) -> None:
    try:
        writer = EXPORTERS[fmt]
    except KeyError:
        raise ConfigError(f"unknown export format '{fmt}' (choose from: {', '.join(EXPORTERS)})") from None
    writer(ledger, output)
