"""The researcher named by a mistyped name or by name in "X isn't in the author list", per-paper
citation filters and others' opinions said as what the page lacks, a tool a paper only writes as a
name, and a date that says when something happened rather than when a paper came out."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.answers.conftest import headline_and_ids

pytestmark = pytest.mark.usefixtures("pinned_today")


def test_the_researcher_by_name_left_out_of_the_author_list(tariq: Engine, yuki: Engine) -> None:
    # was "No: there are no papers about visible not listing ..."
    headline, ids = headline_and_ids(tariq, "is there a paper where tariq isn't even in the visible author list?")
    assert headline.startswith("Yes: 1 paper not listing Tariq Benhaddou-Lindgren among the authors") and ids == [4]
    conversation = ("t", "name not shown")
    yuki.ask("papers with Inês Carvalho", conversation)
    yuki.ask("sort them oldest first", conversation)
    answer = yuki.ask("in which one is Yuki's name not shown?", conversation)  # was the three papers again
    assert [p.id for p in answer.papers] == [15]
    # someone else's name in the same words is that person left out
    assert headline_and_ids(tariq, "papers where Niamh O'Driscoll is not listed")[0].startswith(
        "18 papers without Niamh O'Driscoll"
    )


def test_the_researcher_s_own_name_mistyped(tariq: Engine) -> None:
    # was "No papers list tariq benhadou among their authors"
    assert (
        headline_and_ids(tariq, "tariq benhadou lindgren papers with code??")[0] == "7 papers with code, newest first:"
    )
    assert headline_and_ids(tariq, "papers by tariq benhadou")[0].startswith(
        "All 23 papers on Tariq Benhaddou-Lindgren"
    )


@pytest.mark.parametrize(
    "question", ["which of his papers have more than 100 citations?", "papers with over 50 citations"]
)
def test_papers_filtered_by_their_own_citations_are_not_on_the_page(tariq: Engine, question: str) -> None:
    # was the profile's total (1,482) as the answer
    headline, ids = headline_and_ids(tariq, question)
    assert headline.startswith("The profile page doesn't list citation counts of single papers") and ids == []


def test_what_others_think_of_a_paper_is_not_on_the_page(tariq: Engine) -> None:
    headline, ids = headline_and_ids(tariq, "what do other archaeologists think of SherdFormer, is it well regarded?")
    assert headline.startswith("The profile page doesn't list judgements") and ids == []


def test_a_tool_written_as_a_name_is_no_paper_of_hers(yuki: Engine) -> None:
    # was "Yes: the paper about idtracker: SchoolNet ..." (it compares against idtracker.ai)
    for question in ("did she create idtracker.ai?", "did she create idtracker?"):
        assert headline_and_ids(yuki, question) == (
            "No: idtracker is not one of Yuki Anand-Castellano's papers; it is only mentioned in SchoolNet: "
            "Occlusion-Robust Identity Tracking in Zebrafish Shoals.",
            [7],
        )


def test_a_date_of_what_a_paper_studies_is_no_publication_date(amaru: Engine) -> None:
    # was "No: there are no papers about storm from May 2024."
    question = "Did Amaru write anything that actually looks at the May 2024 storm?"
    headline, ids = headline_and_ids(amaru, question)
    assert headline.startswith("Yes: ") and 3 in ids
    # a date after "in" is the papers' own; one before a paper noun too
    assert headline_and_ids(amaru, "what did he publish in the 2021 season")[0] == "1 paper from 2021:"
    assert headline_and_ids(amaru, "the 2019 flare paper")[0].startswith("The paper about flare from 2019:")


def test_her_first_paper_with_code_is_a_pick_among_the_papers_with_code(tariq: Engine) -> None:
    # was "Yes: the profile marks code for KilnNet": whether it has code, not whether it was the first
    assert headline_and_ids(tariq, "was KilnNet his first paper with code?")[0] == (
        "No: the oldest paper with code is SmallFinds3D (Jun 4, 2019); KilnNet is from May 14, 2024."
    )
    assert headline_and_ids(tariq, "does KilnNet have code?")[0].startswith("Yes: the profile marks code for KilnNet")


def test_how_many_with_and_how_many_without(yuki: Engine) -> None:
    # was the 9 papers with code only
    assert headline_and_ids(yuki, "how many papers have code and how many don't?")[0] == (
        "More papers are without code (14 papers) than with code (9 papers)."
    )
