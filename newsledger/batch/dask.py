"""Run ``analyse`` on a Dask cluster: the same per-article function, scaled out.

``--executor dask --scheduler tcp://HOST:8786`` connects to a running scheduler;
without ``--scheduler`` a LocalCluster with ``--workers`` processes is started.
Each worker loads the pipeline once and keeps it.

DOCS: docs/batch.md
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from newsledger.batch.local import CHUNK, Result, analyse_chunk
from newsledger.errors import ConfigError
from newsledger.model import Article

_RESOURCES: Any = None


def _dask_chunk(articles: list[Article]) -> list[Result]:
    global _RESOURCES
    if _RESOURCES is None:
        from newsledger.nlp.pipeline import Resources

        _RESOURCES = Resources.load()
    return analyse_chunk(articles, _RESOURCES)


class DaskExecutor:
    def __init__(self, scheduler: str | None = None, workers: int = 2) -> None:
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise ConfigError(
                "the Dask executor needs the 'dask' extra: pip install 'newsledger[dask]'"
            ) from None
        self.scheduler = scheduler
        self.workers = max(1, workers)

    def analyse(self, articles: Sequence[Article]) -> Iterator[Result]:
        if not articles:
            return
        from distributed import Client, LocalCluster

        cluster = None
        if self.scheduler:
            client = Client(self.scheduler)
        else:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        try:
            chunks = [list(articles[i:i + CHUNK]) for i in range(0, len(articles), CHUNK)]
            futures = client.map(_dask_chunk, chunks, pure=False)
            for fut in futures:
                yield from fut.result()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
