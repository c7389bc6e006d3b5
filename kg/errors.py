"""Domain errors. The library raises these; only `kg.cli` turns them into a message and an exit code."""

from __future__ import annotations


def one_line(value: object, max_chars: int | None = None) -> str:
    """Any text (an exception's message, a server's answer) as one line, cut with '…' to at most
    `max_chars` characters."""
    line = " ".join(str(value).split())
    if max_chars is not None and len(line) > max_chars:
        line = line[: max_chars - 1] + "…"
    return line


def described(error: BaseException, max_chars: int | None = None) -> str:
    """An exception as one line: its type, and its message cut to `max_chars` (when it has one)."""
    message = one_line(error, max_chars)
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


class KgError(Exception):
    """Base class: the message is one line that names the bad value and what would be accepted."""

    exit_code = 1


class UsageError(KgError):
    """The arguments are wrong (a missing path, an unknown format or query name)."""

    exit_code = 2


class InputError(KgError):
    """An article file cannot be used: unreadable, binary, empty or not UTF-8."""


class NothingToBuildError(KgError):
    """No article could be read, so no graph was built."""


class QueryError(KgError):
    """A SPARQL query is malformed, refused (it would modify data) or failed."""


class StoreError(KgError):
    """The query store is missing or unreadable."""
