"""Autocomplete choices, precomputed from the corpus so each keystroke costs milliseconds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.categories import category_name
from bot.corpus import Corpus
from bot.safety import clip
from bot.text import fold

from . import limits

FUZZY_CUTOFF = 55.0


@dataclass(frozen=True, slots=True)
class Choice:
    name: str  # what the user sees, <= 100 characters
    value: str  # what the command receives, <= 100 characters


class ChoiceList:
    """Choices ranked for the empty query, plus folded keys for matching what was typed."""

    def __init__(self, choices: Sequence[Choice], keys: Sequence[str]) -> None:
        self.choices = list(choices)
        self.keys = [fold(k) for k in keys]

    def search(self, typed: str, limit: int = limits.AUTOCOMPLETE_CHOICES) -> list[Choice]:
        query = fold(typed).strip()
        if not query:
            return self.choices[:limit]
        # Substring hits first (fast, and what people expect while typing), then fuzzy ones for typos.
        picked = [i for i, key in enumerate(self.keys) if query in key][:limit]
        if len(picked) < limit:
            seen = set(picked)
            for _, _, index in process.extract(
                query, self.keys, scorer=fuzz.WRatio, processor=None, limit=limit, score_cutoff=FUZZY_CUTOFF
            ):
                if index not in seen:
                    picked.append(index)
                    seen.add(index)
                if len(picked) >= limit:
                    break
        return [self.choices[i] for i in picked[:limit]]


def _choice(name: str, value: str) -> Choice:
    return Choice(clip(name, limits.CHOICE_NAME), clip(value, limits.CHOICE_VALUE))


class AutocompleteIndex:
    def __init__(self, corpus: Corpus) -> None:
        newest = corpus.newest_first()
        self.papers = ChoiceList(
            [
                _choice(
                    f"{p.system} - {p.title}" if p.system and not p.title.startswith(p.system) else p.title, str(p.id)
                )
                for p in newest
            ],
            [f"{p.system or ''} {p.title}" for p in newest],
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
