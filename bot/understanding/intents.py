"""Intent definitions: one YAML file per intent in intents/ (cues, required slots, examples)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.paths import INTENTS_DIR
from bot.yaml_io import load_yaml_text

SLOT_KINDS = {
    "paper",
    "benchmark",
    "mention",
    "person",
    "unknown_person",
    "ambiguous_person",
    "topic",
    "category",
    "time",
}


class IntentFileError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Cue:
    pattern: re.Pattern[str]
    weight: float


@dataclass(frozen=True, slots=True)
class IntentSpec:
    name: str
    description: str
    priority: int
    cues: tuple[Cue, ...]
    requires: frozenset[str]
    requires_any: frozenset[str]
    keywords: frozenset[str]
    examples: tuple[str, ...]

    def cue_score(self, text: str) -> float:
        return sum(cue.weight for cue in self.cues if cue.pattern.search(text))


def _parse(path: Path) -> IntentSpec:
    raw = load_yaml_text(path.read_text(encoding="utf-8"))

    def fail(message: str) -> IntentFileError:
        return IntentFileError(f"{path.name}: {message}")

    if not isinstance(raw, dict) or not isinstance(raw.get("intent"), str):
        raise fail("expected a mapping with an 'intent' name")
    if raw["intent"] != path.stem:
        raise fail(f"intent {raw['intent']!r} should live in {raw['intent']}.yaml")
    cues = []
    for i, cue in enumerate(raw.get("cues") or []):
        try:
            cues.append(Cue(re.compile(cue["pattern"]), float(cue["weight"])))
        except (KeyError, TypeError, ValueError, re.error) as err:
            raise fail(f"cues[{i}]: {err}") from None
    requires = frozenset(raw.get("requires") or ())
    requires_any = frozenset(raw.get("requires_any") or ())
    unknown = (requires | requires_any) - SLOT_KINDS
    if unknown:
        raise fail(f"unknown slot kinds {sorted(unknown)}; expected some of {sorted(SLOT_KINDS)}")
    examples = raw.get("examples") or []
    if not examples or not all(isinstance(e, str) for e in examples):
        raise fail("expected a list of example sentences")
    return IntentSpec(
        name=raw["intent"],
        description=str(raw.get("description", "")),
        priority=int(raw.get("priority", 0)),
        cues=tuple(cues),
        requires=requires,
        requires_any=requires_any,
        keywords=frozenset(str(k).casefold() for k in raw.get("keywords") or ()),
        examples=tuple(examples),
    )


@cache
def load_intents(directory: Path = INTENTS_DIR) -> tuple[IntentSpec, ...]:
    specs = [_parse(path) for path in sorted(directory.glob("*.yaml"))]
    if not specs:
        raise IntentFileError(f"no intent files in {directory}")
    return tuple(specs)
