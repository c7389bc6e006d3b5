from __future__ import annotations

import pytest

# (text, {name as written: (class, name the mention stands for)})
CASES = [
    # a match with a score names two teams; the city it was played in stays a city
    ("Rugby report\nFrance beat Ireland 24-17 in Dublin on Saturday.",
     {"France": ("SportsTeam", "France national team"), "Ireland": ("SportsTeam", "Ireland national team"),
      "Dublin": ("GeopoliticalEntity", "Dublin")}),
    # the demonym stays a nationality
    ("Rugby report\nThe Irish flanker was injured as France beat Ireland 24-17.",
     {"Irish": ("Country", "Ireland"), "France": ("SportsTeam", "France national team"),
      "Ireland": ("SportsTeam", "Ireland national team")}),
    # one use without a score is not enough: countries compete in markets too
    ("Trade report\nChile beat the US in the race for markets.",
     {"Chile": ("Country", "Chile"), "US": ("Country", "US")}),
    # in a sports story, a nation that acts is a team even without a score in its sentence
    ("Rugby report\nIreland beat England 19-13 in Dublin. Scotland began the second half well.",
     {"Scotland": ("SportsTeam", "Scotland national team"), "England": ("SportsTeam", "England national team")}),
    # playing for a nation makes every mention of its name the team's; its opponent is a team too
    ("Rugby report\nHenson kicked the winning penalty for Wales. Wales will face Italy next.",
     {"Wales": ("SportsTeam", "Wales national team"), "Italy": ("SportsTeam", "Italy national team")}),
    # a hyphenated squad word, twice
    ("Rugby report\nThe France fly-half was hurt. The France scrum-half played on.",
     {"France": ("SportsTeam", "France national team")}),
    # a town acting in a story that names its club after it is the club
    (("NFL\nThe Indianapolis Colts won 24-10 on Monday. Indianapolis will close out the regular "
     "season next Sunday at home."), {"Indianapolis": ("SportsTeam", "Indianapolis")}),
    ("NFL\nThe Jacksonville Jaguars won 24-10 on Sunday. Fans praised the Jacksonville defense.",
     {"Jacksonville": ("SportsTeam", "Jacksonville")}),
    # ... not a town merely named in it
    ("NFL\nThe Jacksonville Jaguars won again on Sunday. The parade went through Jacksonville.",
     {"Jacksonville": ("GeopoliticalEntity", "Jacksonville")}),
    # ... nor a town acting in a story with no club named after it
    ("City news\nIndianapolis will close out the budget year next Sunday. The mayor of Indianapolis spoke.",
     {"Indianapolis": ("GeopoliticalEntity", "Indianapolis")}),
    # ... nor in a story that reports no match: a company's name ends in a plural too
    (("Business\nCircuit City Stores got a takeover offer. Circuit City said its shares rose 5% on the news."),
     {"Circuit City": ("GeopoliticalEntity", "Circuit City")}),
    # ... nor one that names no club after the town, only a body with a plural at the end
    (("Politics\nThe Turkmenistan Helsinki Foundation for Human Rights criticised the vote. Turkmenistan "
      "elects a parliament on Sunday."), {"Turkmenistan": ("Country", "Turkmenistan")}),
    # a team's record in brackets after the name
    (("NFL\nPeyton Manning threw three touchdowns. Indianapolis (11-4) took its first lead of the game "
     "when Ratliff intercepted a pass."), {"Indianapolis": ("SportsTeam", "Indianapolis")}),
    # countries that meet in a city are no teams
    ("Diplomacy\nChile met Japan in Tokyo on Monday. Chile will host talks in Santiago in May.",
     {"Chile": ("Country", "Chile"), "Japan": ("Country", "Japan"), "Tokyo": ("GeopoliticalEntity", "Tokyo")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_place_names_used_as_teams(read, text, expected):
    # every mention of a name is read alike
    found = {(m.text, m.cls, m.name) for m in read(text).mentions if m.text in expected}
    assert found == {(text, *read_as) for text, read_as in expected.items()}


def test_a_town_written_with_its_region_stays_the_town(read):
    # a name is one thing in an article: the story says where the club played, so it means the town
    text = ("NFL\nThe Jacksonville Jaguars won 24-10 on Sunday. Fans praised the Jacksonville defense. "
            "The game was played in Jacksonville, Fla.")
    found = {(m.cls, m.name) for m in read(text).mentions if m.text == "Jacksonville"}
    assert found == {("GeopoliticalEntity", "Jacksonville")}
