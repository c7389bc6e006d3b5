"""`kg query --endpoint URL`: the read-only queries of kg/read/query.py asked of a SPARQL 1.1
Protocol query endpoint over HTTP (Oxigraph server's /query, Fuseki's /DATASET/query, ...), their
answers parsed by pyoxigraph into the same QueryResult the embedded store gives.

Credentials come from the environment or ~/.netrc, never from the command line (where any user of
the machine sees them in the process list), and no message carries them."""

from __future__ import annotations

import functools
import http.client
import re
import urllib.error
import urllib.request
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph

from kg.errors import QueryError, UsageError, described, one_line
from kg.http import (
    OPENER,
    Credentials,
    authorization,
    refuse_credentials_in,
    without_secrets,
)
from kg.read import DEFAULT_TIMEOUT
from kg.read.query import (
    PREFIX_DECLARATIONS,
    QueryResult,
    QueryTimeoutError,
    bind_parameters,
    check_read_only,
    collect,
    run_in_sandbox,
)

CREDENTIALS = Credentials(token="KG_ENDPOINT_TOKEN", user="KG_ENDPOINT_USER", password="KG_ENDPOINT_PASSWORD")
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
    refuse_credentials_in("--endpoint", url, CREDENTIALS)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"--endpoint {url!r}: give the http:// or https:// URL of a SPARQL query endpoint, "
                         f"e.g. http://127.0.0.1:7878/query")
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _ask(url: str, shown: str, text: str, parameters: dict[str, str], limit: int | None,
         timeout: float) -> QueryResult:
    # SERVICE is refused here too: the answer must not depend on what a remote server may fetch
    check_read_only(text)
    header, secrets = authorization(urlsplit(url).hostname or "", CREDENTIALS)
    request = urllib.request.Request(
        url, data=(PREFIX_DECLARATIONS + bind_parameters(text, parameters)).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": ACCEPT,
                 **({"Authorization": header} if header else {})})
    try:
        try:
            with OPENER.open(request, timeout=timeout) as response:
                content_type, data = response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as error:
            raise QueryError(f"{shown}: HTTP {error.code} {error.reason}: {_server_message(error)}") from None
        except urllib.error.URLError as error:
            raise QueryError(f"{shown}: cannot connect ({one_line(error.reason)})") from None
        except (OSError, http.client.HTTPException) as error:
            raise QueryError(f"{shown}: the connection failed ({described(error)})") from None
        return _parse_answer(shown, content_type, data, limit, url)
    except QueryError as error:
        raise QueryError(without_secrets(str(error), secrets)) from None  # a server may echo what it was sent


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
        raise QueryError(f"{shown}: the answer is not valid {content_type} ({one_line(error, MESSAGE_CHARS)})") from None


def _server_message(error: urllib.error.HTTPError) -> str:
    if 300 <= error.code < 400:
        return f"it redirects to {error.headers.get('Location', 'another URL')}; give that URL"
    try:
        body = error.read(MESSAGE_BYTES).decode("utf-8", errors="replace")
    except (OSError, http.client.HTTPException):
        body = ""
    return one_line(re.sub(r"<[^>]*>", " ", body), MESSAGE_CHARS) or "(no message)"  # an HTML error page's text
