"""Result -> Answer: each kind of result put into words, the same for every front end."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import singledispatch
from itertools import takewhile
from typing import Literal

from bot.answers import results as r
from bot.answers.answer import Answer
from bot.answers.selecting import ordinal_word, place_word
from bot.answers.wording import (
    abstract_preview,
    authors_text,
    join_and,
    paper_line,
    plural,
    possessive,
    pretty_date,
)
from bot.corpus.model import Corpus, Paper
from bot.corpus.names import is_name_like
from bot.precompiled import compiled_pattern
from bot.text import sentences

ITEM_LIMIT = 200
TOP_GROUPS = 10
TIED_NAMED = 4  # more tied at the top of a ranking than this are counted, not named
ET_AL = "Author lists on the page stop after the first few names (et al.), so this covers listed authors only."
ET_AL_LIST = "Author lists on the page stop after the first authors (et al.), so this covers listed authors only."
_CODE_WORDS = compiled_pattern(
    r"\b(code|github|repository|open[- ]?source|will be (publicly )?(released|available)|available at)\b", re.IGNORECASE
)


def render(result: r.Result, corpus: Corpus, intent: str, family: str) -> Answer:
    answer = _render(result, corpus)
    if (
        isinstance(result, r.PaperList)
        and result.yes_no
        and result.share_of is None  # a share answers its own yes or no ("Yes, more than half: ...")
        and not (result.papers and result.topic_partial == 0)
    ):
        # "has she used EdNet?": yes or no first, then the papers that say so (not over closest matches)
        said = "Yes" if result.papers else "No"
        first_word = answer.headline.split(" ", 1)[0]
        common = first_word in ("None", "No", "The", "There", "All", "A", "An")
        rest = answer.headline[:1].lower() + answer.headline[1:] if common else answer.headline  # names keep case
        rest = f"there are {rest}" if rest.startswith("no papers") else rest
        answer = replace(answer, headline=f"{said}: {rest}")
    return replace(answer, intent=intent, family=family)


@singledispatch
def _render(result: object, corpus: Corpus) -> Answer:
    raise TypeError(f"no renderer for {type(result).__name__}")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _list_answer(headline: str, papers: tuple[Paper, ...], note: str = "", confidence: float = 1.0) -> Answer:
    return Answer(
        intent="",
        headline=headline,
        items=tuple(paper_line(p) for p in papers[:ITEM_LIMIT]),  # the text shows fewer; JSON keeps all papers
        item_count=len(papers),
        papers=papers,
        note=note,
        confidence=confidence,
        focus=papers[0] if len(papers) == 1 else None,
    )


def _years_note(years: tuple[int, int] | None) -> str:
    return f"The profile's papers run from {years[0]} to {years[1]}." if years else ""


@_render.register
def _(result: r.PaperList, corpus: Corpus) -> Answer:
    name = corpus.researcher.name
    scope = f" {result.scope}" if result.scope else ""
    notes = []
    if result.unknown_topics and not result.papers:
        topics = join_and([f"\u201c{t}\u201d" for t in result.unknown_topics], "or")
        headline = f"None of {possessive(name)} {plural(len(corpus.papers), 'paper')} is about {topics}."
        note = "That isn't on the profile; try other words, or ask \u201chelp\u201d for what I can answer."
        if result.nearer:
            wider = join_and([f"{topic} ({plural(count, 'paper')})" for topic, count in result.nearer])
            first = result.nearer[0][0]
            note = f"That isn't on the profile; the nearest it has is {wider}: ask \u201cpapers about {first}\u201d."
        return Answer("", headline, note=note, confidence=0.6)
    if result.unknown_people and not result.papers:
        who = join_and(list(result.unknown_people))
        headline = (
            f"No papers list {who} among their authors; nobody by that name appears on {possessive(name)} profile."
        )
        return Answer("", headline, note="The page lists only the first authors of each paper.", confidence=0.9)
    if not result.papers:
        if result.mention_only:
            headline = f"None of {possessive(name)} {plural(result.searched, 'paper')}{scope}.".replace(
                " mentioning", " mentions"
            )
        else:
            headline = f"No papers{scope}."
        if result.researcher_left_out:
            # the page is the researcher's own list: what anyone published without them is not on it
            note = (
                f"The profile lists only {possessive(name)} own papers; what others published without {name} "
                "is not on the page."
            )
            return Answer("", headline, note=note, confidence=0.9)
        return Answer("", headline, note=_years_note(result.empty_years), confidence=0.9)
    shown = len(result.papers)
    if result.people and result.positioned is None:
        notes.append(ET_AL_LIST)
    if result.ignored_words:
        words = join_and([f"\u201c{w}\u201d" for w in result.ignored_words])
        one_word = len(result.ignored_words) == 1 and " " not in result.ignored_words[0]
        notes.append(f"I left out {words}: no paper on the profile uses {'that word' if one_word else 'those words'}.")
    subject = f"{plural(result.total, 'paper')}{scope}"
    if result.counting and result.share_of:
        share = 100 * result.total / result.share_of
        # exact when two decimals say it (37.5%, 56.25%), else whole (43%, not 43.48%)
        exact = abs(share - round(share, 2)) < 1e-9
        percent = (f"{share:.2f}".rstrip("0").rstrip(".") if exact else f"{share:.0f}") + "%"
        base = f" {result.share_scope}" if result.share_scope else ""
        # "37.5% of her 24 papers (9 of 24)": the share, then the count over the whole
        of_all = f"{possessive(name)} {plural(result.share_of, 'paper')}{base}"
        count = f"{result.total} of {result.share_of}"
        headline = f"{_cap(subject)}: {percent} of {of_all} ({count})."
        if result.yes_no:  # "are most of his papers CV?"
            verdict = "Yes" if 2 * result.total > result.share_of else "No"
            half = {1: "more than half", 0: "exactly half", -1: "fewer than half"}[
                (2 * result.total > result.share_of) - (2 * result.total < result.share_of)
            ]
            # ... and the rest counted too: "is she first author more often than not?" asks of both sides
            others = result.share_of - result.total
            rest = f"; the other {plural(others, 'paper')} {'is' if others == 1 else 'are'} not" if others else ""
            headline = f"{verdict}, {half}: {subject}: {percent} of {of_all} ({count}{rest})."
        return replace(_list_answer(headline, result.papers), people=result.people)
    if result.positioned is not None:
        person, position, rest = result.positioned
        where = f"{place_word(position)} listed"
        rest = f" {rest}" if rest else ""
        headline = f"{person} is the {where} author of {plural(result.total, 'paper')}{rest}:"
        return replace(_list_answer(headline, result.papers), people=result.people)
    if result.counting:
        whole = not result.scope and result.among is None and not result.people
        stated = (
            f" (the profile states {corpus.researcher.paper_count})"
            if whole and corpus.researcher.paper_count != result.total
            else ""
        )
        if whole and not result.yes_no:
            # "how many papers does he have?": the number is the answer, not a list of every paper
            return Answer("", f"{name} has {subject} on the profile{stated}.", confidence=0.9)
        return replace(_list_answer(f"{name} has {subject}{stated}:", result.papers), people=result.people)
    if result.order == "relevance":
        if shown == 1 and result.topic_partial == 1 and not result.ignored_words:
            paper = result.papers[0]
            return replace(_paper_card(corpus, paper, f"The paper{scope}: {paper.title}"), people=result.people)
        if result.topic_partial == 0:
            closest = f"closest {plural(shown, 'match', 'matches')}"
            if " about " in scope and " " not in scope.split(" about ", 1)[1]:
                headline = f"No paper is{scope}; {closest} on a related topic:"  # "speech": audio papers
            else:
                headline = f"No paper{scope.replace(' about ', ' covers all of ')}; {closest}:"
            return _list_answer(headline, result.papers, confidence=0.6)
        if result.topic_partial is not None and result.topic_partial < shown:
            lead = (
                "The first paper holds"
                if result.topic_partial == 1
                else f"The first {result.topic_partial} papers hold"
            )
            notes.append(f"{lead} every word of the topic; the others most of them.")
        order = "most relevant first"
    else:
        order = "oldest first" if result.order == "oldest" else "newest first"
    if result.mention_only:
        verb = "mentions" if result.total == 1 else "mention"
        headline = f"{plural(result.total, 'paper')}{scope}:".replace(" mentioning ", f" {verb} ", 1)
        headline = headline.replace(" or mentioning ", " or ")  # "mention Habitat or ALFRED"
    elif not result.scope:
        headline = f"All {plural(result.total, 'paper')} on {possessive(name)} profile, {order}:"
    elif shown < result.total:
        headline = f"The {plural(shown, 'paper')}{scope} ({result.total} in all), {order}:"
    else:
        headline = f"{_cap(subject)}, {order}:" if shown > 1 else f"{_cap(subject)}:"
    if result.left_out:
        # "everything but her two newest papers"
        first = order.split()[0]
        headline = f"All but the {first} {plural(result.left_out, 'paper')}{scope}: {shown} of {result.total}, {order}:"
    elif shown < result.total and not result.scope:
        headline = f"The {order.split()[0]} {plural(shown, 'paper')} on {possessive(name)} profile:"
    return replace(_list_answer(headline, result.papers, " ".join(notes)), people=result.people)


@_render.register
def _(result: r.PaperPick, corpus: Corpus) -> Answer:
    scope = f" {result.scope}" if result.scope else ""
    which = "oldest" if result.order == "oldest" else "latest"
    if result.paper is None:
        if result.pool == 0:
            return Answer("", f"No papers{scope}.", confidence=0.9)
        return Answer(
            "",
            f"There are only {plural(result.pool, 'paper')}{scope}, so no {ordinal_word(result.rank)} {which} one.",
            confidence=0.9,
        )
    paper = result.paper
    if result.checked:
        return _checked_pick(corpus, result, paper, scope, which)
    if result.ties:
        tied = (paper, *result.ties)
        return _list_answer(f"{plural(len(tied), 'paper')}{scope} share the {which} date:", tied)
    rank = "" if result.rank == 1 else f"{ordinal_word(result.rank)} "
    if result.pool == 2 and result.among == 2 and result.rank == 1:
        newer = "newer" if result.order == "newest" else "older"
        headline = f"The {newer} of the two is {paper.short_name} ({pretty_date(paper)}): {paper.title}"
    elif result.others and result.rank == 1:
        count = len(result.others) + 1
        headline = f"The {which} of the {count} is {paper.short_name} ({pretty_date(paper)}): {paper.title}"
    else:
        headline = f"The {rank}{which} paper{scope} ({pretty_date(paper)}): {paper.title}"
    card = _paper_card(corpus, paper, headline)
    if result.others and result.rank == 1:
        # the papers set against it, each with its date: the answer is about all of them
        dated = _their_dates(result.others)
        return replace(card, note=f"{dated[:1].upper()}{dated[1:]}.", papers=(paper, *result.others))
    return card


def _their_dates(papers: tuple[Paper, ...]) -> str:
    """ "TurnoutGNN is from Jan 23, 2023": the date of each paper set against the one picked."""
    return join_and([f"{p.short_name} is from {pretty_date(p)}" for p in papers])


def _checked_pick(corpus: Corpus, result: r.PaperPick, paper: Paper, scope: str, which: str) -> Answer:
    """ "Is AMBER his latest paper?": yes or no, and the pick either way."""
    rank = "" if result.rank == 1 else f"{ordinal_word(result.rank)} "
    picked = (paper, *result.ties) if result.rank == 1 else (paper,)
    asked = result.checked[0]
    others = tuple(p for p in result.others if p is not asked)
    pair = tuple(p for p in (paper, *result.others) if p is not asked)
    if result.rank == 1 and len(pair) == 1 and len(result.others) == 1 and len(picked) == 1:
        # "is CryptoLOB newer than ExecRL?": the two set against each other, said as the comparison
        other = pair[0]
        won = asked is paper
        than = ("newer" if which == "latest" else "older") if won else ("older" if which == "latest" else "newer")
        headline = (
            f"{'Yes' if won else 'No'}: {asked.short_name} ({pretty_date(asked)}) is {than} than "
            f"{other.short_name} ({pretty_date(other)})."
        )
        # the newer (older) one first, as a pick gives it; the conversation stays on the paper asked about
        return replace(_paper_card(corpus, paper, headline), papers=(paper, *result.others), focus=asked)
    if asked in picked:
        shared = " (with others of the same date)" if len(picked) > 1 else ""
        # "is ParlSent newer than PollCast, GeoMRP and TurnoutGNN?": the others' dates too, and all the papers
        theirs = f"; {_their_dates(others)}" if others else ""
        headline = f"Yes: {asked.short_name} is the {rank}{which} paper{scope}{shared}, from {pretty_date(asked)}"
        headline += f"{theirs}."
        return replace(_paper_card(corpus, asked, headline), papers=(asked, *others))
    headline = (
        f"No: the {rank}{which} paper{scope} is {paper.short_name} ({pretty_date(paper)}); "
        f"{asked.short_name} is from {pretty_date(asked)}."
    )
    # the conversation stays on the paper asked about ("is it his newest CL paper?" next)
    return replace(_paper_card(corpus, paper, headline), papers=(paper, asked), focus=asked)


@_render.register
def _(result: r.DateCheck, corpus: Corpus) -> Answer:
    paper = result.paper
    inferred = _year_inferred(paper)
    verdict = "Yes" if result.inside else "No"
    headline = f"{verdict}: {paper.short_name} came out {pretty_date(paper)}{inferred}"
    when = f"in {result.when}" if result.when[:1].isdigit() else result.when  # "in 2025", "this year"
    headline += f", {when}." if result.inside else f", not {when}."
    return Answer("", headline, papers=(paper,), focus=paper)


@_render.register
def _(result: r.SoloCheck, corpus: Corpus) -> Answer:
    paper = result.paper
    if len(paper.authors) == 1 and not paper.authors_truncated:
        headline = f"Yes: {paper.short_name} lists {paper.authors[0]} as its only author."
    else:
        count = f"at least {len(paper.authors) + 1}" if paper.authors_truncated else str(len(paper.authors))
        headline = f"No: {paper.short_name} lists {count} authors ({authors_text(paper)})."
    return Answer("", headline, papers=(paper,), focus=paper)


@_render.register
def _(result: r.AuthorCheck, corpus: Corpus) -> Answer:
    paper = result.paper
    listed = authors_text(paper)
    if result.asked is not None:
        return _position_check(result)
    if result.where_asked:
        return _place_on(result)
    if result.position is not None:
        where = _place_in_list(paper, result.position)
        headline = f"Yes: {result.person} is the {where} listed author of {paper.short_name} ({listed})."
        return Answer("", headline, papers=(paper,), focus=paper, people=(result.person,))
    if corpus.people_key(result.person) == corpus.researcher_key:
        # every paper on the page is the researcher's: a list without them is a list cut short
        owner = possessive(corpus.researcher.name)
        headline = (
            f"Yes: {paper.short_name} is on {owner} profile, but the page lists only its first authors "
            f"({listed}), so where {result.person} comes in the list is not shown."
            if paper.authors_truncated
            else f"{paper.short_name} is on {owner} profile, but its listed authors ({listed}) do not "
            f"include {result.person} as the page writes the name."
        )
        return Answer("", headline, papers=(paper,), focus=paper)
    cut = (
        " The page lists only the first authors, so a name further down the list would not show."
        if (paper.authors_truncated)
        else ""
    )
    headline = f"No: {result.person} is not among the listed authors of {paper.short_name} ({listed}).{cut}"
    return Answer("", headline, papers=(paper,), focus=paper)


def _place_in_list(paper: Paper, position: int) -> str:
    """ "third", or "third and last" when the page lists every author and this one closes the list."""
    last = position == len(paper.authors) > 1 and not paper.authors_truncated
    return f"{ordinal_word(position)} and last" if last else ordinal_word(position)


def _place_on(result: r.AuthorCheck) -> Answer:
    """ "Where is she in the author list of X?": her place, or why the page cannot show it."""
    paper, listed = result.paper, authors_text(result.paper)
    if result.position is not None:
        where = _place_in_list(paper, result.position)
        headline = f"{result.person} is the {where} listed author of {paper.short_name} ({listed})."
        return Answer("", headline, papers=(paper,), focus=paper, people=(result.person,))
    if paper.authors_truncated:
        headline = (
            f"{result.person} is not among the {len(paper.authors)} authors the page lists for {paper.short_name} "
            f"({listed}): the list is cut short, so a place further down is not shown."
        )
    else:
        headline = f"{result.person} is not among the authors of {paper.short_name} ({listed})."
    return Answer("", headline, papers=(paper,), focus=paper)


@_render.register
def _(result: r.Positions, corpus: Corpus) -> Answer:
    if not result.places:
        return Answer("", f"{result.person} is not listed on any paper of the profile.")
    counts: dict[int | None, int] = {}
    for _, place in result.places:
        counts[place] = counts.get(place, 0) + 1
    parts = [
        f"{ordinal_word(place)} on {plural(n, 'paper')}"
        for place, n in sorted(((p, n) for p, n in counts.items() if p is not None))
    ]
    if None in counts:
        parts.append(f"not among the listed authors (et al.) on {counts[None]}")
    headline = (
        f"{result.person}'s place in the author lists of {plural(len(result.places), 'paper')}: {join_and(parts)}."
    )
    items = tuple(
        f"{paper.short_name} ({pretty_date(paper)}): "
        + (
            f"{ordinal_word(place)} of {len(paper.authors)}{'+' if paper.authors_truncated else ''} listed"
            if place is not None
            else "not among the listed authors (et al.)"
        )
        for paper, place in result.places
    )
    papers = tuple(paper for paper, _ in result.places)
    return Answer("", headline, items=items, papers=papers, numbered=True, people=(result.person,))


def _position_check(result: r.AuthorCheck) -> Answer:
    """ "Is he first author on X?": yes, or who is, and where the person is listed."""
    paper, asked, position = result.paper, result.asked, result.position
    names = paper.authors
    listed = authors_text(paper)
    asked_word = place_word(asked or 1)
    where = f"the {ordinal_word(position)} listed author" if position else ""
    if asked == -1 and paper.authors_truncated:
        if position:  # listed before "et al.": more authors follow, so not the last
            headline = (
                f"No: {result.person} is {where} of {paper.short_name}, and the page's author list is truncated "
                f"after them (et al.): more authors follow, so they are not its last author ({listed})."
            )
            return Answer("", headline, papers=(paper,), focus=paper, people=(result.person,))
        headline = (
            f"I can't tell: the page cuts the author list of {paper.short_name} short (et al.), so its last "
            f"author is not shown; {result.person} is not among the listed authors ({listed})."
        )
        return Answer("", headline, papers=(paper,), focus=paper)
    if asked == -1 and position == len(names) == 1:  # a solo paper has no first and last, only its author
        headline = f"{result.person} is the only listed author of {paper.short_name}: a solo paper, not a last author."
        return Answer("", headline, papers=(paper,), focus=paper, people=(result.person,))
    holder = len(names) if asked == -1 else asked or 1
    if position is not None and position == holder:
        headline = f"Yes: {result.person} is the {asked_word} listed author of {paper.short_name} ({listed})."
        return Answer("", headline, papers=(paper,), focus=paper, people=(result.person,))
    other = names[holder - 1] if 0 < holder <= len(names) else None
    who = f"the {asked_word} listed author of {paper.short_name} is {other}" if other else ""
    own = f"{result.person} is {where}" if position else f"{result.person} is not among the listed authors"
    headline = f"No: {who}; {own} ({listed})." if who else f"No: {own} of {paper.short_name} ({listed})."
    people = (other,) if other else ()
    return Answer("", headline, papers=(paper,), focus=paper, people=people)


def _year_inferred(paper: Paper) -> str:
    return " (the page gives no year; inferred from the profile date)" if paper.year_inferred else ""


def _paper_card(corpus: Corpus, paper: Paper, headline: str, note: str = "") -> Answer:
    return Answer("", headline, fields=detail_fields(corpus, paper), papers=(paper,), focus=paper, note=note)


def detail_fields(corpus: Corpus, paper: Paper) -> tuple[tuple[str, str], ...]:
    inferred = " (year inferred: the page gives no year)" if paper.year_inferred else ""
    fields = [
        ("Date", pretty_date(paper) + inferred),
        ("Class", corpus.class_label(paper.category)),
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


@_render.register
def _(result: r.PaperFact, corpus: Corpus) -> Answer:
    paper = result.paper
    name = paper.short_name
    field = result.field
    if field == "date":
        return _paper_card(corpus, paper, f"{name} was published on {pretty_date(paper)}{_year_inferred(paper)}.")
    if field == "category":
        return _paper_card(corpus, paper, f"{name} is in {corpus.class_label(paper.category)}.")
    if field in ("authors", "author", "author_count"):
        return _authors(result, corpus)
    if field == "code":
        return _code(paper, result.denied)
    if field == "benchmarks":
        # The abstract's own words on its data: a dataset the gazetteer does not know is named there.
        told = [f"\u201c{sentence}\u201d" for sentence in _data_sentences(paper)]
        note = "What the abstract says of its data:\n" + "\n".join(told) if told else ""
        if not paper.benchmarks:
            # (nothing to pick sentences by: the whole abstract, where a dataset is named if one is)
            headline = f"No benchmark or dataset I know is named in {name}; its abstract:"
            return Answer("", headline, note=paper.abstract, papers=(paper,), focus=paper)
        return Answer(
            "",
            f"{name} mentions {plural(len(paper.benchmarks), 'benchmark or dataset', 'benchmarks and datasets')}:",
            items=paper.benchmarks,
            numbered=False,
            note=note,
            papers=(paper,),
            focus=paper,
        )
    if field == "results":
        return _results(result)
    if field == "quantity":
        if result.figure is None:
            headline = f"The abstract of {name} gives no number of {result.metric}."
            return Answer("", headline, papers=(paper,), focus=paper, confidence=0.8)
        headline = f"The abstract of {name} says {result.figure}."
        return Answer("", headline, note=f"\u201c{result.sentence}\u201d", papers=(paper,), focus=paper)
    if field == "abstract":
        return Answer("", f"Abstract of {name}:", note=paper.abstract, papers=(paper,), focus=paper)
    return _paper_card(corpus, paper, paper.title)


_DATA_WORDS = compiled_pattern(
    r"\b(?:data ?sets?|benchmarks?|corpus|corpora|databases?|data|recordings|collections?|cohorts?|catalogues?|"
    r"catalogs?)\b"
    r"|\b(?:train|evaluat|test|validat|fine-tun|pretrain|pre-train)\w*(?:\s+\w+){0,3}\s+(?:on|using)\b",
    re.IGNORECASE,
)
DATA_SENTENCES = 3
_EVALUATED_ON = frozenset({"On", "Using", "With", "Across"})  # a sentence opening on a dataset's name


def _data_sentences(paper: Paper) -> list[str]:
    """The abstract's sentences naming its benchmarks, or speaking of its data beside a name ("On
    Multi-LexSum ..."), the first few."""
    names = [b.casefold() for b in paper.benchmarks]

    def tells(sentence: str) -> bool:
        if any(name in sentence.casefold() for name in names):
            return True
        words = sentence.split()
        if len(words) > 1 and words[0] in _EVALUATED_ON and is_name_like(words[1]):
            return True  # "On Multi-LexSum, which pairs ...": where it is evaluated
        return _DATA_WORDS.search(sentence) is not None and any(map(is_name_like, words[1:]))

    return [s for s in sentences(paper.abstract) if tells(s)][:DATA_SENTENCES]


