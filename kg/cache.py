"""What was read from each article, kept between builds under the build folder (`cache/`).

An entry is keyed by the article's text and by the extractor version: a hash of the code and data
that turn text into records, and of the spaCy and model versions. Records depend on nothing else,
so an unchanged article is never parsed twice, nor is one moved or renamed, nor the same story
filed twice (an entry takes the identity of the article asking for it); an edited one is read
again, and a new release of the rules invalidates everything it could change. An entry holds two
pickles: the article's names (what cross-article resolution needs, read on every build) and its
records (read again only when the graph is written), so a build streams records instead of
holding them all.

The cache is the build's own scratch space: an entry that cannot be read is read again from the
article, and entries the last build did not use are removed.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import os
import pickle
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from kg.errors import KgError, one_line
from kg.extract import pipeline_version
from kg.files import write_atomic
from kg.graph import ontology_text
from kg.model import Article, Extraction

if TYPE_CHECKING:  # the up-to-date check reads this module; resolution is loaded only to build
    from kg.resolve import ArticleNames

CACHE_DIR = "cache"
SUFFIX = ".pickle"
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


class ExtractionCache:
    """Entries in the build's own folder, OUT/cache (pruned to the articles of the last build), or at
    `location`: a folder or an fsspec URL (s3://bucket/kg-cache) every worker reaches, which builds
    into several folders may share, and which kg therefore never prunes."""

    def __init__(self, out_dir: Path, model: str, location: str | None = None) -> None:
        self.location = location
        self.entries = _Folder(out_dir / CACHE_DIR) if location is None else _entries_at(location)
        self.version = extractor_version(model)

    @property
    def own(self) -> bool:
        """Whether the cache is the build's own (OUT/cache), which a build prunes."""
        return self.location is None

    def key(self, article: Article) -> str:
        """The entry's name: articles with one text share it."""
        identity = hashlib.sha256(f"{self.version}\0{article.text}".encode())
        return identity.hexdigest()[:32] + SUFFIX

    def check(self) -> None:
        """Fail now, in one line, when entries cannot be written where the cache is."""
        self.entries.check()

    def names(self, article: Article) -> ArticleNames | None:
        """The article's names, or None when it is not cached (or its entry is unreadable)."""
        try:
            with self.entries.open(self.key(article)) as handle:
                names = pickle.load(handle)
            return names.of_article(article)
        except Exception:  # missing, truncated or from an incompatible release: read the article again
            return None

    def extraction(self, article: Article) -> Extraction:
        with self.entries.open(self.key(article)) as handle:
            pickle.load(handle)  # the names, read already
            return replace(pickle.load(handle), article=article)

    def put(self, extraction: Extraction, names: ArticleNames) -> None:
        data = pickle.dumps(names, pickle.HIGHEST_PROTOCOL) + pickle.dumps(extraction, pickle.HIGHEST_PROTOCOL)
        self.entries.put(self.key(extraction.article), data)

    def keep_only(self, articles: list[Article]) -> None:
        """Remove the entries of articles that are no longer in the build (and of older versions)."""
        used = {self.key(article) for article in articles}
        for name in self.entries.names():
            if name not in used:
                self.entries.remove(name)


class _Folder:
    """Entries as files of a local (or shared) folder, each replaced in one rename."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.absolute()  # the same folder for workers elsewhere (a cluster's)

    def check(self) -> None:
        if self.folder.exists() and not self.folder.is_dir():
            raise CacheError(f"--cache {self.folder}: is a file, not a folder")

    def open(self, name: str) -> BinaryIO:
        return open(self.folder / name, "rb")

    def put(self, name: str, data: bytes) -> None:
        write_atomic(self.folder / name, data, sync=False)

    def names(self) -> list[str]:
        return [entry.name for entry in self.folder.glob("*" + SUFFIX)]

    def remove(self, name: str) -> None:
        (self.folder / name).unlink(missing_ok=True)


class _Remote:
    """Entries as objects under an fsspec URL, each written in one request. The file system travels
    to the workers with its options (endpoint, credentials from the environment where kg runs)."""

    def __init__(self, url: str) -> None:
        import fsspec  # only a remote cache needs it

        self.url = url
        try:
            self.fs, self.root = fsspec.core.url_to_fs(url)
        except (ImportError, ValueError) as error:  # 's3fs' not installed; an unknown protocol
            raise CacheError(f"--cache {url}: {one_line(error, 200)}") from error

    def check(self) -> None:
        probe = f"{self.root}/.kg-probe-{os.getpid()}"
        try:
            self.fs.pipe_file(probe, b"")
            self.fs.rm_file(probe)
        except Exception as error:  # each backend has exceptions of its own; all are one line
            raise CacheError(f"--cache {self.url}: cannot write there ({type(error).__name__}: "
                             f"{one_line(error, 200)})") from error

    def open(self, name: str) -> BinaryIO:
        return self.fs.open(f"{self.root}/{name}", "rb")

    def put(self, name: str, data: bytes) -> None:
        try:
            self.fs.pipe_file(f"{self.root}/{name}", data)
        except Exception as error:  # each backend has exceptions of its own; all are one line
            raise CacheError(f"--cache {self.url}: cannot write an entry ({type(error).__name__}: "
                             f"{one_line(error, 200)})") from error

    def names(self) -> list[str]:
        return [path.rsplit("/", 1)[-1] for path in self.fs.glob(f"{self.root}/*{SUFFIX}")]

    def remove(self, name: str) -> None:
        self.fs.rm_file(f"{self.root}/{name}")


def _entries_at(location: str) -> _Folder | _Remote:
    """A URL with a protocol is fsspec's; anything else is a folder."""
    return _Remote(location) if "://" in location else _Folder(Path(location).expanduser())
