"""The bounded stream: interval under contention, bounded reading, refusals, network state."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from dataclasses import replace

from awesomelint.links.engine import check
from awesomelint.links.model import HostSettings, Verdict

from .conftest import FAST, Ref, run
from .server import Server


def test_interval_is_kept_while_another_host_saturates_the_global_limit(farm: Server) -> None:
    busy = [farm.route(f"/busy{i}", delay=0.15) for i in range(16)]  # 127.0.0.2
    for i in range(4):
        farm.route(f"/polite{i}")
    polite = [farm.url(f"/polite{i}", "127.0.0.3") for i in range(4)]
    urls = [u for pair in zip(busy[:4], polite, strict=True) for u in pair] + busy[4:]
    report = run(
        urls,
        max_concurrency=2,
        host_concurrency=4,
        hosts=(("127.0.0.3", HostSettings(interval=0.3)),),
    )
    assert all(r.verdict is Verdict.OK for r in report.results)
    starts = sorted(r.at for r in farm.requests if r.host == "127.0.0.3")
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert len(starts) == 4 and min(gaps) >= 0.27, gaps  # server clock: allow for jitter
    # the global limit was saturated meanwhile: two busy requests were in flight
    assert farm.max_in_flight("127.0.0.2") == 2


def test_links_are_read_as_they_are_checked_not_all_first(server: Server) -> None:
    for i in range(1000):
        server.route(f"/s{i}")
    consumed = 0
    at_first_answer: list[int] = []

    def links() -> Iterator[Ref]:
        nonlocal consumed
        for i in range(1000):
            consumed += 1
            yield Ref(server.url(f"/s{i}"), line=i + 1)

    def progress(done: int, total: int, waiting: object) -> None:
        if done and not at_first_answer:
            at_first_answer.append(consumed)

    settings = replace(FAST, max_concurrency=2, host_concurrency=2)
    report = asyncio.run(check(links(), settings, progress=progress))
    assert len(report.results) == 1000
    assert (
        at_first_answer and at_first_answer[0] < 400
    )  # a batch and a bounded queue, not the whole list


def test_a_host_that_keeps_refusing_is_blocked_at_once(server: Server) -> None:
    urls = [
        server.route(f"/r{i}", status=429, headers=(("Retry-After", "3600"),)) for i in range(8)
    ]
    began = time.monotonic()
    report = run(urls, host_concurrency=1, retries=2, retry_after_cap=0.3, block_after=3)
    elapsed = time.monotonic() - began
    assert [r.verdict for r in report.results] == [Verdict.BLOCKED] * 8
    assert len(server.requests) == 3  # one URL tried three times; the other seven never asked
    assert elapsed < 3.0  # each wait capped at 0.3 s, not an hour
    assert "refused the checker repeatedly" in report.results[-1].detail


def test_retry_after_within_the_cap_then_success(server: Server) -> None:
    url = server.route("/later", statuses=(429, 200), headers=(("Retry-After", "0.2"),))
    report = run([url, server.route("/other")], host_concurrency=1, block_after=3)
    assert [r.verdict for r in report.results] == [Verdict.OK, Verdict.OK]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_network_down_when_no_server_answers() -> None:
    port = _closed_port()
    urls = [f"http://127.0.0.{i}:{port}/x" for i in (2, 3, 4)]
    report = run(urls, retries=0)
    assert report.network_down == "none of 3 hosts could be reached"


def test_network_down_when_no_name_resolves() -> None:
    report = run(["https://a.invalid/", "https://b.invalid/x", "https://c.invalid/"])
    assert report.network_down == "none of 3 host names resolved"


def test_one_unresolvable_host_among_working_ones_is_dead(server: Server) -> None:
    report = run([server.route("/fine"), "https://gone.invalid/", "https://gone.invalid/2"])
    assert report.network_down == ""
    assert [r.verdict for r in report.results] == [Verdict.OK, Verdict.DEAD, Verdict.DEAD]


def test_worker_processes_keep_the_per_host_cap(farm: Server) -> None:
    urls = []
    for i in range(10):
        farm.route(f"/w{i}", delay=0.05)
        urls += [farm.url(f"/w{i}", a) for a in ("127.0.0.2", "127.0.0.3", "127.0.0.4")]
    refs = [Ref(url, line=i + 1) for i, url in enumerate(urls)]
    settings = replace(FAST, host_concurrency=2)
    report = asyncio.run(check(refs, settings, processes=2))
    assert [r.verdict for r in report.results] == [Verdict.OK] * 30
    assert report.requests == 30
    assert all(farm.max_in_flight(h) <= 2 for h in ("127.0.0.2", "127.0.0.3", "127.0.0.4"))
    assert {h.host for h in report.hosts} == {"127.0.0.2", "127.0.0.3", "127.0.0.4"}


def test_worker_processes_keep_the_cap_of_a_host_reached_by_redirects(farm: Server) -> None:
    # 127.0.0.2 and 127.0.0.3 land in different worker processes; the links of the first all
    # redirect to the second, which also has links of its own.  Only 127.0.0.3's own lane may
    # send it requests, or it sees twice its cap.
    urls = []
    for i in range(12):
        target = farm.url(f"/t{i}", "127.0.0.3")
        farm.route(f"/r{i}", status=301, location=target)
        farm.route(f"/t{i}", delay=0.1)
        farm.route(f"/b{i}", delay=0.1)
        urls += [farm.url(f"/r{i}", "127.0.0.2"), farm.url(f"/b{i}", "127.0.0.3")]
    refs = [Ref(url, line=i + 1) for i, url in enumerate(urls)]
    settings = replace(FAST, host_concurrency=2, max_concurrency=16)
    report = asyncio.run(check(refs, settings, processes=2))
    assert farm.max_in_flight("127.0.0.3") <= 2
    moved = [r for r in report.results if "/r" in r.url]
    assert [r.verdict for r in moved] == [Verdict.REDIRECTED] * 12
    assert [r.redirect_to for r in moved] == [farm.url(f"/t{i}", "127.0.0.3") for i in range(12)]
    assert all(r.verdict is Verdict.OK for r in report.results if "/b" in r.url)
    assert [h.host for h in report.hosts].count("127.0.0.3") == 1  # one lane held it
