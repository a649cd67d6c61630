"""A topic no paper is about is answered none, its wider topic offered by name; words typed together
that the papers use only in other compounds; what data a paper uses; which of two papers is older;
the oldest one of a list; a story's topic pointed back at; names typed in lower case."""

from __future__ import annotations

from datetime import date

import pytest

from bot.corpus.collocations import in_other_compounds
from bot.corpus.model import Corpus
from bot.corpus.names import presented_benchmarks
from bot.corpus.page_parser import parse_page
from bot.engine import Engine
from tests.answers.conftest import asked

pytestmark = pytest.mark.usefixtures("pinned_today")


def test_a_topic_of_a_wider_one_is_no_answer_of_its_papers(folake: Engine, tupac: Engine) -> None:
    # "flood" was a form of climate science, and the concept's search widened to it: seven fire-weather
    # papers were "about flood forecasting"; "hyperspectral" was a form of remote sensing
    assert asked(folake, "papers on flood forecasting") == (
        "None of Folake Adebanjo-Weiss' 23 papers is about \u201cflood forecasting\u201d.",
        "None of Folake Adebanjo-Weiss' 23 papers is about \u201cflood forecasting\u201d.\n"
        "That isn't on the profile; the nearest it has is climate science (13 papers): "
        "ask \u201cpapers about climate science\u201d.",
        [],
    )
    _, text, ids = asked(tupac, "any papers on hyperspectral imaging")
    assert ids == [] and text.endswith(
        "the nearest it has is remote sensing (14 papers): ask \u201cpapers about remote sensing\u201d."
    )
    # asked yes or no, the answer is no
    assert asked(folake, "has she worked on earthquake detection?")[2] == []


def test_words_the_papers_use_only_in_other_compounds_are_no_topic(sigrun: Engine) -> None:
    # "sea ice": ten papers said "sea level" and "ice sheet" apart, and all ten were listed
    headline, _, ids = asked(sigrun, "anything on sea ice?")
    assert (
        headline == "None of Sigr\u00fan Eyj\u00f3lfsd\u00f3ttir-Baptiste's 23 papers is about \u201csea ice\u201d."
        and ids == []
    )
    # the compound the papers do write is found
    assert set(asked(sigrun, "sea level rise projections?")[2]) >= {1, 3}


class _Text:
    def __init__(self, title: str, abstract: str) -> None:
        self.title, self.abstract = title, abstract


def test_words_locked_in_other_compounds() -> None:
    stop = frozenset({"for", "of", "the", "and", "from", "with"})
    papers = [
        _Text("Sea-level rise from ice sheets", "Projected sea level rise and the ice sheet response."),
        _Text("Ice sheet emulators", "We emulate sea-level contributions of the ice shelf and ice sheet."),
    ]
    assert in_other_compounds(papers, ["sea", "ice"], stop)  # type: ignore[arg-type]
    # varied neighbours: the words are used in their own sense
    papers = [
        _Text("Wastewater viral loads", "Wastewater concentrations rise before cases; surveillance data lag."),
        _Text("Aircraft wastewater sampling", "Sampling wastewater from aircraft for genomic surveillance."),
    ]
    assert not in_other_compounds(papers, ["wastewater", "surveillance"], stop)  # type: ignore[arg-type]
    assert not in_other_compounds(papers, ["wastewater"], stop)  # type: ignore[arg-type]
    # "video" always before "understanding", but captioning is the thing itself ("captioning for ...")
    papers = [
        _Text("Contrastive Captioning for Video Understanding", "Captioning with less data."),
        _Text("Sparse Captioning for Video Understanding", "Video understanding by captioning for retrieval."),
    ]
    assert not in_other_compounds(papers, ["video", "captioning"], stop)  # type: ignore[arg-type]


