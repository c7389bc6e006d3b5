"""Precision of every kind of fact kg asserts, judged one fact at a time against its evidence.

    python bench/precision.py                     # build the sample, report on the held-out half
    python bench/precision.py --half tune         # ... on the half the rules and confidences are tuned on
    python bench/precision.py --unjudged todo.jsonl   # sampled facts no one has judged yet, to judge
    python bench/precision.py --calibrate         # confidences measured on the tune half -> kg/calibration.json

The sample (`bench/precision/sample.tsv`) is 135 BBC News articles (2004-2005) chosen by a
hash of the path, from `../shared/data/bbc`: first 60 from all five sections and 15 of the articles
whose lines look like results, scores, squad lists or tables (the kinds of text that are not prose),
then twice 30 more from all sections (`added`), to measure rules judged only a few times; and
16 articles of US political news from PolNeAR's training split (`polnear`), chosen by a hash of
the name, whose claims alone are sampled: attributions are most of what they say. Each
article belongs to one half, `tune` or `held-out`; rules and confidences are tuned on the first and
reported on the second.

The facts are read from the build's graph, asserted ones and candidates alike:
- relation: a provenance record (kg:Assertion or kg:Candidate) of an entity-to-entity or
  entity-to-concept triple that is not a role; role: one from the role rules (appositive, title,
  copula, affiliation: spokespersonFor, leads, worksFor, memberOf);
- claim: a kg:Claim (speaker or source words, cue, content);
- figure: a kg:Measurement (value, unit, change or level, measure, about, period, source);
- entity: an entity's label and class, in one article that names it.
Not every fact is judged: a fact is in the judged sample when a hash of its identity falls under
its kind's rate (`RATES`), so the sample is the same from one build to the next and a changed rule
only brings new facts to judge. A judgment (`bench/precision/judgments.jsonl`) holds the fact in
words, its evidence and the verdict, so it can be read again without the build.

Precision is reported per kind and per rule or predicate, with Wilson 95 % intervals: strict (a
fact is right only when every part of it is right) beside lenient (the judge's 'partly' counts as
right). 'Lost' counts facts judged right that the build no longer asserts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph

from kg.confidence import QUALIFIERS
from kg.corpus import read_article

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
HERE = ROOT / "bench" / "precision"
SAMPLE = HERE / "sample.tsv"
JUDGMENTS = HERE / "judgments.jsonl"
OUT = ROOT / "out" / "precision"
CALIBRATION = ROOT / "kg" / "calibration.json"
KINDS = ("relation", "role", "claim", "figure", "entity")
ROLE_RULES = frozenset({"appositive", "title", "copula", "affiliation"})
# The share of each kind's facts that is judged: every relation and role, a part of the rest.
RATES = {"relation": 1.0, "typed": 1.0, "role": 1.0, "claim": 0.5, "figure": 0.6, "entity": 0.2}
TARGET = 0.9
PRIOR_WEIGHT = 4
KG = "https://kg.example.org/ontology#"
PREFIXES = f"""PREFIX kg: <{KG}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""


@dataclass
class Fact:
    kind: str
    key: str  # what its confidence is measured for: kind/rule[/predicate]
    article: str  # the article's file, relative to ../shared/data
    text: str  # the fact in words, as the judge reads it
    evidence: str  # the sentence it was read from
    asserted: bool
    confidence: float | None = None
    context: str = ""  # the text around it, when the evidence sentence alone is not enough
    held_back: str = ""  # why a candidate was not asserted
    id: str = field(default="")

    def __post_init__(self) -> None:
        identity = json.dumps([self.kind, self.article, self.text, self.evidence])
        self.id = hashlib.sha1(identity.encode()).hexdigest()[:16]

    @property
    def sampled(self) -> bool:
        rate = RATES["typed" if self.kind == "relation" and _is_typed(self.key) else self.kind]
        return int(self.id, 16) % 1000 < rate * 1000


def _is_typed(key: str) -> bool:
    return key.rsplit("/", 1)[-1] in {"worksFor", "livesIn", "locatedIn", "basedIn", "killed", "nationality"}


def sample() -> dict[str, str]:
    """Article file (relative to ../shared/data) -> half."""
    return {path: half for path, half, *_ in _sample_rows()}


