from __future__ import annotations

import pytest

from kg.extract.mentions import is_person_name, organisation_class


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Angela Merkel met Emmanuel Macron in Paris.",
         [("Angela Merkel", "Person"), ("Emmanuel Macron", "Person"), ("Paris", "GeopoliticalEntity")]),
        ("The Ministry of Commerce said on Thursday that prices rose 5 percent.",
         [("Ministry of Commerce", "GovernmentBody")]),  # leading 'The' dropped; date and figure are not entities
        ("Germany's exports fell.", [("Germany", "Country")]),  # possessive dropped
        # a nationality is a mention of its country, not an entity of its own
        ("Chinese officials visited the U.S. in May.", [("Chinese", "Country"), ("U.S.", "Country")]),
        ("He said they would go there.", []),  # pronouns never become entities
        # a one-word 'person' listed only with organisations is one; a first name stays a person
        ("Suppliers serve the three major automakers, GM, Ford and Brennatek, in the US.",
         [("GM", "Organization"), ("Ford", "Organization"), ("Brennatek", "Organization"), ("US", "Country")]),
        ("The prize went to Apple, Google and Jane.",
         [("Apple", "Organization"), ("Google", "Organization"), ("Jane", "Person")]),
        # title-case headline words the article writes in lower case are no part of a name
        ("Jane Doe Resigns From Board\nJane Doe resigns after the vote.", [("Jane Doe", "Person")]),
        # regression: spaCy tagged '> ’s ’s' as an ORG, whose name normalises to nothing
        ("<script> ’s ’s Paris", [("Paris", "GeopoliticalEntity")]),
        # a title is a role, not part of the name; a name after a title is a person even when the
        # tagger misses it or it looks like a pronoun
        ("Ministry spokesperson He Lin told a briefing that talks would resume.", [("He Lin", "Person")]),
        # web-page furniture is not a name
        ("LEAVE A REPLY\nMonitoring Desk\nAngela Merkel spoke.", [("Angela Merkel", "Person")]),
    ],
)
def test_mentions(read, text, expected):
    assert [(m.text, m.cls) for m in read(text).mentions] == expected


def test_a_phrase_the_article_writes_in_lower_case_is_no_name(read):
    text = "Imports of iron ore fell. The president said Iron Ore prices would rise."
    assert "Iron Ore" not in {m.text for m in read(text).mentions}


def test_mention_offsets_point_at_the_surface_form(read):
    text = "Yesterday the European Commission fined Google."
    for mention in read(text).mentions:
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("Ministry of Foreign Affairs", "GovernmentBody"),
        ("US Department of Energy", "GovernmentBody"),
        ("Ford Motor Co", "Company"),
        ("Oxford Institute for Energy Studies", "ResearchOrganization"),
        ("China University of Mining and Technology", "ResearchOrganization"),
        ("The New York Times", "MediaOrganization"),
        ("Greenpeace", "Organization"),
    ],
)
def test_organisation_class_from_name(name, cls):
    assert organisation_class(name) == cls


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
        ("China's commerce ministry said on Friday it had approved some applications.",
         [("China", "Country"), ("commerce ministry", "GovernmentBody")]),
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


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        # an initial and a surname is a person, whatever the tagger said (here: a place)
        ("Hartley, Okafor (Birch 70), Dunne, Pellow, R Castagna, M Ferri; L Bonetti.", "L Bonetti", "Person"),
        # a name ending with an organisation's word is no person, whatever the tagger said
        ("Swiss Re and Munich Re said claims would be lower.", "Munich Re", "Company"),
        ("Both the Tories and Lib Dems pledged higher pensions.", "Lib Dems", "Organization"),
        # the model's facilities, products, works and events stand only when the name's words say so
        ("The event will be held at Hampden Park and the Millennium Stadium next year.", "Millennium Stadium", "Facility"),
        ("Crowds gathered at the Grand Arcade for the launch.", "Grand Arcade", "Entity"),
        ("Ticket sales for the Dubai Championships rose after the Davis Cup final.", "Dubai Championships", "Event"),
        ("She won the Women's Cup before the Northern Games in Leeds.", "Women's Cup", "Event"),
        # ... and a place the competition's word was left off is the competition's name
        ("She beat the US Open champion on Tuesday.", "US Open", "Event"),
        ("Orders for the Airbus A380 rose, while the Boeing 787 sold well.", "A380", "Product"),
        ("The Marshall Plan and the Treaty of Rome were both debated.", "Marshall Plan", "Policy"),
        # the noun before a name says what it is, here and elsewhere in the article
        ("The British film Silent Harbour won three awards, and Silent Harbour will open in May.",
         "Silent Harbour", "CreativeWork"),
    ],
)
def test_mention_class(read, text, name, cls):
    assert {m.cls for m in read(text).mentions if m.text == name} == {cls}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Cesc Fabregas", True),
        ("G Rowntree", True),
        ("R de Marigny", True),
        ("Lord Pelham", True),
        ("Morgan Stanley Bank", False),  # an organisation's word ends it
        ("Leeds United", False),
        ("Victoria Park", False),
        ("El Salvador", False),  # a country
        ("River Tyne", False),  # a word that begins place names
        ("Lord Chancellor", False),  # a position
        ("Elena", False),  # one word says too little
    ],
)
def test_person_name_shape(name, expected):
    assert is_person_name(name.split()) is expected


@pytest.mark.parametrize("label", ["EVENT", "ORG", "PERSON", "GPE", "WORK_OF_ART"])
def test_an_entity_span_of_punctuation_only_is_no_mention(nlp, label):
    """The tagger once marked "'" and two line breaks as an EVENT (a BBC article): no name, no crash."""
    from spacy.tokens import Span

    from kg.extract.mentions import mention_from_span

    doc = nlp("He said it was over.'\n\nThe end came later.")
    quote = next(t for t in doc if t.text == "'")
    span = Span(doc, quote.i, quote.i + 2, label=label)
    assert mention_from_span(span) is None


def test_a_verb_the_tagger_took_into_a_name_is_no_part_of_it(nlp):
    from spacy.tokens import Span

    from kg.extract.mentions import mention_from_span

    doc = nlp("Arsenal lost. Pascal Cygan missed the best chance of the game.")
    start = next(t.i for t in doc if t.text == "Pascal")
    mention = mention_from_span(Span(doc, start, start + 3, label="PERSON"))
    assert mention is not None and mention.text == "Pascal Cygan"
