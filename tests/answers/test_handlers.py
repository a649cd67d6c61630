"""Exact answers, on the shipped profile and on a synthetic one written in the tests."""

from __future__ import annotations

import itertools

import pytest

from bot.answers.answer import Answer
from bot.corpus.model import Corpus
from bot.engine import Engine

_fresh = itertools.count()


def ask(engine: Engine, question: str) -> Answer:
    return engine.ask(question, ("test", str(next(_fresh))))


@pytest.fixture(scope="module")
def guohai(shipped: Corpus) -> Engine:
    return Engine(shipped)


@pytest.fixture(scope="module")
def ada(robotics: Corpus) -> Engine:
    return Engine(robotics)


def ids(answer: Answer) -> list[int]:
    return [p.id for p in answer.papers]


# --- shipped profile


def test_papers_by_year(guohai: Engine) -> None:
    answer = ask(guohai, "What did he publish in 2020?")
    assert answer.text == (
        "1 paper from 2020:\n"
        "1. AliMe KG: Domain Knowledge Graph Construction and Application in E-commerce (Sep 24, 2020, AI)"
    )
    assert ids(ask(guohai, "papers from 2023")) == [4, 10, 11, 3, 5, 12, 20, 21, 2, 6, 1]
    assert ids(ask(guohai, "papers after 2023")) == [18, 16, 14, 19, 17, 15]
    assert ids(ask(guohai, "papers between 2020 and 2021")) == [22, 23]
    assert ids(ask(guohai, "papers before 2022")) == [22, 23]
    assert ids(ask(guohai, "papers from July 2023")) == [3, 5]


def test_empty_year_says_what_the_profile_covers(guohai: Engine) -> None:
    answer = ask(guohai, "list papers from 2019")
    assert answer.text == "No papers from 2019.\nThe profile's papers run from 2020 to 2026."
    assert answer.papers == ()


def test_count_per_year(guohai: Engine) -> None:
    answer = ask(guohai, "how many papers were published in 2025?")
    assert answer.headline == "Guohai Xu has 5 papers from 2025:"
    assert ids(answer) == [16, 14, 19, 17, 15]


def test_latest_paper_is_the_inferred_2026_one(guohai: Engine) -> None:
    answer = ask(guohai, "newest paper")
    assert answer.headline == (
        "The latest paper (Feb 15, 2026): REDSearcher: A Scalable and Cost-Efficient Framework for "
        "Long-Horizon Search Agents"
    )
    assert answer.fields[0] == ("Date", "Feb 15, 2026 (year inferred: the page gives no year)")
    assert ids(answer) == [18]
    assert ids(ask(guohai, "oldest paper")) == [23]
    assert ids(ask(guohai, "the 3 latest papers")) == [18, 16, 14]


def test_benchmark_alias(guohai: Engine) -> None:
    answer = ask(guohai, "which papers use CSQA?")
    assert answer.text == (
        "2 papers mention CommonsenseQA:\n"
        "1. Distinguish Before Answer: Generating Contrastive Explanation as Knowledge for Commonsense Question "
        "Answering (May 14, 2023, CL)\n"
        "2. DictBERT: Dictionary Description Knowledge Enhanced Language Model Pre-training via Contrastive "
        "Learning (Aug 1, 2022, CL)"
    )
    assert ids(ask(guohai, "which papers mention msr vtt")) == [1, 7]
    assert ids(ask(guohai, "papers that mention LLMDoc")) == [5]


def test_known_benchmark_nobody_uses(guohai: Engine) -> None:
    answer = ask(guohai, "papers mentioning COCO")
    assert answer.text == "None of Guohai Xu's 23 papers mentions COCO."


def test_plain_text_mention(guohai: Engine) -> None:
    answer = ask(guohai, "papers mentioning Taobao")
    assert answer.headline == "1 paper mentions Taobao:"
    assert ids(answer) == [22]


def test_coauthors_ranked(guohai: Engine) -> None:
    answer = ask(guohai, "who does he work with most?")
    assert answer.headline == (
        "Among the listed authors, Guohai Xu's most frequent co-authors are Haiyang Xu (6 papers), "
        "Feng-Lin Li (4 papers) and Ming Yan (4 papers)."
    )
    assert answer.items[:4] == (
        "Haiyang Xu: 6 papers",
        "Feng-Lin Li: 4 papers",
        "Ming Yan: 4 papers",
        "Qinghao Ye: 4 papers",
    )
    assert "listed authors only" in answer.note


