"""From a read question to its selection: which filters it names, which of them a "not" governs,
and how filters of one kind combine.

The question becomes a row of units (filters, negation cues, "and"/"or", author positions, words
pointing back at the conversation). A negation cue governs the next filter group when only bridge
words stand between them ("without any code", "except the ones with Ming Yan"); a group is filters
of one kind joined by "and", "or" or commas. A paper has one date and one class, so "2020 and 2021"
or "CV and CL" can only mean either; it lists several people and benchmarks, so "with A and B"
means both and "with A or B" either. A negated group excludes every member ("except CV and CL").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Literal

from bot.corpus.model import Corpus
from bot.corpus.topics import may_be_a_term
from bot.precompiled import compiled_pattern
from bot.query import (
    AboutTopic,
    Ambiguity,
    AmongPapers,
    Atom,
    AuthorCount,
    ByPerson,
    Clause,
    DateRange,
    During,
    HasCode,
    InCategory,
    MentionsBenchmark,
    MentionsPhrase,
    NamesABenchmark,
    Previous,
    Selection,
    Solo,
    UnknownPerson,
    atom_kind,
)
from bot.text import compact, fold
from bot.understanding.entities import Entity
from bot.understanding.reading import Item, Named, Reading, Word
from bot.vocabulary import Vocabulary, phrase_alternation

Role = Literal["atom", "negation", "or", "and", "position", "mention_verb", "else", "restrict", "similar", "spent"]
SINGLE_VALUED = frozenset({"time", "category", "code", "solo", "papers", "introduces"})
_NAME_SHAPED = compiled_pattern(r"[A-Z0-9]")
_POSITION = compiled_pattern(r"^(?:the )?(?P<which>[\w]+) (?:listed |named |credited )?author\b")
_ORDINAL_DIGITS = compiled_pattern(r"\d{1,3}(?:st|nd|rd|th)")
NEAR = 6
FAMILY_WORDS = frozenset(
    {"ones", "papers", "family", "series", "versions", "line", "models"}
)  # items between an author position and the person it belongs to


@dataclass(slots=True)
class Unit:
    start: int  # stream item indices [start, end)
    end: int
    role: Role
    atom: Atom | None = None
    position: int | None = None
    entities: tuple[Entity, ...] = ()
    negate: bool = False  # negated through an author position ("where he is not the first author")
    group: tuple[Atom, ...] = ()  # several people one word names ("the Kims"): any of them
    target: Unit | None = None  # position: the person unit it belongs to


@dataclass(frozen=True, slots=True)
class Built:
    """A question's filters: the selection, and what the recogniser decides about the rest."""

    selection: Selection
    ambiguous: tuple[Ambiguity, ...] = ()
    # Author positions that found no person ("who is the 2nd author", "where he is not first author"),
    # each with whether a "not" governs it.
    positions: tuple[tuple[int, bool], ...] = ()
    researcher_named: bool = False
    topic_cued: bool = False  # a topic introduced by "about", "on", "related to", ...
    restrict: bool = False  # "only", "which of these", "the ones": narrows the last answer
    papers_named: tuple[int, ...] = ()
    benchmarks_named: tuple[str, ...] = ()
    people_named: tuple[str, ...] = ()
    person_subjects: tuple[ByPerson, ...] = ()  # positive person filters, in order
    kinds: frozenset[str] = field(default_factory=frozenset)
    dangling_negation: bool = False  # a "not"/"without" with no filter after it: "and the ones without?"


