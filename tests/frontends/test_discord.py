"""The Discord front end, offline: real discord.py Interaction and Message objects through the real
CommandTree and views, with every HTTP request recorded and validated against Discord's spec."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.corpus.model import Corpus
from bot.corpus.synth import synth_page
from tests.conftest import SHARED
from tests.frontends.discord_fakes import ALICE, BOB, OfflineDiscord, Request, custom_ids

ROOT = Path(__file__).resolve().parents[2]
HAS_SPEC = (SHARED / "discord" / "openapi.json").exists()
needs_spec = pytest.mark.skipif(not HAS_SPEC, reason="../shared/discord/openapi.json is absent (fresh clone)")


@pytest.fixture
async def discord_env(shipped: Corpus) -> AsyncIterator[OfflineDiscord]:
    env = await OfflineDiscord.start(shipped)
    yield env
    await env.aclose()


def callbacks(env: OfflineDiscord) -> list[dict[str, Any]]:
    return [r.body for r in env.recorder.requests if r.path.endswith("/callback")]


def embed_of(body: dict[str, Any]) -> dict[str, Any]:
    embeds = body.get("data", body).get("embeds") or []
    assert len(embeds) == 1, body
    return embeds[0]  # type: ignore[no-any-return]


def assert_valid(requests: list[Request]) -> None:
    if not HAS_SPEC:
        return
    from tests.frontends.discord_spec import schema_errors

    for request in requests:
        if request.body is None:
            continue
        errors = schema_errors(request.method, request.path, request.body)
        assert errors == [], (request.method, request.path, errors)


# --- slash commands


async def test_papers_command_options_become_slots(discord_env: OfflineDiscord) -> None:
    await discord_env.command("papers", {"year": 2025, "code": True})
    (reply,) = callbacks(discord_env)
    assert reply["type"] == 4
    embed = embed_of(reply)
    assert embed["title"] == "2 papers with code from 2025, newest first:"
    assert embed["description"].startswith("1. DeepEyes: Incentivizing")
    assert reply["data"]["allowed_mentions"] == {"parse": []}
    assert_valid(discord_env.recorder.requests)


async def test_papers_range_and_category(discord_env: OfflineDiscord) -> None:
    await discord_env.command("papers", {"from": 2023, "to": 2020, "category": "IR"})
    assert embed_of(callbacks(discord_env)[0])["title"] == ("1 paper in IR (Information Retrieval) from 2020 to 2023:")


async def test_ask_command_uses_the_engine(discord_env: OfflineDiscord) -> None:
    await discord_env.command("ask", {"question": "who wrote HiTeA?"})
    embed = embed_of(callbacks(discord_env)[0])
    assert embed["title"].startswith("Listed authors of HiTeA: Qinghao Ye, Guohai Xu, Ming Yan et al.")
    assert_valid(discord_env.recorder.requests)


async def test_paper_command_with_an_autocompleted_title(discord_env: OfflineDiscord) -> None:
    (choice, *_) = await discord_env.autocomplete("paper", "title", "deepeyesv2")
    assert choice == {"name": "DeepEyesV2: Toward Agentic Multimodal Model", "value": choice["name"]}
    await discord_env.command("paper", {"title": choice["value"]})
    embed = embed_of(callbacks(discord_env)[-1])
    assert embed["title"] == "DeepEyesV2: Toward Agentic Multimodal Model"
    assert embed["description"].startswith("Agentic multimodal models should")
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Class"] == "CV (Computer Vision and Pattern Recognition)"
    assert fields["Benchmarks"] == "RealX-Bench"
    assert_valid(discord_env.recorder.requests)


async def test_paper_command_with_typed_text(discord_env: OfflineDiscord) -> None:
    await discord_env.command("paper", {"title": "deepeyes v2"})
    assert embed_of(callbacks(discord_env)[0])["title"] == "DeepEyesV2: Toward Agentic Multimodal Model"


async def test_benchmark_and_coauthors_commands(discord_env: OfflineDiscord) -> None:
    await discord_env.command("benchmark", {"name": "msr vtt"})
    await discord_env.command("coauthors", {})
    await discord_env.command("coauthors", {"person": "haiyangxu"})
    bench, mine, haiyang = (embed_of(b) for b in callbacks(discord_env))
    assert bench["title"] == "2 papers mention MSR-VTT:"
    assert mine["title"].startswith("Among the listed authors, Guohai Xu's most frequent co-authors are Haiyang Xu")
    assert haiyang["title"].startswith("Among the listed authors, Haiyang Xu's most frequent co-authors are Guohai Xu")
    assert_valid(discord_env.recorder.requests)


async def test_stats_defers_then_follows_up_with_a_chart(discord_env: OfflineDiscord) -> None:
    await discord_env.command("stats")
    defer, followup = discord_env.recorder.requests
    assert (defer.path.endswith("/callback") and defer.body == {"type": 5, "data": {}}) or defer.body["type"] == 5
    assert followup.method == "POST" and followup.path == "/webhooks/{webhook_id}/{webhook_token}"
    assert followup.files == ["papers_per_year.png"]
    embed = embed_of(followup.body)
    assert (
        embed["title"]
        == "Guohai Xu: h-index 29, 3,988 citations, 23 papers, primary area CL (Computation and Language)."
    )
    assert embed["image"]["url"] == "attachment://papers_per_year.png"
    assert_valid(discord_env.recorder.requests)


async def test_help_command(discord_env: OfflineDiscord) -> None:
    await discord_env.command("help", in_guild=False)
    embed = embed_of(callbacks(discord_env)[0])
    assert embed["title"].startswith("I answer questions about Guohai Xu's profile")


# --- autocomplete


async def test_autocomplete_papers_people_benchmarks(discord_env: OfflineDiscord) -> None:
    papers = await discord_env.autocomplete("paper", "title", "deepeye")
    assert [c["value"][:10] for c in papers[:2]] == ["DeepEyesV2", "DeepEyes: "]
    assert all(len(c["name"]) <= 100 for c in papers)
    people = await discord_env.autocomplete("coauthors", "person", "qinhao")
    assert people[0] == {"name": "Qinghao Ye", "value": "qinghaoye"}
    benchmarks = await discord_env.autocomplete("benchmark", "name", "csqa")
    assert benchmarks[0]["value"] == "CommonsenseQA"
    empty = await discord_env.autocomplete("paper", "title", "")
    assert len(empty) == 23
    assert_valid(discord_env.recorder.requests)


async def test_autocomplete_on_a_large_profile_stays_within_limits(tmp_path: Path) -> None:
    from bot.corpus.model import Corpus as CorpusType
    from bot.corpus.page_parser import parse_page

    corpus = CorpusType.from_document(parse_page(synth_page(2000, seed=5), "big.txt"))
    env = await OfflineDiscord.start(corpus)
    try:
        choices = await env.autocomplete("paper", "title", "neuro")
        assert 0 < len(choices) <= 25 and all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
        assert_valid(env.recorder.requests)
    finally:
        await env.aclose()


# --- pagination, clarification, suggestions


async def test_long_lists_paginate_and_only_the_asker_can_page(discord_env: OfflineDiscord) -> None:
    await discord_env.command("ask", {"question": "papers from 2023"})
    first = embed_of(callbacks(discord_env)[0])
    assert first["description"].count("\n") == 9  # ten papers on the first page
    assert first["footer"]["text"].startswith("Page 1/2 · 11 in all")
    message = discord_env.recorder.last_message()
    buttons = {label: cid for _, cid, label in custom_ids(message)}
    assert set(buttons) == {"Previous", "1/2", "Next"}

    await discord_env.click(message, buttons["Next"], user_id=BOB)  # not the asker
    refusal = discord_env.recorder.requests[-1].body
    assert refusal["data"]["flags"] == 64 and "Only the person who asked" in refusal["data"]["content"]

    await discord_env.click(message, buttons["Next"], user_id=ALICE)
    turned = discord_env.recorder.requests[-1].body
    assert turned["type"] == 7  # update the message in place
    assert embed_of(turned)["description"] == (
        "11. mPLUG-2: A Modularized Multi-modal Foundation Model Across Text, Image and Video (Feb 1, 2023, CV, code)"
    )
    assert_valid(discord_env.recorder.requests)


async def test_clarification_offers_a_menu(discord_env: OfflineDiscord) -> None:
    await discord_env.command("ask", {"question": "papers with Li"})
    message = discord_env.recorder.last_message()
    (select,) = [c for c in custom_ids(message) if c[0] == 3]
    assert [o["value"] for o in message["components"][0]["components"][0]["options"]] == [
        "Feng-Lin Li",
        "Chenliang Li",
        "Zichao Li",
    ]
    await discord_env.click(message, select[1], component_type=3, values=["Feng-Lin Li"])
    answer = discord_env.recorder.requests[-1].body
    assert embed_of(answer)["title"] == "4 papers with Feng-Lin Li, newest first:"
    assert_valid(discord_env.recorder.requests)


async def test_fallback_offers_did_you_mean_buttons(discord_env: OfflineDiscord) -> None:
    await discord_env.command("ask", {"question": "xyzzy"})
    message = discord_env.recorder.last_message()
    buttons = {label: cid for kind, cid, label in custom_ids(message) if kind == 2}
    assert list(buttons) == ["papers from 2026", "papers since 2023", "latest paper"]
    await discord_env.click(message, buttons["latest paper"])
    update = discord_env.recorder.requests[-1].body
    assert update["type"] == 7
    assert embed_of(update)["title"].startswith("The latest paper (Feb 15, 2026): REDSearcher")
    assert_valid(discord_env.recorder.requests)


# --- errors and cooldowns


async def test_handler_exception_is_logged_and_apologised(
    discord_env: OfflineDiscord, caplog: Any, monkeypatch: Any
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(discord_env.bot.engine, "run", broken)
    await discord_env.command("help")
    reply = callbacks(discord_env)[-1]
    assert reply["data"]["flags"] == 64
    assert "Sorry, something went wrong" in reply["data"]["content"]
    assert any("boom" in (r.exc_text or "") or r.exc_info for r in caplog.records)


async def test_cooldown_answers_politely(shipped: Corpus) -> None:
    env = await OfflineDiscord.start(shipped, cooldown_rate=2, cooldown_seconds=60)
    try:
        for _ in range(3):
            await env.command("help")
        third = callbacks(env)[-1]
        assert third["data"]["flags"] == 64 and "You are asking quickly" in third["data"]["content"]
    finally:
        await env.aclose()


# --- direct messages and mentions through on_message


async def test_dm_conversation_with_a_followup(discord_env: OfflineDiscord) -> None:
    first = await discord_env.send("papers from 2025")
    second = await discord_env.send("which of these have code?")
    assert embed_of(first[-1].body)["title"] == "5 papers from 2025, newest first:"
    assert embed_of(second[-1].body)["title"] == "2 papers with code from 2025, newest first:"
    assert first[-1].path == "/channels/{channel_id}/messages"
    assert first[-1].body["allowed_mentions"] == {"parse": []}
    assert_valid(first + second)


async def test_mentions_in_servers_and_silence_otherwise(discord_env: OfflineDiscord) -> None:
    ignored = await discord_env.send("papers from 2021", in_guild=True)
    assert ignored == []
    answered = await discord_env.send("<@900000000000000002> papers from 2021", in_guild=True, mention_bot=True)
    body = answered[-1].body
    assert embed_of(body)["title"] == "1 paper from 2021:"
    assert body["message_reference"]["message_id"]
    assert body["allowed_mentions"]["replied_user"] is False
    assert_valid(answered)


async def test_bots_are_ignored(discord_env: OfflineDiscord) -> None:
    assert await discord_env.send("papers from 2021", author_is_bot=True) == []


async def test_echoed_pings_are_neutralised(discord_env: OfflineDiscord) -> None:
    sent = await discord_env.send("papers mentioning @everyone <@&123> <@42>")
    text = json.dumps(sent[-1].body)
    assert "@everyone" not in text.replace("@\\u200beveryone", "")
    assert "<@&123>" not in text and "<@42>" not in text


async def test_message_burst_gets_one_cooldown_reply(shipped: Corpus) -> None:
    env = await OfflineDiscord.start(shipped, cooldown_rate=5, cooldown_seconds=60)
    try:
        replies = []
        for _ in range(1000):
            replies += await env.send("h-index?")
        answers = [r for r in replies if (r.body or {}).get("embeds")]
        warnings = [r for r in replies if "asking quickly" in ((r.body or {}).get("content") or "")]
        assert (len(answers), len(warnings)) == (5, 1)
    finally:
        await env.aclose()


# --- the command set and the CLI


@needs_spec
def test_dumped_commands_validate() -> None:
    from tests.frontends.discord_spec import command_errors

    result = subprocess.run(
        [sys.executable, "-m", "bot", "discord", "--dump-commands"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    commands = json.loads(result.stdout)
    assert {c["name"] for c in commands} == {
        "ask",
        "papers",
        "paper",
        "benchmark",
        "coauthors",
        "topic",
        "stats",
        "reload",
        "help",
    }
    assert [error for command in commands for error in command_errors(command)] == []


def test_missing_token_is_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "discord"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2
    assert result.stderr == "error: DISCORD_TOKEN is not set: put the bot token in the environment or in .env\n"


async def test_message_handler_failure_apologises_and_keeps_running(
    discord_env: OfflineDiscord, monkeypatch: Any, caplog: Any
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("kaput")

    monkeypatch.setattr(discord_env.bot, "ask_in", broken)
    sent = await discord_env.send("papers from 2021")
    assert sent[-1].body["content"].startswith("Sorry, something went wrong")
    assert any(r.exc_info and "kaput" in str(r.exc_info[1]) for r in caplog.records)
    monkeypatch.undo()
    again = await discord_env.send("papers from 2021")
    assert again[-1].body["embeds"][0]["title"] == "1 paper from 2021:"


# --- live reload from Discord


async def test_reload_is_for_the_owner_and_keeps_the_last_good_corpus(tmp_path: Path) -> None:
    import os
    import time

    from bot.corpus.loading import load_corpus
    from tests.pages import ROBOTICS

    page = tmp_path / "ada.txt"

    def write(text: str, bump: int) -> None:
        page.write_text(text, encoding="utf-8")
        os.utime(page, ns=(time.time_ns() + bump * 10**9,) * 2)

    write(ROBOTICS.text(), 1)
    env = await OfflineDiscord.start(load_corpus(page), profile=page, owner_ids=frozenset({ALICE}))
    try:
        await env.command("reload", user_id=BOB)
        assert callbacks(env)[-1]["data"]["content"] == "Only the bot's owner can reload the profile."
        write(ROBOTICS.text().replace("h-index12", "h-indexXII"), 2)
        await env.command("reload", user_id=ALICE)
        assert callbacks(env)[-1] == {"type": 5, "data": {"flags": 64}}  # deferred first, privately
        failed = env.recorder.requests[-1].body
        assert failed["flags"] == 64
        assert failed["content"] == (
            f"Reload failed: {page}:4: expected a whole number for h index, got 'XII'; "
            "still serving the last good corpus"
        )
        await env.command("ask", {"question": "h-index?"}, user_id=ALICE)
        assert embed_of(callbacks(env)[-1])["title"] == "Ada Lovelace's h-index is 12."
        write(ROBOTICS.text().replace("h-index12", "h-index13"), 3)
        await env.command("reload", user_id=ALICE)
        assert env.recorder.requests[-1].body["content"] == f"Reloaded: {page}: reloaded, 4 papers"
        await env.command("ask", {"question": "h-index?"}, user_id=ALICE)
        assert embed_of(callbacks(env)[-1])["title"] == "Ada Lovelace's h-index is 13."
        assert_valid(env.recorder.requests)
    finally:
        await env.aclose()


# --- every kind of answer within Discord's limits, on a 10,000-paper profile


@pytest.fixture(scope="module")
def big_corpus() -> Corpus:
    from bot.corpus.page_parser import parse_page

    return Corpus.from_document(parse_page(synth_page(10_000, seed=11), "big.txt"))


def test_every_answer_fits_discord_on_a_large_profile(big_corpus: Corpus) -> None:
    from bot.engine import Engine
    from bot.frontends.discord_app import limits
    from bot.frontends.discord_app.command_requests import QuestionRequest
    from bot.frontends.discord_app.components import components_for, source_of
    from bot.frontends.discord_app.render import embed_for, paginate
    from bot.understanding.examples import intent_examples

    engine = Engine(big_corpus)
    questions = [q for _, q in intent_examples(big_corpus)] + [
        "list all papers",
        "papers with code",
        "papers with Li",
        "asdf qwerty",
    ]
    seen_intents = set()
    for number, question in enumerate(questions):
        conversation = ("big", str(number))
        answer = engine.ask(question, conversation)
        seen_intents.add(answer.intent)
        pages = paginate(answer)
        for index in {0, len(pages) - 1}:
            embed = embed_for(answer, pages[index], len(pages), index + 1)
            # the source the client keeps for a message (a long question's is not replayable)
            view = components_for(answer, ALICE, source_of(QuestionRequest(question)), index)
            assert len(embed) <= limits.EMBED_TOTAL, question
            assert len(embed.title or "") <= limits.EMBED_TITLE and len(embed.description or "") <= 4096
            assert len(embed.fields) <= limits.EMBED_FIELDS
            assert all(len(f.value or "") <= limits.EMBED_FIELD_VALUE for f in embed.fields)
            components = view.to_components() if view is not None else []
            body = {"embeds": [embed.to_dict()], "components": components, "allowed_mentions": {"parse": []}}
            assert len(body["components"]) <= limits.ACTION_ROWS
            if HAS_SPEC:
                from tests.frontends.discord_spec import schema_errors

                assert schema_errors("POST", "/channels/{channel_id}/messages", body) == [], question
    assert len(seen_intents) >= 15


async def test_stats_without_matplotlib_shows_text_bars(discord_env: OfflineDiscord, monkeypatch: Any) -> None:
    from bot.frontends.discord_app import chart

    monkeypatch.setattr(chart, "available", lambda: False)
    await discord_env.command("stats")
    followup = discord_env.recorder.requests[-1]
    assert followup.files == []
    fields = {f["name"]: f["value"] for f in embed_of(followup.body)["fields"]}
    assert fields["Chart"].splitlines()[3] == "2023: 11 ████████████"
    assert_valid(discord_env.recorder.requests)


async def test_watcher_tells_the_owners_about_a_bad_edit(tmp_path: Path) -> None:
    import os
    import time

    from bot.corpus.loading import load_corpus
    from tests.pages import ROBOTICS

    page = tmp_path / "ada.txt"
    page.write_text(ROBOTICS.text(), encoding="utf-8")
    env = await OfflineDiscord.start(load_corpus(page), profile=page, owner_ids=frozenset({BOB}))
    try:
        assert (await env.bot.check_profile_file()).changed is False
        page.write_text(ROBOTICS.text().replace("1,204citations", "lots of citations"), encoding="utf-8")
        os.utime(page, ns=(time.time_ns() + 10**9,) * 2)
        result = await env.bot.check_profile_file()
        assert (result.changed, result.reloaded) == (True, False)
        sent = env.recorder.requests[-1]
        assert sent.path == "/channels/{channel_id}/messages"
        assert sent.body["content"] == (
            f"Profile reload failed: {page}:6: expected a whole number for citations, "
            "got 'lots of'; still serving the last good corpus"
        )
        assert_valid(env.recorder.requests)
    finally:
        await env.aclose()


# --- installs, contexts, owners, intents, shards


def test_public_commands_install_anywhere_and_reload_is_hidden_and_guild_only(discord_env: OfflineDiscord) -> None:
    from bot.frontends.discord_app.runner import command_payload

    commands = {c["name"]: c for c in command_payload(discord_env.bot)}
    public = [c for name, c in commands.items() if name != "reload"]
    assert {(tuple(c["integration_types"]), tuple(c["contexts"])) for c in public} == {((0, 1), (0, 1, 2))}
    assert all(c.get("default_member_permissions") is None for c in public)
    reload = commands["reload"]
    assert (reload["integration_types"], reload["contexts"], reload["default_member_permissions"]) == ([0], [0], 0)


def test_owners_come_from_the_team_and_the_settings() -> None:
    import discord

    from bot.frontends.discord_app.client import owners_of
    from tests.frontends.discord_fakes import user_payload

    def member(user_id: int, role: str) -> dict[str, Any]:
        return {"user": user_payload(user_id, "m"), "membership_state": 2, "role": role, "team_id": "7"}

    team = {"id": "7", "name": "lab", "icon": None, "owner_user_id": "3", "members": [
        member(3, "admin"), member(ALICE, "developer"), member(BOB, "read_only"),
    ]}  # fmt: skip
    data = {
        "id": "1", "name": "bot", "description": "", "icon": None, "bot_public": True,
        "bot_require_code_grant": False, "owner": user_payload(3, "team"), "team": team, "verify_key": "0", "flags": 0,
    }  # fmt: skip
    env_state = discord.Client(intents=discord.Intents.none())._connection
    assert owners_of(discord.AppInfo(env_state, data)) == {3, ALICE}  # type: ignore[arg-type]
    solo = {**data, "team": None, "owner": user_payload(BOB, "solo")}
    assert owners_of(discord.AppInfo(env_state, solo)) == {BOB}  # type: ignore[arg-type]


def test_minimal_intents_and_no_message_cache(discord_env: OfflineDiscord) -> None:
    import discord

    assert discord_env.bot.intents == discord.Intents(guilds=True, guild_messages=True, dm_messages=True)
    assert discord_env.bot._connection.max_messages is None


@pytest.mark.parametrize(
    ("count", "ids", "problem"),
    [
        (None, None, None),
        (4, [0, 3], None),
        (None, [0], "--shard-ids needs --shard-count (the total number of shards)"),
        (2, [1, 2, 5], "--shard-ids 2,5: shard ids run from 0 to 1"),
        (2, [1, 1], "--shard-ids names a shard twice"),
        (0, None, "--shard-count must be at least 1, got 0"),
    ],
)
def test_shard_ids_are_checked_against_the_count(count: int | None, ids: list[int] | None, problem: str | None) -> None:
    from bot.frontends.discord_app.runner import shard_problem

    assert shard_problem(count, ids) == problem


# --- help, option did-you-mean, components after a restart


async def test_help_lists_the_commands_as_mentions_with_the_dm_hint(discord_env: OfflineDiscord) -> None:
    discord_env.bot.command_ids = {"ask": 11, "papers": 12}
    await discord_env.command("help")
    embed = embed_of(callbacks(discord_env)[0])
    assert embed["title"].startswith("I answer questions about Guohai Xu's profile")
    assert embed["description"].startswith("**In a server**, use the slash commands below or mention me")
    commands = embed["fields"][0]["value"].splitlines()
    assert commands[:3] == [
        "</ask:11> – Ask anything about the profile in plain words",
        "</papers:12> – Papers by year or year range, optionally with code or in one class",
        "/paper – One paper: date, class, listed authors, abstract and code",
    ]
    assert not any("reload" in line for line in commands)
    assert_valid(discord_env.recorder.requests)


async def test_an_option_matching_nothing_gets_a_private_did_you_mean(discord_env: OfflineDiscord) -> None:
    await discord_env.command("coauthors", {"person": "Ye"})
    note = callbacks(discord_env)[0]["data"]
    assert (note["flags"], note["content"]) == (
        64,
        "Several listed authors are called “Ye”. Did you mean one of these?",
    )
    message = discord_env.recorder.last_message()
    buttons = {label: cid for _, cid, label in custom_ids(message)}
    assert list(buttons) == ["Qinghao Ye", "Jiabo Ye"]
    await discord_env.click(message, buttons["Jiabo Ye"])
    answer = discord_env.recorder.requests[-1].body
    assert answer["type"] == 4 and "flags" not in answer["data"]  # a new answer for everyone
    assert embed_of(answer)["title"].startswith("Among the listed authors, Jiabo Ye's most frequent co-authors")
    assert_valid(discord_env.recorder.requests)


async def test_coauthors_of_a_stranger_is_not_the_researchers_list(discord_env: OfflineDiscord) -> None:
    await discord_env.command("coauthors", {"person": "Yann LeCun"})
    note = callbacks(discord_env)[0]["data"]
    assert note["content"] == "No one called “Yann LeCun” is among the listed authors on this profile."
    assert "components" not in note or note["components"] == []


async def test_pages_turn_after_a_restart_but_not_on_a_changed_profile(shipped: Corpus, robotics: Corpus) -> None:
    first = await OfflineDiscord.start(shipped)
    await first.command("papers", {"year": 2023})
    message = first.recorder.last_message()
    await first.aclose()
    next_page = {label: cid for _, cid, label in custom_ids(message)}["Next"]
    restarted = await OfflineDiscord.start(shipped)
    try:
        await restarted.click(message, next_page)
        turned = restarted.recorder.requests[-1].body
        assert turned["type"] == 7
        assert embed_of(turned)["description"].startswith("11. mPLUG-2")
        assert embed_of(turned)["footer"]["text"] == "Page 2/2 · 11 in all"
    finally:
        await restarted.aclose()
    other = await OfflineDiscord.start(robotics)
    try:
        await other.click(message, next_page)
        refusal = other.recorder.requests[-1].body["data"]
        assert refusal["flags"] == 64 and refusal["content"].startswith("This answer's buttons have expired")
    finally:
        await other.aclose()
