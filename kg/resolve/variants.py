"""Variants of one name: abbreviations and spellings, and a shorter name inside a longer one.

'Mt Cook' = 'Mount Cook', 'Betty Ford Centre' = 'Betty Ford Center', 'U. S. Surgeon General' =
'U.S. Surgeon General', 'Central Elections Commission' = 'Central Election Commission' compare
equal once written one way (`variant_words`). A name contained in another joins it when what the
longer adds is a leading qualifier ('Malibu Promises Treatment Center' = 'Promises Treatment
Center') or a word for a kind of organisation ('Morningside Recovery Center' = 'Morningside
Recovery'), and the shorter name fits only that one: in its own article, or in the corpus when the
two articles also name the same other entities.
"""

from __future__ import annotations

import re
from collections import defaultdict

from kg.lexicon.dates import MONTHS, WEEKDAYS
from kg.lexicon.geo import country_id
from kg.lexicon.organisations import GOVERNMENT_WORDS, MEDIA_WORDS
from kg.model import GENERIC_CLASS, ORGANISATION_CLASSES, PLACE_CLASSES, EntityClass
from kg.resolve.article import FUNCTION_WORDS, LocalName
from kg.resolve.merger import Context, Merger
from kg.resolve.names import LEGAL_SUFFIXES, SHORT_NAME_LETTERS
from kg.resolve.organisations import (
    ORGANISATION_KIND_WORDS,
    PORTFOLIO_WORDS,
    is_national_body,
    letters_run_together,
    singular,
)
from kg.resolve.teams import is_place_named_team

# Abbreviations written anywhere in a name, and British spellings, as one written form.
ABBREVIATIONS = {
    "mt": "mount", "mtn": "mountain", "ft": "fort", "corp": "corporation", "co": "company", "dept": "department",
    "intl": "international", "natl": "national", "univ": "university", "assn": "association",
    "bros": "brothers", "govt": "government", "mfg": "manufacturing", "hosp": "hospital",
    "centre": "center", "theatre": "theater", "defence": "defense", "programme": "program",
}
# Abbreviations whose meaning depends on where they stand: 'St Louis' (Saint) but 'Main St'
# (Street); 'NE Philadelphia' (a compass point) but 'Omaha, NE' (a state).
FIRST_WORD_ABBREVIATIONS = {"st": "saint", "ne": "northeast", "nw": "northwest", "se": "southeast", "sw": "southwest"}
LAST_WORD_ABBREVIATIONS = {"st": "street", "ave": "avenue", "rd": "road", "blvd": "boulevard"}
# British '-isation' is American '-ization' ('Organisation' = 'Organization').
ISATION = re.compile(r"isation(s?)$")
# A plural inside an organisation's name of three words or more is the same name in the
# singular ('Central Elections Commission'); the last word keeps its 's' ('Colts' is no 'Colt').
MIN_WORDS_FOR_PLURALS = 3
# Words that add a kind to a name without changing what it names ('Staunton Police Department').
# Words for a place of treatment, which one article may use in turn for one place ('Betty Ford
# Center', 'Betty Ford Clinic').
CARE_WORDS = frozenset({"center", "clinic"})
KIND_WORDS = ORGANISATION_KIND_WORDS | LEGAL_SUFFIXES | CARE_WORDS
# A park or reserve named after what it protects ('Mount Cook National Park', 'Yosemite National
# Park'): news names the mountain or valley for the park and the park for the mountain.
PARK_WORDS = (("national", "park"), ("national", "forest"), ("national", "monument"), ("state", "park"))
# Days and months, which the tagger sometimes takes for a name ('Sunday' before 'Sunday Times').
CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)
# Words a name may add before its kind word and still be the one-word name's ('Acme Mining Corp.').
MAX_ADDED_WORDS = 1
# Other entities two articles must name both for a contained name to join across them, as
# for a misspelling (spelling.MIN_SPELLING_CONTEXT): a shorter name says less than the full one.
MIN_CONTAINMENT_CONTEXT = 3
# Words before a name that make another thing of it: a compass point another place ('South
# Richmond Hill'), a negation or a time another group or body ('non-Roma Czechs', 'former Soviet
# Union', 'shadow Treasury'); a number or an ordinal another unit ('2nd Battalion', 'Team III').
OTHER_THING_WORDS = frozenset("north south east west northeast northwest southeast southwest upper lower "
                              "non anti ex former pro post pre shadow".split())
