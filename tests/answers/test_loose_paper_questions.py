"""Questions about one paper, or whether any paper fits, said loosely: "did she write X alone?",
"when did she publish the Spleeter paper?" (a name only mentioned), counts said in other words
("how many participants?" of "23 blind screen reader users", "how much RAM?" of "212 kB of RAM"),
"anything on X from 2024?" (whether any paper fits, not one paper's date), "when did he start
working on X?", and two questions joined by ", and what year ..."."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.answers.conftest import headline_and_ids, text_and_ids

pytestmark = pytest.mark.usefixtures("pinned_today")


def test_written_alone_asks_whether_the_paper_is_solo(lucia: Engine) -> None:
    # was the paper listed, no answer
    assert headline_and_ids(lucia, "did Lucía write PedalNet alone?") == (
        "No: PedalNet lists at least 4 authors (Lucía Bernal-Okoye, Daniel Ferreira, Yuki Watanabe et al.).",
        [16],
    )
    assert headline_and_ids(lucia, "did she write TinyBeat alone?")[0].startswith("No: TinyBeat lists 3 authors")


def test_a_name_only_mentioned_said_as_a_paper_she_wrote(lucia: Engine) -> None:
    # was the date of the paper that mentions it, as if it were hers
    assert headline_and_ids(lucia, "when did she publish the Spleeter paper?") == (
        "No paper on the profile is Spleeter: Spleeter is not one of Lucía Bernal-Okoye's papers; it is only "
        "mentioned in Measuring Leakage and Overlap in Music Source Separation Benchmarks.",
        [11],
    )
    assert headline_and_ids(lucia, "when did she publish the TinyBeat paper?")[0] == (
        "TinyBeat was published on Aug 21, 2023."
    )


def test_amounts_in_a_unit_and_participants_said_in_other_words(lucia: Engine, mei: Engine) -> None:
    assert headline_and_ids(lucia, "how much RAM does TinyBeat need?") == (
        "The abstract of TinyBeat says 212 kB of RAM.",
        [9],
    )
    # was "gives no number of participants"
    assert headline_and_ids(mei, "the infinite scroll one - how many participants?") == (
        "The abstract of Lost in the Feed: How Screen Reader Users Navigate Infinite Scroll says 23 blind screen "
        "reader users.",
        [7],
    )


def test_anything_on_a_topic_from_a_year_asks_whether_any_paper_fits(mei: Engine) -> None:
    # was "No: <the one eye-tracking paper> came out Jul 22, 2026, not in 2024"
    headline, ids = headline_and_ids(mei, "does she have anything on eye tracking from 2024")
    assert "came out" not in headline
    assert ids == headline_and_ids(mei, "papers on eye tracking from 2024")[1]
    # one paper described, asked whether it is from a year: its date
    assert headline_and_ids(mei, "is the infinite scroll paper from 2024?") == (
        "No: Lost in the Feed: How Screen Reader Users Navigate Infinite Scroll came out Feb 11, 2025, not in 2024.",
        [7],
    )


def test_when_did_he_start_working_on_a_topic(arjun: Engine) -> None:
    # was every weed paper, most relevant first
    headline, ids = headline_and_ids(arjun, "when did he start working on weeds? like what's the earliest weed paper")
    assert headline.startswith("The oldest paper about weeds (Jun 4, 2018)") and ids == [19]


def test_and_what_year_is_a_second_question(lucia: Engine) -> None:
    text, ids = text_and_ids(
        lucia, "hi, two things: how many papers does she have in total, and what year is the oldest one from?"
    )
    assert text.startswith("Lucía Bernal-Okoye has 24 papers on the profile.")
    assert "was published on Apr 9, 2015" in text and ids == [24]


def test_ai_before_a_topic_word_is_part_of_the_topic(lucia: Engine) -> None:
    # was "No: there are no papers in AI (Artificial Intelligence) about music composition generating MIDI."
    headline, ids = headline_and_ids(lucia, "has she done any AI music composition stuff, like generating MIDI?")
    assert headline.startswith("Yes: 2 papers about music composition") and ids == [7, 13]
    assert (
        headline_and_ids(lucia, "any AI stuff from 2021?")[0] == "No papers in AI (Artificial Intelligence) from 2021."
    )


def test_what_else_after_an_answer_about_one_paper_leaves_that_paper_out(arjun: Engine) -> None:
    conversation = ("tester", "what else")
    arjun.ask("tell me about LeafLens", conversation)
    arjun.ask("who were his coauthors on it?", conversation)
    answer = arjun.ask("what else has he done with Priyanka?", conversation)
    # was both papers with her, LeafLens again among them
    assert (answer.headline, [p.id for p in answer.papers]) == (
        "1 paper with Priyanka Raghunathan other than LeafLens:",
        [18],
    )


def test_is_she_teaching(henrik: Engine) -> None:
    assert headline_and_ids(henrik, "is he teaching any courses this semester?") == (
        "The profile page doesn't list teaching: courses, lectures or students taught.",
        [],
    )


def test_which_of_two_described_papers_has_the_longer_author_list(arjun: Engine) -> None:
    # was the listed authors of a third paper
    expected = (
        "Conformal Crop Yield Forecasts: Calibrated County-Level Uncertainty from Satellite Time Series lists more "
        "authors: 3 authors, against 2 authors for Hyperspectral Estimation of Nitrogen Status in Maize from UAV "
        "Push-Broom Imagery.",
        [4, 14],
    )
    question = "which one has the longer author list, the conformal yield paper or the hyperspectral nitrogen one?"
    assert headline_and_ids(arjun, question) == expected


def test_how_big_is_the_model_and_how_much_faster(arjun: Engine, henrik: Engine) -> None:
    conversation = ("tester", "how big")
    arjun.ask("papers from 2019", conversation)
    arjun.ask("which of those has code?", conversation)
    answer = arjun.ask("how big is the model?", conversation)
    # was "None of Arjun Pillai-Novak's 22 papers is about “big model”."
    assert (answer.headline, [p.id for p in answer.papers]) == ("The abstract of PlantDx says 4.2 MB.", [18])
    assert headline_and_ids(arjun, "how big is WeedSAM?") == ("The abstract of WeedSAM says 6.3M parameters.", [2])
    # was the list of papers about "neural operator fast marching"
    assert headline_and_ids(henrik, "how much faster is the neural operator than fast marching?") == (
        "The abstract of Physics-Informed Neural Operators for Three-Dimensional Seismic Traveltime Tomography "
        "says 240× faster.",
        [5],
    )


def test_a_description_or_a_name_set_against_each_other(nadim: Engine) -> None:
    # was the card of the named paper alone
    question = "which paper has more authors listed, the norwegian election one or PHEME revisited?"
    assert headline_and_ids(nadim, question) == (
        "PHEME Revisited: Annotation Artefacts in Rumour Veracity Benchmarks lists more authors: 3 authors, "
        "against 2 authors for Automated Accounts in the 2017 Norwegian Parliamentary Election.",
        [8, 21],  # the one with more first
    )


def test_how_many_fewer_and_a_topic_after_do_on(nadim: Engine) -> None:
    assert headline_and_ids(nadim, "how many fewer LLM calls does verichain need?")[0] == (
        "The abstract of VeriChain says 3.2× fewer."
    )
    # a typo in a topic said after "do on" is still the topic (was every paper before 2020)
    assert headline_and_ids(nadim, "wat did nadim do on stance detecton b4 2020")[1] == [20]


def test_capitalised_words_said_as_her_paper_that_no_paper_is(tomoko: Engine) -> None:
    # was a LOFAR paper that says "telescope"
    assert headline_and_ids(tomoko, "tell me about her Event Horizon Telescope paper") == (
        "No paper on the profile is Event Horizon Telescope: Event Horizon Telescope is not one of Tomoko "
        "Achebe-Lindqvist's papers.",
        [],
    )


def test_a_class_code_before_a_topic_word_and_looked_at(ingrid: Engine) -> None:
    # "DC OPF" is direct-current optimal power flow, not the class DC (was "no papers in DC")
    headline, _ = headline_and_ids(ingrid, "Does Ingrid have something that fixes the constraint violations for DC OPF")
    assert "Distributed, Parallel" not in headline
    # "looked at" frames the topic (was "None of ... is about “looked”")
    assert headline_and_ids(ingrid, "Which of her papers looked at time-of-use rates and EV owners")[1] == [5]


def test_a_figure_said_of_the_paper_s_method_before_one_said_of_another_model(arjun: Engine) -> None:
    # the abstract gives a ResNet-50's 38.7% on PlantDoc first ("a ResNet-50 that reaches ... drops to"), then
    # LeafLens' own 67.9% ("It reaches 67.9% on PlantDoc"); was 38.7%
    assert headline_and_ids(arjun, "what accuracy did LeafLens get on PlantDoc?") == (
        "LeafLens on PlantDoc: 67.9%.",
        [9],
    )
