"""Start the bot, sync its commands, or print their JSON, with one-line errors and no tracebacks.

SIGTERM (systemd, Docker, Kubernetes) and SIGINT stop the bot cleanly: during start-up by ending the
page's parse workers and exiting 0; once connected through ProfileBot.shutdown (gateway closed with
1000, replies in progress finished, exit 0).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator
from dataclasses import replace
from types import FrameType
from typing import Any

import discord

from bot.corpus.errors import ProfileError
from bot.corpus.loading import check_readable, load_corpus
from bot.settings import Settings, SettingsError, load_settings

from . import chart
from .client import ProfileBot
from .serving import build_served

log = logging.getLogger("bot.discord")
EXIT_CONFIG = 2
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


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


def shard_problem(shard_count: int | None, shard_ids: list[int] | None) -> str | None:
    """Why a --shard-count/--shard-ids pair cannot work, or None."""
    if shard_count is not None and shard_count < 1:
        return f"--shard-count must be at least 1, got {shard_count}"
    if shard_ids is None:
        return None
    if shard_count is None:
        return "--shard-ids needs --shard-count (the total number of shards)"
    if not shard_ids:
        return "--shard-ids names no shard"
    outside = sorted({i for i in shard_ids if not 0 <= i < shard_count})
    if outside:
        return f"--shard-ids {','.join(map(str, outside))}: shard ids run from 0 to {shard_count - 1}"
    if len(set(shard_ids)) != len(shard_ids):
        return "--shard-ids names a shard twice"
    return None


def build_bot(
    settings: Settings,
    shard_count: int | None = None,
    shard_ids: list[int] | None = None,
    serving: bool = False,
) -> ProfileBot:
    served = build_served(load_corpus(settings.profile))
    gc.collect()
    gc.freeze()  # the corpus and indexes live as long as the bot: keep them out of later collections
    return ProfileBot(served, settings, shard_count=shard_count, shard_ids=shard_ids, serving=serving)


def command_payload(bot: ProfileBot) -> list[dict[str, Any]]:
    """Exactly the body a global `CommandTree.sync()` sends (translators aside)."""
    return [command.to_dict(bot.tree) for command in bot.tree.get_commands()]


def _configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("matplotlib").setLevel(max(logging.WARNING, logging.getLogger().level))
    # The bot never joins voice channels: discord.py's warning that voice libraries are missing is noise.
    logging.getLogger("discord.client").addFilter(
        lambda record: "voice will NOT be supported" not in record.getMessage()
    )


def point_at(api_url: str | None) -> None:
    """Send REST calls to another API root (a proxy, a test double); the gateway URL then comes from
    that API's GET /gateway/bot (see ProfileBot.setup_hook)."""
    if api_url:
        discord.http.Route.BASE = api_url


@contextlib.contextmanager
def _stoppable_start_up() -> Iterator[None]:
    """A stop signal while the page is parsed ends the forked parse workers, then this process, at once.

    Nothing is open yet (no connection, no file being written), so exiting on the spot loses nothing;
    raising from the handler instead could land in a finaliser, where Python ignores exceptions. Forked
    workers inherit the handler, so a worker told to stop simply exits too."""

    def stop(signum: int, frame: FrameType | None) -> None:
        children = multiprocessing.active_children()
        for child in children:
            child.terminate()
        for child in children:
            child.join(timeout=2)
        if multiprocessing.parent_process() is None:
            log.info("stopped by %s during start-up", signal.Signals(signum).name)
            logging.shutdown()
        os._exit(0)

    previous = {s: signal.signal(s, stop) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def run_discord(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if settings is None:
        return EXIT_CONFIG
    shard_ids = getattr(args, "shard_ids", None)
    shard_count = getattr(args, "shard_count", None)
    problem = shard_problem(shard_count, shard_ids)
    if problem:
        return _fail(problem)
    dump = getattr(args, "dump_commands", False)
    try:
        check_readable(settings.profile)
    except ProfileError as err:
        return _fail(str(err))
    if not dump and not settings.token:
        return _fail("DISCORD_TOKEN is not set: put the bot token in the environment or in .env")
    _configure_logging(settings.log_level)
    try:
        with _stoppable_start_up():
            bot = build_bot(settings, shard_count, shard_ids, serving=True)
            if dump:
                print(json.dumps(command_payload(bot), indent=2, ensure_ascii=False))
                return 0
            chart.preload()
    except ProfileError as err:
        return _fail(str(err))
    point_at(settings.api_url)
    assert settings.token is not None
    return asyncio.run(_run(bot, settings.token))


async def _run(bot: ProfileBot, token: str) -> int:
    loop = asyncio.get_running_loop()
    stopping: list[asyncio.Task[None]] = []  # a reference, so the shutdown task is not collected midway

    def stop(name: str) -> None:
        stopping.append(asyncio.create_task(bot.shutdown(name)))

    for stop_signal in STOP_SIGNALS:
        loop.add_signal_handler(stop_signal, stop, stop_signal.name)
    try:
        async with bot:
            await bot.start(token)
    except discord.LoginFailure:
        return _fail("Discord rejected DISCORD_TOKEN (check the token in the developer portal)")
    except discord.PrivilegedIntentsRequired:
        return _fail("Discord refused an intent this bot should not need; check the application settings")
    except (OSError, discord.GatewayNotFound, discord.HTTPException) as err:
        return _fail(f"cannot reach Discord: {type(err).__name__}", status=1)
    finally:
        for stop_signal in STOP_SIGNALS:
            loop.remove_signal_handler(stop_signal)
    log.info("stopped")
    return 0


def run_sync(args: argparse.Namespace) -> int:
    """Register the slash commands with Discord: globally, or in one guild (instant, for testing); or
    remove them with --clear. DEV_GUILD_ID plays no part here: only what is asked is synced."""
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
    point_at(settings.api_url)
    return asyncio.run(_sync(bot, settings.token, args.guild, getattr(args, "clear", False)))


async def _sync(bot: ProfileBot, token: str, guild_id: int | None, clear: bool) -> int:
    guild = discord.Object(id=guild_id) if guild_id else None
    where = f"guild {guild_id}" if guild_id else "global"
    try:
        async with bot:
            await bot.login(token)
            if clear:
                bot.tree.clear_commands(guild=guild)
            elif guild is not None:
                bot.tree.copy_global_to(guild=guild)
            synced = await bot.tree.sync(guild=guild)
    except discord.LoginFailure:
        return _fail("Discord rejected DISCORD_TOKEN (check the token in the developer portal)")
    except (OSError, discord.HTTPException) as err:
        return _fail(f"cannot reach Discord: {type(err).__name__}", status=1)
    if clear:
        print(f"removed the {where} commands")
    elif guild is not None:
        print(
            f"synced {len(synced)} commands to guild {guild_id} (if they are also registered globally they show "
            f"twice there; `sync --clear --guild {guild_id}` removes the guild copies)"
        )
    else:
        print(f"synced {len(synced)} global commands (they can take up to an hour to appear)")
    return 0
