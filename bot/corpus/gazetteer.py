"""Benchmark and dataset names: the gazetteer in data/ plus names found in a corpus.

Matching ignores case and the separators people vary ("MSR-VTT", "MSRVTT", "MSR VTT") and only
matches whole words. One regular expression per gazetteer keeps the scan of a long abstract in C.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import accumulate

from bot.paths import BENCHMARKS_FILE
from bot.precompiled import compiled_pattern, generated_source
from bot.text import compact
from bot.yaml_io import load_data_file

# Characters that may sit between two letters of a name without changing it.
_SEPARATOR = r"[\s\-_/.'’&+]?"  # "&": "S&P 500"; "+": "BP+OSD"
_NON_ALNUM_KEEP_CASE = compiled_pattern(r"[\W_]+")
# Between texts scanned together: never in a page's text (bot.text.strip_invisible drops it), never part
# of a name, and not a word character, so each text's edges match as a string's would.
_TEXT_SEPARATOR = "\0"


def _cased_key(text: str) -> str:
    return _NON_ALNUM_KEEP_CASE.sub("", text)


@dataclass(frozen=True, slots=True)
class Benchmark:
    name: str
    aliases: tuple[str, ...] = ()
    area: str = ""
    case_sensitive: bool = False

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Mention:
    """A benchmark named in a text: its canonical name and where the text names it."""

    name: str
    start: int
    end: int
    surface: str


_SEGMENT = compiled_pattern(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+|[^\W\d_]+")
_SEAM = "\u0001"  # stands for an optional separator inside the trie


def _seamed(spelling: str, fold_case: bool) -> str:
    """The spelling's letters with a seam mark where a separator may appear, or not.

    Seams are the separators the spelling already has and its case and letter/digit changes:
    "CommonsenseQA" also matches "Commonsense QA", "MSR-VTT" also "MSRVTT" and "MSR VTT".
    """
    segments = _SEGMENT.findall(spelling)
    joined = _SEAM.join(segments)
    return joined.casefold() if fold_case else joined


def _trie_source(
    spellings: Iterable[str], fold_case: bool, first_letters_lead: bool = False, separator_leads: bool = False
) -> str | None:
    """One regular expression shaped like a trie: Python's engine scans it in a single pass.

    With `first_letters_lead`, each first letter comes before the check that no letter precedes it:
    the pattern then starts with a set of letters, which the engine skips to in C. That pays on
    text searched as written, where capitals are few (four times faster); lower-cased text has
    first letters everywhere.

    With `separator_leads`, the pattern starts with the character before the name (not a letter or
    digit) and the name is group 1: the engine skips to such characters in C, a fifth faster on
    lower-cased text. The text scanned needs a separator before its first character (_spans)."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for spelling in spellings:
        node = trie
        for ch in _seamed(spelling, fold_case):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        branches = []
        for ch, child in node.items():
            if ch == "":
                continue
            head = _SEPARATOR if ch == _SEAM else re.escape(ch)
            branches.append(head + build_optional(child))
        if not branches:
            return ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    def build_optional(child: dict) -> str:  # type: ignore[type-arg]
        rest = build(child)
        return f"(?:{rest})?" if rest and "" in child else rest

    if first_letters_lead and trie:
        # The look-behind after the first letter: the letter, and before it no letter or digit.
        branches = [re.escape(ch) + r"(?<![^\W_][\s\S])" + build_optional(child) for ch, child in trie.items()]
        return rf"(?:{'|'.join(branches)})(?![^\W_])"
    body = build(trie)
    if body and separator_leads:
        return rf"[\W_]((?:{body}))(?![^\W_])"
    return rf"(?<![^\W_])(?:{body})(?![^\W_])" if body else None


def _gazetteer_pattern(spellings: Iterable[str], fold_case: bool, ignore_case: bool = False) -> re.Pattern[str] | None:
    # Written and compiled once per installation (bot.precompiled): 25 ms a process otherwise.
    listed, lead = list(spellings), not ignore_case
    source = generated_source(
        (listed, fold_case, ignore_case),
        lambda: _trie_source(listed, fold_case, lead and not fold_case, separator_leads=lead and fold_case),
        __file__,
    )
    return compiled_pattern(source, re.IGNORECASE if ignore_case else 0) if source else None


def _spans(pattern: re.Pattern[str], haystack: str) -> Iterator[tuple[int, int]]:
    """Where the pattern's names are in the haystack, whichever way the pattern is written."""
    if pattern.groups == 0:
        for match in pattern.finditer(haystack):
            yield match.span()
        return
    for match in pattern.finditer(_TEXT_SEPARATOR + haystack):  # a separator-led pattern: see _trie_source
        start, end = match.span(1)
        yield start - 1, end - 1


def phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    """Whole-word, case- and separator-insensitive pattern for one phrase."""
    source = _trie_source([phrase], fold_case=True)
    return re.compile(source, re.IGNORECASE) if source else None


