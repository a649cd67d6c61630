"""Concepts of the field and every form that names them, so topic search matches meaning.

"LLM", "LLMs" and "large language models" are one concept; "NeRFs" finds "neural radiance
fields". The lexicon lives in data/concepts.yaml (its header says how forms are written).

Matching works on words, not characters: a text is cut into runs of letters and digits, folded
like `bot.text.fold`, and walked through a trie of the forms' word sequences, longest form first.
Two words of a form may be joined in the text by a space, a hyphen, a slash or an apostrophe
("video-text" = "video text"); a hyphenated form also matches with its words run together
("videotext"). Plurals come from the forms themselves ("NeRF" -> "NeRFs"). One dictionary lookup
per word of the text rejects almost every word, so a question costs tens of microseconds.
"""

from __future__ import annotations

import itertools
import marshal
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, overload

from bot.paths import CONCEPTS_FILE
from bot.precompiled import compiled_pattern
from bot.text import fold
from bot.yaml_io import load_data_file

_WORD = compiled_pattern(r"[^\W_]+")
# What may stand between two words of one form in a text: "video-text", "AR/VR", "bird's eye".
_JOINERS = frozenset(" \t\n-\u2010\u2011\u2012\u2013/_'\u2019&")
_MAX_GAP = 3
_CONCEPT_KEYS = frozenset({"name", "terms", "question_terms", "case_sensitive", "broader"})
_FILE_KEYS = frozenset({"concepts", "shared_terms"})
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")
_VOWELS = frozenset("aeiou")

Spelling = tuple[str, ...]  # the folded words of one way to write a form


