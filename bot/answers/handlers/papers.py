"""Lists of papers: by filters, newest/oldest, by benchmark, by topic, first-author."""

from __future__ import annotations

from collections import Counter
from itertools import takewhile

from bot.answers.answer import Answer
from bot.corpus.model import Corpus, Paper
from bot.understanding.query import Slots

from .context import HandlerContext
from .formatting import join_and, paper_line, plural, possessive
from .paper_info import paper_summary
from .people import clarify_person
from .selection import describe, select

ITEM_LIMIT = 200
ET_AL_NOTE = "Author lists on the page stop after the first authors (et al.), so this covers listed authors only."


def _years_note(corpus: Corpus) -> str:
    years = corpus.years()
    return f"The profile's papers run from {years[0]} to {years[-1]}." if years else "The profile lists no papers."


def _list_answer(
    intent: str,
    headline: str,
    papers: list[Paper],
    note: str = "",
    confidence: float = 1.0,
    people: tuple[str, ...] = (),
) -> Answer:
    return Answer(
        intent=intent,
        headline=headline,
        items=tuple(paper_line(p) for p in papers[:ITEM_LIMIT]),  # the text shows fewer; JSON keeps all papers
        item_count=len(papers),
        papers=tuple(papers),
        note=note,
        confidence=confidence,
        focus=papers[0] if len(papers) == 1 else None,
        people=people,
    )


def _people(corpus: Corpus, slots: Slots) -> tuple[str, ...]:
    """Names the answer is about: the people the question filtered by."""
    return tuple(corpus.people[k].name for k in slots.people if k in corpus.people) + slots.unknown_people


def list_papers(corpus: Corpus, slots: Slots, context: HandlerContext, intent: str = "list_papers") -> Answer:
    if slots.ambiguous:
        return clarify_person(corpus, slots, intent)
    papers = select(corpus, slots)
    what = describe(corpus, slots)
    among = f" among those {plural(len(slots.within), 'paper')}" if slots.within is not None else ""
    subject = f"{plural(len(papers), 'paper')} {what}".strip() + among
    notes = []
    if slots.people and not slots.first_author:
        notes.append(ET_AL_NOTE)
    if slots.researcher_named and not slots.people and not slots.first_author and not slots.filters_papers:
        notes.append(f"Every paper on the profile is {possessive(corpus.researcher.name)}.")
    if not papers:
        if slots.unknown_people:
            headline = (
                f"No papers list {join_and(list(slots.unknown_people))} among their authors; "
                f"nobody by that name appears on {possessive(corpus.researcher.name)} profile."
            )
        else:
            headline = f"No papers {what}{among}.".replace("  ", " ")
        if slots.span or slots.month:
            notes.append(_years_note(corpus))
        return Answer(intent=intent, headline=headline, note=" ".join(notes), confidence=0.9)
    if slots.count:
        total = (
            ""
            if slots.filters_papers or slots.within is not None
            else f" (the profile states {corpus.researcher.paper_count})"
        )
        headline = f"{corpus.researcher.name} has {subject}{total}:"
    elif not slots.filters_papers and slots.within is None:
        headline = f"All {plural(len(papers), 'paper')} on {possessive(corpus.researcher.name)} profile, newest first:"
    else:
        headline = (
            f"{subject[0].upper()}{subject[1:]}, newest first:"
            if len(papers) > 1
            else f"{subject[0].upper()}{subject[1:]}:"
        )
    return _list_answer(intent, headline, papers, " ".join(notes), people=_people(corpus, slots))


def benchmark_papers(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    if not slots.benchmarks and not slots.benchmark_text:
        return benchmarks_used(corpus, slots, context)
    papers = select(corpus, slots)
    names = join_and(list(slots.benchmarks) or [slots.benchmark_text], "or")
    others = slots.with_changes(benchmarks=(), benchmark_text="")
    rest = describe(corpus, others)
    scope = f" {rest}" if rest else ""
    if not papers:
        searched = plural(len(select(corpus, others)), "paper")
        headline = f"None of {possessive(corpus.researcher.name)} {searched}{scope} mentions {names}."
        return Answer(intent="benchmark_papers", headline=headline, confidence=0.9)
    verb = "mentions" if len(papers) == 1 else "mention"
    return _list_answer("benchmark_papers", f"{plural(len(papers), 'paper')}{scope} {verb} {names}:", papers)


def benchmarks_used(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    named = [corpus.by_id[i] for i in slots.papers if i in corpus.by_id]
    scoped = slots.with_changes(benchmarks=())
    unfiltered = not named and not scoped.filters_papers and scoped.within is None
    papers = named or (corpus.with_benchmarks if unfiltered else select(corpus, scoped))
    counts = corpus.benchmark_counts if unfiltered else Counter(n for paper in papers for n in paper.benchmarks)
    if not counts:
        where = f"{papers[0].short_name}" if len(papers) == 1 else "these papers"
        return Answer(
            intent="benchmarks_used",
            headline=f"No benchmark or dataset is named in {where}.",
            papers=tuple(papers[:1]) if len(papers) == 1 else (),
        )
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))
    with_any = papers if unfiltered else [p for p in papers if p.benchmarks]
    kinds = plural(len(ranked), "benchmark or dataset", "benchmarks and datasets")
    if len(with_any) == 1:
        only = with_any[0]
        return Answer(
            intent="benchmarks_used",
            headline=f"{only.short_name} mentions {kinds}:",
            items=only.benchmarks,
            papers=(only,),
            numbered=False,
            focus=only,
        )
    headline = f"{kinds} appear in {plural(len(with_any), 'paper')}, most mentioned first:"
    items = tuple(f"{name} ({plural(n, 'paper')})" for name, n in ranked)
    return Answer(intent="benchmarks_used", headline=headline, items=items, papers=tuple(with_any), numbered=False)


