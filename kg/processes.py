"""How the build and the query timeout start child processes, what each child does first, and how a
query's child gives up the network."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from multiprocessing.context import BaseContext

PARENT_CHECK_SECONDS = 0.5
# From <sched.h>: a new network namespace (only a loopback, down) and a new user namespace, which
# lets a user who is not root create the first.
CLONE_NEWNET = 0x40000000
CLONE_NEWUSER = 0x10000000


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


def drop_network() -> bool:
    """Move this process into a network namespace of its own, with no way out: every later connect()
    fails ('Network is unreachable'), a DNS lookup too. True when done; False where the platform or
    its permissions do not allow it (not Linux, user namespaces disabled, a container's seccomp).

    Call it in a child before it starts any thread: a new user namespace requires a process of one
    thread, which a forked child is."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    # root (or CAP_SYS_ADMIN) needs only the network namespace; anyone else first a user namespace
    return any(libc.unshare(flags) == 0 for flags in (CLONE_NEWNET, CLONE_NEWUSER | CLONE_NEWNET))


def can_drop_network() -> bool:
    """Whether a child process of this one can drop its network here (tried in a throwaway child,
    since the step cannot be undone)."""
    child = process_context().Process(target=_exit_with_network_dropped)
    child.start()
    child.join()
    return child.exitcode == 0


def _exit_with_network_dropped() -> None:
    sys.exit(0 if drop_network() else 1)
