"""Words for positions people hold, shared by mentions (titles are not part of a name), coreference
("the spokesman" -> the person introduced as one) and roles (which relation a position makes)."""

from __future__ import annotations

from kg.model import RelationKind

# Position noun -> the ontology property linking the holder to the organisation.
ROLE_KINDS = {
    **dict.fromkeys(
        "spokesman spokeswoman spokesperson spokespeople mouthpiece".split(), RelationKind.spokespersonFor),
    **dict.fromkeys(
        "president chairman chairwoman chairperson chair chief ceo head director leader governor "
        "mayor premier chancellor founder owner boss commander principal dean".split(), RelationKind.leads),
    # AP abbreviations before a name: 'Illinois Gov. James Thompson', 'Sen. Bob Dole', 'Rep. Ted Weiss'
    "gov.": RelationKind.leads,
    **dict.fromkeys("sen. rep.".split(), RelationKind.worksFor),
    **dict.fromkeys("member members delegate delegates".split(), RelationKind.memberOf),
    **dict.fromkeys(
        "minister secretary adviser advisor official officer researcher analyst economist "
        "professor executive employee reporter correspondent editor lawyer attorney ambassador "
        "envoy negotiator representative senator congressman congresswoman lawmaker manager "
        "scientist engineer strategist consultant deputy fellow partner "
        "staffer aide coach captain commissioner general admiral inspector prosecutor judge "
        "treasurer auditor investigator expert specialist".split(), RelationKind.worksFor),
}
ROLE_WORDS = frozenset(ROLE_KINDS)
# Courtesy titles: dropped from names, never roles.
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof.".split())
# Military and police ranks, abbreviated, before a name: 'Coast Guard spokesman Lt. Pat Philbin'.
RANKS = frozenset("lt. col. gen. sgt. cpl. capt. maj. cmdr. adm. pvt. insp. supt. det.".split())
TITLE_WORDS = ROLE_WORDS | HONORIFICS | RANKS


def role_kind(title: str) -> str | None:
    """The relation a title makes: the last position word decides ('deputy prime minister' -> worksFor,
    'vice president' -> leads is wrong, so a 'vice'/'deputy'/'assistant' prefix means worksFor)."""
    words = title.lower().replace("-", " ").split()
    if "chief" in words[:-1] and words[-1] in ("executive", "officer"):
        return RelationKind.leads  # chief executive, chief executive officer
    for index in range(len(words) - 1, -1, -1):
        kind = ROLE_KINDS.get(words[index])
        if kind is not None:
            if kind == RelationKind.leads and set(words[:index]) & {"vice", "deputy", "assistant", "associate"}:
                return RelationKind.worksFor
            return kind
    return None


def is_honorific_or_rank(word: str) -> bool:
    """'Dr', 'Mr.', 'Lt', 'Capt.': never a name on its own (unlike 'Dean' or 'Judge', also positions)."""
    lower = word.lower()
    return lower in HONORIFICS or lower in RANKS or lower + "." in HONORIFICS | RANKS


def is_title_word(word: str) -> bool:
    """'Minister', 'Dr', 'Capt.', and 'Capt' (the tagger splits off the full stop)."""
    lower = word.lower()
    return lower in TITLE_WORDS or lower + "." in TITLE_WORDS
