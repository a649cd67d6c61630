"""What a question asks for, once its words are understood: the intent and its typed slots."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bot.corpus.model import Paper
from bot.understanding.timespans import MonthSpec, YearSpan


@dataclass(frozen=True, slots=True)
class Slots:
    """Typed slots. Free text and slash commands both end up here, so handlers serve both."""

    papers: tuple[int, ...] = ()  # paper ids the question names
    benchmarks: tuple[str, ...] = ()  # canonical names
    benchmark_text: str = ""  # a name asked about that the gazetteer does not know
    people: tuple[str, ...] = ()  # person keys
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (what was typed, candidate keys)
    unknown_people: tuple[str, ...] = ()  # names that match nobody in the corpus
    categories: tuple[str, ...] = ()
    span: YearSpan | None = None
    month: MonthSpec | None = None
    topic: str = ""
    code: bool = False
    count: bool = False
    order: str | None = None  # "newest" | "oldest"
    limit: int | None = None
    within: tuple[Paper, ...] | None = None  # only among these papers (a follow-up's "those")
    first_author: bool = False
    researcher_named: bool = False
    least: bool = False  # "least productive year" rather than most
    stat: str | None = None  # which profile figure was asked: h_index, citations, novelty, ai_score, area
    aspect: str | None = None  # which fact of a paper was asked: date, category

    def with_changes(self, **changes: object) -> Slots:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def filters_papers(self) -> bool:
        return bool(
            self.span
            or self.month
            or self.people
            or self.benchmarks
            or self.categories
            or self.code
            or self.benchmark_text
            or self.unknown_people
        )


@dataclass(frozen=True, slots=True)
class Match:
    intent: str
    slots: Slots
    confidence: float
    notes: tuple[str, ...] = field(default=())
