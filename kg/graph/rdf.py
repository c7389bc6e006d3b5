"""Records -> RDF triples with provenance (and an rdflib Graph of them, for small inputs).

Every extracted triple gets a reified `kg:Assertion` (rdf:subject/predicate/object) naming the
article, evidence sentence, offsets, rule and confidence; one per article that asserts it, so
corroboration is a count. A negated statement is recorded but never asserted as a plain triple.
A fact the build does not assert (kg/confidence.py: too unsure, or modal) keeps only its record,
typed `kg:Candidate` (a claim `kg:CandidateClaim`, a figure `kg:CandidateMeasurement`), with the
reason it was held back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from kg.confidence import DEFAULT_MIN_CONFIDENCE, Decision, decide
from kg.graph import DEFAULT_BASE
from kg.graph.mint import Minter, relation_property
from kg.graph.terms import KG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD, Triple
from kg.graph.terms import literal as _literal
from kg.graph.vocab import PREFIXES
from kg.lexicon.dates import resolve_date
from kg.lexicon.names import normalise
from kg.model import (
    Article,
    Claim,
    Entity,
    Evidence,
    Extraction,
    Measurement,
    Relation,
    Role,
)
from kg.resolve import CONCEPT, Resolution


def new_graph() -> Graph:
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True)
    return graph


def build_graph(
    extractions: Iterable[Extraction], resolution: Resolution, *, base: str = DEFAULT_BASE,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> Graph:
    """The whole graph in memory (for small inputs and tests; a build streams the same triples)."""
    mint = Minter(base)
    graph = new_graph()
    for triple in resolution_triples(resolution, mint):
        graph.add(triple)
    for extraction in extractions:
        for triple in article_triples(extraction, resolution, mint, min_confidence=min_confidence):
            graph.add(triple)
    return graph


def resolution_triples(resolution: Resolution, mint: Minter) -> Iterator[Triple]:
    """The entities, with their names and merges, and the outlets no article mentions."""
    for entity in resolution.entities.values():
        yield from _entity(mint, entity)
    for name, label in resolution.outlets.items():
        outlet = mint.entity_key(("entity", name))
        yield outlet, RDF.type, KG.MediaOrganization
        yield outlet, RDFS.label, Literal(label)


def article_triples(extraction: Extraction, resolution: Resolution, mint: Minter, *,
                    min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> list[Triple]:
    """One article's triples, each once: the article, the entities it mentions, its relations,
    claims, roles and figures, each with its provenance record (asserted, or a candidate below
    `min_confidence`). Two articles can give the same triple (a fact both assert, a property both
    declare); the store keeps it once."""
    article = extraction.article
    article_iri = mint.article(article)
    triples = _Triples()
    triples.extend(_article(mint, resolution, article))
    for mention in extraction.mentions:
        triples.add((mint.entity(resolution.of(mention, article.id)), KG.mentionedIn, article_iri))
    for relation in extraction.relations:
        decision = decide("relation", relation.evidence, min_confidence, relation.kind)
        _add_relation(triples, mint, resolution, article, relation, decision)
    for claim in extraction.claims:
        _add_claim(triples, mint, resolution, article, claim, decide("claim", claim.evidence, min_confidence))
    for role in extraction.roles:
        _add_role(triples, mint, resolution, article, role, decide("role", role.evidence, min_confidence, role.kind))
    for measurement in extraction.measurements:
        decision = decide("figure", measurement.evidence, min_confidence)
        _add_measurement(triples, mint, resolution, article, measurement, decision)
    return triples.all()


def asserted_counts(extraction: Extraction, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> tuple[int, int]:
    """How many of the article's relations and claims the graph asserts."""
    relations = sum(decide("relation", r.evidence, min_confidence, r.kind).asserted and not r.evidence.negated
                    for r in extraction.relations)
    claims = sum(decide("claim", c.evidence, min_confidence).asserted for c in extraction.claims)
    return relations, claims