def test_papers_with_person_and_count(guohai: Engine) -> None:
    answer = ask(guohai, "how many papers with Haiyang Xu")
    assert answer.headline == "Guohai Xu has 6 papers with Haiyang Xu:"
    assert ids(answer) == [10, 5, 12, 2, 1, 8]
    assert answer.people == ("Haiyang Xu",)
    assert ids(ask(guohai, "papers with Haiyang Xu and Qinghao Ye")) == [12, 2, 1]


def test_worked_with_unknown_person(guohai: Engine) -> None:
    answer = ask(guohai, "has Guohai Xu worked with Yann LeCun?")
    assert answer.text == (
        "No: none of Guohai Xu's 23 papers list Yann LeCun as an author.\n"
        "The page lists only the first authors of each paper, so a collaboration further down an author list "
        "would not show."
    )
    assert answer.papers == ()


def test_worked_with_known_person(guohai: Engine) -> None:
    answer = ask(guohai, "has he worked with Junyang Wang?")
    assert answer.headline == "Yes: Junyang Wang and Guohai Xu are listed together on 2 papers:"
    assert ids(answer) == [4, 11]


def test_paper_authors(guohai: Engine) -> None:
    answer = ask(guohai, "who wrote HiTeA?")
    assert answer.text == (
        "Listed authors of HiTeA: Qinghao Ye, Guohai Xu, Ming Yan et al. (the page lists only the first authors).\n"
        "Title: HiTeA: Hierarchical Temporal-Aware Video-Language Pre-training"
    )


def test_paper_details(guohai: Engine) -> None:
    answer = ask(guohai, "tell me about ChatPLUG")
    assert answer.headline == (
        "ChatPLUG: Open-Domain Generative Dialogue System with Internet-Augmented Instruction Tuning for Digital Human"
    )
    assert dict(answer.fields) | {"Abstract": ""} == {
        "Date": "Apr 16, 2023",
        "Class": "CL (Computation and Language)",
        "Listed authors": "Junfeng Tian, Hehong Chen, Guohai Xu et al.",
        "Code": "https://github.com/X-PLUG/ChatPLUG",
        "Abstract": "",
    }
    assert "\\" not in dict(answer.fields)["Abstract"]
    assert ids(ask(guohai, "tell me about DeepEyesV2")) == [16]
    assert ids(ask(guohai, "tell me about DeepEyes")) == [14]
    assert ids(ask(guohai, "what is mPLUG?")) == [8]
    assert ids(ask(guohai, "tell me about AliMe KG")) == [23]


def test_code_yes_and_no(guohai: Engine) -> None:
    yes = ask(guohai, "is there code for AMBER?")
    assert yes.headline == "Yes: AMBER has code at https://github.com/junyangwang0410/AMBER"
    no = ask(guohai, "does HiTeA have code?")
    assert no.headline == "No: the profile does not mark code for HiTeA, and the abstract gives no link."
    assert no.note == "The abstract says: \u201cModels and demo will be available on ModelScope.\u201d"
    marked = ask(guohai, "is there code for CValues?")
    assert marked.headline == "Yes: the profile marks code for CValues, but the abstract gives no link."
    assert ids(ask(guohai, "papers with code from 2025")) == [14, 15]


def test_code_asked_as_an_absence_says_whether_it_is_absent(guohai: Engine) -> None:
    has = ask(guohai, "AMBER has no code, right?")
    assert has.headline == "No, it does have code: AMBER has code at https://github.com/junyangwang0410/AMBER"
    lacks = ask(guohai, "HiTeA doesn't have code, does it?")
    assert lacks.headline == "Right, no code: the profile does not mark code for HiTeA, and the abstract gives no link."
    assert ask(guohai, "is there no code for CValues?").headline == (
        "No, it does have code: the profile marks code for CValues, but the abstract gives no link."
    )
    assert ask(guohai, "AMBER has code, right?").headline.startswith("Yes: ")


