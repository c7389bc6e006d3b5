"""The read pass on a Dask cluster (`kg build --cluster tcp://HOST:8786`): batches of articles are
parsed and read as tasks on the cluster's workers, each loading the spaCy model once (the pipeline
is cached per process); the records go to the extraction cache, which must be a folder every worker
reaches at the same path (a shared file system), and only the names come back, in input order.

Resolution and the write pass run here, as on one machine, so the graph is the same as a local
build's."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kg.build import BuildSettings, worker_batches
from kg.cache import ExtractionCache
from kg.errors import KgError
from kg.model import Article, Problem
from kg.resolve import ArticleNames

# Tasks in flight per worker thread: enough that none idles while its next batch travels, few
# enough that the names waiting to be taken in order stay small.
TASKS_AHEAD_PER_THREAD = 2


class ClusterError(KgError):
    """The cluster cannot be reached, or a task failed on it."""


def read_on_cluster(articles: list[Article], cache: ExtractionCache, settings: BuildSettings,
                    read_batch: Callable[[tuple], list[ArticleNames | Problem]]) -> Iterator[ArticleNames | Problem]:
    """`read_batch` of each batch of articles as a task on the cluster at `settings.cluster`; the
    results in input order."""
    try:
        from distributed import Client  # only a cluster build needs Dask
    except ImportError:
        raise ClusterError("--cluster needs Dask: pip install 'kg[cluster]'") from None
    try:
        client = Client(settings.cluster, timeout="10s", set_as_default=False)
    except (OSError, ValueError) as error:  # ValueError: not an address ('missing port number')
        raise ClusterError(f"--cluster {settings.cluster}: cannot reach the scheduler ({error})") from error
    with client:
        threads = sum(client.nthreads().values())
        if not threads:
            raise ClusterError(f"--cluster {settings.cluster}: the scheduler has no workers")
        tasks = [(batch, cache, settings.model) for batch in worker_batches(articles, threads)]
        yield from _in_order(client, read_batch, tasks, ahead=threads * TASKS_AHEAD_PER_THREAD)


def _in_order(client, function: Callable, tasks: list, ahead: int) -> Iterator:
    """function(task) of each task on the cluster, at most `ahead` at a time, results in order."""
    pending = []
    for task in tasks:
        pending.append(client.submit(function, task, pure=False))
        if len(pending) >= ahead:
            yield from _result(pending.pop(0))
    for future in pending:
        yield from _result(future)


def _result(future) -> list:
    try:
        return future.result()
    except KgError:
        raise
    except Exception as error:  # a worker that died (KilledWorker) or a failure in the task
        raise ClusterError(f"a task on the cluster failed ({type(error).__name__}: {error})") from error
