"""RDF graph -> what the page draws: nodes, edges and the evidence behind them, as plain data.

Every string here is text from the graph, meant to be shown as text: the page (kg/page/render.py) puts
it into the DOM with textContent and into vis-network's tooltips as plain strings, never as HTML.
A view can be cut down to one entity's neighbourhood (`focus`) and to its most connected nodes
(`limit`), and says what it left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Graph, URIRef
from rdflib.namespace import PROV

from kg.errors import UsageError
from kg.graph.vocab import KG, KG_IRI, SCHEMA, relation_properties
from kg.model import EntityClass

CLASS_COLOURS = {
    EntityClass.Person: "#e15759",
    EntityClass.Organization: "#4e79a7",
    EntityClass.GovernmentBody: "#2f5d8a",
    EntityClass.Company: "#76b7b2",
    EntityClass.ResearchOrganization: "#9c755f",
    EntityClass.MediaOrganization: "#edc948",
    EntityClass.SportsTeam: "#f1ce63",
    EntityClass.Country: "#59a14f",
    EntityClass.GeopoliticalEntity: "#8cd17d",
    EntityClass.Location: "#86bc86",
    EntityClass.Facility: "#a0cbe8",
    EntityClass.Product: "#b07aa1",
    EntityClass.Event: "#ff9da7",
    EntityClass.Policy: "#d4a6c8",
    EntityClass.CreativeWork: "#c9a0dc",
    EntityClass.Entity: "#79706e",  # a name whose kind is unsure; after every class above, so a node keeps its own
    EntityClass.Concept: "#bab0ac",
    "Claim": "#f28e2b",
    "Measurement": "#d37295",
}
ROLE_PROPERTIES = (KG.spokespersonFor, KG.leads, KG.worksFor, KG.memberOf)
CLAIM_LABEL_CHARS = 60
EDGE_COLOUR = "#9a9a9a"
CORROBORATED_COLOUR = "#303030"  # a fact two or more articles assert is drawn darker and wider
MAX_EDGE_WIDTH = 9


@dataclass(frozen=True)
class View:
    nodes: tuple[dict, ...]
    edges: tuple[dict, ...]
    articles: tuple[dict, ...]  # {"headline", "outlet"}; nodes and edges refer to them by index
    left_out: str = ""  # what a focus or a node limit left out, in words
    focus: str | None = None  # the id of the focused node


def view_of(graph: Graph) -> View:
    """Entities, concepts, claims and figures as nodes; relations, speaker -> claim and
    source -> figure -> subject links as edges."""
    articles = sorted(graph.subject_objects(SCHEMA.headline), key=lambda pair: (str(pair[1]), pair[0]))
    article_index = {article: i for i, (article, _) in enumerate(articles)}
    article_rows = tuple({"headline": str(headline), "outlet": _label(graph, graph.value(article, SCHEMA.publisher))}
                         for article, headline in articles)
    relations = relation_properties(graph)
    evidence = _evidence_by_triple(graph, article_index)

    nodes = {}
    for node, cls in sorted(_typed_nodes(graph)):
        if cls == "Claim":
            nodes[node] = _claim_node(graph, node, article_index, article_rows)
        elif cls == "Measurement":
            nodes[node] = _measurement_node(graph, node, article_index, article_rows)
        else:
            nodes[node] = _entity_node(graph, node, cls, article_index, relations)

    edges = []
    linking = [*relations, KG.claims, KG.reports, KG.about]
    links = sorted((s, p, o) for p in linking for s, o in graph.subject_objects(p) if s in nodes and o in nodes)
    for subject, predicate, obj in links:
        if predicate in relations:
            edges.append(_relation_edge(subject, relations[predicate], obj,
                                        evidence.get((subject, predicate, obj), []), article_rows))
        elif predicate == KG.claims:
            cue = str(graph.value(obj, KG.cue) or "says")
            edges.append({"from": str(subject), "to": str(obj), "label": cue, "kind": "claim",
                          "articles": nodes[obj]["articles"], "dashes": True, "color": CLASS_COLOURS["Claim"],
                          "title": f"{nodes[subject]['label']} {cue}: (click the claim for its source)"})
        elif predicate in (KG.reports, KG.about):
            label = "reports" if predicate == KG.reports else "about"
            edges.append({"from": str(subject), "to": str(obj), "label": label, "kind": "figure",
                          "articles": nodes[subject if predicate == KG.about else obj]["articles"],
                          "dashes": True, "color": CLASS_COLOURS["Measurement"], "title": label})
    for number, edge in enumerate(edges):
        edge["id"] = f"e{number}"
    return View(nodes=tuple(nodes.values()), edges=tuple(edges), articles=article_rows)


def focus_on(view: View, node_id: str, depth: int) -> View:
    """The nodes within `depth` links of node `node_id` (kg/read/lookup.py finds it from a name)."""
    network = network_of(view)
    if node_id not in network:  # the store and the Turtle are of two builds
        raise UsageError(f"{node_id} is not in this graph; build again ('kg build --out ...')")
    kept = set(nx.single_source_shortest_path_length(network, node_id, cutoff=depth))
    left = len(view.nodes) - len(kept)
    cut = _keep(view, kept)
    label = next(n["label"] for n in view.nodes if n["id"] == node_id)
    note = f"{left} node(s) more than {depth} link(s) from {label}" if left else ""
    return replace(cut, focus=node_id, left_out=note)


def limit_nodes(view: View, max_nodes: int) -> View:
    """The `max_nodes` most connected nodes (the focus always among them), and the edges between them."""
    if max_nodes <= 0 or len(view.nodes) <= max_nodes:
        return view
    degree = network_of(view).degree
    kept = set(most_connected({n["id"]: degree[n["id"]] for n in view.nodes}, max_nodes, first=view.focus))
    cut = _keep(view, kept)
    note = (f"{len(view.nodes) - len(cut.nodes)} less connected node(s) and {len(view.edges) - len(cut.edges)} "
            f"edge(s), to keep the page to {max_nodes} nodes")
    return replace(cut, left_out="; ".join(filter(None, (view.left_out, note))))


def most_connected(degrees: Mapping[str, int], max_nodes: int, first: str | None = None) -> list[str]:
    """The nodes a node limit keeps, in order: `first` (the focus), then the most connected, ties
    broken by IRI; the `max_nodes` first of them (all for 0). The build's excerpt (excerpt.py) ranks
    the store's nodes with it too, so that both keep the same nodes."""
    ranked = sorted(degrees, key=lambda node: (node != first, -degrees[node], node))
    return ranked[:max_nodes] if max_nodes > 0 else ranked


