"""Frozen records shared by every stage of the pipeline.

Data flows one way: Article -> (spaCy) -> Mention / Relation / Claim -> Entity -> RDF.
Offsets are character offsets into `Article.text`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


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
    # how long the file's text was ('29,999,983 characters', or '3,000,000,000 bytes' for a file too
    # big to read whole) when `text` is only its beginning (kg/corpus.py); None when read whole
    read_in_part_of: str | None = None


@dataclass(frozen=True)
class Problem:
    """A file (or folder) that was skipped, or an article built with a warning (read only in part:
    `skipped` False), and why, in one line."""

    path: str
    reason: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


class EntityClass(StrEnum):
    """The ontology's classes of what a mention names (Mention.cls, Entity.cls), written as
    `ontology/kg.ttl` names them (tests/test_model.py checks that it declares each): a misspelt
    class is an AttributeError, not a new class."""

    Entity = "Entity"  # the top class of named things: for a name whose kind is unsure
    Person = "Person"
    Organization = "Organization"
    GovernmentBody = "GovernmentBody"
    Company = "Company"
    ResearchOrganization = "ResearchOrganization"
    MediaOrganization = "MediaOrganization"
    SportsTeam = "SportsTeam"
    Place = "Place"
    Country = "Country"
    GeopoliticalEntity = "GeopoliticalEntity"
    Location = "Location"
    Facility = "Facility"
    Event = "Event"
    Product = "Product"
    Policy = "Policy"
    CreativeWork = "CreativeWork"
    Concept = "Concept"  # a noun phrase, not a name ('solar panel makers')


class RelationKind(StrEnum):
    """The ontology's properties of a known kind of relation (Relation.kind, Role.kind), as
    `ontology/kg.ttl` names them; open verb relations have none."""

    worksFor = "worksFor"
    livesIn = "livesIn"
    basedIn = "basedIn"
    locatedIn = "locatedIn"
    bornIn = "bornIn"
    nationality = "nationality"
    killed = "killed"
    spokespersonFor = "spokespersonFor"
    leads = "leads"
    memberOf = "memberOf"


# Groups of classes that rules treat alike.
ORGANISATION_CLASSES = frozenset({EntityClass.Organization, EntityClass.GovernmentBody, EntityClass.Company,
                                  EntityClass.ResearchOrganization, EntityClass.MediaOrganization,
                                  EntityClass.SportsTeam})
PLACE_CLASSES = frozenset({EntityClass.Country, EntityClass.GeopoliticalEntity, EntityClass.Location,
                           EntityClass.Facility})
GENERIC_CLASS = EntityClass.Entity
# The rules of a town located in the region written after it (extract/places.py), which resolution
# reads as the town's written form.
REGION_RULES = frozenset({"town-region", "town-country"})


@dataclass(frozen=True)
class Mention:
    """A name (or, for class 'Concept', a noun phrase) found in an article."""

    text: str  # surface form with leading determiners and possessive endings removed
    cls: str  # ontology class local name: Person, Organization, GovernmentBody, Concept, ...
    start: int
    end: int
    # For a reference ("he", "the ministry", "Trump" after "Donald Trump"): the full name it
    # stands for in this article, set by coreference.
    refers_to: str | None = None

    @property
    def name(self) -> str:
        """The name that identifies the entity: the antecedent's for a reference."""
        return self.refers_to or self.text


@dataclass(frozen=True)
class Evidence:
    """Where a relation or claim was read, and how sure the rule is."""

    sentence: Sentence
    rule: str
    confidence: float
    negated: bool = False
    modality: str | None = None
    when: str | None = None  # the date or time of the act, as written: "on Thursday" -> "Thursday"


@dataclass(frozen=True)
class Relation:
    subject: Mention
    predicate: str  # verb lemma, with particle or preposition ("map out", "account for")
    object: Mention
    evidence: Evidence
    kind: str | None = None  # ontology property of a known kind (worksFor, locatedIn, ...); None for open verbs


@dataclass(frozen=True)
class Source:
    """The words that name who a claim comes from: "Angela Merkel", "he", "a source"."""

    text: str
    start: int
    end: int
    # the words describe someone without naming anyone ("officials", "two people familiar with the
    # talks"): not a name, a pronoun or an entity's mention
    description: bool = False


@dataclass(frozen=True)
class Claim:
    speaker: Mention | None  # the entity; None when the source names none ("officials", "a source")
    source: Source
    cue: str  # lemma of the cue verb: say, tell, add, confirm, ...
    content: str
    start: int  # offsets of the content
    end: int
    direct: bool
    evidence: Evidence
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Role:
    """A person's position: 'X, a spokesman for the ministry' -> (X, spokesman, spokespersonFor, ministry)."""

    person: Mention
    title: str  # as written, without determiners: "spokesman", "Treasury Secretary"
    kind: str  # ontology property: spokespersonFor, leads, worksFor, memberOf
    organisation: Mention | None
    evidence: Evidence


@dataclass(frozen=True)
class Measurement:
    """A reported figure: '(exports) dropped 15.6 percent to 4,785 metric tons in April'."""

    value: Decimal
    unit: str  # "percent", a currency code (USD, EUR, CNY, ...) or a unit word ("metric ton")
    text: str  # the figure as written
    start: int
    end: int
    change: str | None  # "increase" / "decrease" for a change, None for a level
    measure: str | None  # what is measured: "steel exports", "global production"
    # the word that says what kind of thing is measured, for comparing figures across wordings:
    # "exports" for "steel exports", "mining" for "rare metal mining volume"
    measure_key: str | None
    subject: Mention | None  # the entity the figure is about
    period: str | None  # reference period as written: "April", "2023", "last year"
    reported_by: Mention | None  # the entity the figure is attributed to ("according to X", "data from X")
    source: Source | None  # the words naming the source, entity or not ("customs data")
    evidence: Evidence


@dataclass(frozen=True)
class Extraction:
    """Everything read from one article."""

    article: Article
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]
    claims: tuple[Claim, ...]
    roles: tuple[Role, ...] = ()
    measurements: tuple[Measurement, ...] = ()
    set_aside_lines: int = 0  # lines that are not prose (tables, results, lists): nothing read from them as sentences


@dataclass(frozen=True)
class Merge:
    """Why two names were taken for one entity."""

    name: str  # the name merged in, as written
    other: str  # the name it was merged with, as written
    rule: str  # same-name, variant, country, middle-name, short-name, contained-name, acronym, same-words, qualified-name, spelling
    reason: str  # the evidence, in words
    articles: tuple[str, ...]  # article ids the two names come from


@dataclass(frozen=True)
class Entity:
    """One node per real-world thing after resolution."""

    key: tuple[str, str]  # (family, normalised name): the identity used for IRIs
    cls: str
    label: str
    alt_labels: tuple[str, ...]
    mention_count: int
    articles: tuple[str, ...]  # article ids
    merges: tuple[Merge, ...] = ()
    # a capital city: the key of its country's entity ('Santiago said' speaks for Chile)
    capital_of: tuple[str, str] | None = None


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
    page_left_out: str = ""  # what the page leaves out to stay usable (kg viz draws more)
    reused: int = 0  # articles not parsed: their records (or a copy's) came from the cache
    up_to_date: bool = False  # nothing changed since the last build, so nothing was redone
    set_aside_lines: int = 0  # lines of the articles that are not prose (tables, results, lists)
