"""Where a server takes graphs (Graph Store Protocol), updates and queries, from the URL given."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from kg.errors import UsageError
from kg.http import Credentials, refuse_credentials_in, shown_url

CREDENTIALS = Credentials(token="KG_STORE_TOKEN", user="KG_STORE_USER", password="KG_STORE_PASSWORD")

# The Graph Store Protocol paths of servers whose other endpoints follow from it, with their query
# and update paths (each replaces the GSP path's end).
KNOWN_FORMS = (
    ("/store", "/query", "/update"),  # Oxigraph server
    ("/data", "/query", "/update"),  # Apache Jena Fuseki: /DATASET/data
    ("/rdf-graphs/service", "", "/statements"),  # GraphDB (the RDF4J API): /repositories/ID/...
)


@dataclass(frozen=True)
class Endpoints:
    store: str  # the Graph Store Protocol endpoint
    update: str
    query: str

    def graph(self, iri: str) -> str:
        """The URL of one graph of the store (the protocol's indirect identification)."""
        separator = "&" if "?" in self.store else "?"
        return f"{self.store}{separator}graph={quote(iri, safe='')}"


def endpoints(store_url: str, update_url: str | None = None, query_url: str | None = None) -> Endpoints:
    """The endpoints of a server, the update and query ones derived from `store_url` when they are
    not given. A URL holding credentials is refused: they belong in the environment or ~/.netrc,
    not on a command line that `ps` shows and shells keep."""
    for option, url in (("--store-url", store_url), ("--update-url", update_url), ("--query-url", query_url)):
        if url is not None:
            _check(option, url)
    path = urlsplit(store_url).path.rstrip("/")
    for store_path, query_path, update_path in KNOWN_FORMS:
        if path.endswith(store_path):
            base = store_url.rstrip("/")[: -len(store_path)]
            return Endpoints(store_url, update_url or base + update_path, query_url or base + query_path)
    if update_url is None or query_url is None:
        missing = " and ".join(f"--{kind}-url" for kind, url in (("update", update_url), ("query", query_url))
                               if url is None)
        raise UsageError(f"--store-url {shown_url(store_url)}: not a form kg knows the other endpoints of "
                         f"(.../store, .../data, .../rdf-graphs/service); give {missing}")
    return Endpoints(store_url, update_url, query_url)


def _check(option: str, url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{option} {shown_url(url)}: not an http:// or https:// URL")
    refuse_credentials_in(option, url, CREDENTIALS)