def claims_only() -> set[str]:
    """The articles whose claims alone are sampled (political news, section 'polnear')."""
    return {path for path, _, _, why in _sample_rows() if why == "claims"}


def _sample_rows() -> list[list[str]]:
    return [line.split("\t") for line in SAMPLE.read_text().splitlines()[1:] if line.strip()]


def build_sample(min_confidence: float | None) -> Path:
    from kg.build import BuildSettings, build

    settings = BuildSettings(out_dir=OUT)
    if min_confidence is not None:
        settings = BuildSettings(out_dir=OUT, min_confidence=min_confidence)
    build([DATA / path for path in sample()], settings)
    return OUT / "kg.ttl"


def read_facts(graph_file: Path) -> list[Fact]:
    store = pyoxigraph.Store()
    store.bulk_load(path=str(graph_file), format=pyoxigraph.RdfFormat.TURTLE)
    files = {row["a"]: _relative(row["file"]) for row in _select(store, "SELECT ?a ?file WHERE { ?a kg:sourceFile ?file }")}
    texts = {article: read_article(DATA / path).text for article, path in files.items()}
    facts = [*_record_facts(store, files), *_claim_facts(store, files, texts),
             *_figure_facts(store, files), *_entity_facts(store, files, texts)]
    return sorted(facts, key=lambda f: (f.article, f.kind, f.text))


def _relative(path: str) -> str:
    return str(Path(path).resolve().relative_to(DATA.resolve()))


def _select(store: pyoxigraph.Store, query: str) -> list[dict[str, str]]:
    results = store.query(PREFIXES + query)
    names = [v.value for v in results.variables]
    return [{name: (row[name].value if row[name] is not None else "") for name in names} for row in results]


def _record_facts(store, files) -> list[Fact]:
    rows = _select(store, """
        SELECT ?cls ?sl ?p ?pl ?ol ?evidence ?rule ?conf ?article ?modality ?role ?why WHERE {
          VALUES ?cls { kg:Assertion kg:Candidate }
          ?r a ?cls ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:evidence ?evidence ;
             kg:extractor ?rule ; prov:wasDerivedFrom ?article ; kg:negated false .
          FILTER(?p NOT IN (kg:claims, kg:reports, kg:sourceText))
          ?s rdfs:label ?sl . ?o rdfs:label ?ol .
          OPTIONAL { ?p rdfs:label ?pl } OPTIONAL { ?r kg:confidence ?conf }
          OPTIONAL { ?r kg:modality ?modality } OPTIONAL { ?r kg:role ?role }
          OPTIONAL { ?r kg:heldBack ?why }
        }""")
    facts = []
    for row in rows:
        predicate = row["p"].rsplit("#", 1)[-1] if row["p"].startswith(KG) else row["p"].rsplit("/", 1)[-1]
        kind = "role" if row["rule"] in ROLE_RULES else "relation"
        label = row["pl"] or predicate
        text = f"[{row['sl']}] {label} [{row['ol']}]"
        if row["role"]:
            text += f" (as {row['role']})"
        if row["modality"]:
            text += f" (modality: {row['modality']})"
        key = f"{kind}/{row['rule']}" + (f"/{predicate}" if row["p"].startswith(KG) else "")
        facts.append(Fact(kind=kind, key=key, article=files[row["article"]], text=text,
                          evidence=row["evidence"], asserted=row["cls"].endswith("Assertion"),
                          confidence=_float(row["conf"]), held_back=row["why"]))
    return facts


