"""Comparable forms of names, shared by extraction (a mention must have one) and resolution."""

from __future__ import annotations

import re
import unicodedata

LEADING_ARTICLES = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
POSSESSIVE = re.compile(r"['’]s?$")
NON_WORD = re.compile(r"[^\w\s]|_")


def normalise(name: str) -> str:
    """Comparable form of a name: 'The U.S.' -> 'us', 'China’s' -> 'china', 'Ford-Motor' -> 'ford motor'."""
    text = unicodedata.normalize("NFKC", name).strip()
    text = LEADING_ARTICLES.sub("", text)
    text = POSSESSIVE.sub("", text)
    text = text.replace("-", " ").replace("/", " ")
    text = NON_WORD.sub("", text).casefold()
    return " ".join(text.split())
