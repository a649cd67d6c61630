"""Example questions filled from a corpus (never from code): for help, tests and benchmarks."""

from __future__ import annotations

from bot.corpus.categories import category_name
from bot.corpus.model import Corpus, Person
from bot.precompiled import compiled_pattern
from bot.understanding.intents import IntentSpec, load_intents

_SLOT = compiled_pattern(r"\{(\w+)\}")


def _co_authors(corpus: Corpus) -> list[Person]:
    return sorted(
        (p for k, p in corpus.people.items() if k != corpus.researcher_key), key=lambda p: (-len(p.papers), p.name)
    )


def template_values(corpus: Corpus) -> dict[str, str]:
    others = _co_authors(corpus)
    named = next((p for p in corpus.newest_first() if p.system), None)
    benchmark = max(corpus.by_benchmark, key=lambda b: (len(corpus.by_benchmark[b]), b), default="ImageNet")
    category = max(corpus.by_category, key=lambda c: len(corpus.by_category[c]), default="CL")
    years = corpus.years() or [corpus.researcher.as_of.year]
    first, second = (others + others[:1] * 2)[:2] if others else (None, None)
    month_source = corpus.newest[-1] if corpus.papers else None  # the oldest paper: its month is in {year}
    return {
        "year": str(years[0]),
        "year2": str(years[-1]),
        "month": month_source.date.strftime("%B") if month_source else "May",
        "person": first.name if first else corpus.researcher.name,
        "person2": second.name if second else corpus.researcher.name,
        "paper": named.system if named and named.system else (corpus.papers[0].title if corpus.papers else ""),
        "benchmark": benchmark,
        "category": category,
        "category_name": category_name(category),
        "researcher": corpus.researcher.name,
        "topic": "retrieval",
    }


def fill(template: str, values: dict[str, str]) -> str:
    return _SLOT.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def intent_examples(corpus: Corpus, intents: tuple[IntentSpec, ...] | None = None) -> list[tuple[str, str]]:
    """(intent, question) for every template example of every intent, filled from the corpus."""
    values = template_values(corpus)
    return [(spec.name, fill(example, values)) for spec in intents or load_intents() for example in spec.examples]
