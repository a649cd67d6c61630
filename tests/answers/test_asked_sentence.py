"""A results question in its own words: the abstract sentence with a number that says most of them."""

from __future__ import annotations

import os

import pytest

from bot.answers.asked_sentence import best_numbered_sentence, question_words
from bot.engine import Engine


def test_the_word_given_a_value_wins_over_words_that_only_name_the_paper(wen: Engine) -> None:
    paper = wen.corpus.papers[0]
    found = best_numbered_sentence(paper, "what value of S8 did the DESI simulation-based inference paper end up with?")
    assert found is not None
    assert found[0].startswith("We obtain S8 = 0.791 ± 0.017")


def test_powers_are_one_word_however_written() -> None:
    assert question_words("R² in STS?") == question_words("R^2 in STS?") == {"r2", "sts"}


@pytest.mark.usefixtures("pinned_today")
def test_a_value_asked_in_the_question_s_words_is_quoted_from_its_sentence(ruth: Engine, zeynep: Engine) -> None:
    assert os.environ["PROFILE_BOT_TODAY"] == "2026-11-27"
    answer = ruth.ask("R² in STS vs dorsolateral PFC for the LLM encoding models?", ("tester", "r2"))
    assert answer.headline.startswith("Language Model Embeddings Predict fMRI")
    assert answer.headline.endswith(": 0.41 R^2.")  # R² is R-squared, not recall@2
    assert "R^2 = 0.41" in answer.note and "R^2 = 0.19" in answer.note
    answer = zeynep.ask("what elasticity did the double ML minimum wage paper get?", ("tester", "elasticity"))
    assert "ε = -0.06" in answer.note


@pytest.mark.usefixtures("pinned_today")
def test_a_yes_no_about_a_finding_quotes_the_sentence_that_says_it(wen: Engine, jonas: Engine) -> None:
    answer = wen.ask("is the diffusion deblender faster than scarlet?", ("tester", "deblender"))
    assert answer.headline == (
        "What the abstract of Diffusion Models for Deblending Galaxies in Rubin Observatory Images says:"
    )
    # a sentence without a number may be the answer: "the improvement is modest"
    answer = jonas.ask("did the pretraining help on band gaps too?", ("tester", "band gaps"))
    assert answer.note == "“On the Matbench band gap task the improvement is modest.”"
    # a list question with the same verb stays a list
    assert wen.ask("does she have papers that improve calibration?", ("tester", "list")).headline.startswith("Yes: ")
