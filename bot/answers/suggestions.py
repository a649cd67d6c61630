"""Did-you-mean for a message nothing understood: close example questions, names and benchmarks."""

from __future__ import annotations

from bot.corpus.model import Corpus

SUGGESTION_CUTOFF = 60.0
SUGGESTION_POOL_EACH = 1000  # bounded, so a fallback costs the same on 100,000 papers as on 23


class Suggester:
    def __init__(self, corpus: Corpus, examples: tuple[str, ...]) -> None:
        self.examples = examples
        pool = {q: q for q in examples}
        for paper in [p for p in corpus.newest if p.system][:SUGGESTION_POOL_EACH]:
            pool[paper.system or ""] = f"tell me about {paper.system}"
        people = sorted(corpus.people.values(), key=lambda p: -len(p.papers))[:SUGGESTION_POOL_EACH]
        for person in people:
            pool[person.name] = f"papers with {person.name}"
        benchmarks = sorted(corpus.by_benchmark, key=lambda b: -len(corpus.by_benchmark[b]))
        for name in benchmarks[:SUGGESTION_POOL_EACH]:
            pool[name] = f"which papers mention {name}?"
        self.pool = pool
        self.choices = list(pool)

    def suggest(self, text: str, limit: int = 3) -> tuple[tuple[str, ...], bool]:
        """Questions close to what was typed (True), else a few examples (False)."""
        examples = self.examples[:limit]
        clean = " ".join(text.split())
        if len(clean) < 3 or not any(ch.isalpha() for ch in clean):
            return examples, False
        from rapidfuzz import fuzz, process  # imported on first use: most starts never need it

        # WRatio favours short choices inside long text; score both directions and keep the weaker.
        scored = process.extract(
            clean,
            self.choices,
            scorer=fuzz.WRatio,
            processor=str.casefold,
            limit=limit * 3,
            score_cutoff=SUGGESTION_CUTOFF,
        )
        picked: list[str] = []
        for choice, _, _ in scored:
            both_ways = min(
                fuzz.WRatio(clean.casefold(), choice.casefold()),
                fuzz.token_sort_ratio(clean.casefold(), choice.casefold()),
            )
            if both_ways >= SUGGESTION_CUTOFF and self.pool[choice] not in picked:
                picked.append(self.pool[choice])
        return (tuple(picked[:limit]), True) if picked else (examples, False)
