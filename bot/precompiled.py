"""Work done once per installation, not once per process: data files read and regular expressions
compiled, kept in the user cache folder (bot.corpus.cache.cache_dir) and keyed by their content.

A key covers the content, the kind of value, FORMAT and the exact Python version, so a changed data
file, a new release of the bot and another Python each get fresh entries and a stale one is never
read. Values are stored with `marshal` (C, no imports, about 30 times faster than PyYAML's C loader);
marshal's format may change between Python versions, which the key already covers.

`compiled_pattern` keeps what `re` spends its time on: the parse of the pattern and the compiled
program (about 20 ms for the gazetteer's pattern on every start), then hands the program to the
same C constructor `re.compile` ends in. That constructor is CPython's, not a public API: any
failure there falls back to `re.compile`, and the result is compared equal to `re.compile`'s in the
tests.
"""

from __future__ import annotations

import atexit
import logging
import marshal
import mmap
import os
import re
import struct
import sys
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:  # hashlib itself loads OpenSSL's bindings first (2 ms a start) for a hash it does not need here
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python without the module
    from hashlib import blake2b

from bot.corpus.cache import cache_dir

log = logging.getLogger(__name__)
FORMAT = 5  # bump when what a kind of entry holds changes, or the bundle's layout
_MAGIC = b"PBB5"


def entry_key(kind: str, content: bytes) -> str:
    digest = blake2b(digest_size=20)
    digest.update(f"{kind}\0{FORMAT}\0{sys.version}\0{sys.implementation.cache_tag}\0".encode())
    digest.update(content)
    return digest.hexdigest()


def is_kept(kind: str, content: bytes) -> bool:
    """Whether `precompiled(kind, content, ...)` has its value kept (by this or an earlier process)."""
    return entry_key(kind, content) in _bundle(cache_dir())


