from __future__ import annotations

import csv
import functools
import io
import json
import threading
from collections import defaultdict
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rdflib import RDF, RDFS, Graph
from rdflib.namespace import PROV

from kg.errors import QueryError, StoreError, UsageError
from kg.graph.store import open_store, store_path
from kg.graph.vocab import KG, SCHEMA, relation_properties
from kg.processes import can_drop_network
from kg.read.query import (
    Answer,
    answer_query,
    check_read_only,
    execute,
    format_result,
    named_queries,
    open_read_only,
    parse_parameters,
    query_text,
    run_in_sandbox,
    run_query,
    run_query_with_timeout,
    term_text,
)


@pytest.fixture(scope="module")
def store(corpus_build):
    out, _ = corpus_build
    return open_store(out)


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "CREATE GRAPH <urn:g>",
        "DROP DEFAULT",
        "prefix x: <urn:x> insert data { x:a x:b x:c }",
    ],
)
def test_updates_are_refused(store, update):
    with pytest.raises(QueryError, match="refused: this is a SPARQL update"):
        run_query(store, update)
    assert run_query(store, "ASK { ?s ?p ?o }").boolean is True  # data untouched


@pytest.mark.parametrize(
    "remote",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    ],
)
def test_service_is_refused(remote):
    with pytest.raises(QueryError, match="SERVICE"):
        check_read_only(remote)


def test_prefixes_are_pre_bound(store):
    result = run_query(store, "SELECT ?p WHERE { ?p a kg:Person ; rdfs:label ?l } LIMIT 1")
    assert result.kind == "select" and len(result.rows) == 1


def test_syntax_error_is_a_clear_query_error(store):
    with pytest.raises(QueryError, match="invalid SPARQL"):
        run_query(store, "SELECT ?x WHERE { ?x ")


def test_ask_and_construct(store):
    assert run_query(store, "ASK { ?c a kg:Claim }").boolean is True
    graph = run_query(store, "CONSTRUCT { ?p a kg:Person } WHERE { ?p a kg:Person }")
    assert graph.kind == "graph" and graph.triples
    assert "kg:Person" in format_result(graph, "table")


def test_csv_tsv_and_json_formats(store):
    result = run_query(store, "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name")
    names = [row[0].value for row in result.rows]
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows[0] == ["name"] and [r[0] for r in rows[1:]] == names
    assert format_result(result, "tsv").splitlines()[1] == names[0]
    bindings = json.loads(format_result(result, "json"))["results"]["bindings"]
    assert [b["name"]["value"] for b in bindings] == names


def test_named_queries_have_headers_and_run(store):
    queries = named_queries()
    assert {"people", "organizations", "who-said-what", "relations", "articles"} <= set(queries)
    for named in queries.values():
        assert named.title and named.description
        run_query(store, named.text)


def test_query_text_resolves_names_files_and_errors(tmp_path):
    assert "kg:Person" in query_text("people", None)
    path = tmp_path / "q.rq"
    path.write_text("ASK { ?s ?p ?o }")
    assert query_text(None, path) == "ASK { ?s ?p ?o }"
    with pytest.raises(UsageError, match="no named query 'nobody'"):
        query_text("nobody", None)


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="run 'kg build"):
        open_store(tmp_path)


def _any_alias_with_relations(store) -> tuple[str, int]:
    """Some other name of an entity, and how many distinct relations (either direction) it has."""
    rows = run_query(store, """SELECT ?alias (COUNT(DISTINCT CONCAT(STR(?s), STR(?p), STR(?o))) AS ?n) WHERE {
        ?e skos:altLabel ?alias . ?r a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
        FILTER(?s = ?e || ?o = ?e) FILTER(?p NOT IN (kg:claims, kg:reports, kg:sourceText)) }
        GROUP BY ?alias ORDER BY DESC(?n) ?alias LIMIT 1""").rows
    alias, count = rows[0]
    return alias.value, int(count.value)


def test_entity_query_finds_the_entity_by_another_name_given_as_a_parameter(store):
    alias, relations = _any_alias_with_relations(store)
    entity = named_queries()["entity"]
    assert entity.parameters.keys() == {"name"}
    result = run_query(store, entity.text, parse_parameters([f"name={alias}"], entity))
    assert len(result.rows) == relations > 0


