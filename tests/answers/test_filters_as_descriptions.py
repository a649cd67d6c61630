"""A paper described by its filters ("the 2016 paper"), "both of them" across answers, archive-prefixed
classes, example fragments after a question, and words that must not be read as other intents."""

from __future__ import annotations

import pytest

from bot.engine import Engine

pytestmark = pytest.mark.usefixtures("pinned_today")


def conversation(engine: Engine, *turns: str) -> str:
    key = ("tester", " / ".join(turns))
    engine.reset(key)
    return [engine.ask(turn, key) for turn in turns][-1].headline


def test_a_paper_said_by_its_year_alone_is_that_paper(ruth: Engine) -> None:
    assert conversation(ruth, "who wrote the 2016 paper?") == (
        "Ruth Okafor wrote Synaptic Scaling Stabilises Hebbian Learning in Balanced Excitatory-Inhibitory "
        "Networks alone: the only listed author."
    )
    assert conversation(ruth, "who wrote the 2025 paper?") == "4 papers match; which one?"


def test_both_of_them_are_the_last_two_people_named(ruth: Engine) -> None:
    assert (
        conversation(ruth, "papers with Priyanka Raghunathan", "and with Hye-jin Cho?", "any paper with both of them?")
        == "No papers with Hye-jin Cho and Priyanka Raghunathan."
    )


def test_a_class_with_its_archive_and_a_share_of_the_output(ruth: Engine) -> None:
    assert conversation(ruth, "what % of her papers are q-bio.NC?") == (
        "10 papers in NC (Neurons and Cognition): 48% of Ruth Okafor's 21 papers (10 of 21)."
    )
    assert conversation(ruth, "what share of her output is from the 2020s?") == (
        "17 papers from the 2020s: 81% of Ruth Okafor's 21 papers (17 of 21)."
    )


def test_an_example_after_a_question_does_not_replace_it(ruth: Engine) -> None:
    assert conversation(ruth, "does she teach any courses? like an intro comp neuro class?") == (
        "The profile page doesn't list teaching: courses, lectures or students taught."
    )


def test_work_on_an_absent_topic_is_a_plain_no(ruth: Engine) -> None:
    assert conversation(ruth, "has she worked on Parkinson's disease?") == (
        "No: none of Ruth Okafor's 21 papers is about “parkinson's disease”."
    )


def test_what_someone_is_like_to_work_with_is_not_on_the_page(ruth: Engine) -> None:
    assert conversation(ruth, "is she a nice supervisor? thinking of applying for a phd with her").startswith(
        "The profile page doesn't list judgements of the papers' quality"
    )


def test_words_near_other_intents_keep_their_meaning(jonas: Engine) -> None:
    # "finding" is no typo of "funding"; "on the profile" only says where; "the top ones" are no opinion
    assert conversation(jonas, "papers from the last 12 months", "only the solo ones", "what's the main finding?") == (
        "How Far Can Universal Interatomic Potentials Go? Benchmarking Phonons Across 10,000 Materials"
    )
    assert conversation(jonas, "oldest paper on the profile").startswith("The oldest paper (")
    assert not conversation(jonas, "and how many of the top ones survive humidity?").startswith(
        "The profile page doesn't list judgements"
    )


def test_two_author_positions_of_the_researcher_are_compared(ruth: Engine) -> None:
    assert conversation(ruth, "has she been first author more often than second author?") == (
        "Ruth Okafor is first author and second author equally often: 9 papers each."
    )
    assert conversation(ruth, "is she more often first or last author?") == (
        "Ruth Okafor is more often first author (9 papers) than last listed author (5 papers)."
    )
    assert conversation(ruth, "how many papers is she first or second author on?") == (
        "Ruth Okafor has 18 papers with Ruth Okafor as first or second author:"
    )


def test_a_ranking_of_first_authors_leaves_out_who_it_is_told_to(ruth: Engine) -> None:
    assert conversation(ruth, "apart from Ruth herself, who has first-authored the most of her papers?") == (
        "Other than Ruth Okafor, among Ruth Okafor's 21 papers, the most frequent first authors are "
        "Amara Nwosu-Bello and Keiko Matsuda, tied with 2 papers each."
    )


def test_whether_someone_worked_on_a_paper_described_is_an_author_check(ruth: Engine) -> None:
    assert conversation(ruth, "did Hye-jin Cho work on the sleep spindle paper?") == (
        "No: Hye-jin Cho is not among the listed authors of Automated Sleep Spindle Detection in High-Density "
        "EEG with Temporal Convolutional Networks (Amara Nwosu-Bello, Ruth Okafor)."
    )


def test_positions_of_another_person(jonas: Engine) -> None:
    assert conversation(jonas, "has Ananya ever been the last author on one of his papers?") == (
        "Yes: Ananya Krishnan is the last listed author of 1 paper:"
    )
    # not led by her: every paper she did not lead, not only hers
    assert conversation(jonas, "since 2022, which papers weren't led by Ananya?") == (
        "10 papers without Ananya Krishnan as first author since 2022, newest first:"
    )
    assert conversation(jonas, "papers Ananya appears on without being first author") == (
        "2 papers with Ananya Krishnan without Ananya Krishnan as first author, newest first:"
    )


def test_after_an_empty_answer_a_pick_asks_anew(jonas: Engine) -> None:
    assert conversation(
        jonas, "anything from 2020?", "2019?", "and 2018?", "ok so what's the earliest paper then"
    ).startswith("The oldest paper (Oct 24, 2016)")


