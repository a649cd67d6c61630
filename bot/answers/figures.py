"""Results quoted from an abstract: the figure a paper reports on a benchmark, with its sentence.

Abstracts state results in a handful of shapes, each read here:
- after the name, in brackets: "DiDeMo (47.8 R@1)";
- before the name, joined by a preposition: "achieves 46.2 R@1 on ActivityNet", "reaches 91.2%
  success on X", "R@1 of 47.8 on DiDeMo", "improves BERT-large by 9.0% on CommonsenseQA";
- after the name in its clause: "On Kinetics-400 it reaches 84.1% top-1 accuracy",
  "mIoU on ACDC from 58.9 to 71.4" (the result is the second number, the first its baseline);
- aligned lists: "on A, B and C (1.1, 2.2 and 3.3, respectively)", a list of names in one
  sentence and "1.1%, 2.2% and 3.3% ... respectively" (or "on these benchmarks") in the next.

A number is a score only if it reads as one: a decimal, a percentage, a signed gain, or an
integer with a metric or "points" after it. Digits that belong to a name ("MSR-VTT",
"DAVIS-2017", "Kinetics-400", "12M"), years, counts ("10 scenarios") and quantities ("1% of the
labels") are never figures. When the question names a metric, figures given in it come first,
then those of its family, then those with no metric; figures in another metric are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from bot.corpus.gazetteer import phrase_pattern
from bot.corpus.names import generic_terms
from bot.precompiled import compiled_pattern
from bot.text import compact, fold, sentences
from bot.understanding.metrics import Metric, MetricHit, MetricLexicon

_NUMBER = compiled_pattern(
    r"(?<![\w.@/^])(?P<sign>[+\-\u2212\u00b1]?)(?P<digits>\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)"
    r"(?P<unit>\s?\\?%|\s?(?:pp|dB|x|\u00d7)(?![\w]))?"
)
_DASHES = "-\u2010\u2011\u2013"
_YEAR = compiled_pattern(r"(?:19|20)\d\d")
_RUN_GAP = compiled_pattern(r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)")
_FROM_TO = compiled_pattern(r"\s*(?:to|\u2192|->)\s*")
_FROM_BEFORE = compiled_pattern(r"\bfrom\s*$")
_POINTS_AFTER = compiled_pattern(r"\s*(?:percentage\s+)?points?\b")
_PREPOSITION = r"(?:on|in|for|at|across|of)"
# Words between a run of figures and the preposition that ties it to a name: "improvement",
# never a conjunction ("from 59.5% to 61.9% and on VQA-CP" ties nothing to VQA-CP).
_LEADING_WORDS = r"(?:(?!(?:and|or|but|while|whereas|then)\b)[\w%\-]+\s+){0,3}?"
# Between a run of figures and the name it reports on: a few words, a preposition, a few words.
_RUN_THEN_NAME = compiled_pattern(rf"\s*{_LEADING_WORDS}{_PREPOSITION}\s+(?:[\w\-]+\s+){{0,3}}?\s*")
# After a name, before the figure that reports on it in the same clause ("On X it reaches 84.1%").
_NAME_THEN_RUN = compiled_pattern(r"[^,;:()]{0,80}?")
_CLAUSE_BREAK = compiled_pattern(r"[,;:()]")
# A run followed by a preposition and a capitalised word reports on that other name.
_RUN_BEFORE_OTHER_NAME = compiled_pattern(
    rf"\s*{_LEADING_WORDS}{_PREPOSITION}\s+(?:the\s+)?(?:[a-z][\w\-]*\s+){{0,2}}?(?P<name>[A-Z][\w\-]*)"
)
_BRACKET_AFTER_NAME = compiled_pattern(r"(?:[\s\-]+[\w.\-]+){0,2}?\s*\((?P<inside>[^()]*)\)")
_ALIGNED = compiled_pattern(r"[^.;]*?\b(?:respectively|these\s+(?:benchmarks|datasets|tasks))\b", re.IGNORECASE)
_GAIN_BEFORE = compiled_pattern(
    r"(?:\bby|\bimprovements?\s+of|\bgains?\s+of|\bincreases?\s+of|\bboosts?\s+of)\s*(?:about\s+|approximately\s+|up\s+to\s+|around\s+)?$",
    re.IGNORECASE,
)
_GAIN_AFTER = compiled_pattern(
    r"\s*(?:(?:percentage\s+)?points?\s+(?:above|over|higher|better|more)"
    r"|(?:points?\s+|pp\s+)?(?:relative\s+|absolute\s+)?(?:improvements?|gains?|higher|better|increase))\b",
    re.IGNORECASE,
)
_LIST_START = compiled_pattern(
    r"\(|:|;|\bincluding\b|\bsuch\s+as\b|\be\.g\.,?|\bnamely\b|\b(?:on|in|across|over)\b(?:\s+(?:the|both|all))?",
    re.IGNORECASE,
)
# A list of names ends at a bracket, a clause or a preposition; ", and" before a lowercase word
# starts a new clause ("on CSQA (...), and gains ... on QASC").
_LIST_END = compiled_pattern(
    r"\)|;|:|\.(?:\s|$)|,\s+and\s+(?=(?-i:[a-z]))|\b(?:with|respectively|by|using|where|which|that|on|in)\b",
    re.IGNORECASE,
)
_LIST_SPLIT = compiled_pattern(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_MAX_ITEM_WORDS = 6
_DROPPED = 3  # the rank of a figure given in a metric other than the one asked
_METRIC_QUALIFIER = compiled_pattern(r"\s*(?:(?:average|mean|median|overall|final|absolute|relative|normalized)\s+)?")
_SCORE_BEFORE = compiled_pattern(r"(?<![\w\-.])[+\-]?\d+(?:\.\d+)?\s?\\?%?\s*$")


@dataclass(frozen=True, slots=True)
class Figure:
    """A result an abstract gives for a benchmark."""

    value: str
    """As written: "47.8", "+9.0%", "80.5%"."""
    metric: str | None
    """The metric as the abstract writes it next to the value ("R@1", "top-1 accuracy"), if any."""
    benchmark: str
    """The benchmark as the abstract writes it."""
    sentence: str
    """The sentence the figure comes from, to quote."""
    baseline: str | None = None
    """The starting point of "from 58.9 to 71.4"."""
    gain: bool = False
    """An improvement rather than a score: "by 9.0%", "+6.3%", "4.6 points over"."""

    @property
    def text(self) -> str:
        """The figure as an answer states it: "47.8 R@1", "71.4 mIoU (from 58.9)"."""
        shown = f"{self.value} {self.metric}" if self.metric else self.value
        return f"{shown} (from {self.baseline})" if self.baseline else shown


@dataclass(frozen=True, slots=True)
class _Number:
    """A score in a sentence: its span (the baseline's too for "from A to B"), value, metric."""

    start: int
    end: int  # after the value and the metric written right after it
    value: str
    metric: MetricHit | None
    baseline: str | None = None
    gain: bool = False


@dataclass(frozen=True, slots=True)
class _Run:
    """Scores listed together: "0.5%, 2.9% and 9.0%", "48.0 top-1 accuracy and 80.3 CIDEr"."""

    numbers: tuple[_Number, ...]

    @property
    def start(self) -> int:
        return self.numbers[0].start

    @property
    def end(self) -> int:
        return self.numbers[-1].end


@dataclass(frozen=True, slots=True)
class _Found:
    sentence: int
    number: _Number
    benchmark: str


def figures_for(
    abstract: str,
    benchmark_forms: Sequence[str],
    metric: Metric | None = None,
    k: int | None = None,
    metrics: MetricLexicon | None = None,
    own_name: str | None = None,
) -> list[Figure]:
    """The figures an abstract reports for a benchmark (any of its forms), best first.

    With `metric` (and its cut-off `k`, "R@1" -> k = 1), figures in that metric come first, then
    figures in its family, then figures the abstract gives without a metric; others are dropped.
    """
    lexicon = metrics or MetricLexicon.default()
    patterns = [p for p in (phrase_pattern(form) for form in benchmark_forms if form.strip()) if p]
    if not patterns:
        return []
    parsed = [_Sentence(text, patterns, lexicon) for text in sentences(abstract)]
    found: dict[tuple[int, int], _Found] = {}
    for index, sentence in enumerate(parsed):
        for item in _bound(index, sentence, parsed[index - 1] if index else None):
            found.setdefault((item.sentence, item.number.start), item)
    figures = [
        (
            (
                _rank(item.number.metric, metric, k),
                _of_another_model(parsed[item.sentence].text[: item.number.start], own_name),
            ),
            Figure(
                value=item.number.value,
                metric=item.number.metric.surface if item.number.metric else None,
                benchmark=item.benchmark,
                sentence=parsed[item.sentence].text,
                baseline=item.number.baseline,
                gain=item.number.gain,
            ),
        )
        for item in found.values()
    ]
    # Among equals, a figure said of the paper's own method ("It reaches 67.9% on PlantDoc") before one
    # said after another model ("a ResNet-50 that ... drops to 38.7% on PlantDoc").
    return [figure for (rank, _), figure in sorted(figures, key=lambda pair: pair[0]) if rank < _DROPPED]


# Another model said as one ("a ResNet-50 that ...", "an LSTM model", "the GPT-4 baseline")
_MODEL_NAME = compiled_pattern(
    r"\b(?:a|an)\s+([A-Z][a-z]*[A-Z0-9][\w-]*)\s+(?:that|which|model|network|classifier|trained)\b"
    r"|\b([A-Z][a-z]*[A-Z0-9][\w-]*)\s+baselines?\b"
)


def _of_another_model(before: str, own_name: str | None) -> bool:
    """Whether a model other than the paper's own is named, as a model, before the figure in its sentence."""
    own = compact(own_name or "")
    return any(
        not (own and (own in compact(name) or compact(name) in own))
        for name in map("".join, _MODEL_NAME.findall(before))
    )


def _rank(found: MetricHit | None, asked: Metric | None, k: int | None) -> int:
    """0: the asked metric, 1: its family, 2: no metric given, 3: another metric (dropped)."""
    if asked is None:
        return 0
    if found is None:
        return 2
    if found.metric is asked:
        return 0 if k is None or found.k is None or found.k == k else 1
    return 1 if asked.same_family(found.metric) else _DROPPED


def _bound(index: int, sentence: _Sentence, previous: _Sentence | None) -> Iterator[_Found]:
    """Figures the sentence gives for the benchmark, including those it aligns with a list of
    names in itself or in the sentence before ("... 1.1%, 2.2% and 3.3% respectively")."""
    holders = [h for h in (sentence, previous) if h is not None]
    for run in sentence.runs:
        if len(run.numbers) < 2 or not _ALIGNED.match(sentence.text, run.end):
            continue
        for holder in holders:
            for mention in holder.mentions:
                items = holder.list_around(mention)
                position = next((i for i, (start, end) in enumerate(items) if start <= mention[0] < end), None)
                if position is not None and len(items) == len(run.numbers):
                    yield _Found(index, run.numbers[position], holder.name_at(mention))
    for mention in sentence.mentions:
        for run in sentence.runs_for(mention):
            for number in run.numbers:
                yield _Found(index, number, sentence.name_at(mention))


class _Sentence:
    """One sentence read once: where the benchmark is named, its scores and their metrics."""

    def __init__(self, text: str, patterns: Sequence[re.Pattern[str]], metrics: MetricLexicon) -> None:
        self.text = text
        self.mentions = _mentions(text, patterns)
        self._metrics = metrics
        self.metric_hits = metrics.find(text)
        self.runs = _runs(text, self._numbers())

    def name_at(self, mention: tuple[int, int]) -> str:
        return self.text[mention[0] : mention[1]]

    def runs_for(self, mention: tuple[int, int]) -> list[_Run]:
        """The scores the sentence gives for one mention of the benchmark, by the first shape
        that applies: brackets after it, a run before it, a run after it in its clause."""
        start, end = mention
        text = self.text
        bracket = _BRACKET_AFTER_NAME.match(text, end)
        if bracket and not re.search(r"\brespectively\b", bracket.group("inside")):
            inside = [r for r in self.runs if bracket.start("inside") <= r.start and r.end <= bracket.end("inside")]
            if inside:
                return inside
        before = [r for r in self.runs if r.end <= start]
        if before and _fullmatch(_RUN_THEN_NAME, text, before[-1].end, start):
            return [before[-1]]
        after = [r for r in self.runs if r.start >= end]
        if after and _fullmatch(_NAME_THEN_RUN, text, end, after[0].start) and not self._reports_elsewhere(after[0]):
            return [after[0]]
        return []

    def list_around(self, mention: tuple[int, int]) -> list[tuple[int, int]]:
        """The spans of the items of the list of names the mention belongs to: "NER, relation
        extraction, CommonsenseQA, OpenBookQA and GLUE" (brackets other than its own blanked)."""
        blanked = _blank_brackets(self.text, mention)
        start = max((m.end() for m in _LIST_START.finditer(blanked, 0, mention[0])), default=0)
        stop = _LIST_END.search(blanked, mention[1])
        end = stop.start() if stop else len(blanked)
        items: list[tuple[int, int]] = []
        cursor = start
        for separator in [*_LIST_SPLIT.finditer(blanked, start, end), None]:
            piece_end = separator.start() if separator else end
            piece = blanked[cursor:piece_end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                items.append((cursor + lead, cursor + len(piece.rstrip())))
            cursor = separator.end() if separator else end
        if any(len(blanked[s:e].split()) > _MAX_ITEM_WORDS for s, e in items):
            return []
        return items

    def _reports_elsewhere(self, run: _Run) -> bool:
        """Whether a run is followed by "on <another name>": "X reaches 50.1 on A and 47.8 on B"."""
        owner = _RUN_BEFORE_OTHER_NAME.match(self.text, run.end)
        if owner is None or fold(owner.group("name")) in generic_terms():
            return False
        return not any(start <= owner.start("name") < end for start, end in self.mentions)

    def _numbers(self) -> list[_Number]:
        """Every score in the sentence with its metric, "from A to B" read as B with baseline A."""
        scores = [s for s in (self._score(m) for m in _NUMBER.finditer(self.text)) if s is not None]
        numbers: list[_Number] = []
        i = 0
        while i < len(scores):
            current = scores[i]
            if (
                i + 1 < len(scores)
                and _FROM_BEFORE.search(self.text, 0, current.start)
                and _fullmatch(_FROM_TO, self.text, current.end, scores[i + 1].start)
            ):
                target = scores[i + 1]
                numbers.append(
                    _Number(current.start, target.end, target.value, target.metric or current.metric, current.value)
                )
                i += 2
                continue
            numbers.append(current)
            i += 1
        return numbers

    def _score(self, match: re.Match[str]) -> _Number | None:
        text = self.text
        start, end = match.start(), match.end()
        sign, digits, unit = match.group("sign"), match.group("digits"), (match.group("unit") or "").strip()
        before = text[: match.start("digits")]
        if self._inside_name_or_metric(start, end) or (before[-1:] in _DASHES and before[-2:-1].isalnum()):
            return None  # "DAVIS-2017", "Kinetics-400", "R@1"
        if end < len(text) and text[end].isalnum():
            return None  # "12M", "3D", "30k"
        after = self._metric_after(end)
        plain = not sign and "." not in digits and not unit
        if plain and (_YEAR.fullmatch(digits) or not (after or _POINTS_AFTER.match(text, end))):
            return None  # a year or a count ("10 scenarios"), not a score
        if self._counts_something(end):
            return None
        value = sign + digits + unit.replace("\\%", "%")
        return _Number(start, after.end if after else end, value, after or self._metric_before(start))

    def _inside_name_or_metric(self, start: int, end: int) -> bool:
        spans = [*self.mentions, *((h.start, h.end) for h in self.metric_hits)]
        return any(s < end and start < e for s, e in spans)

    def _metric_after(self, end: int) -> MetricHit | None:
        """ "91.2% success", also with a qualifier between: "91.2% average success rate"."""
        return next(
            (h for h in self.metric_hits if h.start >= end and _METRIC_QUALIFIER.fullmatch(self.text, end, h.start)),
            None,
        )

    def _metric_before(self, start: int) -> MetricHit | None:
        """The metric a score inherits from earlier in its clause ("R@1 of 47.8", "mIoU on ACDC
        from 58.9"): the nearest one before it, unless a number or a clause break comes between."""
        for hit in reversed([h for h in self.metric_hits if h.end <= start]):
            between = self.text[hit.end : start]
            if _CLAUSE_BREAK.search(between) or any(ch.isdigit() for ch in between):
                return None
            if not self._written_after_a_number(hit):
                return hit
        return None

    def _written_after_a_number(self, hit: MetricHit) -> bool:
        return _SCORE_BEFORE.search(self.text, 0, hit.start) is not None

    def _counts_something(self, end: int) -> bool:
        """ "1% of the labels", "1.7% trainable parameters", "40% symmetric noise": one of the
        first two words after the fillers says what is counted."""
        words = [fold(w) for w in re.findall(r"[^\W\d_]+", self.text[end : end + 80])]
        content = [w for w in words[:6] if w not in self._metrics.quantity_fillers]
        return any(w in self._metrics.quantity_words for w in content[:2])


def _fullmatch(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    return start <= end and pattern.fullmatch(text, start, end) is not None


def _mentions(text: str, patterns: Sequence[re.Pattern[str]]) -> list[tuple[int, int]]:
    """Where the benchmark is named, longest spelling first, never overlapping."""
    spans = sorted(
        ((m.start(), m.end()) for pattern in patterns for m in pattern.finditer(text)),
        key=lambda span: (span[0], -span[1]),
    )
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _runs(text: str, numbers: list[_Number]) -> list[_Run]:
    """Group scores written as one list, and mark the gains: a signed number, one after "by" or
    "improvement of", one before "improvement" or "points above" (for a list without metrics of
    its own, all of it: "8.6% and 11.1% improvement")."""
    groups: list[list[_Number]] = []
    for number in numbers:
        if groups and _fullmatch(_RUN_GAP, text, groups[-1][-1].end, number.start):
            groups[-1].append(number)
        else:
            groups.append([number])
    runs = []
    for group in groups:
        gain_before = bool(_GAIN_BEFORE.search(text, 0, group[0].start))
        gain_after = bool(_GAIN_AFTER.match(text, group[-1].end)) and not any(n.metric for n in group)
        runs.append(
            _Run(
                tuple(
                    replace(
                        n,
                        gain=n.value[:1] == "+"
                        or gain_before
                        or gain_after
                        or bool(_GAIN_AFTER.match(text, n.end))
                        or bool(_GAIN_BEFORE.search(text, 0, n.start)),
                    )
                    for n in group
                )
            )
        )
    return runs


def _blank_brackets(text: str, keep: tuple[int, int]) -> str:
    """The text with every bracketed part that does not hold `keep` replaced by spaces."""
    out = list(text)
    for bracket in re.finditer(r"\([^()]*\)", text):
        if not (bracket.start() <= keep[0] < bracket.end()):
            out[bracket.start() : bracket.end()] = " " * (bracket.end() - bracket.start())
    return "".join(out)
