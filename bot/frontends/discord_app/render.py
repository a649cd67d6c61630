"""Answers as Discord embeds, within every limit Discord documents, split into pages when long."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import discord

from bot.answers.answer import Answer, item_prefix
from bot.safety import clip, neutralise_mentions

from . import limits

PAGE_ITEMS = 10
PAGE_CHARS = 3500  # a page's list, leaving room for the rest of the embed within 6,000
COLOURS = {
    "paper": discord.Colour.blue(),
    "list": discord.Colour.teal(),
    "people": discord.Colour.purple(),
    "stats": discord.Colour.gold(),
    "help": discord.Colour.light_grey(),
    "problem": discord.Colour.orange(),
}
FAMILY = {
    "paper_details": "paper",
    "paper_code": "paper",
    "paper_results": "paper",
    "paper_introducing": "paper",
    "paper_authors": "paper",
    "coauthors": "people",
    "worked_with": "people",
    "profile_stats": "stats",
    "year_counts": "stats",
    "category_counts": "stats",
    "topic_counts": "stats",
    "help": "help",
    "greeting": "help",
    "thanks": "help",
    "farewell": "help",
    "fallback": "problem",
    "error": "problem",
}


def safe(text: str, limit: int) -> str:
    return clip(neutralise_mentions(text), limit)


@dataclass(frozen=True, slots=True)
class Page:
    start: int  # index of the first item on the page
    end: int


def paginate(answer: Answer) -> list[Page]:
    """Pages of at most PAGE_ITEMS items and PAGE_CHARS characters; at least one page."""
    pages: list[Page] = []
    start = 0
    while start < len(answer.items):
        end, size = start, 0
        while end < len(answer.items) and end - start < PAGE_ITEMS:
            line = len(item_prefix(answer, end)) + len(answer.items[end]) + 1
            if size + line > PAGE_CHARS and end > start:
                break
            size += line
            end += 1
        pages.append(Page(start, end))
        start = end
    return pages or [Page(0, 0)]


def embed_for(answer: Answer, page: Page | None = None, page_count: int = 1, page_number: int = 1) -> discord.Embed:
    """One page of an answer as an embed."""
    page = page or paginate(answer)[0]
    colour = COLOURS[FAMILY.get(answer.intent, "list")]
    title = answer.headline if len(answer.headline) <= limits.EMBED_TITLE else ""
    description_parts = [] if title else [answer.headline]
    lines = [
        safe(item_prefix(answer, i) + answer.items[i], limits.EMBED_DESCRIPTION) for i in range(page.start, page.end)
    ]
    description_parts += lines
    fields = list(answer.fields)
    abstract = next((value for label, value in fields if label == "Abstract"), None)
    if abstract is not None and not lines:
        fields = [(label, value) for label, value in fields if label != "Abstract"]
        description_parts.append(abstract)
    embed = discord.Embed(
        title=safe(title, limits.EMBED_TITLE) or None,
        description=safe("\n".join(description_parts), limits.EMBED_DESCRIPTION) or None,
        colour=colour,
    )
    if answer.focus is not None and answer.focus.code_link and title:
        embed.url = answer.focus.code_link
    for label, value in fields[: limits.EMBED_FIELDS]:
        embed.add_field(
            name=safe(label, limits.EMBED_FIELD_NAME),
            value=safe(value or "-", limits.EMBED_FIELD_VALUE),
            inline=len(value) <= 40,
        )
    footer = answer.note
    if page_count > 1:
        footer = f"Page {page_number}/{page_count} · {answer.total_items:,} in all" + (f" · {footer}" if footer else "")
    if footer:
        embed.set_footer(text=safe(footer, limits.EMBED_FOOTER))
    _fit_total(embed)
    return embed


def _fit_total(embed: discord.Embed) -> None:
    """Trim the description until the whole embed is within Discord's 6,000 characters."""
    excess = len(embed) - limits.EMBED_TOTAL
    if excess > 0 and embed.description:
        embed.description = clip(embed.description, max(1, len(embed.description) - excess - 1))
    while len(embed) > limits.EMBED_TOTAL and embed.fields:
        embed.remove_field(len(embed.fields) - 1)


HOW_TO_ASK = (
    "**In a server**, use the slash commands below or mention me with a question (@me papers since 2024). "
    "**In a DM**, just type your question; follow-ups such as “which of those have code?” work too."
)


def command_mention(name: str, command_ids: Mapping[str, int]) -> str:
    """A clickable command (</name:id>) when Discord's id for it is known, else its plain name."""
    command_id = command_ids.get(name)
    return f"</{name}:{command_id}>" if command_id else f"/{name}"


def help_embed(answer: Answer, commands: Sequence[Any], command_ids: Mapping[str, int]) -> discord.Embed:
    """The help answer for Discord: how to ask here, the public slash commands, then the examples."""
    fits = len(answer.headline) <= limits.EMBED_TITLE
    description = HOW_TO_ASK if fits else f"{answer.headline}\n\n{HOW_TO_ASK}"
    embed = discord.Embed(
        title=safe(answer.headline, limits.EMBED_TITLE) if fits else None,
        description=safe(description, limits.EMBED_DESCRIPTION),
        colour=COLOURS["help"],
    )
    public = [c for c in commands if getattr(c, "default_permissions", None) is None]
    lines = [f"{command_mention(c.name, command_ids)} – {c.description}" for c in public]
    embed.add_field(name="Slash commands", value=safe("\n".join(lines), limits.EMBED_FIELD_VALUE), inline=False)
    if answer.items:
        examples = "\n".join(f"• {item}" for item in answer.items)
        embed.add_field(name="Try", value=safe(examples, limits.EMBED_FIELD_VALUE), inline=False)
    if answer.note:
        embed.set_footer(text=safe(answer.note, limits.EMBED_FOOTER))
    _fit_total(embed)
    return embed
