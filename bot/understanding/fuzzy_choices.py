"""Names to look a typed word up in by rapidfuzz's ratio, kept by length."""

from __future__ import annotations

import math
from collections.abc import Iterable


class FuzzyChoices:
    """Strings a typed key may be a slip of. The ratio of two strings of lengths a <= b is at most
    200 * a / (a + b) (every letter of the longer one past the shorter's length is an edit), so only
    the names of a length that can reach the cutoff go to rapidfuzz: at 10,000 papers a lookup then
    scans a fraction of the names instead of all of them. The result is rapidfuzz's own (the first
    best match, shorter names before longer ones)."""

    def __init__(self, choices: Iterable[str]) -> None:
        self.choices = list(choices)
        self._by_length: dict[int, list[str]] | None = None  # sorted out on the first lookup, not at load
        self._bands: dict[tuple[int, float], list[str]] = {}

    def __len__(self) -> int:
        return len(self.choices)

    def band(self, length: int, cutoff: float) -> list[str]:
        """The choices whose length lets them score `cutoff` against a key of this length."""
        key = (length, cutoff)
        if key not in self._bands:
            if self._by_length is None:
                self._by_length = {}
                for choice in self.choices:
                    self._by_length.setdefault(len(choice), []).append(choice)
            if cutoff <= 0:
                self._bands[key] = self.choices
                return self.choices
            shortest = math.floor(length * cutoff / (200 - cutoff))
            longest = math.ceil(length * (200 - cutoff) / cutoff)
            lengths = sorted(n for n in self._by_length if shortest <= n <= longest)
            self._bands[key] = [choice for n in lengths for choice in self._by_length[n]]
        return self._bands[key]

    def closest(self, key: str, cutoff: float) -> tuple[str, float] | None:
        """The choice most like `key` if one scores `cutoff` or more (fuzz.ratio, 0-100)."""
        from rapidfuzz import fuzz, process  # imported on the first lookup: most questions make none

        found = process.extractOne(key, self.band(len(key), cutoff), scorer=fuzz.ratio, score_cutoff=cutoff)
        return (found[0], found[1]) if found else None
