"""Variants of one name on one node (abbreviations, nicknames, contained names, misspellings), and
the wrong merges those rules must not make. Invented names throughout."""

from __future__ import annotations

import pytest

from kg.resolve import resolve
from tests.resolve.conftest import check_merges, extraction, groups, with_text

TOGETHER = [
    # abbreviations, British spellings, initials written with spaces, a plural inside a name, spaces
    ([[("Mt Orrin National Park", "Location")], [("Mount Orrin National Park", "Location")]],
     {"Mt Orrin National Park", "Mount Orrin National Park"}),
    ([[("Velmont Centre", "Organization")], [("Velmont Center", "Organization")]], {"Velmont Centre", "Velmont Center"}),
    ([[("Quarrow Bros.", "Company")], [("Quarrow Brothers", "Company")]], {"Quarrow Bros.", "Quarrow Brothers"}),
    ([[("U. S. Bureau of Tides", "GovernmentBody")], [("U.S. Bureau of Tides", "GovernmentBody")]],
     {"U. S. Bureau of Tides", "U.S. Bureau of Tides"}),
    ([[("Central Elections Tribunal", "GovernmentBody")], [("Central Election Tribunal", "GovernmentBody")]],
     {"Central Elections Tribunal", "Central Election Tribunal"}),
    ([[("Trail Gliders", "SportsTeam")], [("Trailgliders", "SportsTeam")]], {"Trail Gliders", "Trailgliders"}),
    # a legal form
    ([[("Quarrow Mining", "Company")], [("Quarrow Mining NV", "Company")]], {"Quarrow Mining", "Quarrow Mining NV"}),
    # a nickname from the name list; a middle name the person goes by; a surname of two words
    ([[("Kathryn Pellow", "Person")], [("Katie Pellow", "Person")]], {"Kathryn Pellow", "Katie Pellow"}),
    ([[("Luis Gerardo Jerry Tovane", "Person")], [("Jerry Tovane", "Person")]], {"Luis Gerardo Jerry Tovane", "Jerry Tovane"}),
    ([[("Gaetano Lo Brevi", "Person")], [("Lo Brevi", "Person")]], {"Gaetano Lo Brevi", "Lo Brevi"}),
    # a lone surname misspelt beside the full name in one article
    ([[("Wladimir Klostenko", "Person"), ("Klsotenko", "Person")]], {"Wladimir Klostenko", "Klsotenko"}),
    # a name inside a longer one: a kind word added, a leading qualifier
    ([[("Morvane Recovery Center", "Organization"), ("Morvane Recovery", "Organization")]],
     {"Morvane Recovery Center", "Morvane Recovery"}),
    ([[("Malvern Promises Treatment Center", "Organization"), ("Promises Treatment Center", "Organization")]],
     {"Malvern Promises Treatment Center", "Promises Treatment Center"}),
    # initials written with spaces, an acronym of a name in the article
    ([[("Tarn City", "GeopoliticalEntity"), ("T. C.", "GeopoliticalEntity")]], {"Tarn City", "T. C."}),
    # a kind word added, across two articles that name one other entity both
    ([[("Tarnbury Police", "GovernmentBody"), ("Osric Vane", "Person")],
      [("Tarnbury Police Department", "GovernmentBody"), ("Osric Vane", "Person")]],
     {"Tarnbury Police", "Tarnbury Police Department"}),
    # two words for one place of treatment in one article
    ([[("Velmont Recovery Center", "Organization"), ("Velmont Recovery Clinic", "Organization")]],
     {"Velmont Recovery Center", "Velmont Recovery Clinic"}),
    # a body's country, before a name of unsure kind
    ([[("U.S. Fish and Heather Service", "GovernmentBody"), ("Fish and Heather Service", "Entity")]],
     {"U.S. Fish and Heather Service", "Fish and Heather Service"}),
    # a park named after the mountain it protects
    ([[("Mt Orrin", "Location"), ("Mount Orrin National Park", "Facility")]], {"Mt Orrin", "Mount Orrin National Park"}),
    # a town's name used for its team, a team's nickname taken for a person, a clipped nickname
    ([[("Tarnville Gryphons", "Organization"), ("Tarnville", "SportsTeam")], [("Tarnville", "GeopoliticalEntity")]],
     {"Tarnville Gryphons", "Tarnville"}),
    ([[("Tarnville Gryphons", "Organization"), ("Gryphons", "Person")]], {"Tarnville Gryphons", "Gryphons"}),
    ([[("Tarnville Gryphons", "Organization"), ("Grys", "Person")]], {"Tarnville Gryphons", "Grys"}),
    # a town's name clipped, used for its team ('Indy', 'Philly')
    ([[("Tarnville Gryphons", "Organization"), ("Tarnville", "SportsTeam"), ("Tarny", "Person")],
      [("Tarnville", "GeopoliticalEntity")]], {"Tarnville Gryphons", "Tarnville", "Tarny"}),
    ([[("Tarrowby Gryphons", "Organization"), ("Tarrowby", "SportsTeam"), ("Tarry", "Entity")],
      [("Tarrowby", "GeopoliticalEntity")]],
     {"Tarrowby Gryphons", "Tarrowby", "Tarry"}),
]

