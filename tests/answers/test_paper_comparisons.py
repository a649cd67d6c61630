"""Two papers named and compared: by date, by their author lists, or by what each abstract reports
on the question's words, with the winner only when both give one number and the question says which
way ("lower", "bigger")."""

from __future__ import annotations

import pytest

from bot.engine import Engine

pytestmark = pytest.mark.usefixtures("pinned_today")


def ask(engine: Engine, text: str) -> str:
    return engine.ask(text, ("tester", text)).text


def test_the_lower_figure_wins_and_both_are_quoted(chiara: Engine) -> None:
    text = ask(chiara, "which got the lower NMSE, CEDNet or TwinRIS?")
    assert text.splitlines()[0] == "CEDNet reports the lower figure on NMSE: -21.3dB, against -15.2dB for TwinRIS."
    assert "reaches an NMSE of -21.3 dB at 20 dB SNR" in text and "reaches an NMSE of -15.2 dB at 10 dB SNR" in text


def test_the_bigger_figure_wins(chiara: Engine) -> None:
    assert ask(chiara, "HoloCast or TwinRIS - which reported the bigger overhead reduction?").startswith(
        "HoloCast reports the higher figure on overhead reduction: 83%, against 75% for TwinRIS."
    )


def test_without_one_number_each_the_sentences_are_shown_and_nothing_is_decided(chiara: Engine) -> None:
    text = ask(chiara, "which one cuts uplink traffic more, SparQ-FL or FedLoRA-Air?")
    assert text.startswith("What the abstracts of SparQ-FL and FedLoRA-Air report on cuts uplink traffic:")
    assert "27× fewer uplink bits" in text and "12.6× less uplink bandwidth" in text


def test_which_is_more_recent_compares_dates(chiara: Engine) -> None:
    assert ask(chiara, "which is more recent, DUNE or CEDNet?").splitlines()[0] == (
        "DUNE (Apr 11, 2023) is newer: it came out after CEDNet (Oct 4, 2021)."
    )


def test_before_or_after_is_answered_from_the_first_paper_named_never_yes_or_no(chiara: Engine) -> None:
    # "was X before or after Y?" listed both papers; "is X older or newer than Y?" answered "Yes: ..."
    for question in ("was CEDNet before or after DUNE?", "is CEDNet older or newer than DUNE?"):
        assert ask(chiara, question).splitlines()[0] == (
            "CEDNet (Oct 4, 2021) is older: it came out before DUNE (Apr 11, 2023)."
        )


def test_two_descriptions_set_against_each_other_are_the_papers_they_fit(noor: Engine) -> None:
    question = "is the open catalyst active learning paper older or newer than the graph transformer ablation?"
    assert ask(noor, question).splitlines()[0] == (
        "Calibrated Active Learning of Adsorption Energies on the Open Catalyst Dataset (Jun 3, 2024) is older: it "
        "came out before What Matters for Graph Transformers on PCQM4Mv2? A Large-Scale Ablation (Sep 30, 2024)."
    )


def test_a_list_cut_short_has_more_authors_than_it_shows(sven: Engine) -> None:
    assert ask(sven, "which paper lists more authors, Tideline or TierShift?").splitlines()[0] == (
        "TierShift has more authors: the page shows 3 and then “et al.”, against 2 authors for Tideline."
    )


def test_papers_described_against_each_other_are_the_papers_they_describe(zeynep: Engine, tobias: Engine) -> None:
    # each "the ... paper" / "the ... one" is the paper it fits best, compared as named papers are
    came_first = zeynep.ask("which came first, the gig work paper or the returns to schooling one?", ("t", "1"))
    assert [p.id for p in came_first.papers] == [8, 9]  # the first, then the other
    authors = tobias.ask(
        "which has more listed authors, CaDenoise or the dendritic associative memory one?", ("t", "2")
    )
    assert authors.headline.startswith(
        "Dendritic Nonlinearities Increase the Storage Capacity of Spiking Associative Memories lists more authors: "
        "3 authors, against 2 authors for CaDenoise."
    )


def test_two_descriptions_read_as_one_topic_are_parted_by_where_each_was_said(dmitri: Engine) -> None:
    # it was one topic, "error estimator BDDC": the BDDC paper was "the latest paper about" it
    text = ask(dmitri, "is the error estimator paper newer than the BDDC one?")
    assert text.startswith(
        "Yes: Robust a Posteriori Error Estimation for hp-Discontinuous Galerkin Methods on Anisotropic Meshes ("
    )
