"""The side-by-side comparison: the contract it checks, the table it prints."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from bot.measure.compare import MEASURES, Bot, CompareError, Samples, compare, main, report, run_bot

# A stand-in for another bot: answers every question after `--` with one JSON line.
FAKE = """
import json, sys
questions = sys.argv[sys.argv.index("--") + 1:]
mode = "{mode}"
for q in questions:
    if mode == "text":
        print("plain text")
    elif mode == "short" and q == questions[-1]:
        break
    else:
        print(json.dumps({{"answer": q.upper(), "papers": []}}), flush=True)
sys.exit(3 if mode == "fail" else 0)
"""


def fake_bot(tmp_path: Path, mode: str = "ok") -> Bot:
    script = tmp_path / f"fake_{mode}.py"
    script.write_text(FAKE.format(mode=mode), encoding="utf-8")
    return Bot(f"fake-{mode}", (sys.executable, str(script)))


def test_a_run_times_every_answer_and_reads_peak_memory(tmp_path: Path) -> None:
    result = run_bot(fake_bot(tmp_path), tmp_path / "page.txt", ["a", "b", "c"], {})
    assert result.answers == 3
    assert 0 < result.first_answer_s <= result.last_answer_s
    assert result.peak_rss_mb > 1


@pytest.mark.parametrize(
    ("mode", "complaint"),
    [
        ("text", "printed a line that is not JSON"),
        ("short", "gave 1 answers to 2 questions"),
        ("fail", "exited with 3"),
    ],
)
def test_a_bot_that_breaks_the_contract_is_named(tmp_path: Path, mode: str, complaint: str) -> None:
    with pytest.raises(CompareError, match=complaint) as raised:
        run_bot(fake_bot(tmp_path, mode), tmp_path / "page.txt", ["a", "b"], {})
    assert str(raised.value).startswith(f"fake-{mode}: `")


def test_every_measure_gets_one_sample_per_run_for_each_bot(tmp_path: Path) -> None:
    ours, theirs = fake_bot(tmp_path), Bot("other", fake_bot(tmp_path).command)
    results = compare(ours, theirs, tmp_path / "work", runs=2, papers=20, questions=["q1", "q2", "q3"])
    assert sorted(results) == sorted(MEASURES)
    for samples in results.values():
        assert len(samples.ours) == len(samples.theirs) == 2
    assert (tmp_path / "work" / "synth-20.txt").read_text(encoding="utf-8").count("\n\n") >= 20 * 3


def test_without_warm_questions_the_warm_measure_is_left_out(tmp_path: Path) -> None:
    ours, theirs = fake_bot(tmp_path), Bot("other", fake_bot(tmp_path).command)
    results = compare(ours, theirs, tmp_path / "work", runs=1, papers=20, questions=["q1", "q2"], warm_questions=())
    assert results["per_answer_warm"].ours == [] and len(results["per_answer"].ours) == 1
    table = report(results, ("a", "b"), papers=20, questions=2, runs=1)
    assert "more questions after those" not in table and "per answer at 20 papers (ms)" in table


def test_the_table_gives_medians_ranges_and_ratios() -> None:
    results = {key: Samples([10.0, 12.0, 30.0], [20.0, 20.0, 24.0]) for key in MEASURES}
    lines = report(results, ("profile-bot", "kwbot"), papers=10_000, questions=20, runs=3, warm=20).splitlines()
    assert lines[0] == "| measure (median, min-max of 3 runs) | profile-bot | kwbot | ratio (per-run range) |"
    assert lines[2] == (
        "| start-up to first answer, shipped profile (ms) | 12.0 (10.0-30.0) | 20.0 (20.0-24.0) | x0.60 (x0.50-x1.25) |"
    )
    assert lines[5].startswith("| per answer at 10,000 papers (ms) |")
    assert lines[6].startswith("| per answer at 10,000 papers, 20 more questions after those (ms) |")
    assert lines[7].startswith("| serving RSS at 10,000 papers, 40 answers (MB) |")
    assert len(lines) == 2 + len(MEASURES)


def test_the_command_line_prints_json_samples(tmp_path: Path) -> None:
    other = fake_bot(tmp_path)
    questions = tmp_path / "questions.txt"
    questions.write_text("first\nsecond\n", encoding="utf-8")
    out = io.StringIO()
    argv = ["--against", " ".join(other.command), "--ours", " ".join(other.command), "--runs", "1"]
    code = main([*argv, "--papers", "10", "--questions", str(questions), "--json"], out=out)
    assert code == 0
    report_json = json.loads(out.getvalue())
    assert report_json["questions"] == ["first", "second"]
    assert len(report_json["warm_questions"]) == 20 and len(report_json["per_answer_warm"]["ours"]) == 1
    assert len(report_json["cold_load"]["ours"]) == 1


def test_bad_options_are_one_line_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--against", "x", "--runs", "0"]) == 2
    assert capsys.readouterr().err == "error: --runs and --papers must be at least 1\n"
    lonely = tmp_path / "one.txt"
    lonely.write_text("only one\n", encoding="utf-8")
    assert main(["--against", "x", "--questions", str(lonely)]) == 1
    assert capsys.readouterr().err == f"error: {lonely}: expected at least two questions, one a line\n"
