"""Statements a noun names, with whose they are: 'Jane Doe's claim that the vote was rigged',
'the senator's warning that prices will rise'. Only a possessor that is an entity is a source;
'the claim that ...' with no one's name states nobody's claim."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.claims.evidence import reported_claim
from kg.extract.claims.sources import pronoun_rule, source_words
from kg.extract.quotes import MIN_QUOTE_WORDS, Quote, inside_quote
from kg.model import Claim, Mention

# Nouns of saying or believing whose 'that'-clause is what was said: 'her claim that ...'.
STATEMENT_NOUNS = frozenset(
    "claim statement assertion remark comment warning argument insistence suggestion allegation "
    "accusation belief view promise pledge contention prediction admission announcement "
    "declaration assurance conclusion".split()
)
CLAUSE_DEPS = frozenset({"acl", "ccomp", "appos"})
# Verbs that take a statement as their object: 'the claim that she made' is a relative clause
# even when the parser marks its 'that' as a conjunction.
MAKING_LEMMAS = frozenset(
    "make issue repeat publish release deliver retract withdraw deny reject dismiss hear read post "
    "write send offer give put forward echo".split()
)


def noun_claims(doc: Doc, quotes: list[Quote], mentions: dict[int, Mention]) -> Iterator[Claim]:
    """'X's claim that ...': the clause after 'that' is X's claim."""
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in STATEMENT_NOUNS or inside_quote(noun.idx, quotes):
            continue
        if noun.dep_ == "ROOT":
            continue  # no verb of its own found: the parser took the sentence's verb into the clause
        holder = next((c for c in noun.children if c.dep_ == "poss" and c.i in mentions), None)
        clause = _that_clause(noun)
        if holder is None or clause is None:
            continue
        tokens = [t for t in clause.subtree if t.i > noun.i and not (t.dep_ == "mark" and t.head == clause)]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
            tokens = tokens[:-1]
        if len([t for t in tokens if t.is_alpha]) < MIN_QUOTE_WORDS:
            continue
        rule = pronoun_rule("noun-statement", mentions[holder.i], source := source_words(holder, mentions))
        if rule is None:
            continue
        yield reported_claim(noun, mentions[holder.i], source, tokens, rule, mentions)


def _that_clause(noun: Token) -> Token | None:
    """The clause 'that ...' hanging from the noun with a subject of its own ('the claim that it
    was rigged'), not a relative clause ('the claim that he made')."""
    for clause in (c for c in noun.children if c.dep_ in CLAUSE_DEPS and c.i > noun.i):
        marked = any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
        made = clause.lemma_.lower() in MAKING_LEMMAS and not any(c.dep_ == "dobj" for c in clause.children)
        if marked and not made and any(s.dep_ in ("nsubj", "nsubjpass", "expl") for s in clause.children):
            return clause
    return None
