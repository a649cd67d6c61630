"""Installing as a new user would: the wheel built from the repository, installed into a fresh venv
outside the clone, run from another directory; and `make run` on a clone whose .venv was built by
an unsupported Python.

Dependencies come from the package index pip is configured with (the registries are reachable in
CI); the project's wheel is built without build isolation, with this venv's setuptools."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import platformdirs
import pytest

from bot.corpus.cache import CACHE_FROM_BYTES
from bot.yaml_io import load_yaml_text
from tests.conftest import SHIPPED_CORPUS, SHIPPED_PAGE

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".cache", ".hypothesis", ".env"
)
ALIME = "AliMe MKG: A Multi-modal Knowledge Graph for Live-streaming E-commerce"


def copy_source(target: Path) -> Path:
    """The repository's files as a fresh clone has them (no venv, caches or local .env)."""
    return Path(shutil.copytree(ROOT, target, ignore=NOT_SOURCE))


def clean_environment(home: Path, path: str) -> dict[str, str]:
    """No PYTHONPATH, no virtualenv, no Discord token; a home of its own (no user .env or cache)."""
    kept = {name: os.environ[name] for name in ("LANG", "PIP_FIND_LINKS", "PIP_CERT") if name in os.environ}
    return {
        **kept,
        "PIP_CACHE_DIR": os.environ.get("PIP_CACHE_DIR") or platformdirs.user_cache_dir("pip"),  # pip's own
        "PATH": path,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }


