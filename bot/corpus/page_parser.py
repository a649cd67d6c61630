"""Parse a researcher's profile page (saved as text) into a corpus document.

The page: the researcher's name; a blank line; the primary arXiv class; `h-index29`;
`23papers`; `3,988citations`; `Novelty50%`; `AI Score50`; a blank line; `23 Papers`; then one
block per paper: a header `<CLASS><Mon D[, YYYY]>[Code]`, the title, a blank line, the authors
(`A, B, C et al.`), a blank line, the abstract. Every line is placed or reported: a line the parser
cannot place is an error naming the file, the line and what was expected.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from bot.clock import today
from bot.corpus.errors import ProfileError as ProfileError  # re-exported: callers catch it from here
from bot.corpus.gazetteer import Gazetteer, default_gazetteer
from bot.corpus.latex import clean_latex
from bot.corpus.names import introduced_names, links, name_particles, name_suffixes, paper_system, presented_benchmarks
from bot.corpus.workers import can_fork, end_with
from bot.gc_control import collector_paused
from bot.precompiled import compiled_pattern
from bot.text import squash_spaces, strip_invisible

MONTHS = {
    m: i
    for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], start=1)
}

_HEADER = compiled_pattern(
    r"^(?P<cls>[A-Z]{2})(?P<mon>[A-Z][a-z]{2}) (?P<day>\d{1,2})(?:, (?P<year>\d{4}))?(?P<code>Code)?$"
)
_HEADER_LIKE = compiled_pattern(r"^[A-Za-z]{2}[A-Z][a-z]{2,8}\.? ?\d")
# One well-formed paper block, for the fast path: the careful line-by-line checks below, written as
# one pattern the regex engine runs in C. `_WS` is whitespace within a line; a blank line is nothing else.
_WS = r"[^\S\n]*"
_HEADER_LINE = rf"[A-Z]{{2}}[A-Z][a-z]{{2}} \d{{1,2}}(?:, \d{{4}})?(?:Code)?{_WS}(?:\n|\Z)"
_BLOCK = compiled_pattern(
    rf"{_WS}(?P<cls>[A-Z]{{2}})(?P<mon>[A-Z][a-z]{{2}}) (?P<day>\d{{1,2}})"
    rf"(?:, (?P<year>\d{{4}}))?(?P<code>Code)?{_WS}\n"
    rf"(?P<title>{_WS}(?!{_HEADER_LINE})\S[^\n]*)\n"
    rf"(?:{_WS}\n)+"
    rf"{_WS}(?!{_HEADER_LINE})(?P<authors>\S[^\n]*)\n"
    rf"(?:{_WS}\n)+"
    rf"{_WS}(?!{_HEADER_LINE})(?P<abstract>\S[^\n]*(?:\n{_WS}(?![A-Za-z]{{2}}[A-Z][a-z]{{2,8}}\.? ?\d)\S[^\n]*)*)"
    rf"(?:(?:\n{_WS}){{2,}}|(?:\n{_WS})*\Z)"
)
_COUNT_LINE = compiled_pattern(r"^(?P<n>\S+) Papers$")
_ET_AL = compiled_pattern(r",?\s*et\s+al\.?$", re.IGNORECASE)
_AUTHOR_SEPARATOR = compiled_pattern(r",\s*|\s+and\s+|\s*;\s*")
_STATS: dict[str, re.Pattern[str]] = {
    "h_index": compiled_pattern(r"^h-index\s*(?P<v>.*)$", re.IGNORECASE),
    "paper_count": compiled_pattern(r"^(?P<v>.*?)\s*papers$"),
    "citations": compiled_pattern(r"^(?P<v>.*?)\s*citations$", re.IGNORECASE),
    "novelty": compiled_pattern(r"^Novelty\s*(?P<v>.*?)%?$", re.IGNORECASE),
    "ai_score": compiled_pattern(r"^AI Score\s*(?P<v>.*)$", re.IGNORECASE),
}
_STAT_EXAMPLES = {
    "h_index": "'h-index29'",
    "paper_count": "'23papers'",
    "citations": "'3,988citations'",
    "novelty": "'Novelty50%'",
    "ai_score": "'AI Score50'",
}
# Below these sizes forking a second process costs more than it saves (about 3,000 papers).
PARALLEL_FROM_BLOCKS = 3000
PARALLEL_FROM_CHARS = 1_000_000
# This process keeps a little more than half of a large page: the forked reader of the rest must also
# write its papers (marshal) and this process read them back, and neither should wait for the other
# (0.53 while the papers came through a pipe; with a file in memory the reader was done 5-40 ms first).
PARENT_SHARE = 0.51
# Where a large page is cut in two: a blank line, then a line that starts like a paper header.
_BLOCK_START = compiled_pattern(rf"\n{_WS}\n{_WS}(?=[A-Z]{{2}}[A-Z][a-z]{{2}} \d)")
_INTEGER = compiled_pattern(r"^\d{1,3}(?:,\d{3})*$|^\d+$")
_NUMBER = compiled_pattern(r"^\d+(?:\.\d+)?$")
_Result = TypeVar("_Result")


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    text: str


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _decode(raw: bytes, source: str) -> str:
    if b"\x00" in raw:
        raise ProfileError(source, 1, "expected a text file, found binary data (NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ProfileError(source, line, "expected UTF-8 text, found bytes that are not UTF-8") from None


def _integer(value: str, source: str, line: int, what: str) -> int:
    if not _INTEGER.match(value):
        raise ProfileError(source, line, f"expected a whole number for {what}, got {value!r}")
    return int(value.replace(",", ""))


def _number(value: str, source: str, line: int, what: str) -> float | int:
    if not _NUMBER.match(value):
        raise ProfileError(source, line, f"expected a number for {what}, got {value!r}")
    number = float(value)
    return int(number) if number.is_integer() else number


def resolve_date(month: int, day: int, year: int | None, as_of: date) -> tuple[date, bool]:
    """The paper's date; a date without a year is the latest such date on or before `as_of`."""
    if year is not None:
        return date(year, month, day), False
    for candidate_year in range(as_of.year, as_of.year - 8, -1):
        try:
            candidate = date(candidate_year, month, day)
        except ValueError:  # Feb 29 outside a leap year
            continue
        if candidate <= as_of:
            return candidate, True
    raise ValueError("no such date")


