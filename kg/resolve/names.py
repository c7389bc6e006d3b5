"""The same name in several articles is one entity ('the U.S.' = 'US', 'Microsoft' = 'Microsoft Corp.')."""

from __future__ import annotations

from collections import defaultdict

from kg.model import ORGANISATION_CLASSES
from kg.resolve.article import LocalName
from kg.resolve.merger import Merger
from kg.resolve.organisations import home_countries, is_national_body
from kg.resolve.people import is_lone_person_name
from kg.resolve.teams import is_place_named_team

# Legal forms of companies in English-speaking and European countries ('Acme NV' = 'Acme').
LEGAL_SUFFIXES = frozenset("inc corp corporation co ltd limited llc llp lp plc ag sa nv bv spa srl sarl gmbh pty ab asa oyj".split())
# A name this short keeps its case in its identity: in three letters or fewer the case is what
# tells an acronym from a word ('US' the country, 'Us' the magazine).
SHORT_NAME_LETTERS = 3


def same_name(merger: Merger) -> None:
    """The same name in several articles is one entity ('Microsoft' = 'Microsoft Corp.': a legal
    suffix is no part of the identity); lone person names wait for people.short_names; a body every
    country has ('Foreign Ministry') is one across articles of one country only; a town's name used
    for a team is the team's, not the town's."""
    by_name: dict[tuple[str, str | None], list[tuple[str, str]]] = defaultdict(list)
    homes = home_countries(merger)
    for key, local in merger.sorted_locals:
        if not is_lone_person_name(local, merger):
            # a body every country has ('Foreign Ministry', 'Parliament') is its article's country's;
            # a town's name used for its team is the team's ('Jacksonville beat Indianapolis')
            if is_national_body(local):
                qualifier = homes.get(key[0])
            else:
                qualifier = "team" if is_place_named_team(local, merger) else None
            by_name[(_identity(local), qualifier)].append(key)
    for keys in by_name.values():
        for key in keys[1:]:
            first, other = merger.locals[keys[0]].best_form, merger.locals[key].best_form
            merger.join(keys[0], key, "same-name",
                        f"'{other}' in {key[0]} and '{first}' in {keys[0][0]} are one name")


def _identity(local: LocalName) -> str:
    """The name as identity: without a legal suffix, and for a short name with its case kept (the
    acronym 'US' is not the magazine 'Us')."""
    words = local.words
    if local.cls in ORGANISATION_CLASSES and len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        return " ".join(words[:-1])
    if len(local.name) <= SHORT_NAME_LETTERS:
        return local.name + (" (acronym)" if local.best_form.replace(".", "").isupper() else "")
    return local.name
