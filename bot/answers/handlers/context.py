"""What a handler may use besides the corpus and the slots: read-only conversation facts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.answers.answer import Answer
from bot.corpus.model import Corpus
from bot.corpus.topics import TopicHit
from bot.understanding.query import Slots


def _no_topics(words: Sequence[str]) -> list[TopicHit]:
    del words
    return []


@dataclass(frozen=True, slots=True)
class HandlerContext:
    focus: int | None = None  # the paper "it" refers to
    search_topics: Callable[[Sequence[str]], list[TopicHit]] = field(default=_no_topics)
    topic_ignore: frozenset[str] = frozenset()
    suggestions: tuple[str, ...] = ()  # questions to offer in the fallback
    close_suggestions: bool = False  # they resemble what was typed (did-you-mean), not just examples


Handler = Callable[[Corpus, Slots, HandlerContext], Answer]