def test_profile_stats(guohai: Engine) -> None:
    assert ask(guohai, "h-index?").headline == "Guohai Xu's h-index is 29."
    assert ask(guohai, "total citations").headline == "Guohai Xu has 3,988 citations."
    assert ask(guohai, "what is his primary area?").headline == (
        "Guohai Xu's primary area is CL (Computation and Language)."
    )
    assert ask(guohai, "how many NLP papers (CL) does he have?").headline == (
        "Guohai Xu has 10 papers in CL (Computation and Language):"
    )


def test_year_and_category_counts(guohai: Engine) -> None:
    years = ask(guohai, "papers per year")
    assert (
        years.headline
        == "Papers per year (23 in all); the most productive year is 2023 with 11 papers. No papers in 2024."
    )
    assert years.chart == (("2020", 1), ("2021", 1), ("2022", 4), ("2023", 11), ("2024", 0), ("2025", 5), ("2026", 1))
    categories = ask(guohai, "papers per category")
    assert categories.items == (
        "CL (Computation and Language): 10 papers",
        "CV (Computer Vision and Pattern Recognition): 9 papers",
        "AI (Artificial Intelligence): 2 papers",
        "IR (Information Retrieval): 1 paper",
        "LG (Machine Learning): 1 paper",
    )


def test_results_quote_the_figure(guohai: Engine) -> None:
    answer = ask(guohai, "what did X-CLIP get on MSVD?")
    assert answer.headline == "X-CLIP on MSVD: 50.4 R@1."
    assert answer.note.startswith("\u201cWith multi-grained contrast and the proposed AOSM module")
    assert ask(guohai, "how did CPACE do on OBQA?").headline == "CPACE on OpenBookQA: 3.5%."
    assert ask(guohai, "how well did mPLUG-2 do on MSRVTT?").headline == (
        "mPLUG-2 on MSR-VTT: 48.0 top-1 accuracy and 80.3 CIDEr."
    )


def test_topic_search_keeps_only_relevant(guohai: Engine) -> None:
    assert ids(ask(guohai, "papers about hallucination")) == [4, 11, 14, 6]
    assert ids(ask(guohai, "papers about OCR-free document understanding")) == [5, 10]
    assert ids(ask(guohai, "e-commerce")) == [22, 23, 21]
    assert ask(guohai, "papers about protein folding").papers == ()


def test_introduced(guohai: Engine) -> None:
    assert ids(ask(guohai, "Which paper introduced the AMBER benchmark?")) == [4]
    assert ids(ask(guohai, "which paper introduced OwlEval?")) == [2]


def test_first_author(guohai: Engine) -> None:
    answer = ask(guohai, "first-author papers")
    assert answer.headline == "Guohai Xu is the first listed author of 2 papers:"
    assert ids(answer) == [3, 22]


def test_clarification_lists_candidates(guohai: Engine) -> None:
    answer = ask(guohai, "papers with Li")
    assert answer.clarification
    assert answer.items == ("Feng-Lin Li (4 papers)", "Chenliang Li (1 paper)", "Zichao Li (1 paper)")
    # while it asks which Li, the papers of any of them are in the answer already (newest first)
    assert answer.headline == "Which Li do you mean? Several listed authors match (6 papers with any of them):"
    assert ids(answer) == [15, 21, 13, 8, 22, 23]


def test_fallback_suggests(guohai: Engine) -> None:
    answer = ask(guohai, "what's the capital of France?")
    assert answer.intent == "fallback"
    assert answer.papers == ()
    assert answer.suggestions
    typo = ask(guohai, "Haiyangg Xuu")
    assert "papers with Haiyang Xu" in typo.suggestions or ids(typo) == [10, 5, 12, 2, 1, 8]


# --- a synthetic profile: other classes, accents, year-less dates, LaTeX


def test_synthetic_years_and_inferred_dates(ada: Engine) -> None:
    assert ids(ask(ada, "papers from 2024")) == [2, 1]
    latest = ask(ada, "latest paper")
    assert latest.headline == "The latest paper (Jan 5, 2025): Secure Teleoperation under Adversarial Networks"
    assert ids(ask(ada, "papers before 2020")) == [4]


def test_synthetic_accents_merge_people(ada: Engine) -> None:
    answer = ask(ada, "papers with Tomas")
    assert answer.headline == "2 papers with Tomás Müller, newest first:"
    assert ids(answer) == [3, 1]
    assert ids(ask(ada, "papers with tomas muller")) == [3, 1]


