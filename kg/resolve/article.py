"""One article's names, as the extraction cache keeps them beside the article's records.

`names_of` reads an extraction into `ArticleNames`: each local name with its surface forms and
classes, the concepts, the acronyms the text defines and the outlet. The cache pickles that result,
and its key hashes this module with everything it imports (`kg.cache.RECORD_MODULES`), so this
module imports nothing of the corpus-wide rules: changing one of those must not invalidate the cache.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from kg.lexicon.names import normalise
from kg.lexicon.non_prose import non_prose_lines
from kg.model import (
    ORGANISATION_CLASSES,
    REGION_RULES,
    Article,
    EntityClass,
    Extraction,
    Mention,
    RelationKind,
)

CONCEPT = EntityClass.Concept
# Among equally frequent classes, prefer the more specific one (kg:Entity, a name of unsure kind, least).
CLASS_SPECIFICITY = {
    EntityClass.Country: 3, EntityClass.GovernmentBody: 3, EntityClass.Company: 3, EntityClass.ResearchOrganization: 3,
    EntityClass.MediaOrganization: 3, EntityClass.SportsTeam: 3, EntityClass.GeopoliticalEntity: 2, EntityClass.Person: 2, EntityClass.Organization: 1, EntityClass.Entity: 0,
}
# Words an acronym may skip ('Ministry of Defence' = MINDEF).
FUNCTION_WORDS = frozenset("of and the for on in to at &".split())
# '(MINDEF)' or '(the EU)' right after a name: an acronym of 2 to 12 letters, dots or ampersands.
DEFINITION = re.compile(r"^\s*\(\s*(?:the\s+)?([A-Z][A-Za-z&.]{1,11})\s*\)")
DEFINITION_WINDOW = 16  # characters after a name searched for its definition: room for ' (the MINDEF)'
# An acronym in parentheses that is not the name's English initials defines it only after an
# organisation's name this long, and in this many capitals: 'Movement for Rights and Freedoms (DPS)'.
MIN_FOREIGN_ACRONYM_WORDS = 3
MIN_FOREIGN_ACRONYM_LETTERS = 3
GENERATIONAL_SUFFIXES = frozenset("jr sr ii iii iv".split())
PERSONAL_PRONOUNS = frozenset("he she him her his hers himself herself".split())


def entity_key(mention: Mention) -> tuple[str, str]:
    """The name identity of a mention before merging: (family, normalised name)."""
    kind = "concept" if mention.cls == CONCEPT else "entity"
    return kind, normalise(mention.name)


def voted_class(classes: Counter[str]) -> str:
    """The class most mentions were tagged with; among equally frequent ones, the most specific."""
    if not classes:
        return EntityClass.Organization
    return min(classes, key=lambda cls: (-classes[cls], -CLASS_SPECIFICITY.get(cls, 0), cls))


@dataclass
class LocalName:
    """One article's name for something: what the corpus-wide rules merge."""

    article: str
    name: str  # normalised
    forms: Counter = field(default_factory=Counter)
    classes: Counter = field(default_factory=Counter)
    called_he_or_she: bool = False  # coreference found 'he' or 'she' for it: a person
    named_in_prose: bool = False  # written in a sentence, not only in a squad list or a table

    # computed once the articles are read (the forms and classes no longer change then)
    @functools.cached_property
    def cls(self) -> str:
        return voted_class(self.classes)

    @functools.cached_property
    def words(self) -> list[str]:
        return self.name.split()

    @functools.cached_property
    def person_words(self) -> list[str]:
        """The words of a person's name without 'Jr.' and initials ('W. Mark Felt Sr.' -> mark felt)."""
        return [w for w in self.words if w not in GENERATIONAL_SUFFIXES and len(w) > 1] or self.words

    @functools.cached_property
    def best_form(self) -> str:
        """The most written form of the name itself ('Donald Trump', not the 'Trump' linked to it):
        a form that normalises to the name first, then the most written, the longest, the first
        alphabetically (so that ties always give the same form)."""
        if not self.forms:
            return self.name
        return min(self.forms, key=lambda f: (normalise(f) != self.name, -self.forms[f], -len(f), f))


@dataclass(frozen=True)
class ArticleNames:
    """What resolution needs from one article, small enough to keep for a whole archive while the
    article's records wait in the cache: its names with their forms and classes, its concepts,
    the acronyms it defines and its outlet."""

    article: str
    names: tuple[LocalName, ...]
    concepts: dict[tuple[str, str], Counter]  # concept key -> surface forms
    definitions: dict[str, str]  # acronym (normalised) -> the name the text defines it for
    outlet: str | None = None  # the publisher named in front matter

    def of_article(self, article: Article) -> ArticleNames:
        """The same names read from another article with this text (a copy, or the file moved)."""
        if article.id == self.article and article.source == self.outlet:
            return self
        names = tuple(LocalName(article.id, local.name, Counter(local.forms), Counter(local.classes),
                                local.called_he_or_she, local.named_in_prose)
                      for local in self.names)
        return replace(self, article=article.id, names=names, outlet=article.source)


