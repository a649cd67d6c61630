"""What a slash command or a question asks, as typed values small enough for a component's custom id,
so a button can ask it again after a restart or in another process.

Each request kind has one small function that turns it into the engine's typed Query. Pure Python: no discord import.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from bot.answers.answer import Answer
from bot.dialogue.conversation import ConversationKey
from bot.engine import Engine
from bot.query import (
    AmongPapers,
    ByPerson,
    Clause,
    DateRange,
    During,
    HasCode,
    InCategory,
    MentionsBenchmark,
    MentionsPhrase,
    Query,
    Selection,
)

FIELD = ":"  # separates a request's fields; free text comes last, so it may hold the separator


@dataclass(frozen=True, slots=True)
class PapersRequest:
    first_year: int | None = None
    last_year: int | None = None
    with_code: bool = False
    category: str | None = None  # a class code such as CV

    def encode(self) -> str:
        years = (str(self.first_year or ""), str(self.last_year or ""))
        return FIELD.join(("p", *years, "1" if self.with_code else "0", self.category or ""))

    def text(self) -> str:
        return "papers"


@dataclass(frozen=True, slots=True)
class PaperRequest:
    paper_id: int

    def encode(self) -> str:
        return f"d{FIELD}{self.paper_id}"

    def text(self) -> str:
        return "tell me about that paper"


@dataclass(frozen=True, slots=True)
class BenchmarkRequest:
    name: str  # the gazetteer's canonical name, or the words typed when it knows none
    known: bool = True

    def encode(self) -> str:
        return FIELD.join(("b", "k" if self.known else "t", self.name))

    def text(self) -> str:
        return f"papers mentioning {self.name}"


@dataclass(frozen=True, slots=True)
class CoauthorsRequest:
    person: str | None = None  # a person key; None for the researcher

    def encode(self) -> str:
        return f"a{FIELD}{self.person or ''}"

    def text(self) -> str:
        return f"coauthors of {self.person}" if self.person else "coauthors"


@dataclass(frozen=True, slots=True)
class QuestionRequest:
    question: str

    def encode(self) -> str:
        return f"q{FIELD}{self.question}"

    def text(self) -> str:
        return self.question


def conversation_of(user_id: int, channel_id: int | None) -> ConversationKey:
    """One conversation per user and channel (a DM is a channel too)."""
    return (str(user_id), str(channel_id or "dm"))


Request = PapersRequest | PaperRequest | BenchmarkRequest | CoauthorsRequest | QuestionRequest


def _year(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def decode(encoded: str) -> Request | None:
    """The request `encode()` wrote, or None for anything else (an old or foreign custom id)."""
    kind, _, rest = encoded.partition(FIELD)
    try:
        if kind == "p":
            first, last, code, category = rest.split(FIELD)
            return PapersRequest(_year(first), _year(last), code == "1", category or None)
        if kind == "d":
            return PaperRequest(int(rest))
        if kind == "b":
            known, _, name = rest.partition(FIELD)
            return BenchmarkRequest(name, known == "k") if name else None
        if kind == "a":
            return CoauthorsRequest(rest or None)
        if kind == "q":
            return QuestionRequest(rest) if rest else None
    except ValueError:
        return None
    return None


# --- one Query per command kind


def _papers_query(engine: Engine, request: PapersRequest) -> Query:
    clauses = []
    first, last = request.first_year, request.last_year
    if first is not None or last is not None:
        start = date(first, 1, 1) if first is not None else None
        end = date(last, 12, 31) if last is not None else None
        label = str(first) if first == last else f"{first or '…'}–{last or '…'}"
        clauses.append(Clause((During((DateRange(start, end),), label),)))
    if request.with_code:
        clauses.append(Clause((HasCode(),)))
    if request.category:
        clauses.append(Clause((InCategory(request.category),)))
    return engine.intent_query("list_papers", Selection(tuple(clauses)))


def _paper_query(engine: Engine, request: PaperRequest) -> Query:
    paper = engine.corpus.by_id.get(request.paper_id)
    label = paper.short_name if paper else str(request.paper_id)
    return engine.intent_query("paper_details", Selection((Clause((AmongPapers((request.paper_id,), label),)),)))


def _benchmark_query(engine: Engine, request: BenchmarkRequest) -> Query:
    atom = MentionsBenchmark(request.name) if request.known else MentionsPhrase(request.name)
    return engine.intent_query("benchmark_papers", Selection((Clause((atom,)),)))


def _coauthors_query(engine: Engine, request: CoauthorsRequest) -> Query:
    query = engine.intent_query("coauthors")
    person = engine.corpus.people.get(request.person or "")
    return replace(query, subject=ByPerson(person.key, person.name)) if person else query


def answer_request(engine: Engine, request: Request, conversation: ConversationKey) -> Answer:
    """The engine's answer to a request, inside the asker's conversation (so follow-ups work)."""
    if isinstance(request, QuestionRequest):
        return engine.ask(request.question, conversation)
    if isinstance(request, PapersRequest):
        query = _papers_query(engine, request)
    elif isinstance(request, PaperRequest):
        query = _paper_query(engine, request)
    elif isinstance(request, BenchmarkRequest):
        query = _benchmark_query(engine, request)
    else:
        query = _coauthors_query(engine, request)
    return engine.run(query, conversation, request.text())
