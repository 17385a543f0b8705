"""The SQLite verdict cache: hits, misses, expiry, what is stored, interruption."""

from __future__ import annotations

import sqlite3
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
    # with fragments checked (the default) a page is fetched for its ids, which are not cached
    run([url + "#a"], cache=cache, check_fragments=False)
    report = run([url + "#b", url], cache=cache, check_fragments=False)
    cache.close()
    assert all(r.cached for r in report.results) and server.hits("/page") == 1


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
