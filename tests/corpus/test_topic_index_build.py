"""The topic index a forked helper builds answers as the one built in this process."""

from __future__ import annotations

import glob
import os
import signal
import subprocess
import sys
import tempfile
import time

import pytest

import bot.corpus.topics as topics
from bot.answers.answer import PaperRows
from bot.corpus.model import Corpus
from bot.corpus.page_parser import parse_page
from bot.corpus.synth import synth_page
from bot.engine import Engine

needs_fork = pytest.mark.skipif(not hasattr(os, "fork") or (os.cpu_count() or 1) < 2, reason="needs fork, 2 cores")
QUERIES = (["video", "understanding"], ["retrieval"], ["halucination"], ["knowledge", "graphs", "robot"])


def leftover_folders() -> list[str]:
    return glob.glob(os.path.join(topics.scratch_parent() or tempfile.gettempdir(), "profile-bot-topics-*"))


@pytest.fixture
def corpus() -> Corpus:
    return Corpus.from_document(parse_page(synth_page(300, seed=3)))


@pytest.fixture
def aside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(topics, "BUILD_ASIDE_FROM", 100)
    # The tests' process has loaded tantivy already; the helper is safe here all the same.
    monkeypatch.setattr(topics, "can_fork_without", lambda module: True)


@needs_fork
def test_the_helper_s_index_finds_what_an_index_built_here_finds(corpus: Corpus, aside: None) -> None:
    before = set(leftover_folders())
    build = topics.TopicIndexBuild(corpus.papers)
    assert build.helper is not None
    aside_index = build(corpus.papers)
    here = topics.TopicIndex(corpus.papers)
    for words in QUERIES:  # every hit: which of many equal scores make the first 50 is the index's choice
        assert {(h.paper_id, round(h.score, 4)) for h in aside_index.search(words, limit=1000)} == {
            (h.paper_id, round(h.score, 4)) for h in here.search(words, limit=1000)
        }
    assert aside_index.papers_using("retrieval") == here.papers_using("retrieval") > 0
    assert set(leftover_folders()) == before


@needs_fork
def test_a_discarded_build_leaves_no_process_or_folder(corpus: Corpus, aside: None) -> None:
    before = set(leftover_folders())
    build = topics.TopicIndexBuild(corpus.papers)
    helper = build.helper
    assert helper is not None
    build.discard()
    assert set(leftover_folders()) == before
    with pytest.raises(ChildProcessError):
        os.waitpid(helper, os.WNOHANG)


def test_small_corpora_and_unsafe_forks_build_here(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    assert topics.TopicIndexBuild(corpus.papers).helper is None  # below BUILD_ASIDE_FROM
    monkeypatch.setattr(topics, "BUILD_ASIDE_FROM", 100)
    assert "tantivy" in sys.modules or topics.TopicIndexBuild(corpus.papers).helper is not None
    build = topics.TopicIndexBuild(corpus.papers)
    if build.helper is None:  # tantivy loaded: its threads make a fork unsafe
        assert build(corpus.papers).search(["retrieval"])
    else:
        build.discard()


@needs_fork
def test_a_helper_started_on_the_document_finds_what_the_papers_index_finds(aside: None) -> None:
    document = parse_page(synth_page(300, seed=4))
    corpus = Corpus.from_document(document)
    from_document = topics.TopicIndexBuild(document["papers"])(corpus.papers)
    here = topics.TopicIndex(corpus.papers)
    for words in QUERIES:
        assert {(h.paper_id, round(h.score, 4)) for h in from_document.search(words, limit=1000)} == {
            (h.paper_id, round(h.score, 4)) for h in here.search(words, limit=1000)
        }


@needs_fork
def test_the_topic_index_comes_before_the_spelling_index_a_typo_waits_for(corpus: Corpus, aside: None) -> None:
    before = set(leftover_folders())
    build = topics.TopicIndexBuild(corpus.papers)
    index = build(corpus.papers)
    assert index._spelling is None  # the first topic question did not wait for it
    assert index.search(["retrieval"]) and set(leftover_folders()) != before  # the spelling folder is still there
    typo = index.search(["halucination"], limit=1000)
    assert typo and {h.paper_id for h in typo} == {
        h.paper_id for h in topics.TopicIndex(corpus.papers).search(["halucination"], limit=1000)
    }
    assert index._spelling is not None and set(leftover_folders()) == before
    assert build.helper is None


@needs_fork
def test_a_helper_that_dies_early_leaves_the_work_to_this_process(corpus: Corpus, aside: None) -> None:
    before = set(leftover_folders())
    build = topics.TopicIndexBuild(corpus.papers)
    assert build.helper is not None
    os.kill(build.helper, signal.SIGKILL)
    index = build(corpus.papers)
    here = topics.TopicIndex(corpus.papers)
    for words in QUERIES:
        assert {h.paper_id for h in index.search(words, limit=1000)} == {
            h.paper_id for h in here.search(words, limit=1000)
        }
    assert set(leftover_folders()) == before and build.helper is None


def _written_rows(build: topics.TopicIndexBuild) -> list[bytes]:
    for _ in range(400):  # the helper writes them right after the topic index: well under a second
        pieces = build.written_rows()
        if pieces is not None:
            return pieces
        time.sleep(0.01)
    raise AssertionError("the helper never said its rows were written")


@needs_fork
def test_the_json_lines_joined_from_the_helper_s_rows_are_the_ones_made_here(aside: None) -> None:
    document = parse_page(synth_page(300, seed=5))
    corpus = Corpus.from_document(document)
    build = topics.TopicIndexBuild(document["papers"])
    engine = Engine(corpus, topics=build)
    pieces = _written_rows(build)
    assert len(pieces) == len(corpus.papers)
    assert build.written_rows() is None  # said once; the rows are the engine's from now on
    joined_rows = PaperRows(lambda: pieces)
    for question in ("which papers have code?", "papers from 2021", "how many papers per year?", "latest paper",
                     "papers about retrieval without code", "hello"):  # fmt: skip
        answer = engine.ask(question)
        assert answer.json_bytes(joined_rows) == answer.json_bytes(PaperRows()), question
    assert joined_rows._pieces is pieces  # the joined pieces were used, not the objects made here
    build.discard()


@needs_fork
def test_rows_orjson_refuses_are_made_here_one_by_one(aside: None) -> None:
    document = parse_page(synth_page(300, seed=6))
    document["papers"][7]["title"] = "A lone \ud800 surrogate"
    build = topics.TopicIndexBuild(document["papers"])
    for _ in range(100):
        assert build.written_rows() is None
        if build._rows_ready < 0:
            break  # the helper closed its end unsaid
        time.sleep(0.01)
    assert build._rows_ready < 0
    build.discard()


@needs_fork
@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs the system's list of a process's threads")
def test_tantivy_loaded_but_unused_still_allows_the_helper_and_its_threads_stop_it() -> None:
    # In a fresh process: this one has used tantivy, so its indexing threads are running.
    script = (
        "import tantivy\n"
        "from bot.corpus.workers import can_fork_without\n"
        "print(can_fork_without('tantivy'))\n"
        "builder = tantivy.SchemaBuilder(); builder.add_text_field('t')\n"
        "writer = tantivy.Index(builder.build()).writer(heap_size=15_000_000, num_threads=1)\n"
        "print(can_fork_without('tantivy'))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False"]
