"""Cues: the verbs of saying, believing, finding and taking a stance that attribute a statement to
their subject, and whether a cue states anything at all."""

from __future__ import annotations

from spacy.tokens import Token

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
# Every cue (the figures of kg.extract.figures take their source from these too).
CUE_LEMMAS = SPEECH_LEMMAS | BELIEF_LEMMAS | EVIDENCE_LEMMAS
# Cues that are no speech when they take a direct object: 'recalled the experienced centre',
# 'continued the talks', 'charged him with fraud', 'concluded the deal', 'found the wreck',
# 'added the conversion'.
OBJECT_SENSE_LEMMAS = frozenset("recall continue charge rule conclude find add".split())
# Verbs whose object is a stance taken in words: 'urged supporters to monitor polling places',
# 'called for a recount', 'criticized the decision to close the plant', 'denounced the decision to
# ...' (the last row: verbs PolNeAR's readers marked as cues at least 60 % of the times they occur
# as verbs, counted on its training split). Cues of reported speech and of stances, never of a quote.
STANCE_LEMMAS = frozenset(
    "urge call criticize criticise condemn praise blame attack defend demand reject dismiss "
    "slam welcome applaud dispute challenge accuse propose recommend warn question deny "
    "describe stress emphasise emphasize pledge vow promise report "
    "assail blast chant decry denounce express hint mock point portray rail speculate tout voice".split()
)
# Cues of reported speech whose object is only what they name ('mentioned the talks', 'cited a poll',
# 'referred to the report'): they state something by a clause alone, never by their object.
TOPIC_LEMMAS = frozenset("mention cite refer reference list quote title deem credit".split())
STANCE_CUE_LEMMAS = CUE_LEMMAS | STANCE_LEMMAS | TOPIC_LEMMAS
# Verbs the cue model (cue_model.py) may take for cues though they state nothing: acts ('declined to
# comment', 'ordered a review', 'decided that ...'), aims ('wants to ...', 'is seeking to ...') and
# 'according', which has a rule of its own. PolNeAR's readers marked many of these as attributions.
NOT_STATING_LEMMAS = frozenset(
    "accord refuse decline prefer apologize apologise order want seek plan offer try aim intend "
    "attempt wish decide".split())
# Cues whose object is the one spoken to: 'told reporters', 'warned investors'.
ADDRESSEE_LEMMAS = frozenset("tell ask inform remind assure warn urge caution advise".split())
# A cue in a condition or an indirect question states nothing: 'if he says so', 'asked why he
# thought ...', 'whether she believed ...', 'how can we accuse ...'.
CONDITION_MARKS = frozenset("if unless whether".split())
QUESTION_WORDS = frozenset("why how whether what".split())
# How the parser attaches a cue inserted in or appended to the statement it attributes.
INSERTED_CUE_DEPS = frozenset({"parataxis", "dep"})
REPORTED_CONTENT_DEPS = frozenset({"ccomp"})


def is_cue(token: Token, *, stance: bool = False) -> bool:
    """A verb of saying (or, with stance=True, also of a stance: urge, criticise, ..., or one learned)."""
    lemmas = STANCE_CUE_LEMMAS if stance else CUE_LEMMAS
    return token.lemma_.lower() in lemmas and is_verb(token)


def is_verb(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun though it has a subject ('statistics show')."""
    return token.pos_ == "VERB" or (token.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in token.children))


# 'refusing to attack his rivals', 'declined to criticise': a cue under these was not uttered.
REFUSAL_LEMMAS = frozenset("refuse decline fail avoid".split())


def states(cue: Token) -> bool:
    """The cue attributes a statement to its subject: it is not passive ('Asked why he thought ...,
    Lord Smith said', 'Criticised for the plan, he said': the one asked or criticised is no
    speaker of that), not in a condition or an indirect question ('if he says so', 'whether she
    thought', 'how can we accuse ...'), not refused ('refusing to attack his rivals'), and not a
    verb of saying taken in its other sense ('has recalled the experienced centre', 'added the
    conversion')."""
    return not (_is_passive(cue) or _in_condition_or_question(cue) or (
        cue.lemma_.lower() in OBJECT_SENSE_LEMMAS and any(c.dep_ == "dobj" for c in cue.children))
        or (cue.dep_ == "xcomp" and cue.head.lemma_.lower() in REFUSAL_LEMMAS))


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
