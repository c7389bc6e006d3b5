from __future__ import annotations

import pytest

from kg.extract.mentions.person_names import is_person_name


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
