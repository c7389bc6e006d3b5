"""Mentions -> entities: one node per real-world thing, with the reason for every merge.

Each article's names start as separate nodes ("local names"; coreference has already linked
"Trump" and "he" to "Donald Trump" within the article): `article` reads them, and the extraction
cache keeps them with the article's records. Rules then merge local names across the corpus, each
merge recorded with its rule and evidence, in the order `merge` gives:

- names: the same normalised name in two articles ("the U.S." = "US"), a legal suffix aside; a body
  every country has ("Foreign Ministry") only across articles of one country; a town's name an
  article uses for its team ("Jacksonville beat Indianapolis") not with the town's.
- variants: one name written another way: abbreviations ("Mt Cook" = "Mount Cook"), British
  spellings ("Centre"), initials with spaces ("U. S."), an organisation's inner plurals, spaces
  aside; "Betty Ford Center" and "Betty Ford Clinic" in one article.
- places: names of one country by ISO 3166 and countryinfo ("US", "United States", "USA").
- people: a fuller or shorter form of one person's name ("Mark Heller" = "Mark Jay Heller"), a
  nickname from the nicknames package's list ("Katie" = "Kathryn"), the middle name a person goes by
  or a surname of two words ("Lo Presti" = "Gaetano Lo Presti"); a lone surname joins the one person
  of the corpus who has it, or the one context points at, or, when nobody is named in full with it,
  the same lone name elsewhere; a lone first name only the person its article names in full, or the
  one context points at; blended nicknames ("LiLo").
- teams: a town's name used for its team joins the one team named after the town ("Jacksonville
  Jaguars"); a clipped plural ("Jags") the one name it begins; a nickname the tagger took for a
  person ("Bluejays") the one team it ends.
- contained names: a name of two words or more inside exactly one longer name that adds a leading
  qualifier ("Malibu Promises Treatment Center"), a country to a name of unsure kind, a kind word
  ("Morningside Recovery Center") or a park's kind ("Mount Cook National Park"); a one-word name
  before a kind word ("Acme" = "Acme Mining Corp.", "Tass" = "Tass news agency").
- organisations: a one-word name that ends one organisation's ("Colts"); acronyms ("GM" = "General
  Motors", "MINDEF" = "Ministry of Defence", "DPS" after "Movement for Rights and Freedoms") by the
  text's definition, the one name that fits, or
  among names it spells by their initials the one context points at;
  an organisation's words in any order, with its country said or not ("mines ministry" =
  "Ministry of Mines" = "Ministry of Mines of Chile" when only Chile's is named).
- spelling: two names of one kind that differ by a letter or two ("Brennatek" / "Brenatek"), or a
  lone surname and a full name's, in one article, or in articles that name the same other entities;
  never names that differ by a number ("Team I" / "Team III").
`labels` then chooses each entity's label (and so its IRI) and class, and a capital is linked to its
country; concepts (noun phrases) resolve among themselves by name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.lexicon.names import normalise
from kg.model import Entity, Extraction, Mention
from kg.resolve.article import (
    CONCEPT,
    ArticleNames,
    LocalName,
    entity_key,
    names_of,
)
from kg.resolve.labels import concept_label
from kg.resolve.merger import Merger
from kg.resolve.names import same_name
from kg.resolve.organisations import (
    acronyms,
    organisation_words,
    short_organisation_names,
)
from kg.resolve.people import blended_nicknames, middle_names, short_names
from kg.resolve.places import same_country, with_capitals
from kg.resolve.spelling import spellings
from kg.resolve.teams import clipped_plurals, clipped_towns, place_teams, team_nicknames
from kg.resolve.variants import (
    care_words,
    contained_names,
    names_before_a_kind,
    same_variant,
)

# the public API; CONCEPT, ArticleNames and names_of are re-exported from kg.resolve.article
__all__ = ["CONCEPT", "ArticleNames", "Resolution", "names_of", "resolve", "resolve_names"]


@dataclass(frozen=True)
class Resolution:
    """The corpus's entities, and which one each article's names stand for."""

    entities: dict[tuple[str, str], Entity]
    # (article id, normalised name) -> entity key
    index: dict[tuple[str, str], tuple[str, str]]
    # normalised name -> the entity it stands for first (sorted by key), for names from outside the text
    by_name: dict[str, tuple[str, str]] = field(default_factory=dict)
    # normalised outlet name -> label, for the publishers no article mentions
    outlets: dict[str, str] = field(default_factory=dict)

    def of(self, mention: Mention, article: str) -> Entity:
        family, name = entity_key(mention)
        if family == "concept":
            return self.entities[(family, name)]
        return self.entities[self.index[(article, name)]]

    def named(self, name: str) -> Entity | None:
        """The entity a name (as written anywhere in the corpus) stands for, if any."""
        key = self.by_name.get(normalise(name))
        return self.entities[key] if key else None


def resolve(extractions: Iterable[Extraction]) -> Resolution:
    return resolve_names(names_of(extraction) for extraction in extractions)


def resolve_names(articles: Iterable[ArticleNames]) -> Resolution:
    """Merge the articles' names into entities (the rules of the module docstring, in `merge`'s order)."""
    locals_: dict[tuple[str, str], LocalName] = {}
    concepts: dict[tuple[str, str], tuple[Counter, set]] = {}  # surface forms, articles
    definitions: dict[str, dict[str, str]] = {}
    outlets: dict[str, str] = {}  # normalised outlet name -> as first written
    for item in articles:
        locals_.update(((item.article, local.name), local) for local in item.names)
        for key, forms in item.concepts.items():
            all_forms, in_articles = concepts.setdefault(key, (Counter(), set()))
            all_forms.update(forms)
            in_articles.add(item.article)
        definitions[item.article] = item.definitions
        if item.outlet:
            outlets.setdefault(normalise(item.outlet), item.outlet)
    merger = Merger(locals_)
    merge(merger, definitions)
    entities, index = merger.entities()
    entities = with_capitals(entities)
    for key, (forms, in_articles) in concepts.items():
        label = concept_label(forms)
        entities[key] = Entity(key=key, cls=CONCEPT, label=label,
                               alt_labels=tuple(sorted(f for f in forms if f != label)),
                               mention_count=sum(forms.values()), articles=tuple(sorted(in_articles)))
    by_name: dict[str, tuple[str, str]] = {}
    for (_, name), key in sorted(index.items(), key=lambda item: item[1]):
        by_name.setdefault(name, key)
    # an outlet no article mentions is an entity of its own, named as its first article writes it
    unnamed_outlets = {name: label for name, label in outlets.items() if name not in by_name}
    return Resolution(entities=dict(sorted(entities.items())), index=index, by_name=by_name,
                      outlets=dict(sorted(unnamed_outlets.items())))


def merge(merger: Merger, definitions: dict[str, dict[str, str]]) -> None:
    """Run the merge rules over one union-find, surest first, most guessed last.

    The order is part of the result: a join is never undone, and a rule that counts candidates
    ('the only person of the corpus named so', 'the only name the acronym fits') or the entities
    two articles share counts entities as merged by the rules before it. On the BBC set, swapping
    middle_names and short_names, short_names and short_organisation_names, or organisation_words
    and spellings changes the graph; the other neighbours swap without a change there, but
    re-measure precision if you reorder."""
    # the same name in many articles is one entity, so every later rule counts it once
    same_name(merger)
    # 'Mt Cook' = 'Mount Cook': the same name written another way, as sure as the same name
    same_variant(merger)
    care_words(merger)
    # the spellings of one country are one entity before context is counted and acronyms expanded ('UK')
    same_country(merger)
    # 'George W. Bush' = 'George Bush' before a lone 'Bush' looks for the one person it belongs to
    middle_names(merger)
    # lone surnames weigh namesakes by the context shared so far, before organisations change it
    short_names(merger)
    # organisations' short names and acronyms, once names are entities: 'Tel Aviv' named in many
    # articles must be one entity for 'TAV' to fit only it
    short_organisation_names(merger)
    # a town's name used for its team joins the team named after it ('Indy' too), 'Jags' the 'Jaguars', and
    # 'Bluejays' taken for a person the 'Creighton Bluejays'
    place_teams(merger)
    clipped_towns(merger)
    clipped_plurals(merger)
    team_nicknames(merger)
    # a shorter name of several words inside one longer one ('Promises Treatment Center'), once
    # short names have joined theirs, and before acronyms count the names they could stand for
    contained_names(merger)
    names_before_a_kind(merger)
    acronyms(merger, definitions)
    # after the people rules, so a nickname's person is one entity ('LiLo' = 'Lindsay Lohan')
    blended_nicknames(merger)
    organisation_words(merger)
    # last: the most guessed rule compares entities as every other rule merged them, and their context
    spellings(merger)
