"""Command line: `profile-bot SUBCOMMAND ...` (or `python -m bot SUBCOMMAND ...`; see --help).

Each subcommand imports only what it needs, so `ask` never pays for discord.py. Exit status: 0 done,
1 Discord unreachable, 2 a usage, settings or profile error (one line on stderr), 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from bot.paths import APP_NAME, DEFAULT_PROFILE

EXIT_USAGE = 2


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _positive_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {number}")
    return number


def _paper_counts(text: str) -> list[int]:
    counts = [_positive_int(part.strip()) for part in text.split(",") if part.strip()]
    if not counts:
        raise argparse.ArgumentTypeError("expected comma-separated paper counts, e.g. 23,1000")
    return counts


def _id_list(text: str) -> list[int]:
    try:
        return [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated whole numbers, got {text!r}") from None


def _profile_option(parser: argparse.ArgumentParser) -> None:
    """The option of the commands that serve a profile, which read the settings to find it."""
    parser.add_argument(
        "--profile",
        type=Path,
        default=None,
        help=f"a .txt profile page or a .yaml corpus (default: PROFILE_PATH, else the shipped {DEFAULT_PROFILE.name})",
    )
    parser.set_defaults(serves_profile=True)


def _today_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=_iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="read relative dates and year-less page dates against this day (default: $PROFILE_BOT_TODAY or today)",
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
    if args.settings.token:
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

    page = synth_page(args.count, seed=args.seed)
    if args.output is None:
        sys.stdout.write(page)
    else:
        write_atomically(args.output, page)
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from bot.measure.bench import run

    return run(args.sizes, as_json=args.json)


def cmd_soak(args: argparse.Namespace) -> int:
    from bot.measure.soak import soak

    return soak(args.messages, args.users, args.every)


def _parse_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("profile", type=Path, metavar="PROFILE.txt")
    p.add_argument("-o", "--output", type=Path, help="write the corpus here (default: stdout)")
    p.add_argument(
        "--as-of", type=_iso_date, default=None, help="date that year-less dates are read against (default: today)"
    )


def _ask_options(p: argparse.ArgumentParser) -> None:
    _profile_option(p)
    _today_option(p)
    p.add_argument("--json", action="store_true", help="one JSON object per answer")
    p.add_argument("questions", nargs="+", metavar="QUESTION")


def _console_options(p: argparse.ArgumentParser) -> None:
    _profile_option(p)
    _today_option(p)
    p.add_argument("--json", action="store_true", help="one JSON object per answer")
    p.add_argument("--watch", action="store_true", help="re-read the profile when its file changes")


def _synth_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("count", type=_positive_int, metavar="N")
    p.add_argument("-o", "--output", type=Path, help="write the page here (default: stdout)")
    p.add_argument("--seed", type=int, default=0)


def _bench_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--sizes",
        type=_paper_counts,
        default=[23, 1000],
        help="comma-separated paper counts, 23 being the shipped profile (default: 23,1000, under a minute; "
        "the README's table is 23,1000,10000,100000)",
    )
    p.add_argument("--json", action="store_true", help="print the full report as JSON")


def _soak_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--messages", type=_positive_int, default=1_000_000)
    p.add_argument("--users", type=_positive_int, default=100_000)
    p.add_argument("--every", type=_positive_int, default=100_000, help="print a line every N messages")


def _run_options(p: argparse.ArgumentParser) -> None:
    _profile_option(p)
    _today_option(p)
    p.add_argument("--watch", action="store_true", help="re-read the profile when its file changes")


def _discord_options(p: argparse.ArgumentParser) -> None:
    _run_options(p)
    p.add_argument(
        "--dump-commands", action="store_true", help="print the JSON body a global command sync would send, then exit"
    )
    p.add_argument(
        "--shard-count", type=_positive_int, default=None, help="total shards (default: Discord's recommendation)"
    )
    p.add_argument(
        "--shard-ids",
        type=_id_list,
        default=None,
        help="comma-separated shard ids this process runs (with --shard-count)",
    )


def _sync_options(p: argparse.ArgumentParser) -> None:
    _profile_option(p)
    p.add_argument(
        "--guild", type=_positive_int, default=None, help="sync to this server only (its id; appears at once)"
    )
    p.add_argument("--clear", action="store_true", help="remove the commands (globally, or from --guild) instead")


Handler = Callable[[argparse.Namespace], int]
# Each subcommand: what runs it, what it does, and its options.
COMMANDS: dict[str, tuple[Handler, str, Callable[[argparse.ArgumentParser], None]]] = {
    "parse": (cmd_parse, "parse a profile page (.txt) into a YAML corpus", _parse_options),
    "ask": (cmd_ask, "answer each question in a fresh conversation", _ask_options),
    "console": (
        cmd_console,
        "interactive console; reads one message per line when stdin is not a terminal",
        _console_options,
    ),
    "synth": (cmd_synth, "write a synthetic profile page with N papers (for scale tests)", _synth_options),
    "bench": (cmd_bench, "measure parse, load, answer and autocomplete times as profiles grow", _bench_options),
    "soak": (cmd_soak, "send many messages from many users through the engine, printing memory", _soak_options),
    "run": (cmd_run, "start the bot: Discord when DISCORD_TOKEN is set, else the console", _run_options),
    "discord": (cmd_discord, "run the Discord bot (needs DISCORD_TOKEN)", _discord_options),
    "sync": (cmd_sync, "register the slash commands with Discord (globally, or in one guild)", _sync_options),
}


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, given the terminal's width as shutil.get_terminal_size() finds it, so that
    a start does not import shutil (with bz2 and lzma: 2.5 ms) for it: argparse makes a formatter for
    every option it adds."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _terminal_columns() - 2 if width is None else width)


def _terminal_columns() -> int:
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; with `only` (a command's name), only that command is set up: each costs a
    start about a millisecond (argparse asks gettext for every label it writes)."""
    parser = argparse.ArgumentParser(
        prog=_program_name(),
        description="Q&A bot over a researcher's publication profile.",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (handler, help_text, add_options) in COMMANDS.items():
        if only is not None and name != only:
            continue
        command_parser = sub.add_parser(name, help=help_text, description=help_text, formatter_class=_HelpFormatter)
        command_parser.set_defaults(handler=handler, command_parser=command_parser)
        add_options(command_parser)
    return parser


def _program_name() -> str:
    return "python -m bot" if Path(sys.argv[0]).name == "__main__.py" else APP_NAME


class _VersionAction(argparse.Action):
    """--version, looking the version up only when asked (it costs a scan of the installed packages)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            installed = version(APP_NAME)
        except PackageNotFoundError:  # a checkout that was never installed
            installed = "(not installed)"
        print(f"{parser.prog} {installed}")
        parser.exit()


def _prepare(args: argparse.Namespace) -> None:
    """Pin the day, read the settings (the same loader for every subcommand), resolve the profile.

    Raises ClockError or SettingsError, each a one-line message."""
    from bot.clock import pin_today, today
    from bot.settings import load_dotenv_files, load_settings

    if getattr(args, "today", None) is not None:
        pin_today(args.today)  # before anything reads the date, and before .env (the option wins)
    load_dotenv_files()
    today()  # an invalid PROFILE_BOT_TODAY stops here, before any work
    if getattr(args, "serves_profile", False):
        args.settings = load_settings(profile=args.profile)
        args.profile = args.settings.profile


def main(argv: Sequence[str] | None = None) -> int:
    from bot.clock import ClockError
    from bot.settings import SettingsError

    arguments = sys.argv[1:] if argv is None else list(argv)
    command = arguments[0] if arguments and arguments[0] in COMMANDS else None  # else every command, for --help
    args, unknown = build_parser(command).parse_known_args(arguments)
    if unknown:  # reported with the subcommand's usage, not the top-level one
        args.command_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        _prepare(args)
    except (ClockError, SettingsError) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
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