def _claim_facts(store, files, texts) -> list[Fact]:
    rows = _select(store, """
        SELECT DISTINCT ?cls ?speaker ?source ?cue ?content ?direct ?start ?end ?article ?evidence ?rule ?conf ?why WHERE {
          VALUES ?cls { kg:Claim kg:CandidateClaim }
          ?c a ?cls ; kg:sourceText ?source ; kg:cue ?cue ; kg:content ?content ; kg:direct ?direct ;
             kg:startChar ?start ; kg:endChar ?end ; prov:wasDerivedFrom ?article .
          ?r rdf:object|rdf:subject ?c ; kg:evidence ?evidence ; kg:extractor ?rule .
          OPTIONAL { ?r kg:confidence ?conf } OPTIONAL { ?r kg:heldBack ?why }
          # a held-back claim names its speaker only in its record ('X claims C' held back)
          OPTIONAL { { ?c kg:speaker/rdfs:label ?speaker } UNION
                     { ?r rdf:predicate kg:claims ; rdf:object ?c ; rdf:subject/rdfs:label ?speaker } }
        }""")
    facts = []
    for row in rows:
        who = f"[{row['speaker']}] (source words: '{row['source']}')" if row["speaker"] else f"(source words only: '{row['source']}')"
        quote = "direct quote" if row["direct"] == "true" else "reported"
        text = f"{who} {row['cue']} ({quote}): \"{row['content']}\""
        article_text = texts[row["article"]]
        start, end = int(row["start"]), int(row["end"])
        context = article_text[max(0, start - 300): end + 200]
        facts.append(Fact(kind="claim", key=f"claim/{row['rule']}", article=files[row["article"]], text=text,
                          evidence=row["evidence"], asserted=row["cls"].endswith("#Claim"),
                          confidence=_float(row["conf"]), context=context, held_back=row["why"]))
    return facts


def _figure_facts(store, files) -> list[Fact]:
    rows = _select(store, """
        SELECT ?cls ?value ?unit ?written ?change ?measure ?about ?period ?source ?by ?evidence ?article ?rule ?conf ?why WHERE {
          VALUES ?cls { kg:Measurement kg:CandidateMeasurement }
          ?m a ?cls ; kg:value ?value ; kg:unit ?unit ; kg:asWritten ?written ; kg:evidence ?evidence ;
             prov:wasDerivedFrom ?article .
          OPTIONAL { ?m kg:change ?change } OPTIONAL { ?m kg:measure ?measure }
          OPTIONAL { ?m kg:about/rdfs:label ?about } OPTIONAL { ?m kg:period ?period }
          OPTIONAL { ?m kg:sourceText ?source } OPTIONAL { ?m kg:reportedBy/rdfs:label ?by }
          OPTIONAL { ?m kg:extractor ?rule } OPTIONAL { ?m kg:confidence ?conf } OPTIONAL { ?m kg:heldBack ?why }
        }""")
    facts = []
    for row in rows:
        parts = [f"{row['value']} {row['unit']} (written '{row['written']}')",
                 f"a {row['change']}" if row["change"] else "a level (not a change)"]
        for name in ("measure", "about", "period", "source", "by"):
            if row[name]:
                parts.append(f"{ {'by': 'reported by', 'source': 'source words'}.get(name, name)}: {row[name]}")
        facts.append(Fact(kind="figure", key=f"figure/{row['rule'] or 'figure'}", article=files[row["article"]],
                          text="; ".join(parts), evidence=row["evidence"], asserted=row["cls"].endswith("#Measurement"),
                          confidence=_float(row["conf"]), held_back=row["why"]))
    return facts


def _entity_facts(store, files, texts) -> list[Fact]:
    rows = _select(store, """
        SELECT ?e ?label ?cls (GROUP_CONCAT(DISTINCT ?alt; separator="|") AS ?alts) ?article WHERE {
          ?e a ?cls ; rdfs:label ?label ; kg:mentionedIn ?article .
          FILTER(STRSTARTS(STR(?cls), STR(kg:)) && ?cls != kg:Concept)
          OPTIONAL { ?e skos:altLabel ?alt }
        } GROUP BY ?e ?label ?cls ?article""")
    # a name two entities of one article share ('France' of the France national team and of the
    # country, written 'French' elsewhere) shows the judge another entity: its own names come first
    names_in_article: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        names_in_article[row["article"]].update({row["label"], *filter(None, row["alts"].split("|"))})
    facts = []
    for row in rows:
        names = [row["label"], *filter(None, row["alts"].split("|"))]
        own = [name for name in names if names_in_article[row["article"]][name] == 1]
        evidence = _sentence_naming(texts[row["article"]], own) or _sentence_naming(texts[row["article"]], names)
        if evidence is None:
            continue  # named only through a reference ('he'), nothing to show the judge
        cls = row["cls"].rsplit("#", 1)[-1]
        facts.append(Fact(kind="entity", key=f"entity/{cls}", article=files[row["article"]],
                          text=f"[{row['label']}] is a {cls}" + (f" (also written: {', '.join(names[1:4])})" if names[1:] else ""),
                          evidence=evidence, asserted=True))
    return facts


