"""Live reload: re-read the profile when its file changes; a bad edit never replaces a good corpus.

Polling the file's modification time and size is enough here (a profile changes by hand, rarely)
and needs no extra dependency or OS-specific watcher.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from bot.corpus.errors import ProfileError
from bot.corpus.loading import load_corpus
from bot.corpus.model import Corpus
from bot.engine import Engine

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReloadResult:
    changed: bool  # the file differs from what was last looked at
    reloaded: bool  # a new corpus is now being served
    message: str  # one line for the logs and the bot's owner


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


class ProfileReloader:
    """Owns the path and the last signature; swaps the engine's corpus on a good edit."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self.engine = engine
        self.path = path
        self._seen = _signature(path)
        self.last_error: str | None = None

    def check(self, force: bool = False) -> ReloadResult:
        result, corpus = self.read_if_changed(force)
        if corpus is not None:
            self.engine.replace_corpus(corpus)
        return result

    def read_if_changed(self, force: bool = False, cache: bool = True) -> tuple[ReloadResult, Corpus | None]:
        """The new corpus when the file changed and reads well (not yet served), with the result to report.
        `cache=False` skips the JSON copy, whose one-call encode and decode would hold the GIL for
        a large page (a reload in a worker thread must leave the event loop its turns)."""
        signature = _signature(self.path)
        if signature == self._seen and not force:
            return ReloadResult(False, False, "unchanged"), None
        self._seen = signature
        if signature is None:
            message = f"{self.path}: the file is missing; still serving the last good corpus"
            return self._refused(message), None
        try:
            corpus = load_corpus(self.path, cache=cache)
        except ProfileError as err:
            return self._refused(f"{err}; still serving the last good corpus"), None
        self.last_error = None
        message = f"{self.path}: reloaded, {len(corpus.papers)} papers"
        log.info(message)
        return ReloadResult(True, True, message), corpus

    def _refused(self, message: str) -> ReloadResult:
        self.last_error = message
        log.error(message)
        return ReloadResult(True, False, message)
