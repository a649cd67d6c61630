"""Query + conversation -> query: what a message means given what came before.

A new full question replaces the context. A follow-up edits the last question: names of a kind
replace that kind's filter ("and 2023?", "what about Ming Yan?", "I meant 2025"), a shift moves
its time ("the year after"), "only/which of those/filter out" narrows the last answer, and words
pointing back are resolved: "those" (the last answer's papers), "it" (the paper in focus), "the
two", "the second one" (as displayed), "them"/"her" (the people of the last answer)."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.corpus.model import Corpus
from bot.dialogue.conversation import ConversationState
from bot.precompiled import compiled_pattern
from bot.query import (
    AboutTopic,
    AmongPapers,
    Atom,
    ByPerson,
    Clause,
    During,
    Operation,
    Previous,
    Query,
    Selection,
    atom_kind,
)
from bot.text import fold
from bot.understanding.recognizer import CHECK_IN_VIEW, OTHER_ITEMS, Recognition
from bot.understanding.time_expressions import Shift, shift_range

PAPER_OPERATIONS = frozenset({"paper_fact"})
PAPER_FIELDS = frozenset({"venue", "paper_citations"})  # what the page lacks about one paper
LIST_OPERATIONS = frozenset({"list", "count", "pick", "rank_groups", "compare", "exists"})
# "what else", not "who else" (other people, of the same paper)
_ELSE = compiled_pattern(
    r"(?<!\bwho )(?<!\bwhom )\b(?:else|others)\b|\bother (?:papers|ones|work|works|things|stuff)\b"
)


class DialoguePolicy:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def decide(self, recognition: Recognition, state: ConversationState) -> Query:
        if state.pending is not None:
            chosen = self._clarified(recognition, state.pending)
            if chosen is not None:
                return chosen
        query = recognition.query
        previous = state.query
        step = recognition.step
        if (
            previous is not None
            and not step
            and previous.operation.name == "pick"
            and recognition.shift is not None
            and recognition.shift.unit == "span"
            and not previous.selection.has("time")
        ):
            step = 1 if recognition.shift.amount < 0 else -1  # "her newest paper", then "and before that?"
        recognition = replace(recognition, step=step) if step != recognition.step else recognition
        if previous is not None and recognition.step and previous.operation.name == "pick":
            # "and the one before it?": the neighbour of the paper picked last, in date order.
            rank = previous.operation.rank or 1
            step = recognition.step if previous.operation.order != "oldest" else -recognition.step
            return previous.with_operation(rank=max(1, rank + step))
        if previous is not None and recognition.step and previous.operation.name == "paper_fact" and state.focus:
            # "who are its authors?" then "and the one before it?": the same question of its neighbour in date order
            neighbour = self._neighbour(state.focus[-1], recognition.step)
            if neighbour is not None:
                kept = tuple(c for c in previous.selection.clauses if c.kind != "papers")
                picked = Selection(kept).with_clause(Clause((AmongPapers((neighbour,), "it"),)))
                return replace(previous.with_selection(picked), operation=replace(previous.operation, order=None))
        if previous is not None and _about_a_figure(previous) and recognition.query.selection.has("papers"):
            # "total citations?" then "how many of those are from X?": a figure of one paper.
            return replace(
                query,
                intent="not_on_page_paper_citations",
                operation=Operation("not_on_page", missing="paper_citations"),
            )
        if previous is not None and self._edits_previous(recognition, previous, state):
            query = self._edit(previous, recognition, state)
        elif _ELSE.search(recognition.reply.casefold()) and (state.shown or state.focus) and query.selection:
            # "what else did he do with X?": the last answer's papers are not wanted again; after an
            # answer listing none ("who wrote it?"), the paper it was about.
            seen = state.shown or state.focus[-1:]
            query = query.with_selection(
                query.selection.with_clause(Clause((AmongPapers(seen, "the last answer"),), negated=True))
            )
        if query.operation.check == (CHECK_IN_VIEW,):  # "is it her newest paper?": "it" is the paper in view
            query = replace(query, operation=replace(query.operation, check=state.focus[-1:]))
        query = self._other_pronoun(query, recognition, state)
        return _without_contradictions(self._resolve(query, state))

    def _other_pronoun(self, query: Query, recognition: Recognition, state: ConversationState) -> Query:
        """A conversation that called the researcher "he" means by "she" the person in view (the top
        co-author just ranked, the person just named), and the other way round. Remembers which
        pronoun the conversation uses for the researcher."""
        said = recognition.pronoun
        if said is None:
            return query
        researcher = self.corpus.researcher_key
        others = [a for a in query.selection.atoms() if isinstance(a, ByPerson) and a.key != researcher]
        if state.researcher_pronoun in (None, said) or not state.people:
            if (not others or recognition.pronoun_leads) and not any(
                isinstance(a, Previous) for a in query.selection.atoms()
            ):
                state.researcher_pronoun = said  # "what has she done with Tomás?": she is the researcher
            return query
        key = state.people[0]
        person = ByPerson(key, self.corpus.people[key].name)
        clauses: list[Clause] = []
        swapped = False
        for clause in query.selection.clauses:
            atoms = tuple(
                ByPerson(person.key, person.name, a.position) if isinstance(a, ByPerson) and a.key == researcher else a
                for a in clause.atoms
            )
            swapped = swapped or atoms != clause.atoms
            clauses.append(Clause(atoms, clause.negated))
        if not swapped and not others and query.operation.name in LIST_OPERATIONS:
            clauses.append(Clause((person,)))  # "how many papers does she have?": hers
        return query.with_selection(Selection(tuple(clauses)))

    # --- follow-ups

    def _edits_previous(self, recognition: Recognition, previous: Query, state: ConversationState) -> bool:
        query = recognition.query
        if recognition.spec.operation in ("chat", "not_on_page") and recognition.cued:
            return False
        if recognition.restrict and previous.operation.name == "rank_groups" and state.listed_people:
            return False  # "which ones is that coauthor not on?" after a ranking of people: papers, asked anew
        if recognition.restrict and previous.operation.name in ("profile", "chat", "fallback", "not_on_page"):
            return False  # "any with code?" after "h-index?": no list in view to narrow
        if recognition.shift is not None or recognition.flips:
            return True
        if query.operation.order is not None and len(state.shown) < 2 and previous.operation.name in PAPER_OPERATIONS:
            return False  # "the oldest one" after one paper's answer: picked anew, of the last list or of all
        if recognition.restrict:
            return True
        if recognition.cued and _only_reorders(query) and previous.operation.name in LIST_OPERATIONS:
            return True  # "oldest first", "sort by date": the last list in another order
        if recognition.bare and query.operation.name == "count" and previous.operation.name in LIST_OPERATIONS:
            return True  # "how many is that?": the last list, counted
        if recognition.bare and query.operation.name == "pick" and previous.operation.name in LIST_OPERATIONS:
            # "did she work with X?", then "when was the first time?"; but after an empty answer
            # ("and 2018?": none), "what's the earliest paper then?" asks anew
            return bool(previous.selection) and bool(state.shown)
        if recognition.cued and not recognition.opener:
            return False
        if recognition.cued and previous.operation.name in PAPER_OPERATIONS and query.operation.name != "paper_fact":
            return False  # "and besides that one, what else ...": a new list, not the last paper's facts
        kinds = {atom_kind(a) for a in query.selection.atoms(negated=False)}
        if not kinds and query.operation.name == "fallback":
            return False
        items = any(isinstance(a, Previous) and a.what == "item" for a in query.selection.atoms())
        if items and previous.operation.name in LIST_OPERATIONS:
            return False  # "and the other one?" after a list: that paper, not the list filtered down to it
        if recognition.opener:
            return True
        if "papers" in kinds:
            # A paper named after a list is a question about that paper; after a paper, its sibling.
            return previous.operation.name in PAPER_OPERATIONS
        return kinds <= previous.selection.kinds() | {"time"} or previous.operation.name != "list"

    def _edit(self, previous: Query, recognition: Recognition, state: ConversationState) -> Query:
        new = recognition.query
        if recognition.flips and previous.selection.clauses:
            # "only the ones with code", then "and the ones without?": the same list, its last filter negated
            *kept, last = previous.selection.clauses
            return replace(previous, selection=Selection((*kept, Clause(last.atoms, not last.negated))))
        if recognition.restrict:
            base = previous.selection
            if state.shown and (previous.operation.limit or previous.operation.name not in LIST_OPERATIONS):
                base = base.restricted_to(state.shown, f"those {len(state.shown)} papers")
            added = [c for c in new.selection.clauses if not _points_at_last_list(c)]
            selection = Selection((*base.clauses, *added))
        elif recognition.bare:
            selection = previous.selection  # "how many is that?": "that" is the last list, not a paper
        else:
            selection = previous.selection
            positive_kinds = {c.kind for c in new.selection.clauses if not c.negated}
            if previous.operation.name in PAPER_OPERATIONS and positive_kinds & {"papers", "topic"}:
                positive_kinds |= {"papers", "topic"}  # "and the live-streaming one?": another paper
            replaced = selection
            selection = selection.without(*positive_kinds)
            selection = Selection((*selection.clauses, *_keep_positions(replaced, new.selection).clauses))
        if recognition.pronoun_position and state.researcher_pronoun != recognition.pronoun:
            # (the pronoun this conversation already uses for the researcher stays the researcher's)
            selection = self._position_to_last_person(selection, previous)
        if recognition.shift is not None:
            selection = _shifted(selection, recognition)
        reorder = _only_reorders(new)
        operation = new.operation if recognition.cued and not reorder else previous.operation
        intent = new.intent if recognition.cued and not reorder else previous.intent
        if reorder:
            operation = replace(operation, order=new.operation.order)
        if not recognition.cued and new.operation.order:
            operation = replace(operation, order=new.operation.order)
        return replace(
            previous,
            intent=intent,
            operation=operation,
            selection=selection,
            ambiguous=new.ambiguous,
            notes=new.notes,
            subject=new.subject or previous.subject,
        )

    def _clarified(self, recognition: Recognition, pending: Query) -> Query | None:
        """The reply to "Which Li do you mean?": a full name, a number, or something else entirely."""
        ambiguity = pending.ambiguous[0]
        candidates = ambiguity.keys
        chosen = [a.key for a in recognition.query.selection.atoms("person") if isinstance(a, ByPerson)]
        chosen = [k for k in chosen if k in candidates]
        number = re.fullmatch(r"\W*(?:number |no\.? ?|#)?(\d{1,2})\W*", recognition.reply.lower())
        if not chosen and number and 1 <= int(number.group(1)) <= len(candidates):
            chosen = [candidates[int(number.group(1)) - 1]]
        if not chosen and recognition.reply:
            names = {self.corpus.people[k].name: k for k in candidates if k in self.corpus.people}
            from rapidfuzz import fuzz, process  # imported on first use: most starts never need it

            best = process.extractOne(
                recognition.reply, list(names), scorer=fuzz.WRatio, processor=str.casefold, score_cutoff=88
            )
            if best:
                chosen = [names[best[0]]]
        if not chosen:
            return None
        person = self.corpus.people[chosen[0]]
        return replace(
            pending,
            selection=pending.selection.with_clause(Clause((ByPerson(person.key, person.name),))),
            ambiguous=pending.ambiguous[1:],
        )

    # --- words pointing back

    def _resolve(self, query: Query, state: ConversationState) -> Query:
        clauses: list[Clause] = []
        topics = [a for a in query.selection.positive("topic") if isinstance(a, AboutTopic)]
        describes = query.operation.name in PAPER_OPERATIONS and bool(topics)
        it = any(atom == Previous("paper") for atom in query.selection.atoms())
        if describes and it and state.focus and self._holds(state.focus[-1], topics):
            # "what normalised score did it get?": the paper in view has those words, so "it" is that one
            describes = False
            if query.operation.field not in ("results", "quantity"):
                # (a figure's question keeps them: "what success rate does it reach on MT50?" is about MT50)
                query = query.with_selection(Selection(tuple(c for c in query.selection.clauses if c.kind != "topic")))
        for clause in query.selection.clauses:
            if describes and clause.atoms == (Previous("paper"),):
                continue  # "and the live-streaming one, when was that?": "that" is the one described
            atoms: list[Atom] = []
            for atom in clause.atoms:
                if isinstance(atom, Previous):
                    atoms += self._previous(atom, state, picking=query.operation.order is not None)
                else:
                    atoms.append(atom)
            if not atoms:
                continue
            if (
                all(isinstance(a, ByPerson) for a in atoms)
                and not clause.negated
                and len(atoms) > 1
                and any(isinstance(a, Previous) and a.what == "people" for a in clause.atoms)
            ):
                clauses += [Clause((a,)) for a in atoms]  # "the papers with them": with each of them
            else:
                clauses.append(Clause(tuple(atoms), clause.negated))
        selection = Selection(tuple(clauses))
        about_one_paper = query.operation.name in PAPER_OPERATIONS or query.operation.missing in PAPER_FIELDS
        if query.operation.order is not None:
            about_one_paper = False  # "when was his oldest paper published?": picked by date, not the one in view
        names_none = not (selection.has("papers") or selection.has("topic") or selection.has("introduces"))
        if about_one_paper and names_none and state.focus:
            # "who is the first author?", "was it at a conference?": the paper the conversation is about.
            selection = selection.with_clause(Clause((AmongPapers(state.focus[-1:], "it"),)))
        return query.with_selection(selection)

    def _position_to_last_person(self, selection: Selection, previous: Query) -> Selection:
        """ "papers with Kevin Zhang", then "only the ones where he is first author": the pronoun is the
        person the conversation last named, not the researcher (whom the recogniser assumed)."""
        researcher = self.corpus.researcher_key
        named = [
            a for c in previous.selection.clauses if not c.negated for a in c.atoms
            if isinstance(a, ByPerson) and a.key != researcher and a.position is None
        ]  # fmt: skip
        if len(named) != 1:
            return selection
        person = named[0]
        clauses = []
        for clause in selection.clauses:
            atoms = clause.atoms
            if len(atoms) == 1 and isinstance(atoms[0], ByPerson) and atoms[0].key == researcher and atoms[0].position:
                clause = Clause((ByPerson(person.key, person.name, atoms[0].position),), clause.negated)
            elif atoms == (person,) and not clause.negated and not _negated_position(selection, researcher):
                continue  # "with Kevin" is implied by "Kevin first author" (but not by "Kevin not first author")
            clauses.append(clause)
        return Selection(tuple(clauses))

    def _neighbour(self, paper_id: int, step: int) -> int | None:
        """The paper `step` places older (positive) or newer (negative) in the profile's date order."""
        rank = self.corpus.rank.get(paper_id)
        if rank is None or not 0 <= rank + step < len(self.corpus.newest):
            return None
        return self.corpus.newest[rank + step].id

    def _holds(self, paper_id: int, topics: list[AboutTopic]) -> bool:
        paper = self.corpus.by_id.get(paper_id)
        if paper is None:
            return False
        text = fold(f"{paper.title} {paper.abstract}")
        return all(word in text for topic in topics for word in fold(topic.text).split())

    def _previous(
        self, atom: Previous, state: ConversationState, picking: bool = False
    ) -> list[ByPerson | AmongPapers]:
        shown, focus = state.shown, state.focus
        if picking and len(shown) < 2:
            shown = state.listed  # "the oldest one" after one paper's answer: of the last list, or of all
        if atom.what == "papers" and not shown and state.listed_people:
            # "show me those papers" after a ranking of co-authors: the top one's
            key = state.listed_people[0]
            return [ByPerson(key, self.corpus.people[key].name)] if key in self.corpus.people else []
        if atom.what == "papers":
            return [AmongPapers(shown, f"those {len(shown)} papers")] if shown else []
        if atom.what == "paper":
            return [AmongPapers(focus[-1:], "it")] if focus else []
        if atom.what == "pair":
            two = shown if len(shown) == 2 else focus if len(focus) == 2 else shown[:2]
            return [AmongPapers(two, "those 2 papers")] if two else []
        if atom.what == "item" and atom.index == OTHER_ITEMS:
            return self._others(state)
        if atom.what == "item" and state.listed_people:
            index, keys_listed = atom.index or 1, state.listed_people
            if index == -1 or 1 <= index <= len(keys_listed):
                key = keys_listed[index - 1] if index > 0 else keys_listed[-1]
                return [ByPerson(key, self.corpus.people[key].name)] if key in self.corpus.people else []
            return []
        if atom.what == "item":
            index, listed = atom.index or 1, state.listed
            if listed and (index == -1 or 1 <= index <= len(listed)):
                return [AmongPapers((listed[index - 1] if index > 0 else listed[-1],), "that one")]
            return []
        if atom.what == "author":
            # "the first author" of the paper in view, as a person.
            paper = self.corpus.by_id.get(focus[-1]) if focus else None
            keys = self.corpus.people_keys_of(paper) if paper else ()
            index = atom.index or 1
            if not keys or not (index == -1 or index <= len(keys)):
                return []
            key = keys[index - 1] if index > 0 else keys[-1]
            return [ByPerson(key, self.corpus.people[key].name)]
        keys = state.people
        if atom.what == "people" and atom.index and len(keys) < atom.index:
            keys = tuple(dict.fromkeys((*keys, *state.people_before)))[: atom.index]
        people = [self.corpus.people[k] for k in keys if k in self.corpus.people]
        if atom.what == "person" and len(people) > 1 and state.listed_people:
            people = people[:1]  # "that coauthor" after a ranking of co-authors: its top one
        if atom.what == "person" and len(people) != 1:
            return []  # "with him" with nobody else in view: the researcher, on every paper anyway
        return [ByPerson(p.key, p.name) for p in people]

    @staticmethod
    def _others(state: ConversationState) -> list[ByPerson | AmongPapers]:
        """ "the other one": of the last list, the papers the last answer did not show; after a whole
        list ("which of those is he first author on?"), of the list before it."""
        shown = set(state.shown)
        for listed in (state.listed, state.listed_before):
            rest = tuple(i for i in listed if i not in shown)
            if rest and len(rest) < len(listed) and shown <= set(listed):
                return [AmongPapers(rest, "the other one" if len(rest) == 1 else f"the other {len(rest)}")]
        return []


