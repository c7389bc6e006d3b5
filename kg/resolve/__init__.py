"""Mentions -> entities: one node per real-world thing, with the reason for every merge.

Each article's names start as separate nodes ("local names"; coreference has already linked
"Trump" and "he" to "Donald Trump" within the article). Rules then merge local names, each merge
recorded with its rule and evidence:

- same-name: the same normalised name in two articles ("the U.S." = "US"). A lone surname is the
  exception: it merges across articles only with the one person of the corpus who has it, or, when
  nobody is named in full with it, with the same lone name elsewhere.
- country: names of one country by ISO 3166 (pycountry) and countryinfo's other spellings and
  demonyms: "US", "U.S.", "United States", "USA"; "UK", "Britain".
- acronym: "GM" = "General Motors", "MINDEF" = "Ministry of Defence" (initials, or the first
  letters of each word), when exactly one name of the article (or, for 3+ letters, the corpus)
  fits, or when the text defines it ("the Ministry of Defence (MINDEF)").
- same-words / qualified-name: an organisation's words in any order ("commerce ministry" = "Ministry
  of Commerce"), with its country said or not ("Ministry of Commerce of China", "China's commerce
  ministry") when the article, or the whole corpus, has only that country's one.
- spelling: two names of the same kind in one article that differ by a letter or two
  ("Brennatek" / "Brenatek").
Concepts (noun phrases) resolve among themselves by name.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

import numpy
from rapidfuzz.distance import DamerauLevenshtein
from rapidfuzz.process import cdist

from kg.lexicon.layout import non_prose_lines
from kg.lexicon.organisations import COMPANY_WORDS, GOVERNMENT_WORDS, MEDIA_WORDS, RESEARCH_WORDS
from kg.lexicon.geo import capital_country, country_code, country_id, us_state
from kg.model import GENERIC_CLASS, ORGANISATION_CLASSES, PLACE_CLASSES, REGION_RULES, Article, Entity, Extraction, Merge, Mention
from kg.lexicon.names import normalise

# Among equally frequent classes, prefer the more specific one (kg:Entity, a name of unsure kind, least).
CLASS_SPECIFICITY = {
    "Country": 3, "GovernmentBody": 3, "Company": 3, "ResearchOrganization": 3,
    "MediaOrganization": 3, "SportsTeam": 3, "GeopoliticalEntity": 2, "Person": 2, "Organization": 1, "Entity": 0,
}
CONCEPT = "Concept"
# Words an acronym may skip, and words that do not tell organisations apart ('Ministry of
# Foreign Affairs' = 'foreign ministry').
FUNCTION_WORDS = frozenset("of and the for on in to at &".split())
FILLER_WORDS = FUNCTION_WORDS | {"affairs"}
MIN_CORPUS_ACRONYM = 3  # 'EU' is too short to expand across articles without a definition
ACRONYM = re.compile(r"^[A-Z][A-Za-z&]{1,9}$")
DEFINITION = re.compile(r"^\s*\(\s*(?:the\s+)?([A-Z][A-Za-z&.]{1,11})\s*\)")
MIN_SPELLING_LETTERS = 5
SPELLING_ROWS = 512  # names compared with all others at a time (bounds the distance matrix's memory)
GENERATIONAL_SUFFIXES = frozenset("jr sr ii iii iv".split())
ORGANISATION_KIND_WORDS = GOVERNMENT_WORDS | COMPANY_WORDS | RESEARCH_WORDS | MEDIA_WORDS | {"party", "union", "club"}
LEGAL_SUFFIXES = frozenset("inc corp corporation co ltd llc plc ag sa gmbh".split())
MIN_SHORT_FIRST_NAME = 3  # 'Fred' for 'Frederick'; 'Al' says too little
MIN_SPELLING_CONTEXT = 3  # other entities two articles must share for a misspelling across them
PERSONAL_PRONOUNS = frozenset("he she him her his hers himself herself".split())
MIN_SHARED_CONTEXT = 2  # other entities a namesake's articles must share to claim a lone surname
DOMINANT_MENTIONS = 3  # ... or, sharing as much as another, be named this many times as often


def entity_key(mention: Mention) -> tuple[str, str]:
    """The name identity of a mention before merging: (family, normalised name)."""
    kind = "concept" if mention.cls == CONCEPT else "entity"
    return kind, normalise(mention.name)


@dataclass
class _Local:
    """One article's name for something."""

    article: str
    name: str  # normalised
    forms: Counter = field(default_factory=Counter)
    classes: Counter = field(default_factory=Counter)
    called_he_or_she: bool = False  # coreference found 'he' or 'she' for it: a person
    named_in_prose: bool = False  # written in a sentence, not only in a squad list or a table

    # computed once the articles are read (the forms and classes no longer change then)
    @functools.cached_property
    def cls(self) -> str:
        return _voted_class(self.classes)

    @functools.cached_property
    def words(self) -> list[str]:
        return self.name.split()

    @functools.cached_property
    def person_words(self) -> list[str]:
        """The words of a person's name without 'Jr.' and initials ('W. Mark Felt Sr.' -> mark felt)."""
        return [w for w in self.words if w not in GENERATIONAL_SUFFIXES and len(w) > 1] or self.words

    @functools.cached_property
    def best_form(self) -> str:
        """The most written form of the name itself ('Donald Trump', not the 'Trump' linked to it)."""
        if not self.forms:
            return self.name
        return min(self.forms, key=lambda f: (normalise(f) != self.name, -self.forms[f], -len(f), f))


