"""Attributed statements: direct quotes, reported speech and "according to", each with its source.

The source is who the sentence says the statement comes from; it is an entity when it names one or
refers to one (coreference resolves "he", "the spokesman"), and otherwise only words ("officials",
"a source"), so the claim is kept without inventing a speaker. A source that is only a pronoun
nobody was resolved to gets a rule of its own ("quote-pronoun", "reported-pronoun"), so its
precision is measured apart; the writer or a reader ("I think", "we must") is no source at all.
Only what is stated counts: not a question put to the speaker, a condition, or what someone was
asked or criticised for; and a statement ends where the reporter's words or a second statement
begin.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from kg.extract.quotes import MIN_QUOTE_WORDS, Quote
from kg.extract.doc_lookups import quotes_of, sentence, sentence_of, text_of, time_of, tokens_where
from kg.extract.modality import modality
from kg.lexicon.titles import is_title_word
from kg.model import ORGANISATION_CLASSES, Claim, Evidence, Mention, Source

# Lemmas of verbs of saying or writing: the cue of a quote or of reported speech.
SPEECH_LEMMAS = frozenset(
    "say tell add claim confirm deny urge note state announce insist warn argue explain stress "
    "emphasize emphasise describe acknowledge admit reply write declare assert maintain suggest "
    "predict promise vow pledge reiterate recall complain observe remark report allege accuse "
    "caution concede agree contend testify tweet post conclude ask respond continue disclose "
    "charge echo rule demand shout yell joke quip boast lament retort counter exclaim plead "
    "recount wonder".split()
)
# Verbs of believing: 'X believes that ...' is X's claim.
BELIEF_LEMMAS = frozenset("believe think expect estimate forecast hope fear worry feel".split())
# Verbs by which findings state something: 'a survey showed that ...'. Only a document, data or
# an organisation states by them ('Mr Smith had shown he could win' is no statement), and never
# the cue of a quote.
EVIDENCE_LEMMAS = frozenset("show find reveal indicate".split())
# Every cue (the figures of kg.extract.quantities take their source from these too).
CUE_LEMMAS = SPEECH_LEMMAS | BELIEF_LEMMAS | EVIDENCE_LEMMAS
# Cues that are no speech when they take a direct object: 'recalled the experienced centre',
# 'continued the talks', 'charged him with fraud', 'concluded the deal', 'found the wreck'.
OBJECT_SENSE_LEMMAS = frozenset("recall continue charge rule conclude find".split())
# Verbs whose object is a stance taken in words: 'urged supporters to monitor polling places',
# 'called for a recount', 'criticized the decision to close the plant'. Wanting, seeking, planning,
# offering or refusing something is an act or an aim, not a stance anyone stated.
STANCE_LEMMAS = frozenset(
    "urge call criticize criticise condemn praise blame attack defend demand reject dismiss "
    "slam welcome applaud dispute challenge accuse propose recommend warn question deny "
    "describe stress emphasise emphasize pledge vow promise report".split()
)
# Cues whose object is the one spoken to: 'told reporters', 'warned investors'.
ADDRESSEE_LEMMAS = frozenset("tell ask inform remind assure warn urge caution advise".split())
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# 'talked about "..."': a quote after it is a topic, not a statement.
TOPIC_PREPOSITIONS = frozenset({"about"})
STANCE_OBJECT_DEPS = frozenset({"dobj", "xcomp", "oprd", "ccomp"})
STANCE_PREPOSITIONS = frozenset({"for", "on", "as", "to"})
MIN_STANCE_WORDS = 2
PERSONAL_PRONOUNS = frozenset("i we you he she they who".split())
# Sources that are only a pronoun. A first or second person one ('I think', 'we must', "let's
# hope") is the writer or a reader, never a reported speaker; a third person one no coreference
# resolved is someone unknown, so its claim gets a rule of its own ('quote-pronoun').
FIRST_PERSON_SOURCES = frozenset("i me we us 's you my our".split())
THIRD_PERSON_SOURCES = frozenset("he she it they him her them who".split())
# ... and so is a group no one can name: 'most believe', 'many say', 'some pundits believe', 'a lot
# of people think', 'those who ...', 'everyone agrees' (not 'these figures show': documents).
INDEFINITE_SOURCE_WORDS = frozenset(
    "most many some others everyone everybody someone somebody few several".split())
# A cue in a condition or an indirect question states nothing: 'if he says so', 'asked why he
# thought ...', 'whether she believed ...', 'how can we accuse ...'.
CONDITION_MARKS = frozenset("if unless whether".split())
QUESTION_WORDS = frozenset("why how whether what".split())
# A statement ends where the reporter takes over: '... - but does that sum up the mood?'
CLAUSE_DASHES = frozenset("- – — --".split())
CLAUSE_CONJUNCTIONS = frozenset("and but or yet so".split())
OBJECT_PRONOUNS = frozenset("me us him her them".split())
ACTOR_LABELS = frozenset({"NORP", "PERSON", "ORG", "GPE"})
INDEFINITE_SPEAKERS = frozenset("one someone somebody".split())
# Things that state something themselves: 'a letter saying ...', 'footage of Jane Doe asking ...'.
DOCUMENT_WORDS = frozenset(
    "statement letter report study survey poll memo email tweet post video footage ad advert "
    "analysis document filing complaint lawsuit ruling message note release".split()
)
# What findings come from: 'research has shown', 'figures show', 'the inquiry found'.
FINDINGS_WORDS = DOCUMENT_WORDS | frozenset(
    "research data statistics figure figures evidence inquiry investigation review audit census "
    "test tests trial trials experiment index minutes records results accounts".split()
)
SPEAKER_DEPS = frozenset({"nsubj"})
# Subjects that cannot have said anything: 'it was likely', 'this is ...'.
NON_SPEAKER_SUBJECTS = frozenset("it this that there".split())
# How the parser attaches a cue inserted in or appended to the statement it attributes.
INSERTED_CUE_DEPS = frozenset({"parataxis", "dep"})
# Words that join a sentence to the one before, not part of what is said: 'However, he added, ...'.
CONNECTIVES = frozenset("however but and so also yet still meanwhile moreover furthermore nonetheless".split())
REPORTED_CONTENT_DEPS = frozenset({"ccomp"})
# "..., saying ...": a participle or coordinated cue shares the subject of the verb it hangs from.
SHARED_SUBJECT_DEPS = frozenset({"advcl", "xcomp", "conj"})
# "data from X showed", "a report by X", "a spokesperson for X": the entity behind the words.
SOURCE_PREPOSITIONS = frozenset({"from", "by", "of", "for"})
# '"..." ― Jane Doe': a quote signed with a dash and a name (listicles, epigraphs).
SIGNATURE = re.compile(r"^[”\"]?[ \t]*[―—–-]+[ \t]*")
# Interview transcripts: 'SMITH: We will not raise taxes.' (a speaker label opening a paragraph)
SPEAKER_LABEL = re.compile(r"^[“\"]?([A-Z][\w.'’ -]{1,40}?):[ \t]+(\S[^\n]*?)[”\"]?$", re.MULTILINE)

CONFIDENCE = {
    "quote": 0.9, "signed-quote": 0.8, "transcript": 0.8, "reported": 0.7, "stance": 0.6, "according-to": 0.7,
    # a pronoun nobody was resolved to: the words are likely attributed, but to no one known
    "quote-pronoun": 0.5, "reported-pronoun": 0.4, "according-to-pronoun": 0.4,
}


def extract_claims(doc: Doc, mentions: dict[int, Mention]) -> Iterator[Claim]:
    quotes = quotes_of(doc)
    reported = [*_reported_claims(doc, quotes, mentions), *_according_to_claims(doc, quotes, mentions)]
    # 'Merkel said Germany would support the plan': Germany's support is Merkel's claim, not a
    # stance of Germany's, so a stance inside another claim's content is part of that claim
    reported = [c for c in reported if c.evidence.rule != "stance" or not any(
        o is not c and o.start <= c.start and c.end <= o.end for o in reported)]
    yield from reported
    yield from _transcript_claims(doc, mentions)
    # a quote within reported speech is a partial quote ('said the deal is "done"'), claimed already
    partial = {q for q in quotes for c in reported if c.start < q.end and q.start < c.end}
    yield from _direct_claims(doc, [q for q in quotes if q not in partial], quotes, mentions)


def _direct_claims(
    doc: Doc, unclaimed: list[Quote], quotes: list[Quote], mentions: dict[int, Mention]
) -> Iterator[Claim]:
    """'"...," said X' / 'X said: "..."' / '"..." X added.' with the cue next to the quote, or next
    to another part of the same passage ('"A," he said. "B."')."""
    cues = {q: _cue_near(doc, q, quotes) for q in unclaimed}
    # a quote running over paragraphs has one speaker: the one its own sentences name, first
    run_cue: dict[int, Token] = {}
    for quote, near in sorted(cues.items(), key=lambda item: (item[1] is None or not item[1][1], item[0].start)):
        if near is not None:
            run_cue.setdefault(quote.run, near[0])
    for quote in unclaimed:
        if _is_topic(doc, quote):
            continue
        near = cues[quote]
        cue = near[0] if near is not None and near[1] else run_cue.get(quote.run)
        found = source_of(cue, mentions, quotes) if cue is not None else None
        if found is None:
            signed = _signed(doc, quote, mentions)
            if signed is not None:
                yield signed
            continue
        rule = _pronoun_rule("quote", *found)
        if rule is None:
            continue
        content, start = _quoted_content(doc, quote)
        yield Claim(
            speaker=found[0],
            source=found[1],
            cue=cue.lemma_.lower(),
            content=content,
            start=start,
            end=start + len(content),
            direct=True,
            evidence=_evidence(cue, rule),
            mentions=_mentions_within(mentions, quote.start, quote.end),
        )


def _is_topic(doc: Doc, quote: Quote) -> bool:
    """'as Trump went on about "how the system is rigged"': words quoted as the object of a
    preposition are what someone talked about, not a statement of the nearest speaker's."""
    words = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return words is not None and words.root.dep_ in ("pobj", "pcomp") and words.root.head.lower_ in TOPIC_PREPOSITIONS


