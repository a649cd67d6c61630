"""Forked helper processes: when a second core may work beside this process, and how a helper ends
with the process that forked it."""

from __future__ import annotations

import os
import sys
import threading
import time


def can_fork() -> bool:
    """A POSIX system, two or more cores, and a single-threaded process: a fork copies only the
    calling thread, so a lock another thread holds would stay locked in the copy forever. A running
    bot (Discord, a watched console) has threads and does everything in its own process."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2 and threading.active_count() == 1


def can_fork_without(module: str) -> bool:
    """`can_fork()`, and no thread of a native library either: tantivy's indexing threads are
    invisible to `threading`. Where the system lists a process's threads (Linux), there must be
    only this one, so a library loaded but not yet used does not stop a fork; elsewhere `module`
    must not be loaded at all."""
    if not can_fork():
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return module not in sys.modules


def end_with(parent: int) -> None:
    """In a forked worker: exit as soon as the parent is gone (stopped by SIGTERM while it works),
    so no worker outlives the bot."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.05)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
