"""kg query --endpoint: the same answers from an Oxigraph server of the build's store as from the
store itself; refusals before anything is sent; one-line errors; credentials sent, never shown."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError, UsageError
from kg.graph.store import store_path
from kg.read.endpoint import (
    CREDENTIALS,
    MESSAGE_CHARS,
    run_query_at,
)
from kg.read.query import FORMATS, named_queries, run_query_with_timeout
from kg.read.serve import free_port
from tests.conftest import ROOT

runner = CliRunner()
# A value for each parameter the named queries declare: a name the corpus build has.
PARAMETER_VALUES = {"name": "United States"}
ASK_TRUE = json.dumps({"head": {}, "boolean": True}).encode()
RESULTS_JSON = "application/sparql-results+json"
PASSWORD = "pw-7f3a-never-shown"


@pytest.fixture
def endpoint(corpus_build, oxigraph_server):
    """The corpus build, and the query URL of an Oxigraph server of its store, read-only."""
    out, _ = corpus_build
    return out, oxigraph_server(store_path(out), read_only=True) + "/query"


def _rows(result) -> list[tuple[str, ...]]:
    """Rows in an order of their own, for results whose order SPARQL leaves open."""
    return sorted(tuple(repr(term) for term in row) for row in result.rows)


@pytest.fixture(scope="module")
def loaded_endpoint(corpus_build, tmp_path_factory):
    """A writable Oxigraph server whose default graph is the union of its graphs, into which `kg load`
    put the corpus build: what the README tells a team with its own server to run."""
    from kg.read.serve import oxigraph_server
    from kg.remote.endpoints import endpoints
    from kg.remote.load import load_build

    out = tmp_path_factory.mktemp("loaded") / "out"
    shutil.copytree(corpus_build[0], out, symlinks=True)  # the load keeps its manifest in the build folder
    with oxigraph_server(tmp_path_factory.mktemp("loaded-store"), read_only=False,
                         options=("--union-default-graph",)) as port:
        load_build(out, endpoints(f"http://127.0.0.1:{port}/store"))
        yield out, f"http://127.0.0.1:{port}/query"


@pytest.mark.parametrize("served", ["store served", "build loaded"])
@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_answers_the_same_through_the_endpoint(request, served, name):
    out, url = request.getfixturevalue("endpoint" if served == "store served" else "loaded_endpoint")
    named = named_queries()[name]
    values = {parameter: PARAMETER_VALUES[parameter] for parameter in named.parameters}
    local = run_query_with_timeout(store_path(out), named.text, values, timeout=60)
    remote = run_query_at(url, named.text, values, timeout=60)
    assert local.rows, "a query that answers nothing would show no difference"
    assert (remote.kind, remote.variables) == (local.kind, local.variables)
    assert _rows(remote) == _rows(local)


@pytest.mark.parametrize("text", [
    "ASK { ?p a schema:Person }",
    "ASK { ?p a kg:NoSuchClass }",
    "CONSTRUCT { ?p a schema:Person ; rdfs:label ?name } WHERE { ?p a kg:Person ; rdfs:label ?name }",
    'DESCRIBE ?e WHERE { ?e rdfs:label "United States" }',
])
def test_ask_construct_and_describe_answer_the_same(endpoint, text):
    out, url = endpoint
    local = run_query_with_timeout(store_path(out), text, timeout=60)
    remote = run_query_at(url, text, timeout=60)
    assert (remote.kind, remote.boolean) == (local.kind, local.boolean)
    assert sorted(map(repr, remote.triples)) == sorted(map(repr, local.triples))
    assert local.kind == "ask" or local.triples


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_command_prints_the_same_in_every_format(endpoint, fmt):
    out, url = endpoint
    arguments = ["query", "entity", "--param", "name=United States", "--format", fmt, "--out", str(out)]
    local = runner.invoke(app, arguments)
    remote = runner.invoke(app, [*arguments, "--endpoint", url])
    assert remote.exit_code == local.exit_code == 0, remote.output
    if fmt == "json":
        local_json, remote_json = json.loads(local.stdout), json.loads(remote.stdout)
        assert remote_json["head"] == local_json["head"]
        assert sorted(map(repr, remote_json["results"]["bindings"])) == sorted(
            map(repr, local_json["results"]["bindings"]))
    else:  # a table's rows can be drawn over several lines, so compare them as a whole
        assert sorted(remote.stdout.splitlines()) == sorted(local.stdout.splitlines())


def test_limit_stops_after_that_many_rows(endpoint):
    out, url = endpoint
    text = named_queries()["people"].text
    every = run_query_with_timeout(store_path(out), text, timeout=60)
    first = run_query_at(url, text, limit=2, timeout=60)
    assert len(first.rows) == 2 < len(every.rows)
    assert set(first.rows) <= set(every.rows)


class Responder(ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 that records each request (method, path, headers, body) and
    answers each with the status, type and body it was given (a body may be made from the request's
    headers), or holds the request until the test ends (hang)."""

    daemon_threads = True

    def __init__(self, status: int = 200, content_type: str = RESULTS_JSON,
                 body: bytes | Callable[[dict], bytes] = ASK_TRUE, headers: dict | None = None, hang: bool = False):
        super().__init__(("127.0.0.1", 0), _RespondingHandler)
        self.answer = (status, content_type, body, headers or {})
        self.hang = hang
        self.released = threading.Event()
        self.requests: list[tuple[str, str, dict, bytes]] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}/query"