class _Triples:
    """An ordered set of triples in which a provenance record read twice keeps its surer confidence."""

    def __init__(self) -> None:
        self.triples: dict[Triple, None] = {}
        self.confidence: dict[URIRef, Decimal] = {}
        self.held_back: dict[URIRef, str] = {}  # a candidate read twice keeps its first reason

    def add(self, triple: Triple) -> None:
        self.triples[triple] = None

    def extend(self, triples: Iterable[Triple]) -> None:
        self.triples.update(dict.fromkeys(triples))

    def all(self) -> list[Triple]:
        confidences = [(record, KG.confidence, Literal(value)) for record, value in self.confidence.items()]
        reasons = [(record, KG.heldBack, _literal(reason)) for record, reason in self.held_back.items()]
        return [*self.triples, *confidences, *reasons]


def _entity(mint: Minter, entity: Entity) -> Iterator[Triple]:
    iri = mint.entity(entity)
    yield iri, RDF.type, KG[entity.cls]
    yield iri, RDFS.label, Literal(entity.label)
    for alt in entity.alt_labels:
        yield iri, SKOS.altLabel, Literal(alt)
    if entity.cls != CONCEPT:
        yield iri, KG.mentionCount, Literal(entity.mention_count)
    if entity.capital_of is not None:
        yield iri, KG.capitalOf, mint.entity_key(entity.capital_of)
    for merge in entity.merges:
        node = mint.merge(entity, merge)
        yield iri, KG.merge, node
        yield node, RDF.type, KG.Merge
        yield node, KG.mergedName, Literal(merge.name)
        yield node, KG.mergedWith, Literal(merge.other)
        yield node, KG.mergeRule, Literal(merge.rule)
        yield node, KG.reason, Literal(merge.reason)
        for article in merge.articles:
            yield node, PROV.wasDerivedFrom, mint.article_id(article)


def _article(mint: Minter, resolution: Resolution, article: Article) -> Iterator[Triple]:
    iri = mint.article(article)
    yield iri, RDF.type, SCHEMA.NewsArticle
    yield iri, SCHEMA.headline, Literal(article.title)
    yield iri, KG.sourceFile, Literal(article.path)
    yield iri, KG.sha256, Literal(article.sha256)
    if article.url:
        yield iri, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)
    if article.published:
        datatype = XSD.dateTime if isinstance(article.published, dt.datetime) else XSD.date
        yield iri, SCHEMA.datePublished, Literal(article.published.isoformat(), datatype=datatype)
    if article.source:
        # the outlet is an entity too: it merges with the same name mentioned in articles
        known = resolution.named(article.source)
        yield iri, SCHEMA.publisher, mint.entity(known) if known else mint.entity_key(("entity", normalise(article.source)))


def _add_relation(triples: _Triples, mint: Minter, resolution: Resolution, article: Article, relation: Relation,
                  decision: Decision) -> None:
    agent = resolution.of(relation.subject, article.id)
    subject = mint.entity(agent)
    obj = mint.entity(resolution.of(relation.object, article.id))
    if relation.kind:  # a known kind: the ontology declares the property
        predicate = KG[relation.kind]
    else:  # an open verb relation, declared in the graph and labelled by its name, so every article agrees
        predicate = relation_property(relation.predicate)
        triples.add((predicate, RDF.type, OWL.ObjectProperty))
        triples.add((predicate, RDFS.label, Literal(normalise(relation.predicate))))
        triples.add((predicate, RDFS.subPropertyOf, KG.relation))
    if decision.asserted and not relation.evidence.negated:
        triples.add((subject, predicate, obj))
    record = _add_assertion(triples, mint, article, (subject, predicate, obj), relation.evidence, decision)
    if not relation.kind:  # 'Santiago approved ...': the capital acts for its country
        _flag_metonymy(triples, mint, record, agent)


