"""The Query: the contract between understanding a message and answering it.

A query is a selection of papers (a conjunction of clauses; each clause is a disjunction of atomic
filters and may be negated) and an operation over it (list, count, pick the n-th, a fact of one
paper, groups ranked, groups compared, a profile figure, an honest "the page does not say").
Free text and slash commands both end up here, so one executor answers both. Every part is plain
frozen data and turns into JSON (`to_data`), so a misunderstanding is visible in tests and reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

from bot.understanding.time_expressions import DateRange

__all__ = ["DateRange"]

Order = Literal["newest", "oldest", "relevance"]


# --- atomic filters: each says which papers pass


@dataclass(frozen=True, slots=True)
class During:
    """Papers dated inside one of the ranges."""

    ranges: tuple[DateRange, ...]
    label: str


@dataclass(frozen=True, slots=True)
class ByPerson:
    """Papers listing a person among their authors; at `position` when given (1-based, -1 = last listed)."""

    key: str
    name: str
    position: int | None = None


@dataclass(frozen=True, slots=True)
class UnknownPerson:
    """A name that matches nobody on the profile: no paper passes, and the answer says so."""

    name: str


@dataclass(frozen=True, slots=True)
class MentionsBenchmark:
    name: str  # canonical gazetteer or corpus name


@dataclass(frozen=True, slots=True)
class NamesABenchmark:
    """Papers whose abstract names any benchmark or dataset ("papers that don't mention any benchmark")."""


@dataclass(frozen=True, slots=True)
class MentionsPhrase:
    """Free text the title or abstract must contain (a name no gazetteer knows)."""

    phrase: str


@dataclass(frozen=True, slots=True)
class InCategory:
    code: str


@dataclass(frozen=True, slots=True)
class HasCode:
    pass


@dataclass(frozen=True, slots=True)
class Solo:
    """Papers whose complete author list (no "et al.") is the researcher alone."""


@dataclass(frozen=True, slots=True)
class AuthorCount:
    """Papers by how many authors they list: exactly `count`, at least or at most that many. A list the
    page cuts short ("et al.") has more authors than it shows, and how many more is not known."""

    count: int
    bound: Literal["exactly", "at least", "at most"] = "exactly"


@dataclass(frozen=True, slots=True)
class AboutTopic:
    """Papers about a topic, found by search over titles and abstracts (with the concept lexicon)."""

    text: str
    said: bool = True  # introduced as a topic ("about X", "X stuff"); loose words may be dropped


@dataclass(frozen=True, slots=True)
class AmongPapers:
    """Specific papers: named ones, "those" of the last answer, "that one"."""

    ids: tuple[int, ...]
    label: str


@dataclass(frozen=True, slots=True)
class Introduces:
    """The paper that introduces a name (its system, a benchmark it builds)."""

    name: str


@dataclass(frozen=True, slots=True)
class Previous:
    """What the conversation points back at, resolved by the dialogue policy before execution: the
    last answer's papers ("those"), the paper in focus ("it"), the two in focus ("which of the two"),
    an item of the last list ("the second one"), its people ("them", "her")."""

    what: Literal["papers", "paper", "pair", "item", "people", "person", "author"]
    index: int | None = None  # item: 1-based position in the last list, -1 = the last one, 0 = the other
    # one(s) (of the last list, those not just shown); author: position; people: how many ("both": 2)


Atom = (
    During
    | ByPerson
    | UnknownPerson
    | MentionsBenchmark
    | NamesABenchmark
    | MentionsPhrase
    | InCategory
    | HasCode
    | Solo
    | AuthorCount
    | AboutTopic
    | AmongPapers
    | Introduces
    | Previous
)
ATOM_KINDS: dict[type, str] = {
    During: "time",
    ByPerson: "person",
    UnknownPerson: "person",
    MentionsBenchmark: "benchmark",
    NamesABenchmark: "benchmark",
    MentionsPhrase: "benchmark",
    InCategory: "category",
    HasCode: "code",
    Solo: "solo",
    AuthorCount: "solo",  # how many authors, as "solo" is: "solo or two-author papers" is either
    AboutTopic: "topic",
    AmongPapers: "papers",
    Introduces: "introduces",
}


def atom_kind(atom: Atom) -> str:
    """Atoms of one kind replace each other in a follow-up ("and 2023?" replaces the year)."""
    if isinstance(atom, Previous):
        return "person" if atom.what in ("people", "person", "author") else "papers"
    return ATOM_KINDS[type(atom)]


@dataclass(frozen=True, slots=True)
class Clause:
    """Any of `atoms` (or none of them, when negated)."""

    atoms: tuple[Atom, ...]
    negated: bool = False

    @property
    def kind(self) -> str:
        return atom_kind(self.atoms[0])


@dataclass(frozen=True, slots=True)
class Selection:
    """Every clause must hold. No clause: every paper on the profile."""

    clauses: tuple[Clause, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.clauses)

    def kinds(self) -> set[str]:
        return {clause.kind for clause in self.clauses}

    def atoms(self, kind: str | None = None, negated: bool | None = None) -> list[Atom]:
        return [
            atom
            for clause in self.clauses
            if negated is None or clause.negated == negated
            for atom in clause.atoms
            if kind is None or atom_kind(atom) == kind
        ]

    def positive(self, kind: str) -> list[Atom]:
        return self.atoms(kind, negated=False)

    def has(self, kind: str) -> bool:
        return kind in self.kinds()

    def with_clause(self, clause: Clause) -> Selection:
        return Selection((*self.clauses, clause))

    def without(self, *kinds: str) -> Selection:
        return Selection(tuple(c for c in self.clauses if c.kind not in kinds))

    def replacing(self, other: Selection) -> Selection:
        """This selection with `other`'s clauses in place of the clauses of the kinds `other` names."""
        return Selection((*self.without(*other.kinds()).clauses, *other.clauses))

    def without_previous(self) -> Selection:
        kept = [c for c in self.clauses if not all(isinstance(a, Previous) for a in c.atoms)]
        return Selection(tuple(kept))

    def restricted_to(self, ids: Iterable[int], label: str) -> Selection:
        """Only among these papers (a follow-up's "those"); replaces an earlier "among"."""
        return self.without("papers").with_clause(Clause((AmongPapers(tuple(ids), label),)))


