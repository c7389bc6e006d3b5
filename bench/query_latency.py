"""Latency of the named queries on a graph of about a million triples: the embedded Oxigraph store
against rdflib's in-memory SPARQL engine, in one run, on the same triples.

    python bench/query_latency.py [--corpus ../shared/data/bbc] [--out bench-out/query] [--repeat 20]
                                  [--rdflib-repeat 3] [--reuse]

Builds the corpus with `kg build` (skipped with --reuse when OUT already holds a build), then runs
every named query from ontology/queries/ REPEAT times on the store (in process, as `kg query` runs
it without the timeout's child process) and RDFLIB_REPEAT times on an rdflib Graph holding the
store's whole content (data, ontology and inferred triples, as the store's union default graph).
Parameterised queries get the label of the most-mentioned entity. Prints p50/p95 per query and
over all queries. The budget (issue 5): p95 under 100 ms on the store.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph
from rdflib import Graph

from kg.build import BuildSettings, build
from kg.query import PREFIX_DECLARATIONS, bind_parameters, named_queries, run_query
from kg.store import STORE_DIR, open_store

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "bbc"
BUDGET_MS = 100.0


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_runs(run, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out" / "query")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rdflib-repeat", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="Query an existing build in OUT.")
    args = parser.parse_args()

    if not (args.reuse and (args.out / STORE_DIR).is_dir()):
        started = time.perf_counter()
        report = build([args.corpus], BuildSettings(out_dir=args.out))
        print(f"built {report.articles} articles in {time.perf_counter() - started:.0f} s", flush=True)
    store = open_store(args.out)
    print(f"store: {len(store)} triples (data, ontology and inferred)", flush=True)

    started = time.perf_counter()
    in_memory = Graph()  # the union of the store's graphs, as one rdflib graph
    for graph in (pyoxigraph.DefaultGraph(), *store.named_graphs()):
        in_memory.parse(data=store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=graph), format="nt")
    print(f"rdflib: {len(in_memory)} triples loaded in {time.perf_counter() - started:.0f} s", flush=True)

    [[top_entity]] = run_query(store, "SELECT ?l WHERE { ?e kg:mentionCount ?n ; rdfs:label ?l } "
                                      "ORDER BY DESC(?n) LIMIT 1").rows
    print(f"parameter name = {top_entity.value!r}\n")
    print(f"{'query':<22}{'rows':>7}{'store p50':>11}{'store p95':>11}{'rdflib p50':>12}{'rdflib p95':>12}")
    store_all, rdflib_all = [], []
    for named in named_queries().values():
        parameters = {name: top_entity.value for name in named.parameters}
        rows = len(run_query(store, named.text, parameters).rows)
        on_store = time_runs(lambda: run_query(store, named.text, parameters), args.repeat)
        text = PREFIX_DECLARATIONS + bind_parameters(named.text, parameters)
        on_rdflib = time_runs(lambda: list(in_memory.query(text)), args.rdflib_repeat)
        store_all += on_store
        rdflib_all += on_rdflib
        print(f"{named.name:<22}{rows:>7}{statistics.median(on_store):>9.1f}ms{percentile(on_store, 0.95):>9.1f}ms"
              f"{statistics.median(on_rdflib):>10.0f}ms{percentile(on_rdflib, 0.95):>10.0f}ms", flush=True)
    p95 = percentile(store_all, 0.95)
    print(f"\n{'all queries':<22}{'':>7}{statistics.median(store_all):>9.1f}ms{p95:>9.1f}ms"
          f"{statistics.median(rdflib_all):>10.0f}ms{percentile(rdflib_all, 0.95):>10.0f}ms")
    print(f"store p95 {p95:.1f} ms: {'within' if p95 < BUDGET_MS else 'over'} the {BUDGET_MS:.0f} ms budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
