"""What a figure measures: the noun the syntax around it gives ('a 22% fall in profits' -> profits),
by the first of a series of rules that decides, and that noun's phrase and key."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

from kg.extract.doc_lookups import sentence
from kg.extract.figures.attachment import (
    PLACEHOLDER_NOUNS,
    QUALIFIER_DEPS,
    attachment_of,
    clause_subject,
    governor,
    inside,
)
from kg.extract.figures.change import (
    DECREASE_VERBS,
    INCREASE_VERBS,
    is_direction,
    noun_direction,
)
from kg.extract.figures.finding import is_amount_unit
from kg.extract.figures.hypothetical import HYPOTHETICAL_NOUNS, base_forms
from kg.extract.figures.sources import SOURCE_NOUNS
from kg.extract.noun_phrases import content_head, phrase_tokens
from kg.lexicon.amounts import CURRENCY_SYMBOLS
from kg.model import Mention

# Verbs whose subject is what the figure measures: 'inflation stood at 2.6%', 'shares ended the day
# 12% down', 'the deal is worth £12bn', besides the verbs of change. Not 'pay', 'put', 'earmark':
# their subject is an actor ('Shareholders lost $180bn' says who lost it, not what it measures).
LEVEL_VERBS = frozenset(
    "be stand total reach hit top exceed remain stay end close finish open trade amount go average "
    "peak".split())
# Of the change verbs, these have an actor as subject unless the figure is a percentage ('shares
# lost 3%' but 'investors lost $2bn').
ACTOR_CHANGE_VERBS = frozenset("lose gain add shed cut reduce slash trim lower lift boost raise hike".split())
# Verbs whose subject has the change the figure qualifies: 'profits saw a 5% rise'.
CHANGE_HOLDER_VERBS = frozenset("see show post record enjoy suffer experience register".split())
# Head nouns that name an amount of something rather than the thing: the measure key is their
# modifier ('mining volume' measures mining, 'market share' the market, 'processing capacity'
# processing, 'growth target' growth).
AMOUNT_NOUNS = frozenset(
    "share volume amount level number total figure capacity capability quantity value rate proportion "
    "percentage portion part sum target goal".split())
# Dependencies inside a noun phrase, up to the object it belongs to: 'the cost of rebuilding'.
OBJECT_INTERNAL_DEPS = frozenset({"pcomp", "pobj", "prep", "acl"})
# Nouns that a percentage measures as such: 'its share of the market from 62% to 68%'.
SHARE_NOUNS = frozenset("share proportion percentage portion part majority minority stake".split())
# Organisations as subjects act rather than being measured: 'the firm ended the day at $8.08'
# measures its shares, 'the company paid $5m' says who paid.
ACTOR_NOUNS = frozenset(
    "firm company group bank business carmaker maker brewer retailer insurer airline lender operator "
    "producer supplier manufacturer investor shareholder government".split())
# Verbs that move their object to or from a figure: 'raised its share from 62% to 68%'.
OBJECT_CHANGE_VERBS = frozenset(
    "raise lift boost hike increase cut reduce slash trim lower halve double bring push take drive".split())
# Prepositions after a change noun that name what changed: 'a 22% fall in profits'.
CHANGED_THING_PREPOSITIONS = frozenset({"in", "of"})
# A measure in capitals is an acronym ('GDP', 'CPI'); a longer word in capitals is a name ('BURNLEY').
MAX_ACRONYM = 4
# Named-entity types that are names, never what a figure measures ('Germans').
NAME_LABELS = frozenset("PERSON NORP ORG GPE LOC FAC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split())
# Entity types that end a measured phrase: 'profits for the year to 31 December' -> 'profits for the year'.
NOT_MEASURE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL"})
TRAILING_FILLER_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "PUNCT", "AUX", "PRON"})
# A measure rule decided that nothing is measured ('analyst expectations of 374m euros').
NOTHING = None
# A measure rule does not apply: the next one is tried.
UNDECIDED = object()


class Figure(NamedTuple):
    """A figure and the words it hangs on, as the measure rules see it."""

    span: Span
    root: Token
    verb: Token | None
    change_noun: Token | None
    unit: str
    mentions: dict[int, Mention]


def measure_head_of(figure: Figure) -> Token | None:
    """The noun the figure measures, from the syntax, or None: the first rule that decides wins."""
    for rule in (share_of, _changed_thing, _direction_noun, _where_change_ends, _owning_noun_measure,
                 _object_of_verb, _subject_of_verb):
        decided = rule(figure)
        if decided is not UNDECIDED:
            return decided
    return None


def share_of(figure: Figure) -> Token | None | object:
    """'61 percent of global production', '25% of its staff'."""
    of_objects = _prep_objects(figure.root, ("of",), figure.span)
    return _measured(of_objects[0]) if of_objects else UNDECIDED


def _changed_thing(figure: Figure) -> Token | None | object:
    """A noun of change: its in- or of-object ('a 22% fall in profits'), else the noun before it
    ('a 53% pay rise', 'sales growth of 5%'); else, below, the subject of the verb that has the
    change ('profits saw a 22% fall')."""
    if figure.change_noun is None:
        return UNDECIDED
    changed = _prep_objects(figure.change_noun, CHANGED_THING_PREPOSITIONS, figure.span)
    if changed:
        return content_head(changed[0])
    modifiers = _compounds_before(figure.change_noun, figure.span)
    return modifiers[-1] if modifiers else UNDECIDED


def _direction_noun(figure: Figure) -> Token | None | object:
    """'with copper up 36%', 'on sales up 21%': the noun the direction word describes."""
    host = _direction_host(figure.root) if figure.change_noun is None else None
    return host if host is not None else UNDECIDED


def _where_change_ends(figure: Figure) -> Token | None | object:
    """'a 6% rise in profits to £280.2m', 'a cut in rates to 4.5%': the noun the change of which
    ends or starts at the figure, or what that change is in."""
    root = figure.root
    if figure.change_noun is not None or root.dep_ != "pobj" or root.head.lower_ not in ("to", "from") \
            or root.head.head.pos_ != "NOUN":
        return UNDECIDED
    noun = root.head.head
    if noun_direction(noun):
        changed = _prep_objects(noun, CHANGED_THING_PREPOSITIONS, figure.span)
        return content_head(changed[0]) if changed else NOTHING
    return noun


def _owning_noun_measure(figure: Figure) -> Token | None | object:
    """The noun the figure belongs to: 'a $5bn deal', 'pre-tax profits of £1.99bn'; what a target
    is for ('a 1.4% growth target'); the of-object of a word that only marks an amount ('$1.2bn
    worth of the beans'); nothing for an expectation ('analyst expectations of 374m euros': the
    words before it name who expects)."""
    owner = _owning_noun(figure.root, figure.span) if figure.change_noun is None else None
    if owner is None:
        return UNDECIDED
    lemma = owner.lemma_.lower()
    if HYPOTHETICAL_NOUNS.get(lemma) == "target":
        modifiers = _compounds_before(owner, figure.span)
        return modifiers[-1] if modifiers else NOTHING
    if lemma in HYPOTHETICAL_NOUNS:
        return NOTHING
    if lemma in PLACEHOLDER_NOUNS:
        of_objects = _prep_objects(owner, ("of",), figure.span)
        return content_head(of_objects[0]) if of_objects else UNDECIDED
    return owner


def _object_of_verb(figure: Figure) -> Token | None | object:
    """'put the amount of aid at $5bn', 'lifted its audience share by 12%', 'raised its share from
    62% to 68%': the verb's object; also when the parser put 'at' inside the object ('put the cost
    of rebuilding at $4bn')."""
    verb = figure.verb
    attachment = attachment_of(figure.root)
    if figure.change_noun is not None or attachment.dep_ != "pobj" or not _moves_object(attachment.head, verb) \
            or governor(attachment.head) != verb:
        return UNDECIDED
    objects = [c for c in verb.children
               if c.dep_ == "dobj" and not inside(c, figure.span) and c.ent_type_ not in NOT_MEASURE_LABELS]
    holder = objects[0] if objects else _object_holding(verb)
    return _measured(holder) if holder is not None else UNDECIDED


def _subject_of_verb(figure: Figure) -> Token | None | object:
    """'profits rose 5%', 'inflation stood at 2.6%', 'the deal is worth £12bn', 'profits saw a 5%
    rise': the subject of a verb of amount or change, when it is a common noun and not an actor,
    an entity, a date or the data that report the figure ('data showed ...')."""
    verb = figure.verb
    if verb is None:
        return NOTHING
    holds_change = figure.change_noun is not None and verb.lemma_.lower() in CHANGE_HOLDER_VERBS
    if not (holds_change or _subject_is_measured(verb, figure.unit)):
        return NOTHING
    subject = clause_subject(verb)
    if subject is None or inside(subject, figure.span) or subject.i in figure.mentions or subject.pos_ != "NOUN" \
            or subject.ent_type_ in NOT_MEASURE_LABELS or subject.lemma_.lower() in ACTOR_NOUNS \
            or any(f in SOURCE_NOUNS for f in base_forms(subject)):
        return NOTHING
    return _measured(subject)


def _compounds_before(noun: Token, figure: Span) -> list[Token]:
    return [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and not inside(c, figure)]


def _object_holding(token: Token) -> Token | None:
    """The direct object whose phrase a word sits in: 'rebuilding' in 'put [the cost of
    rebuilding] at $4bn'."""
    while token.dep_ in OBJECT_INTERNAL_DEPS and token.head != token:
        token = token.head
        if token.dep_ == "dobj" and token.pos_ == "NOUN":
            return token
    return None


def _measured(token: Token) -> Token:
    """The noun a figure measures: 'the amount of aid' -> 'aid', but 'its share of the market' stays."""
    return token if token.lemma_.lower() in SHARE_NOUNS else content_head(token)


def _moves_object(preposition: Token, verb: Token | None) -> bool:
    """'put the cost at $5bn', 'lifted its share by 12%' (any verb); 'raised its share from 62% to
    68%' (a verb that changes its object)."""
    if verb is None:
        return False
    if preposition.lower_ in ("at", "by"):
        return True
    return preposition.lower_ in ("to", "from") and verb.lemma_.lower() in OBJECT_CHANGE_VERBS


def _direction_host(root: Token) -> Token | None:
    """The noun a direction word with the figure describes: 'sales up 21%' (the word modifies the
    noun), 'with copper up 36%' (the noun is the word's subject)."""
    word = root.head
    if root.dep_ not in ("npadvmod", "advmod") or not is_direction(word):
        return None
    subjects = [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        host = subjects[0]
    elif word.dep_ in ("amod", "advmod", "acl", "prep"):
        host = word.head
    else:
        return None
    return host if host.pos_ in ("NOUN", "PROPN") and host.ent_type_ not in NOT_MEASURE_LABELS else None


def _prep_objects(token: Token, prepositions: tuple[str, ...] | frozenset[str], figure: Span) -> list[Token]:
    """Objects of the token's prepositions, not the figure itself nor a date ('in the third quarter')."""
    return [
        g for p in token.children if p.dep_ == "prep" and p.lower_ in prepositions
        for g in p.children
        if g.dep_ == "pobj" and not inside(g, figure) and g.ent_type_ not in NOT_MEASURE_LABELS
    ]


def _owning_noun(root: Token, figure: Span) -> Token | None:
    """The noun the figure belongs to: 'a $5bn deal', 'an 80% employment rate', 'pre-tax profits
    of £1.99bn', 'a stake of 20%'."""
    head = root.head
    if root.dep_ in QUALIFIER_DEPS:
        while head.dep_ == "compound" and head.head != head:
            head = head.head
    elif root.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    else:
        return None
    return head if head.pos_ == "NOUN" and not inside(head, figure) else None


def _subject_is_measured(verb: Token, unit: str) -> bool:
    """Whether the verb's subject is what the figure measures ('profits fell 5%') rather than an
    actor ('the firm paid $5m', 'investors lost $2bn')."""
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if lemma in ACTOR_CHANGE_VERBS and not passive:  # 'the dividend was raised to 45 cents' is measured
        return unit in ("percent", "percentage point")
    return lemma in LEVEL_VERBS or lemma in INCREASE_VERBS or lemma in DECREASE_VERBS


def measure_text(head: Token, figure: Span, root: Token, mentions: dict[int, Mention]) -> str | None:
    """The measured noun phrase without its owner, the figure or a cut-off end: "Japan's steel
    exports" -> "steel exports"; "a 15% stake in the unit" -> "stake in the unit"; "profits for
    the year to 31 December" -> "profits for the year". None when no common noun phrase is left."""
    if head.i in mentions or not _is_common_noun(head) or is_amount_unit(head):
        return None  # the entity itself ('Chile accounted for ...'), a name, or the unit of an amount
    tokens = phrase_tokens(head)
    # the figure and the words that carry it are not what it measures: 'a 15% stake in X' ->
    # 'stake in X', 'sales up 21%' -> 'sales'
    carriers = [t for t in tokens if t != head and (root in t.subtree or inside(t, figure))]
    if carriers:
        before = [t for t in carriers if t.i < head.i]
        after = [t for t in carriers if t.i > head.i]
        tokens = [t for t in tokens if (not before or t.i > before[-1].i) and (not after or t.i < after[0].i)]
    # the owner before the head: "Japan's", "Channel 4's", "US" of "US crude"
    owner = {t.i for c in head.lefts if c.dep_ == "poss" for t in c.subtree}
    tokens = [t for t in tokens if t.i not in owner]
    # ... and what a misparse puts before it ('warned growth', '-worth')
    while tokens[0] != head and (tokens[0].i in mentions or tokens[0].dep_ in ("case", "poss", "det")
                                 or tokens[0].tag_ == "VBD" or tokens[0].is_punct):
        tokens.pop(0)
    after = [t for t in tokens if t.i > head.i]
    # 'sales of Acme' -> 'sales', about Acme
    if after and after[0].lower_ == "of" and any(g.dep_ == "pobj" and g.i in mentions for g in after[0].children):
        tokens = [t for t in tokens if t.i <= head.i]
    # a number, a date or another figure ends the phrase at the preposition before it
    for index, token in enumerate(tokens):
        if token.i > head.i and (token.like_num or token.ent_type_ in NOT_MEASURE_LABELS
                                 or token.lower_ in CURRENCY_SYMBOLS):
            tokens = tokens[:index]
            break
    while tokens and tokens[-1] != head and tokens[-1].pos_ in TRAILING_FILLER_POS:
        tokens.pop()
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text if any(ch.isalpha() for ch in text) else None


def _is_common_noun(token: Token) -> bool:
    """A common noun, not a name the tagger took for one ('BURNLEY', 'Germans', 'Ahold')."""
    if token.is_upper and token.is_alpha:
        return len(token) <= MAX_ACRONYM  # 'GDP', not 'BURNLEY'
    if token.pos_ != "NOUN" or token.ent_type_ in NAME_LABELS:
        return False
    return not (token.is_title and token.i != sentence(token).start)


def measure_key(head: Token) -> str:
    """The lemma of the measured noun, or of its modifier when the noun only names an amount."""
    if head.lemma_.lower() in AMOUNT_NOUNS:
        modifiers = [c for c in head.lefts if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "VERB", "PROPN")]
        if modifiers:
            return modifiers[-1].lemma_.lower()
    return head.lemma_.lower()
