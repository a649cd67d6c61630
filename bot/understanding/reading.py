"""Reading a cleaned question once: glued words split, ordinary words' typos fixed, typed names found
(times, classes, benchmarks, papers, people), and the masked text that intent cues match."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from bot.corpus.model import Corpus
from bot.precompiled import compiled_pattern
from bot.text import Token, tokens
from bot.understanding.entities import Entity, EntityFinder, folded_text
from bot.understanding.slips import plausible_slip

MASK = "§"  # stands for any recognised name in the text intents' cues are matched against
_GLUED_CASE = compiled_pattern(r"^([a-z]{2,})([A-Z][\w-]*)$")  # "withAnna"
_GLUED_DIGITS = compiled_pattern(
    r"^([a-z]{2,})((?:19|20)\d\d)$|^((?:19|20)\d\d)([a-z]{2,})$"
)  # "from2023", "2023papers"
_WORDLIKE = compiled_pattern(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Word:
    """A word of the question, folded and with its typo fixed."""

    text: str
    folded: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Named:
    """A name in the question: one entity, or a paper and a benchmark of the same name (a dataset paper)."""

    entities: tuple[Entity, ...]
    start: int
    end: int

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entities}


Item = Word | Named


@dataclass(frozen=True, slots=True)
class Reading:
    text: str  # the question as read (glued words split): entity offsets refer to it
    cue_text: str  # folded, typo-fixed, every name masked as §
    entities: tuple[Entity, ...]
    stream: tuple[Item, ...]  # words and names in text order
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, meant)
    respelt: tuple[tuple[str, str], ...] = ()  # the corrections to a word of the papers, not of questions

    def of_kind(self, *kinds: str) -> list[Entity]:
        return [e for e in self.entities if e.kind in kinds]


class Reader:
    """Built once per corpus: the vocabulary and the entity finder."""

    def __init__(
        self,
        corpus: Corpus,
        known_words: frozenset[str],
        stopwords: frozenset[str],
        in_corpus: Callable[[str], bool],
        papers_using: Callable[[str], int] | None = None,
        glued_parts: frozenset[str] = frozenset(),
        words_near: Callable[[str, int], Mapping[str, int]] | None = None,
        word_endings: frozenset[str] = frozenset(),
    ) -> None:
        """`words_near(word, edits)`: the words of the papers that many edits from a word, with how many
        papers use each (a misspelt topic word's candidates)."""
        self.corpus = corpus
        self.known_words = known_words  # the words questions are made of: vocabulary, cue keywords
        self.stopwords = stopwords
        self.in_corpus = in_corpus  # a word the corpus itself uses is never "corrected"
        self.finder = EntityFinder(corpus, stopwords, known_words, in_corpus, papers_using)
        self.glued_parts = glued_parts
        self.words_near = words_near
        self.word_endings = word_endings | {""}
        self._by_length: dict[int, list[str]] = {}
        for word in sorted(known_words):
            if len(word) >= 3:
                self._by_length.setdefault(len(word), []).append(word)
        self._choices: dict[tuple[int, int], list[str]] = {}

    def read(self, text: str, today: date) -> Reading:
        text = self.split_glued(text)
        folded = folded_text(text)
        words = tokens(text)
        fixes = {i: fix for i, w in enumerate(words) if (fix := self._typo_fix(w, i, words))}
        fixed = {i: meant for i, (meant, _) in fixes.items()}
        # A word of the questions' vocabulary misspelt is never a name; a misspelt topic word may be
        # the slip of a name first ("protien gym" is ProteinGym), and is respelt only where none is.
        typo_keywords = frozenset(words[i].folded for i, (_, of_papers) in fixes.items() if not of_papers)
        entities = self.finder.find(text, folded, today, typo_keywords)
        named: dict[tuple[int, int], list[Entity]] = {}
        for entity in entities:
            named.setdefault(entity.span, []).append(entity)
        names = [Named(tuple(group), start, end) for (start, end), group in sorted(named.items())]
        stream: list[Item] = []
        respelt: list[tuple[str, str]] = []
        pieces: list[str] = []
        cursor = 0
        spans = iter(names)
        current = next(spans, None)
        for index, word in enumerate(words):
            while current and current.end <= word.start:
                current = next(spans, None)
            if current and current.start <= word.start < current.end:
                if not stream or stream[-1] is not current:
                    stream.append(current)
                    pieces.append(folded[cursor : current.start])
                    pieces.append(f" {MASK} ")
                cursor = max(cursor, current.end)
                continue
            meant = fixed.get(index, word.folded)
            stream.append(Word(word.text, meant, word.start, word.end))
            if index in fixes and fixes[index][1]:
                respelt.append((word.text, meant))
            pieces.append(folded[cursor : word.start])
            pieces.append(meant)
            cursor = word.end
        pieces.append(folded[cursor:])
        cue_text = re.sub(r"\s+", " ", "".join(pieces)).strip()
        corrections = tuple((words[i].text, meant) for i, meant in sorted(fixed.items()))
        return Reading(text, cue_text, tuple(entities), tuple(stream), corrections, tuple(respelt))

    # --- glued words: "withAnna", "from2023", "paperswith"

    def split_glued(self, text: str) -> str:
        return _WORDLIKE.sub(lambda m: self._split_word(m.group()), text)

    def _split_word(self, word: str) -> str:
        case = _GLUED_CASE.match(word)
        if case and case.group(1) in self.known_words:
            return f"{case.group(1)} {case.group(2)}"
        digits = _GLUED_DIGITS.match(word)
        if digits:
            head, year = digits.group(1), digits.group(2)
            if head and head in self.known_words:
                return f"{head} {year}"
            year, tail = digits.group(3), digits.group(4)
            if tail and tail in self.known_words:
                return f"{year} {tail}"
            return word
        lower = word.casefold()
        if len(lower) < 7 or not lower.isalpha() or lower in self.known_words:
            return word
        splits = [
            (min(i, len(lower) - i), lower[:i], lower[i:])
            for i in range(3, len(lower) - 2)
            if lower[:i] in self.known_words
            and lower[i:] in self.known_words
            and (lower[:i] in self.glued_parts or lower[i:] in self.glued_parts)
        ]
        if not splits or self.in_corpus(lower):
            return word  # nothing to split into, or a word of the corpus ("understanding")
        _, head, tail = max(splits)
        return f"{word[: len(head)]} {word[len(head) :]}"

    # --- typos in the words questions are made of ("papres", "wich", "summerize")

    def _typo_choices(self, length: int, allowed: int) -> list[str]:
        """The vocabulary words within `allowed` letters of this length."""
        key = (length, allowed)
        if key not in self._choices:
            lengths = range(length - allowed, length + allowed + 1)
            self._choices[key] = [word for n in lengths for word in self._by_length.get(n, ())]
        return self._choices[key]

    def _typo_fix(self, word: Token, index: int, words: list[Token]) -> tuple[str, bool] | None:
        """The word meant, and whether it is a word of the papers rather than of questions."""
        lower = word.folded
        if len(lower) < 4 or not lower.isalpha() or lower in self.known_words:
            return None
        if any(c.isupper() for c in word.text[1:]) or (word.text[:1].isupper() and index > 0):
            return None  # shaped like a name: names have their own fuzzy matching
        if index + 1 < len(words) and words[index + 1].folded in ("t", "s", "re", "ve", "ll", "d", "m"):
            return None  # "aren't", "she's": the stem of a contraction
        if self.in_corpus(lower):
            return None  # a real word of this corpus ("robots"), not a slip; asked first, as it is cheaper
        from rapidfuzz import fuzz, process  # imported on first use: most starts never need it
        from rapidfuzz.distance import DamerauLevenshtein

        allowed = 1 if len(lower) < 10 else 2  # "contracts" is no slip of "contact"
        choices = [c for c in self._typo_choices(len(lower), allowed) if _may_be_meant(lower, c, endings=True)]
        # One C loop over the vocabulary words of about the same length.
        close = process.extract(lower, choices, scorer=DamerauLevenshtein.distance, score_cutoff=allowed, limit=None)
        best_distance = min((int(distance) for _, distance, _ in close), default=allowed + 1)
        best = [candidate for candidate, distance, _ in close if distance == best_distance]
        if len(best) > 1:
            # Equally few edits: two letters swapped first ("mnay" is "many", not "may"), then the
            # closest by shared letters ("wich" is "which" before "with").
            swapped = [c for c in best if sorted(c) == sorted(lower)]
            best = swapped or best
        if len(best) > 1:
            scored = sorted(((fuzz.ratio(lower, c), c) for c in best), reverse=True)
            best = [scored[0][1]] if scored[0][0] > scored[1][0] else []
        if len(best) == 1 and len(lower) <= 4 and best[0] == lower[:-1]:
            return None  # "chip" is no "chi" with a letter added: a short word as typed is likelier a word
        if len(best) != 1 or best_distance > allowed:
            # nothing close, or several equally close: a word of the papers, or the word as typed
            return self._respelt(lower, allowed) if not close else None
        # A word of the papers is the likelier slip when it takes a likelier edit ("traking" is
        # "tracking" of the abstracts, not "taking"); none is likelier than two letters swapped
        # ("papres"), so most slips of the questions' words never look at the papers
        known = _slip(lower, best[0])
        of_papers = self._respelt(lower, allowed) if known > _SWAPPED else None
        if of_papers and _slip(lower, of_papers[0]) < known:
            return of_papers
        return best[0], False

    def _respelt(self, lower: str, allowed: int) -> tuple[str, bool] | None:
        """The word of the papers a misspelt topic word is ("spindels"): the fewest edits away, letters
        swapped before others, then the one more papers use; none when two tie."""
        if self.words_near is None:
            return None
        near = {
            w: n
            for w, n in self.words_near(lower, allowed).items()
            if _may_be_meant(lower, w, endings=False) and not self._another_form(lower, w) and plausible_slip(lower, w)
        }
        if not near:
            # "surogates": the papers may say it only in the singular, an edit further away
            if not (lower.endswith("s") and len(lower) > 5):
                return None
            singular = self._respelt(lower[:-1], allowed)
            # a letter added or changed in the singular, never one taken away ("mitosis" is no "mitos")
            return singular if singular and len(singular[0]) >= len(lower) - 1 else None

        def rank(w: str) -> tuple[int, bool, bool, int]:
            return (*_slip(lower, w), -near[w])

        ranked = sorted(near, key=lambda w: (*rank(w), w))
        if len(ranked) > 1 and rank(ranked[0]) == rank(ranked[1]):
            return None
        return ranked[0], True

    def _another_form(self, typed: str, word: str) -> bool:
        """Whether two words differ only in their endings ("experiments", "experimental")."""
        common = next(
            (i for i, (a, b) in enumerate(zip(typed, word, strict=False)) if a != b), min(len(typed), len(word))
        )
        return typed[common:] in self.word_endings and word[common:] in self.word_endings


_SWAPPED = (1, False, True)  # `_slip` of one pair of letters swapped: the likeliest slip there is


def _slip(typed: str, word: str) -> tuple[int, bool, bool]:
    """How unlikely a slip of `word` `typed` is, to sort by: fewer edits, then letters swapped, then a
    letter left out ("traking" is "tracking" before "taking")."""
    from rapidfuzz.distance import DamerauLevenshtein

    return DamerauLevenshtein.distance(typed, word), sorted(word) != sorted(typed), len(word) <= len(typed)


def _may_be_meant(typed: str, word: str, endings: bool) -> bool:
    """Whether a short typed word may be a slip of `word`. A short word with a letter changed or added
    is often another word ("gist" is no "list", "radio" no "ratio", "coral" no "CoRL"): only letters
    swapped, one left out ("slep"), or (`endings`, for the words questions are made of) an ending added
    to a known word ("wants")."""
    if len(typed) > 5:
        return True
    return (
        len(word) > len(typed)
        or (len(word) == len(typed) and sorted(word) == sorted(typed))
        or (endings and len(word) == len(typed) - 1 and typed.startswith(word))
    )
