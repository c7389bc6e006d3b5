"""Attributed statements: direct quotes, reported speech and "according to", each with its source.

The source is who the sentence says the statement comes from; it is an entity when it names one or
refers to one (coreference resolves "he", "the spokesman"), and otherwise only words ("officials",
"a source"), so the claim is kept without inventing a speaker. A source that is only a pronoun
nobody was resolved to gets a rule of its own ("quote-pronoun", "reported-pronoun"), so its
precision is measured apart; the writer or a reader ("I think", "we must") is no source at all.
Only what is stated counts: not a question put to the speaker, a condition, or what someone was
asked or criticised for; and a statement ends where the reporter's words or a second statement
begin.

- cues.py: the verbs that attribute a statement, and when one states anything;
- direct.py: quotes, with the cue next to them, signed with a dash or in a transcript;
- reported.py: reported speech, stances and "according to";
- nouns.py: statements a noun names ("X's claim that ...");
- cue_model.py: the cue model learned from annotated news (cue_model.json); train_cue_model.py retrains it;
- sources.py: who a cue attributes the statement to, and the rule a pronoun source gets;
- evidence.py: the evidence and the mentions every claim carries.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from kg.extract.claims.direct import direct_claims, transcript_claims
from kg.extract.claims.nouns import noun_claims
from kg.extract.claims.reported import according_to_claims, reported_claims
from kg.extract.doc_lookups import quotes_of
from kg.model import Claim, Mention


def extract_claims(doc: Doc, mentions: dict[int, Mention]) -> Iterator[Claim]:
    quotes = quotes_of(doc)
    # 'dismissed Jane Doe's argument that ...': the argument is Jane Doe's, not the dismisser's
    named = list(noun_claims(doc, quotes, mentions))
    reported = [c for c in [*reported_claims(doc, quotes, mentions), *according_to_claims(doc, quotes, mentions)]
                if not any((n.start, n.end) == (c.start, c.end) for n in named)] + named
    # 'Merkel said Germany would support the plan': Germany's support is Merkel's claim, not a
    # stance of Germany's, so a stance inside another claim's content is part of that claim
    reported = [c for c in reported if c.evidence.rule != "stance" or not any(
        o is not c and o.start <= c.start and c.end <= o.end for o in reported)]
    yield from reported
    yield from transcript_claims(doc, mentions)
    # a quote within reported speech is a partial quote ('said the deal is "done"'), claimed already
    partial = {q for q in quotes for c in reported if c.start < q.end and q.start < c.end}
    yield from direct_claims(doc, [q for q in quotes if q not in partial], quotes, mentions)