class Gazetteer:
    """Known benchmark names; `find` lists those a text mentions."""

    def __init__(self, entries: Iterable[Benchmark]) -> None:
        self.entries: dict[str, Benchmark] = {}
        self._by_key: dict[str, str] = {}
        self._by_cased_key: dict[str, str] = {}
        folded_spellings: list[str] = []
        cased_spellings: list[str] = []
        for entry in entries:
            self.entries.setdefault(entry.name, entry)
            for spelling in entry.spellings:
                # Case is what tells a name from a word ("STEAD", "stead"); a spelling of several words
                # ("Stanford Earthquake Dataset") is never an ordinary word, in any case.
                if entry.case_sensitive and " " not in spelling:
                    self._by_cased_key.setdefault(_cased_key(spelling), entry.name)
                    cased_spellings.append(spelling)
                else:
                    self._by_key.setdefault(compact(spelling), entry.name)
                    folded_spellings.append(spelling)
        self._folded_spellings = folded_spellings
        self._cased_spellings = cased_spellings

    @cached_property
    def _patterns(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        # Compiled on first scan only: answering from a YAML corpus never scans text. The folded
        # pattern runs on lower-cased text: five times faster than re.IGNORECASE on the original.
        return (
            _gazetteer_pattern(self._cased_spellings, fold_case=False),
            _gazetteer_pattern(self._folded_spellings, fold_case=True),
        )

    @cached_property
    def _ignore_case_pattern(self) -> re.Pattern[str] | None:
        # For the rare text whose lower-case form changes length (offsets must line up).
        return _gazetteer_pattern(self._folded_spellings, fold_case=True, ignore_case=True)

    def compile(self) -> None:
        """Compile the patterns now rather than at the first scan."""
        _ = self._patterns

    def extended(self, names: Iterable[str]) -> Gazetteer:
        """This gazetteer plus names a corpus presents as benchmarks."""
        extra = [Benchmark(name, area="") for name in names if self.canonical(name) is None]
        return Gazetteer([*self.entries.values(), *extra])

    def canonical(self, phrase: str) -> str | None:
        """The canonical name a phrase spells, or None."""
        return self._by_key.get(compact(phrase)) or self._by_cased_key.get(_cased_key(phrase))

    def cased_name_in_any_case(self, phrase: str) -> str | None:
        """The case-sensitive name a phrase spells in another case ("kepler" for Kepler), or None: a
        question typed in lower case may mean it where the papers never write the word so."""
        return self._by_cased_folded.get(compact(phrase))

    @cached_property
    def _by_cased_folded(self) -> dict[str, str]:
        return {compact(cased): name for cased, name in self._by_cased_key.items()}

    def keys(self) -> dict[str, str]:
        """Folded spellings with their canonical names, for fuzzy lookups. Case-sensitive names
        ("MATH", "RACE") are left out: a typo of an English word must not become a benchmark."""
        return dict(self._by_key)

    def find(self, text: str) -> list[Mention]:
        mentions: list[Mention] = []
        taken: list[tuple[int, int]] = []
        cased, folded = self._patterns
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered, folded = text, self._ignore_case_pattern
        for pattern, table, keyer, haystack in (
            (cased, self._by_cased_key, _cased_key, text),
            (folded, self._by_key, compact, lowered),
        ):
            if pattern is None:
                continue
            for start, end in _spans(pattern, haystack):
                name = table.get(keyer(haystack[start:end]))
                if name is None or any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                mentions.append(Mention(name, start, end, text[start:end]))
        mentions.sort(key=lambda m: m.start)
        return mentions

    def names_in(self, text: str) -> list[str]:
        """Canonical names mentioned in a text, first mention first, each once."""
        return list(dict.fromkeys(m.name for m in self.find(text)))

    def names_in_each(self, texts: Sequence[str]) -> list[list[str]]:
        """`names_in` of every text, with one scan over all of them: on a large page the per-text
        calls cost more than the scanning."""
        joined = _TEXT_SEPARATOR.join(texts)
        lowered = joined.lower()
        if len(lowered) != len(joined) or any(_TEXT_SEPARATOR in text for text in texts):
            return [self.names_in(text) for text in texts]
        starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
        found: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        cased, folded = self._patterns
        for pattern, table, keyer, haystack in (
            (cased, self._by_cased_key, _cased_key, joined),
            (folded, self._by_key, compact, lowered),
        ):
            if pattern is None:
                continue
            # A name is written the same few ways over and over: each surface is keyed once.
            names: dict[str, str | None] = {}
            for start, end in _spans(pattern, haystack):
                surface = haystack[start:end]
                name = names.get(surface, "")
                if name == "":
                    name = names[surface] = table.get(keyer(surface))
                if name is None:
                    continue
                taken = found[bisect_right(starts, start) - 1]
                if not taken or not any(s < end and start < e for s, e, _ in taken):
                    taken.append((start, end, name))
        return [list(dict.fromkeys(name for _, _, name in sorted(mentions))) for mentions in found]


@cache
def default_gazetteer() -> Gazetteer:
    raw = load_data_file(BENCHMARKS_FILE)["benchmarks"]
    return Gazetteer(
        Benchmark(
            name=str(item["name"]),
            aliases=tuple(str(a) for a in item.get("aliases", ())),
            area=str(item.get("area", "")),
            case_sensitive=bool(item.get("case_sensitive", False)),
        )
        for item in raw
    )
