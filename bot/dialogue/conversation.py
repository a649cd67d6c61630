"""Per-conversation memory for follow-ups, bounded in count and age, never shared between users."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.corpus.model import Paper
from bot.understanding.query import Slots

ConversationKey = tuple[str, str]  # (user, channel)


@dataclass(slots=True)
class ConversationState:
    intent: str | None = None
    slots: Slots = field(default_factory=Slots)
    papers: tuple[Paper, ...] = ()  # what the last answer was about (shared with it, never copied)
    shown_list: tuple[Paper, ...] = ()  # the last list shown, for "the second one"
    focus: int | None = None  # the one paper the conversation is about, for "it"
    pending: tuple[str, Slots, tuple[str, ...]] | None = None  # a clarification awaiting a choice
    updated: float = 0.0


class ConversationStore:
    """At most `max_conversations`, each forgotten `max_age` seconds after its last message."""

    def __init__(
        self, max_conversations: int = 10_000, max_age: float = 1800.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.max_conversations = max_conversations
        self.max_age = max_age
        self.clock = clock
        self._states: OrderedDict[ConversationKey, ConversationState] = OrderedDict()

    def __len__(self) -> int:
        return len(self._states)

    def get(self, key: ConversationKey) -> ConversationState:
        now = self.clock()
        self._expire(now)
        state = self._states.get(key)
        if state is None:
            state = ConversationState(updated=now)
            self._states[key] = state
            while len(self._states) > self.max_conversations:
                self._states.popitem(last=False)
        else:
            self._states.move_to_end(key)
        state.updated = now
        return state

    def reset(self, key: ConversationKey) -> None:
        self._states.pop(key, None)

    def _expire(self, now: float) -> None:
        while self._states:
            oldest_key, oldest = next(iter(self._states.items()))
            if now - oldest.updated <= self.max_age:
                break
            del self._states[oldest_key]
