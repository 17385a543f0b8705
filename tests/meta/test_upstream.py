"""Acceptance on the four upstream lists, with the fakes knowing the ids' real titles.

One arXiv id, 2310.11207, stands under four titles in jshollaj's list; only
"Can Large Language Models Explain Themselves?" is that paper.  2310.01405
(Representation Engineering) is listed by cooperleong00 under the title of
its OpenReview submission, which the entry links too.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from awesomelint.cli import main

from .conftest import findings
from .fakes import FakeApis, Fakes, Paper
from .upstream_titles import ELSEWHERE, TITLES

UPSTREAM = Path(__file__).resolve().parents[2] / "lists" / "upstream"
JSHOLLAJ = "jshollaj-awesome-llm-interpretability.md"
COOPER = "cooperleong00-awesome-llm-interpretability.md"


def _load(fakes: Fakes) -> None:
    for key, title in {**TITLES, **ELSEWHERE}.items():
        kind, _, ident = key.partition(":")
        if kind == "arxiv":
            if key in TITLES:
                fakes.arxiv[ident] = Paper(title)
            fakes.s2[f"ARXIV:{ident}"] = {
                "paperId": f"s2-{ident}",
                "title": title,
                "externalIds": {"ArXiv": ident},
                "venue": "",
                "year": 2023,
                "authors": [{"authorId": "1", "name": "A. Author"}],
            }
        elif kind == "openreview":
            fakes.openreview[ident] = {"title": title, "venue": "Submitted to ICLR 2024"}


@pytest.fixture
def lists(tmp_path: Path, fakes: Fakes, apis: FakeApis) -> Path:
    _load(fakes)
    folder = tmp_path / "upstream"
    shutil.copytree(UPSTREAM, folder)
    apis.write_config(
        folder,
        providers=["arxiv", "openreview", "semanticscholar"],
        cache=str(tmp_path / "cache.sqlite3"),
    )
    return folder


def _meta(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    files = sorted(str(p) for p in folder.glob("*.md"))
    code = main(["meta", *files, "--allow-private", "--format", "json"])
    return code, capsys.readouterr().out


def test_meta_reports_the_three_wrong_2310_11207_entries_and_the_renamed_repe(
    lists: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _meta(lists, capsys)
    assert code == 1
    found = findings(out)
    wrong = sorted(
        (Path(str(f["file"])).name, f["line"])
        for f in found
        if f["rule"] == "wrong-paper" and f["key"] == "arxiv:2310.11207"
    )
    assert wrong == [(JSHOLLAJ, 75), (JSHOLLAJ, 84), (JSHOLLAJ, 85)]  # not line 82
    pythia = next(f for f in found if f["rule"] == "wrong-paper" and f["line"] == 75)
    assert "arxiv:2304.01373" in str(pythia["message"])  # the title search's answer
    assert pythia["fix"]["new"] == "https://arxiv.org/abs/2304.01373"
    repe = [f for f in found if f["key"] == "arxiv:2310.01405"]
    assert [(Path(str(f["file"])).name, f["line"], f["rule"]) for f in repe] == [
        (COOPER, 94, "title-drift")
    ]
    assert "review" in str(repe[0]["message"])
    assert fakes.count("arxiv") == 2  # 172 ids in batches of 100


def test_warm_cache_sends_nothing(
    lists: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _meta(lists, capsys)
    sent = fakes.count()
    assert sent > 0
    second = _meta(lists, capsys)
    assert fakes.count() == sent  # 0 requests on the warm run
    assert findings(second[1]) == findings(first[1])
    assert json.loads(second[1])["summary"]["requests"] == 0


def test_merge_metadata_merges_repe_and_keeps_the_look_alikes_apart(
    lists: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted(str(p) for p in lists.glob("*.md"))
    out, report = tmp_path / "merged.md", tmp_path / "report.json"
    code = main(
        ["merge", *files, "-o", str(out), "--report", str(report), "--metadata", "--allow-private"]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    data = json.loads(report.read_text(encoding="utf-8"))

    def holding(name: str, line: int) -> dict:
        return next(
            e
            for e in data["entries"]
            if any(Path(s["file"]).name == name and s["line"] == line for s in e["sources"])
        )

    repe = holding(COOPER, 94)
    assert {(Path(s["file"]).name, s["line"]) for s in repe["sources"]} >= {
        (COOPER, 94),
        (JSHOLLAJ, 89),
    }
    lines = {75, 82, 84, 85}
    entries = {line: holding(JSHOLLAJ, line)["title"] for line in lines}
    assert len(set(entries.values())) == 4  # four entries, none merged into another
    wrong = [c for c in data["conflicts"] if c["reason"].startswith("wrong-link")]
    reported = sorted(s["line"] for c in wrong for s in c["entries"])
    assert reported == [75, 84, 85]
    assert all("Can Large Language Models Explain Themselves" in c["reason"] for c in wrong)
    assert "wrong links (by metadata): 3" in err


def test_merge_metadata_uses_the_warm_cache(
    lists: Path, fakes: Fakes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _meta(lists, capsys)  # warms the cache with every id of the lists
    sent = fakes.count()
    files = sorted(str(p) for p in lists.glob("*.md"))
    code = main(["merge", *files, "-o", str(tmp_path / "m.md"), "--metadata", "--allow-private"])
    assert code == 0
    assert "wrong links (by metadata): 3" in capsys.readouterr().err
    assert fakes.count() == sent  # decided from the cache alone


def test_merge_without_metadata_keeps_repe_apart(
    lists: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted(str(p) for p in lists.glob("*.md"))
    report = tmp_path / "report.json"
    assert main(["merge", *files, "-o", str(tmp_path / "m.md"), "--report", str(report)]) == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    repe = next(
        e
        for e in data["entries"]
        if any(Path(s["file"]).name == COOPER and s["line"] == 94 for s in e["sources"])
    )
    assert len(repe["sources"]) == 1  # the control: metadata is what merges it
