"""Evaluation metrics and their written forms: "R@1", "recall at 1" and "Recall@1" are one metric.

The metrics live in data/metrics.yaml. All forms compile into one regular expression shaped like
a trie (one branch per first character, so a long abstract is scanned in C at a few microseconds
per hundred characters); a match is then named by looking its separator-free spelling up, as it
stands or with one of its numbers read as the cut-off k.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from bot.paths import METRICS_FILE
from bot.precompiled import compiled_pattern, generated_source
from bot.text import fold
from bot.understanding.concepts import LexiconError, named_entries, string_list
from bot.yaml_io import load_data_file

K = "{k}"
_METRIC_KEYS = frozenset({"name", "forms", "family", "case_sensitive"})
_SEPARATOR = r"[\s\-\u2010\u2011\u2013_]?"
_AROUND_SYMBOL = {"@": r"\s?@\s?", "&": r"\s?&\s?"}


@dataclass(frozen=True, slots=True)
class Metric:
    """An evaluation metric: its canonical name, the forms that write it, its family."""

    name: str
    forms: tuple[str, ...]
    family: str = ""
    """Metrics measuring the same thing at another cut or on another output (AP, AP50, box AP)."""
    case_sensitive: frozenset[str] = frozenset()
    lower_is_better: bool = False
    """An error, a distance, a cost: "the best WER" is the lowest one."""

    def label(self, k: int | None = None) -> str:
        """The name with its cut-off filled in: "recall@1"; "recall@k" when k is unknown."""
        if K in self.name:
            return self.name.replace(K, str(k) if k is not None else "k")
        return f"{self.name}@{k}" if k is not None else self.name

    def same_family(self, other: Metric) -> bool:
        return self is other or (bool(self.family) and self.family == other.family)


@dataclass(frozen=True, slots=True)
class MetricHit:
    """A metric named in a text: `text[start:end] == surface`; k is its cut-off when it has one."""

    metric: Metric
    k: int | None
    start: int
    end: int
    surface: str

    @property
    def label(self) -> str:
        return self.metric.label(self.k)


_SEPARATOR_CHARS = " -_\u2010\u2011\u2013"
_SEPARATOR_RUN = compiled_pattern(r"[\s\-_\u2010\u2011\u2013]+")
_DIGITS = compiled_pattern(r"\d+")
_END = ""  # marks where a form ends in the trie of atoms


def _atoms(form: str, case_sensitive: bool) -> list[str]:
    """A form as regular-expression atoms: a separator may be left out ("top-1" = "top1"), "{k}"
    is a number, and a letter of a case-insensitive form is a two-letter class ("[tT]")."""
    atoms: list[str] = []
    rest = form
    while rest:
        if rest.startswith(K):
            if atoms and atoms[-1] not in (_SEPARATOR, _AROUND_SYMBOL["@"]):
                atoms.append(_SEPARATOR)  # "AP50" = "AP 50" = "AP_50"
            atoms.append(r"\d+")
            rest = rest[len(K) :]
            continue
        ch, rest = rest[0], rest[1:]
        if ch in _SEPARATOR_CHARS:
            atoms.append(_SEPARATOR)
        elif ch in _AROUND_SYMBOL:
            atoms.append(_AROUND_SYMBOL[ch])
        elif not case_sensitive and ch.lower() != ch.upper():
            atoms.append(f"[{re.escape(ch.lower())}{re.escape(ch.upper())}]")
        else:
            atoms.append(re.escape(ch))
    return atoms


def _alternation(node: dict[str, Any]) -> str:
    """The regular expression of a trie of atoms: longer forms are tried before the forms they
    extend ("top-1 accuracy" before "top-1"), one branch per first atom."""
    branches = []
    for atom, child in node.items():
        if atom == _END:
            continue
        rest = _alternation(child)
        branches.append(atom + (f"(?:{rest})?" if rest and _END in child else rest))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _pattern_source(forms: list[tuple[str, bool]]) -> str:
    trie: dict[str, Any] = {}
    for form, cased in forms:
        node = trie
        for atom in _atoms(form, cased):
            node = node.setdefault(atom, {})
        node[_END] = {}
    # Not inside a word, not after a hyphen ("DeepSeek-R1"), not cut before a decimal ("AP@0.5"); a
    # times sign may follow its number ("23× faster", "4x faster").
    return r"(?:(?<![\w\-])|(?<=\d)(?=[×xX]\s?\w))" + _alternation(trie) + r"(?![\w@]|\.\d)"


def _key(text: str, case_sensitive: bool) -> str:
    """What the spellings of one form share: no separators, and no case unless it matters."""
    key = _SEPARATOR_RUN.sub("", text)
    return key if case_sensitive else fold(key)


class MetricLexicon:
    """Known metrics; `find` lists those a text names."""

    def __init__(
        self, metrics: Iterable[Metric], quantity_words: Iterable[str] = (), quantity_fillers: Iterable[str] = ()
    ) -> None:
        self.metrics: tuple[Metric, ...] = tuple(metrics)
        self.quantity_words = frozenset(fold(w) for w in quantity_words)
        """Words after which a number counts something: "1% of the labels", "27% fewer steps"."""
        self.quantity_fillers = frozenset(fold(w) for w in quantity_fillers)
        """Words that may stand between such a number and its word: "of the", "trainable"."""
        self._by_name = {fold(m.name): m for m in self.metrics}
        problems = _problems(self.metrics)
        if problems:
            raise LexiconError(problems)
        self._keys: dict[tuple[str, bool], Metric] = {}
        forms: list[tuple[str, bool]] = []
        for metric in self.metrics:
            for form in metric.forms:
                cased = form in metric.case_sensitive
                self._keys[(_key(form, cased), cased)] = metric
                forms.append((form, cased))
        # Written once per installation (bot.precompiled): 8 ms a start otherwise.
        source = generated_source(forms, lambda: _pattern_source(forms), __file__)
        self._pattern = compiled_pattern(source or _pattern_source(forms))

    @classmethod
    def default(cls) -> MetricLexicon:
        """The shipped lexicon, read once per process."""
        return _default_lexicon()

    @classmethod
    def from_data(cls, data: Any) -> MetricLexicon:
        """A lexicon from the parsed YAML document; every problem in it raises one LexiconError."""
        metrics, quantities = _parse(data)
        return MetricLexicon(metrics, quantities.get("words", ()), quantities.get("fillers", ()))

    def __len__(self) -> int:
        return len(self.metrics)

    def __iter__(self) -> Iterator[Metric]:
        return iter(self.metrics)

    def metric(self, name: str) -> Metric | None:
        """The metric with this canonical name (any case), or None."""
        return self._by_name.get(fold(name))

    def find(self, text: str) -> list[MetricHit]:
        """Metrics a text names, left to right, longest form first, never overlapping."""
        hits = []
        for match in self._pattern.finditer(text):
            found = self._identify(match.group())
            if found is not None:
                hits.append(MetricHit(found[0], found[1], match.start(), match.end(), match.group()))
        return hits

    def named_whole(self, label: str) -> MetricHit | None:
        """The metric a label names, all of it ("recall@1", "WER"), or None."""
        hits = self.find(label)
        return hits[0] if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(label) else None

    def names(self, text: str, asked: MetricHit) -> bool:
        """Whether a text names the metric asked, at its cut-off when one was said ("R@1", not "R@5")."""
        # a look for the words its forms start with first: most texts name none of them
        folded = fold(text)
        if not any(key in folded for key in _leads(asked.metric)):
            return False
        return any(
            hit.metric.name == asked.metric.name and (asked.k is None or hit.k in (asked.k, None))
            for hit in self.find(text)
        )

    def _identify(self, surface: str) -> tuple[Metric, int | None] | None:
        """The metric a matched surface writes: as it stands ("F1", "AP@0.5"), else with one of
        its numbers read as the cut-off ("R@10" -> "R@{k}", k = 10)."""
        readings: list[tuple[str, int | None]] = [(surface, None)]
        readings += [(surface[: n.start()] + K + surface[n.end() :], int(n.group())) for n in _DIGITS.finditer(surface)]
        for text, k in readings:
            for cased in (True, False):
                metric = self._keys.get((_key(text, cased), cased))
                if metric is not None:
                    return metric, k
        return None


def _problems(metrics: tuple[Metric, ...]) -> list[str]:
    counts = Counter(fold(m.name) for m in metrics)
    problems = [f"metric {name!r} is listed {n} times" for name, n in counts.items() if n > 1]
    owners: dict[str, set[str]] = {}
    for metric in metrics:
        problems += [
            f"{metric.name}: case-sensitive {f!r} is not one of its forms"
            for f in metric.case_sensitive - set(metric.forms)
        ]
        problems += [f"{metric.name}: {f!r} holds {K} more than once" for f in metric.forms if f.count(K) > 1]
        if not metric.forms:
            problems.append(f"{metric.name}: has no forms")
        for form in metric.forms:
            key = form if form in metric.case_sensitive else fold(form)
            owners.setdefault(re.sub(r"[\s\-_]", "", key), set()).add(metric.name)
    problems += [f"{form!r} is under {sorted(names)}" for form, names in sorted(owners.items()) if len(names) > 1]
    return problems


@cache
def _leads(metric: Metric) -> frozenset[str]:
    """What every form of the metric starts with, folded, up to its cut-off ("r@" of "R@{k}")."""
    return frozenset(fold(form.split(K)[0]).strip() for form in metric.forms) - {""}


def _parse(data: Any) -> tuple[list[Metric], dict[str, tuple[str, ...]]]:
    if not isinstance(data, dict) or not isinstance(data.get("metrics"), list):
        raise LexiconError(["expected a mapping with a list under 'metrics'"])
    problems = [f"unknown top-level key {k!r}" for k in data if k not in ("metrics", "quantities", "lower_is_better")]
    lower = set(string_list(data.get("lower_is_better", []), "lower_is_better", problems))
    raw_quantities = data.get("quantities") or {}
    if not isinstance(raw_quantities, dict):
        problems.append(f"quantities: expected a mapping, got {raw_quantities!r}")
        raw_quantities = {}
    problems += [f"quantities: unknown key {k!r}" for k in raw_quantities if k not in ("words", "fillers")]
    quantities = {k: string_list(v, f"quantities: {k}", problems) for k, v in raw_quantities.items()}
    metrics = []
    for name, item in named_entries(data["metrics"], "metric", _METRIC_KEYS, problems):
        family = item.get("family", "")
        if not isinstance(family, str):
            problems.append(f"{name}: family must be a string, got {family!r}")
            family = ""
        metrics.append(
            Metric(
                name=name,
                forms=string_list(item.get("forms"), f"{name}: forms", problems),
                family=family,
                case_sensitive=frozenset(string_list(item.get("case_sensitive"), f"{name}: case_sensitive", problems)),
                lower_is_better=name in lower or family in lower,
            )
        )
    known = {m.name for m in metrics} | {m.family for m in metrics}
    problems += [f"lower_is_better: {name!r} is no metric or family" for name in sorted(lower - known)]
    if problems:
        raise LexiconError(problems)
    return metrics, quantities


@cache
def _default_lexicon() -> MetricLexicon:
    return MetricLexicon.from_data(load_data_file(METRICS_FILE))
