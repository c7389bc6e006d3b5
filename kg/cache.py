"""What was read from each article, kept between builds: in the build folder (`OUT/cache/`), or where
`--cache` says (a folder, or an fsspec URL such as s3://bucket/kg-cache that workers and other builds share).

An entry is keyed by the article's text and by the extractor version: a hash of the code and data
that turn text into records, and of the spaCy and model versions. Records depend on nothing else,
so an unchanged article is never parsed twice, nor is one moved or renamed, nor the same story
filed twice (an entry takes the identity of the article asking for it); an edited one is read
again, and a new release of the rules invalidates everything it could change. An entry holds two
pickles: the article's names (what cross-article resolution needs, read on every build) and its
records (read again only when the graph is written), so a build streams records instead of
holding them all.

An entry that cannot be read whole is read again from the article. OUT/cache is the build's own
scratch space, and entries the last build did not use are removed from it; a cache given with
`--cache` may serve other builds, and is never pruned.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import io
import os
import pickle
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from kg.errors import KgError, described
from kg.extract import pipeline_version
from kg.files import problem_of, write_atomic
from kg.graph import ontology_text
from kg.http import shown_url
from kg.model import Article, Extraction

if TYPE_CHECKING:  # the up-to-date check reads this module; resolution is loaded only to build
    from kg.resolve import ArticleNames

CACHE_DIR = "cache"
SUFFIX = ".pickle"
PROBE = ".kg-probe"  # written by each build to check the cache can be written
PACKAGE = Path(__file__).resolve().parent
# What turns an article into its cached records and names: these modules and every kg module they
# import, found by reading their imports, so a change to any word list, rule or record they use
# invalidates the cache (corpus-wide resolution and output re-run on every build).
RECORD_MODULES = ("kg.extract", "kg.resolve.article")


def extractor_version(model: str) -> str:
    """Changes whenever what is read from an article could change."""
    return _version(model, tuple(sorted(imported_modules(RECORD_MODULES))))


def source_version(model: str) -> str:
    """Changes whenever any output could change: all the package's code, the ontology and the model."""
    return _version(model, tuple(str(path.relative_to(PACKAGE)) for path in _files_under(PACKAGE)), ontology_text())


