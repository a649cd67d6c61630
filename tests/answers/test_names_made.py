"""Whether the researcher made a name the papers only mention ("did she write DeepLOB?"): no, and
which paper mentions it; never "Yes: the paper about deeplob"."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.answers.conftest import asked

pytestmark = pytest.mark.usefixtures("pinned_today")

ORDERSIGHT = "OrderSight: Cross-Venue Attention for Limit Order Book Mid-Price Forecasting"


def ask(engine: Engine, text: str) -> tuple[str, list[int]]:
    headline, _, ids = asked(engine, text)
    return headline, ids


def test_a_baseline_the_abstract_cites_is_not_hers(elif_bergqvist: Engine) -> None:
    assert ask(elif_bergqvist, "did she write DeepLOB?") == (
        f"No: DeepLOB is not one of Elif Bergqvist-Adebayo's papers; it is only mentioned in {ORDERSIGHT}.",
        [1],
    )


@pytest.mark.parametrize("question", ["which paper introduced DeepLOB?", "who came up with DeepLOB?"])
def test_who_made_a_name_the_papers_only_mention(elif_bergqvist: Engine, question: str) -> None:
    # "who came up with DeepLOB?" was read as co-authors "with" a person named DeepLOB
    assert ask(elif_bergqvist, question) == (
        f"No paper on the profile introduces DeepLOB; it is only mentioned in {ORDERSIGHT}.",
        [1],
    )


@pytest.mark.parametrize("question", ["BERT4Rec is his right?", "is BERT4Rec his?"])
def test_a_claim_of_ownership_is_checked(ayaan: Engine, question: str) -> None:
    headline, ids = ask(ayaan, question)
    assert headline.startswith("No: BERT4Rec is not one of Ayaan Qureshi-Lund's papers; it is only mentioned in ")
    assert ids == [12]


def test_a_name_that_is_a_paper_still_answers_with_the_paper(elif_bergqvist: Engine) -> None:
    headline, ids = ask(elif_bergqvist, "which paper introduced OrderSight?")
    assert headline == f"OrderSight was introduced in: {ORDERSIGHT}"
    assert ids == [1]


def test_a_topic_search_of_the_name_still_lists_what_mentions_it(ayaan: Engine) -> None:
    headline, ids = ask(ayaan, "papers that compare against BERT4Rec")
    assert ids == [12]
    assert not headline.startswith("No")
