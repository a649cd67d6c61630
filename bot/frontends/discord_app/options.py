"""Slash-command option values, typed or picked from autocomplete, resolved to typed values: a class
code, a person key, a paper id, a benchmark's canonical name. A value that resolves to nothing comes
back with the closest candidates for a "did you mean". Pure Python: no discord import.

The lookups are built once per corpus (OptionIndex, in the reload thread), and fuzzy matching uses
rapidfuzz's fast scorers over short keys, so resolving stays in milliseconds at 100,000 papers.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from rapidfuzz import fuzz, process

from bot.corpus.categories import categories, category_name
from bot.corpus.model import Corpus, Paper
from bot.text import compact, fold

T = TypeVar("T")
SUGGEST_CUTOFF = 70.0  # a candidate this close is worth offering
ACCEPT_CUTOFF = 90.0  # a single candidate this close (and clearly ahead) is taken as meant
CLEAR_LEAD = 5.0
MAX_SUGGESTIONS = 5
TITLE_HEAD = 40  # titles are compared on their beginning: long strings make fuzzy matching slow
CHUNK = 10_000  # keys scored between two turns of the event loop (a few milliseconds)


@dataclass(frozen=True, slots=True)
class Resolution(Generic[T]):
    """Either `value`, or `problem` (one sentence) with up to five `(label, value)` candidates."""

    value: T | None = None
    problem: str = ""
    candidates: tuple[tuple[str, T], ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Fuzzy(Generic[T]):
    """Folded keys, the value each stands for, and labels to show."""

    keys: list[str]
    values: list[T]
    labels: dict[T, str]

    @classmethod
    def of(cls, pairs: dict[str, T], labels: dict[T, str]) -> Fuzzy[T]:
        return cls(list(pairs), list(pairs.values()), labels)

    async def closest(self, typed: str, scorer: Callable[..., float], head: int | None = None) -> list[tuple[float, T]]:
        """Values whose keys score at least SUGGEST_CUTOFF, best first (one entry per value). Scored in
        chunks with a turn for the event loop between them: a large pool takes tens of milliseconds."""
        query = fold(typed)[:head] if head is not None else fold(typed)
        scored: dict[Any, float] = {}
        for start in range(0, len(self.keys), CHUNK):
            for _, score, index in process.extract(
                query,
                self.keys[start : start + CHUNK],
                scorer=scorer,
                processor=None,
                limit=MAX_SUGGESTIONS * 4,
                score_cutoff=SUGGEST_CUTOFF,
            ):
                value = self.values[start + index]
                scored[value] = max(score, scored.get(value, 0.0))
            if start + CHUNK < len(self.keys):
                await asyncio.sleep(0)
        ranked = sorted(scored.items(), key=lambda item: (-item[1], self.labels[item[0]]))
        return [(score, value) for value, score in ranked]

    async def decide(
        self, typed: str, problem: str, scorer: Callable[..., float], head: int | None = None
    ) -> Resolution[T]:
        ranked = await self.closest(typed, scorer, head)
        if ranked and ranked[0][0] >= ACCEPT_CUTOFF and (len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= CLEAR_LEAD):
            return Resolution(ranked[0][1])
        candidates = tuple((self.labels[value], value) for _, value in ranked[:MAX_SUGGESTIONS])
        return Resolution(problem=problem, candidates=candidates)


class OptionIndex:
    """Every lookup the resolvers need, built once per corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        codes = set(categories()) | set(corpus.by_category)
        aliases = {
            fold(alias): category.code
            for category in categories().values()
            for alias in (category.name, *category.aliases)
        }
        self.category_codes = codes
        self.category_aliases = aliases
        self.categories = Fuzzy.of(aliases, {c: f"{c} ({category_name(c)})" for c in codes})

        self.people_by_part: dict[str, list[str]] = {}
        for key, person in corpus.people.items():
            for part in {compact(p) for p in person.name.split()}:
                self.people_by_part.setdefault(part, []).append(key)
        people_labels = {k: p.name for k, p in corpus.people.items()}
        self.people = Fuzzy.of({fold(p.name): k for k, p in corpus.people.items()}, people_labels)

        self.papers_by_title: dict[str, list[Paper]] = {}
        self.papers_by_system: dict[str, list[Paper]] = {}
        paper_keys: dict[str, int] = {}
        for paper in corpus.newest:
            self.papers_by_title.setdefault(compact(paper.title), []).append(paper)
            paper_keys.setdefault(fold(paper.title)[:TITLE_HEAD], paper.id)
            if paper.system:
                self.papers_by_system.setdefault(compact(paper.system), []).append(paper)
                paper_keys.setdefault(fold(paper.system), paper.id)
        self.papers = Fuzzy.of(paper_keys, {p.id: f"{p.title} ({p.year})" for p in corpus.papers})

        names = set(corpus.by_benchmark) | set(corpus.gazetteer.entries)
        self.benchmarks = Fuzzy.of({fold(n): n for n in names}, {n: n for n in names})