def test_what_data_a_paper_uses(tupac: Engine, folake: Engine) -> None:
    # was "1 paper among ParcelFormer" (the benchmarks of the papers asked for its papers), and the paper's
    # own name was one of its benchmarks ("On the PASTIS benchmark ParcelFormer reaches ...")
    headline, text, ids = asked(tupac, "what dataset does ParcelFormer use")
    assert headline == "ParcelFormer mentions 3 benchmarks and datasets:" and ids == [13]
    assert "\u2022 PASTIS" in text and "\u2022 ParcelFormer" not in text
    assert "\u201cOn the PASTIS benchmark ParcelFormer reaches" in text
    headline, text, ids = asked(folake, "what dataset does FuelFormer use")
    assert headline == "FuelFormer mentions 3 benchmarks and datasets:" and ids == [2] and "\u2022 Globe-LFMC" in text
    # a dataset no gazetteer knows: the abstract, where it is named
    engine = Engine(Corpus.from_document(parse_page(_FAST, "fast.txt", date(2026, 11, 27))))
    assert asked(engine, "which dataset did the streaming radio transients paper use?") == (
        "No benchmark or dataset I know is named in Streaming Radio Transients; its abstract:",
        "No benchmark or dataset I know is named in Streaming Radio Transients; its abstract:\n"
        "A fast pipeline for radio transients in real time.",
        [2],
    )


def test_a_kind_word_that_closes_a_name_presents_nothing_after_it() -> None:
    assert presented_benchmarks("On the PASTIS benchmark ParcelFormer reaches 46.2 PQ.") == ["PASTIS"]
    assert presented_benchmarks("We propose the benchmark AMBER for hallucination.") == ["AMBER"]
    assert presented_benchmarks("We release a dataset named FooSet-2 of 9k clips.") == ["FooSet-2"]


def test_which_of_two_is_older_puts_it_first(tupac: Engine) -> None:
    question = "which is older, the early-season maize vs soybean paper or DroughtYield?"
    headline, _, ids = asked(tupac, question)
    assert ids == [7, 8] and headline.startswith("Early-Season Crop Type Mapping") and " is older: " in headline
    headline, _, ids = asked(tupac, question.replace("older", "newer"))
    assert ids == [8, 7] and headline.startswith("DroughtYield (Jun 17, 2025) is newer: ")


def test_the_oldest_one_is_of_the_list_in_view(sigrun: Engine) -> None:
    chat = ("tester", "oldest of a list")
    sigrun.ask("CV papers", chat)
    answer = sigrun.ask("the oldest one - who wrote it?", chat)
    assert [p.id for p in answer.papers] == [19] and "Haruto Kobayashi" in answer.text
    # after one paper, "the oldest one" is of every paper, not of that one
    chat = ("tester", "oldest after a paper")
    sigrun.ask("tell me about CalvingSAM", chat)
    assert [p.id for p in sigrun.ask("the oldest one - who wrote it?", chat).papers] == [23]


def test_a_story_topic_pointed_back_at(beatriz: Engine) -> None:
    question = (
        "ok so i was reading about beat tracking and wondered whether she has anything recent on it like "
        "from 2026 or so and if it has code because i want to try it on my own tracks"
    )
    headline, text, ids = asked(beatriz, question)
    assert ids == [1] and headline == "1 paper about beat tracking from 2026."
    assert "BeatBridge has code at https://github.com/boyarzun/beatbridge" in text


def test_review_scores_are_not_on_the_page(beatriz: Engine) -> None:
    headline, _, ids = asked(beatriz, "what review scores did StemDiff get")
    assert headline == "The profile page doesn't list reviews, ratings or opinions of the papers." and ids == []
    assert asked(beatriz, "papers on reviewer assignment")[0].startswith("None of")


def test_a_cased_name_typed_in_lower_case(kwame: Engine) -> None:
    # "kepler data" was a topic of two words (four papers hold "data" too)
    headline, _, ids = asked(kwame, "papers using kepler data")
    assert headline == "8 papers mention Kepler:" and {19, 20, 21, 22, 23} <= set(ids)


_FAST = """Ada Byte

AI
h-index3
2papers
10citations

2 Papers

AIMar 3, 2024
Fast Pulsar Search with the FAST Telescope

Ada Byte

We search FAST drift scans for pulsars with a fast folding algorithm.

AIJan 9, 2023
Streaming Radio Transients

Ada Byte, Bo Chen

A fast pipeline for radio transients in real time.
"""


def test_a_cased_name_the_papers_also_write_in_lower_case_stays_a_word() -> None:
    engine = Engine(Corpus.from_document(parse_page(_FAST, "fast.txt", date(2026, 11, 27))))
    assert asked(engine, "papers using FAST")[::2] == ("1 paper mentions FAST:", [1])
    # "fast" in lower case is the word the abstracts use, not the telescope
    assert asked(engine, "papers using fast")[::2] == ("2 papers about fast, most relevant first:", [1, 2])


