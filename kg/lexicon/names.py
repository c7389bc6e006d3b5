"""Comparable forms of names, shared by extraction (a mention must have one) and resolution."""

from __future__ import annotations

import functools
import re
import unicodedata

import gender_guesser.detector

LEADING_ARTICLES = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
POSSESSIVE = re.compile(r"['’]s?$")
NON_WORD = re.compile(r"[^\w\s]|_")
# Courtesy titles that tell a person's gender ('Mrs. Doe' is 'she').
GENDERED_HONORIFICS = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female", "sir": "male",
                       "dame": "female", "lord": "male", "lady": "female"}
FIRST_NAME_GENDERS = {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}


def normalise(name: str) -> str:
    """Comparable form of a name: 'The U.S.' -> 'us', 'Chile’s' -> 'chile', 'Ford-Motor' -> 'ford motor'."""
    text = unicodedata.normalize("NFKC", name).strip()
    text = LEADING_ARTICLES.sub("", text)
    text = POSSESSIVE.sub("", text)
    text = text.replace("-", " ").replace("/", " ")
    text = NON_WORD.sub("", text).casefold()
    return " ".join(text.split())


@functools.lru_cache(maxsize=4096)
def person_gender(name: str, honorific: str = "") -> str | None:
    """'male', 'female' or None (unknown) for a person: from a courtesy title written before the
    name ('Mrs.'), else from the first name by gender_guesser's name dictionary ('Jane Doe').
    Names used by both ('Sam', 'Xi') and unknown names give None."""
    title = honorific.strip().rstrip(".").casefold()
    if title in GENDERED_HONORIFICS:
        return GENDERED_HONORIFICS[title]
    first = name.split()[0] if name.split() else ""
    return FIRST_NAME_GENDERS.get(first_names().get_gender(first))


@functools.lru_cache(maxsize=1)
def first_names() -> gender_guesser.detector.Detector:
    """The name dictionary: ~2 s to load, so each worker of a build loads it once (under fork, the
    build loads it before the workers start, and they share it)."""
    return gender_guesser.detector.Detector(case_sensitive=False)


def first_name_frequency(word: str) -> int:
    """How common the word is as a first name where it is most used, from 0 (unknown) to 13 (very
    common), by the name dictionary's frequency codes ('Elena' 10, 'Sheffield' 1)."""
    codes = "".join(first_names().names.get(word.casefold(), {}).values())
    return max((int(code, 16) for code in codes if code.strip()), default=0)


def is_first_name(word: str) -> bool:
    """True when the name dictionary knows the word as a first name, of either gender ('Sam', 'Jane')."""
    return first_names().get_gender(word) != "unknown"
