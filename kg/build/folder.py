"""The build folder (`--out`): every build is written into a folder of its own, and one rename
makes it the one that readers see, so a build that fails, is killed or runs out of disk at any
moment leaves the last good build whole and in place.

    out/
      .lock               held by the build writing here; a second build is refused
      builds/<id>/        one finished (or unfinished) build: kg.ttl, kg.html, store/, build.json
      current -> builds/<id>             the switch: replaced by one atomic rename
      previous -> builds/<id>            the build current before it, kept for its readers
      kg.ttl, kg.html, store, build.json -> current/...   where users and readers look
      cache/, export/     what was read from each article; files `kg export` wrote

Readers take no lock. They open what `current` points at when they start, and the build current
before it stays (`previous`), so a reader that opened it is not pulled from under by the next build
either. The next build removes what a killed build left: the folders of builds that never became
current, and the temporary files of processes that are no longer running.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from kg.errors import KgError, UsageError
from kg.files import OutputError, problem_of, sibling_name
from kg.graph import STORE_DIR

TURTLE_FILE = "kg.ttl"
HTML_FILE = "kg.html"
MANIFEST_FILE = "build.json"  # what a build read and made; written last into its folder
# What a build folder shows at its top, each a link through `current`.
SHOWN = (TURTLE_FILE, HTML_FILE, STORE_DIR, MANIFEST_FILE)
BUILDS_DIR = "builds"
CURRENT_LINK = "current"
PREVIOUS_LINK = "previous"  # the build current before: kept for the readers that opened it
LOCK_FILE = ".lock"
# A temporary file of kg.files.sibling_name: '.NAME.PID.HEX.SUFFIX'.
TEMPORARY = re.compile(r"^\..+\.(\d+)\.[0-9a-f]{8}\.[\w.-]+$")


class BuildLockedError(KgError):
    """Another build is writing into the same folder."""


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the build folder's lock, creating the folder; refuse at once when another build holds it
    (a build runs for minutes, and waiting silently would look like a hang)."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        # never through a link: a planted '.lock' link would have a build truncate its target
        descriptor = os.open(out / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as error:
        raise OutputError(out, f"cannot write here ({problem_of(error)})", "--out") from error
    with os.fdopen(descriptor, "r+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = handle.read().strip() or "unknown"
            raise BuildLockedError(f"{out}: another kg build or load is writing here (process {holder}); "
                                   f"wait for it to finish or build into another --out") from None
        handle.truncate(0)
        handle.write(str(os.getpid()))
        handle.flush()
        yield  # the lock goes with the handle's close, or with the process


def current_build(out: Path) -> Path | None:
    """The folder of the build readers see, or None."""
    return _linked(out / CURRENT_LINK)


def _linked(link: Path) -> Path | None:
    return link.parent / os.readlink(link) if link.is_symlink() else None


@contextlib.contextmanager
def new_build(out: Path) -> Iterator[Path]:
    """A fresh folder for a build, removed unless the build became current before it ended."""
    folder = out / BUILDS_DIR / f"{time.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(3)}"
    folder.mkdir(parents=True)
    try:
        yield folder
    except BaseException:
        if current_build(out) != folder:
            shutil.rmtree(folder, ignore_errors=True)
        raise


def switch_to(out: Path, build: Path) -> None:
    """Make `build` the one readers see: one rename of the `current` link; then make sure each name
    SHOWN is a link through it (a folder written by an older kg holds the files themselves)."""
    current = current_build(out)
    if current is not None and current != build:
        _replace_with_link(out / PREVIOUS_LINK, current.relative_to(out))
    _replace_with_link(out / CURRENT_LINK, build.relative_to(out))
    for name in SHOWN:
        link = out / name
        target = Path(CURRENT_LINK) / name
        if not (link.is_symlink() and Path(os.readlink(link)) == target):
            _replace_with_link(link, target)


def remove_leftovers(out: Path, cache: Path | None = None) -> None:
    """What builds that were killed or failed left behind, removed while the lock is held, as far as
    it can be (what cannot be removed is no reason to fail a build): every build folder but the
    current and the previous one, and the temporary files of processes no longer running, in the
    folder, its cache and export, and the `cache` folder given with --cache."""
    kept = {current_build(out), _linked(out / PREVIOUS_LINK)}
    if (out / BUILDS_DIR).is_dir():
        for folder in (out / BUILDS_DIR).iterdir():
            if folder not in kept:
                shutil.rmtree(folder, ignore_errors=True)
    for folder in (out, out / "cache", out / "export", *([cache] if cache else [])):
        for path in _temporaries_of_dead_processes(folder):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    path.unlink()


def _temporaries_of_dead_processes(folder: Path) -> list[Path]:
    try:
        names = os.listdir(folder)
    except OSError:  # no such folder (yet), or not ours to list
        return []
    return [folder / name for name in names
            if (match := TEMPORARY.match(name)) and not _running(int(match.group(1)))]


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError as error:  # EPERM: running, as another user
        return error.errno == errno.EPERM
    return True


def _replace_with_link(path: Path, target: Path) -> None:
    """Point `path` at `target` in one rename. A real folder in the way (the store of a folder an
    older kg wrote) is moved aside first: the one moment without it is between two renames."""
    new = sibling_name(path, "new")
    os.symlink(target, new)
    try:
        if path.is_dir() and not path.is_symlink():
            old = sibling_name(path, "old")
            os.replace(path, old)
            os.replace(new, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(new, path)
    except BaseException:
        new.unlink(missing_ok=True)
        raise
