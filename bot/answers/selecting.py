"""Which papers a selection holds, from the corpus indexes; and the selection said in words."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bot.answers.wording import join_and, plural, possessive
from bot.corpus.gazetteer import phrase_pattern
from bot.corpus.model import Corpus, Paper
from bot.query import (
    AboutTopic,
    AmongPapers,
    Atom,
    AuthorCount,
    ByPerson,
    Clause,
    DateRange,
    During,
    HasCode,
    InCategory,
    Introduces,
    MentionsBenchmark,
    MentionsPhrase,
    NamesABenchmark,
    Previous,
    Selection,
    Solo,
    UnknownPerson,
)
from bot.text import compact
from bot.vocabulary import vocabulary

# (topic text, typo-tolerant) -> (paper id, relevance), best first
TopicSearch = Callable[[str, bool], list[tuple[int, float, bool]]]  # (paper id, score, holds every word)


@dataclass(frozen=True, slots=True)
class Selected:
    papers: list[Paper]  # newest first, or by relevance when a topic chose them
    relevance: dict[int, float]  # topic score per paper, when a topic was searched
    unknown_topics: tuple[str, ...] = ()  # topics no paper here is about
    ignored: tuple[str, ...] = ()  # loose words no paper uses, left out because other filters remain


def papers_mentioning(papers: Iterable[Paper], phrase: str) -> list[Paper]:
    """Papers whose title or abstract names `phrase` (whole words, any case or separators); a metric's
    label ("WER", "recall@1") in any of the metric's forms, as the metric lexicon reads them."""
    from bot.understanding.metrics import MetricLexicon

    lexicon = MetricLexicon.default()
    metric = lexicon.named_whole(phrase)
    if metric is not None:
        return [p for p in papers if lexicon.names(f"{p.title}. {p.abstract}", metric)]
    patterns = [x for x in map(phrase_pattern, _number_forms(phrase)) if x is not None]
    return [p for p in papers if any(x.search(p.title) or x.search(p.abstract) for x in patterns)]


def _author_count_fits(listed: int, cut_short: bool, atom: AuthorCount) -> bool:
    """Whether a paper listing `listed` authors (and more unnamed, when cut short) has that many: a list
    cut short has at least one more author than it shows, how many more is not known."""
    if atom.bound == "at least":
        return listed + (1 if cut_short else 0) >= atom.count
    if cut_short:
        return False  # its count is not known, so neither exactly nor at most any number
    return listed == atom.count if atom.bound == "exactly" else listed <= atom.count


def _number_forms(phrase: str) -> list[str]:
    """An acronym in either number: "LLMs" finds "LLM-planned", "GAN" finds "GANs"."""
    if re.search(r"[A-Z]{2,}s$", phrase):
        return [phrase, phrase[:-1]]
    if re.search(r"[A-Z]{2,}$", phrase):
        return [phrase, phrase + "s"]
    return [phrase]


