from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.corpus.loading import load_corpus
from bot.corpus.model import Corpus
from bot.corpus.page_parser import parse_page
from bot.paths import DATA_DIR
from tests.pages import ROBOTICS

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SHIPPED_PAGE = DATA_DIR / "guohai_xu.txt"
SHIPPED_CORPUS = DATA_DIR / "guohai_xu.yaml"
EVAL_PAGES = Path(__file__).resolve().parent / "eval"  # the regression sets' pages, in the repo
AS_OF = date(2026, 11, 26)
TODAY = "2026-11-27"  # the public eval sets' today


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test reads relative dates against one day, whatever the machine's date: "the last 18
    months" must not change meaning at midnight. A test of the system date unsets it."""
    monkeypatch.setenv("PROFILE_BOT_TODAY", TODAY)


@pytest.fixture(scope="session")
def shipped() -> Corpus:
    return load_corpus(SHIPPED_CORPUS)


@pytest.fixture(scope="session")
def robotics() -> Corpus:
    return Corpus.from_document(parse_page(ROBOTICS.text(), "robotics.txt", as_of=date(2025, 6, 1)))
