"""Where a large page's nodes go, computed before the browser draws them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from rdflib import Graph

from kg.build import BuildSettings, build
from kg.page.layout import layout
from kg.page.render import PHYSICS_MAX_NODES
from kg.page.view import view_of
from tests.conftest import ROOT

BBC_POLITICS = ROOT.parent / "shared" / "data" / "bbc" / "politics"


@pytest.fixture(scope="module")
def view(corpus_build):
    out, _ = corpus_build
    return view_of(Graph().parse(out / "kg.ttl"))


def test_layout_places_every_node_the_same_way_each_time(view):
    positions = layout(view)
    assert positions.keys() == {n["id"] for n in view.nodes}
    assert layout(view) == positions
    assert len(set(positions.values())) == len(positions)


LAYOUT_OF_TURTLE = """
import json, sys
from rdflib import Graph
from kg.page.layout import layout
from kg.page.view import view_of
print(json.dumps(sorted(layout(view_of(Graph().parse(sys.argv[1]))).items())))
"""


def _with_hash_seed(seed: int) -> dict[str, str]:
    return {**os.environ, "PYTHONHASHSEED": str(seed)}


def test_layout_does_not_change_with_the_hash_seed(corpus_build):
    """Sets of node IRIs iterate in an order PYTHONHASHSEED picks; no position may depend on it."""
    out, _ = corpus_build
    runs = [subprocess.Popen([sys.executable, "-c", LAYOUT_OF_TURTLE, str(out / "kg.ttl")], cwd=ROOT,
                             env=_with_hash_seed(seed), stdout=subprocess.PIPE, text=True) for seed in (1, 2)]
    first, second = (json.loads(run.communicate(timeout=120)[0]) for run in runs)
    assert first == second and len(first) > 100


@pytest.fixture(scope="module")
def bbc_build(tmp_path_factory):
    """15 BBC politics articles: a page of over 300 nodes, laid out before the browser draws it."""
    if not BBC_POLITICS.is_dir():
        pytest.skip(f"the BBC set is not at {BBC_POLITICS} (see ../shared/data/README.md)")
    articles = tmp_path_factory.mktemp("bbc")
    for path in sorted(BBC_POLITICS.glob("*.txt"))[:15]:
        shutil.copy(path, articles)
    out = tmp_path_factory.mktemp("bbc-build")
    build([articles], BuildSettings(out_dir=out))
    return out


def test_a_large_page_is_the_same_bytes_whatever_the_hash_seed(bbc_build, tmp_path):
    pages = [tmp_path / f"seed{seed}.html" for seed in (1, 2)]
    runs = [subprocess.Popen([sys.executable, "-m", "kg", "viz", "--out", str(bbc_build), "--output", str(page)],
                             cwd=ROOT, env=_with_hash_seed(seed), stdout=subprocess.PIPE, text=True)
            for seed, page in zip((1, 2), pages)]
    said = [run.communicate(timeout=120)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs), said
    nodes = int(re.search(r": (\d+) nodes", said[0]).group(1))
    assert nodes > PHYSICS_MAX_NODES  # so the page holds precomputed positions
    assert pages[0].read_bytes() == pages[1].read_bytes()
