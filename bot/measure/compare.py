"""`python -m bot.measure.compare --against CMD`: this bot against another one, side by side.

Both bots are driven through the same command-line contract, `CMD ask --json --profile PAGE -- Q...`
(one JSON object per answer on its own line), on the same pages and questions. Every measured
process starts with an empty corpus cache: its cache folders are emptied and then primed by one
untimed run on a different small page, so what a bot keeps per installation (compiled patterns,
data files, like Python's own .pyc files) is warm and nothing it keeps per page is. Runs are
interleaved, alternating which bot goes first, and each measure is printed with its median and its
minimum and maximum over the runs:

- start-up: process start to the first answer on the shipped profile, one question;
- start-up, nothing cached: the same with the cache folders empty (a first run after installing);
- cold load: process start to the first answer on a synthetic page (`python -m bot synth N`);
- per answer: on that page, in one process, (time to the K-th answer - time to the first) / (K - 1):
  the time K questions take minus the time one takes, without the noise of a second start-up. Work a
  bot leaves to the background at load (this one's topic index) and does on first use (reading its
  topic lexicon, each paper's JSON row) lands here;
- per answer, warm: in the same process, the time W other questions (of the same kinds, other years,
  topics, names) take once those K are answered, over W: the per-message path once loading is over;
- serving RSS: the process's peak resident memory after answering the K + W questions.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from bot.paths import DATA_DIR

SHIPPED_PAGE = DATA_DIR / "guohai_xu.txt"
# Questions that make sense for any profile page, so they run on synthetic pages too.
QUESTIONS = (
    "papers from 2021",
    "how many papers were published in 2023?",
    "papers about video understanding",
    "who are his most frequent co-authors?",
    "which papers have code?",
    "what is the h-index?",
    "latest paper",
    "papers about retrieval from 2022",
    "papers that mention MMBench",
    "which papers are about hallucination detection?",
    "how many papers per year?",
    "papers about speech recognition with code",
    "what are the most common categories?",
    "papers about knowledge graphs",
    "papers from 2019",
    "which benchmarks does he use most?",
    "papers about robot manipulation in 2024",
    "list papers about machine translation",
    "hello",
    "papers about code generation",
)
# Asked after QUESTIONS in the same process: the same kinds of question with other words, so no answer
# comes from what an earlier one left in a cache.
WARM_QUESTIONS = (
    "papers from 2020",
    "how many papers were published in 2022?",
    "papers about recommendation",
    "who did he write the most papers with?",
    "which papers have no code?",
    "how many citations does he have?",
    "oldest paper",
    "papers about document question answering from 2023",
    "papers that mention COCO",
    "which papers are about search agents?",
    "how many papers per category?",
    "papers about contrastive distillation with code",
    "what are the least common categories?",
    "papers about hierarchical planning",
    "papers from 2018",
    "which datasets does he use the most?",
    "papers about multimodal grounding in 2021",
    "list papers about video captioning",
    "thanks",
    "papers about sparse retrieval",
)
PRIME_PAPERS = 5  # the small page of the untimed priming run
PRIME_SEED = 1


class CompareError(RuntimeError):
    """A bot that does not keep the contract: its command, what it printed, why it does not count."""


@dataclass(frozen=True)
class Bot:
    name: str
    command: tuple[str, ...]
    cwd: Path | None = None

    def ask(self, page: Path, questions: Sequence[str]) -> list[str]:
        return [*self.command, "ask", "--json", "--profile", str(page), "--", *questions]


@dataclass(frozen=True)
class RunResult:
    stamps: tuple[float, ...]  # seconds from the process's start to each answer line
    peak_rss_mb: float

    @property
    def first_answer_s(self) -> float:
        return self.stamps[0]

    @property
    def last_answer_s(self) -> float:
        return self.stamps[-1]

    @property
    def answers(self) -> int:
        return len(self.stamps)


def run_bot(bot: Bot, page: Path, questions: Sequence[str], env: dict[str, str]) -> RunResult:
    """One process: the time from its start to its first and last answer line, and its peak RSS."""
    argv = bot.ask(page, questions)
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=errors, cwd=bot.cwd, env=env)
        assert process.stdout is not None
        stamps: list[float] = []
        lines: list[bytes] = []
        for line in process.stdout:
            stamps.append(time.perf_counter() - start)
            lines.append(line)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace").strip()
    command = shlex.join(argv[: len(bot.command) + 5]) + " ..."
    if process.returncode != 0:
        raise CompareError(f"{bot.name}: `{command}` exited with {process.returncode}: {stderr[-500:]}")
    answers = [line for line in lines if line.strip()]
    for line in answers:
        try:
            reply = json.loads(line)
        except ValueError:
            raise CompareError(f"{bot.name}: `{command}` printed a line that is not JSON: {line[:200]!r}") from None
        if not isinstance(reply, dict) or not isinstance(reply.get("answer"), str):
            raise CompareError(f"{bot.name}: `{command}` printed JSON without an 'answer' string: {line[:200]!r}")
    if len(answers) != len(questions):
        raise CompareError(f"{bot.name}: `{command}` gave {len(answers)} answers to {len(questions)} questions")
    return RunResult(tuple(stamps), usage.ru_maxrss / 1024)


@dataclass
class Sandbox:
    """Cache folders for one bot: everything a cache could be kept in points here, not at the user's."""

    root: Path

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["PROFILE_BOT_CACHE"] = str(self.root / "profile-bot")
        env["XDG_CACHE_HOME"] = str(self.root / "xdg")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        return env

    def empty(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        self.root.mkdir(parents=True)


@dataclass
class Samples:
    ours: list[float] = field(default_factory=list)
    theirs: list[float] = field(default_factory=list)


MEASURES = {
    "startup": "start-up to first answer, shipped profile (ms)",
    "startup_nothing_cached": "start-up, nothing cached (ms)",
    "cold_load": "cold load of a {papers:,}-paper page, to first answer (ms)",
    "per_answer": "per answer at {papers:,} papers (ms)",
    "per_answer_warm": "per answer at {papers:,} papers, {warm} more questions after those (ms)",
    "serving_rss": "serving RSS at {papers:,} papers, {answers} answers (MB)",
}


def compare(
    ours: Bot,
    theirs: Bot,
    work: Path,
    runs: int,
    papers: int,
    questions: Sequence[str],
    progress: Callable[[str], None] = lambda _: None,
    warm_questions: Sequence[str] = WARM_QUESTIONS,
) -> dict[str, Samples]:
    """Every measure for both bots, `runs` rounds, interleaved."""
    from bot.corpus.loading import write_atomically
    from bot.corpus.synth import synth_page

    big_page = work / f"synth-{papers}.txt"
    write_atomically(big_page, synth_page(papers, seed=0))
    prime_page = work / f"synth-{PRIME_PAPERS}-prime.txt"
    write_atomically(prime_page, synth_page(PRIME_PAPERS, seed=PRIME_SEED))
    sandboxes = {bot.name: Sandbox(work / "cache" / bot.name) for bot in (ours, theirs)}
    results: dict[str, Samples] = {name: Samples() for name in MEASURES}

    def measured(bot: Bot, page: Path, asked: Sequence[str], primed: bool) -> RunResult:
        sandbox = sandboxes[bot.name]
        sandbox.empty()
        if primed:
            run_bot(bot, prime_page, questions[:1], sandbox.env())
        return run_bot(bot, page, asked, sandbox.env())

    for round_number in range(runs):
        order = (ours, theirs) if round_number % 2 == 0 else (theirs, ours)
        for bot in order:
            side = "ours" if bot is ours else "theirs"
            start = measured(bot, SHIPPED_PAGE, questions[:1], primed=True)
            getattr(results["startup"], side).append(start.first_answer_s * 1000)
            cold = measured(bot, SHIPPED_PAGE, questions[:1], primed=False)
            getattr(results["startup_nothing_cached"], side).append(cold.first_answer_s * 1000)
            one = measured(bot, big_page, questions[:1], primed=True)
            getattr(results["cold_load"], side).append(one.first_answer_s * 1000)
            many = measured(bot, big_page, [*questions, *warm_questions], primed=True)
            asked = many.stamps[len(questions) - 1]
            per_answer = (asked - many.first_answer_s) / (len(questions) - 1)
            getattr(results["per_answer"], side).append(per_answer * 1000)
            if warm_questions:
                warm = (many.last_answer_s - asked) / len(warm_questions)
                getattr(results["per_answer_warm"], side).append(warm * 1000)
            getattr(results["serving_rss"], side).append(many.peak_rss_mb)
        progress(f"round {round_number + 1}/{runs} done")
    return results


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):,.1f} ({min(values):,.1f}-{max(values):,.1f})"


