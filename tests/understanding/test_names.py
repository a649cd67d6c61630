"""People named as people type them: surnames with apostrophes, first and last name of a long name, one
part of a hyphenated given or family name, lower case, the researcher's own given name; a name nobody
here has is someone else; the researcher as the subject of "not an author". On a profile written here."""

from __future__ import annotations

from datetime import date

import pytest

from bot.corpus.model import Corpus
from bot.corpus.page_parser import parse_page
from bot.dialogue.conversation import ConversationState
from bot.engine import Engine
from bot.query import selection_text
from tests.pages import Page, PaperBlock

ROBOTICS = Page(
    name="Nadia Okafor",
    category="RO",
    papers=[
        PaperBlock(
            "ROMar 2, 2025Code",
            "Grasping at Scale",
            "Maria de los Ángeles Ruiz, Nadia Okafor, Siobhán O'Connor et al.",
            "We grasp 3,400 objects from 1,200 demonstrations.",
        ),
        PaperBlock("ROJun 9, 2024", "Legged Robots on Stairs", "Jan-Hendrik Vogel, Siobhán O'Connor", "We train legs."),
        PaperBlock(
            "ROJan 5, 2023",
            "Tactile Skins",
            "Nadia Brandt, Lucía Fernández-Ortega, Nadia Okafor, Anneke van der Meulen",
            "We sense touch.",
        ),
    ],
)


@pytest.fixture(scope="module")
def okafor() -> Engine:
    return Engine(Corpus.from_document(parse_page(ROBOTICS.text(), "robotics.txt", date(2026, 11, 27))))


@pytest.mark.parametrize(
    ("text", "selection"),
    [
        ("papers with O'Connor", "person[Siobhán O'Connor]"),
        ("anything with Maria Ruiz", "person[Maria de los Ángeles Ruiz]"),
        ("papers with jan vogel", "person[Jan-Hendrik Vogel]"),
        ("papers w/ maria garcia", "unknown[maria garcia]"),
        ("which papers is she not an author on?", "!person[Nadia Okafor]"),
        ("papers where she is not listed", "!person[Nadia Okafor]"),
        ("siobhan papers where nadia isn't first author", "person[Siobhán O'Connor] & !person[Nadia Okafor@1]"),
        ("stuff with lucia fernandez", "person[Lucía Fernández-Ortega]"),
        # a mistyped surname after its particles, and someone else with the same given name
        ("wat papers did she wirte wiht anneke van der muelen", "person[Anneke van der Meulen]"),
        ("papers with Anneke van den Berg", "unknown[Anneke van den Berg]"),
        # someone nobody here is, as the subject of a verb of authorship, is said to be nobody here
        ("what did Aviv Regev publish in 2024?", "unknown[Aviv Regev] & time[2024]"),
        # the researcher's own given name is the researcher, unless "with" or "other" makes it a namesake
        ("whats the newest thing nadia put out", ""),
        ("how many papers does nadia have in 2023?", "time[2023]"),
        ("papers with Nadia", "person[Nadia Brandt]"),
        ("what did she write with the other nadia?", "person[Nadia Brandt]"),
    ],
)
def test_names_as_people_type_them(okafor: Engine, text: str, selection: str) -> None:
    assert selection_text(okafor.understand(text, ConversationState()).selection) == selection


def test_a_number_is_of_the_noun_it_stands_before(okafor: Engine) -> None:
    answer = okafor.ask("how many demos did they use in Grasping at Scale?", ("names", "demos"))
    assert answer.headline == "The abstract of Grasping at Scale says 1,200 demonstrations."