def _add_claim(triples: _Triples, mint: Minter, resolution: Resolution, article: Article, claim: Claim,
               decision: Decision) -> None:
    iri = mint.claim(article, claim)
    triples.extend([
        (iri, RDF.type, KG.Claim if decision.asserted else KG.CandidateClaim),
        (iri, KG.sourceText, _literal(claim.source.text)),
        (iri, KG.cue, _literal(claim.cue)),
        (iri, KG.content, _literal(claim.content)),
        (iri, KG.direct, _literal(claim.direct)),
        (iri, KG.startChar, _literal(claim.start)),
        (iri, KG.endChar, _literal(claim.end)),
        (iri, KG.negated, _literal(claim.evidence.negated)),
    ])
    if claim.evidence.modality:
        triples.add((iri, KG.modality, _literal(claim.evidence.modality)))
    _add_time(triples, iri, article, claim.evidence)
    triples.add((iri, PROV.wasDerivedFrom, mint.article(article)))
    if not decision.asserted:
        triples.add((iri, KG.heldBack, _literal(decision.held_back)))
    for mention in claim.mentions if decision.asserted else ():
        triples.add((iri, KG.mentions, mint.entity(resolution.of(mention, article.id))))
    if claim.speaker is None:
        # "officials said ...": no invented speaker, but the source as the article describes it
        _add_described_source(triples, mint, article, claim, decision)
        return
    speaker_entity = resolution.of(claim.speaker, article.id)
    speaker = mint.entity(speaker_entity)
    if decision.asserted:
        triples.add((iri, KG.speaker, speaker))
        _flag_metonymy(triples, mint, iri, speaker_entity)
        triples.add((speaker, KG.claims, iri))
    _add_assertion(triples, mint, article, (speaker, KG.claims, iri), claim.evidence, decision)


def _add_described_source(triples: _Triples, mint: Minter, article: Article, claim: Claim,
                          decision: Decision) -> None:
    """'officials', 'two people familiar with the talks': a node with the words, so that what unnamed
    sources claim can be found; none for a pronoun nobody was resolved to ('he said'), a group no
    one can name ('some people') or a name that is no entity's (kg.model.Source.description)."""
    iri = mint.claim(article, claim)
    if not claim.source.description:
        _add_assertion(triples, mint, article, (iri, KG.sourceText, _literal(claim.source.text)), claim.evidence,
                       decision)
        return
    source = mint.described_source(article, claim.source)
    if decision.asserted:
        triples.extend([
            (source, RDF.type, KG.DescribedSource),
            (source, RDFS.label, _literal(claim.source.text)),
            (source, PROV.wasDerivedFrom, mint.article(article)),
            (iri, KG.attributedTo, source),
        ])
    _add_assertion(triples, mint, article, (iri, KG.attributedTo, source), claim.evidence, decision)


def _add_role(triples: _Triples, mint: Minter, resolution: Resolution, article: Article, role: Role,
              decision: Decision) -> None:
    person = mint.entity(resolution.of(role.person, article.id))
    if role.title and decision.asserted:
        triples.add((person, KG.title, Literal(role.title)))
    if role.organisation is None:
        return
    triple = (person, KG[role.kind], mint.entity(resolution.of(role.organisation, article.id)))
    if decision.asserted:
        triples.add(triple)
    record = _add_assertion(triples, mint, article, triple, role.evidence, decision)
    if role.title:
        triples.add((record, KG.role, Literal(role.title)))


