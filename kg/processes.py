"""How the build and the query timeout start child processes, what each child does first, how a
query's child gives up the network, and where tests pause a process to kill it."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from pathlib import Path

from kg.errors import KgError

PARENT_CHECK_SECONDS = 0.5
# From <sched.h>: a new network namespace (only a loopback, down) and a new user namespace, which
# lets a user who is not root create the first.
CLONE_NEWNET = 0x40000000
CLONE_NEWUSER = 0x10000000
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>: the signal a process gets when its parent ends


def process_context(start_method: str | None = None) -> BaseContext:
    """The context for `start_method` ('fork', 'spawn', 'forkserver'). By default fork on Linux,
    where a child shares what its parent loaded (the spaCy model, the resolution, the imported
    modules) instead of loading or receiving it, even when the caller was itself spawned and its own
    default would be spawn; elsewhere the platform's default (spawn on macOS, where fork is unsafe,
    and on Windows, which has no fork)."""
    if start_method is None and sys.platform.startswith("linux"):
        start_method = "fork"
    return multiprocessing.get_context(start_method)


class WorkerDiedError(KgError):
    """A worker process ended without its answer: killed, or out of memory."""


@contextlib.contextmanager
def worker_pool(workers: int, context: BaseContext, initializer: Callable, initargs: tuple, *,
                doing: str) -> Iterator[ProcessPoolExecutor]:
    """Worker processes `doing` some work, which end with it: an executor, not a multiprocessing
    Pool, which waits forever for the answer of a worker that was killed (the executor notices);
    and on an interrupt or error its workers are stopped at once, where the executor's own exit
    would wait for every task already handed to it."""
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=initializer, initargs=initargs)
    try:
        yield pool
    except BrokenProcessPool as error:
        pool.shutdown(wait=False, cancel_futures=True)
        raise WorkerDiedError(f"a process {doing} died (killed, or out of memory); the build stopped, "
                              f"and what was read so far is kept for the next build") from error
    except BaseException:
        for process in list(pool._processes.values()):  # no public way to stop them before Python 3.14
            process.terminate()
        # waits for the pool's manager thread, which else may write to a closed pipe as Python exits
        # and print a traceback after our one line (CPython gh-125451); the workers are ending already
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()


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


def killed_with_this_process() -> Callable[[], None] | None:
    """A preexec_fn for subprocess.Popen of a program that is not ours (start_child cannot run in
    it): on Linux the kernel kills the program when the thread that started it ends, however it
    ends, kill -9 included; so start it from the main thread. None elsewhere: stop it yourself."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)  # loaded here: the forked child only calls it
    parent = os.getpid()

    def end_with_parent() -> None:
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent ended before the line above: no signal will come
            os._exit(1)

    return end_with_parent


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


def pause_point(stage: str) -> None:
    """Where tests stop a process to kill it: with KG_PAUSE_AT=STAGE:FILE in the environment, the
    process that reaches STAGE creates FILE and waits there to be signalled. A build's stages: those
    of its progress (read, resolve, write, store, page: the build's own process pauses there, while
    the write pass goes on in its child), 'parse' (in a worker), 'resolving' (in the
    child that resolves and writes), 'turtle' (the Turtle
    writer at work beside the page), 'turtle-writer' (in that writer), 'switch' (all written, not
    yet current) and 'switched'; a load's: 'load-chunk-N', 'load-switch' and 'load-switched'."""
    wanted, _, marker = os.environ.get("KG_PAUSE_AT", "").partition(":")
    if wanted == stage and marker:
        Path(marker).touch()
        while True:
            time.sleep(60)
