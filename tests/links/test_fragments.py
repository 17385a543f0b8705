"""#fragments: same-file anchors against GitHub heading slugs, remote ones against page ids."""

from __future__ import annotations

from awesomelint.anchors import file_anchors
from awesomelint.links.fragments import has_fragment, page_anchors
from awesomelint.links.model import Verdict
from awesomelint.parse import parse_text

from .conftest import Ref, run
from .server import Server

PAGE = b"""<html><body><h2 id="install">Install</h2><a name="legacy"></a>
<div id="user-content-usage">Usage</div><p>text</p></body></html>"""


def _anchors(text: str) -> frozenset[str]:
    return file_anchors(parse_text(text, "list.md"), text)


def test_same_file_anchors_use_github_slugs() -> None:
    text = "# Awesome Things\n\n## Tools & Libraries\n\n## Tools\n"
    anchors = {"list.md": _anchors(text)}
    refs = ["#tools--libraries", "#tools", "#awesome-things", "#missing", "#"]
    report = run(refs, anchors=anchors)
    verdicts = {r.url: r.verdict for r in report.results}
    assert verdicts == {
        "#tools--libraries": Verdict.OK,
        "#tools": Verdict.OK,
        "#awesome-things": Verdict.OK,
        "#missing": Verdict.DEAD,
        "#": Verdict.OK,
    }
    assert report.requests == 0


def test_same_anchor_in_two_files_is_two_results() -> None:
    import asyncio

    from awesomelint.links.engine import check

    from .conftest import FAST

    anchors = {"a.md": frozenset({"x"}), "b.md": frozenset({"y"})}
    refs = [Ref("#x", "a.md"), Ref("#x", "b.md")]
    report = asyncio.run(check(refs, FAST, anchors=anchors))
    assert [(r.file, r.verdict) for r in report.results] == [
        ("a.md", Verdict.OK),
        ("b.md", Verdict.DEAD),
    ]


def test_explicit_html_anchors_in_the_list_count() -> None:
    anchors = _anchors('# Intro\n\ntext <a name="old-name"></a> more <span id="x1">\n')
    assert {"intro", "old-name", "x1"} <= anchors


def test_remote_fragments_checked_by_default(server: Server) -> None:
    url = server.route("/doc", body=PAGE, content_type="text/html; charset=utf-8")
    urls = [url + "#install", url + "#legacy", url + "#usage", url + "#nowhere"]
    report = run(urls)
    assert [r.verdict for r in report.results] == [
        Verdict.OK,
        Verdict.OK,
        Verdict.OK,
        Verdict.FRAGMENT_MISSING,
    ]
    assert report.results[3].detail == "missing fragment #nowhere"
    assert server.hits("/doc") == 1  # one GET serves all fragments


def test_remote_fragments_not_checked_when_turned_off(server: Server) -> None:
    url = server.route("/doc", body=PAGE, content_type="text/html")
    assert run([url + "#nowhere"], check_fragments=False).results[0].verdict is Verdict.OK
    assert server.hits("/doc", "GET") == 0


def test_page_anchors_and_github_line_anchors() -> None:
    anchors = page_anchors(PAGE.decode())
    assert {"install", "legacy", "user-content-usage"} <= anchors
    assert has_fragment("L10-L20", frozenset(), "github.com")
    assert not has_fragment("L10", frozenset(), "example.org")
    assert has_fragment("Install", anchors)  # case-insensitive like GitHub
    assert has_fragment("caf%C3%A9", frozenset({"café"}))
