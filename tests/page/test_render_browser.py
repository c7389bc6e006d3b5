"""The page in a real headless Chromium (Debian's chromium driven by Playwright)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.build import BuildSettings, build
from kg.graph.vocab import KG, REL, SCHEMA
from kg.page.render import PHYSICS_MAX_NODES, render_html, write_page
from kg.page.view import view_of
from tests.conftest import write
from tests.page.test_view import expected_counts

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"

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


class Opened:
    """A page loaded from file://, with every console error and every request it made."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("() => window.kgReady === true", timeout=30_000)

    def count(self, what: str) -> int:
        return self.page.evaluate(f"window.network.body.data.{what}.length")

    def point_of(self, node_id: str) -> tuple[float, float]:
        """Where node `node_id` is drawn, in page coordinates."""
        return tuple(self.page.evaluate("""(id) => {
            const at = window.network.canvasToDOM(window.network.getPositions([id])[id]);
            const box = document.getElementById("graph").getBoundingClientRect();
            return [box.left + at.x, box.top + at.y]; }""", node_id))

    def on_top(self, node_id: str) -> bool:
        """Whether a click on the node's centre reaches it (no other node is drawn over it)."""
        return self.page.evaluate("""(id) => {
            const at = window.network.canvasToDOM(window.network.getPositions([id])[id]);
            return window.network.getNodeAt(at) === id; }""", node_id)

    def details(self) -> str:
        return self.page.inner_text("#details")


@pytest.fixture(scope="module")
def corpus_page(browser, corpus_build):
    out, _ = corpus_build
    return Opened(browser, out / "kg.html"), Graph().parse(out / "kg.ttl")


def test_page_renders_the_whole_graph_offline_without_errors(corpus_page):
    opened, graph = corpus_page
    nodes, edges = expected_counts(graph)
    assert (opened.count("nodes"), opened.count("edges")) == (nodes, edges)
    assert opened.page.evaluate("window.network.body.nodeIndices.length") == nodes  # drawn, not just loaded
    canvas = opened.page.evaluate("(() => { const c = document.querySelector('#graph canvas');"
                                  " return c ? [c.width, c.height] : null; })()")
    assert canvas and canvas[0] > 0 and canvas[1] > 0
    assert opened.page.inner_text("#counts") == f"{nodes} of {nodes} nodes, {edges} of {edges} edges shown"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=str(SCREENSHOTS / "corpus.png"))
    assert opened.errors == []
    assert all(url.startswith("file:") for url in opened.requests), opened.requests


def test_search_finds_an_entity_by_another_name_and_focuses_it(corpus_page):
    opened, graph = corpus_page
    entity, alias = max(graph.subject_objects(SKOS.altLabel),
                        key=lambda pair: (len(str(pair[1])), str(pair[1])))
    opened.page.fill("#search", str(alias).upper())
    opened.page.press("#search", "Enter")
    assert opened.page.evaluate("window.network.getSelectedNodes()") == [str(entity)]
    assert opened.page.evaluate("window.network.getScale()") == pytest.approx(1.2)
    # the focused node is in the middle of the drawing
    x, y = opened.point_of(str(entity))
    box = opened.page.locator("#graph").bounding_box()
    assert abs(x - (box["x"] + box["width"] / 2)) < 5 and abs(y - (box["y"] + box["height"] / 2)) < 5
    assert opened.details().startswith(f"Entity\n{graph.value(entity, RDFS.label)}")
    opened.page.fill("#search", "no such name anywhere")
    opened.page.press("#search", "Enter")
    assert opened.page.inner_text("#search-note") == "Nothing named like that."


def test_clicking_a_claim_shows_speaker_cue_content_and_article(corpus_page):
    opened, graph = corpus_page
    opened.page.evaluate("window.network.fit({ animation: false })")
    claim = next(c for c in sorted(graph.subjects(RDF.type, KG.Claim)) if opened.on_top(str(c)))
    opened.page.mouse.click(*opened.point_of(str(claim)))
    details = opened.details()
    assert str(graph.value(claim, KG.content)) in details
    assert str(graph.value(claim, KG.cue)) in details
    assert str(graph.value(graph.value(claim, PROV.wasDerivedFrom),
                           SCHEMA.headline)) in details


