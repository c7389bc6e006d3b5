"""The `kg` command: parses options, calls one library function, prints the result.

Library errors (KgError) become one line on stderr and a non-zero exit code; nothing else is
caught here, so a real bug still shows its traceback. Each command imports its library function
when it runs: `kg --help` loads none of spaCy, rdflib, pyoxigraph, networkx or pyvis, and the
defaults shown here come from light modules.
"""

from __future__ import annotations

import os
import signal
import sys
import unicodedata
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from kg.confidence import DEFAULT_MIN_CONFIDENCE
from kg.errors import KgError
from kg.graph import DEFAULT_BASE
from kg.page import PAGE_MAX_NODES
from kg.read import DEFAULT_TIMEOUT, SERVE_PORT
from kg.remote import CHUNK_TRIPLES

app = typer.Typer(
    help="Turn a folder of news articles into a knowledge graph: RDF, an interactive page and SPARQL.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out_console = Console()
err_console = Console(stderr=True)

OUT_OPTION = typer.Option(Path("out"), "--out", "-o", help="Build folder (kg.ttl, kg.html, store/).")


def _fail(error: KgError) -> None:
    err_console.print(Text.assemble(("error:", "bold red"), " ", shown(str(error))), highlight=False, soft_wrap=True)
    raise typer.Exit(error.exit_code)


def shown(text: str) -> str:
    """Words from articles, file names and the graph as a terminal should show them: control
    characters (an escape that clears the screen or retitles the window) and direction overrides
    written out as escapes, never obeyed."""
    return "".join(f"\\u{ord(ch):04x}" if _obeyed(ch) else ch for ch in text)


def _obeyed(ch: str) -> bool:
    return (unicodedata.category(ch) == "Cc" and ch not in "\n\t") or "\u202a" <= ch <= "\u202e" \
        or "\u2066" <= ch <= "\u2069"


def _cell(text: str) -> Text:
    """A table cell: the text as shown, never read as markup ('[bold]' in a label stays as written)."""
    return Text(shown(text))


STAGES = {"read": "Reading articles", "resolve": "Resolving entities", "write": "Writing the graph",
          "store": "Loading the store", "page": "Drawing the page", "load": "Loading into the server"}
UNITS = {"load": "triples"}  # what a stage counts, articles unless named here
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
    cluster: Optional[str] = typer.Option(
        None, "--cluster", envvar="KG_CLUSTER",
        help="Read the articles on this Dask cluster (tcp://HOST:8786); OUT must be a folder its workers "
             "reach at the same path. Needs pip install 'kg[cluster]'."),
    store_url: str | None = typer.Option(None, "--store-url", help=STORE_URL_HELP + " Then as kg load does."),
    update_url: str | None = typer.Option(None, "--update-url", help="With --store-url: see kg load."),
    query_url: str | None = typer.Option(None, "--query-url", help="With --store-url: see kg load."),
) -> None:
    """Build the graph of PATHS into OUT: Turtle, an HTML page and a query store.

    Articles read by an earlier build into OUT are not parsed again, and when nothing changed
    nothing is redone. With --store-url the build is then loaded into a SPARQL server (kg load)."""
    from kg.build import BuildSettings
    from kg.build import build as build_graph

    signal.signal(signal.SIGTERM, _interrupt)  # a kill stops the build as Ctrl-C does: cleaned up
    try:
        server = _endpoints(store_url, update_url, query_url)  # a wrong URL fails before the build
        settings = BuildSettings(out_dir=out, base=base, workers=workers, fresh=fresh, min_confidence=min_confidence,
                                 cluster=cluster)
        if quiet:
            report = build_graph(paths, settings)
        else:
            with _BuildProgress() as bar:
                report = build_graph(paths, settings, progress=bar)
    except KgError as error:
        _fail(error)
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
    """Load the build in OUT into a SPARQL 1.1 server, replacing the version there once the new one
    is whole. A load stopped midway goes on where it stopped when run again."""
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        server = _endpoints(store_url, update_url, query_url)
    except KgError as error:
        _fail(error)
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
            with _BuildProgress() as bar:
                report = load_build(out, server, chunk_size=chunk_size, fresh=fresh, progress=bar, on_retry=retrying)
    except KgError as error:
        _fail(error)
    except KeyboardInterrupt:
        err_console.print("interrupted: the server keeps the version it had; kg load again goes on from here",
                          highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(130) from None
    if not quiet:
        out_console.print(shown(report.summary()), highlight=False, markup=False, soft_wrap=True)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


class _BuildProgress:
    """One line per stage of a build: a bar with articles/s and the time left while articles are
    read and written, a pulsing bar for the stages without a count."""

    def __init__(self) -> None:
        self.bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                            TimeRemainingColumn(), console=err_console, transient=True)
        self.tasks: dict[str, int] = {}

    def __enter__(self):
        self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.bar.__exit__(*exc)

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            for task in self.tasks.values():  # the stage before is over
                self.bar.update(task, visible=False)
            self.tasks[stage] = self.bar.add_task(STAGES[stage], total=total or None, rate="")
        task = self.tasks[stage]
        speed = self.bar.tasks[task].speed if done else None
        self.bar.update(task, completed=done, total=total or None,
                        rate=f"{speed:,.1f} {UNITS.get(stage, 'articles')}/s" if speed else "")


