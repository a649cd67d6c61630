"""Names a paper introduces: its system, the benchmarks it presents, its links.

Heuristics over the title and abstract text, general to any profile: a name-like word has internal
capitals or digits ("GraspNet-X", "wav2vec", "GSM8K"); generic acronyms ("LLM", "VQA") listed in
data/generic_terms.yaml never count.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from bot.paths import GENERIC_TERMS_FILE, NAME_PARTICLES_FILE
from bot.precompiled import compiled_pattern
from bot.text import sentences
from bot.yaml_io import load_data_file

_INTRO_VERBS = (
    r"\b(?:propose|proposes|proposed|present|presents|presented|introduce|introduces|introduced|"
    r"develop|develops|developed|design|designs|designed)\s+"
)
_INTRO_VERB = compiled_pattern(_INTRO_VERBS, re.IGNORECASE)
# The same over a lower-cased ASCII text (the same offsets): four times faster than ignoring case.
_INTRO_VERB_LOWER = compiled_pattern(_INTRO_VERBS)
_CREATE_VERBS = (
    r"\b(?:propose|present|introduce|develop|design|build|construct|release|create|curate|collect|"
    r"contribute)[a-z]*\b"
)
_CREATE_VERB = compiled_pattern(_CREATE_VERBS, re.IGNORECASE)
_CREATE_VERB_LOWER = compiled_pattern(_CREATE_VERBS)
_NAME = r"(?<![\w.+\-])(?:[A-Za-z0-9][\w.+\-]*[\w+]|[A-Za-z0-9])"
_KIND_WORDS = (
    "benchmark",
    "dataset",
    "evaluation set",
    "evaluation benchmark",
    "test set",
    "testbed",
    "corpus",
    "suite",
)
_KIND = "(?:" + "|".join(_KIND_WORDS) + ")"
_NAMED = compiled_pattern(rf"\b(?:namely|named|called|dubbed|termed)\s+({_NAME})")
_KIND_THEN_NAME = compiled_pattern(rf"\b{_KIND}s?\s+(?:named\s+|called\s+|dubbed\s+)?({_NAME})", re.IGNORECASE)
_NAME_THEN_APPOSITIVE = compiled_pattern(rf"({_NAME}),\s+(?:a|an|the)\s+[^,.;:]{{0,90}}?\b{_KIND}\b")
_NAME_THEN_KIND = compiled_pattern(rf"({_NAME})\s+{_KIND}s?\b")
# What every pattern of presented_benchmarks needs somewhere in the text: a kind word (any case) for
# the first three, "Bench" or "Eval" for the last. Most abstracts have neither, and a substring test of
# the lower-cased text is about ten times faster than one case-insensitive alternation.
_ANY_KIND = compiled_pattern("|".join(_KIND_WORDS), re.IGNORECASE)
_SUFFIXES = ("Bench", "Eval")
_BENCH_SUFFIX = compiled_pattern(r"\b([A-Za-z0-9][\w\-]*(?:Bench|Eval))\b")
_DESCRIBED = compiled_pattern(  # "we propose a new benchmark FooBench, ..."
    r"(?:benchmark|model|framework|method|system|dataset|approach|network|architecture)\s+(" + _NAME + ")",
    re.IGNORECASE,
)
# "Our protocol, THOR, lets each user ...": the paper's own thing, named beside it
_OURS = compiled_pattern(
    r"\b[Oo]ur (?:[\w-]+ ){0,2}(?:method|model|protocol|system|framework|approach|algorithm|tool|toolkit|"
    r"pipeline|architecture|attack|defen[cs]e|mechanism|scheme|library|estimator|solver|network|agent|platform)"
    r",?\s+(" + _NAME + ")"
)
_PARENTHESISED = compiled_pattern(r"\(([^()\s]{2,30})\)")
_LEADING_FILLER = compiled_pattern(r"^(?:(?:a|an|the|our|novel|new|simple|first)\s+)+", re.IGNORECASE)
_SENTENCE_END = compiled_pattern(r"(?<=[\w)\]%])[.!?](?:\s|$)")
_URL = compiled_pattern(r"https?://[^\s<>\"']+")
_URL_TRAILER = ".,;:)]}'\""
_NAME_PART_BREAK = compiled_pattern(r"[-.]")


@cache
def generic_terms() -> frozenset[str]:
    return frozenset(str(t).casefold() for t in load_data_file(GENERIC_TERMS_FILE)["not_names"])


@cache
def name_particles() -> frozenset[str]:
    """Lower-case words inside a personal name ("van", "der", "de la"), from data/name_particles.yaml."""
    return frozenset(str(p).lower() for p in load_data_file(NAME_PARTICLES_FILE)["particles"])


@cache
def name_suffixes() -> frozenset[str]:
    """Generational suffixes a personal name may end with ("Jr."), from data/name_particles.yaml."""
    return frozenset(str(s) for s in load_data_file(NAME_PARTICLES_FILE).get("suffixes", ()))


def is_name_like(word: str) -> bool:
    """True for words shaped like the name of a system or dataset.

    Shape: an internal capital ("EchoNav", "iPhone") or an all-capitals word ("BERT") or letters
    mixed with digits ("GSM8K"); no hyphenated part that is a plain lowercase word ("LLM-free").
    """
    return _name_shaped(word.strip(".,;:"))


@lru_cache(maxsize=1 << 16)  # the same words come back paper after paper (benchmark names, title heads)
def _name_shaped(word: str) -> bool:
    # (any over map: a first parse meets thousands of new words, and a generator per test costs more)
    if len(word) < 2 or word.casefold() in generic_terms() or not any(map(str.isalpha, word)):
        return False
    parts = [p for p in _NAME_PART_BREAK.split(word) if p]
    if any(p.isalpha() and p.islower() and len(p) > 1 for p in parts):
        return False
    internal_capital = any(any(map(str.isupper, part[1:])) for part in parts)
    return internal_capital or any(map(str.isdigit, word))


def title_system(title: str) -> str | None:
    """The name before the title's colon, when it is a name ("SafeLink RT:") and not a phrase."""
    if ":" not in title:
        return None
    prefix = title.split(":", 1)[0].strip()
    words = prefix.split()
    if not words or len(words) > 4:
        return None
    if len(words) == 1:
        word = words[0]
        return word if (is_name_like(word) or word[:1].isupper()) and len(word) > 1 else None
    shaped = [is_name_like(w) or (w.isupper() and len(w) > 1) or w.isdigit() for w in words]
    return prefix if all(shaped) and any(is_name_like(w) for w in words) else None


