"""Time expressions in a question, resolved to date intervals relative to today.

A small grammar of regular expressions whose words all come from data/time_words.yaml (and number
words from data/numbers.yaml). The libraries tried first (dateparser, ctparse, Recognizers-Text)
return single dates or miss most of the forms below; the README says which and why.

Choices, each relative to `today`:
- A year is the calendar year; "2021-2023" and "between 2021 and 2022" include both ends.
  since/until include the named time, after/before exclude it: since 2023 opens 2023-01-01,
  after 2023 opens 2024-01-01, before 2023 ends 2022-12-31, until 2023 ends 2023-12-31.
- Calendar words name whole calendar units: "this year" is 2026-01-01..2026-12-31 (not up to
  today), "last year" is the previous calendar year, "last month" the previous calendar month,
  "the year before last" two years back, "N years ago" / "N years back" the calendar year
  today.year - N.
- Rolling windows ("in the past 30 days", "the last 18 months", "past year", "the last year",
  "last 3 years") open N units before today, same day of the month (clamped to the month's end),
  inclusive, and are left open at the end: DateRange(start, None), "since May 27, 2025". "past
  year" is therefore 12 rolling months, while "last year" is the calendar year.
- A time without a year ("papers from March", "in Q1", "during the summer", "in the first half")
  is a month-of-year filter, `DateRange(None, None, months={3})`: March of any year. It is read
  only after a preposition (data: yearless_cues) or a bound ("since March"), so "may I ask" and
  "March" in a title stay words. Inside a bound it is the latest one begun on or before today
  ("since March" = since March 1 of this year, if March has begun). In a range beside a dated
  end it takes that end's year ("from March to May 2023").
- "last March" / "last spring" is the latest one that ended before today's month began (last
  March as of 2026-11-27 is March 2026; as of 2025-02-10, March 2024); "this March" is March of
  today's year; "next March" the first one starting after today's month.
- Quarters and halves are calendar ones. Seasons are meteorological, northern hemisphere, and a
  season with a year starts in that year: "winter 2024" is 2024-12-01..2025-02-28.
  "early/mid/late 2023" are Jan-Apr, May-Aug, Sep-Dec; "the early/mid/late 2020s" are 2020-2023,
  2024-2026, 2027-2029.
- "2020 and 2021", "2020 or 2022", "2021, 2022 and 2023" are one expression whose ranges are a union.
- Follow-ups return a Shift and no range: "the year after", "the following year", "the next
  year", "the year before (that one)", "the previous year", "a year later", "the month after".
  "the year after 2022" is resolved at once (2023). "next year" without "the" is today's year + 1.
- "recent", "lately", "these days" are orderings, not filters: never matched.
- Not times: a four-digit number outside 1950..today.year+5 ("2048 tokens"), a year glued to a word
  ("voc2012", "covid-2019"; prepositions and cue words may be glued: "from2023", "mid-2023"),
  anything inside double quotes or backticks (a title), and, when the original casing is given, a
  year right after a capitalised name: the word before it has two capitals ("DAVIS 2017", "VOC
  2012", "ImageNet 2012") or one capital and does not open a sentence ("Kinetics 2017"), and is no
  time word ("May 2023", "Since 2023"). A message written all in capitals gives no such evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import pairwise
from typing import Any, Literal

from bot.paths import NUMBERS_FILE, TIME_WORDS_FILE
from bot.precompiled import compiled_pattern
from bot.yaml_io import load_data_file

# "span": the length of the range moved ("and before that?"); "side": everything before or after it
# ("what about her older stuff?")
Unit = Literal["year", "month", "span", "side"]


# --- dates


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


def _month_range(year: int, month: int, length: int = 1) -> DateRange:
    start = date(year, month, 1)
    last = _add_months(start, length - 1)
    return DateRange(start, _month_end(last.year, last.month))


def _year_range(first: int, last: int | None = None) -> DateRange:
    return DateRange(date(first, 1, 1), date(first if last is None else last, 12, 31))


def _one_year(r: DateRange) -> int | None:
    """The year a range lies in, when it lies in one."""
    return r.start.year if r.start is not None and r.end is not None and r.start.year == r.end.year else None


def _months_range(first: str, last: str) -> DateRange:
    """ "2020-03" to "2022-12": from the first day of one month to the last day of the other."""
    start_year, start_month = (int(part) for part in first.split("-"))
    end_year, end_month = (int(part) for part in last.split("-"))
    return DateRange(date(start_year, start_month, 1), _month_end(end_year, end_month))


def _add_months(day: date, months: int, keep_month_end: bool = False) -> date:
    """`day` moved by whole months, its day clamped to the new month; a month's last day stays one
    when `keep_month_end` ("Feb 28, 2025" a year on is "Feb 29, 2028" at the end of a winter)."""
    years, month_index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month_index + 1
    last = _month_end(year, month).day
    if keep_month_end and day == _month_end(day.year, day.month):
        return date(year, month, last)
    return date(year, month, min(day.day, last))


def _units_before(today: date, kind: str, amount: int) -> date | None:
    """The day `amount` days, months or years before today (same day of the month, clamped); None
    before the calendar begins ("999 decades ago")."""
    if kind == "day":
        return today - timedelta(days=amount) if amount // 365 < today.year - 1 else None
    months = amount * 12 if kind == "year" else amount
    return _add_months(today, -months) if months // 12 < today.year - 1 else None


_YEAR_WITH_LETTER_O = compiled_pattern(r"\b([12])([0-9oO]{3})\b")


def fix_letter_o_years(text: str) -> str:
    """A letter O typed for a zero inside a year: "2O22" is 2022."""

    def repair(match: re.Match[str]) -> str:
        digits = match.group(1) + match.group(2).replace("o", "0").replace("O", "0")
        changed = digits != match.group(0)
        return digits if changed and 1950 <= int(digits) <= 2099 else match.group(0)

    return _YEAR_WITH_LETTER_O.sub(repair, text)


# --- results


@dataclass(frozen=True, slots=True)
class DateRange:
    """Inclusive bounds, None = open. `months` (1-12), when not empty, also keeps only those months
    of the year: "papers from March" is DateRange(None, None, frozenset({3})), March of any year."""

    start: date | None
    end: date | None
    months: frozenset[int] = frozenset()

    def contains(self, day: date) -> bool:
        return (
            (self.start is None or day >= self.start)
            and (self.end is None or day <= self.end)
            and (not self.months or day.month in self.months)
        )

    def describe(self) -> str:
        """ "in 2023", "in Q3 2022 (Jul 1 – Sep 30, 2022)", "since May 27, 2025", "before May 2023",
        "in March of any year"."""
        bounds = _describe_bounds(self.start, self.end)
        if not self.months:
            return bounds or "at any time"
        months = _describe_months(self.months)
        return f"{bounds}, {months} only" if bounds else f"in {months} of any year"


@dataclass(frozen=True, slots=True)
class Shift:
    """A follow-up moving the previous time filter: "the year after" is Shift("year", 1)."""

    unit: Unit
    amount: int


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression: `ranges` is a union ("2020 and 2021"), empty for a pure `shift`.
    `start`/`end` are offsets in the text given, `text` the words matched."""

    ranges: tuple[DateRange, ...]
    shift: Shift | None
    start: int
    end: int
    text: str

    def describe(self) -> str:
        parts = [r.describe() for r in self.ranges]
        if len(parts) > 1 and all(p.startswith("in ") for p in parts):
            parts = [parts[0]] + [p[3:] for p in parts[1:]]
        return " or ".join(parts)