def all_of(atoms: Iterable[Atom]) -> Selection:
    return Selection(tuple(Clause((atom,)) for atom in atoms))


# --- operations

GroupKey = Literal["year", "month", "category", "coauthor", "first_author", "benchmark", "topic"]
PaperField = Literal[
    "summary",
    "date",
    "category",
    "authors",
    "author",
    "author_count",
    "abstract",
    "code",
    "benchmarks",
    "results",
    "quantity",
]


@dataclass(frozen=True, slots=True)
class Operation:
    """What to do with the selection. `name` is a registered handler (intents name theirs in YAML);
    the other fields are the parameters the handlers read."""

    name: str
    order: Order | None = None  # list/pick: newest first unless asked otherwise
    limit: int | None = None  # list: at most this many; rank: the top n groups
    beyond: bool = False  # list: the papers after the first `limit` ("everything but her two newest")
    rank: int | None = None  # pick: the n-th ("third most recent"); compare: unused
    field: PaperField | None = None  # paper_fact
    position: int | None = None  # paper_fact "author": 2 = second listed, -1 = last listed
    group_by: GroupKey | None = None  # rank_groups
    least: bool = False  # rank_groups/compare: fewest first
    at_least: int | None = None  # rank_groups: every group of at least this many papers (1: all of them)
    stat: str | None = None  # profile: h_index, citations...; count: "share"; rank_groups: "average", "total";
    # introduced: "presumed_own" when the question takes the name for one of the researcher's papers
    benchmark: str | None = None  # paper_fact results: on which benchmark
    metric: str | None = None  # paper_fact results: which metric, by its lexicon name ("recall@{k}")
    metric_k: int | None = None  # its cut-off: 1 for "R@1", "top-1"
    compare_kind: str | None = None  # compare: the atom kind whose atoms are the groups
    versus_rest: bool = False  # compare: the one filter against the papers without it ("with code or without")
    counted: str | None = None  # paper_fact quantity: what the abstract gives a number of ("annotators")
    missing: str | None = None  # not_on_page: which declared field the page lacks
    chat: str | None = None  # chat: greeting, thanks, farewell, help
    check: tuple[int, ...] = ()  # pick: papers asked about ("is AMBER his latest paper?"), not a filter
    yes_no: bool = False  # list: asked as a yes/no question ("has she used EdNet?"): the answer says yes or no
    denied: bool = False  # paper_fact code: asked as an absence ("X has no code, right?"): yes means none
    direction: Literal["lower", "higher"] | None = None  # compare papers: "which got the lower NMSE?"


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """A name that fits several people: the answer asks which one."""

    typed: str
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Query:
    intent: str  # the intent that recognised it: its YAML says how it is remembered and rendered
    operation: Operation
    selection: Selection = field(default_factory=Selection)
    subject: ByPerson | None = None  # whose co-authors/figures, when not the researcher's
    ambiguous: tuple[Ambiguity, ...] = ()
    confidence: float = 1.0
    notes: tuple[str, ...] = ()

    def with_selection(self, selection: Selection) -> Query:
        return replace(self, selection=selection)

    def with_operation(self, **changes: Any) -> Query:
        return replace(self, operation=replace(self.operation, **changes))

    def to_data(self) -> dict[str, Any]:
        """Plain data for JSON: the operation's set parameters and the selection as nested lists."""
        operation = {f.name: _plain(getattr(self.operation, f.name)) for f in fields(self.operation)}
        data: dict[str, Any] = {
            "intent": self.intent,
            "operation": {k: v for k, v in operation.items() if v not in (None, False, [])},
            "selection": [
                {"not" if clause.negated else "any": [_atom_data(a) for a in clause.atoms]}
                for clause in self.selection.clauses
            ],
        }
        if self.subject:
            data["subject"] = self.subject.name
        if self.ambiguous:
            data["ambiguous"] = [a.typed for a in self.ambiguous]
        return data


