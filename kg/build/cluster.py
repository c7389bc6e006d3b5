"""Both passes of a build on a Dask cluster (`kg build --cluster tcp://HOST:8786`).

- read: batches of articles are parsed and read as tasks on the cluster's workers, each loading the
  spaCy model once (the pipeline is cached per process); the records go to the extraction cache,
  which must be a folder every worker reaches at the same path (a shared file system), and only the
  names come back, in input order.
- write: after resolution, which runs in a child of the build's process (kg/build/resolving.py),
  the writer (the resolution with it) is sent to every worker once, and each task writes a batch's
  N-Triples as a partition file into the build's folder (shared too); only the file names and
  counts come back, and that child joins the partitions, in input order, into the files the store
  loads.

Each task's articles and its place in the order are those of a local build, so the graph is the
same as a local build's, byte for byte."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

from kg.cache import source_version
from kg.errors import KgError, described, one_line

# How long the scheduler has to answer before the build gives up on it.
SCHEDULER_SECONDS = 10
# Tasks in flight per worker thread: enough that none idles while its next batch travels, few
# enough that the results waiting to be taken in order stay small.
TASKS_AHEAD_PER_THREAD = 2


class ClusterError(KgError):
    """The cluster cannot be reached, or a task failed on it."""


def run_on_cluster(address: str, model: str, function: Callable, shared: object,
                   batches: Callable[[int], list]) -> Iterator:
    """function(shared, batch) of each of `batches(threads)` (the batches for that many worker
    threads) as a task on the cluster at `address`, `shared` sent to every worker once; the results
    in input order, with a few tasks per worker thread in flight. The workers must run this kg
    with this `model`."""
    with connected(address) as (client, threads):
        _check_same_code(client, address, model)
        [on_workers] = client.scatter([shared], broadcast=True, hash=False)
        tasks = [(on_workers, batch) for batch in batches(threads)]
        yield from in_order(client, function, tasks, ahead=threads * TASKS_AHEAD_PER_THREAD)


def _check_same_code(client, address: str, model: str) -> None:
    """One line unless every worker runs the code, ontology and model this process runs: a worker
    of another version would write other records into the cache, where every later build finds them."""
    here = source_version(model)
    try:
        theirs = client.run(source_version, model)
    except Exception as error:  # a worker without kg, or without the model
        raise ClusterError(f"--cluster {address}: a worker cannot run kg ({described(error, 200)}); "
                           f"install the same kg and model there") from error
    others = sorted(worker for worker, version in theirs.items() if version != here)
    if others:
        raise ClusterError(f"--cluster {address}: {len(others)} worker(s) run another kg, ontology or model than "
                           f"this one ({', '.join(others[:3])}); install the same there")


@contextlib.contextmanager
def connected(address: str) -> Iterator[tuple[object, int]]:
    """A Dask client of the scheduler at `address`, and how many worker threads it has."""
    try:
        from distributed import Client  # only a cluster build needs Dask
    except ImportError:
        raise ClusterError("--cluster needs Dask: pip install 'kg[cluster]'") from None
    _check_scheduler(address)
    try:
        client = Client(address, timeout=f"{SCHEDULER_SECONDS}s", set_as_default=False)
    except OSError as error:  # the scheduler went away since it answered
        raise ClusterError(f"--cluster {address}: cannot reach the scheduler ({error})") from error
    with client:
        threads = sum(client.nthreads().values())
        if not threads:
            raise ClusterError(f"--cluster {address}: the scheduler has no workers")
        yield client, threads


def _check_scheduler(address: str) -> None:
    """One line unless a Dask scheduler answers at `address`, asked before any Client is made: a
    Client made for a wrong address prints a traceback when it is collected, after 20 s more, and
    one made for a port that serves something else may wait forever or read a length of exabytes."""
    from distributed import Security
    from distributed.comm import connect

    async def identity() -> object:
        # the connection options Dask's configuration gives a client (TLS certificates, for tls://)
        options = Security().get_connection_args("client")
        # Dask's own timeout first (its message says why); ours for a port that takes the
        # connection and never shakes hands
        comm = await asyncio.wait_for(connect(address, timeout=SCHEDULER_SECONDS, **options), SCHEDULER_SECONDS + 5)
        try:
            await comm.write({"op": "identity"})
            return await asyncio.wait_for(comm.read(), SCHEDULER_SECONDS)
        finally:
            comm.abort()

    try:
        # in a thread of its own: the caller may run an event loop already (a notebook's)
        with ThreadPoolExecutor(1) as thread:
            answer = thread.submit(asyncio.run, identity()).result()
    except Exception as error:  # ValueError: not an address ('missing port number'); OSError; a timeout
        problem = one_line(error, 200) or f"no answer in {SCHEDULER_SECONDS} s"
        raise ClusterError(f"--cluster {address}: cannot reach the scheduler ({problem})") from error
    if not (isinstance(answer, dict) and answer.get("type") == "Scheduler"):
        raise ClusterError(f"--cluster {address}: what answers there is not a Dask scheduler")


def in_order(client, function: Callable, tasks: list, ahead: int) -> Iterator:
    """function(*task) of each task on the cluster, at most `ahead` at a time, results in order."""
    pending = []
    for task in tasks:
        pending.append(client.submit(function, *task, pure=False))
        if len(pending) >= ahead:
            yield _result(pending.pop(0))
    for future in pending:
        yield _result(future)


def _result(future) -> object:
    try:
        return future.result()
    except KgError:
        raise
    except Exception as error:  # a worker that died (KilledWorker) or a failure in the task
        raise ClusterError(f"a task on the cluster failed ({type(error).__name__}: {error})") from error
