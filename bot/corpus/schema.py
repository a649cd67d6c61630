"""Checks a corpus document (from YAML) field by field, so a bad file gets a readable error."""

from __future__ import annotations

from typing import Any

from bot.precompiled import compiled_pattern

_ISO_DATE = compiled_pattern(r"^\d{4}-\d{2}-\d{2}$")


class SchemaError(ValueError):
    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


def _expect(value: Any, kind: type | tuple[type, ...], where: str, what: str) -> None:
    # bool is a subclass of int in Python, but `h_index: true` is not a number.
    wrong_bool = isinstance(value, bool) and kind is not bool
    if wrong_bool or not isinstance(value, kind):
        raise SchemaError(where, f"expected {what}, got {value!r}")


def _date(value: Any, where: str) -> None:
    text = value.isoformat() if hasattr(value, "isoformat") else value
    if not isinstance(text, str) or not _ISO_DATE.match(text):
        raise SchemaError(where, f"expected an ISO date (YYYY-MM-DD), got {value!r}")


def _strings(value: Any, where: str) -> None:
    _expect(value, list, where, "a list of strings")
    for i, item in enumerate(value):
        _expect(item, str, f"{where}[{i}]", "a string")


_RESEARCHER: dict[str, tuple[Any, str]] = {
    "name": (str, "a string"),
    "primary_category": (str, "a class code such as 'CL'"),
    "h_index": (int, "an integer"),
    "paper_count": (int, "an integer"),
    "citations": (int, "an integer"),
}
_PAPER: dict[str, tuple[Any, str]] = {
    "id": (int, "an integer"),
    "title": (str, "a string"),
    "year": (int, "an integer"),
    "year_inferred": (bool, "true or false"),
    "category": (str, "a class code such as 'CV'"),
    "has_code": (bool, "true or false"),
    "authors_truncated": (bool, "true or false"),
    "abstract": (str, "a string"),
}


def check_corpus_document(document: Any) -> None:
    """Raises SchemaError naming the first field that does not fit the corpus schema."""
    _expect(document, dict, "corpus", "a mapping with 'researcher' and 'papers'")
    researcher = document.get("researcher")
    _expect(researcher, dict, "researcher", "a mapping")
    for key, (kind, what) in _RESEARCHER.items():
        if key not in researcher:
            raise SchemaError(f"researcher.{key}", "missing")
        _expect(researcher[key], kind, f"researcher.{key}", what)
    for key in ("novelty", "ai_score"):
        if researcher.get(key) is not None:
            _expect(researcher[key], (int, float), f"researcher.{key}", "a number")
    _date(researcher.get("as_of"), "researcher.as_of")
    papers = document.get("papers")
    _expect(papers, list, "papers", "a list of papers")
    seen: set[int] = set()
    for i, paper in enumerate(papers):
        where = f"papers[{i}]"
        _expect(paper, dict, where, "a mapping")
        for key, (kind, what) in _PAPER.items():
            if key not in paper:
                raise SchemaError(f"{where}.{key}", "missing")
            _expect(paper[key], kind, f"{where}.{key}", what)
        _date(paper.get("date"), f"{where}.date")
        _strings(paper.get("authors"), f"{where}.authors")
        for key in ("links", "benchmarks", "introduces"):
            if paper.get(key) is not None:
                _strings(paper[key], f"{where}.{key}")
        if paper.get("system") is not None:
            _expect(paper["system"], str, f"{where}.system", "a string or null")
        if paper["id"] in seen:
            raise SchemaError(f"{where}.id", f"duplicate id {paper['id']}")
        seen.add(paper["id"])
