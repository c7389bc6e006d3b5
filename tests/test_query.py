from __future__ import annotations

import csv
import io
import json

import pytest

from kg.errors import QueryError, StoreError, UsageError
from kg.query import check_read_only, format_result, named_queries, parse_parameters, query_text, run_query
from kg.store import open_store


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


def test_entity_query_takes_the_name_as_a_parameter_in_any_case(store):
    alias, relations = _any_alias_with_relations(store)
    entity = named_queries()["entity"]
    assert entity.parameters.keys() == {"name"}
    result = run_query(store, entity.text, parse_parameters([f"name={alias.upper()}"], entity))
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