def imported_modules(roots: tuple[str, ...]) -> set[str]:
    """The files (relative to the package) of `roots` and of every kg module they import, directly
    or not; a package counts with all its files (its data too: the typed-relation model)."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        module = todo.pop()
        for file in _files_of(module):
            name = str(file.relative_to(PACKAGE))
            if name in seen:
                continue
            seen.add(name)
            if file.suffix == ".py":
                todo.extend(_kg_imports(file))
    return seen


def _files_of(module: str) -> list[Path]:
    if module == "kg":  # 'from kg import x': the package's own __init__, and x on its own
        return [PACKAGE / "__init__.py"]
    path = PACKAGE.joinpath(*module.split(".")[1:])
    if path.is_dir():
        return _files_under(path)
    return [path.with_suffix(".py")] if path.with_suffix(".py").is_file() else []


def _kg_imports(file: Path) -> list[str]:
    modules = []
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "kg":
            modules.append(node.module)
            modules.extend(f"{node.module}.{alias.name}" for alias in node.names)  # 'from kg.graph import vocab'
        elif isinstance(node, ast.Import):
            modules.extend(alias.name for alias in node.names if alias.name.split(".")[0] == "kg")
    return modules


def _files_under(folder: Path) -> list[Path]:
    """Every file under `folder` (code and data), in a stable order, bytecode aside."""
    return [file for file in sorted(folder.rglob("*")) if file.is_file() and "__pycache__" not in file.parts]


@functools.lru_cache(maxsize=None)
def _version(model: str, files: tuple[str, ...], extra: str = "") -> str:
    digest = hashlib.sha256(f"{pipeline_version(model)}|{extra}".encode())
    for name in files:
        digest.update(name.encode() + b"\0" + (PACKAGE / name).read_bytes())
    return digest.hexdigest()[:16]


class CacheError(KgError):
    """A cache location (`--cache`) that cannot be used."""


# Ends every entry: an entry without it was cut short (a killed writer, a full disk) and is a miss.
END_OF_ENTRY = b"\nkg-entry-end\n"
# Entries read at a time (from a remote cache, concurrently).
FETCHED_AT_ONCE = 500


class ExtractionCache:
    """Entries in the build's own folder, OUT/cache (pruned to the articles of the last build), or at
    `location`: a folder or an fsspec URL (s3://bucket/kg-cache) every worker reaches, which builds
    into several folders may share, and which kg therefore never prunes."""

    def __init__(self, out_dir: Path, model: str, location: str | None = None) -> None:
        self.location = location
        self.entries = _Folder(out_dir / CACHE_DIR, label=None) if location is None else _entries_at(location)
        self.version = extractor_version(model)

    @property
    def own(self) -> bool:
        """Whether the cache is the build's own (OUT/cache), which a build prunes."""
        return self.location is None

    @property
    def folder(self) -> Path | None:
        """The local folder of the entries, if they are in one."""
        return self.entries.folder if isinstance(self.entries, _Folder) else None

    def key(self, article: Article) -> str:
        """The entry's name: articles with one text share it."""
        identity = hashlib.sha256(f"{self.version}\0{article.text}".encode())
        return identity.hexdigest()[:32] + SUFFIX

    def check(self) -> None:
        """Fail now, in one line, when entries cannot be written where the cache is."""
        self.entries.check()

    def names(self, article: Article) -> ArticleNames | None:
        """The article's names, or None when it is not cached (or its entry is unreadable)."""
        return next(self.names_of_all([article]))

    def names_of_all(self, articles: list[Article]) -> Iterator[ArticleNames | None]:
        """Each article's names in order, or None when it is not cached (or its entry is unreadable),
        as they are fetched: a remote cache is asked for many entries at once, and never every
        entry is in memory at once."""
        for start in range(0, len(articles), FETCHED_AT_ONCE):
            some = articles[start : start + FETCHED_AT_ONCE]
            keys = [self.key(article) for article in some]
            found = self.entries.read_many(keys)
            yield from (_names_in(found.get(key), article) for key, article in zip(keys, some))

    def extraction(self, article: Article) -> Extraction:
        key = self.key(article)
        try:
            entry = _whole(self.entries.read_many([key]).get(key))
            pickle.load(entry)  # the names, read already
            return replace(pickle.load(entry), article=article)
        except Exception as error:  # removed or damaged since the names were read from it
            raise CacheError(f"the cache entry {key} of {article.path} cannot be read "
                             f"({type(error).__name__}); build again with --fresh") from error

    def put(self, extraction: Extraction, names: ArticleNames) -> None:
        data = (pickle.dumps(names, pickle.HIGHEST_PROTOCOL) + pickle.dumps(extraction, pickle.HIGHEST_PROTOCOL)
                + END_OF_ENTRY)
        self.entries.put(self.key(extraction.article), data)

    def keep_only(self, articles: list[Article]) -> None:
        """Remove the entries of articles that are no longer in the build (and of older versions)."""
        used = {self.key(article) for article in articles}
        for name in self.entries.names():
            if name not in used:
                self.entries.remove(name)


def _whole(data: bytes | None) -> io.BytesIO:
    """The entry's pickles to load one after the other, if the entry is whole."""
    if data is None or not data.endswith(END_OF_ENTRY):
        raise ValueError("missing, or cut short")
    return io.BytesIO(data)


def _names_in(data: bytes | None, article: Article) -> ArticleNames | None:
    try:
        return pickle.load(_whole(data)).of_article(article)
    except Exception:  # missing, cut short or from an incompatible release: read the article again
        return None


class _Folder:
    """Entries as files of a local (or shared) folder, each replaced in one rename."""

    def __init__(self, folder: Path, label: str | None) -> None:
        self.folder = folder.absolute()  # the same folder for workers elsewhere (a cluster's)
        # how errors name a folder given with --cache; None: OUT/cache, whose errors are the build's
        self.label = label

    def check(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.folder / PROBE, b"", sync=False)
        except OSError as error:
            raise CacheError(f"{self.label or self.folder}: cannot write there ({problem_of(error)})") from error

    def read_many(self, names: list[str]) -> dict[str, bytes]:
        found = {}
        for name in names:
            with contextlib.suppress(OSError):
                found[name] = (self.folder / name).read_bytes()
        return found

    def put(self, name: str, data: bytes) -> None:
        try:
            write_atomic(self.folder / name, data, sync=False)
        except OSError as error:
            if self.label is None:
                raise  # OUT is full or read-only: the build says so
            raise CacheError(f"{self.label}: cannot write an entry ({problem_of(error)})") from error

    def names(self) -> list[str]:
        return [entry.name for entry in self.folder.glob("*" + SUFFIX)]

    def remove(self, name: str) -> None:
        (self.folder / name).unlink(missing_ok=True)


class _Remote:
    """Entries as objects under an fsspec URL, each written in one request. Only the URL travels to
    worker processes: each opens the file system itself (a client made before a fork is not to be
    used after it), with the endpoint and credentials of its own environment."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.label = f"--cache {shown_url(url)}"
        self._opened: tuple[int, object, str] | None = None  # (process id, file system, root)
        self._open()  # a wrong URL or a missing backend fails here, in one line

    def __getstate__(self) -> dict:
        return {"url": self.url, "label": self.label, "_opened": None}

    def _open(self) -> tuple[object, str]:
        if self._opened is None or self._opened[0] != os.getpid():
            try:
                import fsspec  # only a remote cache needs it

                fs, root = fsspec.core.url_to_fs(self.url)
            except Exception as error:  # no fsspec or no backend for the protocol; a wrong URL; no connection
                raise CacheError(f"{self.label}: {described(error, 200)} "
                                 f"(fsspec and the URL's backend are needed: pip install s3fs for s3://)") from error
            self._opened = (os.getpid(), fs, root)
        return self._opened[1], self._opened[2]

    def check(self) -> None:
        fs, root = self._open()
        try:
            fs.pipe_file(f"{root}/{PROBE}", b"")  # written over by each build: no delete permission needed
        except Exception as error:  # each backend has exceptions of its own; all are one line
            raise CacheError(f"{self.label}: cannot write there ({described(error, 200)})") from error

    def read_many(self, names: list[str]) -> dict[str, bytes]:
        """The entries there are of these, fetched concurrently."""
        fs, root = self._open()
        try:
            fetched = fs.cat([f"{root}/{name}" for name in names], on_error="omit")
        except Exception:  # noqa: BLE001 - an unreachable cache is a cache of misses; writing says why
            return {}
        return {path.rsplit("/", 1)[-1]: data for path, data in fetched.items()}

    def put(self, name: str, data: bytes) -> None:
        fs, root = self._open()
        try:
            fs.pipe_file(f"{root}/{name}", data)
        except Exception as error:  # each backend has exceptions of its own; all are one line
            raise CacheError(f"{self.label}: cannot write an entry ({described(error, 200)})") from error

    def names(self) -> list[str]:
        fs, root = self._open()
        return [path.rsplit("/", 1)[-1] for path in fs.glob(f"{root}/*{SUFFIX}")]

    def remove(self, name: str) -> None:
        fs, root = self._open()
        fs.rm_file(f"{root}/{name}")


def _entries_at(location: str) -> _Folder | _Remote:
    """A URL with a protocol other than file:// is fsspec's; anything else is a folder."""
    if location.startswith("file://"):
        return _Folder(Path(urlsplit(location).path), label=f"--cache {location}")
    if "://" in location:
        return _Remote(location)
    return _Folder(Path(location).expanduser(), label=f"--cache {location}")
