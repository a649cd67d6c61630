"""Text -> Query: the one entry point of understanding. Pure: no conversation state is changed here;
the dialogue policy decides what a recognised follow-up edits (bot/dialogue/policy.py).

Order of work: clean the message (small talk, markup, the question of a long message); read it
(glued words, typos of ordinary words, names); score each intent's cues on the masked text among
the intents whose required names are present; build the selection (filters, negation scope,
and/or); fill the intent's operation from the words that parametrise it (order, n-th, top n,
count, most/least, author position, group key, profile figure, paper fact)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal, get_args

from bot.corpus.model import Corpus
from bot.corpus.topics import topic_words
from bot.precompiled import compiled_pattern
from bot.query import (
    AboutTopic,
    AmongPapers,
    Atom,
    ByPerson,
    Clause,
    During,
    GroupKey,
    Introduces,
    MentionsBenchmark,
    MentionsPhrase,
    NamesABenchmark,
    Operation,
    PaperField,
    Previous,
    Query,
    Selection,
    Solo,
    atom_kind,
)
from bot.text import compact, tokens
from bot.understanding.cleaning import QUESTION_START, Cleaner, CleanMessage
from bot.understanding.intents import IntentSpec, load_intents
from bot.understanding.metrics import MetricHit, MetricLexicon
from bot.understanding.reading import MASK, Named, Reader, Reading, Word
from bot.understanding.selection_builder import Built, SelectionBuilder
from bot.understanding.time_expressions import Shift
from bot.vocabulary import Vocabulary, phrase_alternation, vocabulary

MIN_CUE_SCORE = 2.0
DEFAULT_RECENT = 5  # "his latest papers", "what is he working on these days": a few, not one
PAPER_IDENTIFYING = frozenset({"papers", "topic", "introduces"})
CHECK_IN_VIEW = 0  # Operation.check: the paper the conversation is about (paper ids start at 1)
OTHER_ITEMS = 0  # Previous("item") index of "the other one(s)": the last list's papers not just shown
_ITEM_REFERENCE = compiled_pattern(
    # "the second one", "the last paper", "and the second?", "number 3" - not "the second author/half".
    r"\bthe (?P<which>[a-z]+|\d{1,2}(?:st|nd|rd|th))(?: (?:one|paper|result|item|entry|hit)\b|(?=\W*$|\W*[,;]))"
    r"|\bthe (?P<others>others|other (?:ones|papers))\b"
    r"|\b(?:number|no\.?|#) ?(?P<number>\d{1,2})\b"
)


_ONE_SAID = compiled_pattern(r"\bone$")
# "is X newer than the ocean heat content intercomparison?": what a paper is set against
_THAN_THE = compiled_pattern(r"\bthan (?:the|that|his|her|their) ([^?.!,;]+)")
_AFTER_A_BREAK = compiled_pattern(r"\s*[,;:\-–—]+\s*(?:so\s+)?")  # "the older of the two, what ..."
_LETTERS = compiled_pattern(r"[^\W\d_]{2,}")
_ONE_WITH = compiled_pattern(r"\bthe (?:one|paper) (?:with|without|from|in|by)\b")
_PEOPLE_PRONOUN = compiled_pattern(r"\b(?:they|them|their)\b")
_ONE_PAPER_ASKED = compiled_pattern(r"\b(?:which|what) (?:paper|one|work|article)\b|\b(?:it|its)\b")


@dataclass(frozen=True, slots=True)
class Recognition:
    query: Query
    spec: IntentSpec
    cued: bool  # an intent's cues matched: a question of its own, not only names
    opener: bool  # opens like a follow-up ("and ...", "what about ...", "I meant ...")
    restrict: bool  # narrows the last answer ("only those ...", "which of these ...")
    shift: Shift | None  # "the year after": moves the last question's time
    reply: str  # the cleaned question, for a clarification reply ("the first one", "2")
    corrections: tuple[tuple[str, str], ...] = ()
    step: int = 0  # "the one before it": +1 older, -1 newer than the paper picked last
    bare: bool = False  # names nothing: no filter, no list noun, nobody ("how many is that?", "how many?")
    pronoun_position: bool = False  # "where he is first author": an author position said of a pronoun
    pronoun: str | None = None  # the one gendered pronoun family the message uses ("he", "she"), if any
    pronoun_leads: bool = False  # it comes before every person named ("what has she done with Tomás?")
    flips: bool = False  # "and the ones without?": the last filter of the last question, negated


# "... she ever published", "... he ever wrote", "... of all": an ordinal paper counted over every paper
_ORDER_EVER = compiled_pattern(r"\W*(?:(?:that |which )?(?:he|she|they|§) )?(?:has |have |had )?ever\b|\W*of all\b")
# "with code?", "without Ming Yan?": a filter alone, to add to the question before it
_FILTER_FRAGMENT = compiled_pattern(r"^\W*(?:with|without|w/o|sans)\b(?:\W+\w+){0,2}\W*$")
_DESCRIPTION_TAIL = compiled_pattern(r" (?:on|about) [\w'’-]+(?: (?!or\b)[\w'’&-]+){0,4}?(?=[,?.;:!)]|$| or\b)")


class Recognizer:
    """Built once per corpus."""

    def __init__(
        self,
        corpus: Corpus,
        intents: tuple[IntentSpec, ...] | None = None,
        topic_known: Callable[[str], bool] = lambda topic: True,
        papers_using: Callable[[str], int] = lambda word: 0,
        phrase_used: Callable[[str], bool] = lambda phrase: False,
        best_paper: Callable[[str], int | None] = lambda topic: None,
        words_near: Callable[[str, int], Mapping[str, int]] | None = None,
    ) -> None:
        self.corpus = corpus
        self.papers_using = papers_using  # how many titles or abstracts hold a word
        self.phrase_used = phrase_used  # does a title or abstract hold these words as a phrase
        self.metrics = MetricLexicon.default()
        self.topic_known = topic_known  # does any paper use these words (a question of loose words alone)
        self.best_paper = best_paper  # the paper a description fits best, if one does
        self.intents = intents or load_intents()
        self.by_name = {spec.name: spec for spec in self.intents}
        self.vocabulary: Vocabulary = vocabulary()
        v = self.vocabulary
        keywords = frozenset(k for spec in self.intents for k in spec.keywords)
        self.known_words = v.single_words() | keywords
        researcher_words = frozenset(w.folded for w in tokens(corpus.researcher.name))
        self.frame_base = v.frame_words() | researcher_words
        self.frame_all = self.frame_base | v.single_words() | keywords
        self._frame_gaps: dict[frozenset[str], frozenset[str]] = {}
        self._metrics_read: tuple[Reading | None, list[MetricHit]] = (None, [])
        self.cleaner = Cleaner(v, self.known_words, self._written_in_capitals)
        self._capitals: frozenset[str] | None = None
        self.reader = Reader(
            corpus,
            self.known_words,
            v.stopwords,
            self._in_corpus,
            self.papers_using,
            frozenset(v.words("glued_parts")),
            words_near,
            frozenset(v.words("word_endings")),
        )
        topic_cue = self.by_name.get("topic_search")
        self.builder = SelectionBuilder(
            corpus,
            v,
            v.stopwords,
            (lambda text: bool(topic_cue and topic_cue.cue_score(text) >= 4)),
            papers_using=papers_using,
            phrase_used=phrase_used,
        )
        self.order_newest = v.pattern("order_newest")
        self.order_oldest = v.pattern("order_oldest")
        self.count = v.pattern("count_words")
        self.list_nouns = v.pattern("list_nouns")
        self.list_pronoun_opener = compiled_pattern(rf"^\W*(?:{v.pattern('list_pronoun_openers').pattern})")
        self.authorship_verbs = v.pattern("authorship_verbs")
        self.sort_oldest = v.pattern("sort_oldest")
        self.back_paper = v.pattern("back_paper")
        self.researcher_pronouns = v.pattern("researcher_pronouns")
        self.gendered = {kind: v.pattern(f"gendered_pronouns.{kind}") for kind in v.groups["gendered_pronouns"]}
        self.which_one = compiled_pattern(r"^\W*which (?:one|paper)s?\b")
        self.share = v.pattern("share_words")
        self.majority = v.pattern("majority_words")
        self.average = v.pattern("average_words")
        self.count_modifiers = frozenset(v.words("count_modifiers"))
        self.quantity_ask = compiled_pattern(
            # "how many Reddit users": a name before what is counted is masked, and skipped
            # ... and so is a part of a whole: "how many of the 22 models"
            rf"\b(?:{phrase_alternation(v.words('quantity_asks'))})\s+"
            r"(?:of\s+(?:the\s+|these\s+|those\s+|all\s+)?(?:\d[\d,]*\s+)?)?"
            rf"(?:{MASK}\s+)?([a-z][\w-]*)(?:\s+([a-z][\w-]*))?"
        )
        self.page_counted = frozenset(v.words("page_counted"))
        self.study_asked = compiled_pattern(
            rf"\b(?:did|does|do|were|was)\s+(?:it|they|the authors)\s+(?:{v.pattern('study_verbs').pattern})\b"
        )
        self.counted_units = frozenset(v.words("counted_units"))
        self.ratio_comparatives = frozenset(v.words("ratio_comparatives"))
        self.size_ask = v.pattern("size_asks")
        self.step_older = v.pattern("step_older")
        self.step_newer = v.pattern("step_newer")
        self.comparative = v.pattern("comparative_order")
        self.picked_paper = v.pattern("picked_paper")
        self.code_words = v.pattern("code_words")
        # "what about without code?", "and the ones with code?": nothing but a code filter, for the list in view
        self.code_filter_only = compiled_pattern(
            rf"^\W*(?:(?:{v.pattern('followup_openers').pattern}) )?(?:the )?(?:ones |papers |those )?"
            rf"(?:with|without|w/o|w/|no) (?:{self.code_words.pattern})\W*$"
        )
        self.pick_openers = frozenset(v.words("pick_openers"))
        self.yes_no = compiled_pattern(rf"^\W*(?:{v.pattern('yes_no_openers').pattern})\b")
        # (at the very end: "papers right after 2020" leaves "right §" in the cue, a time, not a tag)
        self.confirmation_tail = compiled_pattern(rf"(?:{v.pattern('confirmation_tails').pattern})[^\w{MASK}]*$")
        # "is he even an author on the cultural defaults paper?": the researcher, checked on one paper
        self.researcher_listed = compiled_pattern(
            rf"\W*(?:is|was|are|were) (?:{phrase_alternation(v.words('researcher_subjects'))}|§) "
            rf"(?:even |actually |really |still )?(?:{phrase_alternation(v.words('listed_as_author'))})\b"
        )
        self.paper_compared = v.pattern("paper_compare_asked")
        self.compare_facets = {facet: v.pattern(f"paper_compare_{facet}") for facet in ("authors", "date")}
        self.either_way = v.pattern("either_way_dates")
        self.date_order = compiled_pattern(
            rf"(?P<before>\b(?:{v.pattern('paper_date_before').pattern})\b)"
            rf"|\b(?:{v.pattern('paper_date_after').pattern})\b"
        )
        self.making = v.pattern("making_verbs")
        self.presumed_own_nouns = v.pattern("presumed_own_nouns")
        self.worst = v.pattern("worst_words")
        self.superlatives = frozenset(
            w
            for name in ("best_words", "worst_words", "paper_compare_lower", "paper_compare_higher")
            for w in v.words(name)
        )
        # what _called_hers and _said_as_written look for, before they make a pattern of the words asked
        self.called_hers = compiled_pattern(rf"\b(?:his|her|their) .*\b(?:{self.presumed_own_nouns.pattern})")
        self.said_as_written = compiled_pattern(r"\b(?:he|she|they) (?:publish|write|wrote|written|release)\w* the ")
        self.owned_words = compiled_pattern(r"\b(?:his|hers|theirs|her|their)\b")
        self.compare_directions: dict[Literal["lower", "higher"], re.Pattern[str]] = {
            "lower": v.pattern("paper_compare_lower"),
            "higher": v.pattern("paper_compare_higher"),
        }
        # a date compared: the older is the lower date, the newer the higher
        self.date_directions: dict[Literal["lower", "higher"], re.Pattern[str]] = {
            "lower": v.pattern("date_older_words"),
            "higher": v.pattern("date_newer_words"),
        }
        self.pick_check = compiled_pattern(rf"^\W*(?:{v.pattern('pick_check_openers').pattern})\s")
        self.sort_newest = v.pattern("sort_newest")
        self.versus_rest = compiled_pattern(
            r"\bor (?:without|not|none|no)\b|\bwith or without\b|\b(?:vs\.?|versus) (?:without|not|none)\b"
            r"|\bthan (?:(?:those|ones|papers) )?(?:without|none)\b"  # ("more often than not" is a share)
            # "how many papers have code and how many don't?": the filter and the rest, both counted
            r"|\band how many (?:don\W?t|do not|doesn\W?t|does not|haven\W?t|have not|aren\W?t|are not|lack|without)\b"
        )
        nouns = phrase_alternation(v.words("one_paper_words"))
        self.paper_nouns = frozenset(v.words("paper_nouns"))
        # "anything recent, like from this year?": what is recent, a few papers; "her recent paper" is one
        self.bare_recent = compiled_pattern(
            rf"(?<!\bmost )(?<!\bmore )(?<!\bless )(?<!\bthe )\brecent\b(?! (?:{nouns})\b)"
        )
        self.described_by_benchmark_nouns = frozenset(v.words("described_by_benchmark_nouns"))
        self.one_paper = compiled_pattern(
            # (the words between hold no other "the": "the first author on the statin paper" is "the statin paper";
            # a possessive is one of them: "the women's football paper")
            rf"\b(?:the|that|this|her|his|their) (?:(?!(?:the|that|this|her|his|their) )[\w{MASK}'’-]+ ){{0,5}}"
            rf"(?:{nouns})\b(?! (?:with|from|by)\b)"
        )
        self.least = v.pattern("least_words")
        self.nothing_published = v.pattern("nothing_published")
        self.recent = v.pattern("recent_words")
        self.opener = compiled_pattern(rf"^[^\w{MASK}]*(?:{v.pattern('followup_openers').pattern})")
        # "which have code", and a command on the list in view: "drop the cyclone ones", "and skip 2023"
        self.restrict_opener = compiled_pattern(
            rf"^[^\w{MASK}]*(?:(?:and|now|then|ok|okay|so)\s+)?"
            rf"(?:{v.pattern('restrict_openers').pattern}|{v.pattern('imperative_negations').pattern})"
        )
        ordinals = "|".join(sorted(v.ordinals, key=lambda w: (-len(w), w)))
        order_words = "|".join(
            re.escape(w)
            for w in sorted({*v.words("order_newest"), *v.words("order_oldest")}, key=lambda w: (-len(w), w))
        )
        self.rank = compiled_pattern(
            rf"\b(?P<n>{ordinals}|\d{{1,2}}(?:st|nd|rd|th))[\s-]+(?:most[\s-]+)?(?P<order>{order_words})\b"
        )
        self.counted_paper = compiled_pattern(
            rf"\b(?P<n>{ordinals}|\d{{1,2}}(?:st|nd|rd|th))[\s-]+(?:ever[\s-]+)?(?:paper|publication|preprint|article)\b"
        )
        cardinals = "|".join(sorted(v.cardinals, key=lambda w: (-len(w), w)))
        number = rf"(?:\d{{1,3}}|{cardinals})"
        self.limit = compiled_pattern(
            rf"\b(?:top|first|last|latest|newest|recent|oldest|earliest)\s+(?P<a>{number})\b"
            rf"|\b(?P<b>{number})\s+(?:latest|newest|most recent|oldest|earliest|top|most|recent|last|first)\b"
        )
        near = phrase_alternation(v.words("nearest_words"))
        self.nearest_side = compiled_pattern(
            rf"\b(?:{near}) (?P<side>after|before)\b|\bthe (?:(?P<next>next|following)|previous|preceding) "
            r"(?:paper|one|publication|preprint)\b"
        )
        # a ranking cut at a number of papers ("co-authors on at least 4 papers", "3 or more papers",
        # "more than 2 papers": 3), or not cut at all ("list all her co-authors")
        papers = r"(?:papers|publications|works|times|pieces)"
        self.group_threshold = compiled_pattern(
            rf"\b(?:at least|a minimum of|no fewer than|no less than|minimum of)\s+(?P<a>{number})\s+{papers}\b"
            rf"|\b(?P<b>{number})\s*(?:\+|or more|and up|or above)\s+{papers}\b"
            rf"|\b(?P<c>{number})\s+{papers}\s+or more\b"
            rf"|\b(?:more than|over)\s+(?P<d>{number})\s+{papers}\b"
        )
        self.every_group = compiled_pattern(
            r"\b(?:all|every|full list of|complete list of|whole list of)\s+(?:(?:of\s+)?(?:his|her|their|the)\s+)?"
            r"(?:(?:listed|different|distinct|other)\s+)?(?:co-?authors?|collaborators?|colleagues|benchmarks|datasets|topics)\b"
        )
        self.position_or_item = compiled_pattern(
            rf"\b(?:{ordinals}|last|lead|final)(?:[\s-]+{number})?(?:[\s-]listed|[\s-]named)?[\s-](?:author|writer)s?\b"
            rf"|\b(?:listed|named|credited)\s+(?:{ordinals}|last)\b"  # "where she is not listed first"
            rf"|{_ITEM_REFERENCE.pattern}"
        )
        # "who's the last author on OrthoNet?": an author of one paper, which the other words describe
        positions = v.groups["position_words"]
        said_positions = phrase_alternation([*positions["last"], *positions["lead"]])
        self.who_at_position = compiled_pattern(
            rf"\bwho(?:'s| is| was| are| were)?\s+(?:the\s+)?(?:{ordinals}|{said_positions}|\d{{1,2}}(?:st|nd|rd|th))"
            r"[\s-]+(?:listed\s+|named\s+)?authors?\b"
        )
        # "how much did the labels cut sharing?": a change one paper reports
        self.change_asked = compiled_pattern(
            rf"\bhow much (?:did|does|do|has|have|was|were|is|would|could)\b.{{0,60}}\b"
            rf"(?:{phrase_alternation(v.words('change_stems'))})\w*"
        )
        self.finding_asked = v.pattern("finding_words")
        self.fact_patterns = {key: v.pattern(f"fact_words.{key}") for key in v.groups["fact_words"]}
        self.stat_patterns = {key: v.pattern(f"stat_words.{key}") for key in v.groups["stat_words"]}
        self.group_patterns = {key: v.pattern(f"group_words.{key}") for key in v.groups["group_words"]}

    def _written_in_capitals(self, word: str) -> bool:
        """A word the page itself writes in capitals ("YCSB", "TPC-H", a class code): kept as written
        in a shouted message, where every other word is lower-cased ("CONGESTION CONTROL PAPERS")."""
        if self._capitals is None:  # read on the first shouted message, not at load
            corpus = self.corpus
            texts = [t for p in corpus.papers for t in (p.title, p.abstract, *p.benchmarks, p.system or "")]
            texts += [*corpus.by_category, *corpus.gazetteer.entries]
            self._capitals = frozenset(w for text in texts for w in _LETTERS.findall(text) if w.isupper())
        return word in self._capitals

    def _in_corpus(self, word: str) -> bool:
        """A word the profile itself uses: a name part, or a word of a title or abstract (through the
        topic index). Asked only for the rare word that looks like a slip ("gain" is a word of the
        corpus, not "again" mistyped) or a glued pair ("understanding" is not "under" + "standing")."""
        finder = self.reader.finder
        return word in finder.by_surname or word in finder.by_given or self.papers_using(word) > 0

    # --- the whole decision

    def clean(self, message: str) -> CleanMessage:
        return self.cleaner.clean(message)

    def recognize(self, message: CleanMessage, today: date, has_focus: bool = False) -> Recognition:
        notes = ("Your message was cut to its first 2,000 characters.",) if message.cut else ()
        if message.chat or not message.text:
            return self._chat(message, notes)
        reading = self.reader.read(message.text, today)
        asked = reading.cue_text
        pointed_back = bool(message.context) and self._points_back(reading, has_focus)
        if pointed_back and not self.back_paper.search(asked) and self._describes_a_paper(reading):
            pointed_back = False  # "did she do a target trial emulation on this, what did they get?": said here
        if pointed_back:
            # "Someone mentioned a benchmark for X. Which paper is that?": the question is about the sentence before.
            reading = self.reader.read(f"{message.context} {message.text}", today)
            if message.context.rstrip().endswith("?"):
                asked = reading.cue_text  # "was it at a conference? which one?": both sentences ask
            # else a statement gives names and topics, not what is asked ("a colleague mentioned ...")
        said = tuple((hit.start, hit.end) for hit in self._metrics_said(reading))
        said += tuple(m.span() for m in self.size_ask.finditer(reading.cue_text))  # "how big is the model?"
        describing = self._benchmarks_describing(reading) if asked == reading.cue_text else {}
        conservative = self._with_described_papers(
            self.builder.build(reading, self.frame_all, self.corpus.researcher_key, said), asked, describing
        )
        present = self._present(reading, conservative, has_focus)  # "who wrote it?": "it" is the paper described
        if pointed_back and "topic" in present and _ONE_PAPER_ASKED.search(message.text.casefold()):
            present.add("paper")  # "I found a paper about X. Which paper is that, who's its first author?"
        if pointed_back:
            present.discard("several")  # the words describe one paper: no groups to compare
        # "the first-price auction paper", "first-order methods": a compound, no paper picked by date
        spec, score = self._choose(_COMPOUND_ORDER.sub("", self._without_code_in_topics(asked)), present)
        sized = spec is not None and spec.name == "paper_quantity" and self._counted(asked) == "size"
        if sized and "metric" in present:
            spec = self.by_name["paper_results"]  # "how big was the speedup?": the figure in that metric
        cued = spec is not None
        if spec is None:
            # "which don't have code?": a filter said only negated is still the list it filters
            excluded = {atom_kind(a) for a in conservative.selection.atoms(negated=True)} - {"topic"}
            spec = self._default_for(present) or self._default_for(present | excluded) or self.by_name["fallback"]
            topics = [a.text for a in conservative.selection.atoms("topic") if isinstance(a, AboutTopic)]
            if (present | excluded) <= {"topic"} and not any(self.topic_known(t) for t in topics):
                spec = self.by_name["fallback"]  # "what's the capital of France?": nothing here is about it
        frame = self.frame_base | spec.keywords
        if not self._frame_gap(frame, reading):
            built = conservative  # no word of the message is framed differently: the same build
        else:
            built = self._with_described_papers(
                self.builder.build(reading, frame, self.corpus.researcher_key, said), asked, describing
            )
        if pointed_back:  # "that" is the sentence before, now read with the question
            # A "without" in the sentence described is part of what is described ("a paper adapting
            # segmenters without labels"), not a filter the question sets.
            described = Selection(
                tuple(c for c in built.selection.without_previous().clauses if not (c.negated and c.kind == "topic"))
            )
            built = replace(built, selection=described)
        query = self._query(spec, built, reading, score, notes)
        shift = next(
            (
                e.time.shift
                for e in reading.entities
                if e.kind == "time" and e.time is not None and e.time.shift is not None
            ),
            None,
        )
        cue = reading.cue_text
        if self._asks_the_list_in_view(cue, query):
            # "they" were the papers, not the researcher the pronoun first stood for
            kept = tuple(c for c in query.selection.clauses if not self._the_researcher_alone(c))
            query = query.with_selection(Selection(kept).with_clause(Clause((Previous("papers"),))))
        bare = (
            all(a == Previous("paper") for a in query.selection.atoms())
            and not self.list_nouns.search(cue)
            and not built.researcher_named
            and not self.researcher_pronouns.search(cue)
        )
        return Recognition(
            query=query,
            spec=spec,
            cued=cued,
            pronoun_position=bool(built.positions) and bool(self.researcher_pronouns.search(cue)),
            pronoun=self._pronoun(message.text),
            pronoun_leads=self._pronoun_leads(reading),
            flips=built.dangling_negation and not query.selection.clauses and not query.operation.beyond,
            opener=bool(self.opener.match(cue) or _FILTER_FRAGMENT.match(cue)),
            restrict=built.restrict or _refers_back(query) or bool(self.restrict_opener.match(cue)),
            shift=shift,
            step=1 if self.step_older.search(cue) else -1 if self.step_newer.search(cue) else 0,
            reply=message.text,
            corrections=reading.corrections,
            bare=bare,
        )

    def _frame_gap(self, frame: frozenset[str], reading: Reading) -> bool:
        """Whether a word of the message is a frame word of one frame and not of the other (of all
        intents' words, and of the chosen intent's): only then do the two builds differ."""
        gap = self._frame_gaps.get(frame)
        if gap is None:
            gap = self._frame_gaps[frame] = self.frame_all ^ frame
        words = {w.folded for w in reading.stream if isinstance(w, Word)}
        folded = reading.text.casefold()
        for pattern in _READ_WORDS:
            words.update(pattern.findall(folded))
        return not gap.isdisjoint(words)

    def _the_researcher_alone(self, clause: Clause) -> bool:
        """A clause "they" may have made: the researcher, or the people of the last answer."""
        return not clause.negated and all(
            (isinstance(a, ByPerson) and a.key == self.corpus.researcher_key and a.position is None)
            or (isinstance(a, Previous) and a.what == "people")
            for a in clause.atoms
        )

    def _asks_the_list_in_view(self, cue: str, query: Query) -> bool:
        """ "do they have code?", "are any of them from 2019?": the papers just listed, asked about."""
        kinds = {atom_kind(a) for c in query.selection.clauses if not self._the_researcher_alone(c) for a in c.atoms}
        return (
            query.operation.name in ("list", "count")
            and bool(kinds)
            and kinds <= PAPER_PROPERTIES
            and bool(self.list_pronoun_opener.match(cue))
            and not self.list_nouns.search(cue)
            and not self.authorship_verbs.search(cue)
        )

    def _pronoun_leads(self, reading: Reading) -> bool:
        """Whether the gendered pronoun comes before every person the message names: then it is the
        subject, the researcher ("what has she done with Tomás?"), not one of them ("papers with Ana
        where she is first author")."""
        said = [m.start() for p in self.gendered.values() if (m := p.search(reading.text.casefold()))]
        people = [e.start for e in reading.entities if e.kind in ("person", "ambiguous_person", "people")]
        return bool(said) and bool(people) and min(said) < min(people)

    def _pronoun(self, text: str) -> str | None:
        folded = text.casefold()
        kinds = [kind for kind, pattern in self.gendered.items() if pattern.search(folded)]
        return kinds[0] if len(kinds) == 1 else None

    def _chat(self, message: CleanMessage, notes: tuple[str, ...]) -> Recognition:
        kind = message.chat or "greeting"
        spec = next(
            (s for s in self.intents if s.operation == "chat" and dict(s.defaults).get("chat") == kind),
            self.by_name["fallback"],
        )
        if not message.chat:
            spec = self.by_name["fallback"]
        return Recognition(Query(spec.name, spec.operation_for(), notes=notes), spec, True, False, False, None, "")

    def _points_back(self, reading: Reading, has_focus: bool) -> bool:
        """Is the question about the sentence before it ("Which paper is that?", "How much did it improve AP?")?"""
        if any(e.kind == "paper" for e in reading.entities):
            return False  # it names what it is about
        if MASK in reading.cue_text and not self.back_paper.search(reading.cue_text):
            return False  # "what AUC does it get on CIFAR-10?" still points back: a benchmark is no paper
        words = re.findall(r"[\w§]+", reading.cue_text)
        content = [w for w in words if w not in self.frame_all and len(w) > 1]  # "who's" leaves an "s"
        # "it" with no paper in the conversation yet: the paper the message described before
        # ... and "they", "their data": the people of the paper the message described before
        pointer = self.back_paper.search(reading.cue_text) or _PEOPLE_PRONOUN.search(reading.cue_text)
        return not content or (not has_focus and bool(pointer))

    def _describes_a_paper(self, reading: Reading) -> bool:
        """Whether the question names what its "they" wrote: a topic of two words or more, besides
        what it counts ("how many spectroscopic galaxies did they train on?" describes nothing)."""
        built = self.builder.build(reading, self.frame_all, self.corpus.researcher_key)
        counted = set((self._counted(reading.cue_text) or "").split())
        they = _PEOPLE_PRONOUN.search(reading.cue_text)
        for clause in built.selection.clauses:
            if clause.negated or clause.kind != "topic":
                continue
            words = [w for a in clause.atoms if isinstance(a, AboutTopic) for w in a.text.casefold().split()]
            if len([w for w in words if w not in counted]) >= 2 or _said_before(clause, reading.cue_text, they):
                return True  # "a target trial emulation", or "a measurement study on this, ... did they"
        return False

    def _metrics_said(self, reading: Reading) -> list[MetricHit]:
        """The metrics the message names, but not a letter code the profile has as a class ("more EM or LG
        papers?": EM is econometrics there, not exact match). Read once per reading: asked up to four times."""
        if self._metrics_read[0] is not reading:
            self._metrics_read = (reading, self._metrics_in(reading))
        return self._metrics_read[1]

    def _metrics_in(self, reading: Reading) -> list[MetricHit]:
        classes = [e.span for e in reading.entities if e.kind == "category"]
        hits = [
            hit
            for hit in self.metrics.find(reading.text)
            if not any(start <= hit.start and hit.end <= end for start, end in classes)
        ]
        if hits:
            # a metric's word inside a longer topic of the field is that topic's: "precision
            # agriculture", "coverage path planning"
            from bot.understanding.concepts import ConceptLexicon

            topics = [(c.start, c.end) for c in ConceptLexicon.default().find(reading.text)]
            hits = [
                hit
                for hit in hits
                if not any(s <= hit.start and hit.end <= e and e - s > hit.end - hit.start for s, e in topics)
            ]
        return hits

    def _present(self, reading: Reading, built: Built, has_focus: bool) -> set[str]:
        present = {atom_kind(a) for a in built.selection.atoms(negated=False)}
        kinds = {e.kind for e in reading.entities}
        if any(
            isinstance(a, AmongPapers) or (isinstance(a, Previous) and a.what in ("paper", "pair", "item"))
            for a in built.selection.atoms(negated=False)
        ):
            present.add("paper")
        present.discard("papers")
        for kind in ("benchmark", "ambiguous_person", "unknown_person", "category"):
            if kind in kinds:
                present.add(kind)
        if "person" in kinds and built.people_named:
            present.add("person")
        if built.researcher_named:
            present.add("researcher")
        if any(isinstance(a, ByPerson) and a.position is not None for a in built.selection.atoms()):
            present.add("person")
        if any(isinstance(a, MentionsBenchmark) for a in built.selection.atoms()) or built.benchmarks_named:
            present.add("benchmark")
        if built.selection.atoms("benchmark") and not built.benchmarks_named:
            present.add("mention")
        if any(isinstance(a, NamesABenchmark) for a in built.selection.atoms()):
            present.add("any_benchmark")  # "papers without datasets": a filter, not "which datasets"
        if any(isinstance(a, Previous) and a.what in ("people", "person") for a in built.selection.atoms()):
            present.add("person")
        several_places = len({p for p, negated in built.positions if not negated}) >= 2
        if _compared_kind(built.selection) or self.versus_rest.search(reading.cue_text) or several_places:
            present.add("several")  # groups to compare: "2023 or 2025", "with code or without"
        if self._metrics_said(reading):
            present.add("metric")  # "R@1 of X", "X's top-1 accuracy": a result of a paper
        named = present - {"topic", "code", "researcher", "metric", "solo"}
        if not built.people_named and not any(isinstance(a, ByPerson) for a in built.selection.atoms()):
            named.discard("person")  # "how many speakers did they record?": "they" are the paper's authors
        plural = (
            self.list_nouns.search(reading.cue_text)
            or built.restrict
            or any(isinstance(a, Previous) and a.what in ("papers", "pair") for a in built.selection.atoms())
        )  # about a list, never only the paper in focus
        if has_focus and "paper" not in present and not named and not plural and MASK not in reading.cue_text:
            present.add("paper")  # "who is the first author?", "is there a github link?": the paper in focus
        if self._item_reference(reading.cue_text) is not None:
            present.add("paper")  # "the second one": an item of the last list
        if self._asks_about_picked(reading.cue_text):
            present.add("paper")  # "who wrote his oldest paper?": the paper its date picks
        described = self.one_paper.search(reading.cue_text)
        plain = _COMPOUND_ORDER.sub("", described.group()) if described else ""
        if described and (self.order_newest.search(plain) or self.order_oldest.search(plain)):
            described = None  # "the most recent paper about video" picks by date, it describes nothing
        if self._counted(reading.cue_text):
            present.add("quantity")  # "how many annotators took part?": a number in one paper's abstract
        if "topic" in present and (
            described
            or "metric" in present
            or "quantity" in present
            or self.who_at_position.search(reading.cue_text)
            or self.change_asked.search(reading.cue_text)
            or self._finding_asked(reading.cue_text)
        ):
            present.add("paper")  # "who wrote the paper on learned controllers?", "R@1 of X": the paper described
        if "benchmark" in present and described and self.who_at_position.search(reading.cue_text):
            present.add("paper")  # "who is first author on the CIC-IDS2017 paper?": the paper it names
        by_filters = self._described_by_filters(reading.cue_text) and not built.selection.has("benchmark")
        if self._one_of_a_kind(reading.cue_text) or by_filters:
            present.add("paper")  # "who's first author on the CV one?": one paper, of a class (of the list in view)
        return present

    def _described_by_filters(self, cue: str) -> bool:
        """ "the 2016 paper", "her RO paper with Kenji": one paper, said by filters alone (no topic words)."""
        described = self.one_paper.search(cue)
        if not described or _ONE_SAID.search(described.group()):
            return False
        words = described.group().split()[1:-1]
        return bool(words) and all(w == MASK for w in words)

    def _finding_asked(self, cue: str) -> bool:
        """ "did the self-supervised pretraining help?": a yes/no about what one paper found, not
        whether some papers exist ("does she have papers that improve robustness?")."""
        return bool(
            self.yes_no.match(cue)
            and self.finding_asked.search(cue)
            and not self.list_nouns.search(cue)
            and not re.search(r"\b(?:any|anything|something|ever)\b", cue)
        )

    def _one_of_a_kind(self, cue: str) -> bool:
        """ "the CV one", "the 2023 one", "the one with code": one paper, told apart by a filter."""
        described = self.one_paper.search(cue)
        return bool(described and MASK in described.group() and _ONE_SAID.search(described.group())) or bool(
            _ONE_WITH.search(cue)
        )

    def _choose(self, cue: str, present: set[str]) -> tuple[IntentSpec | None, float]:
        ranked = sorted(
            (
                (spec.cue_score(cue, present), spec.priority, spec.name)
                for spec in self.intents
                if spec.cues and spec.admits(present)
            ),
            reverse=True,
        )
        if ranked and ranked[0][0] >= MIN_CUE_SCORE:
            return self.by_name[ranked[0][2]], ranked[0][0]
        return None, 0.0

    def _default_for(self, present: set[str]) -> IntentSpec | None:
        """A message of names alone ("FooNet?", "Ada Lovelace?", "2023?"): the natural question about them."""
        fits = [s for s in self.intents if s.default_for & present and s.admits(present)]
        return max(fits, key=lambda s: s.priority, default=None)

    # --- the query

    def _query(self, spec: IntentSpec, built: Built, reading: Reading, score: float, notes: tuple[str, ...]) -> Query:
        cue = reading.cue_text
        if spec.name == "fallback" and built.positions and not built.selection:
            spec = self.by_name["first_author"]  # "is she ever listed third?": papers with her at that position
        if spec.name == "paper_code" and self.code_filter_only.search(cue) and not built.selection.positive("papers"):
            spec = self.by_name["list_papers"]  # a filter of the list in view, not a paper's code asked about
        operation = self._operation(spec, built, cue)
        if operation.name == "paper_fact" and operation.field == "summary" and operation.order is not None:
            # "tell me about his latest paper": the pick itself, shown whole
            spec = self.by_name["latest_paper"]
            operation = replace(spec.operation_for(), order=operation.order, rank=operation.rank)
        selection = built.selection
        item = self._item_reference(cue)
        either_way = bool(self.either_way.search(cue))
        date_order = self.date_order.search(cue) if self.yes_no.match(cue) and not either_way else None
        if (
            either_way
            or date_order
            or (operation.name == "pick" and self.pick_check.search(cue) and _THAN.search(cue))
            or (self.yes_no.match(cue) and _THAN.search(cue) and self.compare_facets["authors"].search(cue))
            or (operation.name == "paper_fact" and self._which_of_two(cue))
        ):
            selection = self._described_pair(self._split_by_descriptions(selection, cue), cue)
        if either_way and _named_papers(selection) >= 2:
            # "was X before or after Y?", "is X older or newer than Y?": which came first, not yes or no
            spec, operation = self.by_name["compare"], self._papers_compared(operation, selection, cue)
            selection = _in_said_order(selection, reading.text)
        if operation.name == "pick" and self.pick_check.search(cue):
            # "is AMBER his latest paper?": AMBER is checked against the pick, not a filter of it
            named = [c for c in selection.clauses if not c.negated and c.kind == "papers"
                     and all(isinstance(a, AmongPapers) for a in c.atoms)]  # fmt: skip
            in_view = [c for c in selection.clauses if c.atoms == (Previous("paper"),) and not c.negated]
            if named:
                ids = tuple(i for c in named for a in c.atoms if isinstance(a, AmongPapers) for i in a.ids)
                selection = Selection(tuple(c for c in selection.clauses if c not in named))
                if len(set(ids)) >= 2 and _THAN.search(cue):
                    # "is FooNet older than BarNet?": the first checked against the pick of the two
                    operation = replace(operation, check=ids[:1])
                    selection = selection.with_clause(Clause((AmongPapers(tuple(dict.fromkeys(ids)), "those"),)))
                else:
                    operation = replace(operation, check=ids)
            elif in_view:  # "is it her newest CR paper?": the paper in view, checked (id 0 until resolved)
                operation = replace(operation, check=(CHECK_IN_VIEW,))
                selection = Selection(tuple(c for c in selection.clauses if c not in in_view))
        if date_order is not None and len(ids := _papers_in_order(selection, reading.text)) == 2:
            # "was STAMP out before RoadGraph?", "did X come out after the survey paper?": the first one
            # checked against the older (newer) of the two
            before = date_order.group("before") is not None
            spec = self.by_name["latest_paper"]
            operation = Operation("pick", order="oldest" if before else "newest", check=ids[:1])
            kept = tuple(c for c in selection.clauses if c.kind != "papers")
            selection = Selection(kept).with_clause(Clause((AmongPapers(ids, "those"),)))
        picked = operation.name == "pick" or (operation.name == "paper_fact" and operation.order is not None)
        one_of_them = picked and operation.order is not None and self._picked_one(cue)
        if one_of_them:
            # "the oldest one - who wrote it?": "it" is the one picked, not the paper in view
            selection = Selection(tuple(c for c in selection.clauses if c.atoms != (Previous("paper"),)))
        if picked and (self.comparative.search(cue) or one_of_them) and not selection.positive("papers"):
            # "which is newer?", "which came out first?": among the last list shown.
            selection = selection.with_clause(Clause((Previous("papers"),)))
        if item is not None:
            selection = Selection(
                tuple(c for c in selection.clauses if not (len(c.atoms) == 1 and c.atoms[0] == Previous("paper")))
            ).with_clause(Clause((Previous("item", item),)))
        subject = None
        filters = [c for c in selection.clauses if c.kind not in PAPER_IDENTIFYING and c.kind != "papers"]
        if (
            ((operation.name == "paper_fact" and operation.field == "summary") or spec.name == "fallback")
            and filters
            and not any(
                c.kind in PAPER_IDENTIFYING and not any(isinstance(a, Previous) for a in c.atoms)
                for c in selection.clauses
            )
            and item is None
            and self.which_one.search(cue)
        ):
            # "which one doesn't have nadia on it?": the last list filtered, not one paper described
            spec = self.by_name["list_papers"]
            operation = Operation("list")
            kept = tuple(c for c in selection.clauses if not any(isinstance(a, Previous) for a in c.atoms))
            selection = Selection(kept).with_clause(Clause((Previous("papers"),)))
        named_people = [
            a for a in selection.atoms(negated=False)
            if isinstance(a, ByPerson) and a.key != self.corpus.researcher_key and a.position is None
        ]  # fmt: skip
        if not named_people and self.researcher_listed.match(cue) and operation.name == "paper_fact":
            # "is he even an author on the cultural defaults paper?": the researcher checked on it
            researcher_atom = ByPerson(self.corpus.researcher_key, self.corpus.researcher.name)
            named_people = [researcher_atom]
            selection = selection.with_clause(Clause((researcher_atom,)))
        if (
            operation.name == "paper_fact"
            and operation.field in ("summary", "authors")
            and len(named_people) == 1
            and self.yes_no.match(cue)
            and operation.order is None
        ):
            # "is Ming Yan on that one?", "is Haiyang Xu an author of it?": whether they are listed on it
            spec = self.by_name["list_papers"]
            operation = Operation("list", yes_no=True)
            listed = [c for c in selection.clauses if c.kind in PAPER_IDENTIFYING or named_people[0] in c.atoms]
            selection = Selection(tuple(listed))
        if (
            operation.name == "paper_fact"
            and operation.order is None
            and any(isinstance(a, Solo) for a in selection.atoms(negated=False))
            and self.yes_no.match(cue)
        ):
            # "is she the only author?": whether the paper described (or in view) has no co-author listed
            spec = self.by_name["list_papers"]
            operation = Operation("list", yes_no=True)
            described = [c for c in selection.clauses if c.kind in PAPER_IDENTIFYING]
            solo = Clause((Solo(),))
            selection = Selection((*(described or [Clause((Previous("paper"),))]), solo))
        if (
            operation.name == "paper_fact"
            and operation.field == "author"
            and operation.position is not None
            and (self.yes_no.match(cue) or self.confirmation_tail.search(cue))
            and (built.researcher_named or self.researcher_pronouns.search(cue))
        ):
            # "is he the last author on the flaky tests paper?", "she was first author on ToxiScope,
            # right?": whether the researcher holds that place
            holder = ByPerson(self.corpus.researcher_key, self.corpus.researcher.name, operation.position)
            operation = replace(operation, field="authors", position=None, yes_no=True)
            selection = selection.with_clause(Clause((holder,)))
        if operation.name in ("list", "count", "exists") and not selection.has("benchmark"):
            # "which papers report WER?", "how many use BLEU?": the papers that name the metric, in
            # any of its forms (said as a metric, the words are no topic)
            for label in dict.fromkeys(hit.label for hit in self._metrics_said(reading)):
                selection = selection.with_clause(Clause((MentionsPhrase(label),)))
        if operation.name == "best_result":
            # "which paper has the lowest WER?": the way said, else the metric's better one ("best"), or
            # the other ("the worst WER"); the superlative is no topic
            way = next((w for w, pattern in self.compare_directions.items() if pattern.search(cue)), None)
            operation = replace(
                self._results(operation, built, reading), direction=way, least=bool(self.worst.search(cue))
            )
            selection = _without_words(selection, self.superlatives)
        if operation.name == "paper_fact":
            if operation.field == "results":
                operation = self._results(operation, built, reading)
                selection = _without_words(selection, self.superlatives)  # "the best top-1 it gets"
                selection, asked = self._described_paper(selection, cue)
                if asked and operation.benchmark is None:
                    operation = replace(operation, benchmark=asked)
            if operation.field != "results" and not selection.has("papers"):
                selection = self._benchmarks_as_papers(selection)
            pronoun = any(isinstance(a, Previous) and a.what in ("people", "person") for a in selection.atoms())
            if pronoun and not selection.has("papers"):
                # "how many speakers did they record?": "they" wrote the paper in view, whose loose words
                # ("record") are the question's, not another paper's description
                # ... but words before "they" describe the paper: "didn't she do a measurement study on
                # this, how many valid secrets did they find?"
                they = _PEOPLE_PRONOUN.search(cue)
                selection = Selection(
                    tuple(
                        c for c in selection.clauses
                        if not (c.kind == "topic" and _loose_clause(c) and not _said_before(c, cue, they))
                    )
                ).with_clause(Clause((Previous("paper"),)))  # fmt: skip
            if (
                operation.order is None
                and self._one_of_a_kind(cue)
                and not selection.has("papers")
                and not selection.has("topic")
            ):
                # "who's first author on the CV one?": the paper of that class among the list in view
                operation = replace(operation, order="newest")
                selection = selection.with_clause(Clause((Previous("papers"),)))
            if operation.field == "code" and any(c.kind == "code" and c.negated for c in selection.clauses):
                # "the syzkaller paper has no code, right?": the answer says whether that absence holds
                operation = replace(operation, denied=True)
            if (
                operation.field == "summary"
                and operation.order is None
                and selection.has("time")
                and selection.positive("papers")
                and self.yes_no.match(cue)
            ):
                # "is TailClip from 2025?": whether the paper is from then, answered with its date
                spec, operation = self.by_name["list_papers"], Operation("list", yes_no=True)
            elif operation.order is None and not (self._described_by_filters(cue) and not selection.has("benchmark")):
                # a paper picked by date keeps every filter: "his latest paper with X"; so does one
                # described by them: "who wrote the 2016 paper?"; an author check keeps its person:
                # "is Zoë the last author on the S8 paper?"
                identifying = PAPER_IDENTIFYING | ({"person"} if operation.yes_no else set())
                selection = Selection(tuple(c for c in selection.clauses if c.kind in identifying))
            elif operation.field == "code":  # "is there code for his latest paper?": code is what is asked
                selection = Selection(tuple(c for c in selection.clauses if c.kind != "code"))
            if operation.field == "quantity":
                counted = self._counted(cue)
                operation = replace(operation, counted=counted)
                selection = _without_words(selection, frozenset((counted or "").split()))
        elif operation.name in ("rank_groups", "profile", "not_on_page") and built.person_subjects:
            if operation.name != "rank_groups" or operation.group_by == "coauthor":
                subject = built.person_subjects[0]
                selection = Selection(tuple(c for c in selection.clauses if subject not in c.atoms))
        elif operation.name == "introduced":
            names = [
                a.label if isinstance(a, AmongPapers) else a.name
                for a in selection.atoms()
                if isinstance(a, AmongPapers | MentionsBenchmark)
            ]
            selection = Selection((Clause((Introduces(names[0]),)),)) if names else selection
        elif operation.name == "compare" and len({p for p, negated in built.positions if not negated}) >= 2:
            # "has she been first author more often than second author?": her papers at each position
            researcher = self.corpus.researcher
            compared = dict.fromkeys(p for p, negated in built.positions if not negated)
            groups = tuple(ByPerson(self.corpus.researcher_key, researcher.name, p) for p in compared)
            selection = selection.with_clause(Clause(groups))
            operation = replace(operation, compare_kind="person", versus_rest=False)
        elif operation.name in ("list", "count", "pick", "compare", "exists") and built.positions:
            # "where is she first author?": a position with nobody named is the researcher's.
            position, negated = built.positions[0]
            said = [position] if negated else list(dict.fromkeys(p for p, n in built.positions if not n))
            researcher = self.corpus.researcher  # "first or second author on": either place
            either = tuple(ByPerson(self.corpus.researcher_key, researcher.name, p) for p in said)
            selection = selection.with_clause(Clause(either, negated))
        if operation.name == "rank_groups" and operation.group_by == "year" and self.nothing_published.search(cue):
            # "which year between 2015 and now did she not publish anything?": the "not" is the empty years
            # asked for, not a time left out
            clauses = selection.clauses
            selection = Selection(tuple(replace(c, negated=False) if c.kind == "time" else c for c in clauses))
        if operation.name == "rank_groups":
            # "which calendar month (ignoring the year) ...": loose words around a ranking are its wording;
            # a topic it is about is said so ("per year about video")
            selection = Selection(tuple(c for c in selection.clauses if not (c.kind == "topic" and _loose_clause(c))))
        if operation.name == "not_on_page" and not operation.yes_no:
            topics = [a for a in selection.atoms("topic", negated=False) if isinstance(a, AboutTopic)]
            keywords = spec.keywords
            if any(set(a.text.split()) & keywords and self.phrase_used(a.text) for a in topics):
                # "sponsored search stuff": a phrase the papers write holding the intent's word is a topic
                spec = self.by_name["topic_search"]
                operation = spec.operation_for()
        if operation.name == "not_on_page":
            selection = Selection(tuple(c for c in selection.clauses if c.kind in PAPER_IDENTIFYING))
        if operation.name == "chat":
            selection = Selection()
        if _named_papers(selection) >= 2 and (
            (operation.name == "compare" and operation.compare_kind == "papers")
            or (operation.name == "paper_fact" and self.paper_compared.search(cue))
        ):
            # "which got the lower NMSE, CEDNet or TwinRIS?", "which is more recent, A or B?": side by side
            spec, operation = self.by_name["compare"], self._papers_compared(operation, selection, cue)
            selection = _in_said_order(selection, reading.text)
        if operation.name in ("list", "count", "pick", "exists") and not operation.order and selection.has("topic"):
            operation = replace(operation, order=None)
        made = self._name_made(selection, reading, operation)
        if made is not None:
            # "did she write DeepLOB?", "BERT4Rec is his right?": a name the papers only mention is no paper of hers
            spec = self.by_name["paper_introducing"]
            presumed = operation.name == "paper_fact"  # "summarise her Graph WaveNet paper": said to be hers
            operation = Operation(
                "introduced",
                yes_no=bool(self.yes_no.match(cue)) or operation.yes_no,
                stat="presumed_own" if presumed else None,
            )
            selection = Selection((Clause((Introduces(made),)),))
        # "d4j (defects4j)": one benchmark said twice is one filter
        selection = Selection(tuple(dict.fromkeys(selection.clauses)))
        if operation.name == "profile" and operation.stat == "citations" and selection.atoms(negated=False):
            # "how many citations does tidewright have", "citations for the argo papers": the page counts
            # citations for the whole profile only, never for some of its papers
            spec = self.by_name["not_on_page_paper_citations"]
            operation = spec.operation_for()
        fuzzy = any(not e.exact for e in reading.entities)
        if operation.name == "compare" and operation.compare_kind == "topic" and _named_papers(selection) == 1:
            # "how fast is KolmoDiff compared to the solver?": what one paper reports, not two topics' papers
            # counted within it ("fast and solver are tied among KolmoDiff")
            spec = self.by_name["paper_results"]
            operation = spec.operation_for()
        confidence = (min(1.0, 0.55 + score / 20) if score else 0.7) * (0.85 if fuzzy else 1.0)
        return Query(
            intent=spec.name,
            operation=operation,
            selection=selection,
            subject=subject,
            ambiguous=built.ambiguous,
            confidence=confidence if spec.name != "fallback" else 0.0,
            notes=(*notes, _respelt_note(reading.respelt)) if reading.respelt else notes,
        )

    def _which_of_two(self, cue: str) -> bool:
        """ "which one has the longer author list, the X paper or the Y one?": two papers described,
        weighed on something (not "the X paper or the Y one, who wrote it?")."""
        weighed = any(pattern.search(cue) for pattern in self.compare_directions.values())
        return weighed and bool(_WHICH.search(cue)) and bool(_EITHER.search(cue))

    def _papers_compared(self, operation: Operation, selection: Selection, cue: str) -> Operation:
        """Named papers compared: on their author lists, their dates, or what each reports (a metric
        or benchmark asked keeps the results); lower or higher when the question says which way."""
        direction = next((way for way, pattern in self.compare_directions.items() if pattern.search(cue)), None)
        facet: PaperField = "results"
        if self.compare_facets["authors"].search(cue):
            facet = "authors"
        elif not selection.has("topic") and not operation.metric and self.compare_facets["date"].search(cue):
            facet = "date"
        if facet == "date":
            ways = [way for way, pattern in self.date_directions.items() if pattern.search(cue)]
            direction = ways[0] if len(ways) == 1 else None  # "older or newer?" asks neither way
        yes_no = facet == "authors" and bool(self.yes_no.match(cue))  # "does X have more authors than Y?"
        return replace(
            operation, name="compare", compare_kind="papers", field=facet, direction=direction, yes_no=yes_no
        )

    def _operation(self, spec: IntentSpec, built: Built, cue: str) -> Operation:
        operation = spec.operation_for()
        text = self.position_or_item.sub(self._unless_an_order, cue)  # "first author", "the last one" order nothing
        text = _COMPOUND_ORDER.sub("", text)  # "the first-price auction paper", "first-order methods": no order
        order = operation.order
        if self.sort_oldest.search(text):
            order = "oldest"  # an explicit sort wins: "from oldest to newest" says "newest" too
        elif self.sort_newest.search(text):
            order = "newest"
        elif self.order_oldest.search(text) and not self.order_newest.search(text):
            order = "oldest"
        elif self.order_newest.search(text):
            order = "newest"
        rank_match = self.rank.search(text)
        rank = self.vocabulary.number(rank_match.group("n")) if rank_match else None
        if rank_match:
            order = "oldest" if self.order_oldest.fullmatch(rank_match.group("order")) else "newest"
        elif (counted := self.counted_paper.search(text)) is not None:
            # "his third paper ever": counted from the first one unless the question says otherwise.
            rank = self.vocabulary.number(counted.group("n"))
            order = "newest" if order == "newest" else "oldest"
        limit_match = self.limit.search(text)
        if limit_match is None and operation.field == "authors":
            limit_match = self.limit.search(cue)  # "the first three authors of X": names, not an order
        if limit_match and (limit_match.group("a") or "").casefold() == "one":
            limit_match = None  # "the latest one": one paper, said as a pronoun, not a list of one
        limit = self.vocabulary.number(limit_match.group("a") or limit_match.group("b") or "") if limit_match else None
        counting = bool(self.count.search(cue))
        name = operation.name
        if (
            name in ("list", "count")
            and self.share.search(cue)
            and (self.list_nouns.search(cue) or spec.name == "count_papers")
        ):
            # "what percentage of his papers have code?": a count, said as a share of all the papers
            return replace(operation, name="count", order=order, stat="share")
        if name in ("list", "count", "exists") and self.majority.search(cue) and self.yes_no.match(cue):
            # "are most of his papers CV?": yes or no by the share, never by there being some
            return replace(operation, name="count", order=order, stat="share", yes_no=True)
        if name == "list":
            # a named paper is asked about only with a time or "alone": "did TailClip come out this year?"
            about_one = built.selection.has("time") or any(isinstance(a, Solo) for a in built.selection.atoms())
            asked = self.yes_no.match(cue) or self.confirmation_tail.search(cue)
            yes_no = bool(asked) and (not built.selection.has("papers") or about_one)
            operation = replace(operation, yes_no=yes_no)
            if self.recent.search(cue) and not order:
                order, limit = "newest", limit or DEFAULT_RECENT
            nearest = self.nearest_side.search(cue) if built.selection.has("time") and not counting else None
            if nearest is not None and self.list_nouns.search(cue):
                nearest = None  # "papers right after 2020": all of them
            if nearest is not None:
                # "the paper right after SurgChat", "what came out just before it": the one nearest that side
                name, rank, limit = "pick", 1, None
                order = "oldest" if nearest.group("side") == "after" or nearest.group("next") else "newest"
            if rank and rank > 1:
                name, limit = "pick", None
            elif counting:
                name = "count"
        elif name == "pick":
            if limit and limit > 1:
                name, rank = "list", None
            elif order is None:
                order = "newest"
            if not rank and not limit and (self.list_nouns.search(cue) or self.bare_recent.search(cue)):
                # "latest papers": a few, not one; "her recent stuff, 2025 onwards": all of that time
                name, limit = "list", None if built.selection.has("time") else DEFAULT_RECENT
        elif name == "paper_fact":
            operation = self._paper_fact(operation, built, cue, counting, limit)
            if self._asks_about_picked(cue) and order is not None:
                # "who wrote his oldest paper?", "is there code for the newer one?": the paper is picked by date
                operation = replace(operation, order=order, rank=rank)
            return operation
        elif name == "rank_groups":
            named: str | None = next((k for k, p in self.group_patterns.items() if p.search(cue)), None)
            group_by = operation.group_by or _group_key(named or "year")
            stat = (
                "average"
                if self.average.search(cue)
                else "total"
                if counting and group_by in ("coauthor", "first_author", "benchmark")
                else None
            )
            # "which years did she not publish anything?": the empty years first, as the least productive
            empty_years = group_by == "year" and bool(self.nothing_published.search(cue))
            return replace(
                operation,
                group_by=group_by,
                # ("on at least 4 papers" is a cut, not the fewest first)
                least=bool(self.least.search(self.group_threshold.sub(" ", cue))) or empty_years,
                limit=limit,
                stat=stat,
                at_least=self._at_least(cue),
            )
        elif name == "compare":
            kind = _compared_kind(built.selection)
            rest = kind is None and bool(self.versus_rest.search(cue))
            if rest:
                # the filter said last ("are there more papers with code or without?", "among the
                # cyclone papers, more with code or without?": the papers before it are the scope),
                # not the "are there" that may point back at a list
                said = [c.kind for c in built.selection.clauses if not c.negated]
                kind = next((k for k in reversed(said) if k != "papers"), said[0] if said else None)
            # "did she publish more in 2022 than 2023?", "has she written more with X than with Y?": the
            # first one named has more (or fewer), or not
            # ("did she publish more before 2021 or after?" asks which, not whether)
            yes_no = bool(self.yes_no.match(cue)) and bool(_THAN.search(cue)) and not _OR.search(cue)
            return replace(
                operation, compare_kind=kind, versus_rest=rest, least=bool(self.least.search(cue)), yes_no=yes_no
            )
        elif name == "profile":
            stat = operation.stat or next((k for k, p in self.stat_patterns.items() if p.search(cue)), None)
            return replace(operation, stat=stat)
        # "everything but her two newest papers": a negation that filters nothing leaves those out
        beyond = (
            name == "list"
            and bool(limit)
            and order is not None
            and built.dangling_negation
            and not built.positions  # "where she isn't the first author": the "not" is the position's
            and not any(c.negated for c in built.selection.clauses)
        )
        return replace(operation, name=name, order=order, limit=limit, rank=rank, beyond=beyond)

    def _results(self, operation: Operation, built: Built, reading: Reading) -> Operation:
        """Which benchmark (a known one, else the task the question names) and which metric."""
        hit = next(iter(self._metrics_said(reading)), None)
        if hit is not None:
            operation = replace(operation, metric=hit.metric.name, metric_k=hit.k)
        if built.benchmarks_named:
            return replace(operation, benchmark=built.benchmarks_named[-1])
        return operation

    def _benchmarks_describing(self, reading: Reading) -> dict[str, tuple[str, frozenset[str]]]:
        """The benchmarks named inside "the ... paper" ("the Procgen generalization paper", "the NetHack
        paper"), as typed, with the other words of their description: they tell which paper is meant,
        they are not what is asked of it."""
        names = [item for item in reading.stream if isinstance(item, Named)]
        found: dict[str, tuple[str, frozenset[str]]] = {}
        for described in self.one_paper.finditer(reading.cue_text):
            if described.group().split()[-1] not in self.described_by_benchmark_nouns:
                continue
            before = reading.cue_text.count(MASK, 0, described.start())
            inside = described.group().count(MASK)
            words = frozenset(topic_words(described.group(), frozenset()))
            for named in names[before : before + inside]:
                if any(e.kind == "paper" for e in named.entities):
                    continue  # "the FooBench one": the paper is named, and its benchmark may be what is asked
                found.update({e.key: (e.surface, words) for e in named.entities if e.kind == "benchmark"})
        return found

    def _with_described_papers(
        self, built: Built, cue: str, describing: dict[str, tuple[str, frozenset[str]]] | None = None
    ) -> Built:
        """ "which has more authors, RouteForge or the bucket graph paper?", "which came first, the gig
        work paper or the returns to schooling one?": each description of a paper set against another
        is the paper it best describes, as a name would be. A benchmark said in a description names the
        papers that use it, or, beside other words ("the NHANES diabetes paper"), is one of the words
        the paper is found by."""
        if describing:
            built = replace(
                built,
                selection=self._described_with_benchmarks(built.selection, describing),
                benchmarks_named=tuple(b for b in built.benchmarks_named if b not in describing),
            )
        described = self._description_words(cue)
        if not described:
            return built
        if describing:
            # a benchmark said inside a description is masked in the cue: its words are the description's
            told = {w for surface, _ in describing.values() for w in topic_words(surface, frozenset())}
            described = [words | told for words in described]
            built = replace(built, selection=_either_named_or_described(built.selection, cue))

        def said_as_a_paper(atom: Atom) -> bool:
            return not isinstance(atom, AboutTopic) or any(
                set(topic_words(atom.text, frozenset())) <= words for words in described
            )

        clauses = []
        pair_described = False
        for clause in built.selection.clauses:
            if (
                not clause.negated
                and len(clause.atoms) >= 2
                and any(isinstance(a, AboutTopic) for a in clause.atoms)
                and all(said_as_a_paper(a) for a in clause.atoms)
            ):
                atoms = tuple((self._paper_described(a) or a) if isinstance(a, AboutTopic) else a for a in clause.atoms)
                pair_described = pair_described or atoms != clause.atoms
                clause = replace(clause, atoms=atoms)
            clauses.append(clause)
        named = {i for c in clauses if len(c.atoms) >= 2 for a in c.atoms if isinstance(a, AmongPapers) for i in a.ids}

        def describes_a_named_one(clause: Clause) -> bool:
            """ "... or the Bayesian paper on Oklahoma and Groningen" (the words after "and"), "the
            non-manual markers paper (Hands Are Not Enough) or AdaSign": words of a description of one
            of the papers set against each other, no filter of their own."""
            atom = clause.atoms[0]
            if (
                clause.negated
                or len(clause.atoms) != 1
                or not isinstance(atom, AboutTopic)
                or not said_as_a_paper(atom)
            ):
                return False
            if pair_described:
                return True
            paper = self._paper_described(atom)
            return isinstance(paper, AmongPapers) and set(paper.ids) <= named

        if named:
            clauses = [c for c in clauses if not describes_a_named_one(c)]
        return replace(built, selection=Selection(tuple(clauses)))

    def _called_hers(self, cue: str, word: str) -> re.Match[str] | None:
        """ "summarise her X paper": X said to be the name of one of her papers."""
        if not self.called_hers.search(cue):  # (most questions: no pattern made for their words)
            return None
        return re.search(rf"\b(?:his|her|their) {word} (?:{self.presumed_own_nouns.pattern})", cue)

    def _said_as_written(self, cue: str, word: str) -> re.Match[str] | None:
        """ "when did she publish the X paper?": X said to be the name of a paper she wrote."""
        if not self.said_as_written.search(cue):
            return None
        nouns = self.presumed_own_nouns.pattern
        return re.search(rf"\b(?:he|she|they) (?:publish|write|wrote|written|release)\w* the {word} (?:{nouns})", cue)

    def _name_made(self, selection: Selection, reading: Reading, operation: Operation) -> str | None:
        """The name, as typed, when the question asks who made it or whether it is the researcher's
        ("did she write DeepLOB?", "is BERT4Rec his?", "which paper proposed DeepLOB?", "summarise her
        Graph WaveNet paper") and the name (a name-shaped word, or up to three capitalised words with
        one) is no paper's name on the profile: the papers only mention it."""
        if operation.name not in ("list", "exists", "count", "introduced", "paper_fact") or len(selection.clauses) != 1:
            return None
        clause = selection.clauses[0]
        atom = clause.atoms[0]
        if clause.negated or len(clause.atoms) != 1:
            return None
        # "when did she publish the Spleeter paper?": a known tool or dataset, said as a paper she wrote,
        # that no paper of hers introduces (the words found the paper that mentions it)
        # ("tell me about his PhaseNet paper", "did he write the EQTransformer paper?" too)
        known = atom.name if isinstance(atom, MentionsBenchmark) else getattr(atom, "label", "")
        if known in self.corpus.by_benchmark:
            cue, said = reading.cue_text, rf"(?:{re.escape(MASK)}|{re.escape(known.casefold())})"
            called_hers = self._called_hers(cue, said)
            if (
                self._said_as_written(cue, said)
                or (operation.name == "paper_fact" and called_hers)
                or (operation.name != "paper_fact" and self.making.search(cue))
            ) and compact(known) not in self.corpus.introduced_by:  # (made once per corpus: asked last)
                return known
            if isinstance(atom, MentionsBenchmark):
                return None
        if isinstance(atom, AmongPapers):
            # "did he write BERT?": a name only like one of his papers' (FooBERT), matched loosely
            loose = [e for e in reading.entities if e.kind == "paper" and not e.exact and e.surface == atom.label]
            said = compact(atom.label)
            systems = [compact(self.corpus.by_id[i].system or "") for i in atom.ids if i in self.corpus.by_id]
            # ... a part of the name, not a slip in it: "FooBRT" is FooBERT mistyped
            if not loose or " " in atom.label or not any(said in system and said != system for system in systems):
                return None
            atom = AboutTopic(atom.label.casefold())
        if not isinstance(atom, AboutTopic):
            return None
        # as typed: one word ("DeepLOB"), or a few with a name-shaped one among them ("Graph WaveNet")
        typed = _typed(atom.text, reading.text)
        typed = typed or next((e.surface for e in reading.entities if e.surface.casefold() == atom.text), "")
        words = typed.split()
        cue = reading.cue_text
        word = re.escape(atom.text)
        # "when did she publish the Spleeter paper?": one capitalised word, said as a paper she wrote
        said_as_written = self._said_as_written(cue, word)
        said_hers = self._called_hers(cue, word)
        # ... or a few, said as her paper ("her Event Horizon Telescope paper")
        capitalised = bool(said_as_written or (said_hers and len(words) > 1)) and all(w[:1].isupper() for w in words)
        # "did she create idtracker?": a word typed plainly that the papers only write as a name ("idtracker.ai")
        written_as_name = len(words) == 1 and bool(self.making.search(cue)) and self._only_written_as_a_name(words[0])
        if not typed or not (capitalised or written_as_name or any(_name_shaped(w) for w in words)) or len(words) > 3:
            return None
        if len(words) > 1 and not all(w[:1].isupper() or _name_shaped(w) for w in words):
            return None  # a name is written capitalised ("Graph WaveNet"); "eBPF fuzzing" is a topic
        owned = self.owned_words.search(cue) and re.search(
            rf"\b(?:is|was|isn't|wasn't) {word} (?:really |actually )?(?:his|hers|theirs)\b"
            rf"|\b{word} (?:is|was) (?:really |actually )?(?:his|hers|theirs)\b"
            rf"|\b{word} (?:is|was) (?:one of )?(?:his|her|their) (?:own|papers?|work)\b",
            cue,
        )
        from bot.understanding.concepts import ConceptLexicon

        # "summarise her Graph WaveNet paper": a name only mentioned, said as hers; not a topic said so
        # ("her LLM paper" is a paper about LLMs)
        said_hers = said_hers or said_as_written
        is_concept = any(hit.end - hit.start >= len(atom.text) for hit in ConceptLexicon.default().find(atom.text))
        hers = bool(said_hers) and not is_concept
        if operation.name == "paper_fact" and not hers:
            return None
        return typed if owned or hers or self.making.search(cue) else None

    def _only_written_as_a_name(self, word: str) -> bool:
        """Whether the papers write this word, every time, as (part of) a name: with a domain ending
        ("idtracker.ai") or capitals inside it ("DeepLabCut"); "robots" is written as a word."""
        pattern = re.compile(rf"(?<![\w.-]){re.escape(word)}(?![\w-])(\.[a-z]{{2,4}}\b)?", re.IGNORECASE)
        found = [m for p in self.corpus.papers for m in pattern.finditer(f"{p.title} {p.abstract}")]
        return bool(found) and all(m.group(1) or any(c.isupper() for c in m.group()[1:]) for m in found)

    def _description_words(self, cue: str) -> list[set[str]]:
        """The words of each "the ... paper" description in the question, with what it is on ("the
        Bayesian ground-motion paper on Oklahoma and Groningen")."""
        return [
            set(topic_words(m.group() + self._description_tail(cue, m.end()), frozenset()))
            for m in self.one_paper.finditer(cue)
        ]

    @staticmethod
    def _description_tail(cue: str, end: int) -> str:
        """ "on Oklahoma and Groningen" after "the ... paper": up to five words, to the end of the clause."""
        tail = _DESCRIPTION_TAIL.match(cue, end)
        return tail.group() if tail else ""

    def _paper_described(self, atom: AboutTopic) -> AmongPapers | None:
        """The paper a description fits best, as a name would name it."""
        best = self.best_paper(atom.text)
        return AmongPapers((best,), atom.text) if best is not None else None

    def _split_by_descriptions(self, selection: Selection, cue: str) -> Selection:
        """ "is the glacier paper newer than the DG error estimator one?" read as one topic: its words
        parted by the description each was said in."""
        topics = _lone_topics(selection)
        described = self._description_words(cue)
        if len(topics) != 1 or len(described) != 2:
            return selection
        clause, atom = topics[0]
        words = atom.text.split()
        parts = [[w for w in words if set(topic_words(w, frozenset())) <= inside] for inside in described]
        if not all(parts) or len(parts[0]) + len(parts[1]) != len(words):
            return selection
        halves = tuple(Clause((replace(atom, text=" ".join(part)),)) for part in parts)
        return Selection((*(c for c in selection.clauses if c is not clause), *halves))

    def _described_pair(self, selection: Selection, cue: str) -> Selection:
        """ "is the active learning paper older or newer than the graph transformer ablation?": two
        descriptions set against each other, each the paper it fits best; "is TrafNet older than the
        travel survey paper?": a name against a description said as "the ... paper"."""
        # "the norway election bots one or PHEME Revisited": one clause of either, set against each other
        either = next((c for c in selection.clauses if not c.negated and _topic_and_name(c)), None)
        if either is not None:
            parts = tuple(Clause((atom,)) for atom in either.atoms)
            selection = Selection(tuple(p for c in selection.clauses for p in (parts if c is either else (c,))))
        topics = _lone_topics(selection)
        named = selection.positive("papers")
        if len(topics) == 1 and len(named) == 1 and isinstance(named[0], AmongPapers) and len(named[0].ids) == 1:
            clause, atom = topics[0]
            words = set(topic_words(atom.text, frozenset()))
            paper = self._paper_described(atom)
            # "is SSTNet-XL newer than the ocean heat content intercomparison?": what a named paper is set
            # against with "than the" is one paper too, "paper" unsaid
            against = _THAN_THE.search(cue)
            described = self._description_words(cue) + (
                [set(topic_words(against.group(1), frozenset()))] if against else []
            )
            if paper is None or paper.ids == named[0].ids or not any(words <= d for d in described):
                return selection
            return Selection(tuple(Clause((paper,)) if c is clause else c for c in selection.clauses))
        if len(topics) != 2 or named:
            return selection
        papers = [self._paper_described(atom) for _, atom in topics]
        if papers[0] is None or papers[1] is None or papers[0].ids == papers[1].ids:
            return selection
        kept = tuple(c for c in selection.clauses if all(c is not clause for clause, _ in topics))
        return Selection((*kept, *(Clause((paper,)) for paper in papers if paper is not None)))

    def _described_with_benchmarks(
        self, selection: Selection, describing: dict[str, tuple[str, frozenset[str]]]
    ) -> Selection:
        def described_with_them(clause: Clause) -> bool:
            atom = clause.atoms[0]
            return (
                clause.kind == "topic"
                and not clause.negated
                and isinstance(atom, AboutTopic)
                and any(set(topic_words(atom.text, frozenset())) & words for _, words in describing.values())
            )

        topic = next((c for c in selection.clauses if described_with_them(c)), None)
        if topic is None:
            return self._benchmarks_as_papers(selection, frozenset(describing))
        said = [
            describing[a.name][0]
            for c in selection.clauses
            if not c.negated
            for a in c.atoms
            if isinstance(a, MentionsBenchmark) and a.name in describing
        ]
        clauses = []
        for clause in selection.clauses:
            if clause is topic and isinstance(clause.atoms[0], AboutTopic):
                atom = clause.atoms[0]
                clause = replace(clause, atoms=(replace(atom, text=" ".join([*said, atom.text])), *clause.atoms[1:]))
            elif not clause.negated and any(
                isinstance(a, MentionsBenchmark) and a.name in describing for a in clause.atoms
            ):
                kept = tuple(a for a in clause.atoms if not (isinstance(a, MentionsBenchmark) and a.name in describing))
                if not kept:
                    continue
                clause = replace(clause, atoms=kept)
            clauses.append(clause)
        return Selection(tuple(clauses))

    def _described_paper(self, selection: Selection, cue: str) -> tuple[Selection, str]:
        """ "what SHD accuracy did the grid cell paper get?": the words of "the ... paper" pick the paper;
        the others ("SHD") are what is asked of it (returned), never a second description that would pick
        another paper (the one that mentions SHD)."""
        described = self.one_paper.search(cue)
        if described is None or described.group().split()[-1] not in self.paper_nouns:
            return selection, ""  # "the biggest model", "the standard one": the noun is part of the description
        inside = set(topic_words(described.group(), frozenset()))
        clauses, asked = [], []
        for clause in selection.clauses:
            atoms = []
            for atom in clause.atoms:
                if isinstance(atom, AboutTopic) and not clause.negated:
                    words = atom.text.split()
                    kept = [w for w in words if set(topic_words(w, frozenset())) <= inside]
                    rest = [w for w in words if w not in kept]
                    # only a name-like rest ("SHD", "MT50"): plain words ("teen employment") may as well
                    # describe the paper too, which the whole topic then finds
                    if kept and rest and all(_name_shaped(w) for w in rest):
                        asked += rest
                        atom = replace(atom, text=" ".join(kept))
                atoms.append(atom)
            clauses.append(replace(clause, atoms=tuple(atoms)))
        return Selection(tuple(clauses)), " ".join(asked)

    def _at_least(self, cue: str) -> int | None:
        """The fewest papers a group of a ranking needs to be shown, when asked: 1 for every group."""
        threshold = self.group_threshold.search(cue)
        if threshold is not None:
            a, b, c, d = threshold.group("a", "b", "c", "d")
            count = self.vocabulary.number(a or b or c or d or "")
            if count is not None:
                return count + 1 if d else count
        return 1 if self.every_group.search(cue) else None

    def _paper_fact(self, operation: Operation, built: Built, cue: str, counting: bool, limit: int | None) -> Operation:
        field = operation.field
        if field == "authors":
            if built.positions:
                return replace(operation, field="author", position=built.positions[0][0])
            if counting:
                return replace(operation, field="author_count")
            # "did Hye-jin Cho work on the sleep spindle paper?": whether that person is listed on it
            asked = bool(built.people_named) and bool(self.yes_no.match(cue))
            return replace(operation, limit=limit, yes_no=asked)
        if field == "summary":
            for key, pattern in self.fact_patterns.items():
                if pattern.search(cue):
                    return replace(operation, field=key)  # type: ignore[arg-type]
        return operation

    def _benchmarks_as_papers(self, selection: Selection, describing: frozenset[str] | None = None) -> Selection:
        """In a question about one paper, a benchmark one paper introduces, or only one paper mentions,
        names that paper ("how many robots did they use in ROSBench", ROSBench being the suite the
        paper builds); one that several papers mention and nothing else describes names them all, to
        choose from. With `describing`, only those benchmarks, each naming every paper that uses it."""
        clauses = []
        for clause in selection.clauses:
            atoms: list[Atom] = []
            for atom in clause.atoms:
                if isinstance(atom, MentionsBenchmark) and not clause.negated:
                    if describing is not None and atom.name not in describing:
                        atoms.append(atom)
                        continue
                    papers = self.corpus.introduced_by.get(compact(atom.name), [])
                    # ... or that only one paper mentions ("a dropout model built on MOOCCubeX")
                    papers = papers or self.corpus.by_benchmark.get(atom.name, [])
                    # "the CIC-IDS2017 paper", said alone: the papers that mention it, to choose from
                    # (beside other words, "the mmlu contamination paper", they pick among them)
                    if len(papers) == 1 or (papers and (describing is not None or not selection.has("topic"))):
                        atom = AmongPapers(tuple(p.id for p in papers), atom.name)
                atoms.append(atom)
            clauses.append(replace(clause, atoms=tuple(atoms)))
        return Selection(tuple(clauses))

    def _counted(self, cue: str) -> str | None:
        """ "how many annotators ...": what is counted, unless the page itself counts it (papers, people)."""
        match = self.quantity_ask.search(cue)
        if match is None:
            return "size" if self.size_ask.search(cue) else None  # "how big is the model?"
        # "how many subjects did they use?": a study's count, even of a word the page counts itself
        study = bool(self.study_asked.search(cue))
        if match.group(1) in self.ratio_comparatives:
            return match.group(1)  # "how much faster is it?": the ratio the abstract gives ("240× faster")
        words: list[str] = []
        for word in match.groups():
            if word in self.count_modifiers:
                continue  # "how many distinct benchmarks"
            if word is None or (word in self.frame_all and word not in self.counted_units and (words or not study)):
                break
            words.append(word)
        if not words:
            return None
        if any(w in self.page_counted for w in match.groups() if w) and not study:
            return None  # "how many single-cell papers": papers, which the page counts
        return " ".join(words)

    def _without_code_in_topics(self, cue: str) -> str:
        """ "the toric code CNN", "surface code decoders": a code word inside a topic's name asks
        nothing about code, so the intents that ask about code do not hear it."""
        if not self.code_words.search(cue):
            return cue
        from bot.understanding.concepts import ConceptLexicon

        for hit in reversed(ConceptLexicon.default().find(cue)):
            if self.code_words.search(cue[hit.start : hit.end]):
                cue = f"{cue[: hit.start]}topic{cue[hit.end :]}"
        return cue

    def _picked_one(self, cue: str) -> bool:
        """ "who's the third author on the oldest one?": one of the list in view, picked by date."""
        match = self.picked_paper.search(cue)
        return match is not None and match.group().endswith("one")

    def _asks_about_picked(self, cue: str) -> bool:
        """A question about the paper a date picks ("who wrote his oldest paper?", "does her latest one
        have code?"), not the pick itself with filters after it ("oldest paper that has code")."""
        match = self.picked_paper.search(cue)
        if match is None:
            return False
        before = re.findall(r"[\w']+", cue[: match.start()])
        # "the older of the two, what rejection did it get?": the pick said first, then the question
        after = _AFTER_A_BREAK.match(cue, match.end())
        asked_after = after is not None and QUESTION_START.match(cue[after.end() :]) is not None
        return asked_after or any(word not in self.pick_openers for word in before)

    def _unless_an_order(self, match: re.Match[str]) -> str:
        """An author position or an item of the last list is blanked; "the oldest?" is an order, kept."""
        which = match.group("which")
        if which is None or which == "last":
            return " "
        if _ORDER_EVER.match(match.string, match.end()):
            return match.group()  # "the first paper she ever published": of all her papers, not of a list
        return " " if self.vocabulary.number(which) and which not in self.vocabulary.cardinals else match.group()

    def _item_reference(self, cue: str) -> int | None:
        """ "the second one", "the last paper", "number 3": an item of the last list."""
        for match in _ITEM_REFERENCE.finditer(cue):
            which = match.group("which")
            if which == "last":
                return -1
            if which == "other" or match.group("others"):
                return OTHER_ITEMS
            number = self.vocabulary.number(which) if which else int(match.group("number"))
            if number and which not in self.vocabulary.cardinals:
                return number
        return None


def _either_named_or_described(selection: Selection, cue: str) -> Selection:
    """ "EdgeCalve or the ICESat-2 subglacial lake drainage paper": a named paper and a description said
    with a benchmark in it, set against each other, are one clause of either (the benchmark kept them
    apart while the question was read)."""
    named = [
        c for c in selection.clauses if not c.negated and len(c.atoms) == 1 and isinstance(c.atoms[0], AmongPapers)
    ]
    topics = [
        c for c in selection.clauses if not c.negated and len(c.atoms) == 1 and isinstance(c.atoms[0], AboutTopic)
    ]
    if len(named) != 1 or len(topics) != 1 or len(selection.clauses) != 2 or not _OR.search(cue):
        return selection
    return Selection((Clause((named[0].atoms[0], topics[0].atoms[0])),))


def _group_key(name: str) -> GroupKey:
    keys: dict[str, GroupKey] = {k: k for k in get_args(GroupKey)}
    return keys.get(name, "year")


# What a paper has, asked of the papers in view: "do they have code?", "are they CV?", "from 2019?".
PAPER_PROPERTIES = frozenset({"code", "time", "category", "benchmark", "any_benchmark", "topic", "solo"})


_THAN = compiled_pattern(r"\bthan\b")
_OR = compiled_pattern(r"\bor\b")
_WHICH = compiled_pattern(r"\b(?:which|who)\b")
_EITHER = compiled_pattern(r"\b(?:or|vs|versus)\b")
# "first-price", "last-iterate": a compound, no order ("first-authored", "last-named" are places in a list)
_COMPOUND_ORDER = compiled_pattern(r"\b(?:first|last)-(?!(?:author|listed|named|place)\w*)(?=[a-z])")


def _papers_in_order(selection: Selection, text: str) -> tuple[int, ...]:
    """The papers named one by one, in the order the question says them (a description found later
    is added last to the selection, but may have been said first)."""
    atoms = [a for a in selection.positive("papers") if isinstance(a, AmongPapers) and len(a.ids) == 1]
    folded = text.casefold()

    def said_at(atom: AmongPapers) -> int:
        at = folded.find(atom.label.casefold())
        return at if at >= 0 else len(folded)

    return tuple(dict.fromkeys(a.ids[0] for a in sorted(atoms, key=said_at)))


def _in_said_order(selection: Selection, text: str) -> Selection:
    """The papers named one by one put in the order said, so that "does X have more authors than Y?"
    asks about X whichever was found first."""
    order = {paper_id: at for at, paper_id in enumerate(_papers_in_order(selection, text))}

    def single(clause: Clause) -> int | None:
        atom = clause.atoms[0] if len(clause.atoms) == 1 and not clause.negated else None
        return order.get(atom.ids[0]) if isinstance(atom, AmongPapers) and len(atom.ids) == 1 else None

    slots = [i for i, c in enumerate(selection.clauses) if single(c) is not None]
    if len(slots) < 2:
        return selection
    clauses = list(selection.clauses)
    for slot, clause in zip(slots, sorted((clauses[i] for i in slots), key=lambda c: single(c) or 0), strict=True):
        clauses[slot] = clause
    return Selection(tuple(clauses))


def _topic_and_name(clause: Clause) -> bool:
    """A clause of a description and one named paper ("the X one or FooNet")."""
    kinds = sorted(type(atom).__name__ for atom in clause.atoms)
    named = [a for a in clause.atoms if isinstance(a, AmongPapers)]
    return kinds == ["AboutTopic", "AmongPapers"] and len(named[0].ids) == 1


def _lone_topics(selection: Selection) -> list[tuple[Clause, AboutTopic]]:
    """The selection's topics said alone in their clause, not negated, with their atom."""
    return [
        (c, c.atoms[0])
        for c in selection.clauses
        if c.kind == "topic" and not c.negated and len(c.atoms) == 1 and isinstance(c.atoms[0], AboutTopic)
    ]


def _name_shaped(word: str) -> bool:
    """Written like a name, not a word: "SHD", "MT50", "ImageNet"."""
    return any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:])