def _runs(lines: list[_Line]) -> list[list[_Line]]:
    """Groups of consecutive non-blank lines."""
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _split_authors(text: str) -> tuple[list[str], bool]:
    # "et al." can only end the line: its "al" sits in the last four characters ("al", "al.", "al.\n").
    tail = text[-4:]
    found = _ET_AL.search(text) if "al" in tail.lower() or not tail.isascii() else None
    body = (text[: found.start()] + text[found.end() :] if found else text).strip()
    if ";" not in body and " and " not in body and "  " not in body and "\t" not in body and "\n" not in body:
        # the common line, names between commas and single spaces: split without the pattern
        return [p for p in (part.strip() for part in body.split(",")) if p], found is not None
    return [squash_spaces(p) for p in _AUTHOR_SEPARATOR.split(body) if p.strip()], found is not None


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if len(words) > 1 and words[-1] in name_suffixes():
        words = words[:-1]  # "Marcus Ellison Jr.": the suffix may end with a full stop
        name = " ".join(words)
    if not 1 <= len(words) <= 6 or len(name) > 60 or re.search(r"\d", name) or name.endswith("."):
        return False
    # Every word is capitalised (or uncased, as in CJK scripts) or holds a capital ("d'Ascoli",
    # "al-Farabi"), except particles such as "van"; an abstract's lower-case words fail this.
    return all(
        (w[0].isalpha() and not w[0].islower()) or any(c.isupper() for c in w) or w.lower() in name_particles()
        for w in words
    )