def _clause_after(text: str, start: int) -> str:
    end = _SENTENCE_END.search(text, start)
    return text[start : end.start() if end else len(text)][:300]


def abstract_system(abstract: str) -> str | None:
    """The name the abstract says it proposes, presents or introduces, if it names one."""
    verbs = _INTRO_VERB_LOWER.finditer(abstract.lower()) if abstract.isascii() else _INTRO_VERB.finditer(abstract)
    for verb in verbs:
        clause = _clause_after(abstract, verb.end())
        head = _LEADING_FILLER.sub("", clause)
        first = re.match(_NAME, head)
        if first and is_name_like(first.group()):
            return first.group().rstrip(".")
        first_phrase = re.split(r"[,;]| which | that ", clause, maxsplit=1)[0]
        for acronym in _PARENTHESISED.finditer(first_phrase):
            if is_name_like(acronym.group(1)):
                return acronym.group(1)
        described = _DESCRIBED.search(first_phrase)
        if described and is_name_like(described.group(1)):
            return described.group(1)
        named = _NAMED.search(clause)
        if named and is_name_like(named.group(1)):
            return named.group(1).rstrip(".")
    named = _NAMED.search(abstract) or _OURS.search(abstract)
    if named and is_name_like(named.group(1)):
        return named.group(1).rstrip(".,")
    return None


def paper_system(title: str, abstract: str) -> str | None:
    return title_system(title) or abstract_system(abstract)


def presented_benchmarks(text: str) -> list[str]:
    """Names the text presents as a benchmark or dataset ("benchmark SoundNavBench", "X, a ... dataset").
    A name after a kind word that closes another name is the subject of the next words, not a benchmark:
    "On the PASTIS benchmark ParcelFormer reaches 46.2 PQ"."""
    if text.isascii():
        lowered = text.lower()
        has_kind = any(word in lowered for word in _KIND_WORDS)
    else:  # re's case-insensitive matching knows letters lower() keeps apart (the long s, the Kelvin sign)
        has_kind = _ANY_KIND.search(text) is not None
    has_suffix = any(suffix in text for suffix in _SUFFIXES)
    if not (has_kind or has_suffix):
        return []
    matches = _around_kind_words(text) if has_kind else []
    if has_suffix:
        matches += _suffixed(text)
    found: list[str] = []
    for match in matches:
        name = match.group(1).rstrip(".")
        if match.re is _KIND_THEN_NAME and _closes_a_name(text, match.start()):
            continue
        if is_name_like(name) and name not in found:
            found.append(name)
    return found


