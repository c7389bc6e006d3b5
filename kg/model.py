"""Frozen records shared by every stage of the pipeline.

Data flows one way: Article -> (spaCy) -> Mention / Relation / Claim -> Entity -> RDF.
Offsets are character offsets into `Article.text`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    id: str  # stable slug, unique within a build
    path: str  # as given on the command line (or found under a given folder)
    title: str
    text: str  # the file after any front matter, newlines normalised; offsets point here
    sha256: str
    source: str | None = None  # outlet / publisher, from front matter
    published: dt.date | dt.datetime | None = None
    url: str | None = None


@dataclass(frozen=True)
class Problem:
    """A file that was skipped, and why (one line)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A name (or, for class 'Concept', a noun phrase) found in an article."""

    text: str  # surface form with leading determiners and possessive endings removed
    cls: str  # ontology class local name: Person, Organization, GovernmentBody, Concept, ...
    start: int
    end: int


@dataclass(frozen=True)
class Evidence:
    """Where a relation or claim was read, and how sure the rule is."""

    sentence: Sentence
    rule: str
    confidence: float
    negated: bool = False
    modality: str | None = None


@dataclass(frozen=True)
class Relation:
    subject: Mention
    predicate: str  # verb lemma, with particle or preposition ("map out", "account for")
    object: Mention
    evidence: Evidence


@dataclass(frozen=True)
class Claim:
    speaker: Mention
    cue: str  # lemma of the cue verb: say, tell, add, confirm, ...
    content: str
    start: int  # offsets of the content
    end: int
    direct: bool
    evidence: Evidence
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything read from one article."""

    article: Article
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Entity:
    """One node per real-world thing after resolution."""

    key: tuple[str, str]  # (family, normalised name): the identity used for IRIs
    cls: str
    label: str
    alt_labels: tuple[str, ...]
    mention_count: int
    articles: tuple[str, ...]  # article ids


@dataclass(frozen=True)
class BuildReport:
    articles: int
    entities: int
    relations: int
    claims: int
    triples: int
    seconds: float
    outputs: dict[str, str] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
