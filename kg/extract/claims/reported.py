"""Reported speech: 'X said (that) ...', '..., X said', 'X told reporters ...', '..., saying ...';
the stance a verb's object states ('urged supporters to vote'); and 'according to X, ...'. Each
statement ends where the reporter's words or a second statement begin."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from kg.extract.claims.cue_model import candidate, cue_probability, cue_threshold
from kg.extract.claims.cues import (
    ADDRESSEE_LEMMAS,
    BELIEF_LEMMAS,
    CONDITION_MARKS,
    EVIDENCE_LEMMAS,
    INSERTED_CUE_DEPS,
    NOT_STATING_LEMMAS,
    QUESTION_WORDS,
    REPORTED_CONTENT_DEPS,
    SPEECH_LEMMAS,
    STANCE_LEMMAS,
    TOPIC_LEMMAS,
    is_cue,
    states,
)
from kg.extract.claims.evidence import claim_confidence, mentions_within, reported_claim
from kg.extract.claims.sources import (
    SPEAKER_DEPS,
    according_to_object,
    document_source,
    pronoun_rule,
    source_of,
    source_words,
    states_findings,
)
from kg.extract.doc_lookups import sentence, sentence_of, text_of, tokens_where
from kg.extract.quotes import MIN_QUOTE_WORDS, Quote, has_unquoted_words, inside_quote
from kg.model import Claim, Evidence, Mention

CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
STANCE_OBJECT_DEPS = frozenset({"dobj", "xcomp", "oprd", "ccomp"})
# 'called for ...', 'accused X of ...', 'warned of ...'
STANCE_PREPOSITIONS = frozenset({"for", "on", "as", "to", "of"})
MIN_STANCE_WORDS = 2
MIN_DESCRIBED_STANCE_WORDS = 3
# A statement ends where the reporter takes over: '... - but does that sum up the mood?'
CLAUSE_DASHES = frozenset("- – — --".split())
CLAUSE_CONJUNCTIONS = frozenset("and but or yet so".split())
# Words that join a sentence to the one before, not part of what is said: 'However, he added, ...'.
CONNECTIVES = frozenset("however but and so also yet still meanwhile moreover furthermore nonetheless".split())


def reported_claims(doc: Doc, quotes: list[Quote], mentions: dict[int, Mention]) -> Iterator[Claim]:
    """'X said (that) ...', '..., X said', 'X told reporters ...', 'X said in a statement ...',
    '..., saying ...': the clausal complement of a cue verb. A complement that is nothing but a
    quote is a direct claim instead."""
    for cue in doc:
        if not (is_cue(cue, stance=True) or is_learned_cue(cue)) or inside_quote(cue.idx, quotes) or not states(cue):
            continue
        found = source_of(cue, mentions, quotes)
        if found is None:
            continue
        for tokens, rule in _complements(cue):
            tokens = _trim(_statement_end(cue, _up_to_closed_quote(cue, tokens, quotes)))
            if not tokens:
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            if not has_unquoted_words(text_of(doc), start, end, quotes):
                continue
            if cue.lemma_.lower() in EVIDENCE_LEMMAS and not states_findings(cue, *found):
                continue  # 'Mr Smith had shown he could win': a person showing something says nothing
            rule = pronoun_rule(rule, *found)
            if rule is None or rule == "stance-pronoun":
                continue  # 'they urged ...': a stance needs a holder named or described
            if rule == "stance" and found[0] is None and sum(t.is_alpha for t in tokens) < MIN_DESCRIBED_STANCE_WORDS:
                continue  # 'the 30-year-old praised his coach': a bare object of someone unnamed
            yield reported_claim(cue, *found, tokens, rule, mentions)


def _up_to_closed_quote(cue: Token, tokens: list[Token], quotes: list[Quote]) -> list[Token]:
    """A statement that opens with a quote closed before its cue is that quote: '"...," police
    Chief Jane Doe said Monday' may be parsed with the name inside the clause under the cue."""
    opening = next((q for q in quotes if tokens and q.start <= tokens[0].idx < q.end), None)
    if opening is None or opening.end > cue.idx:
        return tokens
    return [t for t in tokens if t.idx < opening.end]


def is_learned_cue(token: Token) -> bool:
    """A verb the cue model takes for a cue in its sentence ('is encouraging supporters to ask',
    'pushed back on'), though no list names it; not an act or an aim ('declined to', 'wants to'),
    nor one whose object is only what it names ('mentioned the talks')."""
    return (candidate(token) and token.lemma_.lower() not in TOPIC_LEMMAS | NOT_STATING_LEMMAS
            and cue_probability(token) >= cue_threshold())