def test_filters_hide_a_class_a_kind_of_link_and_other_articles(corpus_page):
    opened, graph = corpus_page
    page = opened.page
    nodes, edges = expected_counts(graph)
    claims = len(set(graph.subjects(RDF.type, KG.Claim)))
    page.uncheck("#classes input[value=Claim]")
    assert opened.count("nodes") == nodes - claims
    assert page.evaluate("window.network.body.data.edges.get().every(e => e.kind !== 'claim')")
    page.check("#classes input[value=Claim]")
    page.uncheck("#edge-kinds input[value=relation]")
    assert opened.count("nodes") == nodes
    assert opened.count("edges") == edges - sum(1 for e in view_of(graph).edges if e["kind"] == "relation")
    page.check("#edge-kinds input[value=relation]")

    relation_edges = [e for e in view_of(graph).edges if e["kind"] == "relation"]
    busiest = max({e["label"] for e in relation_edges}, key=lambda label: sum(e["label"] == label for e in relation_edges))
    page.select_option("#relation", busiest)
    assert page.evaluate("window.network.body.data.edges.get().map(e => e.label)") == [busiest] * sum(
        e["label"] == busiest for e in relation_edges)
    page.select_option("#relation", "")
    assert opened.count("edges") == edges

    first_article = page.eval_on_selector_all("#article option", "options => options[1].value")
    page.select_option("#article", first_article)
    headline = page.eval_on_selector_all("#article option", "options => options[1].textContent")
    article = next(a for a, h in graph.subject_objects(SCHEMA.headline) if str(h) == headline)
    shown = page.evaluate("window.network.body.data.nodes.get()")
    assert 0 < len(shown) < nodes
    for node in shown:
        assert article in _articles_of(graph, URIRef(node["id"])), node["label"]
    page.select_option("#article", "")
    assert opened.count("nodes") == nodes


def _articles_of(graph: Graph, node: URIRef) -> set:
    return set(graph.objects(node, KG.mentionedIn)) | set(graph.objects(node, PROV.wasDerivedFrom))


HOSTILE = """---
title: "<script>window.pwned = 'title'</script>Bank board meets <img src=x onerror=\\"window.pwned='img'\\">"
source: "<svg onload=\\"window.pwned='svg'\\">Gazette"
---
"<img src=x onerror=\\"window.pwned='quote'\\"> is only markup," said Jane Roe, a spokeswoman for the Orbis Bank.
The Orbis Bank approved <svg onload="window.pwned='body'"> new loans for Kestrel Mining on Monday.
Kestrel Mining said <script>window.pwned='script'</script> the loans would fund a mine in Norway.
"""


BENIGN = """---
title: Mine opens
source: Daily Planet
---
Kestrel Mining opened a mine in Norway on Tuesday, the company said.
"""


