from __future__ import annotations

import pytest

from kg.extract.coref import link
from kg.extract.mentions import extract_mentions


def _references(nlp, text: str) -> dict[str, str]:
    """Each reference's words -> the full name it stands for."""
    doc = nlp(text)
    _, by_token = link(doc, extract_mentions(doc))
    return {m.text: m.refers_to for m in by_token.values() if m.refers_to}


# (text, expected references: words -> full name); anything ambiguous stays out
CASES = [
    # a surname after the full name
    ("Janet Yellen spoke first. Later, Yellen took questions.", {"Yellen": "Janet Yellen"}),
    # a surname that is also an English word is decided by its place, not by the word:
    # after a title it is the surname, at the start of a sentence it is the pronoun
    ("Spokesperson He Lin briefed reporters. Spokesperson He said the talks went well.",
     {"He": "He Lin"}),
    # a subject pronoun goes to the person who was last a subject
    ("Angela Merkel met the press in Berlin. She said the talks went well.", {"She": "Angela Merkel"}),
    # 'she' skips a man who was the subject last (first names and 'Mr.'/'Mrs.' tell the gender)
    ("Angela Merkel arrived. Later Boris Johnson spoke. She said the talks went well.", {"She": "Angela Merkel"}),
    ("Mrs. Lee arrived. Mr. Park spoke after her. She said the talks went well.", {"She": "Lee"}),
    # a lone surname shared by two people tells nothing about gender
    ("Hillary Clinton and Bill Clinton arrived. Clinton spoke first. She said it went well.", {"She": "Clinton"}),
    # two people in view and neither a subject: left out rather than guessed
    ("The talks between Tony Blair and Gordon Brown ended. He said they went well.", {}),
    # ... unless only one of them can be 'he'
    ("The talks between Angela Merkel and Emmanuel Macron ended. He said they went well.",
     {"He": "Emmanuel Macron"}),
    # a definite description goes to the organisation whose name has its words
    ("The Ministry of Finance published its budget. The ministry said spending would rise.",
     {"The ministry": "Ministry of Finance"}),
    # 'the Bank' is a fragment of the name, not a name of its own: it refers to the bank named in full
    ("The Bank of England held rates on Thursday. The Bank said inflation would stay low.",
     {"The Bank": "Bank of England"}),
    # a lower-case common noun introduces no government body to refer back to
    ("The federal court rejected the appeal. The court said the filing was late.", {}),
    # ... or to the person introduced with that title
    ("The president, Joe Biden, arrived late. The president said the deal was close.",
     {"The president": "Joe Biden"}),
    # a surname two people named in full share is the one its courtesy title's gender fits
    # (or, of two, the one not known to be of the other gender: 'Kwame' is in no name list)
    ("Kwame Mensah and his wife Jane Mensah spoke. Mrs. Mensah said the mine had closed.",
     {"Mensah": "Jane Mensah"}),
    ("Kwame Mensah and his wife Jane Mensah spoke. Mr. Mensah said the mine had closed.",
     {"Mensah": "Kwame Mensah"}),
    ("Kwame Mensah and his wife Jane Mensah spoke. Mensah said the mine had closed.", {}),
    # a surname the tagger missed opening a sentence is the person's, and so the speaker after it
    ("Attorney General Loretta Lynch spoke on Monday.\n\nLynch said there remains a \"significant difference "
     'in private practice and government," when it comes to how many lawyers work at the department.\n\n'
     '"When you\'re looking at the traditional path of law firm advancement, women still face that," she said.',
     {"Lynch": "Loretta Lynch", "she": "Loretta Lynch"}),
    # 'the company' with exactly one company in view
    ("General Motors cut prices on Monday. The company said demand had weakened.",
     {"The company": "General Motors"}),
    # 'it' for an organisation that was the subject
    ("The Ministry of Finance issued a statement. It said spending would rise.",
     {"It": "Ministry of Finance"}),
    # a title's other words must fit too: the foreign secretary is not the home secretary
    ("Home Secretary Tom Smith spoke first. The home secretary said the treaty was safe.",
     {"The home secretary": "Tom Smith"}),
    ("Home Secretary Tom Smith spoke first. The foreign secretary said the treaty was safe.", {}),
    # the speaker 'he' is the last subject, never the one named in the words he is quoted with
    ('Tom Smith rejected the claims. Mr Jones "made every decision," he told the court.', {"he": "Tom Smith"}),
    # a speaker 'it' after a subject that is no entity ('a report') stands for nothing named
    ("Acme Corp hired Ovum. A report by Ovum predicted strong growth. It said tablets would outsell laptops.", {}),
    # a speaker 'she' after a speaker who is no entity ('the spokesman') stands for nobody
    (("Jane Doe met union leaders. The company's spokesman said talks would continue. "
      "But she added that no deal was close."), {}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_references(nlp, text, expected):
    assert _references(nlp, text) == expected


def test_a_linked_surname_keeps_its_own_words_and_offsets(nlp):
    text = "Janet Yellen spoke first. Later, Yellen took questions."
    doc = nlp(text)
    mentions, _ = link(doc, extract_mentions(doc))
    short = [m for m in mentions if m.text == "Yellen"]
    assert short and text[short[0].start : short[0].end] == "Yellen" and short[0].name == "Janet Yellen"
