"""A build whose read and write passes run on a real Dask cluster (a LocalCluster of two worker
processes on loopback) gives the graph a local build gives, byte for byte."""

from __future__ import annotations

import asyncio
import http.server
import os
import shutil
import subprocess
import sys
import threading

import fsspec
import pytest
from typer.testing import CliRunner

from kg.build import BuildSettings, build
from kg.cli import app
from tests.conftest import CORPUS, ROOT, copy_corpus, run_kg, write

distributed = pytest.importorskip("distributed", reason="pip install -e '.[test]' installs Dask")


@pytest.fixture(scope="module")
def cluster():
    # the dashboard on a free loopback port too: None would still take 8787, which a second cluster finds taken
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0") as local:
        yield local.scheduler_address


def test_a_cluster_build_gives_the_local_build_s_graph(cluster, tmp_path, monkeypatch):
    articles = copy_corpus(tmp_path)
    for i in range(70):  # batches for both workers, and more than one each
        write(articles, f"notice-{i}.txt", f"Notice {i}\n\nMaria Okafor said on Monday that the council "
                                           f"of Town {i} approved the budget.\n")
    build([articles], BuildSettings(out_dir=tmp_path / "local", workers=1))
    monkeypatch.chdir(tmp_path)  # a relative --out, which the workers (started elsewhere) must find too
    result = CliRunner().invoke(app, ["build", str(articles), "--out", "cluster", "--cluster", cluster])
    assert result.exit_code == 0, result.output
    assert "Built 75 articles:" in result.output
    assert (tmp_path / "cluster" / "kg.ttl").read_bytes() == (tmp_path / "local" / "kg.ttl").read_bytes()
    with distributed.Client(cluster) as client:  # the articles were read and written there, not here
        ran = client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.task_prefixes))
    assert {"read_batch", "write_partition"} <= set(ran)  # Dask drops the leading _
    [build_folder] = (tmp_path / "cluster" / "builds").iterdir()
    assert sorted(p.name for p in build_folder.iterdir()) == ["build.json", "kg.html", "kg.ttl", "store"]


def test_200_bbc_articles_build_on_a_cluster_as_on_local_processes(cluster, tmp_path):
    bbc = ROOT.parent / "shared" / "data" / "bbc"
    if not bbc.is_dir():
        pytest.skip(f"the BBC set is not at {bbc} (see ../shared/data/README.md)")
    # 40 of each of the five sections: sport's squad lists and tables among them
    files = [path for section in sorted(p for p in bbc.iterdir() if p.is_dir())
             for path in sorted(section.glob("*.txt"))[:40]]
    assert len(files) == 200
    local = build(files, BuildSettings(out_dir=tmp_path / "local", workers=2))
    on_cluster = build(files, BuildSettings(out_dir=tmp_path / "cluster", cluster=cluster))
    assert (on_cluster.articles, on_cluster.entities, on_cluster.triples) == (local.articles, local.entities, local.triples)
    assert (tmp_path / "cluster" / "kg.ttl").read_bytes() == (tmp_path / "local" / "kg.ttl").read_bytes()


def test_workers_keep_the_cache_in_an_s3_bucket(s3_bucket, corpus_build, tmp_path):
    """Workers whose environment names the S3 server (as FSSPEC_S3_ENDPOINT_URL and AWS keys) write
    and read the entries there; OUT is still shared, for the write pass's partitions."""
    url = f"s3://{s3_bucket}/kg-cache"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0") as started_with_the_environment:
        report = build([CORPUS], BuildSettings(out_dir=tmp_path / "out", cluster=started_with_the_environment.scheduler_address,
                                               cache=url))
    assert report.reused == 0
    own_cache_build, _ = corpus_build
    assert (tmp_path / "out" / "kg.ttl").read_bytes() == (own_cache_build / "kg.ttl").read_bytes()
    assert len(fsspec.filesystem("s3").glob(f"{url}/*.pickle")) == report.articles


def test_workers_that_run_another_kg_are_refused_before_they_write_the_cache(tmp_path):
    """A worker whose kg differs by one comment would write its records under this kg's cache keys,
    where every later build finds them: the build stops in one line before any task runs."""
    other = tmp_path / "other-release"
    shutil.copytree(ROOT / "kg", other / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "ontology", other / "kg" / "ontology")  # where an installed kg has it
    with (other / "kg" / "resolve" / "spelling.py").open("a") as module:
        module.write("\n# a later release\n")
    with distributed.LocalCluster(n_workers=0, host="127.0.0.1", dashboard_address="127.0.0.1:0") as scheduler:
        worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", scheduler.scheduler_address,
                                   "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard",
                                   "--dashboard-address", "127.0.0.1:0"],
                                  cwd=other, env={**os.environ, "PYTHONPATH": str(other)}, stderr=subprocess.DEVNULL)
        try:
            with distributed.Client(scheduler.scheduler_address) as client:
                client.wait_for_workers(1, timeout=60)
            result = CliRunner().invoke(app, ["build", str(CORPUS), "--out", str(tmp_path / "out"),
                                              "--cluster", scheduler.scheduler_address])
        finally:
            worker.terminate()
            worker.wait(timeout=60)
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert line.startswith(f"error: --cluster {scheduler.scheduler_address}: 1 worker(s) run another kg, "
                           "ontology or model than this one (tcp://127.0.0.1:")
    assert not list((tmp_path / "out" / "cache").glob("*.pickle"))


def test_a_build_on_a_cluster_runs_from_a_notebook_s_event_loop(cluster, corpus_build, tmp_path):
    """Jupyter runs an event loop in the thread that calls kg.build."""
    async def in_a_notebook_cell():
        return build([CORPUS], BuildSettings(out_dir=tmp_path / "out", cluster=cluster))

    assert asyncio.run(in_a_notebook_cell()).articles == 5
    assert (tmp_path / "out" / "kg.ttl").read_bytes() == (corpus_build[0] / "kg.ttl").read_bytes()


@pytest.mark.parametrize(("address", "problem"), [
    ("tcp://127.0.0.1:9", "cannot reach the scheduler (Timed out trying to connect"),
    ("no-port-here", "cannot reach the scheduler (missing port number"),
    ("http://127.0.0.1:8787", "cannot reach the scheduler (unknown address scheme 'http'"),
])
def test_a_scheduler_that_cannot_be_reached_is_one_line(tmp_path, address, problem):
    assert _cluster_build_error(tmp_path, address).startswith(f"error: --cluster {address}: {problem}")


def test_a_port_that_serves_something_else_is_one_line_not_a_hang(tmp_path):
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler) as web:
        threading.Thread(target=web.serve_forever, daemon=True).start()
        address = f"tcp://127.0.0.1:{web.server_address[1]}"
        assert _cluster_build_error(tmp_path, address).startswith(f"error: --cluster {address}: cannot reach the scheduler")
        web.shutdown()


def _cluster_build_error(tmp_path, address: str) -> str:
    """The error line of a build on the cluster at `address` (named by the environment, as --cluster
    would), run in a process of its own: nothing else may reach stderr, even as the process exits."""
    done = run_kg("build", str(CORPUS), "--out", str(tmp_path / "out"), "--quiet", env={"KG_CLUSTER": address},
                  timeout=120)
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    return line
