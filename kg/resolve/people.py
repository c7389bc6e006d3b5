"""People: fuller and shorter forms of one person's name, and lone surnames.

'Mark Heller' = 'Mark Jay Heller' (middle names), 'Katie Doe' = 'Kathryn Doe' (nicknames, from the
nicknames package's list), 'Lo Presti' = 'Gaetano Lo Presti' (a surname of two words), a lone
'Trump' = 'Donald Trump' when the corpus has one such person or context settles which one, 'LiLo' =
'Lindsay Lohan' (a blended nickname).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from nicknames import NickNamer

from kg.lexicon.geo import capital_country, country_id, us_state
from kg.lexicon.names import is_first_name, person_gender
from kg.model import ORGANISATION_CLASSES, EntityClass
from kg.resolve.article import LocalName
from kg.resolve.merger import Context, Merger

MIN_SHORT_FIRST_NAME = 3  # 'Fred' for 'Frederick'; 'Al' says too little
MIN_SHARED_CONTEXT = 2  # other entities a namesake's articles must share to claim a lone surname
DOMINANT_MENTIONS = 3  # ... or, sharing as much as another, be named this many times as often
MIN_NICKNAME_PART = 2  # letters each name gives a blended nickname ('LiLo'); one letter is an initial


def is_lone_person_name(local: LocalName, merger: Merger) -> bool:
    """A one-word name most articles take for a person ('Trump'; not 'SEACOM', a company the
    tagger once took for a person)."""
    if len(local.person_words) != 1:
        return False
    return merger.name_classes[local.name] == EntityClass.Person


def middle_names(merger: Merger) -> None:
    """'Mark Heller' = 'Mark Jay Heller', 'Fred LaRue' = 'Frederick C. LaRue': one surname, the first
    name the same or a shortening of the other, the other names among the other's; joined when the
    name fits exactly one other person of the corpus ('Mark Heller' beside both 'Mark Jay Heller' and
    'Mark Alan Heller' stays apart)."""
    by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, local in merger.sorted_locals:
        words = local.person_words
        if local.cls == EntityClass.Person and len(words) > 1:
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


def _fits(short: LocalName, full: LocalName) -> bool:
    """The short name's first name is the full one's, begins it ('Fred', 'Frederick') or is its
    nickname ('Katie', 'Kathryn'), or else is one of the full one's middle names, the name the
    person goes by ('Jerry Ortiz' = 'Luis Gerardo Jerry Ortiz') or the first word of a surname of
    two ('Lo Presti' = 'Gaetano Lo Presti'); the short name's other names are among the full one's."""
    a, b = short.person_words, full.person_words
    if len(a) > len(b) or a[-1] != b[-1]:
        return False
    if _same_first_name(a[0], b[0]):
        return set(a[1:-1]) <= set(b[1:-1])
    if a[0] not in b[1:-1]:
        return False
    skipped = b[: b.index(a[0])]  # the first names the short form leaves out: first names, not 'Colts QB'
    return all(is_first_name(w) for w in skipped) and set(a[1:-1]) <= set(b[b.index(a[0]) + 1 : -1])


def _same_first_name(short: str, full: str) -> bool:
    if short == full or (len(short) >= MIN_SHORT_FIRST_NAME and full.startswith(short)):
        return True
    # a nickname of either gender's name ('Andy' of 'Andrea') is not that of a name of the other's
    genders = {person_gender(short.title()), person_gender(full.title())}
    return short in nicknames(full) and not {"male", "female"} <= genders


@functools.lru_cache(maxsize=8192)
def nicknames(first_name: str) -> frozenset[str]:
    """The nicknames of a first name by the nicknames package's curated list of English names
    ('kathryn' -> katie, kate, kathy). One way only: 'Frederick LaRue' is no shorter form of
    'Fred LaRue', and so fits only the fuller 'Frederick Cheney LaRue'."""
    return frozenset(_nick_namer().nicknames_of(first_name))


@functools.lru_cache(maxsize=1)
def _nick_namer() -> NickNamer:
    return NickNamer()


def short_names(merger: Merger) -> None:
    """A lone 'Trump' joins the one person of the corpus named in full with it (a lone first name,
    the one person its own article names in full, or else as among several); among several,
    the one whose articles share at least two other entities with its article and more than any
    other's do; with none it joins the same lone name in other articles. A lone surname the tagger
    took for an organisation or a place ('Teixeira' as ORG) joins a person only on shared context."""
    full_names: dict[str, set[tuple[str, str]]] = defaultdict(set)
    surnames: set[str] = set()
    for key, local in merger.locals.items():
        words = local.person_words
        if local.cls == EntityClass.Person and len(words) > 1:
            surnames.add(words[-1])
            for word in (words[0], words[-1]):
                full_names[word].add(merger.find(key))
    lone: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, local in merger.sorted_locals:
        if is_lone_person_name(local, merger) or _is_mistyped_surname(local, full_names):
            lone[local.name].append(key)
    context = Context(merger)
    for name, keys in lone.items():
        owners = full_names.get(name, set())
        if not owners:
            for key in keys[1:]:
                merger.join(keys[0], key, "same-name",
                            f"'{name}' names nobody else in the corpus, so the same lone name is one person")
            continue
        for key in keys:
            mistyped = merger.locals[key].cls != EntityClass.Person
            # a first name alone may be anyone's: the one person its article names in full, or context decides
            named_here = {o for o in owners if key[0] in context.articles_of[o]}
            # ... and not a place's name the tagger took for one ('Surrey' beside 'Surrey Police')
            if name not in surnames and len(named_here) == 1 and name not in merger.place_names:
                owner = next(iter(named_here))
                reason = f"'{name}' is the first name of the only person its article names in full: {merger.locals[owner].best_form}"
            elif len(owners) == 1 and not mistyped and name in surnames:
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


def _is_mistyped_surname(local: LocalName, full_names: dict[str, set]) -> bool:
    """One word typed organisation or place that is no known place but a person's surname."""
    return (
        len(local.words) == 1
        and local.cls in ORGANISATION_CLASSES | {EntityClass.GeopoliticalEntity}
        and local.name in full_names
        and country_id(local.name) is None
        and capital_country(local.name) is None
        and us_state(local.name) is None
    )


def blended_nicknames(merger: Merger) -> None:
    """'LiLo' = Lindsay Lohan: a one-word name with a capital inside, made of the first letters (two
    or more) of each of a person's names, when exactly one person of the corpus fits. Recorded as
    an acronym merge."""
    # people by the first letters of their first name, which every nickname that fits them starts with
    people: dict[str, list[tuple[tuple[str, str], list[str]]]] = defaultdict(list)
    for key, local in merger.locals.items():
        words = local.person_words
        if local.cls == EntityClass.Person and len(words) == 2:
            people[words[0][:MIN_NICKNAME_PART]].append((key, words))
    for key, local in merger.sorted_locals:
        form = local.best_form
        if len(local.words) != 1 or not form.isalpha() or form.isupper() or not any(c.isupper() for c in form[1:]):
            continue
        parts = [p.casefold() for p in re.findall(r"[A-Z][a-z]+", form)]
        if len(parts) != 2 or min(map(len, parts)) < MIN_NICKNAME_PART:
            continue
        owners = {merger.find(k) for k, words in people.get(parts[0][:MIN_NICKNAME_PART], [])
                  if words[0].startswith(parts[0]) and words[1].startswith(parts[1])}
        if len(owners) == 1:
            owner = next(iter(owners))
            merger.join(owner, key, "acronym",
                        f"'{form}' is made of the first letters of '{merger.locals[owner].best_form}', "
                        "the only person of the corpus it fits")
