"""Mentions -> entities: one node per normalised name.

Names merge when their normalised forms are equal ("the U.S." = "US"). spaCy often types the same
name differently across sentences ("Trump" as PERSON and ORG), so the class is a vote over mentions
rather than part of the identity. Concepts (noun phrases) resolve among themselves.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.model import Entity, Extraction, Mention
from kg.names import normalise

# Among equally frequent classes, prefer the more specific one.
CLASS_SPECIFICITY = {
    "Country": 3, "GovernmentBody": 3, "Company": 3, "ResearchOrganization": 3,
    "MediaOrganization": 3, "GeopoliticalEntity": 2, "Person": 2, "Organization": 1,
}
CONCEPT = "Concept"


def entity_key(mention: Mention) -> tuple[str, str]:
    """Identity of the entity a mention refers to: (kind, normalised name)."""
    kind = "concept" if mention.cls == CONCEPT else "entity"
    return kind, normalise(mention.name)


@dataclass(frozen=True)
class Resolution:
    entities: dict[tuple[str, str], Entity]

    def of(self, mention: Mention) -> Entity:
        return self.entities[entity_key(mention)]


def resolve(extractions: Iterable[Extraction]) -> Resolution:
    surface_forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    classes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for extraction in extractions:
        for mention in _all_mentions(extraction):
            key = entity_key(mention)
            surface_forms[key][mention.text] += 1
            classes[key][mention.cls] += 1
            articles[key].add(extraction.article.id)
    entities = {}
    for key, forms in surface_forms.items():
        label = _canonical_label(forms, key)
        entities[key] = Entity(
            key=key,
            cls=_voted_class(classes[key]),
            label=label,
            alt_labels=tuple(sorted(f for f in forms if f != label)),
            mention_count=sum(forms.values()),
            articles=tuple(sorted(articles[key])),
        )
    return Resolution(entities=dict(sorted(entities.items())))


def _all_mentions(extraction: Extraction) -> Iterable[Mention]:
    """Entity mentions are counted once each; concepts appear only as relation objects."""
    yield from extraction.mentions
    for relation in extraction.relations:
        if relation.object.cls == CONCEPT:
            yield relation.object


def _canonical_label(forms: Counter[str], key: tuple[str, str]) -> str:
    """The most frequent form of the full name (not a short form like 'Trump' that coreference
    linked to it); ties go to the longer, then alphabetically first."""
    full = [form for form in forms if normalise(form) == key[1]] or list(forms)
    return min(full, key=lambda form: (-forms[form], -len(form), form))


def _voted_class(classes: Counter[str]) -> str:
    return min(classes, key=lambda cls: (-classes[cls], -CLASS_SPECIFICITY.get(cls, 0), cls))
