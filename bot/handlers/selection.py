"""Which papers a question's filters select, and how to say what was selected."""

from __future__ import annotations

from collections.abc import Iterable

from bot.categories import category_name
from bot.corpus import Corpus, Paper
from bot.gazetteer import phrase_pattern
from bot.query import Slots
from bot.text import compact
from bot.timespans import MONTH_LABELS

from .formatting import join_and, person_name


def papers_mentioning(papers: Iterable[Paper], phrase: str) -> list[Paper]:
    """Papers whose title or abstract names `phrase` (whole words, any case or separators)."""
    pattern = phrase_pattern(phrase)
    if pattern is None:
        return []
    return [p for p in papers if pattern.search(p.title) or pattern.search(p.abstract)]


def select(corpus: Corpus, slots: Slots, base: Iterable[Paper] | None = None) -> list[Paper]:
    """Papers passing every filter in the slots, newest first."""
    if base is None:
        base = (
            [corpus.by_id[i] for i in slots.within if i in corpus.by_id] if slots.within is not None else corpus.papers
        )
    papers = list(base)
    if slots.span:
        papers = [p for p in papers if slots.span.contains(p.year)]
    if slots.month:
        papers = [
            p
            for p in papers
            if p.date.month == slots.month.month and (slots.month.year is None or p.date.year == slots.month.year)
        ]
    for key in slots.people:
        person = corpus.people.get(key)
        owned = {id(p) for p in person.papers} if person else set()
        papers = [p for p in papers if id(p) in owned]
    if slots.unknown_people:
        papers = []
    if slots.benchmarks:
        wanted = set(slots.benchmarks)
        papers = [p for p in papers if wanted & set(p.benchmarks)]
    if slots.benchmark_text:
        papers = papers_mentioning(papers, slots.benchmark_text)
    if slots.categories:
        papers = [p for p in papers if p.category in slots.categories]
    if slots.code:
        papers = [p for p in papers if p.has_code]
    if slots.first_author:
        key = slots.people[0] if slots.people else corpus.researcher_key
        papers = [p for p in papers if p.authors and compact(p.authors[0]) == key]
    return corpus.newest_first(papers)


def describe(corpus: Corpus, slots: Slots, include_people: bool = True) -> str:
    """The filters in words: "with code from 2025", "with Ming Yan in May 2023"."""
    parts: list[str] = []
    if slots.categories:
        parts.append("in " + join_and([f"{c} ({category_name(c)})" for c in slots.categories], "or"))
    if slots.benchmarks:
        parts.append("mentioning " + join_and(list(slots.benchmarks), "or"))
    if slots.benchmark_text:
        parts.append(f"mentioning {slots.benchmark_text}")
    if slots.code:
        parts.append("with code")
    if slots.first_author:
        who = person_name(corpus, slots.people[0]) if slots.people else corpus.researcher.name
        parts.append(f"with {who} as first author")
    elif include_people and (slots.people or slots.unknown_people):
        names = [person_name(corpus, k) for k in slots.people] + list(slots.unknown_people)
        parts.append("with " + join_and(names))
    if slots.month:
        label = MONTH_LABELS[slots.month.month]
        parts.append(f"from {label} {slots.month.year}" if slots.month.year else f"from {label}")
    elif slots.span:
        parts.append(
            slots.span.describe().replace("in ", "from ", 1)
            if slots.span.describe().startswith("in ")
            else slots.span.describe()
        )
    return " ".join(parts)
