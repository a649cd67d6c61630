"""Words that look like a filter but belong to a topic or a paper ("bosonic codes", "the non-manual
markers paper", "GMPE"), and long messages that tell the asker's story before the question."""

from __future__ import annotations

import pytest

from bot.dialogue.conversation import ConversationState
from bot.engine import Engine
from bot.query import selection_text
from tests.answers.conftest import asked, headline_and_ids

pytestmark = pytest.mark.usefixtures("pinned_today")


def understood(engine: Engine, text: str) -> str:
    return selection_text(engine.understand(text, ConversationState()).selection)


def test_a_kind_of_code_is_a_topic_not_source_code(lars: Engine) -> None:
    # was "Yes: 10 papers with code": "codes" read as source code, and the unknown topics dropped
    headline, ids = headline_and_ids(lars, "does he work on GKP or bosonic codes")
    assert headline == "No: none of Lars Oyekunle-Marchetti's 23 papers is about “GKP” or “bosonic codes”."
    assert ids == []
    assert understood(lars, "papers about color codes with code") == "topic[color codes] & code"


@pytest.mark.parametrize(
    "question", ["which papers have code?", "any papers sharing code", "his open source code papers", "papers w/ code"]
)
def test_code_said_as_given_by_the_papers_still_filters(lars: Engine, question: str) -> None:
    assert "code" in understood(lars, question).split(" & ")


def test_an_acronym_is_not_a_slip_of_a_shorter_benchmark_missing_its_first_letter(aiko: Engine) -> None:
    # was "None of Aiko Brennan-Mwale's 23 papers mentions Multi-Agent Particle Environment."
    headline, ids = headline_and_ids(aiko, "any GMPE papers?")
    assert headline == "5 papers about GMPE, most relevant first:"
    assert {3, 6, 15, 18} <= set(ids)


def test_a_database_after_a_benchmark_s_name_is_the_benchmark(aiko: Engine) -> None:
    # was "2 papers mentioning NGA-West2 about database"
    assert understood(aiko, "anything on the NGA West 2 database") == "benchmark[NGA-West2]"
    assert asked(aiko, "which databases does she use most")[0].startswith("10 benchmarks and datasets appear in")


def test_non_joined_to_a_word_the_papers_write_is_a_term_not_a_negation(noemi: Engine) -> None:
    # was "The oldest paper other than Hands Are Not Enough ... and other than AdaSign": "non-" negated
    headline, ids = headline_and_ids(noemi, "which came first, the non-manual markers paper or AdaSign")
    assert headline.startswith("The older of the two is Hands Are Not Enough")
    assert ids == [7, 8]
    assert understood(noemi, "non-CV papers") == "!class[CV]"


def test_a_description_named_beside_it_or_continued_after_and_is_no_filter(aiko: Engine, noemi: Engine) -> None:
    # was "The oldest paper about groningen among CascadePick or among Bayesian ...": the words after
    # "and" became a filter that left CascadePick (the older one) out
    headline, ids = headline_and_ids(
        aiko, "which came first: CascadePick or the Bayesian ground-motion paper on Oklahoma and Groningen"
    )
    assert headline.startswith("The older of the two is CascadePick (Mar 15, 2021)")
    assert ids == [17, 18]
    question = "which came first, the non-manual markers paper (Hands Are Not Enough) or AdaSign"
    assert "topic" not in understood(noemi, question)
    assert headline_and_ids(noemi, question)[1] == [7, 8]


def test_a_benchmark_s_name_inside_longer_names_is_all_of_them(noemi: Engine) -> None:
    # "PHOENIX": RWTH-PHOENIX-Weather 2014 and 2014T too; was 22 papers "not mentioning" it
    assert len(headline_and_ids(noemi, "papers that use PHOENIX")[1]) == 9
    headline, ids = headline_and_ids(noemi, "which of her papers don't use PHOENIX")
    assert headline == "14 papers not mentioning PHOENIX, newest first:"
    assert sorted(ids) == [2, 5, 6, 8, 9, 10, 12, 13, 14, 17, 19, 21, 22, 23]


def test_a_phone_a_system_runs_on_is_no_contact_question(noemi: Engine) -> None:
    assert (
        headline_and_ids(noemi, "how fast does StreamSign run on a phone")[0]
        == "StreamSign on phone: 31 frames per second."
    )
    assert asked(noemi, "what is her phone number?")[0].startswith("The profile page doesn't list contact details")


@pytest.mark.parametrize(
    ("fixture", "message", "query"),
    [
        (
            "noemi",
            "ok so im writing the related work section of my thesis on sign language translation and my advisor "
            "told me to look at noemi's stuff, which of her translation papers have code 🙏",
            "topic[translation] & code",
        ),
        (
            "aiko",
            "hello! i was reading about earthquake early warning after the last big quake and i wanted to know "
            "whether aiko has any early warning papers that come with code, thanks in advance",
            "topic[early warning] & code",
        ),
    ],
)
def test_the_question_after_the_asker_s_story(
    request: pytest.FixtureRequest, fixture: str, message: str, query: str
) -> None:
    # was the education gap ("my thesis") and "No papers about reading earthquake early warning big quake ..."
    assert understood(request.getfixturevalue(fixture), message) == query


def test_a_reason_of_the_asker_s_after_the_question_is_dropped(lars: Engine) -> None:
    message = (
        "ok so i was reading about surface codes and decoders and i was wondering if lars has anything on "
        "running decoders on fpgas because my lab is trying to do that, thx"
    )
    query = understood(lars, message)
    assert "lab" not in query and "surface" not in query
    assert headline_and_ids(lars, message)[1][:1] == [1]


def test_a_name_joined_by_a_plus_is_found_as_written(lars: Engine) -> None:
    # was "None of Lars Oyekunle-Marchetti's 23 papers mentions BP OSD."
    headline, ids = headline_and_ids(lars, "papers using BP+OSD")
    assert headline == "3 papers mention BP OSD:"
    assert sorted(ids) == [4, 10, 14]