def test_synthetic_coauthors(ada: Engine) -> None:
    answer = ask(ada, "who does she work with most?")
    assert answer.items == ("Li Wei: 3 papers", "Grace Hopper: 2 papers", "Tomás Müller: 2 papers")


def test_synthetic_categories_and_benchmarks(ada: Engine) -> None:
    assert ask(ada, "robotics papers").headline == "1 paper in RO (Robotics):"
    assert ask(ada, "which papers use LibriSpeech").headline == "1 paper mentions LibriSpeech:"
    assert ids(ask(ada, "which paper introduced SoundNavBench?")) == [2]
    assert ask(ada, "h-index?").headline == "Ada Lovelace's h-index is 12."


def test_synthetic_details_code_results(ada: Engine) -> None:
    details = ask(ada, "tell me about EchoNav")
    assert dict(details.fields)["Class"] == "SD (Sound)"
    assert dict(details.fields)["Abstract"].startswith("We introduce EchoNav, an audio-visual navigation agent")
    assert ask(ada, "is there code for GraspNet-X?").headline == (
        "Yes: GraspNet-X has code at https://github.com/example/graspnet-x"
    )
    assert ask(ada, "what did GraspNet-X get on YCB-Grasp?").headline == "GraspNet-X on YCB-Grasp: 91.2% success."
    assert ask(ada, "who wrote SafeLink?").headline == (
        "Listed authors of SafeLink: Ada Lovelace, Grace Hopper, Tomas Muller, Li Wei et al. "
        "(the page lists only the first authors)."
    )


# --- follow-ups within one conversation, and isolation between conversations


def test_followups(guohai: Engine) -> None:
    chat = ("alice", "dm")
    assert ids(guohai.ask("papers from 2025", chat)) == [16, 14, 19, 17, 15]
    assert ids(guohai.ask("which of these have code?", chat)) == [14, 15]
    assert ids(guohai.ask("and 2023?", chat)) == [4, 3, 5, 2, 6, 1]
    assert guohai.ask("what about 2020?", chat).headline == "No papers with code from 2020."


def test_it_and_ordinals(guohai: Engine) -> None:
    chat = ("bob", "dm")
    guohai.ask("tell me about UReader", chat)
    authors = guohai.ask("who wrote it?", chat)
    assert ids(authors) == [10]
    assert "Jiabo Ye, Anwen Hu" in authors.headline
    assert ids(guohai.ask("papers about hallucination", chat)) == [4, 11, 14, 6]
    assert ids(guohai.ask("who wrote the second one?", chat)) == [11]


def test_clarification_reply(guohai: Engine) -> None:
    chat = ("carol", "dm")
    assert guohai.ask("papers with Ye", chat).clarification
    assert ids(guohai.ask("2", chat)) == [10, 5]  # Jiabo Ye, the second candidate


def test_context_never_leaks_between_users(guohai: Engine) -> None:
    guohai.ask("tell me about UReader", ("dave", "guild-1"))
    other = guohai.ask("who wrote it?", ("erin", "guild-1"))
    assert other.papers == ()
    assert other.headline == "Which paper do you mean? Name it by its title or system name."


# --- a third profile: another field, accents and particles in names, systems named only in abstracts


@pytest.fixture(scope="module")
def maria() -> Engine:
    from datetime import date

    from bot.corpus.page_parser import parse_page
    from tests.pages import LANGUAGE

    return Engine(Corpus.from_document(parse_page(LANGUAGE.text(), "lang.txt", date(2025, 3, 1))))


