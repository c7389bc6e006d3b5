from __future__ import annotations

import pytest

from kg.model import Article, Extraction, Mention
from kg.lexicon.names import normalise
from kg.resolve import resolve


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("The U.S.", "us"),
        ("US", "us"),
        ("China’s", "china"),
        ("Rolls-Royce", "rolls royce"),
        ("  Ministry   of Commerce ", "ministry of commerce"),
        ("Ｃｈｉｎａ", "china"),  # full-width letters
    ],
)
def test_normalise(name, normal):
    assert normalise(name) == normal


def _extraction(article_id: str, *mentions: tuple[str, str]) -> Extraction:
    article = Article(id=article_id, path=f"{article_id}.txt", title=article_id, text="", sha256="0")
    return Extraction(article, tuple(Mention(t, c, 0, len(t)) for t, c in mentions), (), ())


def test_equal_normalised_names_merge_across_articles_with_all_surface_forms():
    resolution = resolve([
        _extraction("a", ("U.S.", "Country"), ("U.S.", "Country")),
        _extraction("b", ("US", "Country")),
    ])
    [entity] = resolution.entities.values()
    assert entity.label == "U.S."  # the most frequent surface form
    assert entity.alt_labels == ("US",)
    assert entity.mention_count == 3
    assert entity.articles == ("a", "b")


def test_class_is_a_vote_so_a_mislabelled_mention_does_not_split_the_entity():
    resolution = resolve([_extraction("a", ("Sania Mirza", "Person"), ("Sania Mirza", "Person"),
                                      ("Sania Mirza", "Organization"))])
    [entity] = resolution.entities.values()
    assert entity.cls == "Person"


def test_a_lone_word_is_a_person_only_when_called_he_or_she():
    from kg.model import Evidence, Relation, Sentence

    he = Mention("He", "Person", 40, 42, refers_to="Bez")
    won = Relation(he, "win", Mention("show", "Concept", 47, 51),
                   Evidence(Sentence("He won the show.", 40, 56), rule="svo-reference", confidence=0.8))
    extraction = _extraction("a", ("Bez", "Person"), ("Napster", "Person"))
    extraction = Extraction(extraction.article, extraction.mentions, (won,), ())
    classes = {e.label: e.cls for e in resolve([extraction]).entities.values()}
    assert classes["Bez"] == "Person"
    assert classes["Napster"] == "Entity"  # a lone word no one calls 'he' or 'she' may name anything


def test_different_names_stay_apart():
    resolution = resolve([_extraction("a", ("Donald Trump", "Person"), ("Melania Trump", "Person"))])
    assert len(resolution.entities) == 2


def _groups(*extractions: Extraction) -> set[frozenset[str]]:
    """Each entity as the set of names (label and other names) it holds."""
    resolution = resolve(list(extractions))
    return {frozenset((e.label, *e.alt_labels)) for e in resolution.entities.values()}


def _with_text(article_id: str, text: str, *mentions: tuple[str, str]) -> Extraction:
    article = Article(id=article_id, path=f"{article_id}.txt", title=article_id, text=text, sha256="0")
    return Extraction(article, tuple(Mention(t, c, text.find(t), text.find(t) + len(t)) for t, c in mentions), (), ())