class Selector:
    """Evaluates selections over one corpus."""

    def __init__(self, corpus: Corpus, search_topic: TopicSearch) -> None:
        self.corpus = corpus
        self.search_topic = search_topic
        self._by_date = sorted(corpus.papers, key=lambda p: (p.date, p.id))
        self._dates = [p.date for p in self._by_date]
        self._at_positions: dict[tuple[str, int], set[int]] = {}  # "first-author papers" of thousands, once

    def select(self, selection: Selection, ordered_by_relevance: bool = False) -> Selected:
        relevance: dict[int, float] = {}
        unknown: list[str] = []
        ignored: list[str] = []
        listed = self._listed(selection)
        if listed is not None:
            return Selected(list(listed), relevance, (), ())
        ids: set[int] | None = None
        # (a topic said negated is no filter the loose words could be noise beside: "forced alignmnet
        # for langauges with no pronounciation dictonary" is about the first words, typos and all)
        others = sum(1 for c in selection.clauses if not _loose(c) and not (c.negated and c.kind == "topic"))
        # Beside a benchmark the topic only describes it ("embodied agents in Habitat"): any of its words will do.
        any_word = any(c.kind == "benchmark" and not c.negated for c in selection.clauses)
        alone = others == 0  # loose words are the whole question: read them with typos forgiven
        for clause in sorted(selection.clauses, key=lambda c: c.negated):
            members = self._clause(clause, relevance, unknown, any_word, alone)
            if not members and _loose(clause) and others:
                ignored += [a.text for a in clause.atoms if isinstance(a, AboutTopic)]
                unknown = [u for u in unknown if u not in ignored]
                continue
            if clause.negated:
                ids = (ids if ids is not None else set(self.corpus.by_id)) - members
            else:
                ids = members if ids is None else ids & members
        corpus = self.corpus
        if ids is None:
            papers = list(corpus.newest)
        elif len(ids) * 8 > len(corpus.newest):
            papers = [p for p in corpus.newest if p.id in ids]  # a wide selection: one pass, no sort
        else:
            by_id = corpus.by_id
            papers = [by_id[i] for i in sorted(ids, key=corpus.rank.__getitem__)]
        if relevance and ordered_by_relevance:
            papers.sort(key=lambda p: -relevance.get(p.id, 0.0))  # stable: ties stay newest first
        return Selected(papers, relevance, tuple(unknown), tuple(ignored))

    def _listed(self, selection: Selection) -> Sequence[Paper] | None:
        """The papers of a one-filter selection the corpus lists already, newest first ("papers with
        code", "papers with X"): thousands at 10,000 papers, not worth a set and a walk over all."""
        if len(selection.clauses) != 1:
            return None
        clause = selection.clauses[0]
        if clause.negated or len(clause.atoms) != 1:
            return None
        atom, corpus = clause.atoms[0], self.corpus
        if isinstance(atom, HasCode):
            return corpus.with_code
        if isinstance(atom, InCategory):
            return corpus.by_category.get(atom.code, [])
        if isinstance(atom, MentionsBenchmark):
            return corpus.mentioning(atom.name)
        if isinstance(atom, ByPerson) and atom.position is None:
            person = corpus.people.get(atom.key)
            return person.papers if person else []
        return None

    def _clause(
        self, clause: Clause, relevance: dict[int, float], unknown: list[str], any_word: bool, alone: bool
    ) -> set[int]:
        found: set[int] = set()
        for atom in clause.atoms:
            found |= self.atom_ids(atom, relevance, unknown, any_word, alone)
        return found

    def atom_ids(
        self,
        atom: Atom,
        relevance: dict[int, float],
        unknown: list[str],
        any_word: bool = False,
        alone: bool = False,
    ) -> set[int]:
        corpus = self.corpus
        if isinstance(atom, During):
            return {p.id for r in atom.ranges for p in self._in_range(r)}
        if isinstance(atom, ByPerson):
            person = corpus.people.get(atom.key)
            papers = person.papers if person else []
            if atom.position is None:
                return {p.id for p in papers}
            where = (atom.key, atom.position)
            if where not in self._at_positions:
                if len(self._at_positions) > 256:
                    self._at_positions.clear()
                keys_of, position = corpus.people_keys_of, atom.position
                self._at_positions[where] = {
                    p.id for p in papers if _at_position(keys_of(p), atom.key, position, p.authors_truncated)
                }
            return set(self._at_positions[where])
        if isinstance(atom, UnknownPerson):
            return set()
        if isinstance(atom, MentionsBenchmark):
            return {p.id for p in corpus.mentioning(atom.name)}
        if isinstance(atom, NamesABenchmark):
            return {p.id for p in corpus.papers if p.benchmarks}
        if isinstance(atom, MentionsPhrase):
            return {p.id for p in papers_mentioning(corpus.papers, atom.phrase)}
        if isinstance(atom, InCategory):
            return {p.id for p in corpus.by_category.get(atom.code, [])}
        if isinstance(atom, HasCode):
            return {p.id for p in corpus.with_code}
        if isinstance(atom, Solo):
            researcher = corpus.researcher_key
            return {
                p.id for p in corpus.papers
                if not p.authors_truncated and corpus.people_keys_of(p) == (researcher,)
            }  # fmt: skip
        if isinstance(atom, AuthorCount):
            return {p.id for p in corpus.papers if _author_count_fits(len(p.authors), p.authors_truncated, atom)}
        if isinstance(atom, AboutTopic):
            # Words nobody introduced as a topic match only as written: a typo there is noise, not a topic.
            tolerant = atom.said or alone
            found = self.search_topic(atom.text, tolerant)
            if any_word and len(atom.text.split()) > 1:
                found = [hit for word in atom.text.split() for hit in self.search_topic(word, tolerant)]
            elif not atom.said and not alone:
                # Loose words beside other filters ("quoting my advisor ... her PF papers") count only
                # where a paper holds them all; a near miss is noise, not a topic.
                found = [hit for hit in found if hit[2]]
            if not found:
                unknown.append(atom.text)
            for paper_id, score, _ in found:
                relevance[paper_id] = max(relevance.get(paper_id, 0.0), score)
            return {paper_id for paper_id, _, _ in found}
        if isinstance(atom, AmongPapers):
            return {i for i in atom.ids if i in corpus.by_id}
        if isinstance(atom, Introduces):
            return {p.id for p in corpus.introduced_by.get(compact(atom.name), [])}
        if isinstance(atom, Previous):
            return set()  # the dialogue policy resolves these; one left over means nothing to point at
        raise TypeError(f"unknown atom {atom!r}")

    def _in_range(self, r: DateRange) -> Sequence[Paper]:
        low = 0 if r.start is None else bisect.bisect_left(self._dates, r.start)
        high = len(self._dates) if r.end is None else bisect.bisect_right(self._dates, r.end)
        papers = self._by_date[low:high]
        return [p for p in papers if p.date.month in r.months] if r.months else papers


