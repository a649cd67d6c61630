"""The profile page parser: the shipped profile's exact figures, synthetic pages, bad input."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from bot.corpus.latex import clean_latex
from bot.corpus.names import (
    _BENCH_SUFFIX,
    _KIND_THEN_NAME,
    _NAME_THEN_APPOSITIVE,
    _NAME_THEN_KIND,
    _around_kind_words,
    _suffixed,
)
from bot.corpus.page_parser import ProfileError, _split_authors, parse_page, resolve_date
from bot.text import strip_invisible
from tests.conftest import AS_OF, SHIPPED_PAGE
from tests.pages import ROBOTICS, Page, PaperBlock


@pytest.fixture(scope="module")
def shipped_doc() -> dict:
    return parse_page(SHIPPED_PAGE.read_bytes(), str(SHIPPED_PAGE), AS_OF)


def test_shipped_profile_figures(shipped_doc: dict) -> None:
    papers = shipped_doc["papers"]
    assert len(papers) == 23
    assert Counter(p["year"] for p in papers) == {2020: 1, 2021: 1, 2022: 4, 2023: 11, 2025: 5, 2026: 1}
    assert sum(p["has_code"] for p in papers) == 8
    assert Counter(p["category"] for p in papers) == {"CV": 9, "CL": 10, "LG": 1, "AI": 2, "IR": 1}
    assert shipped_doc["researcher"] == {
        "name": "Guohai Xu",
        "primary_category": "CL",
        "h_index": 29,
        "paper_count": 23,
        "citations": 3988,
        "novelty": 50,
        "ai_score": 50,
        "as_of": "2026-11-26",
    }


def test_shipped_inferred_year(shipped_doc: dict) -> None:
    inferred = [p for p in shipped_doc["papers"] if p["year_inferred"]]
    assert [(p["id"], p["date"], p["system"]) for p in inferred] == [(18, "2026-02-15", "REDSearcher")]


def test_shipped_ids_follow_profile_order(shipped_doc: dict) -> None:
    assert [p["id"] for p in shipped_doc["papers"]] == list(range(1, 24))
    assert shipped_doc["papers"][0]["title"].startswith("mPLUG-2:")
    assert shipped_doc["papers"][-1]["title"].startswith("AliMe KG:")


def test_shipped_systems(shipped_doc: dict) -> None:
    systems = {p["id"]: p["system"] for p in shipped_doc["papers"]}
    assert systems == {
        1: "mPLUG-2",
        2: "mPLUG-Owl",
        3: "CValues",
        4: "AMBER",
        5: "mPLUG-DocOwl",
        6: "ChatPLUG",
        7: "X-CLIP",
        8: "mPLUG",
        9: "HiTeA",
        10: "UReader",
        11: "HaELM",
        12: "Youku-mPLUG",
        13: "DictBERT",
        14: "DeepEyes",
        15: "Cheems",
        16: "DeepEyesV2",
        17: "MLLM-Selector",
        18: "REDSearcher",
        19: None,
        20: "CPACE",
        21: "AMTSS",
        22: "AliMe MKG",
        23: "AliMe KG",
    }


def test_shipped_benchmarks(shipped_doc: dict) -> None:
    benchmarks = {p["id"]: p["benchmarks"] for p in shipped_doc["papers"] if p["benchmarks"]}
    assert benchmarks == {
        1: ["MSR-VTT"],
        2: ["OwlEval"],
        3: ["CValues"],
        4: ["AMBER"],
        5: ["LLMDoc"],
        7: ["MSR-VTT", "MSVD", "LSMDC", "DiDeMo", "ActivityNet"],
        9: ["Something-Something v2"],
        12: ["Youku-mPLUG"],
        13: ["CommonsenseQA", "OpenBookQA", "GLUE"],
        15: ["CheemsBench", "CheemsPreference"],
        16: ["RealX-Bench"],
        20: ["CommonsenseQA", "QASC", "OpenBookQA"],
        21: ["XNLI", "AliExpress"],
    }


def test_shipped_latex_never_reaches_corpus(shipped_doc: dict) -> None:
    for paper in shipped_doc["papers"]:
        for text in (paper["title"], paper["abstract"], *paper["authors"]):
            assert "\\" not in text, (paper["id"], text)
    chatplug = shipped_doc["papers"][5]
    assert "we further instruction tune ChatPLUG via unified" in chatplug["abstract"]
    dictbert = shipped_doc["papers"][12]
    assert "we propose DictBERT, a novel approach" in dictbert["abstract"]
    assert "0.5%, 2.9%, 9.0%, 7.1% and 3.3%" in dictbert["abstract"]


def test_shipped_links_and_authors(shipped_doc: dict) -> None:
    chatplug = shipped_doc["papers"][5]
    assert chatplug["links"] == [
        "https://modelscope.cn/models/damo/ChatPLUG-3.7B",
        "https://github.com/X-PLUG/ChatPLUG",
    ]
    assert shipped_doc["papers"][3]["links"] == ["https://github.com/junyangwang0410/AMBER"]
    assert shipped_doc["papers"][8]["authors"] == ["Qinghao Ye", "Guohai Xu", "Ming Yan"]
    assert all(p["authors_truncated"] for p in shipped_doc["papers"])


def test_shipped_introduced_names(shipped_doc: dict) -> None:
    introduces = {p["id"]: p["introduces"] for p in shipped_doc["papers"]}
    assert introduces[2] == ["mPLUG-Owl", "OwlEval"]
    assert introduces[15] == ["Cheems", "CheemsBench", "CheemsPreference"]
    assert introduces[16] == ["DeepEyesV2", "RealX-Bench"]
    assert introduces[21] == ["AMTSS"]  # it evaluates on AliExpress, it does not build it


# --- another researcher, other classes and names


@pytest.fixture(scope="module")
def robotics_doc() -> dict:
    return parse_page(ROBOTICS.text(), "robotics.txt", date(2025, 6, 1))


def test_other_profile_classes_and_dates(robotics_doc: dict) -> None:
    papers = robotics_doc["papers"]
    assert [(p["category"], p["date"], p["year_inferred"]) for p in papers] == [
        ("RO", "2024-03-03", False),
        ("SD", "2024-11-20", True),  # Nov 20 would lie after 2025-06-01: the year before
        ("CR", "2025-01-05", True),  # Jan 5 lies before 2025-06-01: that year
        ("LG", "2019-12-24", False),
    ]
    assert robotics_doc["researcher"]["name"] == "Ada Lovelace"
    assert robotics_doc["researcher"]["primary_category"] == "RO"
    assert robotics_doc["researcher"]["citations"] == 1204


def test_other_profile_names_and_latex(robotics_doc: dict) -> None:
    first, second, third, fourth = robotics_doc["papers"]
    assert first["title"] == "GraspNet-X: Learning Dexterous Grasps from Tactile Feedback"
    assert "91.2% success" in first["abstract"]
    assert first["system"] == "GraspNet-X"
    assert first["benchmarks"] == ["ImageNet", "YCB-Grasp"]
    assert first["links"] == ["https://github.com/example/graspnet-x"]
    assert first["authors"] == ["Ada Lovelace", "Tomás Müller", "Li Wei"]
    assert second["abstract"].startswith("We introduce EchoNav, an audio-visual")
    assert "EchoNav uses sound" in second["abstract"]
    assert second["benchmarks"] == ["LibriSpeech", "AudioSet", "SoundNavBench"]
    assert second["authors_truncated"] is False
    assert third["system"] == "SafeLink"
    assert fourth["system"] is None
    assert fourth["abstract"] == "We study when learned controllers stay stable, with ~10% overhead."


def test_crlf_bom_and_missing_final_newline(robotics_doc: dict) -> None:
    text = ROBOTICS.text().rstrip("\n").replace("\n", "\r\n")
    raw = b"\xef\xbb\xbf" + text.encode("utf-8")
    assert parse_page(raw, "crlf.txt", date(2025, 6, 1)) == robotics_doc


@pytest.mark.parametrize(
    "mark", ["\x00", "\x07", "\x0b", "\x1f", "\x7f", "\x85", "\x9f", "\u00ad", "\u200b", "\u202e", "\ufeff"]
)
def test_invisible_marks_change_nothing(robotics_doc: dict, mark: str) -> None:
    # an ASCII page, one with accents (both by bytes.translate) and one with a character past U+00FF
    # (the pattern) drop the same marks
    latin1 = ROBOTICS.text()
    assert max(map(ord, latin1)) < 0x100
    wide = latin1.replace("and", "and \u0141\u2014", 1)
    for page in (latin1.encode("ascii", "ignore").decode("ascii"), latin1, wide):
        marked = page.replace("Grasps", f"Gr{mark}asps").replace("policy", f"pol{mark}icy")
        assert strip_invisible(marked) == page.replace("\x00", "")
    text = ROBOTICS.text().replace("Grasps", "Gr\u200basps").replace("policy", "pol\x07icy")
    assert parse_page(text.encode("utf-8"), "marks.txt", date(2025, 6, 1)) == robotics_doc


def test_year_less_dates_around_as_of() -> None:
    as_of = date(2026, 2, 15)
    assert resolve_date(2, 15, None, as_of) == (date(2026, 2, 15), True)
    assert resolve_date(2, 16, None, as_of) == (date(2025, 2, 16), True)
    assert resolve_date(12, 31, None, as_of) == (date(2025, 12, 31), True)
    assert resolve_date(2, 29, None, as_of) == (date(2024, 2, 29), True)
    assert resolve_date(3, 1, 2020, as_of) == (date(2020, 3, 1), False)


# --- bad input: one clear error naming the line and what was expected


def _error(text: str | bytes) -> ProfileError:
    with pytest.raises(ProfileError) as caught:
        parse_page(text, "bad.txt", date(2025, 6, 1))
    return caught.value


def _lines(page: Page) -> list[str]:
    return page.text().split("\n")


def _with_line(line_no: int, replacement: str | None) -> str:
    lines = _lines(ROBOTICS)
    if replacement is None:
        del lines[line_no - 1]
    else:
        lines[line_no - 1] = replacement
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("", 1, "the file is empty"),
        ("\n\n  \n", 1, "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, "expected a text file, found binary data"),
        (b"Ada\n\nRO\nh-index\xff\xfe", 4, "expected UTF-8 text"),
    ],
)
def test_unreadable_files(text: str | bytes, line: int, expected: str) -> None:
    error = _error(text)
    assert (error.line, error.source) == (line, "bad.txt")
    assert expected in error.message


def test_bad_header_statistic() -> None:
    error = _error(_with_line(4, "h-indexXX"))
    assert error.line == 4
    assert error.message == "expected a whole number for h index, got 'XX'"


def test_bad_citation_number() -> None:
    error = _error(_with_line(6, "1,2,04citations"))
    assert (error.line, error.message) == (6, "expected a whole number for citations, got '1,2,04'")


def test_unknown_statistic_line() -> None:
    error = _error(_with_line(7, "Impact: high"))
    assert error.line == 7
    assert error.message.startswith("expected a profile statistic such as 'h-index29'")


def test_bad_primary_class() -> None:
    error = _error(_with_line(3, "Robotics"))
    assert error.line == 3 and "expected the primary arXiv class" in error.message


def test_count_line_differs_from_blocks() -> None:
    error = _error(_with_line(10, "5 Papers"))
    assert error.line == 10
    assert error.message == "the page says 5 papers here but 4 paper blocks follow"


def test_malformed_count_line() -> None:
    error = _error(_with_line(10, "four Papers"))
    assert (error.line, error.message) == (10, "expected a whole number for the paper count, got 'four'")


def test_malformed_paper_header() -> None:
    error = _error(_with_line(12, "RO March 3, 2024"))
    assert error.line == 12
    assert error.message.startswith("expected a paper header: class, date and optional 'Code'")
    assert "'RO March 3, 2024'" in error.message


def test_impossible_date() -> None:
    error = _error(_with_line(12, "ROFeb 30, 2024Code"))
    assert (error.line, error.message) == (12, "expected a real calendar date, got 'Feb 30, 2024'")


def test_unknown_month() -> None:
    error = _error(_with_line(12, "ROMay 3, 2024Code".replace("May", "Mai")))
    assert (error.line, error.message) == (12, "expected a month abbreviation (Jan … Dec), got 'Mai'")


def test_block_without_title() -> None:
    lines = _lines(ROBOTICS)
    del lines[12]  # the first paper's title
    error = _error("\n".join(lines))
    assert error.line == 13
    assert error.message == "expected the paper's title on the line after its header"


def test_block_without_authors() -> None:
    page = Page(papers=[PaperBlock("ROMar 3, 2024", "A Title", "Ada Lovelace", "An abstract.")])
    lines = _lines(page)
    del lines[14:16]  # the authors line and the blank after it
    error = _error("\n".join(lines))
    assert error.line == 15
    assert error.message == "expected the authors as 'A, B, C et al.', got 'An abstract.'"


def test_block_without_abstract() -> None:
    lines = _lines(ROBOTICS)
    del lines[16:18]  # the first abstract and the blank after it
    error = _error("\n".join(lines))
    assert error.line == 17
    assert error.message == (
        "expected the abstract of 'GraspNet-X: Learning Dexterous Grasps from \\textbf{Tactile}…' after a blank line"
    )


def test_last_block_without_abstract() -> None:
    lines = _lines(ROBOTICS)[:-3]  # drop the last abstract
    error = _error("\n".join(lines))
    assert "expected the abstract of 'On the Stability of Learned Controllers'" in error.message
    assert error.line == len(lines) + 1


def test_stray_line_is_never_dropped() -> None:
    lines = _lines(ROBOTICS)
    lines.insert(13, "a stray subtitle")  # straight after the first title
    error = _error("\n".join(lines))
    assert (error.line, error.message) == (14, "expected a blank line after the title, then the authors")


def test_header_glued_to_abstract() -> None:
    lines = _lines(ROBOTICS)
    del lines[17]  # the blank line between the first abstract and the next header
    error = _error("\n".join(lines))
    assert (error.line, error.message) == (18, "expected a blank line before the next paper header")


def test_name_line_must_be_alone() -> None:
    lines = _lines(ROBOTICS)
    del lines[1]
    error = _error("\n".join(lines))
    assert (error.line, error.message) == (2, "expected the researcher's name alone on line 1, then a blank line")


def test_author_names_in_many_styles() -> None:
    authors = "J. Smith, Stéphane d'Ascoli, Ali al-Farabi, Jan van der Berg, 王小明, O'Neil McKay et al."
    page = Page(papers=[PaperBlock("LGMar 3, 2024", "A Title", authors, "An abstract.")])
    paper = parse_page(page.text(), "names.txt", date(2025, 6, 1))["papers"][0]
    assert paper["authors"] == [
        "J. Smith",
        "Stéphane d'Ascoli",
        "Ali al-Farabi",
        "Jan van der Berg",
        "王小明",
        "O'Neil McKay",
    ]
    assert paper["authors_truncated"] is True


@pytest.mark.parametrize(
    ("line", "authors", "truncated"),
    [
        ("Ann Lee, Bo Li, Cy Wu et al.", ["Ann Lee", "Bo Li", "Cy Wu"], True),
        ("Ann Lee,Bo Li , Cy Wu,", ["Ann Lee", "Bo Li", "Cy Wu"], False),
        ("Mandy Band, Sandra Anderson", ["Mandy Band", "Sandra Anderson"], False),
        ("Ann Lee and Bo Li", ["Ann Lee", "Bo Li"], False),
        ("Ann Lee; Bo  Li", ["Ann Lee", "Bo Li"], False),
        ("Ann\tLee, Bo Li et al", ["Ann Lee", "Bo Li"], True),
    ],
)
def test_author_lines_split_on_commas_and_and_semicolons(line: str, authors: list[str], truncated: bool) -> None:
    assert _split_authors(line) == (authors, truncated)


@pytest.mark.parametrize(
    "name",
    ["Maria de los Ángeles Ruiz", "Ibn Sina Rahman", "Tom ten Brink", "Anna dos Santos e Silva", "Omar bin Abdullah"],
)
def test_names_with_particles_are_names(name: str) -> None:
    # one unread name used to make the whole page fail to parse
    page = Page(papers=[PaperBlock("ROMar 3, 2024", "A Title", f"{name}, Jan Vogel et al.", "An abstract.")])
    paper = parse_page(page.text(), "particles.txt", date(2025, 6, 1))["papers"][0]
    assert paper["authors"] == [name, "Jan Vogel"]


@pytest.mark.parametrize(
    ("researcher", "authors", "spellings", "people"),
    [
        # with and without middle initials; "J. R. Hollis" keeps his (no "J. Hollis" to be one with)
        (
            "Annelies van der Zwaan",
            [
                "Annelies van der Zwaan, J. R. Hollis",
                "Annelies M. van der Zwaan, Daniel Hirsch",
                "Daniel K. Okonkwo, Annelies van der Zwaan",
            ],
            {"Annelies van der Zwaan", "Annelies M. van der Zwaan"},
            {"Annelies van der Zwaan", "J. R. Hollis", "Daniel Hirsch", "Daniel K. Okonkwo"},
        ),
        # the researcher in another name order or shorter; co-authors "Li Wei" and "Wei Li" stay two
        (
            "Trần Minh Khuê",
            ["Trần Minh Khuê, Li Wei", "Minh Khuê Trần, Wei Li", "Khuê Trần, Kevin Zhang"],
            {"Trần Minh Khuê", "Minh Khuê Trần", "Khuê Trần"},
            {"Trần Minh Khuê", "Li Wei", "Wei Li", "Kevin Zhang"},
        ),
    ],
)
def test_one_researcher_however_the_page_spells_them(
    researcher: str, authors: list[str], spellings: set[str], people: set[str]
) -> None:
    from bot.corpus.model import Corpus

    blocks = [PaperBlock(f"MEMar {3 - i}, 2024", f"Paper {i}", line, "A.") for i, line in enumerate(authors)]
    corpus = Corpus.from_document(parse_page(Page(name=researcher, papers=blocks).text(), "p.txt", date(2026, 11, 27)))
    person = corpus.people[corpus.researcher_key]
    assert (person.name, len(person.papers), set(person.spellings)) == (researcher, len(authors), spellings)
    assert {p.name for p in corpus.people.values()} == people


def test_a_name_with_a_generational_suffix() -> None:
    """ "Marcus Ellison Jr." ends with a full stop like a sentence, and is still a name."""
    page = Page(
        papers=[PaperBlock("HCMar 3, 2024", "Threads", "Kevin Zhang, Ada Lovelace, Marcus Ellison Jr. et al.", "A.")]
    )
    document = parse_page(page.text(), "p.txt", date(2026, 11, 27))
    assert document["papers"][0]["authors"] == ["Kevin Zhang", "Ada Lovelace", "Marcus Ellison Jr."]
    assert document["papers"][0]["authors_truncated"] is True


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"of $S_8$ from", "of S8 from"),
        (r"$S_8 = 0.791 \pm 0.017$", "S8 = 0.791 ± 0.017"),
        (r"$\sigma_8 = 0.803$", "σ8 = 0.803"),
        (r"$H_0 = 72.1 \pm 1.3$ km", "H0 = 72.1 ± 1.3 km"),
        (r"$0.01 < k < 5\,h\,\mathrm{Mpc}^{-1}$", "0.01 < k < 5 h Mpc^-1"),
        (r"$\Sigma m_\nu$", "Σ mν"),
        (r"$R^2 = 0.41$", "R^2 = 0.41"),
        (r"in $O(k^6/\epsilon^4)$ time", "in O(k^6/ε^4) time"),
        (r"$\sigma_{\rm NMAD}$", "σ NMAD"),  # a long index is a word of its own
        (r"$\epsilon_{PEHE}$", "ε PEHE"),
        (r"$\sim$10%", "~10%"),
        # operators by their names ("O(n n)" and "ν" lost them), a symbol glued to the next one
        (r"in $O(n \log n)$ time", "in O(n log n) time"),
        (r"Deep Learning $\nu_{\max}$ and $\Delta\nu$", "Deep Learning νmax and Δν"),
        (r"$\mathrm{poly}(n)$", "poly(n)"),
    ],
)
def test_formulas_read_as_people_type_them(latex: str, text: str) -> None:
    assert clean_latex(latex) == text


@pytest.mark.parametrize(
    "text",
    [
        "We release FooBench-BarBench and MMBench, SEED-Bench and LVLM-eHub.",
        "-FooBench, _FooBench, FooBenchEval, a BenchBench b, FooBench.",
        "x FooBench_2 y, Ünicode-Bench, GSM8K-Eval! and Bench alone",
        "no suffix here",
    ],
)
def test_names_ending_in_bench_are_found_as_the_pattern_finds_them(text: str) -> None:
    # the substring-led scan reads the words the suffix pattern alone would, and finds the same names
    assert [m.group(1) for m in _suffixed(text)] == [m.group(1) for m in _BENCH_SUFFIX.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "We build FooSet dataset, BarQA, a new multilingual benchmark, and the benchmark named Baz-2.",
        "X dataset benchmark Y. datasets Z:  W\tdataset, _a dataset, -b dataset, v2.0. dataset, a+ corpus.",
        "Evaluation Benchmark QuxEval, a testbed; foo, the test set; Foo.Bar, an evaluation set of 3 tasks.",
        "FooNet, a large, new dataset; MegaNet, an open suite, and the Corpus OmniCorp, an corpus",
        "Ünicode-Set dataset, ÄBC, a dataset",
        "no kind word here, a name, the end",
    ],
)
def test_names_beside_kind_words_are_found_as_the_patterns_find_them(text: str) -> None:
    # tried only where a match around a kind word can begin, the patterns find what they find alone
    alone = [m.span() for p in (_KIND_THEN_NAME, _NAME_THEN_APPOSITIVE, _NAME_THEN_KIND) for m in p.finditer(text)]
    assert [m.span() for m in _around_kind_words(text)] == alone