def report(
    results: dict[str, Samples], names: tuple[str, str], papers: int, questions: int, runs: int, warm: int = 0
) -> str:
    """A Markdown table: medians with min-max over the runs, and the ratio of the medians with the
    range of the per-run ratios (ours / theirs: below 1 is faster or smaller)."""
    ours_name, theirs_name = names
    lines = [
        f"| measure (median, min-max of {runs} runs) | {ours_name} | {theirs_name} | ratio (per-run range) |",
        "|---|---:|---:|---:|",
    ]
    for key, title in MEASURES.items():
        samples = results[key]
        if not samples.ours or not samples.theirs:
            continue  # no warm questions asked
        ratios = [a / b for a, b in zip(samples.ours, samples.theirs, strict=True) if b > 0]
        median_ratio = statistics.median(samples.ours) / statistics.median(samples.theirs)
        ratio = f"x{median_ratio:.2f} (x{min(ratios):.2f}-x{max(ratios):.2f})" if ratios else "-"
        label = title.format(papers=papers, warm=warm, answers=questions + warm)
        lines.append(f"| {label} | {_spread(samples.ours)} | {_spread(samples.theirs)} | {ratio} |")
    return "\n".join(lines)


def _questions_file(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise CompareError(f"{path}: cannot read the questions: {err.strerror or err}") from None
    questions = [line.strip() for line in text.splitlines() if line.strip()]
    if len(questions) < 2:
        raise CompareError(f"{path}: expected at least two questions, one a line")
    return questions


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot.measure.compare",
        description="Time this bot against another bot's command line on the same pages and questions.",
    )
    parser.add_argument(
        "--against",
        required=True,
        metavar="CMD",
        help="the other bot's command, run as `CMD ask --json --profile PAGE -- Q...` "
        '(e.g. "$HOME/.cache/kwbot-venv/bin/python -m kwbot")',
    )
    parser.add_argument("--against-cwd", type=Path, default=None, help="working directory for the other bot")
    parser.add_argument(
        "--ours", default=f"{shlex.quote(sys.executable)} -m bot", metavar="CMD", help="this bot's command"
    )
    parser.add_argument("--runs", type=int, default=5, help="rounds of every measure (default 5)")
    parser.add_argument("--papers", type=int, default=10_000, help="papers on the synthetic page (default 10000)")
    parser.add_argument("--questions", type=Path, default=None, help="a file of questions, one a line")
    parser.add_argument("--json", action="store_true", help="print every sample as JSON instead of a table")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    if args.runs < 1 or args.papers < 1:
        print("error: --runs and --papers must be at least 1", file=sys.stderr)
        return 2
    try:
        questions = _questions_file(args.questions) if args.questions else list(QUESTIONS)
        ours = Bot("profile-bot", tuple(shlex.split(args.ours)))
        against = tuple(shlex.split(args.against))
        if not against:
            raise CompareError("--against needs a command")
        theirs = Bot(Path(against[-1]).name, against, args.against_cwd)
        with tempfile.TemporaryDirectory(prefix="bot-compare-") as work:
            results = compare(
                ours,
                theirs,
                Path(work),
                args.runs,
                args.papers,
                questions,
                progress=lambda line: print(line, file=sys.stderr, flush=True),
            )
    except (CompareError, FileNotFoundError, PermissionError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if args.json:
        samples = {key: {"ours": s.ours, "theirs": s.theirs} for key, s in results.items()}
        asked = {"questions": questions, "warm_questions": list(WARM_QUESTIONS)}
        print(json.dumps({"papers": args.papers, **asked, "runs": args.runs, **samples}), file=out)
    else:
        names = (ours.name, theirs.name)
        print(report(results, names, args.papers, len(questions), args.runs, len(WARM_QUESTIONS)), file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
