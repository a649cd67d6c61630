"""Which paper reports the best figure in a metric: every paper in scope whose abstract gives one,
ranked the metric's better way (the lowest of an error), with what each gives."""

from __future__ import annotations

import pytest

from bot.corpus.model import Corpus
from bot.engine import Engine
from tests.answers.conftest import headline_and_ids

pytestmark = pytest.mark.usefixtures("pinned_today")


def test_the_lowest_error_is_the_best(lena: Engine) -> None:
    # was every paper of the profile, listed: the question had no filter the list understood
    headline, ids = headline_and_ids(lena, "which paper has the lowest WER?")
    assert headline.startswith(
        "Low-Latency Streaming Conformer Transducers with Chunk-Adaptive Lookahead reports the lowest WER: 2.9% WER, "
        "against 4.3% WER for SpeechBERT-X"
    )
    assert ids == [9, 4, 22, 12, 1]
    assert headline_and_ids(lena, "which of her papers has the best WER?")[1] == ids  # best = lowest for an error
    assert headline_and_ids(lena, "which paper has the worst WER?")[1] == [1, 12, 22, 4, 9]


def test_the_highest_score_is_the_best_and_filters_keep(henrik: Engine) -> None:
    headline, ids = headline_and_ids(henrik, "which of his papers has the best F1?")
    assert headline.startswith("SeisFM reports the highest F1: 0.97 F1, against 0.95 F1 for AssocFormer")
    assert ids == [1, 9, 3]


def test_a_change_is_no_level_and_one_level_is_said_alone(kiri: Engine) -> None:
    # was "5 papers about best"
    assert headline_and_ids(kiri, "🔥 which of her papers got the best MOS score") == (
        "Only ProsoDiff gives a figure in MOS: 4.12 MOS (from 3.61).",
        [2],
    )
    headline, ids = headline_and_ids(kiri, "which paper has the lowest WER?")
    assert headline.endswith("gives a level in WER: 58.3% word error rate; VoxAudit gives a change.")
    assert ids == [14, 6]


def test_a_formula_is_no_figure_and_no_paper_is_said_as_none(ravi: Engine, shipped: Corpus) -> None:
    # "NSE = 1 - sum(...)" once ranked first with "1 NSE"
    headline, _ = headline_and_ids(ravi, "which paper has the highest NSE?")
    assert headline.startswith(
        "Benchmarking LSTM Rainfall-Runoff Models on CAMELS-GB reports the highest NSE: 0.88 NSE"
    )
    assert headline_and_ids(ravi, "what median NSE did FloodLSTM get?")[0] == "FloodLSTM on median: 0.72 NSE."
    assert headline_and_ids(Engine(shipped), "which paper has the best BLEU?") == (
        "No paper gives a figure in BLEU in its abstract.",
        [],
    )


def test_papers_that_report_a_metric_are_the_papers_naming_it(lena: Engine, ravi: Engine) -> None:
    # was all 28 papers: the metric was understood as what is asked, and then filtered nothing
    assert headline_and_ids(lena, "which papers report WER?") == ("7 papers mention WER:", [1, 4, 9, 12, 16, 22, 26])
    assert headline_and_ids(lena, "how many papers report WER?")[0] == "Lena Okonkwo has 7 papers mentioning WER:"
    # ... in any of its forms: "Kling-Gupta efficiency" is KGE
    assert headline_and_ids(ravi, "which papers report KGE?") == ("5 papers mention KGE:", [1, 7, 11, 13, 19])


def test_a_metric_word_inside_a_topic_is_the_topic_s(arjun: Engine) -> None:
    # was "Who Benefits from Precision Agriculture? ... mentions agriculture but its abstract gives no figure"
    headline, ids = headline_and_ids(arjun, "papers about precision agriculture")
    assert headline.startswith("16 papers about precision agriculture") and ids[0] == 12


def test_a_metric_with_a_cut_off_is_found_at_that_cut_off(shipped: Corpus) -> None:
    # was "None of Guohai Xu's 23 papers mentions recall@{k}": the forms with a cut-off were left out
    engine = Engine(shipped)
    assert headline_and_ids(engine, "which papers report R@1?") == ("1 paper mentions recall@1:", [7])
    assert headline_and_ids(engine, "which paper has the best R@1?") == (
        "Only X-CLIP gives a figure in recall@1: 49.3 R@1.",
        [7],
    )