class SelectionBuilder:
    """Built once per corpus."""

    def __init__(
        self,
        corpus: Corpus,
        vocabulary: Vocabulary,
        topic_stopwords: frozenset[str],
        is_topic_cue: Callable[[str], bool],
        papers_using: Callable[[str], int] = lambda word: 0,
        phrase_used: Callable[[str], bool] = lambda phrase: False,
    ) -> None:
        self.corpus = corpus
        self.papers_using = papers_using  # how many titles or abstracts hold a word
        self.phrase_used = phrase_used  # does a title or an abstract hold these words as a phrase
        self.vocabulary = vocabulary
        self.topic_stopwords = topic_stopwords  # words that never carry a topic
        self.is_topic_cue = is_topic_cue
        v = vocabulary
        negated_verbs = _negated_verbs(v)
        self.patterns: list[tuple[Role | str, re.Pattern[str]]] = [
            ("solo", v.pattern("solo_words")),  # before "her" is read as a person: "on her own"
            ("shared", v.pattern("shared_words")),
            ("similar", v.pattern("similar_words")),
            ("back_people", v.pattern("back_people")),
            ("back_pair", v.pattern("back_pair")),
            ("back_papers", v.pattern("back_papers")),
            ("back_paper", v.pattern("back_paper")),
            ("back_person", v.pattern("back_person")),
            # the negated verbs first: "does not use" before the "does not" it starts with
            (
                "negation",
                compiled_pattern(rf"(?<![\w@])(?:{negated_verbs}|{phrase_alternation(v.words('negation'))})(?![\w@])"),
            ),
            ("restrict", v.pattern("restrict_words")),
            ("codeless", v.pattern("codeless_words")),  # before "code": "code-less" is no code
            ("code", v.pattern("code_words")),
            ("or", v.pattern("or_words")),
            ("and", v.pattern("and_words")),
            ("mention_verb", v.pattern("mention_verbs")),
            ("any_benchmark", v.pattern("any_benchmark")),
            ("else", v.pattern("back_else")),
        ]
        self.change_verbs = frozenset(v.words("change_verbs"))
        self.imperative_negations = frozenset(v.words("imperative_negations"))
        self.order_words = frozenset(w for w in (*v.words("order_newest"), *v.words("order_oldest")) if " " not in w)
        # "except the two newest": a pick by date, not the pair of the last answer
        self.order_after = compiled_pattern(
            rf"\s+(?:{v.pattern('order_newest').pattern}|{v.pattern('order_oldest').pattern})"
        )
        self.change_after = compiled_pattern(
            r"\s+(?:to|by|from|below|under|on|in|when|sharply|significantly|much|a lot|dramatically)\b"
        )
        introducers = [*v.words("mention_verbs"), *v.words("negation"), *v.words("any_benchmark_after")]
        self.loose_solo = frozenset(v.words("solo_loose_words"))
        self.solo_context = frozenset(
            (*v.words("solo_context_words"), *v.words("authorship_verbs"), *v.words("researcher_pronouns"))
        )
        self.any_benchmark_context = compiled_pattern(rf"(?:{negated_verbs}|{phrase_alternation(introducers)})\s+$")
        self.describes_one_benchmark = compiled_pattern(rf"\s+(?:{v.pattern('any_benchmark_not_before').pattern})")
        self.topic_before = compiled_pattern(rf"(?:{v.pattern('topic_before').pattern})$")
        self.topic_after = frozenset(v.words("topic_after"))
        subject_verbs = phrase_alternation(v.words("back_paper_subject_verbs"))
        self.final_reference = compiled_pattern(
            rf"(?:{v.pattern('back_paper_final').pattern})\W*$"
            rf"|\b(?:did|does|do|was|is|has|have) (?:this|that)(?= (?:{subject_verbs})\b)"
        )
        self.listing_verbs = frozenset(v.words("listing_verbs"))
        self.data_nouns = frozenset(v.words("data_nouns"))
        self.list_nouns = frozenset(v.words("list_nouns"))
        self.paper_words = frozenset(v.words("one_paper_words")) | frozenset(v.words("paper_nouns"))
        self.dating_prepositions = frozenset(v.words("dating_prepositions"))
        self.yes_no_openers = frozenset(v.words("yes_no_openers"))
        self.paper_bounds = {
            **{phrase: "after" for phrase in v.words("after_paper_words")},
            **{phrase: "before" for phrase in v.words("before_paper_words")},
        }
        # "papers that don't list her": a listing verb stands between a "not" and the person it negates
        self.code_giving = frozenset(v.words("code_giving_words"))
        self.bridge = frozenset(v.words("negation_bridge")) | frozenset(v.words("or_words")) | self.listing_verbs
        self.researcher_subjects = frozenset(v.words("researcher_subjects"))
        # the researcher said as a pronoun, or by name ("where tariq isn't in the author list", "Yuki's
        # name not shown": the name is a § here, the researcher's only, checked when claimed)
        pronouns = phrase_alternation([*v.words("researcher_subjects"), "§"])
        listed = phrase_alternation(v.words("listed_as_author"))
        whose = phrase_alternation([*v.words("researcher_possessives"), "§ s", "§"])
        objects = phrase_alternation([*v.words("researcher_objects"), "§"])
        shows = phrase_alternation(v.words("name_shown_verbs"))
        which_list = phrase_alternation(v.words("author_list_adjectives"))
        author_list = (
            rf"(?:the\s+)?(?:(?:{which_list})\s+)?"
            r"(?:author\s+list|authors?\s+line|list\s+of\s+authors|authors|byline)\b"
        )
        self.researcher_absent = compiled_pattern(
            rf"(?<!\w)(?:{pronouns})\s+(?:is\s+|was\s+|are\s+|were\s+)?(?:not|never)\s+(?:{listed})\b"
            # (the words as read: "isn't" is "isn t")
            rf"|\b(?:isn t|wasn t|aren t|weren t|is not|was not)\s+(?:{pronouns})\s+(?:{listed})\b"
            rf"|\b(?:doesn t|does not|don t|do not|didn t|did not)\s+(?:even\s+)?(?:{shows})\s+(?:{whose})\s+name\b"
            # "papers that don't even list her among the shown authors"
            rf"|\b(?:doesn t|does not|don t|do not|didn t|did not)\s+(?:even\s+)?(?:{shows})\s+(?:{objects})"
            rf"\s+(?:among|in|on)\s+{author_list}"
            rf"|\bwithout\s+(?:{whose})\s+name\b"
            rf"|(?<!\w)(?:{whose})\s+name\s+(?:is\s+)?(?:missing|absent|hidden|not\s+(?:shown?|listed))\b"
            # "where her name isn't even in the (visible) author list"
            rf"|(?<!\w)(?:{whose})\s+name\s+(?:isn t|is not|doesn t appear|does not appear)"
            rf"\s+(?:even\s+)?(?:in|on|among)\b"
            rf"(?:\s+{author_list})?"
            # "where she isn't in the listed authors"
            rf"|(?<!\w)(?:{pronouns})\s+(?:isn t|wasn t|is not|was not)\s+(?:even\s+)?(?:in|on|among)\s+{author_list}"
            # "which papers doesn't he appear on", "where she does not show up in the author list"
            rf"|\b(?:doesn t|does not|didn t|did not)\s+(?:{pronouns})\s+(?:appear|show\s+up)\b"
            rf"|(?<!\w)(?:{pronouns})\s+(?:doesn t|does not|didn t|did not)\s+(?:appear|show\s+up)\b"
            # "on which papers is she not in the author list", "where isn't she among the listed authors"
            rf"|\b(?:(?:is|was)\s+(?:{pronouns})\s+not|(?:isn t|wasn t)\s+(?:{pronouns}))"
            rf"\s+(?:even\s+)?(?:in|on|among)\s+{author_list}"
        )
        # "is amadou actually on the KoraMT paper?", "is she an author of X?": the researcher, asked about
        self.researcher_present = compiled_pattern(
            rf"^\W*(?:is|was)\s+(?:{pronouns})\s+(?:actually\s+|really\s+|even\s+|also\s+)?"
            rf"(?:on|in|among\s+the\s+authors\s+of|(?:an|a\s+co-?)\s*author\s+(?:of|on)|listed\s+(?:on|in))"
            rf"(?=\s+(?:the\s+)?§)"
        )
        self.lead_verb = compiled_pattern(
            r"\b(?P<by>led|first[- ]authored) by\b"
            r"|\b(?:does|did|do|has|have)\b(?:\s+[^\s?]+){1,4}?\s+(?P<asked>lead|first[- ]authored)\b"
            r"(?!\s+(?:to|authors?)\b)"
            r"|\b(?:she|he|they)\s+(?P<said>led|leads|first[- ]authored)\b(?!\s+to\b)"
        )
        ordinals = "|".join(sorted(v.ordinals, key=lambda w: (-len(w), w)))
        self.listed_at = compiled_pattern(
            rf"(?<!\w)listed (?P<which>{ordinals}|last|final|\d{{1,2}}(?:st|nd|rd|th))(?!\w)(?! (?:author|writer))"
        )
        bounds = v.groups["author_count_bounds"]
        self.count_bounds = {name: frozenset(words) for name, words in bounds.items()}
        # ("a", "an" are no counts here: "is she an author on it?")
        cardinals = "|".join(sorted((w for w in v.cardinals if w not in ("a", "an")), key=lambda w: (-len(w), w)))
        count = rf"(?P<n>{cardinals}|\d{{1,2}})"
        bound = rf"(?:(?P<bound>{phrase_alternation([w for ws in bounds.values() for w in ws])}) )?"
        self.author_count = compiled_pattern(
            # "two-author papers", "papers with exactly 3 authors", "more than four co-authors"
            rf"(?<!\w){bound}{count} (?:listed |named )?(?P<co>co ?)?"
            rf"(?:authors(?!\w)(?! (?:order|list|position))|author(?= (?:papers?|ones?|works?|pubs?)\b))"
        )
        self.presence = v.pattern("presence_words")
        positions = v.groups["position_words"]
        self.last_words = frozenset(positions["last"])
        self.lead_words = frozenset(positions["lead"])
        said_positions = phrase_alternation([*positions["last"], *positions["lead"]])
        self.position_pattern = compiled_pattern(
            rf"(?<!\w)(?:the )?(?P<which>{ordinals}|{said_positions}|\d{{1,2}}(?:st|nd|rd|th))"
            r"(?: listed| named| credited)? (?:author|writer)(?:s)?(?!\w)"
        )

    # --- the row of units

    def units(
        self, reading: Reading, frame_words: frozenset[str], said: tuple[tuple[int, int], ...] = ()
    ) -> list[Unit]:
        """`said` are character spans of the question already understood (the metric asked for)."""
        stream = reading.stream
        text, offsets = _item_text(stream)
        claimed: set[int] = {i for i, item in enumerate(stream) for s, e in said if item.start < e and s < item.end}
        units: list[Unit] = []

        def claim(start: int, end: int, researcher_too: bool = False) -> tuple[int, int] | None:
            first, last = _items_in(offsets, start, end)
            if first is None or last is None or any(i in claimed for i in range(first, last + 1)):
                return None
            if any(
                not isinstance(stream[i], Word) and not (researcher_too and self._the_researcher(stream[i]))
                for i in range(first, last + 1)
            ):
                return None
            claimed.update(range(first, last + 1))
            return first, last + 1

        for match in self.position_pattern.finditer(text):
            span = claim(*match.span())
            number = self.vocabulary.number(match.group("which"))
            which = match.group("which")
            position = -1 if which in self.last_words else 1 if which in self.lead_words else number
            if span and position:
                units.append(Unit(*span, "position", position=position))
        for match in self.listed_at.finditer(text):
            # "is she ever listed third?", "listed last"
            which = match.group("which")
            position = -1 if which in ("last", "final") else self.vocabulary.number(which)
            span = claim(*match.span())
            if span and position:
                units.append(Unit(*span, "position", position=position))
        for match in self.author_count.finditer(text):
            atom = self._author_count(match)
            span = claim(*match.span()) if atom else None
            if span and atom:
                units.append(Unit(*span, "atom", atom=atom))
        for match in self.lead_verb.finditer(text):
            # "which papers does Joaquín lead?", "papers led by Ana", "which did she lead?": first author
            verb = next(group for group in ("by", "asked", "said") if match.group(group))
            span = claim(*match.span(verb))
            if span:
                units.append(Unit(*span, "position", position=1))
        for match in self.researcher_present.finditer(text):
            researcher = self.corpus.people.get(self.corpus.researcher_key)
            span = claim(*match.span(), researcher_too=True)
            if span and researcher is not None:
                units.append(Unit(*span, "atom", atom=ByPerson(researcher.key, researcher.name)))
        for match in self.researcher_absent.finditer(text):
            # "which papers is she not an author on?": the researcher, negated
            researcher = self.corpus.people.get(self.corpus.researcher_key)
            span = claim(*match.span(), researcher_too=True)
            if span and researcher is not None:
                units.append(Unit(*span, "atom", atom=ByPerson(researcher.key, researcher.name), negate=True))
        topic_words: set[int] = set()
        for role, pattern in self.patterns:
            for match in pattern.finditer(text):
                if role == "back_pair" and self.order_after.match(text, match.end()):
                    continue
                if role == "code" and (
                    self._names_a_topic(text, match.end(), frame_words)
                    or self._in_a_concept(text, match.start())
                    or self._kind_of_code(match.group(), stream, offsets, match.start(), frame_words)
                ):
                    first, last = _items_in(offsets, *match.span())
                    if first is not None and last is not None:
                        topic_words.update(range(first, last + 1))
                    continue  # "papers about code generation": a topic that says code
                if role == "negation" and self._term_of_the_papers(
                    text, match, _hyphen_after(reading.text, stream, offsets, match)
                ):
                    continue  # "the non-manual markers paper": a term the papers write, not "not manual"
                if (
                    role == "negation"
                    and match.group() in self.change_verbs
                    and self.change_after.match(text, match.end())
                ):
                    continue  # "what did the override rate drop to?": a change, not "drop the X ones"

                if (
                    role == "solo"
                    and match.group() in self.loose_solo
                    and not self._says_authorship(stream, offsets, match.start())
                ):
                    claim(*match.span())  # "voids alone", "LSST on their own": a thing by itself
                    continue
                if role == "back_paper" and text[: match.start()].endswith("§ on "):
                    continue  # "stuff without Zsófia Nagy on it": the papers asked for, not one in view
                if role == "any_benchmark" and not (
                    self.any_benchmark_context.search(text[: match.start()])
                    and not self.describes_one_benchmark.match(text[match.end() :])
                ):
                    continue  # "which benchmarks does he use?": the frame of the question, not a filter
                span = claim(*match.span())
                if span is None:
                    continue
                units.append(self._unit(role, span, stream))
        final = self.final_reference.search(text)
        if final and (span := claim(*final.span())):
            units.append(Unit(*span, "atom", atom=Previous("paper")))
        grouped = _entity_groups(stream)
        for start, entities in grouped.items():
            units.append(Unit(start, start + 1, "atom", entities=entities))
            claimed.add(start)
        units += self._mention_phrases(stream, units, claimed)
        topic_words |= self._terms_of_frame_words(stream, claimed, frame_words)
        units += self._topic_runs(reading.text, stream, claimed, frame_words, topic_words)
        units.sort(key=lambda u: u.start)
        kept = [u for u in units if u.role != "atom" or u.atom is not None or u.entities]
        return _merge_topics(_without_glosses(kept, stream, reading.text, self.corpus), stream, reading.text)

    def _author_count(self, match: re.Match[str]) -> AuthorCount | None:
        number = self.vocabulary.number(match.group("n"))
        if not number or number > 50:
            return None
        count = number + (1 if match.group("co") else 0)  # "two co-authors": three authors with her
        said = match.group("bound") or ""
        if said in self.count_bounds["more"]:
            return AuthorCount(count + 1, "at least")
        if said in self.count_bounds["fewer"]:
            return AuthorCount(count - 1, "at most") if count > 1 else None
        if said in self.count_bounds["at_least"]:
            return AuthorCount(count, "at least")
        if said in self.count_bounds["at_most"]:
            return AuthorCount(count, "at most")
        return AuthorCount(count)

    def _says_authorship(self, stream: tuple[Item, ...], offsets: list[tuple[int, int]], start: int) -> bool:
        """Whether the item before `start` makes "alone" a paper's: a word of authorship ("wrote alone",
        "her papers alone") or a person ("Wen alone"); "voids alone" is the voids'."""
        first, _ = _items_in(offsets, start, start + 1)
        before = stream[first - 1] if first else None
        if isinstance(before, Word):
            return before.folded in self.solo_context
        if not isinstance(before, Named):
            return False
        # "did she write PedalNet alone?": a paper named right after a word of authorship
        earlier = stream[first - 2] if first is not None and first >= 2 else None
        authored = "paper" in before.kinds() and isinstance(earlier, Word) and earlier.folded in self.solo_context
        return "person" in before.kinds() or authored

    @staticmethod
    def _in_a_concept(text: str, start: int) -> bool:
        """ "the toric code CNN", "surface code decoders": "code" inside a topic's name, not source code."""
        from bot.understanding.concepts import ConceptLexicon

        return any(hit.start < start < hit.end for hit in ConceptLexicon.default().find(text))

    def _the_researcher(self, item: Item) -> bool:
        return isinstance(item, Named) and any(
            e.kind == "person" and e.key == self.corpus.researcher_key for e in item.entities
        )

    def _term_of_the_papers(self, text: str, match: re.Match[str], hyphenated: bool = False) -> bool:
        """ "non-manual", "non-stationary": "non" joined to a word the papers write joined to it too;
        "alignment with no pronunciation dictionary": what the papers say they do without ("Forced
        Alignment Without Pronunciation Dictionaries")."""
        said = match.group().lower()
        if said in ("without", "with no", "w/o"):
            after = re.match(r"\s+([a-z]{3,})(?:\s+([a-z]{3,}))?\b", text[match.end() :])
            words = [w for w in (after.groups() if after else ()) if w and w not in self.topic_stopwords]
            return len(words) == 2 and self.phrase_used(f"without {words[0]} {words[1]}")
        if said != "non" and not (said == "no" and hyphenated):  # "no-regret learning", not "no code"
            return False
        joined = re.match(r"[-\s]([a-z]{3,})\b", text[match.end() :])  # the hyphen may be a space here
        return (
            joined is not None
            and bool(self.papers_using(joined.group(1)))
            and self.phrase_used(f"{said} {joined.group(1)}")
        )

    def _kind_of_code(
        self, said: str, stream: tuple[Item, ...], offsets: list[tuple[int, int]], start: int, frame: frozenset[str]
    ) -> bool:
        """ "bosonic codes", "LDPC code": "code" after a plain word of the topic's (not a word of the
        question's frame, not a paper's name: "the AMBER code" is AMBER's source code) is a kind of code."""
        if said.lower() not in ("code", "codes"):
            return False
        first, _ = _items_in(offsets, start, start + 1)
        before = stream[first - 1] if first else None
        return (
            isinstance(before, Word)
            and before.folded.replace("-", "").isalpha()
            and before.folded not in frame | self.bridge | self.code_giving
            and before.folded not in self.topic_stopwords
        )

    def _names_a_topic(self, text: str, end: int, frame_words: frozenset[str]) -> bool:
        following = re.match(r"[\s-]+([a-z][\w-]*)", text[end:])
        return following is not None and following.group(1) not in frame_words | self.bridge

    def _unit(self, role: str, span: tuple[int, int], stream: tuple[Item, ...]) -> Unit:
        start, end = span
        if role == "code":
            return Unit(start, end, "atom", atom=HasCode())
        if role == "codeless":
            return Unit(start, end, "atom", atom=HasCode(), negate=True)
        if role == "solo":
            return Unit(start, end, "atom", atom=Solo())
        if role == "shared":
            return Unit(start, end, "atom", atom=Solo(), negate=True)  # "her multi-author papers": not solo
        if role == "any_benchmark":
            return Unit(start, end, "atom", atom=NamesABenchmark())
        if role == "back_pair":
            return Unit(start, end, "atom", atom=Previous("pair"))
        if role == "back_papers":
            return Unit(start, end, "atom", atom=Previous("papers"))
        if role == "back_paper":
            return Unit(start, end, "atom", atom=Previous("paper"))
        if role == "back_person":
            # "with her": someone of the last answer; "her third paper" is the researcher's.
            before = stream[start - 1] if start > 0 else None
            named = [w.folded for w in stream[start:end] if isinstance(w, Word)]
            after = [w.folded for w in stream[end : end + 2] if isinstance(w, Word)]
            lists = isinstance(before, Word) and before.folded in self.listing_verbs
            # "papers that don't have her among the listed authors / as an author"
            has_as_author = (
                isinstance(before, Word)
                and before.folded in ("have", "has", "had")
                and after[:1] in (["among"], ["as"], ["listed"])
            )
            if named[:1] in (["him"], ["her"]) and (lists or has_as_author):
                # "papers that don't list her": the researcher, as a listed author
                researcher = self.corpus.people.get(self.corpus.researcher_key)
                if researcher is not None:
                    return Unit(start, end, "atom", atom=ByPerson(researcher.key, researcher.name))
            after_without = isinstance(before, Word) and before.folded == "without"
            if named[:1] in (["him"], ["her"]) and after_without and self._someone_else_named(stream):
                # "what has Léa published without him?": the researcher, with someone else named
                return Unit(start, end, "atom", atom=ByPerson(self.corpus.researcher_key, self.corpus.researcher.name))
            if named[:1] in (["him"], ["her"]) and not (
                isinstance(before, Word) and before.folded in ("with", "by", "and", "for", "to", "alongside", "without")
            ):
                return Unit(start, end, "spent")
            return Unit(start, end, "atom", atom=Previous("person"))
        if role == "back_people":
            # "them" is people after "with"/"by" ("the papers with them"), else the last papers ("sort them").
            # "they", "these authors": people. "them" is people after "with"/"by" ("the papers with them"),
            # else the last papers ("which of them", "sort them"); "those two" is the pair in view.
            before = stream[start - 1] if start > 0 else None
            said = [w.folded for w in stream[start:end] if isinstance(w, Word)]
            after_with = isinstance(before, Word) and before.folded in ("with", "by", "and")
            two = any(w in ("two", "both") for w in said)
            if after_with or any(w in ("they", "people", "authors", "both") for w in said):
                # "with both of them": the last two people the conversation named, even one answer apart
                return Unit(start, end, "atom", atom=Previous("people", 2 if two else None))
            return Unit(start, end, "atom", atom=Previous("pair" if two else "papers"))
        return Unit(start, end, role)  # type: ignore[arg-type]

    def _someone_else_named(self, stream: tuple[Item, ...]) -> bool:
        researcher = self.corpus.researcher_key
        return any(
            isinstance(item, Named) and any(e.kind == "person" and e.key != researcher for e in item.entities)
            for item in stream
        )

    def _mention_phrases(self, stream: tuple[Item, ...], units: list[Unit], claimed: set[int]) -> list[Unit]:
        """ "papers mentioning Foo-Net": a name no gazetteer knows, searched as text."""
        found = []
        for unit in units:
            if unit.role != "mention_verb":
                continue
            index = unit.end
            following = stream[index] if index < len(stream) else None
            if isinstance(following, Word) and following.folded == "the":
                index += 1
            run: list[Word] = []
            while index < len(stream) and index not in claimed and len(run) < 4:
                item = stream[index]
                if not isinstance(item, Word) or not _NAME_SHAPED.search(item.text):
                    break
                run.append(item)
                index += 1
            if run:
                claimed.update(range(index - len(run), index))
                phrase = " ".join(w.text for w in run)
                found.append(Unit(index - len(run), index, "atom", atom=MentionsPhrase(phrase)))
        return found

    def _terms_of_frame_words(self, stream: tuple[Item, ...], claimed: set[int], frame: frozenset[str]) -> set[int]:
        """ "the cover time paper", "mixing times of markov chains": a word of the question's frame
        ("time", "cover") that makes a term with its neighbour, one the papers use as a phrase, is
        part of the topic."""
        terms: set[int] = set()
        for index in range(len(stream) - 1):
            pair = (stream[index], stream[index + 1])
            if index in claimed or index + 1 in claimed or not all(isinstance(w, Word) for w in pair):
                continue
            first, second = (w.folded for w in pair if isinstance(w, Word))
            if not may_be_a_term(first, second, frame) or any(
                w in self.topic_stopwords or w in self.list_nouns for w in (first, second)
            ):
                continue
            phrase = f"{first} {second}"
            content = second if first in frame else first
            # a form of a known concept the content word alone does not name ("citation analysis", not
            # "well calibrated"), or a phrase the papers write
            if self._concept_form(phrase, content) or (
                self.papers_using(first) and self.papers_using(second) and self.phrase_used(phrase)
            ):
                terms.update((index, index + 1))
        return terms

    @staticmethod
    def _concept_form(phrase: str, content: str) -> bool:
        from bot.understanding.concepts import ConceptLexicon

        lexicon = ConceptLexicon.default()
        whole = {hit.concept.name for hit in lexicon.find(phrase) if hit.start == 0 and hit.end == len(phrase)}
        return bool(whole - {hit.concept.name for hit in lexicon.find(content)})

    def _topic_runs(
        self, source: str, stream: tuple[Item, ...], claimed: set[int], frame: frozenset[str], forced: set[int]
    ) -> list[Unit]:
        """Content words the frame of the question does not explain: what it is about."""
        runs: list[Unit] = []
        current: list[int] = []

        def close() -> None:
            if current:
                first, last = stream[current[0]], stream[current[-1]]
                # The words as written, hyphens kept: "OCR-free", "video-text" search as phrases.
                text = _topic_text(_respelt(source, first.start, last.end, [stream[i] for i in current]))
                said = self._introduced(stream, current[0], current[-1] + 1)
                runs.append(Unit(current[0], current[-1] + 1, "atom", atom=AboutTopic(text, said)))
                current.clear()

        for index, item in enumerate(stream):
            if index in claimed or not isinstance(item, Word):
                close()
                continue
            before = stream[index - 1] if index else None
            if (
                not current
                and item.folded in self.data_nouns
                and isinstance(before, Named)
                and any(e.kind == "benchmark" for e in before.entities)
            ):
                continue  # "ASSISTments data", "the Reddit dataset": the benchmark said again, no topic
            previous = stream[current[-1]] if current else None
            if previous is not None and "/" in source[previous.end : item.start]:
                close()  # "tools / agentic stuff": two topics, either will do
            word = item.folded
            hyphenated = source[item.end : item.end + 1] == "-"
            joined = source[item.start - 1 : item.start] == "-" and bool(current) and current[-1] == index - 1
            content = (
                index in forced
                or joined
                or (
                    word not in self.topic_stopwords
                    and word not in frame
                    and (len(word) > 1 or item.text.isupper() or hyphenated)
                    and not (word.isdigit() and len(word) <= 3)
                    and not _ORDINAL_DIGITS.fullmatch(word)
                )
            )
            following = stream[index + 1] if index + 1 < len(stream) else None
            bridged = (
                bool(current)
                and word not in self.topic_stopwords
                and isinstance(following, Word)
                and following.folded not in frame
                and following.folded not in self.topic_stopwords
                and index + 1 not in claimed
            )
            following_content = (
                isinstance(following, Word)
                and following.folded not in frame
                and following.folded not in self.topic_stopwords
            )
            if hyphenated and following_content and not content:
                content = True  # "open-vocab": a frame word written into a topic word
            if content or bridged:
                current.append(index)  # a frame word between topic words is theirs: "video category classification"
            elif word in ("of", "for", "in", "on", "to", "with", "the", "a", "an", "and") and current:
                continue  # "values of chinese llms": one topic across small words
            else:
                close()
        close()
        return runs

    def _introduced(self, stream: tuple[Item, ...], start: int, end: int) -> bool:
        before = " ".join(w.folded for w in stream[max(0, start - 3) : start] if isinstance(w, Word))
        after = stream[end] if end < len(stream) else None
        return bool(self.topic_before.search(before)) or (isinstance(after, Word) and after.folded in self.topic_after)

    # --- units to a selection

    def build(
        self,
        reading: Reading,
        frame_words: frozenset[str],
        researcher_key: str,
        said: tuple[tuple[int, int], ...] = (),
    ) -> Built:
        units = self.units(reading, frame_words, said)
        atoms_units = [u for u in units if u.role == "atom"]
        ambiguous: list[Ambiguity] = []
        # Entities become atoms (a name that is both a paper and a benchmark is decided here).
        for unit in atoms_units:
            if unit.entities:
                unit.atom = self._entity_atom(unit, units, ambiguous, reading.stream)
        named_people = {u.atom.key for u in atoms_units if isinstance(u.atom, ByPerson)}
        # "which Raman, Priya or Arjun?": a surname the question also names its owners by is no question
        ambiguous = [a for a in ambiguous if not set(a.keys) & named_people]
        researcher_named = any(isinstance(u.atom, ByPerson) and u.atom.key == researcher_key for u in atoms_units)
        leftover_positions = self._attach_positions(units, reading.stream)
        self._negate_through_positions(units, reading.stream)
        clauses = self._scope(units, reading)
        # The researcher is on every paper of the profile: naming them filters nothing, unless at a
        # position or negated ("papers where he is not among the listed authors"), or asked about
        # ("is she on the X paper?": whether the listed authors show her).
        asked_present = bool(self.researcher_present.search(_item_text(reading.stream)[0]))
        clauses = [
            c
            for c in clauses
            if c.negated
            or asked_present
            or not (
                len(c.atoms) == 1
                and isinstance(c.atoms[0], ByPerson)
                and c.atoms[0].key == researcher_key
                and c.atoms[0].position is None
            )
        ]
        # "papers Priyanka appears on without being first author": hers, without her first
        for clause in list(clauses):
            atom = clause.atoms[0] if len(clause.atoms) == 1 else None
            if (
                clause.negated
                and isinstance(atom, ByPerson)
                and atom.position
                and atom.key != researcher_key
                and self.presence.search(reading.cue_text)  # not "which papers weren't led by Ananya?"
                and not any(not c.negated and ByPerson(atom.key, atom.name) in c.atoms for c in clauses)
            ):
                clauses.append(Clause((ByPerson(atom.key, atom.name),)))
        selection = Selection(tuple(clauses))
        people = [a for a in selection.atoms("person", negated=False) if isinstance(a, ByPerson)]
        return Built(
            selection=selection,
            ambiguous=tuple(ambiguous),
            positions=tuple(leftover_positions),
            researcher_named=researcher_named,
            topic_cued=self.is_topic_cue(reading.cue_text),
            restrict=any(u.role == "restrict" for u in units),
            papers_named=tuple(i for u in atoms_units for e in u.entities if e.kind == "paper" for i in e.ids),
            benchmarks_named=tuple(e.key for u in atoms_units for e in u.entities if e.kind == "benchmark"),
            people_named=tuple(a.key for a in people),
            person_subjects=tuple(people),
            kinds=frozenset(atom_kind(a) for a in selection.atoms()),
            dangling_negation=_dangling_negation(units),
        )

    def _entity_atom(
        self, unit: Unit, units: list[Unit], ambiguous: list[Ambiguity], stream: tuple[Item, ...]
    ) -> Atom | None:
        by_kind = {e.kind: e for e in unit.entities}
        if "paper" in by_kind and "benchmark" in by_kind:
            # A dataset paper's name: the benchmark after "mentions/uses/evaluated on", else the paper.
            before = [u for u in units if u.end <= unit.start and unit.start - u.end <= 2]
            if any(u.role == "mention_verb" for u in before) or not self._whole_system_name(by_kind["paper"]):
                # ("CaseHOLD" names the paper "CaseHOLD-X" only as a part: said alone, it is the benchmark)
                return MentionsBenchmark(by_kind["benchmark"].key)
            return AmongPapers(by_kind["paper"].ids, by_kind["paper"].surface)
        entity = unit.entities[0]
        if entity.kind == "time" and entity.time is not None:
            if self._dates_a_thing(unit, stream):
                return None  # "the May 2024 storm": when the storm was, not when a paper came out
            if not entity.time.ranges:
                return None  # a shift ("the year after") edits the conversation's time, see the recogniser
            return During(entity.time.ranges, entity.surface)
        if entity.kind == "category":
            if len(entity.keys) > 1:  # an archive: any of its classes ("q-bio papers")
                unit.group = tuple(InCategory(code) for code in entity.keys)
            return InCategory(entity.key)
        if entity.kind == "benchmark":
            if len(entity.keys) > 1:  # a numbered family said by its stem: any of them ("CAMELYON")
                unit.group = tuple(MentionsBenchmark(name) for name in entity.keys)
            return MentionsBenchmark(entity.key)
        if entity.kind == "paper":
            return self._dated_from(entity, unit, units, stream) or self._paper_or_family(entity, unit, stream)
        if entity.kind == "person":
            person = self.corpus.people.get(entity.key)
            return ByPerson(entity.key, person.name if person else entity.surface)
        if entity.kind == "unknown_person":
            return UnknownPerson(entity.key)
        if entity.kind == "people":
            unit.group = tuple(ByPerson(k, self.corpus.people[k].name) for k in entity.keys if k in self.corpus.people)
            return unit.group[0] if unit.group else None
        if entity.kind == "ambiguous_person":
            ambiguous.append(Ambiguity(entity.surface, entity.keys))
            return None
        return None

    def _dates_a_thing(self, unit: Unit, stream: tuple[Item, ...]) -> bool:
        """A time said between "the" and a noun that is no paper ("the May 2024 storm", "the 2021
        floods"): the date of what a paper studies. "the 2017 random forest paper" dates the paper."""
        before = stream[unit.start - 1] if unit.start > 0 else None
        if not (isinstance(before, Word) and before.folded == "the") or unit.end >= len(stream):
            return False
        preposition = stream[unit.start - 2] if unit.start > 1 else None
        if isinstance(preposition, Word) and preposition.folded in self.dating_prepositions:
            return False  # "published in the 2021 season": the papers' time
        following = stream[unit.end : unit.end + 4]
        first = following[0]
        if not (isinstance(first, Word) and first.folded.isalpha()) or first.folded in self.bridge:
            return False
        return not any(
            not isinstance(item, Word) or item.folded in self.list_nouns or item.folded in self.paper_words
            for item in following
        )

    def _whole_system_name(self, entity: Entity) -> bool:
        said = compact(entity.surface)
        return any(
            compact(paper.system or "") == said or compact(paper.title) == said
            for paper in (self.corpus.by_id.get(i) for i in entity.ids)
            if paper is not None
        )

    def _dated_from(self, entity: Entity, unit: Unit, units: list[Unit], stream: tuple[Item, ...]) -> During | None:
        """ "after SurgChat", "older than GraderViT": the papers dated after (before) the one paper named,
        when it is the only paper the message names (two named are set against each other instead)."""
        if len(entity.ids) != 1 or sum(1 for u in units if any(e.kind == "paper" for e in u.entities)) != 1:
            return None
        first = next((item for item in stream if isinstance(item, Word)), None)
        if first is not None and first.folded in self.yes_no_openers:
            return None  # "is the survey paper older than TrafFormer?": a paper described, set against it
        paper = self.corpus.by_id.get(entity.ids[0])
        if paper is None:
            return None
        before = stream[max(0, unit.start - 3) : unit.start]
        for size in (3, 2, 1):
            said = before[-size:]
            if len(said) < size or not all(isinstance(item, Word) for item in said):
                continue
            bound = self.paper_bounds.get(" ".join(item.folded for item in said if isinstance(item, Word)))
            if bound == "after":
                return During((DateRange(paper.date + timedelta(days=1), None),), f"after {entity.surface}")
            if bound == "before":
                return During((DateRange(None, paper.date - timedelta(days=1)),), f"before {entity.surface}")
        return None

    def _paper_or_family(self, entity: Entity, unit: Unit, stream: tuple[Item, ...]) -> Atom:
        """A paper; "the DeepEyes ones" are every paper whose system name starts with that name."""
        ids = entity.ids
        following = stream[unit.end] if unit.end < len(stream) else None
        if isinstance(following, Word) and following.folded in FAMILY_WORDS:
            stem = compact(entity.surface)
            family = tuple(p.id for p in self.corpus.papers if p.system and compact(p.system).startswith(stem))
            if len(family) > len(ids):
                return AmongPapers(family, f"the {entity.surface} papers")
        return AmongPapers(ids, entity.surface)

    def _attach_positions(self, units: list[Unit], stream: tuple[Item, ...]) -> list[tuple[int, bool]]:
        """ "where Guohai is the second author", "Qianglong Chen first author": a position belongs to
        the nearest person. With none: "did the first author ..." means the author at that position
        of the paper in view; otherwise the researcher is meant ("where is she first author?")."""
        leftover: list[tuple[int, bool]] = []
        for unit in (u for u in units if u.role == "position"):
            people = [
                u
                for u in units
                if isinstance(u.atom, ByPerson) and u.atom.position is None and abs(u.start - unit.start) <= NEAR
            ]
            people = [u for u in people if not self._researcher_between(stream, u, unit)]
            following = stream[unit.end] if unit.end < len(stream) else None
            if isinstance(following, Word) and following.folded in ("papers", "paper", "pubs", "work", "works", "ones"):
                # "first-author papers without X": her first-author papers, X is another filter; but
                # "Lucía's first-author papers" are Lucía's
                people = [u for u in people if u.end <= unit.start and self._possessive_before(stream, u, unit)]
            if unit.position is not None and self._names_someone(stream, unit):
                unit.role, unit.atom = "atom", Previous("author", unit.position)
            elif people:
                nearest = min(people, key=lambda u: (abs(u.start - unit.start), u.start > unit.start))
                assert isinstance(nearest.atom, ByPerson)
                nearest.atom = ByPerson(nearest.atom.key, nearest.atom.name, unit.position)
                unit.target = nearest
            elif restated := [
                u
                for u in units
                if isinstance(u.atom, ByPerson)
                and u.atom.position == unit.position
                and abs(u.start - unit.start) <= NEAR
            ]:
                unit.target = restated[0]  # "which papers did Ji-hoon lead (first author)?": said twice, one person
            elif unit.position is not None:
                leftover.append((unit.position, self._negated_before(stream, unit)))
        return leftover

    @staticmethod
    def _possessive_before(stream: tuple[Item, ...], person: Unit, position: Unit) -> bool:
        between = [w.folded for w in stream[person.end : position.start] if isinstance(w, Word)]
        return between in ([], ["s"], ["'s"])

    def _researcher_between(self, stream: tuple[Item, ...], person: Unit, position: Unit) -> bool:
        """ "papers with X where she's not first author": "she", nearer the position, holds it."""
        start, end = (person.end, position.start) if person.start < position.start else (position.end, person.start)
        return any(isinstance(w, Word) and w.folded in self.researcher_subjects for w in stream[start:end])

    def _names_someone(self, stream: tuple[Item, ...], unit: Unit) -> bool:
        """ "what else did the first author do": the author as a person, not "is the first author"."""
        before = [w.folded for w in stream[max(0, unit.start - 3) : unit.start] if isinstance(w, Word)]
        said = [w.folded for w in stream[unit.start : unit.end] if isinstance(w, Word)]
        opens_with_the = (said[:1] == ["the"]) or (before[-1:] in (["the"], ["its"], ["that"]))
        # "where she's (not) the first author": being the author, not naming one
        copula = {
            "is", "as", "was", "being", "been", "be", "where", "who", "who's", "whos", "s", "not", "never", "t",
            "are", "were",
        }  # fmt: skip
        return opens_with_the and not set(before) & copula

    def _negated_before(self, stream: tuple[Item, ...], unit: Unit) -> bool:
        before = [w.folded for w in stream[max(0, unit.start - 3) : unit.start] if isinstance(w, Word)]
        return bool(set(before) & {"not", "isn", "never", "t", "without"})  # "without being first author"

    def _negate_through_positions(self, units: list[Unit], stream: tuple[Item, ...]) -> None:
        """ "where guohai is not the first author": the "not" governs the person at that position."""
        for index, unit in enumerate(units[:-1]):
            following = units[index + 1]
            governs = unit.role == "negation" and following.role == "position" and following.target is not None
            if governs and following.target is not None and self._bridged(stream, unit.end, following.start):
                following.target.negate = True
                unit.role = "spent"  # it negated the person

    def _scope(self, units: list[Unit], reading: Reading) -> list[Clause]:
        stream = reading.stream
        clauses: list[Clause] = []
        negate_from: int | None = None  # stream index after a negation cue still waiting for its filter
        cancelled = False  # two negation cues for one filter: "drop the ones without code" keeps those with code
        index = 0
        while index < len(units):
            unit = units[index]
            if unit.role == "negation":
                pending = negate_from is not None and self._bridged(stream, negate_from, unit.start)
                cancelled = pending and not cancelled
                negate_from = unit.end
                index += 1
                continue
            if (
                unit.role == "mention_verb"
                and negate_from is not None
                and self._bridged(stream, negate_from, unit.start)
            ):
                negate_from = unit.end  # "don't evaluate on any benchmark": the verb passes the "not" on
                index += 1
                continue
            if unit.role != "atom" or unit.atom is None:
                index += 1
                continue
            governed = negate_from is not None and self._bridged(stream, negate_from, unit.start)
            negated = unit.negate or (governed and not cancelled)
            negate_from, cancelled = None, False
            group = [unit]
            joins: list[str] = []
            cursor = index + 1
            while cursor < len(units):
                joiner = units[cursor]
                mark = _written_between(reading.text, stream, units[cursor - 1], joiner)
                # "CV, LG or CL": a comma lists one kind; "HCI / user studies": either, any kinds.
                listed = joiner.role == "atom" and joiner.atom is not None and mark in (",", "/")
                if (
                    listed
                    and joiner.atom is not None
                    and (mark == "/" or atom_kind(joiner.atom) == atom_kind(unit.atom))
                ):
                    group.append(joiner)
                    joins.append("or" if mark == "/" else "and")
                    cursor += 1
                    continue
                if joiner.role in ("or", "and") and cursor + 1 < len(units):
                    follower = units[cursor + 1]
                    kinds = {atom_kind(follower.atom), atom_kind(unit.atom)} if follower.atom and unit.atom else set()
                    if (
                        follower.role == "atom"
                        and follower.atom is not None
                        # "the chest x-ray paper or AtlasMerge": a paper described or named, either
                        and (len(kinds) == 1 or (joiner.role == "or" and kinds == {"topic", "papers"}))
                        and self._bridged(stream, joiner.end, follower.start)
                    ):
                        group.append(follower)
                        joins.append(joiner.role)
                        cursor += 2
                        continue
                break
            atoms = [a for u in group for a in (u.group or ((u.atom,) if u.atom is not None else ()))]
            # "the Kims": any of them; "both Daniels", "all the Kims": each of them
            joins += [
                "and" if self._each_of(stream, u) else "or" for u in group if u.group for _ in range(len(u.group) - 1)
            ]
            if not negated and self._negated_after(units, cursor, stream):
                negated = True  # "papers Wei Li isn't on": the "not" comes after the name it governs
                cursor += 1
            clauses += self._combine(atoms, joins, negated)
            index = cursor
        return _merge_single_valued(clauses)

    @staticmethod
    def _each_of(stream: tuple[Item, ...], unit: Unit) -> bool:
        before = {w.folded for w in stream[max(0, unit.start - 2) : unit.start] if isinstance(w, Word)}
        return bool(before & {"both", "all", "each"})

    def _negated_after(self, units: list[Unit], cursor: int, stream: tuple[Item, ...]) -> bool:
        """A negation right after a filter ("Wei Li isn't on", "Ana is not listed") that governs nothing
        after it governs that filter."""
        if cursor >= len(units) or units[cursor].role != "negation":
            return False
        said = " ".join(w.folded for w in stream[units[cursor].start : units[cursor].end] if isinstance(w, Word))
        if said in self.imperative_negations:
            return False  # a command governs what follows it ("drop the CV ones"); "the MBPP drop" is a noun
        after = [w.folded for w in stream[units[cursor].end : units[cursor].end + 3] if isinstance(w, Word)]
        if set(after) & self.order_words:
            return False  # "her HE papers except the two newest": the papers a date picks, not the class
        if units[cursor].start - units[cursor - 1].end > 2 or not self._bridged(
            stream, units[cursor - 1].end, units[cursor].start
        ):
            return False
        start = units[cursor].end
        verb = units[cursor + 1] if cursor + 1 < len(units) else None
        if verb is not None and verb.role == "mention_verb" and self._bridged(stream, start, verb.start):
            start = verb.end  # "RO papers that don't use nuScenes": the verb passes the "not" on
        # "papers with code where he isn't first author": the "not" goes on to the author position
        following = next((u for u in units[cursor + 1 :] if u.role in ("atom", "position")), None)
        return following is None or not self._bridged(stream, start, following.start)

    def _bridged(self, stream: tuple[Item, ...], start: int, end: int) -> bool:
        between = stream[start:end]
        return len(between) <= 5 and all(isinstance(w, Word) and w.folded in self.bridge for w in between)

    @staticmethod
    def _combine(atoms: list[Atom], joins: list[str], negated: bool) -> list[Clause]:
        kind = atom_kind(atoms[0])
        mixed = any(atom_kind(a) != kind for a in atoms)
        if negated or mixed or kind in SINGLE_VALUED or "or" in joins or len(atoms) == 1:
            return [Clause(tuple(dict.fromkeys(atoms)), negated)]  # "argoverse2 / AV2": one benchmark, once
        return [Clause((atom,)) for atom in atoms]  # "with A and B": both


