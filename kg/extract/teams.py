"""Teams named after a place: 'France beat Ireland 24-17', 'the Ireland coach', 'scored for Italy',
'Burnley v Liverpool'. The tagger reads those names as the place; in a sports story they name the
team, and a graph that says 'France beat Ireland' of two countries, or 'Birmingham City is a
city', is wrong.

A place's name is a team's in an article when the article uses it as one once in a strong way or
twice in a weaker one. Strong: 'X v Y'; a score beside the name ('Ireland 19-13 England'); 'for
X' after a word of playing or scoring ('won his 50th cap for Ireland'); an opponent after a word
of a match ('the game against Wales'); the subject or object of a match verb, with a name on the
other side, in a sentence with a score ('France beat Ireland 24-17'). Weaker: the same without a
score ('Chile beat the US in the race for markets' may be no match); a squad word after the name
('the Ireland coach', "France's fly-half"). The other side of a team's match is a team too, and
once a story has a team, so is any nation that acts in it ('England scored first'). A record in
brackets is strong too ('Indianapolis (11-4)'), and in a match report that names a club after a
town ('Indianapolis Colts'), the town acting ('Indianapolis lost', 'the Indianapolis defense'; not 'in
Indianapolis') is that club. A town the article writes with its region ('Jacksonville, Fla.') stays
the town.

Then every mention of that name in the article is the team's. A team named after a country or a
nation ('Wales') is '<name> national team': the country stays the country elsewhere, and its
demonym stays a nationality ('the Irish flanker'). A team named after a town keeps its name
('Burnley', 'Birmingham City'). Organisations the tagger already took for one ('Arsenal') keep
their class: a club is an organisation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extract.doc_lookups import sentence, sentences
from kg.extract.places import region_pairs
from kg.lexicon.geo import is_nation
from kg.lexicon.names import normalise
from kg.lexicon.organisations import ORGANISATION_KIND_WORDS
from kg.model import PLACE_CLASSES, EntityClass, Mention

TEAM_CLASS = EntityClass.SportsTeam
# Verbs of a match whose subject or object is a team: 'France beat Ireland', 'lost to England'.
MATCH_VERBS = frozenset(
    "beat defeat lose draw play face thrash edge overcome trounce hammer outplay whitewash "
    "crush rout stun upset eliminate knock concede".split())
# Nouns of a squad after a team's name: 'the Ireland coach', "France's fly-half" (not 'team' nor
# 'side': 'the US team of negotiators').
SQUAD_WORDS = frozenset(
    "coach captain skipper squad fly-half scrum-half winger flanker hooker full-back "
    "striker midfielder defender goalkeeper keeper selector selectors debut line-up lineup".split())
# Words a club's name may end in after its town ('Boston Red Sox'): one or two.
MAX_NICKNAME_WORDS = 2
# Plurals that end names of other things than clubs: 'Human Rights', 'United States', 'Six Nations'.
NOT_NICKNAMES = frozenset("rights states islands nations affairs services forces news times games olympics".split())
# Nouns of what a club has besides its squad: 'the Indianapolis defense', 'Indianapolis territory'.
CLUB_WORDS = frozenset("offense offence defense defence record line territory fans roster franchise".split())
# Nouns of a match, whose opponent follows: 'the game against Wales', 'victory over France'.
MATCH_NOUNS = frozenset("game match tie clash fixture encounter test victory win defeat loss draw decider final "
                        "semi-final quarter-final showdown opener friendly qualifier".split())
# What a team does in a sports story: it is the subject, object or owner of something.
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss"})
# 'for X' after these: 'scored for Italy', 'his 50th cap for Ireland', 'a debut for Wales'.
PLAYING_FOR_WORDS = frozenset("play score kick cap debut appearance start feature goal try".split())
OPPONENT_PREPOSITIONS = frozenset({"to", "with", "against"})
MATCH_MARKS = frozenset({"v", "vs", "v.", "vs."})
SCORE = re.compile(r"^\d{1,3}-\d{1,3}$")
STRONG_USES = 1
WEAK_USES = 2


def as_teams(doc: Doc, mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions, with those of a place's name that the article uses as a team's made the team's."""
    mentions = list(mentions)
    spans = {m: doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions}
    # a story that writes 'in Jacksonville, Fla.' means the town by that name (an article's name is
    # one thing in it)
    with_region = {normalise(town.text) for town, *_ in region_pairs(doc)}
    places = [m for m in mentions if _named_after_a_place(m) and spans[m] is not None and _is_proper(spans[m])
              and normalise(m.text) not in with_region]
    strong, weak = Counter(), Counter()
    for mention in places:
        use = _team_use(spans[mention])
        if use == "strong":
            strong[normalise(mention.text)] += 1
        elif use == "weak":
            weak[normalise(mention.text)] += 1
    teams = {name for name in strong | weak if strong[name] >= STRONG_USES or weak[name] >= WEAK_USES}
    # 'Indianapolis lost' in a story that names the 'Indianapolis Colts': the town's name is the club's
    clubs = _towns_of_clubs(mentions) if _reports_a_match(doc) else set()
    teams |= {normalise(m.text) for m in places if normalise(m.text) in clubs and _acts(spans[m].root)}
    # the other side of a team's match is a team too: 'how France will play against Ireland'
    named_by = {token.i: normalise(m.text) for m in places for token in spans[m]}
    teams |= {normalise(m.text) for m in places
              if any(named_by.get(side.i) in teams for side in _opponents(spans[m].root))}
    if teams:
        # a sports story: a nation that acts in it is a team too ('England scored first', 'Ireland
        # raced upfield', "into Ireland's half"); a country merely named stays one ('in Dublin, Ireland')
        teams |= {normalise(m.text) for m in places
                  if is_nation(m.text) and spans[m].root.dep_ in ACTING_DEPS}
    return [_team(m) if m in places and normalise(m.text) in teams else m for m in mentions]


