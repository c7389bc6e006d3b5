"""How the build and the query timeout start child processes."""

from __future__ import annotations

import multiprocessing
import sys
from multiprocessing.context import BaseContext


def process_context(start_method: str | None = None) -> BaseContext:
    """The context for `start_method` ('fork', 'spawn', 'forkserver'). By default fork on Linux,
    where a child shares what its parent loaded (the spaCy model, the resolution, the imported
    modules) instead of loading or receiving it, even when the caller was itself spawned and its own
    default would be spawn; elsewhere the platform's default (spawn on macOS, where fork is unsafe,
    and on Windows, which has no fork)."""
    if start_method is None and sys.platform.startswith("linux"):
        start_method = "fork"
    return multiprocessing.get_context(start_method)