def _quoted_content(doc: Doc, quote: Quote) -> tuple[str, int]:
    """The words inside the marks and where they start; the comma before a closing mark belongs
    to the frame ('"We will win," she said')."""
    raw = text_of(doc)[quote.start : quote.end]
    return raw.strip().rstrip(",;:"), quote.start + len(raw) - len(raw.lstrip())


def _transcript_claims(doc: Doc, mentions: dict[int, Mention]) -> Iterator[Claim]:
    """'PENCE: Well, the question ...': a paragraph opened by a person's name and a colon is what
    that person said. Labels that are no person of the article ('NOTE:') are left alone."""
    people = {m.name: m for m in mentions.values() if m.cls == "Person"}
    for line in SPEAKER_LABEL.finditer(text_of(doc)):
        label = line.group(1).strip()
        content = line.group(2).strip()
        if len(label.split()) > 4 or len(content.split()) < MIN_QUOTE_WORDS:
            continue
        named = [m for name, m in people.items()
                 if label.casefold() in (name.casefold(), name.split()[-1].casefold())]
        if len({m.name for m in named}) != 1:
            continue
        start = line.start(2)
        anchor = doc.char_span(start, start + len(content), alignment_mode="expand")
        if anchor is None:
            continue
        yield Claim(
            speaker=named[0],
            source=Source(label, line.start(1), line.start(1) + len(label)),
            cue="say",
            content=content,
            start=start,
            end=start + len(content),
            direct=True,
            evidence=Evidence(sentence=sentence_of(anchor[0]), rule="transcript", confidence=CONFIDENCE["transcript"]),
            mentions=_mentions_within(mentions, start, start + len(content)),
        )