def pip(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_source(tmp_path_factory.mktemp("clone") / "profile-bot")


@pytest.fixture(scope="module")
def wheel(source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    pip("wheel", "--quiet", "--no-deps", "--no-build-isolation", "--wheel-dir", str(dist), str(source))
    (built,) = dist.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel and its dependencies, nothing from the clone."""
    target = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(target)], check=True, timeout=120)
    pip("--python", str(target / "bin" / "python"), "install", "--quiet", str(wheel))
    return target


@pytest.fixture
def elsewhere(venv: Path, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """An empty working directory outside the clone, and an environment with only the venv on PATH."""
    work = tmp_path / "work"
    work.mkdir()
    return work, clean_environment(tmp_path / "home", f"{venv / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin")


def profile_bot(
    elsewhere: tuple[Path, dict[str, str]], *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    work, environment = elsewhere
    return subprocess.run(
        ["profile-bot", *args], cwd=work, env=environment, input=stdin, capture_output=True, text=True, timeout=120
    )


def test_wheel_holds_every_module_data_file_and_intent(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {path.relative_to(ROOT).as_posix() for path in (ROOT / "bot").rglob("*.py")}
    assert modules <= names, sorted(modules - names)
    for folder, patterns in (("data", ("*.yaml", "*.txt")), ("intents", ("*.yaml",))):
        shipped = {f"bot/{folder}/{path.name}" for pattern in patterns for path in (ROOT / folder).glob(pattern)}
        packaged = {name for name in names if name.startswith(f"bot/{folder}/") and not name.endswith(".py")}
        assert shipped and packaged == shipped
    entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
    assert "profile-bot = bot.__main__:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: MIT" in metadata


def test_installed_bot_runs_from_the_venv_not_the_clone(venv: Path) -> None:
    result = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import bot.paths as p; print(p.__file__); print(p.DATA_DIR)"],
        capture_output=True,
        text=True,
        cwd=venv,
        timeout=60,
    )
    module, data = result.stdout.splitlines()
    assert Path(module).is_relative_to(venv) and Path(data).is_relative_to(venv)


def test_ask_answers_from_another_directory(elsewhere: tuple[Path, dict[str, str]]) -> None:
    result = profile_bot(elsewhere, "ask", "--json", "papers from 2021")
    assert result.returncode == 0, result.stderr
    assert [paper["title"] for paper in json.loads(result.stdout)["papers"]] == [ALIME]
    text = profile_bot(elsewhere, "ask", "papers from 2021")
    assert ALIME in text.stdout and text.stderr == ""


def test_python_m_bot_inside_the_clone_with_the_wheel_installed(venv: Path, source: Path, tmp_path: Path) -> None:
    """`pip install .` then `python -m bot` in the clone: ./bot shadows the installed package, and
    its data and intents are the clone's top-level folders."""
    result = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "bot", "ask", "--json", "papers from 2021"],
        cwd=source,
        env=clean_environment(tmp_path / "home", "/usr/bin:/bin"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert [paper["title"] for paper in json.loads(result.stdout)["papers"]] == [ALIME]


def test_parse_a_page_from_another_directory(elsewhere: tuple[Path, dict[str, str]]) -> None:
    work, _ = elsewhere
    shutil.copy(SHIPPED_PAGE, work / "page.txt")
    shipped = load_yaml_text(SHIPPED_CORPUS.read_text(encoding="utf-8"))
    result = profile_bot(elsewhere, "parse", "page.txt", "-o", "corpus.yaml", "--as-of", shipped["researcher"]["as_of"])
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == f"wrote corpus.yaml ({len(shipped['papers'])} papers)\n"
    assert load_yaml_text((work / "corpus.yaml").read_text(encoding="utf-8")) == shipped


def test_console_json_from_another_directory(elsewhere: tuple[Path, dict[str, str]]) -> None:
    result = profile_bot(elsewhere, "console", "--json", stdin="papers from 2021\nthanks\n")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [answer["intent"] for answer in answers] == ["list_papers", "thanks"]
    assert [paper["title"] for paper in answers[0]["papers"]] == [ALIME]


def test_discord_dump_commands_matches_the_checkout(elsewhere: tuple[Path, dict[str, str]]) -> None:
    installed = profile_bot(elsewhere, "discord", "--dump-commands")
    assert installed.returncode == 0, installed.stderr
    checkout = subprocess.run(
        [sys.executable, "-m", "bot", "discord", "--dump-commands"], capture_output=True, text=True, timeout=120
    )
    assert json.loads(installed.stdout) == json.loads(checkout.stdout)
    assert {"ask", "papers", "paper"} <= {command["name"] for command in json.loads(installed.stdout)}


def test_program_name_and_version(elsewhere: tuple[Path, dict[str, str]]) -> None:
    help_text = profile_bot(elsewhere, "--help").stdout
    assert help_text.startswith("usage: profile-bot ")
    assert profile_bot(elsewhere, "--version").stdout == f"profile-bot {PROJECT['version']}\n"


def test_large_corpus_cache_goes_to_the_user_cache_folder(venv: Path, elsewhere: tuple[Path, dict[str, str]]) -> None:
    work, environment = elsewhere
    synth = profile_bot(elsewhere, "synth", "4000", "-o", "big.txt")
    assert synth.returncode == 0, synth.stderr
    assert (work / "big.txt").stat().st_size >= CACHE_FROM_BYTES  # large enough to be cached
    result = profile_bot(elsewhere, "ask", "--profile", "big.txt", "--today", "2026-11-27", "h-index?")
    assert result.returncode == 0, result.stderr
    cache = Path(environment["XDG_CACHE_HOME"]) / "profile-bot"
    assert len(list(cache.glob("corpus-*.json"))) == 1
    assert not list(venv.rglob("corpus-*.json"))


# make run on a clone: a .venv left by an unsupported Python is rebuilt, not reused.

FAKE_PYTHON = """#!/bin/sh
# The python of a .venv built by Python {version}, as far as make asks: its version, and whether it
# is supported. It runs nothing else.
case "$1 $2" in
  "--version "*) echo "Python {version}" ;;
  *"sys.exit("*) exit {unsupported} ;;
  *"version_info[:2]"*) echo "{minor}" ;;
  *) echo "this .venv needs a different Python" >&2; exit 1 ;;
esac
"""


def fake_python(path: Path, version: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    major, minor, _ = (int(part) for part in version.split("."))
    script = FAKE_PYTHON.format(version=version, unsupported=int((major, minor) < (3, 11)), minor=f"{major}.{minor}")
    path.write_text(script, encoding="utf-8")
    path.chmod(0o755)
    return path


def _system_path() -> str:
    """PATH without this venv, as a new user's shell has it (a python3 of 3.11 or newer on it)."""
    here = str(Path(sys.executable).parent)
    return os.pathsep.join(p for p in os.environ.get("PATH", "/usr/bin:/bin").split(os.pathsep) if p != here)


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    return copy_source(tmp_path / "clone")


def make_run(clone: Path, home: Path, *arguments: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "run", *arguments],
        cwd=clone,
        env=clean_environment(home, _system_path()),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_make_run_rebuilds_a_venv_of_an_unsupported_python(clone: Path, tmp_path: Path) -> None:
    fake_python(clone / ".venv" / "bin" / "python", "3.10.13")
    (clone / ".venv" / ".runtime-installed").touch()  # installed, as far as timestamps go
    result = make_run(clone, tmp_path / "home", stdin="papers from 2021\n")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "make: .venv was built by Python 3.10.13; profile-bot needs Python 3.11 or newer, "
        "so .venv is removed and built again with "
    )
    assert lines[1].startswith("==> creating .venv with ")
    assert "==> installing profile-bot and its runtime dependencies into .venv" in lines
    assert ALIME in result.stdout  # the answer to "papers from 2021", after make's and pip's lines
    installed = subprocess.run(
        [str(clone / ".venv" / "bin" / "python"), "-m", "pip", "list", "--format=json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    names = {package["name"].lower() for package in json.loads(installed.stdout)}
    assert "rapidfuzz" in names and not names & {"pytest", "mypy", "ruff"}  # the runtime only
    assert "Deprecat" not in result.stdout + result.stderr and "!!" not in result.stdout + result.stderr  # no banners


def test_make_with_an_unsupported_python_says_which_to_use(clone: Path, tmp_path: Path) -> None:
    old_python = fake_python(tmp_path / "old" / "python3", "3.10.13")
    result = make_run(clone, tmp_path / "home", f"PYTHON={old_python}")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        f"make: PYTHON={old_python} is not Python 3.11 or newer (Python 3.10.13): install one, "
        "then run e.g. make run PYTHON=python3.11"
    )
    assert not (clone / ".venv").exists()


def test_make_rebuilds_the_venv_only_for_another_python_version(clone: Path, tmp_path: Path) -> None:
    """PYTHON given explicitly: another minor version rebuilds .venv, the same one keeps it (dry runs)."""
    fake_python(clone / ".venv" / "bin" / "python", "3.11.7")
    (clone / ".venv" / "pyvenv.cfg").touch()
    (clone / ".venv" / ".runtime-installed").touch()
    same = make_run(clone, tmp_path, "--dry-run", f"PYTHON={fake_python(tmp_path / 'a' / 'python3', '3.11.9')}")
    assert same.stdout == ".venv/bin/profile-bot run\n"
    other = fake_python(tmp_path / "b" / "python3.12", "3.12.1")
    rebuilt = make_run(clone, tmp_path, "--dry-run", f"PYTHON={other}")
    assert "rm -rf .venv" in rebuilt.stdout.splitlines()
    assert f"{other} -m venv .venv" in rebuilt.stdout.splitlines()
