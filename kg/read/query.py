"""Read-only SPARQL over the embedded store: named queries, refusal of writes, result formats, and
`answer_query`, all that `kg query` asks of the library."""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import re
import signal
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph
from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

from kg.errors import KgError, QueryError, StoreError, UsageError, described, one_line
from kg.files import NotRegularFileError, read_regular_file
from kg.graph.store import store_path
from kg.graph.terms import quoted
from kg.graph.vocab import PREFIXES
from kg.processes import drop_network, process_context, start_child
from kg.read import DEFAULT_TIMEOUT

FORMATS = ("table", "csv", "tsv", "json")
HEADER_FIELD = re.compile(r"^#\s*(\w+)\s*:\s*(.*)$")
# '# param name: the entity's label': a variable the caller binds with --param name=VALUE
PARAMETER_FIELD = re.compile(r"^#\s*param\s+(\w+)\s*:\s*(.*)$")
WHERE_OPENING = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)  # where parameter values are bound
SERVICE_KEYWORD = re.compile(r"\bSERVICE\b", re.IGNORECASE)
SERVICE_REFUSAL = ("refused: SERVICE would query a remote endpoint; kg query reads only the local store "
                   "(to match the word 'service' in the data, pass it as a value with --param)")
# SPARQL reads \uXXXX and \UXXXXXXXX escapes before anything else, anywhere in a query
CODEPOINT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# Comments, strings and IRIs, removed before looking for keywords.
NON_CODE = re.compile(r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>')
PREFIX_DECLARATIONS = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
# A query file larger than this is not a query someone wrote: refused before it is read whole.
MAX_QUERY_FILE_BYTES = 1_000_000


class QueryTimeoutError(QueryError):
    """A query ran past its --timeout and was stopped."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str
    parameters: dict[str, str] = field(default_factory=dict)  # variable name -> what to give


@dataclass(frozen=True)
class QueryResult:
    """SELECT: variables + rows of terms; ASK: boolean; CONSTRUCT/DESCRIBE: triples."""

    kind: str  # "select" | "ask" | "graph"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[pyoxigraph.Triple, ...] = ()


@dataclass(frozen=True)
class Answer:
    """What `kg query` prints: a SELECT asked for as a table, as its columns and its rows' terms in
    plain text; any other result as text in the format asked for."""

    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    text: str | None = None  # None: the columns and rows, to draw as a table


def answer_query(out_dir: Path, query: str | None = None, file: Path | None = None, *,
                 parameters: Sequence[str] = (), limit: int | None = None, timeout: float = DEFAULT_TIMEOUT,
                 fmt: str = "table", endpoint: str | None = None) -> Answer:
    """Answer SPARQL given as text, as the name of a named query or in a file, with its 'NAME=VALUE'
    parameters, from the store of the build in `out_dir` (or the SPARQL endpoint at the URL
    `endpoint`), stopped after `limit` rows or `timeout` seconds, laid out in `fmt`."""
    check_format(fmt)  # before the query runs, so a typo costs nothing
    text = query_text(query, file)
    values = parse_parameters(parameters, named_queries().get(query) if file is None else None)
    if endpoint is None:
        result = run_query_with_timeout(store_path(out_dir), text, values, limit, timeout)
    else:  # kg.read.endpoint builds on this module: imported when asked for
        from kg.read.endpoint import run_query_at

        result = run_query_at(endpoint, text, values, limit, timeout)
    if fmt == "table" and result.kind == "select":
        return Answer(columns=result.variables, rows=tuple(tuple(map(term_text, row)) for row in result.rows))
    return Answer(text=format_result(result, fmt))


def named_queries() -> dict[str, NamedQuery]:
    """Queries shipped in ontology/queries/*.rq, by file name, with their comment header."""
    queries = {}
    folder = resources.files("kg.ontology.queries")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        header = dict(
            match.groups() for line in text.splitlines() if (match := HEADER_FIELD.match(line))
        )
        parameters = dict(match.groups() for line in text.splitlines() if (match := PARAMETER_FIELD.match(line)))
        name = entry.name[: -len(".rq")]
        queries[name] = NamedQuery(name, header.get("title", name), header.get("description", ""), text, parameters)
    return queries


def query_text(query: str | None, file: Path | None) -> str:
    """The SPARQL to run: from a file, a named query, or the string itself."""
    if file is not None:
        if query is not None:
            raise UsageError("give a query or --file, not both")
        return read_query_file(file)
    if not query:
        raise UsageError("give a SPARQL query, a named query (see --list) or --file FILE")
    named = named_queries()
    if query in named:
        return named[query].text
    if re.fullmatch(r"[\w-]+", query):
        raise UsageError(f"no named query {query!r}; known: {', '.join(named)}")
    return query


def read_query_file(file: Path) -> str:
    """The text of a query file: a regular file (kg.files.read_regular_file) of at most
    MAX_QUERY_FILE_BYTES in UTF-8."""
    try:
        data, _ = read_regular_file(file, MAX_QUERY_FILE_BYTES + 1)
    except NotRegularFileError:
        raise UsageError(f"{file}: not a regular file (a folder, pipe or device is never read as a query)") from None
    except OSError as error:
        raise UsageError(f"{file}: cannot read query file ({error.strerror})") from error
    if len(data) > MAX_QUERY_FILE_BYTES:
        raise UsageError(f"{file}: query file over {MAX_QUERY_FILE_BYTES:,} bytes; a query is never that long")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(f"{file}: not UTF-8 text ({error.reason} at byte {error.start})") from error


@functools.lru_cache(maxsize=256)  # parsing with rdflib takes 40-150 ms; a program repeats its queries
def check_read_only(text: str) -> None:
    """Refuse anything that would modify data or reach outside the store.

    The word SERVICE is refused anywhere in the text, in strings and IRIs too, escapes read: no
    second parser can be trusted to see a query as the store's does (rdflib, not knowing Oxigraph's
    LATERAL, once let '<2)SERVICE?e{...}FILTER(2>' through as an IRI). Values go in with --param,
    as data. Updates are refused with a message of their own; the store is read-only anyway."""
    refuse_service(text)
    full = PREFIX_DECLARATIONS + text
    if _parses(parseQuery, full) or not _parses(parseUpdate, full):
        return  # a query, or neither here: the store's parser says what is wrong
    raise QueryError(
        "refused: this is a SPARQL update (INSERT/DELETE/LOAD/CLEAR/CREATE/DROP/...); "
        "kg query is read-only"
    )


def refuse_service(text: str) -> None:
    """Refuse a query with the word SERVICE anywhere, escapes read (see check_read_only)."""
    if SERVICE_KEYWORD.search(_escapes_read(text)):
        raise QueryError(SERVICE_REFUSAL)


def _parses(parse, text: str) -> bool:
    try:
        parse(text)
    except (ParseException, RecursionError):  # RecursionError: parentheses nested hundreds deep
        return False
    return True


def _escapes_read(text: str) -> str:
    def character(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code < 0x110000 else ""
    return CODEPOINT_ESCAPE.sub(character, text)


def parse_parameters(pairs: Iterable[str], named: NamedQuery | None) -> dict[str, str]:
    """'name=Donald Trump' pairs -> {variable: value}. A named query needs exactly the parameters
    its header declares."""
    values = {}
    for pair in pairs:
        variable, equals, value = pair.partition("=")
        if not equals or not re.fullmatch(r"\w+", variable.strip()):
            raise UsageError(f"--param {pair!r}: write it as NAME=VALUE")
        values[variable.strip()] = value
    if named is not None:
        unknown = sorted(set(values) - set(named.parameters))
        missing = sorted(set(named.parameters) - set(values))
        declared = ", ".join(f"{k} ({v})" for k, v in named.parameters.items()) or "none"
        if unknown or missing:
            problem = f"unknown parameter {unknown[0]!r}" if unknown else f"missing --param {missing[0]}=..."
            raise UsageError(f"query {named.name!r}: {problem}; its parameters: {declared}")
    return values


def bind_parameters(text: str, parameters: dict[str, str]) -> str:
    """The query with 'VALUES ?name { "value" }' first in its WHERE clause, for each parameter."""
    if not parameters:
        return text
    where = WHERE_OPENING.search(_code_only(text))
    if where is None:
        raise UsageError("--param needs a query with a WHERE clause")
    values = " ".join(f"VALUES ?{name} {{ {string_literal(value)} }}" for name, value in parameters.items())
    return f"{text[: where.end()]} {values} {text[where.end():]}"


def string_literal(value: str) -> str:
    """A SPARQL string literal holding `value` exactly (a value is data, never query code)."""
    return quoted(value)


def run_query(store: pyoxigraph.Store, text: str, parameters: dict[str, str] | None = None,
              limit: int | None = None) -> QueryResult:
    """Run read-only SPARQL. `parameters` bind variables to string literals (an escaped VALUES block
    opening the WHERE clause, so a value is always data, never query code); `limit` stops reading
    results after that many rows."""
    check_read_only(text)
    return execute(store, bind_parameters(text, parameters or {}), limit)


def execute(store: pyoxigraph.Store, text: str, limit: int | None = None) -> QueryResult:
    """Run SPARQL on the store as it is, unchecked: callers check it first (run_query), or run it
    where it can do no harm (run_in_sandbox)."""
    try:
        # the default graph holds the data, the ontology and the inferred triples (kg/graph/store.py)
        return collect(store.query(text, prefixes=PREFIXES), limit)
    except SyntaxError as error:
        raise QueryError(f"invalid SPARQL: {one_line(error)}") from error
    except OSError as error:  # also what a SERVICE call that could not connect gives, while rows are read
        raise QueryError(f"query failed: {one_line(error)}") from error


def collect(result, limit: int | None = None) -> QueryResult:
    """A QueryResult of the first `limit` answers of pyoxigraph's: a boolean, solutions, or triples."""
    if isinstance(result, pyoxigraph.QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(result))
    if isinstance(result, pyoxigraph.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(solution[v] for v in variables) for solution in itertools.islice(result, limit))
        return QueryResult(kind="select", variables=variables, rows=rows)
    return QueryResult(kind="graph", triples=tuple(itertools.islice(result, limit)))


def open_read_only(store_dir: Path) -> pyoxigraph.Store:
    try:
        return pyoxigraph.Store.read_only(str(store_dir))
    except OSError as error:
        raise StoreError(f"{store_dir}: cannot open the query store ({one_line(error)})") from error


def run_query_with_timeout(store_dir: Path, text: str, parameters: dict[str, str] | None = None,
                           limit: int | None = None, timeout: float = DEFAULT_TIMEOUT) -> QueryResult:
    """run_query on the store in `store_dir`, in a child process without network that is killed
    after `timeout` seconds. All the work on the text, the read-only check too (rdflib takes over
    ten seconds on some 25 KB queries), is done there, so `timeout` bounds the whole."""
    return run_in_sandbox(functools.partial(_query_store, store_dir, text, parameters, limit), timeout)


def _query_store(store_dir: Path, text: str, parameters: dict[str, str] | None, limit: int | None) -> QueryResult:
    return run_query(open_read_only(store_dir), text, parameters, limit)


def run_in_sandbox(task: Callable[[], QueryResult], timeout: float, *, offline: bool = True) -> QueryResult:
    """task() in a child process that first drops its network (kg.processes.drop_network, where the
    platform allows it; not when `offline` is False, for a child that must reach an endpoint) and is
    killed after `timeout` seconds: Oxigraph cannot cancel a running query, and a stray cross
    product would otherwise hold the caller forever. Its KgError is raised here; any other end of
    the child is one QueryError."""
    context = process_context()  # on Linux a fork, whose child inherits the loaded modules
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_answer_in_child, args=(sender, task, offline), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryTimeoutError(f"query stopped after the {timeout:g} s timeout (raise it with --timeout)")
        outcome = receiver.recv()
    except EOFError:
        outcome = None  # the child died without an answer
    finally:
        child.kill()
        child.join()
    if outcome is None:
        raise QueryError(f"query failed: the query process {_how_it_ended(child.exitcode)}")
    if isinstance(outcome, KgError):
        raise outcome
    return outcome


def _answer_in_child(sender, task: Callable[[], QueryResult], offline: bool) -> None:
    if offline:
        drop_network()  # before the text is parsed or the store opened; where it cannot, SERVICE is refused by word
    start_child()  # after: its thread would keep a new user namespace from being made
    try:
        sender.send(task())
    except KgError as error:
        sender.send(error)
    except Exception as error:  # noqa: BLE001 (whatever a hostile query provokes is one line, not a traceback)
        sender.send(QueryError(f"query failed: {described(error)}"))


def _how_it_ended(exitcode: int | None) -> str:
    if exitcode in (-signal.SIGSEGV, -signal.SIGABRT):
        return f"crashed ({signal.Signals(-exitcode).name}; a query nested very deep overflows the parser's stack)"
    return f"ended with exit code {exitcode}"


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def format_result(result: QueryResult, fmt: str) -> str:
    """Text for csv/tsv/json (SPARQL 1.1 results formats); table is drawn by the CLI from rows."""
    check_format(fmt)
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean})
        return "true" if result.boolean else "false"
    if result.kind == "graph":
        if fmt == "json":
            return pyoxigraph.serialize(result.triples, format=pyoxigraph.RdfFormat.JSON_LD).decode()
        if fmt == "table":
            return pyoxigraph.serialize(
                result.triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES
            ).decode()
        return _delimited(("subject", "predicate", "object"),
                          [(t.subject, t.predicate, t.object) for t in result.triples], fmt)
    if fmt == "json":
        return json.dumps(
            {
                "head": {"vars": list(result.variables)},
                "results": {"bindings": [
                    {var: _json_term(term) for var, term in zip(result.variables, row) if term is not None}
                    for row in result.rows
                ]},
            },
            ensure_ascii=False,
        )
    return _delimited(result.variables, result.rows, fmt)


def term_text(term: object) -> str:
    """Plain text of a term for tables and CSV: IRIs shortened with the known prefixes."""
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        for prefix, iri in PREFIXES.items():
            if term.value.startswith(iri):
                return f"{prefix}:{term.value[len(iri):]}"
        return term.value
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    return term.value


def _delimited(header: tuple[str, ...], rows, fmt: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_full_text(term) for term in row])
    return buffer.getvalue().rstrip("\n")


def _full_text(term: object) -> str:
    return "" if term is None else term.value


def _json_term(term: object) -> dict:
    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    binding = {"type": "literal", "value": term.value}
    if term.language:
        binding["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        binding["datatype"] = term.datatype.value
    return binding


def _code_only(text: str) -> str:
    """The query with comments, strings and IRIs blanked out, offsets kept."""
    return NON_CODE.sub(lambda match: " " * len(match.group()), text)