def test_first_authored_is_a_lead_position(dario: Engine) -> None:
    for question in ("how many papers has lucía first-authored?", "papers first-authored by Lucía"):
        assert conversation(dario, question).startswith("Lucía Ferrández is the first listed author of 4 papers")
    assert conversation(dario, "Lucía's first-author papers").startswith("Lucía Ferrández is the first listed author")


def test_the_last_of_a_complete_list_is_said_to_be_last(dario: Engine) -> None:
    assert conversation(dario, "where is Dario in the author list on Sieve?") == (
        "Dario Moretti is the third and last listed author of Sieve (Oren Katz, Lucía Ferrández, Dario Moretti)."
    )


def test_a_field_nowhere_on_the_page_is_a_plain_none(dario: Engine) -> None:
    assert conversation(dario, "any quantum computing stuff?") == (
        "None of Dario Moretti's 18 papers is about “quantum computing”."
    )


def test_an_acronym_of_title_words_names_that_paper(wen: Engine) -> None:
    # MDN: Mixture Density Networks, not the other photometric-redshift paper (which has code)
    assert conversation(wen, "does the Euclid photo-z MDN paper have code?") == (
        "No: the profile does not mark code for Photometric Redshifts for Euclid with Mixture Density Networks, "
        "and the abstract gives no link."
    )


def test_a_real_short_word_is_not_corrected_into_another(wen: Engine) -> None:
    # "radio" is no slip of "ratio" (which would have asked for a share)
    assert conversation(wen, "any radio astronomy / 21cm papers?").startswith("None of Wen Li-Hartmann's 21 papers")


def test_someone_listed_before_et_al_is_not_the_last_author(wen: Engine) -> None:
    assert conversation(wen, "is Zoë Achterberg the last author on the S8 paper?") == (
        "No: Zoë Achterberg is the second listed author of Simulation-Based Inference of S8 from DESI Galaxy "
        "Clustering and Weak Lensing, and the page's author list is truncated after them (et al.): more "
        "authors follow, so they are not its last author (Wen Li-Hartmann, Zoë Achterberg, Rafael Monteiro et al.)."
    )


def test_whether_the_researcher_holds_a_place_on_a_described_paper(dario: Engine) -> None:
    assert conversation(dario, "is he the last author on the flaky tests paper?").startswith(
        "No: Dario Moretti is the third listed author of Predicting Flaky Tests from Code Vocabulary and "
        "Execution Traces, and the page's author list is truncated after them (et al.)"
    )
    assert conversation(dario, "is Dario first author on Sieve?") == (
        "No: the first listed author of Sieve is Oren Katz; Dario Moretti is the third listed author "
        "(Oren Katz, Lucía Ferrández, Dario Moretti)."
    )


def test_a_noun_drop_negates_nothing_and_et_al_asks_for_the_full_list(dario: Engine) -> None:
    # "the MBPP drop" is a noun: before, MBPP was negated ("No papers mentioning HumanEval not mentioning MBPP")
    assert "not mentioning MBPP" not in conversation(
        dario, "HumanEval papers", "which is newer?", "and what's the MBPP drop there?"
    )
    assert conversation(dario, "2024 papers", "drop the SE ones").startswith("2 papers outside SE")
    assert conversation(dario, "RepoMend", "who's on it?", "is Jakub Sadowski one of the et al. authors?").startswith(
        "The profile page doesn't list complete author lists"
    )


def test_short_real_words_are_not_corrected_into_keywords(ines: Engine) -> None:
    # "coral" is no "CoRL" (a venue question)
    assert conversation(ines, "has she worked on coral reefs?") == (
        "No: none of Inês Carvalho's 19 papers is about “coral reefs”."
    )


def test_equal_groups_are_tied(ines: Engine) -> None:
    assert conversation(ines, "more PE or AP papers?").startswith(
        "PE (Populations and Evolution) and AP (Applications (statistics)) are tied: 4 papers each."
    )


def test_a_short_fragment_after_a_question_adds_to_it(ines: Engine) -> None:
    assert conversation(ines, "what does she personally think of Global Forest Watch? fan or critic?").startswith(
        "The profile page doesn't list judgements of the papers' quality"
    )


def test_a_frame_word_in_a_term_the_papers_use_is_part_of_the_topic(amara: Engine) -> None:
    # "time" and "cover" frame questions ("what time", "what does it cover"); "cover time" is a term here
    assert conversation(amara, "when did the cover time paper come out") == (
        "Cover Times of Random Walks on Preferential Attachment Graphs was published on Feb 28, 2023."
    )


def test_whether_one_paper_is_from_a_time_is_answered_with_its_date(amara: Engine, rafael: Engine) -> None:
    # a year-less date within the last twelve months may be last year: "this year?" is no
    assert conversation(amara, "did TailClip come out this year?") == (
        "No: TailClip came out Dec 11, 2025 (the page gives no year; inferred from the profile date), not this year."
    )
    assert conversation(amara, "did TailClip come out in 2025?").startswith("Yes: TailClip came out Dec 11, 2025")
    assert conversation(amara, "is TailClip from this year?").startswith("No: TailClip came out Dec 11, 2025")
    assert conversation(amara, "is TailClip from 2025?").startswith("Yes: TailClip came out Dec 11, 2025")
    assert conversation(rafael, "the IceCube paper is from this year right?").startswith(
        "No: Graph Neural Network Reconstruction of Low-Energy Neutrino Events in IceCube DeepCore came out Dec 3, 2025"
    )