def _refers_back(query: Query) -> bool:
    return any(isinstance(a, Previous) and a.what == "papers" for a in query.selection.atoms())


def _compared_kind(selection: Selection) -> str | None:
    """The kind whose filters are the groups: "2023 or 2025", "IR or LG", "Ming Yan or Haiyang Xu"."""
    counts: dict[str, int] = {}
    for atom in selection.atoms(negated=False):
        kind = atom_kind(atom)
        counts[kind] = counts.get(kind, 0) + (len(atom.ranges) if isinstance(atom, During) else 1)
    best = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
    return best[0] if best[1] >= 2 else None


def _without_words(selection: Selection, words: frozenset[str]) -> Selection:
    """The topics without the words of what is counted: "annotators" names no paper, it is asked about."""
    clauses = []
    for clause in selection.clauses:
        atoms = []
        for atom in clause.atoms:
            if isinstance(atom, AboutTopic):
                kept = " ".join(w for w in atom.text.split() if w not in words)
                if not kept:
                    continue
                atom = replace(atom, text=kept)
            atoms.append(atom)
        if atoms:
            clauses.append(replace(clause, atoms=tuple(atoms)))
    return Selection(tuple(clauses))


# every word a frame may hold: "what's", and "what" and "s"
_READ_WORDS = (re.compile(r"[^\W\d_]+['’][^\W\d_]+"), re.compile(r"[^\W\d_]+"))


