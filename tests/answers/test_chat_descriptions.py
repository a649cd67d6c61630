"""Papers described the way people say them in chat: a possessive inside "the ... paper", an elided
"half", a bare "recent", a verb that negates ("don't touch"), and the author list said in other words."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.answers.conftest import headline_and_ids

pytestmark = pytest.mark.usefixtures("pinned_today")


def test_a_possessive_inside_a_description_still_names_one_paper(dalia: Engine) -> None:
    # was "No: the oldest paper about women's football injury is ...": the description was read as a
    # topic and DefGhost checked against its oldest paper, the opposite of what was asked
    headline, ids = headline_and_ids(dalia, "is the women's football injury paper older than DefGhost?")
    assert headline.startswith("Yes: Load, Wellness and Soft-Tissue Injury Risk in Elite Women's Football (")
    assert headline.endswith(") is older than DefGhost (Jun 27, 2024).")
    assert ids == [10, 8]
    headline, ids = headline_and_ids(dalia, "is DefGhost newer than the women's football injury paper?")
    assert headline.startswith("Yes: DefGhost (Jun 27, 2024) is newer than Load, Wellness")
    assert headline_and_ids(dalia, "is the hamstring paper older than DefGhost?")[0].startswith("No: ")


def test_words_before_they_describe_the_paper_even_with_a_possessive(dalia: Engine) -> None:
    # was "Which paper do you mean?": "women's" was no word said before "they"
    assert headline_and_ids(dalia, "the women's football injury one — what AUC did they get?") == (
        "Load, Wellness and Soft-Tissue Injury Risk in Elite Women's Football: 0.71 AUC.",
        [10],
    )


@pytest.mark.parametrize(
    "question",
    [
        "is there any paper where her name isn't in the visible author list?",
        "papers where she isn't in the author list",
        "is there a paper where she isn't in the listed authors?",
    ],
)
def test_the_author_list_said_with_other_words_leaves_the_researcher_out(dalia: Engine, question: str) -> None:
    # was "No: there are no papers about visible ..." and, for "where ... author list", her positions
    headline, ids = headline_and_ids(dalia, question)
    assert "1 paper not listing Dalia Moreno-Kowalski among the authors" in headline
    assert ids == [6]


def test_where_in_the_author_list_without_a_not_still_asks_the_position(oren: Engine) -> None:
    headline, ids = headline_and_ids(oren, "where is she in the author list of LatticeLens?")
    assert headline.startswith("Oren Feldman-Achebe is the second listed author of LatticeLens")
    assert ids == [1]


def test_first_or_the_second_half_of_a_year_compares_both_halves(oren: Engine) -> None:
    # was "The oldest paper from H2 2025": "the first" had no "half" of its own
    assert headline_and_ids(oren, "did she publish more in the first or the second half of 2025?") == (
        "H1 2025 (Jan 1 – Jun 30, 2025) and H2 2025 (Jul 1 – Dec 31, 2025) are tied: 2 papers each.",
        [],
    )


def test_bare_recent_is_a_few_papers_and_a_time_says_which(oren: Engine) -> None:
    assert headline_and_ids(oren, "anything recent, like from this year?") == (
        "3 papers from 2026, newest first:",
        [1, 3, 2],
    )
    assert headline_and_ids(oren, "anything recent?")[0] == "The newest 5 papers on Oren Feldman-Achebe's profile:"
    # one paper still: "his recent paper", "the most recent one", "which one is more recent?"
    assert headline_and_ids(oren, "her most recent paper")[1] == [1]
    assert headline_and_ids(oren, "her recent paper")[1] == [1]


def test_dont_touch_negates_what_follows(bruno: Engine) -> None:
    # was "10 papers with code": the "don't" negated nothing
    assert headline_and_ids(bruno, "which code papers don't touch TCGA at all") == (
        "5 papers not mentioning TCGA with code, newest first:",
        [5, 10, 13, 18, 22],
    )


def test_an_archive_names_every_class_of_it_on_the_page(bruno: Engine) -> None:
    # was "None of ... is about “q-bio”": QM is q-bio's only class here; CV and LG are computer science
    assert headline_and_ids(bruno, "how many q-bio papers are there")[0] == (
        "Bruno Tavares-Okeke has 3 papers in QM (Quantitative Methods (biology)):"
    )
    headline, ids = headline_and_ids(bruno, "how many non-cs papers?")
    assert headline.startswith(
        "Bruno Tavares-Okeke has 11 papers outside CV (Computer Vision and Pattern Recognition) and outside LG"
    )
    assert len(ids) == 11


def test_a_shortened_particle_is_the_particle(dalia: Engine) -> None:
    # was "No papers list pieter vd among their authors"
    assert headline_and_ids(dalia, "papers w/ pieter vd berg from 2021??") == (
        "1 paper with Pieter van der Berg from 2021:",
        [16],
    )


def test_who_co_wrote_those_names_the_people_on_the_papers_in_view(dalia: Engine) -> None:
    conversation = ("test", "co-wrote those")
    dalia.ask("show me her AP papers", conversation)
    assert [p.id for p in dalia.ask("only the ones from before 2020", conversation).papers] == [20, 22]
    answer = dalia.ask("who co-wrote both of those with her?", conversation)  # was the two papers again
    assert "only co-author is Gerhard Lindqvist (2 papers)" in answer.headline
    assert dalia.ask("who co-wrote xGNN?").headline.startswith("Listed authors of xGNN: Dalia Moreno-Kowalski")


@pytest.mark.parametrize(
    "question",
    ["the homomorphic encrpytion benchmark that compares seal and openfhe", "which paper compares SEAL and OpenFHE?"],
)
def test_a_paper_described_by_what_it_compares_is_no_comparison(oren: Engine, question: str) -> None:
    # was "homomorphic encrpytion compares seal and openfhe are tied: 1 paper each."
    headline, ids = headline_and_ids(oren, question)
    assert "FHEBench: Reproducible Cross-Library Benchmarks" in headline and ids == [5]
    assert headline_and_ids(oren, "compare her CR and LG papers")[0].startswith(
        "CR (Cryptography and Security) has more"
    )


def test_a_numbered_family_said_by_its_stem_is_every_member(bruno: Engine) -> None:
    # was "10 papers not about CAMELYON with code": the stem matched no benchmark and no word
    assert headline_and_ids(bruno, "which code papers don't touch CAMELYON at all") == (
        "4 papers not mentioning CAMELYON16 and not mentioning CAMELYON17 with code, newest first:",
        [3, 8, 13, 22],
    )
    assert headline_and_ids(bruno, "which ones use camelyon-16?")[0] == "7 papers mention CAMELYON16:"


def test_numbered_families_leave_out_stems_that_are_benchmarks_themselves() -> None:
    from bot.understanding.entities import _numbered_families

    names = ["CAMELYON16", "CAMELYON17", "SQuAD 2.0", "CIFAR-100", "MMLU", "Places365"]
    assert _numbered_families(names, lambda stem: stem == "SQuAD") == {
        "camelyon": ("CAMELYON16", "CAMELYON17"),
        "cifar": ("CIFAR-100",),
        "places": ("Places365",),  # read as the family only where no paper writes "places" (entities.py)
    }
