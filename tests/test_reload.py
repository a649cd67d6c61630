"""Live reload: a good edit is served from the next message; a bad edit or a deleted file keeps the
last good corpus serving, with the error and its line number reported; conversations survive."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.corpus.loading import load_corpus
from bot.engine import Engine
from bot.reloader import ProfileReloader
from tests.pages import ROBOTICS

ROOT = Path(__file__).resolve().parent.parent


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stamp = time.time_ns() + 10**9  # a distinct modification time even on coarse clocks
    os.utime(path, ns=(stamp, stamp))


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "ada.txt"
    _write(path, ROBOTICS.text())
    return path


def test_good_edit_is_served_and_conversations_kept(page: Path) -> None:
    engine = Engine(load_corpus(page))
    reloader = ProfileReloader(engine, page)
    chat = ("ada-fan", "dm")
    engine.ask("tell me about EchoNav", chat)
    assert reloader.check().changed is False
    _write(page, ROBOTICS.text().replace("h-index12", "h-index13"))
    result = reloader.check()
    assert (result.changed, result.reloaded) == (True, True)
    assert engine.ask("h-index?").headline == "Ada Lovelace's h-index is 13."
    assert engine.ask("who wrote it?", chat).headline.startswith("Listed authors of EchoNav")


def test_bad_edit_keeps_the_last_good_corpus(page: Path, caplog: pytest.LogCaptureFixture) -> None:
    engine = Engine(load_corpus(page))
    reloader = ProfileReloader(engine, page)
    _write(page, ROBOTICS.text().replace("h-index12", "h-indexTWELVE"))
    result = reloader.check()
    assert (result.changed, result.reloaded) == (True, False)
    assert (
        result.message
        == f"{page}:4: expected a whole number for h index, got 'TWELVE'; still serving the last good corpus"
    )
    assert engine.ask("h-index?").headline == "Ada Lovelace's h-index is 12."
    assert any(":4: expected a whole number" in r.getMessage() for r in caplog.records)
    assert reloader.check().changed is False  # reported once, not on every look


def test_deleted_file_keeps_serving(page: Path) -> None:
    engine = Engine(load_corpus(page))
    reloader = ProfileReloader(engine, page)
    page.unlink()
    result = reloader.check()
    assert result.reloaded is False and "the file is missing" in result.message
    assert engine.ask("h-index?").headline == "Ada Lovelace's h-index is 12."
    _write(page, ROBOTICS.text().replace("h-index12", "h-index14"))
    assert reloader.check().reloaded
    assert engine.ask("h-index?").headline == "Ada Lovelace's h-index is 14."


def test_console_watch_reloads_between_messages(page: Path) -> None:
    script = (
        "import os, sys, time\n"
        f"page = {str(page)!r}\n"
        "from bot.frontends.console import console\n"
        "class Lines:\n"
        "    def isatty(self): return False\n"
        "    def __iter__(self):\n"
        "        yield 'h-index?\\n'\n"
        "        text = open(page).read()\n"
        "        open(page, 'w').write(text.replace('h-index12', 'h-indexXX'))\n"
        "        os.utime(page, ns=(time.time_ns() + 10**9,) * 2)\n"
        "        yield 'h-index?\\n'\n"
        "        text = open(page).read()\n"
        "        open(page, 'w').write(text.replace('h-indexXX', 'h-index15'))\n"
        "        os.utime(page, ns=(time.time_ns() + 2 * 10**9,) * 2)\n"
        "        yield 'h-index?\\n'\n"
        "from pathlib import Path\n"
        "sys.exit(console(Path(page), as_json=False, stdin=Lines(), watch=True))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    answers = [block.splitlines()[0] for block in result.stdout.strip().split("\n\n")]
    assert answers == [
        "Ada Lovelace's h-index is 12.",
        "Ada Lovelace's h-index is 12.",
        "Ada Lovelace's h-index is 15.",
    ]
    assert f"error: {page}:4: expected a whole number for h index, got 'XX'" in result.stderr
    assert "reloaded:" in result.stderr
