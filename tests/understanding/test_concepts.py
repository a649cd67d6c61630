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
            [("reinforcement learning from human feedback", s) for s in ("RLHF", "DPO", "reward models")],
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
    assert found(lexicon, "hate speech") == [("toxicity", "hate speech")]


def test_case_sensitive_forms_match_only_as_written(lexicon: ConceptLexicon) -> None:
    assert found(lexicon, "a rag doll") == []
    assert found(lexicon, "hmm, interesting") == []
    assert found(lexicon, "a clip from the talk") == []
    assert found(lexicon, "RAG and HMM and CLIP") == [
        ("retrieval-augmented generation", "RAG"),
        ("probabilistic graphical model", "HMM"),
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