def test_a_named_paper_or_a_description_with_a_benchmark_in_it(sigrun: Engine, hyejin: Engine) -> None:
    # the benchmark kept the two apart: "No papers about ICESat-2 subglacial lake drainage among EdgeCalve."
    headline, _, ids = asked(sigrun, "which came first: EdgeCalve or the ICESat-2 subglacial lake drainage paper")
    assert headline.startswith("The older of the two is Active Subglacial Lake Drainage Detected by ICESat-2")
    assert ids[0] == 14 and 15 in ids
    headline, _, ids = asked(hyejin, "which is newer, PolyStatute or the ECtHR respondent-state disparities paper")
    assert headline.startswith("The newer of the two is PolyStatute (Sep 30, 2025)") and ids[0] == 7 and 6 in ids


def test_a_task_word_beside_a_task_concept_ranks_only(tupac: Engine, chiara: Engine) -> None:
    # "crop yield prediction" left out "Spring Barley Yield Estimation" (no "prediction" in it)
    assert set(asked(tupac, "what has he done on crop yield prediction")[2]) == {2, 8, 11, 18, 23}
    # "massive MIMO" is no task: "massive MIMO detection" is the detection paper, not every MIMO paper
    headline, _, ids = asked(chiara, "anything on massive MIMO detection?")
    assert headline.startswith("The paper about massive MIMO detection: DUNE") and len(ids) == 1


def test_a_class_code_no_paper_has_is_the_concept_it_abbreviates(rhys: Engine) -> None:
    # was "No papers in FL (Formal Languages and Automata Theory)." on a federated-learning profile
    headline, _, ids = asked(rhys, "what has he done on FL")
    assert headline == "7 papers about FL, most relevant first:" and set(ids) == {3, 7, 8, 13, 14, 17, 19}
    assert asked(rhys, "papers in RO")[0] == "No papers in RO (Robotics)."  # no concept: the class, said so


def test_where_the_researcher_does_not_appear(rhys: Engine) -> None:
    # was the venue's gap ("appear in" read as where a paper appeared), then all 23 papers
    for question in ("which papers doesn't rhys appear in the author list of", "which papers doesn't he appear on"):
        assert asked(rhys, question)[::2] == (
            "2 papers not listing Rhys Okoye-Lindberg among the authors, newest first:",
            [7, 19],
        )


def test_our_thing_named_beside_it_is_the_papers_own(rhys: Engine) -> None:
    # "Our protocol, THOR, lets each user ...": was "No paper on the profile introduces THOR"
    assert asked(rhys, "who wrote THOR")[0] == "Listed authors of THOR: Kwabena Asante-Boateng, Rhys Okoye-Lindberg."


def test_one_paper_compared_with_something_is_what_it_reports(ximena: Engine) -> None:
    # was "fast and solver are tied among KolmoDiff: 1 paper each."
    assert asked(ximena, "how fast is KolmoDiff compared to the solver") == (
        "What the abstract of KolmoDiff says:",
        "What the abstract of KolmoDiff says:\n\u201cSampling one step costs 31 ms on an A100, 96\u00d7 faster than "
        "the pseudo-spectral solver at the same resolution.\u201d",
        [1],
    )


def test_kinds_of_a_topic_and_their_abbreviations(ingvild: Engine, bao: Engine, ximena: Engine) -> None:
    # a kind is a concept below its topic: "MZM" finds the Mach-Zehnder modulators, "silicon modulator"
    # every modulator (microrings too)
    assert set(asked(ingvild, "MZM papers")[2]) == {13, 19}
    assert set(asked(ingvild, "her silicon modulator work")[2]) == {2, 13, 19, 22}
    # a method noun beside a task concept ranks only ("Estimating Trip Generation Rates" has no "model")
    assert 22 in asked(bao, "trip generation models")[2]
    assert {4, 16} <= set(asked(bao, "gps trajectory mining papers")[2])
    assert set(asked(ximena, "papers using the johns hopkins turbulence database")[2]) == {1, 3, 16}
