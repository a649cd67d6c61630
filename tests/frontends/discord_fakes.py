"""Offline Discord: real discord.py objects, with the HTTP layer recorded instead of sent.

These fakes touch private names of discord.py (`Interaction(data=, state=)`, `CommandTree._call`,
`ConnectionState`, the webhook adapter context, the view store), so pyproject.toml pins
discord.py to 2.7.x. Everything else - option parsing, responses, views, embeds - is the library's
own code.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from dataclasses import dataclass, field
from typing import Any

import discord
from discord.app_commands import AppCommandError
from discord.webhook.async_ import AsyncWebhookAdapter, async_context

from bot.corpus.model import Corpus
from bot.frontends.discord_app.client import ProfileBot
from bot.frontends.discord_app.serving import build_served
from bot.settings import Settings

APP_ID = 900000000000000001
BOT_ID = 900000000000000002
GUILD_ID = 900000000000000003
GUILD_CHANNEL_ID = 900000000000000004
ALICE = 100000000000000001
BOB = 100000000000000002
TIMESTAMP = "2026-11-26T10:00:00.000000+00:00"
_snowflakes = itertools.count(800000000000000001)


def snowflake() -> str:
    return str(next(_snowflakes))


def user_payload(user_id: int, name: str, bot: bool = False) -> dict[str, Any]:
    return {"id": str(user_id), "username": name, "discriminator": "0", "global_name": name, "avatar": None, "bot": bot}


def dm_channel_id(user_id: int) -> int:
    return user_id + 7


@dataclass
class Request:
    method: str
    path: str  # the route template, e.g. /interactions/{webhook_id}/{webhook_token}/callback
    url: str
    body: Any
    files: list[str] = field(default_factory=list)


def bot_message(body: dict[str, Any], previous: dict[str, Any], message_id: str, channel_id: str) -> dict[str, Any]:
    """A message the bot sent (or edited: `previous` supplies what the edit leaves out), as Discord returns it."""
    return {
        "id": message_id,
        "channel_id": previous.get("channel_id", channel_id),
        "author": user_payload(BOT_ID, "profile-bot", True),
        "content": body.get("content", previous.get("content", "")),
        "timestamp": TIMESTAMP,
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": body.get("embeds", previous.get("embeds", [])),
        "pinned": False,
        "type": 0,
        "components": body.get("components", previous.get("components", [])),
        "flags": body.get("flags", previous.get("flags", 0)),
    }


class Recorder:
    """Every request the bot would have sent, and plausible replies so discord.py carries on."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.messages: dict[int, dict[str, Any]] = {}

    def record(self, method: str, path: str, url: str, body: Any, files: list[str]) -> Request:
        request = Request(method, path, url, body, files)
        self.requests.append(request)
        return request

    def message(self, body: dict[str, Any] | None, channel_id: int, message_id: int | None = None) -> dict[str, Any]:
        body = body or {}
        message_id = message_id or int(snowflake())
        payload = bot_message(body, self.messages.get(message_id, {}), str(message_id), str(channel_id))
        self.messages[message_id] = payload
        return payload

    def bodies(self, path_part: str = "") -> list[Any]:
        return [r.body for r in self.requests if path_part in r.path]

    def last_message(self) -> dict[str, Any]:
        return list(self.messages.values())[-1]


def _body_of(payload: Any, multipart: list[dict[str, Any]] | None) -> Any:
    if multipart:
        for part in multipart:
            if part.get("name") == "payload_json":
                return json.loads(part["value"])
    return payload


class RecordingWebhookAdapter(AsyncWebhookAdapter):
    """discord.py's interaction/webhook adapter with `request` recorded instead of sent."""

    def __init__(self, recorder: Recorder, channel_id: int) -> None:
        super().__init__()
        self.recorder = recorder
        self.channel_id = channel_id

    async def request(
        self,
        route: Any,
        session: Any = None,
        *,
        payload: Any = None,
        multipart: list[dict[str, Any]] | None = None,
        files: Any = None,
        **_: Any,
    ) -> Any:
        body = _body_of(payload, multipart)
        self.recorder.record(route.method, route.path, route.url, body, [f.filename for f in files or []])
        if route.path.endswith("/callback"):
            kind = body.get("type") if isinstance(body, dict) else None
            data = body.get("data") if isinstance(body, dict) else None
            message = self.recorder.message(data, self.channel_id) if kind in (4, 7) else None
            interaction = {
                "id": str(route.webhook_id),
                "type": 2,
                "response_message_id": message["id"] if message else None,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": False,
            }
            resource: dict[str, Any] = {"type": kind}
            if message:
                resource["message"] = message
            return {"interaction": interaction, "resource": resource}
        if route.method == "DELETE":
            return None
        message_id = route.url.rsplit("/", 1)[-1]
        existing = next((mid for mid in self.recorder.messages if str(mid) == message_id), None)
        if message_id == "@original":
            existing = next(reversed(self.recorder.messages), None) if self.recorder.messages else None
        return self.recorder.message(body if route.method != "GET" else None, self.channel_id, existing)


