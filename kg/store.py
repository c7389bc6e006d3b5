"""The embedded Oxigraph store under the build folder: written in bulk, opened read-only."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pyoxigraph

from kg.errors import StoreError
from kg.files import new_dir_beside, replace_dir
from kg.vocab import ontology_text

STORE_DIR = "store"


def write_store(ntriples: bytes, out_dir: Path) -> Path:
    """Bulk-load N-Triples and the ontology into a fresh store beside the old one, then swap it in.
    The ontology makes class hierarchies queryable ('?x a/rdfs:subClassOf* kg:Organization')."""
    target = out_dir / STORE_DIR
    staging = new_dir_beside(target)
    try:
        store = pyoxigraph.Store(str(staging))
        store.bulk_load(ntriples, pyoxigraph.RdfFormat.N_TRIPLES)
        store.bulk_load(ontology_text(), pyoxigraph.RdfFormat.TURTLE)
        store.flush()
        del store
        gc.collect()  # release the database lock before the folder moves
        replace_dir(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def open_store(out_dir: Path) -> pyoxigraph.Store:
    """Open the build's store read-only: no query can change it."""
    path = out_dir / STORE_DIR
    if not path.is_dir():
        raise StoreError(f"{path}: no query store here; run 'kg build --out {out_dir}' first")
    try:
        return pyoxigraph.Store.read_only(str(path))
    except OSError as error:
        raise StoreError(f"{path}: cannot open the query store ({error})") from error
