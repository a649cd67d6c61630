"""The Discord client: slash commands, DMs and mentions, all answered by the one engine."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import discord
from discord import app_commands
from discord.utils import MISSING

from bot.answers.answer import Answer
from bot.dialogue.conversation import ConversationKey
from bot.engine import Engine
from bot.gc_control import freeze_long_lived
from bot.reloader import ProfileReloader, ReloadResult
from bot.settings import Settings

from .autocomplete import AutocompleteIndex
from .commands import register_commands
from .cooldowns import UserCooldowns
from .views import AnswerView

log = logging.getLogger(__name__)
WATCH_INTERVAL = 2.0  # seconds between looks at the profile file


def conversation_of(user_id: int, channel_id: int | None) -> ConversationKey:
    return (str(user_id), str(channel_id or "dm"))


class ProfileBot(discord.AutoShardedClient):
    """Shards automatically (Discord requires sharding above 2,500 servers); no privileged intents."""

    def __init__(
        self, engine: Engine, settings: Settings, *, shard_count: int | None = None, shard_ids: list[int] | None = None
    ) -> None:
        sharding: dict[str, Any] = {"shard_count": shard_count}
        if shard_ids is not None:
            sharding["shard_ids"] = shard_ids
        super().__init__(intents=discord.Intents.default(), allowed_mentions=discord.AllowedMentions.none(), **sharding)
        self.engine = engine
        self.settings = settings
        self.cooldowns = UserCooldowns(settings.cooldown_rate, settings.cooldown_seconds)
        self.autocomplete = AutocompleteIndex(engine.corpus)
        self.reloader = ProfileReloader(engine, settings.profile)
        self.tree = app_commands.CommandTree(self)
        self.tree.interaction_check = self._interaction_check  # type: ignore[method-assign]
        self.tree.on_error = self._on_tree_error  # type: ignore[method-assign]
        register_commands(self)

    async def setup_hook(self) -> None:
        self.engine.warm()
        freeze_long_lived()  # the corpus and indexes live as long as the bot: keep them out of GC passes
        if self.settings.watch:
            self._watcher = asyncio.create_task(self._watch_profile(), name="profile-watcher")
        if self.settings.dev_guild_id:
            # Commands are synced only on request; a development guild gets them at start-up.
            guild = discord.Object(id=self.settings.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to development guild %s", len(synced), guild.id)

    # --- live reload

    def reload_profile(self, force: bool = False) -> ReloadResult:
        result = self.reloader.check(force=force)
        if result.reloaded:
            self.autocomplete = AutocompleteIndex(self.engine.corpus)
            self.engine.warm()
        return result

    async def _watch_profile(self) -> None:
        while not self.is_closed():
            await asyncio.sleep(WATCH_INTERVAL)
            await self.check_profile_file()

    async def check_profile_file(self) -> ReloadResult:
        """One look at the profile file: reload a good edit; tell the owners about a bad one."""
        result = self.reload_profile()
        if result.changed and not result.reloaded:
            await self.tell_owners(f"Profile reload failed: {result.message}")
        return result

    def is_owner_user(self, user: discord.abc.User) -> bool:
        if user.id in self.settings.owner_ids:
            return True
        application = self.application
        return application is not None and application.owner is not None and application.owner.id == user.id

    async def tell_owners(self, text: str) -> None:
        for owner_id in self.settings.owner_ids:
            try:
                user = self.get_user(owner_id) or await self.fetch_user(owner_id)
                await user.send(text[:2000])
            except discord.HTTPException as err:
                log.warning("could not notify owner %s: %s", owner_id, err)

    async def on_ready(self) -> None:
        # on_ready fires again on every reconnect: log only, never sync here.
        log.info("connected as %s to %d servers", self.user, len(self.guilds))

    # --- answering

    def ask(self, text: str, conversation: ConversationKey) -> Answer:
        return self.engine.ask(text, conversation)

    def view_for(self, answer: Answer, asker_id: int, conversation: ConversationKey) -> AnswerView:
        return AnswerView(answer, asker_id, conversation, self.ask)

    async def send_answer(
        self, interaction: discord.Interaction, answer: Answer, file: discord.File | None = None
    ) -> None:
        """Reply to an interaction once (or follow up after a defer) with the answer's first page."""
        conversation = conversation_of(interaction.user.id, interaction.channel_id)
        view = self.view_for(answer, interaction.user.id, conversation)
        embed = view.embed()
        shown_view = view if view.needed else MISSING  # MISSING: discord.py's "not given"
        attached = file if file is not None else MISSING
        if interaction.response.is_done():
            view.message = await interaction.followup.send(embed=embed, view=shown_view, file=attached, wait=True)
        else:
            await interaction.response.send_message(embed=embed, view=shown_view, file=attached)
            if view.needed:
                view.message = await interaction.original_response()

    # --- messages: DMs, and mentions in servers

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.user is None or message.author.id == self.user.id:
            return
        in_dm = message.guild is None
        if not in_dm and not any(user.id == self.user.id for user in message.mentions):
            return
        text = re.sub(rf"<@!?{self.user.id}>", " ", message.content).strip()
        retry_after, first_refusal = self.cooldowns.hit(message.author.id)
        try:
            if retry_after is not None:
                if first_refusal:
                    await message.channel.send(f"You are asking quickly; please wait {retry_after:.0f} s.")
                return
            conversation = conversation_of(message.author.id, message.channel.id)
            answer = self.ask(text or "help", conversation)
            view = self.view_for(answer, message.author.id, conversation)
            embed = view.embed()
            # Four calls rather than one with None defaults: discord.py's overloads type each case.
            if in_dm and view.needed:
                sent = await message.channel.send(embed=embed, view=view)
            elif in_dm:
                sent = await message.channel.send(embed=embed)
            elif view.needed:
                sent = await message.reply(embed=embed, view=view, mention_author=False)
            else:
                sent = await message.reply(embed=embed, mention_author=False)
            view.message = sent
        except discord.HTTPException as err:
            log.warning("could not reply in channel %s: %s", message.channel.id, err)
        except Exception:
            log.exception("failed to answer a message in channel %s", message.channel.id)
            try:
                await message.channel.send("Sorry, something went wrong answering that. The problem has been logged.")
            except discord.HTTPException:
                log.warning("could not send an apology in channel %s", message.channel.id)

    # --- checks and errors for slash commands

    async def _interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.type is not discord.InteractionType.application_command:
            return True  # autocomplete is never rate-limited: it must answer on every keystroke
        retry_after, _ = self.cooldowns.hit(interaction.user.id)
        if retry_after is None:
            return True
        await interaction.response.send_message(
            f"You are asking quickly; please try again in {retry_after:.0f} s.", ephemeral=True
        )
        return False

    async def _on_tree_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        if isinstance(error, app_commands.CheckFailure):
            text = "You cannot use this command here."
        else:
            log.exception("command %s failed", interaction.command.name if interaction.command else "?", exc_info=error)
            text = "Sorry, something went wrong answering that. The problem has been logged."
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True)
            else:
                await interaction.response.send_message(text, ephemeral=True)
        except discord.HTTPException as err:
            log.warning("could not send an error reply: %s", err)
