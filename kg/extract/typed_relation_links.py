"""How a sentence links two names so that it can state a relation of a kind: the shape of the link
(a word of the kind on the parse path between them, a preposition, a possessive), each judged as a
rule of its own; names in a list or in another clause are not linked."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.places import is_region_after
from kg.lexicon.titles import ROLE_WORDS
from kg.model import RelationKind

# Words (lemmas) that state a kind when they link two names on the parse: verbs ('X joined Acme',
# 'Y was killed by X'), nouns ('X, a spokesman for Acme', "Kennedy's assassin"), 'based'.
KIND_WORDS = {
    RelationKind.worksFor: frozenset("work serve join head lead run chair found manage coach captain represent "
                          "employ employee hire appoint teach member staff".split()) | ROLE_WORDS,
    RelationKind.livesIn: frozenset("live reside resident native home hometown settle grow".split()),  # 'grew up in'
    RelationKind.bornIn: frozenset({"bear", "birthplace"}),  # "X was born in Y": the lemma of "born" is "bear"
    RelationKind.basedIn: frozenset("base based headquarter headquarters locate".split()),
    RelationKind.locatedIn: frozenset("lie locate situate capital".split()),
    RelationKind.killed: frozenset("kill killing murder assassinate assassination assassin killer murderer gunman "
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
DEFAULT_MAX_LINK_STEPS = 7  # three words between the names
# A verdict takes more words: 'X pleaded guilty to killing Y', 'X pleaded guilty to the assassination of Y'.
MAX_LINK_STEPS = {RelationKind.killed: 9}
# Kinds whose path may start at a noun the sentence equates with the person ('his sister, Mary,
# who lives in Y'; 'X, 44, of Boston'): where one lives or whom one killed says nothing of others.
EQUATED_NOUN_KINDS = frozenset({RelationKind.livesIn, RelationKind.bornIn, RelationKind.killed})
# Dependencies into another clause: a link never runs through one ('X said Y ...', 'when Y was').
OTHER_CLAUSES = frozenset({"advcl", "ccomp", "parataxis", "csubj"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
# Prepositions on the subject's own noun that place it: 'Acme of Folsom', 'the hospital in Hammonton'.
KIND_PREPOSITIONS = {
    RelationKind.basedIn: frozenset({"of", "in", "at"}),
    RelationKind.locatedIn: frozenset({"in"}),
    RelationKind.livesIn: frozenset({"of"}),
}


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
    path = dependency_path(subject, obj)
    if not path:
        return None
    if len(path) > 2 and path[-1] in (">appos", ">conj") and _is_region_of(obj):
        path = path[:-2]  # 'of Bethany, Conn.': the region stands beside the town the link names
    if kind in EQUATED_NOUN_KINDS and path[1:2] and path[1] not in KIND_WORDS[kind] | KILL_ACCUSATION_WORDS:
        path = _without_equated_noun(path, subject)  # 'Kennedy's assassin, X' and 'X, a suspect in ...' keep theirs
    if len(path) > MAX_LINK_STEPS.get(kind, DEFAULT_MAX_LINK_STEPS):
        return None
    if kind in (RelationKind.locatedIn, RelationKind.basedIn) and path[0] == "<poss" and path[-1] in ("<poss", ">appos"):
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
    if kind in (RelationKind.basedIn, RelationKind.locatedIn) and path == [">poss"]:
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
    if kind == RelationKind.killed:
        allowed = allowed | KILL_VERDICT_WORDS | KILL_ACCUSATION_WORDS | KILL_INSTRUMENT_WORDS
    if not all(w in allowed for w in words):
        return None
    if kind != RelationKind.killed:
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
    if kind != RelationKind.killed:
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


def dependency_path(source: Token, target: Token) -> list[str] | None:
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
