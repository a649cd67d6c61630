"""A time the question names is the window of a "recent papers" list; halves of a unit are windows too."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.answers.conftest import headline_and_ids as ask

pytestmark = pytest.mark.usefixtures("pinned_today")


def test_recent_papers_from_a_named_year_on_are_all_of_them(ilse: Engine) -> None:
    # "The 5 papers since 2025 (8 in all)": the five a bare "recent papers" shows
    headline, ids = ask(ilse, "her recent stuff, 2025 onwards")
    assert headline == "8 papers since 2025, newest first:"
    assert sorted(ids) == [1, 2, 3, 4, 5, 6, 7, 8]


def test_recent_papers_alone_are_a_few(ilse: Engine) -> None:
    headline, ids = ask(ilse, "latest papers")
    assert headline == "The newest 5 papers on Ilse Marchetti-Wong's profile:"
    assert len(ids) == 5


def test_a_year_and_a_half_is_eighteen_months(ilse: Engine) -> None:
    headline, ids = ask(ilse, "what came out in the last year and a half")
    assert headline.startswith("7 papers since May 27, 2025")
    assert sorted(ids) == [1, 2, 3, 4, 5, 6, 7]