@dataclass(frozen=True)
class Resolution:
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


@dataclass(frozen=True)
class ArticleNames:
    """What resolution needs from one article, small enough to keep for a whole archive while the
    article's records wait in the cache: its names with their forms and classes, its concepts,
    the acronyms it defines and its outlet."""

    article: str
    names: tuple[_Local, ...]
    concepts: dict[tuple[str, str], Counter]  # concept key -> surface forms
    definitions: dict[str, str]  # acronym (normalised) -> the name the text defines it for
    outlet: str | None = None  # the publisher named in front matter

    def of_article(self, article: Article) -> ArticleNames:
        """The same names read from another article with this text (a copy, or the file moved)."""
        if article.id == self.article and article.source == self.outlet:
            return self
        names = tuple(_Local(article.id, local.name, Counter(local.forms), Counter(local.classes), local.called_he_or_she,
                             local.named_in_prose)
                      for local in self.names)
        return replace(self, article=article.id, names=names, outlet=article.source)


def names_of(extraction: Extraction) -> ArticleNames:
    """Local names with their surface forms (named mentions only: 'he' is no name) and the concepts."""
    article = extraction.article.id
    set_aside = non_prose_lines(extraction.article.text)
    locals_: dict[str, _Local] = {}
    concepts: dict[tuple[str, str], Counter] = {}
    for mention, named in _all_mentions(extraction):
        key = entity_key(mention)
        if key[0] == "concept":
            concepts.setdefault(key, Counter())[mention.text] += 1
            continue
        local = locals_.setdefault(key[1], _Local(article, key[1]))
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


def resolve(extractions: Iterable[Extraction]) -> Resolution:
    return resolve_names(names_of(extraction) for extraction in extractions)


def resolve_names(articles: Iterable[ArticleNames]) -> Resolution:
    """Merge the articles' names into entities (the rules in the module docstring)."""
    locals_: dict[tuple[str, str], _Local] = {}
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
    merger = _Merger(locals_)
    for rule in (_same_name, _same_country, _middle_names, _short_names, _short_organisation_names, _acronyms,
                 _organisation_words, _spellings):
        rule(merger, definitions)
    entities, index = merger.entities()
    entities = _with_capitals(entities)
    for key, (forms, in_articles) in concepts.items():
        label = min(forms, key=lambda f: (-forms[f], -len(f), f))
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


def _with_capitals(entities: dict[tuple[str, str], Entity]) -> dict[tuple[str, str], Entity]:
    """'Beijing' is the capital of China: a typed link, so 'Beijing said' can be read as China's
    government speaking without merging the city into the country."""
    countries = {country_id(e.label): key for key, e in entities.items() if e.cls in PLACE_CLASSES}
    countries.pop(None, None)
    linked = {}
    for key, entity in entities.items():
        country = countries.get(capital_country(entity.label)) if entity.cls in PLACE_CLASSES else None
        linked[key] = replace(entity, capital_of=country) if country and country != key else entity
    return linked


