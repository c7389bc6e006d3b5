"""A view of the graph (kg/view.py) -> a self-contained interactive HTML page (the only module that
imports pyvis).

The page is our own template, because pyvis's templates fetch CSS/JS from CDNs and set innerHTML on
titles; only the vis-network copy pyvis ships is used, inlined, so the page works offline from
file://. Text from articles reaches the page only as JSON data and is shown through vis-network's
plain-text titles and `textContent`, never as HTML; a Content-Security-Policy forbids any fetch.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources
from pathlib import Path

import pyvis
from rdflib import Graph

from kg.errors import UsageError
from kg.files import write_atomic
from kg.page.view import CLASS_COLOURS, View, focus_on, layout, limit_nodes, view_of

VIS_VERSION_DIR = "lib/vis-9.1.2"
# Up to this many nodes the browser's physics settles the layout (capped, then switched off); a
# larger page is drawn at once from a networkx layout computed here.
PHYSICS_MAX_NODES = 300
STABILISATION_ITERATIONS = 200
PLACEHOLDER = re.compile(r"@@(TITLE|SCRIPT_HASHES|VIS_CSS|VIS_JS|PAGE_JS|DATA)@@")
EDGE_KINDS = {"relation": "relations", "claim": "speaker -> claim", "figure": "figures"}
VIS_OPTIONS = {
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
        "stabilization": {"enabled": True, "iterations": STABILISATION_ITERATIONS, "fit": True},
    },
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "font": {"size": 10, "align": "middle"},
              "smooth": False},
    # a dot's area follows its mentions, within bounds so that one busy entity cannot cover the page
    "nodes": {"font": {"size": 14}, "scaling": {"min": 8, "max": 36}},
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
}


def write_page(turtle: Path, target: Path, *, focus: str | None = None, depth: int = 1,
               max_nodes: int = 0) -> View:
    """Render a build's Turtle as a page at `target`: the whole graph, or the neighbourhood of the
    entity named `focus`, cut to the `max_nodes` most connected nodes (0: no cut)."""
    if not turtle.is_file():
        raise UsageError(f"{turtle}: no graph here; run 'kg build --out {turtle.parent}' first")
    try:
        graph = Graph().parse(turtle, format="turtle")
    except Exception as error:  # rdflib raises many kinds for a damaged file
        raise UsageError(f"{turtle}: not readable Turtle ({str(error).splitlines()[0]})") from error
    view = view_of(graph)
    title = "Knowledge graph"
    if focus is not None:
        view = focus_on(view, focus, depth)
        title = f"{depth} link(s) around " + next(n["label"] for n in view.nodes if n["id"] == view.focus)
    view = limit_nodes(view, max_nodes)
    write_atomic(target, render_html(view, title=title).encode("utf-8"))
    return view


def render_html(view: View, *, title: str = "Knowledge graph") -> str:
    nodes = [dict(node) for node in view.nodes]
    options = json.loads(json.dumps(VIS_OPTIONS))
    if len(nodes) > PHYSICS_MAX_NODES:
        positions = layout(view)
        for node in nodes:
            node["x"], node["y"] = positions[node["id"]]
        options["physics"] = {"enabled": False}
    present = sorted({node["kind"] for node in nodes}, key=list(CLASS_COLOURS).index)
    data = {
        "title": title,
        "nodes": nodes,
        "edges": list(view.edges),
        "articles": list(view.articles),
        "legend": [{"kind": kind, "colour": CLASS_COLOURS[kind]} for kind in present],
        "edgeKinds": [{"kind": kind, "label": label} for kind, label in EDGE_KINDS.items()
                      if any(edge["kind"] == kind for edge in view.edges)],
        "leftOut": view.left_out,
        "focus": view.focus,
        "options": options,
    }
    vis_js = _vis_asset("vis-network.min.js")
    page_js = _fill(PAGE_SCRIPT, {"DATA": _script_json(data)})
    # Only these two scripts may run: with their hashes in the policy, the browser also refuses
    # inline event handlers (onerror=, onload=) even if markup ever slipped into the DOM.
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in (vis_js, page_js))
    return _fill(PAGE, {"TITLE": _html_text(title), "SCRIPT_HASHES": hashes,
                        "VIS_CSS": _vis_asset("vis-network.css"), "VIS_JS": vis_js, "PAGE_JS": page_js})


def _fill(template: str, parts: dict[str, str]) -> str:
    """Placeholders replaced in one pass, so text put in is never scanned for placeholders again."""
    return PLACEHOLDER.sub(lambda match: parts[match.group(1)], template)


def _vis_asset(name: str) -> str:
    return resources.files(pyvis).joinpath(VIS_VERSION_DIR, name).read_text(encoding="utf-8")


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
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src @@SCRIPT_HASHES@@; style-src 'unsafe-inline'; img-src data:">
<title>@@TITLE@@</title>
<style>@@VIS_CSS@@</style>
<style>
  html, body { margin: 0; height: 100%; font: 13px system-ui, sans-serif; color: #222; }
  #graph { position: absolute; inset: 0 0 0 300px; }
  #side { position: absolute; top: 0; bottom: 0; left: 0; width: 284px; padding: 8px; overflow: auto;
          border-right: 1px solid #ddd; background: #fafafa; }
  #side h1 { font-size: 15px; margin: 0 0 4px; }
  #side h2 { font-size: 12px; text-transform: uppercase; color: #666; margin: 12px 0 4px; }
  #side label { display: block; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  #side select, #side input[type=search] { width: 100%; box-sizing: border-box; }
  #left-out { color: #8a5a00; margin-top: 4px; }
  #search-note { color: #a00; min-height: 1em; }
  #details dt { font-weight: 600; margin-top: 6px; }
  #details dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  .swatch { display: inline-block; width: 11px; height: 11px; border-radius: 6px; margin-right: 5px;
            vertical-align: middle; }
  div.vis-tooltip { white-space: pre-wrap; max-width: 460px; }
</style>
</head>
<body>
<div id="side">
  <h1 id="heading"></h1>
  <div id="counts"></div>
  <div id="left-out"></div>
  <h2>Find</h2>
  <form id="search-form"><input id="search" type="search" list="names" placeholder="an entity's name" autocomplete="off"></form>
  <datalist id="names"></datalist>
  <div id="search-note"></div>
  <h2>Details</h2>
  <dl id="details"><dd>Click a node or an edge to see its evidence.</dd></dl>
  <h2>Classes</h2>
  <div id="classes"></div>
  <h2>Links</h2>
  <div id="edge-kinds"></div>
  <select id="relation"><option value="">every relation</option></select>
  <h2>Source</h2>
  <select id="outlet"><option value="">every outlet</option></select>
  <select id="article"><option value="">every article</option></select>
</div>
<div id="graph"></div>
<script>@@VIS_JS@@</script>
<script>@@PAGE_JS@@</script>
</body>
</html>
"""