def _typed(words: str, text: str) -> str:
    """`words` as the message typed them (its case), or "" when it does not hold them."""
    joined = " ".join(words.split())
    if text.isascii() and joined.isascii():  # one find, no pattern made per question
        at = text.lower().find(joined.lower())
        if at >= 0:
            return text[at : at + len(joined)]
    found = re.search(r"\s+".join(map(re.escape, words.split())), text, re.IGNORECASE)
    return found.group() if found else ""


_WORD_OR_HYPHENED = re.compile(r"[\w-]+")


def _said_before(clause: Clause, cue: str, pronoun: re.Match[str] | None) -> bool:
    """Does every topic of the clause start before the pronoun?"""
    if pronoun is None:
        return False
    before = set(_WORD_OR_HYPHENED.findall(cue[: pronoun.start()]))
    # the first word as the cue's words are cut: "women" of "women's football"
    firsts = [_WORD_OR_HYPHENED.search(a.text.casefold()) if isinstance(a, AboutTopic) else None for a in clause.atoms]
    return all(first is not None and first.group() in before for first in firsts)


def _named_papers(selection: Selection) -> int:
    """How many papers the question names one by one ("CEDNet or TwinRIS")."""
    atoms = [a for a in selection.positive("papers") if isinstance(a, AmongPapers)]
    return len(atoms) if all(len(a.ids) == 1 for a in atoms) else 0


def _loose_clause(clause: Clause) -> bool:
    return all(isinstance(a, AboutTopic) and not a.said for a in clause.atoms)


def _respelt_note(respelt: tuple[tuple[str, str], ...]) -> str:
    """What a misspelt topic word was read as, so a wrong guess shows ("I read “hats” as “chats”.")."""
    said = [f"“{typed}” as “{meant}”" for typed, meant in respelt]
    listed = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
    return f"(I read {listed}.)"