APART = [
    # an acronym never joins a person whose initials it matches
    [[("Kevin Tarrant Brown", "Person"), ("KTB", "Organization")]],
    # a place's name is no first name, even beside a name the tagger took for a person's
    [[("Orrinshire Police", "Person"), ("Orrinshire", "Person"), ("Orrinshire", "Person")],
     [("Orrinshire", "GeopoliticalEntity")]],
    # a first name alone in another, unrelated article is not someone else's full name
    [[("Marta Quillon", "Person"), ("Osric Vane", "Person")], [("Marta", "Person"), ("Tobias Fenn", "Person")]],
    # a nickname of a name of the other gender ('Andy' is also Andrew's)
    [[("Andrea Pellow", "Person")], [("Andy Pellow", "Person")]],
    # the city in a team's or a police force's name is the city
    [[("Tarnville Otters", "SportsTeam"), ("Tarnville", "GeopoliticalEntity")]],
    [[("Tarn Valley Police", "GovernmentBody"), ("Tarn Valley", "GeopoliticalEntity")]],
    # a town's name used for a team joins no team named otherwise, nor a police force
    [[("Tarnville", "SportsTeam"), ("Tarnville Police", "GovernmentBody")], [("Tarnville", "GeopoliticalEntity")]],
    # a clipped town joins no town (only its name used for a team), nor is a first name one
    [[("Tarnville", "GeopoliticalEntity"), ("Tarny", "Person")]],
    [[("Andover", "SportsTeam"), ("Andy", "Person")], [("Andover", "GeopoliticalEntity")]],
    # ... nor a team whose town two clipped names begin alike ('Tarny' fits two towns used as teams)
    [[("Tarnville", "SportsTeam"), ("Tarnholm", "SportsTeam"), ("Tarny", "Person")],
     [("Tarnville", "GeopoliticalEntity"), ("Tarnholm", "GeopoliticalEntity")]],
    # a clipped plural keeps three letters: a longer one is a word of its own ('Bulls', 'Bulldogs')
    [[("Velmont Bulldogs", "SportsTeam"), ("Bulls", "SportsTeam")]],
    # two clubs sharing a city word, and the city word alone joins neither
    [[("Tarnville Otters", "SportsTeam")], [("Tarnville Rovers", "SportsTeam")], [("Tarnville", "SportsTeam")]],
    # numbered units are different ones, in one article or two
    [[("Quarro Team I", "Organization"), ("Quarro Team III", "Organization")]],
    [[("2nd Battalion Tarn Rifles", "Organization"), ("3rd Battalion Tarn Rifles", "Organization")]],
    [[("2nd Battalion Tarn Rifles", "Organization"), ("Battalion Tarn Rifles", "Organization")]],
    # a negation or a compass point makes another thing of the name after it
    [[("non-Velmont Union", "Organization"), ("Velmont Union", "Organization")]],
    [[("South Orrin Hill", "GeopoliticalEntity"), ("Orrin Hill", "GeopoliticalEntity")]],
    # compass points written apart (a region) and together (a brand), whatever the tagger typed them
    [[("North East", "Organization")], [("Northeast", "Organization")]],
    # a clinic and a center of one name in two unrelated articles
    [[("Velmont Recovery Center", "Organization")], [("Velmont Recovery Clinic", "Organization")]],
    # a government is not the assembly it is named after
    [[("Velmont Assembly", "GovernmentBody"), ("Osric Vane", "Person")],
     [("Velmont Assembly Government", "GovernmentBody"), ("Osric Vane", "Person")]],
    # differently qualified events sharing a name
    [[("2031 Velmont Games", "Event")], [("2035 Velmont Games", "Event")], [("Velmont Games", "Event")]],
]


