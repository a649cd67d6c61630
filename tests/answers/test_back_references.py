""" "that" and "this" as the subject of a verb point back at the paper in view ("when did that come out?")."""

from __future__ import annotations

import pytest

from bot.engine import Engine

pytestmark = pytest.mark.usefixtures("pinned_today")


def test_that_as_a_subject_is_the_paper_in_view(ayaan: Engine) -> None:
    chat = ("tester", "that paper")
    ayaan.ask("tell me about StreamRec", chat)
    answer = ayaan.ask("when did that come out?", chat)
    assert answer.headline.startswith("StreamRec was published on Mar 18, 2026")
    answer = ayaan.ask("was this published in 2023?", chat)
    assert answer.headline.startswith("No: StreamRec came out Mar 18, 2026")


def test_that_after_a_list_asks_which_paper_never_lists_every_paper(ayaan: Engine) -> None:
    # it answered with all 23 papers: "that" was no reference, so nothing filtered the list
    chat = ("tester", "that list")
    ayaan.ask("his conversational search papers?", chat)
    answer = ayaan.ask("when did that come out?", chat)
    assert answer.papers == ()
    assert answer.headline == "Which paper do you mean? Name it by its title or system name."
