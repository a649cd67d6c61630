"""profile-bot: answers questions about a researcher's publication profile."""

from bot import codecache as _codecache

__version__ = "0.1.0"

_codecache.install()  # before any module of the bot defines a dataclass
