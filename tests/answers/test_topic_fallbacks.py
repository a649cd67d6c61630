"""When a topic's concept finds nothing as written: its words each for themselves, then the wider
topic, of which only the nearest few when most of the profile is about it."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.answers.conftest import asked

pytestmark = pytest.mark.usefixtures("pinned_today")


def test_the_words_of_a_concept_found_apart(yara: Engine) -> None:
    # no abstract says "wastewater surveillance"; two say "wastewater" and "surveillance" (it was "none")
    _, _, ids = asked(yara, "anything on wastewater surveillance?")
    assert {1, 9} <= set(ids)


def test_a_wider_topic_most_papers_are_about_shows_its_nearest_few(tomas: Engine) -> None:
    headline, _, ids = asked(tomas, "HRI papers?")
    assert headline == "No paper is about HRI; closest 5 matches on a related topic:"
    assert len(ids) == 5 and {3, 12} <= set(ids)


def test_a_kind_of_care_is_not_the_whole_field(yara: Engine) -> None:
    # "vaccination" was a form of public health: every epidemiology paper before 2020 was "about" it
    chat = ("tester", "vaccines")
    yara.ask("what has she done on vaccines?", chat)
    answer = yara.ask("what about her older stuff, anything before 2020 about vaccination?", chat)
    assert [p.id for p in answer.papers] == [20]


def test_a_narrower_disease_name_finds_its_paper_only(yara: Engine) -> None:
    # "bird flu" found every influenza paper ("flu" inside it)
    _, _, ids = asked(yara, "does yara have anything on H5N1 / bird flu?")
    assert ids == [6]
