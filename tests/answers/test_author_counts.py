"""Papers by how many authors they list; a list cut short ("et al.") has more than it shows, how many more
is not known."""

from __future__ import annotations

import pytest

from bot.answers.selecting import _author_count_fits
from bot.engine import Engine
from bot.query import AuthorCount
from tests.answers.conftest import asked

pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.mark.parametrize(
    ("listed", "cut_short", "atom", "fits"),
    [
        (2, False, AuthorCount(2), True),
        (3, True, AuthorCount(3), False),  # three shown, then "et al.": four or more
        (3, True, AuthorCount(4, "at least"), True),
        (3, False, AuthorCount(4, "at least"), False),
        (2, False, AuthorCount(2, "at most"), True),
        (2, True, AuthorCount(5, "at most"), False),  # how many in all is not known
    ],
)
def test_a_list_cut_short_counts_only_towards_at_least(
    listed: int, cut_short: bool, atom: AuthorCount, fits: bool
) -> None:
    assert _author_count_fits(listed, cut_short, atom) is fits


def test_two_author_papers_where_she_is_second(sofia: Engine) -> None:
    # "two" was a topic word: it listed all 11 papers where she is second
    headline, _, ids = asked(sofia, "on which two-author papers is she listed second?")
    assert headline == "Sofia Varga-Mbeki is the second listed author of 3 papers with 2 listed authors:"
    assert sorted(ids) == [7, 11, 18]


def test_a_class_with_exactly_two_authors(ilse: Engine) -> None:
    headline, _, ids = asked(ilse, "CC papers with exactly two authors")
    assert headline == "2 papers in CC (Computational Complexity) with 2 listed authors, newest first:"
    assert ids == [4, 19]


def test_solo_or_two_authors_is_either(yara: Engine) -> None:
    headline, _, ids = asked(yara, "solo or two-author papers from before 2020?")
    assert headline == "2 papers before 2020 with no co-author listed or with 2 listed authors, newest first:"
    assert ids == [21, 23]


def test_more_than_three_authors_counts_lists_cut_short(yara: Engine) -> None:
    headline, _, ids = asked(yara, "papers with more than three authors")
    assert headline == "13 papers with at least 4 authors, newest first:"
    assert len(ids) == 13