def _authors(result: r.PaperFact, corpus: Corpus) -> Answer:
    paper = result.paper
    name = paper.short_name
    listed = paper.authors
    truncated = " (the page lists only the first authors)" if paper.authors_truncated else ""
    people = listed
    if result.field == "author" and result.position is not None:
        position = result.position
        if position == -1:
            if paper.authors_truncated:
                headline = (
                    f"The last listed author of {name} is {listed[-1]}, but the page cuts the list short "
                    "(et al.), so the real last author is not shown."
                )
            elif len(listed) == 1:
                headline = f"{listed[0]} wrote {name} alone: the only listed author."
            else:
                headline = f"The last author of {name} is {listed[-1]}."
            people = listed[-1:]
        elif position <= len(listed):
            headline = f"The {ordinal_word(position)} listed author of {name} is {listed[position - 1]}."
            people = (listed[position - 1],)
        else:
            more = " before \u201cet al.\u201d" if paper.authors_truncated else ""
            headline = (
                f"The page lists only {plural(len(listed), 'author')} for {name}{more}, "
                f"so it does not say who the {ordinal_word(position)} author is."
            )
            people = ()
    elif result.field == "author_count":
        more = ", then \u201cet al.\u201d: the full count is not on the profile" if paper.authors_truncated else ""
        headline = f"The page lists {plural(len(listed), 'author')} for {name}{more}."
    elif result.limit and result.limit < len(listed):
        people = listed[: result.limit]
        headline = f"The first {plural(result.limit, 'listed author')} of {name}: {join_and(list(people))}."
    elif result.limit and result.limit > len(listed):
        headline = f"The page lists only {plural(len(listed), 'author')} of {name}: {authors_text(paper)}."
    elif len(listed) == 1 and not paper.authors_truncated:
        headline = f"{listed[0]} wrote {name} alone: the only listed author."
    else:
        headline = f"Listed authors of {name}: {authors_text(paper)}{truncated}."
    return Answer("", headline, fields=(("Title", paper.title),), papers=(paper,), people=people, focus=paper)