@pytest.fixture(scope="module")
def hostile_page(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    write(folder, "in/hostile.md", HOSTILE)
    write(folder, "in/benign.md", BENIGN)
    build([folder / "in"], BuildSettings(out_dir=folder / "out"))
    return Opened(browser, folder / "out" / "kg.html"), Graph().parse(folder / "out" / "kg.ttl")


def test_a_hostile_article_is_shown_as_text_and_runs_nothing(hostile_page):
    opened, graph = hostile_page
    page = opened.page
    hostile_claim = next(c for c in graph.subjects(RDF.type, KG.Claim) if "<img" in str(graph.value(c, KG.content)))

    # hover and click every node, so each tooltip and each details panel is shown once
    for node_id in page.evaluate("window.network.body.data.nodes.getIds()"):
        page.evaluate("(id) => window.network.focus(id, { scale: 1.5, animation: false })", node_id)
        x, y = opened.point_of(node_id)
        page.mouse.move(x, y)
        page.wait_for_timeout(250)
        page.mouse.click(x, y)
        if node_id == str(hostile_claim):
            assert "<img src=x onerror=" in opened.details()
            assert "<img src=x onerror=" in page.inner_text("div.vis-tooltip")

    assert page.evaluate("window.pwned") is None
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, object').length") == 0
    assert page.evaluate("document.scripts.length") == 2  # vis-network and the page's own
    assert "<script>window.pwned = 'title'</script>" in page.inner_text("#article")
    assert "Gazette" in page.inner_text("#outlet")
    assert opened.errors == []
    assert all(url.startswith("file:") for url in opened.requests), opened.requests
    # and were markup ever to reach the DOM, the page's policy lets no inline handler run
    page.evaluate("""document.body.insertAdjacentHTML("beforeend",
                     '<img id=probe src="data:," onerror="window.pwned = 1">')""")
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned") is None
    page.evaluate("document.getElementById('probe').remove()")


def test_the_outlet_filter_keeps_what_that_outlet_reported(hostile_page):
    opened, graph = hostile_page
    page = opened.page
    assert page.eval_on_selector_all("#outlet option", "options => options.map(o => o.textContent)")[1:] == [
        "<svg onload=\"window.pwned='svg'\">Gazette", "Daily Planet"]
    page.select_option("#outlet", "Daily Planet")
    planet = next(a for a, o in graph.subject_objects(SCHEMA.publisher) if str(graph.value(o, RDFS.label)) == "Daily Planet")
    shown = page.evaluate("window.network.body.data.nodes.get()")
    assert shown and all(planet in _articles_of(graph, URIRef(node["id"])) for node in shown)
    assert opened.count("nodes") < len(view_of(graph).nodes)
    page.select_option("#outlet", "")
    assert opened.count("nodes") == len(view_of(graph).nodes)


def test_a_large_graph_is_drawn_at_once_from_a_precomputed_layout(browser, tmp_path):
    graph = Graph()
    article = URIRef("https://example.org/article")
    graph.add((article, SCHEMA.headline, Literal("Many companies")))
    count = PHYSICS_MAX_NODES + 100
    for number in range(count):
        company = URIRef(f"https://example.org/company/{number}")
        graph.add((company, RDF.type, KG.Company))
        graph.add((company, RDFS.label, Literal(f"Company {number}")))
        graph.add((company, KG.mentionedIn, article))
        if number:
            graph.add((company, REL.supply, URIRef(f"https://example.org/company/{number // 3}")))
    graph.add((REL.supply, RDFS.subPropertyOf, KG.relation))
    graph.add((REL.supply, RDFS.label, Literal("supply")))
    path = tmp_path / "large.html"
    path.write_text(render_html(view_of(graph)), encoding="utf-8")

    opened = Opened(browser, path)
    assert (opened.count("nodes"), opened.count("edges")) == (count, count - 1)
    assert opened.page.evaluate("window.network.physics.physicsEnabled") is False
    assert opened.errors == []


def test_viz_writes_the_neighbourhood_page_it_reports(browser, corpus_build, tmp_path):
    out, _ = corpus_build
    graph = Graph().parse(out / "kg.ttl")
    spokesperson = next(iter(graph.subjects(KG.spokespersonFor)))
    view = write_page(out / "kg.ttl", tmp_path / "near.html", focus=str(graph.value(spokesperson, RDFS.label)),
                      depth=1, max_nodes=0)
    opened = Opened(browser, tmp_path / "near.html")
    assert opened.count("nodes") == len(view.nodes) < expected_counts(graph)[0]
    assert opened.page.evaluate("window.network.getSelectedNodes()") == [str(spokesperson)]
    assert opened.page.inner_text("#left-out").startswith("Left out: ")
    assert opened.errors == []
