"""Comparisons asked as yes or no ("did she publish more in 2026 than in 2025?", "was STAMP out before
RoadGraph?", "does the matatu paper have more authors than RoadGraph?"): the answer starts with the
verdict on the one named first, then says the figures."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.answers.conftest import asked

pytestmark = pytest.mark.usefixtures("pinned_today")

SURVEY = "Can Large Language Models Stand In for Travel Survey Respondents?"
MATATU = "Mining Matatu Routes from Crowdsourced GPS Traces in Nairobi"


@pytest.mark.parametrize(
    ("question", "headline"),
    [
        ("did she publish more in 2026 than in 2025?", "No: 2025 has more papers: 4 papers, against 3 from 2026."),
        ("did she publish more in 2025 than in 2024?", "Yes: 2025 has more papers: 4 papers, against 3 from 2024."),
        (
            "has she written more papers with Wei Zhang than with Wei Liang?",
            "No: more papers are with Wei Liang (5 papers) than with Wei Zhang (3 papers).",
        ),
        # "than without (code)" sets the filter against the rest; with the filter said twice it crashed
        (
            "does she have more papers with code than without?",
            "No: more papers are without code (13 papers) than with code (10 papers).",
        ),
        (
            "does she have more papers with code than without code?",
            "No: more papers are without code (13 papers) than with code (10 papers).",
        ),
    ],
)
def test_more_than_asked_as_yes_or_no(wanjiru: Engine, question: str, headline: str) -> None:
    assert asked(wanjiru, question)[0] == headline


def test_which_has_more_is_no_yes_or_no_question(wanjiru: Engine) -> None:
    assert asked(wanjiru, "more papers in 2025 or 2024?")[0] == "2025 has more papers: 4 papers, against 3 from 2024."


@pytest.mark.parametrize(
    ("question", "headline", "ids"),
    [
        (
            "was STAMP out before RoadGraph?",
            "No: STAMP (Apr 15, 2019) is newer than RoadGraph (Feb 20, 2018).",
            [21, 20],
        ),
        (
            "did STAMP come out after RoadGraph?",
            # the other one's date too, and both papers: the answer is about the two
            "Yes: STAMP (Apr 15, 2019) is newer than RoadGraph (Feb 20, 2018).",
            [20, 21],
        ),
        # the description said first is the one checked, though it is found after the name
        (
            "did the LLM travel survey paper come out before TrafFormer?",
            f"No: {SURVEY} (Aug 28, 2023) is newer than TrafFormer (Apr 11, 2023).",
            [11, 12],
        ),
        # was "No: the oldest paper about LLM travel survey is ...": the description was read as a topic
        (
            "is TrafFormer older than the LLM travel survey paper?",
            f"Yes: TrafFormer (Apr 11, 2023) is older than {SURVEY} (Aug 28, 2023).",
            [11, 12],
        ),
    ],
)
def test_one_paper_before_or_after_another(wanjiru: Engine, question: str, headline: str, ids: list[int]) -> None:
    got_headline, _, got_ids = asked(wanjiru, question)
    assert (got_headline, got_ids) == (headline, ids)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("does the matatu paper have more authors than RoadGraph?", "No"),
        ("does RoadGraph have more authors than the matatu paper?", "Yes"),
        ("does the matatu paper have fewer authors than RoadGraph?", "Yes"),
    ],
)
def test_more_authors_asked_as_yes_or_no(wanjiru: Engine, question: str, verdict: str) -> None:
    assert asked(wanjiru, question)[0] == (
        f"{verdict}: RoadGraph has more authors: the page shows 3 and then \u201cet al.\u201d, against 3 authors "
        f"for {MATATU}."
    )


def test_which_has_more_authors_has_no_verdict(wanjiru: Engine) -> None:
    assert asked(wanjiru, "which has more authors, the matatu paper or RoadGraph?")[0].startswith("RoadGraph has more")