def _towns_written_with_region(extraction: Extraction) -> Iterator[tuple[Mention, str]]:
    """'Concord, Mass.', 'Riga, Latvia': the town as the article writes it with its region, a name
    of the town of its own (what tells Portland, Ore. from Portland, Maine), kept among its other
    names but never its label (it is counted zero times)."""
    text = extraction.article.text
    for relation in extraction.relations:
        if relation.kind == "locatedIn" and relation.evidence.rule in REGION_RULES:
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


class _Merger:
    """Union-find over local names that remembers why each pair was joined."""

    def __init__(self, locals_: dict[tuple[str, str], _Local]):
        self.locals = locals_
        self.parent = {key: key for key in locals_}
        self.merges: list[tuple[tuple[str, str], Merge]] = []

    def find(self, key: tuple[str, str]) -> tuple[str, str]:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: tuple[str, str], b: tuple[str, str], rule: str, reason: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        self.parent[max(root_a, root_b)] = min(root_a, root_b)
        form_a, form_b = (self.locals[k].best_form for k in (a, b))
        self.merges.append((a, Merge(name=form_a, other=form_b, rule=rule, reason=reason,
                                     articles=tuple(sorted({a[0], b[0]})))))

    @functools.cached_property
    def sorted_locals(self) -> list[tuple[tuple[str, str], _Local]]:
        """The local names by key, for the rules that must see them in a fixed order (sorted once)."""
        return sorted(self.locals.items())

    @functools.cached_property
    def name_classes(self) -> dict[str, str]:
        """Each name's class voted over all its articles."""
        votes: dict[str, Counter] = defaultdict(Counter)
        for local in self.locals.values():
            votes[local.name].update(local.classes)
        return {name: _voted_class(classes) for name, classes in votes.items()}

    def by_article(self) -> dict[str, list[_Local]]:
        grouped: dict[str, list[_Local]] = defaultdict(list)
        for local in self.locals.values():
            grouped[local.article].append(local)
        return grouped

    def entities(self) -> tuple[dict[tuple[str, str], Entity], dict[tuple[str, str], tuple[str, str]]]:
        groups: dict[tuple[str, str], list[_Local]] = defaultdict(list)
        for key, local in self.locals.items():
            groups[self.find(key)].append(local)
        merges: dict[tuple[str, str], list[Merge]] = defaultdict(list)
        for key, merge in self.merges:
            merges[self.find(key)].append(merge)
        entities: dict[tuple[str, str], Entity] = {}
        index: dict[tuple[str, str], tuple[str, str]] = {}
        # order groups so that colliding labels get stable suffixes
        for root, members in sorted(groups.items(), key=lambda kv: min((m.article, m.name) for m in kv[1])):
            forms: Counter = Counter()
            for member in members:
                forms.update(member.forms)  # keeps the names written zero times, unlike sum()
            classes: Counter = sum((m.classes for m in members), Counter())
            label = _label(members)
            key = ("entity", normalise(label))
            if key in entities:  # two different things with one name ('Smith' in two stories)
                key = ("entity", f"{normalise(label)} {min(m.article for m in members)}")
            entities[key] = Entity(
                key=key,
                cls=_class_to_assert(_voted_class(classes), label, any(m.called_he_or_she for m in members),
                                     any(m.named_in_prose for m in members)),
                label=label,
                alt_labels=tuple(sorted(f for f in forms if f != label)),
                mention_count=sum(forms.values()),
                articles=tuple(sorted({m.article for m in members})),
                merges=tuple(sorted(merges[root], key=lambda m: (m.rule, m.name, m.other))),
            )
            index.update({(m.article, m.name): key for m in members})
        return entities, index


# ---- rules ------------------------------------------------------------------------------------


