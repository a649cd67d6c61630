"""Yes/no questions about a share ("most of"), comparisons of classes and open time bounds, and the
negations "everything but" and "that don't use" on two profiles of tests/eval."""

from __future__ import annotations

import pytest

from bot.corpus.loading import load_corpus
from bot.engine import Engine
from tests.conftest import EVAL_PAGES


@pytest.fixture(scope="module")
def matteo() -> Engine:
    return Engine(load_corpus(EVAL_PAGES / "matteo_ferrante.txt"))


@pytest.fixture(scope="module")
def zeynep() -> Engine:
    return Engine(load_corpus(EVAL_PAGES / "zeynep_arslan.txt"))


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROFILE_BOT_TODAY", "2026-11-27")


def ask(engine: Engine, text: str) -> str:
    return engine.ask(text, ("tester", text)).headline


def test_most_of_is_answered_by_the_share_not_by_there_being_some(matteo: Engine) -> None:
    assert ask(matteo, "is he first author on most of his papers?") == (
        "No, exactly half: 10 papers with Matteo Ferrante as first author: 50% of Matteo Ferrante's 20 papers."
    )
    assert ask(matteo, "are most of his papers CV?") == (
        "No, fewer than half: 9 papers in CV (Computer Vision and Pattern Recognition): 45% of Matteo "
        "Ferrante's 20 papers."
    )
    assert ask(matteo, "does most of his work have code?") == (
        "Yes, more than half: 11 papers with code: 55% of Matteo Ferrante's 20 papers."
    )
    assert ask(matteo, "did he write most of his papers with Sofia?").startswith("No, exactly half: 10 papers")


def test_two_classes_are_compared_even_when_one_code_is_also_a_metric(zeynep: Engine) -> None:
    # EM is exact match elsewhere; on this page it is the class Econometrics
    assert ask(zeynep, "more EM or LG papers?") == (
        "EM (Econometrics) has more papers: 4 papers, against 3 in LG (Machine Learning)."
    )


def test_before_or_after_a_year_compares_the_two_sides_as_said(zeynep: Engine) -> None:
    expected = "More papers after 2021 (10 papers) than before 2021 (3 papers)."
    assert ask(zeynep, "before or after 2021, when was she more productive?") == expected
    assert ask(zeynep, "did she publish more before 2021 or after?") == expected


def test_a_compare_left_with_one_group_lists_it(zeynep: Engine) -> None:
    conversation = ("tester", "one group")
    zeynep.ask("more EM or LG papers?", conversation)
    assert zeynep.ask("what is the EM of the best model?", conversation).headline.startswith(
        "4 papers in EM (Econometrics)"
    )


def test_everything_but_negates_the_class_said_in_words_and_code(zeynep: Engine) -> None:
    for question in ("everything but the EM papers", "show me everything but the econometrics (EM) papers"):
        assert ask(zeynep, question) == "10 papers outside EM (Econometrics), newest first:"


def test_a_technique_in_a_system_name_is_a_topic_when_other_papers_use_it(matteo: Engine) -> None:
    answer = ask(matteo, "everything but the NeRF papers")
    assert answer == "16 papers not about nerf, newest first:"


def test_a_not_before_a_verb_negates_what_follows_the_verb(matteo: Engine) -> None:
    assert ask(matteo, "RO papers that don't use nuScenes") == (
        "1 paper in RO (Robotics) not mentioning nuScenes:"
    )


def test_an_acronym_is_found_in_either_number(matteo: Engine) -> None:
    assert ask(matteo, "anything using LLMs?") == "1 paper mentions LLMs:"
    assert ask(matteo, "papers mentioning LLM") == "1 paper mentions LLM:"
