"""Direct quotes: '"...," said X', 'X said: "..."', '"A," he said. "B."' (the cue next to the quote
or to another part of its passage), a quote signed with a dash, and interview transcripts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extract.claims.cues import (
    EVIDENCE_LEMMAS,
    REPORTED_CONTENT_DEPS,
    is_cue,
    states,
)
from kg.extract.claims.evidence import cue_evidence, mentions_within
from kg.extract.claims.sources import pronoun_rule, source_of
from kg.extract.doc_lookups import sentence, sentence_of, text_of
from kg.extract.quotes import MIN_QUOTE_WORDS, OPENING_MARKS, Quote, inside_quote
from kg.extract.rule_confidence import RULE_CONFIDENCE
from kg.model import Claim, EntityClass, Evidence, Mention, Source

# 'talked about "..."': a quote after it is a topic, not a statement.
TOPIC_PREPOSITIONS = frozenset({"about"})
# '"..." ― Jane Doe': a quote signed with a dash and a name (listicles, epigraphs).
SIGNATURE = re.compile(r"^[”\"]?[ \t]*[―—–-]+[ \t]*")
# Interview transcripts: 'SMITH: We will not raise taxes.' (a speaker label opening a paragraph)
# '," Jane Doe, the party's spokeswoman, said on Monday. "': the most an attribution between two
# parts of one quoted statement takes.
MAX_INTERRUPTION = 120
SPEAKER_LABEL = re.compile(r"^[“\"]?([A-Z][\w.'’ -]{1,40}?):[ \t]+(\S[^\n]*?)[”\"]?$", re.MULTILINE)


def direct_claims(
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
    said: list[tuple[Claim, Token | None]] = []
    for quote in unclaimed:
        if _is_topic(doc, quote):
            continue
        near = cues[quote]
        cue = near[0] if near is not None and near[1] else run_cue.get(quote.run)
        found = source_of(cue, mentions, quotes) if cue is not None else None
        if found is None:
            signed = _signed(doc, quote, mentions)
            if signed is not None:
                said.append((signed, None))
            continue
        rule = pronoun_rule("quote", *found)
        if rule is None:
            continue
        content, start = _quoted_content(doc, quote)
        claim = Claim(
            speaker=found[0],
            source=found[1],
            cue=cue.lemma_.lower(),
            content=content,
            start=start,
            end=start + len(content),
            direct=True,
            evidence=cue_evidence(cue, rule),
            mentions=mentions_within(mentions, quote.start, quote.end),
        )
        said.append((claim, cue))
    yield from _joined(doc, said)


def _joined(doc: Doc, said: list[tuple[Claim, Token | None]]) -> Iterator[Claim]:
    """'"A," she said. "B."': one statement that the attribution interrupts is one claim, 'A … B',
    whose offsets span the passage."""
    joined: list[tuple[Claim, Token | None]] = []
    for claim, cue in said:
        if joined and cue is not None and _interrupts(doc, cue, *joined[-1], claim):
            first = joined[-1][0]
            joined[-1] = (replace(first, content=f"{first.content} … {claim.content}", end=claim.end,
                                  mentions=tuple(dict.fromkeys(first.mentions + claim.mentions))), cue)
        else:
            joined.append((claim, cue))
    yield from (claim for claim, _ in joined)


def _interrupts(doc: Doc, cue: Token, first: Claim, first_cue: Token | None, second: Claim) -> bool:
    """The cue of both quotes stands between them, in the same paragraph, with few words around it."""
    between = text_of(doc)[first.end : second.start]
    return (first_cue is not None and first_cue.i == cue.i and first.end <= cue.idx < second.start
            and "\n" not in between and len(between) <= MAX_INTERRUPTION)


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


def transcript_claims(doc: Doc, mentions: dict[int, Mention]) -> Iterator[Claim]:
    """'PENCE: Well, the question ...': a paragraph opened by a person's name and a colon is what
    that person said. Labels that are no person of the article ('NOTE:') are left alone."""
    people = {m.name: m for m in mentions.values() if m.cls == EntityClass.Person}
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
            evidence=Evidence(sentence=sentence_of(anchor[0]), rule="transcript", confidence=RULE_CONFIDENCE["transcript"]),
            mentions=mentions_within(mentions, start, start + len(content)),
        )


def _signed(doc: Doc, quote: Quote, mentions: dict[int, Mention]) -> Claim | None:
    """'"We need a change." ― Jane Doe': the name after a dash signs the quote."""
    after = text_of(doc)[quote.end : quote.end + 12]
    dash = SIGNATURE.match(after)
    if dash is None:
        return None
    name_start = quote.end + dash.end()
    line_end = text_of(doc).find("\n", name_start)
    line_end = len(text_of(doc)) if line_end < 0 else line_end
    # the name, or the part of it the tagger found ('Adaeze Okonkwo' of 'Tolulope Adaeze Okonkwo')
    signer = min((m for m in mentions.values() if name_start <= m.start < line_end and m.cls == EntityClass.Person),
                 key=lambda m: m.start, default=None)
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
        evidence=Evidence(sentence=sentence_of(anchor), rule="signed-quote", confidence=RULE_CONFIDENCE["signed-quote"]),
        mentions=mentions_within(mentions, quote.start, quote.end),
    )


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
    `states`) introduce a quote."""
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
    elif before is not None and _same_paragraph(before, own[0]) and (
            _has_quote(before, quotes) or _opens_with_quote(before)):
        choices.append(([before], "before"))
    for sentences, place in choices:
        candidates = [t for sent in sentences for t in sent if _quote_cue(t, quotes)]
        candidates = [t for t in candidates if not any(_reported_by(t, other) for other in candidates)]
        if place == "after":
            candidates = [t for t in candidates if not any(
                c.dep_ in REPORTED_CONTENT_DEPS and not inside_quote(c.idx, quotes) for c in t.children)]
        # the cue the quote hangs from, if any ('X claimed "A" ... and concluded B': claimed)
        governing = [t for t in candidates if t in first.root.ancestors] if place == "own" else []
        if candidates:
            cue = min(governing or candidates, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
            return cue, place == "own"
    return None


def _quote_cue(token: Token, quotes: list[Quote]) -> bool:
    """A verb of saying or believing that can introduce a quote ('show' and 'find' cannot)."""
    return (is_cue(token) and token.lemma_.lower() not in EVIDENCE_LEMMAS
            and not inside_quote(token.idx, quotes) and states(token))


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
    """Some quote is in the sentence, or ends in it ('A. B," he said.')."""
    return any(q.start < sent.end_char and sent.start_char < q.end for q in quotes)


def _opens_with_quote(sent: Span) -> bool:
    """'"It's over," she said.': the sentence opens with words too short to be a quote of their
    own, but a quote all the same, so the next quote of the paragraph continues it."""
    return sent.text.lstrip()[:1] in OPENING_MARKS
