from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.lexicon.non_prose import non_prose_lines, non_prose_rule

# (line, the rule that sets it aside; None for prose)
LINES = [
    # results, scores, rankings, scorers, attendances, dates
    ("Chelsea 2-1 Arsenal", "result"),
    ("X (Italy) 157", "result"),
    ("13 Karolina Sprem (Croatia)", "result"),
    ("Riise 1, Nunez 113.", "result"),
    ("42,093", "result"),
    ("Tuesday, 1 March", "result"),
    # standings and market tables
    ("FTSE 100 4,820.1 +12.3 up 0.3%", "figure_table"),
    ("Chelsea\t25\t19\t62", "column_table"),
    ("Revenue    1.2bn    1.1bn", "column_table"),
    # squad and line-up lists, with or without a label
    ("Ireland: G Murphy; G Dempsey, B O'Driscoll, S Horgan, D Hickie; R O'Gara, P Stringer", "semicolon_list"),
    ("Subs: Marshall, Henchoz, Juninho Paulista, Lambert, Maloney", "name_list"),
    ("Replacements: Priscott for Roberts (71), Green for Dowd (71), Skivington for Shaw (71)", "name_list"),
    ("G Intoppa, S Perugini, CA del Fava, D dal Maso, P Griffen, M Barbini, KP Robertson.", "name_list"),
    ("AC Milan, Bayer Leverkusen, Internazionale, Juventus, Lyon.", "name_list"),
    ("Subs not used: Hamann, Harrison.", "labelled_list"),
    ("Result: Nadal 6-7 (6/8) 6-2 7-6 (8/6) 6-2 Roddick", "labelled_list"),
    # semicolon lists
    ("- Tim Dams, Screen International: Film - The Aviator; director - Clint Eastwood; actor - Jamie Foxx; "
     "actress - Hilary Swank.", "semicolon_list"),
    # odds
    ("9-2 Smith, 5-1 Jones, 7-1 Brown", "name_list"),
    # bylines
    ("By John Smith", "byline"),
    ("By John Smith, BBC News business reporter", "byline"),
    # headings and captions that are no sentence
    ("The All Blacks", "heading"),
    ("Chelsea v Birmingham", "heading"),
    ("Lansdowne Road, Dublin", "heading"),
    ("S Bennett (Kent).", "heading"),
    # prose: a score, figures or a list inside a sentence
    ("The Kiwis shocked the rugby world with a 9-3 triumph in Wellington, sparking celebrations.", None),
    ("Chelsea beat Porto 2-1.", None),
    ("He ran 10.2 in 2004, 10.1 in 2005 and 9.98 in 2006.", None),
    ("The ODPM data showed the average house price was £192,713 in England; £139,544 in Wales; "
     "£116,542 in Scotland.", None),
    ("Germany, France, Italy and Spain objected.", None),
    ("Mr Smith, 45, of London, died.", None),
    ("Regina M. Benjamin, MD, MBA, is Founder and CEO of the Bayou La Batre Rural Health Clinic in "
     "Bayou La Batre, Alabama.", None),
    # prose: datelines, and sentences that open with 'By'
    ("LONDON (Reuters) - The company said profits rose 5% in the third quarter.", None),
    ("By the end of 2004 Microsoft aims to launch search software.", None),
    ("By Christmas Day, the shops had sold out.", None),
    # prose: headline-style sentences, in title case or capitals, and bullet points
    ("Rand Paul Scores Direct Hit On Donald Trump.", None),
    ("Microsoft Launches Emergency Patch for Internet Explorer", None),
    ("EXPERTS DOWNPLAY PLANNED NORTH KOREA LAUNCH.", None),
    ("Winners meet in final match", None),
    ("- Raised the income-tax threshold to 100,000 rupees ($2,300)", None),
    ("Clark Boyd is technology correspondent for The World, a BBC World Service and WGBH-Boston co-production",
     None),
    ("Goal!", None),
]