def _negated_verbs(vocabulary: Vocabulary) -> str:
    """ "don't mention", and "that don't come with": a negation that ends in "don't" takes its verb along,
    so a verb that is no bridge word ("come with", "ship") still leads the negation to its filter. A
    pattern source of every lead, then every verb: written out, each pair was one of 700 alternatives
    (a 15,000-character pattern, 3 ms of each start to load, twice)."""
    auxes = vocabulary.words("negated_aux")
    leads = [*auxes, *(n for n in vocabulary.words("negation") if any(n.endswith(f" {aux}") for aux in auxes))]
    return rf"(?:{phrase_alternation(leads)})[\s'’-]*(?:{phrase_alternation(vocabulary.words('negatable_verbs'))})"


def _written_between(text: str, stream: tuple[Item, ...], left: Unit, right: Unit) -> str:
    """The punctuation written between two units, when only punctuation is: "," or "/"."""
    if right.start != left.end or left.end == 0 or right.start >= len(stream):
        return ""
    gap = text[stream[left.end - 1].end : stream[right.start].start].strip()
    return gap if gap in (",", "/") else ""


def _merge_single_valued(clauses: list[Clause]) -> list[Clause]:
    """A paper has one date and one class: "CV papers ... and CL ones" can only mean either."""
    merged: list[Clause] = []
    for clause in clauses:
        twin = next(
            (
                i
                for i, c in enumerate(merged)
                if c.kind == clause.kind and clause.kind in SINGLE_VALUED and not c.negated and not clause.negated
            ),
            None,
        )
        if twin is None:
            merged.append(clause)
        else:
            atoms = tuple(dict.fromkeys((*merged[twin].atoms, *clause.atoms)))
            merged[twin] = Clause(atoms)
    return merged


