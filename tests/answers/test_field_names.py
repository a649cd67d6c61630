"""Benchmarks and topics of four more fields, as people type them: the gazetteer's aliases and the
concept lexicon's forms, on pages written by people who had not read the code."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.answers.conftest import asked

pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.mark.parametrize(
    ("question", "headline", "ids"),
    [
        # the same benchmark said twice was two filters: "mention Defects4J mentioning Defects4J"
        ("which papers evaluate on d4j (defects4j)?", "7 papers mention Defects4J:", [2, 6, 8, 11, 14, 17, 24]),
        ("quix bugs", "4 papers mention QuixBugs:", [8, 11, 17, 22]),
    ],
)
def test_software_engineering_benchmarks(hamid: Engine, question: str, headline: str, ids: list[int]) -> None:
    got_headline, _, got_ids = asked(hamid, question)
    assert (got_headline, got_ids) == (headline, ids)


def test_security_is_a_topic_not_a_venue_word(hamid: Engine) -> None:
    # "USENIX Security" made "security" a word of the question's frame, so the topic vanished
    assert asked(hamid, "lol does he even do security stuff 😂")[2] == [10, 20]
    assert asked(hamid, "was it at USENIX Security?")[0].startswith("The profile page doesn't list the venue")


def test_unit_test_generation(hamid: Engine) -> None:
    assert {2, 9, 14} <= set(asked(hamid, "anything on unit test generation?")[2])


@pytest.mark.parametrize(
    ("question", "ids"),
    [
        ("what uses cholec 80", [1, 2, 10, 12, 13, 18, 21]),
        ("which papers evaluate on heichole", [2, 12]),
    ],
)
def test_surgical_video_datasets(astrid: Engine, question: str, ids: list[int]) -> None:
    assert asked(astrid, question)[2] == ids


def test_surgical_phase_recognition_is_workflow_analysis(astrid: Engine) -> None:
    assert {1, 2, 12, 13, 21} <= set(asked(astrid, "anything on surgical phase recognition?")[2])


@pytest.mark.parametrize(
    ("question", "ids"),
    [
        ("anything evaluated on PEMS04?", [6, 7, 15, 17, 19]),
        ("taxibj", [7, 20]),
    ],
)
def test_traffic_datasets(wanjiru: Engine, question: str, ids: list[int]) -> None:
    assert sorted(asked(wanjiru, question)[2]) == ids


def test_gnn_finds_graph_networks(wanjiru: Engine) -> None:
    assert {9, 13, 21} <= set(asked(wanjiru, "show me her GNN papers")[2])


@pytest.mark.parametrize(
    ("question", "ids"),
    [
        ("which papers use the watkins marine mammal sound db", [2, 9, 10, 13]),
        ("anything with DCLDE data?", [6, 13, 14]),
        ("papers using moby sound", [6, 9, 18]),
    ],
)
def test_marine_acoustics_collections(quentin: Engine, question: str, ids: list[int]) -> None:
    assert sorted(asked(quentin, question)[2]) == ids
