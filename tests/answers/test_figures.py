"""Results quoted from abstracts: every shape a figure is written in, on synthetic abstracts and
on the real abstracts of the two shared profiles."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers.figures import Figure, figures_for
from bot.corpus.page_parser import parse_page_file
from bot.understanding.metrics import Metric, MetricLexicon
from tests.conftest import SHARED

METRICS = MetricLexicon.default()


def metric(name: str) -> Metric:
    found = METRICS.metric(name)
    assert found is not None, name
    return found


def values(abstract: str, *forms: str, asked: str | None = None, k: int | None = None) -> list[str]:
    return [f.value for f in figures_for(abstract, forms, metric(asked) if asked else None, k)]


# --- each shape, on synthetic abstracts ----------------------------------------------------------------------------


def test_figure_before_the_name() -> None:
    abstract = "We propose Foo. Foo achieves 46.2 R@1 on ActivityNet and 30.1 R@1 on Charades."
    (figure,) = figures_for(abstract, ["ActivityNet"], metric("recall@{k}"), 1)
    assert figure == Figure(
        value="46.2",
        metric="R@1",
        benchmark="ActivityNet",
        sentence="Foo achieves 46.2 R@1 on ActivityNet and 30.1 R@1 on Charades.",
    )
    assert figure.text == "46.2 R@1"
    assert values(abstract, "Charades") == ["30.1"]


def test_figure_in_brackets_after_the_name() -> None:
    abstract = "Our model sets a new state of the art on Kinetics-400 (50.4 top-1) and on UCF101 (91.0 top-1)."
    assert values(abstract, "Kinetics-400", asked="top-{k} accuracy", k=1) == ["50.4"]
    assert values(abstract, "UCF101") == ["91.0"]


def test_percentage_with_a_metric_before_the_name() -> None:
    abstract = "The policy reaches 91.2% success on ALFRED unseen scenes."
    (figure,) = figures_for(abstract, ["ALFRED"], metric("success rate"))
    assert (figure.value, figure.metric, figure.text) == ("91.2%", "success", "91.2% success")


def test_metric_named_before_its_value() -> None:
    abstract = "On the test split our retriever obtains an R@1 of 47.8 on DiDeMo, far above prior work."
    (figure,) = figures_for(abstract, ["DiDeMo"], metric("recall@{k}"), 1)
    assert (figure.value, figure.metric) == ("47.8", "R@1")


def test_figure_after_the_name_in_its_clause() -> None:
    abstract = "On ImageNet it reaches 84.1% top-1 accuracy, on CIFAR-100 it reaches 91.3%, and it trains in a day."
    assert values(abstract, "ImageNet") == ["84.1%"]
    assert values(abstract, "CIFAR-100") == ["91.3%"]


def test_from_a_to_b_gives_b_with_its_baseline() -> None:
    abstract = "Our adaptation improves mIoU on ACDC from 58.9 to 71.4, without target labels."
    (figure,) = figures_for(abstract, ["ACDC"], metric("mIoU"))
    assert (figure.value, figure.baseline, figure.metric, figure.text) == (
        "71.4",
        "58.9",
        "mIoU",
        "71.4 mIoU (from 58.9)",
    )


def test_respectively_in_brackets() -> None:
    abstract = "We test on NQ, TriviaQA and HotpotQA (41.1, 63.2 and 52.0 EM, respectively)."
    assert values(abstract, "NQ", "Natural Questions") == ["41.1"]
    assert values(abstract, "TriviaQA") == ["63.2"]
    assert values(abstract, "HotpotQA") == ["52.0"]


def test_respectively_in_the_next_sentence() -> None:
    abstract = (
        "We evaluate on three tasks, including SQuAD, RACE and BoolQ. "
        "Our method improves the baseline by 1.1%, 2.2% and 3.3% respectively."
    )
    figures = figures_for(abstract, ["RACE"], None)
    assert [(f.value, f.gain, f.benchmark) for f in figures] == [("2.2%", True, "RACE")]
    assert figures[0].sentence == "Our method improves the baseline by 1.1%, 2.2% and 3.3% respectively."


def test_figures_of_a_list_without_the_names_are_not_guessed() -> None:
    abstract = (
        "We evaluate on SQuAD, RACE, BoolQ and COPA. Our method improves them by 1.1%, 2.2% and 3.3% respectively."
    )
    assert values(abstract, "RACE") == []


def test_a_gain_over_a_baseline() -> None:
    abstract = "Injecting dictionary knowledge improves BERT-large by 9.0% on CommonsenseQA."
    (figure,) = figures_for(abstract, ["CommonsenseQA", "CSQA"], None)
    assert (figure.value, figure.gain) == ("9.0%", True)
    (signed,) = figures_for("It gains +2.2 mIoU on ADE20K.", ["ADE20K"], metric("mIoU"))
    assert (signed.value, signed.gain, signed.metric) == ("+2.2", True, "mIoU")


def test_the_asked_metric_picks_among_figures_of_one_sentence() -> None:
    abstract = "Without seeing any ADE20K labels, it reaches 29.4 PQ and 36.8 mIoU on ADE20K."
    assert values(abstract, "ADE20K", asked="mIoU") == ["36.8"]
    assert values(abstract, "ADE20K", asked="PQ") == ["29.4"]
    assert values(abstract, "ADE20K") == ["29.4", "36.8"]
    assert values(abstract, "ADE20K", asked="IoU") == ["36.8"]  # same family
    assert values(abstract, "ADE20K", asked="FID") == []  # another metric is never quoted for it


def test_figures_without_a_metric_come_after_the_asked_one() -> None:
    abstract = "The method gains 4.0% on MSVD. Elsewhere, it reaches 50.1 R@1 on MSVD."
    assert values(abstract, "MSVD", asked="recall@{k}", k=1) == ["50.1", "4.0%"]
    assert values(abstract, "MSVD", asked="recall@{k}", k=5) == ["50.1", "4.0%"]


def test_digits_of_a_name_are_never_a_figure() -> None:
    assert values("On DAVIS-2017 our tracker reaches 81.1 J&F.", "DAVIS") == ["81.1"]
    assert values("MSR-VTT (49.3 R@1) improves on prior work.", "MSR-VTT") == ["49.3"]
    assert values("It keeps 60.2 mIoU on Cityscapes-C, the corrupted split.", "Cityscapes-C") == ["60.2"]
    assert values("Trained on ImageNet-1k, it reaches 81.9% on CIFAR-100.", "CIFAR-100") == ["81.9%"]
    assert values("We pretrain on LAION-400M and transfer to COCO 2017 with 55.1 AP.", "COCO") == ["55.1"]
    assert values("On Kinetics-400 we match the teacher.", "Kinetics-400") == []


def test_counts_years_and_quantities_are_not_scores() -> None:
    assert values("We collect safety prompts across 10 scenarios for SafetyBench.", "SafetyBench") == []
    assert values("In 2023 we released SafetyBench.", "SafetyBench") == []
    assert values("With 1% of the labels of Cityscapes the backbone is weak.", "Cityscapes") == []
    assert values("On CIFAR-100 with 40% symmetric noise it reaches 71.2% accuracy.", "CIFAR-100") == ["71.2%"]
    assert values("On HM3D we train only 1.7% trainable parameters and reach 54.2% success.", "HM3D") == ["54.2%"]
    assert values("On Cityscapes it runs at 22 frames per second.", "Cityscapes") == ["22"]


def test_a_figure_tied_to_the_next_name_is_left_to_it() -> None:
    abstract = "It reaches 50.1 on GQA and 47.8 on VizWiz."
    assert values(abstract, "GQA") == ["50.1"]
    assert values(abstract, "VizWiz") == ["47.8"]


def test_no_forms_or_no_mention_give_nothing() -> None:
    assert figures_for("It reaches 50.1 on GQA.", [], None) == []
    assert figures_for("It reaches 50.1 on GQA.", ["  "], None) == []
    assert figures_for("It reaches 50.1 on GQA.", ["VQAv2"], None) == []
    assert figures_for("", ["GQA"], None) == []


# --- the shared profiles ----------------------------------------------------------------------------------------


def abstract_of(profile: str, title_start: str) -> str:
    page = SHARED / "profiles" / profile
    if not page.exists():
        pytest.skip("../shared is not present")
    papers = parse_page_file(page, date(2026, 11, 27))["papers"]
    return next(str(p["abstract"]) for p in papers if str(p["title"]).startswith(title_start))


@pytest.mark.parametrize(
    ("profile", "paper", "forms", "asked", "k", "expected"),
    [
        ("guohai_xu.txt", "X-CLIP", ["DiDeMo"], "recall@{k}", 1, ["47.8", "+6.7%"]),
        ("guohai_xu.txt", "X-CLIP", ["ActivityNet"], "recall@{k}", 1, ["46.2", "+3.8%"]),
        ("guohai_xu.txt", "X-CLIP", ["MSR-VTT", "MSRVTT"], None, None, ["49.3", "+6.3%"]),
        ("guohai_xu.txt", "Youku-mPLUG", ["video category classification"], "top-{k} accuracy", 1, ["80.5%", "23.1%"]),
        ("guohai_xu.txt", "DictBERT", ["CommonsenseQA", "CSQA"], None, None, ["9.0%"]),
        ("guohai_xu.txt", "Distinguish Before Answer", ["CommonsenseQA", "CSQA"], None, None, ["89.8%", "0.9%"]),
        ("guohai_xu.txt", "Distinguish Before Answer", ["QASC"], None, None, ["4.2%"]),
        ("guohai_xu.txt", "Distinguish Before Answer", ["OpenBookQA", "OBQA"], None, None, ["3.5%"]),
        ("guohai_xu.txt", "HiTeA", ["Something-Something v2", "SSv2"], None, None, ["8.6%", "11.1%"]),
        ("guohai_xu.txt", "mPLUG-2", ["MSR-VTT", "MSRVTT"], "top-{k} accuracy", 1, ["48.0"]),
        ("guohai_xu.txt", "mPLUG-2", ["MSR-VTT", "MSRVTT"], "CIDEr", None, ["80.3"]),
        ("guohai_xu.txt", "CValues", ["CValues"], None, None, []),
        ("marisol_quispe.txt", "PanoVerse", ["COCO panoptic"], "PQ", None, ["51.2"]),
        ("marisol_quispe.txt", "PanoVerse", ["COCO", "MS COCO"], "PQ", None, ["51.2"]),
        ("marisol_quispe.txt", "PanoVerse", ["ADE20K"], "mIoU", None, ["36.8"]),
        ("marisol_quispe.txt", "Label-Free Adaptation", ["ACDC"], "mIoU", None, ["71.4"]),
        ("marisol_quispe.txt", "Memory-Refined", ["DAVIS 2017"], "J&F", None, ["79.4"]),
        ("marisol_quispe.txt", "Memory-Refined", ["DAVIS"], None, None, ["79.4"]),
        ("marisol_quispe.txt", "Memory-Refined", ["YouTube-VOS"], None, None, ["78.0"]),
        ("marisol_quispe.txt", "Long-Range Temporal", ["Something-Something V2"], None, None, ["71.3%"]),
        ("marisol_quispe.txt", "Pointing Is Not", ["RefProbe"], None, None, ["52.6%"]),
        ("marisol_quispe.txt", "Scene-Graph Prompting", ["KitchenPlan-300"], None, None, ["63%"]),
        ("marisol_quispe.txt", "Semantic Topological", ["HM3D"], "SPL", None, ["26.8%", "54.2%"]),
        ("marisol_quispe.txt", "Compositional Question", ["GQA"], None, None, ["61.9%"]),
        ("marisol_quispe.txt", "Compositional Question", ["VQA-CP v2"], None, None, ["3.4"]),
        ("marisol_quispe.txt", "Two-Stream", ["HMDB51"], None, None, ["69.7%"]),
        ("marisol_quispe.txt", "Where Is the Sound", ["Flickr-SoundNet"], "IoU", None, ["0.59"]),
    ],
)
def test_real_abstracts(
    profile: str, paper: str, forms: list[str], asked: str | None, k: int | None, expected: list[str]
) -> None:
    assert values(abstract_of(profile, paper), *forms, asked=asked, k=k) == expected


def test_a_real_figure_is_quoted_with_its_sentence() -> None:
    abstract = abstract_of("marisol_quispe.txt", "Label-Free Adaptation")
    (figure,) = figures_for(abstract, ["ACDC"], metric("mIoU"))
    assert figure.sentence.startswith("Starting from a model trained on Cityscapes, our method improves mIoU on ACDC")
    assert figure.sentence in abstract
    assert figure.text == "71.4 mIoU (from 58.9)"


# --- any text --------------------------------------------------------------------------------------------------

PIECES = [
    "DiDeMo", "MSR-VTT", "(", ")", "47.8", "+6.3%", "-2017", "R@1", "top-1", "on", "and", ",", ".", " ", "from", "to",
    "respectively", "12M", "9,400", "\\%", "ﬁ", "İ", "→", "by", "points", "of the labels", "\u200b", "🙂",
]  # fmt: skip


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=40))
def test_any_text_gives_figures_quoted_from_it(pieces: list[str]) -> None:
    abstract = " ".join(pieces)
    for figure in figures_for(abstract, ["DiDeMo", "MSR-VTT"], metric("recall@{k}"), 1):
        assert figure.sentence in abstract
        assert figure.value.lstrip("+-\u2212\u00b1").rstrip("%").replace(",", "") in figure.sentence.replace(",", "")