def _complements(cue: Token) -> Iterator[tuple[list[Token], str]]:
    """The tokens of each clausal complement without its 'that', with the rule that found it.
    When the parser hangs a 'that'-clause off the object instead ('told a briefing that Chile
    is ...'), the clause after the first 'that' following the cue; failing all, the object of a
    stance verb ('urged supporters to vote')."""
    complements = [c for c in cue.children if c.dep_ in REPORTED_CONTENT_DEPS] or _unmarked_clause(cue)
    for complement in complements:
        if _is_question(complement):
            continue  # 'asked if parents would vote for him', 'did not say whether ...': nothing stated
        tokens = [t for t in complement.subtree if not (t.dep_ == "mark" and t.head == complement)]
        if complement.dep_ == "advcl":  # 'said after the meeting she would ...': the time is the report's
            tokens = tokens[len(_leading_phrase(complement)):]
        yield _object_as_subject(cue, complement) + tokens, "reported"
    if complements:
        return
    if cue.dep_ in INSERTED_CUE_DEPS and any(c.dep_ in SPEAKER_DEPS for c in cue.children):
        # 'Acts of protest, Jane Doe said, are acts of patriotism' / '..., statistics show.': the
        # parser hangs the cue off the statement, so the statement is the sentence around it
        tokens = [t for t in sentence(cue) if not t.is_space]
        before = [t for t in tokens if t.i < cue.left_edge.i]
        if all(t.is_punct or t.lower_ in CONNECTIVES for t in before):
            # 'However, he added, any rate increase is unlikely': the statement starts after the cue
            tokens = [t for t in tokens if t.i > cue.right_edge.i]
        yield tokens, "reported"
        return
    clause = _clause_on_object(cue)
    if clause is not None:
        yield clause, "reported"
        return
    if cue.lemma_.lower() in STANCE_LEMMAS:
        stance = _stance_object(cue)
        if stance:
            yield stance, "stance"
    elif is_learned_cue(cue) and {"dobj", "xcomp"} <= {c.dep_ for c in cue.children}:
        # a verb no list names states a stance only by urging someone to do something ('is
        # encouraging supporters to ask why ...'); not by what it acts on ('published its budget',
        # 'added the conversion') nor by a bare infinitive, an aim or the reporter's view ('is
        # hoping to', 'agreed to pay', 'seems to forget')
        stance = _stance_object(cue)
        if stance:
            yield stance, "stance"


def _unmarked_clause(cue: Token) -> list[Token]:
    """'Jane Doe said after the meeting she would resign': with words between the cue and its
    statement the parser may take the statement for an adverbial clause; one after the cue with a
    subject of its own and no conjunction ('if', 'because', 'when') is what was said."""
    if cue.lemma_.lower() not in SPEECH_LEMMAS | BELIEF_LEMMAS:
        return []
    return [c for c in cue.rights if c.dep_ == "advcl" and c.i > cue.i + 1
            and any(s.dep_ in CLAUSE_SUBJECT_DEPS for s in c.children)
            and not any(m.dep_ in ("mark", "advmod") and m.i < c.i for m in c.children)][:1]


def _leading_phrase(clause: Token) -> list[Token]:
    """The prepositional phrase a clause opens with, if any ('after the meeting')."""
    first = next((c for c in clause.children if c.i == clause.left_edge.i), None)
    return list(first.subtree) if first is not None and first.dep_ == "prep" else []


def _is_question(clause: Token) -> bool:
    """An indirect question: 'whether the plan would go ahead', 'if parents would vote for him',
    'why he thought ...', 'what would happen'."""
    first = next((t for t in clause.subtree if not (t.is_punct or t.is_space)), clause)
    return first.lower_ in QUESTION_WORDS | CONDITION_MARKS | {"who", "when", "where", "which"} and (
        first.head == clause or (first.dep_ == "det" and first.head.head == clause))  # 'what sort of deal'


def _object_as_subject(cue: Token, complement: Token) -> list[Token]:
    """'Research has shown the majority have voted Labour': the parser took the clause's subject
    for the cue's object; it belongs to the statement. Not the one told or asked ('told
    reporters ...')."""
    if cue.lemma_.lower() in ADDRESSEE_LEMMAS or any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in complement.children):
        return []
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.right_edge.i + 1 == complement.left_edge.i), None)
    return list(obj.subtree) if obj is not None and obj.pos_ in ("NOUN", "PROPN") else []


