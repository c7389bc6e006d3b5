"""Subject-verb-object relations with full noun phrases.

The subject must be a named entity (pronouns wait for coreference); the object is an entity or the
full noun phrase as a Concept. Verbs of saying are claims, not relations (see kg/extract/claims).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.attrs import POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from kg.extract.doc_lookups import quotes_of, sentence_of, time_of, tokens_where
from kg.extract.modality import modality
from kg.extract.noun_phrases import content_head, phrase_mention
from kg.extract.rule_confidence import RULE_CONFIDENCE
from kg.lexicon.pronouns import (
    DEMONSTRATIVES,
    THIRD_PERSON_POSSESSIVES,
    THIRD_PERSON_PRONOUNS,
)
from kg.lexicon.titles import ROLE_WORDS
from kg.model import EntityClass, Evidence, Mention, Relation

SUBJECT_DEPS = frozenset({"nsubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
# Verbs that carry no relation of their own ("is", "has") or that introduce speech (kg/extract/claims).
SKIPPED_LEMMAS = frozenset(
    "be have do say tell add claim confirm deny urge note state announce insist warn argue "
    "explain stress emphasize emphasise describe report acknowledge admit reply write".split()
)
# Prepositions that make a verb's own object ("account for", "rely on"); others are adverbials.
OBJECT_PREPOSITIONS = frozenset("for on in into to with from against about over".split())

# Verbs whose clausal complement is someone's statement or belief, not the article's: 'Ebbers
# testified that Sullivan made the decisions', 'Hobbes believed he was promoting ...'.
REPORTING_LEMMAS = frozenset(
    "say tell claim testify allege argue insist believe think suggest assert contend maintain "
    "admit deny report add state write warn fear hope doubt feel know reckon suspect".split()
)
# ... of which these give the act as someone's view, not as news: 'claimed', 'believes', 'alleged'.
CONTESTED_LEMMAS = frozenset(
    "claim allege argue insist believe think suggest assert contend maintain deny testify fear hope doubt "
    "feel reckon suspect".split())
# Words that deny an act when they qualify the verb or make up its subject: 'never paid',
# 'no longer works', 'nobody won', 'no company bid'.
NEGATING_ADVERBS = frozenset({"never", "longer"})
NEGATING_SUBJECTS = frozenset({"nobody", "nothing", "none", "neither", "no"})
# Nouns that need their clause or complement to name anything: 'the way ...', 'the idea of ...'.
LIGHT_NOUNS = frozenset("way idea thing things fact place part kind sort lot bit stuff something anything "
                        "everything nothing one".split())
# Coordinators that set one thing against another rather than list them.
CONTRAST_WORDS = frozenset({"but", "yet"})
# Pronouns and demonstratives a subject found by coreference may start with ('he', 'it'), not a name.
PRONOUNS = THIRD_PERSON_PRONOUNS | THIRD_PERSON_POSSESSIVES | DEMONSTRATIVES | {"who"}
# Qualifiers a rule name takes, so that their facts are measured apart (kg/confidence.py):
# '-reported' for an act inside someone's statement ('-claimed' inside a claim or belief),
# '-reference' for a subject found by coreference.


def extract_relations(doc: Doc, mentions: dict[int, Mention]) -> Iterator[Relation]:
    """Relations of every verb in `doc`; `mentions` maps token index -> entity mention."""
    for verb in tokens_where(doc, POS, (VERB, AUX)):
        if verb.lemma_.lower() in SKIPPED_LEMMAS or _is_title(verb):
            continue
        yield from _verb_relations(verb, mentions)


def _is_title(verb: Token) -> bool:
    """'has been managing director', 'the acting president': a participle right before the position
    word it governs or describes is part of the title, not an act ('was visiting President Bush'
    is one: 'President' belongs to the name)."""
    following = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    return verb.tag_ == "VBG" and following is not None and following.lower_ in ROLE_WORDS \
        and (following.head == verb and following.dep_ == "dobj" or verb.head == following)


def _verb_relations(verb: Token, mentions: dict[int, Mention]) -> Iterator[Relation]:
    predicate = _predicate(verb)
    passive_agents = _agents(verb)
    if passive_agents:
        # "licences were approved by the ministry" = the ministry approves licences
        subjects, objects = passive_agents, _with_conjuncts(_children(verb, PASSIVE_SUBJECT_DEPS))
        rule = "svo-passive"
    else:
        subjects, objects = _subjects(verb), _objects(verb)
        rule = "svo"
        if not objects:
            # "Chile accounted for 61 percent of production": the preposition joins the verb
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS):
                objects = _with_conjuncts(_children(prep, {"pobj"}))
                if objects:
                    predicate = f"{predicate} {prep.lower_}"
                    rule = "svo-preposition"
                    break
    evidence = Evidence(
        sentence=sentence_of(verb),
        rule=rule + _report_qualifier(verb),
        confidence=RULE_CONFIDENCE[rule],
        negated=_negated(verb, subjects),
        modality=modality(verb),
        when=time_of(verb),
    )
    for subject_token in subjects:
        subject = mentions.get(subject_token.i)
        if subject is None:
            continue
        if _is_reference(subject):
            evidence_of_subject = replace(evidence, rule=evidence.rule + "-reference")
        else:
            evidence_of_subject = evidence
        for object_token in objects:
            obj = phrase_mention(content_head(object_token), mentions)
            if obj is not None and obj != subject and not _says_nothing(obj):
                evidence_of_pair = evidence_of_subject
                if not evidence.modality and _alternatives(object_token):
                    evidence_of_pair = replace(evidence_of_subject, modality="or")
                yield Relation(subject=subject, predicate=predicate, object=obj, evidence=evidence_of_pair)


def _says_nothing(obj: Mention) -> bool:
    """'criticised the way (the government works)', 'adopted the idea (of a residence test)': a light
    noun whose clause the phrase leaves out names nothing on its own."""
    return obj.cls == EntityClass.Concept and obj.text.lower() in LIGHT_NOUNS


def _alternatives(token: Token) -> bool:
    """'will face either Jankovic or Elia': one of them, so neither is stated."""
    first = token if token.dep_ != "conj" else next((t for t in token.ancestors if t.dep_ != "conj"), token)
    return any(c.dep_ in ("cc", "preconj") and c.lower_ in ("or", "either", "nor") for c in first.children)


def _negated(verb: Token, subjects: list[Token]) -> bool:
    """'did not approve', 'never paid', 'no longer works', 'nobody won', 'no company bid'."""
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEGATING_ADVERBS) for c in verb.children):
        return True
    return any(s.lower_ in NEGATING_SUBJECTS or any(c.dep_ == "det" and c.lower_ == "no" for c in s.children)
               for s in subjects)


def _report_qualifier(verb: Token) -> str:
    """'-claimed' when the act is what someone claims, believes or alleges ('Milburn claimed Kruger
    had exposed ...', 'Ferguson believes Henry caught Heinze'); '-reported' when someone says,
    announces or confirms it ('Acme has approved ..., the company said') or it is inside quotation
    marks; '' when the article states it. Readers accept the first far less often."""
    token = verb
    while token.head != token and token.dep_ in ("ccomp", "conj", "xcomp", "advcl", "relcl"):
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in REPORTING_LEMMAS:
            return "-claimed" if token.head.lemma_.lower() in CONTESTED_LEMMAS else "-reported"
        token = token.head
    return "-reported" if any(quote.start <= verb.idx < quote.end for quote in quotes_of(verb.doc)) else ""


def _is_reference(mention: Mention) -> bool:
    """A subject found by coreference from a pronoun or a description ('he', 'the company'), not
    from a name."""
    words = mention.text.lower().split()
    return mention.refers_to is not None and bool(words) and (words[0] in PRONOUNS or words[0] == "the")


def _predicate(verb: Token) -> str:
    """'mapped out' -> 'map out'."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *particles])


def _children(token: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    """'Bessent, Greer and Lutnick' -> all three; not a name set against them ('beat Johansson but
    fourth seed Youzhny lost': the parser joins the two)."""
    return [t for token in tokens for t in (token, *token.conjuncts)
            if t.dep_ != "cc" and not (t.dep_ == "conj" and _contrasted(t))]


def _contrasted(conjunct: Token) -> bool:
    return any(c.dep_ == "cc" and c.lower_ in CONTRAST_WORDS for c in (*conjunct.children, *conjunct.head.children))


def _objects(verb: Token) -> list[Token]:
    """The verb's own objects, or those of the verb it is coordinated with ('approved and signed
    the treaty': the treaty was approved too)."""
    own = _with_conjuncts(_children(verb, OBJECT_DEPS))
    verb_conjuncts = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    if own or not verb_conjuncts:
        return own
    return _with_conjuncts(_children(verb_conjuncts[0], OBJECT_DEPS))


def _subjects(verb: Token) -> list[Token]:
    """The verb's own subject, or the one it shares: 'approved and issued' (conjunction),
    'agreed to restart' (subject control: the one who agreed restarts), 'urged the US to follow'
    (object control: the US follows), 'was inspired to keep' (the one inspired keeps). A passive
    verb met on the way up has a subject of its own, so none further up is borrowed."""
    came_by_xcomp = False
    while True:
        own = _children(verb, SUBJECT_DEPS)
        if own:
            return _with_conjuncts(own)
        passive = _children(verb, PASSIVE_SUBJECT_DEPS)
        if passive:
            # 'Kenny was inspired to keep Arsenal at bay': the one inspired keeps them; a passive
            # verb's subject is its own, so a subject further up is someone else's
            return _with_conjuncts(passive) if came_by_xcomp else []
        if verb.dep_ == "xcomp" and verb.head != verb:
            controller = _children(verb.head, OBJECT_DEPS)
            if controller:
                return _with_conjuncts(controller)
        if verb.dep_ in ("conj", "xcomp") and verb.head != verb:
            came_by_xcomp = verb.dep_ == "xcomp"
            verb = verb.head
            continue
        return []


def _agents(verb: Token) -> list[Token]:
    return [
        pobj
        for agent in _children(verb, {"agent"})
        for pobj in _with_conjuncts(_children(agent, {"pobj"}))
    ]
