"""Topic words as people type them against the words papers use: two words a paper writes as one
("graph cast" for GraphCast), a word a title uses that is close to a benchmark's name ("NIST" is not a
slip of MNIST), a paper described beside what is asked of it, on a profile written here."""

from __future__ import annotations

from datetime import date

import pytest

from bot.corpus.model import Corpus
from bot.corpus.page_parser import parse_page
from bot.engine import Engine
from tests.pages import Page, PaperBlock

WEATHER = Page(
    name="Rosa Ibarra",
    category="AO",
    papers=[
        PaperBlock(
            "AOMar 2, 2025",
            "Evaluating GraphCast on Tropical Storms",
            "Rosa Ibarra, Ken Ito",
            "We compare GraphCast with a physics model on 40 storms.",
        ),
        PaperBlock(
            "AOJun 9, 2024",
            "Graph Networks for Rainfall",
            "Ken Ito, Rosa Ibarra",
            "We cast rainfall as a graph problem.",
        ),
        PaperBlock("AOJan 5, 2023", "Open Data for Neuro Imaging", "Rosa Ibarra", "An open neuro data portal."),
        PaperBlock("CRFeb 7, 2022", "Auditing NIST Candidates", "Rosa Ibarra", "We audit reference code."),
        PaperBlock(
            "NEMay 2, 2021", "SpikeCast: Spiking Forecasts", "Rosa Ibarra", "SpikeCast reaches 91.8% accuracy on SHD."
        ),
        PaperBlock("NEApr 2, 2020", "Grid Cells in Storm Models", "Rosa Ibarra", "Grid cells reach 80.1% accuracy."),
    ],
)


@pytest.fixture(scope="module")
def ibarra() -> Engine:
    return Engine(Corpus.from_document(parse_page(WEATHER.text(), "weather.txt", date(2026, 11, 27))))


def ids(engine: Engine, question: str) -> list[int]:
    return [p.id for p in engine.ask(question, ("topic-words", question)).papers]


def test_two_words_a_paper_writes_as_one_find_it(ibarra: Engine) -> None:
    assert ids(ibarra, "papers that mention graph cast") == [1]
    assert ids(ibarra, "papers about graphcast") == [1]


def test_two_words_the_papers_also_write_apart_stay_two(ibarra: Engine) -> None:
    # "open neuro" is a phrase of paper 3: never rejoined into a word no paper uses
    assert ids(ibarra, "papers about open neuro") == [3]


def test_a_word_the_papers_use_is_no_typo_of_a_benchmark(ibarra: Engine) -> None:
    assert ids(ibarra, "papers about NIST") == [4]
    assert "MNIST" not in ibarra.ask("papers about NIST", ("topic-words", "nist")).text


def test_the_paper_described_is_the_one_asked_about_not_the_one_holding_the_asked_word(ibarra: Engine) -> None:
    answer = ibarra.ask("what SHD accuracy did the grid cell paper get?", ("topic-words", "shd"))
    assert answer.headline == "The abstract of Grid Cells in Storm Models does not mention SHD."
    assert ibarra.ask("what SHD accuracy did SpikeCast get?", ("topic-words", "spikecast")).headline == (
        "SpikeCast on SHD: 91.8% accuracy."
    )


def test_a_number_right_after_a_topic_word_is_part_of_its_name() -> None:
    from bot.corpus.topics import topic_words

    frame = frozenset({"any", "stuff", "the", "latest", "papers", "about"})
    assert topic_words("any sentinel 1 / SAR stuff", frame) == ["sentinel-1", "sar"]
    assert topic_words("gpt 4 papers", frame) == ["gpt-4"]
    # a count is no part of a name: "the 3 latest papers about yield"
    assert topic_words("the 3 latest papers about yield", frame) == ["yield"]
    assert topic_words("robot manipulation 2024", frame) == ["robot", "manipulation", "2024"]
