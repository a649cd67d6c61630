"""What the Discord bot runs on its event loop, timed on a given profile (median and worst of N runs):
answers, option resolution, autocomplete, rendering. Everything else (reload, charts) runs in threads.

    python -m bot synth 100000 -o /tmp/100k.txt
    python -m bot.frontends.discord_app.loop_costs /tmp/100k.txt
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from bot.corpus.loading import load_corpus

from .command_requests import PapersRequest, QuestionRequest, answer_request
from .components import components_for, source_of
from .options import resolve_category, resolve_paper, resolve_person
from .render import embed_for, paginate
from .serving import Served, build_served

RUNS = 9
QUESTIONS = ("h-index?", "papers from 2023", "list all papers", "papers about reinforcement learning agents")


def _cases(served: Served) -> dict[str, Callable[[], Any]]:
    engine, options = served.engine, served.options
    person = next(iter(engine.corpus.people.values())).name
    title = engine.corpus.papers[len(engine.corpus.papers) // 2].title

    def rendered(question: str) -> Any:
        answer = engine.ask(question, ("bench", "render"))
        return embed_for(answer, paginate(answer)[0]), components_for(answer, 1, source_of(QuestionRequest(question)))

    cases: dict[str, Callable[[], Any]] = {
        f"ask {q!r}": partial(answer_request, engine, QuestionRequest(q), ("bench", "ask")) for q in QUESTIONS
    }
    cases |= {
        "/papers 2023 CV": lambda: answer_request(engine, PapersRequest(2023, 2023, False, "CV"), ("bench", "papers")),
        "render a long list": lambda: rendered("list all papers"),
        "class 'computr vison'": lambda: asyncio.run(resolve_category("computr vison", options)),
        "person by name": lambda: asyncio.run(resolve_person(person, options)),
        "person nobody has": lambda: asyncio.run(resolve_person("Yann LeCun", options)),
        "paper by title": lambda: asyncio.run(resolve_paper(title, options)),
        "paper matching nothing": lambda: asyncio.run(resolve_paper("neurol rendring of scenes", options)),
        "autocomplete a typo": lambda: served.autocomplete.papers.search("qwxz"),
    }
    return cases


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    served = build_served(load_corpus(Path(argv[0])))
    print(f"{len(served.engine.corpus.papers):,} papers; ms per call over {RUNS} runs (resolving yields every chunk)")
    for name, call in _cases(served).items():
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            call()
            times.append((time.perf_counter() - start) * 1000)
        print(f"{name:50s} median {statistics.median(times):6.1f}   worst {max(times):6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
