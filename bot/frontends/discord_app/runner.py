"""Start the bot, sync its commands, or print their JSON, with one-line errors and no tracebacks."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from dataclasses import replace
from typing import Any

import discord

from bot.corpus.loading import load_corpus
from bot.corpus.page_parser import ProfileError
from bot.engine import Engine
from bot.settings import Settings, SettingsError, load_settings

from .client import ProfileBot

log = logging.getLogger("bot.discord")
EXIT_CONFIG = 2


def _fail(message: str, status: int = EXIT_CONFIG) -> int:
    print(f"error: {message}", file=sys.stderr)
    return status


def _settings(args: argparse.Namespace) -> Settings | None:
    try:
        settings = load_settings(profile=getattr(args, "profile", None))
    except SettingsError as err:
        _fail(str(err))
        return None
    if getattr(args, "watch", False):
        settings = replace(settings, watch=True)
    return settings


def build_bot(settings: Settings, shard_count: int | None = None, shard_ids: list[int] | None = None) -> ProfileBot:
    engine = Engine(load_corpus(settings.profile))
    return ProfileBot(engine, settings, shard_count=shard_count, shard_ids=shard_ids)


def command_payload(bot: ProfileBot) -> list[dict[str, Any]]:
    """Exactly the body a global `CommandTree.sync()` sends (translators aside)."""
    return [command.to_dict(bot.tree) for command in bot.tree.get_commands()]


def _configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def run_discord(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if settings is None:
        return EXIT_CONFIG
    shard_ids = getattr(args, "shard_ids", None)
    shard_count = getattr(args, "shard_count", None)
    if shard_ids is not None and shard_count is None:
        return _fail("--shard-ids needs --shard-count (the total number of shards)")
    try:
        bot = build_bot(settings, shard_count, shard_ids)
    except ProfileError as err:
        return _fail(str(err))
    if getattr(args, "dump_commands", False):
        print(json.dumps(command_payload(bot), indent=2, ensure_ascii=False))
        return 0
    if not settings.token:
        return _fail("DISCORD_TOKEN is not set: put the bot token in the environment or in .env")
    _configure_logging(settings.log_level)
    return asyncio.run(_run(bot, settings.token))


async def _run(bot: ProfileBot, token: str) -> int:
    try:
        async with bot:
            await bot.start(token)
    except discord.LoginFailure:
        return _fail("Discord rejected DISCORD_TOKEN (check the token in the developer portal)")
    except discord.PrivilegedIntentsRequired:
        return _fail("Discord refused an intent this bot should not need; check the application settings")
    except (OSError, discord.GatewayNotFound, discord.HTTPException) as err:
        return _fail(f"cannot reach Discord: {type(err).__name__}", status=1)
    except KeyboardInterrupt:
        return 0
    return 0


def run_sync(args: argparse.Namespace) -> int:
    """Register the slash commands with Discord: globally, or in one guild (instant, for testing)."""
    settings = _settings(args)
    if settings is None:
        return EXIT_CONFIG
    if not settings.token:
        return _fail("DISCORD_TOKEN is not set: put the bot token in the environment or in .env")
    try:
        bot = build_bot(settings)
    except ProfileError as err:
        return _fail(str(err))
    _configure_logging(settings.log_level)
    return asyncio.run(_sync(bot, settings.token, args.guild))


async def _sync(bot: ProfileBot, token: str, guild_id: int | None) -> int:
    try:
        async with bot:
            await bot.login(token)
            if guild_id:
                guild = discord.Object(id=guild_id)
                bot.tree.copy_global_to(guild=guild)
                synced = await bot.tree.sync(guild=guild)
                print(f"synced {len(synced)} commands to guild {guild_id}")
            else:
                synced = await bot.tree.sync()
                print(f"synced {len(synced)} global commands (they can take up to an hour to appear)")
    except discord.LoginFailure:
        return _fail("Discord rejected DISCORD_TOKEN (check the token in the developer portal)")
    except (OSError, discord.HTTPException) as err:
        return _fail(f"cannot reach Discord: {type(err).__name__}", status=1)
    return 0
