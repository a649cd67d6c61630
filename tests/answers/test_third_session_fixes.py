"""Misses of eight profiles written by people who never read the code, fixed in the mechanism: a
phrase the papers write that holds an intent's word, "no-" joined to a term, the researcher asked
about on one paper, citations of part of a profile, a named paper set against one described after
"than the", the data of the paper in view."""

from __future__ import annotations

from bot.engine import Engine
from tests.answers.conftest import asked, engine_for, headline_and_ids


def _paulo() -> Engine:
    return engine_for("paulo_tuilagi-moreau.txt")


def _kaito() -> Engine:
    return engine_for("kaito_ferreira-lund.txt")


def test_a_phrase_the_papers_write_holding_an_intents_word_is_a_topic() -> None:
    # was "The profile page doesn't list funding or grants." ("sponsored")
    headline, ids = headline_and_ids(_paulo(), "sponsored search stuff")
    assert headline.startswith("2 papers about sponsored search") and sorted(ids) == [17, 20]
    assert headline_and_ids(_paulo(), "who sponsored his research?")[0].startswith(
        "The profile page doesn't list funding"
    )


def test_no_joined_to_a_term_the_papers_write_is_the_term() -> None:
    # was the fallback: "no-regret learning" read as papers not about regret learning
    headline, ids = headline_and_ids(_paulo(), "no-regret learning")
    assert headline.startswith("2 papers about no-regret learning") and sorted(ids) == [2, 19]
    assert headline_and_ids(_paulo(), "papers with no code")[0].startswith("13 papers without code")


def test_citations_of_part_of_the_profile_are_not_on_the_page() -> None:
    # was "Kaito Ferreira-Lund has 1,142 citations." for one paper typed in lower case
    headline, ids = headline_and_ids(_kaito(), "how many citations does tidewright have")
    assert headline.startswith("The profile page doesn't list citation counts of single papers") and ids == []
    assert (
        headline_and_ids(_kaito(), "how many citations does he have")[0] == "Kaito Ferreira-Lund has 1,142 citations."
    )


def test_a_named_paper_against_one_described_after_than_the() -> None:
    # was "No: the latest paper about ocean heat content intercomparison is ... (Jun 25, 2024); SSTNet-XL is
    # from Oct 14, 2024."
    headline, ids = headline_and_ids(_kaito(), "is SSTNet-XL newer than the ocean heat content intercomparison?")
    assert headline.startswith("Yes: SSTNet-XL (Oct 14, 2024) is newer than Ocean Heat Content")
    assert ids == [10, 9]


def test_arxiv_classes_are_the_papers_classes() -> None:
    headline, _ = headline_and_ids(_kaito(), "which arxiv classes does he publish in")
    assert headline.startswith("Kaito Ferreira-Lund's papers span 5 arXiv classes")


def test_the_researcher_asked_about_on_one_paper() -> None:
    # was "1 paper among KoraMT"
    amadou = engine_for("amadou_diallo-strand.txt")
    headline, ids = headline_and_ids(amadou, "is amadou actually on the KoraMT paper?")
    assert headline.startswith("Yes: KoraMT is on Amadou Diallo-Strand's profile, but the page lists only its first")
    assert ids == [9]
    assert headline_and_ids(amadou, "is he on the WoloST paper")[0] == (
        "Yes: Amadou Diallo-Strand is the second listed author of WoloST (Fatou Ndiaye, Amadou Diallo-Strand, "
        "Tomás Herrera)."
    )


def test_papers_that_do_not_list_her_among_the_shown_authors() -> None:
    # was "The paper about shown: ..."
    solveig = engine_for("solveig_haugen-ramos.txt")
    headline, ids = headline_and_ids(solveig, "which papers on her page don't even list her among the shown authors?")
    assert headline.startswith("2 papers not listing Solveig Haugen-Ramos") and sorted(ids) == [3, 17]


def test_the_data_of_the_paper_in_view() -> None:
    zanele = engine_for("zanele_mokoena-fischer.txt")
    conversation = ("tester", "data of it")
    zanele.ask("tell me about MoSurv", conversation)
    answer = zanele.ask("what data did it use", conversation)
    assert answer.headline == "MoSurv mentions 1 benchmark or dataset:" and "TCGA" in answer.text
    assert (
        zanele.ask("who's the first author", conversation).headline
        == "The first listed author of MoSurv is Kwame Asante."
    )


def test_a_real_word_is_not_respelt_as_a_shorter_singular() -> None:
    # "mitosis" was read as "mitos" (the singular retry took a letter away)
    _, text, ids = asked(engine_for("zanele_mokoena-fischer.txt"), "anything on mitosis detection")
    assert ids == [13] and "I read" not in text


def test_what_code_is_for_said_after_it_is_no_topic() -> None:
    # was "1 paper about reading ocean eddies about mesoscale eddies about run with code"
    question = (
        "sooo i was reading about ocean eddies last night and got curious lol, has kaito done anything on "
        "mesoscale eddies that comes with code i could actually run"
    )
    headline, ids = headline_and_ids(_kaito(), question)
    assert headline.startswith("Yes: 3 papers about mesoscale eddies with code") and sorted(ids) == [4, 11, 13]


def test_a_class_the_data_does_not_name_is_shown_by_its_letters_alone() -> None:
    # was "Class: GP (GP)"
    _, text, _ = asked(engine_for("aiko_brennan-mwale.txt"), "what's her latest paper")
    assert "\nClass: GP\n" in text and "GP (GP)" not in text
    _, text, _ = asked(_kaito(), "what's his latest paper")
    assert "Class: AO (Atmospheric and Oceanic Physics)" in text
