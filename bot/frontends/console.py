"""Console front end: `ask` (one fresh conversation per question) and `console` (one conversation).

Output is the answer text, or with --json one JSON object per answer on its own line.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from bot.answers.answer import Answer, PaperRows
from bot.corpus.cache import write_pending_copies
from bot.corpus.errors import ProfileError
from bot.corpus.loading import read_corpus_document
from bot.corpus.model import Corpus
from bot.corpus.topics import TopicIndexBuild
from bot.engine import CONSOLE, Engine
from bot.gc_control import collector_paused
from bot.paths import DEFAULT_PROFILE
from bot.reloader import ProfileReloader
from bot.understanding.concepts import keep_default_trie

PROMPT = "you> "
BANNER = "profile-bot console: ask about {name}'s {count} papers. :help for commands, :quit to leave."
COMMANDS_HELP = ":help  what the bot answers\n:reset  forget this conversation\n:quit  leave (or Ctrl-D)"


def load_engine(profile: Path | None) -> Engine | None:
    """The engine for a profile, or None after saying on stderr why it cannot load. A large page's
    JSON copy is left for write_pending_copies(), once the front end has answered."""
    try:
        # One pause for the whole load (the collector would otherwise walk the new corpus between its
        # steps: 60 ms at 10,000 papers, 400 ms at 100,000), then the corpus is kept out of every
        # later collection, as the Discord bot does.
        with collector_paused():
            document = read_corpus_document(profile or DEFAULT_PROFILE, copy_later=True)
            # The topic index's helper starts now, not once the corpus is built: the first topic
            # question then rarely waits for it.
            topics = TopicIndexBuild(document["papers"])
            engine = Engine(Corpus.from_document(document), topics=topics)
            del document
            gc.freeze()
        return engine
    except ProfileError as err:
        print(f"error: {err}", file=sys.stderr)
        return None


def emit(out: TextIO, answer: Answer, as_json: bool, rows: PaperRows | None = None) -> None:
    """One answer out, flushed: its text and a blank line, or its JSON line. The JSON goes out as the
    UTF-8 bytes orjson wrote when `out` has a byte buffer (JSON is UTF-8 whatever the locale says)."""
    if not as_json:
        print(answer.text + "\n", file=out, flush=True)
        return
    line = answer.json_bytes(rows) + b"\n"
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(line.decode("utf-8", "replace"))
        out.flush()
        return
    out.flush()
    buffer.write(line)
    buffer.flush()


def ask(profile: Path | None, questions: Iterable[str], as_json: bool, out: TextIO | None = None) -> int:
    """Each question in a fresh conversation, answered in order."""
    out = out or sys.stdout
    engine = load_engine(profile)
    if engine is None:
        return 2
    # Answering leaves almost no cyclic garbage (6 objects over 40 questions at 10,000 papers), so the
    # collector's passes over each answer's young objects are pure cost in a process that ends here.
    with collector_paused():
        for index, question in enumerate(questions):
            conversation = ("ask", str(index))
            answer = engine.ask(question, conversation)
            engine.reset(conversation)
            emit(out, answer, as_json, engine.paper_rows)
    # per-page and per-installation work, after the answers rather than in their way
    write_pending_copies()
    keep_default_trie()
    return 0


def console(
    profile: Path | None, as_json: bool, stdin: TextIO | None = None, out: TextIO | None = None, watch: bool = False
) -> int:
    """One conversation: a REPL with history on a terminal, else one message per line until EOF.

    With `watch`, the profile is re-read before a message whenever its file changed; a bad edit
    is reported on stderr and the last good corpus keeps answering."""
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    engine = load_engine(profile)
    if engine is None:
        return 2
    reloader = ProfileReloader(engine, profile or DEFAULT_PROFILE) if watch else None
    if stdin.isatty() and not as_json:
        return _repl(engine, out, reloader)
    for line in stdin:
        message = line.rstrip("\r\n")
        if not message.strip():
            continue
        _reload_if_changed(reloader)
        emit(out, engine.ask(message, CONSOLE), as_json, engine.paper_rows)
        write_pending_copies()
    write_pending_copies()  # input that held no message
    return 0


def _reload_if_changed(reloader: ProfileReloader | None) -> None:
    if reloader is None:
        return
    result = reloader.check()
    if result.changed:
        print(("reloaded: " if result.reloaded else "error: ") + result.message, file=sys.stderr, flush=True)


def _repl(engine: Engine, out: TextIO, reloader: ProfileReloader | None = None) -> int:
    with contextlib.suppress(ImportError):  # line editing and history for input(); absent on Windows
        import readline  # noqa: F401
    r = engine.corpus.researcher
    print(BANNER.format(name=r.name, count=len(engine.corpus.papers)), file=out)
    write_pending_copies()  # while the first question is typed
    while True:
        try:
            message = input(PROMPT)
        except (EOFError, KeyboardInterrupt):
            print(file=out)
            return 0
        command = message.strip().lower()
        if command in (":quit", ":q", ":exit"):
            return 0
        if command == ":reset":
            engine.reset(CONSOLE)
            print("(conversation forgotten)", file=out)
            continue
        if command == ":help":
            print(COMMANDS_HELP, file=out)
            message = "help"
        if not message.strip():
            continue
        _reload_if_changed(reloader)
        print(engine.ask(message, CONSOLE).text + "\n", file=out)
