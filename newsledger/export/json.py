"""``--format json`` (one object) and ``--format jsonl`` (one record per line, ``record`` names its list).

DOCS: docs/export.md
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from newsledger import SCHEMA_VERSION
from newsledger.export.records import ledger_object, ledger_records
from newsledger.model import Ledger


@contextmanager
def open_output(output: Path | None) -> Iterator[IO[str]]:
    if output is None or str(output) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(output, "w", encoding="utf-8") as fh:
        yield fh


def write_json(ledger: Ledger, output: Path | None) -> None:
    with open_output(output) as fh:
        json.dump(ledger_object(ledger), fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def write_jsonl(ledger: Ledger, output: Path | None) -> None:
    with open_output(output) as fh:
        fh.write(json.dumps({"record": "schema", "schema": SCHEMA_VERSION}) + "\n")
        for name, records in ledger_records(ledger).items():
            for rec in records:
                fh.write(json.dumps({"record": name, **rec}, ensure_ascii=False) + "\n")
