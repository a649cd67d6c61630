"""Per-user rate limits for messages and commands, bounded in memory."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from discord.app_commands import Cooldown

MAX_TRACKED_USERS = 50_000


class UserCooldowns:
    """`rate` messages per `per` seconds for each user; the least recently seen users are forgotten."""

    def __init__(self, rate: int, per: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.per = per
        self.clock = clock
        self._buckets: OrderedDict[int, tuple[Cooldown, bool]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._buckets)

    def hit(self, user_id: int) -> tuple[float | None, bool]:
        """(seconds to wait or None, whether this is the first refusal in the current window).

        Only the first refusal of a burst gets a reply, so a flood is not answered with a flood."""
        now = self.clock()
        bucket, warned = self._buckets.pop(user_id, (None, False))
        if bucket is None:
            bucket = Cooldown(self.rate, self.per)
        retry_after = bucket.update_rate_limit(now)
        first_refusal = retry_after is not None and not warned
        self._buckets[user_id] = (bucket, retry_after is not None)
        while len(self._buckets) > MAX_TRACKED_USERS:
            self._buckets.popitem(last=False)
        return retry_after, first_refusal
