"""``--format parquet``: one Parquet file per list into the ``-o`` folder.

Nested fields keep their types (lists, structs); ``codes``/``counts`` maps and the
events' ``source_codes``/``target_codes`` lists of them are stored as JSON strings,
since their keys vary per row.

DOCS: docs/export.md
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsledger.export.csv import require_folder
from newsledger.export.records import ledger_records
from newsledger.model import Ledger

_JSON_FIELDS = {"codes", "counts", "source_codes", "target_codes"}


def _prepare(rec: dict[str, Any]) -> dict[str, Any]:
    return {k: (json.dumps(v, ensure_ascii=False) if k in _JSON_FIELDS else v) for k, v in rec.items()}


def write(ledger: Ledger, output: Path | None) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = require_folder(output, "parquet")
    for name, records in ledger_records(ledger).items():
        rows = [_prepare(r) for r in records]
        table = pa.Table.from_pylist(rows) if rows else pa.table({"id": pa.array([], pa.string())})
        pq.write_table(table, folder / f"{name}.parquet")