def _code(paper: Paper, denied: bool = False) -> Answer:
    """Whether the paper has code; asked as an absence ("it has no code, right?"), "No" says it has."""
    name = paper.short_name
    link = paper.code_link
    said = [s for s in sentences(paper.abstract) if _CODE_WORDS.search(s)]
    quote = f"The abstract says: \u201c{said[-1]}\u201d" if said else ""
    has, lacks = ("No, it does have code", "Right, no code") if denied else ("Yes", "No")
    if paper.has_code and link:
        headline = f"{has}: {name} has code at {link}"
    elif paper.has_code:
        headline = f"{has}: the profile marks code for {name}, but the abstract gives no link."
    elif link:
        headline = f"{lacks}: the profile does not mark code for {name}; the abstract links {link}."
    else:
        headline = f"{lacks}: the profile does not mark code for {name}, and the abstract gives no link."
    return Answer("", headline, fields=(("Title", paper.title),), note=quote, papers=(paper,), focus=paper)


def _results(result: r.PaperFact) -> Answer:
    paper = result.paper
    if not result.benchmark and result.figure:
        return _quoted(paper, f"{paper.short_name}: {result.figure}.", result.sentence)
    if not result.benchmark and not result.metric and result.sentence:  # asked in the question's own words
        return _quoted(paper, f"What the abstract of {paper.short_name} says:", result.sentence)
    if not result.benchmark and result.metric and not result.figure:
        headline = f"The abstract of {paper.short_name} does not report a figure named {result.metric}."
        if not result.sentence:
            return Answer("", headline, papers=(paper,), focus=paper, confidence=0.8)
        return replace(_quoted(paper, headline + " What it reports:", result.sentence), confidence=0.8)
    name = result.benchmark or "that benchmark"
    if not result.benchmark_mentioned:
        return Answer(
            "",
            f"The abstract of {paper.short_name} does not mention {name}.",
            papers=(paper,),
            focus=paper,
            confidence=0.8,
        )
    if not result.figure:
        if result.sentence and re.search(r"\d", result.sentence):
            headline = f"What the abstract of {paper.short_name} reports on {name}:"
        else:
            headline = f"{paper.short_name} mentions {name} but its abstract gives no figure for it."
        return _quoted(paper, headline, result.sentence)
    return _quoted(paper, f"{paper.short_name} on {name}: {result.figure}.", result.sentence)


