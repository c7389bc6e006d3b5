"""`kg load`: a build into a SPARQL 1.1 server, replacing the version there only once the new one
is whole.

1. Each graph (kg/remote/chunks.py) is sent in chunks to a staging graph of its own, named after
   the build (<GRAPH/load/BUILD-ID>), by Graph Store Protocol POSTs. A POST adds triples, so a
   chunk sent twice (after a kill between its POST and the manifest's update) changes nothing.
2. The manifest (kg/remote/manifest.py) records each chunk loaded: a rerun skips them.
3. The server counts the staging graphs; only if they hold every triple does one SPARQL Update
   request MOVE each staging graph onto its graph. In Oxigraph one update request is one
   transaction, so readers see the old version or the new, never a mix or neither. The manifest
   says "switching" before it is sent: a rerun after a kill, or a retry after an answer lost, that
   finds the staging graphs gone and the graphs whole knows the switch was made.
4. A load of another build first drops the staging graphs an abandoned load left.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph

from kg.build import pause_point
from kg.build.folder import current_build, locked
from kg.errors import StoreError
from kg.graph import STORE_DIR
from kg.graph.vocab import DATA_GRAPH, ONTOLOGY_AND_INFERRED_GRAPH
from kg.remote import CHUNK_TRIPLES
from kg.remote.chunks import ServerGraph, chunks, server_graphs
from kg.remote.endpoints import Endpoints, shown_url
from kg.remote.http import Server, ServerError
from kg.remote.manifest import LoadManifest, manifest_path, read_manifest

# Called as progress(stage, done, total) like a build's: stage "load", triples loaded of all.
Progress = Callable[[str, int, int], None]
N_TRIPLES = "application/n-triples"
# How long a server has to answer the check made before a build that would load into it.
CHECK_SECONDS = 10


@dataclass(frozen=True)
class LoadReport:
    build: str
    triples: int
    chunks_sent: int
    chunks_skipped: int  # loaded by an earlier run that stopped
    seconds: float
    store_url: str  # as shown: without credentials
    already_loaded: bool = False  # this build was loaded into this server before: nothing was sent
    switch_found_made: bool = False  # an earlier run that stopped after sending the switch had made it

    def summary(self) -> str:
        if self.already_loaded:
            return (f"Already loaded: build {self.build} is the version {self.store_url} holds "
                    f"(kg load --fresh loads it again)")
        if self.switch_found_made:
            return (f"Loaded build {self.build} into {self.store_url}: the switch an earlier run sent before it "
                    f"stopped was made, and is now recorded; nothing sent")
        skipped = f", {self.chunks_skipped} chunk(s) loaded before skipped" if self.chunks_skipped else ""
        rate = self.triples / self.seconds if self.seconds else 0
        return (f"Loaded build {self.build} into {self.store_url}: {self.triples} triples in {self.chunks_sent} "
                f"request(s){skipped}, {self.seconds:.1f} s ({rate:,.0f} triples/s)")


def check_server(endpoints: Endpoints) -> None:
    """One line, at once, unless the server's query endpoint answers: a build that would be loaded
    into it is not started (a load alone retries instead, for a server that is restarting)."""
    server = Server(endpoints.store, endpoints.update, endpoints.query)
    try:
        server.post(endpoints.query, urlencode({"query": "ASK {}"}).encode(), "application/x-www-form-urlencoded",
                    accept="application/sparql-results+json", retries=0, timeout=CHECK_SECONDS)
    except ServerError as error:
        raise ServerError(f"--store-url {shown_url(endpoints.store)}: the server does not answer ({error}); "
                          f"nothing was built") from None


def load_build(out: Path, endpoints: Endpoints, *, chunk_size: int = CHUNK_TRIPLES, fresh: bool = False,
               progress: Progress | None = None, on_retry: Callable[[str], None] | None = None) -> LoadReport:
    """Load the build OUT shows into the server. Holds the build folder's lock, so that no build
    removes the folder being read."""
    started = time.perf_counter()
    no_build = StoreError(f"{out}: no build to load; run 'kg build --out {out}' first")
    if current_build(out) is None:  # asked before the lock, which would create OUT and its .lock
        raise no_build
    with locked(out):
        build = current_build(out)
        if build is None or not (build / STORE_DIR).is_dir():
            raise no_build
        server = Server(endpoints.store, endpoints.update, endpoints.query)
        path = manifest_path(out, endpoints.store)
        manifest = _manifest_for(build.name, endpoints, chunk_size, fresh, read_manifest(path), server)
        if manifest.switched:
            return LoadReport(build.name, 0, 0, 0, time.perf_counter() - started, manifest.store_url,
                              already_loaded=True)
        store = pyoxigraph.Store.read_only(str(build / STORE_DIR))
        graphs = server_graphs(store)
        if manifest.switching and _switch_made(server, endpoints, manifest, graphs):
            _record_switched(manifest, path)
            return LoadReport(build.name, 0, 0, 0, time.perf_counter() - started, manifest.store_url,
                              switch_found_made=True)
        loading = _Loading(server, endpoints, manifest, path, progress, on_retry, sum(g.triples for g in graphs))
        for graph in graphs:
            loading.send(graph)
        _check_whole(server, endpoints, manifest, graphs)
        pause_point("load-switch")
        manifest.switching = True  # from here a kill may leave the switch made but not recorded
        manifest.save(path)
        try:
            server.post(endpoints.update, _switch(manifest, graphs).encode(), "application/sparql-update",
                        on_retry=on_retry)
        except ServerError:
            # a retry after a lost answer finds the staging graphs moved already: the server refuses it
            if not _switch_made(server, endpoints, manifest, graphs, quietly=True):
                raise
        pause_point("load-switched")
        _record_switched(manifest, path)
    return LoadReport(build.name, loading.total, loading.sent, loading.skipped, time.perf_counter() - started,
                      manifest.store_url)


class _Loading:
    """The chunks of one load: sent, or skipped when an earlier run loaded them."""

    def __init__(self, server: Server, endpoints: Endpoints, manifest: LoadManifest, path: Path,
                 progress: Progress | None, on_retry, total: int) -> None:
        self.server, self.endpoints, self.manifest, self.path = server, endpoints, manifest, path
        self.progress, self.on_retry, self.total = progress, on_retry, total
        self.done = self.sent = self.skipped = 0

    def send(self, graph: ServerGraph) -> None:
        staging = self.manifest.staging[graph.iri]
        loaded = self.manifest.loaded.setdefault(graph.iri, [])
        for index, chunk in enumerate(chunks(graph.read(), self.manifest.chunk_size)):
            if index < len(loaded) and loaded[index] == chunk.digest:
                self.skipped += 1
            else:
                if index < len(loaded):  # the store reads in another order than it did: start the graph over
                    raise ServerError(f"the chunks of {graph.iri} differ from those loaded before; "
                                      f"run 'kg load --fresh' to load again from the start")
                self.server.post(self.endpoints.graph(staging), chunk.body, N_TRIPLES, on_retry=self.on_retry)
                loaded.append(chunk.digest)
                self.manifest.save(self.path)
                self.sent += 1
                pause_point(f"load-chunk-{self.sent}")
            self.done += chunk.triples
            if self.progress is not None:
                self.progress("load", self.done, self.total)


def _manifest_for(build: str, endpoints: Endpoints, chunk_size: int, fresh: bool, found: LoadManifest | None,
                  server: Server) -> LoadManifest:
    """The manifest to go on with: the one found when it is this build's, with the same chunk size;
    else a new one, after dropping the staging graphs of the load it recorded, if unfinished."""
    if found is not None and found.build == build and found.chunk_size == chunk_size and not fresh:
        return found
    if found is not None and not found.switched:
        drops = " ;\n".join(f"DROP SILENT GRAPH <{staging}>" for staging in found.staging.values())
        server.post(endpoints.update, drops.encode(), "application/sparql-update")
    return LoadManifest(build=build, store_url=shown_url(endpoints.store), chunk_size=chunk_size,
                        staging={iri: f"{iri}/load/{build}" for iri in (DATA_GRAPH, ONTOLOGY_AND_INFERRED_GRAPH)})


def _counts(server: Server, endpoints: Endpoints, iris: list[str]) -> dict[str, int]:
    """The number of triples in each of these graphs on the server; an empty or absent one is left out."""
    values = " ".join(f"<{iri}>" for iri in iris)
    query = f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
    answer = server.post(endpoints.query, urlencode({"query": query}).encode(), "application/x-www-form-urlencoded",
                         accept="application/sparql-results+json")
    try:
        return {row["g"]["value"]: int(row["n"]["value"]) for row in json.loads(answer)["results"]["bindings"]}
    except (ValueError, KeyError, TypeError):
        raise ServerError(f"{shown_url(endpoints.query)}: not an answer in SPARQL JSON results") from None


def _check_whole(server: Server, endpoints: Endpoints, manifest: LoadManifest, graphs: list[ServerGraph]) -> None:
    """Count each staging graph on the server: the switch waits until it holds every triple."""
    counts = _counts(server, endpoints, [manifest.staging[graph.iri] for graph in graphs])
    for graph in graphs:
        staging = manifest.staging[graph.iri]
        if counts.get(staging, 0) != graph.triples:
            raise ServerError(f"the server holds {counts.get(staging, 0)} of the {graph.triples} triples loaded "
                              f"into <{staging}> (changed meanwhile?); the old version stays: "
                              f"run 'kg load --fresh' to load again")


def _switch_made(server: Server, endpoints: Endpoints, manifest: LoadManifest, graphs: list[ServerGraph], *,
                 quietly: bool = False) -> bool:
    """Whether the switch was made: the staging graphs gone and each graph holding the build's
    count. Only the switch empties the staging graphs of a load whose manifest says "switching"."""
    try:
        counts = _counts(server, endpoints, [manifest.staging[g.iri] for g in graphs] + [g.iri for g in graphs])
    except ServerError:
        if quietly:  # the caller reports its own error
            return False
        raise
    return (all(manifest.staging[g.iri] not in counts for g in graphs)
            and all(counts.get(g.iri, 0) == g.triples for g in graphs))


def _record_switched(manifest: LoadManifest, path: Path) -> None:
    manifest.switching, manifest.switched = False, True
    manifest.save(path)


def _switch(manifest: LoadManifest, graphs: list[ServerGraph]) -> str:
    """One update request that replaces every graph by its staging graph (MOVE drops the target
    first, then drops the source); a graph with no triples is dropped."""
    return " ;\n".join(f"MOVE GRAPH <{manifest.staging[g.iri]}> TO GRAPH <{g.iri}>" if g.triples
                       else f"DROP SILENT GRAPH <{g.iri}>" for g in graphs)
