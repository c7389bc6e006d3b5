from __future__ import annotations

import pytest

from kg.lexicon.geo import (
    capital_country,
    country_id,
    country_of_demonym,
    is_country,
    us_state,
)


@pytest.mark.parametrize(
    ("name", "country"),
    [("Chile", True), ("United States", True), ("U.S.", True), ("USA", True), ("UK", True),
     ("Santiago", False), ("in", False), ("us", False), ("Chilean", False)],
)
def test_is_country(name, country):
    assert is_country(name) is country


@pytest.mark.parametrize(
    ("name", "code"),
    [("U.S.", "USA"), ("United States of America", "USA"), ("UK", "GBR"), ("Great Britain", "GBR"),
     ("Democratic People's Republic of Korea", "PRK"), ("DPRK", "PRK"), ("Chilean", "CHL"),
     ("Republic of India", "IND"), ("ROI", None), ("Atlantis", None), ("Britain", "GBR"), ("England", None)],
)
def test_country_ids_from_names_codes_initials_and_demonyms(name, code):
    assert country_id(name) == code


def test_place_words():
    assert us_state("Minn.") == us_state("Minn") == us_state("minnesota") == "Minnesota"
    assert us_state("Paris") is None
    assert country_of_demonym("American") == "United States"
    assert country_of_demonym("Chilean") == "Chile"
    assert country_of_demonym("Monday") is None
    assert capital_country("Santiago") == "CHL" and capital_country("Washington, D.C.") == "USA"
    assert capital_country("Detroit") is None
