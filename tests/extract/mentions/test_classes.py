from __future__ import annotations

import pytest

from kg.extract.mentions.classes import organisation_class


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("Ministry of Foreign Affairs", "GovernmentBody"),
        ("US Department of Energy", "GovernmentBody"),
        ("Ford Motor Co", "Company"),
        ("Oxford Institute for Energy Studies", "ResearchOrganization"),
        ("Chile University of Mining and Technology", "ResearchOrganization"),
        ("The New York Times", "MediaOrganization"),
        ("Greenpeace", "Organization"),
    ],
)
def test_organisation_class_from_name(name, cls):
    assert organisation_class(name) == cls


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