def shift_range(r: DateRange, shift: Shift) -> DateRange:
    """`r` moved by whole units, keeping its length: the year after 2022 is 2023, the year after H1
    2023 is H1 2024, the month after May 2023 is June 2023. Open bounds stay open; a month-of-year
    filter moves with months and stays with years."""
    if shift.unit == "side":
        if shift.amount < 0:
            return DateRange(None, r.start - timedelta(days=1), r.months) if r.start else r
        return DateRange(r.end + timedelta(days=1), None, r.months) if r.end else r
    months = shift.amount * (12 if shift.unit == "year" else 1)
    if shift.unit == "span":  # "2023", then "and before that?": 2022; "March 2023": February 2023
        after = r.end + timedelta(days=1) if r.end else None  # whole months: Nov 27 to Nov 26 is 12
        length = (after.year - r.start.year) * 12 + after.month - r.start.month if r.start and after else 12
        months = shift.amount * length
    if shift.unit == "span" and (r.start is None) != (r.end is None):
        # "since 2024", then "and before that?": everything before it; "before 2020", "and after?": after
        if r.start and months < 0:
            return DateRange(None, r.start - timedelta(days=1), r.months)
        if r.end and months > 0:
            return DateRange(r.end + timedelta(days=1), None, r.months)
    kept = r.months if months % 12 == 0 else frozenset((m - 1 + months) % 12 + 1 for m in r.months)
    if r.start and not r.end and months < 0:
        # "the last 12 months", then "the 12 months before that": it runs up to where that one began
        return DateRange(_add_months(r.start, months), r.start - timedelta(days=1), kept)
    start = _add_months(r.start, months) if r.start else None
    end = _add_months(r.end, months, keep_month_end=True) if r.end else None
    return DateRange(start, end, kept)


# --- describing


def _long_date(day: date) -> str:
    return f"{_words().month_names[day.month]} {day.day}, {day.year}"


def _month_year(day: date) -> str:
    return f"{_words().month_names[day.month]} {day.year}"


def _describe_bounds(start: date | None, end: date | None) -> str:
    if start and end:
        return _describe_closed(start, end)
    if start:
        return "since " + _describe_point(start)
    if end:
        return "before " + _describe_point(end + timedelta(days=1))
    return ""


def _describe_point(day: date) -> str:
    if (day.month, day.day) == (1, 1):
        return str(day.year)
    return _month_year(day) if day.day == 1 else _long_date(day)


def _describe_closed(start: date, end: date) -> str:
    words = _words()
    if start == end:
        return "on " + _long_date(start)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        if start.year == end.year:
            return f"in {start.year}"
        if start.year % 10 == 0 and end.year == start.year + 9:
            return f"in the {start.year}s"
        return f"from {start.year} to {end.year}"
    if start.day == 1 and end == _month_end(end.year, end.month):
        if (start.year, start.month) == (end.year, end.month):
            return "in " + _month_year(start)
        first = f"{words.short_month_names[start.month]} {start.day}"
        last = f"{words.short_month_names[end.month]} {end.day}, {end.year}"
        span = f"{first} – {last}" if start.year == end.year else f"{first}, {start.year} – {last}"
        period = _calendar_period_name(start, end)
        if period:
            return f"in {period} {start.year} ({span})"
        if start.year == end.year:
            return f"from {words.month_names[start.month]} to {_month_year(end)}"
        return f"from {_month_year(start)} to {_month_year(end)}"
    return f"from {_long_date(start)} to {_long_date(end)}"


def _calendar_period_name(start: date, end: date) -> str | None:
    """ "Q3" or "H1" when start..end is exactly that calendar quarter or half of one year."""
    words = _words()
    length = (end.year - start.year) * 12 + end.month - start.month + 1
    for letter, size in ((words.quarter_letter, words.quarter_months), (words.half_letter, words.half_months)):
        if length == size and (start.month - 1) % size == 0:
            return f"{letter.upper()}{(start.month - 1) // size + 1}"
    return None


def _describe_months(months: frozenset[int]) -> str:
    words = _words()
    for name, block in words.seasons.items():
        if block.months() == months:
            return name
    ordered = sorted(months)
    if len(ordered) == 1:
        return words.month_names[ordered[0]]
    if ordered == list(range(ordered[0], ordered[-1] + 1)):
        period = _calendar_period_name(date(2000, ordered[0], 1), _month_end(2000, ordered[-1]))
        if period:
            return period
        return f"{words.month_names[ordered[0]]} to {words.month_names[ordered[-1]]}"
    return ", ".join(words.month_names[m] for m in ordered)


# --- periods without a year: a month, quarter, half or season of any year


@dataclass(frozen=True, slots=True)
class _Block:
    first: int
    length: int

    def months(self) -> frozenset[int]:
        return frozenset((self.first - 1 + i) % 12 + 1 for i in range(self.length))

    def instance(self, year: int) -> DateRange:
        """This period starting in `year` (a winter runs on into the next year)."""
        return _month_range(year, self.first, self.length)

    def latest_begun(self, today: date) -> DateRange:
        """The latest one that began on or before today: "since March"."""
        return next(r for y in (today.year, today.year - 1) if (r := self.instance(y)).start and r.start <= today)

    def relative(self, offset: int, today: date) -> DateRange:
        """offset -1: the latest that ended before today's month began ("last March"); 0: the one
        holding today, else this year's ("this March"); +1: the first starting after today's month."""
        month_start = today.replace(day=1)
        month_end = _month_end(today.year, today.month)
        candidates = [self.instance(y) for y in range(today.year - 2, today.year + 3)]
        if offset < 0:
            return [r for r in candidates if r.end and r.end < month_start][offset]
        if offset > 0:
            return [r for r in candidates if r.start and r.start > month_end][offset - 1]
        holding = [r for r in candidates if r.contains(today)]
        return holding[0] if holding else self.instance(today.year)