def _quoted(paper: Paper, headline: str, sentence: str | None) -> Answer:
    """An answer about one paper, with the abstract's sentence it rests on quoted below it."""
    return Answer("", headline, note=f"\u201c{sentence}\u201d", papers=(paper,), focus=paper)


@_render.register
def _(result: r.PaperComparison, corpus: Corpus) -> Answer:
    papers = result.papers
    names = join_and([p.short_name for p in papers])
    if result.facet == "date":
        ordered = sorted(papers, key=lambda p: p.date, reverse=True)
        newest, rest = ordered[0], ordered[1:]
        if len({p.date for p in papers}) == 1:
            headline = f"{names} came out the same day, {pretty_date(newest)}."
        elif len(papers) == 2:
            # said from the paper asked for ("which is older, X or Y?": the older one), else from the
            # first one named ("is X older or newer than Y?" is about X); that paper first
            first, other = papers
            if result.direction is not None and (first.date > other.date) != (result.direction == "higher"):
                first, other = other, first
            way, when = ("newer", "after") if first.date > other.date else ("older", "before")
            headline = (
                f"{first.short_name} ({pretty_date(first)}) is {way}: it came out {when} "
                f"{other.short_name} ({pretty_date(other)})."
            )
            ordered = [first, other]
        else:
            older = join_and([f"{p.short_name} ({pretty_date(p)})" for p in rest])
            headline = f"{newest.short_name} ({pretty_date(newest)}) came out after {older}."
        items = tuple(paper_line(p) for p in ordered)
        return Answer("", headline, items=items, papers=tuple(ordered), numbered=False)
    if result.facet == "authors":
        answer = _author_counts_compared(papers)
        return replace(answer, headline=_authors_verdict(result) + answer.headline) if result.yes_no else answer
    figures = [_figure_value(f.figure) if f.figure else None for f in result.facts]
    items = tuple(_compared_fact(f) for f in result.facts)
    about = f" on {result.said}" if result.said else ""
    headline = f"What the abstracts of {names} report{about}:"
    if result.direction and all(n is not None for n in figures) and len(set(figures)) == len(figures):
        pairs = sorted(zip(figures, result.facts, strict=True), key=lambda pair: pair[0] or 0.0)
        winner = pairs[0] if result.direction == "lower" else pairs[-1]
        others = join_and([f"{f.figure} for {f.paper.short_name}" for _, f in pairs if f is not winner[1]])
        measured = next((f.metric for f in result.facts if f.metric), None) or "figure"  # "the higher speedup"
        headline = (
            f"{winner[1].paper.short_name} reports the {result.direction} {measured}{about}: "
            f"{winner[1].figure}, against {others}."
        )
    return Answer("", headline, items=items, papers=papers, numbered=False)


