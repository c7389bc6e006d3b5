"""Light coreference within one article: which earlier entity a short reference stands for.

Three kinds of reference, each resolved only when one antecedent is clearly meant:
- short names: "Trump" or "Spokesperson Lin" after "Donald Trump" / "Lin Jian" was named in full;
- definite descriptions: "the ministry" -> the organisation whose name has that word that the
  passage is about (the last one that was a subject lately, else the last one named),
  "the president" -> the last person introduced with that title ("the foreign secretary" not the
  one introduced as "Home Secretary"), "the company" -> the one company
  in view;
- subject pronouns: "he"/"she" -> the person who was the subject last, "it" -> the organisation;
  the subject of a speech verb ('..., he said') is the last plausible speaker instead: the latest
  subject of a main clause or a speech verb in view, never someone named in the quote or in the
  statement itself, and nobody when that subject is a person or thing that is no entity.
A reference that is ambiguous is left out rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.attrs import LOWER, POS
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from kg.extract.claims.cues import INSERTED_CUE_DEPS, is_cue
from kg.extract.doc_lookups import SUBJECT_DEPS, quotes_of, sentence, sentences, text_of
from kg.extract.mentions.classes import organisation_class
from kg.extract.nationals import national_reference
from kg.extract.quotes import Quote, inside_quote
from kg.lexicon.descriptions import COMPANY_NOUNS, PERSON_NOUNS
from kg.lexicon.name_words import DETERMINER_ADJECTIVES, LOWER_CASE_NAME_HEADS
from kg.lexicon.names import normalise, person_gender
from kg.lexicon.organisations import GOVERNMENT_WORDS
from kg.lexicon.pronouns import PRONOUN_GENDERS
from kg.lexicon.titles import HONORIFICS, ROLE_WORDS, is_title_word
from kg.model import ORGANISATION_CLASSES, EntityClass, Mention

PRONOUN_CLASSES = {"he": {EntityClass.Person}, "she": {EntityClass.Person}, "it": ORGANISATION_CLASSES}
REFERRING_POS = frozenset({NOUN, PROPN, PRON})
DETERMINERS = frozenset({"the", "this", "that"})
# Words that date a title rather than tell it apart: 'the former president' is still the president.
TIME_ADJECTIVES = frozenset("former new then current late outgoing incoming acting interim".split())
PRONOUN_WINDOW = 2  # sentences before the pronoun's own in which its antecedent may be
# ... for the subject of a speech verb: 'he said' looks two sentences back, 'it said' only one
SPEAKER_WINDOWS = {"he": 2, "she": 2, "it": 1}
# Where a subject's verb makes it the one a passage is about: the sentence's own verb, a verb
# coordinated with it, or a speech verb ('..., Jane Doe said in an interview').
MAIN_CLAUSE_DEPS = frozenset({"ROOT", "conj"})
# Where a speech verb holds what it attributes: 'he said (that) ...', 'it warned, ...'.
STATEMENT_DEPS = frozenset({"ccomp", "parataxis", "dep", "xcomp"})
COMPANY_WINDOW = 3
DESCRIPTION_WINDOW = 3  # sentences in which a subject counts as what the passage is about


@dataclass(frozen=True)
class _Named:
    mention: Mention
    span: Span  # its tokens
    sentence: int  # index of its sentence in the article

    @property
    def head(self) -> Token:
        return self.span.root


def link(doc: Doc, mentions: Iterable[Mention]) -> tuple[tuple[Mention, ...], dict[int, Mention]]:
    """The mentions with short names linked to full ones, and a map token index -> mention that
    also covers resolved references (pronouns, descriptions) for the relation and claim extractors."""
    sentence_index = {sent.start: i for i, sent in enumerate(sentences(doc))}
    named = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            named.append(_Named(mention, span, sentence_index[sentence(span.root).start]))
    named = _link_short_names(named)
    by_token = {token.i: item.mention for item in named for token in item.span}
    titles = _titles(named)
    # walk the article in order; resolved references become antecedents too ("the ministry said
    # ... It added")
    pending = sorted(named, key=lambda n: n.mention.start)
    quotes = quotes_of(doc)
    earlier: list[_Named] = []
    introduced: list[Mention] = []
    for token in _referring_candidates(doc):
        while pending and pending[0].mention.end <= token.idx:
            earlier.append(pending.pop(0))
        if token.i in by_token:
            continue
        number = sentence_index[sentence(token).start]
        reference = (
            _surname_reference(token, earlier)
            or _description_reference(token, earlier, titles, number)
            or (_speaker_reference(token, earlier, number, quotes) if _is_speaker(token)
                else _pronoun_reference(token, earlier, number))
        )
        national = national_reference(token, earlier, number) if reference is None else None
        if national is not None:  # 'the Australian' is a name the person goes by in this article
            reference = _reference(token, national[1], national[0]), national[1]
            introduced.append(reference[0])
        if reference is None:
            reference = _new_government_body(token)
            if reference is not None:
                introduced.append(reference[0])
        if reference is not None:
            mention, covered = reference
            for covered_token in covered:
                by_token.setdefault(covered_token.i, mention)
            earlier.append(_Named(mention, doc[covered[0].i : covered[-1].i + 1], number))
    found = sorted([*(n.mention for n in named), *introduced], key=lambda m: m.start)
    return tuple(found), by_token


def _referring_candidates(doc: Doc) -> Iterator[Token]:
    """The tokens that may refer back: nouns, proper nouns and pronouns, and 'he', 'she', 'it' however
    tagged. Picked from the arrays spaCy keeps, so the other two thirds of the tokens are never made."""
    pronouns = {doc.vocab.strings[word] for word in PRONOUN_CLASSES}
    for i, (pos, lower) in enumerate(doc.to_array([POS, LOWER]).tolist()):
        if pos in REFERRING_POS or lower in pronouns:
            yield doc[i]


def _link_short_names(named: list[_Named]) -> list[_Named]:
    """'Trump' after 'Donald Trump', 'Xi' after 'Xi Jinping': a one-word name equal to the first or
    last word of exactly one person named in full earlier in the article, or of exactly one of the
    gender its courtesy title says ('Mrs. Khan' after 'Khizr Khan' and 'Ghazala Khan')."""
    linked = []
    for index, item in enumerate(named):
        antecedent = _full_name_for(item.mention.text, named[:index], _word_before(item.span.start, item.span.doc))
        if antecedent is not None:
            item = replace(item, mention=replace(item.mention, cls=EntityClass.Person, refers_to=antecedent.name))
        linked.append(item)
    return linked


def _full_name_for(word: str, earlier: list[_Named], honorific: str = "") -> Mention | None:
    if " " in word:
        return None
    names = {
        n.mention.name: n.mention
        for n in earlier
        if n.mention.cls == EntityClass.Person and " " in n.mention.name
        and word in (n.mention.name.split()[0], n.mention.name.split()[-1])
    }
    wanted = person_gender("", honorific=honorific) if honorific else None
    if len(names) > 1 and wanted is not None:
        # 'Mrs. Khan' is the Khan known to be a woman, else the one Khan not known to be a man
        genders = {name: person_gender(name) for name in names}
        known = [names[name] for name, gender in genders.items() if gender == wanted]
        possible = [names[name] for name, gender in genders.items() if gender in (None, wanted)]
        return known[0] if len(known) == 1 else possible[0] if len(possible) == 1 else None
    return next(iter(names.values())) if len(names) == 1 else None


def _word_before(start: int, doc: Doc) -> str:
    return doc[start - 1].text if start > 0 else ""


def _titles(named: list[_Named]) -> dict[str, set[str]]:
    """Position words each person was introduced with: 'President X', 'X, a spokesman for ...'."""
    titles: dict[str, set[str]] = {}
    for item in (n for n in named if n.mention.cls == EntityClass.Person):
        doc, start = item.span.doc, item.span.start
        words = set()
        for token in reversed(doc[max(0, start - 4) : start]):
            if token.is_punct or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
                break
            words.add(token.lower_)
        for appos in (c for c in item.head.children if c.dep_ == "appos"):
            words.add(appos.lower_)
        if item.head.dep_ == "appos":
            words.add(item.head.head.lower_)
        if words & ROLE_WORDS:  # 'Home Secretary X' keeps 'home' too: 'the foreign secretary' is someone else
            titles.setdefault(item.mention.name, set()).update(words)
    return titles


def _surname_reference(token: Token, earlier: list[_Named]) -> tuple[Mention, list[Token]] | None:
    """A capitalised word the tagger missed that is the surname of a person named in full: decided by
    its place (after a title, or inside a sentence) or, opening a sentence, by its proper-noun tag;
    not by the word, since 'He' is also a surname."""
    if not token.is_title or token.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    after_title = token.i > 0 and is_title_word(token.doc[token.i - 1].text)
    if token.is_sent_start and not after_title and token.pos_ != "PROPN":
        return None  # 'He said' opening a sentence; 'Lynch said' is a name wherever it stands
    antecedent = _full_name_for(token.text, earlier, _word_before(token.i, token.doc))
    if antecedent is None:
        return None
    return _reference(token, [token], antecedent), [token]


def _description_reference(
    token: Token, earlier: list[_Named], titles: dict[str, set[str]], sentence: int
) -> tuple[Mention, list[Token]] | None:
    """'the ministry', 'the mines ministry', 'the president', 'the company'."""
    if token.pos_ not in ("NOUN", "PROPN") or not any(
        (c.dep_ == "det" and c.lower_ in DETERMINERS) or c.dep_ == "poss" for c in token.children
    ):
        return None
    if token.dep_ == "appos" or any(c.dep_ == "appos" for c in token.children):
        return None  # 'the spokesman, Jane Doe': the name is right there
    words = [c for c in token.children if c.dep_ == "compound"] + [token]
    wanted = [normalise(w.text) for w in words]
    if token.lower_ in ROLE_WORDS:
        described = {token.lower_, *(w.lower_ for w in token.children
                                     if w.dep_ in ("amod", "compound") and w.lower_ not in TIME_ADJECTIVES)}
        candidates = [n for n in earlier if n.mention.cls == EntityClass.Person and described <= titles.get(n.mention.name, set())]
    else:
        candidates = [
            n for n in earlier
            if n.mention.cls in ORGANISATION_CLASSES
            and all(w in normalise(n.mention.name).split() for w in wanted)
        ]
        if not candidates and token.lemma_.lower() in COMPANY_NOUNS and len(words) == 1:
            in_view = [
                n for n in earlier
                if n.mention.cls in (EntityClass.Company, EntityClass.Organization) and sentence - n.sentence <= COMPANY_WINDOW
            ]
            if len({n.mention.name for n in in_view}) == 1:
                candidates = in_view
    if not candidates:
        return None
    covered = sorted([*words, *(c for c in token.children if c.dep_ == "det")], key=lambda t: t.i)
    if token.lower_ not in ROLE_WORDS and any(c.dep_ == "poss" for c in token.children):
        return None  # "Chile's ministry" is a name-like phrase, not a reference back
    # the one the passage is about: the last that was a subject lately, else the last named
    topical = [n for n in candidates if _is_subject(n.head) and sentence - n.sentence <= DESCRIPTION_WINDOW]
    return _reference(token, covered, (topical or candidates)[-1].mention), covered


def _new_government_body(token: Token) -> tuple[Mention, list[Token]] | None:
    """'Chile's foreign ministry', 'the defence department' with nothing earlier to refer to: a
    government body named in lower case, which the tagger misses; later 'the ministry' refers to it."""
    if token.pos_ not in ("NOUN", "PROPN") or not token.is_lower or token.lemma_.lower() not in GOVERNMENT_WORDS:
        return None
    if token.tag_ in ("NNS", "NNPS"):
        return None  # 'Chilean authorities' are some officials, not one body
    if not any((c.dep_ == "det" and c.lower_ in DETERMINERS) or c.dep_ == "poss" for c in token.children):
        return None
    modifiers = []
    for left in reversed(list(token.lefts)):
        if left.dep_ not in ("amod", "compound") or not left.is_alpha or left.i != (modifiers[0].i if modifiers else token.i) - 1:
            break
        modifiers.insert(0, left)
    if not modifiers:
        return None  # 'the ministry' alone names nothing new
    if any(m.lower_ in DETERMINER_ADJECTIVES for m in modifiers):
        return None  # 'the present government', 'the next Labour government': placed in time, no name
    if all(m.is_lower for m in modifiers) and token.lower_ not in LOWER_CASE_NAME_HEADS:
        return None  # 'the federal court', 'the local council': common nouns ('the foreign ministry' is a name)
    span = token.doc[modifiers[0].i : token.i + 1]
    mention = Mention(text=span.text, cls=organisation_class(span.text), start=span.start_char, end=span.end_char)
    return mention, list(span)


def _pronoun_reference(token: Token, earlier: list[_Named], sentence: int) -> tuple[Mention, list[Token]] | None:
    """'he said' -> the person who was last a subject within the window; with no subject in view,
    the only person in view; with nobody in view, the only person named so far in the article."""
    classes = PRONOUN_CLASSES.get(token.lower_)
    if classes is None or token.dep_ not in SUBJECT_DEPS:
        return None
    surnames = {n.mention.name.split()[-1] for n in earlier if " " in n.mention.name}
    compatible = [n for n in earlier if n.mention.cls in classes and _agrees(token, n, surnames)]
    in_view = [n for n in compatible if sentence - n.sentence <= PRONOUN_WINDOW]
    subjects = [n for n in in_view if _is_subject(n.head)]
    if subjects:
        antecedent = subjects[-1].mention
    elif len({n.mention.name for n in in_view}) == 1:
        antecedent = in_view[-1].mention
    elif not in_view and len({n.mention.name for n in compatible}) == 1:
        antecedent = compatible[-1].mention
    else:
        return None
    return _reference(token, [token], antecedent), [token]


def _is_speaker(token: Token) -> bool:
    """'he said', 'it warned', 'she urged ...': a subject pronoun of a verb of saying or of a stance."""
    return token.lower_ in SPEAKER_WINDOWS and token.dep_ in SUBJECT_DEPS and is_cue(token.head, stance=True)


def _speaker_reference(
    token: Token, earlier: list[_Named], number: int, quotes: list[Quote]
) -> tuple[Mention, list[Token]] | None:
    """The speaker 'he'/'she'/'it' of a speech verb stands for: the latest subject in view that it
    can be, sentence by sentence back, and in a sentence the subject of a main clause or of a
    speech verb first ('Lord Smith said that he and Jane Doe became friends. "...," he said.' is
    Lord Smith); for 'he' or 'she' with no such subject, the only person in view, or with nobody
    in view the only person named so far. Never someone named inside quotation marks or inside the
    statement the verb attributes ('Mr Doe "made the decisions," he told the court' is not Mr
    Doe). Nobody when that subject is a person or a thing that is no entity ('The spokesman said
    ... But he added:', 'A report by X predicted ... It says'), or when two entities are that
    subject ('Tony Blair and Gordon Brown said ...')."""
    classes = PRONOUN_CLASSES[token.lower_]
    first = _window_start(token.doc, number, SPEAKER_WINDOWS[token.lower_], quotes)
    in_view = [n for n in earlier if n.sentence >= first]
    at = {t.i: n for n in in_view for t in n.span}
    surnames = {n.mention.name.split()[-1] for n in earlier if " " in n.mention.name}
    cue = token.head
    statement = {t.i for c in cue.children if c.dep_ in STATEMENT_DEPS for t in c.subtree}
    if cue.dep_ in INSERTED_CUE_DEPS:  # 'Acts of protest, he said, are ...': the sentence is the statement
        statement |= {t.i for t in sentence(token)}
    # subjects before the pronoun, outside the statement and the quotes ('Mr Doe "made the
    # decisions," he said': a subject of quoted words is part of the quote)
    slots = [
        t for t in token.doc[sentences(token.doc)[first].start : token.i]
        if t.dep_ in SUBJECT_DEPS and t.i not in statement
        and not inside_quote(t.idx, quotes) and not inside_quote(t.head.idx, quotes)
    ]
    # the latest sentence first; in a sentence, a main clause's or a speech verb's subject first
    slots.sort(key=lambda t: (-sentence(t).start, not _prominent(t), -t.i))
    for slot in slots:
        heads = [slot, *(c for c in slot.children if c.dep_ == "conj")]
        meant = [_slot_meaning(h, at, token, classes, surnames) for h in heads]
        if all(m is False for m in meant):
            continue  # 'The trip was her first. She said ...': not something 'she' can be
        meant = [m for m in meant if m is not False]
        names = {m.mention.name if m is not None else None for m in meant}
        if len(names) != 1 or None in names:
            return None  # two of them, or a speaker that is no entity
        return _reference(token, [token], meant[0].mention), [token]
    if token.lower_ == "it":
        return None  # 'it' only for an organisation that was a subject just before
    named = [n for n in earlier if n.mention.cls in classes and _agrees(token, n, surnames) and _is_name(n.mention)]
    # the only one in view (not one the quote or the statement names); with nobody in view, the
    # only one named so far, in quotes or not
    in_view = [n for n in named
               if n.sentence >= first and not inside_quote(n.head.idx, quotes) and n.head.i not in statement]
    candidates = in_view or named
    if len({n.mention.name for n in candidates}) == 1:
        return _reference(token, [token], candidates[-1].mention), [token]
    return None


def _prominent(subject: Token) -> bool:
    """The subject of the sentence's own verb, of one coordinated with it, or of a speech verb."""
    return subject.head.dep_ in MAIN_CLAUSE_DEPS or is_cue(subject.head, stance=True)


def _window_start(doc: Doc, number: int, window: int, quotes: list[Quote]) -> int:
    """The first sentence in view: `window` sentences back, not counting those of the pronoun's
    paragraph that are all quotation ('"A. B. C," he said': A and B do not push the speaker out of
    view)."""
    all_sentences = sentences(doc)
    text = text_of(doc)
    first = number
    while first > 0 and window > 0:
        first -= 1
        sent = all_sentences[first]
        same_paragraph = "\n" not in text[sent.start_char : all_sentences[number].start_char].rstrip()
        if not same_paragraph or any(t.is_alpha and not inside_quote(t.idx, quotes) for t in sent):
            window -= 1
    return first


def _slot_meaning(
    head: Token, at: dict[int, _Named], pronoun: Token, classes: set[str], surnames: set[str]
) -> _Named | None | bool:
    """What a subject is, as the antecedent of a speaker pronoun: the entity it names (directly or in
    apposition: 'the ministry's spokesman, Jane Doe'), None for someone or something the pronoun can
    be that is no entity, False for what the pronoun cannot be."""
    named = at.get(head.i) or next((at[c.i] for c in head.children if c.dep_ == "appos" and c.i in at), None)
    if named is not None:
        if not _is_name(named.mention):
            return None  # 'Lord' taken for a name: someone, but not an entity
        if named.mention.cls in classes and _agrees(pronoun, named, surnames):
            return named
        # 'Lord Butler' tagged as an organisation: a title shows a person whatever the tag says
        return named if pronoun.lower_ != "it" and _titled(named.span) and _agrees(pronoun, named, surnames) else False
    if head.tag_ in ("NNS", "NNPS", "PRP") and head.lower_ != pronoun.lower_:
        return False  # 'officials', 'they', 'I': not 'he' or 'it'
    if head.lower_ == pronoun.lower_:
        # an unresolved 'he' before is someone unknown; an unresolved 'it' may be 'it is likely that'
        return None if pronoun.lower_ != "it" else False
    if pronoun.lower_ == "it":
        return None if head.pos_ in ("NOUN", "PROPN") and head.lower_ not in PERSON_NOUNS else False
    return None if head.pos_ == "PROPN" or head.lower_ in PERSON_NOUNS else False


def _titled(span: Span) -> bool:
    """'Lord Butler', 'Mr Smith': a name after a courtesy title is a person's, whatever it was tagged."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_.rstrip(".") in {h.rstrip(".") for h in HONORIFICS}


def _is_name(mention: Mention) -> bool:
    """Not a title on its own ('Lord'), which the tagger sometimes takes for a name."""
    return not is_title_word(mention.name)


def _agrees(pronoun: Token, antecedent: _Named, surnames: set[str]) -> bool:
    """'she' never stands for a person known to be male, nor 'he' for one known to be female. A lone
    word that is the surname of someone named in full ('Clinton') tells nothing."""
    wanted = PRONOUN_GENDERS.get(pronoun.lower_)
    name = antecedent.mention.name
    if wanted is None or name in surnames:
        return True
    doc = pronoun.doc
    before = doc[antecedent.span.start - 1].text if antecedent.span.start > 0 else ""
    return person_gender(name, honorific=before) in (None, wanted)


def _is_subject(head: Token) -> bool:
    """The mention is a subject, or in apposition/compound with one ('Jane Doe, the minister, said')."""
    while head.dep_ in ("appos", "compound", "conj") and head.head != head:
        head = head.head
    return head.dep_ in SUBJECT_DEPS


def _reference(token: Token, covered: list[Token], antecedent: Mention) -> Mention:
    doc = token.doc
    span: Span = doc[covered[0].i : covered[-1].i + 1]
    return Mention(
        text=span.text, cls=antecedent.cls, start=span.start_char, end=span.end_char,
        refers_to=antecedent.name,
    )
