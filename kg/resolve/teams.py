"""Sports teams: a town's name used for its team, a team's nickname alone and clipped.

'Jacksonville beat Indianapolis 24-14': extraction gives a town's name that an article uses for
its team the class of a sports team (extract/teams.py). Such a name is kept apart from the town
(`is_place_named_team`) and joins the one team named after that town ('Jacksonville Jaguars'),
never the town itself; its clipped form ('Indy', 'Philly') joins it. A clipped plural ('Jags' for 'Jaguars', 'Dems' for 'Democrats') joins the
one longer plural it begins, and a team's nickname the tagger took for a person ('Bluejays') the
one team it ends. All look in the article first, then in the corpus when the two articles name
the same other entities.
"""

from __future__ import annotations

from collections import defaultdict

from kg.lexicon.names import is_first_name
from kg.model import GENERIC_CLASS, ORGANISATION_CLASSES, PLACE_CLASSES, EntityClass
from kg.resolve.article import FUNCTION_WORDS, LocalName
from kg.resolve.merger import Context, Merger
from kg.resolve.organisations import ORGANISATION_KIND_WORDS

# Words a team's nickname adds to its town's name ('Jaguars', 'Red Sox'): one or two.
MAX_NICKNAME_WORDS = 2
# Other entities two articles must name both for a team or a clipped name to join across them,
# as for a contained name (variants.MIN_CONTAINMENT_CONTEXT).
MIN_TEAM_CONTEXT = 3
# A clipped plural keeps this many letters of the word ('Jags', 'Dems', 'Bucs'): a longer stem is
# more often a word of its own inside a compound ('Bulls' is no 'Bulldogs').
CLIPPED_STEM = 3


def is_place_named_team(local: LocalName, merger: Merger) -> bool:
    """A name its article uses for a team that other articles (or this one) write for a place:
    'Jacksonville' the team is not 'Jacksonville' the town."""
    return local.cls == EntityClass.SportsTeam and local.name in merger.place_names


def is_plural(word: str) -> bool:
    """'jaguars', 'jags', 'dems'; not 'press', 'campus', 'us'."""
    return len(word) > CLIPPED_STEM and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def place_teams(merger: Merger) -> None:
    """'Jacksonville' used as a team joins the one team named after it ('Jacksonville Jaguars':
    the town's name and a nickname of one or two words, a plural or typed a team) in its articles,
    or in the corpus when their articles share MIN_TEAM_CONTEXT other entities, the same one in all
    that name one. Two clubs of one town ('Tarnville Otters', 'Tarnville Rovers') leave the town's
    name alone."""
    by_town: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, local in merger.sorted_locals:
        town = _town_of(local, merger.place_names)
        if town is not None:
            by_town[town].append(key)
    context = Context(merger)
    pointed: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key, local in merger.sorted_locals:
        if is_place_named_team(local, merger):
            pointed[key] = _pointed_at(merger, context, key, by_town.get(local.name, []))
    for key, team, where in _agreed(merger, pointed):
        merger.join(team, key, "team",
                    f"'{merger.locals[key].best_form}' is used as a team's name, and only one team is "
                    f"named after it in {where}: '{merger.locals[team].best_form}'")


def _town_of(local: LocalName, place_names: frozenset[str]) -> str | None:
    """The town a team is named after: the longest place name of the corpus that begins the name
    ('Kansas City Chiefs': Kansas City, not Kansas) and leaves a nickname of one or two words, no
    kind of organisation ('Tarnville Police'), no number ('Tarnville 65'), a plural or typed a team."""
    if local.cls in PLACE_CLASSES or local.cls == EntityClass.Person:
        return None
    for size in range(len(local.words) - 1, max(len(local.words) - MAX_NICKNAME_WORDS, 1) - 1, -1):
        town, nickname = " ".join(local.words[:size]), local.words[size:]
        if town in place_names:
            if any(not w.isalpha() or w in ORGANISATION_KIND_WORDS | FUNCTION_WORDS for w in nickname):
                return None
            return town if local.cls == EntityClass.SportsTeam or is_plural(nickname[-1]) else None
    return None


def clipped_plurals(merger: Merger) -> None:
    """'Jags' = 'Jaguars', 'Dems' = 'Democrats': a one-word plural of CLIPPED_STEM letters and an 's',
    no place, that begins exactly one longer plural (a one-word name or the last word of a name) of
    its articles, or of the corpus whose articles share MIN_TEAM_CONTEXT other entities with its own."""
    longer: dict[str, list[tuple[str, str]]] = defaultdict(list)  # first letters -> names
    for key, local in merger.sorted_locals:
        last = local.words[-1]
        if local.cls not in PLACE_CLASSES and is_plural(last) and last.isalpha():
            longer[last[:CLIPPED_STEM]].append(key)
    context = Context(merger)
    pointed: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key, local in merger.sorted_locals:
        word = local.name
        if (len(local.words) == 1 and len(word) == CLIPPED_STEM + 1 and local.cls not in PLACE_CLASSES
                and is_plural(word) and word.isalpha()):
            fitting = [k for k in longer.get(word[:CLIPPED_STEM], ()) if len(merger.locals[k].words[-1]) > len(word)]
            pointed[key] = _pointed_at(merger, context, key, fitting)
    for key, owner, where in _agreed(merger, pointed):
        merger.join(owner, key, "clipped-name",
                    f"'{merger.locals[key].best_form}' is '{merger.locals[owner].best_form}' clipped, the only "
                    f"name it begins in {where}")


