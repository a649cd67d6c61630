"""FuzzyChoices hands rapidfuzz only the names long enough to reach the cutoff: the same best score
as a scan over every name, on random names of every length."""

from __future__ import annotations

import random
import string

import pytest
from rapidfuzz import fuzz, process

from bot.understanding.fuzzy_choices import FuzzyChoices


def _names(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choices(string.ascii_lowercase[:6], k=rng.randint(1, 24))) for _ in range(count)]


@pytest.mark.parametrize("cutoff", [0.0, 50.0, 85.0, 86.0, 95.0, 100.0])
def test_the_best_score_is_the_full_scans(cutoff: float) -> None:
    rng = random.Random(int(cutoff))
    names = _names(rng, 400)
    choices = FuzzyChoices(names)
    for key in _names(rng, 300) + rng.sample(names, 20):
        full = process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=cutoff)
        banded = choices.closest(key, cutoff)
        assert (banded is None) == (full is None), key
        if full and banded:
            assert banded[1] == full[1], key
            assert fuzz.ratio(key, banded[0]) == full[1]


def test_a_band_leaves_out_only_lengths_that_cannot_reach_the_cutoff() -> None:
    choices = FuzzyChoices(["a" * n for n in range(1, 40)])
    band = {len(c) for c in choices.band(18, 86.0)}
    # 200 * 18 / (18 + n) >= 86 for n <= 23.8; 200 * n / (18 + n) >= 86 for n >= 13.6
    assert band == set(range(13, 25))
    assert all(fuzz.ratio("a" * 18, "a" * n) < 86 for n in range(1, 40) if n not in band)


def test_exact_and_near_names_are_found_and_others_are_not() -> None:
    choices = FuzzyChoices(["deepeyes", "mplugowl", "hitea", "xclip"])
    assert choices.closest("deepeye", 86.0) == ("deepeyes", pytest.approx(93.33, abs=0.01))
    assert choices.closest("mplugowl", 86.0) == ("mplugowl", 100.0)
    assert choices.closest("videounderstanding", 86.0) is None
    assert len(choices) == 4
    assert FuzzyChoices([]).closest("anything", 50.0) is None
