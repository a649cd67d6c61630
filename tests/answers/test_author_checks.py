"""Whether a person is listed on one paper, and where: the paper named, or described by its words."""

from __future__ import annotations

import pytest

from bot.engine import Engine

pytestmark = pytest.mark.usefixtures("pinned_today")


def ask(engine: Engine, text: str) -> str:
    return engine.ask(text, ("tester", text)).headline


def test_a_position_asked_of_a_described_paper_names_who_holds_it(tomas: Engine) -> None:
    assert ask(tomas, "is he first author on the Meta-World paper?") == (
        "No: the first listed author of Gradient Routing for Multi-Task Reinforcement Learning in Meta-World is "
        "Ingrid Solberg; Tomás Albuquerque-Reyes is the second listed author "
        "(Ingrid Solberg, Tomás Albuquerque-Reyes, Rafael Duarte et al.)."
    )
    # said as a statement to confirm: the same check
    assert ask(tomas, "he was first author on the Meta-World paper, right?").startswith(
        "No: the first listed author of Gradient Routing for Multi-Task Reinforcement Learning in Meta-World is "
    )
    assert ask(tomas, "is Ingrid Solberg first author on the Meta-World paper?").startswith(
        "Yes: Ingrid Solberg is the first listed author of Gradient Routing"
    )


def test_the_senior_author_is_the_last_and_a_cut_list_does_not_show_it(tomas: Engine) -> None:
    for question in ("DexBridge senior/last author?", "who is the senior author of DexBridge"):
        assert ask(tomas, question) == (
            "The last listed author of DexBridge is Haruto Mori, but the page cuts the list short (et al.), "
            "so the real last author is not shown."
        )


def test_an_author_of_a_paper_described_by_its_words(priya: Engine) -> None:
    assert ask(priya, "who's the first author on the statin paper?") == (
        "The first listed author of Statin Initiation and Incident Dementia: A Target Trial Emulation in the "
        "UK Biobank is Inés Arrieta."
    )
    assert ask(priya, "who's the last author on OrthoNet?").startswith(
        "The last listed author of Orthogonal Representation Learning for Conditional Average Treatment Effect "
        "Estimation is Théo Marchand, but the page cuts the list short"
    )
    assert ask(priya, "is Marcus Feld one of the authors on the statin study?") == (
        "No: Marcus Feld is not among the listed authors of Statin Initiation and Incident Dementia: A Target "
        "Trial Emulation in the UK Biobank (Inés Arrieta, Priya Raghunathan, Daniel Okafor et al.). The page lists "
        "only the first authors, so a name further down the list would not show."
    )


def test_a_nickname_and_a_title_name_the_researcher(oluwaseun: Engine) -> None:
    # "Seun" ends "Oluwaseun" and no title or abstract uses it outside a link; "Dr." is dropped
    assert ask(oluwaseun, "how many papers does Seun have?").startswith("Oluwaseun Adeyemi-Clarke has 16 papers")
    assert ask(oluwaseun, "papers where Dr. Adeyemi-Clarke is last author") == (
        "Oluwaseun Adeyemi-Clarke is the last listed author of 1 paper:"
    )  # the last of a list cut short ("... et al.") is not the last author


def test_a_solo_paper_has_no_last_author_only_its_one_author(ruth: Engine) -> None:
    assert ask(ruth, "papers where she is the last author").startswith(
        "Ruth Okafor is the last listed author of 5 papers:"
    )  # not her solo paper, though its one author is also its last
    assert ask(ruth, "is she the last author of the synaptic scaling paper?") == (
        "Ruth Okafor is the only listed author of Synaptic Scaling Stabilises Hebbian Learning in Balanced "
        "Excitatory-Inhibitory Networks: a solo paper, not a last author."
    )
    assert ask(ruth, "who is the last author of the synaptic scaling paper?") == (
        "Ruth Okafor wrote Synaptic Scaling Stabilises Hebbian Learning in Balanced Excitatory-Inhibitory Networks "
        "alone: the only listed author."
    )


def test_the_researcher_missing_from_a_cut_list_is_said_to_be_cut_off(yusuf: Engine) -> None:
    assert ask(yusuf, "is yusuf an author on the whose breakfast cultural defaults paper?") == (
        "Yes: Whose Breakfast? Measuring Cultural Defaults in Multilingual Chat Assistants is on Yusuf "
        "Demir-Halvorsen's profile, but the page lists only its first authors (Aoife O'Sullivan, Elif Şahin, Rania "
        "Haddad et al.), so where Yusuf Demir-Halvorsen comes in the list is not shown."
    )
    assert ask(yusuf, "is he on TruthProbe?").startswith("Yes: Yusuf Demir-Halvorsen is the first listed author")


def test_the_researcher_missing_from_a_list_cut_short_is_still_its_author() -> None:
    from datetime import date

    from bot.corpus.model import Corpus
    from bot.corpus.page_parser import parse_page
    from tests.pages import Page, PaperBlock

    page = Page(
        name="Test Person",
        papers=[
            PaperBlock(
                "OCJul 11, 2023",
                "Robust Ambulance Location",
                "Ana Souza, Kwame Mensah, Ingrid Berg et al.",
                "We locate ambulances under uncertain demand.",
            ),
            PaperBlock("OCJan 5, 2022", "Nurse Rostering", "Ana Souza, Test Person", "We roster nurses."),
        ],
    )
    engine = Engine(Corpus.from_document(parse_page(page.text(), "amb.txt", date(2026, 11, 27))))
    # every paper on the page is the researcher's: "No" would be the opposite of the truth
    assert ask(engine, "is she an author on the ambulance paper?") == (
        "Yes: Robust Ambulance Location is on Test Person's profile, but the page lists only its first authors "
        "(Ana Souza, Kwame Mensah, Ingrid Berg et al.), so where Test Person comes in the list is not shown."
    )
    assert ask(engine, "is Ana Souza an author on the ambulance paper?").startswith("Yes: Ana Souza is the first")
