"""Query -> Result: one executor, one handler per operation, registered by name.

Intents name their operation in YAML; `check_registry` fails start-up (and a test) when an intent
names an operation no handler serves, or a handler serves no intent."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice, takewhile
from typing import Any

from bot.answers import results as r
from bot.answers.asked_sentence import NUMBERED, best_numbered_sentence, overlap, question_words
from bot.answers.selecting import Selected, Selector, describe, papers_mentioning
from bot.answers.wording import join_and
from bot.corpus.gazetteer import phrase_pattern
from bot.corpus.model import Corpus, Paper
from bot.precompiled import compiled_pattern
from bot.query import (
    AboutTopic,
    AmongPapers,
    Atom,
    ByPerson,
    Clause,
    During,
    Introduces,
    MentionsBenchmark,
    MentionsPhrase,
    Operation,
    Query,
    Selection,
    Solo,
    UnknownPerson,
)
from bot.text import compact, fold, sentences
from bot.understanding.concepts import ConceptLexicon
from bot.understanding.metrics import Metric, MetricLexicon
from bot.vocabulary import vocabulary

# (topic, typo-tolerant) -> (paper id, score, holds every word)
TopicHits = Callable[[str, bool], list[tuple[int, float, bool]]]
Handler = Callable[["World", Query], r.Result]
HANDLERS: dict[str, Handler] = {}
DESCRIBED_MARGIN = 1.5  # a topic names one paper when its best hit scores this much above the next


def handles(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        if name in HANDLERS:
            raise ValueError(f"two handlers for operation {name!r}")
        HANDLERS[name] = handler
        return handler

    return register


def check_registry(operations: Iterable[str]) -> None:
    """Every intent's operation has a handler, and every handler an intent."""
    named = set(operations)
    missing = sorted(named - set(HANDLERS))
    unused = sorted(set(HANDLERS) - named)
    if missing or unused:
        raise RuntimeError(f"operations without a handler: {missing}; handlers without an intent: {unused}")


@dataclass
class World:
    """What handlers answer from: the corpus, its indexes (built once per corpus), the fallback's
    suggestions, and the message being answered."""

    corpus: Corpus
    topic_hits: TopicHits
    selector: Selector
    suggest: Callable[[str], tuple[tuple[str, ...], bool]] = field(default=lambda text: ((), False))
    examples: tuple[str, ...] = ()
    text: str = ""  # the message, for the fallback's suggestions
    # Rankings of the whole profile, computed once per corpus.
    whole: dict[str, Ranked] = field(default_factory=dict)
    # Topics no paper is about, with the wider topics they belong to that some are, and how many (bot.engine).
    nearer: Mapping[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        corpus: Corpus,
        topic_hits: TopicHits,
        suggest: Callable[[str], tuple[tuple[str, ...], bool]],
        examples: tuple[str, ...],
        nearer: Mapping[str, tuple[tuple[str, int], ...]] | None = None,
    ) -> World:
        nearer = {} if nearer is None else nearer  # the engine's own mapping, filled as topics are searched
        return cls(corpus, topic_hits, Selector(corpus, topic_hits), suggest, examples, nearer=nearer)

    def select(self, selection: Selection, by_relevance: bool = False) -> Selected:
        return self.selector.select(selection, by_relevance)

    def scope(self, selection: Selection, *skip: str) -> str:
        return describe(self.corpus, selection, skip)


def execute(world: World, query: Query) -> r.Result:
    if query.ambiguous:
        typed = query.ambiguous[0]
        people = [world.corpus.people[k] for k in typed.keys if k in world.corpus.people]
        papers: tuple[Paper, ...] = ()
        if query.operation.name == "list" and not query.operation.yes_no and len(query.ambiguous) == 1:
            # "papers with Anna?": while asking which Anna, the papers of either are there already
            either = Clause(tuple(ByPerson(p.key, p.name) for p in people))
            papers = tuple(world.select(query.selection.with_clause(either)).papers)
        return r.Clarify(typed.typed, tuple((p.name, len(p.papers)) for p in people), papers)
    return HANDLERS[query.operation.name](world, query)


# --- lists


def _share_base(world: World, query: Query) -> tuple[int, str]:
    """ "what share of his 2023 papers are CV?": the last filter said is the condition, the others the
    papers it is a share of (all of them when it is the only one)."""
    base = Selection(query.selection.clauses[:-1])
    return len(world.select(base).papers), world.scope(base)


def _topic_order(query: Query) -> str:
    order = query.operation.order
    return order or ("relevance" if query.selection.positive("topic") else "newest")


def _among(selection: Selection) -> int | None:
    among = [a for a in selection.positive("papers") if isinstance(a, AmongPapers) and a.label.startswith("those")]
    return len(among[0].ids) if among else None


def _paper_list(world: World, query: Query, counting: bool) -> r.PaperList:
    order = _topic_order(query)
    selected = world.select(query.selection, by_relevance=order == "relevance")
    papers = list(selected.papers)
    if order == "oldest":
        papers.reverse()
    total = len(papers)
    if query.operation.limit:
        papers = papers[query.operation.limit :] if query.operation.beyond else papers[: query.operation.limit]
    unknown_people = tuple(a.name for a in query.selection.positive("person") if isinstance(a, UnknownPerson))
    partial = None
    # Topics whose words no paper uses were left out of the search: they say nothing of the papers found.
    topics = [
        a for a in query.selection.positive("topic") if isinstance(a, AboutTopic) and a.text not in selected.ignored
    ]
    if order == "relevance" and not topics:
        order, papers = "newest", world.corpus.newest_first(papers)
    if topics and papers:
        complete = {pid for t in topics for pid, _, every in world.topic_hits(t.text, True) if every}
        partial = sum(1 for p in papers if p.id in complete)
    years = world.corpus.years()
    people = [a for a in query.selection.positive("person") if isinstance(a, ByPerson | UnknownPerson)]
    positioned = [a for a in people if isinstance(a, ByPerson) and a.position is not None]
    mention_only = bool(query.selection) and all(
        c.kind == "benchmark" and not c.negated for c in query.selection.clauses
    )
    searched = len(world.select(query.selection.without("benchmark")).papers) if mention_only and not papers else 0
    share = _share_base(world, query) if query.operation.stat == "share" else None
    return r.PaperList(
        papers=tuple(papers),
        left_out=(query.operation.limit or 0) if query.operation.beyond else 0,
        order=order,  # type: ignore[arg-type]
        scope=world.scope(_without_ignored(query.selection, selected.ignored)),
        total=total,
        counting=counting,
        yes_no=query.operation.yes_no,
        share_of=share[0] if share else None,
        share_scope=share[1] if share else "",
        among=_among(query.selection),
        unknown_topics=selected.unknown_topics,
        nearer=tuple(dict.fromkeys(n for t in selected.unknown_topics for n in world.nearer.get(t, ()))),
        ignored_words=selected.ignored,
        unknown_people=unknown_people,
        topic_partial=partial,
        empty_years=(years[0], years[-1]) if not papers and years and query.selection.has("time") else None,
        mention_only=mention_only,
        searched=searched,
        people=tuple(a.name for a in people),
        researcher_left_out=any(
            c.negated and any(isinstance(a, ByPerson) and a.key == world.corpus.researcher_key for a in c.atoms)
            for c in query.selection.clauses
        ),
        positioned=(
            (positioned[0].name, positioned[0].position or 1, world.scope(query.selection, "person"))
            if len(positioned) == 1 and len(people) == 1
            else None
        ),
    )


