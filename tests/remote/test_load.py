"""`kg load` into real Oxigraph servers (the fixture `oxigraph_server`), through a small HTTP server
in front of one where a test needs failures or credentials checked."""

from __future__ import annotations

import base64
import json
import signal
import socket
from pathlib import Path

import pytest

from kg.build import BuildSettings, build
from kg.build.folder import current_build
from kg.remote.endpoints import endpoints
from kg.remote.http import ServerError
from kg.remote.load import load_build
from kg.remote.manifest import manifest_path, read_manifest
from tests.conftest import CORPUS
from tests.remote.helpers import (
    FrontServer,
    copy_build,
    expected_graphs,
    kg,
    paused_load,
    server_graphs,
)


@pytest.fixture
def out(corpus_build, tmp_path) -> Path:
    """A build of corpus/ of the test's own, to load and build into."""
    return copy_build(corpus_build[0], tmp_path / "out")


def rebuild_smaller(out: Path) -> Path:
    """A new build into `out` of two of the corpus's articles (read before, so not parsed again)."""
    build(sorted(CORPUS.glob("*.txt"))[-2:], BuildSettings(out_dir=out))
    return out


def test_a_load_gives_the_server_exactly_the_builds_graphs(out, oxigraph_server):
    url = oxigraph_server()
    report = load_build(out, endpoints(f"{url}/store"), chunk_size=1000)

    expected = expected_graphs(out)
    assert server_graphs(url) == expected  # and no staging graph is left
    assert report.triples == sum(map(len, expected.values()))
    assert report.chunks_sent == sum(-(-len(triples) // 1000) for triples in expected.values())


def test_a_load_killed_midway_leaves_the_old_version_and_the_rerun_goes_on(out, oxigraph_server, tmp_path):
    url = oxigraph_server()
    load_build(out, endpoints(f"{url}/store"))
    old = expected_graphs(out)
    rebuild_smaller(out)
    new = expected_graphs(out)
    assert new != old

    process = paused_load(out, f"{url}/store", "load-chunk-3", tmp_path, "--chunk-size", "100")
    process.send_signal(signal.SIGKILL)
    process.wait()
    on_server = server_graphs(url)
    assert {iri: on_server[iri] for iri in old} == old  # the old version, whole, beside partial staging graphs
    assert len(on_server) == 3  # and the staging graph of the data, 3 chunks in
    manifest = read_manifest(manifest_path(out, f"{url}/store"))
    assert [len(chunks) for chunks in manifest.loaded.values()] == [3] and not manifest.switched

    done = kg("load", "--out", str(out), "--store-url", f"{url}/store", "--chunk-size", "100")
    assert done.returncode == 0, done.stderr
    assert ", 3 chunk(s) loaded before skipped" in done.stdout
    assert server_graphs(url) == new
    assert read_manifest(manifest_path(out, f"{url}/store")).switched


def test_a_load_of_another_build_drops_what_an_abandoned_load_left(out, oxigraph_server, tmp_path):
    url = oxigraph_server()
    process = paused_load(out, f"{url}/store", "load-chunk-2", tmp_path, "--chunk-size", "100")
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert len(server_graphs(url)) == 1  # the abandoned load's staging graph, and nothing queried yet
    rebuild_smaller(out)

    load_build(out, endpoints(f"{url}/store"))
    assert server_graphs(url) == expected_graphs(out)


def test_a_rerun_after_a_whole_load_sends_nothing(out, oxigraph_server):
    url = oxigraph_server()
    load_build(out, endpoints(f"{url}/store"))
    again = kg("load", "--out", str(out), "--store-url", f"{url}/store")
    assert again.returncode == 0 and again.stdout.startswith(f"Already loaded: build {current_build(out).name} ")


def test_server_failures_are_retried_with_backoff(out, oxigraph_server, monkeypatch):
    url = oxigraph_server()
    failures = []

    def fail_three_times(handler, body):
        if handler.path.startswith("/store") and len(failures) < 3:
            failures.append(handler.path)
            return 503, b"busy"
        return None

    retries, _ = load_through(FrontServer(url, fail_three_times), out, monkeypatch)
    assert retries == ["503 Service Unavailable"] * 3
    assert server_graphs(url) == expected_graphs(out)


def test_a_refusal_is_not_retried_and_is_one_line(out, oxigraph_server):
    url = oxigraph_server()
    front = FrontServer(url, lambda handler, body: (400, b"no such graph store\nsecond line") if handler.path.startswith("/store") else None)
    try:
        result = kg("load", "--out", str(out), "--store-url", f"{front.url}/store")
    finally:
        front.close()
    assert result.returncode == 1
    assert result.stderr.strip() == (f"error: {front.url}/store?graph=https%3A%2F%2Fkg.example.org%2Fgraph%2Fdata%2Fload"
                                     f"%2F{current_build(out).name}: 400 Bad Request: no such graph store")
    assert [method for method, path in front.requests] == ["POST"]


@pytest.mark.parametrize("how", ["environment", "netrc"])
def test_credentials_reach_the_server_and_never_the_output(out, oxigraph_server, tmp_path, how):
    url = oxigraph_server()
    secret = "s3cret-pass"
    wanted = "Basic " + base64.b64encode(f"loader:{secret}".encode()).decode()
    front = FrontServer(url, lambda handler, body: None if handler.headers["Authorization"] == wanted
                        else (401, b"who are you?"))
    home = tmp_path / "home"
    home.mkdir()
    if how == "netrc":
        (home / ".netrc").write_text(f"machine 127.0.0.1 login loader password {secret}\n")
        (home / ".netrc").chmod(0o600)
        env = {"HOME": str(home)}
    else:
        env = {"HOME": str(home), "KG_STORE_USER": "loader", "KG_STORE_PASSWORD": secret}
    try:
        loaded = kg("load", "--out", str(out), "--store-url", f"{front.url}/store", env=env)
        refused = kg("load", "--fresh", "--out", str(out), "--store-url", f"{front.url}/store",
                     env={**env, "KG_STORE_PASSWORD": "wrong", "KG_STORE_USER": "loader"})
    finally:
        front.close()
    assert loaded.returncode == 0, loaded.stderr
    assert server_graphs(url) == expected_graphs(out)
    assert refused.returncode == 1 and "401 Unauthorized: who are you?" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    for result in (loaded, refused):
        assert secret not in result.stdout + result.stderr and "wrong" not in result.stdout + result.stderr


def test_credentials_in_the_url_are_refused_without_being_shown(out):
    result = kg("load", "--out", str(out), "--store-url", "http://loader:s3cret@127.0.0.1:9/store")
    assert result.returncode == 2
    assert result.stderr.startswith("error: --store-url http://127.0.0.1:9/store: credentials do not go in the URL")
    assert "s3cret" not in result.stdout + result.stderr


def test_an_unreachable_server_is_one_line_after_the_retries(out, monkeypatch):
    monkeypatch.setenv("KG_STORE_BACKOFF", "0.01")
    with pytest.raises(ServerError, match=r"^http://127\.0\.0\.1:9/update: .*, still after 6 retries$"):
        manifest = manifest_path(out, "http://127.0.0.1:9/store")
        manifest.parent.mkdir()
        manifest.write_text(json.dumps({"build": "older", "store_url": "http://127.0.0.1:9/store", "chunk_size": 1,
                                        "staging": {"g": "g/load/older"}}))
        load_build(out, endpoints("http://127.0.0.1:9/store"))


def test_build_with_a_store_url_builds_then_loads(out, oxigraph_server):
    url = oxigraph_server()
    articles = sorted(CORPUS.glob("*.txt"))[:2]
    result = kg("build", *map(str, articles), "--out", str(out), "--store-url", f"{url}/store")
    assert result.returncode == 0, result.stderr
    assert f"Loaded build {current_build(out).name} into {url}/store: " in result.stdout
    assert server_graphs(url) == expected_graphs(out)


def test_build_with_a_store_url_that_does_not_answer_is_one_line_before_the_build(tmp_path):
    result = kg("build", str(CORPUS), "--out", str(tmp_path / "out"), "--store-url", "http://127.0.0.1:9/store")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        ("error: --store-url http://127.0.0.1:9/store: the server does not answer "
         "(http://127.0.0.1:9/query: [Errno 111] Connection refused); nothing was built")]
    assert not (tmp_path / "out").exists()  # nothing was built


def test_build_with_a_store_url_that_never_answers_is_one_line_after_the_check_s_wait(tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as silent:  # takes connections, never answers
        port = silent.getsockname()[1]
        result = kg("build", str(CORPUS), "--out", str(tmp_path / "out"), "--store-url", f"http://127.0.0.1:{port}/store")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        (f"error: --store-url http://127.0.0.1:{port}/store: the server does not answer "
         f"(http://127.0.0.1:{port}/query: timed out); nothing was built")]


def test_a_load_killed_after_the_switch_was_made_is_recorded_by_the_rerun(out, oxigraph_server, tmp_path):
    url = oxigraph_server()
    load_build(out, endpoints(f"{url}/store"))
    rebuild_smaller(out)
    new = expected_graphs(out)

    process = paused_load(out, f"{url}/store", "load-switched", tmp_path)  # the update made, not recorded
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert server_graphs(url) == new
    assert not read_manifest(manifest_path(out, f"{url}/store")).switched

    done = kg("load", "--out", str(out), "--store-url", f"{url}/store")
    assert done.returncode == 0, done.stderr
    assert (f"Loaded build {current_build(out).name} into {url}/store: the switch an earlier run sent before it "
            f"stopped was made, and is now recorded; nothing sent") in done.stdout
    assert server_graphs(url) == new and read_manifest(manifest_path(out, f"{url}/store")).switched
    assert kg("load", "--out", str(out), "--store-url", f"{url}/store").stdout.startswith("Already loaded: ")


def test_a_switch_whose_answer_was_lost_is_not_taken_for_a_failure(out, oxigraph_server, monkeypatch):
    url = oxigraph_server()
    made = []

    def lose_the_switchs_answer(handler, body):
        if handler.path.startswith("/update") and b"MOVE GRAPH" in body and not made:
            made.append(front.pass_on(handler, body)[0])  # the server makes the switch; its answer is lost
            return 502, b"proxy timeout"
        return None

    front = FrontServer(url, lose_the_switchs_answer)
    retries, front_url = load_through(front, out, monkeypatch)
    assert made == [204] and retries[0] == "502 Bad Gateway"  # the retries find the staging graphs moved
    assert server_graphs(url) == expected_graphs(out)
    assert read_manifest(manifest_path(out, f"{front_url}/store")).switched


def test_each_host_gets_its_own_credentials(out, oxigraph_server, tmp_path):
    url = oxigraph_server()
    seen: dict[str, set] = {"store": set(), "query": set()}

    def noting(kind):
        def answer(handler, body):
            seen[kind].add(handler.headers["Authorization"])
        return answer

    store, query = FrontServer(url, noting("store")), FrontServer(url, noting("query"))
    home = tmp_path / "home"
    home.mkdir()
    (home / ".netrc").write_text("machine 127.0.0.1 login loader password store-secret\n"
                                 "machine localhost login reader password query-secret\n")
    (home / ".netrc").chmod(0o600)
    query_url = query.url.replace("127.0.0.1", "localhost") + "/query"  # the same loopback, by another name
    try:
        loaded = kg("load", "--out", str(out), "--store-url", f"{store.url}/store", "--query-url", query_url,
                    env={"HOME": str(home)})
    finally:
        store.close()
        query.close()
    assert loaded.returncode == 0, loaded.stderr
    assert seen == {"store": {"Basic " + base64.b64encode(b"loader:store-secret").decode()},
                    "query": {"Basic " + base64.b64encode(b"reader:query-secret").decode()}}
    assert server_graphs(url) == expected_graphs(out)


def test_a_refusal_that_echoes_the_credentials_does_not_show_them(out, oxigraph_server):
    url = oxigraph_server()
    front = FrontServer(url, lambda handler, body: (400, f"bad request with {handler.headers['Authorization']}"
                                                         .encode()))
    try:
        result = kg("load", "--out", str(out), "--store-url", f"{front.url}/store",
                    env={"KG_STORE_USER": "loader", "KG_STORE_PASSWORD": "s3cret-pass"})
    finally:
        front.close()
    assert result.returncode == 1 and result.stderr.rstrip().endswith(": 400 Bad Request: bad request with Basic ***")
    assert base64.b64encode(b"loader:s3cret-pass").decode() not in result.stderr


def test_no_build_is_said_before_anything_is_created(tmp_path):
    result = kg("load", "--out", str(tmp_path / "nosuch" / "deep"), "--store-url", "http://127.0.0.1:9/store")
    assert result.returncode == 1
    assert result.stderr.strip() == (f"error: {tmp_path}/nosuch/deep: no build to load; "
                                     f"run 'kg build --out {tmp_path}/nosuch/deep' first")
    assert not (tmp_path / "nosuch").exists()


def load_through(front: FrontServer, out: Path, monkeypatch) -> tuple[list[str], str]:
    """Load `out` through `front` with short waits between retries; the retries heard, and the
    front's URL (closed by then)."""
    monkeypatch.setenv("KG_STORE_BACKOFF", "0.01")
    retries: list[str] = []
    try:
        load_build(out, endpoints(f"{front.url}/store"), on_retry=retries.append)
    finally:
        front.close()
    return retries, front.url
