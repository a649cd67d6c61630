"""The page parser's fast path (one pattern per block, a forked second process for large pages) gives
exactly what the careful line-by-line path gives, and leaves every page it cannot vouch for to it."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import bot.corpus.page_parser as page_parser
from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.synth import synth_page
from tests.conftest import SHARED, SHIPPED_PAGE
from tests.pages import LANGUAGE, ROBOTICS

AS_OF = date(2026, 11, 26)


def careful(text: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    with monkeypatch.context() as patch:
        patch.setattr(page_parser._PageParser, "fast_papers", lambda self, start: None)
        return page_parser.parse_page(text, "page.txt", AS_OF)


def fast_path_taken(text: str) -> bool:
    parser = page_parser._PageParser(text, "page.txt", AS_OF, default_gazetteer())
    _, start = parser.head()
    return parser.fast_papers(start) is not None


WELL_FORMED = {
    "shipped": SHIPPED_PAGE.read_text(encoding="utf-8"),
    "robotics": ROBOTICS.text(),
    "language": LANGUAGE.text(),
    "synthetic": synth_page(60, seed=3),
    "crlf and no final newline": ROBOTICS.text().replace("\n", "\r\n").rstrip(),
    "spaces around lines and extra blank lines": ROBOTICS.text()
    .replace("\n\n", "\n  \n\n")
    .replace("ROMar 3, 2024Code", "  ROMar 3, 2024Code  ")
    .replace("Ada Lovelace, Tomás", " Ada Lovelace, Tomás"),
    "abstract over two lines": ROBOTICS.text().replace("tactile grasping policy. ", "tactile grasping policy.\n  "),
    "zero papers": "Ada Lovelace\n\nRO\nh-index1\n0papers\n0citations\n\n0 Papers\n",
}


@pytest.mark.parametrize("name", list(WELL_FORMED))
def test_fast_path_reads_well_formed_pages_as_the_careful_path_does(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = WELL_FORMED[name]
    assert fast_path_taken(text)
    assert page_parser.parse_page(text, "page.txt", AS_OF) == careful(text, monkeypatch)


def test_second_profile_reads_the_same_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    page = SHARED / "profiles" / "marisol_quispe.txt"
    if not page.exists():
        pytest.skip("../shared is absent")
    text = page.read_text(encoding="utf-8")
    assert fast_path_taken(text)
    assert page_parser.parse_page(text, "page.txt", AS_OF) == careful(text, monkeypatch)


FAST_PATH_DECLINES = {
    "header line inside an abstract": ROBOTICS.text().replace(
        "tactile grasping policy. ", "tactile grasping policy.\nCVFeb 1, 2023\n"
    ),
    "header-like line inside an abstract": ROBOTICS.text().replace(
        "tactile grasping policy. ", "tactile grasping policy.\nCVFebruary 1 2023\n"
    ),
    "no blank line after the title": ROBOTICS.text().replace("Tactile} Feedback\n\n", "Tactile} Feedback\n"),
    "title that is a header": ROBOTICS.text().replace("EchoNav: Audio Cues for Robot Navigation", "CVFeb 1, 2023"),
    "authors that are not names": ROBOTICS.text().replace("Li Wei, Ada Lovelace", "we study robots, and more"),
    "no such month": ROBOTICS.text().replace("CRJan 5", "CRJun 31"),
    "unknown month": ROBOTICS.text().replace("CRJan 5", "CRJam 5"),
}


@pytest.mark.parametrize("name", list(FAST_PATH_DECLINES))
def test_fast_path_leaves_pages_it_cannot_vouch_for_to_the_careful_path(name: str) -> None:
    text = FAST_PATH_DECLINES[name]
    assert not fast_path_taken(text)
    with pytest.raises(page_parser.ProfileError) as raised:
        page_parser.parse_page(text, "page.txt", AS_OF)
    assert raised.value.line is not None


def test_a_large_page_read_in_two_processes_equals_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    text = synth_page(400, seed=5)
    monkeypatch.setattr(page_parser, "PARALLEL_FROM_CHARS", 1_000_000_000)
    alone = page_parser.parse_page(text, "page.txt", AS_OF)
    monkeypatch.setattr(page_parser, "PARALLEL_FROM_CHARS", 1000)
    shared = page_parser.parse_page(text, "page.txt", AS_OF)
    assert shared == alone
    assert [p["id"] for p in shared["papers"]] == list(range(1, 401))


def test_careful_path_enrichment_in_two_processes_equals_one(monkeypatch: pytest.MonkeyPatch) -> None:
    text = synth_page(300, seed=6)
    alone = careful(text, monkeypatch)
    monkeypatch.setattr(page_parser, "PARALLEL_FROM_BLOCKS", 10)
    assert careful(text, monkeypatch) == alone


def test_when_the_child_fails_this_process_does_its_half() -> None:
    parent = os.getpid()

    def second() -> list[int]:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return [3, 4]

    assert page_parser._in_two_processes(lambda: [1, 2], second) == ([1, 2], [3, 4])


def test_the_child_s_result_crosses_as_plain_data_or_pickled() -> None:
    entries = [{"id": 1, "title": "Tactile Skins", "authors": ["Ana Lee"], "system": None, "has_code": True}]
    assert page_parser._in_two_processes(lambda: [], lambda: entries) == ([], entries)
    # what marshal cannot write (a date, a path) is pickled instead
    dated = [date(2024, 3, 1), Path("a.txt")]
    assert page_parser._in_two_processes(lambda: [], lambda: dated) == ([], dated)


def test_without_files_in_memory_the_child_s_result_crosses_through_the_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = [
        {"id": n, "title": "Tactile Skins " * 50, "authors": ["Ana Lee"]} for n in range(2000)
    ]  # > a pipe's buffer
    assert page_parser._in_two_processes(lambda: [], lambda: entries) == ([], entries)
    monkeypatch.delattr(os, "memfd_create", raising=False)
    assert page_parser._in_two_processes(lambda: [], lambda: entries) == ([], entries)
