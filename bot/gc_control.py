"""Garbage-collector settings for building and serving a corpus.

Building a large corpus creates millions of objects that all live on, so the cyclic collector's
repeated passes over them are pure cost (about 30% of parse and build time at 100,000 papers).
Once built, freezing them keeps later collections from rescanning them on every message.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Reference counting still frees garbage; only the cyclic collector waits until the end."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def freeze_long_lived() -> None:
    """Move everything alive now (the corpus and its indexes) out of the collector's way."""
    gc.collect()
    gc.freeze()