def _sentence_naming(text: str, names: list[str]) -> str | None:
    for name in sorted(names, key=len, reverse=True):
        match = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
        if match:
            start = max(text.rfind(". ", 0, match.start()) + 2, text.rfind("\n", 0, match.start()) + 1, 0)
            ends = [i for i in (text.find(". ", match.end()), text.find("\n", match.end())) if i != -1]
            return text[start: (min(ends) + 1 if ends else len(text))].strip()
    return None


def _float(value: str) -> float | None:
    return float(value) if value else None


def read_judgments() -> dict[str, dict]:
    if not JUDGMENTS.exists():
        return {}
    return {j["id"]: j for j in map(json.loads, JUDGMENTS.read_text().splitlines()) if j.get("verdict")}


def wilson(right: int, n: int) -> tuple[float, float]:
    if n == 0:
        return 0.0, 1.0
    z, p = 1.96, right / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - spread), min(1.0, centre + spread)


def report(facts: list[Fact], judgments: dict[str, dict], halves: dict[str, str], half: str) -> bool:
    """Print precision of the asserted facts of one half; True when every kind and every typed
    predicate reaches the target."""
    chosen = [f for f in facts if half == "all" or halves[f.article] == half]
    judged = [(f, judgments[f.id]["verdict"]) for f in chosen if f.sampled and f.id in judgments]
    asserted = [(f, v) for f, v in judged if f.asserted]
    print(f"half: {half} ({sum(1 for h in halves.values() if half in ('all', h))} articles); "
          f"{len(asserted)} asserted facts judged, {len(judged) - len(asserted)} candidates judged")
    print(f"{'':28} {'n':>4} {'strict':>7} {'95% interval':>14} {'lenient':>8}")
    ok = True
    for kind in KINDS:
        rows = [(f, v) for f, v in asserted if f.kind == kind]
        ok &= _line(kind, rows, bold=True)
        if kind in ("relation", "role"):
            by_key: dict[str, list] = defaultdict(list)
            for f, v in rows:
                by_key[f.key].append((f, v))
            for key in sorted(by_key):
                typed = _is_typed(key) or kind == "role"
                passed = _line("  " + key.split("/", 1)[1], by_key[key])
                ok &= passed or not typed
    held = [(f, v) for f, v in judged if not f.asserted]
    if held:
        print("\nheld back (candidates), judged:")
        for kind in KINDS:
            _line(kind, [(f, v) for f, v in held if f.kind == kind])
    current = {f.id for f in facts if f.asserted}
    lost = Counter(j["kind"] for j in judgments.values()
                   if j["verdict"] == "right" and j["id"] not in current and (half == "all" or j.get("half") == half))
    print("\njudged right but no longer asserted: " + (", ".join(f"{k} {n}" for k, n in sorted(lost.items())) or "none"))
    unjudged = Counter(f.kind for f in chosen if f.sampled and f.id not in judgments)
    if unjudged:
        print("sampled but not judged yet: " + ", ".join(f"{k} {n}" for k, n in sorted(unjudged.items())))
    return ok


def _line(name: str, rows: list[tuple[Fact, str]], bold: bool = False) -> bool:
    n = len(rows)
    if n == 0:
        print(f"{name:28} {0:>4}")
        return True
    strict = sum(1 for _, v in rows if v == "right")
    lenient = sum(1 for _, v in rows if v in ("right", "partly"))
    low, high = wilson(strict, n)
    print(f"{name:28} {n:>4} {strict / n:>7.3f}   [{low:.2f}, {high:.2f}] {lenient / n:>8.3f}")
    return strict / n >= TARGET


def write_unjudged(facts: list[Fact], judgments: dict[str, dict], halves: dict[str, str], path: Path) -> None:
    todo = [f for f in facts if f.sampled and f.id not in judgments]
    with path.open("w") as out:
        for fact in todo:
            record = {name: value for name, value in asdict(fact).items() if name not in ("asserted", "confidence", "held_back")}
            out.write(json.dumps({**record, "half": halves[fact.article]}) + "\n")
    print(f"{len(todo)} facts to judge -> {path}")


