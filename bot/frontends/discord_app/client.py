"""The Discord client: slash commands, DMs and mentions, all answered by the one engine.

Everything that runs on the event loop is an answer from prebuilt indexes (milliseconds even at
100,000 papers); reloading and drawing charts run in threads (see serving.py, chart.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket
from discord.utils import MISSING

from bot.answers.answer import Answer
from bot.dialogue.conversation import ConversationKey
from bot.engine import Engine
from bot.reloader import ReloadResult
from bot.settings import Settings

from .autocomplete import AutocompleteIndex
from .command_requests import QuestionRequest, Request, answer_request, conversation_of, decode
from .commands import register_commands
from .components import DYNAMIC_ITEMS, NOT_REPLAYABLE, components_for, disabled_copy, source_of
from .cooldowns import UserCooldowns
from .render import embed_for, help_embed, paginate
from .serving import RebuildCancelled, Rebuilder, Served

log = logging.getLogger(__name__)
WATCH_INTERVAL = 2.0  # seconds between looks at the profile file
RECENT_ANSWERS = 2000  # answers kept in memory for their buttons (older ones are asked again on a click)
IN_FLIGHT_GRACE = 5.0  # seconds a stopping bot waits for replies being written
DISABLE_BUDGET = 3.0  # seconds a stopping bot spends greying out buttons that cannot outlive it
TOKEN_LIFETIME = 14 * 60.0  # an interaction token edits its messages for 15 minutes; keep a margin
REPLAY: ConversationKey = ("discord-replay", "replay")
EXPIRED = "This answer's buttons have expired (the bot restarted or the profile changed). Please ask again."
INTENTS = discord.Intents(guilds=True, guild_messages=True, dm_messages=True)


Edit = Callable[..., Awaitable[Any]]  # called with view=...


@dataclass(slots=True)
class SentAnswer:
    answer: Answer
    source: str  # the custom-id form of what was asked ("-" when it cannot be asked again)
    asker: int
    shown: int
    edit: Edit  # greys out the message's components
    edit_until: float  # monotonic time after which `edit` no longer works (an interaction token's life)


class RecentAnswers:
    """The latest answers with components, by message id (bounded)."""

    def __init__(self, limit: int = RECENT_ANSWERS) -> None:
        self.limit = limit
        self._by_message: OrderedDict[int, SentAnswer] = OrderedDict()

    def __contains__(self, message_id: object) -> bool:
        return message_id in self._by_message

    def get(self, message_id: int) -> SentAnswer | None:
        return self._by_message.get(message_id)

    def remember(self, message_id: int, sent: SentAnswer) -> None:
        self._by_message[message_id] = sent
        self._by_message.move_to_end(message_id)
        while len(self._by_message) > self.limit:
            self._by_message.popitem(last=False)

    def live(self) -> list[SentAnswer]:
        """Answers whose buttons only this process can serve, newest first."""
        return [s for s in reversed(self._by_message.values()) if s.source == NOT_REPLAYABLE]


def owners_of(application: discord.AppInfo | None) -> set[int]:
    """The application's owner, or its team's owner, admins and developers."""
    if application is None:
        return set()
    team = application.team
    if team is None:
        return {application.owner.id} if application.owner else set()
    owners = {m.id for m in team.members if m.role in (discord.TeamMemberRole.admin, discord.TeamMemberRole.developer)}
    if team.owner_id:
        owners.add(team.owner_id)
    return owners


class ProfileBot(discord.AutoShardedClient):
    """Shards automatically (Discord requires sharding above 2,500 servers); no privileged intents."""

    def __init__(
        self,
        served: Served,
        settings: Settings,
        *,
        shard_count: int | None = None,
        shard_ids: list[int] | None = None,
        serving: bool = False,
    ) -> None:
        sharding: dict[str, Any] = {"shard_count": shard_count}
        if shard_ids is not None:
            sharding["shard_ids"] = shard_ids
        super().__init__(
            intents=INTENTS, max_messages=None, allowed_mentions=discord.AllowedMentions.none(), **sharding
        )
        self.served = served
        self.settings = settings
        self.serving = serving  # False while only syncing commands: no watcher, no development-guild sync
        self.cooldowns = UserCooldowns(settings.cooldown_rate, settings.cooldown_seconds)
        self.rebuilder = Rebuilder(settings.profile, served.engine)
        self.recent = RecentAnswers()
        self.owner_ids: set[int] = set(settings.owner_ids)
        self.command_ids: dict[str, int] = {}
        self.stopping = False
        self._in_flight: set[asyncio.Task[Any]] = set()
        self._watcher: asyncio.Task[None] | None = None
        self.tree = app_commands.CommandTree(self)
        self.tree.interaction_check = self._interaction_check  # type: ignore[method-assign]
        self.tree.on_error = self._on_tree_error  # type: ignore[method-assign]
        register_commands(self)

    @property
    def engine(self) -> Engine:
        return self.served.engine

    @property
    def autocomplete(self) -> AutocompleteIndex:
        return self.served.autocomplete

    async def setup_hook(self) -> None:
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        self.owner_ids = set(self.settings.owner_ids) | owners_of(self.application)
        if not self.serving:
            return
        if self.settings.api_url:
            # Another API root (a proxy, a test double) names its own gateway; discord.py falls back to
            # its default gateway URL when the shard count is given and on fresh reconnects.
            _, gateway, _ = await self.http.get_bot_gateway()
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)
        if self.settings.watch:
            self._watcher = asyncio.create_task(self._watch_profile(), name="profile-watcher")
        guild = discord.Object(id=self.settings.dev_guild_id) if self.settings.dev_guild_id else None
        if guild is not None:
            # Commands are synced only on request; a development guild gets them at start-up.
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to development guild %s", len(synced), guild.id)
        await self._learn_command_ids(guild)

    async def _learn_command_ids(self, guild: discord.abc.Snowflake | None) -> None:
        """Command ids make /help's command names clickable; without them /help shows plain names."""
        try:
            commands = await self.tree.fetch_commands()
            if guild is not None:
                commands += await self.tree.fetch_commands(guild=guild)
        except discord.HTTPException as err:
            log.warning("could not fetch the registered commands (%s); /help shows plain names", err.status)
            return
        self.command_ids = {command.name: command.id for command in commands}

    # --- work in progress, and stopping

    @contextlib.asynccontextmanager
    async def working(self) -> AsyncIterator[None]:
        """Marks the current task as a reply in progress, which a stopping bot lets finish."""
        task = asyncio.current_task()
        if task is not None:
            self._in_flight.add(task)
        try:
            yield
        finally:
            if task is not None:
                self._in_flight.discard(task)

    async def shutdown(self, reason: str) -> None:
        """Stop cleanly: no new reloads, replies in progress finished (or cancelled after a grace
        period), buttons that cannot outlive this process greyed out, gateway closed with code 1000."""
        if self.stopping:
            return
        self.stopping = True
        log.info("stopping (%s)", reason)
        self.rebuilder.stop.set()
        if self._watcher is not None:
            self._watcher.cancel()
        pending = {t for t in self._in_flight if t is not asyncio.current_task() and not t.done()}
        if pending:
            _, late = await asyncio.wait(pending, timeout=IN_FLIGHT_GRACE)
            for task in late:
                task.cancel()
            if late:
                log.warning("cancelled %d replies still in progress", len(late))
        await self._disable_live_components()
        await self.close()

    async def _disable_live_components(self) -> None:
        now = time.monotonic()
        edits = []
        for sent in self.recent.live():
            view = components_for(sent.answer, sent.asker, sent.source, sent.shown)
            if view is not None and now < sent.edit_until:
                edits.append(sent.edit(view=disabled_copy(view)))
        if not edits:
            return
        results = await asyncio.wait_for(asyncio.gather(*edits, return_exceptions=True), DISABLE_BUDGET)
        failed = [r for r in results if isinstance(r, BaseException)]
        if failed:
            log.info("could not grey out %d of %d answers' buttons: %s", len(failed), len(edits), failed[0])

    # --- live reload

    async def reload_profile(self, force: bool = False) -> ReloadResult:
        """Re-read the profile in a thread; a good edit is served from the next message on."""
        try:
            result, served = await self.rebuilder.reload(self.served, force=force)
        except RebuildCancelled:
            return ReloadResult(True, False, "the bot is stopping; the reload was abandoned")
        if served is not None:
            retired = [self.served]
            self.served = served  # one assignment: every later message sees the new corpus and indexes
            await self.rebuilder.release(retired)
        return result

    async def _watch_profile(self) -> None:
        while not self.is_closed() and not self.stopping:
            await asyncio.sleep(WATCH_INTERVAL)
            await self.check_profile_file()

    async def check_profile_file(self) -> ReloadResult:
        """One look at the profile file: reload a good edit; tell the owners about a bad one."""
        result = await self.reload_profile()
        if result.changed and not result.reloaded:
            await self.tell_owners(f"Profile reload failed: {result.message}")
        return result

    def is_owner_user(self, user: discord.abc.User) -> bool:
        return user.id in self.owner_ids

    async def tell_owners(self, text: str) -> None:
        for owner_id in sorted(self.owner_ids):
            try:
                user = self.get_user(owner_id) or await self.fetch_user(owner_id)
                await user.send(text[:2000])
            except discord.HTTPException as err:
                log.warning("could not notify owner %s: %s", owner_id, err)

    async def on_ready(self) -> None:
        # on_ready fires again on every reconnect: log only, never sync here.
        log.info("connected as %s to %d servers", self.user, len(self.guilds))

    # --- answering

    def render(self, answer: Answer, shown: int = 0) -> discord.Embed:
        if answer.intent == "help":
            return help_embed(answer, self.tree.get_commands(), self.command_ids)
        pages = paginate(answer)
        shown = max(0, min(shown, len(pages) - 1))
        return embed_for(answer, pages[shown], len(pages), shown + 1)

    def ask_in(self, request: Request, user_id: int, channel_id: int | None) -> Answer:
        return answer_request(self.engine, request, conversation_of(user_id, channel_id))

    async def send_answer(
        self,
        interaction: discord.Interaction,
        answer: Answer,
        request: Request | None,
        file: discord.File | None = None,
        embed: discord.Embed | None = None,
    ) -> None:
        """Reply to an interaction once (or follow up after a defer) with the answer's first page."""
        source = source_of(request)
        view = components_for(answer, interaction.user.id, source)
        embed = embed or self.render(answer)
        shown_view = view if view is not None else MISSING  # MISSING: discord.py's "not given"
        attached = file if file is not None else MISSING
        if interaction.response.is_done():
            message = await interaction.followup.send(embed=embed, view=shown_view, file=attached, wait=True)
            message_id: int | None = message.id
            edit: Edit = partial(interaction.followup.edit_message, message.id)
        else:
            response = await interaction.response.send_message(embed=embed, view=shown_view, file=attached)
            message_id = response.message_id
            edit = interaction.edit_original_response
        if view is not None and message_id is not None:
            until = time.monotonic() + TOKEN_LIFETIME
            self.recent.remember(message_id, SentAnswer(answer, source, interaction.user.id, 0, edit, until))

    async def expired(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(EXPIRED, ephemeral=True)

    def _answer_behind(self, interaction: discord.Interaction, shown: int, source: str) -> Answer | None:
        """The answer a clicked message shows: remembered, or asked again and checked against the
        page on screen (so a reloaded profile or a lost conversation never pages through another list)."""
        message = interaction.message
        if message is None:
            return None
        sent = self.recent.get(message.id)
        if sent is not None:
            return sent.answer
        request = decode(source) if source != NOT_REPLAYABLE else None
        if request is None or not message.embeds:
            return None
        try:
            answer = answer_request(self.engine, request, REPLAY)
        finally:
            self.engine.conversations.reset(REPLAY)
        expected = self.render(answer, shown)
        on_screen = message.embeds[0]
        if (expected.title, expected.description) != (on_screen.title, on_screen.description):
            return None
        return answer

    async def turn_page(self, interaction: discord.Interaction, shown: int, step: int, source: str) -> None:
        async with self.working():
            answer = self._answer_behind(interaction, shown, source)
            if answer is None or interaction.message is None:
                await self.expired(interaction)
                return
            target = max(0, min(len(paginate(answer)) - 1, shown + step))
            view = components_for(answer, interaction.user.id, source, target)
            await interaction.response.edit_message(embed=self.render(answer, target), view=view)
            self._remember_edit(interaction, interaction.message.id, answer, source, target)

    async def follow(self, interaction: discord.Interaction, request: Request) -> None:
        """A did-you-mean click: answer the suggestion in the clicker's conversation. It replaces the
        answer it was under, or, under a private note, is posted as a new answer."""
        async with self.working():
            answer = self.ask_in(request, interaction.user.id, interaction.channel_id)
            await self._show_in_place(interaction, answer, request)

    async def pick(self, interaction: discord.Interaction, source: str, choice: str) -> None:
        """A clarification choice. After a restart the conversation no longer holds the question, so
        it is asked again first (when the custom id kept it)."""
        async with self.working():
            conversation = conversation_of(interaction.user.id, interaction.channel_id)
            message = interaction.message
            original = decode(source) if source != NOT_REPLAYABLE else None
            if message is not None and message.id not in self.recent and original is not None:
                answer_request(self.engine, original, conversation)
            answer = self.engine.ask(choice, conversation)
            await self._show_in_place(interaction, answer, QuestionRequest(choice))

    async def _show_in_place(self, interaction: discord.Interaction, answer: Answer, request: Request) -> None:
        source = source_of(request)
        view = components_for(answer, interaction.user.id, source)
        message = interaction.message
        if message is not None and not message.flags.ephemeral:
            await interaction.response.edit_message(embed=self.render(answer), view=view)
            if view is not None:
                self._remember_edit(interaction, message.id, answer, source, 0)
            return
        await self.send_answer(interaction, answer, request)

    def _remember_edit(
        self, interaction: discord.Interaction, message_id: int, answer: Answer, source: str, shown: int
    ) -> None:
        until = time.monotonic() + TOKEN_LIFETIME
        edit = interaction.edit_original_response
        self.recent.remember(message_id, SentAnswer(answer, source, interaction.user.id, shown, edit, until))

    # --- messages: DMs, and mentions in servers

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.user is None or message.author.id == self.user.id:
            return
        in_dm = message.guild is None
        if not in_dm and not any(user.id == self.user.id for user in message.mentions):
            return
        async with self.working():
            await self._answer_message(message, in_dm)

    async def _answer_message(self, message: discord.Message, in_dm: bool) -> None:
        assert self.user is not None
        text = re.sub(rf"<@!?{self.user.id}>", " ", message.content).strip() or "help"
        retry_after, first_refusal = self.cooldowns.hit(message.author.id)
        try:
            if retry_after is not None:
                if first_refusal:
                    await message.channel.send(f"You are asking quickly; please wait {retry_after:.0f} s.")
                return
            request = QuestionRequest(text)
            answer = self.ask_in(request, message.author.id, message.channel.id)
            source = source_of(request)
            view = components_for(answer, message.author.id, source)
            embed = self.render(answer)
            # Four calls rather than one with None defaults: discord.py's overloads type each case.
            if in_dm and view is not None:
                sent = await message.channel.send(embed=embed, view=view)
            elif in_dm:
                sent = await message.channel.send(embed=embed)
            elif view is not None:
                sent = await message.reply(embed=embed, view=view, mention_author=False)
            else:
                sent = await message.reply(embed=embed, mention_author=False)
            if view is not None:
                edit = sent.edit
                until = float("inf")  # the bot's own message in a channel it can see: edited with its token
                self.recent.remember(sent.id, SentAnswer(answer, source, message.author.id, 0, edit, until))
        except discord.HTTPException as err:
            log.warning("could not reply in channel %s: %s %s", message.channel.id, err.status, err.text[:200])
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
        name = interaction.command.name if interaction.command else "?"
        original = getattr(error, "original", None)
        if isinstance(original, discord.NotFound | discord.Forbidden):
            # 10062: the interaction expired or was answered elsewhere; 403: no access. Nothing to reply to.
            log.warning("/%s: Discord refused the reply: %s %s", name, original.status, original.text[:200])
            return
        if isinstance(original, discord.HTTPException):
            log.warning("/%s: Discord failed the reply: %s %s", name, original.status, original.text[:200])
            text = "Sorry, Discord did not accept that reply. Please try again."
        elif isinstance(error, app_commands.CheckFailure):
            text = "You cannot use this command here."
        else:
            log.exception("command /%s failed", name, exc_info=error)
            text = "Sorry, something went wrong answering that. The problem has been logged."
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True)
            else:
                await interaction.response.send_message(text, ephemeral=True)
        except discord.HTTPException as err:
            log.warning("could not send an error reply: %s", err)
