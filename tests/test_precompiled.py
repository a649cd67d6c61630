"""The precompiled cache: values computed once per content and Python, read back with marshal."""

from __future__ import annotations

import marshal
import re
from datetime import date
from pathlib import Path

import pytest

import bot.precompiled as precompiled_module
from bot.corpus.gazetteer import Gazetteer, default_gazetteer
from bot.paths import BENCHMARKS_FILE
from bot.precompiled import compiled_pattern, precompiled
from bot.yaml_io import load_data_file, load_yaml_text


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(precompiled_module, "cache_dir", lambda: tmp_path)
    monkeypatch.setattr(precompiled_module, "_bundles", {})
    return tmp_path


def new_process() -> None:
    """What a process ending and the next one starting do to the bundle."""
    for bundle in precompiled_module._bundles.values():
        bundle.save()
    precompiled_module._bundles.clear()


def kept_values(cache: Path) -> list[object]:
    return [marshal.loads(raw) for raw in precompiled_module._bundle(cache).kept.values()]


def test_a_value_is_produced_once_then_read_back(cache: Path) -> None:
    calls: list[int] = []

    def produce() -> dict[str, list[int]]:
        calls.append(1)
        return {"a": [1, 2]}

    assert precompiled("data", b"content", produce) == {"a": [1, 2]}
    assert precompiled("data", b"content", produce) == {"a": [1, 2]}
    assert calls == [1]
    new_process()
    assert precompiled("data", b"content", produce) == {"a": [1, 2]}
    assert calls == [1]
    assert [p.name.split("-")[0] for p in cache.iterdir()] == ["precompiled"]  # one bundle, no file per entry


def test_other_content_or_kind_gets_its_own_entry(cache: Path) -> None:
    assert precompiled("data", b"one", lambda: 1) == 1
    assert precompiled("data", b"two", lambda: 2) == 2
    assert precompiled("other", b"one", lambda: 3) == 3
    new_process()
    assert sorted(kept_values(cache)) == [1, 2, 3]


def test_a_process_that_never_ends_well_leaves_nothing_half_written(cache: Path) -> None:
    precompiled("data", b"content", lambda: [1])
    precompiled_module._bundles.clear()  # a new process, before any bundle was written
    assert precompiled("data", b"content", lambda: [2]) == [2]


def test_the_next_process_reads_every_entry_from_one_bundle(cache: Path) -> None:
    assert precompiled("data", b"one", lambda: [1]) == [1]
    assert precompiled("regex", b"two", lambda: (2, [3])) == (2, [3])
    new_process()
    assert precompiled_module.is_kept("data", b"one") and not precompiled_module.is_kept("data", b"three")
    assert precompiled("data", b"one", lambda: [9]) == [1]
    assert precompiled("regex", b"two", lambda: (9, [9])) == (2, [3])


def test_a_damaged_bundle_is_ignored_and_written_again(cache: Path) -> None:
    precompiled("data", b"one", lambda: [1])
    new_process()
    (bundle,) = cache.glob("precompiled-*.marshal")
    bundle.write_bytes(b"\x00garbage")
    assert precompiled("data", b"one", lambda: [9]) == [9]  # made again
    new_process()
    assert list(kept_values(cache)) == [[9]]


def test_a_bundle_cut_short_is_ignored_and_written_again(cache: Path) -> None:
    precompiled("data", b"one", lambda: [1])
    precompiled("data", b"two", lambda: list(range(100)))
    new_process()
    (bundle,) = cache.glob("precompiled-*.marshal")
    bundle.write_bytes(bundle.read_bytes()[:-10])  # a disk that filled up mid-write, say
    assert precompiled("data", b"one", lambda: [9]) == [9]
    new_process()
    assert sorted(map(str, kept_values(cache))) == ["[9]"]


def test_a_process_decodes_only_the_entries_it_asks_for(cache: Path) -> None:
    precompiled("data", b"small", lambda: [1])
    precompiled("data", b"big", lambda: {"trie": list(range(1000))})
    new_process()
    assert precompiled("data", b"small", lambda: [9]) == [1]
    assert list(precompiled_module._bundle(cache).values) == [precompiled_module.entry_key("data", b"small")]
    new_process()  # the entry not asked for stays kept while the bundle is small
    assert precompiled("data", b"big", lambda: None) == {"trie": list(range(1000))}


