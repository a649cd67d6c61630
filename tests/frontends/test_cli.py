"""`python -m bot parse`: output, and one clean error line for bad input without touching files."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from bot.__main__ import build_parser
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


def test_console_script_has_its_own_name_and_a_version() -> None:
    script = Path(sys.executable).parent / "profile-bot"
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert result.stdout.startswith("usage: profile-bot [-h] [--version] COMMAND ...\n")
    assert run("--help").stdout.startswith("usage: python -m bot [-h] [--version] COMMAND ...\n")
    assert run("--version").stdout == f"python -m bot {version('profile-bot')}\n"


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ((), "the following arguments are required: COMMAND"),
        (("ask",), "the following arguments are required: QUESTION"),
        (("ask", "--today", "friday", "hi"), "argument --today: expected a date as YYYY-MM-DD, got 'friday'"),
        (("console", "--jsn"), "unrecognized arguments: --jsn"),
        (("synth", "0"), "argument N: expected at least 1, got 0"),
        (("synth", "ten"), "argument N: expected a whole number, got 'ten'"),
        (("bench", "--sizes", "23,x"), "argument --sizes: expected a whole number, got 'x'"),
        (("bench", "--sizes", ","), "argument --sizes: expected comma-separated paper counts, e.g. 23,1000"),
        (("soak", "--users", "-5"), "argument --users: expected at least 1, got -5"),
        (
            ("discord", "--shard-ids", "0,one"),
            "argument --shard-ids: expected comma-separated whole numbers, got '0,one'",
        ),
        (("sync", "--guild", "my-server"), "argument --guild: expected a whole number, got 'my-server'"),
        (("frobnicate",), "argument COMMAND: invalid choice: 'frobnicate'"),
    ],
)
def test_misuse_prints_usage_and_exits_2(arguments: tuple[str, ...], error: str) -> None:
    result = run(*arguments)
    assert (result.returncode, result.stdout) == (2, "")
    lines = result.stderr.splitlines()
    command = f"python -m bot {arguments[0]}" if arguments and arguments[0] != "frobnicate" else "python -m bot"
    assert lines[0].startswith(f"usage: {command} ")
    assert lines[-1].startswith(f"{command}: error: {error}")


def test_bench_defaults_are_the_quick_sizes() -> None:
    assert build_parser().parse_args(["bench"]).sizes == [23, 1000]
    assert build_parser().parse_args(["bench", "--sizes", "23,10000"]).sizes == [23, 10000]


def test_missing_profile_is_one_line_for_ask(tmp_path: Path) -> None:
    result = run("ask", "--profile", str(tmp_path / "nope.yaml"), "h-index?")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"error: {tmp_path / 'nope.yaml'}: cannot read the file: No such file or directory\n"
