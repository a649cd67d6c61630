"""`python -m bot soak`: many messages from many users through the engine, printing memory as it goes.

Conversation contexts are capped in number and age, so resident memory must stay flat after the
store fills up, however many users write.
"""

from __future__ import annotations

import resource
import sys
import time
from typing import TextIO

from bot.engine import Engine
from bot.understanding.examples import intent_examples

FOLLOW_UPS = ("which of those have code?", "and 2023?", "who wrote it?", "tell me more", "only the 2022 ones")


def current_rss_mb() -> float:
    """Resident memory now (not the peak), from /proc; falls back to the peak elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_rss_mb()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def soak(messages: int, users: int, report_every: int, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    engine = Engine.from_path()
    engine.warm()
    questions = [q for _, q in intent_examples(engine.corpus)] + list(FOLLOW_UPS)
    print(
        f"soak: {messages:,} messages from {users:,} users; conversation store holds at most "
        f"{engine.conversations.max_conversations:,} for {engine.conversations.max_age:.0f} s",
        file=out,
    )
    print("messages        rss_mb   peak_mb   conversations   msgs/s", file=out, flush=True)
    started = time.perf_counter()
    for number in range(1, messages + 1):
        user = number % users
        engine.ask(questions[(number * 7 + user) % len(questions)], (f"user{user}", f"channel{user % 97}"))
        if number % report_every == 0 or number == messages:
            rate = number / (time.perf_counter() - started)
            print(
                f"{number:>9,}   {current_rss_mb():>9.1f}   {peak_rss_mb():>7.1f}   "
                f"{len(engine.conversations):>13,}   {rate:>6.0f}",
                file=out,
                flush=True,
            )
    return 0
