"""Articles' names kept on disk between the read pass and resolution, not in the build's memory.

The read pass finds names in any order (the cached ones first, then those the workers parse); they
are appended to one scratch file as they come, and resolution reads them back in input order. The
build process keeps only each article's place in the file (8 bytes), so its memory no longer grows
with the names of an archive while the workers read."""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kg.resolve import ArticleNames

NOT_WRITTEN = -1


class SpilledNames:
    """Names of articles 0..count-1, written in any order, read back in the order asked for."""

    def __init__(self, path: Path, count: int) -> None:
        self.path = path
        self.offsets = array("q", [NOT_WRITTEN]) * count
        self._file: BinaryIO | None = open(path, "wb")  # noqa: SIM115 - open until close()

    def put(self, index: int, names: ArticleNames) -> None:
        assert self._file is not None, "names are put before close()"
        self.offsets[index] = self._file.tell()
        pickle.dump(names, self._file, pickle.HIGHEST_PROTOCOL)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def read(self, indices: list[int]) -> Iterator[ArticleNames]:
        """The names of the articles at `indices`, in that order, one at a time (once closed)."""
        with open(self.path, "rb") as file:
            for index in indices:
                assert self.offsets[index] != NOT_WRITTEN, f"the names of article {index} were never written"
                file.seek(self.offsets[index])
                yield pickle.load(file)

    def __getstate__(self) -> dict:
        """For a child process started by spawn, once closed: where the names are, not a handle."""
        assert self._file is None, "sent to another process once closed, every name written"
        return {"path": self.path, "offsets": self.offsets}

    def __setstate__(self, state: dict) -> None:
        self.path, self.offsets, self._file = state["path"], state["offsets"], None