@pytest.mark.parametrize(
    ("question", "intent", "paper_ids", "headline"),
    [
        ("what did she publish in 2024?", "list_papers", [1, 3], "2 papers from 2024, newest first:"),
        ("papers that evaluate on NQ", "benchmark_papers", [1], "1 paper mentions Natural Questions:"),
        ("papers with van der Berg", "list_papers", [1, 3, 5], "3 papers with Jan van der Berg, newest first:"),
        (
            "has María José García-López worked with Geoffrey Hinton?",
            "worked_with",
            [],
            "No: none of María José García-López's 5 papers list Geoffrey Hinton as an author.",
        ),
        (
            "papers with Maria Jose Garcia-Lopez",
            "list_papers",
            [1, 3, 2, 4, 5],
            "All 5 papers on María José García-López's profile, newest first:",
        ),
        ("tell me about AskPlan", "paper_details", [3], "Planning Agents that Ask for Help"),
        (
            "is there code for TestGen?",
            "paper_code",
            [4],
            "Yes: TestGen has code at https://gitlab.com/example/testgen",
        ),
        ("what did VeriCoder get on HumanEval?", "paper_results", [2], "VeriCoder on HumanEval: 71.3% pass@1."),
        (
            "work on math word problems",
            "topic_search",
            [5],
            "The paper about math word problems: Math Word Problems and the Limits of Scale",
        ),
        (
            "papers about code generation",
            "topic_search",
            [2],
            "The paper about code generation: Program Synthesis with Verified Feedback",
        ),
        ("software engineering papers", "list_papers", [4], "1 paper in SE (Software Engineering):"),
        ("papers from June 2024", "list_papers", [3], "1 paper from June 2024:"),
        (
            "which paper introduced ShortcutProbe?",
            "paper_introducing",
            [1],
            "ShortcutProbe was introduced in: Reasoning Shortcuts in Reading Comprehension Models",
        ),
    ],
)
def test_third_profile(maria: Engine, question: str, intent: str, paper_ids: list[int], headline: str) -> None:
    answer = ask(maria, question)
    assert (answer.intent, ids(answer), answer.headline) == (intent, paper_ids, headline)


def test_ordinals_and_topic_words_that_are_not_in_the_profile(guohai: Engine) -> None:
    chat = ("frank", "dm")
    assert ids(guohai.ask("papers about hallucination", chat)) == [4, 11, 14, 6]
    assert ids(guohai.ask("and the second?", chat)) == [11]
    assert ids(guohai.ask("what about the last one?", chat)) == [6]
    assert ids(guohai.ask("is there code for number 2?", chat)) == [11]
    unknown = ask(guohai, "what's the best language model?")
    assert unknown.papers == () and unknown.headline == "None of Guohai Xu's 23 papers is about “best language model”."


def test_a_paper_described_by_its_topic(ada: Engine) -> None:
    authors = ask(ada, "who wrote the paper on learned controllers?")
    assert (authors.intent, ids(authors)) == ("paper_authors", [4])
    assert authors.headline == (
        "Grace Hopper wrote On the Stability of Learned Controllers alone: the only listed author."
    )
    code = ask(ada, "is there code for the paper about tactile grasping?")
    assert (code.intent, ids(code)) == ("paper_code", [1])
    when = ask(ada, "when was the paper on audio navigation published?")
    assert (
        when.headline
        == "EchoNav was published on Nov 20, 2024 (the page gives no year; inferred from the profile date)."
    )


# --- figures said with a verb or as a change, and a topic only a concept names


@pytest.fixture(scope="module")
def fleet() -> Engine:
    from datetime import date

    from bot.corpus.page_parser import parse_page
    from tests.pages import Page, PaperBlock

    page = Page(
        name="Test Person",
        papers=[
            PaperBlock(
                "ROMar 3, 2024",
                "Adaptive Randomisation for Legged Robots",
                "Test Person, Ana Souza",
                "We adapt randomisation ranges. Policies transfer to 3 quadrupeds and succeed in 94% of 50 trials "
                "on stairs, against 72% with hand-tuned ranges.",
            ),
            PaperBlock(
                "NIJan 5, 2023",
                "Teleoperation over Wi-Fi 6",
                "Test Person",
                "Teleoperation over Wi-Fi suffers from latency spikes. In a factory with 30 competing clients, "
                "the 99.9th-percentile command latency falls from 94 ms to 8 ms.",
            ),
        ],
    )
    return Engine(Corpus.from_document(parse_page(page.text(), "fleet.txt", date(2026, 11, 27))))


@pytest.mark.parametrize(
    ("question", "paper_ids", "headline"),
    [
        (
            "what success rate did the randomisation paper get?",
            [1],
            "Adaptive Randomisation for Legged Robots: 94% success rate.",
        ),
        (
            "what latency does the teleoperation paper reach?",
            [2],
            "Teleoperation over Wi-Fi 6: 8 ms latency (from 94 ms).",
        ),
        ("papers about wireless networking", [2], "The paper about wireless networking: Teleoperation over Wi-Fi 6"),
        ("any wifi papers?", [2], "The paper about wifi: Teleoperation over Wi-Fi 6"),
    ],
)
def test_figures_said_as_verbs_and_changes(fleet: Engine, question: str, paper_ids: list[int], headline: str) -> None:
    answer = ask(fleet, question)
    assert (ids(answer), answer.headline) == (paper_ids, headline)