def _negated_position(selection: Selection, researcher: str) -> bool:
    return any(
        c.negated and isinstance(a, ByPerson) and a.key == researcher and a.position
        for c in selection.clauses
        for a in c.atoms
    )


def _about_a_figure(query: Query) -> bool:
    return query.operation.name == "profile" and query.operation.stat in ("citations", "h_index")


def _only_reorders(query: Query) -> bool:
    return query.operation.name == "list" and query.operation.order is not None and not query.selection


def _points_at_last_list(clause: Clause) -> bool:
    return any(isinstance(a, Previous) and a.what == "papers" for a in clause.atoms)


def _keep_positions(replaced: Selection, new: Selection) -> Selection:
    """ "Omar's first-author papers", then "what about Kevin?": Kevin takes Omar's author position."""
    positions = {
        (a.position, c.negated) for c in replaced.clauses for a in c.atoms if isinstance(a, ByPerson) and a.position
    }
    if len(positions) != 1:
        return new
    position, negated = positions.pop()
    clauses = []
    for clause in new.clauses:
        atoms = clause.atoms
        if len(atoms) == 1 and isinstance(atoms[0], ByPerson) and atoms[0].position is None and not clause.negated:
            clause = Clause((ByPerson(atoms[0].key, atoms[0].name, position),), negated)
        clauses.append(clause)
    return Selection(tuple(clauses))


def _without_contradictions(query: Query) -> Query:
    """ "papers with Ana Ruiz", then "and without him?": the person now excluded, no longer also
    required (a filter and its negation together can only mean the later one)."""
    excluded = set(query.selection.atoms(negated=True))
    if not excluded:
        return query
    kept = tuple(c for c in query.selection.clauses if c.negated or not set(c.atoms) <= excluded)
    return query if len(kept) == len(query.selection.clauses) else query.with_selection(Selection(kept))


def _shifted_during(atom: During, shift: Shift) -> During:
    """The time moved, said anew: "since 2024", then "before that?" is "before 2024", not "since 2024"."""
    ranges = tuple(shift_range(r, shift) for r in atom.ranges)
    return During(ranges, " or ".join(r.describe().removeprefix("in ") for r in ranges))


def _shifted(selection: Selection, recognition: Recognition) -> Selection:
    shift = recognition.shift
    assert shift is not None
    clauses = []
    for clause in selection.clauses:
        if clause.kind == "time" and not clause.negated:
            atoms = tuple(_shifted_during(a, shift) if isinstance(a, During) else a for a in clause.atoms)
            clauses.append(Clause(atoms, clause.negated))
        else:
            clauses.append(clause)
    return Selection(tuple(clauses))
