"""Every failure issue 10 lists, as a question (or a conversation) and what it must answer, on the
shipped profile with today pinned. Wording may change; the papers and the key facts may not."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.corpus.model import Corpus
from bot.engine import Engine

_chats = itertools.count()


@pytest.fixture(scope="module")
def guohai(shipped: Corpus) -> Engine:
    return Engine(shipped)


def ask(engine: Engine, question: str) -> tuple[list[int], str]:
    answer = engine.ask(question, ("real-talk", str(next(_chats))))
    return [p.id for p in answer.papers], answer.text


@pytest.mark.parametrize(
    ("question", "papers"),
    [
        # time expressions relative to today
        ("anything from last March?", []),
        ("papers from H1 2023", [12, 20, 21, 2, 6, 1]),
        ("the first half of 2023", [12, 20, 21, 2, 6, 1]),
        ("what came out in the last 18 months?", [18, 16]),
        ("anything from four years back?", [9, 13, 7, 8]),
        ("spring 2025 papers?", [14, 19, 17]),
        ("anything published before May 2023?", [2, 6, 1, 9, 13, 7, 8, 22, 23]),
        # a greeting before a request answers the request
        ("hi there! can u pull up the DocOwl paper", [5]),
        # a bare name with a question mark
        ("X-CLIP?", [7]),
        ("Ming Yan?", [3, 20, 1, 9]),
        ("2023?", [4, 10, 11, 3, 5, 12, 20, 21, 2, 6, 1]),
        ("msvd?", [7]),
        # filler is not a topic: "these days" means lately
        ("so what is he working on these days", [18, 16, 14, 19, 17]),
        # typos in ordinary words and topic words
        ("papres on hallucinaton", [4, 11, 14, 6]),
        # an unknown topic is none, never all
        ("has he done any work with robots lol", []),
    ],
)
def test_papers(guohai: Engine, question: str, papers: list[int]) -> None:
    assert ask(guohai, question)[0] == papers


@pytest.mark.parametrize(
    ("question", "includes"),
    [
        ("any RL stuff?", {14, 16}),
        ("stuff on VLM hallucination", {4, 11}),
        ("anything to do with chatbots?", {6}),
        ("what has he done on LLM values and safety alignment?", {3}),
        ("RLHF work?", {15}),
    ],
)
def test_topics_said_in_other_words(guohai: Engine, question: str, includes: set[int]) -> None:
    assert includes <= set(ask(guohai, question)[0])


@pytest.mark.parametrize(
    ("question", "paper", "figure"),
    [
        ("DiDeMo recall@1 of x-clip", 7, "47.8"),
        ("X-CLIP recall at 1 on DiDeMo?", 7, "47.8"),
        ("what's the top-1 of mPLUG-2?", 1, "48.0"),
        ("ActivityNet R@1 for the multi-grained contrastive retrieval model", 7, "46.2"),
        ("top-1 accuracy of mPLUG-video on video category classification", 12, "80.5"),
        ("DictBERT gain on CommonsenseQA over BERT-large", 13, "9.0"),
        ("CPACE results on OBQA", 20, "3.5"),  # "(4.2% and 3.5%, respectively)"
    ],
)
def test_results_quoted_from_abstracts(guohai: Engine, question: str, paper: int, figure: str) -> None:
    papers, text = ask(guohai, question)
    assert papers[:1] == [paper]
    assert figure in text.split("\n")[0]


def test_a_benchmark_with_a_hyphen_and_digits_gives_no_negative_number(guohai: Engine) -> None:
    papers, text = ask(guohai, "mPLUG-2 results on MSR-VTT")
    assert papers == [1] and text.startswith("mPLUG-2 on MSR-VTT: 48.0 top-1 accuracy and 80.3 CIDEr.")
    assert not re.search(r"(?<![\w-])-\d", text.split("\n")[0])  # "mPLUG-2" is a name, "-2" would be a figure
