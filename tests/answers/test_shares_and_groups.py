"""Yes/no questions about a share ("most of"), comparisons of classes and open time bounds, and the
negations "everything but" and "that don't use" on two profiles of tests/eval."""

from __future__ import annotations

import pytest

from bot.engine import Engine

pytestmark = pytest.mark.usefixtures("pinned_today")


def ask(engine: Engine, text: str) -> str:
    return engine.ask(text, ("tester", text)).headline


def test_most_of_is_answered_by_the_share_not_by_there_being_some(matteo: Engine) -> None:
    assert ask(matteo, "is he first author on most of his papers?") == (
        "No, exactly half: 10 papers with Matteo Ferrante as first author: "
        "50% of Matteo Ferrante's 20 papers (10 of 20; the other 10 papers are not)."
    )
    assert ask(matteo, "are most of his papers CV?") == (
        "No, fewer than half: 9 papers in CV (Computer Vision and Pattern Recognition): 45% of Matteo "
        "Ferrante's 20 papers (9 of 20; the other 11 papers are not)."
    )
    assert ask(matteo, "does most of his work have code?") == (
        "Yes, more than half: 11 papers with code: 55% of Matteo Ferrante's 20 papers (11 of 20; the other 9 "
        "papers are not)."
    )
    assert ask(matteo, "did he write most of his papers with Sofia?").startswith("No, exactly half: 10 papers")


def test_more_often_than_not_asks_for_the_share_and_counts_both_sides(sofia: Engine) -> None:
    # it answered "Yes: ... first listed author of 9 papers" (there being some, not most)
    assert ask(sofia, "is she first author more often than not?") == (
        "No, fewer than half: 9 papers with Sofia Varga-Mbeki as first author: 39% of Sofia Varga-Mbeki's 23 "
        "papers (9 of 23; the other 14 papers are not)."
    )


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
    assert ask(matteo, "RO papers that don't use nuScenes") == ("1 paper in RO (Robotics) not mentioning nuScenes:")


def test_an_acronym_is_found_in_either_number(matteo: Engine) -> None:
    assert ask(matteo, "anything using LLMs?") == "1 paper mentions LLMs:"
    assert ask(matteo, "papers mentioning LLM") == "1 paper mentions LLM:"


def test_where_a_person_comes_in_one_author_list(matteo: Engine, zeynep: Engine) -> None:
    assert ask(matteo, "where is Matteo in the author list of Slim-BEV?") == (
        "Matteo Ferrante is the third listed author of Slim-BEV (Kenji Watanabe, Priya Nair, Matteo Ferrante et al.)."
    )
    assert ask(zeynep, "where is Zeynep in the author order of the alternative-data credit scoring paper?") == (
        "Zeynep Arslan-Whitfield is not among the 3 authors the page lists for Credit Scoring with Alternative "
        "Data: Accuracy and Fairness Trade-offs in Gradient Boosting (Emre Yılmaz, Wei Chen, Priya Venkataraman "
        "et al.): the list is cut short, so a place further down is not shown."
    )


def test_where_a_person_comes_on_each_of_their_papers(matteo: Engine, zeynep: Engine) -> None:
    answer = matteo.ask("where does Sofia show up in the author order?", ("tester", "places"))
    assert answer.headline == (
        "Sofia Marchetti's place in the author lists of 10 papers: first on 2 papers, second on 3 papers and "
        "third on 5 papers."
    )
    assert answer.items[:2] == (
        "ScriptShot (Oct 6, 2026): second of 3+ listed",
        "SparseSplat (Feb 17, 2026): third of 3 listed",
    )
    assert ask(zeynep, "where does Priya Venkataraman show up, and in what position?") == (
        "Priya Venkataraman's place in the author lists of 2 papers: third on 2 papers."
    )


def test_what_the_page_cannot_say_about_teaching_subject_codes_and_repositories(zeynep: Engine) -> None:
    assert ask(zeynep, "does she teach? what courses?") == (
        "The profile page doesn't list teaching: courses, lectures or students taught."
    )
    assert ask(zeynep, "what JEL codes does she usually use?").startswith(
        "The profile page doesn't list subject codes of other schemes (JEL"
    )
    assert ask(zeynep, "how many github stars does the FRED-MD repo have").startswith(
        "The profile page doesn't list figures of code repositories (stars, forks, downloads)"
    )
    assert ask(zeynep, "papers about teaching assistants").startswith("None of Zeynep Arslan-Whitfield's 14 papers")


def test_sole_authorship_asked_without_the_word_papers(zeynep: Engine) -> None:
    assert ask(zeynep, "is she ever the sole author?") == "Yes: 1 paper with no co-author listed:"


def test_a_given_name_with_the_first_of_two_surnames_names_the_person(zeynep: Engine) -> None:
    assert ask(zeynep, "hey u got anything w/ carlos ruiz") == "2 papers with Carlos Ruiz Ortega, newest first:"
