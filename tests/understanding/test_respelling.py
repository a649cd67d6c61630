"""Misspelt topic words read as the words the papers use ("slep spindels"), on a profile written
here: only slips a typist makes, never another form of a word or a word a letter away that means
something else, never in place of a name the slip is closer to, and always said in the answer."""

from __future__ import annotations

from datetime import date

import pytest

from bot.corpus.categories import class_names
from bot.corpus.model import Corpus
from bot.corpus.page_parser import parse_page
from bot.engine import Engine
from bot.understanding.slips import plausible_slip
from tests.answers.conftest import asked
from tests.pages import Page, PaperBlock

SLEEP = Page(
    name="Lena Marsh",
    category="SP",
    papers=[
        PaperBlock(
            "SPMar 2, 2025",
            "Detecting Sleep Spindles in Wearable EEG",
            "Lena Marsh, Ken Ito",
            "Sleep spindles are short bursts of activity. We detect spindles with a small network on SleepNetBench.",
        ),
        PaperBlock(
            "SYJun 9, 2024",
            "Taking Contrasts Seriously in Experimental Sleep Studies",
            "Ken Ito, Lena Marsh",
            "We revisit contrasts between conditions in experimental designs, taking care of confounds.",
        ),
        PaperBlock(
            "OCJan 5, 2023",
            "Eye Tracking During Sleep Onset",
            "Lena Marsh",
            "Tracking eye movements at sleep onset with infrared cameras in 40 adults.",
        ),
    ],
)


@pytest.fixture(scope="module")
def marsh() -> Engine:
    return Engine(Corpus.from_document(parse_page(SLEEP.text(), "marsh.txt", date(2026, 11, 27))))


def test_misspelt_topic_words_are_the_papers_words_and_the_answer_says_so(marsh: Engine) -> None:
    _, text, ids = asked(marsh, "papres on slep spindels??")
    assert ids == [1]
    assert "(I read “slep” as “sleep” and “spindels” as “spindles”.)" in text
    assert marsh.understand("papres on slep spindels??").selection.clauses[0].atoms[0].text == "sleep spindles"


def test_a_letter_left_out_is_the_likelier_slip(marsh: Engine) -> None:
    # "traking" is one edit from "taking" (a word of the vocabulary and of the papers) and from "tracking"
    topic = marsh.understand("eye traking papers").selection.clauses[0].atoms[0]
    assert topic.text == "eye tracking"


@pytest.mark.parametrize(
    "question",
    [
        "papers on smart contracts",  # "contrasts" is a letter away, but s is no slip for c
        "papers with experiments on mice",  # "experimental" only differs in its ending
    ],
)
def test_real_words_the_papers_do_not_use_stay_as_typed(marsh: Engine, question: str) -> None:
    _, text, _ = asked(marsh, question)
    assert "I read" not in text


def test_a_name_the_slip_is_closer_to_wins_over_a_word(marsh: Engine) -> None:
    headline, _, ids = asked(marsh, "papers using sleepnet bench")
    assert ids == [1] and "SleepNetBench" in headline


@pytest.mark.parametrize(
    ("typed", "meant", "slip"),
    [
        ("tge", "the", True),  # g is beside h
        ("degredation", "degradation", True),  # a vowel for a vowel
        ("feild", "field", True),  # swapped
        ("slep", "sleep", True),  # left out
        ("contracts", "contrasts", False),
        ("atmosferes", "atmospheres", False),
        ("sattelite", "satellite", True),  # the wrong letter doubled
        ("povertygpt", "povertyvit", False),  # another name, not a slip of this one
    ],
)
def test_which_letters_are_slips(typed: str, meant: str, slip: bool) -> None:
    assert plausible_slip(typed, meant) is slip


def test_shared_class_letters_take_the_archive_of_classes_of_one_meaning() -> None:
    # SY is cs.SY and eess.SY: beside it, SP is eess's Signal Processing, not math's Spectral Theory
    assert class_names(["LG", "SP", "SY", "OC"])["SP"] == "Signal Processing"
    assert class_names(["SP", "OC"])["SP"] == "Spectral Theory"
