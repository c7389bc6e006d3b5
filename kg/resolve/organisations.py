"""Organisations: acronyms, short names and the same words in another order.

'GM' = 'General Motors' and 'MINDEF' = 'Ministry of Defence' (initials, or the first letters of each
word) when exactly one name of the article (or, for 3+ letters, the corpus) fits, or when the text
defines it; 'Colts' = 'Indianapolis Colts'; 'mines ministry' = 'Ministry of Mines', with its
country said or not ('Ministry of Mines of Chile', "Chile's mines ministry") when the article,
or the whole corpus, has only that country's one.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable

from kg.lexicon.geo import country_code, country_id
from kg.lexicon.names import normalise
from kg.lexicon.organisations import GOVERNMENT_WORDS, ORGANISATION_KIND_WORDS
from kg.model import ORGANISATION_CLASSES, PLACE_CLASSES, EntityClass
from kg.resolve.article import FUNCTION_WORDS, LocalName, acronym_of
from kg.resolve.merger import Context, Merger

# Words that do not tell organisations apart ('Ministry of Foreign Affairs' = 'foreign ministry').
FILLER_WORDS = FUNCTION_WORDS | {"affairs"}
# Other entities the articles of one of several names an acronym fits must share with its article,
# as for a misspelling across articles (spelling.MIN_SPELLING_CONTEXT)
MIN_ACRONYM_CONTEXT = 3
MIN_CORPUS_ACRONYM = 3  # 'EU' is too short to expand across articles without a definition
ACRONYM = re.compile(r"^[A-Z][A-Za-z&]{1,9}$")  # 2 to 10 letters or '&' (dots removed), as labels.MAX_ACRONYM_LETTERS
# A plural: four letters or more ending in one 's' after no 's' or 'u' ('elections'; not 'press', 'campus').
PLURAL = re.compile(r"^(\w{3,}[^su])s$")
# Portfolios of a government's bodies, found in every country ('Foreign Ministry', 'Supreme Court').
PORTFOLIO_WORDS = frozenset(
    "foreign interior home internal defence defense finance justice health education trade commerce economy "
    "economic agriculture energy environment transport culture information security intelligence supreme "
    "constitutional central national state public high appeal appeals prosecutor prosecutors general electoral "
    "armed air "
    "election elections emergency tax revenue".split()
)
# A country's forces, which every country has ('Armed Forces', 'Air Force').
FORCE_WORDS = frozenset({"force", "forces"})


def singular(word: str) -> str:
    """'elections' -> election, 'chambers' -> chamber; not 'news', 'affairs' is filler, 'us' too short."""
    return PLURAL.sub(r"\1", word)


def letters_run_together(words: list[str]) -> list[str]:
    """'u s surgeon general' -> us surgeon general: initials written with spaces ('U. S.') are one word."""
    merged: list[str] = []
    for i, word in enumerate(words):
        if len(word) == 1 and i and len(words[i - 1]) == 1 and word.isalpha():
            merged[-1] += word
        else:
            merged.append(word)
    return merged


def is_national_body(local: LocalName) -> bool:
    """A body every country has, named by its kind and portfolio alone ('Foreign Ministry', 'Supreme
    Court', 'Court of Appeal', 'Armed Forces'): which country's it is, the article says, not the name."""
    words = set(local.words)
    return (local.cls in ORGANISATION_CLASSES and bool(words & (GOVERNMENT_WORDS | FORCE_WORDS))
            and words <= GOVERNMENT_WORDS | FORCE_WORDS | FILLER_WORDS | PORTFOLIO_WORDS)


def home_countries(merger: Merger) -> dict[str, str]:
    """Each article's country: the one it names most often (articles that name none have none)."""
    named: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (article, _), local in merger.sorted_locals:
        code = country_code(local.best_form) if local.cls in PLACE_CLASSES else None
        if code is not None:
            named[article][code] += sum(local.forms.values())
    return {article: min(counts, key=lambda code: (-counts[code], code)) for article, counts in named.items()}


def short_organisation_names(merger: Merger) -> None:
    """'Colts' = 'Indianapolis Colts': a one-word organisation that is the last word of exactly one
    organisation of the article, or else of the corpus. Words that name a kind of organisation
    ('Ministry', 'Council') say too little, and a place's name is the place's."""
    full: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, local in merger.sorted_locals:
        if local.cls in ORGANISATION_CLASSES and len(local.words) > 1:
            full[local.words[-1]].append(key)
    for key, local in merger.sorted_locals:
        if local.cls not in ORGANISATION_CLASSES or len(local.words) != 1 or local.name in ORGANISATION_KIND_WORDS:
            continue
        if local.name in merger.place_names:  # 'Hollywood' is a place that 'Deadline Hollywood' names
            continue
        candidates = full.get(local.name, [])
        in_article = {merger.find(k) for k in candidates if k[0] == key[0]}
        chosen, where = (in_article, "the article") if in_article else ({merger.find(k) for k in candidates}, "the corpus")
        if len(chosen) == 1:
            owner = next(iter(chosen))
            merger.join(owner, key, "short-name",
                        f"'{local.best_form}' ends the name of only one organisation in {where}: "
                        f"{merger.locals[owner].best_form}")


def acronyms(merger: Merger, definitions: dict[str, dict[str, str]]) -> None:
    """Acronyms of organisations and places (never of people: 'AP' is no Andrew Palmer), by the
    article's definitions (article id -> acronym -> the name it is defined for), or else the one
    name of the article, or of the corpus, that fits."""
    expandable = {key: local.best_form for key, local in merger.locals.items()
                  if len(local.words) > 1 and local.cls != EntityClass.Person}
    initials = {key: _significant_initials(form) for key, form in expandable.items()}
    # the corpus's names by first letter and significant initials: an acronym can only stand for a
    # name whose initials it holds in order, so only those few names are tried
    by_initials: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key, form in expandable.items():
        by_initials[(normalise(form)[:1], initials[key])].append(key)

    def expansions(acronym: str, keys: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        return [k for k in keys if k in expandable and _could_abbreviate(acronym, initials[k])
                and acronym_of(acronym, expandable[k])]

    def corpus_expansions(acronym: str) -> list[tuple[str, str]]:
        letters = acronym.casefold()
        held = {"".join(chosen) for size in range(len(letters) + 1) for chosen in itertools.combinations(letters, size)}
        return [k for initial in sorted(held) for k in by_initials.get((letters[0], initial), ())
                if acronym_of(acronym, expandable[k])]

    context = Context(merger)
    begun: dict[str, set[tuple[str, str]]] = defaultdict(set)  # first word -> entities with a name it begins
    for key, local in merger.sorted_locals:
        if len(local.words) > 1:
            begun[local.words[0]].add(merger.find(key))
    for article, locals_ in merger.by_article().items():
        defined = definitions.get(article, {})
        for local in locals_:
            form = local.best_form
            letters = letters_run_together(form.replace(".", " ").split())  # 'K. C.' -> KC
            bare = letters[0] if len(letters) == 1 else form.replace(".", "")
            if not ACRONYM.match(bare) or not bare.isupper() or local.cls == EntityClass.Person and local.name not in defined:
                continue
            key = (article, local.name)
            if local.name in defined:
                target = (article, defined[local.name])
                merger.join(target, key, "acronym",
                            f"the article defines '{form}' as '{merger.locals[target].best_form}'")
                continue
            fitting = expansions(bare, [(article, other.name) for other in locals_ if other is not local])
            if len({merger.find(k) for k in fitting}) == 1:
                merger.join(fitting[0], key, "acronym",
                            f"'{form}' is the acronym of '{expandable[fitting[0]]}', the only such name in the article")
            # across the corpus only an acronym that begins none of its entity's names ('ABC', 'ABC News')
            elif not fitting and len(bare) >= MIN_CORPUS_ACRONYM and merger.find(key) not in begun[local.name]:
                fitting = corpus_expansions(bare)
                owners = {merger.find(k) for k in fitting}
                if len(owners) == 1:
                    owner = next(iter(owners))
                    merger.join(owner, key, "acronym",
                                f"'{form}' is the acronym of '{merger.locals[owner].best_form}', "
                                "the only such name in the corpus")
                elif owners:
                    # context chooses only among names the acronym spells letter by letter ('CEC':
                    # Central Election Commission), not by longer pieces of words ('WHO': White HOuse)
                    spelt = {merger.find(k) for k in fitting if initials[k] == bare.casefold()}
                    _acronym_by_context(merger, context, key, owners, spelt)


def _acronym_by_context(merger: Merger, context: Context, key: tuple[str, str], owners: set, spelt: set) -> None:
    """Among several names of the corpus an acronym fits, the one whose articles share at least
    MIN_ACRONYM_CONTEXT other entities with the acronym's article, and more than any other's do,
    if the acronym spells it by its initials (`spelt`)."""
    ranked = sorted(((context.shared(key, owner), owner) for owner in owners), reverse=True)
    (best, owner), (second, _) = ranked[0], ranked[1]
    if best >= MIN_ACRONYM_CONTEXT and best > second and owner in spelt:
        merger.join(owner, key, "acronym",
                    f"'{merger.locals[key].best_form}' is the acronym of {len(owners)} names of the corpus; "
                    f"{merger.locals[owner].best_form}'s articles share {best} other entities with its article")


def _significant_initials(name: str) -> str:
    return "".join(word[0] for word in normalise(name).split() if word not in FUNCTION_WORDS)


def _could_abbreviate(acronym: str, initials: str) -> bool:
    """Cheap test before acronym_of: each significant word's first letter, in order, is in the acronym."""
    letters = iter(acronym.casefold())
    return all(initial in letters for initial in initials)


def organisation_words(merger: Merger) -> None:
    """'mines ministry' = 'Ministry of Mines'; 'Ministry of Mines of Chile' too when the
    article, or else the corpus, has only Chile's. A body every country has, named without its
    country ('Foreign Ministry'), is the one of its article's country."""
    signatures: dict[tuple[frozenset, str | None], list[tuple[str, str]]] = defaultdict(list)
    homes = home_countries(merger)
    for key, local in merger.sorted_locals:
        if local.cls in ORGANISATION_CLASSES:
            signature = organisation_signature(local.best_form)
            if signature is not None and signature[1] is None and is_national_body(local):
                signature = (signature[0], homes.get(key[0]))  # 'Foreign Ministry': the article's country's
            if signature is not None:
                signatures[signature].append(key)
    for (words, country), keys in signatures.items():
        for key in keys[1:]:
            merger.join(keys[0], key, "same-words",
                        f"'{merger.locals[key].best_form}' and '{merger.locals[keys[0]].best_form}' have the same words")
    countries: dict[frozenset, set[str]] = defaultdict(set)
    for words, country in signatures:
        if country is not None:
            countries[words].add(country)
    for (words, country), keys in signatures.items():
        if country is not None:
            continue
        for key in keys:
            in_article = {c for c in countries[words] if any(k[0] == key[0] for k in signatures[(words, c)])}
            chosen, where = (in_article, "the article") if in_article else (countries[words], "the corpus")
            if len(chosen) != 1:
                continue  # no country said, or two: which one is meant is unclear
            target = signatures[(words, next(iter(chosen)))][0]
            merger.join(target, key, "qualified-name",
                        f"'{merger.locals[key].best_form}' is '{merger.locals[target].best_form}' "
                        f"without its country, the only one in {where}")


def organisation_signature(name: str) -> tuple[frozenset, str | None] | None:
    """The words that identify an organisation, in any order, and its country if the name says it:
    'Ministry of Mines of Chile', "Chile's mines ministry" -> ({mines, ministry}, CHL).
    None for names of one significant word ('Bank'), which say too little."""
    words = letters_run_together(normalise(name).split())  # 'U. S. Fish and Wildlife Service': US's
    country = None
    if len(words) > 2 and words[-2] == "of" and country_id(words[-1]):
        country, words = country_id(words[-1]), words[:-2]
    elif len(words) > 1 and country_id(words[0]):
        country, words = country_id(words[0]), words[1:]
    significant = frozenset(singular(w) for w in words if w not in FILLER_WORDS)
    if len(significant) < 2:
        return None
    return significant, country