def test_parameters_are_data_never_query_code(store):
    entity = named_queries()["entity"]
    hostile = 'x" } } DELETE WHERE { ?s ?p ?o } #'
    assert run_query(store, entity.text, {"name": hostile}).rows == ()
    assert run_query(store, "ASK { ?s ?p ?o }").boolean is True


@pytest.mark.parametrize(("pairs", "message"), [
    ([], "missing --param name"),
    (["name=x", "other=y"], "unknown parameter 'other'"),
    (["name"], "write it as NAME=VALUE"),
])
def test_parameter_mistakes_name_what_the_query_takes(pairs, message):
    with pytest.raises(UsageError, match=message):
        parse_parameters(pairs, named_queries()["entity"])


def test_limit_stops_reading_rows(store):
    everyone = run_query(store, named_queries()["people"].text)
    assert len(everyone.rows) > 2
    assert run_query(store, named_queries()["people"].text, limit=2).rows == everyone.rows[:2]


# Each named query against an oracle computed with rdflib from the build's kg.ttl.

@pytest.fixture(scope="module")
def built(corpus_build):
    out, _ = corpus_build
    return Graph().parse(out / "kg.ttl")


def _label(graph, node):
    return str(graph.value(node, RDFS.label))


def _headline(graph, node):
    return str(graph.value(graph.value(node, PROV.wasDerivedFrom), SCHEMA.headline))


def _rows(store, name):
    return {tuple(term_text(t) for t in row) for row in run_query(store, named_queries()[name].text).rows}


def test_corroborated_lists_the_facts_of_two_or_more_articles(store, built):
    articles = defaultdict(set)
    for record in built.subjects(RDF.type, KG.Assertion):
        s, p, o = (built.value(record, t) for t in (RDF.subject, RDF.predicate, RDF.object))
        if p not in (KG.claims, KG.reports, KG.sourceText) and not built.value(record, KG.negated).toPython():
            articles[(s, p, o)].add(built.value(record, PROV.wasDerivedFrom))
    prop_label = relation_properties(built)
    expected = {(_label(built, s), prop_label[p], _label(built, o), str(len(a)))
                for (s, p, o), a in articles.items() if len(a) >= 2}
    assert expected and {row[:4] for row in _rows(store, "corroborated")} == expected


def test_disagreeing_figures_pairs_same_measure_with_different_values(store, built):
    def facts(m):
        return {p: built.value(m, p) for p in (KG.measureKey, KG.unit, KG.value, KG.change, KG.about, KG.period,
                                               PROV.wasDerivedFrom)}
    figures = [facts(m) for m in built.subjects(RDF.type, KG.Measurement)]
    expected = set()
    for a in figures:
        for b in figures:
            compatible = all(a[p] is None or b[p] is None or a[p] == b[p] for p in (KG.about, KG.period))
            if (a[KG.measureKey] is not None and a[KG.measureKey] == b[KG.measureKey] and a[KG.unit] == b[KG.unit]
                    and a[KG.change] == b[KG.change] and compatible
                    and a[PROV.wasDerivedFrom] != b[PROV.wasDerivedFrom] and a[KG.value].toPython() < b[KG.value].toPython()):
                expected.add((str(a[KG.measureKey]), str(a[KG.unit]), a[KG.value].toPython(), b[KG.value].toPython()))
    rows = run_query(store, named_queries()["disagreeing-figures"].text).rows
    assert expected and {(r[0].value, r[1].value, Decimal(r[2].value), Decimal(r[6].value)) for r in rows} == expected


def test_timeline_lists_every_dated_claim_and_event(store, built):
    claims = [c for c in built.subjects(RDF.type, KG.Claim) if built.value(c, KG.when) is not None]
    events = [r for r in built.subjects(RDF.type, KG.Assertion) if built.value(r, KG.when) is not None
              and built.value(r, RDF.predicate) != KG.claims and not built.value(r, KG.negated).toPython()]
    rows = run_query(store, named_queries()["timeline"].text).rows
    assert len(rows) == len(claims) + len(events) > 0
    assert {r[1].value for r in rows} == {str(built.value(n, KG.when)) for n in claims + events}
    dated = [r[0] is not None for r in rows]
    assert dated == sorted(dated, reverse=True)  # resolved days first


