"""The merged list is the maintainer's too: hand edits and decisions survive re-runs.

Runs the README's main command (``merge --config lists/merge.toml``) on a copy of
``lists/``, edits the output as a maintainer would, changes an upstream list, runs again.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.parse import parse_file
from tests_support import ROOT

OUT = Path("lists/awesome-llm-interpretability.md")
REPORT = Path("lists/merge-report.json")
JSHOLLAJ = Path("lists/upstream/jshollaj-awesome-llm-interpretability.md")
ARGS = ["merge", "--config", "lists/merge.toml"]


@pytest.fixture
def lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "lists", tmp_path / "lists")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _sections_of(title: str) -> list[tuple[str, ...]]:
    from awesomelint.merge.edits import output_entries

    return [path for entry, path in output_entries(parse_file(str(OUT))) if entry.title == title]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_hand_edits_survive_a_rerun_and_upstream_changes_still_arrive(lists: Path) -> None:
    # typo fixed, entry deleted, entry added, entry moved (Codebase -> Library)
    _replace(
        OUT,
        "- [baukit](https://github.com/davidbau/baukit)",
        "- [BauKit](https://github.com/davidbau/baukit)",
    )
    _replace(
        OUT,
        "- [pyreft](https://github.com/stanfordnlp/pyreft)\n"
        "  - A Powerful, Parameter-Efficient, and Interpretable way of fine-tuning\n",
        "",
    )
    _replace(
        OUT,
        "### Codebase\n\n- [mamba interpretability](https://github.com/Phylliida/mamba_interp)\n",
        "### Codebase\n\n- [My new tool](https://example.org/new-tool) - Added by hand.\n",
    )
    _replace(
        OUT,
        "- [ViT-Prisma]",
        "- [mamba interpretability](https://github.com/Phylliida/mamba_interp)\n- [ViT-Prisma]",
    )
    # upstream adds an entry
    _replace(
        JSHOLLAJ,
        "1. [Comgra]",
        "1. [NewLib](https://github.com/example/newlib) - A new library.\n1. [Comgra]",
    )

    assert main(ARGS) == 0
    text = OUT.read_text()
    assert "[BauKit](https://github.com/davidbau/baukit)" in text and "[baukit]" not in text
    assert "- [pyreft](https://github.com/stanfordnlp/pyreft)" not in text
    assert _sections_of("My new tool") == [("Code", "Codebase")]
    assert _sections_of("mamba interpretability") == [("Code", "Library")]
    assert _sections_of("NewLib") == [("Code", "Library")]
    report = json.loads(REPORT.read_text())
    assert [d["title"] for d in report["hand_dropped"]] == ["pyreft"]
    deleted = [x for x in report["left_out"] if x["reason"] == "deleted by hand"]
    assert deleted and "https://github.com/stanfordnlp/pyreft" in deleted[0]["links"]

    before = (OUT.read_bytes(), REPORT.read_bytes())
    assert main(ARGS) == 0  # a second run changes nothing
    assert (OUT.read_bytes(), REPORT.read_bytes()) == before


def test_an_upstream_change_to_a_hand_edited_field_loses_to_the_hand_edit(
    lists: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _replace(OUT, "- [Comgra](", "- [Comgra, the debugger](")
    assert main(ARGS) == 0
    _replace(JSHOLLAJ, "1. [Comgra](", "1. [Comgra v2](")
    assert main(ARGS) == 0
    assert "[Comgra, the debugger](" in OUT.read_text()
    assert "upstream changed it to 'Comgra v2'; the hand edit stays" in capsys.readouterr().err


def _conflict_and_merge_ids() -> tuple[list[str], list[str]]:
    report = json.loads(REPORT.read_text())
    return report


def test_decisions_same_and_different_are_obeyed_and_ids_are_stable(lists: Path) -> None:
    config = Path("lists/merge.toml")
    # keep only the taxonomy part of the committed merge file: no decisions
    text = config.read_text()
    config.write_text(text[: text.index("[[decisions]]")])
    OUT.unlink()
    REPORT.unlink()
    assert main(ARGS) == 0
    report = json.loads(REPORT.read_text())
    conflict = next(c for c in report["conflicts"] if "2310.01405" in c["url"])
    merge = next(m for m in report["merges"] if m["reason"] == "same-title")
    same = [e["id"] for e in conflict["entries"]]
    different = [merge["into"]["id"], merge["from"]["id"]]
    ids_before = {e["id"] for e in report["entries"]}

    # an unrelated entry upstream changes no id
    _replace(
        JSHOLLAJ,
        "1. [Comgra]",
        "1. [NewLib](https://github.com/example/newlib) - A new library.\n1. [Comgra]",
    )
    OUT.unlink()
    REPORT.unlink()
    assert main(ARGS) == 0
    report = json.loads(REPORT.read_text())
    assert ids_before <= {e["id"] for e in report["entries"]}

    with config.open("a") as f:
        f.write(f"\n[[decisions]]\nsame = {json.dumps(same)}\n")
        f.write(f"\n[[decisions]]\ndifferent = {json.dumps(different)}\n")
    assert main(ARGS) == 0
    report = json.loads(REPORT.read_text())
    holders = [e for e in report["entries"] if {s["id"] for s in e["sources"]} & set(same)]
    assert len(holders) == 1 and {s["id"] for s in holders[0]["sources"]} >= set(same)
    apart = [e for e in report["entries"] if {s["id"] for s in e["sources"]} & set(different)]
    assert len(apart) == 2
    assert next(c for c in report["conflicts"] if "2310.01405" in c["url"])["resolved"] == "same"


def test_review_prints_pasteable_decisions(lists: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import tomllib

    config = Path("lists/merge.toml")
    text = config.read_text()
    config.write_text(text[: text.index("[[decisions]]")])
    capsys.readouterr()
    assert main([*ARGS, "--review"]) == 0
    review = capsys.readouterr().out
    assert "2310.01405" in review
    # uncommented, every suggested decision is valid TOML for the merge file
    uncommented = "\n".join(
        line[2:] for line in review.splitlines() if line.startswith(("# [[", "# same", "# diff"))
    )
    assert tomllib.loads(uncommented)["decisions"]
