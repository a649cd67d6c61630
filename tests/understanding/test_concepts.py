"""The concept lexicon: the data file's shape, how questions and abstracts are read, and topic
questions of the public sets answered by meaning on the two shared profiles."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.corpus.page_parser import parse_page_file
from bot.paths import CONCEPTS_FILE, STOPWORDS_FILE
from bot.text import fold
from bot.understanding.concepts import Concept, ConceptLexicon, LexiconError, spellings
from bot.yaml_io import load_data_file
from tests.conftest import EVAL_PAGES, SHARED

# Words too loose to stand for a concept on their own: a form made of one of them alone would
# pull in papers on anything.
GENERIC_WORDS = {
    "model", "models", "learning", "data", "dataset", "network", "networks", "method", "methods",
    "system", "systems", "task", "tasks", "performance", "training", "benchmark", "evaluation",
    "attention", "analysis", "approach", "framework", "results", "image", "images", "text", "language",
    "vision", "knowledge", "generation", "detection", "recognition", "understanding", "prediction",
    "optimization", "inference", "representation", "feature", "features", "algorithm", "deep",
}  # fmt: skip


@pytest.fixture(scope="module")
def lexicon() -> ConceptLexicon:
    return ConceptLexicon.default()


def found(lexicon: ConceptLexicon, text: str) -> list[tuple[str, str]]:
    return [(hit.concept.name, hit.surface) for hit in lexicon.find(text)]


def minimal(**extra: Any) -> dict[str, Any]:
    return {"concepts": [{"name": "large language model", "terms": ["LLM"], **extra}]}


# --- the data file -------------------------------------------------------------------------------------------


def test_shipped_lexicon_is_large_and_clean(lexicon: ConceptLexicon) -> None:
    assert len(lexicon) >= 300
    assert lexicon.lint() == []
    assert ConceptLexicon.default() is lexicon  # read once per process


def test_every_broader_name_is_a_concept(lexicon: ConceptLexicon) -> None:
    for concept in lexicon:
        assert [c.name for c in lexicon.broader(concept)] == list(concept.broader)


def test_no_form_is_a_generic_word_or_a_stopword(lexicon: ConceptLexicon) -> None:
    stopwords = {fold(w) for w in load_data_file(STOPWORDS_FILE)["stopwords"]}
    loose = {
        (concept.name, form)
        for concept in lexicon
        for form in (*concept.terms, *concept.question_terms)
        if fold(form) in GENERIC_WORDS | stopwords
    }
    assert loose == set()


def test_file_keys_are_the_documented_ones() -> None:
    raw = load_data_file(CONCEPTS_FILE)
    assert set(raw) == {"concepts", "shared_terms"}
    allowed = {"name", "terms", "question_terms", "case_sensitive", "broader"}
    assert [item["name"] for item in raw["concepts"] if set(item) - allowed] == []


def test_unknown_keys_are_rejected_with_their_names() -> None:
    with pytest.raises(LexiconError) as error:
        ConceptLexicon.from_data({"concepts": [{"name": "x", "terms": ["y"], "synonyms": ["z"]}], "extra": 1})
    assert error.value.problems == ("unknown top-level key 'extra'", "x: unknown key 'synonyms'")


def test_every_problem_is_reported_at_once() -> None:
    data = {
        "concepts": [
            {"name": "a", "terms": "not a list", "broader": ["nowhere"]},
            {"name": "b", "terms": ["B"], "case_sensitive": ["C"]},
            {"terms": ["nameless"]},
        ]
    }
    with pytest.raises(LexiconError) as error:
        ConceptLexicon.from_data(data)
    assert error.value.problems == (
        "a: terms: expected a list of non-empty strings, got 'not a list'",
        "concept #3: expected a mapping with a non-empty string 'name', got {'terms': ['nameless']}",
    )
    data["concepts"] = data["concepts"][:2]
    data["concepts"][0]["terms"] = ["A"]
    with pytest.raises(LexiconError) as error:
        ConceptLexicon.from_data(data)
    assert error.value.problems == (
        "a: broader 'nowhere' is not a concept",
        "b: case-sensitive 'C' is not one of its forms",
    )


def test_cycles_and_duplicate_names_are_rejected() -> None:
    data = {
        "concepts": [{"name": "a", "broader": ["b"]}, {"name": "b", "broader": ["a"]}, {"name": "c"}, {"name": "C"}]
    }
    with pytest.raises(LexiconError) as error:
        ConceptLexicon.from_data(data)
    assert error.value.problems == (
        "concept 'c' is listed 2 times",
        "a: broader links lead back to it",
        "b: broader links lead back to it",
    )


def test_lint_finds_forms_under_two_concepts_and_forms_that_add_nothing() -> None:
    lexicon = ConceptLexicon.from_data(
        {
            "concepts": [
                {"name": "large language model", "terms": ["LLM", "LLMs"]},
                {"name": "pre-training", "terms": ["pre training"]},
                {"name": "language model", "terms": ["LLM", "LM"], "case_sensitive": ["LM"]},
                {"name": "vision transformer", "terms": ["ViT"], "case_sensitive": ["ViT"]},
                {"name": "visual instruction tuning", "terms": ["VIT"], "case_sensitive": ["VIT"]},
            ]
        }
    )
    assert lexicon.lint() == [
        "'llm' is under ['language model', 'large language model'] (list it in shared_terms if deliberate)",
        "'llms' is under ['language model', 'large language model'] (list it in shared_terms if deliberate)",
        "large language model: 'LLMs' adds nothing to 'LLM'",
        "pre-training: 'pre training' adds nothing to 'pre-training'",
    ]
    shared = ConceptLexicon.from_data(
        {
            "shared_terms": ["LLM"],
            "concepts": [
                {"name": "large language model", "terms": ["LLM"]},
                {"name": "language model", "terms": ["LLM"]},
            ],
        }
    )
    assert shared.lint() == []


def test_a_case_insensitive_form_clashes_with_a_case_sensitive_one() -> None:
    lexicon = ConceptLexicon.from_data(
        {
            "concepts": [
                {"name": "retrieval-augmented generation", "terms": ["RAG"], "case_sensitive": ["RAG"]},
                {"name": "cloth", "terms": ["rag"]},
            ]
        }
    )
    assert lexicon.lint() == [
        "'RAG' is under ['cloth', 'retrieval-augmented generation'] (list it in shared_terms if deliberate)"
    ]


def test_spellings_split_and_join_hyphens_and_add_plurals() -> None:
    assert spellings("video-text") == {("video", "text"), ("videotext",), ("video", "texts"), ("videotexts",)}
    assert spellings("NeRF", plurals=False) == {("nerf",)}
    assert spellings("policy") == {("policy",), ("policies",), ("policys",)}
    assert spellings("bias") == {("bias",), ("biases",)}
    assert spellings("GPT-4") == {("gpt", "4"), ("gpt4",)}


# --- reading a question ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("any RL stuff?", [("reinforcement learning", "RL")]),
        ("rl stuff", [("reinforcement learning", "rl")]),
        ("stuff on VLM hallucination", [("vision-language model", "VLM"), ("hallucination", "hallucination")]),
        ("anything to do with chatbots?", [("dialogue system", "chatbots")]),
        ("stuff on NeRFs", [("neural radiance field", "NeRFs")]),
        ("anything to do with audio?", [("audio", "audio")]),
        ("work on agents", [("AI agent", "agents")]),
        ("agentic tool use", [("AI agent", "agentic"), ("tool use", "tool use")]),
        ("papers about video-text retrieval", [("video-text retrieval", "video-text retrieval")]),
        ("video text retrieval", [("video-text retrieval", "video text retrieval")]),
        ("videotext retrieval", [("video-text retrieval", "videotext retrieval")]),
        ("OCR-free parsing", [("OCR-free", "OCR-free")]),
        (
            "llm and LLMs and large language models",
            [("large language model", s) for s in ("llm", "LLMs", "large language models")],
        ),
        (
            "RLHF, DPO, reward models",
            [
                ("reinforcement learning from human feedback", "RLHF"),
                ("direct preference optimization", "DPO"),
                ("reward model", "reward models"),
            ],
        ),
        (
            "MLLM or multimodal LLM or LVLM",
            [("multimodal large language model", s) for s in ("MLLM", "multimodal LLM", "LVLM")],
        ),
        (
            "RAG and retrieval-augmented generation",
            [("retrieval-augmented generation", s) for s in ("RAG", "retrieval-augmented generation")],
        ),
        (
            "hallucinate, hallucinated, factual errors",
            [("hallucination", s) for s in ("hallucinate", "hallucinated", "factual errors")],
        ),
        (
            "what has he done on LLM values and safety alignment?",
            [("large language model", "LLM"), ("AI alignment", "safety alignment")],
        ),
    ],
)
def test_find_reads_topics_in_other_words(
    lexicon: ConceptLexicon, question: str, expected: list[tuple[str, str]]
) -> None:
    assert found(lexicon, question) == expected


def test_longest_form_wins_and_hits_never_overlap(lexicon: ConceptLexicon) -> None:
    assert found(lexicon, "large vision-language models") == [
        ("multimodal large language model", "large vision-language models")
    ]
    assert found(lexicon, "reinforcement learning from human feedback") == [
        ("reinforcement learning from human feedback", "reinforcement learning from human feedback")
    ]
    assert found(lexicon, "hate speech") == [("hate speech", "hate speech")]


def test_case_sensitive_forms_match_only_as_written(lexicon: ConceptLexicon) -> None:
    assert found(lexicon, "a rag doll") == []
    assert found(lexicon, "hmm, interesting") == []
    assert found(lexicon, "a clip from the talk") == []
    assert found(lexicon, "RAG and HMM and CLIP") == [
        ("retrieval-augmented generation", "RAG"),
        ("hidden Markov model", "HMM"),
        ("CLIP", "CLIP"),
    ]
    assert found(lexicon, "ViT or VIT") == [("vision transformer", "ViT"), ("visual instruction tuning", "VIT")]
    assert found(lexicon, "LoRAs, not LoRa radios") == [("LoRA", "LoRAs")]


def test_words_join_across_spaces_and_hyphens_but_not_punctuation(lexicon: ConceptLexicon) -> None:
    assert found(lexicon, "pre training, pretraining and pre-training") == [
        ("pre-training", "pre training"),
        ("pre-training", "pretraining"),
        ("pre-training", "pre-training"),
    ]
    assert found(lexicon, "vision, language model") == [("language model", "language model")]
    assert found(lexicon, "i.e. e.g. et al.") == []


def test_offsets_point_into_the_original_text(lexicon: ConceptLexicon) -> None:
    text = "Übersicht: ﬁne-tuning of Large Language Models"
    hits = lexicon.find(text)
    assert [(h.concept.name, h.surface) for h in hits] == [
        ("fine-tuning", "ﬁne-tuning"),
        ("large language model", "Large Language Models"),
    ]
    assert all(text[h.start : h.end] == h.surface for h in hits)


def test_question_only_forms_are_not_read_in_abstracts(lexicon: ConceptLexicon) -> None:
    audio = lexicon.concept("audio")
    assert audio is not None
    assert found(lexicon, "anything on sound?") == [("audio", "sound")]
    assert not lexicon.mentions(audio, "The method rests on a theoretically sound basis.")
    assert lexicon.mentions(audio, "We localise sound sources in video.")


def test_mentions_include_narrower_topics(lexicon: ConceptLexicon) -> None:
    vlm = lexicon.concept("Vision-Language Model")
    assert vlm is not None
    text = "Large vision-language models (LVLMs) hallucinate objects."
    assert lexicon.mentions(vlm, text)
    assert not lexicon.mentions(vlm, text, narrower=False)
    assert lexicon.concepts_in(text) == {"multimodal large language model", "hallucination"}


def test_narrower_and_broader(lexicon: ConceptLexicon) -> None:
    nerf = lexicon.concept("neural radiance field")
    assert nerf is not None
    assert [c.name for c in lexicon.broader(nerf)] == ["neural rendering"]
    rl = lexicon.concept("reinforcement learning")
    assert rl is not None
    narrower = {c.name for c in lexicon.narrower(rl)}
    assert {
        "reinforcement learning from human feedback",
        "offline reinforcement learning",
        "process reward model",
    } <= narrower
    assert "reinforcement learning" not in narrower
    assert lexicon.concept("no such idea") is None


@pytest.mark.parametrize(
    ("question", "kind", "topic"),
    [
        ("chest xray papers", "chest radiography", "medical imaging"),
        ("random forests", "random forest", "decision tree"),
        ("XGBoost", "gradient boosting", "decision tree"),
        ("HMMs", "hidden Markov model", "probabilistic graphical model"),
        ("PCA", "principal component analysis", "dimensionality reduction"),
        ("DPO", "direct preference optimization", "reinforcement learning from human feedback"),
        ("PPO", "proximal policy optimization", "reinforcement learning"),
        ("LSTMs", "long short-term memory", "recurrent neural network"),
        ("dependency parsing", "dependency parsing", "syntactic parsing"),
        ("text-to-image", "text-to-image generation", "image generation"),
        ("image denoising", "image denoising", "image restoration"),
        ("vocoders", "vocoder", "speech synthesis"),
        ("surface codes", "surface code", "quantum error correction"),
        ("exoplanets", "exoplanet", "astrophysics"),
        ("minimum wage", "minimum wage", "labor economics"),
        ("TSP", "traveling salesman problem", "combinatorial optimization"),
    ],
)
def test_a_named_kind_is_its_own_topic_below_the_wider_one(
    lexicon: ConceptLexicon, question: str, kind: str, topic: str
) -> None:
    # "random forest papers" are not every tree-ensemble paper; "decision trees" still finds them
    assert [name for name, _ in found(lexicon, question)] == [kind]
    wider = lexicon.concept(topic)
    assert wider is not None
    assert kind in {c.name for c in lexicon.narrower(wider)}
    specific = lexicon.concept(kind)
    assert specific is not None
    assert not set(specific.terms) & set(wider.terms)


def test_a_lexicon_built_in_code_behaves_like_the_file() -> None:
    lexicon = ConceptLexicon(
        [
            Concept(
                "retrieval-augmented generation",
                ("retrieval-augmented generation", "RAG"),
                case_sensitive=frozenset({"RAG"}),
            ),
            Concept("large language model", ("large language model", "LLM")),
        ]
    )
    assert [(h.concept.name, h.surface) for h in lexicon.find("RAGs for llms, not rags")] == [
        ("retrieval-augmented generation", "RAGs"),
        ("large language model", "llms"),
    ]
    assert ConceptLexicon.from_data(minimal()).find("LLMs")[0].concept.name == "large language model"


# --- topic questions of the public sets, on the shared profiles ----------------------------------------------------


def papers_about(lexicon: ConceptLexicon, profile: str, question: str) -> list[int]:
    """Paper numbers (1-based, page order) whose title or abstract mentions every concept the
    question names, narrower topics included."""
    page = SHARED / "profiles" / profile
    if not page.exists():
        pytest.skip("../shared is not present")
    return _numbers_about(lexicon, page, question)


def _numbers_about(lexicon: ConceptLexicon, page: Path, question: str) -> list[int]:
    papers = parse_page_file(page, date(2026, 11, 27))["papers"]
    concepts = list({hit.concept.name: hit.concept for hit in lexicon.find(question)}.values())
    assert concepts, question
    return [
        number
        for number, paper in enumerate(papers, 1)
        if all(lexicon.mentions(concept, f"{paper['title']}\n{paper['abstract']}") for concept in concepts)
    ]


@pytest.mark.parametrize(
    ("profile", "question", "papers"),
    [
        ("guohai_xu.txt", "any RL stuff?", [14, 15, 16, 18]),
        ("guohai_xu.txt", "stuff on VLM hallucination", [4, 11, 14]),
        ("guohai_xu.txt", "anything to do with chatbots?", [2, 6, 23]),
        ("guohai_xu.txt", "what has he done on LLM values and safety alignment?", [3, 15]),
        ("guohai_xu.txt", "papers about OCR-free document understanding", [5, 10]),
        ("guohai_xu.txt", "work on agents", [14, 16, 18]),
        ("guohai_xu.txt", "papers about video-text retrieval", [7]),
        ("guohai_xu.txt", "reward models", [15]),
        ("guohai_xu.txt", "distillation", [21]),
        ("marisol_quispe.txt", "stuff on NeRFs", [12]),
        ("marisol_quispe.txt", "anything to do with audio?", [14, 23]),
        ("marisol_quispe.txt", "robots", [1, 16]),
        ("marisol_quispe.txt", "embodied agents", [1, 9, 16]),
    ],
)
def test_topic_questions_find_their_papers(
    lexicon: ConceptLexicon, profile: str, question: str, papers: list[int]
) -> None:
    assert papers_about(lexicon, profile, question) == papers


@settings(max_examples=200, derandomize=True, deadline=None)
@given(
    st.lists(
        st.sampled_from(["LLM", "ﬁne-tuning", "RAG", "-", " ", "'", "vision", "language", "İ", "🙂"])
        | st.text(max_size=10),
        max_size=30,
    )
)
def test_hits_of_any_text_are_in_order_and_in_place(pieces: list[str]) -> None:
    text = "".join(pieces)
    hits = ConceptLexicon.default().find(text)
    assert all(text[h.start : h.end] == h.surface and h.surface for h in hits)
    assert all(a.end <= b.start for a, b in itertools.pairwise(hits))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("understanding videos", [("video understanding", "understanding videos")]),
        ("papers on detection of objects", [("object detection", "detection of objects")]),
        # said as written, the longer form still wins; a turned pair never splits a form found as written
        (
            "reinforcement learning machine translation",
            [("reinforcement learning", "reinforcement learning"), ("machine translation", "machine translation")],
        ),
    ],
)
def test_two_word_topics_said_the_other_way_round(lexicon: ConceptLexicon, text: str, expected: list) -> None:
    assert found(lexicon, text) == expected


def test_a_turned_form_is_read_in_questions_only(lexicon: ConceptLexicon) -> None:
    assert "video understanding" not in lexicon.concepts_in("We study understanding videos.")


def test_a_cased_abbreviation_opening_a_capitalised_compound_is_part_of_a_name(lexicon: ConceptLexicon) -> None:
    # "MT" is machine translation, but "MT-Bench" is a benchmark's name
    found = lexicon.find("results on MT-Bench and MT for low-resource languages")
    assert [(h.concept.name, h.surface) for h in found if h.concept.name == "machine translation"] == [
        ("machine translation", "MT")
    ]


# --- economics, econometrics, finance, operations research ----------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("causal ML stuff?", [("causal machine learning", "causal ML")]),
        (
            "double/debiased ML and causal forests",
            [("double machine learning", "double/debiased ML"), ("causal forest", "causal forests")],
        ),
        ("macro forecasting", [("macroeconomic forecasting", "macro forecasting")]),
        ("any macro papers?", [("macroeconomics", "macro")]),
        ("nowcasting GDP", [("economic nowcasting", "nowcasting GDP")]),
        ("inflation and monetary policy", [("price inflation", "inflation"), ("monetary policy", "monetary policy")]),
        ("does she do any operations research?", [("operations research", "operations research")]),
        (
            "MILP or mixed-integer programs",
            [("integer programming", "MILP"), ("integer programming", "mixed-integer programs")],
        ),
        ("queueing and supply chains", [("queueing theory", "queueing"), ("supply chain management", "supply chains")]),
        ("is there a pure theory paper on her page?", [("theory", "pure theory")]),
        ("auctions and mechanism design", [("auction theory", "auctions"), ("mechanism design", "mechanism design")]),
        ("credit scoring papers?", [("credit scoring", "credit scoring")]),
        # two concepts, which a paper must both mention
        (
            "hiii does she have smth on mortgage discrimination??",
            [("mortgage", "mortgage"), ("discrimination against protected groups", "discrimination")],
        ),
        (
            "staggered DiD, diff-in-diff and parallel trends",
            [("difference-in-differences", s) for s in ("staggered DiD", "diff-in-diff", "parallel trends")],
        ),
        ("2SLS or IV regressions", [("instrumental variables", "2SLS"), ("instrumental variables", "IV regressions")]),
        ("TWFE", [("panel data", "TWFE")]),
        ("gig workers and telework", [("gig economy", "gig workers"), ("remote work", "telework")]),
    ],
)
def test_find_reads_economics_and_operations_research(
    lexicon: ConceptLexicon, question: str, expected: list[tuple[str, str]]
) -> None:
    assert found(lexicon, question) == expected


def test_economics_abbreviations_that_are_words_match_only_as_written(lexicon: ConceptLexicon) -> None:
    assert found(lexicon, "a DiD design") == [("difference-in-differences", "DiD design")]
    assert found(lexicon, "what did design choices change?") == []
    assert found(lexicon, "VaR and VAR models") == [
        ("financial risk management", "VaR"),
        ("time-series econometrics", "VAR models"),
    ]
    assert found(lexicon, "var x = 1") == []
    # left out: inductive logic programming, maximum intensity projections, Lp norms, "late"
    assert found(lexicon, "ILP, MIP, LP and LATE") == []


@pytest.mark.parametrize(
    ("concept", "text"),
    [
        ("price inflation", "We correct for the variance inflation from estimated nuisances."),
        ("price inflation", "Models of cosmic inflation predict a nearly scale-invariant spectrum."),
        ("discrimination against protected groups", "The model showed good discrimination and calibration."),
        ("macroeconomics", "We report macro-F1 over 177 cell types."),
        ("scheduling problem", "A cosine learning-rate scheduling is used."),
        ("difference-in-differences", "We pool time-to-event studies of sepsis."),
        ("time-series econometrics", "Haplotype assembly under the Minimum Error Correction model is NP-hard."),
        ("contract theory", "The information asymmetry between image and text modalities hurts alignment."),
        ("asset pricing", "The agent maximises its expected return."),
        ("theoretical computer science", "We give a theoretical analysis of the estimator."),
    ],
)
def test_loose_words_of_economics_are_not_read_in_abstracts(lexicon: ConceptLexicon, concept: str, text: str) -> None:
    wanted = lexicon.concept(concept)
    assert wanted is not None
    assert not lexicon.mentions(wanted, text)


@pytest.mark.parametrize(
    ("wider", "narrower"),
    [
        (
            "causal inference",
            {"causal machine learning", "double machine learning", "causal forest", "causal meta-learner"},
        ),
        ("causal machine learning", {"double machine learning", "causal forest", "causal meta-learner"}),
        ("heterogeneous treatment effect", {"causal forest", "causal meta-learner"}),
        (
            "econometrics",
            {
                "instrumental variables",
                "difference-in-differences",
                "regression discontinuity",
                "synthetic control",
                "panel data",
                "structural estimation",
                "event-study design",
            },
        ),
        (
            "theory",
            {
                "theoretical computer science",
                "learning theory",
                "statistical theory",
                "economic theory",
                "game theory",
                "contract theory",
                "mechanism design",
                "auction theory",
            },
        ),
        ("macroeconomics", {"macroeconomic forecasting", "economic nowcasting", "monetary policy", "price inflation"}),
        ("time series", {"nowcasting", "macroeconomic forecasting", "time-series econometrics", "forecast evaluation"}),
        ("economics", {"labor economics", "gig economy", "macroeconomics", "economic theory", "contract theory"}),
        (
            "finance",
            {"lending", "mortgage", "fair lending", "credit risk", "credit scoring", "asset pricing", "financial NLP"},
        ),
        ("fairness", {"discrimination against protected groups", "fair lending"}),
        (
            "operations research",
            {
                "integer programming",
                "linear programming",
                "combinatorial optimization",
                "vehicle routing",
                "scheduling problem",
                "stochastic programming",
                "queueing theory",
                "supply chain management",
                "revenue management",
            },
        ),
        ("stochastic optimization", {"stochastic programming"}),
    ],
)
def test_economics_and_operations_research_topics_nest(lexicon: ConceptLexicon, wider: str, narrower: set[str]) -> None:
    concept = lexicon.concept(wider)
    assert concept is not None
    assert narrower <= {c.name for c in lexicon.narrower(concept)}


def test_economics_stays_apart_from_other_fields_methods(lexicon: ConceptLexicon) -> None:
    """Instrumental variables are econometrics, and Mendelian randomization is an instrumental variable
    design: econometrics is no part of economics, so an epidemiologist's Mendelian randomization is not
    economics. Epidemiology and weather nowcast too, so nowcasting is no part of macroeconomics (only
    its economic kind is), and GAN training's Nash equilibria are game theory, not economics."""
    economics = lexicon.concept("economics")
    macroeconomics = lexicon.concept("macroeconomics")
    assert economics is not None and macroeconomics is not None
    below_economics = {c.name for c in lexicon.narrower(economics)}
    assert {"econometrics", "instrumental variables", "Mendelian randomization", "game theory"}.isdisjoint(
        below_economics
    )
    assert "nowcasting" not in {c.name for c in lexicon.narrower(macroeconomics)}
    assert lexicon.mentions(economics, "We nowcast GDP with mixed-frequency data.")
    assert not lexicon.mentions(economics, "We nowcast COVID-19 deaths under reporting delays.")


