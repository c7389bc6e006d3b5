from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import PROV
from typer.testing import CliRunner

from kg.cli import app
from kg.graph.store import write_store
from kg.graph.vocab import KG
from kg.read.validate import validate_build, validate_graph


def test_the_corpus_graph_conforms(corpus_build):
    out, _ = corpus_build
    assert validate_build(out) == []


def test_an_entity_of_unsure_kind_conforms(corpus_build):
    out, _ = corpus_build
    graph = Graph().parse(out / "kg.ttl")
    graph.set((_first(graph, KG.Person), RDF.type, KG.Entity))  # a name whose kind is unsure
    assert validate_graph(graph) == []


def _first(graph: Graph, cls):
    return sorted(graph.subjects(RDF.type, cls))[0]


def test_each_broken_promise_is_named_in_plain_words(corpus_build):
    out, _ = corpus_build
    graph = Graph().parse(out / "kg.ttl")
    person, claim, figure, record = (_first(graph, c) for c in (KG.Person, KG.Claim, KG.Measurement, KG.Assertion))
    graph.add((person, RDFS.label, Literal("A Second Name")))
    graph.remove((claim, KG.content, None))
    graph.set((figure, KG.value, Literal("twelve")))
    graph.remove((record, PROV.wasDerivedFrom, None))
    graph.set((record, KG.confidence, Literal(Decimal("1.5"))))
    found = {(v.node.split(" (")[-1].rstrip(")"), v.rule) for v in validate_graph(graph)}
    assert found == {
        (str(person), "an entity has exactly one label, its canonical name"),
        (str(claim), "a claim has exactly one content, the words said"),
        (str(figure), "a figure has exactly one value, typed xsd:decimal"),
        (str(record), "a provenance record points to exactly one article"),
        (str(record), "a provenance record has one confidence, a decimal between 0 and 1"),
    }


def test_validate_command_lists_violations_and_fails(corpus_build, tmp_path):
    out, _ = corpus_build
    runner = CliRunner()
    ok = runner.invoke(app, ["validate", "--out", str(out)])
    assert ok.exit_code == 0 and "conforms" in ok.output

    graph = Graph().parse(out / "kg.ttl")
    claim = _first(graph, KG.Claim)
    graph.remove((claim, KG.content, None))
    graph.serialize(tmp_path / "data.nt", format="nt", encoding="utf-8")
    (tmp_path / "inferred.nt").write_bytes(b"")
    write_store([tmp_path / "data.nt"], [tmp_path / "inferred.nt"], tmp_path)
    broken = runner.invoke(app, ["validate", "--out", str(tmp_path)])
    assert broken.exit_code == 1
    assert f"kg:Claim {claim}: a claim has exactly one content, the words said  [kgsh:Claim]" in broken.output
