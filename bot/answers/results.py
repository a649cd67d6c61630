"""What executing a query found, before it is put into words (bot/answers/render.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.corpus.model import Paper
from bot.query import Order, PaperField


@dataclass(frozen=True, slots=True)
class PaperList:
    papers: tuple[Paper, ...]  # every match, in answer order (the text may show fewer)
    order: Order
    scope: str  # the selection in words
    total: int  # matches before a limit
    counting: bool = False  # "how many" was asked
    left_out: int = 0  # "everything but her two newest": how many of the first were left out
    share_of: int | None = None  # "what percentage": the count as a share of this many papers
    share_scope: str = ""  # ... which are these ("from 2023")
    among: int | None = None  # only among the last answer's papers (how many there were)
    unknown_topics: tuple[str, ...] = ()
    nearer: tuple[tuple[str, int], ...] = ()  # wider topics of the unknown ones that papers here are about
    ignored_words: tuple[str, ...] = ()
    unknown_people: tuple[str, ...] = ()
    topic_partial: int | None = None  # how many of the papers hold every word of the topic
    empty_years: tuple[int, int] | None = None  # the profile's first and last year, said when nothing matched
    mention_only: bool = False  # the question was "which papers mention X"
    searched: int = 0  # mention_only: how many papers the other filters left to search
    people: tuple[str, ...] = ()  # the people the question filtered by
    researcher_left_out: bool = False  # "what has X published without her?": papers not listing the researcher
    positioned: tuple[str, int, str] | None = None  # (person, position, the rest in words): "X is the first author of"
    yes_no: bool = False  # asked as a yes/no question: the answer opens with yes or no


@dataclass(frozen=True, slots=True)
class PaperPick:
    """The n-th newest (or oldest) paper of a selection."""

    paper: Paper | None
    rank: int
    order: Order
    scope: str
    pool: int  # how many papers it was picked from
    ties: tuple[Paper, ...] = ()  # others of the same date
    among: int | None = None
    checked: tuple[Paper, ...] = ()  # "is AMBER his latest paper?": the papers asked about
    others: tuple[Paper, ...] = ()  # "which came first, X or Y?": the other papers set against it


@dataclass(frozen=True, slots=True)
class PaperFact:
    paper: Paper
    field: PaperField
    position: int | None = None  # author: which listed author was asked for
    limit: int | None = None  # authors: "the first three authors"
    benchmark: str | None = None  # results
    metric: str | None = None  # results: the metric asked; quantity: what is counted
    figure: str | None = None  # results: the figure quoted
    sentence: str | None = None  # results: the sentence it comes from
    benchmark_mentioned: bool = False
    denied: bool = False  # code: asked as an absence ("it has no code, right?")


@dataclass(frozen=True, slots=True)
class AuthorCheck:
    """ "Did Ming Yan write HiTeA?": whether a person is among one paper's listed authors, and where."""

    paper: Paper
    person: str
    position: int | None  # 1-based among the listed authors; None when not listed
    asked: int | None = None  # the position asked about ("is he first author on X?"), -1 = last
    where_asked: bool = False  # "where is she in the author list of X?": the place, not a yes or no


@dataclass(frozen=True, slots=True)
class Positions:
    """ "Where does Priya show up in the author order?": a person's place on each paper they are on."""

    person: str
    places: tuple[tuple[Paper, int | None], ...]  # 1-based among the listed authors; None: not listed


@dataclass(frozen=True, slots=True)
class DateCheck:
    """ "Did TailClip come out this year?": whether one paper's date falls in the time asked about."""

    paper: Paper
    when: str  # the time as said ("this year", "2025")
    inside: bool


@dataclass(frozen=True, slots=True)
class SoloCheck:
    """ "Is she the only author?" of one paper: whether it lists a single author."""

    paper: Paper


@dataclass(frozen=True, slots=True)
class PaperChoice:
    """Several papers fit a question about one paper: which one?"""

    papers: tuple[Paper, ...]
    field: PaperField


@dataclass(frozen=True, slots=True)
class NoPaper:
    """A question about one paper that names none, or describes one no paper fits."""

    field: PaperField
    described: str = ""