def _without_ignored(selection: Selection, ignored: tuple[str, ...]) -> Selection:
    if not ignored:
        return selection
    kept = [c for c in selection.clauses if not all(isinstance(a, AboutTopic) and a.text in ignored for a in c.atoms)]
    return Selection(tuple(kept))


@handles("list")
def list_papers(world: World, query: Query) -> r.Result:
    check = _author_check(world, query) or _solo_check(world, query) or _date_check(world, query)
    return check if check is not None else _paper_list(world, query, counting=False)


def _date_check(world: World, query: Query) -> r.DateCheck | None:
    """ "Did TailClip come out this year?", "the IceCube paper is from this year right?": one paper,
    named or described, and one time, asked yes or no: its date, not an empty list."""
    clauses = query.selection.clauses
    times = [c for c in clauses if c.kind == "time" and not c.negated]
    rest = [c for c in clauses if c not in times]
    if len(times) != 1 or not rest or not query.operation.yes_no:
        return None
    if any(c.negated or c.kind not in ("papers", "topic", "benchmark") for c in rest):
        return None
    if any(c.kind != "papers" for c in rest) and vocabulary().pattern("existence_words").search(fold(world.text)):
        return None  # "anything on X from 2024?": whether any paper fits, not one paper's date
    papers = _the_papers(world, Query(query.intent, Operation("paper_fact"), Selection(tuple(rest))))
    if len(papers) != 1:
        return None
    during = [a for a in times[0].atoms if isinstance(a, During)]
    if not during:
        return None
    paper = papers[0]
    inside = any(r.contains(paper.date) for a in during for r in a.ranges)
    return r.DateCheck(paper, " or ".join(a.label for a in during), inside)


def _solo_check(world: World, query: Query) -> r.SoloCheck | None:
    """ "Is she the only author?" of the paper in view: one paper and the solo filter, asked yes or no."""
    clauses = query.selection.clauses
    if not query.operation.yes_no or len(clauses) != 2 or any(c.negated or len(c.atoms) != 1 for c in clauses):
        return None
    named = [c.atoms[0] for c in clauses if isinstance(c.atoms[0], AmongPapers)]
    if len(named) != 1 or len(named[0].ids) != 1 or not any(isinstance(c.atoms[0], Solo) for c in clauses):
        return None
    paper = world.corpus.by_id.get(named[0].ids[0])
    return r.SoloCheck(paper) if paper is not None else None


def _author_check(world: World, query: Query) -> r.AuthorCheck | None:
    """ "Did Ming Yan write HiTeA?", "papers with Ming Yan among HiTeA": one named paper and one person."""
    clauses = query.selection.clauses
    if not 2 <= len(clauses) <= 3 or any(c.negated or len(c.atoms) != 1 for c in clauses):
        return None
    named = [c.atoms[0] for c in clauses if isinstance(c.atoms[0], AmongPapers)]
    people = [c.atoms[0] for c in clauses if isinstance(c.atoms[0], ByPerson)]
    described = [c for c in clauses if isinstance(c.atoms[0], (AboutTopic, MentionsBenchmark))]
    if len(clauses) == 3 and not (len(named) == 1 and len(people) == 1):
        return None  # a third clause only where the paper is named and described too ("the X cultural defaults paper")
    if query.operation.yes_no and not named and len(described) == 1:
        # "is Marcus Feld on the statin study?", "is he first author on the Meta-World paper?": the one
        # paper the words describe
        clause = described[0]
        papers = (
            _the_papers(world, Query(query.intent, Operation("paper_fact"), Selection((clause,))))
            if isinstance(clause.atoms[0], AboutTopic)
            else list(world.select(Selection((clause,))).papers)
        )
        if len(papers) == 1:
            named = [AmongPapers((papers[0].id,), papers[0].title)]
    if len(named) != 1 or len(named[0].ids) != 1 or len(people) != 1:
        return None
    asked = people[0].position
    if asked is not None and not query.operation.yes_no:
        return None  # "papers with Ming Yan as first author among HiTeA" lists, it does not check
    paper = world.corpus.by_id.get(named[0].ids[0])
    if paper is None or named[0].label.startswith("those"):
        return None
    return r.AuthorCheck(paper, people[0].name, _place(world.corpus, paper, people[0].key), asked)


def _place(corpus: Corpus, paper: Paper, key: str) -> int | None:
    """The person's 1-based place among the paper's listed authors; None when not listed."""
    keys = corpus.people_keys_of(paper)
    return keys.index(key) + 1 if key in keys else None


@handles("positions")
def author_positions(world: World, query: Query) -> r.Result:
    """ "Where is Zeynep in the author order of the credit paper?", "where does Priya show up?": the
    person named (else the researcher), on the paper the rest names or describes, else on all theirs."""
    corpus = world.corpus
    named = [a for a in query.selection.positive("person") if isinstance(a, ByPerson)]
    person = named[0] if named else ByPerson(corpus.researcher_key, corpus.researcher.name)
    rest = Selection(tuple(c for c in query.selection.clauses if c.kind != "person"))
    if rest:
        papers = _the_papers(world, Query(query.intent, Operation("paper_fact"), rest))
        if len(papers) == 1:
            return r.AuthorCheck(papers[0], person.name, _place(corpus, papers[0], person.key), where_asked=True)
    else:
        papers = list(world.select(Selection((Clause((ByPerson(person.key, person.name),)),))).papers)
    return r.Positions(person.name, tuple((paper, _place(corpus, paper, person.key)) for paper in papers))


