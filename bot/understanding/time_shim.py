"""Temporary adapter: today's year/month expressions as date ranges, until the time-expression
grammar lands (bot/understanding/time_expressions.py)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from bot.query import DateRange
from bot.understanding.timespans import MONTH_LABELS, find_times


@dataclass(frozen=True, slots=True)
class Shift:
    unit: Literal["year", "month"]
    amount: int


@dataclass(frozen=True, slots=True)
class TimeExpression:
    ranges: tuple[DateRange, ...]
    shift: Shift | None
    start: int
    end: int
    text: str


_SHIFT = re.compile(
    r"\bthe (?:(?P<after>following|next) year|year (?P<after2>after)(?: that(?: one)?)?"
    r"|(?P<before>previous|prior) year|year (?P<before2>before)(?: that(?: one)?)?)\b"
)


def find_time_expressions(text: str, today: date) -> list[TimeExpression]:
    found = []
    for shift in _SHIFT.finditer(text):
        amount = 1 if (shift.group("after") or shift.group("after2")) else -1
        found.append(TimeExpression((), Shift("year", amount), shift.start(), shift.end(), shift.group()))
    for match in find_times(text, today.year):
        if any(f.start < match.end and match.start < f.end for f in found):
            continue
        ranges: list[DateRange] = []
        if match.month is not None:
            m = match.month
            if m.year is None:
                ranges.append(DateRange(None, None, f"in {MONTH_LABELS[m.month]}", frozenset({m.month})))
            else:
                last = calendar.monthrange(m.year, m.month)[1]
                ranges.append(
                    DateRange(
                        date(m.year, m.month, 1), date(m.year, m.month, last), f"{MONTH_LABELS[m.month]} {m.year}"
                    )
                )
        elif match.span is not None:
            span = match.span
            if span.years:
                ranges += [DateRange(date(y, 1, 1), date(y, 12, 31), str(y)) for y in span.years]
            else:
                start = date(span.start, 1, 1) if span.start else None
                end = date(span.end, 12, 31) if span.end else None
                ranges.append(DateRange(start, end, span.describe()))
        found.append(TimeExpression(tuple(ranges), None, match.start, match.end, text[match.start : match.end]))
    return found


def shift_range(r: DateRange, shift: Shift) -> DateRange:
    def move(day: date | None) -> date | None:
        if day is None:
            return None
        if shift.unit == "year":
            return day.replace(year=day.year + shift.amount, day=min(day.day, 28) if day.month == 2 else day.day)
        month = day.month - 1 + shift.amount
        year = day.year + month // 12
        return date(year, month % 12 + 1, min(day.day, calendar.monthrange(year, month % 12 + 1)[1]))

    start, end = move(r.start), move(r.end)
    label = str(start.year) if start and end and start.year == end.year and shift.unit == "year" else r.label
    return DateRange(start, end, label, r.months)