def _clause_on_object(cue: Token) -> list[Token] | None:
    """'told a briefing that Chile is ...', 'denied claims that he knew ...': a 'that'-clause the
    parser hung off the cue's own object. Not one deeper down ('sought to calm fears that they
    face losses' is no claim that they face losses)."""
    for that in (t for t in cue.subtree if t.i > cue.i and t.lower_ == "that"):
        if that.head == cue:
            # 'who noted that during the recession the price had fallen': 'that' taken for a
            # preposition of the cue; the statement is what follows it
            after = [t for t in cue.subtree if t.i > that.i]
            if any(t.dep_ in ("nsubj", "nsubjpass") for t in after):
                return after
            continue
        verb, noun = that.head, that.head.head
        on_object = noun.head == cue or (noun.head.dep_ == "prep" and noun.head.head == cue)
        if (that.dep_ == "mark" and verb.dep_ in ("acl", "ccomp", "relcl") and on_object
                and noun.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
            return [t for t in verb.subtree if t.i > that.i]  # 'feels confident that ...' too
    return None


def _statement_end(cue: Token, tokens: list[Token]) -> list[Token]:
    """The statement without what follows it in other words: the reporter's after a dash and a
    conjunction ('he's "back" - but does that sum up the mood?', '... - and they were adamant
    that ...'), or a second statement of the speaker's ('... and emphasised that ...', '...,
    saying two were held'), which is a claim of its own."""
    for k, token in enumerate(tokens[1:], start=1):
        if token.text in CLAUSE_DASHES and k + 1 < len(tokens) and tokens[k + 1].lower_ in CLAUSE_CONJUNCTIONS:
            return tokens[:k]
        if (
            token.dep_ in ("conj", "advcl") and token.head != cue and is_cue(token)
            and any(c.dep_ in REPORTED_CONTENT_DEPS for c in token.children)
            and not any(c.dep_ in SPEAKER_DEPS for c in token.children)
        ):
            while k > 0 and (tokens[k - 1].is_punct or tokens[k - 1].dep_ == "cc"):
                k -= 1
            return tokens[:k]
    return tokens


def _stance_object(cue: Token) -> list[Token]:
    """'urged supporters to monitor polling places' -> 'supporters to monitor polling places';
    'called for a full recount of the votes' -> 'a full recount of the votes'. A bare name
    ('criticized Jane Doe') is a relation, not a claim."""
    parts = [c for c in cue.rights if c.dep_ in STANCE_OBJECT_DEPS]
    parts += [c for c in cue.rights if c.dep_ == "prep" and c.lower_ in STANCE_PREPOSITIONS]
    if not parts:
        return []
    first = min(parts, key=lambda t: t.i)
    last = max(parts, key=lambda t: t.right_edge.i)
    tokens = [t for t in cue.doc[first.left_edge.i : last.right_edge.i + 1]]
    if first.dep_ == "prep":
        tokens = tokens[1:]  # 'for a recount' -> 'a recount'
    words = [t for t in tokens if t.is_alpha]
    if len(words) < MIN_STANCE_WORDS or all(t.ent_type_ for t in words):
        return []
    return tokens


def according_to_claims(doc: Doc, quotes: list[Quote], mentions: dict[int, Mention]) -> Iterator[Claim]:
    """'According to X, ...' / '..., according to X.': the rest of the clause is X's claim."""
    for according in tokens_where(doc, LOWER, ["according"]):
        head = according_to_object(according)
        if head is None or inside_quote(according.idx, quotes):
            continue
        phrase = sorted(according.subtree, key=lambda t: t.i)
        sent = sentence(according)
        before = _trim([t for t in sent if t.i < phrase[0].i])
        after = _trim([t for t in sent if t.i > phrase[-1].i])
        tokens = max(before, after, key=len)
        if len([t for t in tokens if t.is_alpha]) < MIN_QUOTE_WORDS:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        speaker = document_source(head, mentions)
        source = source_words(head, mentions)
        rule = pronoun_rule("according-to", speaker, source)
        if rule is None:
            continue
        yield Claim(
            speaker=speaker,
            source=source,
            cue="according to",
            content=text_of(doc)[start:end],
            start=start,
            end=end,
            direct=not has_unquoted_words(text_of(doc), start, end, quotes),
            evidence=Evidence(sentence=sentence_of(according), rule=rule, confidence=claim_confidence(rule)),
            mentions=mentions_within(mentions, start, end),
        )


def _trim(tokens: list[Token]) -> list[Token]:
    """Without punctuation, quotation marks or line breaks at either end."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].is_quote):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].is_quote):
        tokens = tokens[:-1]
    return tokens
