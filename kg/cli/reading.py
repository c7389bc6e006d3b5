"""The commands that read a build: query, serve, validate, export, viz, stats and entity."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from kg.cli import app
from kg.cli.terminal import (
    OUT_OPTION,
    cell,
    err_console,
    fail,
    interrupt,
    out_console,
    shown,
)
from kg.errors import KgError
from kg.page import PAGE_MAX_NODES
from kg.read import DEFAULT_TIMEOUT, SERVE_PORT


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
    """Answer a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) from the build's store.

    With --endpoint the query goes to a SPARQL 1.1 query endpoint instead.

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
        fail(error)
    if answer.text is None:
        table = Table(*answer.columns, show_lines=False)
        for row in answer.rows:
            table.add_row(*map(cell, row))
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
    """Serve the build read-only: its page and SPARQL 1.1 Protocol queries.

    The page is at /, queries at /query (for YASGUI, Gephi, notebooks), YASGUI at /yasgui/. Ctrl-C stops it.

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

    signal.signal(signal.SIGTERM, interrupt)  # a kill stops it as Ctrl-C does, the Oxigraph server too
    try:
        store = store_path(out)  # the build's own folder: a newer build does not change what is served
        serve_build(store, store.parent / HTML_FILE, host=host, port=port, timeout=timeout, ready=say_where)
    except KgError as error:
        fail(error)
    except KeyboardInterrupt:
        err_console.print("stopped", highlight=False)


@app.command()
def validate(out: Path = OUT_OPTION) -> None:
    """Check the built graph against the SHACL shapes (ontology/shapes.ttl); list each violation."""
    from kg.read.validate import validate_build

    try:
        violations = validate_build(out)
    except KgError as error:
        fail(error)
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
        fail(_naming_output(error, output))
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
        fail(_naming_output(error, output))
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
        fail(error)
    out_console.print(f"{found.triples} triples", highlight=False)
    table = Table("class", "nodes", title="By class")
    for cls, count in found.classes:
        table.add_row(cell(cls), str(count))
    out_console.print(table)
    table = Table("entity", "degree", "entity", "PageRank", title="Most connected")
    for (name, degree), (ranked, score) in zip(found.by_degree, found.by_pagerank):
        table.add_row(cell(name), str(degree), cell(ranked), f"{score:.4f}")
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
        fail(error)
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
