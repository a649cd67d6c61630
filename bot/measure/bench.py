"""`python -m bot bench`: how the costs grow with the size of a profile.

For each size, in one process: parse the page, load the YAML corpus, build the engine and its
indexes, answer questions per intent, answer autocomplete keystrokes; medians and p99 over many
repetitions after a warm-up, and the peak RSS. Size 23 is the shipped profile; others are
synthetic pages (`python -m bot synth`).
"""

from __future__ import annotations

import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from bot.corpus.loading import corpus_yaml
from bot.corpus.model import Corpus
from bot.corpus.page_parser import parse_page
from bot.corpus.synth import synth_page
from bot.engine import Engine
from bot.measure.soak import current_rss_mb
from bot.paths import DATA_DIR, PROJECT_ROOT
from bot.understanding.examples import intent_examples
from bot.yaml_io import load_yaml_text

DEV_CASES = PROJECT_ROOT.parent / "shared" / "eval" / "dev_cases.yaml"
SHIPPED_PAGE = DATA_DIR / "guohai_xu.txt"


def _ms(samples_ns: list[int]) -> dict[str, float]:
    ordered = sorted(samples_ns)
    p99 = ordered[min(len(ordered) - 1, max(0, round(0.99 * (len(ordered) - 1))))]
    return {"median_ms": statistics.median(ordered) / 1e6, "p99_ms": p99 / 1e6, "runs": len(ordered)}


def _time(action: Callable[[], object], repeat: int) -> list[int]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        action()
        samples.append(time.perf_counter_ns() - start)
    return samples


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _repeats(size: int) -> dict[str, int]:
    if size <= 100:
        return {"build": 20, "questions": 200, "autocomplete": 200}
    if size <= 2000:
        return {"build": 5, "questions": 50, "autocomplete": 100}
    if size <= 20000:
        return {"build": 3, "questions": 20, "autocomplete": 50}
    return {"build": 1, "questions": 5, "autocomplete": 20}


