"""kg serve, run as users run it: the page and SPARQL 1.1 Protocol queries on one port, nothing but
queries let through, and no Oxigraph server left behind however it is stopped."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

import pyoxigraph
import pytest

from kg.graph.store import store_path
from kg.read.query import PREFIX_DECLARATIONS, named_queries, run_query_with_timeout
from kg.read.serve import MAX_CLIENTS, reach_note
from tests.conftest import ROOT, alive, assert_gone, run_kg
from tests.read.test_endpoint import Responder

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads processes from /proc")

RESULTS_JSON = "application/sparql-results+json"


def _start(*arguments: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg", "serve", *arguments], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture
def served(corpus_build):
    """kg serve of the corpus build on a free port: its process, its URL and what it said first."""
    out, _ = corpus_build
    process = _start("--out", str(out), "--port", "0")
    guard = threading.Timer(60, process.kill)  # a server that never says where it is fails, not hangs
    guard.start()
    first = process.stdout.readline()
    guard.cancel()
    if " at http://" not in first:
        process.kill()
        pytest.fail(f"kg serve did not start: {first}{process.communicate()[1]}")
    url = first.split(" at ")[1].split()[0]
    yield SimpleNamespace(out=out, process=process, url=url, said=first)
    if process.poll() is None:
        process.kill()
    process.communicate()


def _request(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, content type, body) of an HTTP request, an error status included."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def _oxigraph_children(parent: int) -> list[int]:
    """Processes whose parent is `parent` and whose program is oxigraph."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if stat.rsplit(")", 1)[1].split()[1] == str(parent) and "oxigraph" in stat.split(")")[0]:
                found.append(int(entry.name))
    return found


def test_the_page_is_served_at_the_root(served):
    status, kind, body = _request(served.url)
    assert (status, kind) == (200, "text/html")
    assert body == (store_path(served.out).parent / "kg.html").read_bytes()


def test_yasgui_is_served_and_asks_this_server(served):
    status, kind, body = _request(served.url + "yasgui/")
    assert (status, kind) == (200, "text/html") and b"new Yasgui(" in body
    assert _request(served.url + "yasgui/yasgui.min.js")[0] == 200
    # the page asks '<its folder>/sparql'
    status, _, answer = _request(served.url + "yasgui/sparql?" + urlencode({"query": "ASK { ?s ?p ?o }"}),
                                 headers={"Accept": RESULTS_JSON})
    assert status == 200 and b'"boolean":true' in answer


def test_a_named_query_answers_as_the_embedded_store_in_every_way_of_asking(served):
    text = named_queries()["people"].text  # its prefixes are kg query's, which kg serve declares too
    local = run_query_with_timeout(store_path(served.out), text, timeout=60)
    expected = sorted(tuple(map(repr, row)) for row in local.rows)
    asked = {
        "GET": (served.url + "query?" + urlencode({"query": text}), None, {}),
        "POST query": (served.url + "query", text.encode(), {"Content-Type": "application/sparql-query"}),
        "POST form": (served.url + "sparql", urlencode({"query": text}).encode(),
                      {"Content-Type": "application/x-www-form-urlencoded"}),
    }
    for way, (url, data, headers) in asked.items():
        status, kind, body = _request(url, data, {**headers, "Accept": RESULTS_JSON})
        assert (status, kind) == (200, RESULTS_JSON), (way, body)
        solutions = pyoxigraph.parse_query_results(body, format=pyoxigraph.QueryResultsFormat.JSON)
        rows = sorted(tuple(repr(solution[v]) for v in local.variables) for solution in solutions)
        assert rows == expected, way


