"""Where a figure attaches to its sentence: its own head word, the part of the sentence it is in, the
verb it belongs to, the word a preposition hangs on and the subject of a clause."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.doc_lookups import sentence
from kg.extract.figures.finding import magnitude_word
from kg.lexicon.pronouns import RELATIVE_PRONOUNS

# Dependencies that lead from a figure up to the verb it belongs to.
GOVERNING_DEPS = frozenset(
    "prep pobj npadvmod dobj nummod quantmod compound appos conj acomp advmod amod attr oprd nmod".split())
# How a figure qualifies a noun: 'a $5bn deal', 'an 80% employment rate'.
QUALIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod"})
# Nouns that only mark a level ('broke through the $50 mark'): what is measured is elsewhere.
PLACEHOLDER_NOUNS = frozenset(
    "mark level barrier threshold record high low peak total sum amount figure worth average".split())


def sentence_part(root: Token) -> Span:
    """The figure's sentence, or the part of it on the figure's side of a full stop that the
    tagger glued to a magnitude ('... put at $640m. Allianz said ...' is two sentences)."""
    sent = sentence(root)
    start, end = sent.start, sent.end
    for token in sent[:-1]:
        if token.text.endswith(".") and len(token) > 1 and magnitude_word(token) is not None \
                and (token.nbor().is_title or token.nbor().is_quote):
            if token.i < root.i:
                start = token.i + 1
            elif token.i >= root.i:
                end = token.i + 1
                break
    return root.doc[start:end]


def within(token: Token, part: Span) -> bool:
    return part.start <= token.i < part.end


def inside(token: Token, figure: Span) -> bool:
    return figure.start <= token.i < figure.end


def figure_head(figure: Span) -> Token:
    """The figure's own head word: of the words whose head lies outside it, the last number or
    noun ('about "27%' hangs on '%', not on 'about'; 'less than 100m euros' on 'euros')."""
    outside = [t for t in figure if not figure.start <= t.head.i < figure.end or t.head == t]
    words = [t for t in outside if t.pos_ in ("NUM", "NOUN", "PROPN")]
    return words[-1] if words else figure.root


def anchor(root: Token) -> Token:
    """Where the figure attaches to the sentence: the first half of a split range borrows the
    attachment of the second ('adding $1.89 to $48.62': '$1.89' is what was added)."""
    while root.dep_ == "quantmod" and root.head.like_num and root.head.i > root.i:
        root = root.head
    return root


def governing_verb(token: Token) -> Token | None:
    """The verb the figure belongs to: 'dropped 15.6 percent', 'rose by $5bn', 'accounted for 61
    percent', 'was worth $1m'."""
    while token.head != token:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.dep_ not in GOVERNING_DEPS:
            return None
    return None


def attachment_of(root: Token) -> Token:
    """Where the figure attaches, through a noun that only marks an amount: 'cut prices by an
    average of 24%' attaches as 'cut prices by 24%' does."""
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACEHOLDER_NOUNS:
        return root.head.head
    return root


def governor(preposition: Token) -> Token:
    """The word a preposition hangs on, past a preposition it pairs with ('from 62% to 68%') or
    is coordinated with ('rose by 8% in January and by 24% in Chile')."""
    while preposition.dep_ == "conj" and preposition.head != preposition:
        preposition = preposition.head
    head = preposition.head
    while head.pos_ == "ADP" and head != head.head:
        head = head.head
    return head


def clause_subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the clause it shares one with ('..., adding $1.89'),
    or the noun a relative clause hangs on ('sales, which rose 5%')."""
    while True:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return subject
        if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN"):
            return verb.head  # 'one pound buying $1.91', 'with losses halved to $200m'
        # 'X rose ..., adding $1.89', 'X fell ... to trade at 104 yen'
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        shares = verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and (verb.tag_ == "VBG" or infinitive))
        if not shares or verb.head == verb or verb.head.pos_ not in ("VERB", "AUX"):
            return None
        verb = verb.head