def eval_papers_about(lexicon: ConceptLexicon, profile: str, question: str) -> list[int]:
    """As `papers_about`, on a page of our own question sets (tests/eval/)."""
    return _numbers_about(lexicon, EVAL_PAGES / profile, question)


@pytest.mark.parametrize(
    ("question", "papers"),
    [
        ("causal ML stuff?", [2, 9]),
        ("macro forecasting", [4, 14]),
        ("any macro papers?", [4, 12, 14]),
        ("does she do any operations research?", [5]),
        ("is there a pure theory paper on her page?", [10]),
        ("hiii does she have smth on mortgage discrimination??", [3]),
        ("anything on fairness in lending?", [3, 11]),
        ("credit scoring papers?", [10, 11]),
        ("difference-in-differences", [2, 13]),
        ("any nowcasting work?", [14]),
        ("platform economy / gig workers", [8]),
        ("finance", [1, 3, 10, 11]),
    ],
)
def test_economics_topic_questions_find_their_papers(lexicon: ConceptLexicon, question: str, papers: list[int]) -> None:
    assert eval_papers_about(lexicon, "zeynep_arslan.txt", question) == papers


# --- neuroscience and neurotechnology, materials science and computational chemistry ---------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("has she ever done anything with fMRI?", [("fMRI", "fMRI")]),
        ("EEG, MEG and meg", [("EEG", "EEG"), ("MEG", "MEG")]),
        ("iEEG or ECoG", [("intracranial EEG", "iEEG"), ("intracranial EEG", "ECoG")]),
        ("any spike sorting for Neuropixels?", [("spike sorting", "spike sorting"), ("Neuropixels", "Neuropixels")]),
        (
            "CA1 place cells and grid cells",
            [("hippocampus", "CA1"), ("place cell", "place cells"), ("spatial navigation", "grid cells")],
        ),
        (
            "STDP vs Hebbian learning",
            [("spike-timing-dependent plasticity", "STDP"), ("Hebbian learning", "Hebbian learning")],
        ),
        ("anything on epilepsy or seizures?", [("epilepsy", "epilepsy"), ("epilepsy", "seizures")]),
        ("seizure forecasting", [("seizure prediction", "seizure forecasting")]),
        (
            "Alzheimer's or Parkinson's",
            [("Alzheimer's disease", "Alzheimer's"), ("Parkinson's disease", "Parkinson's")],
        ),
        ("stroke rehab", [("cerebrovascular disease", "stroke")]),
        ("BCIs and motor imagery", [("brain-computer interface", "BCIs"), ("motor imagery", "motor imagery")]),
        (
            "RL in the brain / dopamine",
            [("reinforcement learning in the brain", "RL in the brain"), ("dopamine", "dopamine")],
        ),
        ("sleep staging from PSG", [("sleep staging", "sleep staging"), ("sleep", "PSG")]),
        ("two-photon calcium imaging", [("two-photon imaging", "two-photon calcium imaging")]),
        ("bruh is there an SNN paper with code", [("spiking neural network", "SNN")]),
        ("rat and Rat, not RAT", [("rat", "rat"), ("rat", "Rat")]),
        (
            "ML force fields / interatomic potentials?",
            [
                ("machine-learned interatomic potential", "ML force fields"),
                ("interatomic potential", "interatomic potentials"),
            ],
        ),
        (
            "MLIPs and MLFFs",
            [("machine-learned interatomic potential", "MLIPs"), ("machine-learned interatomic potential", "MLFFs")],
        ),
        (
            "DFT or hybrid functionals like HSE06",
            [
                ("density functional theory", "DFT"),
                ("hybrid functional", "hybrid functionals"),
                ("hybrid functional", "HSE06"),
            ],
        ),
        (
            "AIMD of solid electrolytes",
            [("ab initio molecular dynamics", "AIMD"), ("solid electrolyte", "solid electrolytes")],
        ),
        ("MOFs for CO2 capture", [("metal-organic framework", "MOFs"), ("carbon capture", "CO2 capture")]),
        ("delta learning", [("Δ-learning", "delta learning")]),
        ("the catalyst for CO2 reduction", [("catalysis", "catalyst"), ("CO2 reduction reaction", "CO2 reduction")]),
        ("text mining the literature", [("literature mining", "text mining the literature")]),
        ("yo is there a paper on ML for batteries lol", [("battery technology", "batteries")]),
        (
            "OQMD and the Materials Project",
            [("Open Quantum Materials Database", "OQMD"), ("Materials Project", "Materials Project")],
        ),
        ("defects and doping", [("point defect", "defects"), ("doping", "doping")]),
        ("first principles stuff", [("computational chemistry", "first principles")]),
    ],
)
def test_find_reads_neuroscience_and_materials(
    lexicon: ConceptLexicon, question: str, expected: list[tuple[str, str]]
) -> None:
    assert found(lexicon, question) == expected


