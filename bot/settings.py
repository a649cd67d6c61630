"""Settings from the environment, an optional `.env` file and an optional YAML config file."""

from __future__ import annotations

import os

from bot.paths import PROJECT_ROOT


def load_dotenv_file() -> None:
    """Read `.env` from the project root into the environment (existing variables win)."""
    env_file = PROJECT_ROOT / ".env"
    if env_file.is_file():
        from dotenv import load_dotenv

        load_dotenv(env_file, override=False)


def discord_token() -> str | None:
    load_dotenv_file()
    token = os.environ.get("DISCORD_TOKEN", "").strip()
    return token or None