def names_of(extraction: Extraction) -> ArticleNames:
    """Local names with their surface forms (named mentions only: 'he' is no name) and the concepts."""
    article = extraction.article.id
    set_aside = non_prose_lines(extraction.article.text)
    locals_: dict[str, LocalName] = {}
    concepts: dict[tuple[str, str], Counter] = {}
    for mention, named in _all_mentions(extraction):
        key = entity_key(mention)
        if key[0] == "concept":
            concepts.setdefault(key, Counter())[mention.text] += 1
            continue
        local = locals_.setdefault(key[1], LocalName(article, key[1]))
        local.called_he_or_she |= mention.text.lower() in PERSONAL_PRONOUNS
        if named:
            local.forms[mention.text] += 1
            local.classes[mention.cls] += 1
            local.named_in_prose |= not any(start <= mention.start < end for start, end in set_aside)
        # the full name a reference stands for ('Switzerland' for 'Swiss') is a candidate label
        # even where the article never writes it; counted zero times, it never outweighs a name written
        local.forms[mention.name] += 0
        local.classes[mention.cls] += 0
    for town, written in _towns_written_with_region(extraction):
        if entity_key(town)[1] in locals_:
            locals_[entity_key(town)[1]].forms[written] += 0
    names = tuple(locals_.values())
    return ArticleNames(article=article, names=names, concepts=concepts,
                        definitions=_definitions(extraction.article.text, names), outlet=extraction.article.source)


def _towns_written_with_region(extraction: Extraction) -> Iterator[tuple[Mention, str]]:
    """'Concord, Mass.', 'Riga, Latvia': the town as the article writes it with its region, a name
    of the town of its own (what tells Portland, Ore. from Portland, Maine), kept among its other
    names but never its label (it is counted zero times)."""
    text = extraction.article.text
    for relation in extraction.relations:
        if relation.kind == RelationKind.locatedIn and relation.evidence.rule in REGION_RULES:
            town, region = relation.subject, relation.object
            if town.start < region.start and text[town.end : region.start].strip() == ",":
                yield town, text[town.start : region.end]


def _all_mentions(extraction: Extraction) -> Iterator[tuple[Mention, bool]]:
    """Every mention a record points at, flagged True for the article's named mentions."""
    for mention in extraction.mentions:
        yield mention, True
    for relation in extraction.relations:
        yield relation.subject, False
        yield relation.object, relation.object.cls == CONCEPT
    for claim in extraction.claims:
        if claim.speaker is not None:
            yield claim.speaker, False
        for mention in claim.mentions:
            yield mention, False
    for role in extraction.roles:
        yield role.person, False
        if role.organisation is not None:
            yield role.organisation, False
    for measurement in extraction.measurements:
        for mention in (measurement.subject, measurement.reported_by):
            if mention is not None:
                yield mention, False


def _definitions(text: str, locals_: Iterable[LocalName]) -> dict[str, str]:
    """'the Ministry of Defence (MINDEF)', 'the Movement for Rights and Freedoms (DPS)': acronym
    (normalised) -> the name it is defined for."""
    found = {}
    for local in locals_:
        if len(local.words) < 2:
            continue
        for form in local.forms:
            for match in re.finditer(re.escape(form), text):
                definition = DEFINITION.match(text[match.end() : match.end() + DEFINITION_WINDOW])
                if definition is None:
                    continue
                acronym = definition.group(1)
                if acronym_of(acronym, form) or _foreign_acronym(acronym, local):
                    found[normalise(acronym)] = local.name
    return found


def _foreign_acronym(acronym: str, local: LocalName) -> bool:
    """'Movement for Rights and Freedoms (DPS)', 'Kurdistan Workers' Party (PKK)': an organisation
    of MIN_FOREIGN_ACRONYM_WORDS words or more defines, in capitals, the acronym of its name in its
    own language, whose letters are no English initials."""
    letters = acronym.replace(".", "").replace("&", "")
    return (local.cls in ORGANISATION_CLASSES and len(local.words) >= MIN_FOREIGN_ACRONYM_WORDS
            and len(letters) >= MIN_FOREIGN_ACRONYM_LETTERS and letters.isupper())


def acronym_of(acronym: str, name: str) -> bool:
    """True when `acronym` is made of the first letters of the words of `name`, each word giving
    one or more of its first letters in order and small words giving none or all: GM = General
    Motors, NASA = National Aeronautics and Space Administration, MINDEF = MINistry of DEFence."""
    letters = acronym.casefold().replace(".", "")
    words = [w for w in normalise(name).split()]
    if len(words) < 2 or len(letters) < 2:
        return False

    def fits(i: int, j: int) -> bool:  # letters[i:] from words[j:]
        if j == len(words):
            return i == len(letters)
        word = words[j]
        if word in FUNCTION_WORDS and fits(i, j + 1):
            return True
        return any(letters[i : i + n] == word[:n] and fits(i + n, j + 1)
                   for n in range(1, min(len(word), len(letters) - i) + 1))

    return fits(0, 0)