def _loose(clause: Clause) -> bool:
    """Words nobody introduced as a topic ("wich papers did he write with X")."""
    return not clause.negated and all(isinstance(a, AboutTopic) and not a.said for a in clause.atoms)


def _at_position(keys: tuple[str, ...], key: str, position: int, truncated: bool = False) -> bool:
    if position == -1:
        # The last of a list cut short ("X, Y, Z et al.") is not the last author, and the one author of
        # a solo paper is not a "last author" either (people asking mean the senior place of a team).
        return len(keys) >= 2 and keys[-1] == key and not truncated
    return len(keys) >= position and keys[position - 1] == key


# --- in words


def atom_words(corpus: Corpus, atom: Atom, negated: bool = False) -> str:
    """One filter as a phrase after "papers": "from 2023", "with Ming Yan", "not in CV (Computer Vision)"."""
    if isinstance(atom, During):
        return ("not " if negated else "") + _time_words(atom)
    if isinstance(atom, ByPerson):
        name = atom.name
        if atom.position is not None:
            where = "last listed author" if atom.position == -1 else f"{place_word(atom.position)} author"
            return f"{'without' if negated else 'with'} {name} as {where}"
        if negated and atom.key == corpus.researcher_key:
            return f"not listing {name} among the authors"  # the researcher's own papers all the same
        return f"{'without' if negated else 'with'} {name}"
    if isinstance(atom, UnknownPerson):
        return f"{'without' if negated else 'with'} {atom.name}"
    if isinstance(atom, MentionsBenchmark):
        return f"{'not ' if negated else ''}mentioning {atom.name}"
    if isinstance(atom, NamesABenchmark):
        return f"{'not ' if negated else ''}naming a benchmark or dataset"
    if isinstance(atom, MentionsPhrase):
        return f"{'not ' if negated else ''}mentioning {atom.phrase}"
    if isinstance(atom, InCategory):
        return f"{'outside' if negated else 'in'} {corpus.class_label(atom.code)}"
    if isinstance(atom, HasCode):
        return "without code" if negated else "with code"
    if isinstance(atom, Solo):
        return "with co-authors listed" if negated else "with no co-author listed"
    if isinstance(atom, AuthorCount):
        # a list cut short still counts towards "at least": its authors, not only those listed
        said = plural(atom.count, "listed author") if atom.bound != "at least" else f"at least {atom.count} authors"
        return f"{'not ' if negated else ''}with {'at most ' if atom.bound == 'at most' else ''}{said}"
    if isinstance(atom, AboutTopic):
        return f"{'not ' if negated else ''}about {atom.text}"
    if isinstance(atom, AmongPapers):
        names = [corpus.by_id[i].short_name for i in atom.ids if i in corpus.by_id]
        listed = atom.label if len(names) > 3 else join_and(names)
        return f"other than {listed}" if negated else f"among {listed}"
    if isinstance(atom, Introduces):
        return f"introducing {atom.name}"
    return ""