def network_of(view: View) -> nx.Graph:
    """The view's nodes and links, undirected."""
    network = nx.Graph()
    network.add_nodes_from(n["id"] for n in view.nodes)
    network.add_edges_from((e["from"], e["to"]) for e in view.edges)
    return network


def _keep(view: View, kept: set[str]) -> View:
    return replace(view, nodes=tuple(n for n in view.nodes if n["id"] in kept),
                   edges=tuple(e for e in view.edges if e["from"] in kept and e["to"] in kept))


def _typed_nodes(graph: Graph) -> set[tuple[URIRef, str]]:
    classes: dict[URIRef, list[str]] = {}
    for node, cls_iri in graph.subject_objects(RDF.type):
        cls = str(cls_iri).removeprefix(KG_IRI)
        if cls in CLASS_COLOURS and isinstance(node, URIRef):
            classes.setdefault(node, []).append(cls)
    # a graph with its entailments types a kg:Person as a kg:Entity too: the node is drawn as a person
    order = list(CLASS_COLOURS)
    return {(node, min(found, key=order.index)) for node, found in classes.items()}


def _label(graph: Graph, node) -> str:
    return str(graph.value(node, RDFS.label) or "") if node is not None else ""


def _article_text(article_rows: tuple[dict, ...], index: int | None) -> str:
    if index is None:
        return ""
    row = article_rows[index]
    return f"{row['headline']} ({row['outlet']})" if row["outlet"] else row["headline"]


def _entity_node(graph: Graph, node: URIRef, cls: str, article_index: dict, relations: dict) -> dict:
    label = _label(graph, node) or str(node)
    aliases = sorted(str(a) for a in graph.objects(node, SKOS.altLabel))
    articles = sorted(article_index[a] for a in graph.objects(node, KG.mentionedIn) if a in article_index)
    mentions = int(graph.value(node, KG.mentionCount) or 1)
    roles = sorted({f"{relations[p]} {_label(graph, o)}" for p in ROLE_PROPERTIES for o in graph.objects(node, p)}
                   | {f"{_label(graph, s)} {relations[p]} it"
                      for p in ROLE_PROPERTIES for s in graph.subjects(p, node)})
    info = [("Class", cls), ("Also named", "; ".join(aliases) or "-")]
    if cls != EntityClass.Concept:
        info.append(("Mentioned", f"{mentions} time(s) in {len(articles)} article(s)"))
    if roles:
        info.append(("Roles", "\n".join(roles)))
    title = "\n".join(f"{key}: {value}" for key, value in [(label, cls)] + info[1:])
    names = sorted({label.casefold(), *map(str.casefold, aliases)})
    return {"id": str(node), "label": label, "kind": cls, "names": names, "articles": articles,
            "title": title, "info": [("Entity", label), *info],
            "color": CLASS_COLOURS[cls], "shape": "dot", "value": 0 if cls == EntityClass.Concept else mentions}


