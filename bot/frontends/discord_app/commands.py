"""Slash commands. Typed option values are resolved (options.py) into a request of typed values
(command_requests.py), which the engine answers; a value that matches nothing gets a private
"did you mean" with buttons that run the command again with a suggestion."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import discord
from discord import app_commands

from . import chart
from .autocomplete import ChoiceList
from .command_requests import (
    BenchmarkRequest,
    CoauthorsRequest,
    PaperRequest,
    PapersRequest,
    QuestionRequest,
    Request,
    conversation_of,
)
from .components import suggestion_view
from .options import Resolution, resolve_benchmark, resolve_category, resolve_paper, resolve_person

if TYPE_CHECKING:
    from .client import ProfileBot

YEAR = app_commands.Range[int, 1900, 2100]
T = TypeVar("T")
F = TypeVar("F")


def public(command: F) -> F:
    """Installable to servers and to user accounts; usable in servers, DMs with the bot and group DMs."""
    command = app_commands.allowed_installs(guilds=True, users=True)(command)
    return app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)(command)


def owner_only(command: F) -> F:
    """Hidden from members without Manage Server until a server's admins say otherwise; servers only."""
    command = app_commands.default_permissions()(command)
    command = app_commands.allowed_installs(guilds=True, users=False)(command)
    return app_commands.guild_only()(command)


def _choices(options: ChoiceList, current: str) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=c.name, value=c.value) for c in options.search(current)]


