"""The abstract sentence a free-form question about a paper's results asks for: of the sentences
that give a number, the one that shares most of the question's words ("what value of S8 did the DESI
paper end up with?" is the sentence "We obtain S8 = 0.791 ± 0.017 ...")."""

from __future__ import annotations

import re

from bot.corpus.model import Paper
from bot.text import fold, sentences
from bot.vocabulary import vocabulary

_WORD = re.compile(r"[^\W_]+(?:[-'^][^\W_]+)*")
_NUMBER = re.compile(r"\d")
PREFIX = 4  # "calibrat" matches "calibrated", "calibration": a shared start this long is the same word


def _words(text: str) -> list[str]:
    # "R^2", "R²" and "R2" are one word: folded without the caret (NFKD makes ² a 2)
    return [fold(m.group()).replace("^", "") for m in _WORD.finditer(text)]


def question_words(question: str) -> set[str]:
    stop = vocabulary().stopwords
    return {w for w in _words(question) if w not in stop and len(w) >= 2}


def overlap(sentence: str, asked: set[str], titled: set[str]) -> float:
    """How many asked words the sentence says; a word of the paper's title counts half (it names
    the paper as much as what is asked); a word the sentence gives a value to ("S8 = 0.791", "an AUC
    of 0.96") counts twice more: it is what is asked."""
    folded = fold(sentence).replace("^", "")
    said = set(_words(sentence))
    score = 0.0
    for word in asked:
        if any(w == word or (len(word) >= PREFIX and len(w) >= PREFIX and w[:PREFIX] == word[:PREFIX]) for w in said):
            score += 0.5 if word in titled else 1.0
            if re.search(rf"(?<![\w-]){re.escape(word)}\w*\s*(?:=|≈|~|:|of|is|was|reaches|reached)?\s*[-−]?\d", folded):
                score += 2.0
    return score


def best_numbered_sentence(paper: Paper, question: str) -> tuple[str, float] | None:
    """The sentence with a number that says most of the question's words, and its score."""
    asked = question_words(question)
    titled = set(_words(paper.title))
    scored = [(overlap(s, asked, titled), -i, s) for i, s in enumerate(sentences(paper.abstract)) if _NUMBER.search(s)]
    if not scored:
        return None
    score, _, sentence = max(scored)
    return (sentence, score) if score > 0 else None
