from __future__ import annotations

from kg.lexicon.pronouns import (
    FIRST_PERSON_PRONOUNS,
    IMPERSONAL_PRONOUNS,
    PRONOUN_GENDERS,
    SECOND_PERSON_PRONOUNS,
    THIRD_PERSON_PRONOUNS,
)


def test_each_pronoun_has_one_person():
    persons = (FIRST_PERSON_PRONOUNS, SECOND_PERSON_PRONOUNS, THIRD_PERSON_PRONOUNS)
    assert sum(len(person) for person in persons) == len(set().union(*persons))


def test_pronouns_for_things_and_genders_are_third_person():
    assert IMPERSONAL_PRONOUNS <= THIRD_PERSON_PRONOUNS
    assert set(PRONOUN_GENDERS) <= THIRD_PERSON_PRONOUNS
