"""`kg serve`: one build, read-only, over the SPARQL 1.1 Protocol, with its page.

Two processes, one port. An Oxigraph server in read-only mode (the `oxigraph` package's binary)
answers the queries on a free loopback port only this process talks to. This process listens where
the user said and serves the build's page at /, Oxigraph's copy of YASGUI at /yasgui/, and hands
queries at /query (and /sparql) on. Oxigraph alone on the user's port would show its own page
instead of the build's, and would run a SERVICE clause: fetch, from this machine, any URL a client
names. So the front lets queries through and nothing else: with kg query's prefixes declared and
the word SERVICE refused as kg query refuses it, so that a tool gets kg query's answers. Oxigraph,
in read-only mode, would refuse writes anyway.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import math
import os
import re
import shutil
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from kg.errors import KgError, QueryError
from kg.processes import killed_with_this_process
from kg.read import DEFAULT_TIMEOUT
from kg.read.query import MAX_QUERY_FILE_BYTES, PREFIX_DECLARATIONS, refuse_service

PAGE_PATHS = frozenset({"/", "/kg.html"})
# YASGUI's page asks the endpoint '<its folder>/sparql'; /query is Oxigraph server's own name
QUERY_PATHS = frozenset({"/query", "/sparql", "/yasgui/query", "/yasgui/sparql"})
YASGUI_FILES = {"/yasgui/": "/", "/yasgui/yasgui.min.js": "/yasgui.min.js",
                "/yasgui/yasgui.min.css": "/yasgui.min.css", "/logo.svg": "/logo.svg"}  # ours -> Oxigraph's
FORWARDED_PARAMETERS = ("default-graph-uri", "named-graph-uri")  # the protocol's, besides the query
STARTUP_SECONDS = 30.0  # for Oxigraph to open the store and listen
READ_ONLY = "kg serve is read-only: it answers SPARQL queries at /query, and nothing else"
# A client that sends nothing for this long (seconds) is dropped, freeing its thread: a stalled or
# slow client, or a body shorter than its Content-Length, cannot hold one for ever.
CLIENT_TIMEOUT = float(os.environ.get("KG_SERVE_CLIENT_TIMEOUT", "30"))  # tests shorten it
MAX_CLIENTS = 64  # connections handled at once (a thread each); more are told 503 and closed
_BUSY_TEXT = b"kg serve is answering too many clients at once; ask again\n"
BUSY = (b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(_BUSY_TEXT), _BUSY_TEXT))


class ServeError(KgError):
    """The build cannot be served: no page, a port taken, an Oxigraph server that does not start."""


def serve(store_dir: Path, page: Path, *, host: str = "127.0.0.1", port: int = 0,
          timeout: float = DEFAULT_TIMEOUT, ready: Callable[[str], None] = lambda url: None) -> None:
    """Serve the store in `store_dir` and the page `page` at http://HOST:PORT/ (port 0: any free
    one) until interrupted; `ready` gets the URL once both answer. Queries stop after `timeout` s."""
    try:
        page_bytes = page.read_bytes()  # read once: the page and the store are of the same build
    except OSError as error:
        raise ServeError(f"{page}: cannot read the page ({error.strerror})") from error
    front = _listen(host, port)
    try:
        with oxigraph_server(store_dir, options=("--timeout-s", str(math.ceil(timeout)))) as backend:
            front.page, front.backend_port, front.query_timeout = page_bytes, backend, timeout
            ready(f"http://{_in_url(host)}:{front.server_address[1]}/")
            front.serve_forever()
    finally:
        front.server_close()


def reach_note(host: str) -> str | None:
    """A note when serving on `host` lets other machines in: any address but a loopback one."""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    return None if loopback else f"note: listening on {host}: whoever can reach this machine can query the graph"


@contextlib.contextmanager
def oxigraph_server(location: Path, *, read_only: bool = True, options: Sequence[str] = ()) -> Iterator[int]:
    """An Oxigraph server of the store at `location` on a free loopback port, which it yields once
    the server listens; stopped on leaving, and killed by the kernel if this process dies first."""
    port = free_port()
    with tempfile.TemporaryFile() as errors:
        server = subprocess.Popen(
            [oxigraph_binary(), "serve-read-only" if read_only else "serve", "--location", str(location),
             "--bind", f"127.0.0.1:{port}", *options],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
            # it only calls prctl, loaded before the fork: safe beside threads
            preexec_fn=killed_with_this_process())  # noqa: PLW1509
        try:
            _wait_until_listening(server, port, errors)
            yield port
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def oxigraph_binary() -> str:
    """The `oxigraph` package's binary: beside this Python (a virtual environment's bin/, which is
    on PATH only when activated), else on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if found is None:
        raise ServeError("no oxigraph binary: 'pip install oxigraph' (a dependency of kg) installs it")
    return found