def _claim_node(graph: Graph, node: URIRef, article_index: dict, article_rows: tuple[dict, ...]) -> dict:
    content = str(graph.value(node, KG.content) or "")
    # a claim whose source names no entity ('officials said') shows the source's words
    speaker = _label(graph, graph.value(node, KG.speaker)) or f"({graph.value(node, KG.sourceText) or 'unnamed'})"
    cue = str(graph.value(node, KG.cue) or "")
    article = article_index.get(graph.value(node, PROV.wasDerivedFrom))
    kind = "direct quote" if str(graph.value(node, KG.direct)) == "true" else "reported speech"
    if str(graph.value(node, KG.negated)) == "true":
        kind += ", negated"
    short = content if len(content) <= CLAIM_LABEL_CHARS else content[: CLAIM_LABEL_CHARS - 1] + "…"
    info = [("Claim", content), ("Speaker", speaker), ("Cue", f"{cue} ({kind})"),
            ("Article", _article_text(article_rows, article))]
    return {"id": str(node), "label": short, "kind": "Claim", "names": [],
            "articles": [article] if article is not None else [],
            "title": f"{speaker} — {cue} ({kind})\n{content}\nArticle: {info[-1][1]}", "info": info,
            "color": CLASS_COLOURS["Claim"], "shape": "box", "font": {"size": 11}}


def _measurement_node(graph: Graph, node: URIRef, article_index: dict, article_rows: tuple[dict, ...]) -> dict:
    written = str(graph.value(node, KG.asWritten) or "")
    measure = graph.value(node, KG.measure)
    label = f"{written} ({measure})" if measure else written
    article = article_index.get(graph.value(node, PROV.wasDerivedFrom))
    info = [("Figure", label)]
    for predicate, name in ((KG.change, "Change"), (KG.period, "Period"), (KG.sourceText, "Source")):
        value = graph.value(node, predicate)
        if value:
            info.append((name, str(value)))
    info.append(("Article", _article_text(article_rows, article)))
    return {"id": str(node), "label": label, "kind": "Measurement", "names": [],
            "articles": [article] if article is not None else [],
            "title": "\n".join(f"{key}: {value}" for key, value in info), "info": info,
            "color": CLASS_COLOURS["Measurement"], "shape": "diamond", "size": 8, "font": {"size": 11}}


def _relation_edge(subject: URIRef, label: str, obj: URIRef, sources: list[tuple[int, str]],
                   article_rows: tuple[dict, ...]) -> dict:
    articles = sorted({article for article, _ in sources})
    corroborated = len(articles) >= 2
    evidence = [f"“{sentence}” — {_article_text(article_rows, article)}" for article, sentence in sources]
    heading = f"{label}, in {len(articles)} article(s)" + (" (corroborated)" if corroborated else "")
    return {"from": str(subject), "to": str(obj), "label": label, "kind": "relation", "articles": articles,
            "title": "\n".join([heading, *evidence]),
            "info": [("Relation", heading), *(("Evidence", e) for e in evidence)],
            "width": min(1 + 2 * (len(articles) - 1), MAX_EDGE_WIDTH) if corroborated else 1,
            "color": CORROBORATED_COLOUR if corroborated else EDGE_COLOUR}


def _evidence_by_triple(graph: Graph, article_index: dict) -> dict[tuple, list[tuple[int, str]]]:
    """(subject, predicate, object) -> [(article index, evidence sentence)] from the provenance records."""
    found: dict[tuple, set] = defaultdict(set)
    for record in graph.subjects(RDF.type, KG.Assertion):
        article = article_index.get(graph.value(record, PROV.wasDerivedFrom))
        if article is None:
            continue
        triple = (graph.value(record, RDF.subject), graph.value(record, RDF.predicate), graph.value(record, RDF.object))
        found[triple].add((article, str(graph.value(record, KG.evidence) or "")))
    return {triple: sorted(items) for triple, items in found.items()}
