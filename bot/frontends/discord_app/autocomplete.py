"""Autocomplete choices, precomputed from the corpus so each keystroke costs milliseconds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.corpus.categories import category_name
from bot.corpus.model import Corpus
from bot.safety import clip
from bot.text import fold

from . import limits

FUZZY_CUTOFF = 60.0


@dataclass(frozen=True, slots=True)
class Choice:
    name: str  # what the user sees, <= 100 characters
    value: str  # what the command receives, <= 100 characters


class ChoiceList:
    """Choices ranked for the empty query; `keys` (full text) for substring matches while typing,
    `short_keys` (names) for typo-tolerant matches, which stay fast because names are short."""

    def __init__(self, choices: Sequence[Choice], keys: Sequence[str], short_keys: Sequence[str] | None = None) -> None:
        self.choices = list(choices)
        self.keys = [fold(k) for k in keys]
        self.short_keys = [fold(k) for k in short_keys] if short_keys is not None else self.keys

    def search(self, typed: str, limit: int = limits.AUTOCOMPLETE_CHOICES) -> list[Choice]:
        query = fold(typed).strip()
        if not query:
            return self.choices[:limit]
        picked: list[int] = []
        for index, key in enumerate(self.keys):
            if query in key:
                picked.append(index)
                if len(picked) >= limit:
                    return [self.choices[i] for i in picked]
        seen = set(picked)
        for _, _, index in process.extract(
            query, self.short_keys, scorer=fuzz.ratio, processor=None, limit=limit, score_cutoff=FUZZY_CUTOFF
        ):
            if index not in seen:
                picked.append(index)
                seen.add(index)
        return [self.choices[i] for i in picked[:limit]]


def _choice(name: str, value: str) -> Choice:
    return Choice(clip(name, limits.CHOICE_NAME), clip(value, limits.CHOICE_VALUE))


class AutocompleteIndex:
    def __init__(self, corpus: Corpus) -> None:
        newest = corpus.newest_first()
        self.papers = ChoiceList(
            [
                # The value is the title (what a user could have typed), never an internal id.
                _choice(
                    f"{p.system} - {p.title}" if p.system and not p.title.startswith(p.system) else p.title,
                    p.title,
                )
                for p in newest
            ],
            [f"{p.system or ''} {p.title}" for p in newest],
            [p.system or p.title[:40] for p in newest],
        )
        people = sorted(corpus.people.values(), key=lambda p: (-len(p.papers), p.name))
        self.people = ChoiceList([_choice(p.name, p.key) for p in people], [p.name for p in people])
        benchmarks = sorted(corpus.by_benchmark, key=lambda b: (-len(corpus.by_benchmark[b]), b.casefold()))
        known = sorted(set(corpus.gazetteer.entries) - set(benchmarks), key=str.casefold)
        every = benchmarks + known
        aliases = [
            " ".join(corpus.gazetteer.entries[b].spellings) if b in corpus.gazetteer.entries else b for b in every
        ]
        self.benchmarks = ChoiceList([_choice(b, b) for b in every], aliases)
        codes = sorted(corpus.by_category, key=lambda c: (-len(corpus.by_category[c]), c))
        self.categories = ChoiceList(
            [_choice(f"{c} - {category_name(c)}", c) for c in codes], [f"{c} {category_name(c)}" for c in codes]
        )