@pytest.mark.parametrize(
    ("concept", "text"),
    [
        ("spatial navigation", "Gaussian process emulators scale cubically with the number of grid cells."),
        ("hippocampus", "Gaussian process emulators scale cubically with the number of grid cells."),
        ("mice", "The operator's attention is estimated from mouse and gaze activity."),
        ("rat", "RAT selection in heterogeneous 5G networks."),
        ("mice", "Missing covariates were imputed with MICE."),
        ("P300", "p300 binding marks active enhancers."),
        ("density functional theory", "We characterise the perfect Bayesian equilibria (PBE) of the game."),
        ("MEG", "Meg and Jo annotated the corpus."),
        ("fMRI", "The announcement sent a bold signal to investors."),
        ("cerebrovascular disease", "Each pen stroke is linked to a rubric criterion."),
        ("battery technology", "Detection runs locally or remotely, based on network latency and battery state."),
        ("battery technology", "Participants completed a battery of cognitive tests."),
        ("catalysis", "The reform served as a catalyst for change."),
        ("CO2 reduction reaction", "The plan sets a 40% CO2 reduction target for 2030."),
        ("neural population dynamics", "Predator-prey population dynamics follow the Lotka-Volterra equations."),
        ("computational neuroscience", "We gate each rollout by an ensemble of latent dynamics models."),
        ("computational neuroscience", "Learning latent dynamics for planning from pixels."),
        ("working memory", "A long short-term memory network reads the sequence."),
        ("synaptic plasticity", "Crystal plasticity governs the yield of the alloy."),
        ("dendritic computation", "Lithium dendrite growth short-circuits the cell."),
        ("solid electrolyte", "Serum electrolyte levels were recorded on admission."),
        ("point defect", "We predict which files contain a defect."),
        ("computational chemistry", "We derive the estimator from first principles."),
        ("photovoltaics", "Solar flares on M dwarfs are detected in TESS light curves."),
        ("high-throughput screening", "High-throughput sequencing of tumour samples."),
        ("quantum computing", "We compute formation energies with density functional theory."),
        ("AI for science", "We run molecular dynamics of liquid water with a classical force field."),
        ("neuromorphic computing", "A spiking network model of hippocampal replay."),
        ("spiking neural network", "Event cameras and other neuromorphic hardware."),
    ],
)
def test_loose_words_of_neuroscience_and_materials_are_not_read_in_abstracts(
    lexicon: ConceptLexicon, concept: str, text: str
) -> None:
    wanted = lexicon.concept(concept)
    assert wanted is not None
    assert not lexicon.mentions(wanted, text)