def calibrate(facts: list[Fact], judgments: dict[str, dict], halves: dict[str, str]) -> None:
    """Each rule's confidence: the share of its tune-half facts judged right, drawn toward the share
    of its whole kind by PRIOR_WEIGHT judgments' worth (a rule judged twice says little alone), or
    toward the rule it qualifies when that is lower ('svo-claimed-reference' toward 'svo-claimed').
    Facts held back for their modality ('may approve') are left out: they are never asserted, so
    the confidence measures the facts the threshold decides on."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for fact in facts:
        if halves[fact.article] == "tune" and fact.id in judgments and not fact.held_back.startswith("modality"):
            for key in (fact.key, fact.kind):
                counts[key][0] += judgments[fact.id]["verdict"] == "right"
                counts[key][1] += 1
    table: dict[str, dict] = {}

    def confidence(key: str) -> float:
        if key not in table:
            right, n = counts[key]
            kind_right, kind_n = counts[key.split("/", 1)[0]]
            prior = kind_right / kind_n
            parent = _parent(key)
            while parent is not None and parent not in counts:
                parent = _parent(parent)
            if parent is not None:  # a qualified rule is taken to be no surer than the rule it qualifies
                prior = min(prior, confidence(parent))
            table[key] = {"confidence": round((right + PRIOR_WEIGHT * prior) / (n + PRIOR_WEIGHT), 3),
                          "right": right, "judged": n}
        return table[key]["confidence"]

    for key in counts:
        if "/" in key:
            confidence(key)
    table = dict(sorted(table.items()))
    CALIBRATION.write_text(json.dumps(table, indent=1) + "\n")
    print(f"{len(table)} rules calibrated -> {CALIBRATION}")


def _parent(key: str) -> str | None:
    """The rule a qualified rule qualifies: 'relation/svo-claimed-reference' -> 'relation/svo-claimed';
    None for a rule without qualifiers ('relation/svo', 'role/title/leads')."""
    kind, rule, *predicate = key.split("/")
    head, _, last = rule.rpartition("-")
    if not head or last not in QUALIFIERS:
        return None
    return "/".join([kind, head, *predicate])


def sweep(facts: list[Fact], judgments: dict[str, dict], halves: dict[str, str], half: str) -> None:
    """Strict precision of each kind, and how many judged facts would be asserted, at each threshold
    the calibration gives (a modal fact is never asserted; entities have no threshold)."""
    judged = [(f, judgments[f.id]["verdict"] == "right") for f in facts
              if f.sampled and f.id in judgments and (half == "all" or halves[f.article] == half)
              and f.kind != "entity" and not f.held_back.startswith("modality")]
    thresholds = sorted({0.0, *(f.confidence for f, _ in judged if f.confidence is not None)})
    print(f"half: {half}; strict precision (asserted judged facts) at each threshold")
    print(f"{'threshold':>9} " + " ".join(f"{kind:>15}" for kind in KINDS[:-1]))
    for threshold in thresholds:
        cells = []
        for kind in KINDS[:-1]:
            rows = [right for f, right in judged if f.kind == kind and (f.confidence or 0) >= threshold]
            cells.append(f"{sum(rows) / len(rows):.2f} ({len(rows):>3})" if rows else f"{'-':>10}")
        print(f"{threshold:>9.3f} " + " ".join(f"{c:>15}" for c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--half", choices=("tune", "held-out", "all"), default="held-out")
    parser.add_argument("--unjudged", type=Path, help="write the sampled facts without a judgment to this file")
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--sweep", action="store_true", help="precision of each kind at each threshold")
    parser.add_argument("--min-confidence", type=float, help="build at this threshold instead of the default")
    parser.add_argument("--graph", type=Path, help="read this kg.ttl instead of building the sample")
    args = parser.parse_args()
    halves = sample()
    only_claims = claims_only()
    facts = [f for f in read_facts(args.graph or build_sample(args.min_confidence))
             if f.kind == "claim" or f.article not in only_claims]
    judgments = read_judgments()
    if args.unjudged:
        write_unjudged(facts, judgments, halves, args.unjudged)
    elif args.calibrate:
        calibrate(facts, judgments, halves)
    elif args.sweep:
        sweep(facts, judgments, halves, args.half)
    else:
        sys.exit(0 if report(facts, judgments, halves, args.half) else 1)


if __name__ == "__main__":
    main()