@dataclass(slots=True)
class Group:
    """One group of a ranking. Left unfrozen because the co-author ranking of 10,000 papers makes 1,374
    of them, and a frozen dataclass's __init__ (object.__setattr__ per field) cost it 0.7 ms more;
    nothing changes a group once made."""

    label: str
    papers: Sequence[Paper]  # newest first; an index's own list, shared, never changed
    key: str = ""  # person key, class code, year...
    phrase: str = ""  # the group as a filter is said ("with Jiabo Ye", "from 2022"); the label when empty

    @property
    def count(self) -> int:
        return len(self.papers)


@dataclass(frozen=True, slots=True)
class Groups:
    by: str
    groups: tuple[Group, ...]  # ranked: most first (or least first when asked)
    least: bool
    scope: str
    subject: str  # whose co-authors, or the researcher
    total_papers: int
    inferred: int = 0  # papers counted in an inferred year
    chart: tuple[tuple[str, int], ...] = ()  # groups in natural order (years ascending)
    limit: int | None = None
    excluded: str = ""  # groups left out of the ranking by name ("apart from Joaquín de la Cruz")
    papers: tuple[Paper, ...] = ()  # benchmarks: the papers in some group, newest first
    stat: str | None = None  # "average": the mean per group is asked; "total": how many groups
    timed: bool = False  # the papers are of some dates only ("per month in 2023")
    at_least: int | None = None  # every group of at least this many papers was asked for (1: every group)


@dataclass(frozen=True, slots=True)
class Comparison:
    groups: tuple[Group, ...]  # in the order asked
    scope: str
    least: bool
    yes_no: bool = False  # asked whether the first one named has more (fewer), not which has


@dataclass(frozen=True, slots=True)
class PaperComparison:
    """Two or more papers named and compared: by date, by their author lists, or by what each
    abstract reports on the question's words (`facts`, one per paper, in the order named)."""

    papers: tuple[Paper, ...]
    facet: Literal["date", "authors", "results"]
    facts: tuple[PaperFact, ...] = ()
    direction: Literal["lower", "higher"] | None = None  # "which got the lower NMSE?"
    said: str = ""  # what the results are on, in the question's words
    yes_no: bool = False  # "does X have more authors than Y?": the first one named, checked


@dataclass(frozen=True, slots=True)
class BestResult:
    """Every paper whose abstract gives a figure in the metric asked ("which paper has the lowest
    WER?"), and which way the answer ranks them."""

    metric: str
    facts: tuple[PaperFact, ...]
    lower_first: bool  # the lowest figure wins: an error metric's best, or the worst of another
    scope: str = ""


@dataclass(frozen=True, slots=True)
class YesNo:
    """Has the researcher (or `subject`) worked with someone: the shared papers."""

    subject: str
    others: tuple[str, ...]  # names asked about
    papers: tuple[Paper, ...]
    unknown: bool = False  # the name matches nobody on the profile
    scope: str = ""


@dataclass(frozen=True, slots=True)
class ProfileFigures:
    stat: str | None


@dataclass(frozen=True, slots=True)
class NotOnPage:
    missing: str  # the declared field
    what: str  # the field in words
    subject: str | None = None  # whose figures were asked (others_metrics)
    subject_papers: int = 0
    paper: Paper | None = None  # the paper asked about, when one was named


@dataclass(frozen=True, slots=True)
class Introduced:
    name: str
    paper: Paper | None
    mentions: tuple[Paper, ...] = ()  # papers mentioning the name, oldest first, when none introduces it
    asked: bool = False  # yes or no: "did she write DeepLOB?"
    presumed_own: bool = False  # said to be the researcher's: "summarise her Graph WaveNet paper"


@dataclass(frozen=True, slots=True)
class Clarify:
    typed: str
    options: tuple[tuple[str, int], ...]  # (name, papers)
    papers: tuple[Paper, ...] = ()  # a list asked of any of them ("papers with Anna?"): theirs, newest first


@dataclass(frozen=True, slots=True)
class Chat:
    kind: str  # greeting, thanks, farewell, help
    examples: tuple[str, ...] = ()  # help: questions that work on this profile


@dataclass(frozen=True, slots=True)
class NoMatch:
    suggestions: tuple[str, ...]
    close: bool  # the suggestions resemble what was typed


Result = (
    PaperList
    | AuthorCheck
    | Positions
    | SoloCheck
    | DateCheck
    | PaperPick
    | PaperFact
    | PaperChoice
    | NoPaper
    | Groups
    | Comparison
    | PaperComparison
    | BestResult
    | YesNo
    | ProfileFigures
    | NotOnPage
    | Introduced
    | Clarify
    | Chat
    | NoMatch
)