class _Bundle:
    """Every entry one cache folder's processes read, in one file: a start reads 300-odd entries, and
    one file read costs less than that many opens (about 8 ms). Each entry is kept in the file as its
    own marshal bytes and decoded when first asked for: a start that answers "papers from 2021" does
    not decode the concept trie a topic question needs (0.7 MB, 10 ms), so entries other kinds of
    process use cost a start little more than their bytes. Entries are added as they are first made and
    the file is rewritten when the process ends, each entry stamped with the last rewrite that used it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pid = os.getpid()
        self.generation = 0  # how many times the file was rewritten
        # Each entry's marshal bytes: a slice of the file, mapped (a start touches only what it decodes),
        # or bytes this process made.
        self.kept: dict[str, bytes | memoryview] = {}
        self.stamps: dict[str, int] = {}  # the rewrite that last used each entry
        self.values: dict[str, Any] = {}
        self.used: set[str] = set()
        self.changed = False
        try:
            self._map(path)
        except (OSError, EOFError, ValueError, TypeError, struct.error):
            self.generation, self.kept, self.stamps = 0, {}, {}

    def _map(self, path: Path) -> None:
        """Read the file's index and map its entries: MAGIC, the index's size, the index (marshal of
        the generation and each key's stamp and size), then every entry's bytes in the index's order."""
        with path.open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        if mapped[: len(_MAGIC)] != _MAGIC:
            raise ValueError("not a bundle")
        (index_size,) = struct.unpack_from("<Q", mapped, len(_MAGIC))
        start = len(_MAGIC) + 8
        generation, index = marshal.loads(mapped[start : start + index_size])
        if not isinstance(generation, int) or not isinstance(index, dict):
            raise ValueError("not a bundle")
        self.generation = generation
        view, offset = memoryview(mapped), start + index_size
        for key, (stamp, size) in index.items():
            if not (isinstance(key, str) and isinstance(stamp, int) and isinstance(size, int)):
                raise ValueError("not a bundle")
            self.kept[key], self.stamps[key] = view[offset : offset + size], stamp
            offset += size
        if offset != len(mapped):
            raise ValueError("a bundle cut short")

    def __contains__(self, key: str) -> bool:
        return key in self.kept

    def get(self, key: str) -> tuple[bool, Any]:
        if key in self.values:
            self.used.add(key)
            return True, self.values[key]
        raw = self.kept.get(key)
        if raw is None:
            return False, None
        try:
            value = marshal.loads(raw)
        except (EOFError, ValueError, TypeError):  # a damaged entry: made again and kept anew
            del self.kept[key]
            return False, None
        self.values[key] = value
        self.used.add(key)
        return True, value

    def add(self, key: str, value: Any, raw: bytes) -> None:
        self.kept[key] = raw
        self.values[key] = value
        self.used.add(key)
        if not self.changed:
            self.changed = True
            atexit.register(self.save)

    def save(self) -> None:
        if os.getpid() != self.pid or not self.changed:  # a forked helper process leaves it to its parent
            return
        generation = self.generation + 1
        for key in self.used:
            self.stamps[key] = generation
        self._evict()
        index = marshal.dumps(
            (generation, {key: (self.stamps.get(key, generation), len(raw)) for key, raw in self.kept.items()})
        )
        content = b"".join([_MAGIC, struct.pack("<Q", len(index)), index, *self.kept.values()])
        try:
            from bot.corpus.loading import write_atomically

            write_atomically(self.path, content)
        except (OSError, ValueError) as err:
            log.debug("no precompiled bundle at %s: %s", self.path, err)

    def _evict(self) -> None:
        """Entries of older data files and pages (a new key each time one changes: 10 MB after a day of
        edits) would pile up and cost every start their bytes: past BUNDLE_BYTES, the entries used
        longest ago go, down to half of it; what this process used always stays."""
        if sum(map(len, self.kept.values())) <= BUNDLE_BYTES:
            return
        size = 0
        keep: dict[str, bytes | memoryview] = {}
        for key in sorted(self.kept, key=lambda k: (k in self.used, self.stamps.get(k, 0)), reverse=True):
            raw = self.kept[key]
            if key not in self.used and size + len(raw) > BUNDLE_BYTES // 2:
                continue
            keep[key] = raw
            size += len(raw)
        self.kept = keep


BUNDLE_BYTES = 8 << 20  # about 1 ms of every start to read; a start of this bot uses 2-3 MB
_bundles: dict[Path, _Bundle] = {}


def _bundle(folder: Path) -> _Bundle:
    bundle = _bundles.get(folder)
    if bundle is None:
        name = f"precompiled-{entry_key('bundle', b'')[:16]}.marshal"  # one per Python and FORMAT
        bundle = _bundles[folder] = _Bundle(folder / name)
    return bundle


def precompiled(kind: str, content: bytes, produce: Callable[[], Any]) -> Any:
    """`produce()`, computed once for this content and read back from the cache afterwards.

    The value must be built of what marshal stores (None, bools, numbers, strings, bytes, tuples,
    lists, sets, dicts); a value it cannot store is returned but not kept. A value read back may be
    shared with the next caller asking for the same content: callers do not change it."""
    key = entry_key(kind, content)
    bundle = _bundle(cache_dir())
    found, value = bundle.get(key)
    if found:
        return value
    value = produce()
    try:
        raw = marshal.dumps(value)
    except ValueError:  # a date, a custom class: fine, only not kept
        return value
    # Kept in the bundle only, written when the process ends: a file per entry cost a first run
    # 500-odd file creations (0.45 s here).
    bundle.add(key, value, raw)
    return value


def _kept_program(source: str, flags: int) -> tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]:
    """The program with its code as 32-bit words in one bytes object: marshal writes a list of ints one
    int at a time, and a start reads about 400,000 of them (15 ms); bytes load in one copy."""
    final_flags, code, groups, groupindex, indexgroup = _program(source, flags)
    return final_flags, array("I", code).tobytes(), groups, groupindex, indexgroup


def _program(source: str, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    """What re.compile hands to _sre.compile (CPython 3.11-3.13, re/_compiler.py: compile)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(source, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def compiled_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, from the cache when this pattern was compiled before."""
    try:
        import _sre  # type: ignore[import-not-found]

        kept = precompiled("regex", f"{int(flags)}\0{source}".encode(), lambda: _kept_program(source, flags))
        final_flags, code, groups, groupindex, indexgroup = kept
        program = array("I")
        program.frombytes(code)
        pattern: re.Pattern[str] = _sre.compile(source, final_flags, program.tolist(), groups, groupindex, indexgroup)
        return pattern
    except Exception as err:  # another Python's internals: compile the ordinary way
        log.debug("compiling %.40r the ordinary way: %s", source, err)
        return re.compile(source, flags)


def generated_source(inputs: Any, build: Callable[[], str | None], code_file: str) -> str | None:
    """`build()`, the source of a pattern written by code (a trie of names), kept per installation:
    keyed by `inputs` (the data it is written from, as marshal stores it) and by the file of the code
    that writes it, so a start spends no time writing it (5 to 10 ms a pattern)."""
    try:
        content = marshal.dumps(inputs) + b"\0" + Path(code_file).read_bytes()
    except (ValueError, OSError) as err:  # inputs marshal cannot store, code not on disk
        log.debug("pattern source not kept: %s", err)
        return build()
    source = precompiled("regex-source", content, build)
    return source if source is None or isinstance(source, str) else build()
