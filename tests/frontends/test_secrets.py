"""The token never reaches logs, reprs or error text."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.frontends.discord_app import runner
from bot.settings import SettingsError, load_settings

SECRET = "MTAxMjM0NTY3ODkw.secret-token-value.abcdefghijklmnop"


def test_settings_repr_hides_the_token() -> None:
    settings = load_settings({"DISCORD_TOKEN": SECRET})
    assert settings.token == SECRET
    assert SECRET not in repr(settings) and SECRET not in str(settings)


def test_bad_settings_errors_do_not_echo_the_token() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({"DISCORD_TOKEN": SECRET, "COOLDOWN_RATE": "many"})
    assert SECRET not in str(caught.value)
    assert str(caught.value) == "COOLDOWN_RATE: expected a whole number, got 'many'"


def test_rejected_token_is_one_line_without_the_token(
    monkeypatch: pytest.MonkeyPatch, capsys: Any, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET)
    monkeypatch.delenv("BOT_CONFIG", raising=False)

    async def refuse(self: Any, token: str, *, reconnect: bool = True) -> None:
        logging.getLogger("discord.client").debug("logging in")
        raise discord.LoginFailure("Improper token has been passed.")

    monkeypatch.setattr(runner.ProfileBot, "start", refuse)
    caplog.set_level(logging.DEBUG)
    status = runner.run_discord(
        argparse.Namespace(profile=None, dump_commands=False, shard_count=None, shard_ids=None, watch=False)
    )
    out, err = capsys.readouterr()
    assert status == 2
    assert err == "error: Discord rejected DISCORD_TOKEN (check the token in the developer portal)\n"
    assert SECRET not in out + err + caplog.text
    assert "Traceback" not in err


def test_unreachable_discord_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET)

    async def offline(self: Any, token: str, *, reconnect: bool = True) -> None:
        raise OSError(101, "Network is unreachable")

    monkeypatch.setattr(runner.ProfileBot, "start", offline)
    status = runner.run_discord(
        argparse.Namespace(
            profile=Path("data/guohai_xu.yaml"), dump_commands=False, shard_count=None, shard_ids=None, watch=False
        )
    )
    _, err = capsys.readouterr()
    assert status == 1 and err == "error: cannot reach Discord: OSError\n"
    assert SECRET not in err
