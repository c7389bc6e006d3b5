"""A view of the graph (kg/page/view.py) -> a self-contained interactive HTML page (the only module
that imports pyvis).

The page is our own template, assets/page.html with assets/page.css and assets/page.js, because
pyvis's templates fetch CSS/JS from CDNs and set innerHTML on titles; only the vis-network copy pyvis
ships is used, inlined, so the page works offline from file://. Text from articles reaches the page
only as JSON data and is shown through vis-network's plain-text titles and `textContent`, never as
HTML; a Content-Security-Policy forbids any fetch.
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
from kg.files import write_output
from kg.graph.store import open_store
from kg.page.layout import layout
from kg.page.view import CLASS_COLOURS, View, focus_on, limit_nodes, view_of
from kg.read.lookup import find_entity

ASSETS = resources.files("kg.page") / "assets"
VIS_VERSION_DIR = "lib/vis-9.1.2"
# Up to this many nodes the browser's physics settles the layout (capped, then switched off); a
# larger page is drawn at once from a networkx layout computed here.
PHYSICS_MAX_NODES = 300
STABILISATION_ITERATIONS = 200
PLACEHOLDER = re.compile(r"@@(TITLE|SCRIPT_HASHES|VIS_CSS|PAGE_CSS|VIS_JS|PAGE_JS|DATA)@@")
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
    entity `focus` names (found in the build's store beside the Turtle, as `kg entity` finds it),
    cut to the `max_nodes` most connected nodes (0: no cut). `target` is written as
    kg.files.write_output writes a file a user names."""
    if not turtle.is_file():
        raise UsageError(f"{turtle}: no graph here; run 'kg build --out {turtle.parent}' first")
    focus_id = None if focus is None else find_entity(open_store(turtle.parent), focus)
    try:
        graph = Graph().parse(turtle, format="turtle")
    except Exception as error:  # rdflib raises many kinds for a damaged file
        raise UsageError(f"{turtle}: not readable Turtle ({str(error).splitlines()[0]})") from error
    view = view_of(graph)
    title = "Knowledge graph"
    if focus_id is not None:
        view = focus_on(view, focus_id, depth)
        title = f"{depth} link(s) around " + next(n["label"] for n in view.nodes if n["id"] == focus_id)
    view = limit_nodes(view, max_nodes)
    write_output(target, render_html(view, title=title).encode("utf-8"))
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
    page_js = _fill(_asset("page.js"), {"DATA": _script_json(data)})
    # Only these two scripts may run: with their hashes in the policy, the browser also refuses
    # inline event handlers (onerror=, onload=) even if markup ever slipped into the DOM.
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in (vis_js, page_js))
    return _fill(_asset("page.html"), {"TITLE": _html_text(title), "SCRIPT_HASHES": hashes,
                                       "VIS_CSS": _vis_asset("vis-network.css"), "PAGE_CSS": _asset("page.css"),
                                       "VIS_JS": vis_js, "PAGE_JS": page_js})


def _fill(template: str, parts: dict[str, str]) -> str:
    """Placeholders replaced in one pass, so text put in is never scanned for placeholders again."""
    return PLACEHOLDER.sub(lambda match: parts[match.group(1)], template)


def _asset(name: str) -> str:
    """A file of assets/, as it is: page.css and page.js are the whole text of their elements, the
    blank first line too (the policy's hash covers page.js's text)."""
    return ASSETS.joinpath(name).read_text(encoding="utf-8")


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

