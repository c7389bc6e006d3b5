"""What the load tests share: the graphs a build should give a server, what a server holds, a
`kg load` process, and a small HTTP server in front of Oxigraph that fails or checks requests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError

import pyoxigraph

from kg.build.folder import current_build
from kg.graph import STORE_DIR
from kg.graph.vocab import DATA_GRAPH, ONTOLOGY_AND_INFERRED_GRAPH
from tests.conftest import run_kg, wait_until_paused

ROOT = Path(__file__).resolve().parents[2]
GRAPHS = (DATA_GRAPH, ONTOLOGY_AND_INFERRED_GRAPH)


def expected_graphs(out: Path) -> dict[str, set[pyoxigraph.Triple]]:
    """What the server should hold after loading the build OUT shows: its store's data graph, and
    the rest of its default graph."""
    store = pyoxigraph.Store.read_only(str(current_build(out) / STORE_DIR))
    data = {quad.triple for quad in store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(DATA_GRAPH))}
    everything = {quad.triple for quad in store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())}
    assert data and data < everything
    return {DATA_GRAPH: data, ONTOLOGY_AND_INFERRED_GRAPH: everything - data}


def server_graphs(url: str) -> dict[str, set[pyoxigraph.Triple]]:
    """Every graph the Oxigraph server at `url` holds, read back through its Graph Store endpoint."""
    request = urllib.request.Request(f"{url}/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=60) as response:
        quads = pyoxigraph.parse(response.read(), format=pyoxigraph.RdfFormat.N_QUADS)
    graphs: dict[str, set[pyoxigraph.Triple]] = {}
    for quad in quads:
        graphs.setdefault(quad.graph_name.value if quad.graph_name != pyoxigraph.DefaultGraph() else "",
                          set()).add(quad.triple)
    return graphs


def copy_build(out: Path, target: Path) -> Path:
    """A copy of a build folder (its links stay relative), for a test that loads and builds into it."""
    shutil.copytree(out, target, symlinks=True, ignore=shutil.ignore_patterns(".lock"))
    return target


kg = run_kg  # the load tests' name for it


def paused_load(out: Path, store_url: str, stage: str, tmp_path: Path, *args: str) -> subprocess.Popen:
    """A `kg load` process waiting at `stage` (kg.build.pause_point)."""
    marker = tmp_path / f"paused-{stage}"
    env = {**os.environ, "KG_PAUSE_AT": f"{stage}:{marker}"}
    process = subprocess.Popen([sys.executable, "-m", "kg", "load", "--out", str(out), "--store-url", store_url,
                                "--quiet", *args], cwd=ROOT, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_until_paused(process, marker, stage)
    return process


class FrontServer:
    """An HTTP server on a free loopback port that hands each request to `answer(handler, body)`:
    it returns (status, body) to answer itself, or None to pass the request on to `upstream`."""

    def __init__(self, upstream: str, answer: Callable[[BaseHTTPRequestHandler, bytes], tuple | None]) -> None:
        self.requests: list[tuple[str, str]] = []  # (method, path) of each request received
        front = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self._handle()

            def do_POST(self):
                self._handle()

            def _handle(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                front.requests.append((self.command, self.path))
                status, content = answer(self, body) or front.pass_on(self, body)
                self.send_response(status)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def log_message(self, *args):
                pass

        self.upstream = upstream
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def pass_on(self, handler: BaseHTTPRequestHandler, body: bytes) -> tuple[int, bytes]:
        headers = {name: handler.headers[name] for name in ("Content-Type", "Accept") if handler.headers[name]}
        request = urllib.request.Request(self.upstream + handler.path, data=body if handler.command == "POST" else None,
                                         method=handler.command, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.read()
        except HTTPError as error:
            return error.code, error.read()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
