"""Time expressions resolved against a pinned today: one test per family, exact DateRanges, two
todays; then what must never read as a time, describing, shifting, offsets."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.paths import TIME_WORDS_FILE
from bot.understanding.time_expressions import (
    DateRange,
    Shift,
    TimeExpression,
    find_time_expressions,
    shift_range,
)
from bot.yaml_io import load_data_file

NOV_27 = date(2026, 11, 27)  # the public eval sets' today
FEB_10 = date(2025, 2, 10)  # early in a year, in winter: "last March" and "last winter" reach back


def d(text: str) -> date:
    return date.fromisoformat(text)


def span(start: str | None, end: str | None) -> DateRange:
    return DateRange(d(start) if start else None, d(end) if end else None)


def year(value: int) -> DateRange:
    return DateRange(date(value, 1, 1), date(value, 12, 31))


def any_year(*months: int) -> DateRange:
    return DateRange(None, None, frozenset(months))


def found(text: str, today: date = NOV_27) -> list[TimeExpression]:
    return find_time_expressions(text.lower(), today, cased=text)


def only_ranges(text: str, today: date = NOV_27) -> tuple[DateRange, ...]:
    """The ranges of the single expression in `text`."""
    expressions = found(text, today)
    assert len(expressions) == 1, expressions
    assert expressions[0].shift is None
    return expressions[0].ranges


def check(text: str, today: date, expected: DateRange | tuple[DateRange, ...]) -> None:
    wanted = expected if isinstance(expected, tuple) else (expected,)
    assert only_ranges(text, today) == wanted


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("papers from 2023", NOV_27, year(2023)),
        ("what did he publish in 2020?", FEB_10, year(2020)),
        ("2022 papers where he is second author", NOV_27, year(2022)),
        ("papers from 2O23", NOV_27, year(2023)),
        ("PAPERS FROM2023!!", FEB_10, year(2023)),
        ("**2023** papers 🔥", NOV_27, year(2023)),
        ("papers from '21", NOV_27, year(2021)),
    ],
)
def test_a_year_is_the_calendar_year(text: str, today: date, expected: DateRange) -> None:
    check(text, today, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("papers 2021-2023", span("2021-01-01", "2023-12-31")),
        ("work in 2024–2025", span("2024-01-01", "2025-12-31")),
        ("between 2021 and 2022", span("2021-01-01", "2022-12-31")),
        ("between 2021and2022", span("2021-01-01", "2022-12-31")),
        ("from 2020 to 2022", span("2020-01-01", "2022-12-31")),
        ("from 2020 through 2022", span("2020-01-01", "2022-12-31")),
        ("2023 to 2021", span("2021-01-01", "2023-12-31")),
        ("the 2019-20 papers", span("2019-01-01", "2020-12-31")),
        ("2021-23", span("2021-01-01", "2023-12-31")),
        ("from 2020 to now", span("2020-01-01", None)),
        ("2020-present", span("2020-01-01", None)),
        ("from March 2024 to May 2024", span("2024-03-01", "2024-05-31")),
        ("from march to may 2023", span("2023-03-01", "2023-05-31")),
        ("from november to february 2024", span("2023-11-01", "2024-02-29")),
    ],
)
def test_year_and_month_ranges_include_both_ends(text: str, expected: DateRange) -> None:
    check(text, NOV_27, expected)
    check(text, FEB_10, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("papers after 2023", span("2024-01-01", None)),
        ("papers since 2023", span("2023-01-01", None)),
        ("papers before 2023", span(None, "2022-12-31")),
        ("papers until 2023", span(None, "2023-12-31")),
        ("papers up to 2022", span(None, "2022-12-31")),
        ("papers prior to 2021", span(None, "2020-12-31")),
        ("papers earlier than 2021", span(None, "2020-12-31")),
        ("papers no later than 2022", span(None, "2022-12-31")),
        ("pre-2020 work", span(None, "2019-12-31")),
        ("post-2020 work", span("2021-01-01", None)),
        ("since2023", span("2023-01-01", None)),
        ("2023 onwards", span("2023-01-01", None)),
        ("from 2023 on", span("2023-01-01", None)),
        ("2021 or earlier", span(None, "2021-12-31")),
        ("anything before May 2023", span(None, "2023-04-30")),
        ("papers after March 2024", span("2024-04-01", None)),
        ("papers since June 2024", span("2024-06-01", None)),
        ("after the 2010s", span("2020-01-01", None)),
    ],
)
def test_bounds_include_since_and_until_exclude_after_and_before(text: str, expected: DateRange) -> None:
    check(text, NOV_27, expected)
    check(text, FEB_10, expected)


def test_two_bounds_joined_by_or_stay_two_bounds() -> None:
    expressions = found("not before 2021 or after 2023")
    assert [(e.text, e.ranges) for e in expressions] == [
        ("before 2021", (span(None, "2020-12-31"),)),
        ("after 2023", (span("2024-01-01", None),)),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("papers from May 2023", span("2023-05-01", "2023-05-31")),
        ("papers from 2023-05", span("2023-05-01", "2023-05-31")),
        ("05/2023", span("2023-05-01", "2023-05-31")),
        ("published in July of 2023", span("2023-07-01", "2023-07-31")),
        ("may, 2023", span("2023-05-01", "2023-05-31")),
        ("Feb 2024", span("2024-02-01", "2024-02-29")),
        ("sept. 2021", span("2021-09-01", "2021-09-30")),
    ],
)
def test_month_and_year(text: str, expected: DateRange) -> None:
    check(text, NOV_27, expected)
    check(text, FEB_10, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("papers from March", any_year(3)),
        ("anything in may?", any_year(5)),
        ("did she put anything out in a December?", any_year(12)),
        ("papers from any March", any_year(3)),
        ("papers from Q1", any_year(1, 2, 3)),
        ("in the first half", any_year(1, 2, 3, 4, 5, 6)),
        ("during the summer", any_year(6, 7, 8)),
        ("in winter", any_year(12, 1, 2)),
        ("papers from march to may", any_year(3, 4, 5)),
        ("between november and january", any_year(11, 12, 1)),
    ],
)
def test_a_time_without_a_year_is_a_month_of_year_filter(text: str, expected: DateRange) -> None:
    check(text, NOV_27, expected)
    check(text, FEB_10, expected)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("since march", NOV_27, span("2026-03-01", None)),
        ("since march", FEB_10, span("2024-03-01", None)),
        ("before march", FEB_10, span(None, "2024-02-29")),
        ("since the summer", NOV_27, span("2026-06-01", None)),
    ],
)
def test_a_bound_on_a_time_without_a_year_takes_the_latest_begun(text: str, today: date, expected: DateRange) -> None:
    check(text, today, expected)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("anything from last March?", NOV_27, span("2026-03-01", "2026-03-31")),
        ("anything from last March?", FEB_10, span("2024-03-01", "2024-03-31")),
        ("last november", NOV_27, span("2025-11-01", "2025-11-30")),
        ("last february", FEB_10, span("2024-02-01", "2024-02-29")),
        ("last january", FEB_10, span("2025-01-01", "2025-01-31")),
        ("this march", FEB_10, span("2025-03-01", "2025-03-31")),
        ("next march", NOV_27, span("2027-03-01", "2027-03-31")),
        ("papers from last spring", NOV_27, span("2026-03-01", "2026-05-31")),
        ("papers from last spring", FEB_10, span("2024-03-01", "2024-05-31")),
        ("last winter", NOV_27, span("2025-12-01", "2026-02-28")),
        ("last winter", FEB_10, span("2023-12-01", "2024-02-29")),
        ("this winter", FEB_10, span("2024-12-01", "2025-02-28")),
        ("last autumn", NOV_27, span("2025-09-01", "2025-11-30")),
        ("last quarter", NOV_27, span("2026-07-01", "2026-09-30")),
        ("this quarter", FEB_10, span("2025-01-01", "2025-03-31")),
    ],
)
def test_last_this_next_named_month_season_or_quarter(text: str, today: date, expected: DateRange) -> None:
    check(text, today, expected)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("papers this year", NOV_27, year(2026)),
        ("papers this year", FEB_10, year(2025)),
        ("papers last year", NOV_27, year(2025)),
        ("hey!! any papers from last yr?", NOV_27, year(2025)),
        ("last year's papers?", FEB_10, year(2024)),
        ("the year before last", NOV_27, year(2024)),
        ("the year before last", FEB_10, year(2023)),
        ("next year", NOV_27, year(2027)),
        ("papers this month", NOV_27, span("2026-11-01", "2026-11-30")),
        ("papers this month", FEB_10, span("2025-02-01", "2025-02-28")),
        ("papers last month", NOV_27, span("2026-10-01", "2026-10-31")),
        ("papers last month", FEB_10, span("2025-01-01", "2025-01-31")),
        ("the month before last", FEB_10, span("2024-12-01", "2024-12-31")),
    ],
)
def test_calendar_words_name_whole_calendar_units(text: str, today: date, expected: DateRange) -> None:
    check(text, today, expected)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("in the past 30 days", NOV_27, span("2026-10-28", None)),
        ("in the last 2 weeks", NOV_27, span("2026-11-13", None)),
        ("what came out in the last 18 months?", NOV_27, span("2025-05-27", None)),
        ("the last 18 months", FEB_10, span("2023-08-10", None)),
        ("past 6 months", date(2026, 8, 31), span("2026-02-28", None)),
        ("papers in the past year", NOV_27, span("2025-11-27", None)),
        ("the last year", FEB_10, span("2024-02-10", None)),
        ("in the past 3 years", NOV_27, span("2023-11-27", None)),
        ("last 3 years", FEB_10, span("2022-02-10", None)),
        ("the past few months", NOV_27, span("2026-08-27", None)),
        ("over the past decade", NOV_27, span("2016-11-27", None)),
        ("the last month", NOV_27, span("2026-10-27", None)),
        # halves: in the next smaller unit ("the last year and a half" was the last year)
        ("what came out in the last year and a half", NOV_27, span("2025-05-27", None)),
        ("over the past two and a half years", NOV_27, span("2024-05-27", None)),
        ("the last 1.5 years", NOV_27, span("2025-05-27", None)),
        ("in the past half year", NOV_27, span("2026-05-27", None)),
        ("the last month and a half", NOV_27, span("2026-10-13", None)),
    ],
)
def test_rolling_windows_open_n_units_before_today(text: str, today: date, expected: DateRange) -> None:
    check(text, today, expected)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("4 years ago", NOV_27, year(2022)),
        ("anything from four years back?", NOV_27, year(2022)),
        ("three years back", FEB_10, year(2022)),
        ("a couple of years ago", NOV_27, year(2024)),
        ("a year ago", FEB_10, year(2024)),
        ("2 months ago", FEB_10, span("2024-12-01", "2024-12-31")),
        ("2 weeks ago", NOV_27, span("2026-11-13", "2026-11-13")),
        ("until 3 years ago", NOV_27, span(None, "2023-12-31")),
    ],
)
def test_n_units_ago_is_that_calendar_unit(text: str, today: date, expected: DateRange) -> None:
    check(text, today, expected)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("papers from Q3 2022", NOV_27, span("2022-07-01", "2022-09-30")),
        ("the third quarter of 2022", FEB_10, span("2022-07-01", "2022-09-30")),
        ("Q3 of 2022", NOV_27, span("2022-07-01", "2022-09-30")),
        ("Q3-2022", FEB_10, span("2022-07-01", "2022-09-30")),
        ("2022 q4", NOV_27, span("2022-10-01", "2022-12-31")),
        ("the 1st quarter of 2021", NOV_27, span("2021-01-01", "2021-03-31")),
        ("q3 of last year", NOV_27, span("2025-07-01", "2025-09-30")),
        ("q3 of last year", FEB_10, span("2024-07-01", "2024-09-30")),
        ("papers from H1 2023", NOV_27, span("2023-01-01", "2023-06-30")),
        ("the first half of 2023", FEB_10, span("2023-01-01", "2023-06-30")),
        ("second half of 2022", NOV_27, span("2022-07-01", "2022-12-31")),
        ("the first half of last year", NOV_27, span("2025-01-01", "2025-06-30")),
        ("the first half of last year", FEB_10, span("2024-01-01", "2024-06-30")),
    ],
)
def test_quarters_and_halves(text: str, today: date, expected: DateRange) -> None:
    check(text, today, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("spring 2025", span("2025-03-01", "2025-05-31")),
        ("summer 2024", span("2024-06-01", "2024-08-31")),
        ("summer '24", span("2024-06-01", "2024-08-31")),
        ("fall 2023", span("2023-09-01", "2023-11-30")),
        ("papers from autumn 2020", span("2020-09-01", "2020-11-30")),
        ("winter 2024", span("2024-12-01", "2025-02-28")),
        ("winter of 2023", span("2023-12-01", "2024-02-29")),
    ],
)
def test_seasons_are_meteorological_and_start_in_their_year(text: str, expected: DateRange) -> None:
    check(text, NOV_27, expected)
    check(text, FEB_10, expected)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("early 2023", NOV_27, span("2023-01-01", "2023-04-30")),
        ("mid 2023", NOV_27, span("2023-05-01", "2023-08-31")),
        ("mid-2023", FEB_10, span("2023-05-01", "2023-08-31")),
        ("late 2022", NOV_27, span("2022-09-01", "2022-12-31")),
        ("the end of 2022", NOV_27, span("2022-09-01", "2022-12-31")),
        ("early last year", FEB_10, span("2024-01-01", "2024-04-30")),
        ("papers from the 2010s", NOV_27, span("2010-01-01", "2019-12-31")),
        ("the early 2020s", NOV_27, span("2020-01-01", "2023-12-31")),
        ("the late 2010s", FEB_10, span("2017-01-01", "2019-12-31")),
        ("the 90s", NOV_27, span("1990-01-01", "1999-12-31")),
    ],
)
def test_parts_of_a_year_and_decades(text: str, today: date, expected: DateRange) -> None:
    check(text, today, expected)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("2020 and 2021", NOV_27, (year(2020), year(2021))),
        ("in 2020 or 2022", FEB_10, (year(2020), year(2022))),
        ("2021, 2022 and 2023", NOV_27, (year(2021), year(2022), year(2023))),
        ("2021,2022", NOV_27, (year(2021), year(2022))),
        ("2020 and/or 2021", NOV_27, (year(2020), year(2021))),
        ("2024 or last year", NOV_27, (year(2024), year(2025))),
        ("may 2023 and june 2023", NOV_27, (span("2023-05-01", "2023-05-31"), span("2023-06-01", "2023-06-30"))),
    ],
)
def test_times_joined_by_and_or_are_a_union(text: str, today: date, expected: tuple[DateRange, ...]) -> None:
    check(text, today, expected)


@pytest.mark.parametrize(
    ("text", "shift"),
    [
        ("what about the year after?", Shift("year", 1)),
        ("what about the following year?", Shift("year", 1)),
        ("and the next year?", Shift("year", 1)),
        ("the year before", Shift("year", -1)),
        ("and the year before that?", Shift("year", -1)),
        ("ok what about the year before that one?", Shift("year", -1)),
        ("the previous year", Shift("year", -1)),
        ("a year later", Shift("year", 1)),
        ("two years earlier", Shift("year", -2)),
        ("the month after", Shift("month", 1)),
        ("the previous month", Shift("month", -1)),
        # said alone, "before that" moves the time in view by its own length
        ("and before that?", Shift("span", -1)),
        ("what about after that", Shift("span", 1)),
    ],
)
def test_follow_up_shifts(text: str, shift: Shift) -> None:
    for today in (NOV_27, FEB_10):
        expressions = found(text, today)
        assert [(e.ranges, e.shift) for e in expressions] == [((), shift)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the year after 2022", year(2023)),
        ("a year before 2022", year(2021)),
        ("the month after May 2023", span("2023-06-01", "2023-06-30")),
    ],
)
def test_a_shift_with_its_time_is_resolved_at_once(text: str, expected: DateRange) -> None:
    check(text, NOV_27, expected)


@pytest.mark.parametrize(
    "text",
    [
        "show me 3 papers",
        "top 5 co-authors",
        "the 3 most recent papers",
        "results on DAVIS 2017",
        "DAVIS 2017?",
        "mAP on VOC 2012",
        "COCO 2017 results",
        "accuracy on Kinetics 2017",
        "MSR-VTT 1k R@1",
        "what is mPLUG-2",
        "what's the top-1 of mPLUG-2?",
        "may I ask about his work",
        "it may be useful",
        "tell me about March of the Penguins",
        'what is "Learning to March in 2023" about?',
        "recent papers",
        "what has he done lately",
        "so what is he working on these days",
        "in recent years",
        "context length of 2048 tokens",
        "1920x1080 frames",
        "arXiv 2012.07890",
        "voc2012 numbers",
        "covid-2019 papers",
        "the second author",
        "999 decades ago",
        "in the past 999 decades",
    ],
)
def test_not_times(text: str) -> None:
    assert found(text) == []
    assert found(text, FEB_10) == []


def test_a_year_after_a_capitalised_name_needs_the_casing() -> None:
    assert find_time_expressions("results on davis 2017", NOV_27) != []
    assert find_time_expressions("results on davis 2017", NOV_27, cased="results on DAVIS 2017") == []
    # A capital that opens a sentence, or a time word, is no name; shouting tells nothing.
    assert only_ranges("Papers 2023") == (year(2023),)
    assert only_ranges("Results? Kinetics aside, 2017 papers") == (year(2017),)
    assert only_ranges("May 2023") == (span("2023-05-01", "2023-05-31"),)
    assert only_ranges("RESULTS ON DAVIS 2017") == (year(2017),)


def test_a_name_year_does_not_hide_a_later_time() -> None:
    expressions = found("results on DAVIS 2017 from 2020")
    assert [(e.text, e.ranges) for e in expressions] == [("2020", (year(2020),))]


def test_offsets_and_text_line_up_with_the_original() -> None:
    original = "Hi! Papers from Q3 2022, then the LAST 18 MONTHS, and 2O21 or 2023 🔥"
    expressions = find_time_expressions(original.lower(), NOV_27, cased=original)
    assert [(e.start, e.end, e.text) for e in expressions] == [
        (16, 23, "q3 2022"),
        (30, 48, "the last 18 months"),
        (54, 66, "2o21 or 2023"),
    ]
    assert [original[e.start : e.end] for e in expressions] == ["Q3 2022", "the LAST 18 MONTHS", "2O21 or 2023"]


def test_a_year_less_time_reports_the_time_words_without_its_cue() -> None:
    (expression,) = found("papers from March")
    assert (expression.start, expression.end, expression.text) == (12, 17, "march")


def test_cased_text_of_another_length_is_refused() -> None:
    with pytest.raises(ValueError, match="cased text has 5 characters, the lower-cased text 4"):
        find_time_expressions("2023", NOV_27, cased="2023!")


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        ("in 2023", "papers from 2023"),
        ("in Q3 2022 (Jul 1 – Sep 30, 2022)", "Q3 2022"),
        ("in H1 2023 (Jan 1 – Jun 30, 2023)", "H1 2023"),
        ("since May 27, 2025", "the last 18 months"),
        ("before May 2023", "before May 2023"),
        ("since 2024", "after 2023"),
        ("before 2024", "until 2023"),
        ("since March 2024", "since March 2024"),
        ("in May 2023", "May 2023"),
        ("from 2021 to 2023", "2021-2023"),
        ("in the 2010s", "the 2010s"),
        ("from March to May 2025", "spring 2025"),
        ("from December 2024 to February 2025", "winter 2024"),
        ("on November 13, 2026", "2 weeks ago"),
        ("in March of any year", "papers from March"),
        ("in Q1 of any year", "in Q1"),
        ("in spring of any year", "in spring"),
        ("in 2020 or 2021", "2020 and 2021"),
    ],
)
def test_describe(expected: str, text: str) -> None:
    (expression,) = found(text)
    assert expression.describe() == expected


def test_describe_open_and_filtered() -> None:
    assert DateRange(None, None).describe() == "at any time"
    assert DateRange(date(2023, 1, 1), None, frozenset({3})).describe() == "since 2023, March only"


@pytest.mark.parametrize(
    ("before", "shift", "after"),
    [
        (year(2022), Shift("year", 1), year(2023)),
        (year(2022), Shift("year", -2), year(2020)),
        (span("2023-01-01", "2023-06-30"), Shift("year", 1), span("2024-01-01", "2024-06-30")),
        (span("2023-05-01", "2023-05-31"), Shift("month", 1), span("2023-06-01", "2023-06-30")),
        (span("2023-01-01", "2023-01-31"), Shift("month", 1), span("2023-02-01", "2023-02-28")),
        (span("2024-12-01", "2025-02-28"), Shift("year", 3), span("2027-12-01", "2028-02-29")),
        # "the last 18 months", then "the year before that": up to where that one began
        (span("2025-05-27", None), Shift("year", -1), span("2024-05-27", "2025-05-26")),
        (span("2025-11-27", None), Shift("month", -12), span("2024-11-27", "2025-11-26")),
        # a span of days is whole months long: November 27 to November 26 is 12 of them
        (span("2024-11-27", "2025-11-26"), Shift("span", -1), span("2023-11-27", "2024-11-26")),
        (span(None, "2022-12-31"), Shift("year", 1), span(None, "2023-12-31")),
        (any_year(3), Shift("month", -3), any_year(12)),
        (any_year(3), Shift("year", 1), any_year(3)),
        (year(2023), Shift("span", -1), year(2022)),
        (span("2023-03-01", "2023-03-31"), Shift("span", -1), span("2023-02-01", "2023-02-28")),
        (span("2023-07-01", "2023-09-30"), Shift("span", 1), span("2023-10-01", "2023-12-31")),
    ],
)
def test_shift_range_moves_by_whole_units_keeping_the_length(before: DateRange, shift: Shift, after: DateRange) -> None:
    assert shift_range(before, shift) == after


def test_contains() -> None:
    assert year(2023).contains(date(2023, 12, 31))
    assert not year(2023).contains(date(2024, 1, 1))
    assert span("2025-05-27", None).contains(date(2025, 5, 27))
    assert not span("2025-05-27", None).contains(date(2025, 5, 26))
    assert any_year(3).contains(date(2019, 3, 14))
    assert not any_year(3).contains(date(2019, 4, 1))


def test_time_words_file_covers_the_calendar() -> None:
    words = load_data_file(TIME_WORDS_FILE)
    assert len(words["months"]) == 12
    assert all(len(names) >= 2 for names in words["months"])
    for name, season in words["seasons"].items():
        assert 1 <= season["first"] <= 12 and season["length"] == 3, name
    assert sorted(words["parts_of_year"].values()) == [[1, 4], [5, 8], [9, 12]]
    assert set(words["part_phrases"].values()) == set(words["parts_of_year"])


TIME_WORDS = [
    "in", "from", "since", "after", "before", "until", "between", "and", "or", "to", "the", "of", "-", "–", ",",
    "2023", "2O22", "'24", "1949", "2099", "2020s", "90s", "2021-23", "2023-05", "05/2023", "q3", "h1", "q5",
    "may", "march", "winter", "spring", "early", "mid", "late", "end", "first", "fifth", "half", "quarter",
    "this", "last", "next", "year", "month", "years", "months", "weeks", "days", "decades", "ago", "back",
    "past", "previous", "following", "later", "earlier", "that", "one", "999", "0", "a", "couple", "few",
    "now", "onwards", "on", "earlier", "DAVIS", "\"", "**", "🔥", "x",
]  # fmt: skip


@settings(max_examples=400, derandomize=True, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(TIME_WORDS), st.sampled_from([" ", "", "  ", "? "])), max_size=12),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
)
def test_any_jumble_of_time_words_gives_ordered_disjoint_expressions(words: list[tuple[str, str]], today: date) -> None:
    cased = "".join(word + gap for word, gap in words)
    expressions = find_time_expressions(cased.lower(), today, cased=cased)
    for expression, following in pairwise(expressions):
        assert expression.end <= following.start
    for expression in expressions:
        assert expression.text == cased.lower()[expression.start : expression.end]
        assert bool(expression.ranges) != bool(expression.shift)


PANDEMIC = span("2020-03-01", "2022-12-31")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what was he working on before the pandemic", span(None, "2020-02-29")),
        ("anything pre-covid?", span(None, "2020-02-29")),
        ("post-pandemic papers", span("2023-01-01", None)),
        ("since the pandemic", span("2020-03-01", None)),
        ("papers during covid", PANDEMIC),
        ("covid-era studies?", PANDEMIC),
        ("anything from lockdown times", PANDEMIC),
    ],
)
def test_a_period_known_by_name_with_a_time_word(text: str, expected: DateRange) -> None:
    check(text, NOV_27, expected)


@pytest.mark.parametrize("text", ["papers about covid-19 mortality", "pandemic forecasting", "lockdown policies"])
def test_a_period_s_name_alone_is_a_topic(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("which papers are more than five years old?", span(None, "2021-11-26")),
        ("papers over 3 years old", span(None, "2023-11-26")),
        ("papers older than 2 years", span(None, "2024-11-26")),
        ("anything less than a year old", span("2025-11-27", None)),
        ("anything newer than a year?", span("2025-11-27", None)),
    ],
)
def test_a_paper_s_age(text: str, expected: DateRange) -> None:
    check(text, NOV_27, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("was anything published exactly a year ago today?", span("2025-11-27", "2025-11-27")),
        ("exactly 2 years ago", span("2024-11-27", "2024-11-27")),
        ("papers from march of last year", span("2025-03-01", "2025-03-31")),
        (
            "what did she publish in january or february this year",
            (span("2026-01-01", "2026-01-31"), span("2026-02-01", "2026-02-28")),
        ),
    ],
)
def test_a_day_to_the_day_and_months_of_a_year_said_in_words(
    text: str, expected: DateRange | tuple[DateRange, ...]
) -> None:
    check(text, NOV_27, expected)


def test_no_expression_starts_or_ends_inside_a_hyphenated_range() -> None:
    # "2019 or 2020" is longer than "2015-2019" but cuts both ranges in half
    assert [e.text for e in found("more productive 2015-2019 or 2020-2024?")] == ["2015-2019", "2020-2024"]
    assert [e.ranges for e in found("2015-2019 or 2020-2024")] == [
        (span("2015-01-01", "2019-12-31"),),
        (span("2020-01-01", "2024-12-31"),),
    ]


def test_older_stuff_is_every_paper_on_the_far_side_of_the_time_in_view() -> None:
    (older,) = found("what about her older stuff?")
    assert older.shift == Shift("side", -1) and older.ranges == ()
    (newer,) = found("and the newer ones?")
    assert newer.shift == Shift("side", 1)
    assert found("older stuff?") == []  # without an opener: the oldest papers, not a follow-up
    # the topic in view said again, before the noun or after it
    assert found("what about his older lidar stuff?")[0].shift == Shift("side", -1)
    assert found("what about his older stuff on that?")[0].shift == Shift("side", -1)
    assert shift_range(DateRange(date(2023, 1, 1), None), Shift("side", -1)) == DateRange(None, date(2022, 12, 31))
    assert shift_range(DateRange(date(2023, 1, 1), date(2023, 12, 31)), Shift("side", 1)) == DateRange(
        date(2024, 1, 1), None
    )


def test_been_up_to_is_being_busy_not_a_bound() -> None:
    this_year = DateRange(date(2026, 1, 1), date(2026, 12, 31))
    assert only_ranges("what's she been up to this year", NOV_27) == (this_year,)
    assert only_ranges("papers up to 2022", NOV_27) == (DateRange(None, date(2022, 12, 31)),)
