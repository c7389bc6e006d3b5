from __future__ import annotations

import pytest

# (text, expected (subject, kind, object) relations of known kinds)
CASES = [
    ("John Wilkes Booth, who assassinated President Lincoln, was an actor.",
     {("John Wilkes Booth", "killed", "Lincoln")}),
    ("Jane Smith of Boston, Massachusetts, joined the board.",
     {("Jane Smith", "livesIn", "Boston"), ("Jane Smith", "livesIn", "Massachusetts"),
      ("Boston", "locatedIn", "Massachusetts")}),
    # a sentence that relates nobody
    ("Angela Merkel and Emmanuel Macron both spoke about the weather.", set()),
    # a verdict or an admission states the killing; the weapon may stand between killer and killing
    ("Tom Reed was convicted of killing Ann Gray in 1990.", {("Tom Reed", "killed", "Ann Gray")}),
    ("Tom Reed pleaded guilty to murdering Ann Gray.", {("Tom Reed", "killed", "Ann Gray")}),
    ("Tom Reed fired the shots that killed Ann Gray.", {("Tom Reed", "killed", "Ann Gray")}),
    ("Tom Reed shot and killed Ann Gray outside the bank.", {("Tom Reed", "killed", "Ann Gray")}),
    # an attempt is no killing
    ("Tom Reed, the would-be assassin of Ann Gray, was arrested.", set()),
    ("The attempted murder of Ann Gray by Tom Reed shocked the town.", set()),
    # residence through what the sentence equates with the person: a clause about it, the age
    ("His sister, Mary Lane, who lives in Toledo, came too.", {("Mary Lane", "livesIn", "Toledo")}),
    ("John Dunn, 44, of Toledo, was arrested on Friday.", {("John Dunn", "livesIn", "Toledo")}),
    # 'of' a country says whose country it is, not where one lives
    ("Nathalie Dechy of France reached the final.", {("Nathalie Dechy", "nationality", "France")}),
    ("Mary Lane grew up in Toledo.", {("Mary Lane", "livesIn", "Toledo")}),
    # birthplace: through the person's apposition, or a birthplace noun
    ("The 30th president, Calvin Coolidge, was born in Plymouth, Vermont.",
     {("Calvin Coolidge", "bornIn", "Plymouth"), ("Calvin Coolidge", "bornIn", "Vermont"),
      ("Plymouth", "locatedIn", "Vermont")}),
    ("A grant for Lawrence Welk's North Dakota birthplace was cut.",
     {("Lawrence Welk", "bornIn", "North Dakota")}),
    # another clause says nothing of the place: the mayor was not born in Akron
    ("Anna Bell was born in Akron when Tom Reed was mayor.", {("Anna Bell", "bornIn", "Akron")}),
    # the parser hangs the place on a word of the organisation's name
    ("The Institute of Zoology of Kunming published the study.",
     {("Institute of Zoology", "basedIn", "Kunming")}),
    # the possessor holds the place, never the other way round
    ("Bosnia's capital, Sarajevo, hosted the games.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_typed_relations(read, text, expected):
    found = {(r.subject.name, r.kind, r.object.name) for r in read(text).relations if r.kind}
    assert found == expected
