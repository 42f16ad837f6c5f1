"""Executors that run the per-article ``analyse`` function: in process, a local
process pool, or a Dask cluster. The core only sees ``executor.analyse(articles)``,
an iterator of ``(article, ArticleAnalysis | Exception)`` in input order.

Dask is an optional extra (``pip install newsledger[dask]``) imported only here.

DOCS: docs/batch.md
"""

from __future__ import annotations

from typing import Any

from newsledger.errors import ConfigError

EXECUTORS = ("local", "dask")


def make_executor(name: str, workers: int = 1, scheduler: str | None = None, resources: Any = None) -> Any:
    if name == "local":
        from newsledger.batch.local import LocalExecutor

        return LocalExecutor(workers=workers, resources=resources)
    if name == "dask":
        from newsledger.batch.dask import DaskExecutor

        return DaskExecutor(scheduler=scheduler, workers=workers)
    raise ConfigError(f"unknown executor '{name}' (choose from: {', '.join(EXECUTORS)})")
