"""How many of something one paper's abstract says: the figure and the sentence it rests on."""

from __future__ import annotations

import pytest

from bot.engine import Engine

pytestmark = pytest.mark.usefixtures("pinned_today")


def ask(engine: Engine, text: str) -> str:
    return engine.ask(text, ("tester", text)).text


def test_a_unit_counted_by_name_is_found_written_as_its_sign(wen: Engine) -> None:
    # "1.6σ tension": sigma written as σ, right after the number
    assert ask(wen, "how many sigma is the S8 tension in the DESI paper?") == (
        "The abstract of Simulation-Based Inference of S8 from DESI Galaxy Clustering and Weak Lensing says 1.6σ.\n"
        "“The result is in 1.6σ tension with the Planck value.”"
    )


def test_two_questions_about_one_paper_keep_the_first_answers_quote(wen: Engine) -> None:
    text = ask(wen, "does her S8 result disagree with Planck? how many sigma")
    assert text.count("“The result is in 1.6σ tension with the Planck value.”") == 2


def test_a_study_s_count_of_a_word_the_page_counts_too(tobias: Engine) -> None:
    # "subjects" are also the page's arXiv subjects; "did they use" makes them the study's
    chat = ("tester", "subjects")
    tobias.ask("tell me about the HCP fingerprinting paper", chat)
    assert tobias.ask("how many subjects did they use?", chat).headline == (
        "The abstract of How Reliable Are Functional Connectome Fingerprints? A Test-Retest Study in the Human "
        "Connectome Project says 339 unrelated subjects."
    )
    assert ask(tobias, "how many subjects does he publish in?").startswith(
        "Tobias Ndiaye's papers span 5 arXiv classes"
    )
