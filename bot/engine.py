"""The one core call: Engine.ask(text, conversation) -> Answer. Pure Python, no I/O once built."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.answers.answer import Answer
from bot.answers.handlers import HANDLERS, HandlerContext
from bot.answers.handlers.dialogue import example_questions
from bot.corpus.loading import load_corpus
from bot.corpus.model import Corpus
from bot.corpus.topics import TopicHit
from bot.dialogue.conversation import ConversationKey, ConversationState, ConversationStore
from bot.gc_control import collector_paused
from bot.paths import DEFAULT_PROFILE
from bot.understanding.matcher import Matcher
from bot.understanding.query import Match, Slots
from bot.understanding.reading import clean_message

log = logging.getLogger(__name__)
CONSOLE: ConversationKey = ("console", "console")
SUGGESTION_CUTOFF = 60.0
SUGGESTION_POOL_EACH = 1000


class Engine:
    def __init__(self, corpus: Corpus, store: ConversationStore | None = None) -> None:
        self.corpus = corpus
        with collector_paused():
            self.matcher = Matcher(corpus)
        self.conversations = store or ConversationStore()
        self._suggestion_pool = self._build_suggestion_pool()

    def replace_corpus(self, corpus: Corpus) -> None:
        """Serve a new corpus from the next message on; conversations in progress are kept."""
        with collector_paused():
            matcher = Matcher(corpus)
        self.corpus, self.matcher = corpus, matcher
        self._suggestion_pool = self._build_suggestion_pool()

    @classmethod
    def from_path(cls, path: Path | None = None) -> Engine:
        return cls(load_corpus(path or DEFAULT_PROFILE))

    # --- the core call

    def ask(self, text: str, conversation: ConversationKey = CONSOLE) -> Answer:
        state = self.conversations.get(conversation)
        match = self.matcher.match(text, state)
        answer = self.answer(match, state, text)
        self._remember(state, match, answer)
        return answer

    def respond(self, match: Match, conversation: ConversationKey, text: str = "") -> Answer:
        """Answer a ready-made Match (a slash command's) inside a conversation, remembering it."""
        state = self.conversations.get(conversation)
        answer = self.answer(match, state, text)
        self._remember(state, match, answer)
        return answer

    def answer(self, match: Match, state: ConversationState | None = None, text: str = "") -> Answer:
        """Run the handler for a match (slash commands build their Match directly)."""
        state = state or ConversationState()
        context = HandlerContext(
            focus=state.focus,
            search_topics=self._search_topics,
            topic_ignore=self.matcher.ignorable,
        )
        if match.intent == "fallback":
            suggestions, close = self.suggest(text)
            context = replace(context, suggestions=suggestions, close_suggestions=close)
        handler = HANDLERS.get(match.intent, HANDLERS["fallback"])
        try:
            answer = handler(self.corpus, match.slots, context)
        except Exception:  # a bug in one handler must not take the bot down
            log.exception("handler %s failed on %r", match.intent, text[:200])
            return Answer(
                intent="error",
                headline="Sorry, something went wrong answering that. Please try "
                "rephrasing; the problem has been logged.",
                confidence=0.0,
            )
        confidence = min(answer.confidence, match.confidence) if match.intent != "fallback" else 0.0
        note = " ".join(n for n in (*match.notes, answer.note) if n)
        return replace(answer, confidence=confidence, note=note)

    def reset(self, conversation: ConversationKey) -> None:
        self.conversations.reset(conversation)

    def warm(self) -> None:
        """Build the lazy indexes now (the Discord bot does this before its first message)."""
        with collector_paused():
            _ = self.matcher.topics

    # --- helpers

    def _search_topics(self, words: Sequence[str]) -> list[TopicHit]:
        return self.matcher.topics.search(words)

    def _remember(self, state: ConversationState, match: Match, answer: Answer) -> None:
        if answer.clarification and match.slots.ambiguous:
            candidates = match.slots.ambiguous[0][1]
            state.pending = (match.intent, match.slots, candidates)
            return
        state.pending = None
        if answer.intent in ("fallback", "help", "greeting", "thanks", "farewell", "error"):
            return
        state.intent = match.intent
        state.slots = replace(match.slots, within=None)
        if answer.papers:
            state.papers = answer.papers
            if len(answer.papers) > 1:
                state.shown_list = answer.papers
        if answer.focus is not None:
            state.focus = answer.focus.id
        elif len(answer.papers) == 1:
            state.focus = answer.papers[0].id

    def _build_suggestion_pool(self) -> dict[str, str]:
        """Phrases a mistyped question may have meant, mapped to a question that works."""
        # Bounded, so a fallback costs the same on a lab's 100,000 papers as on 23.
        pool = {q: q for q in example_questions(self.corpus)}
        for paper in [p for p in self.corpus.newest if p.system][:SUGGESTION_POOL_EACH]:
            pool[paper.system or ""] = f"tell me about {paper.system}"
        people = sorted(self.corpus.people.values(), key=lambda p: -len(p.papers))[:SUGGESTION_POOL_EACH]
        for person in people:
            pool[person.name] = f"papers with {person.name}"
        benchmarks = sorted(self.corpus.by_benchmark, key=lambda b: -len(self.corpus.by_benchmark[b]))
        for name in benchmarks[:SUGGESTION_POOL_EACH]:
            pool[name] = f"which papers mention {name}?"
        return pool

    def suggest(self, text: str, limit: int = 3) -> tuple[tuple[str, ...], bool]:
        """Questions close to what was typed (True), else a few examples (False)."""
        examples = tuple(example_questions(self.corpus)[:limit])
        clean, _ = clean_message(text)
        if len(clean) < 3 or not any(ch.isalpha() for ch in clean):
            return examples, False
        # WRatio favours short choices inside long text; score both directions and keep the weaker.
        scored = process.extract(
            clean,
            list(self._suggestion_pool),
            scorer=fuzz.WRatio,
            processor=str.casefold,
            limit=limit * 3,
            score_cutoff=SUGGESTION_CUTOFF,
        )
        picked = []
        for choice, _, _ in scored:
            both_ways = min(
                fuzz.WRatio(clean.casefold(), choice.casefold()),
                fuzz.token_sort_ratio(clean.casefold(), choice.casefold()),
            )
            if both_ways >= SUGGESTION_CUTOFF and self._suggestion_pool[choice] not in picked:
                picked.append(self._suggestion_pool[choice])
        return (tuple(picked[:limit]), True) if picked else (examples, False)


__all__ = ["CONSOLE", "Engine", "Slots"]
