"""Years, year ranges and months in a question: "since 2025", "between 2021 and 2022", "May 2023"."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

MONTH_NAMES = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
MONTH_LABELS = [
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

_YEAR = r"((?:19|20)\d\d)"
_MONTH = r"(" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_COUNT = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS) + ")"
# A letter O typed for a zero inside a year: "2O22".
_YEAR_WITH_LETTER_O = re.compile(r"\b([12])([0-9oO]{3})\b")


@dataclass(frozen=True, slots=True)
class YearSpan:
    """Inclusive bounds; None is open. `years` lists the years of an explicit set ("2021 and 2023")."""

    start: int | None
    end: int | None
    years: tuple[int, ...] = ()

    def contains(self, year: int) -> bool:
        if self.years:
            return year in self.years
        return (self.start is None or year >= self.start) and (self.end is None or year <= self.end)

    def describe(self) -> str:
        if self.years:
            return "in " + _join_or([str(y) for y in self.years])
        if self.start == self.end and self.start is not None:
            return f"in {self.start}"
        if self.start is not None and self.end is not None:
            return f"from {self.start} to {self.end}"
        if self.start is not None:
            return f"since {self.start}"
        if self.end is not None:
            return f"up to {self.end}"
        return "in any year"


@dataclass(frozen=True, slots=True)
class MonthSpec:
    month: int
    year: int | None

    def describe(self) -> str:
        return f"in {MONTH_LABELS[self.month]} {self.year}" if self.year else f"in {MONTH_LABELS[self.month]}"


@dataclass(frozen=True, slots=True)
class TimeMatch:
    span: YearSpan | None
    month: MonthSpec | None
    start: int
    end: int


def _join_or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def fix_letter_o_years(text: str) -> str:
    def repair(match: re.Match[str]) -> str:
        digits = match.group(1) + match.group(2).replace("o", "0").replace("O", "0")
        changed = digits != match.group(0)
        return digits if changed and 1950 <= int(digits) <= 2099 else match.group(0)

    return _YEAR_WITH_LETTER_O.sub(repair, text)


def _count(word: str) -> int:
    return _NUMBER_WORDS.get(word) or int(word)


def find_times(text: str, this_year: int) -> list[TimeMatch]:
    """Time expressions in lower-cased text, longest first, never overlapping."""
    found: list[TimeMatch] = []

    def add(match: re.Match[str], span: YearSpan | None, month: MonthSpec | None = None) -> None:
        if any(m.start < match.end() and match.start() < m.end for m in found):
            return
        found.append(TimeMatch(span, month, match.start(), match.end()))

    rules: list[tuple[str, Callable[..., YearSpan]]] = [
        (rf"\bbetween {_YEAR} and {_YEAR}\b", lambda a, b: YearSpan(min(int(a), int(b)), max(int(a), int(b)))),
        (
            rf"\bfrom {_YEAR} (?:to|through|till|until|-|–) {_YEAR}\b",
            lambda a, b: YearSpan(min(int(a), int(b)), max(int(a), int(b))),
        ),
        (
            rf"\b{_YEAR} ?(?:-|–|to|through|until) ?{_YEAR}\b",
            lambda a, b: YearSpan(min(int(a), int(b)), max(int(a), int(b))),
        ),
        (
            rf"\b(?:since|starting(?: in| from)?|from|in or after|as of) {_YEAR} (?:on|onwards?|and later|and after)\b",
            lambda a: YearSpan(int(a), None),
        ),
        (rf"\b{_YEAR} (?:onwards?|and later|or later|and after|and beyond)\b", lambda a: YearSpan(int(a), None)),
        (rf"\b(?:after|later than|post|past) ?-?{_YEAR}\b", lambda a: YearSpan(int(a) + 1, None)),
        (rf"\b(?:before|earlier than|prior to|pre) ?-?{_YEAR}\b", lambda a: YearSpan(None, int(a) - 1)),
        (
            rf"\b(?:until|till|up to|up until|through|by|no later than|in or before) {_YEAR}\b",
            lambda a: YearSpan(None, int(a)),
        ),
        (rf"\b{_YEAR} (?:or|and) (?:earlier|before)\b", lambda a: YearSpan(None, int(a))),
        (
            rf"\b(?:in |over |during )?the (?:last|past) {_COUNT} years?\b",
            lambda n: YearSpan(this_year - _count(n) + 1, this_year),
        ),
        (r"\b(?:in |over |during )?the (?:last|past) year\b", lambda: YearSpan(this_year - 1, this_year)),
        (r"\bthis year\b", lambda: YearSpan(this_year, this_year)),
        (r"\blast year\b", lambda: YearSpan(this_year - 1, this_year - 1)),
    ]
    for pattern, build in rules:
        for match in re.finditer(pattern, text):
            add(match, build(*match.groups()))
    for match in re.finditer(rf"\bsince {_YEAR}\b|\bstarting (?:in |from )?{_YEAR}\b|\bin or after {_YEAR}\b", text):
        year = next(g for g in match.groups() if g)
        add(match, YearSpan(int(year), None))
    for match in re.finditer(rf"\b{_MONTH}(?: of)?,? {_YEAR}\b", text):
        add(match, None, MonthSpec(MONTH_NAMES[match.group(1)], int(match.group(2))))
    for match in re.finditer(rf"\b{_YEAR}[-/](0?[1-9]|1[0-2])\b", text):
        add(match, None, MonthSpec(int(match.group(2)), int(match.group(1))))
    years = list(re.finditer(rf"\b{_YEAR}\b", text))
    listed = [m for m in years if not any(t.start <= m.start() < t.end for t in found)]
    if len(listed) > 1:
        # "in 2021 and 2023", "2020, 2022 or 2025": an explicit set of years.
        first, last = listed[0], listed[-1]
        between = text[first.end() : last.start()]
        if re.fullmatch(r"(?:\s*(?:,|and|or|&|/)\s*(?:(?:19|20)\d\d)?)+\s*", between):
            values = tuple(sorted({int(m.group(1)) for m in listed}))
            found.append(TimeMatch(YearSpan(values[0], values[-1], values), None, first.start(), last.end()))
            listed = []
    for match in listed:
        add(match, YearSpan(int(match.group(1)), int(match.group(1))))
    for match in re.finditer(rf"\b(?:in|during|from|of) {_MONTH}(?=\s|[?.!,]|$)", text):
        name = match.group(1)
        if name != "may" or re.search(r"\bin may\b", match.group(0)):
            add(match, None, MonthSpec(MONTH_NAMES[name], None))
    found.sort(key=lambda m: m.start)
    return found
