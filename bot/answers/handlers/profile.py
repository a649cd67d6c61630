"""The profile's figures: h-index, citations, counts per year and per class."""

from __future__ import annotations

from collections import defaultdict

from bot.answers.answer import Answer
from bot.corpus.categories import category_name
from bot.corpus.model import Corpus, Paper
from bot.understanding.query import Slots

from .context import HandlerContext
from .formatting import plural, possessive
from .selection import describe, select


def _number(value: float | int | None) -> str:
    if value is None:
        return "not given"
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def profile_stats(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    r = corpus.researcher
    name = possessive(r.name)
    fields = (
        ("h-index", str(r.h_index)),
        ("Citations", f"{r.citations:,}"),
        (
            "Papers",
            f"{r.paper_count:,}"
            + ("" if r.paper_count == len(corpus.papers) else f" (the page lists {len(corpus.papers):,})"),
        ),
        ("Primary area", f"{r.primary_category} ({r.primary_category_name})"),
        ("Novelty", _number(r.novelty) + ("%" if r.novelty is not None else "")),
        ("AI score", _number(r.ai_score)),
    )
    if slots.stat == "h_index":
        headline = f"{name} h-index is {r.h_index}."
    elif slots.stat == "citations":
        headline = f"{r.name} has {r.citations:,} citations."
    elif slots.stat == "novelty":
        headline = f"{name} novelty score is {_number(r.novelty)}%."
    elif slots.stat == "ai_score":
        headline = f"{name} AI score is {_number(r.ai_score)}."
    elif slots.stat == "area":
        headline = f"{name} primary area is {r.primary_category} ({r.primary_category_name})."
    else:
        headline = (
            f"{r.name}: h-index {r.h_index}, {r.citations:,} citations, {plural(r.paper_count, 'paper')}, "
            f"primary area {r.primary_category} ({r.primary_category_name})."
        )
    return Answer(intent="profile_stats", headline=headline, fields=fields)


def _bars(counts: list[tuple[str, int]]) -> tuple[str, ...]:
    widest = max((n for _, n in counts), default=1)
    return tuple(
        f"{label}: {'█' * (max(1, round(12 * n / widest)) if n else 0)} {n}".replace(":  ", ": ") for label, n in counts
    )


def year_counts(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    scoped = slots.with_changes(span=None, month=None)
    if scoped.filters_papers or scoped.within is not None:
        groups: dict[int, list[Paper]] = defaultdict(list)
        for paper in select(corpus, scoped):
            groups[paper.year].append(paper)
        inferred = sum(1 for group in groups.values() for p in group if p.year_inferred)
    else:  # the whole profile: the year index already holds the groups
        groups = corpus.by_year
        inferred = corpus.inferred_count
    counts = {year: len(group) for year, group in groups.items() if group}
    if not counts:
        return Answer(intent="year_counts", headline="No papers to count.")
    years = sorted(counts)
    rows = [(str(y), counts.get(y, 0)) for y in range(years[0], years[-1] + 1)]
    target = min(counts.values()) if slots.least else max(counts.values())
    best = [y for y in years if counts[y] == target]
    scope = describe(corpus, scoped)
    scope = f" {scope}" if scope else ""
    headline = (
        f"Papers per year{scope} ({sum(counts.values())} in all); the {'least' if slots.least else 'most'} "
        f"productive year{'s are' if len(best) > 1 else ' is'} {' and '.join(map(str, best))} "
        f"with {plural(target, 'paper')}."
    )
    note = (
        f"{plural(inferred, 'paper')} without a year on the page counted in the year inferred from the "
        f"profile date ({corpus.researcher.as_of.isoformat()})."
        if inferred
        else ""
    )
    return Answer(
        intent="year_counts",
        headline=headline,
        items=_bars(rows),
        chart=tuple(rows),
        note=note,
        numbered=False,
        papers=tuple(p for year in sorted(best, reverse=True) for p in groups[year]),  # groups are newest first
    )


def category_counts(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    scoped = slots.with_changes(categories=())
    if scoped.filters_papers or scoped.within is not None:
        counts: dict[str, int] = {}
        for paper in select(corpus, scoped):
            counts[paper.category] = counts.get(paper.category, 0) + 1
    else:  # the whole profile: the class index already holds the counts
        counts = {code: len(group) for code, group in corpus.by_category.items()}
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return Answer(intent="category_counts", headline="No papers to count.")
    items = tuple(f"{code} ({category_name(code)}): {plural(n, 'paper')}" for code, n in ranked)
    top_code, top_n = ranked[0]
    headline = (
        f"{possessive(corpus.researcher.name)} papers span {plural(len(ranked), 'arXiv class', 'arXiv classes')}; "
        f"most are in {top_code} ({category_name(top_code)}, {top_n})."
    )
    return Answer(intent="category_counts", headline=headline, items=items, numbered=False, chart=tuple(ranked))
