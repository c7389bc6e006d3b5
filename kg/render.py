"""RDF graph -> a self-contained interactive HTML page (the only module that imports pyvis).

pyvis assembles the vis-network node and edge data; the page itself is our own template, because
pyvis's templates fetch CSS/JS from CDNs. vis-network is inlined from the copy pyvis ships, so the
page works offline from file://. Text from articles reaches the page only as JSON data and is shown
through vis-network's plain-text titles and `textContent`, never as HTML.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from importlib import resources

from pyvis.network import Network
from rdflib import RDF, RDFS, SKOS, Graph, URIRef
from rdflib.namespace import PROV

from kg.vocab import KG, KG_IRI, SCHEMA, relation_properties

VIS_VERSION_DIR = "lib/vis-9.1.2"
CLASS_COLOURS = {
    "Person": "#e15759",
    "Organization": "#4e79a7",
    "GovernmentBody": "#2f5d8a",
    "Company": "#76b7b2",
    "ResearchOrganization": "#9c755f",
    "MediaOrganization": "#edc948",
    "Country": "#59a14f",
    "GeopoliticalEntity": "#8cd17d",
    "Location": "#86bc86",
    "Facility": "#a0cbe8",
    "Product": "#b07aa1",
    "Measurement": "#d37295",
    "Event": "#ff9da7",
    "Policy": "#d4a6c8",
    "CreativeWork": "#d37295",
    "Concept": "#bab0ac",
    "Claim": "#f28e2b",
}
CLAIM_LABEL_CHARS = 60
VIS_OPTIONS = {
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
        "stabilization": {"enabled": True, "iterations": 300, "fit": True},
    },
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "font": {"size": 10, "align": "middle"},
              "smooth": {"type": "continuous"}},
    "nodes": {"font": {"size": 14}},
    "interaction": {"hover": True, "tooltipDelay": 150},
}


def render_html(graph: Graph, *, title: str = "Knowledge graph") -> str:
    net = network_of(graph)
    data = {"nodes": net.nodes, "edges": net.edges, "options": VIS_OPTIONS,
            "legend": _legend(net.nodes), "title": title}
    return PAGE.format(
        title=_html_text(title),
        vis_css=_vis_asset("vis-network.css"),
        vis_js=_vis_asset("vis-network.min.js"),
        data=_script_json(data),
    )


def network_of(graph: Graph) -> Network:
    """Entities, concepts and claims as nodes; relations and speaker->claim links as edges."""
    net = Network(directed=True)
    headlines = {a: str(h) for a, h in graph.subject_objects(SCHEMA.headline)}
    evidence = _evidence_by_triple(graph, headlines)
    relations = relation_properties(graph)

    typed = sorted(_typed_nodes(graph))
    node_ids = {str(node) for node, _ in typed}
    for node, cls in typed:
        if cls == "Claim":
            _add_claim_node(net, graph, node, headlines)
        elif cls == "Measurement":
            _add_measurement_node(net, graph, node, headlines)
        else:
            _add_entity_node(net, graph, node, cls)
    for subject, predicate, obj in sorted(graph.triples((None, None, None))):
        if predicate in relations and str(subject) in node_ids and str(obj) in node_ids:
            label = relations[predicate]
            sources = evidence.get((subject, predicate, obj), [])
            net.add_edge(str(subject), str(obj), label=label, title=_edge_title(label, sources),
                         width=1 + len({s for s, _ in sources}), kind="relation")
        elif predicate == KG.claims and str(obj) in node_ids:
            cue = str(graph.value(obj, KG.cue) or "says")
            net.add_edge(str(subject), str(obj), label=cue, title=f"{cue} (see the claim for the source)",
                         dashes=True, color=CLASS_COLOURS["Claim"], kind="claim")
        elif predicate in (KG.reports, KG.about) and str(subject) in node_ids and str(obj) in node_ids:
            label = "reports" if predicate == KG.reports else "about"
            net.add_edge(str(subject), str(obj), label=label, title=label, dashes=True,
                         color=CLASS_COLOURS["Measurement"], kind="measurement")
    return net


def _typed_nodes(graph: Graph) -> set[tuple[URIRef, str]]:
    nodes = set()
    for node, cls_iri in graph.subject_objects(RDF.type):
        cls = str(cls_iri).removeprefix(KG_IRI)
        if cls in CLASS_COLOURS and isinstance(node, URIRef):
            nodes.add((node, cls))
    return nodes


def _add_entity_node(net: Network, graph: Graph, node: URIRef, cls: str) -> None:
    label = str(graph.value(node, RDFS.label) or node)
    aliases = sorted(str(a) for a in graph.objects(node, SKOS.altLabel))
    articles = len(set(graph.objects(node, KG.mentionedIn)))
    mentions = int(graph.value(node, KG.mentionCount) or 1)
    lines = [f"{label} ({cls})"]
    if aliases:
        lines.append("Also: " + "; ".join(aliases))
    if cls != "Concept":
        lines.append(f"Named {mentions} times in {articles} article(s)")
    net.add_node(str(node), label=label, title="\n".join(lines), color=CLASS_COLOURS[cls],
                 shape="dot", size=8 if cls == "Concept" else 12 + 4 * math.sqrt(mentions), kind=cls)


def _add_claim_node(net: Network, graph: Graph, node: URIRef, headlines: dict) -> None:
    content = str(graph.value(node, KG.content) or "")
    speaker = graph.value(node, KG.speaker)
    speaker_label = str(graph.value(speaker, RDFS.label) or "") if speaker else ""
    article = headlines.get(graph.value(node, PROV.wasDerivedFrom), "")
    direct = str(graph.value(node, KG.direct)) == "true"
    short = content if len(content) <= CLAIM_LABEL_CHARS else content[: CLAIM_LABEL_CHARS - 1] + "…"
    title = (f"{speaker_label} — {graph.value(node, KG.cue)} ({'direct quote' if direct else 'reported'})"
             f"\n{content}\nArticle: {article}")
    net.add_node(str(node), label=short, title=title, color=CLASS_COLOURS["Claim"], shape="box",
                 kind="Claim", font={"size": 11})


def _add_measurement_node(net: Network, graph: Graph, node: URIRef, headlines: dict) -> None:
    written = str(graph.value(node, KG.asWritten) or "")
    measure = graph.value(node, KG.measure)
    label = f"{written} ({measure})" if measure else written
    lines = [label]
    for predicate, name in ((KG.change, "Change"), (KG.period, "Period"), (KG.sourceText, "Source")):
        value = graph.value(node, predicate)
        if value:
            lines.append(f"{name}: {value}")
    lines.append(f"Article: {headlines.get(graph.value(node, PROV.wasDerivedFrom), '')}")
    net.add_node(str(node), label=label, title="\n".join(lines), color=CLASS_COLOURS["Measurement"],
                 shape="diamond", size=8, kind="Measurement", font={"size": 11})


def _evidence_by_triple(graph: Graph, headlines: dict) -> dict[tuple, list[tuple[str, str]]]:
    """(subject, predicate, object) -> [(article headline, evidence sentence)] from the records."""
    found: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for record in graph.subjects(RDF.type, KG.Assertion):
        triple = (graph.value(record, RDF.subject), graph.value(record, RDF.predicate),
                  graph.value(record, RDF.object))
        article = headlines.get(graph.value(record, PROV.wasDerivedFrom), "")
        found[triple].append((article, str(graph.value(record, KG.evidence) or "")))
    return {triple: sorted(set(items)) for triple, items in found.items()}


def _edge_title(label: str, sources: list[tuple[str, str]]) -> str:
    articles = len({article for article, _ in sources})
    lines = [f"{label} — in {articles} article(s)"]
    lines += [f"• {sentence}\n  ({article})" for article, sentence in sources]
    return "\n".join(lines)


def _legend(nodes: list[dict]) -> list[dict]:
    present = sorted({node["kind"] for node in nodes})
    return [{"class": cls, "colour": CLASS_COLOURS[cls]} for cls in present]


def _vis_asset(name: str) -> str:
    return resources.files("pyvis").joinpath(VIS_VERSION_DIR, name).read_text(encoding="utf-8")


def _script_json(value: object) -> str:
    """JSON that is safe inside <script>: no '</script>', no HTML comment or CDATA openers."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>{vis_css}</style>
