"""How sure each extraction rule is of its facts before anyone has judged them: one table for every
extractor, keyed by the rule name a fact's `Evidence.rule` carries.

These are scores, not measurements. Once a rule's facts have been judged, kg/confidence.py gives a
fact the share of them that readers accepted instead (kg/calibration.json); a rule never judged
keeps its score here. A rule's variants measured apart ('svo-reported', 'quote-reference') start
from their rule's score.
"""

RULE_CONFIDENCE = {
    # relations.py: who did what, from a verb's subject and object ('X approved Y', 'Y was approved
    # by X', 'X accounted for Y')
    "svo": 0.8, "svo-passive": 0.75, "svo-preposition": 0.6,
    # roles.py: a position a person holds ('X, a spokeswoman for Y', 'Commerce Minister X', 'X is the
    # president of Y'), or only that they belong to an organisation ('X of Y')
    "appositive": 0.8, "title": 0.75, "copula": 0.75, "affiliation": 0.6,
    # claims/: a statement and its source: quoted, signed, in a transcript, reported, a stance taken,
    # 'according to X'
    "quote": 0.9, "signed-quote": 0.8, "transcript": 0.8, "reported": 0.7, "stance": 0.6, "according-to": 0.7,
    # ... or named by a noun ('X's claim that ...'), not judged yet
    "noun-statement": 0.7,
    # ... by a pronoun nobody was resolved to: the words are likely attributed, but to no one known
    "quote-pronoun": 0.5, "reported-pronoun": 0.4, "according-to-pronoun": 0.4,
    # figures/: a reported figure
    "figure": 0.7,
    # places.py: 'Aiken, S.C.', a dateline, 'Riga, Latvia'; a public body based in the country its
    # name starts with ('U.S. Congress')
    "town-region": 0.9, "town-country": 0.9, "country-in-name": 0.8,
    # typed_relations.py: a nationality, whichever link states it ('the Italian skier X', 'X of
    # France'), and a birthplace; the other links score with the model's probability
    "nationality": 0.9, "stated-link": 0.9,
}
