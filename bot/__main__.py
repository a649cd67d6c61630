"""Command line: `python -m bot SUBCOMMAND ...` (see --help).

Each subcommand imports only what it needs, so `ask` never pays for discord.py.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from bot.paths import DEFAULT_PROFILE

EXIT_USAGE = 2


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _profile_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        type=Path,
        default=None,
        help=f"a .txt profile page or a .yaml corpus (default: $PROFILE_PATH or {DEFAULT_PROFILE.name})",
    )


def cmd_parse(args: argparse.Namespace) -> int:
    from bot.corpus.loading import corpus_yaml, write_atomically
    from bot.corpus.page_parser import ProfileError, parse_page_file

    try:
        document = parse_page_file(args.profile, args.as_of)
    except ProfileError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    text = corpus_yaml(document)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_atomically(args.output, text)
        print(f"wrote {args.output} ({len(document['papers'])} papers)", file=sys.stderr)
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from bot.frontends.console import ask

    return ask(args.profile, args.questions, as_json=args.json)


def cmd_console(args: argparse.Namespace) -> int:
    from bot.frontends.console import console

    return console(args.profile, as_json=args.json, watch=args.watch)


def cmd_run(args: argparse.Namespace) -> int:
    """Discord when a token is configured, else the console."""
    from bot.settings import discord_token

    if discord_token():
        return cmd_discord(args)
    from bot.frontends.console import console

    return console(args.profile, as_json=False, watch=args.watch)


def cmd_discord(args: argparse.Namespace) -> int:
    from bot.frontends.discord_app.runner import run_discord

    return run_discord(args)


def cmd_sync(args: argparse.Namespace) -> int:
    from bot.frontends.discord_app.runner import run_sync

    return run_sync(args)


def cmd_synth(args: argparse.Namespace) -> int:
    from bot.corpus.loading import write_atomically
    from bot.corpus.synth import synth_page

    if args.count < 1:
        print("error: N must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    page = synth_page(args.count, seed=args.seed)
    if args.output is None:
        sys.stdout.write(page)
    else:
        write_atomically(args.output, page)
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from bot.measure.bench import main_sizes, run

    try:
        sizes = main_sizes(args.sizes)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    return run(sizes, as_json=args.json)


def cmd_soak(args: argparse.Namespace) -> int:
    from bot.measure.soak import soak

    if min(args.messages, args.users, args.every) < 1:
        print("error: --messages, --users and --every must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    return soak(args.messages, args.users, args.every)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot", description="Q&A bot over a researcher's publication profile."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands: dict[str, Callable[[argparse.Namespace], int]] = {}

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        commands[name] = handler
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        command_parser.set_defaults(handler=handler)
        return command_parser

    p = add("parse", cmd_parse, "parse a profile page (.txt) into a YAML corpus")
    p.add_argument("profile", type=Path, metavar="PROFILE.txt")
    p.add_argument("-o", "--output", type=Path, help="write the corpus here (default: stdout)")
    p.add_argument(
        "--as-of", type=_iso_date, default=None, help="date that year-less dates are read against (default: today)"
    )

    p = add("ask", cmd_ask, "answer each question in a fresh conversation")
    _profile_option(p)
    p.add_argument("--json", action="store_true", help="one JSON object per answer")
    p.add_argument("questions", nargs="*", metavar="QUESTION")

    p = add("console", cmd_console, "interactive console; reads one message per line when stdin is not a terminal")
    _profile_option(p)
    p.add_argument("--json", action="store_true", help="one JSON object per answer")
    p.add_argument("--watch", action="store_true", help="re-read the profile when its file changes")

    p = add("synth", cmd_synth, "write a synthetic profile page with N papers (for scale tests)")
    p.add_argument("count", type=int, metavar="N")
    p.add_argument("-o", "--output", type=Path, help="write the page here (default: stdout)")
    p.add_argument("--seed", type=int, default=0)

    p = add("bench", cmd_bench, "measure parse, load, answer and autocomplete times as profiles grow")
    p.add_argument("--sizes", default="23,1000,10000,100000", help="comma-separated paper counts (23 = shipped)")
    p.add_argument("--json", action="store_true", help="print the full report as JSON")

    p = add("soak", cmd_soak, "send many messages from many users through the engine, printing memory")
    p.add_argument("--messages", type=int, default=1_000_000)
    p.add_argument("--users", type=int, default=100_000)
    p.add_argument("--every", type=int, default=100_000, help="print a line every N messages")

    p = add("run", cmd_run, "start the bot: Discord when DISCORD_TOKEN is set, else the console")
    _profile_option(p)
    p.add_argument("--watch", action="store_true", help="re-read the profile when its file changes")

    p = add("discord", cmd_discord, "run the Discord bot (needs DISCORD_TOKEN)")
    _profile_option(p)
    p.add_argument("--watch", action="store_true", help="re-read the profile when its file changes")
    p.add_argument(
        "--dump-commands", action="store_true", help="print the JSON body a global command sync would send, then exit"
    )
    p.add_argument("--shard-count", type=int, default=None, help="total shards (default: Discord's recommendation)")
    p.add_argument(
        "--shard-ids",
        type=lambda s: [int(x) for x in s.split(",")],
        default=None,
        help="comma-separated shard ids this process runs (with --shard-count)",
    )

    p = add("sync", cmd_sync, "register the slash commands with Discord (globally, or in one guild)")
    _profile_option(p)
    p.add_argument("--guild", type=int, default=None, help="sync to this guild only (appears at once)")
    p.add_argument("--clear", action="store_true", help="remove the commands (globally, or from --guild) instead")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    if getattr(args, "profile", "unset") is None and os.environ.get("PROFILE_PATH"):
        args.profile = Path(os.environ["PROFILE_PATH"])
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output closed early (`| head`): quiet exit without a traceback.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
