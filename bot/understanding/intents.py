"""Intent definitions: one YAML file per intent in intents/, checked against a schema when loaded.

An intent says what it answers (`description`), which registered operation answers it
(`operation`, with fixed parameters in `defaults`), how front ends present it (`family`), whether
a follow-up may edit it (`remembered`), the named things it needs (`requires`, `requires_any`) or
cannot have (`excludes`), which bare names it answers with no cue at all (`default_for`), and its
cues: weighted patterns over the masked message, which may use vocabulary lists as {placeholders}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

from bot.paths import INTENTS_DIR
from bot.precompiled import compiled_pattern, precompiled
from bot.query import Operation
from bot.vocabulary import vocabulary
from bot.yaml_io import load_yaml_text

SLOT_KINDS = frozenset(
    {
        "paper",
        "benchmark",
        "mention",
        "person",
        "unknown_person",
        "quantity",
        "any_benchmark",
        "ambiguous_person",
        "topic",
        "category",
        "time",
        "code",
        "researcher",
        "metric",
        "solo",
        "several",
    }
)
FAMILIES = frozenset({"papers", "paper", "people", "counts", "profile", "chat", "honesty", "fallback"})
KEYS = frozenset(
    {
        "intent",
        "description",
        "operation",
        "family",
        "remembered",
        "priority",
        "requires",
        "requires_any",
        "excludes",
        "default_for",
        "bonus",
        "defaults",
        "keywords",
        "cues",
        "examples",
    }
)
OPERATION_PARAMETERS = frozenset(f.name for f in fields(Operation)) - {"name"}
_PLACEHOLDER = compiled_pattern(r"\{([a-z_]+(?:\.[a-z_]+)?)\}")


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
    operation: str
    family: str
    remembered: bool
    priority: int
    cues: tuple[Cue, ...]
    requires: frozenset[str]
    requires_any: frozenset[str]
    excludes: frozenset[str]
    default_for: frozenset[str]
    bonus: tuple[tuple[str, float], ...]  # score added when a kind of name is present ("R@1": a result)
    defaults: tuple[tuple[str, Any], ...]
    keywords: frozenset[str]
    examples: tuple[str, ...]

    def cue_score(self, text: str, present: frozenset[str] | set[str] = frozenset()) -> float:
        cues = sum(cue.weight for cue in self.cues if cue.pattern.search(text))
        return cues + sum(weight for kind, weight in self.bonus if kind in present)

    def cue_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the cues matched: those words are the question's frame, never its topic."""
        return [m.span() for cue in self.cues for m in cue.pattern.finditer(text) if m.end() > m.start()]

    def operation_for(self) -> Operation:
        return Operation(self.operation, **dict(self.defaults))

    def admits(self, present: set[str]) -> bool:
        if not self.requires <= present or present & self.excludes:
            return False
        return not self.requires_any or bool(self.requires_any & present)


def _expand(pattern: str, placeholders: dict[str, str], fail: Any) -> str:
    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in placeholders:
            raise fail(f"unknown placeholder {{{name}}}; vocabulary lists are {sorted(placeholders)[:8]}...")
        return placeholders[name]

    return _PLACEHOLDER.sub(substitute, pattern)


def _kinds(raw: dict[str, Any], key: str, fail: Any) -> frozenset[str]:
    values = raw.get(key) or []
    if not isinstance(values, list):
        raise fail(f"{key}: expected a list of slot kinds")
    unknown = set(values) - SLOT_KINDS
    if unknown:
        raise fail(f"{key}: unknown slot kinds {sorted(unknown)}; expected some of {sorted(SLOT_KINDS)}")
    return frozenset(values)


def parse_intent(path: Path, placeholders: dict[str, str]) -> IntentSpec:
    content = path.read_bytes()
    # Parsed once per installation (PyYAML and its parse cost 20 ms a start), keyed by the file's bytes.
    raw = precompiled("data", content, lambda: load_yaml_text(content.decode("utf-8")))

    def fail(message: str) -> IntentFileError:
        return IntentFileError(f"{path.name}: {message}")

    if not isinstance(raw, dict) or not isinstance(raw.get("intent"), str):
        raise fail("expected a mapping with an 'intent' name")
    unknown_keys = set(raw) - KEYS
    if unknown_keys:
        raise fail(f"unknown keys {sorted(unknown_keys)}; allowed: {sorted(KEYS)}")
    if raw["intent"] != path.stem:
        raise fail(f"intent {raw['intent']!r} should live in {raw['intent']}.yaml")
    for key in ("description", "operation", "family"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise fail(f"'{key}' is required (a string)")
    if raw["family"] not in FAMILIES:
        raise fail(f"family {raw['family']!r}: expected one of {sorted(FAMILIES)}")
    defaults = raw.get("defaults") or {}
    if not isinstance(defaults, dict) or set(defaults) - OPERATION_PARAMETERS:
        raise fail(f"defaults: expected a mapping of operation parameters ({sorted(OPERATION_PARAMETERS)})")
    cues = []
    for i, cue in enumerate(raw.get("cues") or []):
        if not isinstance(cue, dict) or set(cue) != {"pattern", "weight"}:
            raise fail(f"cues[{i}]: expected {{pattern, weight}}")
        try:
            cues.append(Cue(compiled_pattern(_expand(str(cue["pattern"]), placeholders, fail)), float(cue["weight"])))
        except (TypeError, ValueError, re.error) as err:
            raise fail(f"cues[{i}]: {err}") from None
    examples = raw.get("examples") or []
    if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
        raise fail("examples: expected a list of example sentences")
    if cues and not examples:
        raise fail("an intent with cues needs example sentences")
    bonus = raw.get("bonus") or {}
    if not isinstance(bonus, dict) or set(bonus) - SLOT_KINDS:
        raise fail(f"bonus: expected a mapping of slot kinds to weights ({sorted(SLOT_KINDS)})")
    remembered = raw.get("remembered", True)
    if not isinstance(remembered, bool):
        raise fail("remembered: expected true or false")
    return IntentSpec(
        name=raw["intent"],
        description=raw["description"].strip(),
        operation=raw["operation"],
        family=raw["family"],
        remembered=remembered,
        priority=int(raw.get("priority", 0)),
        cues=tuple(cues),
        requires=_kinds(raw, "requires", fail),
        requires_any=_kinds(raw, "requires_any", fail),
        excludes=_kinds(raw, "excludes", fail),
        default_for=_kinds(raw, "default_for", fail),
        bonus=tuple(sorted((str(k), float(v)) for k, v in bonus.items())),
        defaults=tuple(sorted(defaults.items())),
        keywords=frozenset(str(k).casefold() for k in raw.get("keywords") or ()),
        examples=tuple(examples),
    )


@cache
def load_intents(directory: Path = INTENTS_DIR) -> tuple[IntentSpec, ...]:
    """Every intent file, all checked: the errors of every broken file are reported at once."""
    placeholders = vocabulary().placeholders()
    specs: list[IntentSpec] = []
    errors: list[str] = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            specs.append(parse_intent(path, placeholders))
        except IntentFileError as err:
            errors.append(str(err))
    if errors:
        raise IntentFileError("; ".join(errors))
    if not specs:
        raise IntentFileError(f"no intent files in {directory}")
    return tuple(specs)
