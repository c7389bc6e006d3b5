"""According to whom: the source of a figure, from 'according to X' or a verb reporting it ('data
from X showed ...', 'X said ...'), when its words are those of a source."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.claims.cues import INSERTED_CUE_DEPS, is_cue
from kg.extract.claims.sources import according_to_object, document_source, source_of
from kg.extract.doc_lookups import text_of
from kg.extract.figures.attachment import inside, within
from kg.extract.figures.change import DECREASE_VERBS, INCREASE_VERBS
from kg.extract.figures.hypothetical import base_forms
from kg.extract.noun_phrases import phrase_tokens
from kg.lexicon.pronouns import IMPERSONAL_PRONOUNS
from kg.model import Mention, Source

# Source words kept for a figure: an entity, or a noun phrase headed by a word that can be the
# source of a number ('analysts', 'official figures', 'a report by X', 'minutes have shown').
SOURCE_NOUNS = frozenset(
    "analyst economist expert official spokesman spokeswoman spokesperson executive observer "
    "estimate data figure statistic report survey study poll research researcher forecast forecaster "
    "calculation document filing statement minute census agency office ministry department "
    "government regulator authority commission bureau institute source".split())
# Of those, the documents that can be the subject of the figure's own verb ('estimates put the cost at').
DOCUMENT_SOURCE_NOUNS = frozenset(
    "estimate data datum figure statistic report survey study poll research forecast calculation".split())
MAX_SOURCE_TOKENS = 12
# Cue verbs that report a figure (not 'agree', 'decide' or 'continue', which claims also reads as cues).
FIGURE_CUE_LEMMAS = frozenset(
    "say tell add claim confirm state announce report show reveal indicate estimate forecast predict "
    "expect find note warn disclose suggest accuse allege believe think insist argue admit "
    "acknowledge".split())


def attribution(figure: Span, verb: Token | None, mentions: dict[int, Mention],
                 part: Span) -> tuple[Mention | None, Source | None]:
    """'according to X' in the sentence, or a reporting verb above the figure ('data from X
    showed ...', 'X said ...'), when its words name a source."""
    for according in part:
        obj = according_to_object(according)
        if obj is not None:
            return _kept(document_source(obj, mentions), _words(obj), figure, mentions, part)
    for cue in (c for c in _cues_above(verb) if within(c, part) and _reports(c, verb)):
        found = source_of(cue, mentions)
        if found is not None:
            return _kept(*found, figure, mentions, part)
    # 'Estimates from the World Bank put the cost at $4bn': a document as the subject of the figure's verb
    subjects = (c for v in _cues_above(verb) for c in v.children if c.dep_ in ("nsubj", "nsubjpass"))
    subject = next(subjects, None)
    if subject is not None and within(subject, part) and subject.lemma_.lower() in DOCUMENT_SOURCE_NOUNS:
        tokens = phrase_tokens(subject)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        words = Source(text_of(subject.doc)[start:end], start, end)
        return _kept(document_source(subject, mentions), words, figure, mentions, part)
    return None, None


def _reports(cue: Token, verb: Token | None) -> bool:
    """A verb that reports the figure: not a verb of change that has it as its amount ('Brent
    crude rose, adding $1.89': 'add' says what it rose by, not who says so)."""
    lemma = cue.lemma_.lower()
    if cue == verb and (lemma in INCREASE_VERBS or lemma in DECREASE_VERBS):
        return False
    # 'is expected to', 'accused of overseeing an $11bn fraud': a passive or a participle has no speaker
    if cue.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in cue.children):
        return False
    return is_cue(cue) and lemma in FIGURE_CUE_LEMMAS


def _kept(reported_by: Mention | None, source: Source, figure: Span, mentions: dict[int, Mention],
          part: Span) -> tuple[Mention | None, Source | None]:
    """The source when its words are a noun phrase of a source: an entity ('Unilever') or a noun
    such as 'analysts', 'official figures', 'a report by X' ('she' when coreference knows her). Not 'it', 'The
    number eight', 'the second', or words running over the figure or past a sentence end."""
    words = figure.doc.char_span(source.start, source.end, alignment_mode="expand")
    if words is None or len(words) > MAX_SOURCE_TOKENS or any(inside(t, figure) for t in words) \
            or not (part.start <= words.start and words.end <= part.end):
        return None, None
    if any(t.text in (".", ";", "!", "?") or "\n" in t.text for t in words):
        return None, None
    head = words.root
    if head.lower_ in IMPERSONAL_PRONOUNS:
        # 'it said', 'they said': which company or group is meant is too often wrong to say (readers
        # found the wrong company behind 'it' too often)
        return None, None
    if reported_by is not None or head.i in mentions or any(f in SOURCE_NOUNS for f in base_forms(head)):
        return reported_by, source
    return None, None


def _cues_above(verb: Token | None) -> Iterator[Token]:
    """The verb and its heads up to the root, then the verbs the parser hangs off the root
    ('..., statistics from X show.': an appended cue)."""
    token = top = verb
    while token is not None:
        yield token
        top = token
        token = token.head if token.head != token else None
    if top is not None:
        yield from (c for c in top.children if c.dep_ in INSERTED_CUE_DEPS)


def _words(head: Token) -> Source:
    tokens = [t for t in head.subtree if not t.is_punct]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Source(text_of(head.doc)[start:end], start, end)