def interaction_payload(
    kind: int,
    data: dict[str, Any],
    user_id: int = ALICE,
    in_guild: bool = True,
    message: dict[str, Any] | None = None,
) -> dict[str, Any]:
    user = user_payload(user_id, f"user{user_id % 1000}")
    payload: dict[str, Any] = {
        "id": snowflake(),
        "application_id": str(APP_ID),
        "type": kind,
        "token": f"token-{snowflake()}",
        "version": 1,
        "data": data,
        "locale": "en-US",
        "app_permissions": "0",
        "entitlements": [],
        "attachment_size_limit": 8_388_608,
        "authorizing_integration_owners": {},
    }
    if in_guild:
        payload.update(
            guild_id=str(GUILD_ID),
            channel_id=str(GUILD_CHANNEL_ID),
            guild_locale="en-US",
            channel={
                "id": str(GUILD_CHANNEL_ID),
                "type": 0,
                "guild_id": str(GUILD_ID),
                "name": "general",
                "position": 0,
                "permission_overwrites": [],
            },
            member={
                "user": user,
                "roles": [],
                "joined_at": TIMESTAMP,
                "deaf": False,
                "mute": False,
                "flags": 0,
                "permissions": "0",
            },
            context=0,
        )
    else:
        channel_id = dm_channel_id(user_id)
        payload.update(
            channel_id=str(channel_id),
            user=user,
            context=1,
            channel={"id": str(channel_id), "type": 1, "recipients": [user]},
        )
    if message is not None:
        payload["message"] = message
    return payload


