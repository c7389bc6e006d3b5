"""The page in a real headless Chromium (Debian's chromium driven by Playwright)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import RDF, Graph

from kg.vocab import KG, KG_IRI, relation_properties

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail("CI needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
    pytest.skip("browser tests need Debian's chromium: apt-get install chromium", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def _expected_counts(graph: Graph) -> tuple[int, int]:
    """Nodes: every entity, concept, claim and figure (provenance and merge records are not drawn);
    edges: relations (verbs and roles), speaker -> claim, source -> figure and figure -> what it is about."""
    nodes = {s for s, cls in graph.subject_objects(RDF.type)
             if str(cls).startswith(KG_IRI) and cls not in (KG.Assertion, KG.Merge)}
    linking = set(relation_properties(graph)) | {KG.claims, KG.reports, KG.about}
    edges = [t for t in graph if t[1] in linking]
    return len(nodes), len(edges)


def test_page_renders_the_whole_graph_offline_without_errors(browser, corpus_build, tmp_path):
    out, _ = corpus_build
    page = browser.new_page()
    errors: list[str] = []
    remote: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: request.url.startswith(("file:", "data:")) or remote.append(request.url))

    page.goto((out / "kg.html").resolve().as_uri())
    page.wait_for_function("() => window.kgReady === true", timeout=30_000)

    nodes, edges = _expected_counts(Graph().parse(out / "kg.ttl"))
    assert page.evaluate("window.network.body.data.nodes.length") == nodes
    assert page.evaluate("window.network.body.data.edges.length") == edges
    assert page.evaluate("window.network.body.nodeIndices.length") == nodes  # drawn, not just loaded
    canvas = page.evaluate("(() => { const c = document.querySelector('#graph canvas');"
                           " return c ? [c.width, c.height] : null; })()")
    assert canvas and canvas[0] > 0 and canvas[1] > 0
    page.screenshot(path=str(tmp_path / "kg.png"))
    assert errors == []
    assert remote == []
