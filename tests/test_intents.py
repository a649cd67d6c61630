"""Intent files: every sentence in tests/intents/*.yaml routes to its intent with the expected slots,
every intent has such a file, every template example in intents/ routes to its own intent (on the
shipped profile and on a synthetic one), and no sentence sits under two intents."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bot.conversation import ConversationState
from bot.corpus import Corpus
from bot.engine import Engine
from bot.intents import load_intents
from bot.query import Slots
from bot.text import fold
from bot.yaml_io import load_yaml_text

CASES_DIR = Path(__file__).parent / "intents"
CASE_FILES = sorted(CASES_DIR.glob("*.yaml"))


def _cases() -> list[tuple[str, str, dict[str, Any]]]:
    cases = []
    for path in CASE_FILES:
        spec = load_yaml_text(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            cases.append((spec["intent"], case["text"], case.get("slots") or {}))
    return cases


@pytest.fixture(scope="module")
def engine(shipped: Corpus) -> Engine:
    return Engine(shipped)


def _actual(engine: Engine, slots: Slots, key: str) -> object:
    corpus = engine.corpus
    if key == "papers":
        return list(slots.papers)
    if key == "people":
        return [corpus.people[k].name for k in slots.people]
    if key == "ambiguous":
        return [typed for typed, _ in slots.ambiguous]
    if key == "span":
        return [slots.span.start, slots.span.end] if slots.span else None
    if key == "month":
        return [slots.month.month, slots.month.year] if slots.month else None
    value = getattr(slots, key)
    return list(value) if isinstance(value, tuple) else value


@pytest.mark.parametrize(("intent", "text", "expected"), _cases(), ids=lambda v: v if isinstance(v, str) else "")
def test_sentence_routes_to_intent_with_slots(engine: Engine, intent: str, text: str, expected: dict) -> None:
    match = engine.matcher.match(text, ConversationState())
    assert match.intent == intent, f"{text!r} went to {match.intent}"
    for key, value in expected.items():
        assert _actual(engine, match.slots, key) == value, f"{text!r}: slot {key}"


def test_every_intent_has_a_case_file() -> None:
    names = {spec.name for spec in load_intents()} | {"fallback"}
    assert {p.stem for p in CASE_FILES} == names


def test_no_sentence_sits_under_two_intents() -> None:
    owners: dict[str, set[str]] = {}
    for spec in load_intents():
        for example in spec.examples:
            owners.setdefault(fold(example).strip(" ?!."), set()).add(spec.name)
    for intent, text, _ in _cases():
        owners.setdefault(fold(text).strip(" ?!."), set()).add(intent)
    assert {text: names for text, names in owners.items() if text and len(names) > 1} == {}


def test_case_sentences_are_unique() -> None:
    counts = Counter(fold(text) for _, text, _ in _cases())
    assert [text for text, n in counts.items() if n > 1] == []


def fill_template(template: str, corpus: Corpus) -> str:
    """An intent example with its {slots} filled from the corpus (never from code)."""
    others = sorted(
        (p for k, p in corpus.people.items() if k != corpus.researcher_key), key=lambda p: (-len(p.papers), p.name)
    )
    named = [p for p in corpus.papers if p.system]
    benchmark = max(corpus.by_benchmark, key=lambda b: (len(corpus.by_benchmark[b]), b))
    category = max(corpus.by_category, key=lambda c: len(corpus.by_category[c]))
    from bot.categories import category_name

    years = corpus.years()
    pair = next(
        ((a, b) for a in others for b in others if a is not b and set(map(id, a.papers)) & set(map(id, b.papers))),
        (others[0], others[1]),
    )
    values = {
        "year": str(years[0]),
        "year2": str(years[-1]),
        "month": corpus.papers[0].date.strftime("%B"),
        "person": others[0].name,
        "person2": others[1].name if pair[0] is others[0] else pair[1].name,
        "paper": named[0].system or "",
        "benchmark": benchmark,
        "category": category,
        "category_name": category_name(category),
        "researcher": corpus.researcher.name,
        "topic": "retrieval",
    }
    if "{person2}" in template:
        values["person"], values["person2"] = pair[0].name, pair[1].name
    if "{month}" in template:
        values["year"] = str(corpus.papers[0].year)
    return template.format(**values)


@pytest.mark.parametrize("spec", load_intents(), ids=lambda s: s.name)
def test_intent_examples_route_home_on_both_profiles(spec: Any, shipped: Corpus, robotics: Corpus) -> None:
    for corpus in (shipped, robotics):
        engine = Engine(corpus)
        state = ConversationState()
        if any("{paper}" not in e and " it" in e for e in spec.examples):
            state.focus = corpus.papers[0].id
        for template in spec.examples:
            text = fill_template(template, corpus)
            match = engine.matcher.match(text, state)
            assert match.intent == spec.name, f"{corpus.researcher.name}: {text!r} went to {match.intent}"