def test_a_mistyped_surname_after_with(ada: Engine) -> None:
    answer = ask(ada, "stuff with Hoper")
    assert (ids(answer), answer.headline) == ([3, 4], "2 papers with Grace Hopper, newest first:")
    # a surname nobody here is close to stays someone else
    assert ask(ada, "papers with Hinton").headline.startswith("No papers list Hinton among their authors")


def test_a_named_paper_checked_against_the_pick(guohai: Engine) -> None:
    no = ask(guohai, "is AMBER his most recent paper?")
    assert (no.headline, ids(no)) == (
        "No: the latest paper is REDSearcher (Feb 15, 2026); AMBER is from Nov 13, 2023.",
        [18, 4],
    )
    yes = ask(guohai, "was AliMe KG his first paper?")
    assert (yes.headline, ids(yes)) == ("Yes: AliMe KG is the oldest paper, from Sep 24, 2020.", [23])


@pytest.fixture(scope="module")
def stats() -> Engine:
    """Names as a statistics page writes them: a middle surname, two Daniels, a hyphenated given name."""
    from datetime import date

    from bot.corpus.page_parser import parse_page
    from tests.pages import Page, PaperBlock

    page = Page(
        name="Annelies van der Zwaan",
        category="ME",
        papers=[
            PaperBlock("MEMar 3, 2025Code", "Synthetic Controls at Scale", "Seung-hyun Baek, Annelies van der Zwaan",
                       "We study synthetic control estimators for many treated units."),
            PaperBlock("EMMar 3, 2024", "Minimum Wages and Teen Employment",
                       "Daniel Hirsch, Rafael Tavares Monteiro, Annelies M. van der Zwaan",
                       "We estimate employment effects of minimum wage increases. The implied employment "
                       "elasticity with respect to the minimum wage for teenagers is -0.07 (SE 0.04)."),
            PaperBlock("CYMar 3, 2021", "Lockdown Stringency and Mobility", "Daniel Okonkwo, Daniel Hirsch, "
                       "Annelies van der Zwaan", "Mobility fell by 31% under strict lockdowns."),
            PaperBlock("IMMar 3, 2020", "Flares of M Dwarfs", "Margarethe Koller, Annelies van der Zwaan",
                       "We count 4,041 flares in Kepler light curves."),
            PaperBlock("APMar 3, 2019", "Nowcasting Excess Mortality", "Annelies van der Zwaan",
                       "Official COVID-19 death counts are incomplete. We estimate 1.12 million excess deaths. "
                       "We flag 14 countries, 6 of which have been assigned warnings."),
        ],
    )  # fmt: skip
    return Engine(Corpus.from_document(parse_page(page.text(), "stats.txt", date(2026, 11, 27))))


@pytest.mark.parametrize(
    ("question", "paper_ids", "headline"),
    [
        ("what has she done with Tavares", [2], "1 paper with Rafael Tavares Monteiro:"),
        ("the paper she wrote with both daniels", [3], "1 paper with Daniel Hirsch and Daniel Okonkwo:"),
        ("koller papers", [4], "1 paper with Margarethe Koller:"),
        (
            "papers with Seung-hyun Kim",
            [],
            "No papers list Seung-hyun Kim among their authors; nobody by that name appears on "
            "Annelies van der Zwaan's profile.",
        ),
        ("papers with Seung-hyun Beak", [1], "1 paper with Seung-hyun Baek:"),
        (
            "which papers don't list annelies at all",
            [],
            "No papers not listing Annelies van der Zwaan among the authors.",
        ),
        ("papers from 2021 or later", [1, 2, 3], "3 papers since 2021, newest first:"),
        ("EM papers", [2], "1 paper in EM (Econometrics):"),
        # a complete author list of one: her alone
        ("papers she wrote alone", [5], "1 paper with no co-author listed:"),
        # a figure the clause gives its metric a few words on
        (
            "teen employment elasticity in the min wage paper",
            [2],
            "Minimum Wages and Teen Employment: -0.07 employment elasticity.",
        ),
        # "14 countries, 6 of which have been assigned warnings"
        (
            "how many warnings did the nowcasting paper give?",
            [5],
            "The abstract of Nowcasting Excess Mortality says 6 warnings.",
        ),
        # a number inside a name ("COVID-19") counts nothing
        (
            "how many excess deaths did the nowcasting paper estimate",
            [5],
            "The abstract of Nowcasting Excess Mortality says 1.12 million excess deaths.",
        ),
    ],
)
def test_names_and_classes_of_a_statistics_page(
    stats: Engine, question: str, paper_ids: list[int], headline: str
) -> None:
    answer = ask(stats, question)
    assert (ids(answer), answer.headline) == (paper_ids, headline)


