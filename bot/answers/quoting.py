"""Interim: the figure an abstract gives for a benchmark (replaced by bot/answers/figures.py)."""

from __future__ import annotations

import re

_FIGURE = re.compile(
    r"[+-]?\d+(?:\.\d+)?\s*%?(?:\s*(?:R@\d+|CIDEr|BLEU(?:-\d)?|ROUGE(?:-\w+)?|F1|EM|mAP|AUC|top-[15] accuracy|"
    r"accuracy|success(?: rate)?|points?))?"
)
FIGURE_WINDOW = 90  # characters before the name that may still hold its figure ("91.2% success on X")


def figure_near(sentence: str, patterns: list[re.Pattern[str]]) -> str | None:
    """The figure the sentence gives for the name: "Kinetics (50.4 top-1)" or "reaches 91.2% success on X"."""
    for pattern in patterns:
        for match in pattern.finditer(sentence):
            respective = _respectively(sentence, match)
            if respective:
                return respective
            bracket = re.match(r"\s*\(([^()]*\d[^()]*)\)", sentence[match.end() :])
            if bracket:
                return bracket.group(1).strip()
            before = sentence[max(0, match.start() - FIGURE_WINDOW) : match.start()]
            clause = re.split(r"[;:(]|, (?:and |while |but |which )", before)[-1]
            figures = [f.group().strip() for f in _FIGURE.finditer(clause)]
            # A bare integer is a count ("10 scenarios"), not a score; a score has a decimal, a % or a unit.
            figures = [f for f in figures if not f.isdigit()]
            if figures and re.search(r"\b(on|in|for)( the)?( \w+)?\s*$", clause):
                return " and ".join(figures)
    return None


def _respectively(sentence: str, match: re.Match[str]) -> str | None:
    """ "on QASC and OBQA (4.2% and 3.5%, respectively)": the figure in the name's position."""
    bracket = re.compile(r"\(([^()]*\d[^()]*),? respectively\)").search(sentence, match.start())
    if not bracket or bracket.start() - match.end() > 80:
        return None
    start = max(sentence.rfind(" on ", 0, match.start()), sentence.rfind(" in ", 0, match.start()))
    names = [n for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", sentence[start + 4 : bracket.start()].strip()) if n]
    figures = [f.strip() for f in re.split(r",\s*(?:and\s+)?|\s+and\s+", bracket.group(1)) if f.strip()]
    position = next((i for i, n in enumerate(names) if match.group() in n), None)
    if position is None or len(names) != len(figures):
        return None
    return figures[position]
