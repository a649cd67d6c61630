"""The metric lexicon: the data file's shape and every form of the common metrics, in questions
and in abstracts."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.paths import METRICS_FILE
from bot.understanding.concepts import LexiconError
from bot.understanding.metrics import Metric, MetricLexicon
from bot.yaml_io import load_data_file


@pytest.fixture(scope="module")
def lexicon() -> MetricLexicon:
    return MetricLexicon.default()


def found(lexicon: MetricLexicon, text: str) -> list[tuple[str, int | None, str]]:
    return [(hit.metric.name, hit.k, hit.surface) for hit in lexicon.find(text)]


def test_shipped_lexicon_loads_once(lexicon: MetricLexicon) -> None:
    assert len(lexicon) >= 90
    assert MetricLexicon.default() is lexicon
    raw = load_data_file(METRICS_FILE)
    assert set(raw) == {"metrics", "quantities", "lower_is_better"}
    assert {"parameters", "labels", "fewer"} <= lexicon.quantity_words
    assert {"of", "the", "trainable"} <= lexicon.quantity_fillers


def test_unknown_keys_and_bad_entries_are_reported_together() -> None:
    data = {
        "metrics": [
            {"name": "WER", "forms": ["WER"], "aliases": ["x"]},
            {"name": "CER", "forms": ["CER", "wer"], "family": 3},
            {"name": "R@{k}", "forms": ["R@{k}{k}"], "case_sensitive": ["R"]},
        ],
        "notes": "",
        "quantities": {"words": ["labels"], "nouns": []},
    }
    with pytest.raises(LexiconError) as error:
        MetricLexicon.from_data(data)
    assert error.value.problems == (
        "unknown top-level key 'notes'",
        "quantities: unknown key 'nouns'",
        "WER: unknown key 'aliases'",
        "CER: family must be a string, got 3",
    )
    with pytest.raises(LexiconError) as error:
        MetricLexicon(
            [
                Metric("WER", ("WER",)),
                Metric("CER", ("CER", "wer")),
                Metric("R@{k}", ("R@{k}{k}",), case_sensitive=frozenset({"R"})),
            ]
        )
    assert error.value.problems == (
        "R@{k}: case-sensitive 'R' is not one of its forms",
        "R@{k}: 'R@{k}{k}' holds {k} more than once",
        "'wer' is under ['CER', 'WER']",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "R@1, recall@1, recall at 1, R1, rank-1",
            [("recall@{k}", 1, s) for s in ("R@1", "recall@1", "recall at 1", "R1", "rank-1")],
        ),
        ("R@5 and Recall@10", [("recall@{k}", 5, "R@5"), ("recall@{k}", 10, "Recall@10")]),
        (
            "top-1, top 5 accuracy, Top1 acc",
            [
                ("top-{k} accuracy", 1, "top-1"),
                ("top-{k} accuracy", 5, "top 5 accuracy"),
                ("top-{k} accuracy", 1, "Top1 acc"),
            ],
        ),
        ("accuracy or acc", [("accuracy", None, "accuracy"), ("accuracy", None, "acc")]),
        ("pass@1 and pass@k", [("pass@{k}", 1, "pass@1"), ("pass@{k}", None, "pass@k")]),
        ("WER, word error rate, CER", [("WER", None, "WER"), ("WER", None, "word error rate"), ("CER", None, "CER")]),
        (
            "BLEU-4, BLEU, ROUGE-L, ROUGE-2",
            [("BLEU", 4, "BLEU-4"), ("BLEU", None, "BLEU"), ("ROUGE-L", None, "ROUGE-L"), ("ROUGE", 2, "ROUGE-2")],
        ),
        ("METEOR, CIDEr, SPICE", [("METEOR", None, "METEOR"), ("CIDEr", None, "CIDEr"), ("SPICE", None, "SPICE")]),
        ("mIoU, mean IoU, IoU", [("mIoU", None, "mIoU"), ("mIoU", None, "mean IoU"), ("IoU", None, "IoU")]),
        (
            "AP, mAP, AP50, box AP, mask AP",
            [
                ("AP", None, "AP"),
                ("mAP", None, "mAP"),
                ("AP", 50, "AP50"),
                ("box AP", None, "box AP"),
                ("mask AP", None, "mask AP"),
            ],
        ),
        ("AP@0.5 and mAP@50", [("AP", None, "AP@0.5"), ("mAP", 50, "mAP@50")]),
        ("PQ (panoptic quality)", [("PQ", None, "PQ"), ("PQ", None, "panoptic quality")]),
        (
            "J&F, J & F, region similarity, contour accuracy",
            [
                ("J&F", None, "J&F"),
                ("J&F", None, "J & F"),
                ("region similarity J", None, "region similarity"),
                ("contour accuracy F", None, "contour accuracy"),
            ],
        ),
        (
            "F1, F1-score, F-score, EM, exact match",
            [
                ("F1", None, "F1"),
                ("F1", None, "F1-score"),
                ("F1", None, "F-score"),
                ("exact match", None, "EM"),
                ("exact match", None, "exact match"),
            ],
        ),
        (
            "FID, IS, PSNR, SSIM, LPIPS",
            [
                ("FID", None, "FID"),
                ("Inception Score", None, "IS"),
                ("PSNR", None, "PSNR"),
                ("SSIM", None, "SSIM"),
                ("LPIPS", None, "LPIPS"),
            ],
        ),
        ("NDCG@10, MRR", [("NDCG", 10, "NDCG@10"), ("MRR", None, "MRR")]),
        ("success rate, SPL", [("success rate", None, "success rate"), ("SPL", None, "SPL")]),
        ("perplexity (PPL)", [("perplexity", None, "perplexity"), ("perplexity", None, "PPL")]),
        ("AUC, AUROC", [("AUC", None, "AUC"), ("AUC", None, "AUROC")]),
        (
            "Spearman's rho, Pearson correlation, win rate",
            [
                ("Spearman correlation", None, "Spearman's rho"),
                ("Pearson correlation", None, "Pearson correlation"),
                ("win rate", None, "win rate"),
            ],
        ),
    ],
)
def test_forms_of_the_common_metrics(
    lexicon: MetricLexicon, text: str, expected: list[tuple[str, int | None, str]]
) -> None:
    assert found(lexicon, text) == expected


def test_questions_as_people_type_them(lexicon: MetricLexicon) -> None:
    assert found(lexicon, "DiDeMo recall@1 of x-clip") == [("recall@{k}", 1, "recall@1")]
    assert found(lexicon, "what's the top-1 of mPLUG-2?") == [("top-{k} accuracy", 1, "top-1")]
    assert found(lexicon, "DAVIS 2017 J&F of the video object segmentation paper") == [("J&F", None, "J&F")]


def test_longest_form_wins(lexicon: MetricLexicon) -> None:
    assert found(lexicon, "80.5% top-1 accuracy") == [("top-{k} accuracy", 1, "top-1 accuracy")]
    assert found(lexicon, "a J&F score of 79.4") == [("J&F", None, "J&F score")]


def test_words_and_names_are_not_metrics(lexicon: MetricLexicon) -> None:
    assert found(lexicon, "the map is an em dash over cider and rouge, a meteor shower") == []
    assert found(lexicon, "DeepSeek-R1 at EMNLP on APIs, this IS fine") == [("Inception Score", None, "IS")]
    assert found(lexicon, "AP@0.5 and AP@0.75") == [("AP", None, "AP@0.5"), ("AP", None, "AP@0.75")]


def test_hits_carry_their_place_and_label(lexicon: MetricLexicon) -> None:
    text = "X-CLIP reaches 47.8 R@1 on DiDeMo"
    (hit,) = lexicon.find(text)
    assert text[hit.start : hit.end] == hit.surface == "R@1"
    assert hit.label == "recall@1"
    assert lexicon.find("NDCG@5")[0].label == "NDCG@5"
    assert lexicon.find("recall@k")[0].label == "recall@k"
    assert lexicon.find("mIoU")[0].label == "mIoU"


def test_families(lexicon: MetricLexicon) -> None:
    ap, box_ap, miou, iou = (lexicon.metric(n) for n in ("AP", "box AP", "mIoU", "IoU"))
    assert ap is not None and box_ap is not None and miou is not None and iou is not None
    assert ap.same_family(box_ap)
    assert miou.same_family(iou)
    assert not ap.same_family(miou)
    assert lexicon.metric("no such metric") is None


@settings(max_examples=200, derandomize=True, deadline=None)
@given(
    st.lists(
        st.sampled_from(["R@1", "top-1", "J&F", "mAP@0.5", "-", " ", "@", "İ", "9"]) | st.text(max_size=10), max_size=30
    )
)
def test_hits_of_any_text_are_in_order_and_in_place(pieces: list[str]) -> None:
    text = "".join(pieces)
    hits = MetricLexicon.default().find(text)
    assert all(text[h.start : h.end] == h.surface and h.surface for h in hits)
    assert all(a.end <= b.start for a, b in itertools.pairwise(hits))


def test_which_way_a_metric_is_better(lexicon: MetricLexicon) -> None:
    better_lower = {m.name for m in lexicon if m.lower_is_better}
    assert {"WER", "CER", "RMSE", "FID", "perplexity", "latency", "expected calibration error"} <= better_lower
    assert not better_lower & {"accuracy", "F1", "MOS", "BLEU", "AUC", "speedup", "FPS", "R-squared"}
    # a name that is neither a metric nor a family is a problem of the data, said as one
    with pytest.raises(LexiconError, match="lower_is_better: 'wer' is no metric or family"):
        MetricLexicon.from_data({"metrics": [{"name": "WER", "forms": ["WER"]}], "lower_is_better": ["wer"]})