def _without_glosses(units: list[Unit], stream: tuple[Item, ...], text: str, corpus: Corpus) -> list[Unit]:
    """ "combinatorics (CO)", "stats papers (ST)": a class code in brackets after words that say its
    name names what they said, so those words are no topic of their own but part of the class's unit
    (a "not" before them reaches the class). "video papers (CV)" keeps its topic."""
    from bot.corpus.categories import categories

    glosses: set[int] = set()
    for index, unit in enumerate(units):
        if not unit.entities or any(e.kind != "category" for e in unit.entities) or index == 0:
            continue
        item = stream[unit.start]
        before, after = text[: item.start].rstrip(), text[item.end :].lstrip()
        previous = units[index - 1]
        between = stream[previous.end : unit.start]
        if (
            before.endswith("(")
            and after.startswith(")")
            and isinstance(previous.atom, AboutTopic)
            and all(isinstance(w, Word) and w.folded in FAMILY_WORDS for w in between)
        ):
            code = unit.entities[0].key
            known = categories().get(code)
            named = " ".join((corpus.class_name(code), *(known.aliases if known else ())))
            stems = {word[:4] for word in fold(named).split() if len(word) >= 4}
            if not any(word[:4] in stems for word in fold(previous.atom.text).split() if len(word) >= 4):
                continue
            glosses.add(index - 1)
            unit.start = previous.start
    return [u for i, u in enumerate(units) if i not in glosses]