def test_who_said_what_has_a_row_per_claim_with_its_speaker(store, built):
    expected = set()
    for claim in built.subjects(RDF.type, KG.Claim):
        speaker = built.value(claim, KG.speaker)
        who = _label(built, speaker) if speaker is not None else f"({built.value(claim, KG.sourceText)})"
        expected.add((who, str(built.value(claim, KG.cue)), str(built.value(claim, KG.content)), _headline(built, claim)))
    rows = run_query(store, named_queries()["who-said-what"].text).rows
    assert {(r[0].value, r[1].value, r[4].value, r[6].value) for r in rows} == expected


def test_a_query_for_schema_person_finds_every_kg_person(store, built):
    """The shipped alignment plus build-time inference: standard vocabularies find kg's nodes."""
    people = {str(p) for p in built.subjects(RDF.type, KG.Person)}
    for standard in ("schema:Person", "foaf:Person"):
        found = {row[0].value for row in run_query(store, f"SELECT ?p WHERE {{ ?p a {standard} }}").rows}
        assert found == people
    spokespeople = run_query(store, "SELECT ?p ?o WHERE { ?p kg:spokespersonFor ?o }").rows
    works_for = set(run_query(store, "SELECT ?p ?o WHERE { ?p schema:worksFor ?o }").rows)
    assert spokespeople and set(spokespeople) <= works_for


def test_a_runaway_query_is_stopped_by_the_timeout(corpus_build):
    out, _ = corpus_build
    cross_product = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with pytest.raises(QueryError, match="timeout"):
        run_query_with_timeout(store_path(out), cross_product, timeout=1)
    answer = run_query_with_timeout(store_path(out), "ASK { ?s a kg:Claim }", timeout=30)
    assert answer.boolean is True


class Endpoint(ThreadingHTTPServer):
    """A SPARQL endpoint on 127.0.0.1 that records every request and answers each with one row, so
    a query that reached it would show the row (urn:leaked) as well as leave a record."""

    LEAKED_ROW = json.dumps({"head": {"vars": ["s"]},
                             "results": {"bindings": [{"s": {"type": "uri", "value": "urn:leaked"}}]}}).encode()

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _EndpointHandler)
        self.requests: list[str] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}/sparql/"


class _EndpointHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append(f"{self.command} {self.path}")
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(Endpoint.LEAKED_ROW)))
        self.end_headers()
        self.wfile.write(Endpoint.LEAKED_ROW)

    do_POST = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture()
def endpoint():
    server = Endpoint()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


# The query: a SERVICE a second parser took for an IRI, after an operator it did not know
# (LATERAL), sending one request per person with the name in the URL.
LATERAL_LEAK = ('SELECT ?l WHERE{{?a a kg:Person;rdfs:label ?l.BIND(IRI(CONCAT("{url}",ENCODE_FOR_URI(?l)))AS?e)'
                "LATERAL{{FILTER(1<2)SERVICE?e{{?x?y?z}}FILTER(2>1)}}}}")


@pytest.mark.parametrize("sparql", [
    "SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ GRAPH <{url}> {{ ?s ?p ?o }} }}",
    "DESCRIBE <{url}>",
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
    LATERAL_LEAK,
    # ... or written with escapes, which SPARQL reads before anything else
    "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ \\U00000053ervice <{url}> {{ ?s ?p ?o }} }}",
])
def test_no_query_reaches_the_network(corpus_build, endpoint, sparql):
    """Dataset clauses name graphs, they never fetch; SERVICE is refused by word, and run where it
    could not connect anyway."""
    out, _ = corpus_build
    try:
        result = run_query_with_timeout(store_path(out), sparql.format(url=endpoint.url), timeout=30)
        assert "urn:leaked" not in repr(result)
    except QueryError as error:
        assert "SERVICE" in str(error)
    assert endpoint.requests == []


