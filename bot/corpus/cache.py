"""A JSON copy of large corpus documents, keyed by the file's bytes: PyYAML builds Python objects in
Python even with its C loader (about 0.5 ms a paper), while json does it 50x faster. The YAML or page
stays the source of truth; a changed file has another key, so a stale copy is never read."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

try:  # hashlib itself loads OpenSSL's bindings first (2 ms a start) for a hash it does not need here
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python without the module
    from hashlib import blake2b

from bot.paths import user_cache_dir

log = logging.getLogger(__name__)
CACHE_FROM_BYTES = 1_000_000  # smaller files load in well under a second without a copy


def cache_dir() -> Path:
    """$PROFILE_BOT_CACHE, else the user's cache folder (never beside the package, which may be read-only)."""
    environ = os.environ
    return _cache_dir(environ.get("PROFILE_BOT_CACHE", ""), environ.get("XDG_CACHE_HOME", ""), environ.get("HOME", ""))


@lru_cache(maxsize=8)
def _cache_dir(configured: str, xdg_cache_home: str, home: str) -> Path:
    # asked hundreds of times a start (every precompiled entry): worked out once per environment
    return Path(configured or user_cache_dir())


def cached_document(
    raw: bytes, variant: str, produce: Callable[[], dict[str, Any]], copy_later: bool = False
) -> dict[str, Any]:
    """`produce()`'s document for these bytes, from the JSON copy when there is one.

    With `copy_later` a new copy is written by `write_pending_copies()` rather than now: a front end
    answers first (writing the copy is 20 ms of a 10,000-paper page's first answer, 200 ms at 100,000)."""
    if len(raw) < CACHE_FROM_BYTES:
        return produce()
    hashed = blake2b(raw, digest_size=20)  # the page's bytes then the variant's: no 3 MB joined copy (2 ms)
    hashed.update(b"\0" + variant.encode())
    digest = hashed.hexdigest()
    copy = cache_dir() / f"corpus-{digest}.json"
    try:
        return json.loads(copy.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (OSError, ValueError):
        pass
    document = produce()
    if copy_later:
        _pending_copies.append((copy, document))
    else:
        _write_copy(copy, document)
    return document


_pending_copies: list[tuple[Path, dict[str, Any]]] = []


def write_pending_copies() -> None:
    """Write the copies `cached_document(..., copy_later=True)` left; each is written once."""
    while _pending_copies:
        _write_copy(*_pending_copies.pop())


def _write_copy(copy: Path, document: dict[str, Any]) -> None:
    try:
        from bot.corpus.loading import write_atomically

        write_atomically(copy, _json_bytes(document))
    except OSError as err:  # a read-only checkout still works, only slower
        log.debug("no corpus cache at %s: %s", copy, err)


def _json_bytes(document: dict[str, Any]) -> bytes:
    """The document as UTF-8 JSON. orjson writes it six times faster than json (50 ms of a first
    load at 10,000 papers, 400 ms at 100,000); json.loads reads either the same."""
    import orjson

    try:
        return orjson.dumps(document)
    except TypeError:  # what orjson refuses (a lone surrogate, a 65-bit integer) json may still write
        return json.dumps(document, ensure_ascii=False).encode("utf-8")


__all__ = ["CACHE_FROM_BYTES", "blake2b", "cache_dir", "cached_document", "write_pending_copies"]