def _merge_topics(units: list[Unit], stream: tuple[Item, ...], text: str) -> list[Unit]:
    """Topic words split only by the question's frame are one topic ("speakers who have done
    participatory design"): search ranks the words together, better than requiring each run apart.
    A slash keeps them apart ("videos / action recognition": either)."""
    merged: list[Unit] = []
    for unit in units:
        last = merged[-1] if merged else None
        apart = last is not None and "/" in text[stream[last.end - 1].end : stream[unit.start].start]
        if last is not None and isinstance(last.atom, AboutTopic) and isinstance(unit.atom, AboutTopic) and not apart:
            text = f"{last.atom.text} {unit.atom.text}"
            merged[-1] = Unit(last.start, unit.end, "atom", atom=AboutTopic(text, last.atom.said or unit.atom.said))
            continue
        merged.append(unit)
    return merged


def _hyphen_after(source: str, stream: tuple[Item, ...], offsets: list[tuple[int, int]], match: re.Match[str]) -> bool:
    """Whether the question joins the matched words to the next one with a hyphen ("no-regret")."""
    _, last = _items_in(offsets, *match.span())
    return last is not None and source[stream[last].end : stream[last].end + 1] == "-"


def _item_text(stream: tuple[Item, ...]) -> tuple[str, list[tuple[int, int]]]:
    pieces: list[str] = []
    offsets: list[tuple[int, int]] = []
    cursor = 0
    for item in stream:
        piece = item.folded if isinstance(item, Word) else "§"
        offsets.append((cursor, cursor + len(piece)))
        pieces.append(piece)
        cursor += len(piece) + 1
    return " ".join(pieces), offsets