def _atom_data(atom: Atom) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": type(atom).__name__}
    for f in fields(atom):
        value = getattr(atom, f.name)
        if value not in (None, ()):
            data[f.name] = _plain(value)
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, DateRange):
        return {
            "start": value.start.isoformat() if value.start else None,
            "end": value.end.isoformat() if value.end else None,
            **({"months": sorted(value.months)} if value.months else {}),
        }
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(value)
    return value


# --- one line, for tests, logs and bug reports


def atom_text(atom: Atom) -> str:
    if isinstance(atom, During):
        return "time[" + " | ".join(range_text(r) for r in atom.ranges) + "]"
    if isinstance(atom, ByPerson):
        at = "" if atom.position is None else f"@{'last' if atom.position == -1 else atom.position}"
        return f"person[{atom.name}{at}]"
    if isinstance(atom, UnknownPerson):
        return f"unknown[{atom.name}]"
    if isinstance(atom, MentionsBenchmark):
        return f"benchmark[{atom.name}]"
    if isinstance(atom, NamesABenchmark):
        return "benchmark[any]"
    if isinstance(atom, MentionsPhrase):
        return f"mention[{atom.phrase}]"
    if isinstance(atom, InCategory):
        return f"class[{atom.code}]"
    if isinstance(atom, HasCode):
        return "code"
    if isinstance(atom, Solo):
        return "solo"
    if isinstance(atom, AuthorCount):
        return f"authors[{'' if atom.bound == 'exactly' else atom.bound.replace(' ', '_') + ' '}{atom.count}]"
    if isinstance(atom, AboutTopic):
        return f"topic[{atom.text}]"
    if isinstance(atom, AmongPapers):
        return "papers[" + ",".join(str(i) for i in atom.ids) + "]"
    if isinstance(atom, Introduces):
        return f"introduces[{atom.name}]"
    return f"previous[{atom.what}{'' if atom.index is None else atom.index}]"


def range_text(r: DateRange) -> str:
    """ "2023", "2021..2022", "2025-05-27..", "..2023-04-30", plus "/m3,4" for months of any year."""
    start, end = r.start, r.end
    if start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        text = str(start.year) if start.year == end.year else f"{start.year}..{end.year}"
    else:
        text = f"{start.isoformat() if start else ''}..{end.isoformat() if end else ''}"
    months = "/m" + ",".join(str(m) for m in sorted(r.months)) if r.months else ""
    return ("" if text == ".." else text) + months


def selection_text(selection: Selection) -> str:
    """ "class[CL] & !code & time[2023]": clauses joined by &, alternatives by |, ! for not."""
    parts = []
    for clause in selection.clauses:
        inner = " | ".join(atom_text(a) for a in clause.atoms)
        if clause.negated:
            parts.append(f"!({inner})" if len(clause.atoms) > 1 else f"!{inner}")
        else:
            parts.append(inner)
    return " & ".join(parts)


def operation_text(operation: Operation) -> str:
    """ "pick order=oldest rank=2": the operation and its set parameters."""
    params = [
        f"{f.name}={getattr(operation, f.name)}"
        for f in fields(operation)
        if f.name != "name" and getattr(operation, f.name) not in (None, False, ())
    ]
    return " ".join([operation.name, *params])