def _signed(doc: Doc, quote: Quote, mentions: dict[int, Mention]) -> Claim | None:
    """'"We need a change." ― Jane Doe': the name after a dash signs the quote."""
    after = text_of(doc)[quote.end : quote.end + 12]
    dash = SIGNATURE.match(after)
    if dash is None:
        return None
    name_start = quote.end + dash.end()
    signer = next((m for m in mentions.values() if m.start == name_start and m.cls == "Person"), None)
    if signer is None:
        return None
    content, start = _quoted_content(doc, quote)
    anchor = doc.char_span(signer.start, signer.end, alignment_mode="expand")[0]
    return Claim(
        speaker=signer,
        source=Source(text_of(doc)[signer.start : signer.end], signer.start, signer.end),
        cue="say",
        content=content,
        start=start,
        end=start + len(content),
        direct=True,
        evidence=Evidence(sentence=sentence_of(anchor), rule="signed-quote", confidence=CONFIDENCE["signed-quote"]),
        mentions=_mentions_within(mentions, quote.start, quote.end),
    )


def _reported_claims(doc: Doc, quotes: list[Quote], mentions: dict[int, Mention]) -> Iterator[Claim]:
    """'X said (that) ...', '..., X said', 'X told reporters ...', 'X said in a statement ...',
    '..., saying ...': the clausal complement of a cue verb. A complement that is nothing but a
    quote is a direct claim instead."""
    for cue in doc:
        if not is_cue(cue, stance=True) or _inside(cue.idx, quotes) or not _states(cue):
            continue
        for tokens, rule in _complements(cue):
            tokens = _trim(_statement_end(cue, tokens))
            if not tokens:
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            if not _has_unquoted_words(text_of(doc), start, end, quotes):
                continue
            found = source_of(cue, mentions, quotes)
            if found is None or (rule == "stance" and found[0] is None):
                continue  # 'the approach seeks to ...', 'they urged ...': a stance needs a known holder
            if cue.lemma_.lower() in EVIDENCE_LEMMAS and not _states_findings(cue, *found):
                continue  # 'Mr Smith had shown he could win': a person showing something says nothing
            rule = _pronoun_rule(rule, *found)
            if rule is None:
                continue
            yield Claim(
                speaker=found[0],
                source=found[1],
                cue=cue.lemma_.lower(),
                content=text_of(doc)[start:end],
                start=start,
                end=end,
                direct=False,
                evidence=_evidence(cue, rule),
                mentions=_mentions_within(mentions, start, end),
            )