def _items_in(offsets: list[tuple[int, int]], start: int, end: int) -> tuple[int | None, int | None]:
    first = next((i for i, (s, e) in enumerate(offsets) if s <= start < e + 1 and start < e), None)
    last = next((i for i in range(len(offsets) - 1, -1, -1) if offsets[i][0] < end), None)
    return first, last


def _entity_groups(stream: tuple[Item, ...]) -> dict[int, tuple[Entity, ...]]:
    return {index: item.entities for index, item in enumerate(stream) if isinstance(item, Named)}


def _topic_text(written: str) -> str:
    """The topic folded, but acronyms as written: "RAG" is retrieval-augmented generation, "rag" a cloth."""
    return " ".join(
        word if len(word) > 1 and word.isascii() and word.isupper() else fold(word) for word in written.split()
    )


def _respelt(source: str, start: int, end: int, items: Sequence[Item]) -> str:
    """The question's text from `start` to `end`, each misspelt word in it as it was read ("slep
    spindels" is "sleep spindles")."""
    pieces, cursor = [], start
    for item in items:
        if isinstance(item, Word) and item.folded != fold(item.text):
            pieces += [source[cursor : item.start], item.folded]
            cursor = item.end
    return "".join(pieces) + source[cursor:end]


def _dangling_negation(units: list[Unit]) -> bool:
    """A negation cue after the last filter, negating nothing said here ("and the ones without?")."""
    negations = [i for i, u in enumerate(units) if u.role == "negation"]
    filters = [i for i, u in enumerate(units) if u.role == "atom" and u.atom is not None]
    return bool(negations) and (not filters or negations[-1] > filters[-1])