def test_a_field_is_read_where_its_own_forms_are(lexicon: ConceptLexicon) -> None:
    """The other half of the cases above: the same ideas said as the field says them."""
    assert lexicon.concepts_in("Lithium dendrite growth short-circuits the cell.") == {"battery technology"}
    assert "latent dynamics" in lexicon.concepts_in("Learning latent dynamics for planning from pixels.")
    vqe = "We compute the ground-state energy of LiH with a variational quantum eigensolver."
    assert {"variational quantum eigensolver", "quantum chemistry"} <= lexicon.concepts_in(vqe)
    quantum_computing = lexicon.concept("quantum computing")
    assert quantum_computing is not None and lexicon.mentions(quantum_computing, vqe)
    assert lexicon.concepts_in("Grid cells in entorhinal cortex fire on a hexagonal lattice.") == {"hippocampus"}


@pytest.mark.parametrize(
    ("wider", "narrower"),
    [
        (
            "computational neuroscience",
            {
                "neuroimaging",
                "fMRI",
                "EEG",
                "intracranial EEG",
                "MEG",
                "electrophysiology",
                "Neuropixels",
                "spike sorting",
                "calcium imaging",
                "two-photon imaging",
                "neural decoding",
                "brain-computer interface",
                "neural population dynamics",
                "representational drift",
                "hippocampus",
                "place cell",
                "spatial navigation",
                "synaptic plasticity",
                "spike-timing-dependent plasticity",
                "dopamine",
                "reinforcement learning in the brain",
            },
        ),
        ("EEG", {"intracranial EEG", "event-related potential", "mismatch negativity"}),
        ("reinforcement learning", {"reinforcement learning in the brain"}),
        ("neurology", {"epilepsy", "seizure prediction", "neurodegenerative disease", "Parkinson's disease"}),
        ("medical AI", {"neurology", "epilepsy", "Alzheimer's disease"}),
        ("neurotechnology", {"brain-computer interface", "neuromodulation", "deep brain stimulation"}),
        (
            "computational chemistry",
            {
                "quantum chemistry",
                "density functional theory",
                "coupled cluster",
                "molecular dynamics",
                "ab initio molecular dynamics",
                "interatomic potential",
                "machine-learned interatomic potential",
                "solvation",
            },
        ),
        (
            "AI for science",
            {"machine-learned interatomic potential", "materials discovery", "crystal structure prediction"},
        ),
        (
            "materials database",
            {"Materials Project", "Open Quantum Materials Database", "AFLOW", "Inorganic Crystal Structure Database"},
        ),
        ("electrochemistry", {"battery technology", "solid electrolyte", "ionic conductivity", "electrocatalysis"}),
        ("catalysis", {"electrocatalysis", "photocatalysis", "CO2 reduction reaction"}),
        ("porous material", {"metal-organic framework", "zeolite", "gas separation"}),
        ("photovoltaics", {"perovskite solar cell"}),
        ("perovskite", {"perovskite solar cell"}),
    ],
)
def test_neuroscience_and_materials_topics_nest(lexicon: ConceptLexicon, wider: str, narrower: set[str]) -> None:
    concept = lexicon.concept(wider)
    assert concept is not None
    assert narrower <= {c.name for c in lexicon.narrower(concept)}


