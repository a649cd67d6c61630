"""The one core call: Engine.ask(text, conversation) -> Answer. Pure Python, no I/O once built.

    text --recognise--> Recognition --dialogue policy--> Query --execute--> Result --render--> Answer

Slash commands build their Query themselves and call `Engine.run`, so both share one executor."""

from __future__ import annotations

import itertools
import logging
from collections import Counter
from dataclasses import replace
from functools import cached_property, lru_cache
from operator import attrgetter
from pathlib import Path

from bot.answers.answer import Answer, PaperRows
from bot.answers.examples import example_questions
from bot.answers.execute import World, check_registry, execute
from bot.answers.render import render
from bot.answers.suggestions import Suggester
from bot.clock import today
from bot.corpus.collocations import in_other_compounds
from bot.corpus.loading import load_corpus
from bot.corpus.model import Corpus, person_key
from bot.corpus.topics import TopicHit, TopicIndex, TopicIndexBuild, may_be_a_term, topic_words
from bot.dialogue.conversation import ConversationKey, ConversationState, ConversationStore
from bot.dialogue.policy import DialoguePolicy
from bot.gc_control import collector_paused
from bot.paths import DEFAULT_PROFILE
from bot.precompiled import compiled_pattern
from bot.query import Query, Selection
from bot.understanding.concepts import Concept, ConceptHit, ConceptLexicon
from bot.understanding.intents import IntentSpec, load_intents
from bot.understanding.recognizer import Recognizer
from bot.understanding.slips import plausible_slip

log = logging.getLogger(__name__)
CONSOLE: ConversationKey = ("console", "console")
_POINTS_BACK = compiled_pattern(r"\b(?:it|its|this|that|they|them|their|those|these)\b")
TOPIC_CACHE = 256  # topic searches remembered per corpus (a message often searches its topic twice)