@handles("count")
def count_papers(world: World, query: Query) -> r.Result:
    return _paper_list(world, query, counting=True)


def _described_as_named(world: World, selection: Selection) -> Selection:
    """ "ColdBind or the x-ray pretraining paper": a paper described beside a paper named is the one
    paper its words describe best, not every paper near them."""
    clauses = []
    for clause in selection.clauses:
        if len(clause.atoms) > 1 and any(isinstance(a, AmongPapers) for a in clause.atoms):
            atoms: list[Atom] = []
            for atom in clause.atoms:
                if isinstance(atom, AboutTopic):
                    described = _the_papers(world, Query("", Operation("paper_fact"), Selection((Clause((atom,)),))))
                    atom = AmongPapers((described[0].id,), described[0].short_name) if described else atom
                atoms.append(atom)
            clause = Clause(tuple(atoms), clause.negated)
        clauses.append(clause)
    return Selection(tuple(clauses))


@handles("pick")
def pick_paper(world: World, query: Query) -> r.Result:
    query = query.with_selection(_described_as_named(world, query.selection))
    operation = query.operation
    order = operation.order or "newest"
    selected = world.select(query.selection).papers
    papers = selected[::-1] if order == "oldest" else selected
    rank = operation.rank or 1
    scope = world.scope(query.selection)
    among = _among(query.selection) or _named_together(query.selection)
    if rank > len(papers):
        return r.PaperPick(None, rank, order, scope, len(papers), among=among)
    paper = papers[rank - 1]
    # the papers are in date order: the first one's ties follow it (no walk over 10,000 papers)
    ties = tuple(takewhile(lambda p: p.date == paper.date, islice(papers, 1, None))) if rank == 1 else ()
    checked = tuple(world.corpus.by_id[i] for i in operation.check if i in world.corpus.by_id)
    others = tuple(p for p in papers if p is not paper) if among is not None and among == len(papers) else ()
    return r.PaperPick(paper, rank, order, scope, len(papers), ties, among, checked, others)


def _named_together(selection: Selection) -> int | None:
    """ "which came first, GeoMRP or TurnoutGNN?": how many papers the question names and sets against
    each other (two to four, named in one clause), when that is all it selects."""
    if len(selection.clauses) != 1 or selection.clauses[0].negated:
        return None
    atoms = selection.clauses[0].atoms
    if not all(isinstance(a, AmongPapers) for a in atoms):
        return None
    ids = {i for a in atoms if isinstance(a, AmongPapers) for i in a.ids}
    return len(ids) if 2 <= len(ids) <= 4 else None


@handles("exists")
def worked_with(world: World, query: Query) -> r.Result:
    corpus = world.corpus
    people = [a for a in query.selection.positive("person") if isinstance(a, ByPerson)]
    unknown = [a for a in query.selection.positive("person") if isinstance(a, UnknownPerson)]
    subject = corpus.researcher.name
    if unknown and not people:
        return r.YesNo(subject, tuple(a.name for a in unknown), (), unknown=True)
    if not people:  # "who is most write together with her?": nobody named, so whom she works with most
        return rank_groups(world, replace(query, operation=Operation("rank_groups", group_by="coauthor")))
    selection = query.selection
    if len(people) >= 2:
        subject = people[0].name  # "has A worked with B?": the papers listing both
    papers = world.select(selection).papers
    others = tuple(p.name for p in people[1:] if len(people) >= 2) or tuple(p.name for p in people)
    return r.YesNo(subject, others, tuple(papers), scope=world.scope(selection, "person"))


# --- one paper


def _the_papers(world: World, query: Query) -> list[Paper]:
    """The paper(s) a question about one paper is about: picked by date among the papers the filters
    leave ("who wrote his oldest paper?"), named, pointed at, or described by a topic."""
    order = query.operation.order
    if order is not None:
        papers = list(world.select(query.selection).papers)  # newest first
        if order == "oldest":
            papers.reverse()
        rank = query.operation.rank or 1
        return papers[rank - 1 : rank]
    named = [a for a in query.selection.positive("papers") if isinstance(a, AmongPapers)]
    if named:
        ids = dict.fromkeys(i for a in named for i in a.ids)
        return [world.corpus.by_id[i] for i in ids if i in world.corpus.by_id]
    introduced = [a for a in query.selection.positive("introduces") if isinstance(a, Introduces)]
    if introduced:
        return list(world.select(query.selection).papers)
    topics = [a for a in query.selection.positive("topic") if isinstance(a, AboutTopic)]
    described = " ".join(t.text for t in topics)
    by_name = _by_initials(world, described) or _distinctive(world, described)
    if by_name is not None:
        return [by_name]
    if topics:
        described = " ".join(t.text for t in topics)
        hits = world.topic_hits(described, True)
        complete = [h for h in hits if h[2]]
        best = complete or hits
        candidates = [world.corpus.by_id[h[0]] for h in best]
        literal = papers_mentioning(candidates, described) if len(candidates) > 1 else []
        if len(literal) == 1:  # "the downscaling one": the one paper that says it, among its concept's
            return literal
        if best and (len(best) == 1 or best[0][1] >= DESCRIBED_MARGIN * best[1][1]):
            return candidates[:1]
        return candidates[:5]
    if query.selection and not query.selection.has("paper"):
        return list(world.select(query.selection).papers)[:5]  # "the 2016 paper": the one its filters leave
    return []


def _name_like(word: str) -> bool:
    return "-" in word.strip("-") or (any(c.isdigit() for c in word) and any(c.isalpha() for c in word))


_ACRONYM = compiled_pattern(r"\b[A-Z]{2,6}s?\b")


def _by_initials(world: World, text: str) -> Paper | None:
    """An acronym of the question that spells consecutive words of one paper's title ("the Euclid
    photo-z MDN paper": Mixture Density Networks; "the SBI paper": Simulation-Based Inference)."""
    for match in _ACRONYM.finditer(text):
        if world.topic_hits(match.group(), False):
            continue  # a term the papers write ("RL"), not a paper's initials (the topic index knows)
        if any(hit.end - hit.start == len(match.group()) for hit in ConceptLexicon.default().find(match.group())):
            continue  # a term of the field the papers do not write ("CT" is computed tomography)
        letters = match.group().rstrip("s").casefold()
        owners = [p for p in world.corpus.papers if letters in _title_initials(p.title)]
        if len(owners) == 1:
            return owners[0]
    return None


