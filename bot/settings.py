"""Settings for every subcommand, from four sources; the first that sets a value wins:

1. the environment;
2. a `.env` file: the working directory's, then the one in the user config folder
   (~/.config/profile-bot/.env on Linux);
3. the YAML file named by BOT_CONFIG (default: config.yaml in the user config folder, when it
   exists), with the same names in lower case;
4. the defaults below.

The token is kept out of every repr and log line.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.paths import DEFAULT_PROFILE, user_config_dir
from bot.yaml_io import load_yaml_text

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
CONFIG_FILE_NAME = "config.yaml"


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class Settings:
    token: str | None = field(default=None, repr=False)
    profile: Path = DEFAULT_PROFILE
    dev_guild_id: int | None = None
    owner_ids: frozenset[int] = frozenset()
    cooldown_rate: int = 5
    cooldown_seconds: float = 10.0
    log_level: str = "INFO"
    watch: bool = False
    api_url: str | None = None  # Discord's REST API root; another value points the bot at a proxy or a test double

    def __str__(self) -> str:
        return repr(self)


def dotenv_files() -> list[Path]:
    """The `.env` files read, the first winning."""
    return [Path.cwd() / ".env", user_config_dir() / ".env"]


def load_dotenv_files() -> None:
    """Copy the `.env` files into the environment, never over a variable already set.

    Into the environment rather than into Settings alone, so that what other modules read from it
    (PROFILE_BOT_TODAY, PROFILE_BOT_CACHE) can be kept in `.env` too."""
    for env_file in dotenv_files():
        if env_file.is_file():
            from dotenv import load_dotenv  # only when there is a file: the import costs 5 ms a start

            load_dotenv(env_file, override=False)


def discord_token() -> str | None:
    load_dotenv_files()
    token = os.environ.get("DISCORD_TOKEN", "").strip()
    return token or None


def _config_path(environ: Mapping[str, str]) -> Path | None:
    named = environ.get("BOT_CONFIG", "").strip()
    if named:
        return Path(named)
    default = user_config_dir() / CONFIG_FILE_NAME
    return default if default.is_file() else None


def _config_file(path: Path) -> dict[str, Any]:
    try:
        data = load_yaml_text(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise SettingsError(f"BOT_CONFIG={path}: cannot read the file: {err.strerror or err}") from None
    except Exception as err:  # a YAML syntax error, reported in one line
        raise SettingsError(f"BOT_CONFIG={path}: not valid YAML ({type(err).__name__})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SettingsError(f"BOT_CONFIG={path}: expected a mapping of setting names to values")
    return {str(k).lower(): v for k, v in data.items()}


def _integer(name: str, value: Any, minimum: int = 0) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise SettingsError(f"{name}: expected a whole number, got {value!r}") from None
    if number < minimum:
        raise SettingsError(f"{name}: expected at least {minimum}, got {number}")
    return number


def load_settings(environ: Mapping[str, str] | None = None, profile: Path | None = None) -> Settings:
    """Settings from the four sources (`environ` stands for the first two when given);
    `profile` (the --profile option) wins over all of them. Raises SettingsError with one line."""
    if environ is None:
        load_dotenv_files()
        environ = os.environ
    config_path = _config_path(environ)
    config = _config_file(config_path) if config_path else {}

    def get(name: str) -> Any:
        value = environ.get(name)
        if value is not None and str(value).strip() != "":
            return value
        return config.get(name.lower())

    level = str(get("LOG_LEVEL") or "INFO").upper()
    if level not in LOG_LEVELS:
        raise SettingsError(f"LOG_LEVEL: expected one of {', '.join(LOG_LEVELS)}, got {level!r}")
    guild = get("DEV_GUILD_ID")
    owners = get("OWNER_IDS")
    owner_values = owners if isinstance(owners, list) else str(owners or "").replace(",", " ").split()
    token = get("DISCORD_TOKEN")
    return Settings(
        token=str(token).strip() if token else None,
        profile=profile or _profile_path(environ, config, config_path),
        dev_guild_id=_integer("DEV_GUILD_ID", guild, 1) if guild else None,
        owner_ids=frozenset(_integer("OWNER_IDS", v, 1) for v in owner_values),
        cooldown_rate=_integer("COOLDOWN_RATE", get("COOLDOWN_RATE") or 5, 1),
        cooldown_seconds=float(_integer("COOLDOWN_SECONDS", get("COOLDOWN_SECONDS") or 10, 1)),
        log_level=level,
        watch=str(get("WATCH_PROFILE") or "").lower() in ("1", "true", "yes", "on"),
        api_url=_api_url(get("DISCORD_API_URL")),
    )


def _api_url(value: Any) -> str | None:
    if not value:
        return None
    url = str(value).strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise SettingsError(f"DISCORD_API_URL: expected an http(s) URL, got {url!r}")
    return url


def _profile_path(environ: Mapping[str, str], config: dict[str, Any], config_path: Path | None) -> Path:
    """PROFILE_PATH: relative to the working directory when it comes from the environment or
    `.env`, relative to the config file's folder when it comes from the config file."""
    named = environ.get("PROFILE_PATH", "").strip()
    if named:
        return Path(named).expanduser()
    configured = config.get("profile_path")
    if configured and config_path is not None:
        return config_path.parent / Path(str(configured)).expanduser()
    return DEFAULT_PROFILE
