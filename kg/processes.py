"""How the build and the query timeout start child processes, and what each child does first."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from multiprocessing.context import BaseContext

PARENT_CHECK_SECONDS = 0.5


def process_context(start_method: str | None = None) -> BaseContext:
    """The context for `start_method` ('fork', 'spawn', 'forkserver'). By default fork on Linux,
    where a child shares what its parent loaded (the spaCy model, the resolution, the imported
    modules) instead of loading or receiving it, even when the caller was itself spawned and its own
    default would be spawn; elsewhere the platform's default (spawn on macOS, where fork is unsafe,
    and on Windows, which has no fork)."""
    if start_method is None and sys.platform.startswith("linux"):
        start_method = "fork"
    return multiprocessing.get_context(start_method)


def start_child() -> None:
    """First thing in every child process: leave interrupts to the parent, which stops its children
    itself (a Ctrl-C reaches the whole process group, and each child would print a traceback), take
    SIGTERM's default (a forked child inherits the parent's handler), and end when the parent is
    gone (a parent killed with -9 cannot stop them, and a worker would wait on its task queue forever)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = os.getppid()
    threading.Thread(target=_exit_without, args=(parent,), daemon=True, name="kg-parent-watch").start()


def _exit_without(parent: int) -> None:
    while os.getppid() == parent:  # an orphan is adopted by another process
        threading.Event().wait(PARENT_CHECK_SECONDS)
    os._exit(1)
