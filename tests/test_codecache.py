"""Dataclass methods compiled once per installation (bot.codecache) behave as compiled afresh."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import bot.codecache as codecache

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
from dataclasses import dataclass, field
import bot

@dataclass(frozen=True, slots=True, order=True)
class Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default=())

p = Point(1, tags=("a",))
print(p, p == Point(1, 0, ("a",)), hash(p) == hash(Point(1, 0, ("a",))), p < Point(2))
"""


def run(cache: Path) -> str:
    env = {"PROFILE_BOT_CACHE": str(cache), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_bot_compiles_dataclass_methods_through_the_cache() -> None:
    assert dataclasses.exec is codecache._exec  # type: ignore[attr-defined]


def test_cached_methods_behave_as_fresh_ones(tmp_path: Path) -> None:
    first = run(tmp_path)  # compiles, keeps the code at exit
    assert list(tmp_path.glob("dataclass-code-*.marshal"))
    assert run(tmp_path) == first == "Point(x=1, y=0, tags=('a',)) True True True\n"


def test_a_damaged_cache_file_is_compiled_over(tmp_path: Path) -> None:
    run(tmp_path)
    for path in tmp_path.glob("dataclass-code-*.marshal"):
        path.write_bytes(b"not marshal")
    assert run(tmp_path) == "Point(x=1, y=0, tags=('a',)) True True True\n"