# (articles as lists of (name, class), names that must end up as one entity, names that must stay apart)
CASES = [
    # countries by ISO 3166 and countryinfo's spellings, across articles
    ([[("US", "Country")], [("United States", "Country"), ("U.S.", "Country")], [("USA", "GeopoliticalEntity")]],
     {"US", "United States", "U.S.", "USA"}, set()),
    ([[("UK", "GeopoliticalEntity")], [("United Kingdom", "Country")]], {"UK", "United Kingdom"}, set()),
    ([[("US", "Country")], [("Us", "Organization")]], set(), {"US", "Us"}),  # the magazine 'Us' is no country
    # acronyms made of initials or of first letters of words, unique in the article
    ([[("General Motors", "Company"), ("GM", "Organization")]], {"General Motors", "GM"}, set()),
    ([[("Ministry of Defence", "GovernmentBody"), ("MINDEF", "Organization")]], {"Ministry of Defence", "MINDEF"}, set()),
    ([[("European Union", "Organization")], [("EU", "Organization"), ("European Union", "Organization")]],
     {"European Union", "EU"}, set()),
    # an acronym never stands for a person
    ([[("Andrew Palmer", "Person"), ("AP", "Organization")]], set(), {"Andrew Palmer", "AP"}),
    # an organisation's words in any order, with its country said or not
    ([[("Ministry of Commerce", "GovernmentBody"), ("commerce ministry", "GovernmentBody")],
      [("Ministry of Commerce of China", "GovernmentBody")]],
     {"Ministry of Commerce", "commerce ministry", "Ministry of Commerce of China"}, set()),
    # ... but two countries' ministries stay two, and the bare one joins neither
    ([[("Ministry of Commerce of China", "GovernmentBody")], [("Ministry of Commerce of India", "GovernmentBody")],
      [("commerce ministry", "GovernmentBody")]],
     set(), {"Ministry of Commerce of China", "Ministry of Commerce of India", "commerce ministry"}),
    # a lone surname joins the one person of the corpus with it
    ([[("Donald Trump", "Person")], [("Trump", "Person")]], {"Donald Trump", "Trump"}, set()),
    # two people share the surname: a lone 'Smith' elsewhere joins neither
    ([[("John Smith", "Person")], [("Jane Smith", "Person")], [("Smith", "Person")]],
     set(), {"John Smith", "Jane Smith", "Smith"}),
    # middle names
    ([[("Mark Heller", "Person")], [("Mark Jay Heller", "Person")]], {"Mark Heller", "Mark Jay Heller"}, set()),
    ([[("W. Mark Felt Sr.", "Person")], [("Mark Felt", "Person")]], {"W. Mark Felt Sr.", "Mark Felt"}, set()),
    ([[("Fred LaRue", "Person")], [("Frederick C. LaRue", "Person")]], {"Fred LaRue", "Frederick C. LaRue"}, set()),
    # a blended nickname
    ([[("Lindsay Lohan", "Person")], [("LiLo", "Person")]], {"Lindsay Lohan", "LiLo"}, set()),
    ([[("Lindsay Lohan", "Person")], [("Linda Loman", "Person")], [("LiLo", "Person")]], set(), {"Lindsay Lohan", "Linda Loman", "LiLo"}),
    ([[("Mark Heller", "Person")], [("Mark Jay Heller", "Person")], [("Mark Alan Heller", "Person")]],
     set(), {"Mark Jay Heller", "Mark Alan Heller"}),
    # a misspelling within one article; not across, and places never ('Austria' is no 'Australia')
    ([[("Brennatek", "Company"), ("Brenatek", "Company")]], {"Brennatek", "Brenatek"}, set()),
    ([[("Brennatek", "Company")], [("Brenatek", "Company")]], set(), {"Brennatek", "Brenatek"}),
    # ... unless the two articles name the same other entities
    ([[("Heidar Alishvandi", "Person"), ("Iran", "Country"), ("Qeshm", "GeopoliticalEntity"), ("Tehran", "GeopoliticalEntity")],
      [("Heydar Alishvandi", "Person"), ("Iran", "Country"), ("Qeshm", "GeopoliticalEntity"), ("Tehran", "GeopoliticalEntity")]],
     {"Heidar Alishvandi", "Heydar Alishvandi"}, set()),
    ([[("Austria", "Country"), ("Australia", "Country")]], set(), {"Austria", "Australia"}),
    # a one-word organisation that ends one organisation's name; not a word for a kind of organisation
    ([[("Indianapolis Colts", "Organization"), ("Colts", "Organization")]], {"Indianapolis Colts", "Colts"}, set()),
    ([[("Ministry of Commerce", "GovernmentBody"), ("Ministry", "GovernmentBody"), ("Defence Ministry", "GovernmentBody")]],
     set(), {"Ministry", "Defence Ministry"}),
    # a legal suffix is no part of the identity
    ([[("Microsoft Corp.", "Company")], [("Microsoft", "Company")]], {"Microsoft Corp.", "Microsoft"}, set()),
]


