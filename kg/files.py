"""Atomic output: a reader sees the old file or the new one, never a half-written one."""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path


def sibling_name(path: Path, suffix: str) -> Path:
    """A fresh hidden name beside `path` (same filesystem, so a rename is atomic)."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.{suffix}")


def write_atomic(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write to a temporary file in the same folder, fsync (unless `sync` is False: scratch files
    that are checked when read), then rename over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = sibling_name(path, "tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # umask applies, as for open()
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def new_dir_beside(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = sibling_name(path, "new")
    staging.mkdir()
    return staging


def replace_dir(new: Path, target: Path) -> None:
    """Swap a fully written folder into place; the old one is removed only after the swap."""
    old = sibling_name(target, "old")
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)
