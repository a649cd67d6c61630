"""The service files in the repository: the Dockerfile (linted by hadolint; what its build stage
copies is enough to build the wheel) and the systemd unit (checked by systemd-analyze verify).
Docker itself cannot run here, so the image is never built in the tests."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bot.__main__ import EXIT_USAGE, build_parser

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
UNIT = ROOT / "deploy" / "profile-bot.service"
BIN = Path(sys.executable).parent


def instructions(dockerfile: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    result: list[tuple[str, str]] = []
    pending = ""
    for line in dockerfile.read_text(encoding="utf-8").splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        pending += line.rstrip("\\").strip() + " "
        if not line.endswith("\\"):
            keyword, _, arguments = pending.strip().partition(" ")
            result.append((keyword.upper(), arguments.strip()))
            pending = ""
    return result


def test_dockerfile_passes_hadolint() -> None:
    hadolint = shutil.which("hadolint", path=str(BIN)) or shutil.which("hadolint")
    if hadolint is None:
        pytest.skip("hadolint is not installed (the dev extra, installed by `make test`, brings it)")
    result = subprocess.run([hadolint, str(DOCKERFILE)], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_dockerfile_build_stage_copies_enough_to_build_the_wheel(tmp_path: Path) -> None:
    context = tmp_path / "context"
    context.mkdir()
    copies = [arguments.split() for keyword, arguments in instructions(DOCKERFILE) if keyword == "COPY"]
    for *sources, target in (c for c in copies if not c[0].startswith("--from")):
        for source in sources:
            origin = ROOT / source
            destination = context / target / source if target.endswith("/") else context / target
            if origin.is_dir():
                shutil.copytree(origin, destination, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(origin, destination)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), "."],
        cwd=context,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "bot/data/guohai_xu.yaml" in names and "bot/intents/help.yaml" in names


def test_dockerfile_runs_the_console_script_as_a_non_root_user() -> None:
    steps = instructions(DOCKERFILE)
    final_stage = max(index for index, (keyword, _) in enumerate(steps) if keyword == "FROM")
    settings = dict(steps[final_stage:])
    assert settings["ENTRYPOINT"] == '["profile-bot"]'
    assert settings["CMD"] == '["discord"]'
    assert settings["USER"].split(":")[0] not in ("0", "root")
    assert build_parser().parse_args(["discord"]).command == "discord"


def test_systemd_unit_runs_the_discord_bot_and_does_not_restart_on_a_settings_error() -> None:
    unit = configparser.ConfigParser(interpolation=None, strict=True)
    unit.optionxform = str  # type: ignore[assignment,method-assign]  # systemd keys are case-sensitive
    unit.read(UNIT, encoding="utf-8")
    assert set(unit.sections()) == {"Unit", "Service", "Install"}
    program, *arguments = shlex.split(unit["Service"]["ExecStart"])
    assert Path(program).name == "profile-bot" and arguments == ["discord"]
    assert build_parser().parse_args(arguments).command == "discord"
    assert unit["Service"]["RestartPreventExitStatus"] == str(EXIT_USAGE)
    assert unit["Service"]["Restart"] == "on-failure"
    assert unit["Install"]["WantedBy"] == "multi-user.target"


def test_systemd_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    # verify wants ExecStart's program to exist: point it at this venv's profile-bot.
    text = UNIT.read_text(encoding="utf-8")
    installed = "/opt/profile-bot/bin/profile-bot"
    assert f"ExecStart={installed} " in text
    (tmp_path / UNIT.name).write_text(text.replace(installed, str(BIN / "profile-bot")), encoding="utf-8")
    result = subprocess.run(
        [analyze, "verify", "--man=no", str(tmp_path / UNIT.name)], capture_output=True, text=True, timeout=60
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")