@_render.register
def _(result: r.BestResult, corpus: Corpus) -> Answer:
    scope = f" {result.scope}" if result.scope else ""
    metric = result.metric
    if not result.facts:
        return Answer("", f"No paper{scope} gives a figure in {metric} in its abstract.", confidence=0.8)
    valued = sorted(
        ((value, fact) for fact in result.facts if (value := _level(fact.figure)) is not None),
        key=lambda pair: pair[0] if result.lower_first else -pair[0],
    )
    unvalued = [fact for fact in result.facts if _level(fact.figure) is None]
    ranked = [fact for _, fact in valued] + unvalued
    items = tuple(_compared_fact(fact) for fact in ranked)
    papers = tuple(fact.paper for fact in ranked)
    if not valued:  # only changes ("a change of 2.4 points"): no level to rank
        if len(ranked) == 1:
            headline = f"Only {ranked[0].paper.short_name} gives a figure in {metric}{scope}: {ranked[0].figure}."
        else:
            headline = f"What the abstracts{scope} give in {metric} (changes, not levels to rank):"
        return Answer("", headline, items=items, papers=papers, numbered=False)
    word = "lowest" if result.lower_first else "highest"
    best_value, best = valued[0]
    tied = [fact for value, fact in valued if value == best_value]
    if len(valued) == 1 and unvalued:
        changed = join_and([fact.paper.short_name for fact in unvalued])
        headline = (
            f"Only {best.paper.short_name} gives a level in {metric}{scope}: {best.figure}; "
            f"{changed} {'gives' if len(unvalued) == 1 else 'give'} a change."
        )
    elif len(valued) == 1:
        headline = f"Only {best.paper.short_name} gives a figure in {metric}{scope}: {best.figure}."
    elif len(tied) > 1:
        headline = (
            f"{join_and([f.paper.short_name for f in tied])} are tied for the {word} {metric}{scope}: {best.figure}."
        )
    else:
        others = [f"{fact.figure} for {fact.paper.short_name}" for _, fact in valued[1:4]]
        more = f" and {plural(len(valued) - 4, 'other')}" if len(valued) > 4 else ""
        headline = (
            f"{best.paper.short_name} reports the {word} {metric}{scope}: {best.figure}, "
            f"against {join_and(others)}{more}."
        )
    # each abstract's figure is on its own data: a ranking, not one benchmark's leaderboard
    note = "Each figure is the one its abstract gives, on that paper's own data." if len(ranked) > 1 else ""
    return Answer("", headline, items=items, papers=papers, numbered=False, focus=best.paper, note=note)


def _level(figure: str | None) -> float | None:
    """The level a figure reaches: its first number ("4.12 MOS (from 3.61)": 4.12); None for a
    change ("a change of 2.4 points in WER"), which ranks against no level."""
    if not figure or figure.startswith("a change of"):
        return None
    found = _NUMBER.search(figure)
    return float(found.group().replace("−", "-").replace(",", "")) if found else None


def _compared_fact(fact: r.PaperFact) -> str:
    name = fact.paper.short_name
    if fact.figure and fact.sentence:
        return f"{name}: {fact.figure} (\u201c{fact.sentence}\u201d)"
    if fact.sentence:
        return f"{name}: \u201c{fact.sentence}\u201d"
    return f"{name}: its abstract gives no figure on that."


_NUMBER = compiled_pattern(r"[−-]?\d[\d,]*(?:\.\d+)?")


def _figure_value(figure: str | None) -> float | None:
    """The one number a figure gives ("−21.3 dB"), or None when it gives none or several."""
    found = _NUMBER.findall(figure or "")
    if len(found) != 1:
        return None
    return float(found[0].replace("−", "-").replace(",", ""))


def _more_authors(papers: tuple[Paper, ...]) -> Paper | Literal[False] | None:
    """The paper listing more authors; None for a tie; False when a list cut short ("et al.") leaves it open."""
    ordered = sorted(papers, key=lambda p: len(p.authors), reverse=True)
    cut = [p for p in papers if p.authors_truncated]
    if not cut:
        return None if len(ordered[0].authors) == len(ordered[1].authors) else ordered[0]
    if len(cut) == 1 and len(cut[0].authors) >= max(len(p.authors) for p in papers):
        return cut[0]
    return False


def _authors_verdict(result: r.PaperComparison) -> str:
    """ "No: " to "does X have more authors than Y?" when Y has more or as many (fewer, asked the other way)."""
    more = _more_authors(result.papers[:2])
    if more is False:
        return ""
    asked = result.papers[0]
    fewer = result.direction == "lower"
    yes = more is not None and ((more is asked) != fewer)
    return "Yes: " if yes else "No: "


def _author_counts_compared(papers: tuple[Paper, ...]) -> Answer:
    """Which paper lists more authors: a list cut short ("et al.") has more than the page shows."""

    def said(p: Paper) -> str:
        return f"{p.short_name}: {plural(len(p.authors), 'listed author')}" + (
            ", then \u201cet al.\u201d" if p.authors_truncated else ""
        )

    items = tuple(said(p) for p in papers)
    more = _more_authors(papers)
    if more is None:
        headline = f"They list the same number of authors: {plural(len(papers[0].authors), 'author')} each."
    elif more is False:
        headline = (
            "The page cannot tell: an author list is cut short (\u201cet al.\u201d), so its full count is not shown."
        )
    elif more.authors_truncated:
        other = next(p for p in papers if p is not more)
        headline = (
            f"{more.short_name} has more authors: the page shows {len(more.authors)} and then "
            f"\u201cet al.\u201d, against {plural(len(other.authors), 'author')} for {other.short_name}."
        )
    else:
        second = sorted(papers, key=lambda p: len(p.authors), reverse=True)[1]
        headline = (
            f"{more.short_name} lists more authors: {plural(len(more.authors), 'author')}, "
            f"against {plural(len(second.authors), 'author')} for {second.short_name}."
        )
    if isinstance(more, Paper):  # the answer first, as a ranking puts its top
        papers = (more, *(p for p in papers if p is not more))
    return Answer("", headline, items=items, papers=papers, numbered=False)


@_render.register
def _(result: r.PaperChoice, corpus: Corpus) -> Answer:
    return Answer(
        "",
        f"{len(result.papers)} papers match; which one?",
        items=tuple(paper_line(p) for p in result.papers),
        papers=result.papers,
        clarification=True,
        suggestions=tuple(p.short_name for p in result.papers),
        confidence=0.6,
    )


