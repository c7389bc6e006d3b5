"""Nouns that describe an entity without naming it ('the company', 'the official'): what a
description may stand for, for coreference and for the organisations of roles."""

from __future__ import annotations

from kg.lexicon.titles import ROLE_WORDS

# Nouns that name a kind of company: "the company" may stand for any company-like organisation.
COMPANY_NOUNS = frozenset(
    "company firm carmaker automaker manufacturer maker producer group bank lender retailer "
    "airline insurer chipmaker supplier business conglomerate".split()
)
# Nouns that stand for a person though they name nobody: 'the official', 'a spokesman'.
PERSON_NOUNS = ROLE_WORDS | frozenset(
    "man woman person boy girl father mother son daughter wife husband friend peer mp candidate "
    "councillor activist campaigner voter resident witness victim player manager coach fan".split()
)
