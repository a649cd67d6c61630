"""Buttons and menus under an answer: pages, clarification choices, did-you-mean suggestions.

Only the person who asked can use them; they stop after a while and grey themselves out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import discord

from bot.answers.answer import Answer
from bot.dialogue.conversation import ConversationKey
from bot.safety import clip

from . import limits
from .render import embed_for, paginate

log = logging.getLogger(__name__)
VIEW_TIMEOUT = 180.0
MAX_SUGGESTION_BUTTONS = 5

AskFunction = Callable[[str, ConversationKey], Answer]


class PageButton(discord.ui.Button["AnswerView"]):
    def __init__(self, step: int, label: str, emoji: str) -> None:
        super().__init__(label=label, emoji=emoji, style=discord.ButtonStyle.secondary, row=0)
        self.step = step

    async def callback(self, interaction: discord.Interaction) -> None:
        assert self.view is not None
        await self.view.turn(interaction, self.step)


class QuestionButton(discord.ui.Button["AnswerView"]):
    """A did-you-mean suggestion: clicking asks it."""

    def __init__(self, question: str) -> None:
        super().__init__(label=clip(question, limits.BUTTON_LABEL), style=discord.ButtonStyle.primary, row=2)
        self.question = question

    async def callback(self, interaction: discord.Interaction) -> None:
        assert self.view is not None
        await self.view.follow(interaction, self.question)


class ChoiceSelect(discord.ui.Select["AnswerView"]):
    """The candidates of a clarification ("Which Li do you mean?")."""

    def __init__(self, options: tuple[str, ...]) -> None:
        super().__init__(
            placeholder="Choose one",
            options=[
                discord.SelectOption(label=clip(o, limits.SELECT_OPTION_LABEL), value=str(i))
                for i, o in enumerate(options[: limits.SELECT_OPTIONS])
            ],
            row=1,
        )
        self.choices = options

    async def callback(self, interaction: discord.Interaction) -> None:
        assert self.view is not None
        await self.view.follow(interaction, self.choices[int(self.values[0])])


class AnswerView(discord.ui.View):
    """Everything clickable under one answer."""

    def __init__(
        self,
        answer: Answer,
        asker_id: int,
        conversation: ConversationKey,
        ask: AskFunction,
        timeout: float = VIEW_TIMEOUT,
    ) -> None:
        super().__init__(timeout=timeout)
        self.answer = answer
        self.asker_id = asker_id
        self.conversation = conversation
        self.ask = ask
        self.pages = paginate(answer)
        self.index = 0
        self.message: discord.Message | discord.InteractionMessage | None = None
        if len(self.pages) > 1:
            self._add_pager()
        if answer.clarification and answer.suggestions:
            self._add_choices(answer.suggestions)
        elif answer.suggestions:
            self._add_suggestions(answer.suggestions)

    @property
    def needed(self) -> bool:
        return bool(self.children)

    def embed(self) -> discord.Embed:
        return embed_for(self.answer, self.pages[self.index], len(self.pages), self.index + 1)

    # --- building

    def _add_pager(self) -> None:
        self.previous = PageButton(-1, "Previous", "◀️")
        self.position: discord.ui.Button[AnswerView] = discord.ui.Button(
            label=self._position_label(), style=discord.ButtonStyle.secondary, disabled=True, row=0
        )
        self.next = PageButton(+1, "Next", "▶️")
        for item in (self.previous, self.position, self.next):
            self.add_item(item)
        self._update_pager()

    def _add_choices(self, options: tuple[str, ...]) -> None:
        self.add_item(ChoiceSelect(options))

    def _add_suggestions(self, suggestions: tuple[str, ...]) -> None:
        for question in suggestions[:MAX_SUGGESTION_BUTTONS]:
            self.add_item(QuestionButton(question))

    def _position_label(self) -> str:
        return f"{self.index + 1}/{len(self.pages)}"

    def _update_pager(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1
        self.position.label = self._position_label()

    # --- behaviour

    async def turn(self, interaction: discord.Interaction, step: int) -> None:
        self.index = max(0, min(len(self.pages) - 1, self.index + step))
        self._update_pager()
        await interaction.response.edit_message(embed=self.embed(), view=self)

    async def follow(self, interaction: discord.Interaction, text: str) -> None:
        """Ask the engine on the asker's behalf and turn this message into the new answer."""
        answer = self.ask(text, self.conversation)
        view = AnswerView(answer, self.asker_id, self.conversation, self.ask, timeout=self.timeout or VIEW_TIMEOUT)
        self.stop()
        await interaction.response.edit_message(embed=view.embed(), view=view if view.needed else None)
        if view.needed:
            view.message = interaction.message

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        if interaction.user.id == self.asker_id:
            return True
        await interaction.response.send_message(
            "Only the person who asked can use these buttons; ask your own question to get your own.", ephemeral=True
        )
        return False

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button | discord.ui.Select):
                item.disabled = True
        if self.message is not None:
            try:
                await self.message.edit(view=self)
            except discord.HTTPException as err:
                log.info("could not disable an expired view: %s", err)

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any], /) -> None:
        log.exception("view callback failed", exc_info=error)
        try:
            if interaction.response.is_done():
                await interaction.followup.send("Sorry, that did not work.", ephemeral=True)
            else:
                await interaction.response.send_message("Sorry, that did not work.", ephemeral=True)
        except discord.HTTPException:
            log.warning("could not tell the user about a failed view callback")
