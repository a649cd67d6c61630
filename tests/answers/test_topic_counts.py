"""What a researcher works on: the topics the paper titles name, most first, with what the count
leaves out (titles naming no topic the lexicon knows). On the shipped profile and on pages written here."""

from __future__ import annotations

from datetime import date

import pytest

from bot.corpus.model import Corpus
from bot.corpus.page_parser import parse_page
from bot.engine import Engine
from tests.answers.conftest import asked
from tests.pages import Page, PaperBlock

SPEECH = Page(
    name="Noor Haddad",
    category="CL",
    papers=[
        PaperBlock("CLMar 2, 2025", "Robust Speech Recognition in Noisy Rooms", "Noor Haddad, Ken Ito", "We denoise."),
        PaperBlock("CLJun 9, 2024", "Streaming Speech Recognition on Phones", "Ken Ito, Noor Haddad", "We stream."),
        PaperBlock("CLJan 5, 2023", "Cheap Machine Translation for Chat", "Noor Haddad", "We translate."),
        PaperBlock("CYFeb 7, 2023", "A Field Guide to Garden Widgets", "Noor Haddad, Ada Byron", "We count widgets."),
    ],
)
WIDGETS = Page(
    name="Ada Byron",
    category="CY",
    papers=[
        PaperBlock("CYFeb 7, 2023", "A Field Guide to Garden Widgets", "Ada Byron", "We count widgets."),
        PaperBlock("CYMay 1, 2022", "Counting Widgets in Old Sheds", "Ada Byron", "We count more widgets."),
    ],
)


def _engine(page: Page) -> Engine:
    return Engine(Corpus.from_document(parse_page(page.text(), "page.txt", date(2026, 11, 27))))


@pytest.fixture(scope="module")
def haddad() -> Engine:
    return _engine(SPEECH)


@pytest.fixture(scope="module")
def guohai(shipped: Corpus) -> Engine:
    return Engine(shipped)


def test_the_topics_the_titles_name_most_first_and_what_they_leave_out(haddad: Engine) -> None:
    answer = haddad.ask("what does she work on?", ("tester", "1"))
    assert answer.headline == (
        "Of the topics Noor Haddad's 4 paper titles name, the most frequent topic is speech recognition with 2 papers."
    )
    assert answer.items == ("speech recognition: 2 papers", "machine translation: 1 paper")
    assert answer.note == "Counted from the titles, with the topics I know; 1 of the 4 titles names none of them."
    assert [p.id for p in answer.papers] == [1, 2]


def test_filters_narrow_the_papers_counted(haddad: Engine) -> None:
    headline, _, ids = asked(haddad, "what did she work on in 2023?")
    assert headline == (
        "Of the topics Noor Haddad's 2 paper titles from 2023 name, the most frequent topic is machine translation "
        "with 1 paper."
    )
    assert ids == [3]
    assert asked(haddad, "what did she work on with Ken Ito?")[2] == [1, 2]


def test_titles_naming_no_known_topic_are_said_so() -> None:
    headline, _, ids = asked(_engine(WIDGETS), "what are her research interests?")
    assert headline == "None of Ada Byron's 2 paper titles names a topic I know."
    assert ids == []


def test_the_shipped_profile(guohai: Engine) -> None:
    answer = guohai.ask("what are his main research topics?", ("tester", "2"))
    assert answer.headline == (
        "Of the topics Guohai Xu's 23 paper titles name, the most frequent topic is multimodal large language model "
        "with 6 papers."
    )
    assert answer.items[:3] == (
        "multimodal large language model: 6 papers",
        "large language model: 3 papers",
        "multimodal learning: 3 papers",
    )
    assert len(answer.papers) == 6
    # many tied are counted, not named
    assert guohai.ask("least common topics", ("tester", "3")).headline == (
        "Of the topics Guohai Xu's 23 paper titles name, 23 are tied as the least frequent, with 1 paper each."
    )


def test_plans_and_classes_keep_their_answers(guohai: Engine) -> None:
    assert asked(guohai, "what is he working on next?")[0].startswith("The profile page doesn't list plans")
    assert asked(guohai, "what are his main research areas?")[0].startswith("Guohai Xu's papers span 5 arXiv classes")