def register_commands(bot: ProfileBot) -> None:
    tree = bot.tree

    async def paper_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(bot.autocomplete.papers, current)

    async def person_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(bot.autocomplete.people, current)

    async def benchmark_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(bot.autocomplete.benchmarks, current)

    async def category_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(bot.autocomplete.categories, current)

    async def reply(interaction: discord.Interaction, request: Request) -> None:
        async with bot.working():
            answer = bot.ask_in(request, interaction.user.id, interaction.channel_id)
            await bot.send_answer(interaction, answer, request)

    async def reply_resolved(
        interaction: discord.Interaction, resolution: Resolution[T], request_for: Callable[[T], Request]
    ) -> None:
        """The answer when the option resolved; otherwise a private note with did-you-mean buttons."""
        if resolution.value is not None:
            await reply(interaction, request_for(resolution.value))
            return
        candidates = [(label, request_for(value)) for label, value in resolution.candidates]
        view = suggestion_view(interaction.user.id, candidates)
        text = resolution.problem + (" Did you mean one of these?" if view is not None else "")
        if view is None:
            await interaction.response.send_message(text, ephemeral=True)
        else:
            await interaction.response.send_message(text, ephemeral=True, view=view)

    @tree.command(name="ask", description="Ask anything about the profile in plain words")
    @app_commands.describe(question="e.g. papers since 2025, who wrote it?, papers about hallucination")
    @public
    async def ask(interaction: discord.Interaction, question: app_commands.Range[str, 1, 2000]) -> None:
        await reply(interaction, QuestionRequest(question))

    @tree.command(name="papers", description="Papers by year or year range, optionally with code or in one class")
    @app_commands.rename(from_year="from", to_year="to", with_code="code")
    @app_commands.describe(
        year="one year",
        from_year="first year of a range",
        to_year="last year of a range",
        with_code="only papers marked with code",
        category="arXiv class: a code (CV, cs.CV) or a name (computer vision)",
    )
    @app_commands.autocomplete(category=category_choices)
    @public
    async def papers(
        interaction: discord.Interaction,
        year: YEAR | None = None,
        from_year: YEAR | None = None,
        to_year: YEAR | None = None,
        with_code: bool = False,
        category: app_commands.Range[str, 1, 100] | None = None,
    ) -> None:
        first, last = (year, year) if year is not None else (from_year, to_year)
        if first is not None and last is not None and first > last:
            first, last = last, first

        def request_for(code: str | None) -> Request:
            return PapersRequest(first, last, with_code, code)

        if category is None:
            await reply(interaction, request_for(None))
            return
        await reply_resolved(interaction, await resolve_category(category, bot.served.options), request_for)

    @tree.command(name="paper", description="One paper: date, class, listed authors, abstract and code")
    @app_commands.describe(title="start typing a title or system name, then pick one")
    @app_commands.autocomplete(title=paper_choices)
    @public
    async def paper(interaction: discord.Interaction, title: app_commands.Range[str, 1, 300]) -> None:
        await reply_resolved(interaction, await resolve_paper(title, bot.served.options), PaperRequest)

    @tree.command(name="benchmark", description="Papers that mention a benchmark or dataset")
    @app_commands.describe(name="e.g. ImageNet, SQuAD, HumanEval")
    @app_commands.autocomplete(name=benchmark_choices)
    @public
    async def benchmark(interaction: discord.Interaction, name: app_commands.Range[str, 1, 200]) -> None:
        resolution = await resolve_benchmark(name, bot.served.options)
        if resolution.value is None and not resolution.candidates:  # unknown anywhere: search the words
            await reply(interaction, BenchmarkRequest(name.strip(), known=False))
            return
        await reply_resolved(interaction, resolution, BenchmarkRequest)

    @tree.command(name="coauthors", description="Co-authors ranked by shared papers (of the researcher or one person)")
    @app_commands.describe(person="leave empty for the researcher's co-authors")
    @app_commands.autocomplete(person=person_choices)
    @public
    async def coauthors(
        interaction: discord.Interaction, person: app_commands.Range[str, 1, 200] | None = None
    ) -> None:
        if person is None:
            await reply(interaction, CoauthorsRequest(None))
            return
        await reply_resolved(interaction, await resolve_person(person, bot.served.options), CoauthorsRequest)

    @tree.command(name="topic", description="Papers about a topic, most relevant first")
    @app_commands.describe(query="e.g. hallucination, knowledge graphs, reinforcement learning")
    @public
    async def topic(interaction: discord.Interaction, query: app_commands.Range[str, 1, 200]) -> None:
        await reply(interaction, QuestionRequest(f"papers about {query}"))

    @tree.command(name="stats", description="h-index, citations, papers per year (with a chart)")
    @public
    async def stats(interaction: discord.Interaction) -> None:
        async with bot.working():
            await interaction.response.defer(thinking=True)
            engine = bot.engine
            conversation = conversation_of(interaction.user.id, interaction.channel_id)
            per_year = engine.run(engine.intent_query("year_counts"), conversation, "papers per year")
            figures = engine.run(engine.intent_query("profile_stats"), conversation, "stats")
            embed = bot.render(figures)
            embed.add_field(name="Papers per year", value=per_year.headline[:1024], inline=False)
            if not chart.available():  # installed without the `chart` extra: the same bars as text
                embed.add_field(name="Chart", value="\n".join(per_year.items)[:1024], inline=False)
                await bot.send_answer(interaction, figures, None, embed=embed)
                return
            title = f"{engine.corpus.researcher.name}: papers per year"
            png = await asyncio.to_thread(chart.bar_chart_png, per_year.chart, title)
            embed.set_image(url="attachment://papers_per_year.png")
            file = discord.File(io.BytesIO(png), filename="papers_per_year.png")
            await bot.send_answer(interaction, figures, None, file=file, embed=embed)

    @tree.command(name="reload", description="Re-read the profile file now (bot owner only)")
    @owner_only
    async def reload(interaction: discord.Interaction) -> None:
        if not bot.is_owner_user(interaction.user):
            await interaction.response.send_message("Only the bot's owner can reload the profile.", ephemeral=True)
            return
        async with bot.working():
            await interaction.response.defer(ephemeral=True, thinking=True)
            result = await bot.reload_profile(force=True)
            prefix = "Reloaded" if result.reloaded else "Reload failed"
            await interaction.followup.send(f"{prefix}: {result.message}"[:2000], ephemeral=True)

    @tree.command(name="help", description="What this bot can answer, with the commands and examples")
    @public
    async def help_command(interaction: discord.Interaction) -> None:
        async with bot.working():
            engine = bot.engine
            conversation = conversation_of(interaction.user.id, interaction.channel_id)
            answer = engine.run(engine.intent_query("help"), conversation, "help")
            await bot.send_answer(interaction, answer, None)
