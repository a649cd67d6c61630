"""The words that shape a question, read from data/vocabulary.yaml, data/numbers.yaml and
data/stopwords.yaml: one place for each list, compiled once into whole-word patterns."""

from __future__ import annotations

import marshal
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from bot.paths import NUMBERS_FILE, STOPWORDS_FILE, VOCABULARY_FILE
from bot.precompiled import compiled_pattern, entry_key, precompiled
from bot.yaml_io import load_data_file

_ORDINAL_DIGITS = r"\d{1,3}(?:st|nd|rd|th)"
# Lists whose words also carry topics ("language model", "reward model", "accuracy of retrieval").
CONTENT_LISTS = frozenset(
    {
        "one_paper_words",
        "described_by_benchmark_nouns",
        "presumed_own_nouns",
        "page_counted",
        "data_nouns",
        "shared_words",
        "codeless_words",  # ("free" of "code-free" is also "cell-free"'s)
    }
)
# Lists of ordinary words of topics and abstracts (who takes part in a study, adjectives of measure, a
# class code also used as a word): neither the frame of a question nor a typo's target, so "annotators"
# and "large" stay what the question is about.
ORDINARY_WORD_LISTS = frozenset(
    {
        "study_people",
        "class_codes_said_as_words",
        "measure_adjectives",
        "ratio_comparatives",
        "size_asks",
        "author_list_adjectives",
        "best_words",
        "worst_words",
        "dating_prepositions",
        "code_giving_words",
        "title_small_words",
        "task_words",
        "word_endings",
    }
)
# Groups of content words, never the frame of a question nor a typo's target: the irregular plurals
# ("syntheses": "synthesis") are topics' words ("papers about diagnosis", "retro synthesis stuff").
CONTENT_GROUPS = frozenset({"irregular_plurals", "spelling_endings"})
# Lists of names: a one-word name frames a question ("CVPR papers"), but the words of a longer one do
# not ("USENIX Security" leaves "security" a topic).
NAME_LISTS = frozenset({"venue_names"})


class VocabularyError(ValueError):
    pass


@cache
def _this_code() -> bytes:
    """A digest of this file: what it derives from the data is kept per installation, keyed by both."""
    return entry_key("code", Path(__file__).read_bytes()).encode()


def _kept(kind: str, inputs: Any, derive: Callable[[], Any]) -> Any:
    """`derive()`, computed once per installation for these inputs and this code (about 180 word
    lists are turned into pattern sources and word sets on every start otherwise: 5 ms)."""
    try:
        content = _this_code() + b"\0" + marshal.dumps(inputs)
    except ValueError:
        return derive()
    return precompiled(kind, content, derive)


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces and hyphens interchangeable."""
    listed = tuple(phrases)
    source: str = _kept("alternation", listed, lambda: _alternation(listed))
    return source


def _alternation(phrases: tuple[str, ...]) -> str:
    parts = []
    for phrase in sorted({p.casefold() for p in phrases}, key=lambda p: (-len(p), p)):
        words = [re.escape(w) for w in re.split(r"[\s'’-]+", phrase) if w]
        parts.append(r"[\s'’-]*".join(words))
    return "|".join(parts)


def whole_words(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words in folded text."""
    return compiled_pattern(rf"(?<![\w@])(?:{phrase_alternation(phrases)})(?![\w@])")


def _strings(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(v, str | int) for v in raw):
        raise VocabularyError(f"{VOCABULARY_FILE.name}: {where}: expected a list of words")
    if any(isinstance(v, bool) for v in raw):  # YAML reads a bare on/off/yes/no as a boolean
        raise VocabularyError(
            f"{VOCABULARY_FILE.name}: {where}: quote on, off, yes and no (YAML reads them as true/false)"
        )
    return tuple(str(v) for v in raw)