@_render.register
def _(result: r.NoPaper, corpus: Corpus) -> Answer:
    if result.described:
        return Answer(
            "",
            f"None of {possessive(corpus.researcher.name)} {plural(len(corpus.papers), 'paper')} is about "
            f"\u201c{result.described}\u201d.",
            note=(
                "That isn't on the profile; name a paper by its title or system name, "
                "or ask \u201chelp\u201d for what I can answer."
            ),
            confidence=0.4,
        )
    return Answer("", "Which paper do you mean? Name it by its title or system name.", confidence=0.3)


@_render.register
def _(result: r.Groups, corpus: Corpus) -> Answer:
    if not result.groups:
        if result.by == "topic" and result.total_papers:
            scope = f" {result.scope}" if result.scope else ""
            titles = plural(result.total_papers, "paper title")
            return Answer("", f"None of {possessive(corpus.researcher.name)} {titles}{scope} names a topic I know.")
        what = {"coauthor": "co-authors", "first_author": "first authors", "benchmark": "benchmarks"}.get(result.by)
        headline = f"No {what} are listed." if what else "No papers to count."
        return Answer("", headline)
    scope = f" {result.scope}" if result.scope else ""
    if result.by == "coauthor":
        return _coauthors(result)
    if result.by == "benchmark":
        return _benchmarks(result, corpus)
    top = result.groups[0]
    tied = [g for g in result.groups if g.count == top.count]
    most = "fewest" if result.least else "most"
    labels = join_and([_group_label(corpus, result.by, g) for g in tied])
    # several at the top are a tie, said as one: "2024, 2025 and 2026, tied with 3 papers each"
    count = f"{plural(top.count, 'paper')} each" if len(tied) > 1 else plural(top.count, "paper")
    labels = f"{labels}, tied" if len(tied) > 1 else labels
    total = plural(result.total_papers, "paper")
    if result.by == "year":
        busiest = "least productive" if result.least else "most productive"
        are = "years are" if len(tied) > 1 else "year is"
        headline = f"Papers per year{scope} ({result.total_papers} in all); the {busiest} {are} {labels} with {count}."
        # years between the first and the last with no paper: the chart has them, the groups do not
        gaps = [label for label, n in result.chart if n == 0]
        if gaps and result.least:
            headline = (
                f"Papers per year{scope} ({result.total_papers} in all): none at all in {join_and(gaps)}; "
                f"of the other years the least productive {are} {labels} with {count}."
            )
        elif gaps:
            headline += f" No papers in {join_and(gaps)}."
        if result.stat == "average" and result.chart:
            years = len(result.chart)  # every year from the first to the last, empty ones too
            first, last = result.chart[0][0], result.chart[-1][0]
            mean = result.total_papers / years
            headline = (
                f"On average {mean:.1f} papers a year{scope}: {result.total_papers} papers over {years} years "
                f"({first}-{last}); the {busiest} {are} {labels} with {count}."
            )
    elif result.by == "month":
        are = "months are" if len(tied) > 1 else "month is"
        any_year = "" if result.timed else ", any year"
        headline = f"Papers per month{scope} ({total} in all{any_year}); the {most} common {are} {labels} with {count}."
    elif result.by == "category":
        headline = (
            f"{possessive(corpus.researcher.name)} papers{scope} span "
            f"{plural(len(result.groups), 'arXiv class', 'arXiv classes')}; the {most} are in {labels} with {count}."
        )
    elif result.by == "topic":
        whose = f"{possessive(corpus.researcher.name)} {plural(result.total_papers, 'paper title')}{scope}"
        frequent = "least frequent" if result.least else "most frequent"
        if len(tied) > TIED_NAMED:  # a tie of many is said as one: every topic once, say
            headline = f"Of the topics {whose} name, {len(tied)} are tied as the {frequent}, with {count}."
        else:
            are = "topics are" if len(tied) > 1 else "topic is"
            headline = f"Of the topics {whose} name, the {frequent} {are} {labels} with {count}."
    else:  # first_author
        are = "authors are" if len(tied) > 1 else "author is"
        whose = f"{possessive(corpus.researcher.name)} {total}{scope}"
        other = f"Other than {result.excluded}, among" if result.excluded else "Among"
        headline = f"{other} {whose}, the {most} frequent first {are} {labels} with {count}."
    if result.at_least and 1 < result.at_least <= top.count:
        headline = _cut_headline(corpus, result, scope)
    limit = (
        len(result.groups) if result.at_least else result.limit or (TOP_GROUPS if result.by == "topic" else ITEM_LIMIT)
    )
    shown = result.groups[:limit]  # the text shows the first; the count says how many
    rows = result.chart or tuple((_group_label(corpus, result.by, g), g.count) for g in shown)
    if result.by in ("year", "month"):
        items = _bars(rows)
    elif result.by == "category":
        items = tuple(f"{_group_label(corpus, result.by, g)}: {plural(g.count, 'paper')}" for g in result.groups)
    else:
        items = tuple(f"{label}: {plural(n, 'paper')}" for label, n in rows)
    note = ""
    if result.by == "topic":
        note = _topics_note(result)
    if result.at_least and top.count < result.at_least:
        # the cut asked reaches none: the ranking is shown whole, and said to be
        note = f"None has {result.at_least} or more papers{scope}: every one is shown. {note}".strip()
    if result.inferred:
        note = (
            f"{plural(result.inferred, 'paper')} without a year on the page counted in the year inferred "
            "from the profile date."
        )
    papers = tuple(p for g in tied for p in g.papers)
    return Answer(
        "",
        headline,
        items=items,
        item_count=len(result.groups) if result.by in ("first_author", "topic") else None,
        chart=rows,
        note=note,
        numbered=False,
        papers=papers if result.by != "first_author" else (),
        people=tuple(g.label for g in tied) if result.by == "first_author" else (),
    )


_GROUP_NOUNS = {
    "year": ("year", "years"),
    "month": ("month", "months"),
    "category": ("arXiv class", "arXiv classes"),
    "topic": ("topic", "topics"),
    "first_author": ("first author", "first authors"),
    "benchmark": ("benchmark or dataset", "benchmarks and datasets"),
}


def _cut_headline(corpus: Corpus, result: r.Groups, scope: str) -> str:
    """ "which years have at least 4 papers?": how many groups the cut keeps, and each with its count."""
    one, many = _GROUP_NOUNS.get(result.by, ("group", "groups"))
    have = "has" if len(result.groups) == 1 else "have"
    listed = join_and([f"{_group_label(corpus, result.by, g)} with {g.count}" for g in result.groups[:TOP_GROUPS]])
    more = f" and {len(result.groups) - TOP_GROUPS} more" if len(result.groups) > TOP_GROUPS else ""
    return f"{plural(len(result.groups), one, many)} {have} at least {result.at_least} papers{scope}: {listed}{more}."


def _topics_note(result: r.Groups) -> str:
    """How the topics were counted, and what they leave out: a title naming no topic the lexicon knows."""
    named = len({p.id for g in result.groups for p in g.papers})
    note = "Counted from the titles, with the topics I know"
    if named < result.total_papers and not (result.at_least and result.at_least > 1):  # (a cut leaves some out)
        unnamed = result.total_papers - named
        note += f"; {unnamed} of the {result.total_papers} titles {'names' if unnamed == 1 else 'name'} none of them"
    return note + "."


def _group_label(corpus: Corpus, by: str, group: r.Group) -> str:
    if by == "category":
        return corpus.class_label(group.label)
    return group.label


def _bars(rows: tuple[tuple[str, int], ...]) -> tuple[str, ...]:
    # the count right after the label ("2025: 4 ████"), as people write it, then the bar
    widest = max((n for _, n in rows), default=1) or 1
    return tuple(f"{label}: {n} {'█' * max(1, round(12 * n / widest))}" if n else f"{label}: 0" for label, n in rows)


