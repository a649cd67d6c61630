"""A topic that holds a class's name ("financial NLP"), a metric the abstract never names, and a
question after a story that asks "can you tell me ...": misses of profiles written by people who
never read the code, fixed in the mechanism."""

from __future__ import annotations

from bot.engine import Engine
from tests.answers.conftest import asked, engine_for


def _farida() -> Engine:
    return engine_for("farida_lindqvist-okoro.txt")


def _mikkel() -> Engine:
    return engine_for("mikkel_adeyemi-rossi.txt")


def test_a_topic_holding_a_class_name_is_the_topic() -> None:
    farida = _farida()
    # was "5 papers in CL (Computation and Language) about financial"
    headline, _, ids = asked(farida, "what has she done in financial NLP")
    assert headline.startswith("6 papers about financial NLP") and sorted(ids) == [2, 7, 8, 12, 16, 20]
    assert asked(farida, "NLP papers")[0].startswith("5 papers in CL (Computation and Language)")


def test_a_metric_the_abstract_never_names_is_said_so_with_what_it_reports() -> None:
    # was "The abstract of SutureBot-2 does not mention that benchmark."
    answer = _mikkel().ask("success rate of SutureBot-2?", ("tester", "1"))
    assert answer.headline == (
        "The abstract of SutureBot-2 does not report a figure named success rate. What it reports:"
    )
    assert "completed 18 of 20 running sutures (90%)" in answer.text


def test_the_question_after_a_story_that_asks_can_you_tell_me() -> None:
    story = (
        "ok so im writing a lit review on surgical phase recognition and my supervisor said mikkel did a bunch "
        "of stuff with cholec80 so can you tell me which of his papers use cholec80 and whether they have code"
    )
    headline, _, ids = asked(_mikkel(), story)
    # ("and whether they have code": of those six)
    assert headline.startswith("6 papers mention Cholec80:") and sorted(set(ids)) == [3, 4, 10, 16, 18, 20]
    # a frame the message ends in asks nothing by itself
    zanele = engine_for("zanele_mokoena-fischer.txt")
    assert asked(zanele, "my supervisor said to check the panda dataset can you find it")[2]


def test_code_less_is_without_code() -> None:
    # was "2 papers with code from 2026": the opposite of what was asked
    ysolde = engine_for("ysolde_carvalho-nakamura.txt")
    assert asked(ysolde, "code-less papers from 2026")[0].startswith("2 papers without code from 2026")
    assert asked(ysolde, "codeless papers")[0].startswith("13 papers without code")
    # "free" of "code-free" stays a topic's word elsewhere
    assert asked(engine_for("chiara_lindqvist-okoro.txt"), "cell free mimo")[2] == [21, 2]


def test_a_short_word_is_not_read_as_a_shorter_name() -> None:
    # was the venue answer: "chip" read as "CHI" (the conference)
    olamide = engine_for("olamide_fischer-tanaka.txt")
    headline, _, ids = asked(olamide, "chip placement papers")
    assert headline.startswith("7 papers about chip placement") and {3, 7, 12, 18} <= set(ids)
