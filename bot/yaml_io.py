"""YAML reading and writing through PyYAML's C implementation when it is available."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeDumper as SafeDumper
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml missing on this platform
    from yaml import SafeDumper, SafeLoader  # type: ignore[assignment]


def load_yaml_text(text: str) -> Any:
    return yaml.load(text, Loader=SafeLoader)


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=SafeDumper, sort_keys=False, allow_unicode=True, width=10_000)


@cache
def load_data_file(path: Path) -> Any:
    """A data file of the project (gazetteers, intents), read once per process."""
    return load_yaml_text(path.read_text(encoding="utf-8"))
