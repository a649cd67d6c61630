"""Whether the researcher made a name the papers only mention ("did she write DeepLOB?"): no, and
which paper mentions it; never "Yes: the paper about deeplob"."""

from __future__ import annotations

import pytest

from bot.corpus.model import Corpus
from bot.engine import Engine
from tests.answers.conftest import headline_and_ids as ask

pytestmark = pytest.mark.usefixtures("pinned_today")

ORDERSIGHT = "OrderSight: Cross-Venue Attention for Limit Order Book Mid-Price Forecasting"


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


def test_a_compound_of_first_is_no_paper_picked_by_date(sofia: Engine) -> None:
    # "the first-price auction paper" was her oldest paper, then every paper with code about auctions
    headline, ids = ask(sofia, "is there code for the first-price auction paper?")
    assert headline.startswith("No: the profile does not mark code for Learning to Bid: Multi-Agent Reinforcement")
    assert ids == [18]
    headline, _ = ask(sofia, "who first-authored the most of her papers?")  # a place in the list still is
    assert headline == (
        "Among Sofia Varga-Mbeki's 23 papers, the most frequent first author is Sofia Varga-Mbeki with 9 papers."
    )


def test_involved_is_a_word_of_authorship_not_a_topic(oskar: Engine) -> None:
    headline, ids = ask(oskar, "anything pre-2020 that Ingrid Sjöberg wasn't involved in?")
    assert headline == "1 paper without Ingrid Sjöberg before 2020:"
    assert ids == [22]


def test_a_system_no_paper_mentions_is_not_found_through_its_field(noor: Engine) -> None:
    # "AlphaFold" was a form of protein structure prediction: "her AlphaFold paper" was a docking paper
    headline, ids = ask(noor, "tell me about her AlphaFold paper")
    assert headline == "No paper on the profile is AlphaFold: AlphaFold is not one of Noor Haddad-Sato's papers."
    assert ids == []


def test_abstracts_are_the_papers_asked_about(noor: Engine) -> None:
    # "No papers about abstracts not about DFT": "abstracts" was a topic
    headline, ids = ask(noor, "which abstracts do NOT mention DFT at all?")
    assert headline == "11 papers not about DFT, newest first:"
    assert sorted(ids) == [1, 3, 4, 9, 10, 12, 14, 16, 18, 19, 21]


def test_a_name_only_inside_one_of_his_papers_names_is_not_his(shipped: Corpus) -> None:
    # "did he write CLIP?" listed X-CLIP (CLIP matched the name X-CLIP loosely); a slip in a name still finds it
    guohai_engine = Engine(shipped)
    headline, ids = ask(guohai_engine, "did he write CLIP?")
    assert headline.startswith("No: CLIP is not one of Guohai Xu's papers; it is only mentioned in X-CLIP: ")
    assert ids == [7]
    headline, ids = ask(guohai_engine, "did he write X-CLP?")
    assert ids == [7] and not headline.startswith("No")


def test_a_name_said_as_her_paper_that_only_a_paper_mentions(wanjiru: Engine) -> None:
    # was "2 papers match; which one?": the two papers that compare against Graph WaveNet
    assert ask(wanjiru, "summarise her Graph WaveNet paper") == (
        "No paper on the profile is Graph WaveNet: Graph WaveNet is not one of Wanjiru Kamau-Sørensen's papers; "
        "the earliest to mention it is "
        "Physics-Guided Neural ODEs for Freeway Traffic Speed Forecasting.",
        [16, 2],
    )


def test_a_name_said_as_her_paper_that_nothing_mentions(sekar: Engine) -> None:
    assert ask(sekar, "what's her ZetaStore paper about?") == (
        "No paper on the profile is ZetaStore: ZetaStore is not one of Sekar Ayuningtyas' papers.",
        [],
    )


@pytest.mark.parametrize(
    ("question", "ids"),
    [("tell me about her LLM paper", [12]), ("summarise her RoadGraph paper", [21])],
)
def test_her_topic_or_her_own_paper_stays_so(wanjiru: Engine, question: str, ids: list[int]) -> None:
    # a topic said as hers ("her LLM paper") and her own paper are no names she did not make
    headline, got = ask(wanjiru, question)
    assert "not one of" not in headline
    assert got[: len(ids)] == ids


def test_known_tools_said_as_his_papers(henrik: Engine) -> None:
    # the gazetteer knows them: they were read as the papers that mention them
    assert ask(henrik, "tell me about his PhaseNet paper")[0].startswith(
        "No paper on the profile is PhaseNet: PhaseNet is not one of Henrik Solvang-Adeyemi's papers; "
    )
    assert ask(henrik, "did he write the EQTransformer paper?")[0].startswith(
        "No: EQTransformer is not one of Henrik Solvang-Adeyemi's papers;"
    )
    # a dataset named, not said to be his: the papers that mention it
    assert ask(henrik, "which papers use the stanford earthquake dataset") == (
        "4 papers mention STEAD:",
        [1, 3, 13, 17],
    )


def test_a_topic_s_own_word_in_a_system_name_stays_a_topic(henrik: Engine) -> None:
    # "GMPE" of GMPE-Net named that paper alone; the other ground-motion paper says "ground-motion models"
    assert ask(henrik, "ground motion prediction / GMPE stuff") == (
        "2 papers about ground motion prediction or about GMPE, most relevant first:",
        [4, 19],
    )
    assert ask(henrik, "tell me about GMPE-Net")[1] == [4]