@pytest.mark.parametrize(
    ("wider", "apart"),
    [
        # simulation is not machine learning, and a DFT paper is no quantum computing paper (a VQE paper is)
        ("AI for science", {"density functional theory", "molecular dynamics", "quantum chemistry"}),
        ("quantum computing", {"quantum chemistry", "density functional theory", "coupled cluster"}),
        # a recording method is not the field's other methods: "EEG papers" are not every BCI paper
        ("EEG", {"brain-computer interface", "fMRI"}),
        ("computational neuroscience", {"spiking neural network", "neuromorphic computing", "latent dynamics"}),
        ("neuromorphic computing", {"spiking neural network"}),
        ("spiking neural network", {"neuromorphic computing"}),
        # one species is not another; one database is not the others
        ("rat", {"mice"}),
        ("Open Quantum Materials Database", {"Materials Project"}),
    ],
)
def test_neuroscience_and_materials_topics_stay_apart(lexicon: ConceptLexicon, wider: str, apart: set[str]) -> None:
    concept = lexicon.concept(wider)
    assert concept is not None
    assert apart.isdisjoint({c.name for c in lexicon.narrower(concept)})


@pytest.mark.parametrize(
    ("question", "papers"),
    [
        ("has she ever done anything with fMRI?", [6, 12]),
        ("how many EEG papers does she have", [2, 5, 13, 14, 17]),
        ("anything on epilepsy?", [5, 13]),
        ("seizure forecasting", [13]),
        ("what has she done on the hippocampus and spatial navigation?", [3, 18]),
        ("Brain-Score style comparisons of deep nets with the brain", [12]),
        ("everything but the spiking network papers", [3, 4, 20, 21]),
        ("two-photon imaging", [10, 16]),
        ("neuropixels papers", [7, 8]),
        ("yo does she have anything on BCIs lol", [1, 5]),
        ("did she ever work with monkey data?", [1, 12, 15, 19]),
        ("SP papers that aren't about sleep", [2, 17]),
        ("plasticity", [20, 21]),
        ("STDP", [21]),
        ("reward prediction errors", [9]),
        ("rat studies", [3, 18]),
        ("mismatch negativity", [14]),
        ("working memory", [15]),
        ("neuromorphic", [4]),
        ("GPFA", [7]),
        ("has she worked on Parkinson's disease?", []),
    ],
)
def test_neuroscience_topic_questions_find_their_papers(
    lexicon: ConceptLexicon, question: str, papers: list[int]
) -> None:
    assert eval_papers_about(lexicon, "ruth_okafor.txt", question) == papers


