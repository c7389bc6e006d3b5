"""Where a large page's nodes go: positions computed here, so that the browser draws the page at
once instead of settling it under its physics (kg/page/render.py decides which pages)."""

from __future__ import annotations

import math

import networkx as nx
import scipy.optimize  # noqa: F401 (loads scipy's BLAS now, for threadpool_limits to reach it)
from threadpoolctl import threadpool_limits

from kg.page.view import View, network_of

NODE_SPACING = 100  # pixels between neighbouring nodes in a precomputed layout


def layout(view: View, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Node positions in page pixels, for a large graph to be drawn at once instead of settling
    under the browser's physics: each connected part laid out by networkx's force-directed layout,
    and the parts packed in rows, biggest first. Laying out the parts apart is ~3x faster than the
    whole at once (on a 1,000-node page a quarter of the nodes stand alone) and keeps the loose
    nodes from scattering over the big part. Runs with one BLAS thread: a second one took twice
    the CPU for the same time, taken from the Turtle export beside it."""
    with threadpool_limits(limits=1):
        return _packed_parts(network_of(view), seed)


def _packed_parts(network: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    positions: dict[str, tuple[float, float]] = {}
    row_width = NODE_SPACING * math.sqrt(len(network))
    x = y = row_height = 0.0
    for part in sorted(nx.connected_components(network), key=lambda nodes: (-len(nodes), min(nodes))):
        shape = _part_shape(_ordered(network, part), seed)
        width = max(px for px, _ in shape.values()) + NODE_SPACING
        height = max(py for _, py in shape.values()) + NODE_SPACING
        row_width = max(row_width, width)  # the biggest part comes first and sets the row width
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        positions.update({node: (round(x + px, 1), round(y + py, 1)) for node, (px, py) in shape.items()})
        x, row_height = x + width, max(row_height, height)
    return positions


def _ordered(network: nx.Graph, part: set[str]) -> nx.Graph:
    """The part as a graph of its own, nodes and edges in sorted order. spring_layout gives the nodes
    their random start positions in the graph's node order, and `network.subgraph(part)` iterates
    the set `part`, whose order of strings changes with PYTHONHASHSEED: so would the page."""
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(part))
    ordered.add_edges_from(sorted(tuple(sorted(edge)) for edge in network.subgraph(part).edges))
    return ordered


def _part_shape(part: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """A connected part's positions, from (0, 0) right- and downwards."""
    nodes = sorted(part)
    if len(nodes) <= 2:
        return {node: (i * NODE_SPACING, 0.0) for i, node in enumerate(nodes)}
    raw = nx.spring_layout(part, seed=seed, iterations=60)
    scale = NODE_SPACING * math.sqrt(len(nodes))
    left, top = (min(float(p[axis]) for p in raw.values()) for axis in (0, 1))
    return {node: ((float(raw[node][0]) - left) * scale, (float(raw[node][1]) - top) * scale) for node in nodes}