def test_the_one_a_word_describes_among_a_concepts_papers() -> None:
    """ "the downscaling one": both papers are about climate (the concept "downscaling" belongs to),
    but only one says "downscaling"."""
    from datetime import date

    from bot.corpus.page_parser import parse_page
    from tests.pages import Page, PaperBlock

    page = Page(
        name="Test Person",
        papers=[
            PaperBlock("APJan 16, 2024", "Downscaling Precipitation with Diffusion Models", "Test Person",
                       "We downscale reanalysis rainfall. The ensemble mean has an RMSE of 1.84 mm/day."),
            PaperBlock("COFeb 8, 2023", "Emulators for Climate Model Ensembles", "Test Person",
                       "Gaussian process emulators of climate models reach an RMSE of 0.31 K."),
        ],
    )  # fmt: skip
    engine = Engine(Corpus.from_document(parse_page(page.text(), "climate.txt", date(2026, 11, 27))))
    answer = ask(engine, "what RMSE did the downscaling one report?")
    assert (ids(answer), answer.headline) == ([1], "Downscaling Precipitation with Diffusion Models: 1.84 RMSE.")


def test_months_of_one_year_do_not_say_any_year(guohai: Engine) -> None:
    answer = ask(guohai, "how many papers did he publish per month in 2023?")
    assert answer.headline == (
        "Papers per month from 2023 (11 papers in all); the most common months are April, May and July, tied with "
        "2 papers each."
    )
    assert ask(guohai, "papers per month").headline.startswith("Papers per month (23 papers in all, any year)")


def test_did_a_person_write_a_paper(guohai: Engine) -> None:
    yes = ask(guohai, "did Ming Yan write HiTeA?")
    assert (ids(yes), yes.headline) == (
        [9],
        "Yes: Ming Yan is the third listed author of HiTeA (Qinghao Ye, Guohai Xu, Ming Yan et al.).",
    )
    no = ask(guohai, "did Ming Yan write AMBER?")
    assert no.headline == (
        "No: Ming Yan is not among the listed authors of AMBER (Junyang Wang, Yuhang Wang, Guohai Xu et al.). "
        "The page lists only the first authors, so a name further down the list would not show."
    )


def test_a_suffixed_name_is_found_without_its_suffix() -> None:
    from datetime import date

    from bot.corpus.page_parser import parse_page
    from tests.pages import Page, PaperBlock

    page = Page(papers=[PaperBlock("HCMar 3, 2024", "Threads", "Ada Lovelace, Marcus Ellison Jr.", "A.")])
    engine = Engine(Corpus.from_document(parse_page(page.text(), "p.txt", date(2026, 11, 27))))
    for question in ("papers with Marcus Ellison", "papers with Ellison", "papers with Marcus Ellison Jr."):
        assert ask(engine, question).headline == "1 paper with Marcus Ellison Jr.:", question


def test_who_she_works_with_most_when_nobody_is_named(guohai: Engine) -> None:
    answer = ask(guohai, "who is most write together with him?")
    assert answer.headline.startswith("Among the listed authors, Guohai Xu's most frequent co-authors are Haiyang Xu")


def test_two_questions_in_one_message(guohai: Engine) -> None:
    both = ask(guohai, "how many papers does he have and what's his h-index?")
    assert both.text.startswith("Guohai Xu has 23 papers on the profile.") and "Guohai Xu's h-index is 29." in both.text
    assert both.papers == ()  # the count is the answer: no list of every paper
    newest = ask(guohai, "what's his newest paper and does it have code?")
    assert ids(newest) == [18]
    assert "No: the profile does not mark code for REDSearcher" in newest.text
    # a comparison is one question
    assert ask(guohai, "how many papers in CV and how many in CL?").intent == "compare"


