from __future__ import annotations

import pytest

from kg.extract.mentions.person_names import SIGNATURE, is_person_name


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


@pytest.mark.parametrize(("text", "expected"), [
    # a name alone on the rest of the line after a quote and a dash signs the quote
    ("“Prices will fall and wages will rise.” ― Adaeze N Okonkwo\n", ["Adaeze N Okonkwo"]),
    ("“Prices will fall and wages will rise.”― Adaeze Okonkwo.\n", ["Adaeze Okonkwo"]),
    # not one word, nor words that go on after the name, nor a dash that follows no quote
    ("“Prices will fall and wages will rise.” ― Adaeze\n", []),
    ("“Prices will fall.” ― Adaeze Okonkwo said on Monday\n", []),
    ("Prices will fall ― Adaeze Okonkwo\n", []),
])
def test_what_signs_a_quote(text, expected):
    assert [m.group(1) for m in SIGNATURE.finditer(text)] == expected


def test_a_signed_quote_has_its_signer_as_speaker_whether_or_not_the_tagger_found_the_name(read):
    text = ("“Prices will fall and wages will rise, and nobody will notice.” ― Tolulope Adaeze Okonkwo\n\n"
            "“The mine will close before the winter comes to the valley.” ― Chidi Obiora Eze\n")
    assert {(c.speaker.text, c.evidence.rule) for c in read(text).claims} == {
        ("Tolulope Adaeze Okonkwo", "signed-quote"), ("Chidi Obiora Eze", "signed-quote")}