<style>
  html, body {{ margin: 0; height: 100%; font-family: system-ui, sans-serif; }}
  #graph {{ position: absolute; inset: 0 0 0 220px; }}
  #side {{ position: absolute; top: 0; bottom: 0; left: 0; width: 210px; padding: 8px; overflow: auto;
           border-right: 1px solid #ddd; font-size: 13px; }}
  #side h1 {{ font-size: 15px; margin: 0 0 8px; }}
  .swatch {{ display: inline-block; width: 12px; height: 12px; border-radius: 6px; margin-right: 6px;
             vertical-align: middle; }}
  div.vis-tooltip {{ white-space: pre-wrap; max-width: 420px; }}
</style>
</head>
<body>
<div id="side"><h1 id="heading"></h1><div id="counts"></div><div id="legend"></div></div>
<div id="graph"></div>
<script>{vis_js}</script>
<script>
(function () {{
  const data = {data};
  document.getElementById("heading").textContent = data.title;
  document.getElementById("counts").textContent =
    data.nodes.length + " nodes, " + data.edges.length + " edges";
  const legend = document.getElementById("legend");
  for (const entry of data.legend) {{
    const row = document.createElement("div");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = entry.colour;
    row.appendChild(swatch);
    row.appendChild(document.createTextNode(entry.class));
    legend.appendChild(row);
  }}
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const network = new vis.Network(document.getElementById("graph"), {{ nodes, edges }}, data.options);
  // Physics only until the layout settles, so large graphs stay responsive afterwards.
  network.once("stabilizationIterationsDone", function () {{
    network.setOptions({{ physics: false }});
    window.kgReady = true;
  }});
  window.network = network;
}})();
</script>
</body>
</html>
"""