def _complements(cue: Token) -> Iterator[tuple[list[Token], str]]:
    """The tokens of each clausal complement without its 'that', with the rule that found it.
    When the parser hangs a 'that'-clause off the object instead ('told a briefing that China
    is ...'), the clause after the first 'that' following the cue; failing all, the object of a
    stance verb ('urged supporters to vote')."""
    complements = [c for c in cue.children if c.dep_ in REPORTED_CONTENT_DEPS]
    for complement in complements:
        if _is_question(complement):
            continue  # 'asked if parents would vote for him', 'did not say whether ...': nothing stated
        tokens = [t for t in complement.subtree if not (t.dep_ == "mark" and t.head == complement)]
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
    """'told a briefing that China is ...', 'denied claims that he knew ...': a 'that'-clause the
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


def _states(cue: Token) -> bool:
    """The cue attributes a statement to its subject: it is not passive ('Asked why he thought ...,
    Lord Smith said', 'Criticised for the plan, he said': the one asked or criticised is no
    speaker of that), not in a condition or an indirect question ('if he says so', 'whether she
    thought', 'how can we accuse ...'), and not a verb of saying taken in its other sense ('has
    recalled the experienced centre')."""
    return not (_is_passive(cue) or _in_condition_or_question(cue) or (
        cue.lemma_.lower() in OBJECT_SENSE_LEMMAS and any(c.dep_ == "dobj" for c in cue.children)))


def _is_passive(verb: Token) -> bool:
    """'was asked', 'Asked why ...,', 'Criticised for ...,': a passive verb or participle clause."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    # a participle clause has no subject or auxiliary of its own (the tagger may take 'Asked' for a
    # past tense): 'Asked why ..., he said', 'When asked whether ..., she replied'
    return verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("advcl", "acl") and not any(
        c.dep_ in ("aux", "nsubj", "expl") for c in verb.children)


def _in_condition_or_question(cue: Token) -> bool:
    """The cue is in an if-clause or asks something itself."""
    for verb in (cue, *cue.ancestors):
        # 'If he says so, ...', 'if Mr Smith can't draw on his experience to offer an alternative'
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children):
            return True
    # 'asked why he thought ...', 'how can we accuse ...', 'what she said'
    return any(c.lower_ in QUESTION_WORDS and c.i < cue.i for c in cue.children)


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


def _states_findings(cue: Token, speaker: Mention | None, source: Source) -> bool:
    """'A survey showed', 'research has found', 'the regulator found': findings come from a
    document, data or an organisation."""
    if speaker is not None and speaker.cls in ORGANISATION_CLASSES:
        return True
    words = cue.doc.char_span(source.start, source.end, alignment_mode="expand")
    return words is not None and words.root.lemma_.lower() in FINDINGS_WORDS | {w.rstrip("s") for w in FINDINGS_WORDS}


def _pronoun_rule(rule: str, speaker: Mention | None, source: Source) -> str | None:
    """The rule a claim is measured by when its source is not a name: a pronoun or a description
    that coreference resolved ('it said', 'the company said') is measured apart ('reported-reference':
    readers find the wrong company behind 'it' often enough); a pronoun nobody was resolved to is
    kept under a rule of its own ('"...," he added.' with nobody clearly meant; 'many believe'), and
    dropped when it is the writer or a reader ('I think ...', "Let's hope ...")."""
    words = source.text.lower()
    if speaker is not None:
        return f"{rule}-reference" if _is_reference(source.text) else rule
    if words in FIRST_PERSON_SOURCES:
        return None
    unknown = (words in THIRD_PERSON_SOURCES or words.split()[0] in INDEFINITE_SOURCE_WORDS
               or words.startswith(("a lot of", "those who")) or words in ("those", "these"))
    return f"{rule}-pronoun" if unknown else rule


def _is_reference(words: str) -> bool:
    """'it', 'she', 'the company', 'the foreign secretary': a source that names nobody itself."""
    lower = words.lower()
    return lower in THIRD_PERSON_SOURCES or lower.startswith("the ") and words.split()[-1].islower()


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


def _according_to_claims(doc: Doc, quotes: list[Quote], mentions: dict[int, Mention]) -> Iterator[Claim]:
    """'According to X, ...' / '..., according to X.': the rest of the clause is X's claim."""
    for according in tokens_where(doc, LOWER, ["according"]):
        head = according_to_object(according)
        if head is None or _inside(according.idx, quotes):
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
        source = _source_words(head, mentions)
        rule = _pronoun_rule("according-to", speaker, source)
        if rule is None:
            continue
        yield Claim(
            speaker=speaker,
            source=source,
            cue="according to",
            content=text_of(doc)[start:end],
            start=start,
            end=end,
            direct=not _has_unquoted_words(text_of(doc), start, end, quotes),
            evidence=Evidence(sentence=sentence_of(according), rule=rule, confidence=_confidence(rule)),
            mentions=_mentions_within(mentions, start, end),
        )


def according_to_object(token: Token) -> Token | None:
    """X in 'according to X', when `token` is that 'according'."""
    if token.lower_ != "according":
        return None
    return next((g for to in token.children if to.lower_ == "to" for g in to.children if g.dep_ == "pobj"), None)


def _trim(tokens: list[Token]) -> list[Token]:
    """Without punctuation, quotation marks or line breaks at either end."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].is_quote):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].is_quote):
        tokens = tokens[:-1]
    return tokens


def is_cue(token: Token, *, stance: bool = False) -> bool:
    """A verb of saying (or, with stance=True, also of a stance: urge, criticise, plan, ...)."""
    lemmas = CUE_LEMMAS | STANCE_LEMMAS if stance else CUE_LEMMAS
    return token.lemma_.lower() in lemmas and is_verb(token)


def is_verb(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun though it has a subject ('statistics show')."""
    return token.pos_ == "VERB" or (token.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in token.children))


