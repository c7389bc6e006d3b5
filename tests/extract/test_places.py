from __future__ import annotations

import pytest

# (text, expected locatedIn pairs as (town, region's full name))
LOCATED = [
    # AP abbreviations, with or without their full stop, and full state names
    ("The plant in Aiken, S.C., was shut down last April.", {("Aiken", "South Carolina")}),
    ("Composer Jane Doe is a native of Chisholm, Minn.", {("Chisholm", "Minnesota")}),
    ("The company moved to Columbus, Ohio, in 2019.", {("Columbus", "Ohio")}),
    # a dateline names a country too
    ("BANGKOK, Thailand (AP) — Floods closed the airport.", {("BANGKOK", "Thailand")}),
    # a list of states or countries is no location
    ("Storms hit Texas, Ohio and Utah.", set()),
    ("Troops came from Peru, Ecuador and Chile.", set()),
]


@pytest.mark.parametrize(("text", "expected"), LOCATED)
def test_town_region_pairs_are_located_in(read, text, expected):
    found = {(r.subject.text, r.object.name) for r in read(text).relations if r.evidence.rule == "town-region"}
    assert found == expected


def test_the_pair_fixes_what_the_tagger_took_a_state_for(read):
    # the tagger reads 'Minn' here as a person
    mentions = {m.name: m.cls for m in read("Composer Jane Doe is a native of Chisholm , Minn .").mentions}
    assert mentions["Minnesota"] == "GeopoliticalEntity"
    assert mentions["Chisholm"] == "GeopoliticalEntity"


# (text, expected basedIn pairs as (organisation, country name))
HOMES = [
    ("The U.S. Navy sent two ships.", {("U.S. Navy", "U.S.")}),
    ("The Haitian Parliament declared the post vacant.", {("Haitian Parliament", "Haiti")}),
    # the rest of the name says where it is
    ("She taught at the American University of Beirut.", set()),
]


@pytest.mark.parametrize(("text", "expected"), HOMES)
def test_an_organisation_named_after_its_country_is_based_there(read, text, expected):
    found = {(r.subject.text, r.object.name) for r in read(text).relations if r.evidence.rule == "country-in-name"}
    assert found == expected


# (text, expected locatedIn pairs as (town, country)): a place the tagger knows, then its country
TOWN_COUNTRY = [
    ("The camera was invented in Riga, Latvia, in 1938.", {("Riga", "Latvia")}),
    ("His first trip will be to Caracas, Venezuela.", {("Caracas", "Venezuela")}),
    # 'and' after the country makes it a list; a possessive makes it the owner of what follows
    ("Troops came from Lima, Peru and Chile.", set()),
    ("He lived in Baghdad, Iraq's capital.", set()),
]


@pytest.mark.parametrize(("text", "expected"), TOWN_COUNTRY)
def test_a_place_and_its_country_are_located_in(read, text, expected):
    found = {(r.subject.text, r.object.name) for r in read(text).relations if r.evidence.rule == "town-country"}
    assert found == expected


def test_a_list_of_names_is_no_town_and_region(read):
    text = "Mull Historical Society, Deacon Blue, Idlewild, Texas, Mogwai and Teenage Fanclub played."
    assert not [r for r in read(text).relations if r.evidence.rule in ("town-region", "town-country")]
