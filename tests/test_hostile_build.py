"""Kills, interrupts, a second build and a full disk: whatever happens to a build, `--out` shows one
whole build (the one before, or the new one), no process is left behind, and the next build
cleans up. Builds run as real `kg build` processes, stopped at each stage by real signals."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import RDF, Graph

from kg.build import WORKER_BATCH, BuildSettings, build
from kg.graph.store import open_store
from kg.graph.vocab import SCHEMA
from tests.conftest import (
    ROOT,
    assert_gone,
    descendants,
    leftovers,
    mount_tmpfs,
    wait_until_paused,
    write,
)

ARTICLE = "Talks end in {place}\n\nAngela Merkel said on Monday that Germany would support the plan in {place}.\n"
PLACES = ("Lisbon", "Oslo", "Madrid")
KILLABLE_STAGES = ("read", "parse", "resolve", "resolving", "write", "store", "page", "turtle", "switch", "switched")


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    """A folder holding one good build of one article, copied by each test."""
    root = tmp_path_factory.mktemp("first")
    write(root, "in/a.txt", ARTICLE.format(place=PLACES[0]))
    build([root / "in"], BuildSettings(out_dir=root / "out", workers=1))
    return root / "out"


@pytest.fixture
def out(first_build, tmp_path):
    shutil.copytree(first_build, tmp_path / "out", symlinks=True)
    return tmp_path / "out"


@pytest.fixture
def more_articles(tmp_path):
    """Three articles: a build of them is told apart from the first build by its article count."""
    for i, place in enumerate(PLACES):
        write(tmp_path, f"more/{i}.txt", ARTICLE.format(place=place))
    return tmp_path / "more"


@pytest.mark.parametrize("stage", KILLABLE_STAGES)
def test_a_build_killed_at_any_stage_leaves_one_whole_build_and_no_process(stage, out, more_articles, tmp_path):
    build_process = paused_build(more_articles, out, stage, tmp_path)
    children = descendants(build_process.pid)
    build_process.send_signal(signal.SIGKILL)
    build_process.wait()
    assert articles_shown(out) == (3 if stage == "switched" else 1)
    assert_gone(children)
    build([more_articles], BuildSettings(out_dir=out, workers=1))  # the next build cleans up
    assert articles_shown(out) == 3 and not leftovers(out)


@pytest.mark.parametrize("stage", ["parse", "resolving", "turtle", "switch"])
def test_an_interrupted_build_cleans_up_and_says_so_in_one_line(stage, out, more_articles, tmp_path):
    build_process = paused_build(more_articles, out, stage, tmp_path)
    children = descendants(build_process.pid)
    build_process.send_signal(signal.SIGTERM)
    _, stderr = build_process.communicate(timeout=60)
    assert build_process.returncode == 130
    assert stderr.strip().splitlines() == [f"interrupted: {out} holds the last build that finished, if any"]
    assert articles_shown(out) == 1 and not leftovers(out)
    assert_gone(children)


def test_ctrl_c_in_a_terminal_while_the_child_resolves_says_so_in_one_line(out, more_articles, tmp_path):
    """A terminal's Ctrl-C reaches the whole process group: the build's process and its child."""
    marker = tmp_path / "paused"
    build_process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(more_articles), "--out", str(out),
                                      "--quiet", "--workers", "1"], cwd=ROOT, text=True, start_new_session=True,
                                     env={**os.environ, "KG_PAUSE_AT": f"resolving:{marker}"},
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_until_paused(build_process, marker, "resolving")
    children = descendants(build_process.pid)
    os.killpg(build_process.pid, signal.SIGINT)
    _, stderr = build_process.communicate(timeout=60)
    assert build_process.returncode == 130
    assert stderr.strip().splitlines() == [f"interrupted: {out} holds the last build that finished, if any"]
    assert articles_shown(out) == 1 and not leftovers(out)
    assert_gone(children)


def test_worker_processes_end_when_the_build_is_killed(out, tmp_path):
    for i in range(WORKER_BATCH + 8):  # more than one batch: read by a pool of two workers
        write(tmp_path, f"many/{i}.txt", f"Report {i}\n\nThe council met on day {i} and approved the budget.\n")
    build_process = paused_build(tmp_path / "many", out, "parse", tmp_path, workers=2)
    workers = descendants(build_process.pid)
    assert len(workers) == 2
    build_process.send_signal(signal.SIGKILL)
    build_process.wait()
    assert_gone(workers)
    assert articles_shown(out) == 1


def test_a_turtle_writer_that_dies_stops_the_build_in_one_line(out, more_articles, tmp_path):
    build_process = paused_build(more_articles, out, "turtle-writer", tmp_path)
    [writer] = descendants(build_process.pid)  # paused inside the Turtle writer, the build waiting on it
    os.kill(writer, signal.SIGKILL)
    _, stderr = build_process.communicate(timeout=60)
    assert build_process.returncode == 1
    assert stderr.strip().splitlines() == [("error: a process writing the Turtle died (killed, or out of memory); "
                                            "the build stopped, and what was read so far is kept for the next build")]
    assert articles_shown(out) == 1 and not leftovers(out)


def test_a_resolving_process_that_dies_stops_the_build_in_one_line(out, more_articles, tmp_path):
    build_process = paused_build(more_articles, out, "resolving", tmp_path)
    [resolver] = descendants(build_process.pid)  # paused inside the child, the build waiting on it
    os.kill(resolver, signal.SIGKILL)
    _, stderr = build_process.communicate(timeout=60)
    assert build_process.returncode == 1
    assert stderr.strip().splitlines() == [("error: a process resolving and writing the graph died (killed, or out "
                                            "of memory); the build stopped, and what was read so far is kept for "
                                            "the next build")]
    assert articles_shown(out) == 1 and not leftovers(out)


def test_a_second_build_into_the_same_folder_is_refused_while_readers_go_on(out, more_articles, tmp_path):
    first = paused_build(more_articles, out, "resolve", tmp_path)
    second = run_kg("build", str(more_articles), "--out", str(out), "--quiet")
    assert second.returncode == 1
    assert re.fullmatch(rf"error: {re.escape(str(out))}: another kg build or load is writing here \(process {first.pid}\); "
                        r"wait for it to finish or build into another --out", second.stderr.strip())
    reader = run_kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a a schema:NewsArticle }", "--out", str(out),
                    "--format", "csv")
    assert reader.returncode == 0 and reader.stdout.split() == ["n", "1"]  # readers take no lock
    first.send_signal(signal.SIGTERM)
    first.communicate(timeout=60)
    assert run_kg("build", str(more_articles), "--out", str(out), "--quiet").returncode == 0
    assert articles_shown(out) == 3


def test_a_reader_keeps_the_build_it_opened_while_a_newer_one_becomes_current(out, more_articles):
    store = open_store(out)
    build([more_articles], BuildSettings(out_dir=out, workers=1))
    assert articles_shown(out) == 3
    assert _count_articles(store) == 1


def test_a_folder_written_by_an_older_kg_becomes_a_build_folder(out, more_articles):
    """Before versioned builds, kg.ttl, kg.html, store/ and build.json were the files themselves."""
    current = out / os.readlink(out / "current")
    for name in ("kg.ttl", "kg.html", "build.json", "store"):
        (out / name).unlink()
        os.replace(current / name, out / name)
    (out / "current").unlink()
    shutil.rmtree(out / "builds")
    build([more_articles], BuildSettings(out_dir=out, workers=1))
    assert articles_shown(out) == 3 and not leftovers(out)


def test_out_that_is_a_file_or_cannot_be_written_is_one_line(tmp_path, more_articles):
    write(tmp_path, "a-file", "x")
    result = run_kg("build", str(more_articles), "--out", str(tmp_path / "a-file"), "--quiet")
    assert (result.returncode, result.stderr.strip()) == (2, f"error: --out {tmp_path / 'a-file'}: is a file, not a folder")
    result = run_kg("build", str(more_articles), "--out", str(tmp_path / "a-file" / "out"), "--quiet")
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: --out {tmp_path / 'a-file' / 'out'}: cannot write here (a part of its path is not a folder)"


def test_a_full_disk_keeps_the_previous_build(tmp_path, more_articles):
    disk = mount_tmpfs(tmp_path / "disk", "size=2m")
    write(tmp_path, "small/a.txt", ARTICLE.format(place=PLACES[0]))
    assert run_kg("build", str(tmp_path / "small"), "--out", str(disk / "out"), "--quiet").returncode == 0
    for i in range(10):  # a bigger build, which cannot fit
        write(more_articles, f"filler-{i}.txt", ARTICLE.format(place=f"Town {i}") * 10)
    result = run_kg("build", str(more_articles), "--out", str(disk / "out"), "--quiet")
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {disk / 'out'}: cannot write the build (") and "no space left on" in line
    assert line.endswith("; the previous build, if any, is kept")
    assert articles_shown(disk / "out") == 1


# --- helpers ---------------------------------------------------------------------------------------

def run_kg(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, check=False, **kwargs)


def paused_build(articles: Path, out: Path, stage: str, tmp_path: Path, workers: int = 1) -> subprocess.Popen:
    """A `kg build` process waiting at `stage` (kg.build.pause_point)."""
    marker = tmp_path / f"paused-{stage}"
    env = {**os.environ, "KG_PAUSE_AT": f"{stage}:{marker}"}
    process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(articles), "--out", str(out), "--quiet",
                                "--workers", str(workers)], cwd=ROOT, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_until_paused(process, marker, stage)
    deadline = time.monotonic() + 120
    if workers > 1:
        while len(descendants(process.pid)) < workers and time.monotonic() < deadline:
            time.sleep(0.05)  # the other worker reaches the pause a moment later
    return process


def articles_shown(out: Path) -> int:
    """How many articles the build in `out` holds, the same by its manifest, page, Turtle and store:
    they all come from one build folder."""
    folders = {(out / name).resolve().parent for name in ("kg.ttl", "kg.html", "build.json", "store")}
    assert len(folders) == 1, f"outputs of different builds: {folders}"
    manifest = json.loads((out / "build.json").read_text(encoding="utf-8"))["report"]["articles"]
    page = int(re.search(r"Knowledge graph of (\d+) article", (out / "kg.html").read_text(encoding="utf-8"))[1])
    turtle = len(set(Graph().parse(out / "kg.ttl").subjects(RDF.type, SCHEMA.NewsArticle)))
    stored = _count_articles(open_store(out))
    assert manifest == page == turtle == stored
    return manifest


def _count_articles(store) -> int:
    [row] = store.query(f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a a <{SCHEMA.NewsArticle}> }}")
    return int(row["n"].value)


