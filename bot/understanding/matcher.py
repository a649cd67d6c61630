"""From a message to a Match(intent, slots, confidence).

Order of work, to keep generic words from stealing specific questions: the Reader (bot/reading.py)
cleans the text, finds typed entities, masks them and fixes keyword typos; here each intent's cues
are scored on the masked text; intents whose required slots are present (the conversation may
supply "it" and "those") compete; the best score wins, ties go to the intent's priority. No cue at
all: a bare name gets its natural intent, a follow-up reuses the previous question, otherwise topic
search or the fallback decide.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property

from rapidfuzz import fuzz, process

from bot.corpus.model import Corpus, Paper
from bot.corpus.topics import TopicIndex, topic_words
from bot.dialogue.conversation import ConversationState
from bot.understanding.intents import IntentSpec, load_intents
from bot.understanding.query import Match, Slots
from bot.understanding.reading import MASK, Reader, Understanding, clean_message

MIN_CUE_SCORE = 2.0
_PLURAL_BACK = re.compile(r"\b(those|these|them|the ones|of (those|these|them)|among (those|these|them)|such)\b")
_SINGULAR_BACK = re.compile(r"\b(it|its|this (paper|one|work)|that (paper|one|work)|the paper|this|that)\b")
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_ORDINAL_REF = re.compile(
    r"\bthe (first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d{1,2}(?:st|nd|rd|th))"
    r"(?: (?:one|paper|result|item|entry))?\b|\b(?:number|no\.?|#) ?(\d{1,2})\b"
)
_IT = re.compile(r"\b(it|its|this paper|that paper)\b")
_FOLLOWUP_START = re.compile(r"^\W*(and|what about|how about|and what about|and for|same for|now|or|also|only|just)\b")
_ONLY = re.compile(r"\b(only|just)\b")
_ONE_PAPER = re.compile(r"\b(the|that|this) (paper|work|article|study|preprint)\b")


class Matcher:
    def __init__(self, corpus: Corpus, intents: tuple[IntentSpec, ...] | None = None) -> None:
        self.corpus = corpus
        self.intents = intents or load_intents()
        self.by_name = {spec.name: spec for spec in self.intents}
        self.reader = Reader(corpus, self.intents)

    @property
    def ignorable(self) -> frozenset[str]:
        return self.reader.ignorable

    def understand(self, text: str) -> Understanding:
        return self.reader.understand(text)

    def slots_from(self, reading: Understanding) -> Slots:
        return self.reader.slots_from(reading)

    @cached_property
    def topics(self) -> TopicIndex:
        return TopicIndex(self.corpus.papers)

    # --- choosing the intent

    def available(self, spec: IntentSpec, slots: Slots, state_focus: int | None, cue_text: str) -> bool:
        # "it" (or a bare "tell me more") means the paper the conversation is about.
        bare = MASK not in cue_text and not slots.topic  # "tell me more", "abstract?"
        present = {
            # Without a focus, "who wrote it?" still asks about a paper: the handler asks which one.
            "paper": bool(slots.papers)
            or (state_focus is not None and (bool(_SINGULAR_BACK.search(cue_text)) or bare))
            or bool(_IT.search(cue_text)),
            "benchmark": bool(slots.benchmarks),
            "mention": bool(slots.benchmark_text),
            "person": bool(slots.people) or slots.researcher_named,
            "unknown_person": bool(slots.unknown_people),
            "ambiguous_person": bool(slots.ambiguous),
            "topic": bool(slots.topic),
            "category": bool(slots.categories),
            "time": bool(slots.span or slots.month),
        }
        if not all(present[kind] for kind in spec.requires):
            return False
        return not spec.requires_any or any(present[kind] for kind in spec.requires_any)

    def score(self, reading: Understanding, slots: Slots, focus: int | None) -> list[tuple[float, int, str]]:
        ranked = []
        for spec in self.intents:
            cue_score = spec.cue_score(reading.cue_text)
            if cue_score <= 0 or not self.available(spec, slots, focus, reading.cue_text):
                continue
            ranked.append((cue_score, spec.priority, spec.name))
        ranked.sort(reverse=True)
        return ranked

    # --- the whole decision

    def match(self, text: str, state: ConversationState | None = None) -> Match:
        state = state or ConversationState()
        clean, cut = clean_message(text)
        notes = ("Your message was cut to its first 2,000 characters.",) if cut else ()
        if not any(ch.isalnum() for ch in clean):
            lone_question_mark = bool(re.fullmatch(r"\?+", clean))
            return Match(
                "help" if lone_question_mark else "fallback", Slots(), 0.5 if lone_question_mark else 0.0, notes=notes
            )
        reading = self.understand(clean)
        slots = self.slots_from(reading)
        cue = reading.cue_text
        picked = _ordinal_pick(cue, state.shown_list)
        if picked is not None and not slots.papers:
            # "the second one" names a paper: read the rest of the message as if it had named it.
            cue = _ORDINAL_REF.sub(f" {MASK} ", cue)
            reading = replace(reading, cue_text=cue)
            slots = self.slots_from(reading).with_changes(papers=(picked,))
            state = replace(state, focus=picked)
        if state.pending:
            resolved = self._resolve_pending(reading, slots, state)
            if resolved:
                return resolved
        slots = self._paper_described(slots, cue)
        ranked = self.score(reading, slots, state.focus)
        fuzzy = any(not e.exact for e in reading.entities)
        previous_list = bool(state.papers) and refers_to_previous_list(cue)
        if (
            previous_list
            and (slots.filters_papers or slots.first_author)
            and (not ranked or ranked[0][2] in _LIST_INTENTS)
        ):
            intent = ranked[0][2] if ranked else "list_papers"
            return Match(intent, slots.with_changes(within=state.papers), 0.8, notes=notes)
        if ranked and ranked[0][0] >= MIN_CUE_SCORE:
            score, _, intent = ranked[0]
            intent = self._refine_intent(intent, slots, reading)
            spec = self.by_name[intent]
            if not slots.papers and state.focus is not None and ("paper" in spec.requires | spec.requires_any):
                slots = slots.with_changes(papers=(state.focus,))
            if previous_list and intent in _LIST_INTENTS:
                slots = slots.with_changes(within=state.papers)
            elif intent in _LIST_INTENTS and state.focus is not None and refers_to_focus(cue) and not slots.papers:
                slots = slots.with_changes(within=self._focus_paper(state.focus))  # "what benchmarks does it use?"
            confidence = min(1.0, 0.55 + score / 20) * (0.85 if fuzzy else 1.0)
            return Match(intent, slots, confidence, notes=notes)
        named = self._named_only(reading, slots)
        # A paper named after a list ("and the second?") is a question about that paper, not the list again.
        paper_after_list = bool(slots.papers) and state.intent in _LIST_INTENTS
        if (
            state.intent
            and state.intent not in ("fallback", "help", "greeting", "thanks", "farewell")
            and named
            and not paper_after_list
            and (starts_like_followup(cue) or not slots.topic)
        ):
            return Match(state.intent, _merge(state.slots, slots), 0.75, notes=notes)
        if named:
            return Match(named, slots, 0.7 * (0.85 if fuzzy else 1.0), notes=notes)
        if slots.topic and self.topics.known_terms(topic_words(slots.topic, self.ignorable)):
            return Match("topic_search", slots, 0.6, notes=notes)
        return Match("fallback", slots, 0.0, notes=notes)

    def _paper_described(self, slots: Slots, cue: str) -> Slots:
        """ "who wrote the paper on learned controllers?": one paper described by its topic is named."""
        if slots.papers or not slots.topic or not _ONE_PAPER.search(cue):
            return slots
        hits = [h for h in self.topics.search(topic_words(slots.topic, self.ignorable)) if h.matched_all]
        if len(hits) != 1:
            return slots
        return slots.with_changes(papers=(hits[0].paper_id,), topic="")

    def _refine_intent(self, intent: str, slots: Slots, reading: Understanding) -> str:
        """The winning intent said more precisely by the slots it came with."""
        if intent == "profile_stats" and slots.stat is None and (slots.people or slots.papers):
            return self._named_only(reading, slots) or intent  # "who is Li Wei?" is about Li Wei
        if (
            intent == "latest_paper"
            and slots.topic
            and self.topics.known_terms(topic_words(slots.topic, self.ignorable))
        ):
            return "topic_search"  # "the oldest paper on knowledge graphs": the topic picks, the date orders
        if intent != "list_papers":
            return intent
        if slots.benchmarks or slots.benchmark_text:
            return "benchmark_papers"  # the same filters, said as "N papers mention X"
        if slots.count and len(slots.categories) > 1:
            return "category_counts"  # "how many in CV and how many in CL?"
        if (
            slots.topic
            and not slots.filters_papers
            and not slots.first_author
            and slots.within is None
            and self.topics.known_terms(topic_words(slots.topic, self.ignorable))
        ):
            return "topic_search"  # "find papers on hallucination": the words name a topic, not a filter
        return intent

    def _focus_paper(self, focus: int) -> tuple[Paper, ...]:
        paper = self.corpus.by_id.get(focus)
        return (paper,) if paper else ()

    @staticmethod
    def _named_only(reading: Understanding, slots: Slots) -> str | None:
        """The natural question about a bare name: a system name -> its details, a person -> papers."""
        if slots.papers:
            return "paper_details"
        if slots.ambiguous or slots.people or slots.unknown_people or slots.categories or slots.span or slots.month:
            return "list_papers"
        if slots.benchmarks:
            return "benchmark_papers"
        if slots.code:
            return "list_papers"
        return None

    def _resolve_pending(self, reading: Understanding, slots: Slots, state: ConversationState) -> Match | None:
        """The reply to "Which Li do you mean?": a full name, a number, or something else entirely."""
        assert state.pending is not None
        intent, pending_slots, candidates = state.pending
        chosen = [k for k in slots.people if k in candidates]
        number = re.fullmatch(r"\W*(?:number |no\.? ?|#)?(\d{1,2})\W*", reading.text.lower())
        if not chosen and number and 1 <= int(number.group(1)) <= len(candidates):
            chosen = [candidates[int(number.group(1)) - 1]]
        if not chosen:
            names = {self.corpus.people[k].name: k for k in candidates}
            best = process.extractOne(
                reading.text, list(names), scorer=fuzz.WRatio, processor=str.casefold, score_cutoff=88
            )
            if best:
                chosen = [names[best[0]]]
        if not chosen:
            return None
        remaining = pending_slots.ambiguous[1:]
        people = tuple(dict.fromkeys((*pending_slots.people, chosen[0])))
        return Match(intent, pending_slots.with_changes(people=people, ambiguous=remaining), 0.9)


_LIST_INTENTS = {
    "list_papers",
    "latest_paper",
    "benchmark_papers",
    "topic_search",
    "first_author",
    "year_counts",
    "category_counts",
    "benchmarks_used",
}


def _ordinal_pick(cue_text: str, shown: tuple[Paper, ...]) -> int | None:
    """ "the second one" / "number 3" of the previous list: that paper's id."""
    if len(shown) < 2:
        return None
    match = _ORDINAL_REF.search(cue_text)
    if not match:
        return None
    word = match.group(1) or match.group(2)
    if word == "last":
        return shown[-1].id
    position = _ORDINALS.get(word) or int(re.sub(r"\D", "", word))
    return shown[position - 1].id if 1 <= position <= len(shown) else None


def _merge(previous: Slots, new: Slots) -> Slots:
    """A follow-up ("and 2023?", "what about Li Wei?") keeps the previous question, new slots replacing old."""
    changes: dict[str, object] = {}
    if new.span or new.month:
        changes.update(span=new.span, month=new.month)
    if new.people or new.unknown_people or new.ambiguous:
        changes.update(people=new.people, unknown_people=new.unknown_people, ambiguous=new.ambiguous)
    if new.benchmarks:
        changes.update(benchmarks=new.benchmarks, benchmark_text="")
    if new.categories:
        changes["categories"] = new.categories
    if new.papers:
        changes["papers"] = new.papers
    if new.code:
        changes["code"] = True
    return previous.with_changes(**changes, within=None)


def refers_to_previous_list(cue_text: str) -> bool:
    return bool(_PLURAL_BACK.search(cue_text) or _ONLY.search(cue_text))


def refers_to_focus(cue_text: str) -> bool:
    return bool(_SINGULAR_BACK.search(cue_text))


def starts_like_followup(cue_text: str) -> bool:
    return bool(_FOLLOWUP_START.search(cue_text))


__all__ = ["Match", "Matcher"]
