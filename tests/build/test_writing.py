from __future__ import annotations

from pathlib import Path

import kg.build.writing
from kg.build import BuildSettings, build
from kg.graph.ntriples import ChunkedNTriples

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_the_entities_triples_are_split_so_that_no_chunk_the_store_loads_grows_with_them(tmp_path, monkeypatch):
    whole = build([CORPUS], BuildSettings(out_dir=tmp_path / "whole", workers=1))
    monkeypatch.setattr(ChunkedNTriples, "CHUNK_LINES", 100)
    monkeypatch.setattr(kg.build.writing, "TRIPLES_PER_PART", 50)
    loaded: list[int] = []
    real_write_store = kg.build.writing.write_store

    def counting_write_store(data, inferred, folder):
        loaded.extend(len(path.read_bytes().splitlines()) for path in data)
        return real_write_store(data, inferred, folder)

    monkeypatch.setattr(kg.build.writing, "write_store", counting_write_store)
    split = build([CORPUS], BuildSettings(out_dir=tmp_path / "split", workers=1))

    # the entities and their merges come first: hundreds of lines, in chunks of 100 lines and parts of 50
    assert len(loaded) > 3 and loaded[0] <= 100 + 50
    assert (tmp_path / "split" / "kg.ttl").read_bytes() == (tmp_path / "whole" / "kg.ttl").read_bytes()
    assert split.triples == whole.triples