class _PageParser:
    def __init__(self, text: str, source: str, as_of: date, gazetteer: Gazetteer) -> None:
        self.source = source
        self.as_of = as_of
        self.gazetteer = gazetteer
        # Invisible marks never include a line end, so stripping them from the whole text at once is
        # the same as stripping them line by line.
        self.text = strip_invisible(text.replace("\r\n", "\n").replace("\r", "\n"))
        self._name_checks: dict[str, bool] = {}  # authors recur across papers: check each name once

    def fail(self, line: int, message: str) -> ProfileError:
        return ProfileError(self.source, line, message)

    def lines(self) -> list[_Line]:
        return [_Line(i, t.rstrip()) for i, t in enumerate(self.text.split("\n"), 1)]

    def parse(self) -> dict[str, Any]:
        if not self.text.strip():
            raise self.fail(1, "the file is empty: expected the researcher's name on line 1")
        head, body_start = self.head()
        researcher, count_line, first_paper_run = self.header(head)
        papers = self.fast_papers(body_start)
        if papers is None:  # something the fast path cannot vouch for: the careful path names the line
            blocks = self.blocks(_runs(self.lines())[first_paper_run:])
            self.check_count(count_line, len(blocks))
            papers = _enrich_all(blocks, self.gazetteer)
        else:
            self.check_count(count_line, len(papers))
        return {"researcher": researcher, "papers": papers}

    def check_count(self, count_line: _Line, found: int) -> None:
        expected = _integer(count_line.text.split()[0], self.source, count_line.number, "the paper count")
        if expected != found:
            raise self.fail(count_line.number, f"the page says {expected} papers here but {found} paper blocks follow")

    def fast_papers(self, start: int) -> list[dict[str, Any]] | None:
        """The corpus entries when every block is well formed, else None. A large page is cut in two
        at a block boundary and the second half read by a forked process (_in_two_processes)."""

        def read(begin: int, stop: int) -> list[dict[str, Any]] | None:
            blocks = self.fast_blocks(begin, stop)
            return None if blocks is None else _enrich_each(blocks, self.gazetteer)

        end = len(self.text)
        cut = (
            _BLOCK_START.search(self.text, start + round((end - start) * PARENT_SHARE))
            if end - start >= PARALLEL_FROM_CHARS
            else None
        )
        if cut is None:
            return read(start, end)
        self.gazetteer.compile()  # before forking, so both processes have the compiled patterns
        first, second = _in_two_processes(lambda: read(start, cut.end()), lambda: read(cut.end(), end))
        if first is None or second is None:
            return None
        for paper in second:
            paper["id"] += len(first)
        return first + second

    def head(self) -> tuple[list[list[_Line]], int]:
        """The first three runs of lines (name, statistics, paper count) and where the papers begin."""
        runs: list[list[_Line]] = []
        current: list[_Line] = []
        offset, number, text = 0, 0, self.text
        while offset <= len(text):
            end = text.find("\n", offset)
            end = len(text) if end < 0 else end
            number += 1
            line = text[offset:end].rstrip()
            if line.strip():
                if len(runs) == 3:
                    return runs, offset
                current.append(_Line(number, line))
            elif current:
                runs.append(current)
                current = []
            offset = end + 1
        if current:
            runs.append(current)
        return runs, len(text)

    def names_look_right(self, names: list[str]) -> bool:
        checks = self._name_checks
        for name in names:
            ok = checks.get(name)
            if ok is None:
                ok = checks[name] = _looks_like_name(name)
            if not ok:
                return False
        return bool(names)

    def fast_blocks(self, start: int, end: int) -> list[_RawPaper] | None:
        """The paper blocks in text[start:end] when every one is well formed, read in one pass; None
        when any is not. Ids count from 1."""
        text = self.text
        if not text[start:end].strip():
            return []
        blocks: list[_RawPaper] = []
        dates: dict[tuple[int, str, str | None], tuple[str, bool]] = {}
        match = _BLOCK.match
        position = start
        while position < end:
            block = match(text, position, end)
            if block is None:
                return None
            position = block.end()
            category, month_name, day, year, code, title, author_line, abstract = block.groups()
            month = MONTHS.get(month_name)
            if month is None:
                return None
            day_key = (month, day, year)
            resolved = dates.get(day_key)
            if resolved is None:  # papers share days: each is resolved once
                try:
                    when, inferred = resolve_date(month, int(day), int(year) if year else None, self.as_of)
                except ValueError:
                    return None
                resolved = dates[day_key] = (when.isoformat(), inferred)
            authors, truncated = _split_authors(clean_latex(author_line.strip()))
            if not self.names_look_right(authors):
                return None
            if "\n" in abstract:
                abstract = " ".join(line.strip() for line in abstract.split("\n"))
            blocks.append(
                _RawPaper(
                    len(blocks) + 1,
                    category,
                    *resolved,
                    bool(code),
                    title.rstrip(),
                    tuple(authors),
                    truncated,
                    abstract.strip(),
                )
            )
        return blocks

    def header(self, runs: list[list[_Line]]) -> tuple[dict[str, Any], _Line, int]:
        name_run = runs[0]
        name = name_run[0]
        if _HEADER.match(name.text.strip()) or len(name_run) > 1:
            bad = name if len(name_run) == 1 else name_run[1]
            raise self.fail(bad.number, "expected the researcher's name alone on line 1, then a blank line")
        if len(runs) < 2:
            raise self.fail(name.number + 1, "expected the profile statistics ('h-index29', '23papers', …)")
        stats_run = runs[1]
        category = stats_run[0]
        if not re.fullmatch(r"[A-Z]{2}", category.text.strip()):
            raise self.fail(
                category.number,
                f"expected the primary arXiv class (two capitals such as 'CL'), got '{_shorten(category.text)}'",
            )
        values: dict[str, Any] = {}
        for line in stats_run[1:]:
            text = line.text.strip()
            for key, pattern in _STATS.items():
                match = pattern.match(text)
                if match and key not in values:
                    raw = match.group("v").strip()
                    if key in ("novelty", "ai_score"):
                        values[key] = _number(raw, self.source, line.number, key.replace("_", " "))
                    else:
                        values[key] = _integer(raw, self.source, line.number, key.replace("_", " "))
                    break
            else:
                raise self.fail(
                    line.number,
                    "expected a profile statistic such as 'h-index29', '23papers', "
                    f"'3,988citations', 'Novelty50%' or 'AI Score50', got '{_shorten(text)}'",
                )
        for key in ("h_index", "paper_count", "citations"):
            if key not in values:
                last = stats_run[-1].number
                raise self.fail(last, f"expected a {_STAT_EXAMPLES[key]} line among the profile statistics")
        if len(runs) < 3:
            raise self.fail(stats_run[-1].number + 1, "expected the paper count line ('23 Papers')")
        count_run = runs[2]
        count_line = count_run[0]
        if not _COUNT_LINE.match(count_line.text.strip()) or len(count_run) > 1:
            bad = count_line if len(count_run) == 1 else count_run[1]
            raise self.fail(
                bad.number, f"expected the paper count alone on its line ('23 Papers'), got '{_shorten(bad.text)}'"
            )
        researcher = {
            "name": squash_spaces(name.text),
            "primary_category": category.text.strip(),
            "h_index": values["h_index"],
            "paper_count": values["paper_count"],
            "citations": values["citations"],
            "novelty": values.get("novelty"),
            "ai_score": values.get("ai_score"),
            "as_of": self.as_of.isoformat(),
        }
        return researcher, count_line, 3

    def paper_header(self, line: _Line) -> tuple[str, date, bool, bool]:
        text = line.text.strip()
        match = _HEADER.match(text)
        if not match:
            raise self.fail(
                line.number,
                "expected a paper header: class, date and optional 'Code', as in "
                f"'CVFeb 1, 2023Code' or 'AIFeb 15', got '{_shorten(text)}'",
            )
        month = MONTHS.get(match["mon"])
        if month is None:
            raise self.fail(line.number, f"expected a month abbreviation (Jan … Dec), got {match['mon']!r}")
        year = int(match["year"]) if match["year"] else None
        try:
            when, inferred = resolve_date(month, int(match["day"]), year, self.as_of)
        except ValueError:
            raise self.fail(
                line.number, f"expected a real calendar date, got {text[2:].removesuffix('Code')!r}"
            ) from None
        return match["cls"], when, inferred, bool(match["code"])

    def blocks(self, runs: list[list[_Line]]) -> list[_RawPaper]:
        blocks: list[_RawPaper] = []
        index = 0
        while index < len(runs):
            head = runs[index]
            category, when, inferred, has_code = self.paper_header(head[0])
            if len(head) < 2:
                raise self.fail(head[0].number + 1, "expected the paper's title on the line after its header")
            if len(head) > 2:
                raise self.fail(head[2].number, "expected a blank line after the title, then the authors")
            title_line = head[1]
            if _HEADER.match(title_line.text.strip()):
                raise self.fail(title_line.number, "expected the paper's title, found another paper header")
            if index + 1 >= len(runs) or _HEADER.match(runs[index + 1][0].text.strip()):
                where = runs[index + 1][0].number if index + 1 < len(runs) else title_line.number + 1
                raise self.fail(
                    where,
                    f"expected the authors of '{_shorten(title_line.text)}' ('A, B, C et al.') after a blank line",
                )
            author_run = runs[index + 1]
            if len(author_run) > 1:
                raise self.fail(author_run[1].number, "expected a blank line after the authors, then the abstract")
            authors, truncated = _split_authors(clean_latex(author_run[0].text.strip()))
            if not self.names_look_right(authors):
                raise self.fail(
                    author_run[0].number,
                    f"expected the authors as 'A, B, C et al.', got '{_shorten(author_run[0].text.strip())}'",
                )
            if index + 2 >= len(runs) or _HEADER.match(runs[index + 2][0].text.strip()):
                where = runs[index + 2][0].number if index + 2 < len(runs) else author_run[0].number + 1
                raise self.fail(where, f"expected the abstract of '{_shorten(title_line.text)}' after a blank line")
            abstract_run = runs[index + 2]
            for line in abstract_run[1:]:
                if _HEADER.match(line.text.strip()) or _HEADER_LIKE.match(line.text.strip()):
                    raise self.fail(line.number, "expected a blank line before the next paper header")
            raw_abstract = " ".join(line.text.strip() for line in abstract_run)
            blocks.append(
                _RawPaper(
                    len(blocks) + 1,
                    category,
                    when.isoformat(),
                    inferred,
                    has_code,
                    title_line.text,
                    tuple(authors),
                    truncated,
                    raw_abstract,
                )
            )
            index += 3
        return blocks


