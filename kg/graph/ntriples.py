"""A build's bulk data as N-Triples scratch files: written in chunks, loaded by the store, and
turned into the readable Turtle export.

The Turtle is made from these files rather than dumped from the store: reading the on-disk store
back costs ~10 µs a triple (11 s for the BBC set's 870,000), sorting and serializing the lines
here about a third of that.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import os
from pathlib import Path
from typing import TextIO

import pyoxigraph

from kg.files import sibling_name
from kg.graph.vocab import PREFIXES
from kg.processes import pause_point

# Characters of a partition file copied at a time into a chunk.
COPY_BLOCK_CHARS = 1 << 20


class ChunkedNTriples:
    """N-Triples written to numbered files of about CHUNK_LINES lines each. A bulk load's memory
    grows with its input (1.6 GB for 4.6 million triples, 0.8 GB for 1 million), so a large graph
    is loaded one chunk at a time; each later chunk loads ~2x slower, into a store that is no longer
    empty, which a corpus of the BBC set's size (1.1 million lines) does not pay. The chunk size
    also bounds the memory the Turtle export sorts in."""

    CHUNK_LINES = 1_200_000

    def __init__(self, stem: Path) -> None:
        self.stem = stem
        self.files: list[Path] = []
        self._handle: TextIO | None = None
        self._lines = 0

    def write(self, text: str) -> None:
        self._chunk().write(text)
        self._lines += text.count("\n")

    def take(self, written: str | Path) -> None:
        """N-Triples text, or the N-Triples of a file (then removed), kept in one chunk either way."""
        if isinstance(written, str):
            self.write(written)
            return
        chunk = self._chunk()
        with open(written, encoding="utf-8") as source:
            for block in iter(lambda: source.read(COPY_BLOCK_CHARS), ""):
                chunk.write(block)
                self._lines += block.count("\n")
        written.unlink()

    def _chunk(self) -> TextIO:
        """The file being written, a new one when the last is full."""
        if self._handle is None or self._lines >= self.CHUNK_LINES:
            self._next_file()
        assert self._handle is not None
        return self._handle

    def _next_file(self) -> None:
        self.close()
        path = self.stem.with_name(f"{self.stem.name}-{len(self.files)}.nt")
        self.files.append(path)
        self._handle = open(path, "w", encoding="utf-8")
        self._lines = 0

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def remove(self) -> None:
        self.close()
        for path in self.files:
            path.unlink(missing_ok=True)


def write_turtle(chunks: list[Path], target: Path) -> None:
    """The graph in the N-Triples `chunks` as Turtle: each triple once (the same fact from several
    articles is one triple), each subject's triples together and the subjects in IRI order, so the
    same graph always gives the same file. Each chunk is sorted in memory and the sorted chunks are
    merged line by line, so memory stays within a chunk's; the file is swapped in when complete."""
    pause_point("turtle-writer")
    staging = sibling_name(target, "tmp")
    scratch = [sibling_name(target, f"{i}.nt") for i in range(len(chunks) + 1)]
    try:
        if len(chunks) == 1:
            triples = pyoxigraph.parse(b"".join(_sorted_lines(chunks[0])), format=pyoxigraph.RdfFormat.N_TRIPLES)
        else:
            *sorted_chunks, merged = scratch
            for chunk, sorted_chunk in zip(chunks, sorted_chunks):
                sorted_chunk.write_bytes(b"".join(_sorted_lines(chunk)))
            with contextlib.ExitStack() as files, open(merged, "wb") as out:
                readers = [files.enter_context(open(path, "rb")) for path in sorted_chunks]
                out.writelines(line for line, _ in itertools.groupby(heapq.merge(*readers)))
            triples = pyoxigraph.parse(path=merged, format=pyoxigraph.RdfFormat.N_TRIPLES)
        pyoxigraph.serialize(triples, str(staging), pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES)
        os.replace(staging, target)
    finally:
        for path in [staging, *scratch]:
            path.unlink(missing_ok=True)


def _sorted_lines(chunk: Path) -> list[bytes]:
    """The chunk's lines, each once, in byte order (which is code point order for UTF-8, and puts
    the lines of one subject next to each other)."""
    return sorted(set(chunk.read_bytes().splitlines(keepends=True)))
