"""Slash commands: typed options become a Query directly, so slash commands and free text share one executor."""

from __future__ import annotations

import io
from datetime import date
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.query import (
    AmongPapers,
    ByPerson,
    Clause,
    DateRange,
    During,
    HasCode,
    InCategory,
    MentionsBenchmark,
    MentionsPhrase,
    Operation,
    Query,
    Selection,
)

from . import chart
from .autocomplete import ChoiceList

if TYPE_CHECKING:
    from .client import ProfileBot

YEAR = app_commands.Range[int, 1900, 2100]


def _choices(options: ChoiceList, current: str) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=c.name, value=c.value) for c in options.search(current)]


def _papers(ids: tuple[int, ...], label: str) -> Selection:
    return Selection((Clause((AmongPapers(ids, label),)),))


def _conversation(interaction: discord.Interaction) -> tuple[str, str]:
    return (str(interaction.user.id), str(interaction.channel_id or "dm"))


def register_commands(bot: ProfileBot) -> None:
    tree = bot.tree
    engine = bot.engine

    async def paper_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(bot.autocomplete.papers, current)

    async def person_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(bot.autocomplete.people, current)

    async def benchmark_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(bot.autocomplete.benchmarks, current)

    async def category_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(bot.autocomplete.categories, current)

    async def reply(interaction: discord.Interaction, query: Query | None, text: str) -> None:
        """A typed Query when the options resolved, else the free-text engine on `text`."""
        conversation = _conversation(interaction)
        answer = engine.ask(text, conversation) if query is None else engine.run(query, conversation, text)
        await bot.send_answer(interaction, answer)

    @tree.command(name="ask", description="Ask anything about the profile in plain words")
    @app_commands.describe(question="e.g. papers since 2025, who wrote it?, papers about hallucination")
    async def ask(interaction: discord.Interaction, question: app_commands.Range[str, 1, 2000]) -> None:
        await reply(interaction, None, question)

    @tree.command(name="papers", description="Papers by year or year range, optionally with code or in one class")
    @app_commands.rename(from_year="from", to_year="to", with_code="code")
    @app_commands.describe(
        year="one year",
        from_year="first year of a range",
        to_year="last year of a range",
        with_code="only papers marked with code",
        category="arXiv class, e.g. CV",
    )
    @app_commands.autocomplete(category=category_choices)
    async def papers(
        interaction: discord.Interaction,
        year: YEAR | None = None,
        from_year: YEAR | None = None,
        to_year: YEAR | None = None,
        with_code: bool = False,
        category: str | None = None,
    ) -> None:
        clauses = []
        if year is not None:
            clauses.append(Clause((During((DateRange(date(year, 1, 1), date(year, 12, 31)),), str(year)),)))
        elif from_year is not None or to_year is not None:
            low, high = from_year, to_year
            if low is not None and high is not None and low > high:
                low, high = high, low
            label = f"{low or '…'}–{high or '…'}"
            start = date(low, 1, 1) if low is not None else None
            end = date(high, 12, 31) if high is not None else None
            clauses.append(Clause((During((DateRange(start, end),), label),)))
        if with_code:
            clauses.append(Clause((HasCode(),)))
        if category:
            clauses.append(Clause((InCategory(category.strip().upper()[:2]),)))
        query = Query("list_papers", Operation("list"), Selection(tuple(clauses)))
        await reply(interaction, query, "papers")

    @tree.command(name="paper", description="One paper: date, class, listed authors, abstract and code")
    @app_commands.describe(title="start typing a title or system name")
    @app_commands.autocomplete(title=paper_choices)
    async def paper(interaction: discord.Interaction, title: app_commands.Range[str, 1, 300]) -> None:
        chosen = int(title) if title.isdigit() and int(title) in engine.corpus.by_id else None
        query = (
            Query("paper_details", Operation("paper_fact", field="summary"), _papers((chosen,), title))
            if chosen
            else None
        )
        await reply(interaction, query, f"tell me about {title}")

    @tree.command(name="benchmark", description="Papers that mention a benchmark or dataset")
    @app_commands.describe(name="e.g. ImageNet, SQuAD, HumanEval")
    @app_commands.autocomplete(name=benchmark_choices)
    async def benchmark(interaction: discord.Interaction, name: app_commands.Range[str, 1, 200]) -> None:
        canonical = engine.corpus.gazetteer.canonical(name)
        atom = MentionsBenchmark(canonical) if canonical else MentionsPhrase(name.strip())
        query = Query("benchmark_papers", Operation("list"), Selection((Clause((atom,)),)))
        await reply(interaction, query, f"papers mentioning {name}")

    @tree.command(name="coauthors", description="Co-authors ranked by shared papers (of the researcher or one person)")
    @app_commands.describe(person="leave empty for the researcher's co-authors")
    @app_commands.autocomplete(person=person_choices)
    async def coauthors(
        interaction: discord.Interaction, person: app_commands.Range[str, 1, 200] | None = None
    ) -> None:
        ranking = Operation("rank_groups", group_by="coauthor")
        if person is None:
            query: Query | None = Query("coauthors", ranking)
        elif person in engine.corpus.people:
            found = engine.corpus.people[person]
            query = Query("coauthors", ranking, subject=ByPerson(found.key, found.name))
        else:
            query = None
        await reply(interaction, query, f"coauthors of {person}")

    @tree.command(name="topic", description="Papers about a topic, most relevant first")
    @app_commands.describe(query="e.g. hallucination, knowledge graphs, reinforcement learning")
    async def topic(interaction: discord.Interaction, query: app_commands.Range[str, 1, 200]) -> None:
        await reply(interaction, None, f"papers about {query}")

    @tree.command(name="stats", description="h-index, citations, papers per year (with a chart)")
    async def stats(interaction: discord.Interaction) -> None:
        # Drawing the chart imports matplotlib: defer first, then follow up.
        await interaction.response.defer(thinking=True)
        conversation = _conversation(interaction)
        per_year = engine.run(Query("year_counts", Operation("rank_groups", group_by="year")), conversation)
        figures = engine.run(Query("profile_stats", Operation("profile")), conversation)
        view = bot.view_for(figures, interaction.user.id, conversation)
        embed = view.embed()
        embed.add_field(name="Papers per year", value=per_year.headline[:1024], inline=False)
        if not chart.available():  # installed without the `chart` extra: the same bars as text
            embed.add_field(name="Chart", value="\n".join(per_year.items)[:1024], inline=False)
            await interaction.followup.send(embed=embed)
            return
        png = chart.bar_chart_png(per_year.chart, f"{engine.corpus.researcher.name}: papers per year")
        embed.set_image(url="attachment://papers_per_year.png")
        await interaction.followup.send(embed=embed, file=discord.File(io.BytesIO(png), filename="papers_per_year.png"))

    @tree.command(name="reload", description="Re-read the profile file now (bot owner only)")
    async def reload(interaction: discord.Interaction) -> None:
        if not bot.is_owner_user(interaction.user):
            await interaction.response.send_message("Only the bot's owner can reload the profile.", ephemeral=True)
            return
        result = bot.reload_profile(force=True)
        prefix = "Reloaded" if result.reloaded else "Reload failed"
        await interaction.response.send_message(f"{prefix}: {result.message}"[:2000], ephemeral=True)

    @tree.command(name="help", description="What this bot can answer, with examples")
    async def help_command(interaction: discord.Interaction) -> None:
        await reply(interaction, Query("help", Operation("chat", chat="help")), "help")
