"""Sources: who a cue attributes a statement to (an entity, or only words such as "officials"), the
entity behind a document or a spokesperson, and the rule a claim gets when its source is a pronoun."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.claims.cues import REPORTED_CONTENT_DEPS, is_cue
from kg.extract.doc_lookups import text_of
from kg.extract.quotes import Quote, inside_quote
from kg.lexicon.pronouns import (
    FIRST_PERSON_POSSESSIVES,
    FIRST_PERSON_PRONOUNS,
    SECOND_PERSON_PRONOUNS,
    THIRD_PERSON_PRONOUNS,
)
from kg.lexicon.titles import is_title_word
from kg.model import ORGANISATION_CLASSES, EntityClass, Mention, Source

# Sources that are only a pronoun. A first or second person one ('I think', 'we must', "let's
# hope") is the writer or a reader, never a reported speaker; a third person one no coreference
# resolved is someone unknown, so its claim gets a rule of its own ('quote-pronoun').
FIRST_PERSON_SOURCES = FIRST_PERSON_PRONOUNS | FIRST_PERSON_POSSESSIVES | SECOND_PERSON_PRONOUNS | {"'s"}  # let's
THIRD_PERSON_SOURCES = THIRD_PERSON_PRONOUNS | {"who"}
# ... and so is a group no one can name: 'most believe', 'many say', 'some people think', 'a lot
# of people think', 'those who ...', 'everyone agrees' (not 'these figures show': documents). A
# group described by what it is ('some environmental groups', 'several experts') is a source the
# article describes, as 'officials' is.
INDEFINITE_SOURCE_WORDS = frozenset(
    "most many some others everyone everybody someone somebody few several".split())
VAGUE_GROUP_WORDS = frozenset("people persons folks others observers critics".split())
# Pronouns that can speak: any but 'it', and 'who'.
SPEAKING_PRONOUNS = (FIRST_PERSON_PRONOUNS | SECOND_PERSON_PRONOUNS | THIRD_PERSON_PRONOUNS) - {"it"} | {"who"}
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
# "..., saying ...": a participle or coordinated cue shares the subject of the verb it hangs from.
SHARED_SUBJECT_DEPS = frozenset({"advcl", "xcomp", "conj"})
# "data from X showed", "a report by X", "a spokesperson for X": the entity behind the words.
SOURCE_PREPOSITIONS = frozenset({"from", "by", "of", "for"})


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
    if inside_quote(subject.idx, quotes):
        # '"Full panic mode," said Jane Doe': the parser took words of the quote for the subject;
        # the speaker is the name after the cue
        # next to the cue, before or after it
        near = [c for c in cue.children
                if c.pos_ in ("PROPN", "NOUN") and c.ent_type_ not in ("DATE", "TIME") and not inside_quote(c.idx, quotes)]
        if not near:
            return None
        subject = min(near, key=lambda c: abs(c.i - cue.i))
    if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        # 'Jane Doe, who said ...': the entity is Jane Doe, the words in the clause are 'who'; 'an
        # ad that urges voters to ...': no entity, so the words are those of what 'that' stands for
        speaker = document_source(verb.head, mentions)
        if speaker is None:
            return None, source_words(verb.head, mentions)
        return speaker, Source(subject.text, subject.idx, subject.idx + len(subject))
    named = next((c for c in subject.children if c.dep_ == "appos" and c.i in mentions), None)
    if subject.i not in mentions and named is not None:
        subject = named  # 'WASHINGTON -- President Obama, ... said', 'the ministry's spokesman, Jane Doe, said'
    if _fragment_of_name(subject, mentions):
        return None, source_words(subject, {})
    partners = [c for c in subject.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
    if partners:
        # 'Tony Blair and Gordon Brown said ...': no one of them is the speaker
        tokens = subject.doc[subject.left_edge.i : max(c.right_edge.i for c in partners) + 1]
        return None, Source(tokens.text, tokens.start_char, tokens.end_char)
    named = _person_by_surname(subject, mentions)
    if named is not None:
        return named, Source(subject.text, subject.idx, subject.idx + len(subject))
    return document_source(subject, mentions), source_words(subject, mentions)


def _person_by_surname(word: Token, mentions: dict[int, Mention]) -> Mention | None:
    """'Doe said ...' where the tagger found no name in 'Doe': the one person of the article named
    in full with that surname."""
    if word.i in mentions or word.pos_ != "PROPN" or any(c.dep_ == "compound" for c in word.children):
        return None
    people = {m.name: m for m in mentions.values()
              if m.cls == EntityClass.Person and " " in m.name and m.name.split()[-1] == word.text}
    return next(iter(people.values())) if len(people) == 1 else None


def _fragment_of_name(head: Token, mentions: dict[int, Mention]) -> bool:
    """'Swiss Re believes ...' with only 'Re' taken for an organisation's name: the entity is a
    piece of the name written, so it is nobody's."""
    mention = mentions.get(head.i)
    if mention is None or mention.cls == EntityClass.Person:
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
    Jane Doe asking ...', 'quoted Jane Doe as saying ...' (the object), when that word can speak."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        candidates = [verb.head]  # not 'at a news conference announcing ...': the conference is no speaker
    elif verb.dep_ == "xcomp":
        candidates = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i][:1]
    elif verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        # 'quoted Jane Doe as saying ...', 'cited the minister as saying ...'
        candidates = [c for c in verb.head.head.children if c.dep_ == "dobj" and c.i < verb.i][:1]
    else:
        return []
    return [c for c in candidates if _can_speak(c, mentions)]