def _closes_a_name(text: str, kind_at: int) -> bool:
    """Whether the kind word at `kind_at` follows a name ("the PASTIS benchmark"): it is that name's."""
    before = text[max(0, kind_at - 80) : kind_at].split()  # the word before it, not the whole text before
    return bool(before) and is_name_like(before[-1])


def _around_kind_words(text: str) -> list[re.Match[str]]:
    """What the three kind-word patterns' `finditer` find, in their order. Each match holds a kind word,
    so an ASCII text is tried only where a match around one could begin (the pattern alone tries every
    word: three quarters of a parse's benchmark time on a page whose abstracts name their datasets)."""
    patterns = (_KIND_THEN_NAME, _NAME_THEN_APPOSITIVE, _NAME_THEN_KIND)
    if not text.isascii():
        return [match for pattern in patterns for match in pattern.finditer(text)]
    kinds = _word_positions(text, _KIND_WORDS)  # the last two patterns match the kind word in lower case
    before_kind: set[int] = set()
    before_comma: set[int] = set()
    for at in kinds:
        end = at
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end < at:  # "Name dataset": the name is the run of name characters before the spaces
            before_kind.add(_name_run_start(text, end))
        comma = text.rfind(",", 0, at)  # "Name, a new ... dataset": no comma between the name's and the kind word
        if comma > 0:
            before_comma.add(_name_run_start(text, comma))
    return [
        *_matches_from(_KIND_THEN_NAME, text, _word_positions(text.lower(), _KIND_WORDS)),
        *_matches_from(_NAME_THEN_APPOSITIVE, text, sorted(before_comma)),
        *_matches_from(_NAME_THEN_KIND, text, sorted(before_kind)),
    ]


def _word_positions(text: str, words: tuple[str, ...]) -> list[int]:
    found: set[int] = set()
    for word in words:
        at = text.find(word)
        while at != -1:
            found.add(at)
            at = text.find(word, at + 1)
    return sorted(found)


def _name_run_start(text: str, end: int) -> int:
    """Where the run of the characters a name is made of (`_NAME`: word characters, ".+-") that ends at
    `end` begins: the only place a name ending there can begin, as `_NAME` looks behind itself."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.+-"):
        start -= 1
    return start


def _matches_from(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """`pattern.finditer(text)` when every match begins at one of `starts` (ascending): each is tried
    in turn, skipping those inside the last match, as finditer goes on from a match's end."""
    found: list[re.Match[str]] = []
    after = 0
    for start in starts:
        if start >= after and (match := pattern.match(text, start)) is not None:
            found.append(match)
            after = match.end()
    return found


def _suffixed(text: str) -> list[re.Match[str]]:
    """`_BENCH_SUFFIX.finditer(text)`, run only over the words holding "Bench" or "Eval": found by a
    substring search, where the pattern alone tries every word of the abstract (a third of a parse's
    time on a page whose system names end in Bench)."""
    runs: list[tuple[int, int]] = []
    for suffix in _SUFFIXES:
        at = text.find(suffix)
        while at != -1:
            start, end = at, at + len(suffix)
            while start > 0 and _in_word(text[start - 1]):
                start -= 1
            while end < len(text) and _in_word(text[end]):
                end += 1
            runs.append((start, end))
            at = text.find(suffix, end)
    return [match for start, end in sorted(set(runs)) for match in _BENCH_SUFFIX.finditer(text, start, end)]


def _in_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def introduced_names(abstract: str, system: str | None, presented: list[str]) -> list[str]:
    """The system and the presented benchmarks the abstract says it builds, releases or proposes."""
    names = [system] if system else []
    if not presented:
        return names
    ascii_text = abstract.isascii()
    for sentence in sentences(abstract):
        if not (_CREATE_VERB_LOWER.search(sentence.lower()) if ascii_text else _CREATE_VERB.search(sentence)):
            continue
        for name in presented:
            if name not in names and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence):
                names.append(name)
    return names


def links(text: str) -> list[str]:
    if "://" not in text:
        return []  # most abstracts: no pattern call at all
    found = []
    for match in _URL.finditer(text):
        url = match.group().rstrip(_URL_TRAILER)
        if url not in found:
            found.append(url)
    return found
