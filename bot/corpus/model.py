"""The corpus: a researcher and their papers, with the indexes questions are answered from."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from operator import attrgetter
from typing import Any

from bot.corpus.categories import class_names
from bot.corpus.gazetteer import Gazetteer, default_gazetteer
from bot.gc_control import collector_paused
from bot.precompiled import compiled_pattern
from bot.text import compact, compact_each


@dataclass(frozen=True, slots=True)
class Researcher:
    name: str
    primary_category: str
    h_index: int
    paper_count: int
    citations: int
    novelty: float | int | None
    ai_score: float | int | None
    as_of: date


# Not frozen: a page's papers are built 10,000 at a time, and a frozen dataclass's __init__ sets each
# field through object.__setattr__ (twice the cost: 20 ms of a 10,000-paper load). Nothing changes a
# paper once its corpus is built.
@dataclass(slots=True)
class Paper:
    id: int
    title: str
    date: date
    year: int
    year_inferred: bool
    category: str
    has_code: bool
    authors: tuple[str, ...]
    authors_truncated: bool
    abstract: str
    links: tuple[str, ...]
    system: str | None
    benchmarks: tuple[str, ...]
    introduces: tuple[str, ...] = ()

    def __hash__(self) -> int:
        # Ids are unique within a corpus; hashing every field made sets of papers slow.
        return self.id

    @property
    def code_link(self) -> str | None:
        """The link most likely to hold the code: a code host first, then any other link."""
        for host in ("github.com", "gitlab.com", "huggingface.co", "modelscope.cn", "bitbucket.org"):
            for link in self.links:
                if host in link:
                    return link
        return self.links[0] if self.links else None

    @property
    def short_name(self) -> str:
        return self.system or self.title


@dataclass(slots=True)
class Person:
    """One author, however the pages spell them ("Feng-Lin Li" and "Fenglin Li" are one person)."""

    key: str
    name: str
    papers: list[Paper] = field(default_factory=list)
    spellings: dict[str, int] = field(default_factory=dict)  # how often the page writes each


def person_key(name: str) -> str:
    return compact(name)


_INITIAL = compiled_pattern(r"[A-Z]\.?")


def _merge_researcher_orders(keys: dict[str, str], name: str) -> None:
    """The profile's researcher written in another order or shorter ("Minh Khuê Trần", "Khuê Trần" for
    "Trần Minh Khuê"): a spelling holding their first and last name words, and no word they lack, is
    them. Only the researcher: every paper on the page is theirs, while two co-authors "Li Wei" and
    "Wei Li" may well be two people."""
    words = [compact(w) for w in name.split() if compact(w)]
    if len(words) < 2:
        return
    own, researcher = set(words), compact(name)
    first, last = words[0], words[-1]
    for spelling, key in keys.items():
        if first not in key or last not in key:  # a spelling's key holds every word of it
            continue
        parts = {compact(w) for w in spelling.split() if compact(w)}
        if key != researcher and len(parts) >= 2 and parts <= own and {words[0], words[-1]} <= parts:
            keys[spelling] = researcher


def _merge_middle_initials(keys: dict[str, str]) -> None:
    """One person with and without middle initials ("Annelies M. van der Zwaan" is "Annelies van der
    Zwaan" when the page spells her both ways): a spelling whose initials dropped gives another
    spelling's key takes that key. Without the other spelling the initials stay part of the name."""
    known = set(keys.values())
    for spelling in keys:
        words = spelling.split()
        if len(words) < 3:
            continue  # no middle word
        middle = [w for w in words[1:-1] if not _INITIAL.fullmatch(w)]
        if len(middle) == len(words) - 2:
            continue
        plain = compact(" ".join([words[0], *middle, words[-1]]))
        if plain != keys[spelling] and plain in known:
            keys[spelling] = plain


class Corpus:
    """Papers in profile order plus lookups by year, category, person, benchmark and name."""

    def __init__(self, researcher: Researcher, papers: Sequence[Paper], gazetteer: Gazetteer | None = None) -> None:
        self.researcher = researcher
        self.papers: tuple[Paper, ...] = tuple(papers)
        self.by_id: dict[int, Paper] = {p.id: p for p in self.papers}
        self.by_year: dict[int, list[Paper]] = defaultdict(list)
        self.by_category: dict[str, list[Paper]] = defaultdict(list)
        self.by_benchmark: dict[str, list[Paper]] = defaultdict(list)
        self.people: dict[str, Person] = {}
        self._paper_people: dict[int, tuple[str, ...]] = {}
        # Author spellings recur across papers: each is compacted once, all in one batch.
        spellings = list(dict.fromkeys(author for paper in self.papers for author in paper.authors))
        keys = dict(zip(spellings, compact_each(spellings), strict=True))
        _merge_middle_initials(keys)
        _merge_researcher_orders(keys, researcher.name)
        met: dict[str, dict[str, int]] = {}  # person key -> how often each spelling of theirs is met
        paper_people = self._paper_people
        key_of = keys.__getitem__
        for paper in self.papers:
            paper_keys = list(map(key_of, paper.authors))
            paper_people[paper.id] = tuple(dict.fromkeys(paper_keys))
            for key, author in zip(paper_keys, paper.authors, strict=True):
                counts = met.get(key)
                if counts is None:
                    met[key] = {author: 1}
                else:
                    counts[author] = counts.get(author, 0) + 1
        for key, counts in met.items():
            # Person's name: the most frequent spelling, the first met among equals (max keeps the first).
            self.people[key] = Person(key, max(counts, key=counts.__getitem__), [], counts)
        self._base_gazetteer = gazetteer or default_gazetteer()
        self._editions_found: dict[str, tuple[str, ...]] = {}
        # Newest first, and among one day's papers the one the page lists first (a reversed sort keeps
        # the order of equals): two sorts on C key functions, a third of one on a tuple per paper.
        by_id = sorted(self.papers, key=attrgetter("id"))
        self.newest: tuple[Paper, ...] = tuple(sorted(by_id, key=attrgetter("date"), reverse=True))
        self.rank: dict[int, int] = {p.id: i for i, p in enumerate(self.newest)}
        # Every index lists its papers newest first, so a filtered list needs no sorting per message:
        # filled walking the papers from the newest, no list needs sorting here either.
        # Keys in the order the profile first names them, as before the lists were filled this way.
        for year in dict.fromkeys(p.year for p in self.papers):
            self.by_year[year] = []
        for category in dict.fromkeys(p.category for p in self.papers):
            self.by_category[category] = []
        for name in dict.fromkeys(name for p in self.papers for name in p.benchmarks):
            self.by_benchmark[name] = []
        people = self.people
        for paper in self.newest:
            self.by_year[paper.year].append(paper)
            self.by_category[paper.category].append(paper)
            for name in paper.benchmarks:
                self.by_benchmark[name].append(paper)
            for key in self._paper_people[paper.id]:
                people[key].papers.append(paper)
        self.with_code: list[Paper] = [p for p in self.newest if p.has_code]
        self.with_benchmarks: list[Paper] = [p for p in self.newest if p.benchmarks]
        self.inferred_count = sum(1 for p in self.papers if p.year_inferred)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The shared gazetteer plus the benchmarks this corpus's papers present."""
        return self._base_gazetteer.extended(self.by_benchmark)

    @cached_property
    def class_names(self) -> dict[str, str]:
        """Each class's name on this page ("CO" is Combinatorics beside math classes)."""
        return class_names([self.researcher.primary_category, *self.by_category])

    def class_name(self, code: str) -> str:
        return self.class_names.get(code) or class_names([code])[code]

    def class_label(self, code: str) -> str:
        """The class as answers show it: "LG (Machine Learning)", or "GP" alone for a class the data
        does not name (never "GP (GP)")."""
        name = self.class_name(code)
        return code if name == code else f"{code} ({name})"

    @cached_property
    def researcher_key(self) -> str:
        return person_key(self.researcher.name)

    def people_keys_of(self, paper: Paper) -> tuple[str, ...]:
        """The paper's listed authors as person keys, in listed order."""
        return self._paper_people[paper.id]

    @staticmethod
    def people_key(name: str) -> str:
        return person_key(name)

    def _rank_of(self, paper: Paper) -> int:
        return self.rank[paper.id]

    def newest_first(self, papers: Iterable[Paper] | None = None) -> list[Paper]:
        if papers is None:
            return list(self.newest)
        return sorted(papers, key=self._rank_of)

    def mentioning(self, benchmark: str) -> list[Paper]:
        """Papers that mention a benchmark, newest first, counting its editions written after its name:
        a paper on "Atari 100k" or "SQuAD 2.0" mentions Atari, SQuAD."""
        editions = self._editions(benchmark)
        if not editions:
            return self.by_benchmark.get(benchmark, [])
        papers = {p.id: p for name in (benchmark, *editions) for p in self.by_benchmark.get(name, [])}
        return self.newest_first(papers.values())

    def _editions(self, benchmark: str) -> tuple[str, ...]:
        """The longer names a benchmark name is written in here: its editions ("SQuAD 2.0") and the names
        it is a part of between hyphens ("RWTH-PHOENIX-Weather 2014" for "PHOENIX"). Found per name
        asked, over the benchmark names (not the papers): all of them at once cost the first benchmark
        question 1 ms at 10,000 papers."""
        found = self._editions_found.get(benchmark)
        if found is None:
            found = ()
            if benchmark in self.by_benchmark or benchmark in self._base_gazetteer.entries:
                found = tuple(name for name in self.by_benchmark if _an_edition(benchmark, name))
            self._editions_found[benchmark] = found
        return found

    @cached_property
    def benchmark_counts(self) -> Counter[str]:
        return Counter({name: len(papers) for name, papers in self.by_benchmark.items()})

    @cached_property
    def introduced_by(self) -> dict[str, list[Paper]]:
        """Papers by the (compact) names they introduce: their system and the benchmarks they build."""
        owners: dict[str, list[Paper]] = defaultdict(list)
        for paper in self.papers:
            for name in dict.fromkeys(compact(n) for n in (*paper.introduces, paper.system or "") if n):
                owners[name].append(paper)
        return owners

    @cached_property
    def first_authored(self) -> dict[str, list[Paper]]:
        owners: dict[str, list[Paper]] = defaultdict(list)
        for paper in self.newest:
            if paper.authors:
                owners[person_key(paper.authors[0])].append(paper)
        return owners

    def years(self) -> list[int]:
        return sorted(self.by_year)

    @classmethod
    def from_document(cls, document: dict[str, Any], gazetteer: Gazetteer | None = None) -> Corpus:
        """A corpus from its YAML document, checked by bot.corpus.schema first."""
        with collector_paused():
            return cls._from_document(document, gazetteer)

    @classmethod
    def _from_document(cls, document: dict[str, Any], gazetteer: Gazetteer | None) -> Corpus:
        r = document["researcher"]
        researcher = Researcher(
            name=r["name"],
            primary_category=r["primary_category"],
            h_index=r["h_index"],
            paper_count=r["paper_count"],
            citations=r["citations"],
            novelty=r.get("novelty"),
            ai_score=r.get("ai_score"),
            as_of=date.fromisoformat(str(r["as_of"])),
        )
        days: dict[str, date] = {}  # papers share days: each date read once
        papers = []
        for p in document["papers"]:
            written = str(p["date"])
            day = days.get(written)
            if day is None:
                day = days[written] = date.fromisoformat(written)
            get = p.get
            # positional, in Paper's field order: a third faster than by keyword at 10,000 papers
            papers.append(
                Paper(
                    p["id"], p["title"], day, p["year"], p["year_inferred"], p["category"], p["has_code"],
                    tuple(p["authors"]), p["authors_truncated"], p["abstract"], tuple(get("links") or ()),
                    get("system"), tuple(get("benchmarks") or ()), tuple(get("introduces") or ()),
                )
            )  # fmt: skip
        return cls(researcher, papers, gazetteer)


def _an_edition(benchmark: str, name: str) -> bool:
    """Whether `name` is an edition of `benchmark` (it goes on after its words: "SQuAD 2.0") or holds it
    between hyphens, not as its first word ("RWTH-PHOENIX-Weather 2014" for "PHOENIX")."""
    if name.startswith(benchmark + " "):
        return True
    parts = name.replace(" ", "-").split("-")
    return len(parts) > 1 and benchmark in parts and benchmark != name.split(" ", 1)[0]