class _RespondingHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        headers = dict(self.headers.items())
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append((self.command, self.path, headers, body))
        if self.server.hang:
            self.server.released.wait()
            return
        status, content_type, answer, extra = self.server.answer
        payload = answer(headers) if callable(answer) else answer
        self.send_response(status)
        for name, value in {"Content-Type": content_type, "Content-Length": str(len(payload)), **extra}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST

    def log_message(self, *args):
        pass


@pytest.fixture
def responder():
    """Start Responders (see there), stopped after the test."""
    started = []

    def start(**answer) -> Responder:
        server = Responder(**answer)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        started.append((server, thread))
        return server

    yield start
    for server, thread in started:
        server.released.set()
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.mark.parametrize("text, refusal", [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "refused: this is a SPARQL update"),
    ("DROP ALL", "refused: this is a SPARQL update"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", "refused: SERVICE"),
    ("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", "refused: SERVICE"),
])
def test_updates_and_service_are_refused_before_anything_is_sent(responder, text, refusal):
    server = responder()
    with pytest.raises(QueryError, match=refusal):
        run_query_at(server.url, text, timeout=30)
    assert server.requests == []


def _one_line_error(url: str, text: str = "ASK { ?s ?p ?o }", timeout: float = 30) -> str:
    with pytest.raises(QueryError) as failed:
        run_query_at(url, text, timeout=timeout)
    message = str(failed.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_a_server_that_is_not_there_is_one_line_naming_the_url():
    url = f"http://127.0.0.1:{free_port()}/query"
    assert _one_line_error(url).startswith(f"{url}: cannot connect (")


def test_an_invalid_query_gives_the_servers_message(endpoint):
    _, url = endpoint
    message = _one_line_error(url, "SELECT ?x WHERE { ?x ?y }")
    assert message.startswith(f"{url}: HTTP 400 Bad Request: ") and "error at" in message


def test_a_long_server_error_is_shortened(responder):
    server = responder(status=500, content_type="text/html",
                       body=b"<html><body><h1>Internal error</h1>" + b"stack frame " * 500 + b"</body></html>")
    message = _one_line_error(server.url + "?key=value")
    assert message.startswith(f"{server.url}: HTTP 500 Internal Server Error: Internal error stack frame")
    assert "<h1>" not in message and message.endswith("…")
    assert len(message) < len(server.url) + 40 + MESSAGE_CHARS


@pytest.mark.parametrize("content_type, body, problem", [
    ("text/html", b"<html>a login page</html>", "the answer is text/html, not SPARQL results"),
    (RESULTS_JSON, b"{ not json", "the answer is not valid application/sparql-results+json"),
])
def test_an_answer_that_is_not_sparql_results_is_one_line(responder, content_type, body, problem):
    server = responder(content_type=content_type, body=body)
    assert _one_line_error(server.url) .startswith(f"{server.url}: {problem}")


def test_a_redirect_is_reported_not_followed(responder):
    elsewhere = responder()
    server = responder(status=302, body=b"", headers={"Location": elsewhere.url})
    assert f"it redirects to {elsewhere.url}; give that URL" in _one_line_error(server.url)
    assert elsewhere.requests == []  # neither the query nor any credentials went on


def test_an_endpoint_that_does_not_answer_is_stopped_by_the_timeout(responder):
    server = responder(hang=True)
    assert _one_line_error(server.url, timeout=1) == f"{server.url}: no answer within the 1 s timeout (raise it with --timeout)"


@pytest.mark.parametrize("url, problem", [
    (f"http://reader:{PASSWORD}@127.0.0.1:1/query", "credentials do not go in the URL"),
    ("ftp://127.0.0.1/query", "give the http:// or https:// URL"),
    ("127.0.0.1:7878/query", "give the http:// or https:// URL"),
])
def test_a_url_that_is_no_endpoint_or_holds_credentials_is_refused(url, problem):
    with pytest.raises(UsageError, match=problem) as refused:
        run_query_at(url, "ASK { ?s ?p ?o }")
    assert PASSWORD not in str(refused.value)


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def _authorization_sent(server: Responder) -> str | None:
    [(_, _, headers, _)] = server.requests
    return headers.get("Authorization")


def test_credentials_come_from_the_environment(responder, monkeypatch):
    server = responder()
    monkeypatch.setenv(CREDENTIALS.user, "reader")
    monkeypatch.setenv(CREDENTIALS.password, PASSWORD)
    assert run_query_at(server.url, "ASK { ?s ?p ?o }").boolean is True
    assert _authorization_sent(server) == _basic("reader", PASSWORD)


def test_a_token_is_sent_as_a_bearer(responder, monkeypatch):
    server = responder()
    monkeypatch.setenv(CREDENTIALS.token, PASSWORD)
    run_query_at(server.url, "ASK { ?s ?p ?o }")
    assert _authorization_sent(server) == f"Bearer {PASSWORD}"


def test_credentials_come_from_netrc_for_the_host(responder, monkeypatch, tmp_path):
    server = responder()
    netrc = tmp_path / ".netrc"
    netrc.write_text(f"machine elsewhere.example login other password other-pw\n"
                     f"machine 127.0.0.1 login reader password {PASSWORD}\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("HOME", str(tmp_path))
    run_query_at(server.url, "ASK { ?s ?p ?o }")
    assert _authorization_sent(server) == _basic("reader", PASSWORD)


def test_no_credentials_no_authorization(responder, monkeypatch, tmp_path):
    server = responder()
    monkeypatch.setenv("HOME", str(tmp_path))  # no .netrc
    run_query_at(server.url, "ASK { ?s ?p ?o }")
    assert _authorization_sent(server) is None


def test_a_user_without_a_password_is_a_usage_error(responder, monkeypatch):
    server = responder()
    monkeypatch.setenv(CREDENTIALS.user, "reader")
    monkeypatch.delenv(CREDENTIALS.password, raising=False)
    with pytest.raises(UsageError, match=f"set both {CREDENTIALS.user} and {CREDENTIALS.password}"):
        run_query_at(server.url, "ASK { ?s ?p ?o }")
    assert server.requests == []


def _echo_authorization(headers: dict) -> bytes:
    """A server that tells what it was sent, as some do in their error pages."""
    sent = headers.get("Authorization", "")
    decoded = base64.b64decode(sent.removeprefix("Basic ")).decode() if sent.startswith("Basic ") else ""
    return f"not allowed: you sent {sent} ({decoded})".encode()


@pytest.mark.parametrize("answer", [
    {"status": 200},
    {"status": 401, "content_type": "text/plain", "body": _echo_authorization},
    {"status": 200, "content_type": "text/html", "body": _echo_authorization},
])
def test_the_password_is_never_printed(responder, answer):
    server = responder(**answer)
    environment = {"PATH": "/usr/bin:/bin", CREDENTIALS.user: "reader", CREDENTIALS.password: PASSWORD}
    done = subprocess.run([sys.executable, "-m", "kg", "query", "ASK { ?s ?p ?o }", "--endpoint", server.url],
                          cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60, check=False)
    assert _authorization_sent(server) == _basic("reader", PASSWORD)
    encoded = _basic("reader", PASSWORD).removeprefix("Basic ")
    output = done.stdout + done.stderr
    assert PASSWORD not in output and encoded not in output
    assert done.returncode == (0 if answer["status"] == 200 and "body" not in answer else 1), output
    assert "Traceback" not in output
