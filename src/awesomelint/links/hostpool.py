"""Politeness per host: a concurrency cap, a minimum interval, adaptive backoff.

Hosts of an awesome list are few and popular (github.com alone is often half
the links), so being polite per host is what keeps a checker unbanned and its
verdicts honest: a host that answers 429 is slowed down, not reported dead.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from awesomelint.links.model import HostStat, Settings

_MAX_PENALTY = 5.0  # seconds added to a host's interval after repeated 429/503


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # "²".isdigit() is True, float("²") fails
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    wall = time.time() if now is None else now
    return max(0.0, when.timestamp() - wall)


class _HostState:
    """Mutable bookkeeping for one host, private to the pool."""

    def __init__(self, concurrency: int, interval: float) -> None:
        self.semaphore = asyncio.Semaphore(max(1, concurrency))
        self.interval = interval
        self.next_start = 0.0
        self.blocked_until = 0.0
        self.penalty = 0.0
        self.in_flight = 0
        self.max_in_flight = 0
        self.requests = 0
        self.seconds = 0.0


class HostPool:
    """Hands out request slots per host; one instance per run."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._hosts: dict[str, _HostState] = {}

    def _state(self, host: str) -> _HostState:
        state = self._hosts.get(host)
        if state is None:
            override = self._settings.host(host)
            concurrency = override.concurrency or self._settings.host_concurrency
            interval = (
                override.interval if override.interval is not None else self._settings.host_interval
            )
            state = self._hosts[host] = _HostState(concurrency, interval)
        return state

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Wait for the host's cap, interval and backoff; hold a slot while the body runs."""
        state = self._state(host)
        loop = asyncio.get_running_loop()
        async with state.semaphore:
            while True:
                now = loop.time()
                start = max(state.next_start, state.blocked_until)
                if start <= now:
                    break
                await asyncio.sleep(start - now)
            state.next_start = now + state.interval + state.penalty
            state.in_flight += 1
            state.max_in_flight = max(state.max_in_flight, state.in_flight)
            began = loop.time()
            try:
                yield
            finally:
                state.in_flight -= 1
                state.requests += 1
                state.seconds += loop.time() - began

    def back_off(self, host: str, retry_after: float | None) -> float:
        """Pause the host after a 429/503 and slow it down; returns the pause in seconds."""
        state = self._state(host)
        cap = self._settings.retry_after_cap
        delay = min(retry_after if retry_after is not None else max(1.0, 2 * state.penalty), cap)
        now = asyncio.get_running_loop().time()
        state.blocked_until = max(state.blocked_until, now + delay)
        state.penalty = min(max(0.25, 2 * state.penalty), _MAX_PENALTY)
        return delay

    def relax(self, host: str) -> None:
        """A success: let an earlier penalty decay."""
        state = self._hosts.get(host)
        if state is not None and state.penalty:
            state.penalty = state.penalty / 2 if state.penalty > 0.02 else 0.0

    def stats(self) -> list[HostStat]:
        """Per-host figures, slowest mean first."""
        rows = [
            HostStat(host, s.requests, s.seconds / max(1, s.requests), s.max_in_flight)
            for host, s in self._hosts.items()
        ]
        return sorted(rows, key=lambda r: r.mean_seconds, reverse=True)
