"""The abstract sentence a free-form question about a paper's results asks for: of the sentences
that give a number, the one that shares most of the question's words ("what value of S8 did the DESI
paper end up with?" is the sentence "We obtain S8 = 0.791 ± 0.017 ...")."""

from __future__ import annotations

import re

from bot.corpus.model import Paper
from bot.precompiled import compiled_pattern
from bot.text import fold, sentences
from bot.vocabulary import vocabulary

_WORD = compiled_pattern(r"[^\W_]+(?:[-'^][^\W_]+)*")
_NUMBER = compiled_pattern(r"\d")
NUMBERED = 0.25
_LINK_ONLY = compiled_pattern(r"^\W*(?:code|data|models?)?[^.]{0,40}https?://", re.IGNORECASE)  # "Code: https://..."
PREFIX = 4  # "calibrat" matches "calibrated", "calibration": a shared start this long is the same word


def _words(text: str) -> list[str]:
    # "R^2", "R²" and "R2" are one word: folded without the caret (NFKD makes ² a 2)
    return [fold(m.group()).replace("^", "") for m in _WORD.finditer(text)]


def question_words(question: str) -> set[str]:
    stop = vocabulary().stopwords
    return {w for w in _words(question) if w not in stop and len(w) >= 2}


def overlap(sentence: str, asked: set[str], titled: set[str]) -> float:
    """How many asked words the sentence says; a word of the paper's title counts a quarter (it
    names the paper more than what is asked); a word the sentence gives a value to ("S8 = 0.791", "an AUC
    of 0.96") counts twice more: it is what is asked."""
    folded = fold(sentence).replace("^", "")
    said = set(_words(sentence))
    score = 0.0
    for word in asked:
        if any(w == word or (len(word) >= PREFIX and len(w) >= PREFIX and w[:PREFIX] == word[:PREFIX]) for w in said):
            score += 0.25 if _shares_start(word, titled) else 1.0
            if re.search(rf"(?<![\w-]){re.escape(word)}\w*\s*(?:=|≈|~|:|of|is|was|reaches|reached)?\s*[-−]?\d", folded):
                score += 2.0
    return score


def _shares_start(word: str, words: set[str]) -> bool:
    return word in words or (
        len(word) >= PREFIX and any(w[:PREFIX] == word[:PREFIX] for w in words if len(w) >= PREFIX)
    )


def best_numbered_sentence(paper: Paper, question: str) -> tuple[str, float] | None:
    """The sentence that says most of the question's words (one with a number first), and its score."""
    asked = question_words(question)
    titled = set(_words(paper.title))
    # equal scores: the later sentence, as abstracts give their setting first and their results after
    # a sentence with a number gives what is asked more often; one without still may ("the
    # improvement on band gaps is modest")
    scored = [
        (overlap(s, asked, titled) + (NUMBERED if _NUMBER.search(s) else 0.0), i, s)
        for i, s in enumerate(sentences(paper.abstract))
        if not _LINK_ONLY.match(s)
    ]
    if not scored:
        return None
    score, _, sentence = max(scored)
    return (sentence, score) if score > NUMBERED else None
