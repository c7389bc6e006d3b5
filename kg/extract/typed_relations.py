"""Relations of known kinds between two entities of one sentence: works for, lives in, located in,
based in, killed; and a person's nationality.

The classes of a pair fix the kind, as the ontology's domains and ranges do (a person and an
organisation: works for). A pair is related only when the sentence links the two names: a verb of
the kind ('lives in', 'joined', 'was killed by'), a preposition or possessive on one of them
('Acme of Folsom', 'the hospital in Hammonton', 'Zambia's Kafue River'), 'X-based'; a verdict
on a killing ('X was convicted of killing Y'), while an accusation ('X was charged with killing Y')
is kept as a candidate. Each shape of link is a rule of its own (`Link.rule`: 'kind-word',
'place-preposition', 'possessive', 'verdict', 'accusation'), so each is judged on its own. Two
names in one list or one sentence with nothing between them of that kind are not related, and a
nationality ('the Italian skier X') is `nationality`, never residence. Among linked pairs, whether the link
means the kind is for a small multinomial logistic-regression model that reads the words between
and around the two names, the dependency path from one to the other and their classes. It is
trained on the public CoNLL04 training split and ships as `typed_relations.json.gz`; retrain it with

    python -m kg.extract.train_typed_relations ../shared/data/conll04/conll04_train.json

(about a minute; training is deterministic, so the same data gives the same file).

The links are in typed_relation_links.py, the model's features and scores in typed_relation_model.py.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from kg.extract.doc_lookups import sentence_of, sentences
from kg.extract.rule_confidence import RULE_CONFIDENCE
from kg.extract.typed_relation_links import link_of, stated_link
from kg.extract.typed_relation_model import (
    COARSE,
    candidate_pairs,
    model_weights,
    pair_features,
    probabilities,
)
from kg.lexicon.geo import country_of_demonym
from kg.model import EntityClass, Evidence, Mention, Relation, RelationKind

# The kind the ontology's domain and range allow for each pair of coarse classes.
KIND_OF_CLASSES = {
    ("person", "org"): RelationKind.worksFor,
    ("person", "place"): RelationKind.livesIn,
    ("place", "place"): RelationKind.locatedIn,
    ("org", "place"): RelationKind.basedIn,
    ("person", "person"): RelationKind.killed,
}
# Words that make a name an event rather than an organisation ('the European Indoor Championships
# in Madrid', 'the Consumer Electronics Show in Las Vegas'): an event is held somewhere, not based
# there, so it is based nowhere. The last word of the name, or any word of the first set.
EVENT_WORDS = frozenset("championship championships prix expo conference awards tournament festival olympics "
                        "marathon summit indoors sevens lecture exhibition ceremony".split())
EVENT_LAST_WORDS = frozenset("show open cup run fair games race classic trophy rally week".split())
# Below an even chance: 'unrelated' is most pairs' label, so it would win every close call.
MIN_PROBABILITY = 0.35


def extract_typed_relations(doc: Doc, mentions: dict[int, Mention]) -> Iterator[Relation]:
    """Pairs of named entities in each sentence that the model says are related by the one kind
    their classes allow (so the graph never says a person lives in an organisation)."""
    weights = model_weights()
    for sent in sentences(doc):
        for subject, subject_span, obj, object_span in candidate_pairs(doc, sent, mentions):
            kind = KIND_OF_CLASSES.get((COARSE[subject.cls], COARSE[obj.cls]))
            if kind is None or (kind == RelationKind.locatedIn and subject.cls == EntityClass.Country and obj.cls != EntityClass.Location):
                continue  # a country lies in a region ('Africa'), never in another country or a city
            if kind == RelationKind.basedIn and (_is_event(subject_span) or subject.cls == EntityClass.SportsTeam):
                continue  # an event is held somewhere; a team plays somewhere ('England at Lansdowne Road')
            if kind == RelationKind.livesIn and _is_demonym(obj, object_span):
                if _nationality_of(subject_span, object_span):
                    yield _relation(subject, RelationKind.nationality, obj, sent, "nationality", RULE_CONFIDENCE["nationality"])
                continue  # 'the Italian skier': where he is from, not where he lives
            if kind == RelationKind.livesIn and stated_link(RelationKind.bornIn, subject_span.root, object_span.root):
                yield _relation(subject, RelationKind.bornIn, obj, sent, "stated-link", RULE_CONFIDENCE["stated-link"])
                continue
            link = link_of(kind, subject_span.root, object_span.root, name=subject_span)
            if link is None:
                continue
            if kind == RelationKind.livesIn and link.rule == "place-preposition" and obj.cls == EntityClass.Country:
                # 'Nathalie Dechy of France', 'Felipe Gonzalez of Spain': whose country, not a home
                yield _relation(subject, RelationKind.nationality, obj, sent, link.rule, RULE_CONFIDENCE["nationality"])
                continue
            features = pair_features(subject_span, obj=object_span, classes=(subject.cls, obj.cls))
            probability = probabilities(weights, features)[kind]
            if probability >= MIN_PROBABILITY:
                yield _relation(subject, kind, obj, sent, link.rule, round(probability, 3), link.modality)


def _is_event(name: Span) -> bool:
    """'Norwich Union Grand Prix', 'Volvo Women's Open', 'Electronic Entertainment Expo'."""
    words = [t.lower_ for t in name if t.is_alpha]
    return bool(words) and (words[-1] in EVENT_LAST_WORDS or any(w in EVENT_WORDS for w in words))


def _relation(subject: Mention, kind: str, obj: Mention, sent: Span, rule: str, confidence: float,
              modality: str | None = None) -> Relation:
    return Relation(subject=subject, predicate=kind, object=obj, kind=kind,
                    evidence=Evidence(sentence=sentence_of(sent.root), rule=rule, confidence=confidence,
                                      modality=modality))


def _is_demonym(mention: Mention, span: Span) -> bool:
    return mention.cls == EntityClass.Country and mention.refers_to is not None and span.root.pos_ in ("ADJ", "PROPN", "NOUN") \
        and span.root.dep_ in ("amod", "compound", "nmod") and country_of_demonym(span.text) is not None


def _nationality_of(person: Span, demonym: Span) -> bool:
    """'Italian Max Blardone', 'the Italian skier Max Blardone', 'Blardone, the Italian skier':
    the demonym describes the person or the noun the sentence equates with the person."""
    described = demonym.root.head
    if described == person.root:
        return True
    if described.dep_ in ("compound", "appos") and described.head == person.root:
        return True
    return person.root.dep_ == "appos" and person.root.head == described
