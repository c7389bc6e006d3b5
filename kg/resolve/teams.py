"""Sports teams: a town's name used for its team, a team's nickname alone and clipped.

'Jacksonville beat Indianapolis 24-14': extraction gives a town's name that an article uses for
its team the class of a sports team (extract/teams.py). Such a name is kept apart from the town
(`is_place_named_team`) and joins the one team named after that town ('Jacksonville Jaguars'),
never the town itself. A clipped plural ('Jags' for 'Jaguars', 'Dems' for 'Democrats') joins the
one longer plural it begins, and a team's nickname the tagger took for a person ('Bluejays') the
one team it ends. All look in the article first, then in the corpus when the two articles name
the same other entities.
"""

from __future__ import annotations

from collections import defaultdict

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
    # each town's name used as a team's -> the teams its article points at (team entity -> a name
    # of it, where); the name joins only when all its entity's articles point at one team
    chosen: dict[tuple[str, str], dict[tuple[str, str], tuple[tuple[str, str], str]]] = defaultdict(dict)
    for key, local in merger.sorted_locals:
        if not is_place_named_team(local, merger):
            continue
        teams = by_town.get(local.name, [])
        in_article = [k for k in teams if k[0] == key[0]]
        if in_article:
            for team in in_article:
                chosen[key].setdefault(merger.find(team), (team, "the article"))
        elif len({merger.find(k) for k in teams}) == 1 and context.shared(key, teams[0]) >= MIN_TEAM_CONTEXT:
            chosen[key].setdefault(merger.find(teams[0]), (teams[0], "articles that name the same other entities"))
    by_entity: dict[tuple[str, str], dict] = defaultdict(dict)
    for key, teams in chosen.items():
        by_entity[merger.find(key)].update(teams)
    settled = [(key, teams) for key, teams in chosen.items() if len(by_entity[merger.find(key)]) == 1]
    for key, teams in settled:
        team, where = next(iter(teams.values()))
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
    """'Jags' = 'Jaguars', 'Dems' = 'Democrats': a one-word plural, no place, that begins exactly one
    longer plural (a one-word name or the last word of a name) of the article, or of the corpus
    whose articles share MIN_TEAM_CONTEXT other entities with its own."""
    longer: dict[str, list[tuple[str, str]]] = defaultdict(list)  # first letters -> names
    for key, local in merger.sorted_locals:
        last = local.words[-1]
        if local.cls not in PLACE_CLASSES and is_plural(last) and last.isalpha():
            longer[last[:CLIPPED_STEM]].append(key)
    context = Context(merger)
    for key, local in merger.sorted_locals:
        word = local.name
        if len(local.words) != 1 or local.cls in PLACE_CLASSES or not is_plural(word) or not word.isalpha():
            continue
        if len(word) != CLIPPED_STEM + 1:
            continue
        fitting = [k for k in longer.get(word[:CLIPPED_STEM], ()) if len(merger.locals[k].words[-1]) > len(word)]
        in_article = {merger.find(k) for k in fitting if k[0] == key[0]}
        chosen = in_article or {merger.find(k) for k in fitting}
        if len(chosen) != 1 or merger.find(key) in chosen:
            continue
        owner = next(k for k in fitting if merger.find(k) in chosen)
        if in_article or context.shared(key, owner) >= MIN_TEAM_CONTEXT:
            merger.join(owner, key, "clipped-name",
                        f"'{local.best_form}' is '{merger.locals[owner].best_form}' clipped, the only name it "
                        f"begins in {'the article' if in_article else 'articles that name the same other entities'}")


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
    for key, local in merger.sorted_locals:
        if (len(local.words) != 1 or local.cls not in (EntityClass.Person, GENERIC_CLASS) or not is_plural(local.name)
                or local.name in people_words or local.name not in ending):
            continue
        in_article = [k for k in ending[local.name] if k[0] == key[0]]
        teams = in_article or ending[local.name]
        known_here = in_article or context.shared(key, teams[0]) >= MIN_TEAM_CONTEXT
        if len({merger.find(k) for k in teams}) == 1 and known_here:
            merger.join(teams[0], key, "short-name",
                        f"'{local.best_form}' ends the name of only one organisation in "
                        f"{'the article' if in_article else 'articles that name the same other entities'}: "
                        f"{merger.locals[teams[0]].best_form}")
