"""A class glossed in brackets, a size asked of a metric, two questions each with its question mark,
and loose words beside a negated topic."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.answers.conftest import asked, headline_and_ids

pytestmark = pytest.mark.usefixtures("pinned_today")


def test_a_class_glossed_in_brackets_is_one_class(ravi: Engine) -> None:
    # was the profile's stats ("stats" read as the question), then "None ... is about stats applications"
    assert headline_and_ids(ravi, "AP (stats applications) papers before 2020") == (
        "2 papers in AP (Applications (statistics)) before 2020, newest first:",
        [21, 24],
    )
    # a bracket that says a filter, not the class's name, stays that filter
    assert (
        headline_and_ids(ravi, "LG (with code) papers")[0]
        == "6 papers in LG (Machine Learning) with code, newest first:"
    )
    assert headline_and_ids(ravi, "what are his stats?")[0].startswith("Ravi Subramaniam-Ekdahl: h-index 17")


def test_a_physics_class_has_its_name(ravi: Engine) -> None:
    assert headline_and_ids(ravi, "AO (atmospheric physics) papers")[0] == (
        "6 papers in AO (Atmospheric and Oceanic Physics), newest first:"
    )


def test_how_big_a_metric_is_that_metric_s_figure(ravi: Engine) -> None:
    # was "... gives no number of size": "how big" asked the figure of the speed-up it names
    assert headline_and_ids(ravi, "how big was the speedup in the GPU routing paper?")[0] == (
        "GPU-Accelerated Kinematic Wave Routing for Continental River Networks: 22× speed-up."
    )


def test_a_second_question_with_its_own_question_mark_is_answered_too(ravi: Engine) -> None:
    answer = ravi.ask("how many papers does he have? and which one is the oldest?", ("t", "two questions"))
    assert answer.headline == "Ravi Subramaniam-Ekdahl has 24 papers on the profile."
    assert "The oldest paper (May 30, 2015): Seasonal Persistence of Baseflow in Chalk Catchments" in answer.text


def test_what_the_papers_do_without_is_their_topic(kiri: Engine) -> None:
    # was "22 papers not about pronounciation dictonary" (the misspelt topic dropped as noise), then
    # "4 papers about forced alignmnet for langauges not about ...": the paper doing alignment
    # "Without Pronunciation Dictionaries" left out as the negated topic
    headline, ids = headline_and_ids(kiri, "forced alignmnet for langauges with no pronounciation dictonary")
    assert headline.startswith("2 papers about forced alignment for languages pronunciation dictionary")
    assert ids[0] == 5
    # a person after "without" stays left out
    headline, ids = headline_and_ids(kiri, "forced alignment papers without Lan Nguyen")
    assert headline.startswith("4 papers about forced alignment without Lan Nguyễn")


def test_a_tie_at_the_top_is_said_as_one(kiri: Engine) -> None:
    assert (
        "the most productive years are 2024, 2025 and 2026, tied with 3 papers each"
        in (headline_and_ids(kiri, "which year did she publish the most?")[0])
    )


@pytest.mark.parametrize("question", ["tell me about his radiology paper", "tell me about his CT paper"])
def test_her_x_paper_is_no_paper_on_a_wider_topic(bruno: Engine, question: str) -> None:
    # was "5 papers match; which one?" (pathology papers, medical imaging being radiology's wider topic)
    # and, for CT, the paper whose title starts "Catching Tissue" (its initials)
    headline, ids = headline_and_ids(bruno, question)
    assert headline.startswith("None of Bruno Tavares-Okeke's 23 papers is about") and ids == []
    # a list says none too, and offers the wider topic by name, not its papers as the answer
    assert asked(bruno, "any radiology papers?") == (
        "None of Bruno Tavares-Okeke's 23 papers is about \u201cradiology\u201d.",
        "None of Bruno Tavares-Okeke's 23 papers is about \u201cradiology\u201d.\n"
        "That isn't on the profile; the nearest it has is medical imaging (17 papers): "
        "ask \u201cpapers about medical imaging\u201d.",
        [],
    )
