"""Atomic output: a reader sees the old file or the new one, never a half-written one.

Files a user names (`--output`) are written as a shell redirect would write them, through a
symbolic link and straight into a device, a FIFO or a descriptor such as /dev/stdout, and only a
regular file (or a new one) is replaced atomically."""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from pathlib import Path

from kg.errors import KgError

# /proc/self/fd, /proc/1234/fd, /proc/thread-self/fd: where /dev/stdout and /dev/fd/N lead
DESCRIPTOR_FOLDER = re.compile(r"/proc/(?:self|thread-self|\d+)(?:/task/\d+)?/fd")
MAX_LINK_HOPS = 40  # as the kernel's own limit before ELOOP
PROBLEMS = {  # errno -> what the one-line error says
    errno.ENOENT: "its folder does not exist",
    errno.ENOTDIR: "a part of its path is not a folder",
    errno.EISDIR: "is a folder; name a file to write",
    errno.EACCES: "not writable here (permission denied)",
    errno.EPERM: "not writable here (operation not permitted)",
    errno.EROFS: "not writable here (read-only file system)",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.ELOOP: "too many levels of symbolic links",
}


class OutputError(KgError):
    """A file a user named cannot be written; `option` is the option that named it, if any."""

    def __init__(self, path: Path, problem: str, option: str = "") -> None:
        super().__init__(f"{option} {path}: {problem}".lstrip())
        self.path, self.problem, self.option = path, problem, option

    def __reduce__(self) -> tuple:
        """Pickled with its arguments: raised in a child process, it is raised again in the build's."""
        return type(self), (self.path, self.problem, self.option)

    def for_option(self, option: str) -> OutputError:
        return OutputError(self.path, self.problem, option)


class NotRegularFileError(OSError):
    """A path that leads to a folder, pipe, device or socket, where a file's text was expected."""


def read_regular_file(path: Path, max_bytes: int) -> tuple[bytes, int]:
    """At most `max_bytes` of a regular file (through links), and its whole size. Opened without
    blocking and checked once open, so a pipe cannot hold the reader and /dev/zero is never read;
    raises NotRegularFileError for anything but a regular file, OSError when it cannot be read."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode):  # checked before a file object is made: a folder makes none
            raise NotRegularFileError(f"{path}: not a regular file")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return handle.read(max_bytes), found.st_size
    finally:
        os.close(descriptor)


def sibling_name(path: Path, suffix: str) -> Path:
    """A fresh hidden name beside `path` (same filesystem, so a rename is atomic)."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.{suffix}")


def write_atomic(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write to a temporary file in the same folder, fsync (unless `sync` is False: scratch files
    that are checked when read), then rename over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _replace(path, data, sync=sync)


def _replace(path: Path, data: bytes, *, sync: bool = True, mode: int | None = None) -> None:
    tmp = sibling_name(path, "tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # umask applies, as for open()
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_output(path: Path, data: bytes, *, make_folder: bool = False) -> None:
    """Write `data` to a file a user named, as `> path` would but never half-written: through
    symbolic links to their target (a dangling link creates it); straight into a character
    device, a FIFO or a descriptor (/dev/stdout: appended, so '>> log' keeps what it held); a
    regular or new file is replaced atomically, keeping its permissions, so a failure (a full
    disk) leaves the old content. The folder must exist, unless `make_folder` (a default place in
    a build folder, not a user's typo). Raises OutputError naming `path`."""
    replacing = False  # an existing regular file, which a failure leaves as it was
    try:
        if make_folder:
            path.parent.mkdir(exist_ok=True)
        found = _stat(path)
        if found is not None and stat.S_ISDIR(found.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if found is not None and (not stat.S_ISREG(found.st_mode) or _names_descriptor(path)):
            _write_into(path, data, append=stat.S_ISREG(found.st_mode))
        else:
            replacing = found is not None
            _replace(Path(os.path.realpath(path)), data, mode=stat.S_IMODE(found.st_mode) if found else None)
    except OSError as error:
        kept = "; the file is left as it was" if replacing else ""
        raise OutputError(path, problem_of(error) + kept) from error


def problem_of(error: OSError) -> str:
    """The words for why a file cannot be written (never the name of a temporary file)."""
    if error.errno in PROBLEMS:
        return PROBLEMS[error.errno]
    return (error.strerror or str(error)).lower()


def _stat(path: Path) -> os.stat_result | None:
    """What `path` leads to, through links; None when nothing is there (yet)."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def _names_descriptor(path: Path) -> bool:
    """Whether `path`, link by link, leads through /proc/PID/fd: /dev/stdout, /dev/fd/N. Such a
    name is a descriptor the caller opened (a shell's '> file'): a rename would write beside it."""
    for _ in range(MAX_LINK_HOPS):
        if DESCRIPTOR_FOLDER.fullmatch(os.path.realpath(path.parent)):
            return True
        if not path.is_symlink():
            return False
        path = path.parent / os.readlink(path)
    return False


def _write_into(path: Path, data: bytes, *, append: bool) -> None:
    """Write into what is already there (a device, a FIFO, a descriptor): no temporary file, no
    rename, which would replace a device node with a regular file."""
    fd = os.open(path, os.O_WRONLY | (os.O_APPEND if append else 0))
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