def _can_speak(token: Token, mentions: dict[int, Mention]) -> bool:
    """An entity, a pronoun or a group of people, or a document that states something."""
    return (
        token.i in mentions
        or token.lower_ in SPEAKING_PRONOUNS | INDEFINITE_SPEAKERS
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


def source_words(head: Token, mentions: dict[int, Mention]) -> Source:
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
    words = text_of(head.doc)[start:end]
    return Source(words, start, end, description=_describes(head) and not _names_nobody(words))


def _describes(head: Token) -> bool:
    """'officials', 'Police' opening a sentence, 'two people familiar with the talks', 'Republicans':
    a common noun or a group of a party or nation, not a name the tagger missed ('Colts',
    'Salazar') nor a pronoun ('Some people' is described by no one: see _names_nobody)."""
    if head.lower_ in INDEFINITE_SOURCE_WORDS:
        return False
    return head.ent_type_ == "NORP" or head.pos_ == "NOUN" and (head.is_lower or head.is_sent_start)


def according_to_object(token: Token) -> Token | None:
    """X in 'according to X', when `token` is that 'according'."""
    if token.lower_ != "according":
        return None
    return next((g for to in token.children if to.lower_ == "to" for g in to.children if g.dep_ == "pobj"), None)


def states_findings(cue: Token, speaker: Mention | None, source: Source) -> bool:
    """'A survey showed', 'research has found', 'the regulator found': findings come from a
    document, data or an organisation."""
    if speaker is not None and speaker.cls in ORGANISATION_CLASSES:
        return True
    words = cue.doc.char_span(source.start, source.end, alignment_mode="expand")
    return words is not None and words.root.lemma_.lower() in FINDINGS_WORDS | {w.rstrip("s") for w in FINDINGS_WORDS}


def pronoun_rule(rule: str, speaker: Mention | None, source: Source) -> str | None:
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
    return f"{rule}-pronoun" if _names_nobody(words) else rule


def _names_nobody(words: str) -> bool:
    """'he', 'who', 'many', 'some people', 'a lot of people', 'those who ...': no one known."""
    words = words.lower()
    first, *rest = words.split()
    return (words in THIRD_PERSON_SOURCES or words.startswith(("a lot of", "those who")) or words in ("those", "these")
            or first in INDEFINITE_SOURCE_WORDS and (not rest or rest[-1] in VAGUE_GROUP_WORDS))


def _is_reference(words: str) -> bool:
    """'it', 'she', 'the company', 'the foreign secretary': a source that names nobody itself."""
    lower = words.lower()
    return lower in THIRD_PERSON_SOURCES or lower.startswith("the ") and words.split()[-1].islower()
