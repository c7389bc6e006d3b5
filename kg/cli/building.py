"""`kg build` and `kg load`: the commands that write a build and send it to a server."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import typer
from rich.text import Text

from kg.cli import app
from kg.cli.terminal import (
    OUT_OPTION,
    BuildProgress,
    err_console,
    fail,
    interrupt,
    out_console,
    shown,
)
from kg.confidence import DEFAULT_MIN_CONFIDENCE
from kg.errors import KgError
from kg.graph import DEFAULT_BASE
from kg.remote import CHUNK_TRIPLES

STORE_URL_HELP = ("A SPARQL server's Graph Store Protocol endpoint (Oxigraph server: http://HOST:7878/store) "
                  "to load the build into; credentials from KG_STORE_USER and KG_STORE_PASSWORD, "
                  "KG_STORE_TOKEN or ~/.netrc.")


@app.command()
def build(
    paths: list[Path] = typer.Argument(..., help="Article files (.txt, .md) or folders of them."),
    out: Path = OUT_OPTION,
    base: str = typer.Option(DEFAULT_BASE, help="Base IRI for the graph's resources."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", "-w", min=1,
                                help="Processes that parse and read articles (default: one per core)."),
    fresh: bool = typer.Option(False, "--fresh", help="Parse every article again instead of reusing "
                                                      "what the last build read (OUT/cache)."),
    min_confidence: float = typer.Option(
        DEFAULT_MIN_CONFIDENCE, "--min-confidence", min=0.0, max=1.0,
        help="Assert only facts at least this sure (the share of such facts a careful reader accepted); "
             "the rest are kept as candidates (kg query candidates)."),
    cluster: str | None = typer.Option(
        None, "--cluster", envvar="KG_CLUSTER",
        help="Read and write the articles on this Dask cluster (tcp://HOST:8786); OUT must be a folder its "
             "workers reach at the same path. Needs pip install 'kg[cluster]'."),
    cache: str | None = typer.Option(
        None, "--cache", envvar="KG_CACHE",
        help="Keep what is read from each article here instead of OUT/cache: a folder, or an fsspec URL "
             "(s3://bucket/kg-cache, with pip install s3fs) that builds may share; never pruned."),
    store_url: str | None = typer.Option(None, "--store-url", help=STORE_URL_HELP + " Then as kg load does."),
    update_url: str | None = typer.Option(None, "--update-url", help="With --store-url: see kg load."),
    query_url: str | None = typer.Option(None, "--query-url", help="With --store-url: see kg load."),
) -> None:
    """Build the graph of PATHS into OUT: Turtle, an HTML page and a query store.

    Articles read by an earlier build into OUT are not parsed again, and when nothing changed
    nothing is redone. With --store-url the build is then loaded into a SPARQL server (kg load)."""
    from kg.build import BuildSettings
    from kg.build import build as build_graph

    signal.signal(signal.SIGTERM, interrupt)  # a kill stops the build as Ctrl-C does: cleaned up
    try:
        server = _endpoints(store_url, update_url, query_url)  # a wrong URL fails before the build
        if server is not None:
            from kg.remote.load import check_server
            check_server(server)  # ... and so does a server that does not answer
        settings = BuildSettings(out_dir=out, base=base, workers=workers, fresh=fresh, min_confidence=min_confidence,
                                 cluster=cluster, cache=cache)
        if quiet:
            report = build_graph(paths, settings)
        else:
            with BuildProgress() as bar:
                report = build_graph(paths, settings, progress=bar)
    except KgError as error:
        fail(error)
    except KeyboardInterrupt:
        err_console.print(f"interrupted: {shown(str(out))} holds the last build that finished, if any",
                          highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(130) from None
    for problem in report.problems:
        err_console.print(Text.assemble(("skipped" if problem.skipped else "warning", "yellow"), " ",
                                        shown(str(problem))), highlight=False, soft_wrap=True)
    if not quiet:
        _print_summary(report)
    if server is not None:
        _load(out, server, quiet=quiet)
    # a file left out fails the build; an article read only in part is built, and its warning said
    if any(problem.skipped for problem in report.problems):
        raise typer.Exit(1)


@app.command()
def load(
    out: Path = OUT_OPTION,
    store_url: str = typer.Option(..., "--store-url", help=STORE_URL_HELP),
    update_url: str | None = typer.Option(None, "--update-url",
                                             help="The server's SPARQL Update endpoint (default: from --store-url, "
                                                  "for Oxigraph, Fuseki and GraphDB)."),
    query_url: str | None = typer.Option(None, "--query-url",
                                            help="The server's SPARQL query endpoint (default: from --store-url)."),
    chunk_size: int = typer.Option(CHUNK_TRIPLES, "--chunk-size", min=1, help="Triples sent in one request."),
    fresh: bool = typer.Option(False, "--fresh", help="Load from the start, even what an earlier run loaded."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Load the build in OUT into a SPARQL 1.1 server.

    The version there is replaced once the new one is whole; a load stopped midway goes on where it
    stopped when run again."""
    signal.signal(signal.SIGTERM, interrupt)
    try:
        server = _endpoints(store_url, update_url, query_url)
    except KgError as error:
        fail(error)
    _load(out, server, quiet=quiet, chunk_size=chunk_size, fresh=fresh)


def _endpoints(store_url: str | None, update_url: str | None, query_url: str | None):
    from kg.errors import UsageError
    from kg.remote.endpoints import endpoints

    if store_url is None:
        if update_url or query_url:
            raise UsageError("--update-url and --query-url go with --store-url")
        return None
    return endpoints(store_url, update_url, query_url)


def _load(out: Path, server, *, quiet: bool, chunk_size: int = CHUNK_TRIPLES, fresh: bool = False) -> None:
    from kg.remote.load import load_build

    def retrying(reason: str) -> None:
        err_console.print(f"retrying: {shown(reason)}", highlight=False, markup=False, soft_wrap=True)

    try:
        if quiet:
            report = load_build(out, server, chunk_size=chunk_size, fresh=fresh, on_retry=retrying)
        else:
            with BuildProgress() as bar:
                report = load_build(out, server, chunk_size=chunk_size, fresh=fresh, progress=bar, on_retry=retrying)
    except KgError as error:
        fail(error)
    except KeyboardInterrupt:
        err_console.print("interrupted: the server keeps the version it had; kg load again goes on from here",
                          highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(130) from None
    if not quiet:
        out_console.print(shown(report.summary()), highlight=False, markup=False, soft_wrap=True)


def _print_summary(report) -> None:
    if report.up_to_date:
        out_console.print(f"Up to date: {report.articles} articles, nothing changed since the last build "
                          f"(kg build --fresh redoes it)", highlight=False, soft_wrap=True)
    else:
        reused = f" ({report.reused} not parsed: read before, or a copy of another)" if report.reused else ""
        out_console.print(
            f"Built {report.articles} articles{reused}: {report.entities} entities, {report.relations} relations, "
            f"{report.claims} claims, {report.triples} triples in {report.seconds:.1f} s",
            highlight=False, soft_wrap=True,  # one line, for scripts that read it
        )
    if report.set_aside_lines:
        out_console.print(f"  {report.set_aside_lines} lines set aside as not prose (tables, results, lists)",
                          highlight=False)
    for kind, path in report.outputs.items():
        out_console.print(f"  {kind:<7} {shown(str(path))}", highlight=False, markup=False)
    if report.page_left_out:
        out_console.print(f"  the page leaves out {report.page_left_out} (kg viz --focus NAME draws the rest)",
                          highlight=False, soft_wrap=True)
