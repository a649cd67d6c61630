"""What a slash command or a question asks, as typed values small enough for a component's custom id,
so a button can ask it again after a restart or in another process.

Each request kind has one small function that turns it into the engine's Match (the one place to change
when the core's typed Query replaces Match). Pure Python: no discord import.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers.answer import Answer
from bot.dialogue.conversation import ConversationKey
from bot.engine import Engine
from bot.understanding.query import Match, Slots
from bot.understanding.timespans import YearSpan

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


# --- one Match per command kind


def _papers_match(request: PapersRequest) -> Match:
    span = None
    if request.first_year is not None or request.last_year is not None:
        span = YearSpan(request.first_year, request.last_year)
    categories = (request.category,) if request.category else ()
    return Match("list_papers", Slots(span=span, code=request.with_code, categories=categories), 1.0)


def _paper_match(request: PaperRequest) -> Match:
    return Match("paper_details", Slots(papers=(request.paper_id,)), 1.0)


def _benchmark_match(request: BenchmarkRequest) -> Match:
    slots = Slots(benchmarks=(request.name,)) if request.known else Slots(benchmark_text=request.name)
    return Match("benchmark_papers", slots, 1.0)


def _coauthors_match(request: CoauthorsRequest) -> Match:
    return Match("coauthors", Slots(people=(request.person,) if request.person else ()), 1.0)


def answer_request(engine: Engine, request: Request, conversation: ConversationKey) -> Answer:
    """The engine's answer to a request, inside the asker's conversation (so follow-ups work)."""
    if isinstance(request, QuestionRequest):
        return engine.ask(request.question, conversation)
    if isinstance(request, PapersRequest):
        match = _papers_match(request)
    elif isinstance(request, PaperRequest):
        match = _paper_match(request)
    elif isinstance(request, BenchmarkRequest):
        match = _benchmark_match(request)
    else:
        match = _coauthors_match(request)
    return engine.respond(match, conversation, request.text())


def fixed_match(intent: str) -> Match:
    """The Match of a command without options (/help, /stats)."""
    return Match(intent, Slots(), 1.0)
