"""An answer is data: each front end (console text, JSON, Discord embeds) renders it."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.corpus.model import Paper
from bot.corpus.rows import joined, paper_row
from bot.safety import MAX_ANSWER_CHARS, clip, neutralise_mentions


@dataclass(frozen=True, slots=True)
class Answer:
    """What the bot says, and what it says it about.

    `headline` answers in one sentence; `items` are list lines (papers, people, counts), `fields`
    label/value pairs (one paper's details); `note` closes. `papers` holds every paper the answer
    is about, in answer order, even when the text shows only the first ones.
    """

    intent: str
    headline: str
    items: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    note: str = ""
    papers: tuple[Paper, ...] = ()
    people: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    confidence: float = 1.0
    clarification: bool = False
    focus: Paper | None = None
    chart: tuple[tuple[str, int], ...] = field(default=())
    numbered: bool = True
    item_count: int | None = None  # how many items there are when `items` holds only the first ones
    family: str = ""  # how front ends present it (the intent's family): papers, paper, people, counts, ...
    query: dict[str, Any] | None = None  # the understood query as plain data, shown in JSON

    @property
    def total_items(self) -> int:
        return self.item_count if self.item_count is not None else len(self.items)

    @property
    def text(self) -> str:
        return render_text(self)

    def to_json(self) -> dict[str, Any]:
        return {
            "intent": self.intent,
            "answer": self.text,
            "papers": [paper_json(p) for p in self.papers],
            **self._json_rest(),
        }

    def _json_rest(self) -> dict[str, Any]:
        return {
            "people": list(self.people),
            "confidence": round(self.confidence, 3),
            "suggestions": list(self.suggestions),
            "clarification": self.clarification,
            "family": self.family,
            "query": self.query,
        }

    def json_text(self) -> str:
        """`json.dumps(self.to_json(), ensure_ascii=False)`, in orjson's compact form."""
        return self.json_bytes().decode()

    def json_bytes(self, rows: PaperRows | None = None) -> bytes:
        """The JSON line as UTF-8 bytes, in compact form. A list answer at 10,000 papers holds thousands
        of papers, which orjson writes four times faster than formatting each in Python (dates
        included); an answer about a few papers is written by json as fast, and a start that gives
        only such answers never imports orjson (2.5 ms). `rows` keeps each paper's object once made,
        for the next answer listing it."""
        if len(self.papers) <= FEW_PAPERS:
            return self._json_bytes_by_json()
        import orjson

        papers = (rows or PaperRows()).array(self.papers)
        try:
            return orjson.dumps({"intent": self.intent, "answer": self.text, "papers": papers, **self._json_rest()})
        except TypeError:  # what orjson refuses (a lone surrogate in a title) json still writes
            return self._json_bytes_by_json()

    def _json_bytes_by_json(self) -> bytes:
        line = json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))
        return line.encode("utf-8", "backslashreplace")


FEW_PAPERS = 50


class PaperRows:
    """The papers' part of the JSON lines, for one corpus (the engine keeps it): each paper's object
    made the first time an answer lists the paper and shared by every later answer; or, once a
    helper process has written every paper's object (`written`, bot.corpus.rows), their pieces joined."""

    def __init__(self, written: Callable[[], list[bytes] | None] | None = None) -> None:
        self._rows: dict[int, dict[str, Any]] = {}
        self._written = written
        self._pieces: list[bytes] | None = None

    def array(self, papers: Sequence[Paper]) -> list[dict[str, Any]] | Any:
        """The papers' JSON array for orjson: their objects, or the written pieces as one orjson.Fragment."""
        if self._pieces is None and self._written is not None:
            self._pieces = self._written()
            if self._pieces is not None:
                self._written = None
        if self._pieces is None or not papers:
            return self.of(papers)
        import orjson

        pieces = self._pieces
        return orjson.Fragment(joined([pieces[p.id - 1] for p in papers]))

    def of(self, papers: Sequence[Paper]) -> list[dict[str, Any]]:
        rows = self._rows
        found = [rows.get(p.id) for p in papers]
        if None in found:
            for index, paper in enumerate(papers):
                if found[index] is None:
                    found[index] = rows[paper.id] = paper_row(paper)
        return found  # type: ignore[return-value]  # every None was replaced


def paper_json(paper: Paper) -> dict[str, Any]:
    """A paper's object for `json` (which writes no dates itself): orjson's row, its date in ISO form."""
    return {**paper_row(paper), "date": paper.date.isoformat()}


def item_prefix(answer: Answer, index: int) -> str:
    return f"{index + 1}. " if answer.numbered else "• "


def render_text(answer: Answer, limit: int = MAX_ANSWER_CHARS) -> str:
    """Plain text within `limit` characters; a long list says how many there are and shows the first."""
    head = [answer.headline]
    head += [f"{label}: {value}" for label, value in answer.fields]
    tail = [answer.note] if answer.note else []
    fixed = "\n".join(head + tail)
    budget = limit - len(fixed) - 2
    shown: list[str] = []
    used = 0
    for index, item in enumerate(answer.items):
        line = item_prefix(answer, index) + item
        more = answer.total_items - index
        reserve = len(f"… and {more} more.") + 1 if more > 1 else 0
        if used + len(line) + 1 + reserve > budget:
            shown.append(f"… and {more} more.")
            break
        shown.append(line)
        used += len(line) + 1
    else:
        if answer.total_items > len(answer.items):
            shown.append(f"… and {answer.total_items - len(answer.items)} more.")
    body = head + shown + tail
    return clip(neutralise_mentions("\n".join(s for s in body if s)), limit)