@dataclass(frozen=True, slots=True)
class _Named:
    """A period known by name ("the pandemic"): a time only with a time word before or a suffix after."""

    range: DateRange


Point = DateRange | _Block | _Named


# --- vocabulary


@dataclass(frozen=True, slots=True)
class _Words:
    month_names: dict[int, str]
    short_month_names: dict[int, str]
    month_spellings: dict[str, int]
    seasons: dict[str, _Block]
    quarter_letter: str
    quarter_words: tuple[str, ...]
    quarter_months: int
    half_letter: str
    half_words: tuple[str, ...]
    half_months: int
    raw: dict[str, Any]
    cardinals: dict[str, int]
    ordinals: dict[str, int]


@cache
def _words() -> _Words:
    raw: dict[str, Any] = load_data_file(TIME_WORDS_FILE)
    numbers: dict[str, Any] = load_data_file(NUMBERS_FILE)
    spellings: dict[str, int] = {}
    for number, names in enumerate(raw["months"], start=1):
        for name in names:
            spellings[str(name).lower()] = number
    return _Words(
        month_names={i: str(names[0]) for i, names in enumerate(raw["months"], start=1)},
        short_month_names={i: str(names[1]) for i, names in enumerate(raw["months"], start=1)},
        month_spellings=spellings,
        seasons={str(k): _Block(int(v["first"]), int(v["length"])) for k, v in raw["seasons"].items()},
        quarter_letter=str(raw["quarter"]["letter"]),
        quarter_words=tuple(raw["quarter"]["words"]),
        quarter_months=int(raw["quarter"]["months"]),
        half_letter=str(raw["half"]["letter"]),
        half_words=tuple(raw["half"]["words"]),
        half_months=int(raw["half"]["months"]),
        raw=raw,
        cardinals={str(k): int(v) for k, v in numbers["cardinals"].items()},
        ordinals={str(k): int(v) for k, v in numbers["ordinals"].items()},
    )


# --- the grammar

# Between words: spaces, Discord markdown, a comma or a colon; none before a number ("from2023").
_GAP = r"[\s*_~`,:;()\[\]\"“”]*"
# After a prefix such as "mid", "pre", "q": the same or a hyphen ("mid-2023", "pre-2020").
_GAP_H = r"[\s*_~`,:;()\[\]\"“”\-–]*"
_YEAR4 = r"(?<![0-9])(?<![0-9]\.)(?:19|20)\d\d(?![0-9])(?!\.\d)"
_YEAR2 = r"['’]\d\d(?![0-9])"
_MONTH_NUMBER = r"(?:0?[1-9]|1[0-2])(?![0-9])"
# How far before a time its cue word may start ("no later than", "in the year before").
_CUE_REACH = 40


def _phrase(text: str) -> str:
    """A word or phrase as a regex: any gap between its words, whole words only."""
    body = r"\s+".join(re.escape(w) for w in str(text).lower().split())
    head = r"(?<![a-z])" if text[:1].isalpha() else ""
    tail = r"(?![a-z])" if text[-1:].isalpha() else ""
    return head + body + tail


def _alt(phrases: Iterable[Any]) -> str:
    """An alternation of phrases, longest first, whole words only. Word boundaries shared by every
    phrase are written once: the patterns stay short, and compiling them cheap."""
    ordered = sorted({str(p).lower() for p in phrases}, key=lambda p: (-len(p), p))
    heads = all(p[:1].isalpha() for p in ordered)
    tails = all(p[-1:].isalpha() for p in ordered)
    bodies = [r"\s+".join(re.escape(w) for w in p.split()) if heads and tails else _phrase(p) for p in ordered]
    body = "(?:" + "|".join(bodies) + ")"
    return r"(?<![a-z])" + body + r"(?![a-z])" if heads and tails else body


@dataclass(frozen=True, slots=True)
class _Found:
    ranges: tuple[DateRange, ...]
    shift: Shift | None = None


