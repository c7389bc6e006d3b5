from __future__ import annotations

from collections import Counter

from kg.model import Article, Evidence, Extraction, Mention, Relation, Sentence
from kg.resolve import resolve
from kg.resolve.article import LocalName
from kg.resolve.labels import concept_label, label_of
from tests.resolve.conftest import extraction


def _name(form: str, times: int) -> LocalName:
    return LocalName("a", " ".join(form.lower().replace(".", " ").split()), Counter({form: times}))


def test_a_full_name_labels_its_entity_over_an_acronym_or_a_lone_word_written_more_often():
    assert label_of([_name("GM", 9), _name("General Motors", 1)]) == "General Motors"
    assert label_of([_name("Trump", 9), _name("Donald Trump", 1)]) == "Donald Trump"


def test_a_name_written_as_a_name_labels_over_the_same_words_in_lower_case():
    assert label_of([_name("mines ministry", 9), _name("Mines Ministry", 1)]) == "Mines Ministry"


def test_among_equal_names_the_most_written_then_the_fullest_labels():
    assert label_of([_name("Mark Heller", 1), _name("Mark Felt", 2)]) == "Mark Felt"
    assert label_of([_name("Mark Heller", 1), _name("Mark Jay Heller", 1)]) == "Mark Jay Heller"


def test_a_tie_gives_the_same_label_whatever_the_order_of_the_members():
    members = [_name("Mark Heller", 1), _name("Mark Felt", 1)]
    assert label_of(members) == label_of(members[::-1])


def test_a_concept_is_labelled_by_its_most_written_then_longest_form():
    assert concept_label(Counter({"plan": 1, "plans": 2})) == "plans"
    assert concept_label(Counter({"plan": 1, "new plan": 1})) == "new plan"


def test_class_is_a_vote_so_a_mislabelled_mention_does_not_split_the_entity():
    resolution = resolve([extraction("a", ("Sania Mirza", "Person"), ("Sania Mirza", "Person"),
                                     ("Sania Mirza", "Organization"))])
    [entity] = resolution.entities.values()
    assert entity.cls == "Person"


def test_a_lone_word_is_a_person_only_when_called_he_or_she():
    he = Mention("He", "Person", 40, 42, refers_to="Bez")
    won = Relation(he, "win", Mention("show", "Concept", 47, 51),
                   Evidence(Sentence("He won the show.", 40, 56), rule="svo-reference", confidence=0.8))
    found = extraction("a", ("Bez", "Person"), ("Napster", "Person"))
    found = Extraction(found.article, found.mentions, (won,), ())
    classes = {e.label: e.cls for e in resolve([found]).entities.values()}
    assert classes["Bez"] == "Person"
    assert classes["Napster"] == "Entity"  # a lone word no one calls 'he' or 'she' may name anything


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
