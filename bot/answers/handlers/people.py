"""People: co-authors, "has he worked with", authors of a paper, and which person was meant."""

from __future__ import annotations

from collections import Counter

from bot.answers.answer import Answer
from bot.corpus.model import Corpus
from bot.understanding.query import Slots

from .context import HandlerContext
from .formatting import authors_text, join_and, paper_line, plural, possessive

ET_AL = "Author lists on the page stop after the first few names (et al.), so counts cover listed authors only."
TOP_COAUTHORS = 10


def clarify_person(corpus: Corpus, slots: Slots, intent: str) -> Answer:
    typed, keys = slots.ambiguous[0]
    people = [corpus.people[k] for k in keys]
    items = tuple(f"{p.name} ({plural(len(p.papers), 'paper')})" for p in people)
    return Answer(
        intent=intent,
        headline=f"Which {typed} do you mean? Several listed authors match:",
        items=items,
        people=tuple(p.name for p in people),
        suggestions=tuple(p.name for p in people),
        note="Reply with the full name (or its number).",
        clarification=True,
        confidence=0.5,
    )


def coauthors(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    if slots.ambiguous:
        return clarify_person(corpus, slots, "coauthors")
    center = slots.people[0] if slots.people else corpus.researcher_key
    center_name = corpus.people[center].name if center in corpus.people else corpus.researcher.name
    if center == corpus.researcher_key:
        ranked = corpus.coauthor_ranking  # precomputed: every paper on the profile is the researcher's
    else:
        counts: Counter[str] = Counter()
        papers = corpus.people[center].papers
        for paper in papers:
            counts.update(k for k in corpus.people_keys_of(paper) if k not in (center, corpus.researcher_key))
        # The researcher is on every paper of the profile, whether or not the truncated list shows them.
        counts[corpus.researcher_key] = len(papers)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], _name(corpus, kv[0])))
    if not ranked:
        return Answer(intent="coauthors", headline=f"No co-authors are listed with {center_name}.")
    limit = slots.limit or TOP_COAUTHORS
    top = ranked[:3]
    top_text = join_and([f"{_name(corpus, k)} ({plural(n, 'paper')})" for k, n in top])
    headline = (
        f"Among the listed authors, {possessive(center_name)} most frequent co-authors are {top_text}."
        if len(top) > 1
        else f"Among the listed authors, {possessive(center_name)} only co-author is {top_text}."
    )
    items = tuple(f"{_name(corpus, k)}: {plural(n, 'paper')}" for k, n in ranked[:limit])
    extra = len(ranked) - limit
    note = ET_AL + (f" {plural(extra, 'more co-author')} with fewer papers not shown." if extra > 0 else "")
    return Answer(
        intent="coauthors",
        headline=headline,
        items=items,
        note=note,
        people=tuple(_name(corpus, k) for k, _ in ranked[:limit]),
    )


def _name(corpus: Corpus, key: str) -> str:
    person = corpus.people.get(key)
    return person.name if person else corpus.researcher.name


def worked_with(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    if slots.ambiguous:
        return clarify_person(corpus, slots, "worked_with")
    subject = corpus.researcher.name
    if slots.unknown_people and not slots.people:
        name = slots.unknown_people[0]
        return Answer(
            intent="worked_with",
            headline=(
                f"No: {name} is not among the listed authors of any of {possessive(subject)} "
                f"{plural(len(corpus.papers), 'paper')}."
            ),
            note="The page lists only the first authors of each paper, so a collaboration further down an "
            "author list would not show.",
            people=(name,),
            confidence=0.8,
        )
    keys = list(slots.people)
    if not keys:
        return coauthors(corpus, slots, context)
    if len(keys) >= 2:
        subject = corpus.people[keys[0]].name
        keys = keys[1:]
    names = [corpus.people[k].name for k in keys]
    wanted = set(keys) | ({corpus.people_key(subject)} if subject != corpus.researcher.name else set())
    smallest = min((corpus.people[k].papers for k in wanted if k in corpus.people), key=len, default=[])
    papers = corpus.newest_first(p for p in smallest if wanted <= set(corpus.people_keys_of(p)))
    who = join_and(names)
    if not papers:
        return Answer(
            intent="worked_with",
            headline=f"No: {subject} and {who} are not listed together on any paper of the profile.",
            note=ET_AL,
            people=tuple(names),
        )
    headline = f"Yes: {who} and {subject} are listed together on {plural(len(papers), 'paper')}:"
    return Answer(
        intent="worked_with",
        headline=headline,
        items=tuple(paper_line(p) for p in papers),
        papers=tuple(papers),
        people=tuple(names),
        note=ET_AL,
        focus=papers[0] if len(papers) == 1 else None,
    )


def paper_authors(corpus: Corpus, slots: Slots, context: HandlerContext) -> Answer:
    ids = slots.papers or ((context.focus,) if context.focus else ())
    papers = [corpus.by_id[i] for i in ids if i in corpus.by_id]
    if not papers:
        return Answer(
            intent="paper_authors",
            headline="Which paper do you mean? Name it by its title or system name.",
            confidence=0.3,
        )
    if len(papers) == 1:
        paper = papers[0]
        truncated = " (the page lists only the first authors)" if paper.authors_truncated else ""
        headline = f"Listed authors of {paper.short_name}: {authors_text(paper)}{truncated}."
        if slots.first_author or slots.order == "oldest":
            headline = f"The first listed author of {paper.short_name} is {paper.authors[0]}."
        elif slots.count:
            more = ", then \u201cet al.\u201d: the full count is not on the profile" if paper.authors_truncated else ""
            headline = f"The page lists {plural(len(paper.authors), 'author')} for {paper.short_name}{more}."
        return Answer(
            intent="paper_authors",
            headline=headline,
            fields=(("Title", paper.title),),
            papers=(paper,),
            people=paper.authors,
            focus=paper,
        )
    items = tuple(f"{p.short_name}: {authors_text(p)}" for p in papers)
    people = tuple(dict.fromkeys(a for p in papers for a in p.authors))
    return Answer(
        intent="paper_authors",
        headline="Listed authors of each paper:",
        items=items,
        papers=tuple(papers),
        people=people,
    )
