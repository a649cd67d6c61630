"""Which word the papers write beside a word: whether two words typed together ("sea ice") are used
in the papers only inside other compounds ("sea level", "ice sheet"), so that papers holding both
words apart are not about what was asked."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise

from bot.corpus.model import Paper
from bot.text import fold

LOCKED_SHARE = 2 / 3  # of a word's uses beside one other word (or before other words): part of those compounds
LOCKED_MIN_USES = 2  # one use says nothing of how the papers write a word


def _neighbours(texts: Iterable[str], word: str, after: bool) -> Counter[str]:
    """The words written right after (or before) `word` (or its plural), across a hyphen or a space."""
    stem = re.escape(word)
    pattern = rf"\b{stem}s?[\s\-]+([a-z]+)\b" if after else rf"\b([a-z]+)[\s\-]+{stem}s?\b"
    found = re.compile(pattern)
    return Counter(match.group(1) for text in texts for match in found.finditer(text))


def _beside_another(followers: Counter[str], typed: str) -> bool:
    """Most of the word's uses are before one other word, never before the one typed with it ("sea"
    in "sea level" when "sea ice" was asked)."""
    total = sum(followers.values())
    if total < LOCKED_MIN_USES or followers[typed]:
        return False
    _, uses = followers.most_common(1)[0]
    return uses >= LOCKED_SHARE * total


def _before_other_words(followers: Counter[str], stopwords: frozenset[str]) -> bool:
    """Most of the word's uses name something else with it ("ice sheet", "ice shelf", "ice flow"): it
    is a modifier there, not the thing itself ("captioning for ..." is captioning)."""
    total = sum(followers.values())
    named = sum(n for word, n in followers.items() if word not in stopwords)
    return total >= LOCKED_MIN_USES and named >= LOCKED_SHARE * total


def in_other_compounds(papers: Sequence[Paper], words: Sequence[str], stopwords: frozenset[str]) -> bool:
    """Whether two words typed together are written in these papers only inside other compounds: the
    first almost always before one other word, the second almost always before other words ("sea
    level", "ice sheet" for "sea ice"). The words must be folded; pass the papers that hold them."""
    if len(words) < 2:
        return False
    texts = [fold(f"{paper.title}\n{paper.abstract}") for paper in papers]
    return any(
        _beside_another(_neighbours(texts, first, after=True), second)
        and _before_other_words(_neighbours(texts, second, after=True), stopwords)
        for first, second in pairwise(words)
    )
