"""Hypothetical figures: a modal, a condition or a target, plan, hope or forecast above a figure
makes it no fact ('could reach 10%', 'if adopted', 'aims for an 80% rate')."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.figures.attachment import within
from kg.extract.modality import modality

# Hypothetical figures: words above the figure that make it a target, a plan, a hope or a forecast
# rather than a fact ('aims for an 80% rate', 'plans to cut 25%', 'hopes to reach 10%', 'analysts
# expect growth of 5%'). Modal verbs ('could', 'would', 'will') come from kg.extract.modality.
HYPOTHETICAL_VERBS = {
    "aim": "target", "target": "target", "aspire": "target",
    "plan": "plan", "intend": "plan", "propose": "plan",
    "hope": "hope", "want": "hope", "wish": "hope", "seek": "hope",
    "expect": "forecast", "forecast": "forecast", "predict": "forecast", "project": "forecast",
    "anticipate": "forecast", "tip": "forecast",
}
HYPOTHETICAL_NOUNS = {
    "target": "target", "aim": "target", "goal": "target", "aspiration": "target", "ambition": "target",
    "objective": "target", "plan": "plan", "intention": "plan", "proposal": "plan", "hope": "hope",
    "expectation": "forecast", "forecast": "forecast", "prediction": "forecast", "projection": "forecast",
}
HYPOTHETICAL_ADJECTIVES = {"likely": "likely", "unlikely": "likely"}
HYPOTHETICAL_WORDS = {"VERB": HYPOTHETICAL_VERBS, "NOUN": HYPOTHETICAL_NOUNS, "ADJ": HYPOTHETICAL_ADJECTIVES}
# Conjunctions that make a clause a condition: 'sales would rise 5% if the deal goes ahead'.
CONDITION_MARKS = frozenset({"if", "unless"})
# How a figure is attached below the words that could make it hypothetical: through its noun
# phrase, its verb and the verbs and nouns that control it ('plans to cut', 'aspiration of moving
# towards'), but not through a relative, adverbial or reported clause, which states its own fact.
MODALITY_CLIMB_DEPS = frozenset(
    "nummod quantmod compound amod npadvmod nmod dobj pobj prep pcomp attr acomp oprd xcomp acl "
    "advmod appos nsubj nsubjpass".split())
INFLECTION_SUFFIXES = ("s", "es", "ed", "d", "ing")


def figure_modality(root: Token, part: Span) -> str | None:
    """Why the figure is not stated as a fact: a modal ('could reach 10%'), a condition ('if
    adopted'), or a target, plan, hope or forecast it belongs to ('aims for an 80% rate', 'plans
    to cut 25%', 'a growth target of 5%', '47.3% forecast by analysts'). None for a fact."""
    # '47.3% forecast by analysts'
    for child in root.children:
        if child.dep_ == "acl" and _hypothetical(child):
            return _hypothetical(child)
    token = root
    while True:
        if token.pos_ in ("VERB", "AUX"):
            found = modality(token) or _condition(token) or _hypothetical(token)
        else:
            # 'a 2-3% target range': the noun or a compound before it
            found = _hypothetical(token) or next(
                (_hypothetical(c) for c in token.lefts if c.dep_ == "compound" and _hypothetical(c)), None)
        if found:
            return found
        if token.head == token or not within(token.head, part):
            return None
        if token.dep_ == "ccomp":
            # 'analysts expect house prices to rise 1%': a reported clause is a fact unless
            # the verb it reports is itself one of expecting, planning or hoping
            return _hypothetical(token.head) if token.head.pos_ == "VERB" else None
        if token.dep_ not in MODALITY_CLIMB_DEPS:
            return None
        token = token.head


def _condition(verb: Token) -> str | None:
    """'if sales rise 10%' (the figure's clause is the condition), 'taxes need to rise by £10bn if
    finances are to be put in order' (a condition hangs on the figure's clause)."""
    clauses = [verb, *(c for c in verb.children if c.dep_ == "advcl")]
    marked = any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for c in clauses for m in c.children)
    return "if" if marked else None


def _hypothetical(token: Token) -> str | None:
    """The kind of hypothetical the word makes, from its lemma or, when the tagger's lemma is off
    ('hopes' -> 'hop'), its inflected form."""
    words = HYPOTHETICAL_WORDS.get(token.pos_, {})
    return next((words[form] for form in base_forms(token) if form in words), None)


def base_forms(token: Token) -> list[str]:
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    for suffix in INFLECTION_SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            forms += [stem, stem + "e"]
    return forms
