from __future__ import annotations

import pytest
from rdflib import Graph

from kg.graph.ntriples import ChunkedNTriples, write_turtle

LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
PERSON = "<https://kg.example.org/ontology#Person>"


def _lines() -> list[str]:
    """Facts about five people, out of order, the type of each given twice (by two articles)."""
    lines = []
    for i in (3, 0, 4, 1, 2):
        person = f"<https://kg.example.org/id/person/p{i}>"
        lines += [f'{person} {LABEL} "Person {i} \\u00e9" .\n', f"{person} {TYPE} {PERSON} .\n"]
    return lines + [line for line in lines if TYPE in line]


def _chunked(tmp_path, name, lines, chunk_lines, monkeypatch) -> ChunkedNTriples:
    monkeypatch.setattr(ChunkedNTriples, "CHUNK_LINES", chunk_lines)
    chunks = ChunkedNTriples(tmp_path / name)
    for line in lines:
        chunks.write(line)
    chunks.close()
    return chunks


def test_the_turtle_holds_each_triple_once_grouped_by_subject_however_the_lines_were_chunked(tmp_path, monkeypatch):
    lines = _lines()
    one = _chunked(tmp_path, "one", lines, 1000, monkeypatch)
    several = _chunked(tmp_path, "several", lines, 4, monkeypatch)
    assert (len(one.files), len(several.files)) == (1, 4)

    write_turtle(one.files, tmp_path / "one.ttl")
    write_turtle(several.files, tmp_path / "several.ttl")

    turtle = (tmp_path / "one.ttl").read_text(encoding="utf-8")
    assert (tmp_path / "several.ttl").read_text(encoding="utf-8") == turtle
    graph = Graph().parse(data=turtle, format="turtle")
    assert len(graph) == 10 == len(set(lines))
    assert set(graph) == set(Graph().parse(data="".join(lines), format="nt"))
    subjects_in_order = [line.split()[0] for line in turtle.splitlines() if line.startswith("<")]
    assert subjects_in_order == [f"<https://kg.example.org/id/person/p{i}>" for i in range(5)]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no scratch left


def test_a_broken_chunk_leaves_no_turtle_and_no_scratch_behind(tmp_path, monkeypatch):
    good = _chunked(tmp_path, "good", _lines(), 4, monkeypatch)
    bad = tmp_path / "bad.nt"
    bad.write_text("<not a triple\n", encoding="utf-8")
    with pytest.raises(SyntaxError):
        write_turtle([*good.files, bad], tmp_path / "kg.ttl")
    assert not (tmp_path / "kg.ttl").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
