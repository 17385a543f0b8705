"""Host pool: per-host cap, minimum interval, Retry-After, HEAD->GET fallback, bounded bodies."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Iterator

import pytest

from awesomelint.links.hostpool import parse_retry_after
from awesomelint.links.model import HostSettings, Verdict

from .conftest import one, run
from .server import Server, StampedServer


def test_per_host_cap_is_never_exceeded(farm: Server) -> None:
    urls = []
    for i in range(12):
        farm.route(f"/p{i}", delay=0.05)
        urls += [farm.url(f"/p{i}", address) for address in ("127.0.0.2", "127.0.0.3", "127.0.0.4")]
    report = run(urls, host_concurrency=3, max_concurrency=64)
    assert all(r.verdict is Verdict.OK for r in report.results)
    for host in ("127.0.0.2", "127.0.0.3", "127.0.0.4"):
        assert farm.max_in_flight(host) <= 3
    # ... and the cap is used, not undercut: hosts are checked in parallel
    assert max(farm.max_in_flight(h) for h in ("127.0.0.2", "127.0.0.3", "127.0.0.4")) >= 2


def test_per_host_override_of_the_cap(farm: Server) -> None:
    urls = []
    for i in range(8):
        farm.route(f"/q{i}", delay=0.05)
        urls += [farm.url(f"/q{i}", "127.0.0.2"), farm.url(f"/q{i}", "127.0.0.3")]
    run(urls, host_concurrency=4, hosts=(("127.0.0.2", HostSettings(concurrency=1)),))
    assert farm.max_in_flight("127.0.0.2") == 1
    assert farm.max_in_flight("127.0.0.3") >= 2


def test_global_cap(farm: Server) -> None:
    urls = []
    for i in range(6):
        farm.route(f"/g{i}", delay=0.05)
        urls += [farm.url(f"/g{i}", a) for a in ("127.0.0.2", "127.0.0.3", "127.0.0.4")]
    run(urls, host_concurrency=4, max_concurrency=1)
    assert all(farm.max_in_flight(h) == 1 for h in ("127.0.0.2", "127.0.0.3", "127.0.0.4"))


@pytest.fixture
def stamped() -> Iterator[StampedServer]:
    srv = StampedServer().start()
    yield srv
    srv.stop()


@pytest.mark.parametrize(("fragment", "method"), [("", "HEAD"), ("#usage", "GET")])
def test_minimum_interval_between_requests_to_a_host(
    stamped: StampedServer, fragment: str, method: str
) -> None:
    # Measured at the server, as the kernel saw the requests arrive: a server that stamps them
    # when it gets round to reading them sees gaps shrink on a loaded machine.  The first
    # request also opens the connection: the interval counts from when its bytes went out.
    # HEAD takes the lean path, GET (a page read for its ids) goes through httpx.
    urls = [stamped.url(f"/i{i}{fragment}") for i in range(4)]
    report = run(urls, host_interval=0.2)
    assert all(r.verdict is Verdict.OK for r in report.results)
    assert {r.method for r in stamped.requests} == {method}
    starts = sorted(r.at for r in stamped.requests)
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert len(starts) == 4 and min(gaps) >= 0.19, gaps


def test_retry_after_seconds_is_honoured(server: Server) -> None:
    url = server.route("/busy", statuses=(429, 200), headers=(("Retry-After", "1"),))
    result = one(url, retries=2, retry_after_cap=5.0)
    assert result.verdict is Verdict.OK
    first, second = (r.at for r in server.requests if r.path == "/busy")
    assert second - first >= 0.95


def test_retry_after_is_capped(server: Server) -> None:
    url = server.route("/very-busy", statuses=(503, 200), headers=(("Retry-After", "3600"),))
    assert one(url, retries=1, retry_after_cap=0.2).verdict is Verdict.OK


def test_backoff_on_429_slows_the_whole_host(server: Server) -> None:
    server.route("/limited", statuses=(429, 200), headers=(("Retry-After", "1"),))
    server.route("/other")
    run([server.url("/limited"), server.url("/other")], host_concurrency=1, retries=1)
    limited_first = next(r.at for r in server.requests if r.path == "/limited")
    other = next(r.at for r in server.requests if r.path == "/other")
    assert other - limited_first >= 0.95  # /other waited for the host's pause


def test_parse_retry_after() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    now = time.time()
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert 28 <= (parse_retry_after(date, now) or 0) <= 31
    assert parse_retry_after(email.utils.formatdate(now - 60, usegmt=True), now) == 0.0


def test_head_refused_falls_back_to_get(server: Server) -> None:
    for status in (405, 501, 400, 403):
        url = server.route(f"/nohead{status}", head_status=status)
        assert one(url).verdict is Verdict.OK
        assert server.hits(f"/nohead{status}", "HEAD") == 1
        assert server.hits(f"/nohead{status}", "GET") == 1


def test_host_with_lying_head_is_asked_with_get_from_then_on(server: Server) -> None:
    server.route("/x1", head_status=405)
    server.route("/x2", head_status=405)
    server.route("/x3", head_status=405)
    run([server.url("/x1"), server.url("/x2"), server.url("/x3")], host_concurrency=1)
    assert server.hits("/x1", "HEAD") == 1
    assert server.hits("/x2", "HEAD") + server.hits("/x3", "HEAD") == 0


def test_known_get_only_hosts_skip_head(server: Server) -> None:
    url = server.route("/page")
    one(url, get_only_hosts=frozenset({"127.0.0.1"}))
    assert server.hits("/page", "HEAD") == 0 and server.hits("/page", "GET") == 1


def test_large_body_is_not_read(server: Server) -> None:
    size = 200 * 1024 * 1024
    url = server.route("/huge", head_status=405, stream=size, content_type="video/mp4")
    result = one(url)
    assert result.verdict is Verdict.OK
    # the client hung up after a small cap; socket buffers hold at most a few MB
    assert server.streamed < 32 * 1024 * 1024


def test_large_html_body_bounded_even_with_fragments(server: Server) -> None:
    size = 200 * 1024 * 1024
    url = server.route("/huge.html", stream=size, content_type="text/html")
    result = one(url + "#anchor", fragment_body_cap=1024 * 1024)
    assert result.verdict is Verdict.FRAGMENT_MISSING and "fragment" in result.detail
    assert server.streamed < 32 * 1024 * 1024
