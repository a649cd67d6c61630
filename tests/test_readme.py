"""Every ```console block of the README, run: the output shown is the output printed.

How blocks are read and run: tests/readme_examples.py. When an answer text changes on purpose,
`make readme` rewrites the README's outputs from the current bot; review them with git diff."""

from __future__ import annotations

import difflib

import pytest

from bot.paths import INTENTS_DIR
from tests.readme_examples import PINNED_TODAY, README, REFRESH_COMMAND, Block, expected, parse_blocks, run_block

BLOCKS = parse_blocks(README.read_text(encoding="utf-8").split("\n"))


def test_readme_has_examples_for_the_commands_a_reader_types_first() -> None:
    commands = [example.command for block in BLOCKS for example in block.examples]
    for needed in ("profile-bot ask", "profile-bot parse", "profile-bot console", "profile-bot discord"):
        assert any(needed in command for command in commands), needed
    assert f"PROFILE_BOT_TODAY={PINNED_TODAY}" in README.read_text(encoding="utf-8")


@pytest.mark.parametrize("block", BLOCKS, ids=[f"README.md:{block.line}" for block in BLOCKS])
def test_console_block_prints_what_the_readme_shows(block: Block) -> None:
    differences = []
    for example, actual in zip(block.examples, run_block(block), strict=True):
        shown = expected(example)
        if actual != shown:
            diff = difflib.unified_diff(shown.split("\n"), actual.split("\n"), "README.md", "printed", lineterm="", n=1)
            differences.append(f"README.md:{example.line}: $ {example.command}\n" + "\n".join(diff))
    assert not differences, (
        "\n\n".join(differences)
        + f"\n\nThe README shows other output than the bot prints. If the new output is right, run "
        f"`{REFRESH_COMMAND}` to rewrite the README's examples, then review them with `git diff README.md`."
    )


def test_parser_reads_commands_continuations_and_outputs() -> None:
    lines = [
        "text",
        "```console",
        "$ cat > page.txt <<'EOF'",
        "> Ada",
        ">",
        "> EOF",
        "$ profile-bot ask \\",
        '    "h-index?"',
        "Ada's h-index is 12.",
        "",
        "second paragraph",
        "```",
    ]
    (block,) = parse_blocks(lines)
    assert (block.opening, block.closing) == (1, 11)
    first, second = block.examples
    assert (first.line, first.command, first.output) == (3, "cat > page.txt <<'EOF'\nAda\n\nEOF", [])
    assert second.command == 'profile-bot ask \\\n    "h-index?"'
    assert expected(second) == "Ada's h-index is 12.\n\nsecond paragraph"


def test_readme_lists_every_question_kind() -> None:
    text = README.read_text(encoding="utf-8")
    table = [line for line in text.split("\n") if line.startswith("| `")]
    missing = []
    for path in sorted(INTENTS_DIR.glob("*.yaml")):
        name = path.stem
        family, _, member = name.partition("not_on_page_")
        listed = f"`{name}`" in text or (
            not family and member and any("`not_on_page_*`" in row and member in row for row in table)
        )
        if not listed:
            missing.append(name)
    assert not missing, f"intents the README's table of question kinds does not list: {missing}"
