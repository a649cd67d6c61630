"""Intent files are the spec of understanding: every sentence in tests/understanding/intent_cases/*.yaml
becomes exactly the query written beside it (intent, operation, selection, subject); every intent has
such a file; every template example in intents/ routes to its own intent on two profiles; no sentence
sits under two intents; and the intent files themselves are checked against their schema."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bot.answers.execute import HANDLERS, check_registry
from bot.corpus.model import Corpus
from bot.dialogue.conversation import ConversationState
from bot.engine import Engine
from bot.query import operation_text, selection_text
from bot.text import fold
from bot.understanding.examples import fill, template_values
from bot.understanding.intents import IntentFileError, load_intents, parse_intent
from bot.vocabulary import vocabulary
from bot.yaml_io import load_yaml_text

CASES_DIR = Path(__file__).parent / "intent_cases"
CASE_FILES = sorted(CASES_DIR.glob("*.yaml"))


def _cases() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in CASE_FILES:
        spec = load_yaml_text(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            cases.append((spec["intent"], case))
    return cases


@pytest.fixture(scope="module")
def engine(shipped: Corpus) -> Engine:
    return Engine(shipped)


@pytest.mark.parametrize(("intent", "case"), _cases(), ids=lambda v: v["text"] if isinstance(v, dict) else v)
def test_sentence_becomes_its_query(engine: Engine, intent: str, case: dict[str, Any]) -> None:
    query = engine.understand(case["text"], ConversationState())
    assert query.intent == intent, f"{case['text']!r} went to {query.intent}"
    assert operation_text(query.operation) == case["operation"], case["text"]
    assert selection_text(query.selection) == case["selection"], case["text"]
    assert (query.subject.name if query.subject else None) == case.get("subject"), case["text"]
    assert ([a.typed for a in query.ambiguous][:1] or [None])[0] == case.get("ambiguous"), case["text"]


def test_no_cue_asks_for_a_word_boundary_after_a_name() -> None:
    # a name is read as "§", no word character: "(he|she|§)\\b" never matched "where does § work"
    from bot.understanding.intents import load_intents

    for spec in load_intents():
        for cue in spec.cues:
            assert not re.search(r"§\)?\\b", cue.pattern.pattern), (spec.name, cue.pattern.pattern)


def test_every_intent_has_a_case_file() -> None:
    assert {p.stem for p in CASE_FILES} == {spec.name for spec in load_intents()}


def test_every_operation_has_a_handler_and_every_handler_an_intent() -> None:
    check_registry(spec.operation for spec in load_intents())
    with pytest.raises(RuntimeError, match="operations without a handler: \\['translate'\\]"):
        check_registry([*(spec.operation for spec in load_intents()), "translate"])
    with pytest.raises(RuntimeError, match="handlers without an intent: \\['compare'\\]"):
        check_registry(op for op in HANDLERS if op != "compare")


def test_an_intent_naming_an_unknown_operation_stops_the_engine(
    tmp_path: Path, shipped: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.engine as engine_module

    translate = _write(
        tmp_path, "translate", GOOD.replace("demo", "translate").replace("operation: list", "operation: translate")
    )
    specs = (*load_intents(), parse_intent(translate, vocabulary().placeholders()))
    monkeypatch.setattr(engine_module, "load_intents", lambda: specs)
    with pytest.raises(RuntimeError, match="operations without a handler: \\['translate'\\]"):
        engine_module.Engine(shipped)


def test_no_sentence_sits_under_two_intents() -> None:
    owners: dict[str, set[str]] = {}
    for spec in load_intents():
        for example in spec.examples:
            owners.setdefault(fold(example).strip(" ?!."), set()).add(spec.name)
    for intent, case in _cases():
        owners.setdefault(fold(case["text"]).strip(" ?!."), set()).add(intent)
    assert {text: names for text, names in owners.items() if text and len(names) > 1} == {}


def test_case_sentences_are_unique() -> None:
    counts = Counter(fold(case["text"]) for _, case in _cases())
    assert [text for text, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("spec", load_intents(), ids=lambda s: s.name)
def test_intent_examples_route_home_on_both_profiles(spec: Any, shipped: Corpus, robotics: Corpus) -> None:
    for corpus in (shipped, robotics):
        engine = Engine(corpus)
        values = template_values(corpus)
        for template in spec.examples:
            state = ConversationState(focus=(corpus.papers[0].id,)) if " it" in template else ConversationState()
            text = fill(template, values)
            query = engine.understand(text, state)
            assert query.intent == spec.name, f"{corpus.researcher.name}: {text!r} went to {query.intent}"


# --- the schema of intent files


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = (
    "intent: demo\ndescription: A demo.\noperation: list\nfamily: papers\n"
    "cues:\n  - {pattern: '\\bdemo\\b', weight: 3}\nexamples: ['demo papers']\n"
)


def test_a_good_intent_file_loads(tmp_path: Path) -> None:
    spec = parse_intent(_write(tmp_path, "demo", GOOD), vocabulary().placeholders())
    assert (spec.name, spec.operation, spec.family, spec.remembered) == ("demo", "list", "papers", True)
    assert spec.cue_score("show demo papers") == 3.0


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (GOOD + "colour: red\n", "unknown keys ['colour']"),
        (GOOD.replace("operation: list\n", ""), "'operation' is required"),
        (GOOD.replace("family: papers", "family: poems"), "family 'poems'"),
        (GOOD + "requires: [planet]\n", "unknown slot kinds ['planet']"),
        (GOOD + "defaults: {colour: red}\n", "defaults: expected a mapping of operation parameters"),
        (GOOD.replace("\\bdemo\\b", "\\b{no_such_list}\\b"), "unknown placeholder {no_such_list}"),
        (GOOD.replace("\\bdemo\\b", "(unclosed"), "cues[0]"),
        (GOOD.replace("examples: ['demo papers']", "examples: []"), "needs example sentences"),
        (GOOD.replace("intent: demo", "intent: other"), "should live in other.yaml"),
    ],
)
def test_broken_intent_files_are_refused_with_a_reason(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(IntentFileError, match=None) as error:
        parse_intent(_write(tmp_path, "demo", body), vocabulary().placeholders())
    assert message in str(error.value)


def test_every_broken_file_is_reported_at_once(tmp_path: Path) -> None:
    _write(tmp_path, "one", GOOD.replace("intent: demo", "intent: one") + "colour: red\n")
    _write(tmp_path, "two", GOOD.replace("intent: demo", "intent: two").replace("family: papers", "family: x"))
    with pytest.raises(IntentFileError) as error:
        load_intents.__wrapped__(tmp_path)  # type: ignore[attr-defined]
    assert "one.yaml" in str(error.value) and "two.yaml" in str(error.value)


def test_placeholders_expand_vocabulary_lists(tmp_path: Path) -> None:
    body = GOOD.replace("\\bdemo\\b", "\\b{order_oldest}\\b")
    spec = parse_intent(_write(tmp_path, "demo", body), vocabulary().placeholders())
    assert spec.cue_score("papers oldest first") == 3.0
    assert spec.cue_score("papers in chronological order") == 3.0
    assert spec.cue_score("the latest papers") == 0.0


def test_a_yaml_boolean_in_a_word_list_is_an_error() -> None:
    from bot.vocabulary import VocabularyError, _strings

    assert _strings(["papers", "on"], "x") == ("papers", "on")
    with pytest.raises(VocabularyError, match="quote on, off, yes and no"):
        _strings(["papers", True], "glued_parts")