PAGE_SCRIPT = """
(function () {
  "use strict";
  // Everything from the articles is text: it only ever goes into textContent, option labels and
  // vis-network's plain-string tooltips, never into innerHTML.
  const data = @@DATA@@;
  const byId = (id) => document.getElementById(id);
  byId("heading").textContent = data.title;
  byId("left-out").textContent = data.leftOut ? "Left out: " + data.leftOut + "." : "";

  const shownKinds = new Set(data.legend.map((entry) => entry.kind));
  const shownEdgeKinds = new Set(data.edgeKinds.map((entry) => entry.kind));
  let outlet = "", article = "", relation = "";

  function checkbox(parent, value, text, colour, onChange) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = value;
    box.addEventListener("change", () => onChange(box.checked));
    label.appendChild(box);
    if (colour) {
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = colour;
      label.appendChild(swatch);
    }
    label.appendChild(document.createTextNode(text));
    parent.appendChild(label);
  }
  function toggle(set, value) { return (on) => { on ? set.add(value) : set.delete(value); refresh(); }; }
  for (const entry of data.legend) {
    checkbox(byId("classes"), entry.kind, entry.kind, entry.colour, toggle(shownKinds, entry.kind));
  }
  for (const entry of data.edgeKinds) {
    checkbox(byId("edge-kinds"), entry.kind, entry.label, null, toggle(shownEdgeKinds, entry.kind));
  }
  function option(select, value, text) {
    const item = document.createElement("option");
    item.value = value;
    item.textContent = text;
    select.appendChild(item);
  }
  const outlets = [...new Set(data.articles.map((a) => a.outlet).filter(Boolean))].sort();
  outlets.forEach((name) => option(byId("outlet"), name, name));
  data.articles.forEach((a, index) => option(byId("article"), String(index), a.headline + (a.outlet ? " (" + a.outlet + ")" : "")));
  const relations = [...new Set(data.edges.filter((e) => e.kind === "relation").map((e) => e.label))].sort();
  relations.forEach((name) => option(byId("relation"), name, name));
  byId("relation").addEventListener("change", (event) => { relation = event.target.value; refresh(); });
  byId("outlet").addEventListener("change", (event) => { outlet = event.target.value; refresh(); });
  byId("article").addEventListener("change", (event) => { article = event.target.value; refresh(); });

  function fromChosenSource(item) {
    if (!outlet && !article) return true;
    return item.articles.some((index) =>
      (!article || String(index) === article) && (!outlet || data.articles[index].outlet === outlet));
  }
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const nodeView = new vis.DataView(nodes, { filter: (node) => shownKinds.has(node.kind) && fromChosenSource(node) });
  const edgeView = new vis.DataView(edges, { filter: (edge) =>
    shownEdgeKinds.has(edge.kind) && (!relation || edge.label === relation && edge.kind === "relation") &&
    fromChosenSource(edge) && nodeView.get(edge.from) !== null && nodeView.get(edge.to) !== null });
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    byId("counts").textContent = nodeView.length + " of " + nodes.length + " nodes, " +
      edgeView.length + " of " + edges.length + " edges shown";
  }
  refresh();

  const network = new vis.Network(byId("graph"), { nodes: nodeView, edges: edgeView }, data.options);
  window.network = network;

  function showDetails(rows) {
    const list = byId("details");
    list.replaceChildren();
    for (const [term, text] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.textContent = text;
      list.append(dt, dd);
    }
  }
  network.on("click", (event) => {
    if (event.nodes.length) showDetails(nodes.get(event.nodes[0]).info);
    else if (event.edges.length) {
      const edge = edges.get(event.edges[0]);
      showDetails(edge.info || [["Link", edge.title]]);
    }
  });

  const names = new Map();
  for (const node of data.nodes) {
    for (const name of node.names) if (!names.has(name)) names.set(name, node.id);
    if (node.names.length) option(byId("names"), node.label, "");
  }
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showDetails(nodes.get(id).info);
  }
  byId("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const wanted = byId("search").value.trim().toLowerCase();
    let id = names.get(wanted);
    if (id === undefined && wanted) {
      const match = data.nodes.find((node) => node.names.some((name) => name.includes(wanted)));
      id = match && match.id;
    }
    if (id === undefined || id === null) {
      byId("search-note").textContent = "Nothing named like that.";
    } else if (nodeView.get(id) === null) {
      byId("search-note").textContent = "Hidden by the filters below.";
    } else {
      byId("search-note").textContent = "";
      focusNode(id);
    }
  });

  function ready() {
    if (data.focus) focusNode(data.focus);
    window.kgReady = true;
  }
  if (data.options.physics.enabled === false) {
    network.once("afterDrawing", ready);
  } else {
    // physics only until the layout settles (capped), so the page stays responsive afterwards
    network.once("stabilizationIterationsDone", () => { network.setOptions({ physics: false }); ready(); });
  }
})();
"""
