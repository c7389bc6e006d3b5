from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a score stuck to a name is no part of it, and a name with a score is a player's
        ("Top seed Anton Verner lost to Karol Brisk 4-6 6-3 6-2 on Tuesday.",
         [("Anton Verner", "Person"), ("Karol Brisk", "Person")]),
        # in a team list an initial and a surname is a person, even when the tagger left the initial
        # out or called the name an organisation or a place
        ("Italy: R Benetti; Luca Bergamo, C Stolfi, A Masetti, L Nitti; L Orsini, A Tronca; P Canali, F Ongari.",
         [("Italy", "Country"), ("Luca Bergamo", "Person"), ("A Masetti", "Person"), ("L Nitti", "Person"),
          ("L Orsini", "Person"), ("A Tronca", "Person"), ("P Canali", "Person"), ("F Ongari", "Person")]),
        # two names run together by 'v' are two names, whose kind the tagger's label does not tell
        ("Holders Leeds face Burnley, while Leeds v Burnley tickets sold out.",
         [("Leeds", "Entity"), ("Burnley", "Entity")]),
        # a common noun, whether in lower case or placed in time, is no name
        ("The federal court in Ohio rejected the appeal.", [("Ohio", "GeopoliticalEntity")]),
        ("He said the present government had failed, and the next Conservative government would do better.", []),
        # ... but a ministry is named in lower case too
        ("Chile's mines ministry said on Friday it had approved some applications.",
         [("Chile", "Country"), ("mines ministry", "GovernmentBody")]),
        # an adjective of time is no part of a name
        ("Trade with the former Soviet Union has doubled.", [("Soviet Union", "GeopoliticalEntity")]),
        # a word capitalised only because it opens the sentence, written in lower case elsewhere
        ("Digital music players are the gadget of choice, and digital radio is growing.", []),
        # a lone organisation word or legal suffix is a fragment of a longer name
        ("The Association of British Bakers said costs had risen. The Association wants a tax cut.",
         [("Association of British Bakers", "Organization")]),
        ("The deal was signed by Aldwyn Holdings AG and the Bank.", [("Aldwyn Holdings AG", "Company")]),
    ],
)
def test_names_are_whole_names(read, text, expected):
    assert [(m.text, m.cls) for m in read(text).mentions] == expected


def test_a_phrase_the_article_writes_in_lower_case_is_no_name(read):
    text = "Imports of iron ore fell. The president said Iron Ore prices would rise."
    assert "Iron Ore" not in {m.text for m in read(text).mentions}


def test_a_verb_the_tagger_took_into_a_name_is_no_part_of_it(nlp):
    from spacy.tokens import Span

    from kg.extract.mentions import mention_from_span

    doc = nlp("Arsenal lost. Pascal Cygan missed the best chance of the game.")
    start = next(t.i for t in doc if t.text == "Pascal")
    mention = mention_from_span(Span(doc, start, start + 3, label="PERSON"))
    assert mention is not None and mention.text == "Pascal Cygan"