@pytest.mark.parametrize(("articles", "together"), TOGETHER)
def test_variants_of_one_name_are_one_entity(articles, together):
    check_merges(articles, together, set())


@pytest.mark.parametrize("articles", APART)
def test_wrong_merges_stay_apart(articles):
    check_merges(articles, set(), {name for article in articles for name, _ in article})


def test_two_countries_bodies_named_without_their_country_stay_two():
    ministries = [extraction("a", ("Foreign Ministry", "GovernmentBody"), ("Russia", "Country"), ("Russia", "Country")),
                  extraction("b", ("Foreign Ministry", "GovernmentBody"), ("Chile", "Country"), ("Chile", "Country"))]
    found = [e for e in resolve(ministries).entities.values() if e.label == "Foreign Ministry"]
    assert len(found) == 2


def test_one_countrys_body_named_without_it_in_two_articles_is_one():
    ministries = [extraction("a", ("Foreign Ministry", "GovernmentBody"), ("Chile", "Country")),
                  extraction("b", ("Foreign Ministry", "GovernmentBody"), ("Chile", "Country"))]
    found = [e for e in resolve(ministries).entities.values() if e.label == "Foreign Ministry"]
    assert len(found) == 1


def test_context_chooses_among_the_names_an_acronym_spells():
    found = groups(
        extraction("a", ("Central Vote Commission", "GovernmentBody"), ("Osric Vane", "Person"),
                   ("Tarnville", "GeopoliticalEntity"), ("Quarrow Mining", "Company")),
        extraction("b", ("Civic Vision Council", "Organization"), ("Marta Quillon", "Person")),
        extraction("c", ("CVC", "Organization"), ("Osric Vane", "Person"),
                   ("Tarnville", "GeopoliticalEntity"), ("Quarrow Mining", "Company")))
    assert frozenset({"Central Vote Commission", "CVC"}) in found


def test_a_towns_name_used_for_its_team_leaves_the_town_alone():
    found = groups(extraction("a", ("Tarnville Gryphons", "Organization"), ("Tarnville", "SportsTeam")),
                   extraction("b", ("Tarnville", "GeopoliticalEntity"), ("Orrin County", "GeopoliticalEntity")))
    assert frozenset({"Tarnville Gryphons", "Tarnville"}) in found
    assert frozenset({"Tarnville"}) in found  # the town, in article b


def test_a_plural_in_a_persons_name_is_no_teams_nickname():
    found = groups(extraction("a", ("Tarnville Evans", "Organization"), ("Evans", "Person"), ("Rhea Evans", "Person")))
    assert not any({"Tarnville Evans", "Evans"} <= group for group in found)