def _same_country(merger: _Merger, definitions: dict[str, dict[str, str]]) -> None:
    by_country: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, local in merger.locals.items():
        if local.cls in PLACE_CLASSES | ORGANISATION_CLASSES:
            code = country_code(local.best_form)
            if code is not None:
                by_country[code].append(key)
    for code, keys in by_country.items():
        for key in keys[1:]:
            merger.join(keys[0], key, "country",
                        f"'{merger.locals[keys[0]].best_form}' and '{merger.locals[key].best_form}' "
                        f"name one country (ISO 3166 {code})")


def _same_name(merger: _Merger, definitions: dict[str, dict[str, str]]) -> None:
    """The same name in several articles is one entity ('Microsoft' = 'Microsoft Corp.': a legal
    suffix is no part of the identity); lone person names wait for _short_names."""
    by_name: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, local in merger.sorted_locals:
        if not _is_lone_person_name(local, merger):
            by_name[_identity(local)].append(key)
    for name, keys in by_name.items():
        for key in keys[1:]:
            first, other = merger.locals[keys[0]].best_form, merger.locals[key].best_form
            merger.join(keys[0], key, "same-name",
                        f"'{other}' in {key[0]} and '{first}' in {keys[0][0]} are one name")


def _identity(local: _Local) -> str:
    """The name as identity: without a legal suffix, and for a short name with its case kept (the
    acronym 'US' is not the magazine 'Us')."""
    words = local.words
    if local.cls in ORGANISATION_CLASSES and len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        return " ".join(words[:-1])
    if len(local.name) <= 3:
        return local.name + (" (acronym)" if local.best_form.replace(".", "").isupper() else "")
    return local.name


def _is_lone_person_name(local: _Local, merger: _Merger) -> bool:
    """A one-word name most articles take for a person ('Trump'; not 'SEACOM', a company the
    tagger once took for a person)."""
    if len(local.person_words) != 1:
        return False
    return merger.name_classes[local.name] == "Person"


def _middle_names(merger: _Merger, definitions: dict[str, dict[str, str]]) -> None:
    """'Mark Heller' = 'Mark Jay Heller', 'Fred LaRue' = 'Frederick C. LaRue': one surname, the first
    name the same or a shortening of the other, the other names among the other's; joined when the
    name fits exactly one other person of the corpus ('Mark Heller' beside both 'Mark Jay Heller' and
    'Mark Alan Heller' stays apart)."""
    by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, local in merger.sorted_locals:
        words = local.person_words
        if local.cls == "Person" and len(words) > 1:
            by_surname[words[-1]].append(key)
    for keys in by_surname.values():
        same_words: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
        for key in keys:  # 'W. Mark Felt Sr.' = 'Mark Felt': they differ by initials and suffixes only
            same_words[tuple(merger.locals[key].person_words)].append(key)
        for group in same_words.values():
            for key in group[1:]:
                merger.join(group[0], key, "middle-name",
                            f"'{merger.locals[key].best_form}' and '{merger.locals[group[0]].best_form}' "
                            "differ only by initials or a suffix")
        # longest names first, so 'Vincent Gigante' finds its two fuller forms already joined
        for key in sorted(keys, key=lambda k: (-len(merger.locals[k].person_words), -len(merger.locals[k].name), k)):
            local = merger.locals[key]
            fitting = [k for k in keys if merger.locals[k].person_words != local.person_words
                       and _fits(local, merger.locals[k])]
            roots = {merger.find(k) for k in fitting}
            if len(roots) == 1:
                other = merger.locals[fitting[0]]
                merger.join(fitting[0], key, "middle-name",
                            f"'{local.best_form}' is '{other.best_form}' with fewer or shorter names, "
                            "and fits no other person of the corpus")


def _fits(short: _Local, full: _Local) -> bool:
    """The short name's first name is the full one's or begins it ('Fred', 'Frederick'), and its
    other names are among the full one's."""
    a, b = short.person_words, full.person_words
    if len(a) > len(b) or a[-1] != b[-1]:
        return False
    same_first = a[0] == b[0] or (len(a[0]) >= MIN_SHORT_FIRST_NAME and b[0].startswith(a[0]))
    return same_first and set(a[1:-1]) <= set(b[1:-1])


