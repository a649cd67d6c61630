"""The words of a profile's titles and abstracts that a misspelt topic word may be ("slep" for
"sleep", "baterry degredation"): read from the few papers the spelling index says hold a word near
it, never from every abstract, so the lookup costs the same on a page of 20 papers or 100,000."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bot.corpus.model import Paper
from bot.precompiled import compiled_pattern
from bot.text import fold

PAPERS_READ = 200  # enough to rank the near words by use; the fuzzy query's hits come unranked
_LETTERS = compiled_pattern(r"[^\W\d_]+")


def words_near(word: str, allowed: int, papers: Iterable[Paper]) -> Counter[str]:
    """Each word of these papers within `allowed` edits of `word` (a swap of two letters is one
    edit), with how many of the papers use it."""
    from rapidfuzz.distance import DamerauLevenshtein

    found: Counter[str] = Counter()
    for paper in papers:
        written = set(_LETTERS.findall(fold(f"{paper.title} {paper.abstract}")))
        found.update(
            w
            for w in written
            if abs(len(w) - len(word)) <= allowed
            and w != word
            and DamerauLevenshtein.distance(word, w, score_cutoff=allowed) <= allowed
        )
    return found
