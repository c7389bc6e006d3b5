"""networkx views of the built graph: who is connected to whom, how central, in which community."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph

from kg.graph.store import DATA, open_store
from kg.model import EntityClass
from kg.read.query import run_query

# Communities come from Louvain with a fixed seed, so two runs on one graph agree.
COMMUNITY_SEED = 0

NODES = """
SELECT ?node ?label ?class ?mentions WHERE {
  { ?node a kg:Entity } UNION { ?node a kg:Concept }
  ?node rdfs:label ?label ; a ?classIri .
  FILTER(STRSTARTS(STR(?classIri), STR(kg:)))
  FILTER NOT EXISTS { ?node a ?narrower . ?narrower rdfs:subClassOf ?classIri . FILTER(?narrower != ?classIri) }
  OPTIONAL { ?node kg:mentionCount ?mentions }
  BIND(STRAFTER(STR(?classIri), "#") AS ?class)
}"""
# Relations as extracted (their provenance records), not the super-properties inference adds.
EDGES = """
SELECT ?subject ?object ?property ?relation (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?record a kg:Assertion ; rdf:subject ?subject ; rdf:predicate ?property ; rdf:object ?object ;
          kg:negated false ; prov:wasDerivedFrom ?article .
  ?property rdfs:subPropertyOf kg:relation ; rdfs:label ?relation .
  { ?object a kg:Entity } UNION { ?object a kg:Concept }
} GROUP BY ?subject ?object ?property ?relation"""
CLASS_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?node) AS ?count) WHERE {
  ?node a ?classIri .
  VALUES ?root { kg:Entity kg:Concept kg:Claim kg:Measurement kg:Assertion kg:Merge schema:NewsArticle }
  ?classIri rdfs:subClassOf* ?root .
  FILTER NOT EXISTS { ?node a ?narrower . ?narrower rdfs:subClassOf ?classIri . FILTER(?narrower != ?classIri) }
  BIND(IF(STRSTARTS(STR(?classIri), STR(kg:)), CONCAT("kg:", STRAFTER(STR(?classIri), "#")), "schema:NewsArticle") AS ?class)
} GROUP BY ?class ORDER BY DESC(?count) ?class"""


@dataclass(frozen=True)
class Stats:
    triples: int
    classes: tuple[tuple[str, int], ...]  # (class, how many nodes have it as their most specific class)
    by_degree: tuple[tuple[str, int], ...]  # (label, relations in either direction)
    by_pagerank: tuple[tuple[str, float], ...]
    communities: tuple[tuple[str, ...], ...]  # labels, largest community first


def entity_network(store: pyoxigraph.Store) -> nx.MultiDiGraph:
    """Entities and concepts as nodes (label, class, mentions); one edge per extracted relation
    (relation, property IRI, number of articles asserting it as `weight`)."""
    network = nx.MultiDiGraph()
    for node, label, cls, mentions in run_query(store, NODES).rows:
        network.add_node(node.value, label=label.value, cls=cls.value,
                         mentions=int(mentions.value) if mentions is not None else 0)
    for subject, obj, prop, relation, articles in run_query(store, EDGES).rows:
        if subject.value in network and obj.value in network:
            network.add_edge(subject.value, obj.value, key=prop.value, label=relation.value,
                             property=prop.value, weight=int(articles.value))
    return network


def stats_of_build(out_dir: Path, *, top: int = 10) -> Stats:
    """graph_stats of the store of the build in `out_dir`."""
    return graph_stats(open_store(out_dir), top=top)


def graph_stats(store: pyoxigraph.Store, *, top: int = 10) -> Stats:
    network = entity_network(store)
    entities = {n for n, cls in network.nodes(data="cls") if cls != EntityClass.Concept}
    label = dict(network.nodes(data="label"))
    simple = nx.Graph(network.to_undirected())  # parallel relations count once for ranking
    by_degree = sorted(((label[n], simple.degree(n)) for n in entities), key=lambda pair: (-pair[1], pair[0]))
    pagerank = nx.pagerank(nx.DiGraph(network), weight="weight") if len(network) else {}
    by_pagerank = sorted(((label[n], round(pagerank[n], 4)) for n in entities), key=lambda pair: (-pair[1], pair[0]))
    connected = simple.subgraph(n for n in simple if simple.degree(n) > 0)
    communities = nx.community.louvain_communities(connected, seed=COMMUNITY_SEED) if len(connected) else []
    # listed by their entities: concepts link entities but make poor names for a community
    named = (tuple(sorted(label[n] for n in group if n in entities)) for group in communities)
    ranked = sorted((group for group in named if len(group) > 1), key=lambda group: (-len(group), group))
    triples = sum(1 for _ in store.quads_for_pattern(None, None, None, DATA))
    return Stats(
        triples=triples,
        classes=tuple((cls.value, int(count.value)) for cls, count in run_query(store, CLASS_COUNTS).rows),
        by_degree=tuple(by_degree[:top]),
        by_pagerank=tuple(by_pagerank[:top]),
        communities=tuple(ranked[:top]),
    )
