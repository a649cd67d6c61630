"""A benchmark said inside "the ... paper" tells which paper is meant; it is not what is asked of it.
And a paper on a benchmark's edition ("Atari 100k") mentions the benchmark ("Atari")."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.answers.conftest import text_and_ids as ask

pytestmark = pytest.mark.usefixtures("pinned_today")


def test_the_benchmark_paper_set_against_a_named_one_is_the_paper_using_it(sofia: Engine) -> None:
    text, ids = ask(sofia, "which has more listed authors, HedgeRM or the NetHack paper?")
    assert ids == [3, 7]
    assert text.startswith(
        "HedgeRM lists more authors: 3 authors, against 2 authors for Curiosity That Remembers: Episodic Novelty "
        "Bonuses for the NetHack Learning Environment."
    )


def test_a_metric_asked_of_a_paper_described_with_its_benchmark(sofia: Engine) -> None:
    # R^2 is asked; Procgen and "generalization" pick the paper (the answer was a quote about Procgen)
    text, ids = ask(sofia, "what R^2 do they report in the procgen generalization paper?")
    assert ids == [9]
    assert text.startswith("Augmentation Is Not Enough: A Closer Look at Generalization in Procgen: 0.74 R^2.\n")


def test_the_researcher_checked_on_the_benchmark_paper(sofia: Engine) -> None:
    # it listed the papers that mention Procgen, "Yes" to a question nobody asked
    text, ids = ask(sofia, "is she actually an author on the Procgen paper? i don't see her name")
    assert ids == [9]
    assert "the page lists only its first authors (Lin Zhao, Wei Zhao, Tomás van der Berg et al.)" in text


def test_a_benchmark_beside_other_words_is_one_of_the_words_that_find_the_paper(priya: Engine) -> None:
    # two papers mention NHANES; "diabetes" tells them apart, as a topic search ranks them
    text, ids = ask(priya, "who's the last author on the NHANES diabetes paper?")
    assert ids == [14]
    assert text.startswith(
        "The last author of Bayesian Small-Area Estimation of Undiagnosed Diabetes Prevalence from NHANES is "
        "Priya Raghunathan."
    )


def test_a_paper_on_an_edition_of_a_benchmark_mentions_the_benchmark(tomas: Engine) -> None:
    assert "Atari" not in tomas.corpus.by_benchmark  # the page says "Atari 100k" only
    for question, headline in (
        ("does tomas have anything with atari?", "Yes: 1 paper mentions Atari:"),
        ("which papers mention Atari 100k?", "1 paper mentions Atari 100k:"),
    ):
        text, ids = ask(tomas, question)
        assert ids == [7]
        assert text.splitlines()[0] == headline


def test_editions_count_apart_in_the_benchmark_ranking(tomas: Engine) -> None:
    assert tomas.corpus.benchmark_counts["Atari 100k"] == 1
    assert "Atari" not in tomas.corpus.benchmark_counts


def test_a_benchmark_that_is_only_part_of_a_paper_s_name_is_the_benchmark(oskar: Engine) -> None:
    # "CaseHOLD" is part of the system name "CaseHOLD-X": it asked "which one, VerdictLM or CaseHOLD-X?"
    text, ids = ask(oskar, "what accuracy did VerdictLM get on CaseHOLD?")
    assert text == "The abstract of VerdictLM does not mention CaseHOLD."
    assert ids == [1]
    _, ids = ask(oskar, "tell me about CaseHOLD-X")  # the whole name is the paper
    assert ids == [8]
