"""profile-bot: answers questions about a researcher's publication profile."""

__version__ = "0.1.0"