def message_payload(
    content: str,
    user_id: int = ALICE,
    in_guild: bool = False,
    mention_bot: bool = False,
    author_is_bot: bool = False,
) -> dict[str, Any]:
    author = user_payload(user_id, f"user{user_id % 1000}", bot=author_is_bot)
    payload: dict[str, Any] = {
        "id": snowflake(),
        "author": author,
        "content": content,
        "timestamp": TIMESTAMP,
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [user_payload(BOT_ID, "profile-bot", True)] if mention_bot else [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": False,
        "type": 0,
    }
    if in_guild:
        payload.update(
            channel_id=str(GUILD_CHANNEL_ID),
            guild_id=str(GUILD_ID),
            member={"roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False, "flags": 0},
        )
    else:
        payload["channel_id"] = str(dm_channel_id(user_id))
    return payload


def guild_channel_payload() -> dict[str, Any]:
    return {
        "id": str(GUILD_CHANNEL_ID),
        "type": 0,
        "name": "general",
        "position": 0,
        "permission_overwrites": [],
        "guild_id": str(GUILD_ID),
    }


def guild_payload() -> dict[str, Any]:
    """The server the fakes put the bot in (with its one text channel, as GUILD_CREATE sends it)."""
    return {
        "id": str(GUILD_ID),
        "name": "lab",
        "owner_id": str(ALICE),
        "roles": [],
        "emojis": [],
        "features": [],
        "member_count": 2,
        "channels": [guild_channel_payload()],
        "members": [],
        "threads": [],
        "unavailable": False,
    }


def record_http(bot: ProfileBot, recorder: Recorder) -> None:
    """Route the client's REST calls (message sends and edits) into the recorder."""

    async def request(route: Any, *, files: Any = None, form: Any = None, **kwargs: Any) -> Any:
        body = _body_of(kwargs.get("json"), form)
        recorder.record(route.method, route.path, route.url, body, [f.filename for f in files or []])
        channel_id = int(route.channel_id or 0)
        if route.method == "POST" and route.path == "/users/@me/channels":  # opening a DM
            recipient = user_payload(int(body["recipient_id"]), "owner")
            return {"id": str(dm_channel_id(int(body["recipient_id"]))), "type": 1, "recipients": [recipient]}
        if route.method == "GET" and route.path == "/users/{user_id}":
            return user_payload(int(route.url.rsplit("/", 1)[-1]), "owner")
        if route.method in ("POST", "PATCH") and "/messages" in route.path:
            message_id = int(route.url.rsplit("/", 1)[-1]) if route.method == "PATCH" else None
            return recorder.message(body, channel_id, message_id)
        return {}

    bot.http.request = request  # type: ignore[method-assign]


def make_bot(corpus: Corpus, **settings: Any) -> ProfileBot:
    bot = ProfileBot(build_served(corpus), Settings(**settings))
    state = bot._connection
    state.user = discord.ClientUser(state=state, data=user_payload(BOT_ID, "profile-bot", bot=True))  # type: ignore[arg-type]
    state.application_id = APP_ID
    return bot


class OfflineDiscord:
    """A bot, its recorder, and helpers to deliver interactions and messages to it."""

    def __init__(self, corpus: Corpus, **settings: Any) -> None:
        self.bot = make_bot(corpus, **settings)
        self.recorder = Recorder()
        record_http(self.bot, self.recorder)
        self.adapter = RecordingWebhookAdapter(self.recorder, GUILD_CHANNEL_ID)
        self._token = async_context.set(self.adapter)
        self.guild = self._make_guild()

    @classmethod
    async def start(cls, corpus: Corpus, **settings: Any) -> OfflineDiscord:
        """Inside a running loop: discord.py binds its loop in `_async_setup_hook`, as `Client.start` would."""
        env = cls(corpus, **settings)
        await env.bot._async_setup_hook()
        await env.bot.setup_hook()  # not serving: registers the dynamic components and the owners only
        return env

    async def aclose(self) -> None:
        async_context.reset(self._token)
        await self.bot.http.close()  # the client never connected, so there is no gateway to close

    # --- interactions

    async def command(
        self, name: str, options: dict[str, Any] | None = None, user_id: int = ALICE, in_guild: bool = True
    ) -> discord.Interaction:
        command = self.bot.tree.get_command(name)
        assert command is not None, name
        parameters = {p.display_name: p for p in command.parameters}  # type: ignore[union-attr]
        option_list = [
            {"name": key, "type": parameters[key].type.value, "value": value} for key, value in (options or {}).items()
        ]
        data = {"id": snowflake(), "name": name, "type": 1, "options": option_list}
        return await self._deliver(interaction_payload(2, data, user_id, in_guild))

    async def autocomplete(self, name: str, option: str, typed: str, user_id: int = ALICE) -> list[dict[str, Any]]:
        command = self.bot.tree.get_command(name)
        assert command is not None
        parameters = {p.display_name: p for p in command.parameters}  # type: ignore[union-attr]
        data = {
            "id": snowflake(),
            "name": name,
            "type": 1,
            "options": [{"name": option, "type": parameters[option].type.value, "value": typed, "focused": True}],
        }
        before = len(self.recorder.requests)
        await self._deliver(interaction_payload(4, data, user_id))
        replies = [r.body for r in self.recorder.requests[before:]]
        assert replies and replies[-1]["type"] == 8, replies
        return replies[-1]["data"]["choices"]  # type: ignore[no-any-return]

    async def click(
        self,
        message: dict[str, Any],
        custom_id: str,
        user_id: int = ALICE,
        values: list[str] | None = None,
        component_type: int = 2,
    ) -> discord.Interaction:
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = values
        payload = interaction_payload(3, data, user_id, message=message)
        interaction = discord.Interaction(data=payload, state=self.bot._connection)  # type: ignore[arg-type]
        store = self.bot._connection._view_store
        before = set(store._ViewStore__tasks)  # type: ignore[attr-defined]
        store.dispatch_view(component_type, custom_id, interaction)
        started = set(store._ViewStore__tasks) - before  # type: ignore[attr-defined]
        assert started, f"no component answers custom id {custom_id!r}"
        await asyncio.gather(*started)
        return interaction

    async def _deliver(self, payload: dict[str, Any]) -> discord.Interaction:
        interaction = discord.Interaction(data=payload, state=self.bot._connection)  # type: ignore[arg-type]
        try:
            await self.bot.tree._call(interaction)
        except AppCommandError as error:  # what CommandTree._from_interaction does with these
            await self.bot.tree.on_error(interaction, error)
        return interaction

    # --- messages

    def _make_guild(self) -> discord.Guild:
        state = self.bot._connection
        guild = discord.Guild(data=guild_payload(), state=state)  # type: ignore[arg-type]
        channel = discord.TextChannel(state=state, guild=guild, data=guild_channel_payload())  # type: ignore[arg-type]
        guild._add_channel(channel)
        state._add_guild(guild)
        return guild

    async def send(self, content: str, **options: Any) -> list[Request]:
        """Deliver a message (options as for `message_payload`) through discord.py's own MESSAGE_CREATE
        parsing; return what the bot sent."""
        state = self.bot._connection
        payload = message_payload(content, **options)
        in_dm = "guild_id" not in payload
        if in_dm and state._get_private_channel(int(payload["channel_id"])) is None:
            dm = discord.DMChannel(
                me=self.bot.user,
                state=state,  # type: ignore[arg-type]
                data={"id": payload["channel_id"], "type": 1, "recipients": [payload["author"]]},
            )
            state._add_private_channel(dm)
        before = len(self.recorder.requests)
        events: list[asyncio.Task[None]] = []
        original = self.bot._schedule_event

        def schedule(coro: Any, event_name: str, *args: Any, **kwargs: Any) -> asyncio.Task[None]:
            task = original(coro, event_name, *args, **kwargs)
            events.append(task)
            return task

        self.bot._schedule_event = schedule  # type: ignore[method-assign]
        try:
            state.parse_message_create(payload)  # type: ignore[arg-type]
            await asyncio.gather(*events)
        finally:
            self.bot._schedule_event = original  # type: ignore[method-assign]
        return self.recorder.requests[before:]


def custom_ids(message: dict[str, Any]) -> list[tuple[int, str, str]]:
    """(component type, custom id, label) of every component in a recorded message."""
    found = []
    for row in message.get("components", []):
        for component in row.get("components", []):
            if "custom_id" in component:
                found.append((component["type"], component["custom_id"], component.get("label", "")))
    return found