# Compass points, which name a region written apart and a brand written together ('South West',
# 'Southwest'); a name with one is never joined to another with its spaces taken out.
COMPASS_WORDS = frozenset("north south east west northeast northwest southeast southwest".split())
# 'Evansville - Indiana State': two names a dash joins (a game, a route) contain each, and are neither.
SPACED_DASH = re.compile(r"\s[-–—]\s")
# Names of a contained name's kind: organisations, places, or a name of unsure kind with either.
FAMILIES = {**{cls: "organisation" for cls in ORGANISATION_CLASSES}, **{cls: "place" for cls in PLACE_CLASSES}}


def variant_words(local: LocalName) -> tuple[str, ...]:
    """The name's words written one way: single letters run together ('u s' -> 'us'),
    abbreviations and British spellings expanded, an organisation's inner plurals singular."""
    words = letters_run_together(local.words)
    words = [ABBREVIATIONS.get(w, ISATION.sub(r"ization\1", w)) for w in words]
    if len(words) > 1:
        words[0] = FIRST_WORD_ABBREVIATIONS.get(words[0], words[0])
        words[-1] = LAST_WORD_ABBREVIATIONS.get(words[-1], words[-1])
    if local.cls in ORGANISATION_CLASSES and len(words) >= MIN_WORDS_FOR_PLURALS:
        words[:-1] = [singular(w) for w in words[:-1]]
    return tuple(words)


def same_variant(merger: Merger) -> None:
    """Names that are one name once abbreviations and spellings are written one way, spaces aside
    ('Mt Cook' = 'Mount Cook', 'Trail Blazers' = 'Trailblazers'). What names.same_name leaves
    apart stays apart: lone person names, short names whose case tells them apart, a body every
    country has, a town's name used for its team."""
    from kg.resolve.people import (
        is_lone_person_name,  # people imports nothing of this module
    )

    by_variant: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
    for key, local in merger.sorted_locals:
        if (len(local.name) > SHORT_NAME_LETTERS and not is_lone_person_name(local, merger)
                and not is_national_body(local) and not is_place_named_team(local, merger)):
            by_variant[(" ".join(variant_words(local)),)].append(key)
            # spaces aside only within one kind, and never between compass points: 'Southwest' the
            # airline is not 'South West' the region, whatever kind the tagger gave each
            if not COMPASS_WORDS & set(local.words):
                by_variant[("".join(variant_words(local)), _family(local) or local.cls)].append(key)
    for keys in by_variant.values():
        for key in keys[1:]:
            if merger.locals[key].name != merger.locals[keys[0]].name:  # the same name is same_name's
                merger.join(keys[0], key, "variant",
                            f"'{merger.locals[key].best_form}' and '{merger.locals[keys[0]].best_form}' are one "
                            "name written with an abbreviation or another spelling")


def contained_names(merger: Merger) -> None:
    """A name of two words or more inside exactly one longer name of its kind, which adds a leading
    qualifier ('Malibu Promises Treatment Center') or a word for a kind of organisation
    ('Morningside Recovery Center'): in the article, or else in the corpus when the two articles
    name at least MIN_CONTAINMENT_CONTEXT other entities both."""
    longer: dict[str, list[tuple[tuple[str, str], str]]] = defaultdict(list)  # -> (owner, what it adds)
    for key, local in merger.sorted_locals:
        if _family(local) is not None and len(local.words) > 2 and not SPACED_DASH.search(local.best_form):
            for part, adds in _contained_parts(variant_words(local)):
                longer["".join(part)].append((key, adds))
    context = Context(merger)
    for key, local in merger.sorted_locals:
        words = variant_words(local)
        if _family(local) is None or len(words) < 2 or not _distinctive(words):
            continue
        # a kind word added to a name makes an organisation of it only when it is one already
        # ('New York Police' is no 'New York'); an organisation's country is
        # organisations.organisation_words' to weigh, here only a name of unsure kind's
        owners = [k for k, adds in longer.get("".join(words), ()) if _same_family(merger.locals[k], local)
                  and (adds != "kind" or local.cls in ORGANISATION_CLASSES)
                  and (adds != "country" or local.cls == GENERIC_CLASS)]
        in_article = {merger.find(k) for k in owners if k[0] == key[0]}
        if len(in_article) == 1 and _named_only_near(context, merger.find(key), next(iter(in_article))):
            _join(merger, next(iter(in_article)), key, "the article")
            continue
        in_corpus = {merger.find(k) for k in owners}
        if len(in_corpus) == 1:
            owner = next(iter(in_corpus))
            # a kind word alone adds nothing to which one it is ('Staunton Police Department')
            kind_only = all(adds == "kind" for k, adds in longer["".join(words)] if k in owners)
            needed = 1 if kind_only else MIN_CONTAINMENT_CONTEXT
            if context.shared(key, owner) >= needed:
                _join(merger, owner, key, "the corpus, and its article names the same other entities")