async def resolve_category(typed: str, index: OptionIndex) -> Resolution[str]:
    """`CV`, `cs.CV`, `computer vision`, `Computer Vision and Pattern Recognition` -> CV."""
    text = typed.strip()
    code = text.upper().removeprefix("CS.")
    if code in index.category_codes:
        return Resolution(code)
    exact = index.category_aliases.get(fold(text))
    if exact is not None:
        return Resolution(exact)
    return await index.categories.decide(text, f"No arXiv class matches “{text}”.", fuzz.WRatio)


async def resolve_person(typed: str, index: OptionIndex) -> Resolution[str]:
    """A person key (from autocomplete), a full name however spelt, or one name that only one author has."""
    people = index.corpus.people
    text = typed.strip()
    if text in people:
        return Resolution(text)
    key = compact(text)
    if key in people:
        return Resolution(key)
    owners = index.people_by_part.get(key, [])
    if len(owners) == 1:
        return Resolution(owners[0])
    if owners:
        ranked = sorted(owners, key=lambda k: (-len(people[k].papers), people[k].name))
        candidates = tuple((people[k].name, k) for k in ranked[:MAX_SUGGESTIONS])
        return Resolution(problem=f"Several listed authors are called “{text}”.", candidates=candidates)
    resolution = await index.people.decide(text, f"No listed author matches “{text}”.", fuzz.token_sort_ratio)
    if resolution.value is None and not resolution.candidates:
        return Resolution(problem=f"No one called “{text}” is among the listed authors on this profile.")
    return resolution


async def resolve_paper(typed: str, index: OptionIndex) -> Resolution[int]:
    """A title (autocomplete sends the title, clipped to 100 characters) or a system name -> paper id.
    Numbers are titles like any other text: ids never come from what a user types."""
    text = typed.strip()
    key = compact(text)
    exact = index.papers_by_title.get(key) or index.papers_by_system.get(key) or []
    if not exact and len(text) >= 90:  # a title clipped by autocomplete: match on its beginning
        exact = [p for title, papers in index.papers_by_title.items() if title.startswith(key) for p in papers]
    exact = list({p.id: p for p in exact}.values())
    if len(exact) == 1:
        return Resolution(exact[0].id)
    labels = index.papers.labels
    if exact:
        newest = index.corpus.newest_first(exact)[:MAX_SUGGESTIONS]
        candidates = tuple((labels[p.id], p.id) for p in newest)
        return Resolution(problem=f"Several papers are called “{text}”.", candidates=candidates)
    problem = f"No paper title or system name matches “{text}”."
    resolution = await index.papers.decide(text, problem, fuzz.ratio, TITLE_HEAD)
    if resolution.value is None and not resolution.candidates:
        return Resolution(problem=f"No paper on this profile is titled or named “{text}”; start typing and pick one.")
    return resolution


async def resolve_benchmark(typed: str, index: OptionIndex) -> Resolution[str]:
    """A benchmark the gazetteer knows -> its canonical name; a near miss -> candidates; anything else
    -> neither, so the command searches for the words as typed."""
    text = typed.strip()
    canonical = index.corpus.gazetteer.canonical(text)
    if canonical:
        return Resolution(canonical)
    ranked = await index.benchmarks.closest(text, fuzz.ratio)
    if not ranked:
        return Resolution()
    candidates = tuple((name, name) for _, name in ranked[:MAX_SUGGESTIONS])
    return Resolution(problem=f"No benchmark called “{text}” is known.", candidates=candidates)
