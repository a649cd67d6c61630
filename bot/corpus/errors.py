"""The error every corpus reader raises, in a module of its own so that front ends can catch it
without importing the page parser (a YAML corpus never needs it)."""

from __future__ import annotations


class ProfileError(ValueError):
    """A profile the bot cannot read: which file, which line (when known), what was expected."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        super().__init__(f"{source}:{line}: {message}" if line else f"{source}: {message}")
        self.source = source
        self.line = line
        self.message = message