@pytest.mark.parametrize(
    ("question", "papers"),
    [
        ("ML force fields / interatomic potentials?", [2, 5, 10, 13, 14]),
        ("inverse design of materials", [1]),
        ("crystal structure generation", [1]),
        ("text mining the literature", [8]),
        ("did he do anything on batteries?", [4]),
        ("any catalysis work?", [7]),
        ("anything on carbon capture", [10]),
        ("solar cell materials", [12]),
        ("OQMD papers", [6, 12]),
        ("how many of his papers use the Materials Project?", [1, 2, 4, 9]),
        ("materials databases", [1, 2, 4, 6, 9, 12]),
        ("coupled cluster", [11]),
        ("delta learning", [11]),
        ("hybrid functionals", [11, 12, 17]),
        ("oxygen vacancies", [17, 18]),
        ("phonons", [2, 15]),
        ("thermoelectrics", [15]),
        ("MOFs", [10]),
        ("perovskites", [12, 18]),
        ("AIMD", [4]),
        ("solvation", [3]),
        ("high-throughput screening", [2, 12]),
    ],
)
def test_materials_topic_questions_find_their_papers(lexicon: ConceptLexicon, question: str, papers: list[int]) -> None:
    assert eval_papers_about(lexicon, "jonas_brandt.txt", question) == papers


