"""`kg query --endpoint URL`: the read-only queries of kg/read/query.py asked of a SPARQL 1.1
Protocol query endpoint over HTTP (Oxigraph server's /query, Fuseki's /DATASET/query, ...), their
answers parsed by pyoxigraph into the same QueryResult the embedded store gives.

Credentials come from the environment or ~/.netrc, never from the command line (where any user of
the machine sees them in the process list), and no message carries them."""

from __future__ import annotations

import base64
import functools
import http.client
import netrc
import os
import re
import urllib.error
import urllib.request
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph

from kg.errors import QueryError, UsageError
from kg.read import DEFAULT_TIMEOUT
from kg.read.query import (
    PREFIX_DECLARATIONS,
    QueryResult,
    QueryTimeoutError,
    bind_parameters,
    check_read_only,
    collect,
    one_line,
    run_in_sandbox,
)

TOKEN_VARIABLE = "KG_ENDPOINT_TOKEN"  # sent as 'Authorization: Bearer TOKEN'
USER_VARIABLE = "KG_ENDPOINT_USER"  # with PASSWORD_VARIABLE, sent as HTTP Basic
PASSWORD_VARIABLE = "KG_ENDPOINT_PASSWORD"
# SELECT and ASK as SPARQL results, CONSTRUCT and DESCRIBE as RDF: a server picks by the query's form
ACCEPT = ("application/sparql-results+json, application/sparql-results+xml;q=0.9, "
          "application/n-triples, text/turtle;q=0.9")
MESSAGE_CHARS = 200  # of a server's error message, in ours
MESSAGE_BYTES = 4096  # read of an error response's body, enough for MESSAGE_CHARS after markup


def run_query_at(url: str, text: str, parameters: dict[str, str] | None = None, limit: int | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> QueryResult:
    """What run_query_with_timeout does with the store, done with the endpoint at `url`: the query
    checked, its parameters bound, sent with kg's prefixes declared, its first `limit` answers read;
    all of it in a child process killed after `timeout` seconds, as for the store."""
    shown = shown_url(url)
    try:
        return run_in_sandbox(functools.partial(_ask, url, shown, text, parameters or {}, limit, timeout),
                              timeout, offline=False)
    except QueryTimeoutError:
        raise QueryError(f"{shown}: no answer within the {timeout:g} s timeout (raise it with --timeout)") from None


def shown_url(url: str) -> str:
    """The endpoint's URL as messages show it (without its query string), once it is known to be an
    http(s) URL that holds no credentials."""
    parts = urlsplit(url)
    if parts.username is not None or parts.password is not None:
        raise UsageError(f"--endpoint: the URL holds credentials; set {USER_VARIABLE} and {PASSWORD_VARIABLE} "
                         f"(or {TOKEN_VARIABLE}) or use ~/.netrc, never the command line")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"--endpoint {url!r}: give the http:// or https:// URL of a SPARQL query endpoint, "
                         f"e.g. http://127.0.0.1:7878/query")
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _ask(url: str, shown: str, text: str, parameters: dict[str, str], limit: int | None,
         timeout: float) -> QueryResult:
    # SERVICE is refused here too: the answer must not depend on what a remote server may fetch
    check_read_only(text)
    headers, secrets = authorization(urlsplit(url).hostname or "")
    request = urllib.request.Request(
        url, data=(PREFIX_DECLARATIONS + bind_parameters(text, parameters)).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": ACCEPT, **headers})
    try:
        try:
            with _OPENER.open(request, timeout=timeout) as response:
                content_type, data = response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as error:
            raise QueryError(f"{shown}: HTTP {error.code} {error.reason}: {_server_message(error)}") from None
        except urllib.error.URLError as error:
            raise QueryError(f"{shown}: cannot connect ({one_line(error.reason)})") from None
        except (OSError, http.client.HTTPException) as error:
            raise QueryError(f"{shown}: the connection failed ({type(error).__name__}: {one_line(error)})") from None
        return _parse_answer(shown, content_type, data, limit, url)
    except QueryError as error:
        raise QueryError(_without(str(error), secrets)) from None  # a server may echo what it was sent


def authorization(host: str) -> tuple[dict[str, str], list[str]]:
    """The Authorization header for `host` (none without credentials), and the secrets in it, which
    no message may show: a token from TOKEN_VARIABLE, else a user and password from USER_VARIABLE
    and PASSWORD_VARIABLE, else from ~/.netrc's entry for the host (or its default)."""
    token = os.environ.get(TOKEN_VARIABLE)
    if token:
        return {"Authorization": f"Bearer {token}"}, [token]
    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    if (user is None) != (password is None):
        raise UsageError(f"set both {USER_VARIABLE} and {PASSWORD_VARIABLE}, or neither")
    if user is None:
        user, password = _from_netrc(host)
    if user is None:
        return {}, []
    encoded = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {encoded}"}, [secret for secret in (password, encoded) if secret]


def _from_netrc(host: str) -> tuple[str | None, str | None]:
    try:
        entry = netrc.netrc().authenticators(host)
    except FileNotFoundError:
        return None, None
    except netrc.NetrcParseError as error:  # its message may quote a token of the file: not shown
        raise UsageError(f"{error.filename}: cannot read it (line {error.lineno})") from None
    except OSError as error:
        raise UsageError(f"~/.netrc: cannot read it ({error.strerror})") from None
    return (entry[0], entry[2]) if entry else (None, None)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 3xx is reported: a query and its credentials are never sent on to another URL


_OPENER = urllib.request.build_opener(_NoRedirect)


def _parse_answer(shown: str, content_type: str, data: bytes, limit: int | None, url: str) -> QueryResult:
    results_format = pyoxigraph.QueryResultsFormat.from_media_type(content_type)
    rdf_format = pyoxigraph.RdfFormat.from_media_type(content_type)
    if results_format is None and rdf_format is None:
        raise QueryError(f"{shown}: the answer is {content_type}, not SPARQL results; "
                         f"is this the URL of a SPARQL query endpoint?")
    try:
        if results_format is not None:
            return collect(pyoxigraph.parse_query_results(data, format=results_format), limit)
        return collect((quad.triple for quad in pyoxigraph.parse(data, format=rdf_format, base_iri=url)), limit)
    except (SyntaxError, ValueError) as error:
        raise QueryError(f"{shown}: the answer is not valid {content_type} ({_shortened(str(error))})") from None


def _server_message(error: urllib.error.HTTPError) -> str:
    if 300 <= error.code < 400:
        return f"it redirects to {error.headers.get('Location', 'another URL')}; give that URL"
    try:
        body = error.read(MESSAGE_BYTES).decode("utf-8", errors="replace")
    except (OSError, http.client.HTTPException):
        body = ""
    return _shortened(re.sub(r"<[^>]*>", " ", body)) or "(no message)"  # an HTML error page's text


def _shortened(text: str) -> str:
    line = one_line(text)
    return line if len(line) <= MESSAGE_CHARS else line[: MESSAGE_CHARS - 1] + "…"


def _without(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "***")
    return text
