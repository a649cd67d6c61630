"""Settings from the environment, an optional `.env` file and an optional YAML config file.

Precedence: environment variables, then the config file named by BOT_CONFIG, then defaults.
The token is kept out of every repr and log line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.paths import DEFAULT_PROFILE, PROJECT_ROOT
from bot.yaml_io import load_yaml_text

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


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


def load_dotenv_file() -> None:
    """Read `.env` from the project root into the environment (variables already set win)."""
    env_file = PROJECT_ROOT / ".env"
    if env_file.is_file():
        from dotenv import load_dotenv

        load_dotenv(env_file, override=False)


def discord_token() -> str | None:
    load_dotenv_file()
    token = os.environ.get("DISCORD_TOKEN", "").strip()
    return token or None


def _config_file(environ: dict[str, str]) -> dict[str, Any]:
    path = environ.get("BOT_CONFIG", "").strip()
    if not path:
        return {}
    try:
        data = load_yaml_text(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise SettingsError(f"BOT_CONFIG={path}: cannot read the file: {err.strerror or err}") from None
    except Exception as err:  # a YAML syntax error, reported in one line
        raise SettingsError(f"BOT_CONFIG={path}: not valid YAML ({type(err).__name__})") from None
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


def load_settings(environ: dict[str, str] | None = None, profile: Path | None = None) -> Settings:
    """Settings for the Discord bot; raises SettingsError with one readable line."""
    if environ is None:
        load_dotenv_file()
        environ = dict(os.environ)
    config = _config_file(environ)

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
        profile=profile or Path(str(get("PROFILE_PATH") or DEFAULT_PROFILE)),
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
