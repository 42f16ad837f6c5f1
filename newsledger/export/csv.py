"""``--format csv``: one CSV file per list into the ``-o`` folder; nested fields as JSON.

DOCS: docs/export.md
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from newsledger.errors import ConfigError
from newsledger.export.records import ledger_records
from newsledger.model import Ledger


def require_folder(output: Path | None, fmt: str) -> Path:
    if output is None or str(output) == "-":
        raise ConfigError(f"--format {fmt} writes one file per list: give a folder with -o")
    if output.exists() and not output.is_dir():
        raise ConfigError(f"--format {fmt}: {output} exists and is not a folder")
    output.mkdir(parents=True, exist_ok=True)
    return output


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def write(ledger: Ledger, output: Path | None) -> None:
    folder = require_folder(output, "csv")
    for name, records in ledger_records(ledger).items():
        columns: list[str] = []
        for rec in records:
            for key in rec:
                if key not in columns:
                    columns.append(key)
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns or ["id"])
            writer.writeheader()
            for rec in records:
                writer.writerow({k: _cell(v) for k, v in rec.items()})
