"""The console contract that tests, benchmarks and the held-out set drive the bot through."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from bot.corpus.synth import synth_page
from bot.frontends.console import ask, console
from bot.safety import MAX_ANSWER_CHARS, has_live_mention
from tests.conftest import SHIPPED_PAGE
from tests.pages import ROBOTICS

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, timeout=60, cwd=ROOT
    )


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_ask_json_one_object_per_question_in_order() -> None:
    result = run("ask", "--json", "--", "papers from 2021", "h-index?", "🙂", "")
    assert result.returncode == 0, result.stderr
    replies = json_lines(result.stdout)
    assert [r["intent"] for r in replies] == ["list_papers", "profile_stats", "fallback", "fallback"]
    first = replies[0]
    assert set(first) >= {"intent", "answer", "papers", "people", "confidence", "suggestions"}
    assert first["papers"] == [
        {
            "id": 22,
            "title": "AliMe MKG: A Multi-modal Knowledge Graph for Live-streaming E-commerce",
            "year": 2021,
            "date": "2021-09-13",
            "category": "IR",
            "has_code": False,
        }
    ]
    assert replies[2]["papers"] == [] and replies[2]["suggestions"]


def test_ask_gives_each_question_a_fresh_conversation() -> None:
    replies = json_lines(run("ask", "--json", "--", "tell me about UReader", "who wrote it?").stdout)
    assert replies[1]["papers"] == []  # no "it" in a fresh conversation


def test_console_reads_one_conversation_from_stdin() -> None:
    result = run("console", "--json", stdin="papers from 2025\nwhich of these have code?\n\n")
    replies = json_lines(result.stdout)
    assert [[p["id"] for p in r["papers"]] for r in replies] == [[16, 14, 19, 17, 15], [14, 15]]


def test_profile_option_takes_page_or_corpus(tmp_path: Path) -> None:
    page = tmp_path / "ada.txt"
    page.write_text(ROBOTICS.text(), encoding="utf-8")
    replies = json_lines(run("ask", "--json", "--profile", str(page), "--", "h-index?").stdout)
    assert replies[0]["answer"].startswith("Ada Lovelace's h-index is 12.")
    from_page = json_lines(run("ask", "--json", "--profile", str(SHIPPED_PAGE), "--", "newest paper").stdout)
    assert from_page[0]["papers"][0]["id"] == 18


def test_bad_profile_is_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "broken.txt"
    page.write_text("Someone\n\nCL\nh-indexmany\n", encoding="utf-8")
    result = run("ask", "--profile", str(page), "--", "h-index?")
    assert result.returncode == 2
    assert result.stderr == f"error: {page}:4: expected a whole number for h index, got 'many'\n"
    missing = run("ask", "--profile", str(tmp_path / "none.yaml"), "--", "hi")
    assert missing.returncode == 2 and "cannot read the file" in missing.stderr and "Traceback" not in missing.stderr


def test_text_mode_prints_answers() -> None:
    out = io.StringIO()
    assert ask(None, ["papers from 2021"], as_json=False, out=out) == 0
    assert out.getvalue() == (
        "1 paper from 2021:\n"
        "1. AliMe MKG: A Multi-modal Knowledge Graph for Live-streaming E-commerce (Sep 13, 2021, IR)\n\n"
    )


def test_echoed_text_never_pings() -> None:
    out = io.StringIO()
    questions = [
        "papers mentioning @everyone",
        "papers with <@123456789>",
        "papers with <@&42> @here",
        "tell me about @everyone",
    ]
    ask(None, questions, as_json=True, out=out)
    for reply in json_lines(out.getvalue()):
        assert not has_live_mention(reply["answer"]), reply["answer"]


def test_long_lists_are_cut_but_json_keeps_all(tmp_path: Path) -> None:
    page = tmp_path / "big.txt"
    page.write_text(synth_page(600, seed=3), encoding="utf-8")
    out = io.StringIO()
    ask(page, ["list all papers", "papers with code"], as_json=True, out=out)
    everything, with_code = json_lines(out.getvalue())
    assert len(everything["answer"]) <= MAX_ANSWER_CHARS
    assert len(everything["papers"]) == 600
    assert "more." in everything["answer"].splitlines()[-1]
    assert len(with_code["answer"]) <= MAX_ANSWER_CHARS and len(with_code["papers"]) > 50


def test_console_non_tty_text_mode() -> None:
    out = io.StringIO()
    assert console(None, as_json=False, stdin=io.StringIO("h-index?\n"), out=out) == 0
    assert out.getvalue().startswith("Guohai Xu's h-index is 29.\n")


def test_make_run_style_pipe() -> None:
    result = run("run", stdin="papers from 2021\n")
    assert result.returncode == 0
    assert "AliMe MKG: A Multi-modal Knowledge Graph for Live-streaming E-commerce" in result.stdout


def test_engine_and_console_do_not_import_discord() -> None:
    code = (
        "import sys; import bot.frontends.console, bot.engine, bot.__main__; "
        "from bot.engine import Engine; Engine.from_path().ask('papers from 2021'); "
        "print(sorted(m for m in sys.modules if m == 'discord' or m.startswith('discord.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "question",
    [
        "",
        " ",
        "\u200b\u200f",
        "a" * 20_000,
        "```\ncode\n```",
        "'; DROP TABLE papers;--",
        "{{7*7}} ${jndi:x}",
        "\x00\x07",
    ],
)
def test_hostile_input_gets_one_polite_answer(question: str) -> None:
    out = io.StringIO()
    ask(None, [question], as_json=True, out=out)
    replies = json_lines(out.getvalue())
    assert len(replies) == 1
    assert 0 < len(replies[0]["answer"]) <= MAX_ANSWER_CHARS


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_interactive_repl_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    typed = iter(["tell me about UReader", "who wrote it?", ":reset", "who wrote it?", ":help", "", ":quit"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(typed))
    out = io.StringIO()
    assert console(None, as_json=False, stdin=_Terminal(), out=out) == 0
    text = out.getvalue()
    assert text.startswith("profile-bot console: ask about Guohai Xu's 23 papers.")
    assert "Listed authors of UReader: Jiabo Ye, Anwen Hu, Haiyang Xu et al." in text
    assert "(conversation forgotten)" in text
    assert "Which paper do you mean? Name it by its title or system name." in text  # :reset forgot "it"
    assert ":reset  forget this conversation" in text and "I answer questions about Guohai Xu's profile" in text


def test_repl_ends_on_end_of_input(monkeypatch: pytest.MonkeyPatch) -> None:
    def end(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", end)
    assert console(None, as_json=False, stdin=_Terminal(), out=io.StringIO()) == 0


def test_json_line_holds_what_to_json_holds(tmp_path: Path) -> None:
    """The JSON line is written by orjson (json for a few papers, in the same bytes): the same data as
    `to_json()`, accents and dates included, and a title orjson refuses (a lone surrogate) still gets
    a line, through json."""
    from dataclasses import replace

    from bot.answers.answer import FEW_PAPERS, Answer
    from bot.engine import Engine

    engine = Engine.from_path()
    for question in ("papers from 2021", "h-index?", "who does he work with most?", "hello"):
        answer = engine.ask(question, ("json", question))
        assert json.loads(answer.json_text()) == json.loads(json.dumps(answer.to_json(), ensure_ascii=False))
        assert answer.json_bytes() == orjson.dumps(answer.to_json())  # json writes a few papers as orjson does
    page = tmp_path / "synth.txt"
    page.write_text(synth_page(300, seed=5), encoding="utf-8")
    many = Engine.from_path(page).ask("which papers have code?")
    assert len(many.papers) > FEW_PAPERS
    assert many.json_bytes() == orjson.dumps(many.to_json())
    paper = engine.corpus.papers[0]
    odd = Answer("list_papers", "Überblick “é”", papers=(replace(paper, title="Café \ud800"),))
    assert json.loads(odd.json_text())["papers"][0]["title"] == "Café \ud800"
    assert "Überblick “é”" in odd.json_text()
