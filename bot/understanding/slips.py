"""Which letters a hand or an ear mistakes for which: a typo model for words that are not in the
question vocabulary, so that a word of the papers one letter away ("contrasts") is not taken for a
real word the papers do not use ("contracts")."""

from __future__ import annotations

from functools import cache

from bot.paths import KEYBOARD_FILE
from bot.yaml_io import load_data_file


@cache
def _confusable() -> frozenset[tuple[str, str]]:
    data = load_data_file(KEYBOARD_FILE)
    rows: list[str] = [str(row) for row in data["rows"]]
    pairs: set[tuple[str, str]] = set()
    for r, row in enumerate(rows):
        for i, key in enumerate(row):
            # beside it on its row, and the keys touching it on the rows above and below (each row is
            # set half a key to the right of the one above)
            near = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
            if r > 0:
                near += [rows[r - 1][j] for j in (i, i + 1) if j < len(rows[r - 1])]
            if r + 1 < len(rows):
                near += [rows[r + 1][j] for j in (i - 1, i) if 0 <= j < len(rows[r + 1])]
            pairs.update((key, other) for other in near)
    vowels = str(data["vowels"])
    pairs.update((a, b) for a in vowels for b in vowels if a != b)
    return frozenset(pairs)


def plausible_slip(typed: str, word: str) -> bool:
    """Whether every letter `typed` has in place of one of `word`'s is one a typist mistakes for it:
    a key beside it, or a vowel for a vowel. Letters left out, added or swapped always are."""
    from rapidfuzz.distance import Levenshtein

    if sorted(typed) == sorted(word):
        return True  # letters swapped
    if _undoubled(typed) == _undoubled(word):
        return True  # the wrong letter doubled ("sattelite", "accomodate")
    confusable = _confusable()
    return all(
        (word[op.dest_pos], typed[op.src_pos]) in confusable
        for op in Levenshtein.editops(typed, word)
        if op.tag == "replace"
    )


def _undoubled(word: str) -> str:
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])
