"""A ranking cut at a number of papers ("co-authors on at least 4 papers") or shown whole ("all her
co-authors"); "those papers" after a ranking of people; two papers set against each other by date,
said as the comparison asked. Misses of profiles written by people who never read the code."""

from __future__ import annotations

import pytest

from bot.corpus.model import Corpus
from bot.engine import Engine
from tests.answers.conftest import asked, engine_for
from tests.dialogue.test_policy import talk


@pytest.fixture(scope="module")
def farida() -> Engine:
    return engine_for("farida_lindqvist-okoro.txt")


def test_co_authors_on_at_least_some_papers(farida: Engine) -> None:
    answer = farida.ask("which co-authors show up on at least 4 papers", ("tester", "1"))
    assert answer.headline == (
        "Among the listed authors, 3 co-authors are on at least 4 of Farida Lindqvist-Okoro's papers: "
        "Mateus Albuquerque-Reis (7 papers), Priya Raghunathan (5 papers) and Henrik van der Berg (4 papers)."
    )
    assert len(answer.items) == 3
    more_than = farida.ask("who has she written more than 2 papers with?", ("tester", "2"))
    assert len(more_than.items) == 8 and more_than.items[-1] == "Yuki Nakashima: 3 papers"


def test_a_cut_no_one_reaches_is_said_and_the_top_named(farida: Engine) -> None:
    assert asked(farida, "co-authors on at least 9 papers")[0] == (
        "None of Farida Lindqvist-Okoro's listed co-authors is on 9 or more of the papers; the most frequent are "
        "Mateus Albuquerque-Reis (7 papers), Priya Raghunathan (5 papers) and Henrik van der Berg (4 papers)."
    )


def test_all_co_authors_are_listed_when_asked(farida: Engine) -> None:
    answer = farida.ask("list all her co-authors", ("tester", "3"))
    assert answer.headline == "Farida Lindqvist-Okoro has 16 listed co-authors, most papers together first:"
    assert len(answer.items) == 16
    # not cut to the top ten otherwise
    assert len(farida.ask("who does she work with most?", ("tester", "4")).items) == 10


def test_those_papers_after_a_ranking_of_people_are_the_top_ones() -> None:
    ifeoma = engine_for("ifeoma_castellanos-berg.txt")
    assert talk(ifeoma, "who does she work with most?", "show me those papers", "which is the oldest one")[1:] == [
        [1, 3, 6, 10, 14, 16, 20],
        [20],
    ]


def test_two_papers_set_against_each_other_by_date(farida: Engine) -> None:
    assert asked(farida, "is CryptoLOB newer than ExecRL?")[0] == (
        "No: CryptoLOB (Jan 25, 2024) is older than ExecRL (Sep 12, 2024)."
    )
    assert asked(farida, "is CryptoLOB older than ExecRL?")[0] == (
        "Yes: CryptoLOB (Jan 25, 2024) is older than ExecRL (Sep 12, 2024)."
    )
    # one paper against the whole profile keeps its wording
    assert asked(farida, "is ExecRL her latest paper")[0].startswith("No: the latest paper is OrderFormer")


def test_papers_dated_after_or_before_one_paper_named_alone() -> None:
    mikkel = engine_for("mikkel_adeyemi-rossi.txt")
    headline, _, ids = asked(mikkel, "what did he publish after SurgChat")
    assert headline == "7 papers after SurgChat, newest first:" and ids == [
        1,
        2,
        4,
        3,
        5,
        6,
        7,
    ]  # (3 and 4 out of date order on the page)
    assert asked(mikkel, "how many papers came out before SurgChat?")[0] == (
        "Mikkel Adeyemi-Rossi has 15 papers before SurgChat:"
    )
    assert asked(mikkel, "what came out after SurgChat with code")[0].startswith("4 papers with code after SurgChat")
    # two papers named are set against each other, not read as a date range
    assert asked(mikkel, "is SurgChat newer than GraderViT?")[0] == (
        "No: SurgChat (Nov 12, 2024) is older than GraderViT (Jul 21, 2025)."
    )


def test_any_with_narrows_the_list_in_view_only(farida: Engine) -> None:
    turns = ("what did she do with Priya", "and which of those are CL?", "any with code?")
    assert talk(farida, *turns)[2] == [12, 16]
    # after an answer with no list, it is asked anew
    assert talk(farida, "h-index?", "any with code?")[1] == [1, 4, 6, 9, 10, 12, 13, 16, 17, 19]


def test_a_name_the_page_lacks_is_no_typo_of_one_it_has() -> None:
    # was "The paper about povertygpt: PovertyViT: ..." (two letters away, neither a slip)
    ifeoma = engine_for("ifeoma_castellanos-berg.txt")
    headline, _, ids = asked(ifeoma, "tell me about PovertyGPT")
    assert headline == "None of Ifeoma Castellanos-Berg's 23 papers is about “povertygpt”." and ids == []
    assert asked(ifeoma, "tell me about Povertyvitt")[2] == [11]
    assert len(asked(ifeoma, "sattelite imagery papers")[2]) == 6


def test_any_ranking_cut_at_a_number_of_papers(shipped: Corpus) -> None:
    guohai = Engine(shipped)
    assert asked(guohai, "which years have at least 4 papers")[0] == (
        "3 years have at least 4 papers: 2023 with 11, 2025 with 5 and 2022 with 4."
    )
    assert asked(guohai, "classes with more than 2 papers")[0] == (
        "2 arXiv classes have at least 3 papers: CL (Computation and Language) with 10 and "
        "CV (Computer Vision and Pattern Recognition) with 9."
    )
    assert asked(guohai, "datasets used in at least 2 papers")[0] == (
        "3 benchmarks and datasets have at least 2 papers: CommonsenseQA with 2, MSR-VTT with 2 and OpenBookQA with 2."
    )
    # a cut no group reaches: the whole ranking, and a note saying so
    answer = guohai.ask("topics with at least 9 papers", ("tester", "cut"))
    assert answer.note.startswith("None has 9 or more papers: every one is shown.")


def test_small_words_joined_make_no_name() -> None:
    # "used in at least": "in at" is no "iNat" (iNaturalist), which "inat data" still is
    dagny = engine_for("dagny_oyelowo-park.txt")
    assert asked(dagny, "anything using inat data")[0] == "1 paper mentions iNaturalist:"
    assert "iNaturalist" not in asked(dagny, "datasets used in at least 2 papers")[0]


def test_the_paper_right_after_or_before_one_named_is_the_nearest() -> None:
    mikkel = engine_for("mikkel_adeyemi-rossi.txt")
    assert asked(mikkel, "the paper right after SurgChat")[0].startswith(
        "The oldest paper after SurgChat (Mar 3, 2025)"
    )
    assert asked(mikkel, "what came out right before SurgChat?")[0].startswith(
        "The latest paper before SurgChat (Jun 5, 2024)"
    )


def test_right_before_a_time_is_no_confirmation_tag() -> None:
    mikkel = engine_for("mikkel_adeyemi-rossi.txt")
    assert asked(mikkel, "papers right after 2020")[0] == "17 papers after 2020, newest first:"
    assert asked(mikkel, "SutureBot-2 came out in 2025, right?")[0].startswith("Yes: SutureBot-2 came out Dec 8, 2025")