def _time_words(atom: During) -> str:
    # After a noun "in 2023" reads "from 2023": "papers from 2023", "papers from 2021 or 2023".
    if len(atom.ranges) == 1 and atom.label.split(" ", 1)[0] in _OPEN_BOUNDS:
        return atom.label  # "after 2021" as said, not "since 2022"
    labels = [r.describe().removeprefix("in ") for r in atom.ranges]
    words = join_and(labels, "or")
    return words if words.split(" ", 1)[0] in _TIME_PREPOSITIONS - {"in"} else f"from {words}"


_OPEN_BOUNDS = {"before", "after", "since", "until"}
_TIME_PREPOSITIONS = {"since", "before", "after", "until", "up", "from", "in", "between", "during", "within", "over"}


def clause_words(corpus: Corpus, clause: Clause) -> str:
    if len(clause.atoms) == 1:
        return atom_words(corpus, clause.atoms[0], clause.negated)
    places = _places_of_one_person(clause)
    if places:  # "with Ruth Okafor as first or second author"
        name, positions = places
        wheres = [("last listed" if p == -1 else place_word(p)) for p in positions]
        return f"{'without' if clause.negated else 'with'} {name} as {join_and(wheres, 'or')} author"
    if isinstance(clause.atoms[0], During) and not clause.negated:
        return _time_words(During(tuple(r for a in clause.atoms if isinstance(a, During) for r in a.ranges), ""))
    if clause.negated:
        if all(isinstance(a, During) for a in clause.atoms):  # "not from 2022 or 2023"
            ranges = tuple(r for a in clause.atoms if isinstance(a, During) for r in a.ranges)
            return "not " + _time_words(During(ranges, ""))
        # none of them: "without Ji-woo Kim and without Min-jun Kim", "outside CV (...) and outside LG (...)"
        return join_and([atom_words(corpus, a, negated=True) for a in clause.atoms])
    return join_and([atom_words(corpus, a) for a in clause.atoms], "or")


def describe(corpus: Corpus, selection: Selection, skip: Iterable[str] = ()) -> str:
    """The filters in words: "in CL (Computation and Language) without code from 2023"."""
    skipped = set(skip)
    order = ["category", "benchmark", "topic", "code", "person", "papers", "introduces", "time"]
    clauses = sorted(
        (c for c in selection.clauses if c.kind not in skipped),
        key=lambda c: (order.index(c.kind) if c.kind in order else 99, c.negated),
    )
    joined: list[str] = []
    previous: Clause | None = None
    for clause in clauses:
        word = clause_words(corpus, clause)
        if not word:
            continue
        if previous is not None and _plain_person(previous) and _plain_person(clause):
            joined[-1] = f"{joined[-1]} and {word.removeprefix('with ')}"  # "with Peter Long and Sofia Marchetti"
        else:
            joined.append(word)
        previous = clause
    return " ".join(joined)


def _places_of_one_person(clause: Clause) -> tuple[str, list[int]] | None:
    atoms = clause.atoms
    if not all(isinstance(a, ByPerson) and a.position for a in atoms):
        return None
    people = {a.key for a in atoms if isinstance(a, ByPerson)}
    if len(people) != 1:
        return None
    return atoms[0].name, [a.position for a in atoms if isinstance(a, ByPerson) and a.position]  # type: ignore[union-attr]


def _plain_person(clause: Clause) -> bool:
    atoms = clause.atoms
    return not clause.negated and len(atoms) == 1 and isinstance(atoms[0], ByPerson) and atoms[0].position is None


def place_word(position: int) -> str:
    """An author place in words: "second", or "last" for -1."""
    return "last" if position == -1 else ordinal_word(position)


def ordinal_word(n: int) -> str:
    """ "second", from data/numbers.yaml; "21st" past its words."""
    words = {value: word for word, value in vocabulary().ordinals.items()}
    if n in words:
        return words[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def whose(corpus: Corpus) -> str:
    return possessive(corpus.researcher.name)