def test_kg_query_endpoint_reads_what_kg_serve_serves(served):
    command = [sys.executable, "-m", "kg", "query", "entity", "--param", "name=United States", "--format", "csv"]
    local = subprocess.run([*command, "--out", str(served.out)], cwd=ROOT, capture_output=True, text=True,
                           timeout=60, check=True)
    remote = subprocess.run([*command, "--endpoint", served.url + "query"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=True)
    assert sorted(remote.stdout.splitlines()) == sorted(local.stdout.splitlines())
    assert len(local.stdout.splitlines()) > 1


INSERTED = "<urn:kg-test:a> <urn:kg-test:b> <urn:kg-test:c>"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.parametrize("path, data, headers, method, status", [
    ("update", urlencode({"update": f"INSERT DATA {{ {INSERTED} }}"}).encode(), FORM, "POST", 403),
    ("query", urlencode({"update": f"INSERT DATA {{ {INSERTED} }}"}).encode(), FORM, "POST", 403),
    ("query", f"INSERT DATA {{ {INSERTED} }}".encode(), {"Content-Type": "application/sparql-query"}, "POST", 400),
    ("store", f"{INSERTED} .".encode(), {"Content-Type": "application/n-triples"}, "POST", 403),
    ("store", f"{INSERTED} .".encode(), {"Content-Type": "application/n-triples"}, "PUT", 405),
    ("store?default", None, {}, "DELETE", 405),
    ("update", urlencode({"update": "DROP ALL"}).encode(), FORM, "POST", 403),
])
def test_nothing_but_a_query_is_let_through(served, path, data, headers, method, status):
    assert _request(served.url + path, data, headers, method)[0] == status
    ask = PREFIX_DECLARATIONS + f"ASK {{ {INSERTED} }}"
    assert _request(served.url + "query?" + urlencode({"query": ask}), headers={"Accept": RESULTS_JSON})[2] \
        == b'{"head":{},"boolean":false}'
    everything = "ASK { ?s a kg:Person }"  # and nothing was dropped
    assert b"true" in _request(served.url + "query?" + urlencode({"query": everything}),
                               headers={"Accept": RESULTS_JSON})[2]


@pytest.mark.parametrize("text", ["SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                                  "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}"])
def test_service_is_refused_so_the_server_fetches_nothing(served, text):
    remote = Responder()
    thread = threading.Thread(target=remote.serve_forever, daemon=True)
    thread.start()
    try:
        status, _, body = _request(served.url + "query", urlencode({"query": text.format(url=remote.url)}).encode(),
                                   FORM)
    finally:
        remote.shutdown()
        remote.server_close()
    assert status == 403 and body.startswith(b"refused: SERVICE")
    assert remote.requests == []


def test_it_serves_the_build_folder_itself_not_the_link(served):
    build = store_path(served.out)  # out/store resolved: out/builds/<id>/store
    assert build != served.out / "store" and build.parent.parent.name == "builds"
    assert f"Serving {build.parent} at " in served.said
    [oxigraph] = _oxigraph_children(served.process.pid)
    command = Path(f"/proc/{oxigraph}/cmdline").read_bytes().split(b"\0")
    assert command[command.index(b"--location") + 1] == str(build).encode()
    assert command[command.index(b"--bind") + 1].startswith(b"127.0.0.1:")
    assert "serve-read-only" in command[1].decode()


def test_sigterm_stops_it_and_its_oxigraph_server(served):
    [oxigraph] = _oxigraph_children(served.process.pid)
    served.process.send_signal(signal.SIGTERM)
    assert served.process.wait(timeout=30) == 0
    assert not alive(oxigraph)


def test_sigint_stops_it_and_its_oxigraph_server(served):
    [oxigraph] = _oxigraph_children(served.process.pid)
    served.process.send_signal(signal.SIGINT)
    assert served.process.wait(timeout=30) == 0
    assert not alive(oxigraph)


def test_kill_9_takes_its_oxigraph_server_along(served):
    [oxigraph] = _oxigraph_children(served.process.pid)
    served.process.kill()
    served.process.wait(timeout=30)
    assert_gone([oxigraph], seconds=30)  # the kernel's signal is not instant: wait for it, up to a bound


def test_a_port_in_use_is_one_line_and_starts_no_oxigraph(corpus_build):
    out, _ = corpus_build
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = _start("--out", str(out), "--port", str(port))
        seen = []
        while process.poll() is None:  # until it ends: it never started an Oxigraph server
            seen += _oxigraph_children(process.pid)
        stdout, stderr = process.communicate()
    assert process.returncode == 1 and seen == [] and stdout == ""
    assert stderr.strip() == f"error: cannot listen on 127.0.0.1:{port} (Address already in use)"


def test_without_a_build_it_says_what_to_run(tmp_path):
    done = run_kg("serve", "--out", str(tmp_path), timeout=60)
    assert done.returncode == 1 and "no query store here; run 'kg build" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True),
                                            ("localhost", True), ("0.0.0.0", False), ("::", False),
                                            ("192.168.1.20", False), ("myhost.example", False)])
def test_a_note_says_when_others_can_reach_it(host, loopback):
    note = reach_note(host)
    assert note is None if loopback else note == (f"note: listening on {host}: whoever can reach this machine "
                                                   f"can query the graph")


def test_another_loopback_address_is_served_there_without_a_note(corpus_build):
    out, _ = corpus_build
    process = _start("--out", str(out), "--port", "0", "--host", "127.0.0.2")
    try:
        lines = [process.stdout.readline() for _ in range(4)]
        url = lines[0].split(" at ")[1].split()[0]
        assert url.startswith("http://127.0.0.2:") and _request(url)[0] == 200
    finally:
        process.terminate()
        process.communicate(timeout=30)
    assert not any(line.startswith("note:") for line in lines)


