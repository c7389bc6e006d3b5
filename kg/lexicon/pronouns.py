"""English pronouns by person, for the extractors that tell a name from a word that only refers to
someone: relations (a subject found from 'he'), claims (who can be a source), coreference (which
pronoun stands for whom) and figures (which source is too vague to name)."""

# Subject and object forms, and possessive determiners, by person ('her' is both).
FIRST_PERSON_PRONOUNS = frozenset("i me we us".split())
FIRST_PERSON_POSSESSIVES = frozenset("my our".split())
SECOND_PERSON_PRONOUNS = frozenset({"you"})
THIRD_PERSON_PRONOUNS = frozenset("he she it they him her them".split())
THIRD_PERSON_POSSESSIVES = frozenset("his her its their".split())
DEMONSTRATIVES = frozenset("this that these those".split())
# A relative pronoun stands for the noun its clause hangs on ('Chile, which holds 60 percent').
RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})
# Third person pronouns that may stand for a company or a group rather than a person.
IMPERSONAL_PRONOUNS = frozenset({"it", "they", "them"})
# The gender a pronoun gives the person it stands for.
PRONOUN_GENDERS = {"he": "male", "she": "female"}
