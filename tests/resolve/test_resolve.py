from __future__ import annotations

from tests.resolve.conftest import check_merges


def test_fuller_names_are_one_person_before_a_lone_surname_looks_for_its_owner():
    # middle_names runs before short_names: 'George W. Bush' and 'George Bush' are one person by
    # then, so a lone 'Bush' fits one person, not two it could not tell apart
    check_merges([[("George W. Bush", "Person")], [("George Bush", "Person")], [("Bush", "Person")]],
                 {"George W. Bush", "George Bush", "Bush"}, set())


def test_a_nickname_joins_a_person_the_rules_before_it_made_one():
    # blended_nicknames counts people as the rules before it merged them: 'Lindsay Lohan' of two
    # articles is one person, so 'LiLo' fits one person, not two
    check_merges([[("Lindsay Lohan", "Person")], [("Lindsay Lohan", "Person")], [("LiLo", "Person")]],
                 {"Lindsay Lohan", "LiLo"}, set())