def _raw(url: str, data: bytes, *, wait: float = 10) -> bytes:
    """What kg serve answers to `data` sent as is on one connection, read until it closes it; a
    client that gets nothing within `wait` seconds fails the test instead of hanging it."""
    with socket.create_connection(_address(url), timeout=wait) as connection:
        connection.sendall(data)
        answer = b""
        try:
            while chunk := connection.recv(65536):
                answer += chunk
        except ConnectionResetError:  # it closed with part of what was sent unread: its answer came first
            pass
        except TimeoutError:
            pytest.fail(f"no answer within {wait} s to {data[:80]!r}; got {answer[:200]!r}")
    return answer


def _address(url: str) -> tuple[str, int]:
    host, port = url.split("//")[1].rstrip("/").rsplit(":", 1)
    return host, int(port)


def _stopped_stderr(served) -> str:
    served.process.terminate()
    return served.process.communicate(timeout=30)[1]


def _threads(pid: int) -> int:
    return len(list(Path(f"/proc/{pid}/task").iterdir()))


QUERY_POST = b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"


@pytest.mark.parametrize("headers, status", [
    (b"Content-Length: -1\r\n", b"400"),  # read until the client closed it, however much it sent
    (b"Content-Length: abc\r\n", b"400"),  # a ValueError's traceback on stderr
    (b"Content-Length: +5\r\n", b"400"),
    (b"Content-Length: 5\r\nContent-Length: 9\r\n", b"400"),
    (b"", b"411"),  # read as an empty query
    (b"Transfer-Encoding: chunked\r\n", b"411"),
    (b"Content-Length: 1000001\r\n", b"413"),
])
def test_a_body_length_it_cannot_trust_is_refused_at_once_without_a_traceback(served, headers, status):
    # a query of 5 bytes, and the client does not close: a server reading to the end would not answer
    answer = _raw(served.url, QUERY_POST + headers + b"\r\nASK{}")
    assert answer.startswith(b"HTTP/1.0 " + status + b" "), answer
    assert _request(served.url + "query?" + urlencode({"query": "ASK { ?s ?p ?o }"}),
                    headers={"Accept": RESULTS_JSON})[0] == 200
    assert "Traceback" not in _stopped_stderr(served)


def test_a_body_cut_short_is_refused(served):
    with socket.create_connection(_address(served.url), timeout=10) as connection:
        connection.sendall(QUERY_POST + b"Content-Length: 100\r\n\r\nASK { ?s ?p ?o }")
        connection.shutdown(socket.SHUT_WR)  # sent all it will: 16 of the 100 bytes announced
        answer = connection.makefile("rb").read()
    assert answer.startswith(b"HTTP/1.0 400 ") and answer.endswith(b"the body ended after 16 of its 100 bytes\n")


@pytest.fixture
def impatient(corpus_build):
    """kg serve of the corpus build that drops a client silent for 1 s."""
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--out", str(corpus_build[0]), "--port", "0"],
                               cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "KG_SERVE_CLIENT_TIMEOUT": "1"})
    url = process.stdout.readline().split(" at ")[1].split()[0]
    yield SimpleNamespace(process=process, url=url)
    process.kill()
    process.communicate()


@pytest.mark.parametrize("data", [QUERY_POST + b"Content-Length: 100\r\n\r\nASK {",  # a body shorter than said
                                  QUERY_POST])  # headers never finished
def test_a_stalled_client_is_dropped_and_frees_its_thread(impatient, data):
    before = _threads(impatient.process.pid)
    with socket.create_connection(_address(impatient.url), timeout=20) as connection:
        connection.sendall(data)
        started = time.monotonic()
        assert connection.recv(100) == b""  # closed by the server, without an answer
    assert time.monotonic() - started < 10
    deadline = time.monotonic() + 10
    while _threads(impatient.process.pid) > before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _threads(impatient.process.pid) == before
    assert "Traceback" not in _stopped_stderr(impatient)


def test_clients_beyond_the_limit_are_told_it_is_busy_not_given_a_thread_each(served):
    before = _threads(served.process.pid)
    stalled = []
    try:
        for _ in range(MAX_CLIENTS):
            stalled.append(socket.create_connection(_address(served.url), timeout=10))
            stalled[-1].sendall(QUERY_POST)
        deadline = time.monotonic() + 20
        while _threads(served.process.pid) < before + MAX_CLIENTS and time.monotonic() < deadline:
            time.sleep(0.05)
        extra = _raw(served.url, b"")
        assert extra.startswith(b"HTTP/1.1 503 ") and extra.endswith(b"too many clients at once; ask again\n")
        assert _threads(served.process.pid) == before + MAX_CLIENTS
    finally:
        for connection in stalled:
            connection.close()
    deadline = time.monotonic() + 20  # each slot is freed as its client leaves
    while _threads(served.process.pid) > before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _request(served.url + "query?" + urlencode({"query": "ASK { ?s ?p ?o }"}),
                    headers={"Accept": RESULTS_JSON})[0] == 200
