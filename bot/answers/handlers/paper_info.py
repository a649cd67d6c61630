"""One paper: its details, its code, its results on a benchmark, which paper introduced a name."""

from __future__ import annotations

import re

from bot.answers.answer import Answer
from bot.corpus.gazetteer import phrase_pattern
from bot.corpus.model import Corpus, Paper
from bot.text import compact, sentences
from bot.understanding.query import Slots

from .context import HandlerContext
from .formatting import abstract_preview, authors_text, paper_line, pretty_date

_CODE_WORDS = re.compile(
    r"\b(code|github|repository|open[- ]?source|will be (publicly )?(released|available)|available at)\b", re.IGNORECASE
)


def detail_fields(paper: Paper) -> tuple[tuple[str, str], ...]:
    inferred = " (year inferred: the page gives no year)" if paper.year_inferred else ""
    fields = [
        ("Date", pretty_date(paper) + inferred),
        ("Class", f"{paper.category} ({paper.category_name})"),
        ("Listed authors", authors_text(paper)),
        ("Code", code_text(paper)),
    ]
    if paper.benchmarks:
        fields.append(("Benchmarks", ", ".join(paper.benchmarks)))
    fields.append(("Abstract", abstract_preview(paper)))
    return tuple(fields)


def code_text(paper: Paper) -> str:
    link = paper.code_link
    if paper.has_code:
        return link or "yes (the abstract gives no link)"
    return "not marked on the profile" + (f" (the abstract links {link})" if link else "")


def paper_summary(paper: Paper, headline: str, intent: str) -> Answer:
    return Answer(intent=intent, headline=headline, fields=detail_fields(paper), papers=(paper,), focus=paper)


def _papers_of(corpus: Corpus, slots: Slots, context: HandlerContext) -> list[Paper]:
    ids = slots.papers or ((context.focus,) if context.focus else ())
    return [corpus.by_id[i] for i in ids if i in corpus.by_id]


def _which_paper(intent: str) -> Answer:
    return Answer(
        intent=intent, headline="Which paper do you mean? Name it by its title or system name.", confidence=0.3
    )


def paper_details(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    papers = _papers_of(corpus, slots, context)
    if not papers:
        return _which_paper("paper_details")
    if len(papers) > 1:
        return Answer(
            intent="paper_details",
            headline=f"{len(papers)} papers match; which one?",
            items=tuple(paper_line(p) for p in papers),
            papers=tuple(papers),
            clarification=True,
            suggestions=tuple(p.short_name for p in papers),
            confidence=0.6,
        )
    paper = papers[0]
    if slots.aspect == "date":
        inferred = " (the page gives no year; inferred from the profile date)" if paper.year_inferred else ""
        return paper_summary(
            paper, f"{paper.short_name} was published on {pretty_date(paper)}{inferred}.", "paper_details"
        )
    if slots.aspect == "category":
        return paper_summary(
            paper, f"{paper.short_name} is in {paper.category} ({paper.category_name}).", "paper_details"
        )
    return paper_summary(paper, paper.title, "paper_details")


def paper_code(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    papers = _papers_of(corpus, slots, context)
    if not papers:
        return _which_paper("paper_code")
    if len(papers) > 1:
        items = tuple(f"{p.short_name}: {code_text(p)}" for p in papers)
        return Answer(
            intent="paper_code", headline="Code for each paper:", items=items, papers=tuple(papers), numbered=False
        )
    paper = papers[0]
    link = paper.code_link
    said = [s for s in sentences(paper.abstract) if _CODE_WORDS.search(s)]
    quote = f"The abstract says: \u201c{said[-1]}\u201d" if said else ""
    if paper.has_code and link:
        headline = f"Yes: {paper.short_name} has code at {link}"
    elif paper.has_code:
        headline = f"Yes: the profile marks code for {paper.short_name}, but the abstract gives no link."
    elif link:
        headline = f"No: the profile does not mark code for {paper.short_name}; the abstract links {link}."
    else:
        headline = f"No: the profile does not mark code for {paper.short_name}, and the abstract gives no link."
    return Answer(
        intent="paper_code",
        headline=headline,
        fields=(("Title", paper.title),),
        note=quote,
        papers=(paper,),
        focus=paper,
    )


def paper_results(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    papers = _papers_of(corpus, slots, context)
    if not papers:
        return _which_paper("paper_results")
    paper = papers[0]
    name = slots.benchmarks[0] if slots.benchmarks else slots.benchmark_text
    spellings = [name]
    entry = corpus.gazetteer.entries.get(name)
    if entry:
        spellings += list(entry.aliases)
    patterns = [p for p in (phrase_pattern(s) for s in spellings) if p]
    quoted = [s for s in sentences(paper.abstract) if any(p.search(s) for p in patterns)]
    with_figures = [s for s in quoted if re.search(r"\d", s)]
    if not quoted:
        return Answer(
            intent="paper_results",
            headline=f"The abstract of {paper.short_name} does not mention {name}.",
            papers=(paper,),
            focus=paper,
            confidence=0.8,
        )
    if not with_figures:
        return Answer(
            intent="paper_results",
            headline=f"{paper.short_name} mentions {name} but its abstract gives no figure for it.",
            note=f"\u201c{quoted[0]}\u201d",
            papers=(paper,),
            focus=paper,
        )
    sentence = with_figures[0]
    figure = _figure_near(sentence, patterns)
    headline = (
        f"{paper.short_name} on {name}: {figure}."
        if figure
        else f"What the abstract of {paper.short_name} reports on {name}:"
    )
    return Answer(
        intent="paper_results", headline=headline, note=f"\u201c{sentence}\u201d", papers=(paper,), focus=paper
    )


_FIGURE = re.compile(
    r"[+-]?\d+(?:\.\d+)?\s*%?(?:\s*(?:R@\d+|CIDEr|BLEU(?:-\d)?|ROUGE(?:-\w+)?|F1|EM|mAP|AUC|top-[15] accuracy|"
    r"accuracy|success(?: rate)?|points?))?"
)
FIGURE_WINDOW = 90  # characters before the name that may still hold its figure ("91.2% success on X")


def _figure_near(sentence: str, patterns: list[re.Pattern[str]]) -> str | None:
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


def paper_introducing(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    names = list(slots.benchmarks)
    if slots.papers:
        names += [corpus.by_id[i].system or "" for i in slots.papers]
    for name in names:
        owners = corpus.introduced_by.get(compact(name), [])
        if owners:
            paper = corpus.newest_first(owners)[-1]
            return paper_summary(paper, f"{name} was introduced in: {paper.title}", "paper_introducing")
    if slots.papers:
        paper = corpus.by_id[slots.papers[0]]
        return paper_summary(paper, paper.title, "paper_introducing")
    mentioned = corpus.newest_first(corpus.by_benchmark.get(names[0], [])) if names else []
    if mentioned:
        first = mentioned[-1]
        return Answer(
            intent="paper_introducing",
            headline=(f"No paper on the profile introduces {names[0]}; the earliest to mention it is {first.title}."),
            papers=tuple(mentioned[::-1]),
            items=tuple(paper_line(p) for p in mentioned[::-1]),
        )
    return Answer(
        intent="paper_introducing",
        headline=f"No paper on the profile introduces {names[0] if names else 'that'}.",
        confidence=0.6,
    )
