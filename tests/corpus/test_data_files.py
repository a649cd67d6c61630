"""Every shipped data file loads and holds what the bot relies on."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import yaml

from bot.corpus.categories import categories, category_name, class_names
from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.loading import load_corpus, read_corpus_document
from bot.corpus.page_parser import parse_page_file
from bot.paths import BENCHMARKS_FILE, DATA_DIR
from bot.text import compact
from bot.yaml_io import load_data_file
from tests.conftest import SHIPPED_CORPUS, SHIPPED_PAGE

CS_CLASSES = [
    "AI",
    "AR",
    "CC",
    "CE",
    "CG",
    "CL",
    "CR",
    "CV",
    "CY",
    "DB",
    "DC",
    "DL",
    "DM",
    "DS",
    "ET",
    "FL",
    "GL",
    "GR",
    "GT",
    "HC",
    "IR",
    "IT",
    "LG",
    "LO",
    "MA",
    "MM",
    "MS",
    "NA",
    "NE",
    "NI",
    "OH",
    "OS",
    "PF",
    "PL",
    "RO",
    "SC",
    "SD",
    "SE",
    "SI",
    "SY",
]


def test_shipped_corpus_is_in_sync_with_page() -> None:
    shipped = read_corpus_document(SHIPPED_CORPUS)

    reparsed = parse_page_file(SHIPPED_PAGE, date.fromisoformat(shipped["researcher"]["as_of"]))
    assert reparsed == shipped, (
        "data/guohai_xu.yaml is stale: run `python -m bot parse data/guohai_xu.txt -o data/guohai_xu.yaml`"
    )


def test_page_and_corpus_load_alike() -> None:
    from_yaml = load_corpus(SHIPPED_CORPUS)
    from_page = load_corpus(SHIPPED_PAGE, from_yaml.researcher.as_of)
    assert from_yaml.papers == from_page.papers
    assert from_yaml.researcher == from_page.researcher


def test_every_cs_class_has_a_name() -> None:
    assert set(CS_CLASSES) <= set(categories())
    assert category_name("CV") == "Computer Vision and Pattern Recognition"
    assert category_name("CL") == "Computation and Language"
    assert category_name("ZZ") == "ZZ"


def test_classes_of_other_archives_have_names_and_shared_letters_name_both() -> None:
    assert category_name("ME") == "Methodology (statistics)"
    assert category_name("EM") == "Econometrics"
    assert category_name("GA") == "Astrophysics of Galaxies"
    assert category_name("CO") == "Computation (statistics), Cosmology and Nongalactic Astrophysics or Combinatorics"
    assert all(len(code) == 2 and code.isupper() for code in categories())
    assert categories()["CV"].computer_science and not categories()["AP"].computer_science


def test_shared_letters_take_the_archive_of_the_pages_other_classes() -> None:
    assert class_names(["PR", "OC", "CO"])["CO"] == "Combinatorics"  # probability, optimisation: math
    assert class_names(["GA", "CO"])["CO"] == "Cosmology and Nongalactic Astrophysics"
    assert class_names(["ME", "AP", "CO"]) == {
        "ME": "Methodology (statistics)",
        "AP": "Applications (statistics)",
        "CO": "Computation (statistics)",
    }
    assert class_names(["PR", "AP"])["AP"] == "Analysis of PDEs"
    # nothing to go by: computer science's class, else every name
    assert class_names(["CV"])["CV"] == "Computer Vision and Pattern Recognition"
    assert class_names(["LG", "CV", "DS"])["DS"] == "Data Structures and Algorithms"
    assert class_names(["PR", "CV", "DS"])["CV"] == "Complex Variables"
    assert class_names(["CO"])["CO"] == category_name("CO")
    assert class_names(["ZZ"]) == {"ZZ": "ZZ"}


def test_quantitative_finance_letters_read_beside_its_other_classes() -> None:
    # ST on a page of trading and risk papers is Statistical Finance, not Statistics Theory
    names = class_names(["TR", "ST", "CP", "RM", "PM", "GN"])
    assert names["ST"] == "Statistical Finance"
    assert names["GN"] == "General Finance"
    assert names["CP"] == "Computational Finance"
    assert class_names(["PR", "OC", "ST"])["ST"] == "Statistics Theory (mathematics)"


def test_graphics_is_graphics_beside_computer_science() -> None:
    # a second "GR" entry (math's Group Theory) once replaced the first: a CV page showed "GR (Group Theory)"
    assert class_names(["CV", "RO", "GR"])["GR"] == "Graphics"
    assert class_names(["AG", "NT", "GR"])["GR"] == "Group Theory"


def test_a_dataset_s_sibling_is_no_alias_of_it() -> None:
    # "which papers use MD22?" listed the MD17 papers when MD22 was an alias of MD17
    gazetteer = default_gazetteer()
    assert gazetteer.canonical("MD22") == "MD22" and gazetteer.canonical("rMD17") == "MD17"
    assert gazetteer.canonical("SMACv2") == "SMAC v2"  # an edition: its papers also mention SMAC
    assert gazetteer.canonical("10K") is None  # ten thousand, not a company's 10-K filing
    assert gazetteer.canonical("fever") is None and gazetteer.canonical("FEVER") == "FEVER"


def test_an_ampersand_joins_a_name_as_a_hyphen_does() -> None:
    # "S&P 500" was never found in an abstract: "&" was no separator the names allow
    gazetteer = default_gazetteer()
    assert [m.name for m in gazetteer.find("returns of S&P 500 constituents and the S&P500 index")] == [
        "S&P 500",
        "S&P 500",
    ]


def test_no_data_file_repeats_a_key() -> None:
    # YAML keeps the last of two equal keys without a word: a repeated entry silently replaces the first
    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[object, object]:
        keys = [loader.construct_object(key) for key, _ in node.value]
        repeated = {k for k in keys if keys.count(k) > 1}
        assert not repeated, f"{node.start_mark}: {sorted(map(str, repeated))}"
        return loader.construct_mapping(node)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    for path in sorted(DATA_DIR.glob("*.yaml")):
        if path.name != "guohai_xu.yaml":
            yaml.load(path.read_text(encoding="utf-8"), Loader=Strict)


def test_every_sense_is_one_of_the_class_archives() -> None:
    for category in categories().values():
        assert set(category.senses) <= set(category.archives), category.code
        assert not category.senses or len(category.senses) >= 2, category.code


def test_category_aliases_are_unique() -> None:
    owners: dict[str, list[str]] = defaultdict(list)
    for code, category in categories().items():
        for alias in (category.name, *category.aliases):
            owners[compact(alias)].append(code)
    assert {alias: codes for alias, codes in owners.items() if len(set(codes)) > 1} == {}


def test_gazetteer_size_and_unique_spellings() -> None:
    entries = load_data_file(BENCHMARKS_FILE)["benchmarks"]
    assert len(entries) >= 150
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for spelling in (entry["name"], *entry.get("aliases", ())):
            owners[compact(spelling)].add(entry["name"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_gazetteer_aliases_and_spacing() -> None:
    gazetteer = default_gazetteer()
    cases = {
        "MSR-VTT": "MSR-VTT",
        "msrvtt": "MSR-VTT",
        "MSR VTT": "MSR-VTT",
        "CSQA": "CommonsenseQA",
        "Commonsense QA": "CommonsenseQA",
        "OBQA": "OpenBookQA",
        "NQ": "Natural Questions",
        "SSv2": "Something-Something v2",
        "ImageNet": "ImageNet",
        "MS COCO": "COCO",
        "SQuAD": "SQuAD",
        "GLUE": "GLUE",
        "HumanEval": "HumanEval",
        "LibriSpeech": "LibriSpeech",
    }
    for text, canonical in cases.items():
        assert gazetteer.names_in(f"we test on {text}.") == [canonical], text


def test_gazetteer_matches_whole_words_only() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.names_in("glued imagenetwork coconut squads msrvttx") == []
    assert gazetteer.names_in("we race to drop the math") == []  # case-sensitive entries
    assert gazetteer.names_in("on RACE, DROP and MATH") == ["RACE", "DROP", "MATH"]
    assert gazetteer.names_in("MSRVTT-QA and SSv2-Template") == ["MSR-VTT", "Something-Something v2"]


def test_word_lists_hold_only_strings() -> None:
    from bot.paths import GENERIC_TERMS_FILE, STOPWORDS_FILE

    for path, key in ((STOPWORDS_FILE, "stopwords"), (GENERIC_TERMS_FILE, "not_names")):
        words = load_data_file(path)[key]
        assert all(isinstance(w, str) for w in words), [w for w in words if not isinstance(w, str)]
    assert {"on", "off", "no", "yes"} <= set(load_data_file(STOPWORDS_FILE)["stopwords"])


def test_large_files_load_through_a_json_copy(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bot.corpus.loading import corpus_yaml
    from bot.corpus.page_parser import parse_page
    from bot.corpus.synth import synth_page

    monkeypatch.setenv("PROFILE_BOT_CACHE", str(tmp_path / "cache"))
    page = tmp_path / "big.txt"
    page.write_text(synth_page(3000, seed=9), encoding="utf-8")
    corpus_file = tmp_path / "big.yaml"
    corpus_file.write_text(corpus_yaml(parse_page(page.read_text(), "big.txt", date(2026, 1, 1))), encoding="utf-8")
    first = read_corpus_document(corpus_file)  # parses the YAML, writes the copy
    assert len(list((tmp_path / "cache").glob("corpus-*.json"))) == 1
    assert read_corpus_document(corpus_file) == first  # served from the copy, same document
    corpus_file.write_text(corpus_file.read_text().replace("h_index:", "h_index: 7 #", 1), encoding="utf-8")
    assert read_corpus_document(corpus_file)["researcher"]["h_index"] == 7  # a changed file is read afresh
    assert read_corpus_document(page, date(2026, 1, 1)) == first


def test_a_page_s_copy_made_by_another_parser_is_not_read(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import bot.corpus.cache as corpus_cache
    import bot.corpus.loading as loading
    from bot.corpus.synth import synth_page

    monkeypatch.setenv("PROFILE_BOT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(loading, "CACHE_FROM_BYTES", 1000)  # a small page, copied as a large one would be
    monkeypatch.setattr(corpus_cache, "CACHE_FROM_BYTES", 1000)
    page = tmp_path / "big.txt"
    page.write_text(synth_page(200, seed=9), encoding="utf-8")
    first = read_corpus_document(page, date(2026, 1, 1))
    monkeypatch.setattr(loading, "parser_digest", lambda: "another-parser")
    assert read_corpus_document(page, date(2026, 1, 1)) == first  # parsed again, not read from the old copy
    assert len(list((tmp_path / "cache").glob("corpus-*.json"))) == 2


def test_the_console_writes_a_large_page_s_copy_after_answering(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    import bot.corpus.cache as corpus_cache
    import bot.corpus.loading as loading
    from bot.corpus.synth import synth_page
    from bot.frontends import console

    monkeypatch.setenv("PROFILE_BOT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(loading, "CACHE_FROM_BYTES", 1000)
    monkeypatch.setattr(corpus_cache, "CACHE_FROM_BYTES", 1000)
    page = tmp_path / "big.txt"
    page.write_text(synth_page(200, seed=9), encoding="utf-8")
    copies = tmp_path / "cache"
    written_when_answered: list[int] = []

    class Out(io.StringIO):
        def write(self, text: str) -> int:
            written_when_answered.append(len(list(copies.glob("corpus-*.json"))))
            return super().write(text)

    out = Out()
    assert console.ask(page, ["papers from 2021"], as_json=False, out=out) == 0
    assert written_when_answered and set(written_when_answered) == {0}  # the answer went out first
    assert len(list(copies.glob("corpus-*.json"))) == 1  # then the copy
    assert corpus_cache._pending_copies == []
    document = read_corpus_document(page)  # read back from the copy: the same document
    assert len(document["papers"]) == 200


# Names the papers themselves write in lower case: a library, a benchmark in a link, platforms said by their posts.
_LOWER_CASE_NAMES = {"hypre", "subreddits", "tweets", "imerg", "codexglue"}


def test_no_benchmark_name_is_an_ordinary_word_of_the_pages() -> None:
    """A gazetteer spelling that matches a lower-case word of an abstract is an English word ("speed"
    for SPEED+, "multiple" for MultiPL-E, "kinetics"): such an entry must be case-sensitive."""
    from pathlib import Path

    gazetteer = default_gazetteer()
    found: dict[str, str] = {}
    for page in [SHIPPED_PAGE, *sorted(Path(__file__).parents[1].joinpath("eval").glob("*.txt"))]:
        for paper in load_corpus(page).papers:
            for mention in gazetteer.find(f"{paper.title}. {paper.abstract}"):
                surface = mention.surface
                if surface.isalpha() and surface.islower() and surface not in _LOWER_CASE_NAMES:
                    found.setdefault(f"{mention.name} ({surface})", page.name)
    assert found == {}


def test_no_benchmark_is_also_a_metric() -> None:
    """A questionnaire scored as a metric ("SUS", "NASA-TLX") lives in metrics.yaml only: named as a
    benchmark too, "SUS before and after?" asked for a dataset, not the score."""
    from bot.understanding.metrics import MetricLexicon

    forms = {compact(form) for metric in MetricLexicon.default().metrics for form in (metric.name, *metric.forms)}
    gazetteer = default_gazetteer()
    both = sorted(
        spelling for entry in gazetteer.entries.values() for spelling in entry.spellings if compact(spelling) in forms
    )
    assert both == [], both


def test_each_class_takes_one_archive_on_a_page() -> None:
    from bot.corpus.categories import class_archives

    assert class_archives(["CV", "QM", "LG"]) == {"CV": "cs", "QM": "q-bio", "LG": "cs"}
    # shared letters take the archive of the page's other classes: CO is stat's beside ME, math's beside PR
    assert class_archives(["ME", "CO"])["CO"] == "stat" and class_archives(["PR", "CO"])["CO"] == "math"
    assert class_archives(["XX"]) == {}  # a class the data does not know has none
