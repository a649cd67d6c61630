"""Each paper's object in the console's JSON lines (`ask --json`), one at a time or all at once.

A list answer at 10,000 papers holds thousands of papers, and making their objects was most of that
answer's time. The topic index's helper process writes every paper's object in one orjson call while
this process answers (bot.corpus.topics); the answers then join the pieces they list
(bot.answers.answer.PaperRows). The pieces come from splitting that one array at `},{"id":`, which
no string inside it can hold (orjson writes a quote in a string as \\").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.corpus.model import Paper

_OPEN, _BETWEEN, _CLOSE = b'[{"id":', b'},{"id":', b"}]"


def paper_row(paper: Paper | Mapping[str, Any]) -> dict[str, Any]:
    """A paper's object, of a Paper or of its corpus-document entry (the same bytes once written:
    orjson writes a date as its ISO form, which is what the document holds)."""
    if isinstance(paper, Paper):
        return {
            "id": paper.id,
            "title": paper.title,
            "year": paper.year,
            "date": paper.date,
            "category": paper.category,
            "has_code": paper.has_code,
        }
    return {
        "id": paper["id"],
        "title": paper["title"],
        "year": paper["year"],
        "date": paper["date"],
        "category": paper["category"],
        "has_code": paper["has_code"],
    }


def all_rows(papers: Sequence[Paper | Mapping[str, Any]]) -> bytes | None:
    """Every paper's object in one JSON array, or None when the pieces could not be found by id
    (ids other than 1, 2, 3, ... in order) or orjson refuses a text (a lone surrogate)."""
    import orjson

    rows = [paper_row(p) for p in papers]
    if not rows or any(row["id"] != number for number, row in enumerate(rows, start=1)):
        return None
    try:
        return orjson.dumps(rows)
    except TypeError:
        return None


def row_pieces(array: bytes, count: int) -> list[bytes] | None:
    """`all_rows`'s array cut into each paper's piece, the paper with id N at N - 1; None when it does
    not hold `count` papers."""
    if not (array.startswith(_OPEN) and array.endswith(_CLOSE)):
        return None
    pieces = array[len(_OPEN) : -len(_CLOSE)].split(_BETWEEN)
    return pieces if len(pieces) == count else None


def joined(pieces: Sequence[bytes]) -> bytes:
    """The JSON array of these papers' pieces (at least one)."""
    return _OPEN + _BETWEEN.join(pieces) + _CLOSE