def _groups(raw: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise VocabularyError(f"{VOCABULARY_FILE.name}: {where}: expected a mapping of names to word lists")
    return {str(k): _strings(v, f"{where}.{k}") for k, v in raw.items()}


@dataclass(frozen=True, eq=False)  # hashed by identity: one per process
class Vocabulary:
    lists: dict[str, tuple[str, ...]]  # every flat list by its name ("negation", "code_words", ...)
    groups: dict[str, dict[str, tuple[str, ...]]]  # keyed lists ("group_words": {"year": [...]})
    missing_fields: dict[str, str]
    stopwords: frozenset[str]
    cardinals: dict[str, int]
    ordinals: dict[str, int]

    def words(self, name: str) -> tuple[str, ...]:
        return self.lists[name]

    def single_words(self) -> frozenset[str]:
        """Every one-word entry: the words a typo may be corrected to and a glued word split into."""
        words: frozenset[str] = _kept("single-words", self._inputs(), self._single_words)
        return words

    def frame_words(self) -> frozenset[str]:
        """Every word of every list: the frame of a question ("which year", "co-authors"), never its topic."""
        words: frozenset[str] = _kept("frame-words", self._inputs(), self._frame_words)
        return words

    def _inputs(self) -> tuple[Any, ...]:
        return (self.lists, self.groups, self.stopwords, self.cardinals, self.ordinals)

    def _framing_groups(self) -> list[dict[str, tuple[str, ...]]]:
        return [members for name, members in self.groups.items() if name not in CONTENT_GROUPS]

    def _single_words(self) -> frozenset[str]:
        found: set[str] = set(self.stopwords)
        listed = (values for name, values in self.lists.items() if name not in ORDINARY_WORD_LISTS)
        for values in (*listed, *(v for g in self._framing_groups() for v in g.values())):
            found.update(v.casefold() for v in values if re.fullmatch(r"[a-z']+", v.casefold()))
        found.update(self.cardinals)
        found.update(self.ordinals)
        return frozenset(found)

    def _frame_words(self) -> frozenset[str]:
        found: set[str] = set(self.stopwords) | set(self.ordinals)
        framing = (
            [w for w in words if name not in NAME_LISTS or not re.search(r"[\s'’-]", w)]
            for name, words in self.lists.items()
            if name not in CONTENT_LISTS and name not in ORDINARY_WORD_LISTS
        )
        for phrase in (*self.cardinals, *(w for ws in framing for w in ws)):
            found.update(w for w in re.split(r"[\s'’-]+", phrase.casefold()) if w)
        for members in self._framing_groups():
            for words in members.values():
                for phrase in words:
                    found.update(w for w in re.split(r"[\s'’-]+", phrase.casefold()) if w)
        return frozenset(found)

    @cache  # noqa: B019 - one Vocabulary per process; the patterns live as long as it
    def pattern(self, name: str) -> re.Pattern[str]:
        if name in self.lists:
            return whole_words(self.lists[name])
        group, _, key = name.partition(".")
        return whole_words(self.groups[group][key])

    def placeholders(self) -> dict[str, str]:
        """Alternations intent cues may use as {name}: every list, and group members as {group.key}."""
        values = {name: f"(?:{phrase_alternation(words)})" for name, words in self.lists.items()}
        for group, members in self.groups.items():
            for key, words in members.items():
                values[f"{group}.{key}"] = f"(?:{phrase_alternation(words)})"
        values["ordinal"] = f"(?:{phrase_alternation(self.ordinals)}|{_ORDINAL_DIGITS})"
        values["cardinal"] = rf"(?:{phrase_alternation(self.cardinals)}|\d{{1,3}})"
        return values

    def number(self, word: str) -> int | None:
        """A cardinal or ordinal said in words or digits ("three", "3", "third", "3rd")."""
        word = word.casefold().strip()
        if word.isdigit():
            return int(word)
        if re.fullmatch(_ORDINAL_DIGITS, word):
            return int(word[:-2])
        return self.cardinals.get(word) or self.ordinals.get(word)


@cache
def vocabulary() -> Vocabulary:
    raw = load_data_file(VOCABULARY_FILE)
    if not isinstance(raw, dict):
        raise VocabularyError(f"{VOCABULARY_FILE.name}: expected a mapping")
    lists: dict[str, tuple[str, ...]] = {}
    groups: dict[str, dict[str, tuple[str, ...]]] = {}
    missing: dict[str, str] = {}
    for name, value in raw.items():
        if name == "missing_fields":
            missing = {str(k): str(v) for k, v in value.items()}
        elif isinstance(value, dict):
            groups[name] = _groups(value, name)
        else:
            lists[name] = _strings(value, name)
    numbers = load_data_file(NUMBERS_FILE)
    return Vocabulary(
        lists=lists,
        groups=groups,
        missing_fields=missing,
        stopwords=frozenset(str(w) for w in load_data_file(STOPWORDS_FILE)["stopwords"]),
        cardinals={str(k): int(v) for k, v in numbers["cardinals"].items()},
        ordinals={str(k): int(v) for k, v in numbers["ordinals"].items()},
    )
