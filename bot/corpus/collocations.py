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

LOCKED_SHARE = 2 / 3  # of a word's uses beside the same other word: it is part of that compound
LOCKED_MIN_USES = 2  # one use says nothing of how the papers write a word


def _neighbours(texts: Iterable[str], word: str, after: bool) -> Counter[str]:
    """The words written right after (or before) `word` (or its plural), across a hyphen or a space."""
    stem = re.escape(word)
    pattern = rf"\b{stem}s?[\s\-]+([a-z]+)\b" if after else rf"\b([a-z]+)[\s\-]+{stem}s?\b"
    found = re.compile(pattern)
    return Counter(match.group(1) for text in texts for match in found.finditer(text))


def _locked_beside(neighbours: Counter[str], typed: str) -> bool:
    """Most of the word's uses are beside one other word, not the one typed with it."""
    total = sum(neighbours.values())
    if total < LOCKED_MIN_USES:
        return False
    word, uses = neighbours.most_common(1)[0]
    return word != typed and uses >= LOCKED_SHARE * total and neighbours[typed] == 0


def in_other_compounds(papers: Sequence[Paper], words: Sequence[str]) -> bool:
    """Whether, of two or more words typed together, one is written in these papers almost only
    beside another word than the one it was typed with: "sea" always in "sea level" when "sea ice"
    was asked. The words must be folded; a pair the papers ever write side by side is never locked."""
    if len(words) < 2:
        return False
    texts = [fold(f"{paper.title}\n{paper.abstract}") for paper in papers]
    for first, second in pairwise(words):
        if _locked_beside(_neighbours(texts, first, after=True), second):
            return True
        if _locked_beside(_neighbours(texts, second, after=False), first):
            return True
    return False