def _add_measurement(
    triples: _Triples, mint: Minter, resolution: Resolution, article: Article, measurement: Measurement,
    decision: Decision,
) -> None:
    iri = mint.measurement(article, measurement)
    triples.extend([
        (iri, RDF.type, KG.Measurement if decision.asserted else KG.CandidateMeasurement),
        (iri, KG.value, _decimal_literal(measurement.value)),
        (iri, KG.unit, Literal(measurement.unit)),
        (iri, KG.asWritten, Literal(measurement.text)),
        (iri, KG.startChar, Literal(measurement.start)),
        (iri, KG.endChar, Literal(measurement.end)),
        (iri, PROV.wasDerivedFrom, mint.article(article)),
        (iri, KG.evidence, Literal(measurement.evidence.sentence.text)),
        (iri, KG.extractor, _literal(measurement.evidence.rule)),
        (iri, KG.confidence, Literal(Decimal(str(decision.confidence)))),
    ])
    if not decision.asserted:
        triples.add((iri, KG.heldBack, _literal(decision.held_back)))
    optional = {
        KG.change: measurement.change,
        KG.measure: measurement.measure,
        KG.measureKey: measurement.measure_key,
        KG.period: measurement.period,
        KG.sourceText: measurement.source.text if measurement.source else None,
    }
    for predicate, value in optional.items():
        if value:
            triples.add((iri, predicate, Literal(value)))
    if measurement.subject is not None:
        triples.add((iri, KG.about, mint.entity(resolution.of(measurement.subject, article.id))))
    if measurement.reported_by is not None:
        source = mint.entity(resolution.of(measurement.reported_by, article.id))
        triples.add((iri, KG.reportedBy, source))
        if decision.asserted:
            triples.add((source, KG.reports, iri))
        _add_assertion(triples, mint, article, (source, KG.reports, iri), measurement.evidence, decision)


def _decimal_literal(value: Decimal) -> Literal:
    """In the canonical lexical form ('12.0', not '12'), so the graph equals itself re-parsed."""
    text = format(value, "f")
    return Literal(text if "." in text else f"{text}.0", datatype=XSD.decimal)


def _flag_metonymy(triples: _Triples, mint: Minter, record: URIRef, agent: Entity) -> None:
    """'Santiago said': the record keeps Santiago as the agent and says whom it stands for."""
    if agent.capital_of is not None:
        triples.add((record, KG.metonymFor, mint.entity_key(agent.capital_of)))


def _add_assertion(
    triples: _Triples, mint: Minter, article: Article, triple: tuple[URIRef, URIRef, URIRef | Literal],
    evidence: Evidence, decision: Decision,
) -> URIRef:
    """The provenance record of the triple: a kg:Assertion, or a kg:Candidate saying why the triple
    is not in the graph."""
    record = mint.assertion(article, triple, evidence, decision.asserted)
    subject, predicate, obj = triple
    triples.extend([
        (record, RDF.type, KG.Assertion if decision.asserted else KG.Candidate),
        (record, RDF.subject, subject),
        (record, RDF.predicate, predicate),
        (record, RDF.object, obj),
        (record, PROV.wasDerivedFrom, mint.article(article)),
        (record, KG.evidence, _literal(evidence.sentence.text)),
        (record, KG.startChar, _literal(evidence.sentence.start)),
        (record, KG.endChar, _literal(evidence.sentence.end)),
        (record, KG.extractor, _literal(evidence.rule)),
        (record, KG.negated, _literal(evidence.negated)),
    ])
    # one record per (triple, article, sentence, rule): a second reading of it keeps the surer confidence
    confidence = Decimal(str(round(decision.confidence, 3)))
    triples.confidence[record] = max(confidence, triples.confidence.get(record, confidence))
    if not decision.asserted:
        triples.held_back.setdefault(record, decision.held_back)
    if evidence.modality:
        triples.add((record, KG.modality, _literal(evidence.modality)))
    _add_time(triples, record, article, evidence)
    return record


def _add_time(triples: _Triples, node: URIRef, article: Article, evidence: Evidence) -> None:
    """When the act happened, as written and, when it names one day, as that day."""
    if evidence.when is None:
        return
    triples.add((node, KG.when, Literal(evidence.when)))
    day = resolve_date(evidence.when, article.published)
    if day is not None:
        triples.add((node, KG.date, Literal(day.isoformat(), datatype=XSD.date)))
