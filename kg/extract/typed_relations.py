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
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Span, Token

from kg.extract.places import is_region_after
from kg.extract.doc_lookups import sentence_of, sentences
from kg.lexicon.titles import ROLE_WORDS
from kg.lexicon.geo import country_of_demonym
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
    "livesIn": frozenset("live reside resident native home hometown settle grow".split()),  # 'grew up in'
    "bornIn": frozenset({"bear", "birthplace"}),  # "X was born in Y": the lemma of "born" is "bear"
    "basedIn": frozenset("base based headquarter headquarters locate".split()),
    "locatedIn": frozenset("lie locate situate capital".split()),
    "killed": frozenset("kill killing murder assassinate assassination assassin killer murderer gunman "
                        "shoot shooting slay slaying execute stab strangle behead".split()),
}
# Words that may stand on a killing's path beside its own words, and what they make of it:
# a verdict or admission asserts it ('X was convicted of killing Y', 'X pleaded guilty to the
# assassination of Y', 'X was sentenced for Y's murder', 'X apologized for killing Y');
# an accusation or a trial keeps it a candidate ('X was charged with killing Y', 'X, suspected of
# the assassination of Y', 'X was tried for the murder of Y'; 'X tried to kill Y' is no killing).
KILL_VERDICT_WORDS = frozenset("convict conviction guilty plead sentence confess admit apologize".split())
KILL_ACCUSATION_WORDS = frozenset("charge accuse suspect suspected indict allege arrest try".split())
# Modifiers on the link that make it an accusation ('the accused assassin', 'allegedly fired the shots').
ACCUSED_MODIFIERS = frozenset("accused alleged allegedly suspected reputed reputedly purported".split())
# ... or say it did not happen ('the would-be assassin'): no relation.
ATTEMPT_MODIFIERS = frozenset({"would-be", "attempted", "failed"})
# The weapon between killer and killing: 'X fired the shots that killed Y', 'the rifle X fired killed Y'.
KILL_INSTRUMENT_WORDS = frozenset("fire shot bullet gun rifle shotgun pistol revolver bomb".split())
# Words a link may pass through besides those of its kind: 'a spokesman for', 'lives in', 'killed
# by', 'is a native of'.
LINK_PREPOSITIONS = frozenset("of in at for with by from to as be".split())
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
DEFAULT_MAX_LINK_STEPS = 7  # three words between the names
# A verdict takes more words: 'X pleaded guilty to killing Y', 'X pleaded guilty to the assassination of Y'.
MAX_LINK_STEPS = {"killed": 9}
# Kinds whose path may start at a noun the sentence equates with the person ('his sister, Mary,
# who lives in Y'; 'X, 44, of Boston'): where one lives or whom one killed says nothing of others.
EQUATED_NOUN_KINDS = frozenset({"livesIn", "bornIn", "killed"})
# Dependencies into another clause: a link never runs through one ('X said Y ...', 'when Y was').
OTHER_CLAUSES = frozenset({"advcl", "ccomp", "parataxis", "csubj"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
# Prepositions on the subject's own noun that place it: 'Acme of Folsom', 'the hospital in Hammonton'.
KIND_PREPOSITIONS = {
    "basedIn": frozenset({"of", "in", "at"}),
    "locatedIn": frozenset({"in"}),
    "livesIn": frozenset({"of"}),
}
# Words that make a name an event rather than an organisation ('the European Indoor Championships
# in Madrid', 'the Consumer Electronics Show in Las Vegas'): an event is held somewhere, not based
# there, so it is based nowhere. The last word of the name, or any word of the first set.
EVENT_WORDS = frozenset("championship championships prix expo conference awards tournament festival olympics "
                        "marathon summit indoors sevens lecture exhibition ceremony".split())
EVENT_LAST_WORDS = frozenset("show open cup run fair games race classic trophy rally week".split())
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
            if kind == "basedIn" and (_is_event(subject_span) or subject.cls == "SportsTeam"):
                continue  # an event is held somewhere; a team plays somewhere ('England at Lansdowne Road')
            if kind == "livesIn" and _is_demonym(obj, object_span):
                if _nationality_of(subject_span, object_span):
                    yield _relation(subject, "nationality", obj, sent, "nationality", NATIONALITY_CONFIDENCE)
                continue  # 'the Italian skier': where he is from, not where he lives
            if kind == "livesIn" and stated_link("bornIn", subject_span.root, object_span.root):
                yield _relation(subject, "bornIn", obj, sent, "stated-link", BIRTHPLACE_CONFIDENCE)
                continue
            link = link_of(kind, subject_span.root, object_span.root, name=subject_span)
            if link is None:
                continue
            if kind == "livesIn" and link.rule == "place-preposition" and obj.cls == "Country":
                # 'Nathalie Dechy of France', 'Felipe Gonzalez of Spain': whose country, not a home
                yield _relation(subject, "nationality", obj, sent, link.rule, NATIONALITY_CONFIDENCE)
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


@dataclass(frozen=True)
class Link:
    """How a sentence links two names: the shape (the relation's rule, so each shape is judged on
    its own) and, for an accusation, the modality that keeps the relation a candidate."""

    rule: str
    modality: str | None = None


def stated_link(kind: str, subject: Token, obj: Token, *, name: Span | None = None) -> bool:
    """Whether the sentence links the two names in a way that can state `kind` (see `link_of`)."""
    return link_of(kind, subject, obj, name=name) is not None


def link_of(kind: str, subject: Token, obj: Token, *, name: Span | None = None) -> Link | None:
    """The shape in which the sentence links the two names so that it can state `kind` (the model
    then decides whether it does), or None. Shapes, tried in this order:
    - 'kind-word': every word on the parse path between them is a word of the kind or a
      preposition, and one is a word of the kind ('X lives in Y', 'Y was killed by X', 'X, a
      spokesman for Y', 'the Houston-based Y', 'X, who lives in Y'); for a killing, a verdict
      ('X was convicted of killing Y') or the weapon ('X fired the shot that killed Y') may stand
      on the path too, and an accusation ('X was charged with killing Y', 'the accused assassin')
      makes the link a candidate;
    - 'place-preposition': one name is a preposition's object on the other ('Acme of Folsom', 'the
      hospital in Hammonton', 'John Smith, 44, of Boston'), or on a word of the subject's `name`;
    - 'possessive': "Zambia's Kafue River", "Britain's BT".
    Names side by side in a list, or joined through another verb ('X said Y ...'), are not linked."""
    path = _dependency_path(subject, obj)
    if not path:
        return None
    if len(path) > 2 and path[-1] in (">appos", ">conj") and _is_region_of(obj):
        path = path[:-2]  # 'of Bethany, Conn.': the region stands beside the town the link names
    if kind in EQUATED_NOUN_KINDS and path[1:2] and path[1] not in KIND_WORDS[kind] | KILL_ACCUSATION_WORDS:
        path = _without_equated_noun(path, subject)  # 'Kennedy's assassin, X' and 'X, a suspect in ...' keep theirs
    if len(path) > MAX_LINK_STEPS.get(kind, DEFAULT_MAX_LINK_STEPS):
        return None
    if kind in ("locatedIn", "basedIn") and path[0] == "<poss" and path[-1] in ("<poss", ">appos"):
        return None  # "Bosnia's capital, Sarajevo", "Britain's BT": the possessor holds the other
    if any(step in ("<conj", ">conj") for step in path) and not _verbs_of_the_kind_joined(kind, path):
        return None  # 'Gerrard and Baros', 'Acme, Widget and Boston': a list, not a link
    if _through_another_clause(subject, obj):
        return None  # 'X was born in Akron when Y was president': Y's clause says nothing of Akron
    words = [step for step in path if not step.startswith(("<", ">"))]
    kind_words = KIND_WORDS[kind]
    if any(w in kind_words for w in words):
        return _kind_word_link(kind, words, subject, obj)
    # 'Acme of Folsom', 'the hospital in Hammonton', 'John Smith of Boston'
    if len(path) == 3 and path[0] == ">prep" and path[2] == ">pobj" and path[1] in KIND_PREPOSITIONS.get(kind, ()):
        return Link("place-preposition")
    # 'the International Committee of the Red Cross in Khartoum': the parser hangs the place on a
    # word of the name, not on its head
    if name is not None and _place_preposition_inside(kind, name, obj):
        return Link("place-preposition")
    # "Zambia's Kafue River", "Britain's BT"
    if kind in ("basedIn", "locatedIn") and path == [">poss"]:
        return Link("possessive")
    return None


def _place_preposition_inside(kind: str, name: Span, obj: Token) -> bool:
    """The place is the object of a preposition of the kind hanging on a word of the name."""
    place = obj.head if obj.dep_ in ("appos", "conj") and _is_region_of(obj) else obj
    preposition = place.head
    if place.dep_ != "pobj" or preposition.dep_ != "prep" or preposition.lower_ not in KIND_PREPOSITIONS.get(kind, ()):
        return False
    # after the name, not a preposition of the name itself ('Institute of Zoology')
    return preposition.head in name and preposition.head != name.root and preposition.i >= name.end


def _is_region_of(obj: Token) -> bool:
    """'Bethany, Conn.', 'Toronto, Canada': the name is a place set after another place by a comma
    (the parser makes it an apposition or a conjunct of the town)."""
    return is_region_after(obj.head, obj)


def _kind_word_link(kind: str, words: list[str], subject: Token, obj: Token) -> Link | None:
    """'kind-word' when every other word of the path is a preposition (or, for a killing, a
    verdict, an accusation or the weapon)."""
    kind_words = KIND_WORDS[kind]
    allowed = kind_words | LINK_PREPOSITIONS
    if kind == "killed":
        allowed = allowed | KILL_VERDICT_WORDS | KILL_ACCUSATION_WORDS | KILL_INSTRUMENT_WORDS
    if not all(w in allowed for w in words):
        return None
    if kind != "killed":
        return Link("kind-word")
    on_path = (subject, obj, *_path_tokens(subject, obj))
    modifiers = {m.lower_ for t in on_path for m in t.children if m.dep_ in ("amod", "compound", "advmod")}
    if modifiers & ATTEMPT_MODIFIERS or any(_attempted(t) for t in on_path):
        return None  # 'the would-be assassin of Y', 'X tried to kill Y': Y was not killed
    if any(w in KILL_ACCUSATION_WORDS for w in words) or modifiers & ACCUSED_MODIFIERS:
        return Link("accusation", modality="accused")
    if any(w in KILL_VERDICT_WORDS for w in words):
        return Link("verdict")
    return Link("kind-word")


def _through_another_clause(subject: Token, obj: Token) -> bool:
    """The path enters a clause of its own ('X said Y ...', 'when Y was president'); a participle
    without a subject of its own is no other clause: its subject is the sentence's ('Born in Luton,
    Hailey was ...')."""
    on_path = (*_path_tokens(subject, obj), subject, obj)
    return any(token.dep_ in OTHER_CLAUSES and token.head in on_path
               and (token.dep_ != "advcl" or any(c.dep_ in SUBJECTS for c in token.children))
               for token in on_path)


def _attempted(token: Token) -> bool:
    """'tried to kill' (try with a clause), 'the would-be assassin' (which the parser splits into
    'would', '-', 'be')."""
    children = {c.lower_ for c in token.children}
    return token.lemma_ == "try" and any(c.dep_ == "xcomp" for c in token.children) \
        or token.lemma_ == "be" and {"would", "-"} <= children


def _without_equated_noun(path: list[str], subject: Token) -> list[str]:
    """The path from what the sentence equates with the person, when it goes on with a clause about
    it, the clause it is the subject of, or the person's age: 'his sister, Mary, who lives in Y' reads
    as 'Mary, who lives in Y'; 'the 30th president, X, was born in Y' as 'X was born in Y';
    'X, the man convicted of killing Y' as 'X, convicted of killing Y'; 'X, 44, of Boston' as 'X of
    Boston'. Not 'X, the mayor of Boston' nor 'X, the daughter of a Boston native'."""
    if len(path) < 4 or path[0] not in ("<appos", ">appos") or path[1].startswith(("<", ">")):
        return path
    equated = subject.head if path[0] == "<appos" else next(
        (c for c in subject.children if c.dep_ == "appos" and c.lemma_.lower() == path[1]), None)
    if equated is None:
        return path
    if equated.pos_ == "NUM" or equated.pos_ == "NOUN" and path[2] in (">relcl", ">acl", "<nsubj", "<nsubjpass"):
        return path[2:]
    return path


def _verbs_of_the_kind_joined(kind: str, path: list[str]) -> bool:
    """'X shot and killed Y', 'Y was shot and killed by X': a conjunction of two verbs of killing is
    no list of names (each conjunction on the path has a word of the kind on both sides)."""
    if kind != "killed":
        return False
    for i, step in enumerate(path):
        if step in ("<conj", ">conj"):
            around = path[max(i - 1, 0) : i] + path[i + 1 : i + 2]
            if len(around) != 2 or not all(word in KIND_WORDS[kind] for word in around):
                return False
    return True


def _path_tokens(source: Token, target: Token) -> list[Token]:
    """The tokens strictly between source and target on the parse tree."""
    up = [source, *source.ancestors]
    down = [target, *target.ancestors]
    common = next((t for t in up if t in down), None)
    if common is None:
        return []
    between = up[1 : up.index(common) + 1] + down[1 : down.index(common)]
    return [t for t in between if t not in (source, target)]


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
