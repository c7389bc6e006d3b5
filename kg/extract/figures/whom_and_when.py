"""Whom and when a figure is about: the entity that owns what is measured or is the subject of its
verb ('Chile's exports', 'Chile accounted for ...'), and the date it refers to."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.doc_lookups import sentence
from kg.extract.figures.attachment import inside
from kg.extract.figures.finding import AMOUNT_AS_DATE, FIGURE_LABELS
from kg.lexicon.pronouns import RELATIVE_PRONOUNS
from kg.model import Mention

# Prepositions whose object owns the measured thing: 'sales of Acme', 'shares in Cairn', 'profits at HSBC'.
OWNER_PREPOSITIONS = frozenset({"of", "in", "at"})


def figure_subject(measure_head: Token | None, verb: Token | None, mentions: dict[int, Mention]) -> Mention | None:
    """The entity the figure is about: the measured phrase's owner ('Chile's exports', 'sales of
    Acme', 'shares in Cairn'), or the subject of the verb itself ('Chile accounted for ...', also
    through clauses that share it)."""
    if measure_head is not None:
        if measure_head.i in mentions:
            return mentions[measure_head.i]
        for child in measure_head.children:
            if child.dep_ in ("poss", "compound") and child.i in mentions:
                return mentions[child.i]
            if child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
                owners = [g for g in child.children if g.dep_ == "pobj" and g.i in mentions]
                if owners:
                    return mentions[owners[0].i]
    return _verb_subject(verb, mentions) if verb is not None else None


def _verb_subject(verb: Token, mentions: dict[int, Mention]) -> Mention | None:
    """The entity that is the subject of `verb`, or of the clause it shares a subject with."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subject in subjects:
        if subject.i in mentions:
            return mentions[subject.i]
        # 'Chile, which holds 60 percent': the relative clause's noun
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.i in mentions:
            return mentions[verb.head.i]
    # 'X accounted for 61 percent and controlled 92 percent', 'X dominates, accounting for 70 percent'
    shares_subject = verb.dep_ == "conj" or (verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG")
    if not subjects and shares_subject and verb.head.pos_ in ("VERB", "AUX"):
        return _verb_subject(verb.head, mentions)
    return None


def period_of(figure: Span, root: Token, verb: Token | None, part: Span) -> str | None:
    """The date the figure refers to: a DATE on the figure itself ('62% at the end of 2003'), else
    on the same verb but not on another figure. A date elsewhere in the sentence is another
    event's ('accused of an $11bn fraud when WorldCom collapsed in 2002'): no period is better
    than a wrong one."""
    dates = [e for e in sentence(root).ents
             if e.label_ == "DATE" and not AMOUNT_AS_DATE.match(e.text) and part.start <= e.start < part.end]
    own = [d for d in dates if root in d.root.ancestors]
    if own:
        return _nearest(own, figure).text
    if verb is not None:
        attached = [d for d in dates if verb in d.root.ancestors and not _on_other_figure(d, figure, verb)]
        if attached:
            return _nearest(attached, figure).text
    return None


def _on_other_figure(date: Span, figure: Span, verb: Token) -> bool:
    """'from 62% at the end of 2003 to 68%': the date hangs on another figure below the verb."""
    for ancestor in date.root.ancestors:
        if ancestor == verb:
            return False
        if ancestor.ent_type_ in FIGURE_LABELS and not inside(ancestor, figure):
            return True
    return False


def _nearest(spans: list[Span], figure: Span) -> Span:
    return min(spans, key=lambda s: abs(s.start - figure.start))
