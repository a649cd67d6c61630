"""Two papers set against each other (both in the answer, each with its date), a filter said alone as a
follow-up ("with code?"), "same period", an author's place said after the verb ("listed first"), and
names typed with a slip or by one part of a joined surname."""

from __future__ import annotations

import pytest

from bot.dialogue.conversation import ConversationState
from bot.engine import Engine
from bot.query import selection_text
from tests.answers.conftest import asked, headline_and_ids

pytestmark = pytest.mark.usefixtures("pinned_today")


def understood(engine: Engine, text: str) -> str:
    return selection_text(engine.understand(text, ConversationState()).selection)


def conversation(engine: Engine, *messages: str) -> list[tuple[str, list[int]]]:
    key = ("tester", " / ".join(messages))
    answers = [engine.ask(message, key) for message in messages]
    engine.reset(key)
    return [(a.headline, [p.id for p in a.papers]) for a in answers]


def test_two_papers_set_against_each_other_are_both_in_the_answer_with_their_dates(ingeborg: Engine) -> None:
    # was the older one only, the other's date nowhere
    headline, whole, ids = asked(ingeborg, "which came first, GeoMRP or TurnoutGNN")
    assert headline.startswith("The older of the two is GeoMRP (Sep 6, 2022):")
    assert whole.endswith("TurnoutGNN is from Jan 23, 2023.")
    assert ids == [14, 15]
    headline, ids = headline_and_ids(ingeborg, "is ParlSent newer than PollCast")
    assert headline == "Yes: ParlSent (Aug 26, 2019) is newer than PollCast (May 8, 2017)."
    assert ids == [22, 21]


def test_the_paper_with_more_authors_comes_first(anouk: Engine) -> None:
    headline, ids = headline_and_ids(anouk, "which has more authors, DegradeDiff or SOHFormer")
    assert headline.startswith("SOHFormer has more authors")
    assert ids == [7, 5]


def test_a_filter_said_alone_narrows_the_last_list(anouk: Engine) -> None:
    # was every paper with code: "with code?" read as a new question
    (_, _), (with_code, with_ids), (without, without_ids) = conversation(
        anouk, "CE papers", "with code?", "and without?"
    )
    assert with_code.startswith("2 papers in CE (")
    assert sorted(with_ids) == [14, 17]
    assert without.startswith("3 papers in CE (")
    assert sorted(without_ids) == [4, 13, 22]


def test_same_period_keeps_the_time_of_the_question_before(anouk: Engine) -> None:
    # was "No papers about period with Haruka Nishimura before 2020."
    answers = conversation(
        anouk,
        "what did she do with Kwabena",
        "which of those are from before 2020?",
        "what about Haruka Nishimura, same period?",
    )
    assert answers[-1][0] == "2 papers with Haruka Nishimura before 2020, newest first:"
    assert sorted(answers[-1][1]) == [19, 22]


def test_post_is_how_people_say_publish(ingeborg: Engine) -> None:
    # was "No papers about post since May 27, 2026."
    assert understood(ingeborg, "what did she post in the last 6 months") == "time[2026-05-27..]"


def test_is_she_not_in_the_author_list_asked_as_a_question(ingeborg: Engine) -> None:
    # was all 23 papers
    headline, ids = headline_and_ids(ingeborg, "on which papers is she not in the author list")
    assert headline.startswith("2 papers not listing Ingeborg Achterberg-Salas among the authors")
    assert sorted(ids) == [8, 16]


@pytest.mark.parametrize(
    "question", ["papers where she is not the first listed author", "papers where she is not listed first"]
)
def test_an_author_s_place_is_no_order_of_papers(aiko: Engine, question: str) -> None:
    # was "The 5 papers without Aiko Brennan-Mwale as first author (11 in all)", then "oldest first"
    headline, ids = headline_and_ids(aiko, question)
    assert headline == "11 papers without Aiko Brennan-Mwale as first author, newest first:"
    assert len(ids) == 11


@pytest.mark.parametrize("question", ["papres with ingird", "papers with solheim", "papers with solhiem"])
def test_a_name_with_a_slip_or_one_part_of_a_joined_surname(lars: Engine, question: str) -> None:
    # was a topic "ingird" / "solheim" (one paper that happens to hold the word)
    assert headline_and_ids(lars, question)[0] == "6 papers with Ingrid Solheim-Baptiste, newest first:"


def test_their_papers_together_after_a_ranking_of_people(lars: Engine) -> None:
    # was every paper of the profile
    answers = conversation(lars, "who does he collaborate with most", "show me their papers together")
    assert sorted(answers[1][1]) == [1, 5, 9, 10, 13, 16]


def test_a_survey_known_by_its_older_acronym_and_its_data(ingeborg: Engine) -> None:
    # was "No papers mentioning CCES about data."
    assert understood(ingeborg, "which ones use CCES data") == "benchmark[Cooperative Election Study]"
    assert sorted(headline_and_ids(ingeborg, "which ones use CCES data")[1]) == [3, 5]


def test_the_first_words_of_a_title_typed_as_a_title_name_the_paper(tevita: Engine) -> None:
    # was "They list the same number of authors": "how many" dropped as a count, "quadrats" another paper
    headline, ids = headline_and_ids(tevita, "does PointMatch have more authors than the How Many Quadrats paper")
    assert headline.startswith("Yes: PointMatch lists more authors: 3 authors, against 2 authors for How Many Quadrats")
    assert ids == [13, 16]
    assert headline_and_ids(tevita, "tell me about the How Many Quadrats paper")[1] == [16]
    # typed as a topic, the same words stay one
    assert "topic" in understood(tevita, "papers about how many quadrats are needed")


def test_the_first_paper_she_ever_published_is_the_oldest(sigrun: Engine) -> None:
    # was "The latest paper": "the first paper" read as the first item of a list in view
    assert headline_and_ids(sigrun, "what was the first paper she ever published")[0].startswith(
        "The oldest paper (Oct 7, 2015): Surge Dynamics of Brúarjökull"
    )


@pytest.mark.parametrize("message", ["thx bot, that's all for now!", "thanks, that's all"])
def test_that_s_all_closes_the_conversation(mateo: Engine, message: str) -> None:
    # was "All 23 papers on Mateo Quinteros-Lindahl's profile"
    headline, ids = headline_and_ids(mateo, message)
    assert headline.startswith("You're welcome!")
    assert ids == []
