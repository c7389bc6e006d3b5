"""Doc -> an article's records: every extractor run in order, and lines that are not prose set aside
(and run-ons: passages of more than MAX_RUN_ON_TOKENS tokens without a sentence end, kg/extract/nlp.py)."""


from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.claims import extract_claims
from kg.extract.coref import link
from kg.extract.figures import extract_measurements
from kg.extract.mentions import extract_mentions
from kg.extract.nlp import run_ons
from kg.extract.places import based_in_home_country, home_countries, located_in
from kg.extract.relations import extract_relations
from kg.extract.roles import extract_roles
from kg.extract.teams import as_teams
from kg.extract.typed_relations import extract_typed_relations
from kg.lexicon.non_prose import non_prose_lines
from kg.model import Article, Evidence, Extraction, RelationKind


def extract(doc: Doc, article: Article) -> Extraction:
    # by_token maps each token to the entity it names or refers to ("he" -> the person meant);
    # 'France beat Ireland' names two teams, not two countries
    mentions, by_token = link(doc, as_teams(doc, extract_mentions(doc)))
    # 'U.S. Congress': the country inside an organisation's name is a mention of its own
    homes = list(home_countries(doc, mentions))
    mentions = tuple(sorted([*mentions, *(country for _, country in homes)], key=lambda m: (m.start, m.end)))
    roles = tuple(dict.fromkeys(extract_roles(doc, by_token)))
    # a role ('X, president of Y': leads) says more than the model's 'works for' on the same pair
    held = {(r.person.name, r.organisation.name) for r in roles if r.organisation is not None}
    # 'Aiken, S.C.' and 'U.S. Congress' say where outright; the model need not guess
    placed = [*located_in(doc, by_token), *based_in_home_country(doc, homes)]
    pairs = {(r.subject.name, r.object.name) for r in placed}
    typed = placed + [r for r in extract_typed_relations(doc, by_token)
                      if not (r.kind == RelationKind.worksFor and (r.subject.name, r.object.name) in held)
                      and (r.subject.name, r.object.name) not in pairs]
    # results, tables, squad lists, bylines and headings: their names and figures are kept, but
    # nothing is read from them as sentences ('Chelsea 2-1 Arsenal', 'Subs: Marshall, Henchoz');
    # nor from a run-on, whose sentences were cut by force where no sentence ended
    lines = non_prose_lines(article.text)
    set_aside = lines + [run for run in run_ons(doc) if not any(_overlaps(run, line) for line in lines)]

    def read_as_prose(evidence: Evidence, *spans: tuple[int, int]) -> bool:
        return not any(_overlaps(span, line) for line in set_aside
                       for span in ((evidence.sentence.start, evidence.sentence.end), *spans))

    return Extraction(
        article=article,
        mentions=mentions,
        relations=tuple(r for r in dict.fromkeys([*extract_relations(doc, by_token), *typed])
                        if read_as_prose(r.evidence)),
        claims=tuple(c for c in dict.fromkeys(extract_claims(doc, by_token))
                     if read_as_prose(c.evidence, (c.start, c.end))),
        roles=tuple(r for r in roles if read_as_prose(r.evidence)),
        measurements=tuple(dict.fromkeys(extract_measurements(doc, by_token))),
        set_aside_lines=len(set_aside),
    )


def _overlaps(span: tuple[int, int], line: tuple[int, int]) -> bool:
    return span[0] < line[1] and line[0] < span[1]
