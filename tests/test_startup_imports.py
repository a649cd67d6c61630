"""What `python -m bot ask` imports: only what the question needs (start-up time, issue 13)."""

from __future__ import annotations

import json
import marshal
import subprocess
import sys
from pathlib import Path

from bot.precompiled import _Bundle
from tests.conftest import SHIPPED_CORPUS, SHIPPED_PAGE

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("discord", "tantivy", "matplotlib", "multiprocessing", "concurrent.futures", "numpy")
# `python -m bot ask ...`, then the names of every module it imported, as one JSON line.
PROBE = "import json, sys\nfrom bot.__main__ import main\nmain(sys.argv[1:])\nprint(json.dumps(sorted(sys.modules)))\n"


def imported(tmp_path: Path, *args: str) -> list[str]:
    """Every module `python -m bot ask --json ARGS` imports, with an empty cache folder of its own."""
    env = {"PROFILE_BOT_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin", "PROFILE_BOT_TODAY": "2026-11-26"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "ask", "--json", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    *answers, modules = result.stdout.strip().splitlines()
    assert answers and all("answer" in json.loads(a) for a in answers)
    return list(json.loads(modules))


def test_a_yaml_corpus_loads_without_the_page_parser_or_heavy_libraries(tmp_path: Path) -> None:
    modules = imported(tmp_path, "--profile", str(SHIPPED_CORPUS), "papers from 2021")
    assert [m for m in modules if m.startswith(HEAVY) or m == "bot.corpus.page_parser"] == []


def test_a_page_is_parsed_without_heavy_libraries(tmp_path: Path) -> None:
    modules = imported(tmp_path, "--profile", str(SHIPPED_PAGE), "papers from 2021")
    assert "bot.corpus.page_parser" in modules
    assert [m for m in modules if m.startswith(HEAVY)] == []


def test_the_first_start_on_a_page_precompiles_data_files_the_gazetteer_and_dataclass_methods(tmp_path: Path) -> None:
    imported(tmp_path, "--profile", str(SHIPPED_PAGE), "hello")
    kinds = sorted({path.name.split("-")[0] for path in (tmp_path / "cache").iterdir()})
    # "precompiled": the bundle of every entry made (data files, regular expressions, the
    # vocabulary's alternations, the topic lexicon's trie `ask` keeps after its answers), which the
    # next start reads in one go; "dataclass": the methods `@dataclass` writes.
    assert kinds == ["dataclass", "precompiled"]
    (bundle,) = (tmp_path / "cache").glob("precompiled-*.marshal")
    read = _Bundle(bundle)
    assert read.generation == 1 and len(read.kept) > 300
    decoded = [marshal.loads(raw) for raw in read.kept.values()]  # every entry decodes
    assert any(isinstance(value, dict) and "researcher_pronouns" in value for value in decoded)  # the vocabulary


def test_a_topic_question_does_import_tantivy(tmp_path: Path) -> None:
    assert "tantivy" in imported(tmp_path, "--profile", str(SHIPPED_CORPUS), "papers about hallucination")


def test_a_start_answering_about_a_few_papers_does_without_orjson_and_shutil(tmp_path: Path) -> None:
    # json writes an answer about a few papers (orjson imports uuid and platform: 2.5 ms); argparse's
    # formatter is given the terminal's width and a topic index's folder is not in play (shutil: 2 ms)
    modules = imported(tmp_path, "--profile", str(SHIPPED_PAGE), "papers from 2021", "h-index?")
    assert [m for m in modules if m.split(".")[0] in ("orjson", "shutil", "uuid", "platform")] == []