@dataclass(slots=True)  # not frozen: a frozen dataclass is built five times slower, and this one stays inside
class _RawPaper:
    """One paper block once its structure is checked, before the text work (LaTeX, names, benchmarks)."""

    id: int
    category: str
    date: str
    year_inferred: bool
    has_code: bool
    raw_title: str
    authors: tuple[str, ...]
    authors_truncated: bool
    raw_abstract: str


def _enrich_all(blocks: Sequence[_RawPaper], gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """The corpus entries of checked blocks; a large page's second half in a forked process."""
    if len(blocks) < PARALLEL_FROM_BLOCKS:
        return _enrich_each(blocks, gazetteer)
    gazetteer.compile()  # before forking, so both processes have the compiled patterns
    half = round(len(blocks) * PARENT_SHARE)
    first, second = _in_two_processes(
        lambda: _enrich_each(blocks[:half], gazetteer), lambda: _enrich_each(blocks[half:], gazetteer)
    )
    return first + second


def _enrich_each(blocks: Sequence[_RawPaper], gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """LaTeX, the system name, links, benchmarks: per paper, but the gazetteer scans all texts at once."""
    papers: list[dict[str, Any]] = []
    texts: list[str] = []
    presented_each: list[list[str]] = []
    for raw in blocks:
        raw_title, raw_abstract = squash_spaces(raw.raw_title), squash_spaces(raw.raw_abstract)
        system = paper_system(clean_latex(raw_title), clean_latex(raw_abstract))
        title = clean_latex(raw_title, system or "")
        abstract = clean_latex(raw_abstract, system or "")
        text = f"{title}. {abstract}"
        presented = presented_benchmarks(text)
        texts.append(text)
        presented_each.append(presented)
        papers.append(
            {
                "id": raw.id,
                "title": title,
                "date": raw.date,
                "year": int(raw.date[:4]),
                "year_inferred": raw.year_inferred,
                "category": raw.category,
                "has_code": raw.has_code,
                "authors": list(raw.authors),
                "authors_truncated": raw.authors_truncated,
                "abstract": abstract,
                "links": links(abstract),
                "system": system,
                "benchmarks": [],
                "introduces": introduced_names(abstract, system, presented),
            }
        )
    for paper, named, presented in zip(papers, gazetteer.names_in_each(texts), presented_each, strict=True):
        for name in presented:
            canonical = gazetteer.canonical(name) or name
            if canonical not in named:
                named.append(canonical)
        paper["benchmarks"] = named
    return papers


def _in_two_processes(first: Callable[[], _Result], second: Callable[[], _Result]) -> tuple[_Result, _Result]:
    """`(first(), second())`, with `second` run by a forked child while this process runs `first`.

    Only where forking is safe: a POSIX system, two or more cores, and a single-threaded process (a
    running bot reloading its profile does it all in this process). The child writes its result
    (marshal when the result is plain data, the corpus entries are: half the time of pickle to read
    back; pickle otherwise) into a file in memory both processes hold, where Linux has them, so it
    never waits for this process to read (through a pipe, 3 MB at 10,000 papers cost 5 ms once
    this process was done with `first`); elsewhere through the pipe. If it fails in any way, this
    process runs `second` itself."""
    if not can_fork():
        return first(), second()
    import marshal
    import pickle  # only large pages come this far

    parent = os.getpid()
    shared = -1
    try:
        if hasattr(os, "memfd_create"):
            shared = os.memfd_create("profile-bot-parse", os.MFD_CLOEXEC)
        reader, writer = os.pipe()
        child = os.fork()
    except OSError:
        if shared >= 0:
            os.close(shared)
        return first(), second()
    if child == 0:  # pragma: no cover - the child's coverage is not collected
        status = 1
        try:
            end_with(parent)
            os.close(reader)
            produced: Any = second()
            try:
                sent = b"M" + marshal.dumps(produced)
            except ValueError:
                sent = b"P" + pickle.dumps(produced, protocol=pickle.HIGHEST_PROTOCOL)
            with open(shared, "wb", closefd=False) if shared >= 0 else os.fdopen(writer, "wb") as out:
                out.write(sent)
            status = 0
        finally:
            os._exit(status)
    os.close(writer)
    done = first()
    with os.fdopen(reader, "rb") as pipe:
        sent = pipe.read()  # the result, or nothing once the child has written the file and ended
    _, status = os.waitpid(child, 0)
    if shared >= 0:
        try:
            sent = os.pread(shared, os.fstat(shared).st_size, 0)
        finally:
            os.close(shared)
    if os.waitstatus_to_exitcode(status) != 0 or not sent:
        return done, second()
    body = memoryview(sent)[1:]
    result: _Result = marshal.loads(body) if sent[:1] == b"M" else pickle.loads(body)
    return done, result


def parse_page(
    text: str | bytes, source: str = "<page>", as_of: date | None = None, gazetteer: Gazetteer | None = None
) -> dict[str, Any]:
    """The corpus document for a profile page; raises ProfileError naming the line at fault."""
    if isinstance(text, bytes):
        text = _decode(text, source)
    text = text.removeprefix("\ufeff")
    with collector_paused():
        return _PageParser(text, source, as_of or today(), gazetteer or default_gazetteer()).parse()


def parse_page_file(path: Path, as_of: date | None = None) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ProfileError(str(path), None, f"cannot read the file: {err.strerror or err}") from None
    return parse_page(raw, str(path), as_of)
