"""From a message to a Match(intent, slots, confidence).

Order of work, to keep generic words from stealing specific questions: clean the text; find typed
entities (times, classes, benchmarks, papers, people); mask them; correct typos in the remaining
keywords (rapidfuzz); score each intent's cues on the masked text; keep intents whose required
slots are present (the conversation may supply "it" and "those"); the best score wins, ties go to
the intent's priority. No cue at all: a bare name gets its natural intent, a follow-up reuses the
previous question, otherwise topic search or the fallback decide.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cached_property

from rapidfuzz import fuzz, process

from bot.conversation import ConversationState
from bot.corpus import Corpus, Paper
from bot.entities import Entity, EntityFinder, folded_text
from bot.intents import IntentSpec, load_intents
from bot.paths import STOPWORDS_FILE
from bot.query import Match, Slots
from bot.safety import MAX_MESSAGE_CHARS
from bot.text import strip_invisible, tokens
from bot.timespans import TimeMatch, fix_letter_o_years
from bot.topics import TopicIndex, topic_words
from bot.yaml_io import load_data_file

TYPO_CUTOFF = 88.0
DEFAULT_RECENT = 5
MIN_CUE_SCORE = 2.0
_MASK = "§"
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
_CODE_WORDS = frozenset({"code", "codes"})
_ONLY = re.compile(r"\b(only|just)\b")
_CODE = re.compile(r"\b(code|github|repos?|repositor(y|ies)|implementations?)\b|\bopen[- ]?sourced?\b")
_COUNT = re.compile(r"\bhow many\b|\bnumber of\b|\bcount\b|\bhow much\b")
_NEWEST = re.compile(r"\b(latest|newest|most recent|last|recent|freshest)\b")
_OLDEST = re.compile(r"\b(oldest|earliest|first)\b(?![- ]?author)")
_LIMIT = re.compile(
    r"\b(?:top|first|last|latest|newest|recent|oldest|earliest)\s+(\d{1,3})\b"
    r"|\b(\d{1,3})\s+(?:latest|newest|most recent|oldest|earliest|top|most)\b"
)
_FIRST_AUTHOR = re.compile(r"\bfirst[- ]author(ed)?\b|\blead author\b|\blisted first\b")
_MENTION_PHRASE = re.compile(
    r"\b(?:mention(?:s|ed|ing)?|mentionning|us(?:e|es|ed|ing)|cit(?:e|es|ing)|refer(?:s|ring)? to|talk(?:s|ing)? about)"
    r"\s+(?:the\s+)?[\"'“]?([A-Za-z0-9][\w.+\-]*(?:\s+[A-Z0-9][\w.+\-]*){0,3})[\"'”]?"
)
_LEAST = re.compile(r"\bleast\b|\bfewest\b")
_STATS = (
    ("h_index", re.compile(r"\bh[- ]?index\b|\bhindex\b")),
    ("citations", re.compile(r"\bcit(ations?|ed)\b")),
    ("novelty", re.compile(r"\bnovelty\b")),
    ("ai_score", re.compile(r"\bai score\b")),
    ("area", re.compile(r"\b(area|field|discipline|focus)\b|\b(primary|main) (category|class)\b")),
)
_ASPECTS = (
    ("date", re.compile(r"\bwhen\b|\bwhat (date|year|month)\b|\bwhich (year|month)\b")),
    ("category", re.compile(r"\b(category|class|arxiv class|area|field|subject)\b")),
)
_TOPIC_AFTER = re.compile(
    r"\b(?:about|regarding|concerning|related to|relating to|dealing with|focused on|focusing on|"
    r"on the topic of|in the area of|in the field of|involving|on|in|into|around)\s+(.+)$"
)


@dataclass(frozen=True, slots=True)
class Understanding:
    """A message read once: its cleaned text, entities, masked cue text and content words."""

    text: str
    cue_text: str
    entities: tuple[Entity, ...]
    content_words: tuple[str, ...]


def clean_message(text: str) -> tuple[str, bool]:
    """Normalised text (no invisible characters, NFKC, letter-O years fixed) and whether it was cut."""
    text = unicodedata.normalize("NFKC", strip_invisible(text))
    cut = len(text) > MAX_MESSAGE_CHARS
    text = text[:MAX_MESSAGE_CHARS]
    text = re.sub(r"\s+", " ", text).strip()
    return fix_letter_o_years(text), cut


class Matcher:
    def __init__(self, corpus: Corpus, intents: tuple[IntentSpec, ...] | None = None) -> None:
        self.corpus = corpus
        self.intents = intents or load_intents()
        self.by_name = {spec.name: spec for spec in self.intents}
        self.stopwords = frozenset(str(w) for w in load_data_file(STOPWORDS_FILE)["stopwords"])
        self.keywords = frozenset(k for spec in self.intents for k in spec.keywords)
        self.keyword_choices = sorted(k for k in self.keywords if len(k) >= 4)
        self.finder = EntityFinder(corpus, self.stopwords, self.keywords)
        # Words that never carry a topic: function words, the question's frame, the researcher's name.
        self.ignorable = self.stopwords | _TOPIC_FILLER | _researcher_words(corpus)

    @cached_property
    def topics(self) -> TopicIndex:
        return TopicIndex(self.corpus.papers)

    # --- reading a message

    def understand(self, text: str) -> Understanding:
        folded = folded_text(text)
        words = tokens(text)
        corrections: dict[int, str] = {}
        for index, word in enumerate(words):
            lower = word.folded
            if (
                len(lower) >= 4
                and lower not in self.keywords
                and lower not in self.stopwords
                and lower.isalpha()
                and not any(c.isupper() for c in word.text[1:])
            ):
                best = process.extractOne(lower, self.keyword_choices, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
                if best and abs(len(best[0]) - len(lower)) <= 2:
                    corrections[index] = best[0]
        entities = self.finder.find(text, folded, frozenset(words[i].folded for i in corrections))
        pieces: list[str] = []
        cursor = 0
        spans = sorted({e.span for e in entities})
        span_iter = iter(spans)
        current = next(span_iter, None)
        for index, word in enumerate(words):
            while current and current[1] <= word.start:
                current = next(span_iter, None)
            if current and current[0] <= word.start < current[1]:
                if not pieces or pieces[-1] != f" {_MASK} ":
                    pieces.append(folded[cursor : current[0]])
                    pieces.append(f" {_MASK} ")
                cursor = max(cursor, current[1])
                continue
            pieces.append(folded[cursor : word.start])
            pieces.append(corrections.get(index, word.folded))
            cursor = word.end
        pieces.append(folded[cursor:])
        cue_text = re.sub(r"\s+", " ", "".join(pieces)).strip()
        return Understanding(text, cue_text, tuple(entities), tuple(topic_words(_unmasked(cue_text), self.ignorable)))

    def slots_from(self, reading: Understanding) -> Slots:
        papers: list[int] = []
        benchmarks: list[str] = []
        people: list[str] = []
        ambiguous: list[tuple[str, tuple[str, ...]]] = []
        unknown: list[str] = []
        categories: list[str] = []
        span = None
        month = None
        researcher_named = False
        for entity in reading.entities:
            if entity.kind == "time":
                assert isinstance(entity.value, TimeMatch)
                span = entity.value.span or span
                month = entity.value.month or month
            elif entity.kind == "paper":
                papers += [i for i in entity.value if i not in papers]  # type: ignore[attr-defined]
            elif entity.kind == "benchmark" and entity.value not in benchmarks:
                if not self._benchmark_is_the_paper(entity, reading.entities):
                    benchmarks.append(str(entity.value))
            elif entity.kind == "person":
                if entity.value == self.corpus.researcher_key:
                    researcher_named = True
                elif entity.value not in people:
                    people.append(str(entity.value))
            elif entity.kind == "ambiguous_person":
                ambiguous.append((entity.surface, tuple(entity.value)))  # type: ignore[arg-type]
            elif entity.kind == "unknown_person":
                unknown.append(str(entity.value))
            elif entity.kind == "category" and entity.value not in categories:
                categories.append(str(entity.value))
        cue = reading.cue_text
        mention = "" if benchmarks else self._mentioned_phrase(reading)
        order = "newest" if _NEWEST.search(cue) else "oldest" if _OLDEST.search(cue) else None
        limit_match = _LIMIT.search(cue)
        limit = int(limit_match.group(1) or limit_match.group(2)) if limit_match else None
        if order and limit is None and re.search(r"\b(papers|publications|works|articles)\b", cue):
            limit = DEFAULT_RECENT  # "latest papers": a few, not one
        return Slots(
            papers=tuple(papers),
            benchmarks=tuple(benchmarks),
            benchmark_text=mention,
            people=tuple(people),
            ambiguous=tuple(ambiguous),
            unknown_people=tuple(unknown),
            categories=tuple(categories),
            span=span,
            month=month,
            topic=self._topic(reading),
            code=self._code_filter(reading),
            count=bool(_COUNT.search(cue)),
            order=order,
            limit=limit,
            first_author=bool(_FIRST_AUTHOR.search(cue)),
            researcher_named=researcher_named,
            least=bool(_LEAST.search(cue)),
            stat=next((name for name, rx in _STATS if rx.search(cue)), None),
            aspect=next((name for name, rx in _ASPECTS if rx.search(cue)), None),
        )

    def _mentioned_phrase(self, reading: Understanding) -> str:
        """What "papers mentioning X" asks for when X is no known benchmark: X as typed, for a text search."""
        match = _MENTION_PHRASE.search(reading.text)
        if not match:
            return ""
        start, end = match.span(1)
        if any(e.start < end and start < e.end for e in reading.entities):
            return ""
        phrase = match.group(1).strip(".,;:!?")
        if not any(ch.isupper() or ch.isdigit() for ch in phrase):
            return ""  # plain words ("reinforcement learning") are a topic, searched with stemming
        words = [w for w in phrase.split() if w.casefold() not in self.stopwords]
        if not words or phrase.casefold() in self.keywords or phrase.casefold() in _TOPIC_FILLER:
            return ""
        return phrase

    @staticmethod
    def _benchmark_is_the_paper(entity: Entity, entities: tuple[Entity, ...]) -> bool:
        """A name that is both a paper and a benchmark (a dataset paper) is the paper when the question
        names another benchmark too ("how did TheDataset do on ImageNet?")."""
        shares_span = any(e.kind == "paper" and e.span == entity.span for e in entities)
        other_benchmark = any(e.kind == "benchmark" and e.span != entity.span for e in entities)
        return shares_span and other_benchmark

    def _topic(self, reading: Understanding) -> str:
        source = self._topic_source(reading)
        ignore = (
            self.ignorable - _CODE_WORDS
            if _CODE.search(source) and source != _unmasked(reading.cue_text)
            else (self.ignorable)
        )
        return " ".join(topic_words(source, ignore))

    @staticmethod
    def _topic_source(reading: Understanding) -> str:
        unmasked = _unmasked(reading.cue_text)
        after = _TOPIC_AFTER.search(unmasked)
        return after.group(1) if after else unmasked

    def _code_filter(self, reading: Understanding) -> bool:
        """ "papers with code" filters; "papers about code generation" is a topic that says code."""
        if not _CODE.search(reading.cue_text):
            return False
        source = self._topic_source(reading)
        return not (source != _unmasked(reading.cue_text) and _CODE.search(source))

    # --- choosing the intent

    def available(self, spec: IntentSpec, slots: Slots, state_focus: int | None, cue_text: str) -> bool:
        # "it" (or a bare "tell me more") means the paper the conversation is about.
        bare = _MASK not in cue_text and not slots.topic  # "tell me more", "abstract?"
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
            cue = _ORDINAL_REF.sub(f" {_MASK} ", cue)
            reading = replace(reading, cue_text=cue)
            slots = self.slots_from(reading).with_changes(papers=(picked,))
            state = replace(state, focus=picked)
        if state.pending:
            resolved = self._resolve_pending(reading, slots, state)
            if resolved:
                return resolved
        ranked = self.score(reading, slots, state.focus)
        fuzzy = any(not e.exact for e in reading.entities)
        previous_list = bool(state.papers) and refers_to_previous_list(cue)
        if (
            previous_list
            and (slots.filters_papers or slots.first_author)
            and (not ranked or ranked[0][2] in _LIST_INTENTS)
        ):
            intent = ranked[0][2] if ranked else "list_papers"
            return Match(intent, slots.with_changes(within=state.papers), 0.8, followup=True, notes=notes)
        if ranked and ranked[0][0] >= MIN_CUE_SCORE:
            score, _, intent = ranked[0]
            intent = self._refine_list_intent(intent, slots)
            if intent == "profile_stats" and slots.stat is None and (slots.people or slots.papers):
                intent = self._named_only(reading, slots) or intent  # "who is Li Wei?" is about Li Wei
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
            return Match(state.intent, _merge(state.slots, slots), 0.75, followup=True, notes=notes)
        if named:
            return Match(named, slots, 0.7 * (0.85 if fuzzy else 1.0), notes=notes)
        if slots.topic and self.topics.known_terms(topic_words(slots.topic, self.ignorable)):
            return Match("topic_search", slots, 0.6, notes=notes)
        return Match("fallback", slots, 0.0, notes=notes)

    def _refine_list_intent(self, intent: str, slots: Slots) -> str:
        """A plain list question said more precisely by its slots."""
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
        return Match(intent, pending_slots.with_changes(people=people, ambiguous=remaining), 0.9, followup=True)


_TOPIC_FILLER = frozenset(
    {
        "he",
        "she",
        "they",
        "him",
        "her",
        "his",
        "hers",
        "their",
        "researcher",
        "author",
        "authors",
        "guy",
        "person",
        "paper",
        "papers",
        "work",
        "works",
        "worked",
        "working",
        "research",
        "researched",
        "publication",
        "publications",
        "publish",
        "published",
        "article",
        "articles",
        "topic",
        "topics",
        "area",
        "areas",
        "field",
        "related",
        "relating",
        "regarding",
        "concerning",
        "involving",
        "dealing",
        "focused",
        "focusing",
        "show",
        "list",
        "find",
        "anything",
        "something",
        "stuff",
        "studies",
        "study",
        "which",
        "what",
        "written",
        "wrote",
        "did",
        "does",
        "done",
        "any",
        "all",
        "ones",
        "me",
        "around",
        "about",
        "tell",
        "give",
        "get",
        *("number", "count", "total", "many", "much", "code", "codes", "deal", "deals", "dealing"),
        # verbs of "papers mentioning/using/discussing X"
        *("mention", "mentions", "mentioned", "mentioning", "mentionning", "use", "uses", "used", "using"),
        *("discuss", "discusses", "discussed", "discussing", "cover", "covers", "covered", "covering"),
        *("public", "publicly", "available", "released", "open", "link", "links", "url"),
        *("latest", "newest", "recent", "recently", "oldest", "earliest", "first", "last", "most", "freshest"),
    }
)
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


def _unmasked(cue_text: str) -> str:
    return re.sub(rf"\s*{_MASK}\s*", " ", cue_text).strip()


def _researcher_words(corpus: Corpus) -> set[str]:
    return {w.folded for w in tokens(corpus.researcher.name)}


def refers_to_previous_list(cue_text: str) -> bool:
    return bool(_PLURAL_BACK.search(cue_text) or _ONLY.search(cue_text))


def refers_to_focus(cue_text: str) -> bool:
    return bool(_SINGULAR_BACK.search(cue_text))


def starts_like_followup(cue_text: str) -> bool:
    return bool(_FOLLOWUP_START.search(cue_text))


__all__ = ["Match", "Matcher", "Understanding", "clean_message"]