def _named_after_a_place(mention: Mention) -> bool:
    """A place's name, or a nation's that the tagger took for an organisation ('Wales' in 'for Wales')."""
    return mention.cls in PLACE_CLASSES or mention.cls == EntityClass.Organization and is_nation(mention.text)


def _team(mention: Mention) -> Mention:
    if mention.cls == EntityClass.Country or is_nation(mention.text):
        return replace(mention, cls=TEAM_CLASS, refers_to=f"{mention.name} national team")
    return replace(mention, cls=TEAM_CLASS)


def _is_proper(span: Span) -> bool:
    """'Ireland', 'Birmingham City'; not the demonym 'Irish' (a nationality)."""
    return span.root.pos_ == "PROPN"


def _team_use(span: Span) -> str | None:
    """'strong' or 'weak' when this mention of a place's name is used as a team's, else None."""
    root, doc = span.root, span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.lower_ in MATCH_MARKS or after is not None and after.lower_ in MATCH_MARKS:
        return "strong"  # 'Burnley v Liverpool'
    if _score_at(doc, span.end) or _score_at(doc, span.start - 3) or _score_at(doc, span.start - 1):
        return "strong"  # 'Ireland 19-12', 'Ireland 19-13 England'
    if after is not None and after.text == "(" and _score_at(doc, span.end + 1):
        return "strong"  # 'Indianapolis (11-4) took the lead': a team's record
    if _played_for(root) or _opponent_in_a_match(root):
        return "strong"
    if _opponents(root):
        # 'France beat Ireland 24-17'; without a score, 'Chile beat the US in the race for markets' may be no match
        sent = sentence(root)
        return "strong" if any(_score_at(doc, i) for i in range(sent.start, sent.end)) else "weak"
    if root.dep_ in ("compound", "poss", "nmod") and _word_at(root.head) in SQUAD_WORDS \
            or after is not None and _word_at(after) in SQUAD_WORDS:
        return "weak"  # 'the Ireland coach', "France's fly-half", 'England fly-half Charlie Hodgson'
    return None


def _towns_of_clubs(mentions: list[Mention]) -> set[str]:
    """The towns the article's clubs are named after: 'indianapolis' for 'Indianapolis Colts', 'boston'
    for 'Boston Red Sox' (a nickname of one or two capitalised words ending in a plural); 'kansas
    city' and 'kansas' for 'Kansas City Chiefs', as only a place mention of the article can match."""
    towns = set()
    for mention in mentions:
        words = mention.text.split()
        if mention.cls in PLACE_CLASSES or mention.cls == EntityClass.Person or not _is_plural_nickname(words[-1]):
            continue
        for size in range(max(len(words) - MAX_NICKNAME_WORDS, 1), len(words)):
            nickname = words[size:]
            if all(w[:1].isupper() and w.isalpha() and w.lower() not in ORGANISATION_KIND_WORDS for w in nickname):
                towns.add(normalise(" ".join(words[:size])))
    return towns


