from __future__ import annotations

import pytest

# (sentence, expected (subject, predicate, object) triples)
CASES = [
    # full noun phrase with compounds and a prepositional modifier, not the bare head noun
    ("The Ministry of Mines approved export licence applications for steel-related items.",
     {("Ministry of Mines", "approve", "export licence applications for steel-related items")}),
    # a quantity head gives way to what is counted
    ("Japan has approved a certain number of export applications.",
     {("Japan", "approve", "export applications")}),
    # passive voice with an agent: the agent is the subject
    ("The licences were approved by the Ministry of Mines.",
     {("Ministry of Mines", "approve", "licences")}),
    # particle verb
    ("Santiago and Washington have mapped out a framework.",
     {("Santiago", "map out", "framework"), ("Washington", "map out", "framework")}),
    # prepositional verb
    ("Chile accounted for 61 percent of global production.",
     {("Chile", "account for", "61 percent of global production")}),
    # subject control: the one who agreed restarts
    ("Google agreed to restart the project.", {("Google", "restart", "project")}),
    # object control: Congress passes, not Obama
    ("Barack Obama urged Congress to pass the budget.", {("Congress", "pass", "budget")}),
    # coordination on both sides
    ("Paris and Berlin approved and signed the treaty.",
     {("Paris", "approve", "treaty"), ("Berlin", "approve", "treaty"),
      ("Paris", "sign", "treaty"), ("Berlin", "sign", "treaty")}),
    # entity objects stay entities
    ("Microsoft acquired GitHub.", {("Microsoft", "acquire", "GitHub")}),
    # verbs of saying are claims, and pronoun subjects wait for coreference
    ("Angela Merkel said the plan was good.", set()),
    ("They approved the plan.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_relations(read, sentence, expected):
    found = {(r.subject.text, r.predicate, r.object.text) for r in read(sentence).relations}
    assert found == expected


def test_negation_is_recorded_on_the_evidence(read):
    [relation] = read("Apple did not buy the company.").relations
    assert relation.evidence.negated is True


def test_modality_is_recorded_on_the_evidence(read):
    [relation] = read("Germany will build new bridges.").relations
    assert relation.evidence.modality == "will"
    assert relation.evidence.negated is False


# (sentence, the modality on the relation's evidence); bare "Acme" is no entity to spaCy's small model
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Acme Corp may buy Widget Corp.", "may"),
    ("Acme Corp plans to buy Widget Corp.", "plan"),
    ("If Acme Corp buys Widget Corp, prices will rise.", "if"),
    ("Acme Corp bought Widget Corp.", None),
])
def test_modality_of_a_relation(read, sentence, expected):
    [relation] = [r for r in read(sentence).relations if r.predicate == "buy"]
    assert relation.evidence.modality == expected


def test_evidence_is_the_sentence_with_its_offsets(read):
    text = "Markets were calm.\nMicrosoft acquired GitHub on Monday."
    [relation] = read(text).relations
    sentence = relation.evidence.sentence
    assert sentence.text == "Microsoft acquired GitHub on Monday."
    assert text[sentence.start : sentence.end] == sentence.text


# (text, the relation's verb, negated) for negations beyond 'not'
@pytest.mark.parametrize(("text", "verb", "negated"), [
    ("Apple never paid the fine.", "pay", True),
    ("Nobody won the prize.", "win", True),
    ("No company bought the licence.", "buy", True),
    ("Apple paid the fine.", "pay", False),
])
def test_negating_words_deny_the_act(read, text, verb, negated):
    relations = [r for r in read(text).relations if r.predicate == verb]
    assert all(r.evidence.negated is negated for r in relations)


@pytest.mark.parametrize(("text", "modality"), [
    ("Sania Mirza plays either Jelena Jankovic or Maria Sharapova next.", "or"),
    ("Clive Owen is hoping to repeat his Golden Globe success.", "hope"),
    ("Paul Tucker voted to raise interest rates.", "vote"),
])
def test_alternatives_and_intents_are_not_stated_acts(read, text, modality):
    relations = read(text).relations
    assert relations and all(r.evidence.modality == modality for r in relations)


def test_a_light_noun_without_its_clause_is_no_object(read):
    objects = {r.object.name for r in read(
        "Lord Butler criticised the way the government operates. Lord Butler adopted the idea of a test.").relations}
    assert "way" not in objects and "idea of a test" in objects


def test_a_participle_before_a_position_is_a_title_not_an_act(read):
    predicates = {r.predicate for r in read(
        "Since 2002, Ms Tan has been managing director of Metrojaya. Tony Blair was visiting President Bush.").relations}
    assert "manage" not in predicates and "visit" in predicates


# (text, the relation's rule): an act inside someone's statement, or with a subject found by
# coreference, is measured apart
@pytest.mark.parametrize(("text", "rule"), [
    ("Microsoft acquired GitHub.", "svo"),
    ("Jane Doe said that Microsoft acquired GitHub.", "svo-reported"),
    # someone's claim or belief is measured apart from what someone announces
    ("Jane Doe claimed that Microsoft acquired GitHub.", "svo-claimed"),
    ("Jane Doe believes Microsoft acquired GitHub.", "svo-claimed"),
    ('"Microsoft acquired GitHub," Jane Doe said.', "svo-reported"),
    ("Microsoft grew fast. It acquired GitHub.", "svo-reference"),
])
def test_reported_and_referred_acts_have_rules_of_their_own(read, text, rule):
    [relation] = [r for r in read(text).relations if r.predicate == "acquire"]
    assert relation.evidence.rule == rule
