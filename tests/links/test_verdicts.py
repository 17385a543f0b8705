"""Each verdict, produced by a real server on loopback."""

from __future__ import annotations

from awesomelint.links.model import Verdict

from .conftest import one, run
from .server import Server


def test_ok(server: Server) -> None:
    result = one(server.route("/a"))
    assert (result.verdict, result.status, result.redirect_to) == (Verdict.OK, 200, None)
    assert server.hits("/a", "HEAD") == 1 and server.hits("/a", "GET") == 0


def test_permanent_redirect_is_reported_with_the_url_to_switch_to(server: Server) -> None:
    server.route("/new")
    for status in (301, 308):
        result = one(server.route(f"/old{status}", status=status, location="/new"))
        assert result.verdict is Verdict.REDIRECTED
        assert result.redirect_to == server.url("/new")
        assert [hop.status for hop in result.chain] == [status]


def test_temporary_redirect_is_ok_but_chain_recorded(server: Server) -> None:
    server.route("/target")
    result = one(server.route("/tmp", status=302, location="/target"))
    assert result.verdict is Verdict.OK and result.redirect_to is None
    assert result.chain[0].location == server.url("/target")


def test_redirect_chain_switches_to_end_of_permanent_run(server: Server) -> None:
    server.route("/c")
    server.route("/b", status=302, location="/c")
    server.route("/a2", status=301, location="/b")
    result = one(server.route("/a1", status=301, location="/a2"))
    assert result.verdict is Verdict.REDIRECTED
    assert [hop.status for hop in result.chain] == [301, 301, 302]
    assert result.redirect_to == server.url("/b")  # /b only moves temporarily


def test_dead_404_and_410(server: Server) -> None:
    assert one(server.url("/nothing-here")).verdict is Verdict.DEAD
    result = one(server.route("/gone", status=410))
    assert (result.verdict, result.status) == (Verdict.DEAD, 410)
    # no retries on 404/410: one HEAD, one confirming GET
    assert server.hits("/gone") == 2


def test_dead_dns_failure() -> None:
    result = one("https://no-such-host.invalid/page")
    assert result.verdict is Verdict.DEAD and "DNS" in result.detail


def test_dead_redirect_loop(server: Server) -> None:
    server.route("/loop2", status=301, location="/loop1")
    result = one(server.route("/loop1", status=301, location="/loop2"))
    assert result.verdict is Verdict.DEAD and result.detail == "redirect loop"
    assert len(result.chain) == 2


def test_dead_too_many_redirects(server: Server) -> None:
    for i in range(12):
        server.route(f"/r{i}", status=302, location=f"/r{i + 1}")
    server.route("/r12")
    result = one(server.url("/r0"), max_redirects=10)
    assert result.verdict is Verdict.DEAD and "more than 10 redirects" in result.detail
    assert one(server.url("/r3"), max_redirects=10).verdict is Verdict.OK


def test_5xx_is_dead_after_retries(server: Server) -> None:
    result = one(server.route("/broken", status=500), retries=2)
    assert (result.verdict, result.status) == (Verdict.DEAD, 500)
    assert server.hits("/broken", "GET") == 3  # first try + 2 retries
    assert server.hits("/broken", "HEAD") == 1  # retries go straight to GET


def test_transient_5xx_then_success_is_ok(server: Server) -> None:
    result = one(server.route("/flaky", statuses=(502, 502, 200)), retries=2)
    assert result.verdict is Verdict.OK
    assert server.hits("/flaky") == 3


def test_timeout(server: Server) -> None:
    result = one(server.route("/slow", hang=True), timeout=0.3, retries=1)
    assert result.verdict is Verdict.TIMEOUT
    assert server.hits("/slow") == 2  # retried once


def test_blocked_403_429_999_persist(server: Server) -> None:
    for status in (403, 429, 999):
        result = one(server.route(f"/b{status}", status=status), retries=1, retry_after_cap=0.05)
        assert (result.verdict, result.status) == (Verdict.BLOCKED, status)


def test_skipped_by_exclude_pattern_sends_nothing(server: Server) -> None:
    url = server.route("/private/page")
    result = one(url, exclude=(r"/private/",))
    assert result.verdict is Verdict.SKIPPED
    assert server.requests == []


def test_invalid_urls() -> None:
    for url in (
        "http://exa mple.com/",
        "https://",
        "http://[::1/",
        "http://a..b/",
        "http://x:99999/",
    ):
        assert one(url).verdict is Verdict.INVALID, url


def test_accepted_status_codes_are_configurable(server: Server) -> None:
    url = server.route("/teapot", status=418)
    assert one(url).verdict is Verdict.DEAD
    assert one(url, accept=frozenset({200, 418})).verdict is Verdict.OK


def test_each_distinct_url_requested_once(server: Server) -> None:
    url = server.route("/popular")
    report = run([url, url, url + "#one", url + "#two", url])
    assert server.hits("/popular") == 1
    # one result per distinct URL as written, with every occurrence
    assert [r.url for r in report.results] == [url, url + "#one", url + "#two"]
    assert [o.line for o in report.results[0].occurrences] == [1, 2, 5]


def test_non_web_links_are_ignored() -> None:
    # relative paths are local links now (tests/links/test_local.py)
    report = run(["mailto:a@b.c", "ftp://x/y", "tel:+1234", "javascript:void(0)"])
    assert report.results == () and report.requests == 0
