"""What the bot answers from (engine, autocomplete, paper names), rebuilt off the event loop and swapped in
one assignment.

A reload parses and indexes in a daemon thread: the loop keeps answering meanwhile, and stopping the bot
never waits for it. The cyclic collector is paused while the thread builds and the new objects are frozen
afterwards, because a full collection over a large corpus is one long hold of the GIL (hundreds of ms at
100,000 papers) that would stall the loop; the corpus holds no reference cycles, so whatever a swap
drops is freed by reference counting.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from bot.corpus.model import Corpus
from bot.dialogue.conversation import ConversationStore
from bot.engine import Engine
from bot.reloader import ProfileReloader, ReloadResult

from .autocomplete import AutocompleteIndex
from .options import OptionIndex

log = logging.getLogger(__name__)
T = TypeVar("T")


class RebuildCancelled(Exception):
    """The bot is stopping: the half-built corpus is dropped."""


@dataclass(frozen=True, slots=True)
class Served:
    engine: Engine
    autocomplete: AutocompleteIndex
    options: OptionIndex


def build_served(corpus: Corpus, store: ConversationStore | None = None, stop: threading.Event | None = None) -> Served:
    """Everything built ahead of the first message, so no index is built lazily while answering."""

    def check() -> None:
        if stop is not None and stop.is_set():
            raise RebuildCancelled

    check()
    engine = Engine(corpus, store)
    check()
    engine.warm()
    check()
    autocomplete = AutocompleteIndex(corpus)
    check()
    return Served(engine, autocomplete, OptionIndex(corpus))


async def in_daemon_thread(work: Callable[[], T]) -> T:
    """`work()` in a daemon thread: unlike asyncio.to_thread, interpreter exit does not wait for it."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        try:
            result = work()
        except BaseException as error:  # handed to the awaiting coroutine
            loop.call_soon_threadsafe(settle, None, error)
        else:
            loop.call_soon_threadsafe(settle, result, None)

    threading.Thread(target=run, name="profile-rebuild", daemon=True).start()
    return await future


class Rebuilder:
    """One reload at a time; the loop only awaits, then swaps."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.reloader = ProfileReloader(engine, path)
        self.stop = threading.Event()
        self._lock = asyncio.Lock()

    async def reload(self, current: Served, force: bool = False) -> tuple[ReloadResult, Served | None]:
        """A new Served when the file changed and reads well; `current`'s conversations carry over."""
        async with self._lock:
            return await in_daemon_thread(lambda: self._build(current, force))

    def _build(self, current: Served, force: bool) -> tuple[ReloadResult, Served | None]:
        enabled = gc.isenabled()
        gc.disable()
        try:
            result, corpus = self.reloader.read_if_changed(force=force, cache=False)
            if corpus is None:
                return result, None
            served = build_served(corpus, current.engine.conversations, self.stop)
            self.reloader.engine = served.engine
            gc.freeze()  # the new corpus lives until the next reload: keep it out of every collection
            return result, served
        finally:
            if enabled:
                gc.enable()

    async def release(self, retired: list[Served]) -> None:
        """Drop the last references to a replaced corpus in a thread, not in a loop callback."""
        await in_daemon_thread(retired.clear)
