from __future__ import annotations

import pytest

# (text, {words: (class, name) of the mentions with those words}); a nationality used as a person
# joins the person only when one is clearly meant, and never turns the country into a person
CASES = [
    # the one subject of the sentence before
    (("On Friday, 36-year-old Duncan Rait died after slipping from a ridge. "
     "The New Zealand-born Australian was planning to do some ski touring."),
     {"Australian": {("Person", "Duncan Rait")}}),
    # a nationality of two words
    ("Mr Buckley's death came a day after Duncan Rait was killed. The New Zealander had been dropped off.",
     {"New Zealander": {("Person", "Duncan Rait")}}),
    # the one person the article gives that nationality, wherever the subjects are
    (("Australian actor Hugh Jackman will host the show. Producers praised Ben Stiller. "
     "They called the Australian a consummate entertainer."),
     {"Australian": {("Country", "Australia"), ("Person", "Hugh Jackman")}}),
    # two people in its own sentence: either may be meant
    ("Wladimir Klitschko floored Tony Thompson, and the 40-year-old American never recovered.",
     {"American": set()}),
    # the subject before is given another nationality
    ("Ukrainian boxer Wladimir Klitschko won easily. The American said little.", {"American": set()}),
    # two people of that nationality
    ("American Tony Thompson met American Hasim Rahman. The American won.",
     {"American": {("Country", "United States")}}),
    # the one given that nationality, unless someone else is the subject just before
    (("Eighth-seeded American Andre Agassi will play a qualifier. Second seed Andy Roddick will open "
      "against Irakli Labadze. The American could meet Greg Rusedski next."),
     {"American": {("Country", "United States")}}),
    # someone unnamed, or a name of no person, is the subject before
    (("Andre Agassi won the tie-break. Fourth seed survived an injury scare. The Russian turned his ankle."),
     {"Russian": set()}),
    # a person the article already calls by another nationality
    (("The 34-year-old American Andre Agassi made a poor start. He battled past Mario Ancic. "
      "The Russian turned his right ankle."), {"Russian": set()}),
    # 'he' before: who it is was a guess already
    ("Andre Agassi made a poor start. He battled past Mario Ancic. The Russian turned his ankle.",
     {"Russian": set()}),
    # a demonym that names a whole people
    ("Jane Doe arrived on Monday. Ireland met the Swiss in their final qualifier.", {"Swiss": set()}),
    ("Bernard Laporte was pleased. The French turned in a stuttering performance.", {"French": set()}),
    # not definite, plural, or a modifier: nobody in particular, or the country
    ("Jane Doe arrived on Monday. An Australian was hurt.", {"Australian": set()}),
    ("Jane Doe arrived on Monday. The Australians were pleased.", {"Australians": set()}),
    ("Jane Doe arrived on Monday. The Australian government was pleased.",
     {"Australian": {("Country", "Australia")}}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_nationality_used_as_a_person(read, text, expected):
    mentions = read(text).mentions
    for words, read_as in expected.items():
        assert {(m.cls, m.name) for m in mentions if m.text == words} == read_as


def test_a_demonym_linked_before_ties_nobody(read):
    # the second 'the American' needs evidence of its own: here someone unnamed is the subject before
    text = ("Lindsay Davenport won easily. The American had too much power. Anna Smashnova lost again. "
            "The 27th seed stuck with Williams until 3-3. The American made 26 unforced errors.")
    linked = [m.name for m in read(text).mentions if m.text == "American"]
    assert linked == ["Lindsay Davenport"]