def _questions(corpus: Corpus, use_dev_set: bool) -> list[str]:
    questions = [q for _, q in intent_examples(corpus)]
    if use_dev_set and DEV_CASES.exists():
        spec = load_yaml_text(DEV_CASES.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            questions += [case["q"]] if "q" in case else [t["q"] for t in case["turns"]]
    return list(dict.fromkeys(questions))


def _typed_prefixes(corpus: Corpus) -> list[str]:
    names = [p.system or p.title for p in corpus.newest_first()[:5]]
    people = sorted(corpus.people.values(), key=lambda p: -len(p.papers))[:3]
    typed = ["", "a", "the"]
    for name in names + [p.name for p in people]:
        typed += [name[:2].lower(), name[:5].lower(), name.lower()[:-1] + "x"]
    return typed


def bench_size(size: int, use_dev_set: bool) -> dict[str, Any]:
    repeats = _repeats(size)
    page = SHIPPED_PAGE.read_text(encoding="utf-8") if size == 23 else synth_page(size, seed=size)
    kept: dict[str, Any] = {"page": page}  # the last result of each step: one copy in memory, as when serving
    page_mb = round(len(page.encode()) / 1e6, 2)
    del page

    def parse() -> None:
        kept["document"] = parse_page(kept["page"], "bench.txt")

    def load_yaml() -> None:
        kept["corpus"] = Corpus.from_document(load_yaml_text(kept["yaml"]))

    def load_json_copy() -> None:
        kept["corpus"] = Corpus.from_document(json.loads(kept["json"]))

    def build() -> None:
        kept.pop("engine", None)
        engine = Engine(kept["corpus"])
        engine.warm()
        kept["engine"] = engine

    parse_runs = _time(parse, repeats["build"])
    kept["yaml"] = corpus_yaml(kept["document"])
    kept["json"] = json.dumps(kept.pop("document"))
    load_runs = _time(load_yaml, repeats["build"])
    del kept["yaml"]
    json_runs = _time(load_json_copy, repeats["build"])
    fresh_rss = _fresh_process_rss(kept["json"])
    del kept["json"], kept["page"]
    index_runs = _time(build, repeats["build"])
    corpus: Corpus = kept["corpus"]
    engine: Engine = kept["engine"]
    gc.collect()

    per_intent: dict[str, list[int]] = defaultdict(list)
    every: list[int] = []
    questions = _questions(corpus, use_dev_set and size == 23)
    for number, question in enumerate(questions):  # warm-up, and the intent of each question
        engine.ask(question, ("bench", str(number)))
    intents = {q: engine.understand(q).intent for q in questions}
    for round_number in range(repeats["questions"]):
        for number, question in enumerate(questions):
            conversation = ("bench", f"{round_number}-{number}")
            start = time.perf_counter_ns()
            engine.ask(question, conversation)
            elapsed = time.perf_counter_ns() - start
            per_intent[intents[question]].append(elapsed)
            every.append(elapsed)
            engine.reset(conversation)

    from bot.frontends.discord_app.autocomplete import AutocompleteIndex  # no discord import: pure Python

    autocomplete_build = _time(lambda: AutocompleteIndex(corpus), 1)
    index = AutocompleteIndex(corpus)
    typed = _typed_prefixes(corpus)
    lists = (index.papers, index.people, index.benchmarks)
    autocomplete_runs: list[int] = []
    for _ in range(repeats["autocomplete"]):
        for choices in lists:
            for prefix in typed:
                start = time.perf_counter_ns()
                choices.search(prefix)
                autocomplete_runs.append(time.perf_counter_ns() - start)

    return {
        "papers": len(corpus.papers),
        "people": len(corpus.people),
        "page_mb": page_mb,
        "parse": _ms(parse_runs),
        "load_yaml": _ms(load_runs),
        "load_json_copy": _ms(json_runs),
        "build_indexes": _ms(index_runs),
        "answer": _ms(every),
        "answer_by_intent": {name: _ms(samples) for name, samples in sorted(per_intent.items())},
        "autocomplete": _ms(autocomplete_runs),
        "autocomplete_build": _ms(autocomplete_build),
        "questions": len(questions),
        "rss_serving_mb": round(current_rss_mb(), 1),
        "rss_fresh_process_mb": fresh_rss,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
    }


_FRESH = """
import json, sys
from bot.corpus.model import Corpus
from bot.engine import Engine
from bot.measure.soak import current_rss_mb
engine = Engine(Corpus.from_document(json.load(open(sys.argv[1], encoding="utf-8"))))
engine.warm()
for question in ("papers from 2020", "who does he work with most?", "papers about video", "hello"):
    engine.ask(question)
print(round(current_rss_mb(), 1))
"""


def _fresh_process_rss(document_json: str) -> float:
    """Resident memory of a new process serving this corpus: this one also holds everything before it."""
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as handle:
        handle.write(document_json)
    try:
        result = subprocess.run(
            [sys.executable, "-c", _FRESH, handle.name], capture_output=True, text=True, cwd=PROJECT_ROOT, check=True
        )
        return float(result.stdout.strip().splitlines()[-1])
    finally:
        os.unlink(handle.name)


def startup_to_first_answer(runs: int = 10) -> dict[str, float]:
    """Process start to the first `ask` answer on stdout, as a user's shell sees it."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        subprocess.run(
            [sys.executable, "-m", "bot", "ask", "papers from 2021"], capture_output=True, check=True, cwd=PROJECT_ROOT
        )
        samples.append(time.perf_counter_ns() - start)
    return _ms(samples)


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "processor": platform.processor() or platform.machine(),
    }


def run(sizes: list[int], as_json: bool, out: Any = None) -> int:
    out = out or sys.stdout
    report: dict[str, Any] = {
        "machine": machine(),
        "command": "python -m bot bench --sizes " + ",".join(map(str, sizes)),
        "sizes": {},
    }
    if 23 in sizes:
        _progress("process start to the first `ask` answer (10 runs)")
        report["startup_to_first_answer"] = startup_to_first_answer()
    for size in sizes:
        _progress(f"{size:,} papers" + (" (the shipped profile)" if size == 23 else " (a synthetic page)"))
        report["sizes"][str(size)] = result = bench_size(size, use_dev_set=True)
        if not as_json:
            print(_row(size, result), file=out, flush=True)
    if as_json:
        print(json.dumps(report, indent=2), file=out)
    else:
        print(_summary(report), file=out)
    return 0


def _progress(step: str) -> None:
    """One line on stderr per step, so a long run is never silent and stdout stays the report."""
    print(f"bench: measuring {step}...", file=sys.stderr, flush=True)


HEADER = (
    "| papers | parse | load YAML (JSON copy) | build indexes | answer median / p99 "
    "| autocomplete median / p99 | RSS serving |\n|---:|---:|---:|---:|---:|---:|---:|"
)


def _row(size: int, r: dict[str, Any]) -> str:
    return (
        f"| {r['papers']:,} | {r['parse']['median_ms']:.0f} ms | {r['load_yaml']['median_ms']:.0f} ms "
        f"({r['load_json_copy']['median_ms']:.0f} ms) "
        f"| {r['build_indexes']['median_ms']:.0f} ms "
        f"| {r['answer']['median_ms']:.2f} / {r['answer']['p99_ms']:.2f} ms "
        f"| {r['autocomplete']['median_ms']:.2f} / {r['autocomplete']['p99_ms']:.2f} ms "
        f"| {r['rss_fresh_process_mb']:.0f} MB |"
    )


def _summary(report: dict[str, Any]) -> str:
    lines = ["", HEADER] + [_row(int(s), r) for s, r in report["sizes"].items()]
    m = report["machine"]
    lines.append(f"\nMachine: {m['cpus']} CPUs, {m['processor']}, Python {m['python']}, {m['platform']}.")
    if "startup_to_first_answer" in report:
        s = report["startup_to_first_answer"]
        lines.append(f"Process start to first `ask` answer: median {s['median_ms']:.0f} ms, p99 {s['p99_ms']:.0f} ms.")
    lines.append("\nAnswer time by intent (median / p99 ms):")
    intents = sorted({name for r in report["sizes"].values() for name in r["answer_by_intent"]})
    sizes = list(report["sizes"])
    lines.append("| intent | " + " | ".join(f"{int(s):,}" for s in sizes) + " |")
    lines.append("|---|" + "---:|" * len(sizes))
    for name in intents:
        cells = []
        for size in sizes:
            cell = report["sizes"][size]["answer_by_intent"].get(name)
            cells.append(f"{cell['median_ms']:.2f} / {cell['p99_ms']:.2f}" if cell else "-")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append(
        "\nRSS serving: resident memory of a fresh process serving the corpus (loaded, indexed, a few questions "
        "answered); the JSON report also has this process's high-water mark, which includes parsing."
    )
    return "\n".join(lines)


def main_sizes(text: str) -> list[int]:
    sizes = [int(s) for s in text.split(",") if s.strip()]
    if not sizes or min(sizes) < 1:
        raise ValueError("sizes are positive whole numbers, e.g. 23,1000,10000")
    return sizes


__all__ = ["main_sizes", "run"]