def test_a_name_before_a_kind_of_organisation_is_that_organisation():
    found = groups(extraction("a", ("Quarrow", "Organization"), ("Quarrow Mining Corp.", "Company")),
                   extraction("b", ("Velkan", "Organization"), ("Velkan news agency", "MediaOrganization")))
    assert frozenset({"Quarrow", "Quarrow Mining Corp."}) in found
    assert frozenset({"Velkan", "Velkan news agency"}) in found


@pytest.mark.parametrize("articles", [
    # a town before a government body's kind is the town, even typed otherwise
    [[("Tarnbury", "Organization"), ("Tarnbury Police Department", "GovernmentBody")]],
    # a portfolio is every country's ('Commerce Department')
    [[("Tides", "Organization"), ("Tides Department", "GovernmentBody")]],
    # two companies a one-word name begins in two articles: which one it is, is unclear
    [[("Quarrow", "Organization"), ("Quarrow Mining Ltd.", "Company")], [("Quarrow", "Organization"), ("Quarrow Bank", "Company")]],
    # a word of a person's name
    [[("Pellow", "Organization"), ("Pellow Bank", "Company"), ("Kathryn Pellow", "Person")]],
])
def test_a_one_word_name_joins_no_organisation_it_does_not_name(articles):
    check_merges(articles, set(), {name for article in articles for name, _ in article if name != "Kathryn Pellow"})


def test_a_one_word_name_beside_another_name_it_begins_joins_neither():
    found = groups(extraction("a", ("Quarrow", "Organization"), ("Quarrow Exchange", "Organization")),
                   extraction("b", ("Quarrow Bank", "Company"), ("Osric Vane", "Person")))
    assert not any({"Quarrow", "Quarrow Bank"} <= group for group in found)


def test_a_day_the_tagger_took_for_a_name_joins_no_paper():
    found = groups(extraction("a", ("Sunday", "Organization"), ("Sunday Post", "MediaOrganization"), ("Sunday Bank", "Company")))
    assert not any({"Sunday", "Sunday Bank"} <= group for group in found)


def test_an_acronym_that_begins_a_name_of_its_own_is_not_expanded_from_the_corpus():
    found = groups(extraction("a", ("QBC", "Organization"), ("QBC Studios Group", "Company")),
                   extraction("b", ("Quarrow Birding Club", "Organization")))
    assert not any({"QBC", "Quarrow Birding Club"} <= group for group in found)


def test_an_acronym_in_parentheses_after_an_organisations_name_in_another_language_defines_it():
    text = "The Movement for Tides and Harbours (DHV) won. DHV leaders met."
    found = groups(with_text("a", text, ("Movement for Tides and Harbours", "Organization"), ("DHV", "Organization")))
    assert frozenset({"Movement for Tides and Harbours", "DHV"}) in found


def test_britain_is_the_united_kingdom():
    found = groups(extraction("a", ("Britain", "GeopoliticalEntity")), extraction("b", ("United Kingdom", "Country")))
    assert any({"Britain", "United Kingdom"} <= group for group in found)


@pytest.mark.parametrize(("body", "qualified"), [("Court of Appeal", "US Court of Appeals"),
                                                 ("Armed Forces", "Peruvian Armed Forces")])
def test_a_body_every_country_has_is_not_another_countrys(body, qualified):
    found = groups(extraction("a", (body, "GovernmentBody"), ("Chile", "Country")),
                   extraction("b", (qualified, "GovernmentBody"), ("Peru", "Country")))
    assert not any({body, qualified} <= group for group in found)


def test_a_towns_name_used_for_two_of_its_teams_in_two_articles_joins_neither():
    found = groups(extraction("a", ("Tarnville Gryphons", "SportsTeam"), ("Tarnville", "SportsTeam")),
                   extraction("b", ("Tarnville Otters", "SportsTeam"), ("Tarnville", "SportsTeam")),
                   extraction("c", ("Tarnville", "GeopoliticalEntity")))
    assert not any({"Tarnville Gryphons", "Tarnville Otters"} <= group for group in found)