@pytest.mark.parametrize(
    ("question", "papers"),
    [
        ("anything on passive acoustic monitoring?", [4, 14]),
        ("ecological niche modelling papers", [5, 18]),
        ("what has she done on tropical forest loss?", [1, 16]),
        ("cloud removal for optical imagery", [1, 7]),
        ("camera traps", [6, 9]),
        ("crop yield", [3, 11]),  # maize yield in both; a paper that only mentions crop monitoring is not one
    ],
)
def test_ecology_and_remote_sensing_questions_find_their_papers(
    lexicon: ConceptLexicon, question: str, papers: list[int]
) -> None:
    assert eval_papers_about(lexicon, "ines_carvalho.txt", question) == papers


def test_the_kept_trie_with_its_subtrees_packed_finds_what_the_built_one_does(lexicon: ConceptLexicon) -> None:
    from bot.understanding.concepts import _build_trie, _packed

    concepts = list(lexicon)
    built = ConceptLexicon(concepts, lexicon.shared_terms, _build_trie(concepts))
    packed = ConceptLexicon(concepts, lexicon.shared_terms, _packed(_build_trie(concepts)))
    page = parse_page_file(EVAL_PAGES / "kofi_mensah-larbi.txt", date(2026, 11, 27))
    texts = [f"{p['title']}. {p['abstract']}" for p in page["papers"]]
    questions = ["papers about video understanding", "any RL for robot grasping?", "chest x-ray segmentation work"]
    for text in [*texts, *questions]:
        assert packed.find(text) == built.find(text)
        assert packed.concepts_in(text) == built.concepts_in(text)
    assert sum(isinstance(group, bytes) for group in packed._first_words.values()) > 200  # most never read