def _short_names(merger: _Merger, definitions: dict[str, dict[str, str]]) -> None:
    """A lone 'Trump' joins the one person of the corpus named in full with it; among several,
    the one whose articles share at least two other entities with its article and more than any
    other's do; with none it joins the same lone name in other articles. A lone surname the tagger
    took for an organisation or a place ('Teixeira' as ORG) joins a person only on shared context."""
    full_names: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key, local in merger.locals.items():
        words = local.person_words
        if local.cls == "Person" and len(words) > 1:
            for word in (words[0], words[-1]):
                full_names[word].add(merger.find(key))
    lone: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, local in merger.sorted_locals:
        if _is_lone_person_name(local, merger) or _is_mistyped_surname(local, full_names):
            lone[local.name].append(key)
    context = _Context(merger)
    for name, keys in lone.items():
        owners = full_names.get(name, set())
        if not owners:
            for key in keys[1:]:
                merger.join(keys[0], key, "same-name",
                            f"'{name}' names nobody else in the corpus, so the same lone name is one person")
            continue
        for key in keys:
            mistyped = merger.locals[key].cls != "Person"
            if len(owners) == 1 and not mistyped:
                owner = next(iter(owners))
                reason = f"'{name}' is part of the name of only one person in the corpus: {merger.locals[owner].best_form}"
            else:
                ranked = sorted(((context.shared(key, o), context.mentions(o), o) for o in owners), reverse=True)
                (best, named, owner), (second, second_named, _) = (*ranked, (0, 0, None))[:2]
                # equal context: the one the corpus names far more often ('Lohan' is the star, not her mother)
                if best < MIN_SHARED_CONTEXT or (best == second and named < DOMINANT_MENTIONS * second_named):
                    continue
                reason = (f"'{name}' is part of the names of {len(owners)} people; "
                          f"{merger.locals[owner].best_form}'s articles share {best} other entities with its article")
            merger.join(owner, key, "short-name", reason)


def _is_mistyped_surname(local: _Local, full_names: dict[str, set]) -> bool:
    """One word typed organisation or place that is no known place but a person's surname."""
    return (
        len(local.words) == 1
        and local.cls in ORGANISATION_CLASSES | {"GeopoliticalEntity"}
        and local.name in full_names
        and country_id(local.name) is None
        and capital_country(local.name) is None
        and us_state(local.name) is None
    )


class _Context:
    """Which entities (as merged so far) each article names, to tell namesakes apart."""

    def __init__(self, merger: _Merger):
        self.merger = merger
        self.roots_of: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.articles_of: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.named: Counter = Counter()  # how often each entity is named in the corpus
        for key, local in merger.locals.items():
            self.roots_of[key[0]].add(merger.find(key))
            self.articles_of[merger.find(key)].add(key[0])
            self.named[merger.find(key)] += sum(local.forms.values())

    def mentions(self, key: tuple[str, str]) -> int:
        return self.named[self.merger.find(key)]

    def shared_between(self, first: tuple[str, str], second: tuple[str, str]) -> int:
        """How many other entities the articles of two entities both name."""
        roots = {self.merger.find(first), self.merger.find(second)}
        around = [set().union(*(self.roots_of[a] for a in self.articles_of[root])) - roots for root in roots]
        return len(around[0] & around[1]) if len(around) == 2 else 0

    def shared(self, key: tuple[str, str], owner: tuple[str, str]) -> int:
        around = self.roots_of[key[0]] - {self.merger.find(key)}
        owner_root = self.merger.find(owner)
        theirs = set().union(*(self.roots_of[a] for a in self.articles_of[owner_root])) - {owner_root}
        return len(around & theirs)


def _short_organisation_names(merger: _Merger, definitions: dict[str, dict[str, str]]) -> None:
    """'Colts' = 'Indianapolis Colts': a one-word organisation that is the last word of exactly one
    organisation of the article, or else of the corpus. Words that name a kind of organisation
    ('Ministry', 'Council') say too little."""
    full: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, local in merger.sorted_locals:
        if local.cls in ORGANISATION_CLASSES and len(local.words) > 1:
            full[local.words[-1]].append(key)
    for key, local in merger.sorted_locals:
        if local.cls not in ORGANISATION_CLASSES or len(local.words) != 1 or local.name in ORGANISATION_KIND_WORDS:
            continue
        candidates = full.get(local.name, [])
        in_article = {merger.find(k) for k in candidates if k[0] == key[0]}
        chosen, where = (in_article, "the article") if in_article else ({merger.find(k) for k in candidates}, "the corpus")
        if len(chosen) == 1:
            owner = next(iter(chosen))
            merger.join(owner, key, "short-name",
                        f"'{local.best_form}' ends the name of only one organisation in {where}: "
                        f"{merger.locals[owner].best_form}")


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