@pytest.mark.parametrize("sparql", [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    LATERAL_LEAK,
    "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
])
def test_the_word_refusal_alone_keeps_a_service_query_off_the_network(store, endpoint, sparql):
    """In this process, where nothing else stands between the query and the network."""
    with pytest.raises(QueryError, match="refused: SERVICE"):
        run_query(store, sparql.format(url=endpoint.url))
    assert endpoint.requests == []


def _skip_without_sandbox():
    if not can_drop_network():
        pytest.skip("this system lets no process drop its network (not Linux, or neither a network "
                    "namespace nor a user namespace may be created): the SERVICE refusal is the only guard")


def _execute_unchecked(store_dir, text):
    """What the query child does, less the read-only check: so only the sandbox stands in the way."""
    return execute(open_read_only(store_dir), text)


@pytest.mark.parametrize("sparql", ["SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", LATERAL_LEAK])
def test_the_sandbox_alone_keeps_a_service_query_off_the_network(corpus_build, endpoint, sparql):
    _skip_without_sandbox()
    out, _ = corpus_build
    text = sparql.format(url=endpoint.url)
    with pytest.raises(QueryError, match="unreachable") as failed:
        run_in_sandbox(functools.partial(_execute_unchecked, store_path(out), text), timeout=30)
    assert "\n" not in str(failed.value)
    assert endpoint.requests == []
    _execute_unchecked(store_path(out), text)  # outside the sandbox the same query does reach it
    assert endpoint.requests


def test_a_service_silent_query_in_the_sandbox_gets_no_remote_rows(corpus_build, endpoint):
    _skip_without_sandbox()
    out, _ = corpus_build
    text = f"SELECT * WHERE {{ SERVICE SILENT <{endpoint.url}> {{ ?s ?p ?o }} }}"
    result = run_in_sandbox(functools.partial(_execute_unchecked, store_path(out), text), timeout=30)
    assert "urn:leaked" not in repr(result) and endpoint.requests == []


def test_answer_query_gives_a_select_as_a_table_of_text_and_anything_else_as_text(corpus_build, tmp_path):
    out, _ = corpus_build
    table = answer_query(out, "people", limit=2)
    assert table.text is None and table.columns[0] == "name" and len(table.rows) == 2
    assert all(isinstance(cell, str) for row in table.rows for cell in row)
    as_csv = answer_query(out, "people", limit=2, fmt="csv")
    assert as_csv == Answer(text="\n".join([",".join(table.columns), *(",".join(row) for row in table.rows)]))
    query = tmp_path / "q.rq"
    query.write_text("ASK { ?p a kg:Person }", encoding="utf-8")
    assert answer_query(out, file=query) == Answer(text="true")
    named = answer_query(out, "entity", parameters=["name=United States"], limit=1, fmt="json")
    assert "United States" in named.text


def test_answer_query_checks_the_format_and_the_parameters_before_it_looks_for_a_store(tmp_path):
    with pytest.raises(UsageError, match="unknown format 'xml'"):
        answer_query(tmp_path, "no such query", fmt="xml")
    with pytest.raises(UsageError, match="missing --param name"):
        answer_query(tmp_path, "entity")
    with pytest.raises(StoreError, match="no query store here"):
        answer_query(tmp_path, "people")


def test_the_word_service_is_data_only_through_a_parameter(corpus_build):
    out, _ = corpus_build
    with pytest.raises(QueryError, match="--param"):
        run_query_with_timeout(store_path(out), 'ASK { ?s rdfs:label ?l FILTER(CONTAINS(?l, "service")) }', timeout=30)
    answer = run_query_with_timeout(store_path(out), "ASK WHERE { ?s rdfs:label ?l FILTER(CONTAINS(?l, ?word)) }",
                                    {"word": "service"}, timeout=30)
    assert answer.kind == "ask"


def test_a_query_nested_too_deep_for_the_check_is_left_to_the_store(corpus_build):
    out, _ = corpus_build
    deep = "ASK { FILTER(" + "(" * 400 + "1" + ")" * 400 + " = 1) }"
    assert run_query_with_timeout(store_path(out), deep, timeout=30).boolean is True
