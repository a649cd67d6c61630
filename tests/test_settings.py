"""One settings loader for every subcommand: environment > .env (working directory, then the user
config folder) > the BOT_CONFIG file (default: config.yaml in the user config folder) > defaults."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.corpus.cache import cache_dir
from bot.paths import DEFAULT_PROFILE, PROJECT_ROOT, user_cache_dir, user_config_dir
from bot.settings import Settings, SettingsError, load_settings
from tests.pages import ROBOTICS


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory and user folders of its own, no setting in the environment."""
    for name in ("PROFILE_PATH", "BOT_CONFIG", "DISCORD_TOKEN", "LOG_LEVEL", "COOLDOWN_RATE", "PROFILE_BOT_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home" / "cache"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    user_config_dir().mkdir(parents=True)
    return tmp_path


def test_defaults(home: Path) -> None:
    assert load_settings() == Settings()
    assert load_settings().profile == DEFAULT_PROFILE


def test_each_source_alone(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (home / "config.yaml").write_text("profile_path: from-config.txt\nlog_level: debug\n", encoding="utf-8")
    monkeypatch.setenv("BOT_CONFIG", str(home / "config.yaml"))
    assert (load_settings().profile, load_settings().log_level) == (home / "from-config.txt", "DEBUG")
    monkeypatch.delenv("BOT_CONFIG")

    (user_config_dir() / "config.yaml").write_text("profile_path: default-config.txt\n", encoding="utf-8")
    assert load_settings().profile == user_config_dir() / "default-config.txt"

    (user_config_dir() / ".env").write_text("PROFILE_PATH=user-env.txt\n", encoding="utf-8")
    assert load_settings().profile == Path("user-env.txt")
    monkeypatch.delenv("PROFILE_PATH")  # load_dotenv_files copied it into the environment

    Path(".env").write_text("PROFILE_PATH=work-env.txt\n", encoding="utf-8")
    assert load_settings().profile == Path("work-env.txt")
    monkeypatch.delenv("PROFILE_PATH")

    monkeypatch.setenv("PROFILE_PATH", "exported.txt")
    assert load_settings().profile == Path("exported.txt")
    assert load_settings(profile=Path("option.txt")).profile == Path("option.txt")


def test_environment_beats_dotenv_beats_config_file(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (home / "config.yaml").write_text("log_level: ERROR\ncooldown_rate: 7\nowner_ids: [1, 2]\n", encoding="utf-8")
    Path(".env").write_text(
        f"BOT_CONFIG={home / 'config.yaml'}\nLOG_LEVEL=WARNING\nCOOLDOWN_RATE=8\n", encoding="utf-8"
    )
    (user_config_dir() / ".env").write_text("LOG_LEVEL=CRITICAL\nCOOLDOWN_SECONDS=30\n", encoding="utf-8")
    monkeypatch.setenv("LOG_LEVEL", "DEBUG")
    settings = load_settings()
    assert (settings.log_level, settings.cooldown_rate, settings.cooldown_seconds) == ("DEBUG", 8, 30.0)
    assert settings.owner_ids == frozenset({1, 2})


def test_bad_config_file_is_one_line(home: Path) -> None:
    (home / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings({"BOT_CONFIG": str(home / "list.yaml")})
    assert str(caught.value) == f"BOT_CONFIG={home / 'list.yaml'}: expected a mapping of setting names to values"
    with pytest.raises(SettingsError) as missing:
        load_settings({"BOT_CONFIG": str(home / "nope.yaml")})
    assert str(missing.value) == f"BOT_CONFIG={home / 'nope.yaml'}: cannot read the file: No such file or directory"


def test_corpus_cache_is_in_the_user_cache_folder(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cache_dir() == user_cache_dir() == home / "home" / "cache" / "profile-bot"
    assert not cache_dir().is_relative_to(PROJECT_ROOT / "bot")
    monkeypatch.setenv("PROFILE_BOT_CACHE", str(home / "elsewhere"))
    assert cache_dir() == home / "elsewhere"


# Every subcommand that serves a profile reads PROFILE_PATH from every source. A profile that does
# not exist proves it: each names the configured file in its one-line error.

SERVING = ("ask", "console", "run", "discord")
SOURCES = ("environment", "work .env", "user .env", "BOT_CONFIG", "user config.yaml")


def command_line(command: str, *options: str) -> list[str]:
    return [sys.executable, "-m", "bot", command, *options] + (["papers from 2019"] if command == "ask" else [])


def papers_in(answer: str) -> list[str]:
    return [paper["title"] for paper in json.loads(answer)["papers"]]


ADA_2019 = ["On the Stability of Learned Controllers"]  # the one 2019 paper of tests.pages.ROBOTICS


def configure(source: str, home: Path, profile: str) -> tuple[dict[str, str], Path]:
    """An environment and a working directory where `source` alone sets PROFILE_PATH."""
    work = home / "work"
    work.mkdir(exist_ok=True)
    config = home / "config"
    (config / "profile-bot").mkdir(parents=True, exist_ok=True)
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(config),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    if source == "environment":
        environment["PROFILE_PATH"] = profile
    elif source == "work .env":
        (work / ".env").write_text(f"PROFILE_PATH={profile}\n", encoding="utf-8")
    elif source == "user .env":
        (config / "profile-bot" / ".env").write_text(f"PROFILE_PATH={profile}\n", encoding="utf-8")
    elif source == "BOT_CONFIG":
        (home / "bot.yaml").write_text(f"profile_path: {profile}\n", encoding="utf-8")
        environment["BOT_CONFIG"] = str(home / "bot.yaml")
    else:
        (config / "profile-bot" / "config.yaml").write_text(f"profile_path: {profile}\n", encoding="utf-8")
    return environment, work


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("command", SERVING)
def test_every_serving_command_reads_profile_path_from_every_source(command: str, source: str, tmp_path: Path) -> None:
    missing = tmp_path / f"missing-{source.replace(' ', '-')}.txt"
    environment, work = configure(source, tmp_path, str(missing))
    result = subprocess.run(
        command_line(command), cwd=work, env=environment, capture_output=True, text=True, timeout=60, input=""
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"error: {missing}: cannot read the file: No such file or directory\n"


@pytest.mark.parametrize("source", SOURCES)
def test_ask_answers_about_the_configured_profile(source: str, tmp_path: Path) -> None:
    (tmp_path / "ada.txt").write_text(ROBOTICS.text(), encoding="utf-8")
    environment, work = configure(source, tmp_path, str(tmp_path / "ada.txt"))
    result = subprocess.run(
        command_line("ask", "--json"), cwd=work, env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert papers_in(result.stdout) == ADA_2019


def test_profile_option_beats_every_source(tmp_path: Path) -> None:
    (tmp_path / "ada.txt").write_text(ROBOTICS.text(), encoding="utf-8")
    environment, work = configure("environment", tmp_path, str(tmp_path / "missing.txt"))
    result = subprocess.run(
        command_line("ask", "--json", "--profile", str(tmp_path / "ada.txt")),
        cwd=work,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert papers_in(result.stdout) == ADA_2019, result.stderr


def test_pinned_day_from_dotenv_and_the_today_option(tmp_path: Path) -> None:
    """A page's year-less dates are read against today: PROFILE_BOT_TODAY from .env, or --today."""
    (tmp_path / "ada.txt").write_text(ROBOTICS.text(), encoding="utf-8")
    environment, work = configure("work .env", tmp_path, str(tmp_path / "ada.txt"))
    with (work / ".env").open("a", encoding="utf-8") as env_file:
        env_file.write("PROFILE_BOT_TODAY=2025-06-01\n")

    def papers_last_year(*options: str) -> list[str]:
        result = subprocess.run(
            [*command_line("ask", "--json", *options)[:-1], "papers from last year"],
            cwd=work,
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return [paper["date"] for paper in json.loads(result.stdout)["papers"]]

    assert papers_last_year() == ["2024-11-20", "2024-03-03"]
    assert papers_last_year("--today", "2022-06-01") == ["2021-11-20"]


@pytest.mark.parametrize("command", [*SERVING, "parse"])
def test_invalid_pinned_day_is_one_line_for_every_command(command: str, tmp_path: Path) -> None:
    environment, work = configure("environment", tmp_path, str(DEFAULT_PROFILE))
    environment["PROFILE_BOT_TODAY"] = "27/11/2026"
    arguments = [sys.executable, "-m", "bot", "parse", str(PROJECT_ROOT / "data" / "guohai_xu.txt")]
    result = subprocess.run(
        arguments if command == "parse" else command_line(command),
        cwd=work,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        input="",
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "error: PROFILE_BOT_TODAY: expected a date as YYYY-MM-DD, got '27/11/2026'\n"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is the Linux one")
@pytest.mark.parametrize(
    "environment",
    [
        {"HOME": "/home/ana"},
        {"HOME": "/home/ana", "XDG_CACHE_HOME": "/var/tmp/c", "XDG_CONFIG_HOME": "/etc/ana"},
        {"HOME": "/home/ana", "XDG_CACHE_HOME": "relative/c", "XDG_CONFIG_HOME": ""},
    ],
)
def test_user_folders_are_where_platformdirs_puts_them(
    environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert user_cache_dir() == platformdirs.user_cache_path("profile-bot", appauthor=False)
    assert user_config_dir() == platformdirs.user_config_path("profile-bot", appauthor=False)
