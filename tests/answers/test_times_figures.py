"""A speed-up written with a times sign glued to its number ("23× faster", "a 5.3× speed-up") is a
figure in that metric, and two papers' speed-ups compare."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.understanding.metrics import MetricLexicon
from tests.answers.conftest import headline_and_ids

pytestmark = pytest.mark.usefixtures("pinned_today")


def test_a_times_sign_after_its_number_names_the_speedup() -> None:
    lexicon = MetricLexicon.default()
    found = [(hit.metric.name, hit.surface) for hit in lexicon.find("a bootstrap 23× faster and 4x faster than X")]
    assert found == [("speedup", "× faster"), ("speedup", "x faster")]
    assert lexicon.find("a 2x2 grid of 8x8 patches") == []  # a size, not a speed-up


def test_the_speedup_of_one_paper(oren: Engine) -> None:
    # was "The abstract of TurboBoot does not mention that benchmark."
    assert headline_and_ids(oren, "what speedup does TurboBoot report?") == ("TurboBoot: 23× faster.", [14])
    assert headline_and_ids(oren, "what speedup does CipherFormer report?")[0] == "CipherFormer: 5.3× speed-up."


def test_the_bigger_speedup_of_two_papers(oren: Engine) -> None:
    # was both abstracts quoted, CipherFormer first, no answer to "which"
    headline, ids = headline_and_ids(oren, "which reports the bigger speedup, CipherFormer or TurboBoot?")
    assert headline == "TurboBoot reports the higher speedup: 23× faster, against 5.3× speed-up for CipherFormer."
    assert sorted(ids) == [8, 14]
