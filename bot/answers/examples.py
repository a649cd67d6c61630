"""Example questions built from a corpus itself, so they hold for any profile: for help and the
fallback. Computed once per engine (not cached globally: a cache would keep reloaded corpora alive)."""

from __future__ import annotations

from bot.corpus.model import Corpus


def example_questions(corpus: Corpus) -> tuple[str, ...]:
    newest = corpus.newest_first()
    years = corpus.years()
    examples = []
    if years:
        examples.append(f"papers from {years[-1]}")
        examples.append(f"papers since {years[len(years) // 2]}")
    examples.append("latest paper")
    named = next((p for p in newest if p.system), None)
    if named:
        examples.append(f"tell me about {named.system}")
        examples.append(f"who wrote {named.system}?")
        examples.append(f"is there code for {named.system}?")
    benchmark = max(corpus.by_benchmark, key=lambda b: len(corpus.by_benchmark[b]), default=None)
    if benchmark:
        examples.append(f"which papers mention {benchmark}?")
    others = sorted(
        (p for k, p in corpus.people.items() if k != corpus.researcher_key), key=lambda p: (-len(p.papers), p.name)
    )
    examples.append("who are the most frequent co-authors?")
    if others:
        examples.append(f"papers with {others[0].name}")
    if len(years) >= 2:
        # what the bot does beyond a keyword search: negation and comparison
        examples.append(f"papers without code from {years[-2]}")
        examples.append(f"more papers in {years[-2]} or {years[-1]}?")
    examples += ["h-index?", "papers per year", "which of those have code?"]
    return tuple(examples)