def _reports_a_match(doc: Doc) -> bool:
    """A sentence gives a score with a word of a match: 'a 31-24 win over the Jaguars', 'Burnley beat
    Leeds 2-1' (a company's 'Circuit City Stores' is no club: its story has no match)."""
    for sent in sentences(doc):
        words = {_word_at(token) for token in sent}
        if words & (MATCH_NOUNS | MATCH_VERBS) and any(_score_at(doc, i) for i in range(sent.start, sent.end)):
            return True
    return False


def _is_plural_nickname(word: str) -> bool:
    """'Colts', 'Jaguars', 'Sox'; not 'Rights', 'States' of a place's name, 'Press', 'Campus'."""
    return (word[:1].isupper() and word.isalpha() and word.endswith(("s", "x"))
            and not word.endswith(("ss", "us", "is")) and word.lower() not in NOT_NICKNAMES)


def _acts(root: Token) -> bool:
    """'Indianapolis lost', 'led Indianapolis downfield', "Indianapolis' head coach", 'the
    Indianapolis defense': a subject or object, or the owner of its squad; not 'in Indianapolis'."""
    if root.dep_ in ("nsubj", "dobj", "dative"):
        return True
    return root.dep_ in ("poss", "compound") and _word_at(root.head) in SQUAD_WORDS | CLUB_WORDS


def _word_at(token: Token) -> str:
    """The word the token is part of, in lower case, hyphens joined back: 'fly-half', 'semi-final'
    (the tagger splits them in three)."""
    doc, i = token.doc, token.i
    start = i - 2 if i >= 2 and doc[i - 1].text == "-" else i
    end = i + 2 if i + 2 < len(doc) and doc[i + 1].text == "-" else i
    return "".join(t.text for t in doc[start : end + 1]).lower() if start != end else token.lemma_.lower()


def _score_at(doc: Doc, i: int) -> bool:
    """'24-17' at token i, as one token or three ('24', '-', '17')."""
    if not 0 <= i < len(doc):
        return False
    if SCORE.match(doc[i].text):
        return True
    return i + 2 < len(doc) and SCORE.match(doc[i].text + doc[i + 1].text + doc[i + 2].text) is not None


def _opponents(root: Token) -> list[Token]:
    """'France beat Ireland', 'Ireland lost to England': the names on the other side of a match
    verb that has this name as its subject or object."""
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ in OPPONENT_PREPOSITIONS:
        verb = verb.head  # 'lost to England', 'drew with Wales'; not 'beat Ireland in Dublin'
    elif root.dep_ == "pobj":
        return []
    if verb.lemma_.lower() not in MATCH_VERBS or root.dep_ not in ("nsubj", "dobj", "pobj"):
        return []
    sides = [c for c in verb.children if c.dep_ in ("nsubj", "dobj")]
    sides += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in OPPONENT_PREPOSITIONS
              for g in c.children if g.dep_ == "pobj"]  # not 'in Tokyo', 'on Monday'
    return [t for t in sides if t.i != root.i and t.pos_ == "PROPN"]


def _opponent_in_a_match(root: Token) -> bool:
    """'the game against Wales', 'a 24-17 victory over France', 'defeat to Ireland', 'playing
    against France'; not 'sanctions against Iran'."""
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ not in ("against", "over", "to"):
        return False
    word = _word_at(preposition.head)
    return word in MATCH_NOUNS or preposition.lower_ == "against" and preposition.head.lemma_.lower() in MATCH_VERBS


def _played_for(root: Token) -> bool:
    """'scored for Italy', 'his 50th cap for Ireland', 'kicked the winning penalty for Wales'."""
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ != "for":
        return False
    word = preposition.head
    return word.lemma_.lower() in PLAYING_FOR_WORDS or word.dep_ == "dobj" and word.head.lemma_.lower() in PLAYING_FOR_WORDS
