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

import functools
import hashlib
import inspect
import pickle
from dataclasses import replace
from pathlib import Path

from kg.files import write_atomic
from kg.model import Article, Extraction
from kg.nlp import pipeline_version
from kg.resolve import ARTICLE_NAMES_CODE, ArticleNames
from kg.vocab import ontology_text

CACHE_DIR = "cache"
SUFFIX = ".pickle"
PACKAGE = Path(__file__).resolve().parent
# The code and data that decide what is read from an article (resolution and output re-run each build).
EXTRACTOR_SOURCES = ("extract", "nlp.py", "model.py", "corpus.py", "names.py", "dates.py", "geo.py")


def extractor_version(model: str) -> str:
    """Changes whenever what is read from an article could change; not when only the rules that
    merge names across articles change (the rest of resolve.py), which re-run on every build."""
    names_code = "".join(inspect.getsource(code) for code in ARTICLE_NAMES_CODE)
    return _version(model, EXTRACTOR_SOURCES, names_code)


def source_version(model: str) -> str:
    """Changes whenever any output could change: all the package's code, the ontology and the model."""
    return _version(model, (".",), ontology_text())


@functools.lru_cache(maxsize=None)
def _version(model: str, sources: tuple[str, ...], extra: str = "") -> str:
    digest = hashlib.sha256(f"{pipeline_version(model)}|{extra}".encode())
    for name in sources:
        path = PACKAGE / name
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(PACKAGE)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


class ExtractionCache:
    def __init__(self, out_dir: Path, model: str) -> None:
        self.folder = out_dir / CACHE_DIR
        self.version = extractor_version(model)

    def path(self, article: Article) -> Path:
        identity = hashlib.sha256(f"{self.version}\0{article.text}".encode())
        return self.folder / (identity.hexdigest()[:32] + SUFFIX)

    def names(self, article: Article) -> ArticleNames | None:
        """The article's names, or None when it is not cached (or its entry is unreadable)."""
        try:
            with open(self.path(article), "rb") as handle:
                names = pickle.load(handle)
            return names.of_article(article)
        except Exception:  # missing, truncated or from an incompatible release: read the article again
            return None

    def extraction(self, article: Article) -> Extraction:
        with open(self.path(article), "rb") as handle:
            pickle.load(handle)  # the names, read already
            return replace(pickle.load(handle), article=article)

    def put(self, extraction: Extraction, names: ArticleNames) -> None:
        data = pickle.dumps(names, pickle.HIGHEST_PROTOCOL) + pickle.dumps(extraction, pickle.HIGHEST_PROTOCOL)
        write_atomic(self.path(extraction.article), data, sync=False)

    def keep_only(self, articles: list[Article]) -> None:
        """Remove the entries of articles that are no longer in the build (and of older versions)."""
        used = {self.path(article).name for article in articles}
        for entry in self.folder.glob("*" + SUFFIX):
            if entry.name not in used:
                entry.unlink(missing_ok=True)
