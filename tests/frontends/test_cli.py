"""`python -m bot parse`: output, and one clean error line for bad input without touching files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.yaml_io import load_yaml_text
from tests.conftest import SHIPPED_CORPUS, SHIPPED_PAGE
from tests.pages import ROBOTICS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, timeout=60)


def test_help_lists_subcommands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("parse", "ask", "console", "run", "discord"):
        assert command in result.stdout


def test_parse_to_stdout_matches_shipped_corpus() -> None:
    shipped = load_yaml_text(SHIPPED_CORPUS.read_text(encoding="utf-8"))
    result = run("parse", str(SHIPPED_PAGE), "--as-of", shipped["researcher"]["as_of"])
    assert result.returncode == 0, result.stderr
    assert load_yaml_text(result.stdout) == shipped


def test_parse_writes_output_file(tmp_path: Path) -> None:
    page = tmp_path / "ada.txt"
    page.write_text(ROBOTICS.text(), encoding="utf-8")
    out = tmp_path / "ada.yaml"
    result = run("parse", str(page), "-o", str(out), "--as-of", "2025-06-01")
    assert result.returncode == 0, result.stderr
    document = load_yaml_text(out.read_text(encoding="utf-8"))
    assert [p["category"] for p in document["papers"]] == ["RO", "SD", "CR", "LG"]
    assert result.stdout == ""


def test_bad_page_gives_one_line_and_keeps_existing_corpus(tmp_path: Path) -> None:
    page = tmp_path / "bad.txt"
    page.write_text(ROBOTICS.text().replace("h-index12", "h-indexXII"), encoding="utf-8")
    out = tmp_path / "corpus.yaml"
    out.write_text("existing: corpus\n", encoding="utf-8")
    result = run("parse", str(page), "-o", str(out))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"error: {page}:4: expected a whole number for h index, got 'XII'\n"
    assert out.read_text(encoding="utf-8") == "existing: corpus\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "corpus.yaml"]


def test_binary_and_missing_files(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    result = run("parse", str(binary), "-o", str(tmp_path / "out.yaml"))
    assert result.returncode == 2
    assert result.stderr == f"error: {binary}:1: expected a text file, found binary data (NUL bytes)\n"
    assert not (tmp_path / "out.yaml").exists()
    missing = run("parse", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2
    assert missing.stderr.startswith(f"error: {tmp_path / 'nope.txt'}: cannot read the file")
    assert "Traceback" not in missing.stderr


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run("parse", str(empty))
    assert (result.returncode, result.stderr) == (
        2,
        f"error: {empty}:1: the file is empty: expected the researcher's name on line 1\n",
    )


def test_bad_as_of_is_a_usage_error() -> None:
    result = run("parse", str(SHIPPED_PAGE), "--as-of", "yesterday")
    assert result.returncode == 2
    assert "expected a date as YYYY-MM-DD" in result.stderr
