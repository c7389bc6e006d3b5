from __future__ import annotations

import pytest

from kg.graph.ntriples import ChunkedNTriples
from kg.graph.store import DATA, open_store, write_store

TRIPLES = [f"<https://kg.example.org/id/e{i}> <http://www.w3.org/2000/01/rdf-schema#label> \"name {i}\" .\n"
           for i in range(10)]


def _quads(out) -> set[str]:
    return {str(q) for q in open_store(out).quads_for_pattern(None, None, None, None)}


def test_a_graph_written_in_chunks_loads_as_one_file_does(tmp_path, monkeypatch):
    monkeypatch.setattr(ChunkedNTriples, "CHUNK_LINES", 3)
    chunked = ChunkedNTriples(tmp_path / "data")
    for start in range(0, 10, 2):
        chunked.write("".join(TRIPLES[start : start + 2]))
    chunked.close()
    assert [p.name for p in chunked.files] == ["data-0.nt", "data-1.nt", "data-2.nt"]  # 4, 4 and 2 lines
    whole = tmp_path / "whole.nt"
    whole.write_text("".join(TRIPLES), encoding="utf-8")

    assert write_store(chunked.files, [], tmp_path / "chunked") == 10
    assert write_store([whole], [], tmp_path / "whole") == 10
    assert _quads(tmp_path / "chunked") == _quads(tmp_path / "whole")
    in_data_graph = open_store(tmp_path / "chunked").quads_for_pattern(None, None, None, DATA)
    assert len(list(in_data_graph)) == 10
    chunked.remove()
    assert not any(p.exists() for p in chunked.files)


def test_a_broken_chunk_leaves_no_store_behind(tmp_path):
    bad = tmp_path / "bad.nt"
    bad.write_text("<not a triple\n", encoding="utf-8")
    with pytest.raises(SyntaxError):
        write_store([bad], [], tmp_path / "out")
    assert not (tmp_path / "out" / "store").exists()
