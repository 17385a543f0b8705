"""Hostile servers on loopback: injected Location headers, odd Retry-After bytes, gzip bombs
on fragment pages, slow drips.  None may change a list unsafely, raise, or hold memory."""

from __future__ import annotations

import asyncio
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.links.fetch import Checker
from awesomelint.links.fix import Rewrite, apply_text, safe_target
from awesomelint.links.model import Outcome, Settings, Verdict
from awesomelint.links.netguard import Resolver
from awesomelint.links.transport import make_client

from .conftest import FAST, one
from .server import Server, gzip_bomb

INJECTION = "/ok?a=)[INJECTED](javascript:alert(1)"


def _links_of(path: Path) -> list[str]:
    from awesomelint.extract import iter_links
    from awesomelint.parse import parse_text, read_file

    decoded = read_file(str(path))
    document = parse_text(decoded.text, str(path), decoded.newline, decoded.repairs)
    return [link.url for link in iter_links(document)]


def test_fix_escapes_a_server_chosen_location_so_it_stays_one_link(
    tmp_path: Path, server: Server
) -> None:
    server.route("/ok")
    moved = server.route("/moved", status=301, location=INJECTION)
    path = tmp_path / "README.md"
    path.write_text(f"# A\n\n## Tools\n\n- [Tool]({moved}) - A tool.\n", encoding="utf-8")
    code = main(["links", "--allow-private", "--no-cache", "--no-progress", "--fix", str(path)])
    assert code == 0
    fixed = server.url("/ok?a=%29%5BINJECTED%5D%28javascript:alert%281%29")
    assert path.read_text(encoding="utf-8") == f"# A\n\n## Tools\n\n- [Tool]({fixed}) - A tool.\n"
    assert _links_of(path) == [fixed]  # one link, http, and it still answers
    assert one(fixed).verdict is Verdict.OK


def test_fix_writes_only_plain_http_targets() -> None:
    old = "http://a.example/x"
    line = f"- [A]({old}) - a.\n"
    for target in ("javascript:alert(1)", "data:text/html,x", "https://u:p@evil.example/", "//x"):
        assert safe_target(target) is None
        assert apply_text(line, [Rewrite("f.md", 1, old, target)]) == (line, 0)
    assert safe_target("https://bücher.example/a b") == "https://xn--bcher-kva.example/a%20b"
    assert safe_target("https://a.example/%7Ex%zz<>") == "https://a.example/%7Ex%25zz%3C%3E"
    new = "https://a.example/\u202ex"  # a bidi override must not reach the list
    assert apply_text(line, [Rewrite("f.md", 1, old, new)])[0] == line.replace(
        old, "https://a.example/%E2%80%AEx"
    )


def test_retry_after_with_a_non_ascii_digit_is_harmless(server: Server) -> None:
    """Byte 0xB2 is '²' in latin-1: str.isdigit() says yes, float() says no."""
    odd = (("Retry-After", "\xb2"),)
    assert one(server.route("/fine", headers=odd)).verdict is Verdict.OK
    result = one(server.route("/busy", status=429, headers=odd), retries=0)
    assert result.verdict is Verdict.BLOCKED and "checker error" not in result.detail
    huge = (("Retry-After", "9" * 400),)  # float() is inf: capped, not slept
    assert one(server.route("/huge", status=503, headers=huge), retries=0).verdict is Verdict.DEAD


def _checked(url: str, settings: Settings) -> tuple[Outcome, int, int]:
    """Outcome with anchors wanted, decoded bytes the checker held, peak traced memory."""

    async def go() -> tuple[Outcome, int]:
        resolver = Resolver(settings.allow_private, settings.timeout)
        async with make_client(settings, resolver) as client:
            checker = Checker(settings, client, resolver)
            outcome = await checker.outcome(url, want_anchors=True)
            return outcome, checker.decoded_bytes

    tracemalloc.start()
    try:
        outcome, decoded = asyncio.run(go())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return outcome, decoded, peak


def test_gzip_bomb_on_a_fragment_page_is_read_up_to_the_cap(server: Server) -> None:
    bomb = gzip_bomb(1024)  # 2 KB on the wire, 1 GiB decoded
    url = server.route(
        "/page", body=bomb, content_type="text/html", headers=(("Content-Encoding", "gzip, gzip"),)
    )
    settings = replace(FAST, fragment_body_cap=1 << 20)
    outcome, decoded, peak = _checked(url, settings)
    assert outcome.verdict is Verdict.OK and outcome.anchors == frozenset()
    assert decoded == 1 << 20  # the cap, not the gigabyte
    assert peak < 32 << 20
    # through the engine: the page is fine, the fragment is missing, nothing raised
    result = one(url + "#usage", check_fragments=True, fragment_body_cap=1 << 20)
    assert result.verdict is Verdict.FRAGMENT_MISSING and "#usage" in result.detail
    # without fragment checks the body is drained raw, never inflated
    assert one(url).verdict is Verdict.OK


def test_odd_charset_on_a_fragment_page_is_not_a_checker_error(server: Server) -> None:
    url = server.route("/rot", body=b'<a id="x">x</a>', content_type="text/html; charset=rot13")
    assert one(url + "#x", check_fragments=True).verdict is Verdict.OK


def test_a_dripping_server_is_cut_at_the_deadline(server: Server) -> None:
    """One byte every 0.4 s: each read is quick, the whole page would take 20 s."""
    url = server.route("/drip", body=b"<p>" + b"x" * 47, content_type="text/html", drip=0.4)
    result = one(url + "#x", check_fragments=True, timeout=1.5, retries=0)
    assert result.verdict is Verdict.TIMEOUT
    assert server.streamed < 10


HOSTILE_LOCATIONS = ["http://[::1", "//[", "http://a.example:99999/", "javascript:alert(1)", ""]


@pytest.mark.parametrize("location", HOSTILE_LOCATIONS)
def test_hostile_location_is_a_dead_verdict_not_a_checker_error(
    server: Server, location: str
) -> None:
    """httpx refuses some Location values itself (a protocol error), we refuse the rest."""
    result = one(server.route("/r", status=301, location=location))
    assert result.verdict is Verdict.DEAD and "checker error" not in result.detail
    assert result.redirect_to is None
    if not location:  # a redirect without a target: the answer itself is final
        assert result.status == 301


@pytest.mark.parametrize("location", HOSTILE_LOCATIONS)
def test_hostile_location_fails_a_merge_in_one_line(
    tmp_path: Path, server: Server, location: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.route("/list.md", status=301, location=location)
    out = tmp_path / "out.md"
    args = ["merge", "--allow-private", url, "-o", str(out), "--cache-dir", str(tmp_path)]
    assert main(args) == 2 and not out.exists()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot fetch" in err and "Traceback" not in err
