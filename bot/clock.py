"""Today's date, which a deployment or a test may pin: relative questions ("last year") and
year-less page dates are read against it."""

from __future__ import annotations

import os
from datetime import date

TODAY_VARIABLE = "PROFILE_BOT_TODAY"


class ClockError(ValueError):
    pass


def today() -> date:
    """$PROFILE_BOT_TODAY (YYYY-MM-DD) when set, else the system date."""
    pinned = os.environ.get(TODAY_VARIABLE, "").strip()
    if not pinned:
        return date.today()
    try:
        return date.fromisoformat(pinned)
    except ValueError:
        raise ClockError(f"{TODAY_VARIABLE}: expected a date as YYYY-MM-DD, got {pinned!r}") from None


def pin_today(day: date) -> None:
    """Pin today for this process and the processes it starts (`--today`)."""
    os.environ[TODAY_VARIABLE] = day.isoformat()
