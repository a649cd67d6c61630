"""Small follow-ups that only change a filter of the list in view ("what about without code?"),
the empty years of a per-year count, and opinions asked as "is she a fan?"."""

from __future__ import annotations

import pytest

from bot.engine import Engine

pytestmark = pytest.mark.usefixtures("pinned_today")


def test_what_about_without_code_filters_the_list(wanjiru: Engine) -> None:
    conversation = ("tester", "code follow-up")
    first = wanjiru.ask("anything with code from 2021?", conversation)
    assert (first.headline, [p.id for p in first.papers]) == ("1 paper with code from 2021:", [17])
    # was "No, it does have code: ..." about the one paper shown
    second = wanjiru.ask("what about without code?", conversation)
    assert (second.headline, [p.id for p in second.papers]) == ("1 paper without code from 2021:", [16])


def test_a_code_question_about_the_paper_in_view_stays_one(wanjiru: Engine) -> None:
    conversation = ("tester", "code of a paper")
    wanjiru.ask("tell me about RoadGraph", conversation)
    answer = wanjiru.ask("does it have code?", conversation)
    assert answer.headline.startswith("Yes: the profile marks code for RoadGraph")


@pytest.mark.parametrize(
    "question",
    [
        "which year between 2015 and now did she not publish anything?",  # the "not" was a time left out
        "were there any years between her first paper and now with nothing published?",  # was her oldest paper
        "any years with no papers?",
    ],
)
def test_years_without_papers(astrid: Engine, question: str) -> None:
    headline = astrid.ask(question, ("tester", question)).headline
    assert "none at all in 2017" in headline


def test_a_per_year_chart_says_the_count_first(wanjiru: Engine) -> None:
    answer = wanjiru.ask("can u break down her papers per year", ("tester", "chart"))
    assert "2025: 4 ████████████" in answer.text
    assert "2016: 0" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "what's her personal take on self-driving cars? is she a fan?",
        "is he a fan of github copilot personally? like what's his opinion on it",
        "is she a fan?",
    ],
)
def test_a_stance_is_not_on_the_page(wanjiru: Engine, question: str) -> None:
    answer = wanjiru.ask(question, ("tester", question))
    assert answer.headline.startswith("The profile page doesn't list judgements of the papers' quality")
    assert answer.papers == ()
