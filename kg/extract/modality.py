"""Modality: what makes a verb's act wished, planned, possible or asked about rather than done
('may field', 'plans to buy', 'if Acme buys', 'Will Acme buy X?'); see `modality`."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from kg.extract.doc_lookups import sentence, text_of, tokens_where
from kg.lexicon.dates import MONTH_NAMES, WEEKDAYS

# Modal auxiliaries, and their contracted forms ("won't", "can't", "'ll", "'d").
MODAL_WORDS = frozenset("will would may might can could should must shall ought need".split())
MODAL_CONTRACTIONS = {"wo": "will", "'ll": "will", "ca": "can", "sha": "shall", "'d": "would"}
# Words that open a conditional or an embedded question, and the modality they give.
CLAUSE_MARKS = {"if": "if", "unless": "unless", "provided": "if", "providing": "if", "whether": "whether"}
# Words of a date that name a day: 'on Wednesday', 'tomorrow', 'on 24 May'.
DAY_WORDS = frozenset(WEEKDAYS) | {"tomorrow", "tonight"}
MONTH_WORDS = frozenset(MONTH_NAMES)
# Present-tense verbs of saying and of being that tell no act to come: 'says today', 'is 35 years old'.
UNSCHEDULED_LEMMAS = frozenset("be have say tell add expect believe think hope want need seem".split())
# Words that make a date a habit, not a day: 'every year', 'each Monday'.
HABITUAL_WORDS = frozenset({"every", "each", "annually", "daily", "weekly", "monthly", "yearly"})
# Prepositions whose clause, with a subject of its own, is a proposition talked about: "wrong
# about Britain winning the war", "talk of Chile cutting exports".
TOPIC_PREPOSITIONS = frozenset({"about", "of", "over", "on"})
# Verbs whose to-complement is wanted, planned, attempted, expected or refused, not done: "plans to
# buy", "wants the club to sign X", "is expected to announce", "failed to win".
INTENT_LEMMAS = frozenset(
    "want wish hope plan intend aim seek try attempt expect propose threaten promise consider aspire "
    "pledge vow offer prepare look bid need refuse decline fail vote".split()
)
# ... of those, the ones whose that-clause is wished or foreseen too: "hopes (that) Acme wins".
WISH_THAT_LEMMAS = frozenset("want wish hope expect propose threaten promise pledge vow".split())
# Verbs that ask someone else to act: "urged Congress to pass the budget" (the budget is not passed).
DIRECTIVE_LEMMAS = frozenset(
    "urge ask call invite encourage advise order demand request press tell instruct warn".split()
)
# Passive reports and appearances: "is said to have offered", "is understood to want", "seems to have".
REPORTED_LEMMAS = frozenset("say believe think report understand rumour rumor allege suppose seem appear".split())
# "be X to": adjectives and participles that make the complement likely or due, not done.
BE_TO_WORDS = frozenset(
    "set poised due likely unlikely about sure certain bound scheduled slated tipped ready willing "
    "keen eager determined desperate unable unwilling reluctant".split()
)
# Nouns whose to-clause is intended: "plans to buy X", "a bid to win the title".
INTENT_NOUNS = frozenset(
    "plan bid attempt effort hope aim intention proposal threat promise offer wish ambition pledge".split()
)
# Nouns whose that-clause is reported, not vouched for: "denied claims that he faked a crash".
REPORT_NOUNS = frozenset("claim allegation report rumour rumor suggestion speculation suspicion fear".split())
# Adverbs that report an act without vouching for it: "Acme reportedly bought X".
HEDGE_ADVERBS = frozenset(
    "perhaps maybe possibly probably likely reportedly allegedly apparently supposedly potentially".split()
)
PRESENT_TAGS = frozenset({"VB", "VBP", "VBZ"})
PAST_TAGS = frozenset({"VBD"})
# What "be" must not have for "is to visit" to mean a plan: "it is our duty to keep", "was wrong to give".
BE_PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})


def modality(verb: Token) -> str | None:
    """The word naming why the verb's act is not stated as done, or None for a plain statement of
    fact ('said', 'has signed', 'was appointed'). Walks up the verb's heads, never the document:

    - a question: "Will Acme buy X?" -> "question";
    - a modal auxiliary on the verb or up its control chain: "may field", "will continue to
      strengthen" -> "may", "will";
    - a hedging adverb: "reportedly bought" -> "reportedly";
    - a present-tense act on a given day, still to come: "plays Rusedski on Wednesday" -> "scheduled";
    - a conditional or embedded question the verb is in: "if Acme buys", "unless the club pays",
      "asked whether Acme bought" -> "if", "unless", "whether"; and the present main clause of a
      conditional: "Acme raises prices if demand rises" -> "if";
    - a governing word: "plans to buy" -> "plan", "wants the club to sign" -> "want", "urged
      Congress to pass" -> "urge", "failed to win" -> "fail", "is said to have offered" -> "say",
      "is set to sign" -> "set", "is going to buy" -> "going to", "is to visit" -> "be to",
      "ought to sell" -> "ought", "has to pay" -> "have to", "has yet to name" -> "yet to";
    - a governing noun: "announced plans to buy" -> "plan", "denied claims that he faked" -> "claim".

    The order is the order of the checks. 'could only' is what happened ("Greene could only
    finish second"), not a modal.

    Past 'would' in reported speech ("said it would buy") stays "would": the parse cannot tell it
    from a conditional. Only control chains (xcomp) and coordinated verbs sharing a subject carry
    the modal of the verb above; a that-clause or adverbial clause carries only a conditional
    ("Smith will argue that Acme bought X": 'bought' is not made modal by 'will').
    """
    if _asked(verb):
        return "question"
    token, shares_modal = verb, True
    while True:
        children = list(token.children)  # made once: a Token per child is most of the cost
        if shares_modal:
            found = (_modal_auxiliary(children) or _hedge(children) or _conditional_main_clause(token, children)
                     or _scheduled(token, children))
            if found:
                return found
        found = _clause_mark(token, children)
        if found:
            return found
        head = token.head
        if head == token:
            return None
        if shares_modal:
            found = _governing_word(token, head)
            if found:
                return found
        if token.dep_ == "xcomp" or (token.dep_ == "ccomp" and _infinitival(token)):
            pass  # control: "will continue to strengthen", "helped the club to win"
        elif token.dep_ == "conj":
            # "will buy X and sell Y" shares 'will'; "bought X and Bob will sell Y" shares nothing
            shares_modal = shares_modal and _shares_auxiliaries(token, head)
        elif token.dep_ in ("ccomp", "csubj"):
            shares_modal = False  # only a conditional or 'whether' around it still counts
        else:
            return None  # relative and adverbial clauses ('who won', 'after winning'): taken as given
        token = head


def _modal_auxiliary(children: list[Token]) -> str | None:
    """'may field', "won't buy", "they'll sign" -> may, will, will."""
    for child in children:
        if child.dep_ != "aux":
            continue
        if child.lower_ == "could" and any(c.dep_ == "advmod" and c.lower_ == "only" for c in children):
            continue  # "Greene could only finish second": what he did, not what he might do
        if child.lower_ in MODAL_WORDS:
            return child.lower_
        if child.tag_ == "MD" and child.lower_ in MODAL_CONTRACTIONS:
            return MODAL_CONTRACTIONS[child.lower_]
    return None


def _scheduled(verb: Token, children: list[Token]) -> str | None:
    """'Federer plays Rusedski on Wednesday', 'The Lions leave for New Zealand on 24 May': news tells
    past acts in the past tense, so a present-tense act on a given day is one still to come (not in
    a headline, which tells past acts in the present: 'Acme approves merger', nor a habit: 'every
    year')."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.lemma_.lower() in UNSCHEDULED_LEMMAS or _in_headline(verb):
        return None
    for date in (t for t in verb.subtree if t.ent_type_ == "DATE" and t.dep_ in ("pobj", "npadvmod", "tmod")):
        words = {t.lower_ for t in date.subtree}
        on_a_day = bool(words & DAY_WORDS) or any(t.like_num for t in date.subtree) and bool(words & MONTH_WORDS)
        if on_a_day and _in_clause_of(date, verb) and not words & HABITUAL_WORDS:
            return "scheduled"  # 'plays Rusedski in the second round on Wednesday'
    return None


def _in_headline(token: Token) -> bool:
    """The article's first line tells past acts in the present: 'Acme approves merger'."""
    first_break = text_of(token.doc).find("\n")
    return first_break == -1 or token.idx < first_break


def _in_clause_of(token: Token, verb: Token) -> bool:
    """The token hangs on the verb through nouns and prepositions, not through another verb."""
    head = token.head
    while head != verb:
        if head.pos_ in ("VERB", "AUX") or head.head == head:
            return False
        head = head.head
    return True


def _hedge(children: list[Token]) -> str | None:
    """'Acme reportedly bought X' -> reportedly."""
    for child in children:
        if child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS:
            return child.lower_
    return None


def _clause_mark(token: Token, children: list[Token]) -> str | None:
    """The conditional or question word that opens the token's clause, or the preposition a clause
    with its own subject is the topic of ('about Britain winning')."""
    for child in children:
        if child.dep_ == "mark" and child.lower_ in CLAUSE_MARKS:
            return CLAUSE_MARKS[child.lower_]  # "if Acme buys X", "whether Acme bought X"
        if child.dep_ == "mark" and child.lower_ == "as" and token.head.lower_ == "long":
            return "if"  # "as long as the board agrees"
        if child.dep_ == "prep" and child.lower_ == "in" and child.i < token.i and _case_without_of(child):
            return "if"  # "in case the bid fails"
    if token.dep_ == "pcomp" and token.head.lower_ in TOPIC_PREPOSITIONS and any(c.dep_ == "nsubj" for c in children):
        return "about"  # "wrong about Britain winning the war": a proposition talked about, not stated
    if token.dep_ not in ("ccomp", "advcl"):
        return None
    before = token.left_edge.i - 1
    if before > 0 and token.doc[before].lower_ == "that":
        before -= 1
    if before >= 0 and token.doc[before].lower_ in ("provided", "providing"):
        return "if"  # "will sign provided (that) the board agrees": 'provided' parsed as a preposition
    return None


def _case_without_of(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.lower_ == "case" and not any(c.children) for c in prep.children)


def _conditional_main_clause(token: Token, children: list[Token]) -> str | None:
    """'Acme raises prices if demand rises': the main clause of a conditional in the present ('Chelsea
    won if you count the cup', 'has claimed ... if' stay facts). With would or could it is already
    modal. A verb of saying with its own clause keeps the condition for that clause ("X will be
    raised if Labour wins, Howard has claimed" parses the 'if' onto 'claimed')."""
    if token.tag_ not in PRESENT_TAGS or any(c.dep_ in ("aux", "auxpass", "ccomp") for c in children):
        return None
    for child in children:
        if child.dep_ == "advcl":
            mark = next((m.lower_ for m in child.children if m.dep_ == "mark"), None)
            if mark in ("if", "unless"):
                return mark
    return None


def _stem(token: Token) -> str:
    """The word's stem when the lemmatizer slips ('hoping' -> 'hop'): 'hoping' -> 'hope'."""
    word = token.lower_
    for ending, replacement in (("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""), ("es", "e"), ("s", "")):
        if word.endswith(ending) and word[: -len(ending)] + replacement in INTENT_LEMMAS:
            return word[: -len(ending)] + replacement
    return word


def _governing_word(token: Token, head: Token) -> str | None:
    """The word above the token's clause that makes its act wished, planned, expected or due."""
    lemma = head.lemma_.lower()
    to_clause = token.dep_ == "xcomp" or (token.dep_ == "ccomp" and _infinitival(token))
    noun_clause = head.pos_ == "NOUN" and token.dep_ in ("acl", "advcl", "relcl", "ccomp")
    if noun_clause and lemma in INTENT_NOUNS and _infinitival(token):
        return lemma  # "plans to buy X", "a bid to win the title", "no plans for Mr Blair to hold"
    if noun_clause and lemma in REPORT_NOUNS and _marked_that(token):
        return lemma  # "denied claims that he faked a crash"
    if head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    if to_clause and (lemma in INTENT_LEMMAS | DIRECTIVE_LEMMAS or _stem(head) in INTENT_LEMMAS):
        return _stem(head) if lemma not in INTENT_LEMMAS | DIRECTIVE_LEMMAS else lemma  # "plans to buy", "urged Congress to pass"
    if token.dep_ == "ccomp" and lemma in WISH_THAT_LEMMAS:
        return lemma  # "hopes Acme wins the bid"
    if token.dep_ == "xcomp" and lemma in REPORTED_LEMMAS and _passive_or_raising(head):
        return lemma  # "is said to have offered", "seems to have agreed"
    if token.dep_ == "xcomp" and head.lower_ in BE_TO_WORDS and head.tag_ in ("JJ", "VBN"):
        return head.lower_  # "is set to sign", "is due to open", "is keen to sign"
    if token.dep_ == "xcomp" and lemma == "go" and head.tag_ == "VBG" and _has_be(head):
        return "going to"  # "is going to buy"
    if token.dep_ == "xcomp" and lemma in ("be", "have") and any(c.lower_ == "yet" for c in head.children):
        return "yet to"  # "are yet to respond", "has yet to name the date"
    if token.dep_ == "xcomp" and lemma == "be" and _infinitival(token) and not _children_in(head, BE_PREDICATE_DEPS):
        return "be to"  # "the president is to visit France" (but "it is an honour to win": it was won)
    if token.dep_ == "xcomp" and head.lower_ == "ought":
        return "ought"  # "ought to sell"
    if token.dep_ == "xcomp" and lemma == "have" and head.tag_ not in PAST_TAGS and _infinitival(token):
        return "have to"  # "has to pay" (but "had to pay": it was paid)
    return None


def _children_in(token: Token, deps: frozenset[str]) -> bool:
    return any(c.dep_ in deps for c in token.children)


def _infinitival(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def _marked_that(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def _has_be(token: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" for c in token.children)


def _passive_or_raising(head: Token) -> bool:
    """'is said to', 'is believed to' (passive), 'seems to', 'appears to' (no object of their own)."""
    return head.lemma_ in ("seem", "appear") or any(c.dep_ == "auxpass" for c in head.children)


def _shares_auxiliaries(conj: Token, head: Token) -> bool:
    """'will buy X and sell Y': the second verb has no subject or auxiliary of its own and the same form."""
    own = any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conj.children)
    return not own and (conj.tag_ == head.tag_ or {conj.tag_, head.tag_} <= {"VB", "VBP"})


def _asked(verb: Token) -> bool:
    """The verb heads, or sits inside, a clause that a question mark closes."""
    questions = _question_clauses(verb.doc)
    if not questions:
        return False
    return verb.i in questions or any(a.i in questions for a in verb.ancestors)


def _question_clauses(doc: Doc) -> frozenset[int]:
    """The heads of the clauses a '?' closes, found once per document: from the word before the '?',
    up while the head's words end at the '?' and lie inside the quote the '?' closes ('"Will we
    win?" he asked' and 'He asked: "Will we win?"' ask with 'win', not with 'asked')."""
    if "kg.questions" not in doc.user_data:
        heads = set()
        for mark in tokens_where(doc, ORTH, ["?"]):
            end = mark.i
            while end + 1 < len(doc) and _closing_punct(doc[end + 1]):
                end += 1  # '?"' or '?).'
            before = mark.i - 1
            while before >= 0 and doc[before].is_punct:
                before -= 1
            if before < 0:
                continue
            opening = _opening_quote(sentence(mark), mark)
            token = doc[before]
            while token.head != token and opening < token.head.i < mark.i and token.head.right_edge.i <= end:
                token = token.head
            heads.add(token.i)
        doc.user_data["kg.questions"] = frozenset(heads)
    return doc.user_data["kg.questions"]


def _closing_punct(token: Token) -> bool:
    return token.is_punct and (token.is_quote or not token.is_left_punct)


def _opening_quote(sent: Span, mark: Token) -> int:
    """The index of the quote mark left open before `mark` in its sentence, or the sentence's start - 1."""
    quotes = [t.i for t in sent.doc[sent.start : mark.i] if t.is_quote]
    return quotes[-1] if len(quotes) % 2 else sent.start - 1
