"""How soon a 1,000-node page is usable in headless Chromium, on a real build.

    python bench/page_load.py [--corpus ../shared/data/bbc] [--limit 300] [--out bench-out/page]
                              [--nodes 1000] [--repeat 5] [--reuse]

Builds LIMIT articles of the corpus with `kg build` (skipped with --reuse when OUT holds a build),
renders the page cut to its NODES most connected nodes (as `kg viz --max-nodes NODES` does), then
opens it REPEAT times in Debian's chromium and measures, each time:
- ready: from navigation to the page saying it is ready (drawn, physics off, handlers attached);
- search: typing a name in the search box until that node is selected and focused;
- filter: unticking a class until the page has redrawn without it;
- click: a click on a node until its details are shown.
Prints the median and the worst of each. The budget (issue 6): usable within 5 s at 1,000 nodes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from kg.build import TURTLE_FILE, BuildSettings, build
from kg.page.render import write_page

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "bbc"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
BUDGET_S = 5.0


def corpus_files(corpus: Path, limit: int) -> list[Path]:
    """`limit` articles spread evenly over the corpus (the BBC set is sorted by topic)."""
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md"))
    return files[:: max(1, len(files) // limit)][:limit]


def measure_once(browser, page_path: Path, name: str) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    started = time.perf_counter()
    page.goto(page_path.as_uri())
    page.wait_for_function("() => window.kgReady === true", timeout=60_000)
    timings = {"ready": time.perf_counter() - started}

    started = time.perf_counter()
    page.fill("#search", name)
    page.press("#search", "Enter")
    page.wait_for_function("() => window.network.getSelectedNodes().length === 1")
    timings["search"] = time.perf_counter() - started

    kind = page.eval_on_selector("#classes input", "box => box.value")
    started = time.perf_counter()
    page.uncheck(f"#classes input[value={kind}]")
    page.evaluate("() => new Promise(done => { window.network.once('afterDrawing', () => done()); "
                  "window.network.redraw(); })")
    timings["filter"] = time.perf_counter() - started

    started = time.perf_counter()
    at = page.evaluate("""() => {
        const id = window.network.getSelectedNodes()[0];
        const p = window.network.canvasToDOM(window.network.getPositions([id])[id]);
        const box = document.getElementById("graph").getBoundingClientRect();
        return [box.left + p.x, box.top + p.y]; }""")
    page.mouse.click(*at)
    page.wait_for_function("() => document.getElementById('details').innerText.length > 0")
    timings["click"] = time.perf_counter() - started
    page.close()
    if errors:
        raise SystemExit(f"page errors: {errors}")
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=300, help="Articles to build.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out" / "page")
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="Render an existing build in OUT.")
    args = parser.parse_args()

    if not (args.reuse and (args.out / TURTLE_FILE).is_file()):
        started = time.perf_counter()
        report = build(corpus_files(args.corpus, args.limit), BuildSettings(out_dir=args.out))
        print(f"built {report.articles} articles in {time.perf_counter() - started:.0f} s", flush=True)
    started = time.perf_counter()
    page_path = (args.out / f"kg-{args.nodes}.html").resolve()
    view = write_page(args.out / TURTLE_FILE, page_path, max_nodes=args.nodes)
    print(f"page: {len(view.nodes)} nodes, {len(view.edges)} edges, {page_path.stat().st_size / 1e6:.1f} MB, "
          f"rendered in {time.perf_counter() - started:.1f} s (left out {view.left_out or 'nothing'})", flush=True)
    name = max((n for n in view.nodes if n["names"]), key=lambda n: len(n["articles"]))["label"]

    runs = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        for _ in range(args.repeat):
            runs.append(measure_once(browser, page_path, name))
        browser.close()
    print(f"\n{'step':<8}{'median':>9}{'worst':>9}   (over {args.repeat} loads; search for {name!r})")
    for step in runs[0]:
        samples = [run[step] for run in runs]
        print(f"{step:<8}{statistics.median(samples):>8.2f}s{max(samples):>8.2f}s")
    worst_ready = max(run["ready"] for run in runs)
    verdict = "within" if worst_ready < BUDGET_S else "over"
    print(f"\nusable after at most {worst_ready:.2f} s: {verdict} the {BUDGET_S:.0f} s budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
