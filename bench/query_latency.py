"""Latency of the named queries on a graph of about a million triples: the embedded Oxigraph store
against rdflib's in-memory SPARQL engine, in one run, on the same triples.

    python bench/query_latency.py [--corpus ../shared/data/bbc] [--out bench-out/query] [--repeat 20]
                                  [--rdflib-repeat 3] [--rdflib-cap 120] [--reuse]

Builds the corpus with `kg build` (skipped with --reuse when OUT already holds a build), then runs
every named query from ontology/queries/ REPEAT times on the store (in process, as `kg query` runs
it without the timeout's child process, each query in a fresh process), then RDFLIB_REPEAT times on an rdflib Dataset holding the
same graphs as the store. rdflib runs in a forked child stopped after RDFLIB_CAP seconds per query,
since some queries take it far longer at this size. Parameterised queries get the label of the
most-mentioned entity.

Prints p50/p95 per query, then over two kinds of query: lookups (a parameter picks one entity) and
listings (the whole archive: their time grows with the rows they return, thousands here). The
budget (issue 5): p95 under 100 ms on the store.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph
from rdflib import Dataset, URIRef

from kg.build import BuildSettings, build
from kg.graph import STORE_DIR
from kg.graph.store import DATA, open_store
from kg.read.query import PREFIX_DECLARATIONS, bind_parameters, named_queries, run_query

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


def time_on_store(out: Path, text: str, parameters: dict[str, str], repeat: int) -> tuple[int, list[float]]:
    """How many rows the query returns, and its timings on the build's store."""
    store = open_store(out)
    rows = len(run_query(store, text, parameters).rows)
    return rows, time_runs(lambda: run_query(store, text, parameters), repeat)


def time_rdflib(dataset: Dataset, text: str, repeat: int, cap: float) -> list[float] | None:
    """rdflib's timings in a forked child (it shares the loaded dataset), or None past `cap` seconds."""
    receiver, sender = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(
        target=lambda: sender.send(time_runs(lambda: list(dataset.query(text)), repeat)))
    child.start()
    answered = receiver.poll(cap)
    samples = receiver.recv() if answered else None
    child.kill()
    child.join()
    return samples


def summary(label: str, on_store: list[float], on_rdflib: list[float]) -> str:
    p95 = percentile(on_store, 0.95)
    verdict = "within" if p95 < BUDGET_MS else "over"
    rdflib_part = (f"{statistics.median(on_rdflib):>10.0f}ms{percentile(on_rdflib, 0.95):>10.0f}ms"
                   if on_rdflib else f"{'-':>12}{'-':>12}")
    return f"{label:<29}{statistics.median(on_store):>9.1f}ms{p95:>9.1f}ms{rdflib_part}   {verdict} budget"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out" / "query")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rdflib-repeat", type=int, default=3)
    parser.add_argument("--rdflib-cap", type=float, default=120.0, help="Seconds rdflib may take per query.")
    parser.add_argument("--reuse", action="store_true", help="Query an existing build in OUT.")
    args = parser.parse_args()

    if not (args.reuse and (args.out / STORE_DIR).is_dir()):
        started = time.perf_counter()
        report = build([args.corpus], BuildSettings(out_dir=args.out))
        print(f"built {report.articles} articles in {time.perf_counter() - started:.0f} s", flush=True)
    store = open_store(args.out)
    [[top_entity]] = run_query(store, "SELECT ?l WHERE { ?e kg:mentionCount ?n ; rdfs:label ?l } "
                                      "ORDER BY DESC(?n) LIMIT 1").rows
    print(f"parameter name = {top_entity.value!r}", flush=True)
    queries = [(named, {name: top_entity.value for name in named.parameters}) for named in named_queries().values()]

    # The store first, each query in a fresh process as `kg query` runs it: in one long process,
    # the heap left by earlier large results (and later rdflib's millions of objects) slowed lookups
    # by up to 40 %.
    rows, on_store = {}, {}
    spawn = multiprocessing.get_context("spawn")
    for named, parameters in queries:
        with spawn.Pool(1) as pool:
            rows[named.name], on_store[named.name] = pool.apply(
                time_on_store, (args.out, named.text, parameters, args.repeat))

    started = time.perf_counter()
    in_memory = Dataset()  # the store's graphs: the default one (data, ontology, inferred) and the data alone
    in_memory.default_graph.parse(
        data=store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph()), format="nt")
    in_memory.graph(URIRef(DATA.value)).parse(
        data=store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=DATA), format="nt")
    print(f"graph: {len(in_memory.default_graph)} triples (data, ontology and inferred); "
          f"rdflib loaded it in {time.perf_counter() - started:.0f} s\n", flush=True)

    print(f"{'query':<22}{'rows':>7}{'store p50':>11}{'store p95':>11}{'rdflib p50':>12}{'rdflib p95':>12}")
    store_kind: dict[str, list[float]] = {"lookup": [], "listing": []}
    rdflib_kind: dict[str, list[float]] = {"lookup": [], "listing": []}
    for named, parameters in queries:
        kind = "lookup" if parameters else "listing"
        text = PREFIX_DECLARATIONS + bind_parameters(named.text, parameters)
        on_rdflib = time_rdflib(in_memory, text, args.rdflib_repeat, args.rdflib_cap)
        samples = on_store[named.name]
        store_kind[kind] += samples
        rdflib_kind[kind] += on_rdflib or []
        rdflib_part = (f"{statistics.median(on_rdflib):>10.0f}ms{percentile(on_rdflib, 0.95):>10.0f}ms"
                       if on_rdflib else f"{'> ' + str(round(args.rdflib_cap)) + ' s':>24}")
        print(f"{named.name:<22}{rows[named.name]:>7}{statistics.median(samples):>9.1f}ms"
              f"{percentile(samples, 0.95):>9.1f}ms{rdflib_part}", flush=True)
    print()
    for kind in ("lookup", "listing"):
        print(summary(f"all {kind} queries", store_kind[kind], rdflib_kind[kind]))
    print(f"(rdflib columns cover only the queries it finished within {args.rdflib_cap:.0f} s; budget: store p95 "
          f"under {BUDGET_MS:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