def _title_initials(title: str) -> str:
    """ "mdn" is in the initials of "... with Mixture Density Networks"."""
    return "".join(w[0].casefold() for w in re.split(r"[\s/-]+", title) if w[:1].isalpha())


def _distinctive(world: World, text: str) -> Paper | None:
    """A name-like word of the question that one paper alone uses ("mPLUG-video"): that paper."""
    for word in text.split():
        if _name_like(word):
            users = papers_mentioning(world.corpus.papers, word)
            if len(users) == 1:
                return users[0]
    return None


_NUMBER_BEFORE = compiled_pattern(r"(\d+(?:\.\d+)?(?:\s?%|×|x)?)\s*$")  # "94% success", "a 5.3× speed-up"
_UNIT = r"(?:\s?(?:%|ms|s|x|×|points?|pp|fps|hz))?"
# "command latency falls from 94 ms to 8 ms", "success rises from 31.5% to 43.9%"
_FROM_TO = compiled_pattern(
    rf"^\W*(?:[a-z]+\s+){{0,2}}?from\s+(\d[\d,]*(?:\.\d+)?{_UNIT})\s+to\s+(\d[\d,]*(?:\.\d+)?{_UNIT})",
    re.IGNORECASE,
)
# "AP of 31.7", "APr: 31.7", "rare-class AP (APr) by 5.3 points" (an alias in brackets may sit between)
_OPERATORS = frozenset("-−+*/^×")
_NUMBER_AFTER = compiled_pattern(
    r"^\s*(?:\([^()]{1,16}\)\s*)?(?:of|=|:|at|is|reaches|reaching|(by))?\s*(\d+(?:\.\d+)?\s?%?)(\s*points?\b)?"
)
# "the implied employment elasticity with respect to the minimum wage for teenagers is -0.07": the
# value the same clause gives it, a few words on
_VALUE_IN_CLAUSE = compiled_pattern(r"^[^.;:]{0,70}?\b(?:is|was|are|were|equals|of)\s+(-?\d+(?:\.\d+)?\s?%?)(?![\d.])")


def _says_of_question(sentence: str, paper: Paper, question: str) -> float:
    """How much of the question a sentence of the paper's abstract says (title words count less)."""
    return overlap(sentence, question_words(question), set(fold(paper.title).split()))


def _figure_in_metric(paper: Paper, metric: Metric, k: int | None, lexicon: MetricLexicon) -> tuple[str, str] | None:
    """The first figure the abstract writes in this metric ("48.0 top-1 accuracy"), with its sentence."""
    for sentence in sentences(paper.abstract):
        for hit in lexicon.find(sentence):
            if hit.metric.name != metric.name or (k is not None and hit.k not in (k, None)):
                continue
            before = _NUMBER_BEFORE.search(sentence[max(0, hit.start - 12) : hit.start])
            if before:
                glued = hit.surface[:1] in "×xX"  # "23× faster", as written
                return f"{before.group(1).strip()}{'' if glued else ' '}{hit.surface}", sentence
            moved = _FROM_TO.match(sentence[hit.end : hit.end + 60])
            if moved:  # "latency falls from 94 ms to 8 ms": where it ends, and from where
                return f"{moved.group(2).strip()} {hit.surface} (from {moved.group(1).strip()})", sentence
            after = _NUMBER_AFTER.match(sentence[hit.end : hit.end + 40])
            if after and sentence[hit.end + after.end() :].lstrip()[:1] in _OPERATORS:
                after = None  # a formula, not a figure: "NSE = 1 - sum(...)"
            if after:
                value = after.group(2).strip()
                if after.group(1) or after.group(3):  # a change, not a level: "improves AP by 5.3 points"
                    return f"a change of {value} points in {hit.surface}", sentence
                # "succeed in 94% of trials" is said as the metric it is: "94% success rate"
                return f"{value} {hit.metric.name if hit.surface.endswith(' in') else hit.surface}", sentence
            said = _VALUE_IN_CLAUSE.match(sentence[hit.end :])
            if said:
                return f"{said.group(1).strip()} {hit.surface}", sentence
    return None


def _mentioned_part(paper: Paper, description: str) -> str:
    """The longest run of the description's words the abstract writes ("davis 2017" of "davis 2017
    video object segmentation"): the benchmark or task it means."""
    words = description.split()
    # words of the title name the paper, not the task: "success rate on MT50 of the gradient routing
    # paper" asks about MT50 (a window of title words only when nothing else is written)
    titled = set(fold(paper.title).split())
    for skip_title in (True, False):
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                window = " ".join(words[start : start + size])
                if fold(words[start]) in _SMALL_WORDS or fold(words[start + size - 1]) in _SMALL_WORDS:
                    continue  # "MT10", not "on MT10"
                if skip_title and all(_in_title(w, titled) for w in fold(window).split()):
                    continue
                if any(ch.isalpha() for ch in window) and papers_mentioning([paper], window):
                    return window
    return description


def _in_title(word: str, titled: set[str]) -> bool:
    """A word of the title, or its shortening or plural ("min" of "minimum", "wage" of "wages")."""
    return word in _SMALL_WORDS or any(
        len(short) >= 3 and long.startswith(short) for t in titled for short, long in ((word, t), (t, word))
    )


_SMALL_WORDS = frozenset({"of", "on", "the", "a", "an", "for", "in", "at", "to", "with", "and"})


_UNIT_SIGNS = {"sigma": "σ", "degree": "°", "ohm": "Ω"}  # a unit counted by name, written as its sign
_SAMPLE_SIZE = compiled_pattern(r"\b[Nn]\s?=\s?(\d[\d,]*)\b")
_AMOUNT = r"\d[\d,]*(?:\.\d+)?(?:\s?(?:k|K|M|B|million|billion|thousand|%))?"


