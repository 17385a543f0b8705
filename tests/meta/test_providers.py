"""Each provider against its fake: batching, pagination, rate limits, outages, bad answers."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from .conftest import findings
from .fakes import FakeApis, Fakes, Paper, Repo

RIGHT = "Can Large Language Models Explain Themselves? A Study of LLM-Generated Self-Explanations"


def _arxiv_list(count: int) -> str:
    lines = ["# Papers", ""]
    lines += [f"- [Paper number {n}](https://arxiv.org/abs/2401.{n:05d})" for n in range(count)]
    return "\n".join(lines) + "\n"


def _load_arxiv(fakes: Fakes, count: int) -> None:
    for n in range(count):
        fakes.arxiv[f"2401.{n:05d}"] = Paper(f"Paper number {n}")


def test_arxiv_batches_ids_by_the_hundred(meta, fakes: Fakes) -> None:
    _load_arxiv(fakes, 250)
    code, out, _ = meta(_arxiv_list(250), "--format", "json", "--provider", "arxiv")
    assert code == 0, out
    assert fakes.ids_per_request("arxiv") == [100, 100, 50]
    assert json.loads(out)["summary"]["requests"] == 3


def test_arxiv_pages_when_the_server_caps_results(meta, fakes: Fakes) -> None:
    _load_arxiv(fakes, 7)
    fakes.page_cap["arxiv"] = 3  # the feed says totalResults 7 but gives 3 a page
    code, out, _ = meta(_arxiv_list(7), "--format", "json", "--provider", "arxiv")
    assert code == 0
    assert fakes.count("arxiv") == 3
    assert len(json.loads(out)["entries"][6]["metadata"]) == 1  # the last page was read


def test_unknown_arxiv_id_is_no_finding(meta, fakes: Fakes) -> None:
    code, out, _ = meta(_arxiv_list(1), "--format", "json", "--provider", "arxiv")
    assert code == 0
    assert findings(out) == []


def test_retry_after_is_honoured_then_the_answer_counts(meta, fakes: Fakes) -> None:
    _load_arxiv(fakes, 1)
    fakes.script["arxiv"] = [(429, {"retry-after": "1"}, b"Rate exceeded.")]
    code, out, _ = meta(_arxiv_list(1), "--format", "json", "--provider", "arxiv")
    assert code == 0
    times = [s.at for s in fakes.seen]
    assert len(times) == 2 and times[1] - times[0] >= 0.95
    assert json.loads(out)["outages"] == []


def test_interval_spaces_requests(meta, fakes: Fakes, apis: FakeApis, tmp_path: Path) -> None:
    _load_arxiv(fakes, 300)
    apis.write_config(tmp_path, intervals={"arxiv": 0.3})
    code, _, _ = meta(_arxiv_list(300), "--provider", "arxiv")
    assert code == 0
    times = [s.at for s in fakes.seen]
    assert len(times) == 3
    # 0.3 s apart when sent; arrival can shift a little under load, but not to ~0
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.2


def test_provider_down_is_reported_once(meta, fakes: Fakes, apis: FakeApis, tmp_path) -> None:
    text = _arxiv_list(84)
    dead = "http://127.0.0.1:9/api"  # nothing listens on the discard port
    config = (tmp_path / ".awesomelint.toml").read_text().replace(apis.roots()["arxiv"], dead)
    (tmp_path / ".awesomelint.toml").write_text(config)
    code, out, err = meta(text, "--provider", "arxiv")
    assert code == 0  # not 84 findings
    assert "arXiv API unreachable" in out and "84 entries unchecked" in out
    assert out.count("unreachable") == 1
    assert err.count("unreachable") == 1
    code, _, _ = meta(text, "--provider", "arxiv", "--strict")
    assert code == 2


def test_server_errors_make_the_provider_down(meta, fakes: Fakes) -> None:
    fakes.script["arxiv"] = [(503, {}, b"")] * 3
    code, out, _ = meta(_arxiv_list(2), "--provider", "arxiv", "--strict")
    assert code == 2
    assert "arXiv API" in out and "2 entries unchecked" in out
    assert fakes.count("arxiv") == 3  # the first try and two retries, then stop


@pytest.mark.parametrize(
    "body, headers",
    [
        (b"<feed><entry>", {}),  # truncated XML
        (b"Rate exceeded.", {}),  # arXiv's plain-text throttle answer
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', {}),
        (b"<html>oops</html>", {"content-length": "5000"}),  # cut off mid-body
    ],
)
def test_malformed_answer_is_a_clear_error_and_not_cached(
    meta, fakes: Fakes, tmp_path: Path, body: bytes, headers: dict[str, str]
) -> None:
    _load_arxiv(fakes, 2)
    fakes.script["arxiv"] = [(200, {"content-type": "application/atom+xml", **headers}, body)] * 3
    code, out, _ = meta(_arxiv_list(2), "--provider", "arxiv", "--strict")
    assert code == 2
    line = next(x for x in out.splitlines() if "arXiv API" in x)
    assert "2 entries unchecked" in line
    rows = sqlite3.connect(tmp_path / "cache.sqlite3").execute("SELECT count(*) FROM meta_records")
    assert rows.fetchone()[0] == 0
    fakes.script.clear()
    code, out, _ = meta(_arxiv_list(2), "--provider", "arxiv", "--format", "json")
    assert code == 0 and json.loads(out)["outages"] == []  # the next run asks again


def test_arxiv_error_entry_is_reported(meta, fakes: Fakes) -> None:
    feed = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" '
        'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">'
        "<opensearch:totalResults>1</opensearch:totalResults>"
        "<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>"
        "<title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>"
    )
    fakes.script["arxiv"] = [(200, {"content-type": "application/atom+xml"}, feed.encode())]
    code, out, _ = meta(_arxiv_list(1), "--provider", "arxiv")
    assert "incorrect id format" in out


def test_interrupted_run_keeps_finished_batches(meta, fakes: Fakes, tmp_path: Path) -> None:
    _load_arxiv(fakes, 150)
    fakes.script["arxiv"] = [(200, {}, b"")]  # the first batch is lost ...
    meta(_arxiv_list(150), "--provider", "arxiv", "--config", str(tmp_path / ".awesomelint.toml"))
    db = sqlite3.connect(tmp_path / "cache.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = db.execute("SELECT count(*) FROM meta_records").fetchone()[0]
    assert stored in (0, 50)  # whole batches or nothing, never half a batch
    before = fakes.count()
    code, out, _ = meta(_arxiv_list(150), "--provider", "arxiv", "--format", "json")
    assert code == 0
    assert sum(fakes.ids_per_request("arxiv")[before:]) == 150 - stored


def test_openreview_batches_and_withdrawn(meta, fakes: Fakes) -> None:
    fakes.openreview["aaaaaaaaaa"] = {
        "title": "A Withdrawn Paper About Things",
        "venue": "ICLR 2024 Conference Withdrawn Submission",
        "venueid": "ICLR.cc/2024/Conference/Withdrawn_Submission",
    }
    fakes.openreview["bbbbbbbbbb"] = {
        "title": "An Accepted Paper About Things",
        "venue": "ICLR 2024 poster",
        "venueid": "ICLR.cc/2024/Conference",
    }
    fakes.page_cap["openreview"] = 1
    text = (
        "- [A Withdrawn Paper About Things](https://openreview.net/forum?id=aaaaaaaaaa)\n"
        "- [An Accepted Paper About Things](https://openreview.net/forum?id=bbbbbbbbbb)\n"
    )
    code, out, _ = meta(text, "--format", "json", "--provider", "openreview")
    rules = [(f["rule"], f["line"]) for f in findings(out)]
    assert rules == [("withdrawn", 1), ("published", 2)]
    assert code == 1
    assert fakes.ids_per_request("openreview") == [2, 2]  # paged: one note a page


def test_crossref_doi_and_acl(meta, fakes: Fakes) -> None:
    fakes.crossref["10.1145/3639372"] = {
        "title": ["Explainability for Large Language Models: A Survey"],
        "container-title": ["ACM Transactions on Intelligent Systems and Technology"],
        "issued": {"date-parts": [[2024, 2, 22]]},
    }
    fakes.crossref["10.18653/v1/2023.acl-long.893"] = {"title": ["Another Paper Entirely"]}
    text = (
        "- [Explainability for Large Language Models: A Survey](https://doi.org/10.1145/3639372)\n"
        "- [Dissecting Recall of Factual Associations](https://aclanthology.org/2023.acl-long.893)\n"
    )
    code, out, _ = meta(text, "--format", "json", "--provider", "crossref")
    assert [(f["rule"], f["line"]) for f in findings(out)] == [("wrong-paper", 2)]
    assert fakes.ids_per_request("crossref") == [2]


def test_semantic_scholar_batch_gives_venues(meta, fakes: Fakes) -> None:
    fakes.arxiv["2310.11207"] = Paper(RIGHT)
    fakes.s2["ARXIV:2310.11207"] = {
        "paperId": "x",
        "title": RIGHT,
        "venue": "Conference on Empirical Methods in Natural Language Processing",
        "year": 2023,
        "externalIds": {"ArXiv": "2310.11207"},
    }
    text = (
        "- [Can Large Language Models Explain Themselves?](https://arxiv.org/abs/2310.11207)\n"
        "- **Can Large Language Models Explain Themselves?** "
        "[[EMNLP 2023]](https://arxiv.org/abs/2310.11207)\n"
    )
    code, out, _ = meta(text, "--format", "json")
    assert [(f["rule"], f["line"]) for f in findings(out)] == [("published", 1)]
    assert code == 0  # info only
    assert fakes.ids_per_request("s2") == [1]


def _repos(fakes: Fakes) -> str:
    fakes.repos["treeverse/dvc"] = Repo("treeverse/dvc", id=1)
    fakes.renamed["iterative/dvc"] = "treeverse/dvc"
    fakes.repos["old/archived"] = Repo("old/archived", archived=True, id=2)
    fakes.repos["quiet/stale"] = Repo("quiet/stale", pushed_at="2019-01-01T00:00:00Z", id=3)
    fakes.repos["fine/repo"] = Repo("fine/repo", id=4)
    return (
        "# Tools\n\n"
        "- [DVC](https://github.com/iterative/dvc) - Data version control.\n"
        "- [Archived](https://github.com/old/archived) - Read only.\n"
        "- [Gone](https://github.com/gone/away) - Deleted.\n"
        "- [Stale](https://github.com/quiet/stale) - Untouched.\n"
        "- [Fine](https://github.com/fine/repo) - Fine.\n"
    )


EXPECTED_REPOS = [
    ("repo-moved", 3),
    ("repo-archived", 4),
    ("repo-missing", 5),
    ("repo-stale", 6),
]


def test_github_rest_follows_the_rename_redirect(meta, fakes: Fakes) -> None:
    code, out, _ = meta(_repos(fakes), "--format", "json", "--provider", "github")
    assert [(f["rule"], f["line"]) for f in findings(out)] == EXPECTED_REPOS
    assert code == 1
    assert any(s.path == "/repositories/1" for s in fakes.seen)  # the 301 was followed
    assert fakes.ids_per_request("github") == [1] * 6


def test_github_graphql_with_a_token(meta, fakes: Fakes, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", "t0ken")
    code, out, _ = meta(_repos(fakes), "--format", "json", "--provider", "github")
    assert [(f["rule"], f["line"]) for f in findings(out)] == EXPECTED_REPOS
    assert fakes.ids_per_request("github") == [5]  # one query for all repositories
    entries = json.loads(out)["entries"]
    assert entries[0]["metadata"][0]["stars"] == 10  # enrichment for --format json


def test_github_rest_rate_limit_is_one_outage(meta, fakes: Fakes) -> None:
    fakes.script["github"] = [(403, {"x-ratelimit-remaining": "0"}, b'{"message": "rate"}')]
    code, out, _ = meta(_repos(fakes), "--provider", "github", "--strict")
    assert code == 2
    assert "GitHub API failed: rate limit exhausted" in out
    # the five repositories and one redirect make six requests; the failure stops them
    # (what was already in flight still arrives: two workers, timing-dependent)
    assert fakes.count("github") < 6
    assert out.count("rate limit exhausted") == 1


def test_private_api_root_is_refused_without_allow_private(
    apis: FakeApis, tmp_path: Path, capsys
) -> None:
    from awesomelint.cli import main

    apis.write_config(tmp_path)
    (tmp_path / "l.md").write_text("- [X Y Z](https://arxiv.org/abs/2401.00001)\n")
    code = main(
        [
            "meta",
            str(tmp_path / "l.md"),
            "--config",
            str(tmp_path / ".awesomelint.toml"),
            "--no-cache",
            "--strict",
            "--provider",
            "arxiv",
        ]
    )
    out = capsys.readouterr().out
    assert code == 2
    assert "non-public address" in out and "--allow-private" in out
    assert apis.fakes.count() == 0


def test_huge_response_is_cut_and_reported(meta, fakes: Fakes, monkeypatch) -> None:
    monkeypatch.setattr("awesomelint.meta.http.BODY_CAP", 4096)
    _load_arxiv(fakes, 100)  # a feed of 100 entries is far above 4 kB
    code, out, _ = meta(_arxiv_list(100), "--provider", "arxiv", "--strict")
    assert code == 2
    assert "larger than 4,096 bytes" in out
    assert fakes.count("arxiv") == 1  # not retried


def test_a_provider_that_never_answers_times_out(
    meta, fakes: Fakes, apis: FakeApis, tmp_path: Path
) -> None:
    _load_arxiv(fakes, 1)
    fakes.latencies["arxiv"] = 2.0
    apis.write_config(tmp_path, timeout=0.3, retries=0)
    code, out, _ = meta(_arxiv_list(1), "--provider", "arxiv", "--strict")
    assert code == 2
    assert "arXiv API unreachable (no answer within 0.3s); 1 entry unchecked" in out


def test_crossref_pages_with_offset(meta, fakes: Fakes) -> None:
    lines = []
    for n in range(5):
        fakes.crossref[f"10.1000/p{n}"] = {"title": [f"Journal paper {n} on probing"]}
        lines.append(f"- [Journal paper {n} on probing](https://doi.org/10.1000/p{n})")
    fakes.page_cap["crossref"] = 2
    code, out, _ = meta("\n".join(lines) + "\n", "--format", "json", "--provider", "crossref")
    assert code == 0 and findings(out) == []
    assert fakes.ids_per_request("crossref") == [5, 5, 5]  # offsets 0, 2, 4
    assert all(e["metadata"] for e in json.loads(out)["entries"])


def test_interrupted_run_leaves_a_consistent_cache(
    fakes: Fakes, apis: FakeApis, tmp_path: Path
) -> None:
    import signal
    import subprocess
    import sys
    import time

    _load_arxiv(fakes, 300)
    fakes.latencies["arxiv"] = 0.4
    config = apis.write_config(tmp_path, providers=["arxiv"])
    (tmp_path / "list.md").write_text(_arxiv_list(300), encoding="utf-8")
    cache = tmp_path / "cache.sqlite3"
    command = [sys.executable, "-m", "awesomelint", "meta", str(tmp_path / "list.md")]
    command += ["--allow-private", "--config", str(config), "--cache", str(cache)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while fakes.count("arxiv") < 2 and time.monotonic() < deadline:
        time.sleep(0.02)  # the first batch is answered, the second on its way
    time.sleep(0.1)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=30)
    assert child.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    db = sqlite3.connect(cache)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = db.execute("SELECT count(*) FROM meta_records").fetchone()[0]
    assert stored in (100, 200)  # whole batches
    db.close()
    before = fakes.count("arxiv")
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert sum(fakes.ids_per_request("arxiv")[before:]) == 300 - stored  # only the rest


def test_withdrawn_arxiv_paper(meta, fakes: Fakes) -> None:
    fakes.arxiv["2401.00000"] = Paper(
        "Paper number 0", comment="This paper has been withdrawn by the authors"
    )
    fakes.arxiv["2401.00001"] = Paper("Paper number 1", comment="12 pages, 3 figures")
    code, out, _ = meta(_arxiv_list(2), "--format", "json", "--provider", "arxiv")
    assert [(f["rule"], f["line"]) for f in findings(out)] == [("withdrawn", 3)]
    assert code == 1


def test_arxiv_journal_ref_means_published(meta, fakes: Fakes) -> None:
    fakes.arxiv["2401.00000"] = Paper("Paper number 0", journal_ref="Nature 601, 2022")
    code, out, _ = meta(_arxiv_list(1), "--format", "json", "--provider", "arxiv")
    published = findings(out)
    assert [(f["rule"], f["level"]) for f in published] == [("published", "info")]
    assert "Nature 601, 2022" in str(published[0]["message"])
    assert code == 0


def test_an_earlier_title_known_to_semantic_scholar_is_a_rename(meta, fakes: Fakes) -> None:
    # cooperleong00 lists 2312.12141 as "Exploring the Residual Stream of Transformers"
    new = (
        "Locating Factual Knowledge in Large Language Models: Exploring the Residual Stream"
        " and Analyzing Subvalues in Vocabulary Space"
    )
    fakes.arxiv["2312.12141"] = Paper(new)
    fakes.s2["ARXIV:2312.12141"] = {
        "paperId": "r",
        "title": "Exploring the Residual Stream of Transformers",
        "externalIds": {"ArXiv": "2312.12141"},
    }
    text = "- [Exploring the Residual Stream of Transformers](https://arxiv.org/abs/2312.12141)\n"
    code, out, _ = meta(text, "--format", "json")
    assert [(f["rule"], f["level"]) for f in findings(out)] == [("title-drift", "warning")]
    assert "earlier title" in str(findings(out)[0]["message"])
    del fakes.s2["ARXIV:2312.12141"]
    code, out, _ = meta(text, "--format", "json", "--no-cache")
    assert [f["rule"] for f in findings(out)] == ["wrong-paper"]  # nothing says it was renamed


@pytest.mark.parametrize(
    "body",
    [
        b'{"errors": [{"type": "RATE_LIMITED", "message": "API rate limit exceeded"}]}',
        b'{"data": {"r0": null}}',  # null without NOT_FOUND
        b'{"data": {"r0": {"nameWithOwner": "x"}}}',  # no owner/name, no archived flag
        b"[]",
    ],
)
def test_github_graphql_odd_answers_are_one_clear_outage(
    meta, fakes: Fakes, monkeypatch, body: bytes
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", "t0ken")
    fakes.script["github"] = [(200, {}, body)]
    text = "- [Fine](https://github.com/fine/repo) - Fine.\n"
    code, out, _ = meta(text, "--provider", "github", "--strict")
    assert code == 2
    line = next(x for x in out.splitlines() if x.startswith("GitHub API"))
    assert line.endswith("; 1 entry unchecked")
    assert "Traceback" not in out


def test_merge_metadata_with_a_provider_down_keeps_conflicts_undecided(
    fakes: Fakes, apis: FakeApis, tmp_path: Path, capsys
) -> None:
    from awesomelint.cli import main

    apis.write_config(tmp_path, providers=["arxiv"], cache=str(tmp_path / "c.sqlite3"))
    config = tmp_path / ".awesomelint.toml"
    config.write_text(config.read_text().replace(apis.roots()["arxiv"], "http://127.0.0.1:9"))
    (tmp_path / "a.md").write_text(
        "- [Pythia: A Suite for Analyzing Large Language Models](https://arxiv.org/abs/2310.11207)\n"
        "- [Can Large Language Models Explain Themselves?](https://arxiv.org/abs/2310.11207)\n",
        encoding="utf-8",
    )
    report = tmp_path / "r.json"
    code = main(
        ["merge", str(tmp_path / "a.md"), "-o", str(tmp_path / "m.md"), "--report", str(report)]
        + ["--metadata", "--allow-private"]
    )
    err = capsys.readouterr().err
    assert code == 0
    assert err.count("arXiv API") == 1 and "undecided" in err
    conflicts = json.loads(report.read_text())["conflicts"]
    assert [c["reason"] for c in conflicts] == ["different-titles"]
