"""Reading a message once: clean it, find its typed entities, mask them, fix keyword typos, and
fill the typed slots. What the message then asks for is the matcher's business (bot/matcher.py)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.corpus.model import Corpus
from bot.corpus.topics import topic_words
from bot.paths import STOPWORDS_FILE
from bot.safety import MAX_MESSAGE_CHARS
from bot.text import strip_invisible, tokens
from bot.understanding.entities import Entity, EntityFinder, folded_text
from bot.understanding.intents import IntentSpec
from bot.understanding.query import Slots
from bot.understanding.timespans import TimeMatch, fix_letter_o_years
from bot.yaml_io import load_data_file

MASK = "§"  # stands for any recognised name in the text intents' cues are matched against
TYPO_CUTOFF = 88.0
DEFAULT_RECENT = 5
_CODE_WORDS = frozenset({"code", "codes"})
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


@dataclass(frozen=True, slots=True)
class Understanding:
    """A message read once: its cleaned text, entities, and the masked, typo-fixed text cues match."""

    text: str
    cue_text: str
    entities: tuple[Entity, ...]


def clean_message(text: str) -> tuple[str, bool]:
    """Normalised text (no invisible characters, NFKC, letter-O years fixed) and whether it was cut."""
    text = unicodedata.normalize("NFKC", strip_invisible(text))
    cut = len(text) > MAX_MESSAGE_CHARS
    text = text[:MAX_MESSAGE_CHARS]
    text = re.sub(r"\s+", " ", text).strip()
    return fix_letter_o_years(text), cut


class Reader:
    """Built once per corpus: the vocabularies and the entity finder."""

    def __init__(self, corpus: Corpus, intents: tuple[IntentSpec, ...]) -> None:
        self.corpus = corpus
        self.stopwords = frozenset(str(w) for w in load_data_file(STOPWORDS_FILE)["stopwords"])
        self.keywords = frozenset(k for spec in intents for k in spec.keywords)
        self.keyword_choices = sorted(k for k in self.keywords if len(k) >= 4)
        self.finder = EntityFinder(corpus, self.stopwords, self.keywords)
        # Words that never carry a topic: function words, the question's frame, the researcher's name.
        self.ignorable = self.stopwords | _TOPIC_FILLER | _researcher_words(corpus)

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
                if not pieces or pieces[-1] != f" {MASK} ":
                    pieces.append(folded[cursor : current[0]])
                    pieces.append(f" {MASK} ")
                cursor = max(cursor, current[1])
                continue
            pieces.append(folded[cursor : word.start])
            pieces.append(corrections.get(index, word.folded))
            cursor = word.end
        pieces.append(folded[cursor:])
        cue_text = re.sub(r"\s+", " ", "".join(pieces)).strip()
        return Understanding(text, cue_text, tuple(entities))

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
            if _CODE.search(source) and source != unmasked(reading.cue_text)
            else (self.ignorable)
        )
        return " ".join(topic_words(source, ignore))

    @staticmethod
    def _topic_source(reading: Understanding) -> str:
        whole = unmasked(reading.cue_text)
        after = _TOPIC_AFTER.search(whole)
        return after.group(1) if after else whole

    def _code_filter(self, reading: Understanding) -> bool:
        """ "papers with code" filters; "papers about code generation" is a topic that says code."""
        if not _CODE.search(reading.cue_text):
            return False
        source = self._topic_source(reading)
        return not (source != unmasked(reading.cue_text) and _CODE.search(source))


def unmasked(cue_text: str) -> str:
    return re.sub(rf"\s*{MASK}\s*", " ", cue_text).strip()


def _researcher_words(corpus: Corpus) -> set[str]:
    return {w.folded for w in tokens(corpus.researcher.name)}
