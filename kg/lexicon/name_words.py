"""Words in and around names that tell what a name names or that it is no name: the last words of
organisations, facilities, events, laws and prizes, the first words of places that look like first
names, the nouns that say what a name is ('the film X') and the words that make a phrase a common
noun ('the next government')."""

from __future__ import annotations

from kg.lexicon.organisations import (
    COMPANY_WORDS,
    GOVERNMENT_WORDS,
    MEDIA_WORDS,
    RESEARCH_WORDS,
)

# Legal forms of a company: no name on their own ('AG' of 'Deutsche Bank AG').
LEGAL_SUFFIXES = frozenset("inc corp co ltd llc plc ag sa nv bv gmbh".split())
# Words naming a kind of organisation: alone ('the Bank', 'the Association') they are a fragment
# of a longer name, which coreference may find ('the Bank' -> Bank of England).
GENERIC_ORGANISATION_WORDS = frozenset(
    "bank association council group party union committee commission company corporation board "
    "federation league society institute university college ministry department agency authority "
    "organisation organization foundation trust club fund".split()
)
# Last words of the names of clubs, parties and other organisations that are no surname
# ('Leeds United', 'Lib Dems', 'Swiss Re').
ORGANISATION_END_WORDS = LEGAL_SUFFIXES | frozenset(
    "re group holdings fc afc club united rovers athletic wanderers albion hotspur "
    "dems democrats republicans conservatives tories liberals socialists party".split()
)
# Name words that confirm a built structure, an event, a law ("Millennium Stadium", "Davis Cup",
# "Kyoto Protocol"): the last word of the name, or the word before its 'of' / 'on'.
FACILITY_WORDS = frozenset(
    "stadium arena airport bridge tower station terminal harbour port dock hospital prison jail museum "
    "gallery theatre theater cathedral church abbey mosque temple synagogue palace castle hall house "
    "centre center building hotel casino racecourse circuit velodrome road street avenue lane square "
    "motorway highway tunnel dam canal park opera".split()
)
# Competitions and occasions ('Davis Cup', 'Cannes Film Festival') may be tagged as organisations;
# wars and disasters are events only where the tagger said so ('Stop the War' is a campaign).
OCCASION_WORDS = frozenset(
    "cup championship championships open games olympics olympiad tournament marathon marathons prix bowl "
    "festival awards summit conference election elections referendum".split()
)
# Words that make a place into an event's name when the tagger left them out ('US Open', 'Boston
# Marathon'); not 'Cup', which follows clubs' names ('Chelsea Cup run').
EVENT_NAME_ENDINGS = frozenset("open championships games olympics marathon".split())
EVENT_WORDS = OCCASION_WORDS | frozenset("war wars battle revolution earthquake tsunami hurricane".split())
POLICY_WORDS = frozenset("treaty act accord accords agreement charter protocol directive pact plan".split())
# ... and words that name a law only with its subject after them ('Convention on Human Rights'; a
# 'National Convention' is a party's meeting).
TOPICAL_POLICY_WORDS = frozenset({"convention", "treaty", "agreement"})
# Prizes are named things of no class of their own ('Booker Prize', 'Golden Bear'): plain entities.
AWARD_WORDS = frozenset("award prize prizes medal trophy".split())
# A number or Roman numeral ending a name ('World War II', 'Rocky IV'): the word before it is the head.
ORDINAL_WORDS = frozenset("i ii iii iv v vi one two three".split())
# Facility words that also end organisations' names ('Carnegie Hall', 'White House'): an ORG keeps
# its kind unless its name ends with one of these.
ORGANISATION_FACILITY_WORDS = frozenset("stadium arena airport bridge".split())
# Places and organisations, never people: a name ending with one of these is no person ('Leeds
# United', 'Hampden Park', 'Davis Cup', 'Morgan Stanley Bank').
NOT_PERSON_END_WORDS = (
    ORGANISATION_END_WORDS | FACILITY_WORDS | EVENT_WORDS | POLICY_WORDS | AWARD_WORDS | GOVERNMENT_WORDS | COMPANY_WORDS
    | RESEARCH_WORDS | MEDIA_WORDS | GENERIC_ORGANISATION_WORDS
    | frozenset("city town county village island islands river lake bay beach valley hills mountains falls "
                "forest harbour airways national international global capital financial securities partners "
                "brothers bros mail express energy insurance mutual entertainment records pictures studios "
                "stores foods fair exchange".split())
)
# First words that begin the names of places and things and are in the first-name dictionary too
# ('Santa Barbara', 'River Tyne', 'Le Figaro', 'El Salvador', 'Al Jazeera').
NOT_FIRST_NAMES = frozenset(
    "saint santa san st st. mount fort port lake cape river royal grand new north south east west great "
    "al el le la les los las il lo da de di du der die das del".split()
)
# Lower-case words between a first name and a surname ('Rafael de la Cruz').
NAME_PARTICLES = frozenset("de del della di da dal dos das van von der den du la le al bin ibn ter".split())
# Nouns right before a name that say what it is ('the film Vera Drake', 'the browser Firefox').
CREATIVE_WORK_NOUNS = frozenset(
    "film movie album single song book novel play musical opera show series sitcom drama "
    "documentary programme program soap hit painting poem titled entitled".split()
)
PRODUCT_NOUNS = frozenset("phone handset smartphone console browser car jet airliner aircraft drug vaccine laptop".split())
# Adjectives that place a common noun in time or order ('the present government', 'the next
# Labour government', 'the former Soviet Union'): no part of a name.
DETERMINER_ADJECTIVES = frozenset(
    "present next former new previous current last future incoming outgoing then late existing "
    "interim same whole entire".split()
)
# A name may be written all in lower case only when it heads on one of these ('the mines ministry').
LOWER_CASE_NAME_HEADS = frozenset("ministry department bureau".split())  # not "the news agency"
# Words of web-page furniture that the tagger takes for names.
PAGE_FURNITURE_WORDS = frozenset(
    "reply comment comments subscribe newsletter desk newsroom staff advertisement copyright "
    "login signup".split()
)


def bare_word(word: str) -> str:
    """A word as the word lists hold it: 'Theatre.' -> 'theatre'."""
    return word.lower().strip(".,;:'’")
