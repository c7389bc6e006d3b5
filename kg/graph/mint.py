"""IRIs for a graph's resources: readable, stable and injective, under one base."""

from __future__ import annotations

import hashlib
import re

from rdflib import URIRef

from kg.corpus import slugify
from kg.graph import DEFAULT_BASE, check_base
from kg.graph.vocab import REL
from kg.lexicon.names import normalise
from kg.model import Article, Claim, Entity, Evidence, Measurement, Merge, Source

CLEAN_NAME = re.compile(r"[a-z0-9]+( [a-z0-9]+)*")


def mint_slug(name: str) -> str:
    """Readable, stable and injective: a plain lower-case ASCII name keeps its words
    ('donald trump' -> 'donald-trump'); anything else gets a hash suffix after '_', a character
    plain slugs never contain ('u.s.' -> 'u-s_3c1a...')."""
    if CLEAN_NAME.fullmatch(name):
        return name.replace(" ", "-")
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]
    slug = slugify(name)
    return f"{slug}_{digest}" if slug else f"_{digest}"


class Minter:
    """IRIs for the resources of one graph under `base`."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        check_base(base)
        self.base = base

    def entity(self, entity: Entity) -> URIRef:
        return self.entity_key(entity.key)

    def entity_key(self, key: tuple[str, str]) -> URIRef:
        kind, name = key
        return URIRef(f"{self.base}{kind}/{mint_slug(name)}")

    def article(self, article: Article) -> URIRef:
        return self.article_id(article.id)

    def article_id(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}article/{article_id}")

    def merge(self, entity: Entity, merge: Merge) -> URIRef:
        identity = "|".join([*entity.key, merge.name, merge.other, merge.rule])
        return URIRef(f"{self.base}merge/{hashlib.sha256(identity.encode()).hexdigest()[:20]}")

    def claim(self, article: Article, claim: Claim) -> URIRef:
        return URIRef(f"{self.base}claim/{article.id}/{claim.start}-{claim.end}")

    def described_source(self, article: Article, source: Source) -> URIRef:
        # one node per description as written and article: 'officials' in two articles need not be the
        # same people, and 'Officials' opening a sentence keeps its own label
        return URIRef(f"{self.base}source/{article.id}/{mint_slug(' '.join(source.text.split()))}")

    def measurement(self, article: Article, measurement: Measurement) -> URIRef:
        return URIRef(f"{self.base}measurement/{article.id}/{measurement.start}-{measurement.end}")

    def assertion(self, article: Article, triple: tuple[URIRef, URIRef, URIRef], evidence: Evidence,
                  asserted: bool = True) -> URIRef:
        # a candidate and an assertion of one triple from one sentence are two records
        parts = [*map(str, triple), article.id, str(evidence.sentence.start), evidence.rule]
        identity = "|".join(parts if asserted else [*parts, "candidate"])
        return URIRef(f"{self.base}assertion/{hashlib.sha256(identity.encode()).hexdigest()[:20]}")


def relation_property(predicate: str) -> URIRef:
    return REL[mint_slug(normalise(predicate))]