@dataclass(frozen=True, slots=True)
class _Candidate:
    """An expression found: `start`..`end` is reported, `outer_start`..`outer_end` (with the cue
    word a year-less time needs) competes with the others for the text."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    priority: int
    found: _Found


@dataclass(frozen=True, slots=True)
class _PointAt:
    start: int
    end: int
    point: Point


PointResolver = Callable[[re.Match[str], date], "Point | None"]
Resolver = Callable[[re.Match[str], date], "_Found | None"]

# Ties between expressions of the same length go to the earlier kind.
_SHIFTED_POINT, _SHIFT, _RANGE, _BOUND, _UNION, _ROLLING, _SINGLE, _YEARLESS = range(8)


class _Grammar:
    """The compiled rules, built once from the data files. Times ("points": "May 2023", "Q3 2022",
    "last year", "March") are found first; bounds, ranges, unions and shifted times are then read
    from the words around and between them, so no pattern holds another pattern's alternatives."""

    def __init__(self, words: _Words) -> None:
        raw = words.raw
        self.words = words
        self.earliest_year = int(raw["years"]["earliest"])
        self.years_after_today = int(raw["years"]["latest_after_today"])
        self.relative = {str(k): int(v) for k, v in raw["relative"].items()}
        self.units = {str(k): (str(v[0]), int(v[1])) for k, v in raw["units"].items()}
        self.calendar_units = {str(k): str(v) for k, v in raw["calendar_units"].items()}
        self.part_phrases = {" ".join(str(k).split()): str(v) for k, v in raw["part_phrases"].items()}
        self.parts_of_year = {str(k): (int(v[0]), int(v[1])) for k, v in raw["parts_of_year"].items()}
        self.parts_of_decade = {str(k): (int(v[0]), int(v[1])) for k, v in raw["parts_of_decade"].items()}
        self.named_periods = {
            " ".join(str(name).split()): _months_range(str(period["months"][0]), str(period["months"][1]))
            for period in raw["named_periods"].values()
            for name in period["names"]
        }
        self.glue_words = frozenset(str(w) for w in raw["glue_words"])
        self.shift_units = frozenset(str(u) for u in raw["shift_units"])

        ordinal = "(?:" + _alt(words.ordinals) + r"|\d{1,2}(?:st|nd|rd|th)(?![a-z]))"
        number = "(?:" + _alt(words.cardinals) + r"|(?<![0-9])\d{1,3}(?![0-9]))"
        month = _alt(words.month_spellings) + r"\.?"
        season = _alt(words.seasons)
        relative = _alt(self.relative)
        year = f"(?:{_YEAR4}|{_YEAR2})"
        the = _alt(raw["the"]) + _GAP
        of = "(?:" + _alt(raw["of"]) + _GAP + ")?"
        of_or_in = _alt(raw["of_or_in"]) + _GAP
        before_last = _alt(raw["before_last"])
        year_word = _alt(k for k, v in self.calendar_units.items() if v == "year")
        year_ref = f"(?:{year}|{relative}{_GAP}{year_word}|{the}{year_word}{_GAP}{before_last})"
        self.year_ref = compiled_pattern(
            f"(?P<year>{year})|(?P<rel>{relative}){_GAP}{year_word}|{the}{year_word}{_GAP}{before_last}"
        )
        q, h = words.quarter_letter, words.half_letter
        quarter_word, half_word = _alt(words.quarter_words), _alt(words.half_words)
        unit = _alt(self.units)
        calendar_unit = _alt(self.calendar_units)
        parts_of_decade = _alt(self.parts_of_decade)
        decade_suffix = _alt(raw["decade_suffixes"])
        yearless = (
            f"(?:(?P<month>{month})(?!{_GAP}{_alt(raw['not_after_month'])})|(?P<season>{season})"
            f"|(?<![a-z]){q}(?P<q>[1-4])(?![0-9])|(?<![a-z]){h}(?P<h>[12])(?![0-9])"
            f"|(?:{the})?(?P<ord>{ordinal}){_GAP}(?:(?P<qw>{quarter_word})|(?P<hw>{half_word})))"
        )
        point_rules: list[tuple[str, PointResolver]] = [
            (f"(?P<month>{month}){_GAP}{of}(?P<year>{year})", self._month_year),
            # "February this year", "March of last year"
            (
                f"(?P<month>{month}){_GAP}{of}(?P<yref>{relative}{_GAP}{year_word}|{the}{year_word}{_GAP}{before_last})",
                self._period_of_year,
            ),
            (f"(?P<year>{_YEAR4})[-/](?P<mnum>{_MONTH_NUMBER})", self._month_year),
            (f"(?<![0-9])(?P<mnum>{_MONTH_NUMBER})/(?P<year>{_YEAR4})", self._month_year),
            (
                f"(?<![a-z])(?:{q}{_GAP_H}(?P<q>[1-4])|{h}{_GAP_H}(?P<h>[12])){_GAP_H}{of}(?P<yref>{year_ref})",
                self._period_of_year,
            ),
            (f"(?P<yref>{_YEAR4}){_GAP_H}(?:{q}(?P<q>[1-4])|{h}(?P<h>[12]))(?![0-9])", self._period_of_year),
            (
                f"(?:{the})?(?P<ord>{ordinal}){_GAP}(?:(?P<qw>{quarter_word})|(?P<hw>{half_word}))"
                f"{_GAP}{of_or_in}(?P<yref>{year_ref})",
                self._period_of_year,
            ),
            (f"(?P<season>{season}){_GAP_H}{of}(?P<yref>{year_ref})", self._period_of_year),
            (f"(?P<part>{_alt(self.part_phrases)}){_GAP_H}(?:{of_or_in})?(?P<yref>{year_ref})", self._part_of_year),
            (
                f"(?:{the})?(?:(?P<part>{parts_of_decade}){_GAP_H})?(?P<decade>(?<![0-9])(?:19|20)\\d0){decade_suffix}",
                self._decade,
            ),
            (
                f"{the}(?:(?P<part>{parts_of_decade}){_GAP_H})?['’]?(?P<decade2>(?<![0-9])\\d0){decade_suffix}",
                self._decade,
            ),
            (f"{the}(?P<cunit>{calendar_unit}){_GAP}{before_last}", self._before_last),
            (f"(?P<rel>{relative}){_GAP}(?P<cunit>{calendar_unit})", self._relative_calendar),
            (f"(?P<rel>{relative}){_GAP}{yearless}", self._relative_named),
            (f"(?P<num>{number}){_GAP}{of}(?P<unit>{unit}){_GAP}{_alt(raw['ago'])}", self._ago),
            (f"(?<!\\w)(?P<period>{_alt(self.named_periods)})(?!\\w)", self._named_period),
            (f"(?P<year>{year})", self._bare_year),
            (yearless, self._yearless),
        ]
        self.point_rules = [(compiled_pattern(p), resolve) for p, resolve in point_rules]

        # Words around and between times.
        self.bound_before = compiled_pattern(
            f"(?:(?P<since>{_alt(raw['since'])})|(?P<after>{_alt(raw['after'])})"
            f"|(?P<before>{_alt(raw['before'])})|(?P<until>{_alt(raw['until'])})){_GAP_H}(?:{the})?$"
        )
        self.busy_before = compiled_pattern(rf"(?<![\w'’])(?:{_alt(raw['busy_before_up_to'])}){_GAP}$")
        self.bound_after = compiled_pattern(
            f"{_GAP}(?:(?P<since>{_alt(raw['since_suffixes'])})|(?P<until>{_alt(raw['until_suffixes'])}))"
        )
        self.from_before = compiled_pattern(f"{_alt(raw['from'])}{_GAP}$")
        self.on_after_from = compiled_pattern(f"{_GAP}(?P<since>{_alt(raw['since_suffixes_after_from'])})")
        self.yearless_before = compiled_pattern(f"{_alt(raw['yearless_cues'])}{_GAP}(?:{the})?$")
        openers: dict[str, list[str]] = raw["range_openers"]
        self.range_openers = [
            (compiled_pattern(f"{_phrase(opener)}{_GAP}$"), compiled_pattern(f"{_GAP}{_alt(joiners)}{_GAP}"))
            for opener, joiners in openers.items()
        ]
        self.range_joiner = compiled_pattern(f"{_GAP}{_alt(raw['range_joiners'])}{_GAP}")
        self.now = compiled_pattern(_alt(raw["now"]))
        self.union_joiner = compiled_pattern(f"{_GAP}{_alt(raw['union_joiners'])}{_GAP}")
        shift_unit = _alt(self.shift_units)
        shift_units = _alt([*self.shift_units, *(u + "s" for u in self.shift_units)])
        direction_after = (
            f"(?:(?P<fwd>{_alt(raw['shift_forward_after_unit'])})|(?P<back>{_alt(raw['shift_backward_after_unit'])}))"
        )
        direction_before = (
            f"(?:(?P<fwd>{_alt(raw['shift_forward_before_unit'])})|(?P<back>{_alt(raw['shift_backward_before_unit'])}))"
        )
        self.shift_before = compiled_pattern(
            f"(?:{the}(?P<unit>{shift_unit})|(?P<num>{number}){_GAP}(?P<unit2>{shift_units})){_GAP}{direction_after}{_GAP}$"
        )

        # Expressions without a time inside.
        anaphora = f"(?:{_GAP}{_alt(raw['shift_anaphora'])})?"
        rolling_alone, rolling_other = _alt(raw["rolling"]["alone"]), _alt(raw["rolling"]["with_the_or_number"])
        counted_unit = f"(?P<num>{number}){_GAP}{of}(?P<unit>{unit})"
        half, and_a_half = _alt(raw["halves"]["half"]), _alt(raw["halves"]["and_a_half"])
        rolling_any = f"(?:{the})?(?:{rolling_alone}|{rolling_other}){_GAP}"
        rules: list[tuple[str, int, Resolver]] = [
            (f"{the}{direction_before}{_GAP}(?P<unit>{shift_unit}){anaphora}", _SHIFT, self._shift),
            # "and before that?" alone: the time in view moved by its own length
            (
                f"^\\W*(?:{_alt(raw['shift_openers'])}{_GAP})?{direction_after}{_GAP}{_alt(raw['shift_anaphora'])}(?=\\W*$)",
                _SHIFT,
                self._span_shift,
            ),
            # "what about her older stuff?" after "since 2023" or "from 2023": every paper before it
            (
                f"^\\W*(?:{_alt(raw['shift_openers'])}){_GAP}(?:{_alt(raw['shift_owners'])}{_GAP})?"
                f"(?:(?P<fwd>{_alt(raw['shift_comparatives']['newer'])})|(?P<back>{_alt(raw['shift_comparatives']['older'])}))"
                f"{_GAP}(?:[^\\W\\d_][\\w-]*{_GAP}){{0,2}}{_alt(raw['shift_nouns'])}"
                # "what about his older stuff on that?", "... his older lidar stuff?": the topic, the other side
                f"(?:{_GAP}(?:on|about|in|for|with){_GAP}{_alt(raw['shift_anaphora'])})?(?=\\W*$)",
                _SHIFT,
                self._side_shift,
            ),
            (f"{the}(?P<unit>{shift_unit}){_GAP}{direction_after}{anaphora}", _SHIFT, self._shift),
            (f"(?P<num>{number}){_GAP}(?P<unit2>{shift_units}){_GAP}{direction_after}{anaphora}", _SHIFT, self._shift),
            (f"(?P<y1>{_YEAR4}){_GAP}[-–—/]{_GAP}(?P<y2>\\d\\d)(?![0-9])", _RANGE, self._short_year_range),
            # "the last year and a half", "past two and a half years", "the last 1.5 years", "past half year"
            (
                f"{rolling_any}(?:(?P<num>{number}){_GAP}|(?:an?|one){_GAP})?(?P<unit>{unit}){_GAP}{and_a_half}",
                _ROLLING,
                self._rolling_half,
            ),
            (
                f"{rolling_any}(?P<num>{number}){_GAP}{and_a_half}{_GAP}(?P<unit>{unit})",
                _ROLLING,
                self._rolling_half,
            ),
            (
                f"{rolling_any}(?P<half>{half}){_GAP}(?P<unit>{unit})",
                _ROLLING,
                self._rolling_half,
            ),
            (f"(?:{the})?{rolling_alone}{_GAP}(?:{counted_unit}|(?P<unit1>{unit}))", _ROLLING, self._rolling),
            (f"{the}{rolling_other}{_GAP}(?:{counted_unit}|(?P<unit1>{unit}))", _ROLLING, self._rolling),
            (f"{rolling_other}{_GAP}{counted_unit}", _ROLLING, self._rolling),
            (
                f"(?:(?P<older>{_alt(raw['age']['older'])})|(?P<newer>{_alt(raw['age']['newer'])})){_GAP}"
                f"(?:{counted_unit}|an?{_GAP}(?P<unit1>{unit})){_GAP}{_alt(raw['age']['suffix'])}(?![a-z])",
                _BOUND,
                self._age,
            ),
            (
                f"{_alt(raw['exactly'])}{_GAP}(?:{counted_unit}|an?{_GAP}(?P<unit1>{unit})){_GAP}{_alt(raw['ago'])}"
                f"(?:{_GAP}(?:{_alt(raw['now'])}))?",
                _BOUND,
                self._exact_day,
            ),
            (
                f"(?:(?P<older>{_alt(raw['age']['older_alone'])})|(?P<newer>{_alt(raw['age']['newer_alone'])})){_GAP}"
                f"(?:{counted_unit}|an?{_GAP}(?P<unit1>{unit}))(?![a-z])",
                _BOUND,
                self._age,
            ),
        ]
        self.rules = [(compiled_pattern(p), priority, resolve) for p, priority, resolve in rules]

        # Every expression holds a digit or one of these words; a message without any is skipped.
        trigger_words = [
            *words.month_spellings,
            *words.seasons,
            *self.units,
            *self.calendar_units,
            *words.quarter_words,
            *words.half_words,
            *raw["shift_backward_after_unit"],  # "and before that?"
            *raw["shift_forward_after_unit"],
            *raw["shift_comparatives"]["older"],  # "her older stuff"
            *raw["shift_comparatives"]["newer"],
            *self.named_periods,
        ]
        self.trigger = compiled_pattern(r"\d|" + _alt(trigger_words))
        self.period_suffix = compiled_pattern(f"[\\s-]*{_alt(raw['named_period_suffixes'])}(?![a-z])")
        self.time_words = frozenset(
            w
            for phrases in [
                words.month_spellings,
                words.seasons,
                self.units,
                self.relative,
                self.part_phrases,
                raw["since"],
                raw["after"],
                raw["before"],
                raw["until"],
                raw["yearless_cues"],
                raw["glue_words"],
                raw["range_openers"],
                raw["ago"],
                raw["the"],
                raw["of_or_in"],
            ]
            for phrase in phrases
            for w in str(phrase).lower().split()
        ) | {q, h}

    # --- numbers and years

    def _year(self, text: str, today: date) -> int | None:
        digits = text.strip("'’")
        if len(digits) == 2:
            century = 2000 if 2000 + int(digits) <= today.year + self.years_after_today else 1900
            return century + int(digits)
        value = int(digits)
        return value if self.earliest_year <= value <= today.year + self.years_after_today else None

    def _year_ref(self, text: str, today: date) -> int | None:
        match = self.year_ref.fullmatch(text)
        if not match:
            return None
        if match.group("year"):
            return self._year(match.group("year"), today)
        if match.group("rel"):
            return today.year + self.relative[_squash(match.group("rel"))]
        return today.year - 2

    def _number(self, text: str) -> int:
        text = _squash(text)
        return self.words.cardinals[text] if text in self.words.cardinals else int(text)

    def _ordinal(self, text: str) -> int:
        text = _squash(text)
        return self.words.ordinals[text] if text in self.words.ordinals else int(text[:-2])

    def _month_number(self, match: re.Match[str]) -> int:
        if match.groupdict().get("mnum"):
            return int(match.group("mnum"))
        return self.words.month_spellings[match.group("month").rstrip(".")]

    # --- points

    def points(self, text: str, today: date) -> list[_PointAt]:
        """The times in the text, each the longest one found where several overlap."""
        found: list[_PointAt] = []
        for pattern, resolve in self.point_rules:
            for match in pattern.finditer(text):
                if self.glued_to_word(text, match.start()):
                    continue
                point = resolve(match, today)
                if point is not None:
                    found.append(_PointAt(match.start(), match.end(), point))
        found.sort(key=lambda p: (p.start - p.end, p.start))
        kept: list[_PointAt] = []
        for candidate in found:
            if all(candidate.end <= other.start or other.end <= candidate.start for other in kept):
                kept.append(candidate)
        return sorted(kept, key=lambda p: p.start)

    def _month_year(self, match: re.Match[str], today: date) -> Point | None:
        year = self._year(match.group("year"), today)
        return _month_range(year, self._month_number(match)) if year else None

    def _period_of_year(self, match: re.Match[str], today: date) -> Point | None:
        """A quarter, half or season of a year: "Q3 2022", "the first half of last year", "winter 2024"."""
        year = self._year_ref(match.group("yref"), today)
        block = self._yearless(match, today)
        return block.instance(year) if year and isinstance(block, _Block) else None

    def _part_of_year(self, match: re.Match[str], today: date) -> Point | None:
        year = self._year_ref(match.group("yref"), today)
        if year is None:
            return None
        first, last = self.parts_of_year[self.part_phrases[_squash(match.group("part"))]]
        return _month_range(year, first, last - first + 1)

    def _decade(self, match: re.Match[str], today: date) -> Point | None:
        if match.groupdict().get("decade"):
            decade = int(match.group("decade"))
        else:
            two = int(match.group("decade2"))
            decade = 2000 + two if 2000 + two <= today.year else 1900 + two
        first, last = self.parts_of_decade[match.group("part")] if match.group("part") else (0, 9)
        return _year_range(decade + first, decade + last)

    def _named_period(self, match: re.Match[str], today: date) -> Point | None:
        period = self.named_periods.get(" ".join(match.group("period").split()))
        return _Named(period) if period else None

    def _before_last(self, match: re.Match[str], today: date) -> Point | None:
        return self._calendar(self.calendar_units[match.group("cunit")], -2, today)

    def _relative_calendar(self, match: re.Match[str], today: date) -> Point | None:
        offset = self.relative[_squash(match.group("rel"))]
        return self._calendar(self.calendar_units[match.group("cunit")], offset, today)

    def _calendar(self, unit: str, offset: int, today: date) -> DateRange:
        if unit == "year":
            return _year_range(today.year + offset)
        size = self.words.quarter_months if unit == "quarter" else 1
        first_month = (today.month - 1) // size * size + 1
        start = _add_months(date(today.year, first_month, 1), offset * size)
        return _month_range(start.year, start.month, size)

    def _relative_named(self, match: re.Match[str], today: date) -> Point | None:
        block = self._yearless(match, today)
        offset = self.relative[_squash(match.group("rel"))]
        return block.relative(offset, today) if isinstance(block, _Block) else None

    def _ago(self, match: re.Match[str], today: date) -> Point | None:
        kind, size = self.units[match.group("unit")]
        day = _units_before(today, kind, self._number(match.group("num")) * size)
        if day is None:
            return None
        if kind == "year":
            return _year_range(day.year)
        return _month_range(day.year, day.month) if kind == "month" else DateRange(day, day)

    def _bare_year(self, match: re.Match[str], today: date) -> Point | None:
        year = self._year(match.group("year"), today)
        return _year_range(year) if year else None

    def _yearless(self, match: re.Match[str], today: date) -> Point | None:
        groups = match.groupdict()
        if groups.get("month"):
            return _Block(self._month_number(match), 1)
        if groups.get("season"):
            return self.words.seasons[groups["season"]]
        quarter, half = self.words.quarter_months, self.words.half_months
        if groups.get("q"):
            return _Block((int(groups["q"]) - 1) * quarter + 1, quarter)
        if groups.get("h"):
            return _Block((int(groups["h"]) - 1) * half + 1, half)
        size = quarter if groups.get("qw") else half
        index = self._ordinal(groups["ord"])
        return _Block((index - 1) * size + 1, size) if 1 <= index <= 12 // size else None

    # --- expressions built on the times found

    def around_points(self, text: str, points: list[_PointAt], today: date) -> Iterable[_Candidate]:
        for index, at in enumerate(points):
            reach = max(0, at.start - _CUE_REACH)
            dated = at.point if isinstance(at.point, DateRange) else None
            if dated:
                yield _Candidate(at.start, at.end, at.start, at.end, _SINGLE, _Found((dated,)))
            elif isinstance(at.point, _Named):
                suffix = self.period_suffix.match(text, at.end)
                cue = self.yearless_before.search(text, reach, at.start)
                if suffix or cue:  # "covid-era", "during the pandemic"
                    end = suffix.end() if suffix else at.end
                    start = cue.start() if cue else at.start
                    yield _Candidate(at.start, end, start, end, _SINGLE, _Found((at.point.range,)))
            elif isinstance(at.point, _Block) and (cue := self.yearless_before.search(text, reach, at.start)):
                months = DateRange(None, None, at.point.months())
                yield _Candidate(at.start, at.end, cue.start(), at.end, _YEARLESS, _Found((months,)))
            cue = self.bound_before.search(text, reach, at.start)
            if cue and (cue.group("until") or "").startswith("up") and self.busy_before.search(text, 0, cue.start()):
                cue = None  # "what's she been up to this year": what she did, not everything until then
            if cue:
                bound = self._bound(cue, at.point, today)
                if bound:
                    yield _Candidate(cue.start(), at.end, cue.start(), at.end, _BOUND, bound)
            following = points[index + 1] if index + 1 < len(points) else None
            yield from self._bounds_after(text, at, following, today)
            shifted = self.shift_before.search(text, reach, at.start)
            if shifted and dated:
                moved = _Found((shift_range(dated, self._shift_of(shifted)),))
                yield _Candidate(shifted.start(), at.end, shifted.start(), at.end, _SHIFTED_POINT, moved)
            yield from self._ranges(text, at, following, reach, today)
            yield from self._union(text, points[index:])

    def _bounds_after(self, text: str, at: _PointAt, following: _PointAt | None, today: date) -> Iterable[_Candidate]:
        opener = self.from_before.search(text, max(0, at.start - _CUE_REACH), at.start)
        start = opener.start() if opener else at.start
        suffix = self.bound_after.match(text, at.end) or (opener and self.on_after_from.match(text, at.end))
        # In "before 2021 or after 2023" the "after" belongs to the next time.
        next_time_follows = (
            following is not None and not text[suffix.end() : following.start].strip() if suffix else False
        )
        if suffix and not next_time_follows and isinstance(at.point, DateRange):
            bound = self._bound(suffix, at.point, today)
            if bound:
                yield _Candidate(start, suffix.end(), start, suffix.end(), _BOUND, bound)

    def _ranges(
        self, text: str, at: _PointAt, following: _PointAt | None, reach: int, today: date
    ) -> Iterable[_Candidate]:
        ways = [(o.search(text, reach, at.start), joiner) for o, joiner in self.range_openers]
        ways = [(o, joiner) for o, joiner in ways if o] + [(None, self.range_joiner)]
        for opener, joiner in ways:
            start = opener.start() if opener else at.start
            if opener is None and not isinstance(at.point, DateRange):
                continue
            between = joiner.match(text, at.end)
            if not between:
                continue
            now = self.now.match(text, between.end())
            if now:
                found = self._range(at.point, DateRange(None, None), today)
                if found:
                    yield _Candidate(start, now.end(), start, now.end(), _RANGE, found)
            if following and between.end() == following.start:
                if opener is None and not isinstance(following.point, DateRange):
                    continue
                found = self._range(at.point, following.point, today)
                if found:
                    yield _Candidate(start, following.end, start, following.end, _RANGE, found)

    def _union(self, text: str, points: list[_PointAt]) -> Iterable[_Candidate]:
        chain: list[DateRange] = []
        for previous, at in pairwise(points):
            before = previous.point
            year = _one_year(at.point) if isinstance(at.point, DateRange) else None
            if isinstance(before, _Block) and year is not None:
                before = before.instance(year)  # "January or February this year": both this year
            if not isinstance(before, DateRange) or not isinstance(at.point, DateRange):
                break
            joiner = self.union_joiner.match(text, previous.end)
            if not joiner or joiner.end() != at.start:
                break
            chain = chain or [before]
            chain.append(at.point)
            found = _Found(tuple(chain))
            yield _Candidate(points[0].start, at.end, points[0].start, at.end, _UNION, found)

    def _range(self, first: Point, last: Point, today: date) -> _Found | None:
        first = first.range if isinstance(first, _Named) else first  # "between 2018 and the pandemic"
        last = last.range if isinstance(last, _Named) else last
        if isinstance(first, _Block) and isinstance(last, _Block):
            length = (last.first - first.first) % 12 + last.length
            return _Found((DateRange(None, None, _Block(first.first, length).months()),))
        # A side without a year takes the other side's: "from March to May 2023".
        if isinstance(first, _Block) and isinstance(last, DateRange) and last.end:
            candidate = first.instance(last.end.year)
            first = candidate if candidate.start and candidate.start <= last.end else first.instance(last.end.year - 1)
        if isinstance(last, _Block) and isinstance(first, DateRange) and first.start:
            candidate = last.instance(first.start.year)
            last = candidate if candidate.end and candidate.end >= first.start else last.instance(first.start.year + 1)
        if isinstance(first, _Block):
            first = first.latest_begun(today)
        if isinstance(last, _Block):
            last = last.latest_begun(today)
        if first.start is None:
            return None
        if last.start and last.start < first.start:
            first, last = last, first
        return _Found((DateRange(first.start, last.end),))

    def _bound(self, cue: re.Match[str], point: Point, today: date) -> _Found | None:
        dated = (
            point.latest_begun(today)
            if isinstance(point, _Block)
            else point.range
            if isinstance(point, _Named)
            else point
        )
        groups = cue.groupdict()
        if groups.get("since") and dated.start:
            return _Found((DateRange(dated.start, None),))
        if groups.get("after") and dated.end:
            return _Found((DateRange(dated.end + timedelta(days=1), None),))
        if groups.get("before") and dated.start:
            return _Found((DateRange(None, dated.start - timedelta(days=1)),))
        if groups.get("until") and dated.end:
            return _Found((DateRange(None, dated.end),))
        return None

    # --- expressions without a time inside

    def _short_year_range(self, match: re.Match[str], today: date) -> _Found | None:
        first = self._year(match.group("y1"), today)
        if first is None:
            return None
        last = first // 100 * 100 + int(match.group("y2"))
        return _Found((_year_range(first, last),)) if first < last <= today.year + self.years_after_today else None

    def _rolling(self, match: re.Match[str], today: date) -> _Found | None:
        groups = match.groupdict()
        kind, size = self.units[groups.get("unit") or groups["unit1"]]
        amount = size * (self._number(groups["num"]) if groups.get("num") else 1)
        start = _units_before(today, kind, amount)
        return _Found((DateRange(start, None),)) if start else None

    def _rolling_half(self, match: re.Match[str], today: date) -> _Found | None:
        """A rolling window of a whole count and a half, in the next smaller unit: a year and a half is
        18 months, a month and a half 45 days."""
        groups = match.groupdict()
        kind, size = self.units[groups["unit"]]
        whole = 0 if groups.get("half") else self._number(groups["num"]) if groups.get("num") else 1
        if kind == "year":
            start = _units_before(today, "month", size * (12 * whole + 6))
        elif kind == "month":
            start = _units_before(today, "day", size * (30 * whole + 15))
        else:
            start = _units_before(today, "day", size * whole + size // 2)
        return _Found((DateRange(start, None),)) if start else None

    def _exact_day(self, match: re.Match[str], today: date) -> _Found | None:
        groups = match.groupdict()
        kind, size = self.units[groups.get("unit") or groups["unit1"]]
        day = _units_before(today, kind, size * (self._number(groups["num"]) if groups.get("num") else 1))
        return _Found((DateRange(day, day),)) if day else None

    def _age(self, match: re.Match[str], today: date) -> _Found | None:
        """ "more than five years old": before five years ago; "less than a year old": since a year ago."""
        groups = match.groupdict()
        kind, size = self.units[groups.get("unit") or groups["unit1"]]
        amount = size * (self._number(groups["num"]) if groups.get("num") else 1)
        boundary = _units_before(today, kind, amount)
        if boundary is None:
            return None
        if groups.get("older"):
            return _Found((DateRange(None, boundary - timedelta(days=1)),))
        return _Found((DateRange(boundary, None),))

    def _shift_of(self, match: re.Match[str]) -> Shift:
        groups = match.groupdict()
        unit_word = groups.get("unit") or groups["unit2"]
        unit: Unit = "year" if self.calendar_units.get(unit_word.rstrip("s")) == "year" else "month"
        amount = self._number(groups["num"]) if groups.get("num") else 1
        return Shift(unit, -amount if groups.get("back") else amount)

    def _span_shift(self, match: re.Match[str], today: date) -> _Found | None:
        return _Found((), Shift("span", -1 if match.groupdict().get("back") else 1))

    def _side_shift(self, match: re.Match[str], today: date) -> _Found | None:
        return _Found((), Shift("side", -1 if match.groupdict().get("back") else 1))

    def _shift(self, match: re.Match[str], today: date) -> _Found | None:
        return _Found((), self._shift_of(match))

    # --- guards

    def glued_to_word(self, text: str, start: int) -> bool:
        """The expression starting at `start` continues a word: "voc2012", "covid-2019", "xmarch".
        Prepositions and cue words may be glued: "from2023", "mid-2023"."""
        if start == 0:
            return False
        before = text[start - 1]
        if text[start].isalpha() or before.isdigit():
            return before.isalnum()
        if before in "-_" or before.isalpha():
            word = _WORD_BEFORE.search(text, 0, start)
            return word is not None and word.group(1) not in self.glue_words
        return False

    def follows_name(self, cased: str, start: int) -> bool:
        """A year right after a capitalised name ("DAVIS 2017", "on Kinetics 2017") belongs to it."""
        found = re.search(r"([^\W\d_][\w\-]*)[ \t]+$", cased[:start])
        if not found or _shouted(cased):
            return False
        word = found.group(1)
        if word.lower() in self.time_words or not word[0].isupper():
            return False
        capitals = sum(c.isupper() for c in word)
        opens_sentence = re.search(r"(?:^|[.!?:]\s*)$", cased[: found.start()]) is not None
        return capitals >= 2 or not opens_sentence


def _shouted(text: str) -> bool:
    """Written all in capitals, over more than one word: capitals then tell nothing about names."""
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) > 1 and not any(c.islower() for c in text)