def _has_unquoted_words(text: str, start: int, end: int, quotes: list[Quote]) -> bool:
    outside = list(text[start:end])
    for quote in quotes:
        for offset in range(max(quote.start, start), min(quote.end, end)):
            outside[offset - start] = " "
    return any(ch.isalpha() for ch in "".join(outside))


def _cue_near(doc: Doc, quote: Quote, quotes: list[Quote]) -> tuple[Token, bool] | None:
    """The speech verb outside any quote that is closest to this one, and whether it introduces
    the quote itself (rather than a neighbouring part of the passage): in the sentences the quote touches; failing that, in the next sentence
    of the paragraph unless that sentence has a quote of its own (its cue is for that quote);
    failing that, in the previous sentence of the paragraph when it has a quote ('"A," he said.
    "B."': B continues A), or the sentence before introduces the quote with a colon ('Said
    Smith:', 'The Times reports:' before a block quote). A verb inside what another cue reports
    is not the quote's ('Jane Doe said Mr Smith had shown he could win: "..."' is Jane Doe's), nor
    one in the next sentence that reports a statement of its own ('"..." Lord Smith said that he
    and Jane Doe became friends.'). Only verbs of saying or believing that state something (see
    `_states`) introduce a quote."""
    first = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if first is None:
        return None
    own = list(dict.fromkeys([sentence(first[0]), sentence(first[-1])]))
    following = own[-1].end
    after = sentence(doc[following]) if following < len(doc) else None
    before = sentence(doc[own[0].start - 1]) if own[0].start > 0 else None
    choices = [(own, "own")]
    if after is not None and _same_paragraph(own[-1], after) and not _has_quote(after, quotes):
        choices.append(([after], "after"))
    if before is not None and before.text.rstrip().endswith(":"):
        choices.append(([before], "own"))
    elif before is not None and _same_paragraph(before, own[0]) and _has_quote(before, quotes):
        choices.append(([before], "before"))
    for sentences, place in choices:
        candidates = [t for sent in sentences for t in sent if _quote_cue(t, quotes)]
        candidates = [t for t in candidates if not any(_reported_by(t, other) for other in candidates)]
        if place == "after":
            candidates = [t for t in candidates if not any(
                c.dep_ in REPORTED_CONTENT_DEPS and not _inside(c.idx, quotes) for c in t.children)]
        # the cue the quote hangs from, if any ('X claimed "A" ... and concluded B': claimed)
        governing = [t for t in candidates if t in first.root.ancestors] if place == "own" else []
        if candidates:
            cue = min(governing or candidates, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
            return cue, place == "own"
    return None


def _quote_cue(token: Token, quotes: list[Quote]) -> bool:
    """A verb of saying or believing that can introduce a quote ('show' and 'find' cannot)."""
    return (is_cue(token) and token.lemma_.lower() not in EVIDENCE_LEMMAS
            and not _inside(token.idx, quotes) and _states(token))


def _reported_by(verb: Token, cue: Token) -> bool:
    """The verb is inside what the cue reports: 'said Mr Smith had shown ...' (shown, by said)."""
    node = verb
    while node.head != node:
        if node.head == cue:
            return node.dep_ in REPORTED_CONTENT_DEPS
        node = node.head
    return False


def _same_paragraph(earlier: Span, later: Span) -> bool:
    return "\n" not in text_of(earlier.doc)[earlier.start_char : later.start_char]


def _has_quote(sent: Span, quotes: list[Quote]) -> bool:
    return any(sent.start_char <= q.start < sent.end_char for q in quotes)


def source_of(
    cue: Token, mentions: dict[int, Mention], quotes: list[Quote] | tuple[()] = ()
) -> tuple[Mention | None, Source] | None:
    """Who the cue attributes the statement to: its subject, the one who controls it ('forced X to
    admit', 'one saying that'), or the subject it shares ('..., saying ...')."""
    verb = cue
    while True:
        subjects = [c for c in verb.children if c.dep_ in SPEAKER_DEPS and any(ch.isalnum() for ch in c.text)]
        subjects = subjects or _controller(verb, mentions)
        if subjects:
            break
        if verb.dep_ not in SHARED_SUBJECT_DEPS or verb.head == verb:
            return None
        if verb.dep_ == "conj" and verb.head.dep_ in REPORTED_CONTENT_DEPS and is_cue(verb.head.head):
            # 'The WTO said there was no consensus and emphasised that ...': the parser hung the
            # second cue inside the first one's statement; with nobody there who could have said
            # it, the speaker is the first cue's. 'The WTO said that many countries support the
            # end of quotas and stressed that ...': the WTO or the countries? Nobody.
            if any(c.dep_ in SPEAKER_DEPS and c.lower_ not in NON_SPEAKER_SUBJECTS for c in verb.head.children):
                return None
            verb = verb.head.head
            continue
        verb = verb.head
    # a misparse can give a verb two subjects ('His promises notwithstanding, analyses agree'): the nearer
    subject = min(subjects, key=lambda c: abs(c.i - verb.i))
    if _inside(subject.idx, quotes):
        # '"Full panic mode," said Jane Doe': the parser took words of the quote for the subject;
        # the speaker is the name after the cue
        # next to the cue, before or after it
        near = [c for c in cue.children
                if c.pos_ in ("PROPN", "NOUN") and c.ent_type_ not in ("DATE", "TIME") and not _inside(c.idx, quotes)]
        if not near:
            return None
        subject = min(near, key=lambda c: abs(c.i - cue.i))
    if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        # 'Jane Doe, who said ...': the entity is Jane Doe, the words in the clause are 'who'
        return document_source(verb.head, mentions), Source(subject.text, subject.idx, subject.idx + len(subject))
    named = next((c for c in subject.children if c.dep_ == "appos" and c.i in mentions), None)
    if subject.i not in mentions and named is not None:
        subject = named  # 'WASHINGTON -- President Obama, ... said', 'the ministry's spokesman, Jane Doe, said'
    if _fragment_of_name(subject, mentions):
        return None, _source_words(subject, {})
    partners = [c for c in subject.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
    if partners:
        # 'Tony Blair and Gordon Brown said ...': no one of them is the speaker
        tokens = subject.doc[subject.left_edge.i : max(c.right_edge.i for c in partners) + 1]
        return None, Source(tokens.text, tokens.start_char, tokens.end_char)
    return document_source(subject, mentions), _source_words(subject, mentions)


def _fragment_of_name(head: Token, mentions: dict[int, Mention]) -> bool:
    """'Swiss Re believes ...' with only 'Re' taken for an organisation's name: the entity is a
    piece of the name written, so it is nobody's."""
    mention = mentions.get(head.i)
    if mention is None or mention.cls == "Person":
        return False  # before a person's name stand titles of every kind: 'House Speaker', 'Sen.'
    return any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.i + 1 == head.doc.char_span(
            mention.start, mention.end, alignment_mode="expand").start
        and not is_title_word(c.text) and c.i not in mentions
        for c in head.children
    )


def _controller(verb: Token, mentions: dict[int, Mention]) -> list[Token]:
    """The unstated subject of a cue that hangs from a noun or an object: 'one saying that ...',
    'a letter saying ...' (the noun), 'forced the chief executive to admit that ...', 'footage of
    Jane Doe asking ...' (the object), when that word can speak."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        candidates = [verb.head]  # not 'at a news conference announcing ...': the conference is no speaker
    elif verb.dep_ == "xcomp":
        candidates = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i][:1]
    else:
        return []
    return [c for c in candidates if _can_speak(c, mentions)]


def _can_speak(token: Token, mentions: dict[int, Mention]) -> bool:
    """An entity, a pronoun or a group of people, or a document that states something."""
    return (
        token.i in mentions
        or token.lower_ in PERSONAL_PRONOUNS | OBJECT_PRONOUNS | INDEFINITE_SPEAKERS
        or token.ent_type_ in ACTOR_LABELS
        or token.lemma_.lower() in DOCUMENT_WORDS
    )


def document_source(head: Token, mentions: dict[int, Mention]) -> Mention | None:
    """The entity a source phrase names: itself, the one in apposition ('the ministry's spokesman,
    Jane Doe'), or the one behind a document or spokesperson ('data from X', 'a spokesperson for X')."""
    if head.i in mentions:
        return mentions[head.i]
    for appos in (c for c in head.children if c.dep_ == "appos"):
        if appos.i in mentions:
            return mentions[appos.i]
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in SOURCE_PREPOSITIONS):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.i in mentions:
                return mentions[obj.i]
    return None


def _source_words(head: Token, mentions: dict[int, Mention]) -> Source:
    """The words naming the source: the mention, or the noun phrase up to any clause or comma."""
    if head.i in mentions:
        mention = mentions[head.i]
        return Source(text_of(head.doc)[mention.start : mention.end], mention.start, mention.end)
    tokens = list(head.doc[head.left_edge.i : head.i + 1])
    for child in head.rights:  # 'a spokesman for the ministry', not 'officials who ...'
        if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj"):
            break
        tokens += list(child.subtree)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Source(text_of(head.doc)[start:end], start, end)


def _confidence(rule: str) -> float:
    """The rule's own score; a resolved reference ('reported-reference') scores as its rule."""
    return CONFIDENCE[rule.removesuffix("-reference")]


def _evidence(cue: Token, rule: str) -> Evidence:
    return Evidence(
        sentence=sentence_of(cue),
        rule=rule,
        confidence=_confidence(rule),
        negated=any(c.dep_ == "neg" for c in cue.children),
        modality=modality(cue),
        when=time_of(cue),
    )


def _inside(offset: int, quotes: list[Quote]) -> bool:
    return any(q.start <= offset < q.end for q in quotes)


def _mentions_within(mentions: dict[int, Mention], start: int, end: int) -> tuple[Mention, ...]:
    inside = {m for m in mentions.values() if start <= m.start and m.end <= end}
    return tuple(sorted(inside, key=lambda m: (m.start, m.end)))