class Engine:
    def __init__(
        self, corpus: Corpus, store: ConversationStore | None = None, topics: TopicIndexBuild | None = None
    ) -> None:
        """`topics`: the topic index's build when it was started before the corpus was built."""
        self.intents: tuple[IntentSpec, ...] = load_intents()
        check_registry(spec.operation for spec in self.intents)
        self.by_intent = {spec.name: spec for spec in self.intents}
        self.conversations = store or ConversationStore()
        self._build(corpus, topics)

    def _build(self, corpus: Corpus, topics: TopicIndexBuild | None = None) -> None:
        with collector_paused():
            self.corpus = corpus
            self._topics: TopicIndex | None = None
            previous = getattr(self, "_build_topics", None)
            if previous is not None:
                previous.discard()
            self._build_topics = topics or TopicIndexBuild(corpus.papers)
            self._topic_hits = lru_cache(maxsize=TOPIC_CACHE)(self._search_topic)
            self.paper_rows = PaperRows(self._build_topics.written_rows)  # the JSON lines' papers
            self.recognizer = Recognizer(
                corpus,
                self.intents,
                topic_known=lambda topic: bool(self._topic_hits(topic, True)),
                papers_using=lambda word: self.topics.papers_using(word),
                phrase_used=lambda phrase: self.topics.uses_phrase(phrase),
                best_paper=self._best_paper,
                words_near=self._words_near,
            )
            self.policy = DialoguePolicy(corpus)
            self.examples = example_questions(corpus)
            self.suggester = Suggester(corpus, self.examples)
            self._nearer_topics: dict[str, tuple[tuple[str, int], ...]] = {}
            self.world = World.of(corpus, self._topic_hits, self.suggester.suggest, self.examples, self._nearer_topics)

    def replace_corpus(self, corpus: Corpus) -> None:
        """Serve a new corpus from the next message on; conversations in progress are kept."""
        self._build(corpus)

    @classmethod
    def from_path(cls, path: Path | None = None) -> Engine:
        return cls(load_corpus(path or DEFAULT_PROFILE))

    # --- the core call

    def ask(self, text: str, conversation: ConversationKey = CONSOLE) -> Answer:
        cleaned = self.recognizer.clean(text)
        parts = self.recognizer.cleaner.compound_parts(cleaned.text)
        if cleaned.context and _POINTS_BACK.search(parts[0].casefold()):
            parts = [
                cleaned.text
            ]  # "... Did she do a study on this, and what did they find?" reads the sentence before
        if len(parts) == 2:
            # "what's her newest paper and does it have code?": each in turn, the second in the light of the first
            return _joined(self._ask_one(parts[0], conversation), self._ask_one(parts[1], conversation))
        return self._ask_one(text, conversation)

    def _ask_one(self, text: str, conversation: ConversationKey) -> Answer:
        state = self.conversations.get(conversation)
        try:
            query = self.understand(text, state)
        except Exception:  # a bug in reading one message must not take the bot down
            log.exception("understanding failed on %r", text[:200])
            return _apology()
        answer = self._answer(query, text)
        self._remember(state, query, answer)
        return answer

    def understand(self, text: str, state: ConversationState | None = None) -> Query:
        """What a message asks, in the light of the conversation so far."""
        state = state or ConversationState()
        message = self.recognizer.clean(text)
        recognition = self.recognizer.recognize(message, today(), has_focus=bool(state.focus))
        return self.policy.decide(recognition, state)

    def intent_query(self, intent: str, selection: Selection | None = None) -> Query:
        """The query an intent asks with these filters (a slash command's), its operation from YAML."""
        return Query(intent, self.by_intent[intent].operation_for(), selection or Selection())

    def run(self, query: Query, conversation: ConversationKey, text: str = "") -> Answer:
        """Answer a ready-made Query (a slash command's) inside a conversation, remembering it."""
        state = self.conversations.get(conversation)
        answer = self._answer(query, text)
        self._remember(state, query, answer)
        return answer

    def _answer(self, query: Query, text: str) -> Answer:
        spec = self.by_intent.get(query.intent) or self.by_intent["fallback"]
        world = replace(self.world, text=text)
        try:
            result = execute(world, query)
            answer = render(result, self.corpus, spec.name, spec.family)
        except Exception:  # a bug in one handler must not take the bot down
            log.exception("answering %r failed on %r", query.intent, text[:200])
            return _apology()
        confidence = min(answer.confidence, query.confidence) if spec.name != "fallback" else 0.0
        note = " ".join(n for n in (*query.notes, answer.note) if n)
        return replace(answer, confidence=confidence, note=note, query=query.to_data())

    def reset(self, conversation: ConversationKey) -> None:
        self.conversations.reset(conversation)

    def warm(self) -> None:
        """Build what the first questions would otherwise build (the topic index, the lexicons, the
        time grammar, the compiled vocabulary) by answering one question nobody sees. The Discord bot
        and the benchmarks call it before the first real message."""
        scratch: ConversationKey = ("warm-up", "warm-up")
        with collector_paused():
            _ = self.topics
            self.ask("papers about retrieval from last year with code, not by nobody, R@1", scratch)
            self.ask("and the second one?", scratch)
            for question in ("papers per year", "papers per month", "top co-authors", "most frequent first authors",
                             "which benchmarks does he use?", "papers per category"):  # fmt: skip
                self.ask(question, scratch)
        self.conversations.reset(scratch)

    # --- memory

    def _remember(self, state: ConversationState, query: Query, answer: Answer) -> None:
        if answer.clarification and query.ambiguous:
            state.pending = query
            return
        state.pending = None
        spec = self.by_intent.get(query.intent)
        if spec is None or not spec.remembered or answer.intent == "error":
            return
        state.query = query
        state.shown = tuple(map(_ID, answer.papers))
        if len(state.shown) > 1:
            if state.shown != state.listed:
                state.listed_before = state.listed
            state.listed = state.shown
        researcher = self.corpus.researcher_key
        keys = (person_key(name) for name in answer.people)
        people = tuple(k for k in dict.fromkeys(keys) if k in self.corpus.people and k != researcher)
        if people and people != state.people:
            state.people_before, state.people = state.people or state.people_before, people
        # "top co-authors", then "papers with the second one": the items in view are people
        state.listed_people = state.people if len(state.people) > 1 and not answer.papers else ()
        if answer.focus is not None:
            state.remember_focus(answer.focus.id)
        elif len(answer.papers) == 1:
            state.remember_focus(answer.papers[0].id)

    # --- topic search

    @property
    def topics(self) -> TopicIndex:
        if self._topics is None:
            # Read before the index, which a helper process may still be writing: the topic search
            # needs the lexicon next, and reading it meanwhile shortens the wait (by about 4 ms).
            ConceptLexicon.default()
            self._topics = self._build_topics(self.corpus.papers)
            self._topics.slips_of = self._slips_of
        return self._topics

    def _search_topic(self, text: str, tolerant: bool = True) -> list[tuple[int, float, bool]]:
        """Papers about a topic: each concept it names matches any of its forms and narrower topics
        ("RL" finds "reinforcement learning", "policy optimization"); other words match themselves.
        A concept that finds nothing widens once to the topics it belongs to."""
        lexicon = ConceptLexicon.default()
        concepts = lexicon.find(text)
        rest = text
        for hit in reversed(concepts):
            rest = rest[: hit.start] + " " + rest[hit.end :]
        singular = self.recognizer.vocabulary.groups["irregular_plurals"]
        typed = self._rejoined(topic_words(rest, self.recognizer.frame_base))
        words = [[w, *singular.get(w, ()), *self._other_spellings(w)] for w in typed]
        words += [[term] for term in self._frame_word_terms(rest)]
        # The words as typed count too: "video" means more than the forms of "video understanding".
        # ... and count double: "the downscaling one" is the paper that says "downscaling", before the
        # other climate papers its concept also finds.
        groups = [
            sorted({*_forms(lexicon, (hit.concept,)), f"^{hit.surface.casefold()}"} - {hit.surface.casefold()})
            for hit in concepts
        ]
        if not groups and not words:
            return []
        # "crop yield prediction": beside a concept that is a task itself (its forms say "yield estimation",
        # "yield prediction"), a task word ranks its papers, it does not narrow them ("Barley Yield
        # Estimation" is one); "massive MIMO detection" is a task of its own
        tasks = self._task_words if any(self._is_a_task(hit.concept) for hit in concepts) else frozenset()
        ranking = [w for w in words if len(w) == 1 and w[0] in tasks]
        words = [w for w in words if w not in ranking]
        hits = self.topics.search_groups([*groups, *words], tolerant=tolerant, ranked_by=ranking)
        if not hits and concepts:
            # The concept's words as typed, each for itself: "wastewater surveillance" in papers that
            # say "wastewater" and "surveillance" apart.
            said = [[w] for hit in concepts for w in topic_words(hit.surface, self.recognizer.frame_base)]
            if len(said) + len(words) > 1:
                plain = self.topics.search_groups([*said, *words], tolerant=False)
                if not words and not any(hit.matched_all for hit in plain):
                    plain = []  # the concept alone, and no paper says all its words ("gravitational" is lensing too)
                if plain and not words and self._said_in_other_compounds([w for [w] in said], plain):
                    plain = []  # "sea ice" where the papers say only "sea level" and "ice sheet"
                if plain:
                    return [(hit.paper_id, hit.score, hit.matched_all) for hit in plain]
            # Papers on a wider topic are near the question, not about it ("flood forecasting" on a
            # wildfire page finds fire-weather papers): the answer is none, and the wider topic is offered.
            self._nearer_topics[text] = self._wider_topics(concepts)
            return []
        return [(hit.paper_id, hit.score, hit.matched_all) for hit in hits]

    @cached_property
    def _task_words(self) -> frozenset[str]:
        return frozenset(self.recognizer.vocabulary.words("task_words"))

    def _is_a_task(self, concept: Concept) -> bool:
        """Whether a concept's own forms name a task ("yield prediction"), not only a thing ("massive MIMO")."""
        return any(word in self._task_words for term in concept.terms for word in term.casefold().split())

    def _wider_topics(self, concepts: list[ConceptHit]) -> tuple[tuple[str, int], ...]:
        """The topics the concepts belong to that some papers here are about, with how many."""
        lexicon = ConceptLexicon.default()
        wider = dict.fromkeys(b for hit in concepts for b in lexicon.broader(hit.concept))
        found = [(b.name, self.topics.papers_about(_forms(lexicon, (b,)))) for b in wider]
        return tuple((name, count) for name, count in found if count)

    def _said_in_other_compounds(self, words: list[str], holding: list[TopicHit]) -> bool:
        """Words typed together that no paper writes together, each written almost only inside other
        compounds by the papers holding both ("sea level" and "ice sheet" for "sea ice")."""
        if len(words) < 2 or self.topics.uses_phrase(" ".join(words)):
            return False
        papers = [self.corpus.by_id[hit.paper_id] for hit in holding if hit.paper_id in self.corpus.by_id]
        return in_other_compounds(papers, words, self.recognizer.vocabulary.stopwords)

    def _other_spellings(self, word: str) -> list[str]:
        """The word with its British or American ending ("optimisation": "optimization"), and the
        two words the papers write it as when they never write it as one ("maxcut": "max cut")."""
        others = []
        for ending, other in self._endings:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                spelt = word[: -len(ending)] + other
                if self.topics.papers_using(spelt):  # else a typo keeps its tolerance, searched alone
                    others.append(spelt)
                break
        if len(word) >= 6 and word.isalpha() and not self.topics.papers_using(word):
            for cut in range(3, len(word) - 2):
                head, tail = word[:cut], word[cut:]
                phrase = f"{head} {tail}"
                if (
                    self.topics.papers_using(head)
                    and self.topics.papers_using(tail)
                    and self.topics.uses_phrase(phrase)
                ):
                    others.append(phrase)
                    break
        return others

    @cached_property
    def _endings(self) -> list[tuple[str, str]]:
        """Each spelling ending with its other spelling, both ways round, the longest first."""
        pairs = {
            (a, b)
            for ending, others in self.recognizer.vocabulary.groups["spelling_endings"].items()
            for other in others
            for a, b in ((ending, other), (other, ending))
        }
        return sorted(pairs, key=lambda pair: (-len(pair[0]), pair))

    def _rejoined(self, words: list[str]) -> list[str]:
        """Two words the papers write as one and never apart ("graph cast" for GraphCast, "open neuro"
        for OpenNeuro): the one word."""
        joined: list[str] = []
        index = 0
        while index < len(words):
            pair = words[index : index + 2]
            if (
                len(pair) == 2
                and all(w.isalpha() for w in pair)
                and self.topics.papers_using("".join(pair))
                and not self.topics.uses_phrase(" ".join(pair))
            ):
                joined.append("".join(pair))
                index += 2
            else:
                joined.append(words[index])
                index += 1
        return joined

    def _best_paper(self, description: str) -> int | None:
        """The paper a description fits best: the top of its topic search, when it holds every word."""
        hits = self._topic_hits(description, True)
        return hits[0][0] if hits and hits[0][2] else None

    def _words_near(self, word: str, edits: int) -> Counter[str]:
        """The words of the papers a few edits from a word none of them uses, and how many papers use
        each: read from the papers the spelling index finds, at most a few hundred."""
        from bot.corpus.respelling import PAPERS_READ, words_near

        by_id = self.corpus.by_id
        found = self.topics.spelling.papers_near(word, PAPERS_READ)
        return words_near(word, edits, (by_id[i] for i in found if i in by_id))

    def _slips_of(self, word: str) -> list[str]:
        """The words of the papers a word no paper uses may be a slip of: as near as the spelling index
        looks (one edit, two from nine letters), and a slip a typist makes (bot.understanding.slips)."""
        edits = 1 if len(word) < 9 else 2
        return [w for w in self._words_near(word, edits) if plausible_slip(word, w)]

    def _frame_word_terms(self, text: str) -> list[str]:
        """Two words the papers use as a phrase, one of them a word of questions' frame ("cover time",
        "mixing times"): searched as the phrase, where the frame word alone would be dropped."""
        frame = self.recognizer.frame_base
        pairs = itertools.pairwise(topic_words(text, frozenset()))
        return [f"{a} {b}" for a, b in pairs if may_be_a_term(a, b, frame) and self.topics.uses_phrase(f"{a} {b}")]


