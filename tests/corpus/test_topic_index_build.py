"""The topic index a forked helper builds answers as the one built in this process."""

from __future__ import annotations

import glob
import os
import signal
import sys
import tempfile

import pytest

import bot.corpus.topics as topics
from bot.corpus.model import Corpus
from bot.corpus.page_parser import parse_page
from bot.corpus.synth import synth_page

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
