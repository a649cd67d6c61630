"""A fake Discord on loopback: the REST API and the gateway, enough for the real bot process
(`python -m bot discord` with DISCORD_API_URL pointing here) to log in, connect, receive events and
reply. Every REST call is recorded; failures (403, 404, 429, 5xx) can be queued per route.

Gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME (missed events replayed, then
RESUMED); the close code the bot sends is kept per connection.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.frontends.discord_fakes import (
    ALICE,
    APP_ID,
    BOT_ID,
    GUILD_ID,
    bot_message,
    dm_channel_id,
    guild_payload,
    interaction_payload,
    message_payload,
    snowflake,
    user_payload,
)

API = "/api/v10"
_sessions = itertools.count(1)


@dataclass
class Call:
    method: str
    path: str  # without the /api/v10 prefix
    body: Any
    files: list[str]
    at: float  # time.perf_counter() on arrival
    status: int = 200


@dataclass
class Failure:
    method: str
    pattern: re.Pattern[str]
    status: int
    body: dict[str, Any]
    headers: dict[str, str]
    remaining: int


@dataclass
class Session:
    session_id: str
    sequence: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    socket: web.WebSocketResponse | None = None


@dataclass
class Connection:
    opened: float
    identify: dict[str, Any] | None = None
    resume: dict[str, Any] | None = None
    close_code: int | None = None
    closed: asyncio.Event = field(default_factory=asyncio.Event)


def bot_user() -> dict[str, Any]:
    return user_payload(BOT_ID, "profile-bot", bot=True)


class FakeDiscord:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.messages: dict[str, dict[str, Any]] = {}
        self.connections: list[Connection] = []
        self.sessions: dict[str, Session] = {}
        self.failures: list[Failure] = []
        self.commands: list[dict[str, Any]] = []
        self._original: dict[str, str] = {}  # interaction token -> the message its response created or edits
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        for session in self.sessions.values():
            if session.socket is not None and not session.socket.closed:
                await session.socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # --- what tests use

    def fail(
        self, method: str, path_pattern: str, status: int, message: str, code: int = 0, times: int = 1, **extra: Any
    ) -> None:
        """The next `times` calls matching answer with an error (Discord's JSON error body)."""
        body: dict[str, Any] = {"message": message, "code": code, **extra}
        headers: dict[str, str] = {}
        if status == 429:
            body.setdefault("retry_after", 0.2)
            body.setdefault("global", False)
            headers = {"Retry-After": str(body["retry_after"]), "X-RateLimit-Scope": "user"}
        self.failures.append(Failure(method, re.compile(path_pattern), status, body, headers, times))

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0) -> Any:
        """Until `predicate()` is truthy (checked whenever a call or event arrives); returns its value."""
        async with self._changed:
            result = await asyncio.wait_for(self._changed.wait_for(predicate), timeout)
        return result

    def calls_to(self, pattern: str, method: str | None = None, since: int = 0) -> list[Call]:
        compiled = re.compile(pattern)
        return [c for c in self.calls[since:] if compiled.search(c.path) and (method is None or c.method == method)]

    async def wait_call(self, pattern: str, method: str | None = None, since: int = 0, timeout: float = 10.0) -> Call:
        found = await self.wait_for(lambda: self.calls_to(pattern, method, since), timeout)
        return found[0]  # type: ignore[no-any-return]

    async def wait_connected(self, count: int = 1, timeout: float = 30.0) -> Connection:
        """Until the `count`th gateway connection has identified or resumed."""
        await self.wait_for(
            lambda: (
                len(self.connections) >= count
                and (self.connections[count - 1].identify or self.connections[count - 1].resume)
            ),
            timeout,
        )
        return self.connections[count - 1]

    def live_session(self) -> Session:
        return list(self.sessions.values())[-1]

    async def dispatch(self, event: str, data: dict[str, Any]) -> float:
        """Send a gateway event on the latest session; returns when it was sent (perf_counter)."""
        session = self.live_session()
        session.sequence += 1
        frame = {"op": 0, "t": event, "s": session.sequence, "d": data}
        session.events.append(frame)
        sent = time.perf_counter()
        if session.socket is not None and not session.socket.closed:
            await session.socket.send_str(json.dumps(frame))
        return sent

    async def slash(self, name: str, options: dict[str, tuple[int, Any]] | None = None, **where: Any) -> str:
        """An application command interaction; options map a name to (option type, value). Returns its token."""
        data = {
            "id": snowflake(),
            "name": name,
            "type": 1,
            "options": [{"name": k, "type": t, "value": v} for k, (t, v) in (options or {}).items()],
        }
        payload = interaction_payload(2, data, **where)
        await self.dispatch("INTERACTION_CREATE", payload)
        return str(payload["token"])

    async def click(self, message: dict[str, Any], custom_id: str, user_id: int = ALICE, **data: Any) -> str:
        payload = interaction_payload(
            3, {"custom_id": custom_id, "component_type": 2, **data}, user_id, in_guild=True, message=message
        )
        self._original[str(payload["token"])] = message["id"]  # an update (type 7) edits this message
        await self.dispatch("INTERACTION_CREATE", payload)
        return str(payload["token"])

    async def dm(self, content: str, user_id: int = ALICE) -> None:
        await self.dispatch("MESSAGE_CREATE", message_payload(content, user_id=user_id))

    async def drop_connection(self, code: int = 4000) -> None:
        """Close the bot's gateway connection the way Discord does when it wants a reconnect."""
        session = self.live_session()
        assert session.socket is not None
        await session.socket.close(code=code)

    # --- REST

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body, files = await _read_body(request)
        call = Call(request.method, path, body, files, time.perf_counter())
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()
        for failure in self.failures:
            if failure.remaining and failure.method == request.method and failure.pattern.search(path):
                failure.remaining -= 1
                call.status = failure.status
                return _json(failure.body, failure.status, failure.headers)
        reply = self._answer(request.method, path, body, request.query)
        if reply is None:
            return web.Response(status=204)
        return _json(reply)

    def _answer(self, method: str, path: str, body: Any, query: Any) -> Any:
        if path == "/users/@me":
            return bot_user()
        if path == "/oauth2/applications/@me":
            return {
                "id": str(APP_ID),
                "name": "profile-bot",
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": user_payload(ALICE, "owner"),
                "team": None,
                "verify_key": "0" * 64,
                "flags": 0,
            }
        if path == "/gateway/bot":
            limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
            return {"url": self.gateway_url, "shards": 1, "session_start_limit": limit}
        if re.fullmatch(r"/applications/\d+/commands", path):
            if method == "PUT":
                self.commands = [{**c, "id": snowflake(), "application_id": str(APP_ID), "version": "1"} for c in body]
            return self.commands
        if re.fullmatch(r"/applications/\d+/guilds/\d+/commands", path):
            return []
        if m := re.fullmatch(r"/interactions/(\d+)/([^/]+)/callback", path):
            return self._callback(m[1], m[2], body)
        if m := re.fullmatch(r"/webhooks/\d+/([^/]+)/messages/([^/]+)", path):
            return self._message(body if method == "PATCH" else None, self._webhook_message_id(m[1], m[2]))
        if m := re.fullmatch(r"/webhooks/\d+/([^/]+)", path):
            return self._message(body, None, token=m[1])
        if m := re.fullmatch(r"/channels/(\d+)/messages(?:/(\d+))?", path):
            return self._message(body if method != "GET" else None, m[2], channel_id=m[1])
        if path == "/users/@me/channels":
            recipient = int(body["recipient_id"])
            user = user_payload(recipient, "owner")
            return {"id": str(dm_channel_id(recipient)), "type": 1, "recipients": [user]}
        if re.fullmatch(r"/users/\d+", path):
            return user_payload(int(path.rsplit("/", 1)[1]), "owner")
        return {"message": "404: Not Found", "code": 0}

    def _callback(self, interaction_id: str, token: str, body: dict[str, Any]) -> dict[str, Any]:
        kind = body.get("type")
        message = None
        if kind in (4, 7):
            existing = self._original.get(token) if kind == 7 else None
            message = self._message(body.get("data") or {}, existing, token=token)
        interaction = {
            "id": interaction_id,
            "type": 2,
            "response_message_id": message["id"] if message else None,
            "response_message_loading": kind == 5,
            "response_message_ephemeral": bool((body.get("data") or {}).get("flags", 0) & 64),
        }
        return {"interaction": interaction, "resource": {"type": kind, **({"message": message} if message else {})}}

    def _webhook_message_id(self, token: str, message_id: str) -> str | None:
        if message_id != "@original":
            return message_id
        return self._original.get(token)

    def _message(
        self, body: dict[str, Any] | None, message_id: str | None, token: str | None = None, channel_id: str = "0"
    ) -> dict[str, Any]:
        body = body or {}
        message_id = message_id or snowflake()
        message = bot_message(body, self.messages.get(message_id, {}), message_id, channel_id)
        self.messages[message_id] = message
        if token is not None:
            self._original.setdefault(token, message_id)
        return message

    # --- gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        connection = Connection(time.perf_counter())
        self.connections.append(connection)
        await socket.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        async for frame in socket:
            if frame.type is not WSMsgType.TEXT:
                continue
            message = json.loads(frame.data)
            op, data = message.get("op"), message.get("d")
            if op == 1:
                await socket.send_str(json.dumps({"op": 11}))
            elif op == 2:
                await self._identified(socket, connection, data)
            elif op == 6:
                await self._resumed(socket, connection, data)
        connection.close_code = socket.close_code
        connection.closed.set()
        async with self._changed:
            self._changed.notify_all()
        return socket

    async def _identified(self, socket: web.WebSocketResponse, connection: Connection, data: dict[str, Any]) -> None:
        session = Session(f"session-{next(_sessions)}", socket=socket)
        self.sessions[session.session_id] = session
        ready = {
            "v": 10,
            "user": bot_user(),
            "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
            "session_id": session.session_id,
            "resume_gateway_url": self.gateway_url,
            "shard": data.get("shard", [0, 1]),
            "application": {"id": str(APP_ID), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
        await self.dispatch("READY", ready)
        await self.dispatch("GUILD_CREATE", guild_payload())
        async with self._changed:
            connection.identify = data
            self._changed.notify_all()

    async def _resumed(self, socket: web.WebSocketResponse, connection: Connection, data: dict[str, Any]) -> None:
        session = self.sessions.get(data["session_id"])
        if session is None:
            await socket.send_str(json.dumps({"op": 9, "d": False}))  # invalid session: identify again
            return
        session.socket = socket
        for frame in session.events:
            if frame["s"] > (data.get("seq") or 0):
                await socket.send_str(json.dumps(frame))
        await self.dispatch("RESUMED", {})
        async with self._changed:
            connection.resume = data
            self._changed.notify_all()


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # discord.py reads a body as JSON only when the content type is exactly application/json, as Discord sends.
    # A 429 without Discord's Via header reads as a Cloudflare ban to discord.py, which then does not retry.
    fixed = {"Content-Type": "application/json", "Via": "1.1 google"}
    return web.Response(body=json.dumps(data).encode(), status=status, headers={**fixed, **(headers or {})})


async def _read_body(request: web.Request) -> tuple[Any, list[str]]:
    if request.content_type.startswith("multipart/"):
        body: Any = None
        files: list[str] = []
        reader = await request.multipart()
        async for part in reader:
            if part.name == "payload_json":  # type: ignore[union-attr]
                body = json.loads(await part.text())  # type: ignore[union-attr]
            else:
                files.append(part.filename or "")  # type: ignore[union-attr]
                await part.read()  # type: ignore[union-attr]
        return body, files
    if request.can_read_body:
        text = await request.text()
        return (json.loads(text) if text else None), []
    return None, []