def test_a_damaged_entry_is_made_again(cache: Path) -> None:
    precompiled("data", b"one", lambda: [1])
    precompiled("data", b"two", lambda: [2])
    new_process()
    bundle = precompiled_module._bundle(cache)
    bundle.kept[precompiled_module.entry_key("data", b"one")] = b"\x00garbage"
    assert precompiled("data", b"one", lambda: [9]) == [9]
    assert precompiled("data", b"two", lambda: [8]) == [2]
    new_process()
    assert precompiled("data", b"one", lambda: [7]) == [9]


def test_a_small_bundle_keeps_what_other_processes_used(cache: Path) -> None:
    for n in range(3):
        precompiled("data", str(n).encode(), lambda n=n: n)
    new_process()
    assert precompiled("data", b"new", lambda: 5) == 5  # a process that adds an entry rewrites the bundle
    new_process()
    assert sorted(kept_values(cache)) == [0, 1, 2, 5]


def test_past_its_size_the_bundle_drops_the_entries_used_longest_ago(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blob = "x" * 1000
    monkeypatch.setattr(precompiled_module, "BUNDLE_BYTES", 3500)
    for n in range(3):  # one process each: entry n last used by rewrite n + 1
        precompiled("data", str(n).encode(), lambda n=n: f"{n}{blob}")
        new_process()
    precompiled("data", b"1", lambda: "")  # used again by rewrite 4, with a new entry
    precompiled("data", b"new", lambda: f"new{blob}")
    new_process()
    assert sorted(value[:3] for value in kept_values(cache)) == ["1xx", "new"]  # 0 and 2 used longer ago
    assert precompiled_module._bundle(cache).generation == 4


def test_a_value_marshal_cannot_store_is_returned_not_kept(cache: Path) -> None:
    assert precompiled("data", b"dated", lambda: {"when": date(2024, 1, 2)}) == {"when": date(2024, 1, 2)}
    new_process()
    assert list(cache.iterdir()) == []


def test_an_unwritable_cache_still_gives_the_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(precompiled_module, "cache_dir", lambda: blocked / "cache")
    assert precompiled("data", b"x", lambda: 7) == 7


@pytest.mark.parametrize(
    ("source", "flags"),
    [(r"(?<![^\W_])(?:msr[\s\-]?vtt|msvd)(?![^\W_])", 0), (r"(?P<word>b+)a", re.IGNORECASE), (r"x\d{2,}$", 0)],
)
def test_a_precompiled_pattern_equals_re_compile(cache: Path, source: str, flags: int) -> None:
    first = compiled_pattern(source, flags)
    second = compiled_pattern(source, flags)  # from the cache
    assert precompiled_module._bundle(cache).kept != {}
    assert first == re.compile(source, flags)
    assert second == re.compile(source, flags)
    assert second.groupindex == re.compile(source, flags).groupindex


def test_a_pattern_the_internals_reject_is_compiled_the_ordinary_way(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> object:
        raise RuntimeError("another Python")

    monkeypatch.setattr(precompiled_module, "_program", broken)
    assert compiled_pattern("ab+", 0) == re.compile("ab+")


def test_data_files_read_back_equal_the_yaml(cache: Path) -> None:
    load_data_file.cache_clear()
    try:
        cached = load_data_file(BENCHMARKS_FILE)
        load_data_file.cache_clear()
        assert load_data_file(BENCHMARKS_FILE) == cached == load_yaml_text(BENCHMARKS_FILE.read_text("utf-8"))
    finally:
        load_data_file.cache_clear()


def test_the_gazetteer_scans_many_texts_as_it_scans_each() -> None:
    gazetteer = default_gazetteer()
    texts = [
        "Results on MSR-VTT and MSVD.",
        "",
        "msrvtt then MSR VTT again, and MSVD",
        "No benchmark here.",
        "MSVD",
    ]
    assert gazetteer.names_in_each(texts) == [gazetteer.names_in(t) for t in texts]
    assert gazetteer.names_in_each(texts)[0] == ["MSR-VTT", "MSVD"]
    assert gazetteer.names_in_each([]) == []


def test_a_text_whose_lower_case_is_longer_is_scanned_on_its_own() -> None:
    gazetteer = Gazetteer(default_gazetteer().entries.values())
    texts = ["İstanbul on MSVD", "and MSR-VTT"]
    assert gazetteer.names_in_each(texts) == [["MSVD"], ["MSR-VTT"]]