@pytest.mark.parametrize(("line", "rule"), LINES)
def test_lines(line, rule):
    assert non_prose_rule(line) == rule


# (article, the lines set aside): the first line is the headline, and the lines around a line matter
ARTICLES = [
    # a headline is read whatever its shape, in title case or like a result
    ("Chile Says Some Rare Earths Exports Approved Ahead of Trade Talks With US\n\n"
     "Chile has approved some export licences, the ministry said.\n", []),
    ("Chelsea 2-1 Arsenal\n\nChelsea beat Arsenal on Sunday.\nChelsea 2-1 Arsenal\n", ["Chelsea 2-1 Arsenal"]),
    # a label over what is not a sentence is set aside; over a quotation or a sentence it is read
    ("All Blacks name squad\n\nThe squad was named on Monday.\n\nPlaying colours:\n\nAll black\n",
     ["Playing colours:"]),
    ("Talks end\n\nLimbaugh added:\n\n\"We will win this one.\"\n", []),
    ("Talks end\n\nThe governor added:\n\nThe state will appeal the ruling.\n", []),
    # a piece of a sentence broken over lines (names cut out of the text) is read
    ("English clubs make history\n\nOn Tuesday,\n\nfinished top of their group with a 5-1 win.\n", []),
    ("Newry fight on\n\nNews Letter\n\n. ''We want an explanation,'' he said.\n", []),
]


@pytest.mark.parametrize(("text", "set_aside"), ARTICLES)
def test_articles(text, set_aside):
    assert [text[start:end] for start, end in non_prose_lines(text)] == set_aside


def test_spans_are_whole_lines_without_the_line_break():
    text = "Arsenal lose\n\nChelsea 2-1 Arsenal\nArsenal lost on Sunday.\n"
    assert non_prose_lines(text) == [(14, 33)]


SQUAD_ARTICLE = """Robinson names England side

England coach Andy Robinson named Jason Robinson as captain for Saturday's match against Wales at Twickenham.

England: J Robinson (Sale Sharks, capt); M Cueto (Sale Sharks), J Noon (Newcastle), O Barkley (Bath), J Lewsey (Wasps); C Hodgson (Sale Sharks), H Ellis (Leicester).

Subs Not Used: Macken, Weaver, Onuoha, Jordan.

Forwards: Nicolas Mas, Sylvain Marconnet, Olivier Milloud, William Servat, Sebastien Bruno.
"""


def _records_on_lines(extraction, lines: list[tuple[int, int]]) -> list:
    return [record for record in (*extraction.relations, *extraction.roles, *extraction.claims)
            if any(record.evidence.sentence.start < end and start < record.evidence.sentence.end
                   for start, end in lines)]


def test_nothing_is_read_from_a_squad_list_but_the_prose_still_is(read, monkeypatch):
    lists = non_prose_lines(SQUAD_ARTICLE)
    assert [SQUAD_ARTICLE[s:e].split(":")[0] for s, e in lists] == ["England", "Subs Not Used", "Forwards"]
    extraction = read(SQUAD_ARTICLE)
    assert extraction.set_aside_lines == 3
    assert _records_on_lines(extraction, lists) == []
    assert ("Andy Robinson", "name", "Jason Robinson") in {
        (r.subject.name, r.predicate, r.object.name) for r in extraction.relations}
    assert ("Andy Robinson", "coach") in {(r.person.name, r.title) for r in extraction.roles}
    # read as sentences, the lists give relations between players, and 'Forwards' as a speaker
    monkeypatch.setattr("kg.extract.records.non_prose_lines", lambda text: [])
    assert _records_on_lines(read(SQUAD_ARTICLE), lists) != []


@given(st.text(alphabet=st.sampled_from("Ab1 2-,;:.\n\t(")))
def test_spans_are_whole_lines_and_never_the_headline(text):
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    assert set(non_prose_lines(text)) <= set(lines[1:])
