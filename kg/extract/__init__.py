"""Doc -> typed records. Each module is one concern; all are pure functions of the Doc."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.claims import extract_claims
from kg.extract.mentions import extract_mentions
from kg.extract.relations import extract_relations
from kg.extract.spans import token_mentions
from kg.model import Article, Extraction


def extract(doc: Doc, article: Article) -> Extraction:
    mentions = tuple(extract_mentions(doc))
    by_token = token_mentions(doc, mentions)
    return Extraction(
        article=article,
        mentions=mentions,
        relations=tuple(dict.fromkeys(extract_relations(doc, by_token))),
        claims=tuple(dict.fromkeys(extract_claims(doc, by_token))),
    )
