"""Help, greetings and the fallback: what the bot can do, in the words of the loaded profile."""

from __future__ import annotations

from functools import cache

from bot.answers.answer import Answer
from bot.corpus.model import Corpus
from bot.understanding.query import Slots

from .context import HandlerContext
from .formatting import plural, possessive


@cache
def example_questions(corpus: Corpus) -> tuple[str, ...]:
    """Examples built from the corpus itself, so they hold for any profile (once per corpus)."""
    newest = corpus.newest_first()
    years = corpus.years()
    examples = []
    if years:
        examples.append(f"papers from {years[-1]}")
        examples.append(f"papers since {years[len(years) // 2]}")
    examples.append("latest paper")
    named = next((p for p in newest if p.system), None)
    if named:
        examples.append(f"tell me about {named.system}")
        examples.append(f"who wrote {named.system}?")
        examples.append(f"is there code for {named.system}?")
    benchmark = max(corpus.by_benchmark, key=lambda b: len(corpus.by_benchmark[b]), default=None)
    if benchmark:
        examples.append(f"which papers mention {benchmark}?")
    others = sorted(
        (p for k, p in corpus.people.items() if k != corpus.researcher_key), key=lambda p: (-len(p.papers), p.name)
    )
    examples.append("who are the most frequent co-authors?")
    if others:
        examples.append(f"papers with {others[0].name}")
    examples += ["h-index?", "papers per year", "which of those have code?"]
    return tuple(examples)


def help_answer(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    r = corpus.researcher
    headline = (
        f"I answer questions about {possessive(r.name)} profile: {plural(len(corpus.papers), 'paper')}, "
        "their dates, classes, authors, benchmarks, code and abstracts. For example:"
    )
    return Answer(
        intent="help",
        headline=headline,
        items=tuple(example_questions(corpus)),
        numbered=False,
        note="Follow-ups work too: \u201cwhich of those have code?\u201d, \u201cand 2023?\u201d, "
        "\u201cwho wrote it?\u201d.",
    )


def thanks(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    name = possessive(corpus.researcher.name)
    return Answer(intent="thanks", headline=f"You're welcome! Ask me more about {name} papers any time.")


def farewell(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    return Answer(intent="farewell", headline="Goodbye! Come back with more questions any time.")


def greeting(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    return Answer(
        intent="greeting",
        headline=f"Hello! Ask me anything about {possessive(corpus.researcher.name)} papers, or type \u201chelp\u201d.",
    )


def fallback(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    suggestions = context.suggestions
    headline = f"I can only answer questions about {possessive(corpus.researcher.name)} publication profile."
    if context.close_suggestions:
        note = "Did you mean one of these?"
    else:
        note = "Try one of these, or type \u201chelp\u201d to see what I can answer."
    return Answer(
        intent="fallback",
        headline=headline,
        items=suggestions,
        suggestions=suggestions,
        note=note,
        numbered=False,
        confidence=0.0,
    )
