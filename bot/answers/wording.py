"""Words and lines shared by the answers: plurals, lists, dates, a paper in one line."""

from __future__ import annotations

from collections.abc import Sequence

from bot.corpus.model import Corpus, Paper
from bot.safety import clip


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def join_and(items: Sequence[str], conjunction: str = "and") -> str:
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def pretty_date(paper: Paper) -> str:
    return f"{MONTH_ABBREVIATIONS[paper.date.month - 1]} {paper.date.day}, {paper.date.year}"


def paper_line(paper: Paper) -> str:
    code = ", code" if paper.has_code else ""
    return f"{paper.title} ({pretty_date(paper)}, {paper.category}{code})"


def authors_text(paper: Paper) -> str:
    listed = ", ".join(paper.authors)
    return f"{listed} et al." if paper.authors_truncated else listed


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def researcher(corpus: Corpus) -> str:
    return corpus.researcher.name


def abstract_preview(paper: Paper, limit: int = 900) -> str:
    return clip(paper.abstract, limit)


def person_name(corpus: Corpus, key: str) -> str:
    person = corpus.people.get(key)
    return person.name if person else key
