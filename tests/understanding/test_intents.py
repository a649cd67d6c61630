"""Intent files: every sentence in tests/intents/*.yaml routes to its intent with the expected slots,
every intent has such a file, every template example in intents/ routes to its own intent (on the
shipped profile and on a synthetic one), and no sentence sits under two intents."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bot.corpus.model import Corpus
from bot.dialogue.conversation import ConversationState
from bot.engine import Engine
from bot.text import fold
from bot.understanding.examples import fill, template_values
from bot.understanding.intents import load_intents
from bot.understanding.query import Slots
from bot.yaml_io import load_yaml_text

CASES_DIR = Path(__file__).parent / "intent_cases"
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


@pytest.mark.parametrize("spec", load_intents(), ids=lambda s: s.name)
def test_intent_examples_route_home_on_both_profiles(spec: Any, shipped: Corpus, robotics: Corpus) -> None:
    for corpus in (shipped, robotics):
        engine = Engine(corpus)
        values = template_values(corpus)
        state = ConversationState()
        if any("{paper}" not in e and " it" in e for e in spec.examples):
            state.focus = corpus.papers[0].id
        for template in spec.examples:
            text = fill(template, values)
            match = engine.matcher.match(text, state)
            assert match.intent == spec.name, f"{corpus.researcher.name}: {text!r} went to {match.intent}"
