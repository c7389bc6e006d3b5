from __future__ import annotations

import pytest

from kg.lexicon.name_words import FACILITY_WORDS, NOT_PERSON_END_WORDS, bare_word


@pytest.mark.parametrize(("word", "bare"), [("Theatre.", "theatre"), ("Stadium,", "stadium"), ("Reuters'", "reuters")])
def test_a_word_as_the_lists_hold_it(word, bare):
    assert bare_word(word) == bare


def test_a_name_ending_on_a_facility_word_is_no_person():
    assert FACILITY_WORDS <= NOT_PERSON_END_WORDS
