"""Per-conversation memory for follow-ups, bounded in count and age, never shared between users."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from bot.query import Query

ConversationKey = tuple[str, str]  # (user, channel)
FOCUS_DEPTH = 2  # "which of the two is newer?" looks back at the last two papers talked about


@dataclass(slots=True)
class ConversationState:
    query: Query | None = None  # the last question a follow-up may edit, as it was answered
    shown: tuple[int, ...] = ()  # the papers of the last answer, in the order shown ("those", "else")
    listed: tuple[int, ...] = ()  # the last list of several papers, as displayed ("the second one")
    listed_before: tuple[int, ...] = ()  # the list before it: "which are first-author?", "and the other one?"
    people: tuple[str, ...] = ()  # person keys the last answer was about ("them", "her")
    people_before: tuple[str, ...] = ()  # those of an earlier answer: "Tobias? Hannah? any with both of them?"
    listed_people: tuple[str, ...] = ()  # the last answer listed people, not papers ("the second one")
    focus: tuple[int, ...] = ()  # the papers "it" and "the two" mean, most recent last
    pending: Query | None = None  # a question waiting for "which Li do you mean?"
    researcher_pronoun: str | None = None  # "he" or "she": what this conversation calls the researcher
    updated: float = 0.0

    def remember_focus(self, paper_id: int) -> None:
        focus = tuple(i for i in self.focus if i != paper_id)
        self.focus = (*focus, paper_id)[-FOCUS_DEPTH:]


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