def _named_only_near(context: Context, shorter: tuple[str, str], owner: tuple[str, str]) -> bool:
    """The shorter name, as merged so far, is named only in the owner's articles or in articles
    that share MIN_CONTAINMENT_CONTEXT other entities with them: not a name of its own elsewhere
    ('Supreme Court' is many courts; 'California Supreme Court' is one)."""
    owner_articles = context.articles_of[owner]
    around_owner = set().union(*(context.roots_of[a] for a in owner_articles)) - {owner, shorter}
    return all(len(context.roots_of[article] & around_owner) >= MIN_CONTAINMENT_CONTEXT
               for article in context.articles_of[shorter] - owner_articles)


def _join(merger: Merger, owner: tuple[str, str], key: tuple[str, str], where: str) -> None:
    merger.join(owner, key, "contained-name",
                f"'{merger.locals[key].best_form}' is part of only one longer name in {where}: "
                f"'{merger.locals[owner].best_form}'")


def _contained_parts(words: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
    """The shorter names a name contains, each with what the name adds to it: leading qualifiers
    ('qualifier'), or a country ('country': 'U.S. Fish and Wildlife Service'), or a last word for a
    kind of organisation ('kind': 'Morningside Recovery Center' -> 'Morningside Recovery'), or the
    kind of a park named after a place ('park': 'Mount Cook National Park' -> 'Mount Cook')."""
    parts = []
    for i in range(1, len(words) - 1):
        lead = words[:i]
        if not any(w in FUNCTION_WORDS | OTHER_THING_WORDS or _has_digit(w) for w in lead):
            parts.append((words[i:], "country" if any(country_id(w) for w in lead) else "qualifier"))
    # a government is the executive of what it is named after ('Welsh Assembly Government')
    if words[-1] in KIND_WORDS - {"government"}:
        parts.append((words[:-1], "kind"))
    if len(words) > 2 and words[-2:] in PARK_WORDS:
        parts.append((words[:-2], "park"))
    return parts


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _distinctive(words: tuple[str, ...]) -> bool:
    """A name that says which one: not only kind and function words ('Police Department'), nor
    opening with a function word ('of Commerce')."""
    return words[0] not in FUNCTION_WORDS and any(w not in KIND_WORDS | FUNCTION_WORDS for w in words)


def _family(local: LocalName) -> str | None:
    # a facility ('Betty Ford Center', a national park) is tagged an organisation as often as a place
    if local.cls in (GENERIC_CLASS, EntityClass.Facility):
        return "unsure"
    return FAMILIES.get(local.cls)


def _same_family(first: LocalName, second: LocalName) -> bool:
    """Of one kind, or one of unsure kind (never a person: 'Betty Ford' is no 'Betty Ford Center')."""
    families = {_family(first), _family(second)}
    return len(families) == 1 or "unsure" in families and EntityClass.Person not in {first.cls, second.cls}


def names_before_a_kind(merger: Merger) -> None:
    """'Acme' = 'Acme Mining Corp.', 'Tass' = 'Tass news agency': a one-word name that begins exactly
    one name adding a word for a kind of organisation, after at most MAX_ADDED_WORDS other words, in
    its articles (or else in the corpus, when their articles name MIN_CONTAINMENT_CONTEXT other
    entities both), the same one in all that name one. The one word must say which one: no place, country
    portfolio ('Commerce Department' is every country's) or day, no word of a person's name ('Ford' of
    'Henry Ford'), no first name; and a government body's kind ('Woodburn Police Department')
    follows the place it governs, which the tagger may not have typed a place."""
    from kg.lexicon.names import (
        is_first_name,  # the name list loads only when this rule runs
    )

    people_words = {w for local in merger.locals.values() if local.cls == EntityClass.Person and len(local.words) > 1
                    for w in local.words}
    # an entity with a longer name already is no short form waiting for one ('Telegraph', 'Daily Telegraph')
    named_longer = {merger.find(key) for key, local in merger.sorted_locals if len(local.words) > 1}
    owners: dict[str, list[tuple[str, str]]] = defaultdict(list)  # first word -> names adding a kind
    begun: dict[str, list[tuple[str, str]]] = defaultdict(list)  # first word -> every longer name
    for key, local in merger.sorted_locals:
        words = variant_words(local)
        if _family(local) in ("organisation", "unsure") and len(words) > 1:
            begun[words[0]].append(key)
            if _adds_a_kind(words):
                owners[words[0]].append(key)
    context = Context(merger)
    chosen: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)  # one-word name -> owners
    for key, local in merger.sorted_locals:
        word = local.name
        if (len(local.words) != 1 or local.cls in PLACE_CLASSES or word in merger.place_names or word in people_words
                or word in KIND_WORDS | PORTFOLIO_WORDS | CALENDAR_WORDS or country_id(word)
                or is_first_name(word.title())
                or word not in owners or merger.find(key) in named_longer):
            continue
        # in its article, any longer name it begins competes ('Deutsche' beside 'Deutsche Boerse')
        in_article = [k for k in begun[word] if k[0] == key[0]]
        fitting = {merger.find(k) for k in in_article or owners[word]}
        # an article that names none of them, nor their context, says nothing either way
        if in_article or len(fitting) > 1 or context.shared(key, next(iter(fitting))) >= MIN_CONTAINMENT_CONTEXT:
            chosen[(merger.find(key), word)] |= fitting
    for (root, word), fitting in chosen.items():
        if len(fitting) == 1 and root not in fitting and fitting <= {merger.find(k) for k in owners[word]}:
            owner = next(k for k in owners[word] if merger.find(k) in fitting)
            merger.join(owner, root, "contained-name",
                        f"'{merger.locals[root].best_form}' begins only one name that adds a kind of organisation "
                        f"to it, in its articles or articles that name the same other entities: "
                        f"'{merger.locals[owner].best_form}'")


