"""Which papers a question's filters select, and how to say what was selected."""

from __future__ import annotations

from collections.abc import Iterable

from bot.corpus.categories import category_name
from bot.corpus.gazetteer import phrase_pattern
from bot.corpus.model import Corpus, Paper
from bot.understanding.query import Slots
from bot.understanding.timespans import MONTH_LABELS

from .formatting import join_and, person_name


def papers_mentioning(papers: Iterable[Paper], phrase: str) -> list[Paper]:
    """Papers whose title or abstract names `phrase` (whole words, any case or separators)."""
    pattern = phrase_pattern(phrase)
    if pattern is None:
        return []
    return [p for p in papers if pattern.search(p.title) or pattern.search(p.abstract)]


def _candidate_lists(corpus: Corpus, slots: Slots) -> list[list[Paper]]:
    """For each filter, the papers its index says can pass, newest first (so a filter costs what it
    selects, and the answer needs no sorting)."""
    lists: list[list[Paper]] = []
    if slots.within is not None:
        current = (corpus.by_id.get(p.id) for p in slots.within)  # papers from before a reload map to today's
        lists.append([p for p in current if p is not None])  # in the previous answer's order
    if slots.span:
        years = sorted((y for y in corpus.by_year if slots.span.contains(y)), reverse=True)
        lists.append([p for year in years for p in corpus.by_year[year]])
    if slots.month and slots.month.year is not None:
        lists.append(corpus.by_year.get(slots.month.year, []))
    for key in slots.people:
        person = corpus.people.get(key)
        lists.append(person.papers if person else [])
    if slots.unknown_people:
        lists.append([])
    if slots.benchmarks:
        lists.append(_merged(corpus, [corpus.by_benchmark.get(name, []) for name in slots.benchmarks]))
    if slots.categories:
        lists.append(_merged(corpus, [corpus.by_category.get(code, []) for code in slots.categories]))
    if slots.code:
        lists.append(corpus.with_code)
    if slots.first_author:
        lists.append(corpus.first_authored.get(slots.people[0] if slots.people else corpus.researcher_key, []))
    return lists


def _merged(corpus: Corpus, groups: list[list[Paper]]) -> list[Paper]:
    if len(groups) == 1:
        return groups[0]
    return corpus.newest_first({p.id: p for group in groups for p in group}.values())


def select(corpus: Corpus, slots: Slots) -> list[Paper]:
    """Papers passing every filter in the slots, newest first."""
    lists = sorted(_candidate_lists(corpus, slots), key=len)
    if not lists:
        papers = list(corpus.newest)
    else:
        papers = lists[0]  # the smallest; the others only filter it
        for other in lists[1:]:
            allowed = {p.id for p in other}
            papers = [p for p in papers if p.id in allowed]
        # Index lists are newest first already; only a follow-up's "those" may come in another order.
        papers = corpus.newest_first(papers) if slots.within is not None else list(papers)
    if slots.month:
        papers = [p for p in papers if p.date.month == slots.month.month]
    if slots.benchmark_text:
        papers = papers_mentioning(papers, slots.benchmark_text)
    return papers


def describe(corpus: Corpus, slots: Slots, include_people: bool = True) -> str:
    """The filters in words: "with code from 2025", "with Li Wei in May 2023"."""
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
        said = slots.span.describe()  # "in 2023" reads "from 2023" after a noun: "papers from 2023"
        parts.append("from " + said.removeprefix("in ") if said.startswith("in ") else said)
    return " ".join(parts)