def _quantity(paper: Paper, counted: str, hints: Sequence[str] = ()) -> r.PaperFact:
    """ "48 annotators": the first number the abstract puts before what is counted (up to two words
    may sit between: "3,600 instance masks"), with its sentence."""
    head = counted.split()[-1] if counted else ""
    stem = re.sub(r"(ies|es|s)$", "", head) if len(head) > 3 else head
    if not stem:
        return r.PaperFact(paper, "quantity", metric=counted)
    # "demos" finds "demonstrations": a stem of four letters or more may be a shortening
    noun = rf"{re.escape(stem)}\w*" if len(stem) >= 4 else rf"{re.escape(stem)}(?:y|ies|es|s)?"
    # up to two describing words between ("3,600 instance masks"), never a preposition ("3,400 objects
    # from demonstrations" counts objects)
    between = r"(?:(?!(?:from|of|in|on|for|with|by|to|and|or|per|across|over)\b)[\w-]+\s+)"
    # not a number inside a name: "COVID-19 death counts" counts no deaths
    # "40 qubits", and "a 40-qubit ansatz"
    pattern = re.compile(rf"(?<![\w.,])(?<![^\W\d_]-)({_AMOUNT})(?:\s+|-){between}{{0,2}}?{noun}\b", re.IGNORECASE)
    if head in vocabulary().words("ratio_comparatives"):  # "how much faster?": "240× faster", "3 times faster"
        ratio = r"(?<![\w.,])(" + _AMOUNT + r")\s?(?:×|x\b|times\b|-fold\b|fold\b)"
        said = re.compile(rf"{ratio}\s*(?:[\w-]+\s+)?{re.escape(head)}\b", re.IGNORECASE)
        # ... else any ratio the abstract gives ("1.7× fewer steps than SGD")
        pattern = said if any(said.search(s) for s in sentences(paper.abstract)) else re.compile(ratio)
    elif head == "size":  # "how big is the model?": "6.3M parameters", "4.2 MB", "a 38k-parameter network"
        pattern = re.compile(
            rf"(?<![\w.,])({_AMOUNT})(?:\s?|-)(?:parameters?|params|[KMGT]B|kB|megabytes|gigabytes)\b", re.IGNORECASE
        )
    elif stem in _UNIT_SIGNS:  # "how many sigma?": "1.6σ tension" writes the unit as its sign
        pattern = re.compile(rf"(?<![\w.,])({_AMOUNT})\s?(?:{_UNIT_SIGNS[stem]}|{noun}\b)", re.IGNORECASE)
    # "14 bugs, 6 of which have been assigned CVEs": the count said before "of which"
    of_which = re.compile(
        rf"(?<![\w.,])({_AMOUNT}) of (?:which|them|these) (?:[\w-]+\s+){{0,4}}?{noun}\b", re.IGNORECASE
    )
    # "best in 31 of the 77 settings": a part of a whole
    part_of = re.compile(
        rf"(?<![\w.,])({_AMOUNT}) of (?:the |all )?{_AMOUNT}\s+{between}{{0,2}}?{noun}\b", re.IGNORECASE
    )
    # "applied to 22 open models, the test flags ... for 14 of them": the part, of what was counted before
    of_them = re.compile(rf"\b{noun}\b[^.;]{{0,160}}?\b({_AMOUNT}) of (?:them|these|those)\b", re.IGNORECASE)
    found = [
        (m, sentence)
        for sentence in sentences(paper.abstract)
        for m in sorted(
            [*pattern.finditer(sentence), *of_which.finditer(sentence), *part_of.finditer(sentence)],
            key=lambda m: m.start(),
        )
    ]
    found += [(m, s) for s in sentences(paper.abstract) for m in of_them.finditer(s)]
    # "212 kB of RAM", "5 hours of audio": an amount in a unit, of what is asked about
    measured = re.compile(rf"(?<![\w.,])({_AMOUNT})\s?[^\W\d_]{{1,5}} of (?:[\w-]+\s+)?{noun}\b", re.IGNORECASE)
    found += [(m, s) for s in sentences(paper.abstract) for m in measured.finditer(s)]
    sampled = vocabulary().words("study_people")
    if not found and stem in sampled:
        # "N=24", "a study with 23 blind screen reader users": who took part, said in other words
        anyone = "|".join(rf"{re.escape(w)}\w*" for w in sampled)
        sample = re.compile(rf"(?<![\w.,])({_AMOUNT})\s+{between}{{0,4}}?(?:{anyone})\b", re.IGNORECASE)
        found = [(m, s) for s in sentences(paper.abstract) for m in _SAMPLE_SIZE.finditer(s)]
        found = found or [(m, s) for s in sentences(paper.abstract) for m in sample.finditer(s)]
    if not found:
        return r.PaperFact(paper, "quantity", metric=counted)

    # "how many qubits was the ansatz?": the count the question's other words follow ("a 40-qubit
    # ansatz", not "the 127-qubit device"); else the first one
    # ... the most of them said around it ("the X-learner has the best median PEHE in 31 of the 77 settings")
    stems = [h[: max(4, len(h) - 3)] for h in hints]  # "flagged" is said "flags"

    def said_near(m: re.Match[str], s: str) -> int:
        around = s[max(0, min(m.start(), m.start(1) - 48)) : m.end() + 24].casefold()
        return sum(h in around for h in stems)

    near = sorted(((said_near(m, s), i) for i, (m, s) in enumerate(found)), key=lambda pair: (-pair[0], pair[1]))
    match, sentence = found[near[0][1]] if hints and near[0][0] else found[0]
    figure = match.group(0)
    if re.search(r" of (?:which|them|these) ", figure):  # "6 of which have been assigned CVEs": 6 CVEs
        figure = f"{match.group(1)} {figure.split()[-1]}"
    elif re.search(r" of (?:them|these|those)$", figure):  # "22 open models ... 14 of them": 14 models
        figure = f"{match.group(1)} {head}"
    return r.PaperFact(paper, "quantity", metric=counted, figure=figure, sentence=sentence)


def _description(world: World, query: Query, paper: Paper) -> str:
    """What a results question says besides the paper: the task when no benchmark is named
    ("top-1 accuracy of mPLUG-video on video category classification")."""
    topics = [a.text for a in query.selection.positive("topic") if isinstance(a, AboutTopic)]
    # the paper's own name is no task ("X-CLIP's R@1"); another name-like word is ("on MT50")
    words = [w for w in " ".join(topics).split() if not (_name_like(w) and compact(w) in compact(paper.title))]
    while words and words[0] in ("on", "of", "for", "in", "the", "a", "an", "at"):
        words = words[1:]
    return " ".join(words)


