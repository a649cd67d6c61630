"""What a "not" governs: the author position or the person after it, never a filter said before it;
and papers whose listed authors leave the researcher out, however that is said."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.answers.conftest import headline_and_ids

pytestmark = pytest.mark.usefixtures("pinned_today")


def test_a_not_before_an_author_position_leaves_the_code_filter_alone(arjun: Engine) -> None:
    # was "10 papers without code without Arjun Pillai-Novak as first author"
    assert headline_and_ids(arjun, "which papers with code was he NOT first author on?") == (
        "5 papers with code without Arjun Pillai-Novak as first author, newest first:",
        [2, 5, 6, 8, 13],
    )


def test_a_not_after_a_time_goes_on_to_the_author_position(henrik: Engine) -> None:
    # was "1 paper with code without Henrik Solvang-Adeyemi as first author not since 2020"
    assert headline_and_ids(henrik, "papers with code from 2020 onwards where he isn't first author") == (
        "4 papers with code without Henrik Solvang-Adeyemi as first author since 2020, newest first:",
        [2, 4, 9, 11],
    )


def test_did_not_write_with_someone(arjun: Engine) -> None:
    # the "not" was dropped: the one paper with her
    assert headline_and_ids(arjun, "which 2021 papers did he NOT write with Léa Fournier?") == (
        "1 paper without Léa Fournier from 2021:",
        [16],
    )
    assert headline_and_ids(arjun, "which 2021 papers did he write with Léa Fournier?")[1] == [15]


@pytest.mark.parametrize(
    "question",
    [
        "which papers on here don't even show his name in the author list?",  # was every paper
        "which papers is he on where his name is hidden behind the et al.?",  # was "doesn't list complete lists"
        "which papers is he not an author on?",
    ],
)
def test_papers_whose_listed_authors_leave_him_out(henrik: Engine, question: str) -> None:
    assert headline_and_ids(henrik, question) == (
        "3 papers not listing Henrik Solvang-Adeyemi among the authors, newest first:",
        [7, 14, 22],
    )


def test_who_is_behind_the_et_al_is_still_not_on_the_page(henrik: Engine) -> None:
    headline, _ = headline_and_ids(henrik, "who is hidden behind the et al. on GMPE-Net?")
    assert headline.startswith("The profile page lists only the first authors of GMPE-Net")


def test_what_someone_published_without_her_is_not_on_the_page(lucia: Engine) -> None:
    answer = lucia.ask("what has Jean-Baptiste Lefèvre published without her?", ("tester", "without her"))
    assert answer.headline == "No papers with Jean-Baptiste Lefèvre not listing Lucía Bernal-Okoye among the authors."
    assert answer.note == (
        "The profile lists only Lucía Bernal-Okoye's own papers; what others published without Lucía Bernal-Okoye "
        "is not on the page."
    )


def test_everything_but_the_newest_few(tomoko: Engine) -> None:
    # was the two newest papers: the opposite
    headline, ids = headline_and_ids(tomoko, "everything but her two newest papers")
    assert headline == "All but the newest 2 papers: 21 of 23, newest first:"
    assert ids == [2, 6, 5, 4, 7, 8, 10, 9, 11, 12, 13, 14, 15, 17, 16, 19, 18, 20, 21, 22, 23]
    assert headline_and_ids(tomoko, "her two newest papers")[1] == [1, 3]


def test_her_name_not_even_in_the_author_list(ingrid: Engine) -> None:
    question = "are there papers on her page where her name isn't even in the author list shown?"
    # was her place in every author list
    assert headline_and_ids(ingrid, question) == ("1 paper not listing Ingrid Oyelaran-Voss among the authors:", [4])


def test_papers_with_co_authors_is_a_filter_not_a_ranking(nadim: Engine) -> None:
    # was his most frequent co-authors
    assert headline_and_ids(nadim, "on which of his papers with co-authors is he listed last?") == (
        "Nadim Haddad-Kristiansen is the last listed author of 6 papers with co-authors listed:",
        [3, 7, 11, 14, 21, 22],
    )
    assert headline_and_ids(nadim, "who are his co-authors?")[0].startswith("Among the listed authors, ")


def test_a_class_s_papers_except_its_newest_few(tomoko: Engine) -> None:
    # was "The 2 papers outside HE": the pair of the last answer, and the class negated
    assert headline_and_ids(tomoko, "all her HE papers except the two newest") == (
        "All but the newest 2 papers in HE (High Energy Astrophysical Phenomena): 6 of 8, newest first:",
        [8, 9, 13, 16, 18, 22],
    )
