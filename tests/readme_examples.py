"""The README's ```console blocks, run as a reader would type them.

In a block, a line starting with `$ ` is a command; it goes on over lines ending in a backslash
and over the `> ` lines a shell shows for a here-document; the lines under it, up to the next
command, are its output (stdout and stderr, as a terminal shows them; trailing blank lines are
not compared). tests/test_readme.py compares them; `make readme` (python -m tests.readme_examples
--write) rewrites every output from the current bot, for a person to review with `git diff`.

Each block runs in a fresh empty folder, its commands one after another (a file one command
writes is there for the next), with this Python's bin folder first on PATH (`profile-bot`,
`python`), the user's config and cache folders inside the temporary folder, no DISCORD_TOKEN or
PROFILE_PATH, and today pinned by PROFILE_BOT_TODAY (as the README says), so that outputs do not
change with the calendar or the machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
PINNED_TODAY = "2026-11-27"
REFRESH_COMMAND = "make readme"
FENCE_OPEN = "```console"
FENCE_CLOSE = "```"


@dataclass
class Example:
    line: int  # 1-based README line of the `$ `
    typed: list[str]  # the README lines of the command, as shown
    output: list[str] = field(default_factory=list)

    @property
    def command(self) -> str:
        """The command as bash runs it: the `$ ` and here-document `> ` prompts removed."""
        lines = [self.typed[0][2:]]
        for line in self.typed[1:]:
            lines.append(line[2:] if line.startswith("> ") else "" if line == ">" else line)
        return "\n".join(lines)


@dataclass
class Block:
    opening: int  # 0-based index of the ```console line
    closing: int  # 0-based index of the closing ``` line
    examples: list[Example]

    @property
    def line(self) -> int:
        return self.opening + 1


def _continues(previous: str, line: str) -> bool:
    return previous.endswith("\\") or line.startswith("> ") or line == ">"


def parse_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        if lines[index].strip() != FENCE_OPEN:
            index += 1
            continue
        opening = index
        examples: list[Example] = []
        index += 1
        while lines[index].strip() != FENCE_CLOSE:
            line = lines[index]
            if line.startswith("$ "):
                examples.append(Example(index + 1, [line]))
            elif not examples:
                raise ValueError(f"README.md:{index + 1}: a console block must start with a `$ ` command")
            elif not examples[-1].output and _continues(examples[-1].typed[-1], line):
                examples[-1].typed.append(line)
            else:
                examples[-1].output.append(line)
            index += 1
        blocks.append(Block(opening, index, examples))
        index += 1
    return blocks


def example_environment(folder: Path) -> dict[str, str]:
    bin_dir = Path(sys.executable).parent
    return {
        "PATH": os.pathsep.join([str(bin_dir), "/usr/local/bin", "/usr/bin", "/bin"]),
        "HOME": str(folder / "home"),
        "XDG_CONFIG_HOME": str(folder / "home" / ".config"),
        "XDG_CACHE_HOME": str(folder / "home" / ".cache"),
        "LANG": "C.UTF-8",
        "COLUMNS": "100",  # argparse wraps usage lines to the terminal's width
        "PROFILE_BOT_TODAY": PINNED_TODAY,
    }


def run_block(block: Block) -> list[str]:
    """Each example's actual output, in order."""
    outputs = []
    with tempfile.TemporaryDirectory(prefix="readme-") as temporary:
        folder = Path(temporary)
        work = folder / "work"
        work.mkdir()
        environment = example_environment(folder)
        for example in block.examples:
            result = subprocess.run(
                ["bash", "-c", example.command],
                cwd=work,
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=300,
            )
            outputs.append(result.stdout.rstrip("\n"))
    return outputs


def expected(example: Example) -> str:
    return "\n".join(example.output).rstrip("\n")


def rewrite(readme: Path = README) -> int:
    """Replace every example's output in the README with what the command prints now."""
    lines = readme.read_text(encoding="utf-8").split("\n")
    changed = 0
    for block in reversed(parse_blocks(lines)):
        body: list[str] = []
        for example, actual in zip(block.examples, run_block(block), strict=True):
            body += example.typed
            body += actual.split("\n") if actual else []
            changed += actual != expected(example)
        lines[block.opening + 1 : block.closing] = body
    readme.write_text("\n".join(lines), encoding="utf-8")
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.readme_examples", description=__doc__)
    parser.add_argument("--write", action="store_true", help="rewrite the outputs in README.md")
    args = parser.parse_args()
    if not args.write:
        parser.error("nothing to do: pass --write to rewrite the outputs (the check is tests/test_readme.py)")
    changed = rewrite()
    print(f"{README.name}: {changed} example output(s) rewritten; review them with `git diff {README.name}`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