def _coauthors(result: r.Groups) -> Answer:
    center = possessive(result.subject)
    top = result.groups[:3]
    top_text = join_and([f"{g.label} ({plural(g.count, 'paper')})" for g in top])
    scope = (f" other than {result.excluded}" if result.excluded else "") + (f" {result.scope}" if result.scope else "")
    most = result.groups[0].count
    cut = bool(result.at_least) and most >= (result.at_least or 0)  # every co-author the cut keeps is shown
    limit = len(result.groups) if cut else result.limit or TOP_GROUPS
    threshold = result.at_least or 0
    if threshold > 1 and most < threshold:
        headline = (
            f"None of {center} listed co-authors{scope} is on {threshold} or more of the papers; "
            f"the most frequent are {top_text}."
        )
    elif threshold > 1:
        on = plural(len(result.groups), "co-author is", "co-authors are")
        headline = f"Among the listed authors{scope}, {on} on at least {threshold} of {center} papers: {top_text}"
        headline += "." if len(result.groups) <= len(top) else ", and more below."
    elif threshold == 1 and not result.least:
        everyone = plural(len(result.groups), "listed co-author")
        headline = f"{result.subject} has {everyone}{scope}, most papers together first:"
    elif result.least:
        headline = f"Among the listed authors{scope}, {center} least frequent co-authors are {top_text}."
    elif len(result.groups) > 1:
        headline = f"Among the listed authors{scope}, {center} most frequent co-authors are {top_text}."
    else:
        headline = f"Among the listed authors{scope}, {center} only co-author is {top_text}."
    if result.stat == "total":  # "how many co-authors does he have?"
        everyone = plural(len(result.groups), "listed co-author")
        headline = f"{result.subject} has {everyone}{scope}; the most frequent are {top_text}."
    items = tuple(f"{g.label}: {plural(g.count, 'paper')}" for g in result.groups[:limit])
    extra = len(result.groups) - limit
    note = ET_AL + (f" {plural(extra, 'more co-author')} with fewer papers not shown." if extra > 0 else "")
    people = tuple(g.label for g in result.groups[:limit])
    return Answer("", headline, items=items, note=note, people=people)


def _benchmarks(result: r.Groups, corpus: Corpus) -> Answer:
    papers = result.papers
    kinds = plural(len(result.groups), "benchmark or dataset", "benchmarks and datasets")
    if len(papers) == 1:
        only = papers[0]
        return Answer(
            "",
            f"{only.short_name} mentions {kinds}:",
            items=tuple(g.label for g in result.groups),
            papers=(only,),
            numbered=False,
            focus=only,
        )
    scope = f" {result.scope}" if result.scope else ""
    other = f"Other than {result.excluded}, " if result.excluded else ""
    headline = f"{other}{kinds} appear in {plural(len(papers), 'paper')}{scope}, most mentioned first:"
    if result.at_least and 1 < result.at_least <= result.groups[0].count:
        headline = f"{other}{_cut_headline(corpus, result, scope)}"
    items = tuple(f"{g.label} ({plural(g.count, 'paper')})" for g in result.groups[:ITEM_LIMIT])
    # the papers of the most mentioned (as a ranking of years or classes gives its top group's), not
    # every paper naming any benchmark: thousands at 10,000 papers
    most = result.groups[0].count if result.groups else 0
    leaders = list(takewhile(lambda g: g.count == most, result.groups))
    # each group's papers are newest first already: only a tie at the top needs merging
    shown = tuple(sorted({p.id: p for g in leaders for p in g.papers}.values(), key=lambda p: corpus.rank[p.id]))
    return Answer("", headline, items=items, item_count=len(result.groups), papers=shown, numbered=False)


@_render.register
def _(result: r.Comparison, corpus: Corpus) -> Answer:
    groups = sorted(result.groups, key=lambda g: g.count if result.least else -g.count)
    scope = f" {result.scope}" if result.scope else ""
    items = tuple(f"{g.label}: {plural(g.count, 'paper')}" for g in result.groups)
    first, second = groups[0], groups[1]
    holder = _one_holder(result.groups)
    if holder:  # "has she been first author more often than second author?"

        def place(g: r.Group) -> str:
            return g.label.removeprefix(holder)

        if first.count == second.count:
            places = join_and([place(g) for g in result.groups])
            headline = (
                f"{holder.removesuffix(' as ')} is {places} equally often{scope}: {plural(first.count, 'paper')} each."
            )
        else:
            more = "less" if result.least else "more"
            others = join_and([f"{place(g)} ({plural(g.count, 'paper')})" for g in groups[1:]])
            headline = (
                f"{holder.removesuffix(' as ')} is {more} often {place(first)} ({plural(first.count, 'paper')}){scope} "
                f"than {others}."
            )
        items = tuple(f"{place(g)}: {plural(g.count, 'paper')}" for g in result.groups)
        return Answer(
            "", headline, items=items, numbered=False, chart=tuple((place(g), g.count) for g in result.groups)
        )
    if first.count == second.count:
        headline = f"{join_and([g.label for g in result.groups])} are tied{scope}: {plural(first.count, 'paper')} each."
    elif _said(first).split(" ", 1)[0] in ("before", "after", "since", "until"):
        more = "Fewer" if result.least else "More"
        others = join_and([f"{_said(g)} ({plural(g.count, 'paper')})" for g in groups[1:]])
        headline = f"{more} papers{scope} {_said(first)} ({plural(first.count, 'paper')}) than {others}."
    elif _said(first).split(" ", 1)[0] in ("with", "without", "not", "about", "mentioning", "outside", "other"):
        # Groups said as filters ("with code or without", people): "More papers are with X (4 papers) than ..."
        more = "Fewer" if result.least else "More"
        others = join_and([f"{_said(g)} ({plural(g.count, 'paper')})" for g in groups[1:]])
        headline = f"{more} papers{scope} are {_said(first)} ({plural(first.count, 'paper')}) than {others}."
    else:
        more = "fewer" if result.least else "more"
        others = join_and([f"{g.count} {_said(g, 'in')}" for g in groups[1:]])
        headline = f"{first.label} has {more} papers{scope}: {plural(first.count, 'paper')}, against {others}."
    if result.yes_no:
        headline = f"{_verdict(result)}: {headline[:1].lower()}{headline[1:]}"
    return Answer("", headline, items=items, numbered=False, chart=tuple((g.label, g.count) for g in result.groups))


def _verdict(result: r.Comparison) -> str:
    """Yes when the first one named has more (fewer, when asked) than every other; a tie is a no."""
    asked, others = result.groups[0].count, [g.count for g in result.groups[1:]]
    return "Yes" if all((asked < n) if result.least else (asked > n) for n in others) else "No"


def _one_holder(groups: tuple[r.Group, ...]) -> str:
    """ "Ruth Okafor as ": the person every group is a place of, when the groups are her places."""
    heads = {g.label.split(" as ", 1)[0] for g in groups if " as " in g.label}
    if len(heads) == 1 and all(" as " in g.label for g in groups):
        return f"{heads.pop()} as "
    return ""


def _said(group: r.Group, preposition: str = "") -> str:
    """A compared group as its filter reads ("with Jiabo Ye", "from 2022")."""
    if group.phrase:
        return group.phrase
    return f"{preposition} {group.label}".strip()


