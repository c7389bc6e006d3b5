"""How a merged entity's label and class are chosen.

The label is also what the entity's key, and so its IRI, is made from: changing the preference
below renames entities in the graph.
"""

from __future__ import annotations

from collections import Counter

from kg.model import GENERIC_CLASS, ORGANISATION_CLASSES, PLACE_CLASSES, EntityClass
from kg.resolve.article import LocalName, voted_class

MAX_ACRONYM_LETTERS = 10  # an all-capital name this long or shorter is taken for an acronym ('NATO', 'U.S.')


def label_of(members: list[LocalName]) -> str:
    """A full name of the group ('General Motors' over 'GM', 'Donald Trump' over 'Trump') written
    as a name, the most often written one: the best form of the member ranked first by `label_preference`."""
    return max(members, key=label_preference).best_form


def label_preference(local: LocalName) -> tuple:
    """How well a member's best form would label its entity; higher is better. The parts are
    compared in turn, each deciding only among members equal in the ones before it."""
    form = local.best_form
    letters = form.replace(".", "")
    is_acronym = letters.isupper() and len(letters) <= MAX_ACRONYM_LETTERS
    return (
        not is_acronym,  # 'General Motors' over 'GM': an acronym says less to a reader
        len(local.words) > 1,  # 'Donald Trump' over 'Trump': a full name over a lone one
        any(ch.isupper() for ch in form),  # 'Mines Ministry' over 'mines ministry': written as a name
        sum(local.forms.values()),  # the name the articles write most often
        len(local.words),  # then the fuller name ('Mark Jay Heller' over 'Mark Heller')
        local.name,  # last, so that a tie always gives the same label (and IRI) from build to build
    )


def concept_label(forms: Counter) -> str:
    """A concept's most written form; among equally written ones the longest, then the first alphabetically."""
    return min(forms, key=lambda f: (-forms[f], -len(f), f))


def entity_class(members: list[LocalName], label: str) -> str:
    """The class voted by the group's named mentions (sum() drops the classes counted zero times,
    given only by records that point at a name), then checked by `class_to_assert`."""
    classes: Counter = sum((m.classes for m in members), Counter())
    return class_to_assert(voted_class(classes), label, any(m.called_he_or_she for m in members),
                           any(m.named_in_prose for m in members))


def class_to_assert(cls: str, label: str, called_he_or_she: bool, named_in_prose: bool) -> str:
    """The class the graph asserts, or only that the name names something (kg:Entity) where the
    tagger's class is as often wrong as right:
    - a lone word it took for a person's name, that the corpus never gives in full nor calls 'he'
      or 'she': as often a product, a club or a fragment ('Napster', 'Leicester', 'Schmidt' of
      'About Schmidt') as a person (readers accepted 7 of 15);
    - a name it took for an organisation or a place that the corpus writes only in squad lists and
      tables, never in a sentence ('Dudek' a place, 'Montgomery' an organisation: 0 of 3)."""
    if cls == EntityClass.Person and len(label.split()) == 1 and not called_he_or_she:
        return GENERIC_CLASS
    if not named_in_prose and (cls in ORGANISATION_CLASSES or cls in PLACE_CLASSES):
        return GENERIC_CLASS
    return cls