@pytest.mark.parametrize(("articles", "together", "apart"), CASES)
def test_merge_rules(articles, together, apart):
    groups = _groups(*(_extraction(f"a{i}", *mentions) for i, mentions in enumerate(articles)))
    if together:
        assert any(together <= group for group in groups), groups
    for group in groups:
        assert len(apart & group) <= 1, group


def test_an_acronym_defined_in_the_text_settles_what_guessing_cannot():
    # both ministries fit MINDEF; only the definition in the text says which one it is
    text = "The Ministry of Defence (MINDEF) said... The Ministry of Development Finance spoke. MINDEF added."
    groups = _groups(_with_text("a", text, ("Ministry of Defence", "GovernmentBody"),
                                ("Ministry of Development Finance", "GovernmentBody"), ("MINDEF", "Organization")))
    assert frozenset({"Ministry of Defence", "MINDEF"}) in groups


def test_every_merge_keeps_its_rule_and_reason():
    resolution = resolve([_extraction("a", ("General Motors", "Company"), ("GM", "Organization"))])
    [entity] = resolution.entities.values()
    [merge] = entity.merges
    assert (merge.rule, entity.label, entity.alt_labels) == ("acronym", "General Motors", ("GM",))
    assert "GM" in merge.reason and "General Motors" in merge.reason and merge.articles == ("a",)


def test_namesakes_in_unrelated_articles_keep_apart_entities_and_iris():
    resolution = resolve([_extraction("a", ("John Smith", "Person")), _extraction("b", ("Jane Smith", "Person")),
                          _extraction("c", ("Smith", "Person")), _extraction("d", ("Smith", "Person"), )])
    smiths = [e for e in resolution.entities.values() if e.label == "Smith"]
    assert len({e.key for e in resolution.entities.values()}) == len(resolution.entities)
    assert {e.articles for e in smiths} == {("c",), ("d",)}


def test_acronym_algorithm():
    from kg.resolve import acronym_of
    assert acronym_of("NASA", "National Aeronautics and Space Administration")
    assert acronym_of("MINDEF", "Ministry of Defence")
    assert acronym_of("EU", "European Union")
    assert not acronym_of("EU", "United Europe")
    assert not acronym_of("GM", "General Electric Motors")  # every significant word gives a letter


def test_a_town_written_with_its_region_keeps_that_form_as_a_name(nlp):
    from kg.extract import extract

    text = "Emily Dickinson was born in Amherst, Mass., in 1830."
    article = Article(id="a", path="a.txt", title="a", text=text, sha256="0" * 64)
    entities = resolve([extract(nlp(text), article)]).entities.values()
    town = next(e for e in entities if e.label == "Amherst")
    assert "Amherst, Mass." in town.alt_labels


def test_a_name_written_only_in_a_table_keeps_no_class_from_the_tagger():
    text = "League table\nThe league resumed on Saturday after the winter break.\nDudek   25   62\nArsenal   24   58\n"
    article = Article(id="a", path="a.txt", title="a", text=text, sha256="0")
    dudek, arsenal = (Mention(name, cls, text.index(name), text.index(name) + len(name))
                      for name, cls in (("Dudek", "GeopoliticalEntity"), ("Arsenal", "Organization")))
    prose = Mention("Arsenal", "Organization", 0, 7)  # named in a sentence of another article
    other = Article(id="b", path="b.txt", title="b", text="Arsenal won.", sha256="1")
    classes = {e.label: e.cls for e in resolve([Extraction(article, (dudek, arsenal), (), ()),
                                                Extraction(other, (prose,), (), ())]).entities.values()}
    assert classes == {"Dudek": "Entity", "Arsenal": "Organization"}
