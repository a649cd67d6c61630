"""Validate what the bot would send against Discord's OpenAPI spec (../shared/discord/openapi.json),
plus the documented rules the spec does not encode (see ../shared/discord/README.md)."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.conftest import SHARED

SPEC_FILE = SHARED / "discord" / "openapi.json"
BASE = "urn:discord-openapi"
COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")


@cache
def _spec() -> dict[str, Any]:
    return json.loads(SPEC_FILE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _registry() -> Registry:
    return Registry().with_resource(BASE, Resource.from_contents(_spec(), default_specification=DRAFT202012))


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def validator(pointer: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"{BASE}#/{pointer}"}, registry=_registry())


def _shape(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


@cache
def request_pointer(method: str, path: str) -> str:
    """JSON pointer to the request body schema of the spec operation matching a discord.py route."""
    for spec_path, item in _spec()["paths"].items():
        if _shape(spec_path) == _shape(path) and method.lower() in item:
            body = item[method.lower()].get("requestBody")
            if body is None:
                raise LookupError(f"{method} {path} takes no body in the spec")
            return _pointer("paths", spec_path, method.lower(), "requestBody", "content", "application/json", "schema")
    raise LookupError(f"{method} {path} is not in the spec")


def _normalise(body: Any) -> Any:
    """discord.py sends some snowflakes as JSON integers (attachment ids 0, 1, ...; a reply's
    message_reference ids), which Discord accepts; the spec types every snowflake as a string.
    Compare like with like: integer ids become strings, nothing else changes."""
    if isinstance(body, dict):
        return {
            key: str(value)
            if (key == "id" or key.endswith("_id")) and isinstance(value, int) and not isinstance(value, bool)
            else _normalise(value)
            for key, value in body.items()
        }
    if isinstance(body, list):
        return [_normalise(item) for item in body]
    return body


def schema_errors(method: str, path: str, body: Any) -> list[str]:
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}"
        for e in validator(request_pointer(method, path)).iter_errors(_normalise(body))
    ]
    return errors + _documented_rules(body)


def command_errors(command: dict[str, Any]) -> list[str]:
    schema = validator(_pointer("components", "schemas", "ApplicationCommandCreateRequest"))
    errors = [f"{command.get('name')}: {e.message[:300]}" for e in schema.iter_errors(command)]
    name = command.get("name", "")
    if not COMMAND_NAME.match(name) or name != name.lower():
        errors.append(f"{name}: command names are 1-32 lower-case letters, digits, - or _")
    if not 1 <= len(command.get("description", "")) <= 100:
        errors.append(f"{name}: descriptions are 1-100 characters")
    seen_optional = False
    for option in command.get("options", []):
        if option.get("required"):
            if seen_optional:
                errors.append(f"{name}: required option {option['name']} after an optional one")
        else:
            seen_optional = True
        if option.get("choices") and option.get("autocomplete"):
            errors.append(f"{name}: option {option['name']} has both choices and autocomplete")
        if not 1 <= len(option.get("description", "")) <= 100:
            errors.append(f"{name}: option {option['name']} description must be 1-100 characters")
    return errors


def _documented_rules(body: Any) -> list[str]:
    if not isinstance(body, dict):
        return []
    message = body.get("data", body) if "type" in body else body
    if not isinstance(message, dict):
        return []
    errors = []
    content = message.get("content") or ""
    if len(content) > 2000:
        errors.append(f"content is {len(content)} characters (limit 2000)")
    embeds = message.get("embeds") or []
    if len(embeds) > 10:
        errors.append(f"{len(embeds)} embeds (limit 10)")
    total = sum(_embed_length(e) for e in embeds)
    if total > 6000:
        errors.append(f"embeds hold {total} characters (limit 6000)")
    if len(message.get("components") or []) > 5:
        errors.append("more than 5 action rows")
    for choice in message.get("choices") or []:
        if len(choice["name"]) > 100 or len(str(choice["value"])) > 100:
            errors.append(f"autocomplete choice too long: {choice}")
    if len(message.get("choices") or []) > 25:
        errors.append("more than 25 autocomplete choices")
    return errors


def _embed_length(embed: dict[str, Any]) -> int:
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += len((embed.get("footer") or {}).get("text") or "") + len((embed.get("author") or {}).get("name") or "")
    for field in embed.get("fields") or []:
        total += len(field.get("name") or "") + len(field.get("value") or "")
    return total
