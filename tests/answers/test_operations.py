"""Exact answers of every operation on the profile written in tests/understanding/test_queries.py:
comparisons, rankings, picks, results, honest "the page does not say" answers, unknown topics and
names, groups of people. The text is the spec: a change of wording is a change of this file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.corpus.model import Corpus
from bot.corpus.page_parser import parse_page
from bot.engine import Engine
from bot.yaml_io import load_yaml_text
from tests.understanding.test_queries import VISION


@pytest.fixture(scope="module")
def okafor() -> Engine:
    return Engine(Corpus.from_document(parse_page(VISION.text(), "okafor.txt", date(2026, 11, 27))))


CASES = [
    (case["q"], case["papers"], case["answer"])
    for case in load_yaml_text((Path(__file__).parent / "operation_answers.yaml").read_text(encoding="utf-8"))["cases"]
]


@pytest.mark.parametrize(("question", "paper_ids", "text"), CASES, ids=[c[0] for c in CASES])
def test_answer(okafor: Engine, question: str, paper_ids: list[int], text: str) -> None:
    answer = okafor.ask(question, ("ops", question))
    assert [p.id for p in answer.papers] == paper_ids
    assert answer.text == text


def test_honest_answers_name_no_papers(okafor: Engine) -> None:
    for question, paper_ids, text in CASES:
        if text.startswith("The profile page doesn't"):
            assert paper_ids == [], question