def _squash(text: str) -> str:
    return " ".join(text.split())


@cache
def _grammar() -> _Grammar:
    return _Grammar(_words())


_WORD_BEFORE = compiled_pattern(r"([a-z]+)[-_]?$")
_QUOTED = compiled_pattern(r"\"[^\"]*\"|“[^”]*”|`[^`]*`")


def find_time_expressions(text: str, today: date, *, cased: str | None = None) -> list[TimeExpression]:
    """Time expressions in lower-cased `text`, non-overlapping, in text order; the longest wins
    where two overlap, then the earlier kind (a follow-up shift before a rolling window). `cased`,
    the same text before lower-casing, lets a year after a capitalised name stay part of it."""
    if cased is not None and len(cased) != len(text):
        raise ValueError(f"cased text has {len(cased)} characters, the lower-cased text {len(text)}")
    grammar = _grammar()
    if not grammar.trigger.search(text):
        return []
    given, text = text, fix_letter_o_years(text)
    candidates = list(grammar.around_points(text, grammar.points(text, today), today))
    for pattern, priority, resolve in grammar.rules:
        for match in pattern.finditer(text):
            found = None if grammar.glued_to_word(text, match.start()) else resolve(match, today)
            if found is not None:
                candidates.append(_Candidate(*match.span(), *match.span(), priority, found))
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    candidates = [
        c
        for c in candidates
        if not any(q_start < c.end and c.start < q_end for q_start, q_end in quoted)
        and not (cased is not None and not text[c.outer_start].isalpha() and grammar.follows_name(cased, c.outer_start))
        and not _inside_a_range(text, c.outer_start, c.outer_end)
    ]
    candidates.sort(key=lambda c: (c.outer_start - c.outer_end, c.priority, c.outer_start))
    chosen: list[_Candidate] = []
    for candidate in candidates:
        if all(candidate.outer_end <= o.outer_start or o.outer_end <= candidate.outer_start for o in chosen):
            chosen.append(candidate)
    chosen.sort(key=lambda c: c.start)
    return [TimeExpression(c.found.ranges, c.found.shift, c.start, c.end, given[c.start : c.end]) for c in chosen]


def _inside_a_range(text: str, start: int, end: int) -> bool:
    """Whether an expression starts or ends inside a range written with a hyphen ("2015-2019"): "2019
    or 2020" of "2015-2019 or 2020-2024" is not one, however long."""
    return (start >= 2 and text[start - 1] == "-" and text[start - 2].isdigit()) or (
        end + 1 < len(text) and text[end] == "-" and text[end + 1].isdigit()
    )