def test_is_someone_on_the_paper_in_view(guohai: Engine) -> None:
    chat = ("test", "on-it")
    guohai.ask("tell me about HiTeA", chat)
    assert guohai.ask("is Ming Yan on that one?", chat).headline == (
        "Yes: Ming Yan is the third listed author of HiTeA (Qinghao Ye, Guohai Xu, Ming Yan et al.)."
    )


def test_a_yes_keeps_a_name_capitalised(guohai: Engine) -> None:
    assert ask(guohai, "is he ever listed third?").headline.startswith("Yes: Guohai Xu is the third listed author of")


def test_a_year_in_a_system_name_is_still_a_year() -> None:
    from datetime import date

    from bot.corpus.page_parser import parse_page
    from tests.pages import Page, PaperBlock

    page = Page(
        name="Test Person",
        papers=[
            PaperBlock("ROMar 3, 2023", "VisionPilot-2021: Steering by Sight", "Test Person", "We steer by sight."),
            PaperBlock("ROJan 5, 2021", "Legged Robots on Stairs", "Test Person", "Robots climb stairs."),
            PaperBlock("ROJan 4, 2021", "Grasping in Clutter", "Test Person", "We grasp in clutter."),
        ],
    )
    engine = Engine(Corpus.from_document(parse_page(page.text(), "years.txt", date(2026, 11, 27))))
    assert ids(ask(engine, "papers from 2021")) == [2, 3]  # the year, not VisionPilot-2021
    assert ids(ask(engine, "tell me about VisionPilot-2021")) == [1]


def test_a_metric_asked_beside_a_word_the_abstract_shares_is_read_where_the_metric_is() -> None:
    from datetime import date

    from bot.corpus.page_parser import parse_page
    from tests.pages import Page, PaperBlock

    page = Page(
        name="Test Person",
        papers=[
            PaperBlock(
                "SDMar 3, 2024",
                "Label-Efficient Detection of Frog Calls with Audio Pretraining",
                "Test Person, Ana Souza",
                "We pretrain an audio transformer on unlabelled recordings. With only 5% of the labelled clips, "
                "pretraining raises the macro F1 from 0.58 to 0.72 relative to training from scratch. With all "
                "labels the advantage shrinks to 0.84 versus 0.82.",
            ),
        ],
    )
    engine = Engine(Corpus.from_document(parse_page(page.text(), "frogs.txt", date(2026, 11, 27))))
    answer = ask(engine, "frog paper,, F1 w/ 5% labels??")
    assert answer.headline == (
        "Label-Efficient Detection of Frog Calls with Audio Pretraining: 0.72 macro F1 (from 0.58)."
    )


def test_the_author_of_a_paper_named_by_its_benchmark(guohai: Engine) -> None:
    # the paper the benchmark names, never "no papers with Guohai Xu as first author"
    assert (
        ask(guohai, "who is first author on the MSVD paper").headline
        == "The first listed author of X-CLIP is Yiwei Ma."
    )
    several = ask(guohai, "who is first author on the MSR-VTT paper")
    assert several.headline == "2 papers match; which one?" and ids(several) == [1, 7]


def test_what_someone_wrote_with_a_person_lists_it_without_a_yes(guohai: Engine) -> None:
    assert ask(guohai, "what did he write with Ming Yan?").headline == "4 papers with Ming Yan, newest first:"
    assert ask(guohai, "did he write with Ming Yan?").headline.startswith("Yes: ")


def test_is_one_paper_older_than_another_compares_the_two(guohai: Engine) -> None:
    # never "the oldest paper of the profile is ...": the pick is among the two named
    older = guohai.ask("is AMBER older than HiTeA?", ("t", "older"))
    assert older.headline == "No: AMBER (Nov 13, 2023) is newer than HiTeA (Dec 30, 2022)."
    assert guohai.ask("is AMBER newer than HiTeA?", ("t", "newer")).headline == (
        "Yes: AMBER (Nov 13, 2023) is newer than HiTeA (Dec 30, 2022)."
    )


def test_the_full_author_list_of_a_paper_is_what_the_page_lists_of_it(guohai: Engine) -> None:
    assert ask(guohai, "full author list of AMBER").headline == (
        "The profile page lists only the first authors of AMBER: Junyang Wang, Yuhang Wang, Guohai Xu et al.; "
        "the rest are not on the page."
    )
