from __future__ import annotations

import pytest

# (text, expected (person, title, kind, organisation) roles)
CASES = [
    # appositive with a for-phrase
    ("Jane Doe, a spokeswoman for the Ministry of Finance, declined to comment.",
     {("Jane Doe", "spokeswoman", "spokespersonFor", "Ministry of Finance")}),
    # appositive with of / at ... in
    ("John Smith, president of Acme Corp, resigned.", {("John Smith", "president", "leads", "Acme Corp")}),
    ("Mary Major, a researcher at Oxford University in England, said prices would rise.",
     {("Mary Major", "researcher", "worksFor", "Oxford University")}),
    # possessive with the name in apposition
    ("Acme Corp's chief executive, Bob Jones, spoke on Monday.",
     {("Bob Jones", "chief executive", "leads", "Acme Corp")}),
    # title before the name; an organisation inside the title is the employer
    ("White House economic adviser Kevin Brown spoke on Monday.",
     {("Kevin Brown", "economic adviser", "worksFor", "White House")}),
    # a subject word in the title is not an employer: which country's commerce secretary is unknown
    ("Mines Secretary Jane Doe arrived.", {("Jane Doe", "Mines Secretary", "worksFor", None)}),
    # a bare kind of organisation in the title is the one the passage talks about
    ("The Ministry of Foreign Affairs held a briefing on Monday. Ministry spokesperson Lin Wei said the talks were useful.",
     {("Lin Wei", "Ministry spokesperson", "spokespersonFor", "Ministry of Foreign Affairs")}),
    # copula, with a pronoun resolved to the person
    ("Mary Major arrived early. She is the president of the Royal Society.",
     {("Mary Major", "president", "leads", "Royal Society")}),
    # 'X of Y' for an organisation: works for, title unknown
    ("Anna Lee of Acme Corp told reporters the plant would stay open.",
     {("Anna Lee", "", "worksFor", "Acme Corp")}),
    # a vice president does not lead
    ("Tom Green, vice president of Acme Corp, resigned.", {("Tom Green", "vice president", "worksFor", "Acme Corp")}),
    # AP abbreviations are titles: a governor leads the state before the title
    ("Illinois Gov. James Thompson signed the bill.", {("James Thompson", "Gov.", "leads", "Illinois")}),
    # a noun between the name and the position is what the position is of: the nightclub, not Dallas
    ("Dallas nightclub owner Jack Ruby shot him.", {("Jack Ruby", "nightclub owner", "leads", None)}),
    # a department's name before the position is no other thing it is of
    ("US Mines Secretary Don Evans arrived.", {("Don Evans", "Mines Secretary", "worksFor", "US")}),
    # a place holds public offices, not a film director's or an economist's
    ("Hong Kong director Wong Kar-Wai won the award.", {("Wong Kar-Wai", "director", "leads", None)}),
    ("Ross Walker, UK economist at Royal Bank of Scotland, said rates would rise.",
     {("Ross Walker", "economist", "worksFor", "Royal Bank of Scotland")}),
    # a rank is a title, not part of the name
    ("Coast Guard spokesman Lt. Pat Philbin said the sea was calm.",
     {("Pat Philbin", "spokesman", "spokespersonFor", "Coast Guard")}),
    ("Coast Guard spokesman Capt. Pat Philbin said the sea was calm.",
     {("Pat Philbin", "spokesman", "spokespersonFor", "Coast Guard")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_roles(read, text, expected):
    found = {
        (r.person.name, r.title, r.kind, r.organisation.name if r.organisation else None)
        for r in read(text).roles
    }
    assert found == expected


def test_titles_are_not_part_of_names(read):
    names = {m.name for m in read("Prime Minister Jane Doe met Dr. John Smith.").mentions}
    assert names == {"Jane Doe", "John Smith"}
