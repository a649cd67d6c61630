"""Keep echoed user text from pinging anyone and answers within the size a chat allows."""

from __future__ import annotations

import re

from bot.precompiled import compiled_pattern

MAX_ANSWER_CHARS = 4000
MAX_MESSAGE_CHARS = 2000

_ZERO_WIDTH_SPACE = "\u200b"
_MASS_MENTION = compiled_pattern(r"@(everyone|here)", re.IGNORECASE)
_ID_MENTION = compiled_pattern(r"<(@[!&]?|#)(\d+)>")


def neutralise_mentions(text: str) -> str:
    """`@everyone`, `@here`, `<@id>`, `<@&id>` and `<#id>` shown as text, never as live mentions."""
    text = _MASS_MENTION.sub(lambda m: "@" + _ZERO_WIDTH_SPACE + m.group(1), text)
    return _ID_MENTION.sub(lambda m: "<" + m.group(1) + _ZERO_WIDTH_SPACE + m.group(2) + ">", text)


def has_live_mention(text: str) -> bool:
    return bool(_MASS_MENTION.search(text) or _ID_MENTION.search(text))


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + "…"
