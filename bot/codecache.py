"""The compiled code of the methods `dataclasses` writes, kept per installation.

`@dataclass` writes each class's `__init__`, `__eq__`, `__repr__`... as source text and compiles it
with `exec` when the class is created: about 0.2 ms a class, 15 ms of every start for this bot's 70.
`install()` gives the dataclasses module an `exec` that compiles each distinct text once per
installation: the code objects are kept with `marshal` in the cache folder (bot.precompiled,
keyed by the exact Python version) and read back by later processes. The text is the key, so the
code run is always the code of the text dataclasses wrote; any failure falls back to compiling.
"""

from __future__ import annotations

import atexit
import dataclasses
import marshal
from pathlib import Path
from types import CodeType
from typing import Any

KIND = "dataclass-code"
_codes: dict[str, CodeType] | None = None
_unsaved = False


def install() -> None:
    if not hasattr(dataclasses, "_create_fn") and not hasattr(dataclasses, "_FuncBuilder"):
        return  # a dataclasses that no longer writes source text: nothing to keep
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # looked up in the module before builtins


def _exec(source: Any, globals: dict[str, Any] | None = None, locals: Any = None) -> None:
    exec(_compiled(source) if isinstance(source, str) else source, globals, locals)


def _compiled(source: str) -> CodeType:
    global _codes, _unsaved
    if _codes is None:
        _codes = {}  # first: reading may import modules that create dataclasses themselves
        _codes.update(_read())
    code = _codes.get(source)
    if code is None:
        code = _codes[source] = compile(source, "<string>", "exec")
        if not _unsaved:
            _unsaved = True
            atexit.register(_save)  # forked helpers leave through os._exit and write nothing
    return code


def _path() -> Path:
    from bot.corpus.cache import cache_dir
    from bot.precompiled import entry_key

    return cache_dir() / f"{KIND}-{entry_key(KIND, b'')}.marshal"


def _read() -> dict[str, CodeType]:
    try:
        codes = marshal.loads(_path().read_bytes())
    except Exception:  # none yet, unreadable, another Python's: compile afresh
        return {}
    if not isinstance(codes, dict):
        return {}
    return {k: v for k, v in codes.items() if isinstance(k, str) and isinstance(v, CodeType)}


def _save() -> None:
    global _unsaved
    if not _unsaved or _codes is None:
        return
    try:
        from bot.corpus.loading import write_atomically

        write_atomically(_path(), marshal.dumps(_codes))
        _unsaved = False
    except Exception:  # a read-only cache folder: the next start compiles again, nothing worse
        pass
