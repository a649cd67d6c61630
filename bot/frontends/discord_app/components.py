"""Buttons and menus under an answer, kept alive by their custom ids (discord.ui.DynamicItem): pages,
clarification menus and did-you-mean buttons work after a restart and in any process of the bot.

A custom id holds who asked and what was asked (a command's typed values or a short question). A click
finds the answer in this process's recent answers, or asks again and checks that the page on screen is
the page the new answer gives; when neither works (a long context-dependent question, a reloaded
profile), the user is asked, privately, to ask again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, cast

import discord

from bot.answers.answer import Answer
from bot.safety import clip

from . import limits
from .command_requests import QuestionRequest, Request, decode
from .render import paginate

if TYPE_CHECKING:
    from .client import ProfileBot

CUSTOM_ID = 100  # Discord's limit on a custom id
MAX_SUGGESTION_BUTTONS = 5
NOT_REPLAYABLE = "-"


def source_of(request: Request | None) -> str:
    """What a custom id keeps of a request: its encoding, or "-" when there is none or it is too long."""
    if request is None:
        return NOT_REPLAYABLE
    encoded = request.encode()
    return encoded if len(encoded) <= 60 else NOT_REPLAYABLE


def _fits(custom_id: str) -> bool:
    return len(custom_id) <= CUSTOM_ID


class _ForTheAsker:
    """Only the person who asked can use an answer's components."""

    asker: int

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        if interaction.user.id == self.asker:
            return True
        await interaction.response.send_message(
            "Only the person who asked can use these buttons; ask your own question to get your own.", ephemeral=True
        )
        return False


PAGE_TEMPLATE = r"pb:pg:(?P<asker>\d+):(?P<shown>\d+)(?P<step>[<>]):(?P<source>.*)"


class PageButton(_ForTheAsker, discord.ui.DynamicItem[discord.ui.Button[Any]], template=PAGE_TEMPLATE):
    def __init__(self, asker: int, shown: int, step: int, source: str, *, disabled: bool = False) -> None:
        arrow = ">" if step > 0 else "<"
        super().__init__(
            discord.ui.Button(
                label="Next" if step > 0 else "Previous",
                emoji="▶️" if step > 0 else "◀️",
                style=discord.ButtonStyle.secondary,
                custom_id=f"pb:pg:{asker}:{shown}{arrow}:{source}",
                disabled=disabled,
            ),
            row=0,
        )
        self.asker, self.shown, self.step, self.source = asker, shown, step, source

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> PageButton:
        step = 1 if match["step"] == ">" else -1
        return cls(int(match["asker"]), int(match["shown"]), step, match["source"])

    async def callback(self, interaction: discord.Interaction) -> None:
        bot = cast("ProfileBot", interaction.client)
        await bot.turn_page(interaction, self.shown, self.step, self.source)


ASK_TEMPLATE = r"pb:ask:(?P<asker>\d+):(?P<request>.+)"


class AskButton(_ForTheAsker, discord.ui.DynamicItem[discord.ui.Button[Any]], template=ASK_TEMPLATE):
    """A did-you-mean: clicking asks the suggested question or runs the suggested command."""

    def __init__(self, asker: int, request: str, label: str) -> None:
        super().__init__(
            discord.ui.Button(
                label=clip(label, limits.BUTTON_LABEL),
                style=discord.ButtonStyle.primary,
                custom_id=f"pb:ask:{asker}:{request}",
            ),
            row=2,
        )
        self.asker, self.request = asker, request

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> AskButton:
        label = getattr(item, "label", None) or "ask"
        return cls(int(match["asker"]), match["request"], label)

    async def callback(self, interaction: discord.Interaction) -> None:
        bot = cast("ProfileBot", interaction.client)
        request = decode(self.request)
        if request is None:
            await bot.expired(interaction)
            return
        await bot.follow(interaction, request)


PICK_TEMPLATE = r"pb:pick:(?P<asker>\d+):(?P<source>.*)"


class ChoiceMenu(_ForTheAsker, discord.ui.DynamicItem[discord.ui.Select[Any]], template=PICK_TEMPLATE):
    """The candidates of a clarification ("Which Li do you mean?"); the option values are the candidates."""

    def __init__(self, asker: int, source: str, options: tuple[str, ...]) -> None:
        super().__init__(
            discord.ui.Select(
                placeholder="Choose one",
                custom_id=f"pb:pick:{asker}:{source}",
                options=[
                    discord.SelectOption(label=clip(o, limits.SELECT_OPTION_LABEL), value=clip(o, limits.CHOICE_VALUE))
                    for o in options[: limits.SELECT_OPTIONS]
                ]
                or [discord.SelectOption(label="-")],
            ),
            row=1,
        )
        self.asker, self.source = asker, source

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ChoiceMenu:
        return cls(int(match["asker"]), match["source"], ())

    async def callback(self, interaction: discord.Interaction) -> None:
        bot = cast("ProfileBot", interaction.client)
        values = self.item.values
        if not values:
            await bot.expired(interaction)
            return
        await bot.pick(interaction, self.source, str(values[0]))


DYNAMIC_ITEMS = (PageButton, AskButton, ChoiceMenu)


def components_for(answer: Answer, asker: int, source: str, shown: int = 0) -> discord.ui.View | None:
    """The components under page `shown` of an answer, or None when it needs none.

    The view is stopped before it is sent: discord.py then keeps no per-message state for it, and every
    click goes through the registered dynamic items (the same path after a restart)."""
    view = discord.ui.View(timeout=None)
    pages = paginate(answer)
    if len(pages) > 1:
        view.add_item(PageButton(asker, shown, -1, source, disabled=shown == 0))
        view.add_item(
            discord.ui.Button(
                label=f"{shown + 1}/{len(pages)}",
                style=discord.ButtonStyle.secondary,
                disabled=True,
                custom_id=f"pb:at:{shown}",
                row=0,
            )
        )
        view.add_item(PageButton(asker, shown, +1, source, disabled=shown >= len(pages) - 1))
    if answer.clarification and answer.suggestions:
        if _fits(f"pb:pick:{asker}:{source}"):
            view.add_item(ChoiceMenu(asker, source, answer.suggestions))
    elif answer.suggestions:
        for question in dict.fromkeys(answer.suggestions[:MAX_SUGGESTION_BUTTONS]):
            encoded = QuestionRequest(question).encode()
            if _fits(f"pb:ask:{asker}:{encoded}"):
                view.add_item(AskButton(asker, encoded, question))
    if not view.children:
        return None
    view.stop()
    return view


def suggestion_view(asker: int, candidates: list[tuple[str, Request]]) -> discord.ui.View | None:
    """Did-you-mean buttons for an option value that matched nothing: each runs the command again."""
    view = discord.ui.View(timeout=None)
    for label, request in candidates[:MAX_SUGGESTION_BUTTONS]:
        encoded = request.encode()
        if _fits(f"pb:ask:{asker}:{encoded}"):
            view.add_item(AskButton(asker, encoded, label))
    if not view.children:
        return None
    view.stop()
    return view


def disabled_copy(view: discord.ui.View) -> discord.ui.View:
    """The same components greyed out (for answers whose buttons cannot outlive this process)."""
    for item in view.children:
        target = item.item if isinstance(item, discord.ui.DynamicItem) else item
        if isinstance(target, discord.ui.Button | discord.ui.Select):
            target.disabled = True
    return view
