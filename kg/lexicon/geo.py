"""Countries, their other names, demonyms and capitals, and US states, from well-kept data packages
(pycountry, countryinfo, us) rather than hand lists (but for a few short names neither has). Shared by extraction (what a name is) and
resolution (which names are one country)."""

from __future__ import annotations

import functools

import pycountry
import us
from countryinfo import all_countries

from kg.lexicon.names import normalise

MIN_COUNTRY_INITIALS = 3
# Short names English news uses for countries that neither package lists ('Britain' is in neither).
OTHER_COUNTRY_NAMES = {"Britain": "GBR", "Macedonia": "MKD", "Vatican": "VAT",
                       "Democratic Republic of Congo": "COD", "DR Congo": "COD"}


@functools.lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """'minn.' / 'minn' / 'minnesota' -> 'Minnesota' (AP abbreviations are written with and without
    their full stop)."""
    names = {}
    for state in us.states.STATES:
        names[state.name.casefold()] = state.name
        if state.ap_abbr:
            names[state.ap_abbr.casefold()] = state.name
            names[state.ap_abbr.rstrip(".").casefold()] = state.name
    return names


def us_state(text: str) -> str | None:
    """The full name of the US state `text` names ('S.C.' -> 'South Carolina'), else None."""
    return _us_states().get(text.strip().casefold())


def is_country(name: str) -> bool:
    """True for a country's name, other spelling or upper-case code ('Chile', 'U.S.', 'USA', 'UK');
    not for a demonym ('Chilean') nor a lower-case short word ('us')."""
    return country_code(name) is not None and country_of_demonym(name) is None


def is_nation(name: str) -> bool:
    """A country, or a nation that is part of one (ISO 3166-2 'country' or 'nation': 'Wales', 'England')."""
    return is_country(name) or normalise(name) in _nations()


@functools.lru_cache(maxsize=1)
def _nations() -> frozenset[str]:
    return frozenset(_subdivision_name(s) for s in pycountry.subdivisions if s.type in ("Country", "Nation"))


def country_code(name: str) -> str | None:
    """country_id for a name as written: a short word counts only in capitals ('US' is a country,
    the magazine 'Us' is not)."""
    bare = name.replace(".", "")
    if len(bare) <= 3 and not bare.isupper():
        return None
    return country_id(name)


def country_id(name: str) -> str | None:
    """The ISO 3166 alpha-3 code of the country a name or demonym stands for ('U.S.', 'United
    States', 'USA', 'UK', 'Chilean' -> 'USA', 'USA', 'USA', 'GBR', 'CHL'), else None."""
    return _country_codes().get(normalise(name))


@functools.lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Normalised names, other spellings, codes and demonyms -> alpha-3, from pycountry and
    countryinfo. Normalising folds case, so callers decide whether a short word is a code ('US')."""
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        names = [getattr(country, a, None) for a in ("name", "official_name", "common_name")]
        short_names = [country.name, getattr(country, "common_name", None)]
        for value in [*names, country.alpha_3, country.alpha_2]:
            if value and _usable(value, short_names):
                codes.setdefault(normalise(value), country.alpha_3)
        initials = _initials(getattr(country, "official_name", ""))
        if len(initials) >= MIN_COUNTRY_INITIALS:  # 'PRC', 'DPRK'; not 'ROI' (Republic of India)
            codes.setdefault(initials, country.alpha_3)
    codes.update((normalise(name), alpha_3) for name, alpha_3 in OTHER_COUNTRY_NAMES.items())
    for info in all_countries():
        try:
            alpha_3 = info.iso(3)
        except (KeyError, TypeError, AttributeError):
            continue
        if not alpha_3 or _is_part_of(info.name(), alpha_3):
            continue  # 'Wales' is listed with the United Kingdom's code, but is a part of it
        for spelling in [info.name(), *(info.alt_spellings() or [])]:
            if spelling and spelling.isascii() and _usable(spelling, [info.name()]):
                codes.setdefault(normalise(spelling), alpha_3)
        demonym = country_of_demonym(info.demonym() or "")
        if demonym == info.name():
            codes.setdefault(normalise(info.demonym()), alpha_3)
    return codes


def _usable(value: str, names: list[str | None]) -> bool:
    """A two-letter code names its country in prose only when it is the initials of one of its names
    ('US', 'UK', 'NZ'); the others are other words in news ('IT', 'PM', 'ID', 'AG' of 'AG Edwards')."""
    bare = normalise(value).replace(" ", "")
    return len(bare) != 2 or any(name and _initials(name) == bare for name in names)


def _is_part_of(name: str, alpha_3: str) -> bool:
    """Whether `name` is one of the country's subdivisions (ISO 3166-2: 'Wales', 'Scotland' of GBR)
    rather than the country's own name (Guatemala has a department called Guatemala)."""
    country = pycountry.countries.get(alpha_3=alpha_3)
    own = {normalise(getattr(country, a, "") or "") for a in ("name", "official_name", "common_name")}
    return normalise(name) in _subdivisions(alpha_3) - own


@functools.lru_cache(maxsize=None)
def _subdivisions(alpha_3: str) -> frozenset[str]:
    country = pycountry.countries.get(alpha_3=alpha_3)
    if country is None:
        return frozenset()
    subdivisions = pycountry.subdivisions.get(country_code=country.alpha_2) or []
    return frozenset(_subdivision_name(s) for s in subdivisions)


def _subdivision_name(subdivision) -> str:
    return normalise(subdivision.name.split(" [")[0])  # 'Wales [Cymru GB-CYM]'


def _initials(name: str) -> str:
    """"Democratic People's Republic of Korea" -> 'dprk': first letters of the words that are not 'of', 'the', 'and'."""
    return "".join(w[0] for w in normalise(name).split() if w not in ("of", "the", "and"))


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Normalised capital city -> alpha-3 of its country ('washington dc' and 'washington' -> USA)."""
    capitals: dict[str, str] = {}
    for info in all_countries():
        try:
            capital, alpha_3 = info.capital(), info.iso(3)
        except (KeyError, TypeError, AttributeError):
            continue
        for city in capital if isinstance(capital, list) else [capital]:  # some countries have several
            if city and alpha_3:
                capitals.setdefault(normalise(city), alpha_3)
                capitals.setdefault(normalise(city.split(" D.C.")[0].split(",")[0]), alpha_3)
    return capitals


def capital_country(name: str) -> str | None:
    """The alpha-3 code of the country whose capital `name` is ('Santiago' -> 'CHL'), else None."""
    return _capitals().get(normalise(name))


@functools.lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """'haitian' -> 'Haiti'; a demonym shared by several countries goes to the most populous
    ('American': the United States, not the Northern Mariana Islands)."""
    best: dict[str, tuple[int, str]] = {}
    for country in all_countries():
        demonym, population = country.demonym(), country.population() or 0
        if demonym and population >= best.get(demonym.casefold(), (-1, ""))[0]:
            best[demonym.casefold()] = (population, country.name())
    return {demonym: name for demonym, (_, name) in best.items()}


def country_of_demonym(word: str) -> str | None:
    """'Haitian' -> 'Haiti', 'American' -> 'United States'; None for any other word."""
    return _demonyms().get(word.casefold())
