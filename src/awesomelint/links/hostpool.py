"""Politeness per host: a concurrency cap, a minimum interval, adaptive backoff.

Hosts of an awesome list are few and popular (github.com alone is often half
the links), so being polite per host is what keeps a checker unbanned and its
verdicts honest: a host that answers 429 is slowed down, not reported dead.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import AsyncIterator, Callable
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


class HostBlocked(Exception):
    """The host refused the checker repeatedly: its remaining URLs are not requested."""

    def __init__(self, host: str, status: int | None) -> None:
        super().__init__(f"{host} refused the checker repeatedly ({status or 'busy'})")
        self.host = host
        self.status = status


class _HostState:
    """Mutable bookkeeping for one host, private to the pool."""

    def __init__(self, concurrency: int, interval: float) -> None:
        self.semaphore = asyncio.Semaphore(max(1, concurrency))
        self.interval = interval
        self.next_start = 0.0
        self.blocked_until = 0.0
        self.penalty = 0.0
        self.refusals = 0  # consecutive 429/503 answers
        self.refused_with: int | None = None
        self.in_flight = 0
        self.max_in_flight = 0
        self.requests = 0
        self.seconds = 0.0


def _name(host: str) -> str:
    """``Example.org.`` and ``example.org`` are one host for politeness."""
    return host.lower().rstrip(".")


class HostPool:
    """Hands out request slots per host; one instance per run (per worker process)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._hosts: dict[str, _HostState] = {}

    def _state(self, host: str) -> _HostState:
        host = _name(host)
        state = self._hosts.get(host)
        if state is None:
            override = self._settings.host(host)
            concurrency = override.concurrency or self._settings.host_concurrency
            interval = (
                override.interval if override.interval is not None else self._settings.host_interval
            )
            state = self._hosts[host] = _HostState(concurrency, interval)
        return state

    def _check_blocked(self, host: str, state: _HostState) -> None:
        if state.refusals >= max(1, self._settings.block_after):
            raise HostBlocked(_name(host), state.refused_with)

    def blocked(self, host: str) -> HostBlocked | None:
        """The refusal that blocks ``host`` for the rest of the run, if any."""
        state = self._hosts.get(_name(host))
        if state is None:
            return None
        try:
            self._check_blocked(host, state)
        except HostBlocked as exc:
            return exc
        return None

    @asynccontextmanager
    async def slot(self, host: str, gate: asyncio.Semaphore | None = None) -> AsyncIterator[None]:
        """Hold one of the host's slots and one of ``gate``'s while the body runs.

        The host's interval is reserved only once the global gate is held, the
        moment the request really starts: reserved earlier, requests that
        queued at the gate would go out back to back.  Raises HostBlocked when
        the host has refused too often.
        """
        state = self._state(host)
        loop = asyncio.get_running_loop()
        self._check_blocked(host, state)
        async with state.semaphore:
            while True:
                self._check_blocked(host, state)
                now = loop.time()
                start = max(state.next_start, state.blocked_until)
                if start > now:
                    await asyncio.sleep(start - now)
                    continue
                if gate is None:
                    break
                await gate.acquire()
                now = loop.time()
                if now >= max(state.next_start, state.blocked_until):
                    break
                gate.release()  # another request of this host started while we queued
            state.next_start = now + state.interval + state.penalty
            state.in_flight += 1
            state.max_in_flight = max(state.max_in_flight, state.in_flight)
            began = now
            try:
                yield
            finally:
                if gate is not None:
                    gate.release()
                state.in_flight -= 1
                state.requests += 1
                state.seconds += loop.time() - began

    def sending(self, host: str) -> Callable[[], None] | None:
        """What to call when a request's bytes actually go out, for a host with an interval.

        ``slot`` reserves the interval when the request starts; connecting
        (a TCP and TLS handshake, a round trip or two) comes after that, so
        the first request on a new connection would reach the server late
        and the next one, on the warm connection, too soon after it.  Called
        at the moment of sending, this moves the host's next start to one
        interval after that moment.  None when the host has no interval.
        """
        state = self._state(host)
        if not (state.interval or state.penalty):
            return None
        loop = asyncio.get_running_loop()

        def sent() -> None:
            after = loop.time() + state.interval + state.penalty
            state.next_start = max(state.next_start, after)

        return sent

    def back_off(self, host: str, retry_after: float | None, status: int | None = None) -> float:
        """Pause the host after a 429/503 and slow it down; returns the pause in seconds.

        The pause is capped (``retry_after_cap``): a server asking for an hour
        is not waited on, and after ``block_after`` refusals in a row its
        remaining URLs are reported blocked without a request.
        """
        state = self._state(host)
        cap = self._settings.retry_after_cap
        delay = min(retry_after if retry_after is not None else max(1.0, 2 * state.penalty), cap)
        now = asyncio.get_running_loop().time()
        state.blocked_until = max(state.blocked_until, now + delay)
        state.penalty = min(max(0.25, 2 * state.penalty), _MAX_PENALTY)
        state.refusals += 1
        state.refused_with = status if status is not None else state.refused_with or 429
        return delay

    def relax(self, host: str) -> None:
        """A success: let an earlier penalty decay, forget the refusals."""
        state = self._hosts.get(_name(host))
        if state is not None:
            state.refusals = 0
            if state.penalty:
                state.penalty = state.penalty / 2 if state.penalty > 0.02 else 0.0

    def stats(self) -> list[HostStat]:
        """Per-host figures, slowest mean first."""
        rows = [
            HostStat(host, s.requests, s.seconds / max(1, s.requests), s.max_in_flight)
            for host, s in self._hosts.items()
        ]
        return sorted(rows, key=lambda r: r.mean_seconds, reverse=True)