@handles("paper_fact")
def paper_fact(world: World, query: Query) -> r.Result:
    operation = query.operation
    field_name = operation.field or "summary"
    if field_name in ("summary", "authors"):
        check = _author_check(world, query)  # "is Ming Yan on that one?" after a paper
        if check is not None:
            return check
    papers = _the_papers(world, query)
    if not papers:
        topics = [a.text for a in query.selection.positive("topic") if isinstance(a, AboutTopic)]
        if not topics and query.selection and not query.selection.has("paper"):
            return _paper_list(world, query, counting=False)  # "that 2022 paper with Faith": no such paper
        return r.NoPaper(field_name, " ".join(topics))
    if len(papers) > 1 and field_name == "quantity" and operation.counted:
        # "how many spectroscopic galaxies did they train on?": of the papers the words fit, the one
        # that counts them
        counting = [p for p in papers if _quantity(p, operation.counted).figure is not None]
        papers = counting if len(counting) == 1 else papers
    if len(papers) > 1:
        return r.PaperChoice(tuple(papers), field_name)
    paper = papers[0]
    if field_name == "results":
        return _results(world, paper, query, _description(world, query, paper))
    if field_name == "quantity":
        hints = [
            w for a in query.selection.positive("topic") if isinstance(a, AboutTopic) for w in a.text.casefold().split()
        ]
        return _quantity(paper, operation.counted or "", [w for w in hints if len(w) > 3])
    return r.PaperFact(paper, field_name, position=operation.position, limit=operation.limit, denied=operation.denied)


def _results(world: World, paper: Paper, query: Query, described: str) -> r.PaperFact:
    """The figure the abstract gives on the benchmark asked about (a known one with its aliases, else
    the task the question names: "video category classification"), in the metric asked for."""
    operation = query.operation
    lexicon = MetricLexicon.default()
    metric = lexicon.metric(operation.metric) if operation.metric else None
    name = operation.benchmark or _mentioned_part(paper, described)
    forms = [name] if name else []
    entry = world.corpus.gazetteer.entries.get(name)
    if entry:
        forms += list(entry.aliases)
    from bot.answers.figures import figures_for  # only results questions need it

    figures = figures_for(paper.abstract, forms, metric, operation.metric_k, lexicon, paper.system) if forms else []
    if not figures and not operation.benchmark and metric is not None:
        # "the top-1 of X", or a task that only describes the paper ("its rare-class AP on long-tailed
        # instance segmentation"): wherever the abstract gives that metric.
        found = _figure_in_metric(paper, metric, operation.metric_k, lexicon)
        if found is not None:
            figure, sentence = found
            return r.PaperFact(
                paper, "results", metric=metric.label(operation.metric_k), figure=figure, sentence=sentence,
                benchmark_mentioned=True,
            )  # fmt: skip
    asked = metric.label(operation.metric_k) if metric else None
    if operation.benchmark is None and metric is None and world.text:
        # Asked in the question's own words, with no benchmark or metric named ("what value of S8 did
        # it end up with?"): the numbered sentence that says most of them, unless the task's figure
        # comes from a sentence that says as much.
        picked = best_numbered_sentence(paper, world.text)
        if picked is not None and (
            not figures
            or (
                picked[0] != figures[0].sentence
                and _says_of_question(figures[0].sentence, paper, world.text) + NUMBERED < picked[1]
            )
        ):
            return r.PaperFact(paper, "results", sentence=picked[0], benchmark_mentioned=True)
    if figures:
        # the sentence that also says the question's other words first: "average success on Meta-World
        # MT10" is the MT10 figure, not another Meta-World one
        qualifiers = set(fold(described).split()) - set(fold(name).split()) - _SMALL_WORDS
        if qualifiers:
            figures.sort(key=lambda f: -len(qualifiers & set(re.findall(r"[\w-]+", fold(f.sentence)))))
        best = figures[0]
        if metric is not None and best.metric is None and not operation.benchmark and world.text:
            # A bare number beside a word the question shares ("all labels ... 0.84") against the
            # figure the abstract writes in the metric asked ("5% of the labelled clips ... macro F1 from
            # 0.58 to 0.72"): the sentence that says more of the question ("F1 w/ 5% labels").
            in_metric = _figure_in_metric(paper, metric, operation.metric_k, lexicon)
            if in_metric is not None and _says_of_question(in_metric[1], paper, world.text) > _says_of_question(
                best.sentence, paper, world.text
            ):
                return r.PaperFact(
                    paper, "results", metric=metric.label(operation.metric_k), figure=in_metric[0],
                    sentence=in_metric[1], benchmark_mentioned=True,
                )  # fmt: skip
        # With no metric asked, every figure the sentence gives: "48.0 top-1 accuracy and 80.3 CIDEr".
        same = [f.text for f in figures if f.sentence == best.sentence] if metric is None else [best.text]
        return r.PaperFact(
            paper, "results", benchmark=name, metric=asked, figure=" and ".join(dict.fromkeys(same)),
            sentence=best.sentence, benchmark_mentioned=True,
        )  # fmt: skip
    if world.text and not operation.benchmark:
        # no figure where the benchmark or metric is named: the numbered sentence that says most of
        # the question's words ("an employment elasticity with respect to the minimum wage of ε = -0.06")
        picked = best_numbered_sentence(paper, world.text)
        if picked is not None and picked[1] >= 1:
            return r.PaperFact(paper, "results", sentence=picked[0], benchmark_mentioned=True)
    if metric is not None and not name:
        # a metric asked that the abstract never names ("success rate" where it says "18 of 20 (90%)"):
        # said so, with the sentence that gives its results in percent, offered as what it has
        reported = next((s for s in sentences(paper.abstract) if _PERCENT.search(s)), None)
        return r.PaperFact(paper, "results", metric=asked, sentence=reported)
    patterns = [p for p in (phrase_pattern(form) for form in forms) if p]
    quoted = [s for s in sentences(paper.abstract) if any(p.search(s) for p in patterns)]
    return r.PaperFact(
        paper, "results", benchmark=name, metric=asked, benchmark_mentioned=bool(quoted),
        sentence=quoted[0] if quoted else None,
    )  # fmt: skip


_PERCENT = compiled_pattern(r"\d(?:\.\d+)?\s?%")


@handles("introduced")
def introduced(world: World, query: Query) -> r.Result:
    names = [a.name for a in query.selection.positive("introduces") if isinstance(a, Introduces)]
    name = names[0] if names else ""
    owners = world.corpus.introduced_by.get(compact(name), [])
    asked = query.operation.yes_no
    if owners:
        return r.Introduced(name, world.corpus.newest_first(owners)[-1], asked=asked)
    # a benchmark's papers, else the papers whose text names it ("DeepLOB", a baseline some abstract cites)
    mentioned = world.corpus.mentioning(name) or world.corpus.newest_first(papers_mentioning(world.corpus.papers, name))
    presumed = query.operation.stat == "presumed_own"
    return r.Introduced(name, None, tuple(reversed(mentioned)), asked=asked, presumed_own=presumed)


# --- groups