def _adds_a_kind(words: tuple[str, ...]) -> bool:
    """A word for a kind of organisation after a first word and at most MAX_ADDED_WORDS others,
    no number or function word; no government body's or media group's kind, but a news agency."""
    if not 1 < len(words) <= 2 + MAX_ADDED_WORDS or words[-1] not in KIND_WORDS:
        return False
    if any(_has_digit(w) or w in FUNCTION_WORDS for w in words):
        return False
    if words[-2:] == ("news", "agency"):
        return True
    # a government body is named after the place it governs; a media group after its title ('The
    # Guardian' is a newspaper, 'Guardian Media Group' its owner)
    return words[-1] not in GOVERNMENT_WORDS and not any(w in MEDIA_WORDS for w in words[1:])


def care_words(merger: Merger) -> None:
    """'Betty Ford Center' = 'Betty Ford Clinic' in one article: a name of two words or more, then
    one word and another for a place of treatment (CARE_WORDS)."""
    for article, locals_ in merger.by_article().items():
        by_stem: dict[tuple[str, ...], list[LocalName]] = defaultdict(list)
        for local in locals_:
            words = variant_words(local)
            if len(words) > 2 and words[-1] in CARE_WORDS and _family(local) is not None and _distinctive(words[:-1]):
                by_stem[words[:-1]].append(local)
        for named in by_stem.values():
            for other in named[1:]:
                merger.join((article, named[0].name), (article, other.name), "variant",
                            f"'{other.best_form}' and '{named[0].best_form}' name one place of treatment "
                            "by two words for it in one article")
