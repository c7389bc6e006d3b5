"""Places: the names of one country merge; a capital is linked to its country, never merged into it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from kg.lexicon.geo import capital_country, country_code, country_id
from kg.model import ORGANISATION_CLASSES, PLACE_CLASSES, Entity
from kg.resolve.merger import Merger


def same_country(merger: Merger) -> None:
    """Names of one country by ISO 3166 (pycountry) and countryinfo's other spellings and demonyms:
    'US', 'U.S.', 'United States', 'USA'; 'UK', 'Britain'."""
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


def with_capitals(entities: dict[tuple[str, str], Entity]) -> dict[tuple[str, str], Entity]:
    """'Santiago' is the capital of Chile: a typed link, so 'Santiago said' can be read as Chile's
    government speaking without merging the city into the country."""
    countries = {country_id(e.label): key for key, e in entities.items() if e.cls in PLACE_CLASSES}
    countries.pop(None, None)
    linked = {}
    for key, entity in entities.items():
        country = countries.get(capital_country(entity.label)) if entity.cls in PLACE_CLASSES else None
        linked[key] = replace(entity, capital_of=country) if country and country != key else entity
    return linked
