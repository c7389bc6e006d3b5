"""Change or level: whether a figure is a rise or a fall ('a 22% fall', 'rose 12%', '12% higher') or
a level ('rose to 12%'), from the noun, verb or adverb it hangs on."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.figures.attachment import QUALIFIER_DEPS, attachment_of, governor

# Change words. Verbs whose subject changes ('profits fell 5%'):
INCREASE_VERBS = frozenset(
    "rise increase grow jump surge climb gain soar rebound expand advance rally add double triple "
    "lift boost raise hike".split())
DECREASE_VERBS = frozenset(
    "fall drop decrease decline plunge slump slide tumble sink dip shrink contract lose ease slip cut "
    "halve reduce slash trim lower shed".split())
# ... of which these change their object and count only with 'by' or a percentage ('raised its
# stake by 5%', 'lifted prices 3%'; 'raised $5m' is money collected, not a rise).
OBJECT_INCREASE_VERBS = frozenset("lift boost raise hike".split())
# Nouns of change the figure qualifies ('a 22% fall', 'growth of 5%', 'a 53% pay rise').
INCREASE_NOUNS = frozenset(
    "rise increase growth jump surge climb rebound hike boost expansion upturn advance rally "
    "uplift".split())
DECREASE_NOUNS = frozenset(
    "fall drop decrease decline plunge slump slide cut reduction dip contraction downturn "
    "shrinkage tumble".split())
# A direction word the figure hangs on: '12% higher', '7.5% below the levels of a year ago',
# 'up 5.1 percent', '12% down'.
DIRECTION_WORDS = {"up": "increase", "higher": "increase", "above": "increase",
                   "down": "decrease", "lower": "decrease", "below": "decrease"}
# A figure after these is where a change ends or starts, a level: 'rose to 5%', 'from 11.2%'.
LEVEL_PREPOSITIONS = frozenset({"to", "from", "at"})
# How a figure is attached to a verb that moves by it: 'fell 3%', 'rose almost 4%'.
CHANGE_ARGUMENT_DEPS = frozenset({"dobj", "npadvmod", "advmod", "attr", "oprd", "conj"})


def change_noun_of(root: Token) -> Token | None:
    """The noun of change the figure qualifies: 'a 22% fall', 'a 53% pay rise', 'growth of 5%'."""
    head = root.head
    if root.dep_ in QUALIFIER_DEPS:
        while head.dep_ == "compound" and head.head != head:
            head = head.head  # 'a 53% pay rise': '%' hangs on 'pay', which hangs on 'rise'
        return head if noun_direction(head) else None
    if root.dep_ == "pobj" and head.lower_ in ("of", "by") and noun_direction(head.head):
        return head.head
    return None


def noun_direction(token: Token) -> str | None:
    if token.pos_ != "NOUN":
        return None
    lemma = token.lemma_.lower()
    return "increase" if lemma in INCREASE_NOUNS else "decrease" if lemma in DECREASE_NOUNS else None


def change_of(figure: Span, root: Token, verb: Token | None, change_noun: Token | None, unit: str) -> str | None:
    """Whether the figure is a change, from the word it hangs on; None for a level."""
    doc = figure.doc
    # 'a 22% fall in profits', 'growth of 5%': the noun of change it qualifies
    if change_noun is not None:
        return noun_direction(change_noun)
    # 'rose to 5%', 'from 11.2% to 9.6%', 'closed at $51.15': where a change ends or starts
    if figure.start > 0 and doc[figure.start - 1].lower_ in LEVEL_PREPOSITIONS:
        return None
    # '12% higher', '7.5% below the levels of a year ago', 'up 5.1 percent', 'down by 3%'
    # ('above $50' is a threshold, a level: the figure is the object of the word, not its measure)
    by = root.dep_ == "pobj" and root.head.lower_ == "by"
    head = root.head.head if by else root.head
    if (by or root.dep_ in ("npadvmod", "nummod", "advmod")) and is_direction(head) and head != root:
        return DIRECTION_WORDS[head.lower_]
    # 'ended the day 12% down', 'closed up $2.80': a direction adverb of the verb right beside the figure
    if verb is not None:
        for word in verb.children:
            if is_direction(word) and word.dep_ in ("advmod", "prt", "acomp") \
                    and (word.i == figure.end or word.i == figure.start - 1):
                return DIRECTION_WORDS[word.lower_]
    return _verb_change(root, verb, unit)


def is_direction(token: Token) -> bool:
    """'up', 'lower', 'below' as words of direction, not the noun of 'a write-down'."""
    return token.lower_ in DIRECTION_WORDS and token.pos_ in ("ADV", "ADJ", "ADP", "PART")


def _verb_change(root: Token, verb: Token | None, unit: str) -> str | None:
    """'fell 3%', 'rose by 3%', 'cut costs by 25%', 'lifted its share by 12%': a figure that is
    the amount a change verb moves by. 'rose to 3%' and 'fell from 5%' are levels."""
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    direction = "increase" if lemma in INCREASE_VERBS else "decrease" if lemma in DECREASE_VERBS else None
    if direction is None:
        return None
    root = attachment_of(root)
    by = root.dep_ == "pobj" and root.head.lower_ == "by" and governor(root.head) == verb
    direct = root.head == verb and root.dep_ in CHANGE_ARGUMENT_DEPS
    if not (by or direct):
        return None
    if lemma in OBJECT_INCREASE_VERBS and not (by or unit in ("percent", "percentage point")):
        return None
    return direction
