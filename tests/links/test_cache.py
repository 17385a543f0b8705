"""The SQLite verdict cache: hits, misses, expiry, what is stored, interruption."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from awesomelint.links.cache import LinkCache, parse_age
from awesomelint.links.model import Outcome, Verdict

from .conftest import run
from .server import Server


def test_warm_cache_sends_no_request_for_cached_urls(server: Server, cache_path: Path) -> None:
    urls = [server.route("/a"), server.route("/b", status=301, location="/a"), server.url("/x")]
    cache = LinkCache(cache_path, max_age=3600)
    first = run(urls, cache=cache)
    cache.close()
    sent = len(server.requests)
    assert sent > 0 and not any(r.cached for r in first.results)

    cache = LinkCache(cache_path, max_age=3600)
    second = run(urls, cache=cache)
    cache.close()
    assert len(server.requests) == sent  # nothing new went out
    assert all(r.cached for r in second.results)
    assert [(r.verdict, r.redirect_to) for r in second.results] == [
        (r.verdict, r.redirect_to) for r in first.results
    ]


def test_miss_for_new_url(server: Server, cache_path: Path) -> None:
    cache = LinkCache(cache_path, max_age=3600)
    run([server.route("/a")], cache=cache)
    report = run([server.url("/a"), server.route("/new")], cache=cache)
    cache.close()
    assert [r.cached for r in report.results] == [True, False]
    assert server.hits("/new") == 1 and server.hits("/a") == 1


def test_expired_entries_are_checked_again(server: Server, cache_path: Path) -> None:
    url = server.route("/a")
    cache = LinkCache(cache_path, max_age=3600)
    run([url], cache=cache)
    cache.close()
    later = LinkCache(cache_path, max_age=60, now=time.time() + 120)
    report = run([url], cache=later)
    later.close()
    assert not report.results[0].cached and server.hits("/a") == 2


def test_only_definitive_verdicts_are_stored(server: Server, cache_path: Path) -> None:
    urls = [
        server.route("/ok"),
        server.route("/gone", status=410),
        server.route("/forbidden", status=403),
        server.route("/error", status=500),
        server.route("/teapot", status=418),
        server.route("/slow", hang=True),
    ]
    cache = LinkCache(cache_path, max_age=3600)
    run(urls, cache=cache, timeout=0.3, retries=0)
    cache.close()
    with sqlite3.connect(cache_path) as db:
        stored = {row[0].rsplit("/", 1)[1]: row[1] for row in db.execute("SELECT * FROM verdicts")}
    assert stored == {"ok": "ok", "gone": "dead"}


def test_cache_is_keyed_by_url_without_fragment(server: Server, cache_path: Path) -> None:
    url = server.route("/page")
    cache = LinkCache(cache_path, max_age=3600)
    run([url + "#a"], cache=cache, check_fragments=False)
    report = run([url + "#b", url], cache=cache, check_fragments=False)
    cache.close()
    assert all(r.cached for r in report.results) and server.hits("/page") == 1


# A page with ids, as a project page has them (cut from the shape of a GitHub README page).
PAGE = (
    b'<html><body><h2 id="user-content-install">Install</h2>'
    b'<a name="legacy"></a><div id="usage">x</div></body></html>'
)


def _page(server: Server, path: str = "/doc") -> str:
    return server.route(path, body=PAGE, content_type="text/html; charset=utf-8")


def test_fragments_are_checked_from_cached_anchors(server: Server, cache_path: Path) -> None:
    url = _page(server)
    cache = LinkCache(cache_path, max_age=3600)
    first = run([url + "#install", url + "#nowhere"], cache=cache)
    cache.close()
    assert server.hits("/doc", "GET") == 1
    sent = len(server.requests)

    cache = LinkCache(cache_path, max_age=3600)
    second = run([url + "#install", url + "#usage", url + "#nowhere", url], cache=cache)
    cache.close()
    assert len(server.requests) == sent  # no request: the page's ids came from the cache
    assert all(r.cached for r in second.results)
    verdicts = [r.verdict for r in second.results]
    assert verdicts == [Verdict.OK, Verdict.OK, Verdict.FRAGMENT_MISSING, Verdict.OK]
    assert [r.verdict for r in first.results] == verdicts[::2]


def test_expired_anchors_are_read_again(server: Server, cache_path: Path) -> None:
    url = _page(server)
    cache = LinkCache(cache_path, max_age=3600)
    run([url + "#install"], cache=cache)
    cache.close()
    later = LinkCache(cache_path, max_age=60, now=time.time() + 120)
    report = run([url + "#install"], cache=later)
    later.close()
    assert not report.results[0].cached and server.hits("/doc", "GET") == 2


def test_fresh_verdict_with_expired_anchors_reads_the_page(
    server: Server, cache_path: Path
) -> None:
    url = _page(server)
    cache = LinkCache(cache_path, max_age=3600)
    run([url + "#install"], cache=cache)
    cache.close()
    with sqlite3.connect(cache_path) as db:  # as if the ids were read long ago, the status not
        db.execute("UPDATE anchors SET checked_at = checked_at - 7200")
    cache = LinkCache(cache_path, max_age=3600)
    bare = run([url], cache=cache)  # a bare link needs no ids: the verdict serves
    anchored = run([url + "#usage"], cache=cache)
    cache.close()
    assert bare.results[0].cached and not anchored.results[0].cached
    assert anchored.results[0].verdict is Verdict.OK and server.hits("/doc", "GET") == 2


def test_page_first_checked_bare_is_read_once_for_a_fragment(
    server: Server, cache_path: Path
) -> None:
    url = _page(server)
    cache = LinkCache(cache_path, max_age=3600)
    run([url], cache=cache)  # HEAD only: no ids known
    report = run([url, url + "#nowhere"], cache=cache)
    again = run([url + "#nowhere", url + "#install"], cache=cache)
    cache.close()
    assert server.hits("/doc", "GET") == 1 and server.hits("/doc", "HEAD") == 1
    assert [r.verdict for r in report.results] == [Verdict.OK, Verdict.FRAGMENT_MISSING]
    assert [r.verdict for r in again.results] == [Verdict.FRAGMENT_MISSING, Verdict.OK]
    assert all(r.cached for r in again.results)


def test_page_without_anchors_is_remembered_as_read(server: Server, cache_path: Path) -> None:
    url = server.route("/paper.pdf", body=b"%PDF-1.4", content_type="application/pdf")
    cache = LinkCache(cache_path, max_age=3600)
    run([url + "#page=2"], cache=cache)
    report = run([url + "#page=3"], cache=cache)
    cache.close()
    assert report.results[0].verdict is Verdict.OK and report.results[0].cached
    assert server.hits("/paper.pdf") == 1


def test_damaged_anchor_row_reads_the_page_again(server: Server, cache_path: Path) -> None:
    url = _page(server)
    cache = LinkCache(cache_path, max_age=3600)
    run([url + "#install"], cache=cache)
    cache.close()
    with sqlite3.connect(cache_path) as db:
        db.execute("UPDATE anchors SET anchors = '{not json'")
    cache = LinkCache(cache_path, max_age=3600)
    report = run([url + "#install"], cache=cache)
    cache.close()
    assert report.results[0].verdict is Verdict.OK and not report.results[0].cached
    assert server.hits("/doc", "GET") == 2


def test_lookup_without_json_each_gives_the_same_answers(server: Server, cache_path: Path) -> None:
    url = _page(server)
    cache = LinkCache(cache_path, max_age=3600)
    run([url + "#install", server.route("/b")], cache=cache)
    cache.close()
    cache = LinkCache(cache_path, max_age=3600)
    fast = cache.lookup([url, server.url("/b")], {url})
    cache._json = False  # a SQLite built without JSON functions
    slow = cache.lookup([url, server.url("/b")], {url})
    cache.close()
    assert fast == slow and set(fast) == {url, server.url("/b")}
    assert fast[url].anchors is not None and "usage" in fast[url].anchors


def test_store_ignores_transient_outcomes(cache_path: Path) -> None:
    cache = LinkCache(cache_path, max_age=3600)
    cache.store("http://a/", Outcome(Verdict.TIMEOUT))
    cache.store("http://b/", Outcome(Verdict.BLOCKED, 429))
    cache.store("http://c/", Outcome(Verdict.DEAD, 503))
    cache.store("http://d/", Outcome(Verdict.DEAD, 404))
    cache.close()
    cache = LinkCache(cache_path, max_age=3600)
    assert set(cache.lookup(["http://a/", "http://b/", "http://c/", "http://d/"])) == {"http://d/"}
    cache.close()


def test_parse_age() -> None:
    assert parse_age("3600") == 3600 and parse_age("30m") == 1800
    assert parse_age("12h") == 43200 and parse_age("1d") == 86400
    with pytest.raises(ValueError):
        parse_age("soon")


def test_unchanged_list_is_not_parsed_again(
    tmp_path: Path, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    from awesomelint.cli import main
    from awesomelint.commands import links as cli

    page = tmp_path / "list.md"
    page.write_text(f"# A\n\n## B\n\n- [x]({server.route('/x')}) - y.\n", encoding="utf-8")
    args = ["links", "--allow-private", "--no-progress", "--cache", str(tmp_path / "c"), str(page)]
    assert main(args) == 0
    parsed: list[str] = []
    real_parse = cli._parse
    monkeypatch.setattr(cli, "_parse", lambda f, d: parsed.append(f) or real_parse(f, d))
    assert main(args) == 0
    assert parsed == []  # same bytes: links and anchors came from the cache
    page.write_text(page.read_text() + f"- [z]({server.url('/missing')}) - w.\n")
    assert main(args) == 1  # changed file: parsed again, new dead link found
    assert parsed == [str(page)]


# -- a broken cache is reported in one line, moved aside or bypassed, never fatal -------------


def _filled(path: Path, count: int = 2000) -> None:
    cache = LinkCache(path, max_age=3600)
    for i in range(count):
        cache.store(f"http://h.example/{i}", Outcome(Verdict.OK, 200))
    cache.close()


def _cli(tmp_path: Path, server: Server, cache: Path) -> int:
    from awesomelint.cli import main

    page = tmp_path / "list.md"
    urls = [server.route(f"/u{i}") for i in range(3)]
    page.write_text("# A\n\n" + "".join(f"- [u]({u}) - u.\n" for u in urls), encoding="utf-8")
    args = ["links", "--allow-private", "--no-progress", "--cache", str(cache), str(page)]
    return main(args)


def test_corrupted_cache_is_moved_aside_and_the_run_goes_on(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cache.sqlite3"
    _filled(path)
    data = bytearray(path.read_bytes())
    data[8192:] = bytes((i * 7919) % 251 for i in range(len(data) - 8192))  # pages 3.. garbage
    path.write_bytes(bytes(data))
    code = _cli(tmp_path, server, path)
    err = capsys.readouterr().err
    assert code == 0 and "Traceback" not in err
    warnings = [line for line in err.splitlines() if "cache" in line]
    assert len(warnings) == 1 and "malformed" in warnings[0] and "moved aside" in warnings[0]
    (aside,) = tmp_path.glob("cache.sqlite3.*.corrupt")
    assert aside.read_bytes() == bytes(data)  # kept, not deleted
    # the next run starts a fresh cache and uses it
    assert _cli(tmp_path, server, path) == 0
    assert _cli(tmp_path, server, path) == 0
    assert server.hits("/u0") == 3 - 1  # third run answered from the fresh cache
    assert "warning" not in capsys.readouterr().err


def test_a_file_that_is_not_a_database_is_bypassed_untouched(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"my notes, not a cache\n" * 100)
    code = _cli(tmp_path, server, path)
    err = capsys.readouterr().err
    assert code == 0 and "Traceback" not in err and "continuing without it" in err
    assert path.read_bytes() == b"my notes, not a cache\n" * 100
    assert list(tmp_path.glob("*.corrupt")) == []


def test_foreign_schema_is_bypassed_and_left_alone(tmp_path: Path, server: Server) -> None:
    for table in ("verdicts (url TEXT PRIMARY KEY, ok INTEGER)", "users (name TEXT)"):
        path = tmp_path / f"other{len(table)}.db"
        with sqlite3.connect(path) as db:
            db.execute(f"CREATE TABLE {table}")
        before = path.read_bytes()
        messages: list[str] = []
        cache = LinkCache(path, max_age=3600, warn=messages.append)
        report = run([server.route("/a")], cache=cache)
        cache.close()
        assert report.results[0].verdict is Verdict.OK
        assert len(messages) == 1 and "is not an awesomelint cache" in messages[0]
        assert path.read_bytes() == before  # no table added, journal mode unchanged


def test_read_only_cache_is_bypassed_without_a_traceback(tmp_path: Path, server: Server) -> None:
    path = tmp_path / "cache.sqlite3"
    _filled(path, 10)
    path.chmod(0o444)
    immutable = False
    if os.geteuid() == 0:  # root writes through 0444: make the file immutable instead
        immutable = subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0
        if not immutable:
            pytest.skip("running as root without chattr: cannot make a read-only file")
    try:
        messages: list[str] = []
        cache = LinkCache(path, max_age=3600, warn=messages.append)
        urls = [server.route(f"/r{i}") for i in range(250)]  # more than one flush
        report = run(urls, cache=cache)
        cache.close()
        cache.close()
        assert {r.verdict for r in report.results} == {Verdict.OK}
        assert len(messages) == 1 and "read-only" in messages[0]
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(0o644)


def test_lock_held_by_another_run_is_bypassed_mid_run(tmp_path: Path, server: Server) -> None:
    path = tmp_path / "cache.sqlite3"
    _filled(path, 10)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another run, holding the write lock for good
    try:
        messages: list[str] = []
        cache = LinkCache(path, max_age=3600, lock_timeout=0.2, warn=messages.append)
        urls = [server.route(f"/l{i}") for i in range(250)]  # the flush at 200 meets the lock
        report = run(urls, cache=cache)
        cache.close()  # in a finally in the CLI: must not raise
        assert {r.verdict for r in report.results} == {Verdict.OK}
        assert len(messages) == 1 and "locked by another process" in messages[0]
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_cache_file_meta_also_writes_to_stays_usable(tmp_path: Path) -> None:
    from awesomelint.meta.cache import MetaCache

    path = tmp_path / "shared.sqlite3"
    MetaCache(path, 3600).close()  # meta keeps its records in the link checker's file
    problems: list[str] = []
    cache = LinkCache(path, max_age=3600, warn=problems.append)
    cache.store("http://a.example/", Outcome(Verdict.OK, 200))
    found = cache.lookup(["http://a.example/"])
    cache.close()
    assert problems == [] and set(found) == {"http://a.example/"}