@handles("rank_groups")
def rank_groups(world: World, query: Query) -> r.Result:
    corpus = world.corpus
    by = query.operation.group_by or "year"
    least = query.operation.least
    subject = query.subject
    # "co-authors apart from X", "benchmarks besides COCO": X leaves the ranking; the papers with X stay,
    # or everyone else's counts would shrink by the papers they share with X.
    grouped_kind = _GROUPED_KINDS.get(by)
    left_out = [c for c in query.selection.clauses if c.negated and grouped_kind and c.kind == grouped_kind]
    excluded = {_group_key(a) for c in left_out for a in c.atoms}
    shown = Selection(tuple(c for c in query.selection.clauses if c not in left_out))
    selection = shown
    if subject is not None:
        selection = selection.with_clause(Clause((subject,)))
    one = _one_paper_named(world, selection) if by == "benchmark" and not excluded else None
    if one is not None:
        return r.PaperFact(one, "benchmarks")  # "what dataset does FooNet use?": that paper's own
    if not selection:
        # The whole profile: ranked once per corpus (the co-authors of 10,000 papers are thousands).
        key = f"{by}:{least}"
        if key not in world.whole:
            world.whole[key] = _ranked(corpus, corpus.newest, by, least, None)
        groups, chart, total, inferred = world.whole[key]
    else:
        groups, chart, total, inferred = _ranked(corpus, world.select(selection).papers, by, least, subject)
    names = [a.name for c in left_out for a in c.atoms if isinstance(a, ByPerson | MentionsBenchmark)]
    if excluded:
        groups = tuple(g for g in groups if g.key not in excluded)
    at_least = query.operation.at_least
    if at_least and any(g.count >= at_least for g in groups):
        # (when none has as many, the ranking stays: the answer says so and names the top one)
        groups = tuple(g for g in groups if g.count >= at_least)
    grouped: tuple[Paper, ...] = ()
    if by == "benchmark":  # the papers behind the ranking, newest first (thousands: once per corpus)
        whole = not selection and not excluded
        if whole:
            grouped = tuple(corpus.with_benchmarks)
        else:
            members = {p.id for g in groups for p in g.papers}
            grouped = tuple(p for p in corpus.newest if p.id in members)
    return r.Groups(
        by=by,
        groups=groups,
        least=least,
        scope=world.scope(shown),
        excluded=join_and(names),
        subject=subject.name if subject else corpus.researcher.name,
        total_papers=total,
        inferred=inferred,
        chart=chart,
        limit=query.operation.limit,
        papers=grouped,
        stat=query.operation.stat,
        timed=shown.has("time"),
        at_least=at_least,
    )


def _one_paper_named(world: World, selection: Selection) -> Paper | None:
    """The paper a selection of one named paper and nothing else names."""
    clauses = selection.clauses
    if len(clauses) != 1 or clauses[0].negated or len(clauses[0].atoms) != 1:
        return None
    atom = clauses[0].atoms[0]
    if not isinstance(atom, AmongPapers) or len(atom.ids) != 1:
        return None
    return world.corpus.by_id.get(atom.ids[0])


# The corpus's own indexes group the whole profile already (each list newest first).
_WHOLE_INDEX = {"year": "by_year", "category": "by_category", "benchmark": "by_benchmark"}
# (the rest: co-authors)
_GROUPS_BY_FIELD = frozenset({"year", "month", "category", "benchmark", "first_author", "topic"})
Ranked = tuple[tuple[r.Group, ...], tuple[tuple[str, int], ...], int, int]


def _ranked(corpus: Corpus, papers: Sequence[Paper], by: str, least: bool, subject: ByPerson | None) -> Ranked:
    """Papers grouped by `by` (a paper can be in several groups: its co-authors), most first (or least)."""
    groups: dict[str, list[Paper]] = defaultdict(list)
    labels: dict[str, str] = {}
    whole = len(papers) == len(corpus.papers)
    if by in _WHOLE_INDEX and whole:
        index: Mapping[Any, list[Paper]] = getattr(corpus, _WHOLE_INDEX[by])
        groups.update({str(key): members for key, members in index.items() if members})
        labels.update({key: key for key in groups})
    elif by not in _GROUPS_BY_FIELD and subject is None and _newest_of_all(corpus, papers):
        # Every co-author's papers (newest first) from the people index, not a walk over every author.
        researcher, people = corpus.researcher_key, corpus.people
        groups.update({key: person.papers for key, person in people.items() if key != researcher and person.papers})
        labels.update({key: people[key].name for key in groups})
    else:
        for paper in papers:
            for key, label in _group_keys(corpus, paper, by, subject):
                groups[key].append(paper)
                labels[key] = label
    # By name (or by date), then by count most first (least first when asked): the second sort is
    # stable, so equal counts keep the first order. Two sorts on C keys: a tuple per group cost the
    # first co-author ranking at 10,000 papers (1,374 people) a millisecond more.
    if by in ("year", "month"):
        ranked = sorted(groups, key=int)
    else:
        ranked = sorted(groups, key={k: labels[k].casefold() for k in groups}.__getitem__)
    ranked.sort(key={k: len(members) for k, members in groups.items()}.__getitem__, reverse=not least)
    chart: tuple[tuple[str, int], ...] = ()
    if by == "year" and groups:
        years = sorted(int(k) for k in groups)
        chart = tuple((str(y), len(groups.get(str(y), []))) for y in range(years[0], years[-1] + 1))
    elif by == "month" and groups:
        chart = tuple((labels[k], len(groups[k])) for k in sorted(groups, key=int))
    elif by == "category":
        chart = tuple((k, len(groups[k])) for k in ranked)
    inferred = 0
    if by == "year":
        inferred = corpus.inferred_count if whole else sum(1 for p in papers if p.year_inferred)
    return tuple(r.Group(labels[k], groups[k], k) for k in ranked), chart, len(papers), inferred


def _newest_of_all(corpus: Corpus, papers: Sequence[Paper]) -> bool:
    if papers is corpus.newest:
        return True  # the whole profile, as ranked once per corpus: no walk over 10,000 papers
    return len(papers) == len(corpus.newest) and all(a is b for a, b in zip(papers, corpus.newest, strict=True))


_GROUPED_KINDS = {"coauthor": "person", "first_author": "person", "benchmark": "benchmark"}


def _group_key(atom: Atom) -> str:
    if isinstance(atom, ByPerson):
        return atom.key
    if isinstance(atom, MentionsBenchmark):
        return atom.name
    return ""


