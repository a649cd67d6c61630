"""YAML reading and writing through PyYAML's C implementation when it is available.

PyYAML is imported on first use: a process whose data files all come from the precompiled cache
(bot.precompiled) never pays for it."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any


@cache
def _yaml() -> tuple[Any, type, type]:
    import yaml

    try:
        from yaml import CSafeDumper as SafeDumper
        from yaml import CSafeLoader as SafeLoader
    except ImportError:  # pragma: no cover - libyaml missing on this platform
        from yaml import SafeDumper, SafeLoader  # type: ignore[assignment]
    return yaml, SafeLoader, SafeDumper


def load_yaml_text(text: str) -> Any:
    yaml, loader, _ = _yaml()
    return yaml.load(text, Loader=loader)


def dump_yaml(data: Any) -> str:
    yaml, _, dumper = _yaml()
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=10_000)  # type: ignore[no-any-return]


@cache
def load_data_file(path: Path) -> Any:
    """A data file of the project (gazetteers, intents), read once per process and parsed once per
    installation: later processes read it back from the precompiled cache, keyed by its bytes."""
    from bot.precompiled import precompiled

    raw = path.read_bytes()
    return precompiled("data", raw, lambda: load_yaml_text(raw.decode("utf-8")))