def latest_paper(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    if slots.ambiguous:
        return clarify_person(corpus, slots, "latest_paper")
    papers = select(corpus, slots)
    if slots.order == "oldest":
        papers.reverse()
    what = describe(corpus, slots)
    scope = f" {what}" if what else ""
    which = "oldest" if slots.order == "oldest" else "latest"
    if not papers:
        return Answer(intent="latest_paper", headline=f"No papers{scope}.", note=_years_note(corpus), confidence=0.9)
    if slots.limit and slots.limit > 1:
        chosen = papers[: slots.limit]
        return _list_answer("latest_paper", f"The {plural(len(chosen), which + ' paper')}{scope}:", chosen)
    paper = papers[0]
    tie = list(takewhile(lambda p: p.date == paper.date, papers[1:]))  # sorted by date: ties come first
    answer = paper_summary(
        paper,
        f"The {which} paper{scope} ({paper.date:%b} {paper.date.day}, {paper.date.year}): {paper.title}",
        "latest_paper",
    )
    if tie:
        return _list_answer(
            "latest_paper", f"{plural(len(tie) + 1, 'paper')}{scope} share the {which} date:", [paper, *tie]
        )
    return answer


def topic_search(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    from bot.corpus.topics import topic_words

    words = topic_words(slots.topic, context.topic_ignore)
    hits = context.search_topics(words)
    papers = [corpus.by_id[h.paper_id] for h in hits]
    if slots.filters_papers or slots.within is not None:
        allowed = {p.id for p in select(corpus, slots.with_changes(topic=""))}
        papers = [p for p in papers if p.id in allowed]
    topic = slots.topic
    rest = describe(corpus, slots)
    scope = f" {rest}" if rest else ""
    if not papers:
        return Answer(
            intent="topic_search",
            headline=f"No paper{scope} is about {topic}.",
            note="Try other words, or ask 'help' for what I can answer.",
            confidence=0.5,
        )
    if slots.order:  # "the latest paper about video": the topic picks the papers, the date the answer
        by_date = corpus.newest_first(papers)
        if slots.order == "oldest":
            by_date.reverse()
        if not slots.limit or slots.limit == 1:
            which = "oldest" if slots.order == "oldest" else "latest"
            first = by_date[0]
            return paper_summary(first, f"The {which} paper{scope} about {topic}: {first.title}", "topic_search")
        papers = by_date[: slots.limit]
    complete = {h.paper_id for h in hits if h.matched_all}
    full = sum(1 for p in papers if p.id in complete)
    if full == 1 == len(papers):
        return paper_summary(papers[0], f"The paper{scope} about {topic}: {papers[0].title}", "topic_search")
    if not full:
        headline = (
            f"No paper{scope} covers all of \u201c{topic}\u201d; closest {plural(len(papers), 'match', 'matches')}:"
        )
        return _list_answer("topic_search", headline, papers, confidence=0.6)
    lead = "The first paper mentions" if full == 1 else f"The first {full} papers mention"
    partial = full < len(papers) and not slots.order  # sorted by date, the full matches are not first
    note = f"{lead} every word of \u201c{topic}\u201d; the others most of them." if partial else ""
    order = {"newest": "newest first", "oldest": "oldest first"}.get(slots.order or "", "most relevant first")
    headline = f"{plural(len(papers), 'paper')}{scope} about {topic}, {order}:"
    return _list_answer("topic_search", headline, papers, note=note, confidence=0.8)


def first_author(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    if slots.ambiguous:
        return clarify_person(corpus, slots, "first_author")
    slots = slots.with_changes(first_author=True)
    papers = select(corpus, slots)
    who = corpus.people[slots.people[0]].name if slots.people else corpus.researcher.name
    rest = describe(corpus, slots.with_changes(first_author=False, people=()))
    scope = f" {rest}" if rest else ""
    if not papers:
        return Answer(intent="first_author", headline=f"{who} is not the first listed author of any paper{scope}.")
    return _list_answer(
        "first_author", f"{who} is the first listed author of {plural(len(papers), 'paper')}{scope}:", papers
    )