@_render.register
def _(result: r.YesNo, corpus: Corpus) -> Answer:
    who = join_and(list(result.others))
    subject = result.subject
    if result.unknown:
        return Answer(
            "",
            f"No: none of {possessive(subject)} {plural(len(corpus.papers), 'paper')} "
            f"list{'s' if len(corpus.papers) == 1 else ''} {who} as an author.",
            note="The page lists only the first authors of each paper, so a collaboration further down an "
            "author list would not show.",
            people=result.others,
            confidence=0.8,
        )
    scope = f" {result.scope}" if result.scope else ""
    if not result.papers:
        return Answer(
            "",
            f"No: {subject} and {who} are not listed together on any paper{scope} of the profile.",
            note=ET_AL,
            people=result.others,
        )
    headline = f"Yes: {who} and {subject} are listed together on {plural(len(result.papers), 'paper')}{scope}:"
    answer = _list_answer(headline, result.papers, ET_AL)
    return replace(answer, people=result.others)


@_render.register
def _(result: r.ProfileFigures, corpus: Corpus) -> Answer:
    researcher = corpus.researcher
    area = corpus.class_label(researcher.primary_category)
    name = possessive(researcher.name)
    fields = (
        ("h-index", str(researcher.h_index)),
        ("Citations", f"{researcher.citations:,}"),
        (
            "Papers",
            f"{researcher.paper_count:,}"
            + ("" if researcher.paper_count == len(corpus.papers) else f" (the page lists {len(corpus.papers):,})"),
        ),
        ("Primary area", area),
        ("Novelty", _number(researcher.novelty) + ("%" if researcher.novelty is not None else "")),
        ("AI score", _number(researcher.ai_score)),
    )
    headlines = {
        "h_index": f"{name} h-index is {researcher.h_index}.",
        "citations": f"{researcher.name} has {researcher.citations:,} citations.",
        "novelty": f"{name} novelty score is {_number(researcher.novelty)}%.",
        "ai_score": f"{name} AI score is {_number(researcher.ai_score)}.",
        "area": f"{name} primary area is {area}.",
        "papers": f"{researcher.name} has {plural(researcher.paper_count, 'paper')} on the profile.",
    }
    headline = headlines.get(result.stat or "") or (
        f"{researcher.name}: h-index {researcher.h_index}, {researcher.citations:,} citations, "
        f"{plural(researcher.paper_count, 'paper')}, primary area {area}."
    )
    return Answer("", headline, fields=fields)


def _number(value: float | int | None) -> str:
    if value is None:
        return "not given"
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


@_render.register
def _(result: r.NotOnPage, corpus: Corpus) -> Answer:
    researcher = corpus.researcher
    has = (
        f"It has {possessive(researcher.name)} h-index ({researcher.h_index}), total citations "
        f"({researcher.citations:,}) and, for each paper, its date, arXiv class, listed authors, code flag "
        "and abstract."
    )
    headline = f"The profile page doesn't list {result.what.rstrip('.')}."
    if result.missing == "paper_citations":
        about = f" for {result.paper.short_name}" if result.paper else ""
        headline = (
            f"The profile page doesn't list citation counts of single papers{about}: it only gives "
            f"{possessive(researcher.name)} total across all papers ({researcher.citations:,})."
        )
        has = "For each paper it has the date, arXiv class, listed authors, code flag and abstract."
    elif result.missing == "others_metrics" and result.subject:
        headline = (
            f"The profile page doesn't give {possessive(result.subject)} figures: it only has "
            f"{possessive(researcher.name)} own (h-index {researcher.h_index}, {researcher.citations:,} citations)."
        )
        has = (
            f"{result.subject} is a listed author on {plural(result.subject_papers, 'paper')} of the profile; "
            "ask for them."
        )
    elif result.missing == "venue" and result.paper:
        headline = f"The profile page doesn't list where {result.paper.short_name} was published (no venue is given)."
    elif result.missing == "full_author_list" and result.paper:
        # "the full author list of HorizonDiff": what the page has of it, said as all it has
        paper = result.paper
        if paper.authors_truncated:
            headline = (
                f"The profile page lists only the first authors of {paper.short_name}: {authors_text(paper)}; "
                "the rest are not on the page."
            )
        else:
            headline = f"The profile page lists every author of {paper.short_name}: {authors_text(paper)}."
        return Answer("", headline, papers=(paper,), focus=paper, confidence=0.9)
    return Answer("", headline, note=has, confidence=0.9)


@_render.register
def _(result: r.Introduced, corpus: Corpus) -> Answer:
    verdict = ("Yes: " if result.paper is not None else "No: ") if result.asked else ""
    if result.paper is not None:
        return _paper_card(corpus, result.paper, f"{verdict}{result.name} was introduced in: {result.paper.title}")
    name = result.name or "that"
    none = (
        f"{name} is not one of {possessive(corpus.researcher.name)} papers"
        if verdict or result.presumed_own
        else f"No paper on the profile introduces {name}"
    )
    if result.presumed_own and not result.mentions:
        # "what's her ZetaStore paper about?": the page has no such paper, and nothing mentions the name
        return Answer("", f"No paper on the profile is {name}: {none}.", confidence=0.6)
    if result.mentions:
        first = result.mentions[0]
        mention = (
            f"the earliest to mention it is {first.title}"
            if len(result.mentions) > 1
            else f"it is only mentioned in {first.title}"
        )
        # "when did she publish the Spleeter paper?": said first that there is no such paper of hers
        lead = f"No paper on the profile is {name}: " if result.presumed_own and not verdict else verdict
        return Answer(
            "",
            f"{lead}{none}; {mention}.",
            papers=result.mentions,
            items=tuple(paper_line(p) for p in result.mentions),
        )
    return Answer("", f"{verdict}{none}.", confidence=0.6)


@_render.register
def _(result: r.Clarify, corpus: Corpus) -> Answer:
    either = f" ({plural(len(result.papers), 'paper')} with any of them)" if result.papers else ""
    return Answer(
        "",
        f"Which {result.typed} do you mean? Several listed authors match{either}:",
        items=tuple(f"{name} ({plural(n, 'paper')})" for name, n in result.options),
        people=tuple(name for name, _ in result.options),
        suggestions=tuple(name for name, _ in result.options),
        note="Reply with the full name (or its number).",
        papers=result.papers,
        clarification=True,
        confidence=0.5,
    )


@_render.register
def _(result: r.Chat, corpus: Corpus) -> Answer:
    name = corpus.researcher.name
    if result.kind == "thanks":
        return Answer("", f"You're welcome! Ask me more about {possessive(name)} papers any time.")
    if result.kind == "farewell":
        return Answer("", "Goodbye! Come back with more questions any time.")
    if result.kind == "help":
        headline = (
            f"I answer questions about {possessive(name)} profile: {plural(len(corpus.papers), 'paper')}, "
            "their dates, classes, authors, benchmarks, code and abstracts. For example:"
        )
        return Answer(
            "",
            headline,
            items=result.examples,
            numbered=False,
            note="Follow-ups work too: \u201cwhich of those have code?\u201d, \u201cand 2023?\u201d, "
            "\u201cwho wrote it?\u201d.",
        )
    return Answer("", f"Hello! Ask me anything about {possessive(name)} papers, or type \u201chelp\u201d.")


@_render.register
def _(result: r.NoMatch, corpus: Corpus) -> Answer:
    headline = f"I can only answer questions about {possessive(corpus.researcher.name)} publication profile."
    note = (
        "Did you mean one of these?"
        if result.close
        else "Try one of these, or type \u201chelp\u201d to see what I can answer."
    )
    return Answer(
        "",
        headline,
        items=result.suggestions,
        suggestions=result.suggestions,
        note=note,
        numbered=False,
        confidence=0.0,
    )