def free_port() -> int:
    """A loopback port free now (another process may take it before it is used: rare, and then the
    server reports it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_listening(server: subprocess.Popen, port: int, errors) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            errors.seek(0)
            said = " ".join(errors.read().decode(errors="replace").split())[-300:]
            raise ServeError(f"the Oxigraph server ended at its start (exit code {server.returncode}): {said}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise ServeError(f"the Oxigraph server did not listen on port {port} within {STARTUP_SECONDS:g} s")


def _listen(host: str, port: int) -> _Front:
    try:
        return _Front(host, port)
    except OSError as error:
        raise ServeError(f"cannot listen on {host}:{port} ({error.strerror or error})") from error


def _in_url(host: str) -> str:
    return f"[{host}]" if ":" in host else host


class _Front(ThreadingHTTPServer):
    daemon_threads = True  # a client still reading an answer does not hold up the stop
    page: bytes = b""
    backend_port: int = 0
    query_timeout: float = DEFAULT_TIMEOUT

    def __init__(self, host: str, port: int) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.slots = threading.BoundedSemaphore(MAX_CLIENTS)
        super().__init__((host, port), _Handler)

    def process_request(self, request, client_address) -> None:
        # A thread per connection without a bound lets clients exhaust threads and memory; refusing
        # here, not waiting for a slot, keeps this loop accepting and a stop prompt.
        if not self.slots.acquire(blocking=False):
            with contextlib.suppress(OSError):
                request.sendall(BUSY)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return  # the client left or stalled: its business, not a traceback on the server's stderr
        super().handle_error(request, client_address)

    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)  # HTTPServer's would look the host's name up in DNS
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]


class _Handler(BaseHTTPRequestHandler):
    server: _Front
    server_version = "kg-serve"
    timeout = CLIENT_TIMEOUT  # on the socket: each read or write that waits longer ends the connection

    def log_message(self, format, *args) -> None:
        pass  # no line per request, as Oxigraph server

    def do_GET(self) -> None:
        path, _, query_string = self.path.partition("?")
        if path in PAGE_PATHS:
            self._reply(200, self.server.page, "text/html; charset=utf-8")
        elif path in YASGUI_FILES:
            self._forward("GET", YASGUI_FILES[path], None, {})
        elif path in QUERY_PATHS:
            self._query(parse_qs(query_string, keep_blank_values=True))
        else:
            self._reply_text(404, f"nothing at {path}: the page is at /, SPARQL queries go to /query")

    def do_POST(self) -> None:
        path, _, query_string = self.path.partition("?")
        if path not in QUERY_PATHS:
            return self._reply_text(403, READ_ONLY)
        body = self._body()
        if body is None:
            return None
        parameters = parse_qs(query_string, keep_blank_values=True)
        kind = self.headers.get_content_type()
        if kind == "application/sparql-query":
            parameters["query"] = [body]
        elif kind == "application/x-www-form-urlencoded":
            parameters.update(parse_qs(body, keep_blank_values=True))
        else:
            return self._reply_text(415, "send a query as application/sparql-query or as a form (query=...)")
        self._query(parameters)

    def _body(self) -> str | None:
        """The request's body, read to its Content-Length and no further; None after refusing it.
        The length is checked first: -1 would read until the client closes, and a length beyond
        the limit would be read whole."""
        lengths = self.headers.get_all("Content-Length") or []
        if "Transfer-Encoding" in self.headers or not lengths:
            return self._refuse_body(411, "give the body's length (Content-Length), not chunked")
        if len(set(lengths)) != 1 or not re.fullmatch(r"[0-9]{1,20}", lengths[0].strip()):
            return self._refuse_body(400, "Content-Length is not a number of bytes")
        length = int(lengths[0])
        if length > MAX_QUERY_FILE_BYTES:
            return self._refuse_body(413, f"a query of over {MAX_QUERY_FILE_BYTES:,} bytes is not a query")
        body = self.rfile.read(length)
        if len(body) < length:  # the client closed before sending all it announced
            return self._refuse_body(400, f"the body ended after {len(body)} of its {length} bytes")
        return body.decode("utf-8", errors="replace")

    def _refuse_body(self, status: int, message: str) -> None:
        self.close_connection = True  # the body, unread or cut short, is not the start of another request
        self._reply_text(status, message)

    def _refuse_write(self) -> None:
        self._reply_text(405, READ_ONLY)

    do_PUT = do_DELETE = do_PATCH = _refuse_write

    def _query(self, parameters: dict[str, list[str]]) -> None:
        if "update" in parameters:
            return self._reply_text(403, f"refused: a SPARQL update; {READ_ONLY}")
        if len(parameters.get("query", ())) != 1:
            return self._reply_text(400, "give one SPARQL query: ?query=..., a form's query=..., or a POST body")
        [text] = parameters["query"]
        try:
            refuse_service(text)
        except QueryError:  # Oxigraph would fetch the URL from this machine, for whoever can reach it
            return self._reply_text(403, "refused: SERVICE would make this server query a remote endpoint; "
                                         "kg serve answers from the build only")
        forwarded = {name: parameters[name] for name in FORWARDED_PARAMETERS if name in parameters}
        self._forward("POST", f"/query?{urlencode(forwarded, doseq=True)}", (PREFIX_DECLARATIONS + text).encode(),
                      {"Content-Type": "application/sparql-query; charset=utf-8",
                       "Accept": self.headers.get("Accept", "*/*")})

    def _forward(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> None:
        """Oxigraph's answer, streamed: its status, type and body."""
        connection = http.client.HTTPConnection("127.0.0.1", self.server.backend_port,
                                                timeout=self.server.query_timeout + 10)
        try:
            try:
                connection.request(method, path, body, headers)
                answer = connection.getresponse()
            except (OSError, http.client.HTTPException) as error:
                return self._reply_text(502, f"the query server did not answer ({error})")
            self.send_response(answer.status, answer.reason)
            for name in ("Content-Type", "Content-Length"):
                if answer.getheader(name):
                    self.send_header(name, answer.getheader(name))
            self.end_headers()
            with contextlib.suppress(OSError, http.client.HTTPException):  # the client left, or Oxigraph did
                shutil.copyfileobj(answer, self.wfile, 64 * 1024)
        finally:
            connection.close()

    def _reply_text(self, status: int, message: str) -> None:
        self._reply(status, f"{message}\n".encode(), "text/plain; charset=utf-8")

    def _reply(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
