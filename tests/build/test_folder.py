from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kg.build.folder import (
    BUILDS_DIR,
    CURRENT_LINK,
    LOCK_FILE,
    MANIFEST_FILE,
    locked,
    remove_leftovers,
    switch_to,
)
from kg.files import OutputError, sibling_name


def _finished_build(out, name):
    folder = out / BUILDS_DIR / name
    folder.mkdir(parents=True)
    (folder / MANIFEST_FILE).write_text("{}")
    return folder


def _ended_pid() -> int:
    """The number of a process that has ended."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                           check=True)
    return int(child.stdout)


def test_leftovers_of_ended_processes_go_and_those_of_running_ones_stay(tmp_path):
    out = tmp_path / "out"
    (out / "cache").mkdir(parents=True)
    dead, alive = _ended_pid(), os.getpid()
    dead_files = [out / f".data.{dead}.0123abcd.tmp-0.nt", out / f".store.{dead}.0123abcd.old",
                  out / "cache" / f".x.pickle.{dead}.0123abcd.tmp"]
    for path in dead_files[:1] + dead_files[2:]:
        path.write_text("x")
    dead_files[1].mkdir()
    live_file = sibling_name(out / "kg.ttl", "tmp")
    live_file.write_text("x")
    assert str(alive) in live_file.name
    remove_leftovers(out)
    assert not any(path.exists() for path in dead_files)
    assert live_file.exists()


def test_the_current_build_and_the_one_before_it_stay_and_every_other_goes(tmp_path):
    out = tmp_path / "out"
    first, second, never_current, unfinished = (_finished_build(out, name) for name in ("1", "2", "3", "4"))
    (unfinished / MANIFEST_FILE).unlink()
    switch_to(out, first)
    switch_to(out, second)  # the build killed after it wrote its manifest, before its switch: 'never_current'
    remove_leftovers(out)
    assert sorted(p.name for p in (out / BUILDS_DIR).iterdir()) == ["1", "2"]
    assert (out / CURRENT_LINK).resolve() == second.resolve()
    assert not never_current.exists() and not unfinished.exists()


def test_a_lock_file_planted_as_a_link_is_refused_and_its_target_kept(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / LOCK_FILE).symlink_to(precious)
    with pytest.raises(OutputError, match="cannot write here"), locked(tmp_path / "out"):
        pass
    assert precious.read_text() == "keep me"


def test_switching_replaces_the_files_an_older_kg_wrote_by_links(tmp_path):
    out = tmp_path / "out"
    (out / "store").mkdir(parents=True)
    (out / "kg.ttl").write_text("old")
    build = _finished_build(out, "1")
    (build / "kg.ttl").write_text("new")
    (build / "store").mkdir()
    switch_to(out, build)
    assert (out / "kg.ttl").is_symlink() and (out / "kg.ttl").read_text() == "new"
    assert (out / "store").resolve() == (build / "store").resolve()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
