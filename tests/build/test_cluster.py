"""The read pass on a real Dask cluster (a LocalCluster of two worker processes on loopback) gives the
graph a local build gives, byte for byte."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kg.build import BuildSettings, build
from kg.cli import app
from tests.conftest import CORPUS, copy_corpus, write

distributed = pytest.importorskip("distributed", reason="pip install -e '.[test]' installs Dask")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as local:
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
    with distributed.Client(cluster) as client:  # the articles were read there, not here
        assert "read_batch" in client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.task_prefixes))


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "no-port-here"])
def test_a_scheduler_that_cannot_be_reached_is_one_line(tmp_path, monkeypatch, address):
    monkeypatch.setenv("KG_CLUSTER", address)  # the environment names it, as --cluster would
    result = CliRunner().invoke(app, ["build", str(CORPUS), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert line.startswith(f"error: --cluster {address}: cannot reach the scheduler")