def _print_summary(report) -> None:
    if report.up_to_date:
        out_console.print(f"Up to date: {report.articles} articles, nothing changed since the last build "
                          f"(kg build --fresh redoes it)", highlight=False, soft_wrap=True)
    else:
        reused = f" ({report.reused} not parsed: read before, or a copy of another)" if report.reused else ""
        out_console.print(
            f"Built {report.articles} articles{reused}: {report.entities} entities, {report.relations} relations, "
            f"{report.claims} claims, {report.triples} triples in {report.seconds:.1f} s",
            highlight=False,
        )
    if report.set_aside_lines:
        out_console.print(f"  {report.set_aside_lines} lines set aside as not prose (tables, results, lists)",
                          highlight=False)
    for kind, path in report.outputs.items():
        out_console.print(f"  {kind:<7} {shown(str(path))}", highlight=False, markup=False)
    if report.page_left_out:
        out_console.print(f"  the page leaves out {report.page_left_out} (kg viz --focus NAME draws the rest)",
                          highlight=False, soft_wrap=True)


@app.command()
def query(
    sparql: Optional[str] = typer.Argument(None, help="SPARQL text, or the name of a named query."),
    file: Optional[Path] = typer.Option(None, "--file", "-f", help="Read the SPARQL from this file."),
    out: Path = OUT_OPTION,
    fmt: str = typer.Option("table", "--format", help="table, csv, tsv or json."),
    list_queries: bool = typer.Option(False, "--list", help="List the named queries, one per line."),
    param: list[str] = typer.Option([], "--param", "-p", help="Bind a variable: NAME=VALUE (repeatable)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Print at most this many rows."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", min=0.1, help="Stop a query that runs longer (seconds)."),
    endpoint: str | None = typer.Option(
        None, "--endpoint", help="Ask this SPARQL 1.1 query endpoint instead of the build's store "
                                 "(e.g. http://127.0.0.1:7878/query); credentials from KG_ENDPOINT_USER and "
                                 "KG_ENDPOINT_PASSWORD, KG_ENDPOINT_TOKEN or ~/.netrc."),
) -> None:
    """Answer a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) from the build's store,
    or from a SPARQL endpoint.

    Prefixes rdf, rdfs, owl, xsd, skos, schema, prov, org, foaf, kg and rel are pre-declared."""
    from kg.read.query import answer_query, named_queries

    try:
        if list_queries:
            queries = named_queries().values()
            width = max(len(named.name) for named in queries)
            for named in queries:
                sys.stdout.write(f"{named.name:<{width}}  {named.description}\n")
            return
        answer = answer_query(out, sparql, file, parameters=param, limit=limit, timeout=timeout, fmt=fmt,
                              endpoint=endpoint)
    except KgError as error:
        _fail(error)
    if answer.text is None:
        table = Table(*answer.columns, show_lines=False)
        for row in answer.rows:
            table.add_row(*map(_cell, row))
        out_console.print(table)
        err_console.print(f"{len(answer.rows)} row(s)", highlight=False)
    else:
        sys.stdout.write(answer.text + "\n")


@app.command()
def serve(
    out: Path = OUT_OPTION,
    port: int = typer.Option(SERVE_PORT, "--port", min=0, max=65535, help="Port to listen on (0: any free one)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; any other than this machine's "
                                                         "loopback lets others reach the graph."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", min=1, help="Stop a query that runs longer (seconds)."),
) -> None:
    """Serve the build read-only: its page at /, SPARQL 1.1 Protocol queries at /query (for YASGUI,
    Gephi, notebooks), YASGUI at /yasgui/. Ctrl-C stops it.

    It serves the build that is current when it starts; restart it to serve a newer one."""
    from kg.build import HTML_FILE
    from kg.graph.store import store_path
    from kg.read.serve import reach_note
    from kg.read.serve import serve as serve_build

    def say_where(url: str) -> None:
        sys.stdout.write(f"Serving {shown(str(store.parent))} at {url}  (Ctrl-C stops)\n"
                         f"  page    {url}\n  SPARQL  {url}query\n  YASGUI  {url}yasgui/\n")
        if note := reach_note(host):
            sys.stdout.write(shown(note) + "\n")
        sys.stdout.flush()

    signal.signal(signal.SIGTERM, _interrupt)  # a kill stops it as Ctrl-C does, the Oxigraph server too
    try:
        store = store_path(out)  # the build's own folder: a newer build does not change what is served
        serve_build(store, store.parent / HTML_FILE, host=host, port=port, timeout=timeout, ready=say_where)
    except KgError as error:
        _fail(error)
    except KeyboardInterrupt:
        err_console.print("stopped", highlight=False)


@app.command()
def validate(out: Path = OUT_OPTION) -> None:
    """Check the built graph against the SHACL shapes (ontology/shapes.ttl); list each violation."""
    from kg.read.validate import validate_build

    try:
        violations = validate_build(out)
    except KgError as error:
        _fail(error)
    for violation in violations:
        out_console.print(str(violation), highlight=False, markup=False, soft_wrap=True)
    if violations:
        err_console.print(f"{len(violations)} violation(s) of ontology/shapes.ttl", highlight=False)
        raise typer.Exit(1)
    out_console.print(f"{out}: the graph conforms to ontology/shapes.ttl", highlight=False)


@app.command()
def export(
    fmt: str = typer.Option(..., "--format", "-f", help="ttl, nt, jsonld, trig (a named graph per article), "
                                                      "graphml or gexf (entities and relations, for Gephi)."),
    out: Path = OUT_OPTION,
    output: Optional[Path] = typer.Option(None, "--output", help="File to write (default: OUT/export/kg.FORMAT)."),
) -> None:
    """Export the built graph for other tools."""
    from kg.read.export import export as export_graph

    try:
        path = export_graph(out, fmt, output)
    except KgError as error:
        _fail(_naming_output(error, output))
    _wrote(path)


@app.command()
def viz(
    out: Path = OUT_OPTION,
    focus: Optional[str] = typer.Option(None, "--focus",
                                        help="Draw only the neighbourhood of this entity: a name, any of its names or its IRI "
                                             "(an ambiguous name lists the entities it could be)."),
    depth: int = typer.Option(1, "--depth", min=1, help="With --focus: how many links away to reach."),
    max_nodes: int = typer.Option(PAGE_MAX_NODES, "--max-nodes", min=0,
                                  help="Keep the most connected nodes, at most this many (0: all)."),
    output: Optional[Path] = typer.Option(None, "--output", help="Page to write (default: OUT/kg.html)."),
) -> None:
    """Re-render the interactive page from OUT/kg.ttl: the whole graph or one entity's neighbourhood."""
    from kg.build import HTML_FILE, TURTLE_FILE
    from kg.page.render import write_page

    target = output or out / HTML_FILE
    try:
        view = write_page(out / TURTLE_FILE, target, focus=focus, depth=depth, max_nodes=max_nodes)
    except KgError as error:
        _fail(_naming_output(error, output))
    _wrote(target, f": {len(view.nodes)} nodes, {len(view.edges)} edges")
    if view.left_out:
        _wrote_note(target, f"left out {view.left_out}")


def _naming_output(error: KgError, output: Path | None) -> KgError:
    """A file named with --output that cannot be written is reported as that option's mistake."""
    from kg.files import OutputError

    return error.for_option("--output") if isinstance(error, OutputError) and output is not None else error


def _wrote(path: Path, details: str = "") -> None:
    _wrote_note(path, f"wrote {path}{details}")


def _wrote_note(path: Path, note: str) -> None:
    """A note on a written file, shown as text, on stderr when the file is our stdout itself
    (--output /dev/stdout, piped or redirected): after the data it would spoil the export."""
    console = err_console if _is_stdout(path) else out_console
    console.print(shown(note), highlight=False, markup=False, soft_wrap=True)


def _is_stdout(path: Path) -> bool:
    try:
        return os.path.samestat(os.stat(path), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError):  # stdout is no file (a test's buffer), or closed
        return False


@app.command()
def stats(
    out: Path = OUT_OPTION,
    top: int = typer.Option(10, "--top", min=1, help="How many entities and communities to list."),
) -> None:
    """Counts by class, the most connected entities (degree, PageRank) and communities (Louvain)."""
    from kg.read.analyze import stats_of_build

    try:
        found = stats_of_build(out, top=top)
    except KgError as error:
        _fail(error)
    out_console.print(f"{found.triples} triples", highlight=False)
    table = Table("class", "nodes", title="By class")
    for cls, count in found.classes:
        table.add_row(_cell(cls), str(count))
    out_console.print(table)
    table = Table("entity", "degree", "entity", "PageRank", title="Most connected")
    for (name, degree), (ranked, score) in zip(found.by_degree, found.by_pagerank):
        table.add_row(_cell(name), str(degree), _cell(ranked), f"{score:.4f}")
    out_console.print(table)
    out_console.print("Communities (entities only, largest first):", highlight=False)
    for number, members in enumerate(found.communities, start=1):
        out_console.print(shown(f"  {number}. " + ", ".join(members)), highlight=False, markup=False, soft_wrap=True)


@app.command()
def entity(
    name: str = typer.Argument(..., help="The entity's name or any other name it goes by."),
    out: Path = OUT_OPTION,
) -> None:
    """Profile one entity: class, other names, why they were merged, relations, claims and roles."""
    from kg.read.profile import profile_of_build

    try:
        profile = profile_of_build(out, name)
    except KgError as error:
        _fail(error)
    print_line = lambda text="": out_console.print(shown(text), highlight=False, markup=False, soft_wrap=True)  # noqa: E731
    print_line(f"{profile.label}  ({', '.join(profile.classes)})  {profile.iri}")
    print_line(f"also named: {', '.join(profile.aliases) or '-'}")
    print_line(f"in {len(profile.articles)} article(s): " + "; ".join(profile.articles))
    sections = (
        ("merged because", profile.merges, lambda r: f"[{r[0]}] {r[1]} = {r[2]}: {r[3]}"),
        ("relations", profile.relations, lambda r: f"{r[0]} -{r[1]}-> {r[2]}   ({r[3]})"),
        ("claims", profile.claims, lambda r: f"{r[0]}: {r[1]}   ({r[2]})"),
        ("roles", profile.roles, lambda r: f"{r[0]} {r[1]} {r[2]}" + (f" as {r[3]}" if r[3] else "")),
    )
    for title, rows, line in sections:
        print_line()
        print_line(f"{title} ({len(rows)}):")
        for row in rows:
            print_line(f"  {line(row)}")
