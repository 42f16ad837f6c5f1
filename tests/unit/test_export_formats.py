from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.errors import ConfigError
from newsledger.export import EXPORTERS, export
from newsledger.export.records import ledger_object
from newsledger.model import Ledger
from newsledger.store import Store
from tests.unit.test_store_ledger import make_analysis

SCHEMA_FIELDS = {
    "articles": {"id", "file", "source", "url", "title", "published", "language", "text"},
    "actors": {"id", "name", "kind", "country", "aliases", "codes"},
    "mentions": {"article_id", "actor_id", "start", "end", "text"},
    "time_expressions": {"article_id", "start", "end", "text", "type", "value"},
    "quotes": {"id", "article_id", "speaker_id", "speaker_text", "text", "start", "end", "kind"},
    "events": {"id", "article_id", "type", "mode", "cameo", "source_ids", "target_ids", "date", "location",
               "negated", "modality", "sentence", "start", "end"},
    "stories": {"id", "title", "article_ids"},
    "timeline": {"date", "story_id", "text", "event_ids", "article_ids"},
    "claims": {"id", "text", "article_ids", "conflicts_with"},
}


@pytest.fixture()
def ledger(tmp_path: Path) -> Ledger:
    with Store.open(str(tmp_path / "l.db")) as store:
        store.save_analysis(make_analysis())
        return store.load_ledger()


def test_json_has_every_schema_list_and_field(ledger: Ledger) -> None:
    obj = ledger_object(ledger)
    assert obj["schema"] == "newsledger/1"
    for name, fields in SCHEMA_FIELDS.items():
        assert name in obj
        for rec in obj[name]:
            assert fields <= set(rec), (name, fields - set(rec))
    assert obj["events"][0]["source_ids"] == ["person:albin-kurti"]


def test_json_and_jsonl_files(ledger: Ledger, tmp_path: Path) -> None:
    export(ledger, "json", tmp_path / "l.json")
    assert json.loads((tmp_path / "l.json").read_text())["articles"][0]["id"] == "a1"
    export(ledger, "jsonl", tmp_path / "l.jsonl")
    lines = [json.loads(x) for x in (tmp_path / "l.jsonl").read_text().splitlines()]
    assert {x["record"] for x in lines} >= {"schema", "articles", "actors", "events", "quotes"}


def test_csv_and_parquet_write_one_file_per_list(ledger: Ledger, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    export(ledger, "csv", tmp_path / "csv")
    export(ledger, "parquet", tmp_path / "pq")
    for name in SCHEMA_FIELDS:
        assert (tmp_path / "csv" / f"{name}.csv").is_file()
        assert (tmp_path / "pq" / f"{name}.parquet").is_file()
    assert pq.read_table(tmp_path / "pq" / "events.parquet").to_pylist()[0]["type"] == "CONSULT"


def test_csv_needs_a_folder(ledger: Ledger) -> None:
    with pytest.raises(ConfigError, match="folder"):
        export(ledger, "csv", None)


def test_plover_records_carry_actors_inline(ledger: Ledger, tmp_path: Path) -> None:
    export(ledger, "plover", tmp_path / "p.jsonl")
    (rec,) = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert rec["event_type"] == "CONSULT"
    assert rec["source_actor"][0]["name"] == "Albin Kurti" and rec["source_actor"][0]["cameo"] == "KSVGOV"
    assert rec["target_actor"][0]["sector"] == "GOV"
    assert rec["event_date"] == "2023-02-27"


def test_registry_lists_the_schema_formats() -> None:
    assert set(EXPORTERS) >= {"json", "jsonl", "csv", "parquet", "plover"}
