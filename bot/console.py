"""Console front end (minimal: papers by year). Replaced by the full engine console."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from bot.corpus import Corpus
from bot.corpus_io import load_corpus
from bot.page_parser import ProfileError
from bot.paths import DEFAULT_PROFILE


def _answer(corpus: Corpus, question: str) -> dict[str, object]:
    years = [int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", question)]
    if not years:
        return {
            "intent": "fallback",
            "answer": "Ask me about papers from a year, e.g. 'papers from 2021'.",
            "papers": [],
        }
    papers = [p for p in corpus.papers if p.year in years]
    lines = [f"{len(papers)} paper(s) from {', '.join(map(str, years))}:"] + [f"- {p.title} ({p.date})" for p in papers]
    return {
        "intent": "papers_by_year",
        "answer": "\n".join(lines),
        "papers": [{"id": p.id, "title": p.title, "year": p.year} for p in papers],
    }


def _load(profile: Path | None) -> Corpus | None:
    try:
        return load_corpus(profile or DEFAULT_PROFILE)
    except ProfileError as err:
        print(f"error: {err}", file=sys.stderr)
        return None


def _emit(reply: dict[str, object], as_json: bool) -> None:
    print(json.dumps(reply, ensure_ascii=False) if as_json else reply["answer"], flush=True)


def ask(profile: Path | None, questions: list[str], as_json: bool) -> int:
    corpus = _load(profile)
    if corpus is None:
        return 2
    for question in questions:
        _emit(_answer(corpus, question), as_json)
    return 0


def console(profile: Path | None, as_json: bool) -> int:
    corpus = _load(profile)
    if corpus is None:
        return 2
    for line in sys.stdin:
        if line.strip():
            _emit(_answer(corpus, line.strip()), as_json)
    return 0
