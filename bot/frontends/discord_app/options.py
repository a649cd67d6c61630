"""Slash-command option values, typed or picked from autocomplete, resolved to typed values: a class
code, a person key, a paper id, a benchmark's canonical name. A value that resolves to nothing comes
back with the closest candidates for a "did you mean". Pure Python: no discord import."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

from bot.corpus.categories import categories, category_name
from bot.corpus.model import Corpus, Paper
from bot.text import compact, fold

T = TypeVar("T")
SUGGEST_CUTOFF = 70.0  # a candidate this close is worth offering
ACCEPT_CUTOFF = 92.0  # a single candidate this close (and clearly ahead) is taken as meant
CLEAR_LEAD = 5.0
MAX_SUGGESTIONS = 5


@dataclass(frozen=True, slots=True)
class Resolution(Generic[T]):
    """Either `value`, or `problem` (one sentence) with up to five `(label, value)` candidates."""

    value: T | None = None
    problem: str = ""
    candidates: tuple[tuple[str, T], ...] = field(default=())


def _closest(typed: str, keys: dict[str, T], labels: dict[T, str]) -> list[tuple[float, T]]:
    """Candidates scored both ways round (WRatio favours short keys inside long text), best first."""
    query = fold(typed)
    scored: dict[T, float] = {}
    for key, score, _ in process.extract(
        query, list(keys), scorer=fuzz.WRatio, processor=None, limit=MAX_SUGGESTIONS * 4, score_cutoff=SUGGEST_CUTOFF
    ):
        both_ways = min(score, fuzz.token_sort_ratio(query, key))
        value = keys[key]
        if both_ways >= SUGGEST_CUTOFF and both_ways > scored.get(value, 0.0):
            scored[value] = both_ways
    ranked = sorted(scored.items(), key=lambda item: (-item[1], labels[item[0]]))
    return [(score, value) for value, score in ranked]


def _decide(typed: str, what: str, keys: dict[str, T], labels: dict[T, str]) -> Resolution[T]:
    ranked = _closest(typed, keys, labels)
    if ranked and ranked[0][0] >= ACCEPT_CUTOFF and (len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= CLEAR_LEAD):
        return Resolution(ranked[0][1])
    candidates = tuple((labels[value], value) for _, value in ranked[:MAX_SUGGESTIONS])
    return Resolution(problem=f"No {what} matches “{typed.strip()}”.", candidates=candidates)


def resolve_category(typed: str, corpus: Corpus) -> Resolution[str]:
    """`CV`, `cs.CV`, `computer vision`, `Computer Vision and Pattern Recognition` -> CV."""
    text = typed.strip()
    code = text.upper().removeprefix("CS.")
    known = set(categories()) | set(corpus.by_category)
    if code in known:
        return Resolution(code)
    keys: dict[str, str] = {}
    for category in categories().values():
        for alias in (category.name, *category.aliases):
            keys[fold(alias)] = category.code
    exact = keys.get(fold(text))
    if exact is not None:
        return Resolution(exact)
    labels = {c: f"{c} ({category_name(c)})" for c in known}
    return _decide(text, "arXiv class", keys, labels)


def resolve_person(typed: str, corpus: Corpus) -> Resolution[str]:
    """A person key (from autocomplete), a full name however spelt, or one name that only one author has."""
    text = typed.strip()
    if text in corpus.people:
        return Resolution(text)
    key = compact(text)
    if key in corpus.people:
        return Resolution(key)
    labels = {k: p.name for k, p in corpus.people.items()}
    owners = [k for k, p in corpus.people.items() if key in {compact(part) for part in p.name.split()}]
    if len(owners) == 1:
        return Resolution(owners[0])
    if owners:
        owners.sort(key=lambda k: (-len(corpus.people[k].papers), labels[k]))
        candidates = tuple((labels[k], k) for k in owners[:MAX_SUGGESTIONS])
        return Resolution(problem=f"Several listed authors are called “{text}”.", candidates=candidates)
    keys = {fold(p.name): k for k, p in corpus.people.items()}
    resolution = _decide(text, "listed author", keys, labels)
    if resolution.value is None and not resolution.candidates:
        return Resolution(problem=f"No one called “{text}” is among the listed authors on this profile.")
    return resolution


def _paper_label(paper: Paper) -> str:
    return f"{paper.title} ({paper.year})"


def _unique(papers: Iterable[Paper]) -> list[Paper]:
    return list({p.id: p for p in papers}.values())


def resolve_paper(typed: str, corpus: Corpus, index: PaperNames | None = None) -> Resolution[int]:
    """A title (autocomplete sends the title, clipped to 100 characters) or a system name -> paper id.
    Numbers are titles like any other text: ids never come from what a user types."""
    names = index or PaperNames(corpus)
    text = typed.strip()
    key = compact(text)
    exact = names.by_title.get(key) or names.by_system.get(key) or []
    if not exact and len(text) >= 90:  # a title clipped by autocomplete: match on its beginning
        exact = [p for title_key, papers in names.by_title.items() if title_key.startswith(key) for p in papers]
    exact = _unique(exact)
    if len(exact) == 1:
        return Resolution(exact[0].id)
    labels = {p.id: _paper_label(p) for p in corpus.papers}
    if exact:
        candidates = tuple((labels[p.id], p.id) for p in corpus.newest_first(exact)[:MAX_SUGGESTIONS])
        return Resolution(problem=f"Several papers are called “{text}”.", candidates=candidates)
    resolution = _decide(text, "paper title or system name", names.fuzzy_keys, labels)
    if resolution.value is None and not resolution.candidates:
        return Resolution(problem=f"No paper on this profile is titled or named “{text}”; start typing and pick one.")
    return resolution


class PaperNames:
    """Titles and system names by compact key, built once per corpus (alongside autocomplete)."""

    def __init__(self, corpus: Corpus) -> None:
        self.by_title: dict[str, list[Paper]] = {}
        self.by_system: dict[str, list[Paper]] = {}
        self.fuzzy_keys: dict[str, int] = {}
        for paper in corpus.newest:
            self.by_title.setdefault(compact(paper.title), []).append(paper)
            self.fuzzy_keys.setdefault(fold(paper.title), paper.id)
            if paper.system:
                self.by_system.setdefault(compact(paper.system), []).append(paper)
                self.fuzzy_keys.setdefault(fold(paper.system), paper.id)


def resolve_benchmark(typed: str, corpus: Corpus) -> Resolution[str]:
    """A benchmark the gazetteer knows -> its canonical name; a near miss -> candidates; anything else
    -> None without a problem, so the command searches for the words as typed."""
    text = typed.strip()
    canonical = corpus.gazetteer.canonical(text)
    if canonical:
        return Resolution(canonical)
    names = set(corpus.by_benchmark) | set(corpus.gazetteer.entries)
    keys = {fold(name): name for name in names}
    ranked = _closest(text, keys, {name: name for name in names})
    if not ranked:
        return Resolution()
    candidates = tuple((name, name) for _, name in ranked[:MAX_SUGGESTIONS])
    return Resolution(problem=f"No benchmark called “{text}” is known.", candidates=candidates)