def _group_keys(corpus: Corpus, paper: Paper, by: str, subject: ByPerson | None) -> list[tuple[str, str]]:
    if by == "year":
        return [(str(paper.year), str(paper.year))]
    if by == "month":
        return [(str(paper.date.month), paper.date.strftime("%B"))]
    if by == "category":
        return [(paper.category, paper.category)]
    if by == "benchmark":
        return [(name, name) for name in paper.benchmarks]
    if by == "topic":
        # what a paper is about is what its title names: an abstract names its methods, baselines and
        # neighbouring fields too
        return [(name, name) for name in sorted(ConceptLexicon.default().concepts_in(paper.title))]
    keys = corpus.people_keys_of(paper)
    if by == "first_author":
        return [(keys[0], corpus.people[keys[0]].name)] if keys else []
    center = subject.key if subject else corpus.researcher_key
    found = [(k, corpus.people[k].name) for k in keys if k not in (center, corpus.researcher_key)]
    if subject is not None and subject.key != corpus.researcher_key:
        found.append((corpus.researcher_key, corpus.researcher.name))  # on every paper, listed or not
    return found


@handles("compare")
def compare(world: World, query: Query) -> r.Result:
    kind = query.operation.compare_kind
    if kind is None:
        return rank_groups(world, query)
    named = _named_papers(world, query)
    if kind == "papers" and len(named) >= 2:
        return _paper_comparison(world, query, named)
    if not query.operation.versus_rest and _group_count(query.selection, kind) < 2:
        return list_papers(world, query)  # a follow-up left one group ("and the EM ones?"): nothing to compare
    shared = query.selection.without(kind)
    groups = []
    if query.operation.versus_rest:
        # "with code or without": the filter against the papers that do not pass it.
        # ("more with code than without code" may leave only the negated clause: the rest is said second)
        said = [c for c in query.selection.clauses if c.kind == kind]
        clauses = [Clause(c.atoms) for c in sorted(said, key=lambda c: c.negated)][:1]
        for clause in (*clauses, *(Clause(c.atoms, negated=True) for c in clauses)):
            papers = world.select(shared.with_clause(clause)).papers
            groups.append(r.Group(world.scope(Selection((clause,))), tuple(papers)))
        return r.Comparison(tuple(groups), world.scope(shared), query.operation.least, query.operation.yes_no)
    for atom in query.selection.positive(kind):
        parts = [atom]
        if isinstance(atom, During) and len(atom.ranges) > 1:
            parts = [During((x,), x.describe()) for x in atom.ranges]
        for part in parts:
            papers = world.select(shared.with_clause(Clause((part,)))).papers
            label = world.scope(Selection((Clause((part,)),))) or part.__class__.__name__
            groups.append(r.Group(_compare_label(label), tuple(papers), phrase=label))
    for clause in query.selection.clauses:
        if clause.negated and clause.kind == kind:
            shared = shared.with_clause(clause)
    return r.Comparison(tuple(groups), world.scope(shared), query.operation.least, query.operation.yes_no)


def _named_papers(world: World, query: Query) -> list[Paper]:
    """The papers a question names one by one ("CEDNet or TwinRIS"), in the order named."""
    atoms = [a for a in query.selection.positive("papers") if isinstance(a, AmongPapers)]
    if len(atoms) < 2 or any(len(a.ids) != 1 for a in atoms):
        return []
    papers = [world.corpus.by_id[a.ids[0]] for a in atoms if a.ids[0] in world.corpus.by_id]
    return list(dict.fromkeys(papers))


def _paper_comparison(world: World, query: Query, papers: list[Paper]) -> r.PaperComparison:
    """Papers side by side on what the question compares (the recogniser says which: their dates,
    their author lists, or what each abstract reports on the question's words)."""
    operation = query.operation
    if operation.field in ("date", "authors"):
        return r.PaperComparison(tuple(papers), operation.field, direction=operation.direction, yes_no=operation.yes_no)
    topics = [a.text for a in query.selection.positive("topic") if isinstance(a, AboutTopic)]
    facts = tuple(_results(world, p, query, _description(world, query, p)) for p in papers)
    return r.PaperComparison(tuple(papers), "results", facts, operation.direction, " ".join(topics))


@handles("best_result")
def best_result(world: World, query: Query) -> r.Result:
    """ "which paper has the lowest WER?": each paper in scope whose abstract gives a figure in that
    metric; the best is the highest, or the lowest of an error ("the worst" the other way)."""
    operation = query.operation
    lexicon = MetricLexicon.default()
    metric = lexicon.metric(operation.metric) if operation.metric else None
    if metric is None:
        return list_papers(world, query)
    label = metric.label(operation.metric_k)
    naming = query.selection.with_clause(Clause((MentionsPhrase(label),)))  # the papers that name it
    facts = []
    for paper in world.select(naming).papers:
        found = _figure_in_metric(paper, metric, operation.metric_k, lexicon)
        if found is not None:
            figure, sentence = found
            facts.append(r.PaperFact(paper, "results", metric=label, figure=figure, sentence=sentence))
    lower = metric.lower_is_better if operation.direction is None else operation.direction == "lower"
    return r.BestResult(label, tuple(facts), lower != operation.least, world.scope(query.selection))


def _group_count(selection: Selection, kind: str) -> int:
    return sum(len(a.ranges) if isinstance(a, During) else 1 for a in selection.positive(kind))


def _compare_label(scope: str) -> str:
    for prefix in ("from ", "in ", "with ", "mentioning ", "about "):
        if scope.startswith(prefix):
            return scope[len(prefix) :]
    return scope


# --- the profile, honesty, small talk


@handles("profile")
def profile(world: World, query: Query) -> r.Result:
    return r.ProfileFigures(query.operation.stat)


@handles("not_on_page")
def not_on_page(world: World, query: Query) -> r.Result:
    missing = query.operation.missing or "venue"
    what = vocabulary().missing_fields.get(missing, missing.replace("_", " "))
    subject = query.subject
    papers = _the_papers(world, query) if query.selection else []
    return r.NotOnPage(
        missing,
        what,
        subject=subject.name if subject else None,
        subject_papers=len(world.corpus.people[subject.key].papers)
        if subject and subject.key in world.corpus.people
        else 0,
        paper=papers[0] if len(papers) == 1 else None,
    )


@handles("chat")
def chat(world: World, query: Query) -> r.Result:
    return r.Chat(query.operation.chat or "greeting", world.examples)


@handles("fallback")
def fallback(world: World, query: Query) -> r.Result:
    suggestions, close = world.suggest(world.text)
    return r.NoMatch(suggestions, close)