def team_nicknames(merger: Merger) -> None:
    """'Bluejays' = 'Creighton Bluejays': a one-word plural the tagger took for a person or left
    unsure ('the Bluejays won') that ends exactly one organisation's name of the article, or of the
    corpus whose articles share MIN_TEAM_CONTEXT other entities with its own; not a word of a
    person's name ('Adams'), which organisations.short_organisation_names leaves to people."""
    people_words = {w for local in merger.locals.values() if local.cls == EntityClass.Person and len(local.words) > 1
                    for w in local.words}
    ending: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, local in merger.sorted_locals:
        if local.cls in ORGANISATION_CLASSES and len(local.words) > 1:
            ending[local.words[-1]].append(key)
    context = Context(merger)
    pointed: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key, local in merger.sorted_locals:
        if (len(local.words) == 1 and local.cls in (EntityClass.Person, GENERIC_CLASS) and is_plural(local.name)
                and local.name not in people_words and local.name in ending):
            pointed[key] = _pointed_at(merger, context, key, ending[local.name])
    for key, team, where in _agreed(merger, pointed):
        merger.join(team, key, "short-name",
                    f"'{merger.locals[key].best_form}' ends the name of only one organisation in {where}: "
                    f"{merger.locals[team].best_form}")


def clipped_towns(merger: Merger) -> None:
    """'Indy' = 'Indianapolis' used as a team, 'Philly' = 'Philadelphia': a one-word name ending in
    'y', no first name ('Andy') and no place, whose stem (three letters or more, a doubled last
    letter undone) begins exactly one town's name used as a team in its article, or in the corpus
    whose articles share MIN_TEAM_CONTEXT other entities with its own."""
    teams = [(key, local) for key, local in merger.sorted_locals
             if len(local.words) == 1 and is_place_named_team(local, merger)]
    context = Context(merger)
    pointed: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key, local in merger.sorted_locals:
        stem = _clipped_stem(local.name)
        if (len(local.words) == 1 and stem is not None and local.cls not in PLACE_CLASSES
                and not is_first_name(local.name)):
            fitting = [k for k, team in teams if team.name.startswith(stem) and len(team.name) > len(local.name)]
            pointed[key] = _pointed_at(merger, context, key, fitting)
    for key, team, where in _agreed(merger, pointed):
        merger.join(team, key, "clipped-name",
                    f"'{merger.locals[key].best_form}' is '{merger.locals[team].best_form}' clipped, the only "
                    f"town used as a team's name it begins in {where}")


def _clipped_stem(word: str) -> str | None:
    """'ind' for 'indy', 'phil' for 'philly'; None for a word not clipped that way."""
    if not word.isalpha() or not word.endswith("y"):
        return None
    stem = word[:-1]
    if len(stem) > CLIPPED_STEM and stem[-1] == stem[-2]:
        stem = stem[:-1]  # 'philly'
    return stem if len(stem) >= CLIPPED_STEM else None


def _pointed_at(merger: Merger, context: Context, key: tuple[str, str],
                candidates: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The candidates a name's article names, or else the one candidate entity of the corpus whose
    articles share MIN_TEAM_CONTEXT other entities with it, or none."""
    in_article = [k for k in candidates if k[0] == key[0]]
    if in_article:
        return in_article
    if len({merger.find(k) for k in candidates}) == 1 and context.shared(key, candidates[0]) >= MIN_TEAM_CONTEXT:
        return candidates[:1]
    return []


def _agreed(merger: Merger, pointed: dict[tuple[str, str], list[tuple[str, str]]]) -> list[tuple]:
    """(name, the one entity it stands for, where it was found) for each name whose entity's
    articles all point at that one entity, never its own: a name is one entity across articles
    already, so two articles pointing at two teams leave it alone."""
    by_entity: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for key, candidates in pointed.items():
        by_entity[merger.find(key)] |= {merger.find(k) for k in candidates}
    agreed = []
    for key, candidates in pointed.items():
        targets = by_entity[merger.find(key)]
        if candidates and len(targets) == 1 and merger.find(key) not in targets:
            where = "the article" if candidates[0][0] == key[0] else "articles that name the same other entities"
            agreed.append((key, candidates[0], where))
    return agreed