_ID = attrgetter("id")


def _forms(lexicon: ConceptLexicon, concepts: tuple[Concept, ...]) -> list[str]:
    """The concepts' own forms, then their narrower topics' forms marked "~" (they count half)."""
    own = {form for concept in concepts for form in (concept.name, *concept.terms)}
    narrower = {
        form for concept in concepts for member in lexicon.narrower(concept) for form in (member.name, *member.terms)
    }
    return sorted(own) + sorted(f"~{form}" for form in narrower - own)


def _joined(first: Answer, second: Answer) -> Answer:
    """Two answers to two questions of one message, as one: the first's text, then the second's."""
    papers = tuple(dict.fromkeys((*first.papers, *second.papers)))
    people = tuple(dict.fromkeys((*first.people, *second.people)))
    query = dict(first.query or {}, then=second.query) if first.query else second.query
    from bot.answers.answer import render_text
    from bot.safety import MAX_ANSWER_CHARS

    # the first answer shortened (its list says how many more) so that the second always shows
    room = max(200, MAX_ANSWER_CHARS - len(second.text) - 2)
    # the same papers twice ("how many have code, and what fraction is that?"): listed once, after the second
    # (a list: an answer about one paper keeps what it quotes)
    same = bool(first.items) and first.papers == second.papers
    headline = first.headline.rstrip(" :") + "." if same else render_text(first, room)
    return replace(
        first,
        headline=headline,
        items=(),
        fields=(),
        note="\n" + second.text,
        papers=papers,
        people=people,
        focus=second.focus or first.focus,
        chart=(),
        item_count=None,
        confidence=min(first.confidence, second.confidence),
        query=query,
    )


def _apology() -> Answer:
    return Answer(
        intent="error",
        headline="Sorry, something went wrong answering that. Please try rephrasing; the problem has been logged.",
        confidence=0.0,
    )


__all__ = ["CONSOLE", "Engine"]