class LexiconError(ValueError):
    """A lexicon file or entry that cannot be used, with every problem found in it."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(self.problems))


@dataclass(frozen=True, slots=True)
class Concept:
    """An idea of the field: its canonical name, the forms that mean it, wider topics."""

    name: str
    terms: tuple[str, ...]
    """Every form that means the concept in a question or an abstract, the name first."""
    broader: tuple[str, ...] = ()
    """Names of wider topics that contain this one."""
    question_terms: tuple[str, ...] = ()
    """Forms that mean the concept in a chat question but are too loose in an abstract."""
    case_sensitive: frozenset[str] = frozenset()
    """Forms (among the above) that match only as written: "RAG", not "rag"."""


@dataclass(frozen=True, slots=True)
class ConceptHit:
    """A concept named in a text, and where: `text[start:end] == surface`."""

    concept: Concept
    start: int
    end: int
    surface: str


def _plurals(word: str) -> tuple[str, ...]:
    if not word or word[-1].isdigit():
        return ()
    lowered = word.lower()
    if lowered.endswith(_SIBILANT_ENDINGS):
        return (word + "es",)
    if lowered.endswith("y") and len(word) > 2 and lowered[-2] not in _VOWELS:
        return (word[:-1] + "ies", word + "s")
    return (word + "s",)


@lru_cache(maxsize=16384)
def spellings(form: str, plurals: bool = True) -> frozenset[Spelling]:
    """The word sequences a form stands for, plurals included.

    Each space-separated part that holds a hyphen may be written split or run together:
    "multi-modal LLM" -> (multi, modal, llm), (multimodal, llm), and their plurals.
    """
    folded = fold(form)
    if "-" in form:
        options = []
        for part in folded.split():
            words = tuple(_WORD.findall(part))
            options.append([words, ("".join(words),)] if len(words) > 1 and "-" in part else [words])
        variants = {tuple(w for words in combination for w in words) for combination in itertools.product(*options)}
    else:
        variants = {tuple(_WORD.findall(folded))}
    found = {spelling for spelling in variants if spelling}
    if plurals:
        found.update((*s[:-1], plural) for s in list(found) for plural in _plurals(s[-1]))
    return frozenset(found)


def _turned(form: str) -> frozenset[Spelling]:
    """A two-word form the other way round, as questions say it: "video understanding" ->
    "understanding video(s)", "understanding of video(s)"."""
    found: set[Spelling] = set()
    for spelling in spellings(form, plurals=False):
        if len(spelling) != 2 or spelling[0] == spelling[1]:
            continue
        modifier, head = spelling
        for noun in (modifier, *_plurals(modifier)):
            found.update({(head, noun), (head, "of", noun)})
    return frozenset(found)


def _cased_key(text: str) -> str:
    return "".join(_WORD.findall(text))


def _cased_surfaces(form: str) -> frozenset[str]:
    key = _cased_key(form)
    return frozenset({key, *_plurals(key)})


# The trie is plain data (lists, dicts, tuples) so the shipped lexicon's can be kept by
# bot.precompiled: building it costs about 40 ms. Its first words are grouped by their first two
# letters; kept, each group is its own marshal bytes and each first word's subtree inside it too
# (`_packed`), read back when a text first holds such a word: the whole trie takes 8-14 ms to read
# back, 5,000-odd first words one by one 1.2 ms of a start, their 400-odd groups a fraction of that,
# and a question touches a handful. The turned-round forms are grouped and packed the same way.
# An entry: (concept index, the surfaces a case-sensitive form allows (letters and digits only) or
# None, whether the form counts in questions only). A node: [children by word, entries].
_Entry = tuple[int, frozenset[str] | None, bool]
_Node = list[Any]


def _accepts(entry: _Entry, surface: str, question: bool) -> bool:
    _, cased, question_only = entry
    if question_only and not question:
        return False
    return cased is None or _cased_key(surface) in cased


def _build_trie(concepts: Sequence[Concept]) -> _Node:
    # The root also holds two-word forms turned round, by first word: {word: {spelling: concept index}}.
    root: _Node = [{}, [], {}]
    for index, concept in enumerate(concepts):
        for form, question_only in _forms(concept):
            cased = _cased_surfaces(form) if form in concept.case_sensitive else None
            entry: _Entry = (index, cased, question_only)
            for spelling in spellings(form):
                node = root
                for word in spelling:
                    child = node[0].get(word)
                    if child is None:
                        child = node[0][word] = [{}, []]
                    node = child
                if entry not in node[1]:
                    node[1].append(entry)
            if cased is None and form.count(" ") == 1 and "-" not in form:
                # People say a two-word topic either way round: "understanding videos", "detection of objects".
                for turned in _turned(form):
                    root[2].setdefault(turned[0], {}).setdefault(turned, index)
    return root


def _packed(root: _Node) -> _Node:
    """The trie as it is kept: every group of first words (`_grouped`) and every subtree in it as
    marshal bytes."""
    return [
        {
            key: marshal.dumps({w: marshal.dumps(c) for w, c in group.items()})
            for key, group in _grouped(root[0]).items()
        },
        root[1],
        {
            key: marshal.dumps({w: marshal.dumps(t) for w, t in group.items()})
            for key, group in _grouped(root[2]).items()
        },
        _GROUPED,
    ]


_GROUPED = "grouped"  # the last item of a kept trie (a built one has three)


def _group_key(word: str) -> str:
    return word[:2]


def _grouped(by_word: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for word, value in by_word.items():
        groups.setdefault(_group_key(word), {})[word] = value
    return groups


def _unpacked(groups: dict[str, Any], word: str) -> Any:
    """What a grouped, maybe packed, dict holds for `word`, unpacked (and kept unpacked) on first use."""
    key = _group_key(word)
    group = groups.get(key)
    if group is None:
        return None
    if isinstance(group, bytes):
        group = groups[key] = marshal.loads(group)
    found = group.get(word)
    if isinstance(found, bytes):
        found = group[word] = marshal.loads(found)
    return found


def _words(text: str) -> tuple[list[re.Match[str]], list[str]]:
    """The words of a text and their folded forms. An ASCII text is lowered whole: the offsets
    stay those of the text, and one C call beats folding word by word."""
    if text.isascii():
        matches = list(_WORD.finditer(text.lower()))
        return matches, [m.group() for m in matches]
    matches = list(_WORD.finditer(text))
    return matches, [fold(m.group()) for m in matches]


def _joinable(gap: str) -> bool:
    return len(gap) <= _MAX_GAP and all(ch in _JOINERS for ch in gap)


class _KeptConcepts(Sequence[Concept]):
    """The shipped lexicon's concepts, each made from its kept row the first time it is asked for: a
    question names a handful (and their narrower topics), not the thousand-odd the file holds."""

    def __init__(self, rows: Sequence[bytes]) -> None:
        self._rows = rows
        self._made: list[Concept | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Concept: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Concept]: ...

    def __getitem__(self, index: int | slice) -> Concept | Sequence[Concept]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        made = self._made[index]
        if made is None:
            name, terms, broader, asked, exact = marshal.loads(self._rows[index])
            made = self._made[index] = Concept(name, terms, broader, asked, frozenset(exact))
        return made


class ConceptLexicon:
    """The concepts of the field; `find` reads a question, `mentions` an abstract."""

    def __init__(
        self,
        concepts: Iterable[Concept],
        shared_terms: Iterable[str] = (),
        trie: _Node | None = None,
        kept: tuple[list[str], dict[str, frozenset[str]]] | None = None,
        names: tuple[Sequence[str], Sequence[str]] | None = None,
    ) -> None:
        """`trie` is `_build_trie(concepts)` (or its `_packed` form) when the caller already has it; `kept`, what
        `_structure_problems` and `_closures` give for these concepts (worked out once per installation
        for the shipped file: 35 ms of the first topic question); `names`, each concept's name and its
        folded form, in order (the kept lexicon's concepts are made only when asked for)."""
        self.concepts: Sequence[Concept] = concepts if isinstance(concepts, _KeptConcepts) else tuple(concepts)
        self.shared_terms = frozenset(shared_terms)
        said, folded = names or ([c.name for c in self.concepts], [fold(c.name) for c in self.concepts])
        self._by_name = {name: index for index, name in enumerate(folded)}
        if kept is None:
            problems = _structure_problems(self.concepts, {name: self.concepts[i] for name, i in self._by_name.items()})
        problems, narrower = kept or (problems, {})
        if problems:
            raise LexiconError(problems)
        self._index = {name: index for index, name in enumerate(said)}
        root = _build_trie(self.concepts) if trie is None else trie
        # The first words' subtrees by group, unpacked here as texts reach them (a copy: a kept trie is shared).
        kept_trie = len(root) > 3 and root[3] == _GROUPED
        self._first_words: dict[str, Any] = dict(root[0]) if kept_trie else _grouped(root[0])
        self._turned: dict[str, Any] = dict(root[2]) if kept_trie else _grouped(root[2])
        self._narrower = narrower or _closures(self.concepts)
        self._names_in = lru_cache(maxsize=8192)(self._names_in_uncached)

    @classmethod
    def default(cls) -> ConceptLexicon:
        """The shipped lexicon, read once per process."""
        return _default_lexicon()

    @classmethod
    def from_data(cls, data: Any) -> ConceptLexicon:
        """A lexicon from the parsed YAML document; every problem in it raises one LexiconError."""
        return ConceptLexicon(*_parse(data))

    def lint(self) -> list[str]:
        """What a careful editor of the data would fix: forms two concepts claim, forms that
        add nothing. Harmless at run time, so checked by the data tests rather than on load."""
        problems = _clashes(self.concepts, self.shared_terms)
        for concept in self.concepts:
            problems += _redundant_forms(concept)
        return problems

    def __len__(self) -> int:
        return len(self.concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def concept(self, name: str) -> Concept | None:
        """The concept with this canonical name (any case), or None."""
        index = self._by_name.get(fold(name))
        return None if index is None else self.concepts[index]

    def broader(self, concept: Concept) -> tuple[Concept, ...]:
        """The wider topics directly containing the concept, to widen a search that found nothing."""
        return tuple(self.concepts[self._by_name[fold(name)]] for name in concept.broader)

    def narrower(self, concept: Concept) -> tuple[Concept, ...]:
        """Every topic the concept contains, at any depth, itself excluded."""
        # in the lexicon's order, found by name rather than by a walk over every concept
        index = self._index
        found = sorted(index[name] for name in self._narrower[concept.name] if name in index)
        return tuple(self.concepts[i] for i in found if self.concepts[i] is not concept)

    def find(self, text: str) -> list[ConceptHit]:
        """Concepts a question names, left to right, longest form first, never overlapping."""
        hits = [
            ConceptHit(self.concepts[entry[0]], start, end, text[start:end])
            for start, end, entries in self._scan(text, question=True)
            for entry in entries
        ]
        if not self._turned:
            return hits
        # A form said the other way round wins over the shorter forms inside it ("understanding videos"
        # is video understanding, not only "videos"), never over a form it only overlaps.
        turned = [
            t
            for t in self._find_turned(text)
            if all(h.end <= t.start or t.end <= h.start or (t.start <= h.start and h.end <= t.end) for h in hits)
        ]
        kept = [h for h in hits if not any(t.start <= h.start and h.end <= t.end for t in turned)]
        return sorted([*kept, *turned], key=lambda hit: hit.start)

    def _turned_index(self, spelling: Spelling) -> int | None:
        group = _unpacked(self._turned, spelling[0])
        return None if group is None else group.get(spelling)

    def _find_turned(self, text: str) -> list[ConceptHit]:
        words, keys = _words(text)
        taken: list[tuple[int, int]] = []
        hits: list[ConceptHit] = []
        i = 0
        while i < len(keys) - 1:
            for size in (3, 2):
                index = self._turned_index(tuple(keys[i : i + size])) if i + size <= len(keys) else None
                if index is None:
                    continue
                start, end = words[i].start(), words[i + size - 1].end()
                if not any(s < end and start < e for s, e in taken):
                    hits.append(ConceptHit(self.concepts[index], start, end, text[start:end]))
                    taken.append((start, end))
                    i += size - 1
                    break
            i += 1
        return hits

    def concepts_in(self, text: str) -> frozenset[str]:
        """Names of the concepts a title or abstract mentions (question-only forms left out)."""
        return self._names_in(text)

    def mentions(self, concept: Concept, text: str, narrower: bool = True) -> bool:
        """Whether a title or abstract mentions the concept, or (by default) a topic it contains:
        "large vision-language models" is a mention of vision-language models."""
        found = self._names_in(text)
        if narrower:
            return not found.isdisjoint(self._narrower[concept.name])
        return concept.name in found

    def _names_in_uncached(self, text: str) -> frozenset[str]:
        return frozenset(
            self.concepts[entry[0]].name for _, _, entries in self._scan(text, question=False) for entry in entries
        )

    def _scan(self, text: str, question: bool) -> Iterator[tuple[int, int, list[_Entry]]]:
        words, keys = _words(text)
        first_words = self._first_words
        i = 0
        while i < len(keys):
            node: _Node | None = _unpacked(first_words, keys[i])
            best: tuple[int, list[_Entry]] | None = None
            j = i
            while node is not None:
                if node[1]:
                    surface = text[words[i].start() : words[j].end()]
                    # a cased abbreviation opening a capitalised compound is a name's part: "MT" of "MT-Bench"
                    named = _COMPOUND_NAME.match(text, words[j].end()) is not None
                    accepted = [e for e in node[1] if _accepts(e, surface, question) and not (named and e[1])]
                    if accepted:
                        best = (j, accepted)
                j += 1
                if j == len(keys) or not _joinable(text[words[j - 1].end() : words[j].start()]):
                    break
                node = node[0].get(keys[j])
            if best is None:
                i += 1
                continue
            last, entries = best
            yield words[i].start(), words[last].end(), entries
            i = last + 1


_COMPOUND_NAME = compiled_pattern(r"-[A-Z]")


def _forms(concept: Concept) -> Iterator[tuple[str, bool]]:
    for form in concept.terms:
        yield form, False
    for form in concept.question_terms:
        yield form, True


def _closures(concepts: Sequence[Concept]) -> dict[str, frozenset[str]]:
    """Each concept's name with the names of every concept below it."""
    children: dict[str, list[str]] = {c.name: [] for c in concepts}
    for concept in concepts:
        for parent in concept.broader:
            children[parent].append(concept.name)
    closures: dict[str, frozenset[str]] = {}
    for concept in concepts:
        seen = {concept.name}
        stack = [concept.name]
        while stack:
            for child in children[stack.pop()]:
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        closures[concept.name] = frozenset(seen)
    return closures


def _structure_problems(concepts: Sequence[Concept], by_name: Mapping[str, Concept]) -> list[str]:
    """What makes a set of concepts unusable: duplicate names, links to nowhere, cycles."""
    counts = Counter(fold(c.name) for c in concepts)
    problems = [f"concept {name!r} is listed {n} times" for name, n in counts.items() if n > 1]
    for concept in concepts:
        name = concept.name
        forms = {*concept.terms, *concept.question_terms}
        problems += [f"{name}: case-sensitive {f!r} is not one of its forms" for f in concept.case_sensitive - forms]
        problems += [f"{name}: broader {b!r} is not a concept" for b in concept.broader if fold(b) not in by_name]
        problems += [f"{name}: {f!r} has no letters or digits" for f in forms if not _WORD.search(f)]
    return problems + _cycles(concepts)


def _clashes(concepts: Sequence[Concept], shared_terms: frozenset[str]) -> list[str]:
    """Forms that two concepts both claim, unless listed as shared on purpose."""
    shared = {spelling for form in shared_terms for spelling in spellings(form)}
    owners: dict[tuple[Spelling, str | None], set[str]] = {}
    for concept in concepts:
        for form in (*concept.terms, *concept.question_terms):
            cased = _cased_key(form) if form in concept.case_sensitive else None
            for spelling in spellings(form):
                owners.setdefault((spelling, cased), set()).add(concept.name)
    clashes: dict[str, set[str]] = {}
    for (spelling, cased), names in owners.items():
        # A case-insensitive form also takes the case-sensitive spellings of the same words.
        everyone = names | owners.get((spelling, None), set())
        if len(everyone) > 1 and spelling not in shared:
            clashes.setdefault(cased or " ".join(spelling), set()).update(everyone)
    return [
        f"{form!r} is under {sorted(names)} (list it in shared_terms if deliberate)"
        for form, names in sorted(clashes.items())
    ]


def _redundant_forms(concept: Concept) -> list[str]:
    """Forms another form of the concept already spells (its plural, its unhyphenated twin).
    The name stays whatever else is listed, and a question-only form never covers a term."""
    forms = (*concept.terms, *concept.question_terms)

    def signature(form: str, plurals: bool) -> set[tuple[Spelling, str | None]]:
        cased = _cased_key(form) if form in concept.case_sensitive else None
        return {(spelling, cased) for spelling in spellings(form, plurals)}

    full = {form: signature(form, plurals=True) for form in forms}
    problems = []
    for form in forms:
        written = signature(form, plurals=False)
        others = concept.terms if form in concept.terms else forms
        wider = next((o for o in others if o != form and written <= full[o]), None)
        if written and form != concept.name and wider is not None:
            problems.append(f"{concept.name}: {form!r} adds nothing to {wider!r}")
    return problems


def _cycles(concepts: Sequence[Concept]) -> list[str]:
    parents = {fold(c.name): [fold(b) for b in c.broader] for c in concepts}
    problems: list[str] = []
    for start in parents:
        stack, seen = list(parents[start]), set()
        while stack:
            name = stack.pop()
            if name == start:
                problems.append(f"{start}: broader links lead back to it")
                break
            if name not in seen and name in parents:
                seen.add(name)
                stack.extend(parents[name])
    return problems


def string_list(value: Any, where: str, problems: list[str]) -> tuple[str, ...]:
    """A YAML list of non-empty strings, or () with the problem noted."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: expected a list of non-empty strings, got {value!r}")
        return ()
    return tuple(value)


def named_entries(
    items: list[Any], kind: str, keys: frozenset[str], problems: list[str]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """The entries of a lexicon file that are mappings with a name, each with its name; every
    other entry and every unknown key is noted in `problems`."""
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            problems.append(f"{kind} #{number}: expected a mapping with a non-empty string 'name', got {item!r}")
            continue
        problems += [f"{item['name']}: unknown key {k!r}" for k in item if k not in keys]
        yield item["name"], item


def _parse(data: Any) -> tuple[list[Concept], tuple[str, ...]]:
    if not isinstance(data, dict) or not isinstance(data.get("concepts"), list):
        raise LexiconError(["expected a mapping with a list under 'concepts'"])
    problems = [f"unknown top-level key {k!r}" for k in data if k not in _FILE_KEYS]
    shared = string_list(data.get("shared_terms"), "shared_terms", problems)
    concepts = []
    for name, item in named_entries(data["concepts"], "concept", _CONCEPT_KEYS, problems):
        terms = string_list(item.get("terms"), f"{name}: terms", problems)
        concepts.append(
            Concept(
                name=name,
                terms=tuple(dict.fromkeys((name, *terms))),
                broader=string_list(item.get("broader"), f"{name}: broader", problems),
                question_terms=string_list(item.get("question_terms"), f"{name}: question_terms", problems),
                case_sensitive=frozenset(string_list(item.get("case_sensitive"), f"{name}: case_sensitive", problems)),
            )
        )
    if problems:
        raise LexiconError(problems)
    return concepts, shared


def _trie_content() -> bytes:
    # The key of the shipped lexicon's trie: the data, and this module's code, which decides its shape.
    return CONCEPTS_FILE.read_bytes() + b"\0" + Path(__file__).read_bytes()


def _kept_lexicon() -> tuple[Any, ...]:
    """The shipped lexicon checked and parsed, as marshal keeps it in one entry: each concept as its
    own packed row, their names and folded names, the shared terms, the packed trie, the structure
    checks and each concept's narrower topics. The first topic question of a later process reads
    these (one entry, one hash of the data) instead of walking the YAML again and building the trie
    (45 + 35 ms), and makes only the concepts it meets."""
    concepts, shared = _parse(load_data_file(CONCEPTS_FILE))
    rows = [
        marshal.dumps((c.name, c.terms, c.broader, c.question_terms, tuple(sorted(c.case_sensitive)))) for c in concepts
    ]
    names, folded = [c.name for c in concepts], [fold(c.name) for c in concepts]
    problems = _structure_problems(concepts, dict(zip(folded, concepts, strict=True)))
    return rows, names, folded, shared, _packed(_build_trie(concepts)), problems, _closures(concepts)


@cache
def _default_lexicon() -> ConceptLexicon:
    from bot.precompiled import precompiled

    rows, names, folded, shared, trie, problems, narrower = precompiled(
        "concept-lexicon", _trie_content(), _kept_lexicon
    )
    return ConceptLexicon(_KeptConcepts(rows), shared, trie, (list(problems), dict(narrower)), (names, folded))


def keep_default_trie() -> None:
    """Build the shipped lexicon's trie and checks and keep them, if no process of this installation
    has yet: a later process's first topic question then reads them (a few ms) instead of building
    them (45 + 35 ms).
    `ask` calls it once its answers are out."""
    from bot.precompiled import is_kept

    if not is_kept("concept-lexicon", _trie_content()):
        _default_lexicon()
