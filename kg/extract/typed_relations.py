"""Relations of known kinds between two entities of one sentence: works for, lives in, located in,
based in, killed; and a person's nationality.

The classes of a pair fix the kind, as the ontology's domains and ranges do (a person and an
organisation: works for). A pair is related only when the sentence links the two names: a verb of
the kind ('lives in', 'joined', 'was killed by'), a preposition or possessive on one of them
('Acme of Folsom', 'the hospital in Hammonton', 'Zambia's Kafue River'), 'X-based'. Two names in
one list or one sentence with nothing between them of that kind are not related, and a nationality
('the Italian skier X') is `nationality`, never residence. Among linked pairs, whether the link
means the kind is for a small multinomial logistic-regression model that reads the words between
and around the two names, the dependency path from one to the other and their classes. It is
trained on the public CoNLL04 training split and ships as `typed_relations.json.gz`; retrain it with

    python -m kg.extract.train_typed_relations ../shared/data/conll04/conll04_train.json

(about a minute; training is deterministic, so the same data gives the same file).
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from collections.abc import Iterable, Iterator
from importlib import resources

from spacy.tokens import Doc, Span, Token

from kg.extract.spans import sentence_of, sentences
from kg.extract.titles import ROLE_WORDS
from kg.geo import country_of_demonym
from kg.model import ORGANISATION_CLASSES, PLACE_CLASSES, Evidence, Mention, Relation

MODEL_FILE = "typed_relations.json.gz"
# Coarse class of an ontology class, as far as these relations care.
COARSE = {
    "Person": "person",
    **dict.fromkeys(ORGANISATION_CLASSES, "org"),
    **dict.fromkeys(PLACE_CLASSES, "place"),
}
KINDS = ("worksFor", "livesIn", "locatedIn", "basedIn", "killed")
# The kind the ontology's domain and range allow for each pair of coarse classes.
KIND_OF_CLASSES = {
    ("person", "org"): "worksFor",
    ("person", "place"): "livesIn",
    ("place", "place"): "locatedIn",
    ("org", "place"): "basedIn",
    ("person", "person"): "killed",
}
MAX_GAP_TOKENS = 12  # words between the names kept as features
# Words (lemmas) that state a kind when they link two names on the parse: verbs ('X joined Acme',
# 'Y was killed by X'), nouns ('X, a spokesman for Acme', "Kennedy's assassin"), 'based'.
KIND_WORDS = {
    "worksFor": frozenset("work serve join head lead run chair found manage coach captain represent "
                          "employ employee hire appoint teach member staff".split()) | ROLE_WORDS,
    "livesIn": frozenset("live reside resident native home hometown settle".split()),
    "bornIn": frozenset({"bear"}),  # "X was born in Y": the lemma of "born" is "bear"
    "basedIn": frozenset("base based headquarter headquarters locate".split()),
    "locatedIn": frozenset("lie locate situate capital".split()),
    "killed": frozenset("kill killing murder assassinate assassination assassin killer murderer gunman "
                        "shoot shooting slay execute stab strangle behead".split()),
}
# Words a link may pass through besides those of its kind: 'a spokesman for', 'lives in', 'killed
# by', 'is a native of'.
LINK_PREPOSITIONS = frozenset("of in at for with by from to as be".split())
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MAX_LINK_STEPS = 7
# Prepositions on the subject's own noun that place it: 'Acme of Folsom', 'the hospital in Hammonton'.
KIND_PREPOSITIONS = {
    "basedIn": frozenset({"of", "in", "at"}),
    "locatedIn": frozenset({"in"}),
    "livesIn": frozenset({"of"}),
}
# Below an even chance: 'unrelated' is most pairs' label, so it would win every close call.
MIN_PROBABILITY = 0.35
NATIONALITY_CONFIDENCE = 0.9
BIRTHPLACE_CONFIDENCE = 0.9


def extract_typed_relations(doc: Doc, mentions: dict[int, Mention]) -> Iterator[Relation]:
    """Pairs of named entities in each sentence that the model says are related by the one kind
    their classes allow (so the graph never says a person lives in an organisation)."""
    weights = _model()
    for sent in sentences(doc):
        for subject, subject_span, obj, object_span in candidate_pairs(doc, sent, mentions):
            kind = KIND_OF_CLASSES.get((COARSE[subject.cls], COARSE[obj.cls]))
            if kind is None or (kind == "locatedIn" and subject.cls == "Country" and obj.cls != "Location"):
                continue  # a country lies in a region ('Africa'), never in another country or a city
            if kind == "livesIn" and _is_demonym(obj, object_span):
                if _nationality_of(subject_span, object_span):
                    yield _relation(subject, "nationality", obj, sent, "nationality", NATIONALITY_CONFIDENCE)
                continue  # 'the Italian skier': where he is from, not where he lives
            if kind == "livesIn" and stated_link("bornIn", subject_span.root, object_span.root):
                yield _relation(subject, "bornIn", obj, sent, "stated-link", BIRTHPLACE_CONFIDENCE)
                continue
            if not stated_link(kind, subject_span.root, object_span.root):
                continue
            features = pair_features(subject_span, obj=object_span, classes=(subject.cls, obj.cls))
            probability = probabilities(weights, features)[kind]
            if probability >= MIN_PROBABILITY:
                yield _relation(subject, kind, obj, sent, "typed-relation", round(probability, 3))


def _relation(subject: Mention, kind: str, obj: Mention, sent: Span, rule: str, confidence: float) -> Relation:
    return Relation(subject=subject, predicate=kind, object=obj, kind=kind,
                    evidence=Evidence(sentence=sentence_of(sent.root), rule=rule, confidence=confidence))


def stated_link(kind: str, subject: Token, obj: Token) -> bool:
    """Whether the sentence links the two names in a way that can state `kind` (the model then
    decides whether it does): every word on the parse path between them is a word of the kind or a
    preposition, and one of them is a word of the kind ('X lives in Y', 'Y was killed by X', 'X, a
    spokesman for Y', 'the Houston-based Y'); or one name is a preposition's object or the possessive
    of the other ('Acme of Folsom', 'the hospital in Hammonton', "Zambia's Kafue River"). Names side
    by side in a list, or joined through another verb ('X said Y ...'), are not linked."""
    path = _dependency_path(subject, obj)
    if path is None or len(path) > MAX_LINK_STEPS:
        return False
    if len(path) > 2 and path[-1] == ">appos" and obj.head.ent_type_ in PLACE_LABELS:
        path = path[:-2]  # 'of Bethany, Conn.': the region stands beside the town the link names
    if any(step in ("<conj", ">conj") for step in path):
        return False  # 'Gerrard and Baros', 'Acme, Widget and Boston': a list, not a link
    words = [step for step in path if not step.startswith(("<", ">"))]
    kind_words = KIND_WORDS[kind]
    if any(w in kind_words for w in words) and all(w in kind_words or w in LINK_PREPOSITIONS for w in words):
        return True
    # 'Acme of Folsom', 'the hospital in Hammonton', 'John Smith of Boston'
    if len(path) == 3 and path[0] == ">prep" and path[2] == ">pobj" and path[1] in KIND_PREPOSITIONS.get(kind, ()):
        return True
    # "Zambia's Kafue River", "Britain's BT"
    return kind in ("basedIn", "locatedIn") and path == [">poss"]


def _is_demonym(mention: Mention, span: Span) -> bool:
    return mention.cls == "Country" and mention.refers_to is not None and span.root.pos_ in ("ADJ", "PROPN", "NOUN") \
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


def candidate_pairs(doc: Doc, sent: Span, mentions: dict[int, Mention]) -> Iterator[tuple[Mention, Span, Mention, Span]]:
    """Ordered pairs of different named people, organisations and places of one sentence."""
    named = [(m, span) for m, span in _named_spans(doc, sent, mentions) if m.cls in COARSE]
    for subject, subject_span in named:
        for obj, object_span in named:
            if subject.name != obj.name:
                yield subject, subject_span, obj, object_span


def _named_spans(doc: Doc, sent: Span, mentions: dict[int, Mention]) -> list[tuple[Mention, Span]]:
    """Each named mention of the sentence once, with its tokens (references like 'he' are left out:
    the model learnt from names)."""
    found: dict[Mention, Span] = {}
    for token in sent:
        mention = mentions.get(token.i)
        if mention is None or mention in found or token.pos_ in ("PRON", "NOUN"):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            found[mention] = span
    return list(found.items())


def pair_features(subject: Span, obj: Span, classes: tuple[str, str]) -> list[str]:
    """Words between and around the two names, the dependency path from one to the other and the
    classes of both; the path and the words between also conjoined with the classes."""
    doc = subject.doc
    pair = f"{COARSE[classes[0]]}>{COARSE[classes[1]]}"
    first, second = sorted((subject, obj), key=lambda s: s.start)
    gap = doc[first.end : second.start]
    contextual = ["order=" + ("subject-first" if first is subject else "object-first")]
    if len(gap) <= MAX_GAP_TOKENS:
        contextual += [f"between={t.lemma_.lower()}" for t in gap]
        contextual.append("gap=" + "".join(_shape(t) for t in gap[:6]))
    else:
        contextual.append("gap=long")
    contextual.append(f"gap-length={min(len(gap), 8)}")
    path = _dependency_path(subject.root, obj.root)
    if path is not None:
        contextual.append("path=" + " ".join(path))
        contextual += [f"path-word={step}" for step in path if not step.startswith(("<", ">"))]
        contextual.append(f"path-length={min(len(path), 8)}")
    plain = [
        "bias",
        f"classes={pair}",
        f"labels={subject.root.ent_type_}>{obj.root.ent_type_}",
        "before=" + (doc[first.start - 1].lower_ if first.start > 0 else "<s>"),
        "after=" + (doc[second.end].lower_ if second.end < len(doc) else "</s>"),
        "subject-last=" + subject[-1].lower_,
        "object-last=" + obj[-1].lower_,
        f"subject-role={subject.root.dep_}<{subject.root.head.lemma_.lower()}",
        f"object-role={obj.root.dep_}<{obj.root.head.lemma_.lower()}",
    ]
    return plain + contextual + [f"{pair}|{feature}" for feature in contextual]


def _shape(token: Token) -> str:
    """A one-letter shape of a gap word: comma, preposition, verb, name, other."""
    if token.text == ",":
        return ","
    return {"ADP": "p", "VERB": "v", "AUX": "v", "PROPN": "n", "NOUN": "n", "DET": "d"}.get(token.pos_, "o")


def _dependency_path(source: Token, target: Token) -> list[str] | None:
    """Dependency labels (with direction) and lemmas from source up to the common ancestor and down to
    target: ['<nsubj', 'kill', '>dobj']."""
    up = [source, *source.ancestors]
    down = [target, *target.ancestors]
    common = next((t for t in up if t in down), None)
    if common is None:
        return None
    path = []
    for token in up[: up.index(common)]:
        path.append("<" + token.dep_)
        if token.head != common:
            path.append(token.head.lemma_.lower())
    if common not in (source, target):
        path.append(common.lemma_.lower())
    for token in reversed(down[: down.index(common)]):
        if token.head != common and token.head not in up:
            path.append(token.head.lemma_.lower())
        path.append(">" + token.dep_)
    return path


@functools.lru_cache(maxsize=1)
def _model() -> dict[str, dict[str, float]]:
    packed = resources.files("kg.extract").joinpath(MODEL_FILE).read_bytes()
    return json.loads(gzip.decompress(packed))["weights"]


def probabilities(weights: dict[str, dict[str, float]], features: Iterable[str]) -> dict[str | None, float]:
    """Softmax over the kinds and 'unrelated' (None, score 0)."""
    scores = {kind: sum(weights.get(kind, {}).get(f, 0.0) for f in features) for kind in KINDS}
    scores[None] = 0.0
    top = max(scores.values())
    exps = {kind: math.exp(score - top) for kind, score in scores.items()}
    total = sum(exps.values())
    return {kind: value / total for kind, value in exps.items()}