def _acronyms(merger: _Merger, definitions: dict[str, dict[str, str]]) -> None:
    """Acronyms of organisations and places (never of people: 'AP' is no Andrew Palmer)."""
    expandable = {key: local.best_form for key, local in merger.locals.items()
                  if len(local.words) > 1 and local.cls != "Person"}
    initials = {key: _significant_initials(form) for key, form in expandable.items()}
    # the corpus's names by first letter and significant initials: an acronym can only stand for a
    # name whose initials it holds in order, so only those few names are tried
    by_initials: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key, form in expandable.items():
        by_initials[(normalise(form)[:1], initials[key])].append(key)

    def expansions(acronym: str, keys: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        return [k for k in keys if k in expandable and _could_abbreviate(acronym, initials[k])
                and acronym_of(acronym, expandable[k])]

    def corpus_expansions(acronym: str) -> list[tuple[str, str]]:
        letters = acronym.casefold()
        held = {"".join(chosen) for size in range(len(letters) + 1) for chosen in itertools.combinations(letters, size)}
        return [k for initial in sorted(held) for k in by_initials.get((letters[0], initial), ())
                if acronym_of(acronym, expandable[k])]

    for article, locals_ in merger.by_article().items():
        defined = definitions.get(article, {})
        for local in locals_:
            form = local.best_form
            bare = form.replace(".", "")
            if not ACRONYM.match(bare) or not bare.isupper() or local.cls == "Person" and local.name not in defined:
                continue
            key = (article, local.name)
            if local.name in defined:
                target = (article, defined[local.name])
                merger.join(target, key, "acronym",
                            f"the article defines '{form}' as '{merger.locals[target].best_form}'")
                continue
            fitting = expansions(bare, [(article, other.name) for other in locals_ if other is not local])
            if len({merger.find(k) for k in fitting}) == 1:
                merger.join(fitting[0], key, "acronym",
                            f"'{form}' is the acronym of '{expandable[fitting[0]]}', the only such name in the article")
            elif not fitting and len(bare) >= MIN_CORPUS_ACRONYM:
                owners = {merger.find(k) for k in corpus_expansions(bare)}
                if len(owners) == 1:
                    owner = next(iter(owners))
                    merger.join(owner, key, "acronym",
                                f"'{form}' is the acronym of '{merger.locals[owner].best_form}', "
                                "the only such name in the corpus")
    _blended_nicknames(merger)


def _blended_nicknames(merger: _Merger) -> None:
    """'LiLo' = Lindsay Lohan: a one-word name with a capital inside, made of the first letters (two
    or more) of each of a person's names, when exactly one person of the corpus fits."""
    people: dict[str, list[tuple[tuple[str, str], list[str]]]] = defaultdict(list)  # by first two letters
    for key, local in merger.locals.items():
        words = local.person_words
        if local.cls == "Person" and len(words) == 2:
            people[words[0][:2]].append((key, words))
    for key, local in merger.sorted_locals:
        form = local.best_form
        if len(local.words) != 1 or not form.isalpha() or form.isupper() or not any(c.isupper() for c in form[1:]):
            continue
        parts = [p.casefold() for p in re.findall(r"[A-Z][a-z]+", form)]
        if len(parts) != 2 or min(map(len, parts)) < 2:
            continue
        owners = {merger.find(k) for k, words in people.get(parts[0][:2], [])
                  if words[0].startswith(parts[0]) and words[1].startswith(parts[1])}
        if len(owners) == 1:
            owner = next(iter(owners))
            merger.join(owner, key, "acronym",
                        f"'{form}' is made of the first letters of '{merger.locals[owner].best_form}', "
                        "the only person of the corpus it fits")


def _significant_initials(name: str) -> str:
    return "".join(word[0] for word in normalise(name).split() if word not in FUNCTION_WORDS)


def _could_abbreviate(acronym: str, initials: str) -> bool:
    """Cheap test before acronym_of: each significant word's first letter, in order, is in the acronym."""
    letters = iter(acronym.casefold())
    return all(initial in letters for initial in initials)


def _definitions(text: str, locals_: Iterable[_Local]) -> dict[str, str]:
    """'the Ministry of Defence (MINDEF)': acronym (normalised) -> the name it is defined for."""
    found = {}
    for local in locals_:
        if len(local.words) < 2:
            continue
        for form in local.forms:
            for match in re.finditer(re.escape(form), text):
                definition = DEFINITION.match(text[match.end() : match.end() + 16])
                if definition and acronym_of(definition.group(1), form):
                    found[normalise(definition.group(1))] = local.name
    return found


def _organisation_words(merger: _Merger, definitions: dict[str, dict[str, str]]) -> None:
    """'commerce ministry' = 'Ministry of Commerce'; 'Ministry of Commerce of China' too when the
    article, or else the corpus, has only China's."""
    signatures: dict[tuple[frozenset, str | None], list[tuple[str, str]]] = defaultdict(list)
    for key, local in merger.sorted_locals:
        if local.cls in ORGANISATION_CLASSES:
            signature = organisation_signature(local.best_form)
            if signature is not None:
                signatures[signature].append(key)
    for (words, country), keys in signatures.items():
        for key in keys[1:]:
            merger.join(keys[0], key, "same-words",
                        f"'{merger.locals[key].best_form}' and '{merger.locals[keys[0]].best_form}' have the same words")
    countries: dict[frozenset, set[str]] = defaultdict(set)
    for words, country in signatures:
        if country is not None:
            countries[words].add(country)
    for (words, country), keys in signatures.items():
        if country is not None:
            continue
        for key in keys:
            in_article = {c for c in countries[words] if any(k[0] == key[0] for k in signatures[(words, c)])}
            chosen, where = (in_article, "the article") if in_article else (countries[words], "the corpus")
            if len(chosen) != 1:
                continue  # no country said, or two: which one is meant is unclear
            target = signatures[(words, next(iter(chosen)))][0]
            merger.join(target, key, "qualified-name",
                        f"'{merger.locals[key].best_form}' is '{merger.locals[target].best_form}' "
                        f"without its country, the only one in {where}")


def organisation_signature(name: str) -> tuple[frozenset, str | None] | None:
    """The words that identify an organisation, in any order, and its country if the name says it:
    'Ministry of Commerce of China', "China's commerce ministry" -> ({commerce, ministry}, CHN).
    None for names of one significant word ('Bank'), which say too little."""
    words = normalise(name).split()
    country = None
    if len(words) > 2 and words[-2] == "of" and country_id(words[-1]):
        country, words = country_id(words[-1]), words[:-2]
    elif len(words) > 1 and country_id(words[0]):
        country, words = country_id(words[0]), words[1:]
    significant = frozenset(w for w in words if w not in FILLER_WORDS)
    if len(significant) < 2:
        return None
    return significant, country


def _spellings(merger: _Merger, definitions: dict[str, dict[str, str]]) -> None:
    """Two names of one kind that differ by a letter or two are one misspelt name: within one
    article, or across articles whose other entities overlap strongly ('Heidar' / 'Heydar Alishvandi')."""
    for article, locals_ in merger.by_article().items():
        named = [local for local in locals_ if sum(local.forms.values())]
        for i, first in enumerate(named):
            for second in named[i + 1 :]:
                distance = _misspelling(first, second)
                if distance is not None:
                    merger.join((article, first.name), (article, second.name), "spelling",
                                f"'{first.best_form}' and '{second.best_form}' differ by {distance} "
                                "letter(s) in one article")
    context = _Context(merger)
    blocks: dict[tuple[str, str], dict[tuple[str, str], _Local]] = defaultdict(dict)
    for key, local in merger.sorted_locals:
        if _coarse(local.cls) is not None and sum(local.forms.values()):
            blocks[(_coarse(local.cls), local.name[:1])].setdefault(merger.find(key), local)
    for block in blocks.values():
        roots = list(block)
        for first, second in _close_pairs(roots, [block[root].name.replace(" ", "") for root in roots]):
            distance = _misspelling(block[first], block[second])
            if distance is None or merger.find(first) == merger.find(second):
                continue
            shared = context.shared_between(first, second)
            if shared >= MIN_SPELLING_CONTEXT:
                merger.join(first, second, "spelling",
                            f"'{block[first].best_form}' and '{block[second].best_form}' differ by {distance} "
                            f"letter(s) and their articles share {shared} other entities")


def _close_pairs(keys: list, names: list[str]) -> Iterator[tuple]:
    """The pairs (in order, first before second) of keys whose names are at most two edits apart:
    the only candidates for a misspelling. rapidfuzz compares a block of rows at a time in C; in
    Python, comparing every pair took 11 s on the BBC set."""
    for start in range(0, len(names), SPELLING_ROWS):
        distances = cdist(names[start : start + SPELLING_ROWS], names, scorer=DamerauLevenshtein.distance,
                          score_cutoff=2, dtype=numpy.int32)
        for row, column in zip(*numpy.nonzero(distances <= 2)):
            if column > start + row:
                yield keys[start + row], keys[column]


def _misspelling(first: _Local, second: _Local) -> int | None:
    """The edit distance of two names of one kind (people or organisations, never places: 'Austria'
    is no 'Australia') when it is small for their length, else None."""
    if _coarse(first.cls) != _coarse(second.cls) or _coarse(first.cls) is None:
        return None
    a, b = first.name.replace(" ", ""), second.name.replace(" ", "")
    if min(len(a), len(b)) < MIN_SPELLING_LETTERS or a[0] != b[0] or a == b:
        return None
    allowed = 1 if min(len(a), len(b)) < 8 else 2
    distance = DamerauLevenshtein.distance(a, b, score_cutoff=allowed)
    return distance if distance <= allowed else None


def _coarse(cls: str) -> str | None:
    if cls == "Person":
        return "person"
    if cls in ORGANISATION_CLASSES:
        return "organisation"
    return None  # places: 'Austria' and 'Australia' are two countries


# ---- labels -----------------------------------------------------------------------------------


def _label(members: list[_Local]) -> str:
    """A full name of the group ('General Motors' over 'GM', 'Donald Trump' over 'Trump') written
    as a name, the most often written one."""
    def fullness(local: _Local) -> tuple:
        form = local.best_form
        is_acronym = form.replace(".", "").isupper() and len(form.replace(".", "")) <= 10
        is_proper = any(ch.isupper() for ch in form)  # 'Commerce Ministry' over 'commerce ministry'
        return (not is_acronym, len(local.words) > 1, is_proper, sum(local.forms.values()), len(local.words), local.name)
    return max(members, key=fullness).best_form


def _class_to_assert(cls: str, label: str, called_he_or_she: bool, named_in_prose: bool) -> str:
    """The class the graph asserts, or only that the name names something (kg:Entity) where the
    tagger's class is as often wrong as right:
    - a lone word it took for a person's name, that the corpus never gives in full nor calls 'he'
      or 'she': as often a product, a club or a fragment ('Napster', 'Leicester', 'Schmidt' of
      'About Schmidt') as a person (readers accepted 7 of 15);
    - a name it took for an organisation or a place that the corpus writes only in squad lists and
      tables, never in a sentence ('Dudek' a place, 'Montgomery' an organisation: 0 of 3)."""
    if cls == "Person" and len(label.split()) == 1 and not called_he_or_she:
        return GENERIC_CLASS
    if not named_in_prose and (cls in ORGANISATION_CLASSES or cls in PLACE_CLASSES):
        return GENERIC_CLASS
    return cls


def _voted_class(classes: Counter[str]) -> str:
    if not classes:
        return "Organization"
    return min(classes, key=lambda cls: (-classes[cls], -CLASS_SPECIFICITY.get(cls, 0), cls))

