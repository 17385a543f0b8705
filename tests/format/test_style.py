"""House-style detection on snippets cut from real lists (each source named)."""

from __future__ import annotations

from awesomelint.parse import parse_text
from awesomelint.style import HouseStyle, detect, entry_line


def _style(text: str) -> HouseStyle:
    return detect(parse_text(text, "t.md"), text.split("\n"))


def _repeat(line: str, n: int = 6) -> str:
    return "\n".join(line.replace("N", str(i)) for i in range(n))


def test_entry_line_cuts_and_rebuilds_the_line() -> None:
    for line in [
        "- [a](https://a.org) - b",
        "  * **[SoK](https://arxiv.org/abs/2410.13901)** ![LLM](https://img.shields.io/x)",
        "12. [Title][9]: text",
        "- [ ] [Task](https://x.org)",
        "* [name](url) [[crate](https://crates.io/x)] - desc",
    ]:
        cut = entry_line(line)
        assert cut is not None and cut.text() == line
    assert entry_line("Not an item") is None
    cut = entry_line("- [a `]`](u) - b")
    assert cut is not None and cut.head == ""  # code spans: never cut through them


def test_separator_and_bullet_of_opm06() -> None:
    # opm06/awesome-mech-interp (README.md): "- [Title](url). Description."
    text = "# T\n\n## A\n\n" + _repeat(
        "- [Transcoders N](https://arxiv.org/abs/2406.1194N). Uses it."
    )
    style = _style(text + "\n")
    assert style.separator == ". " and style.bullet("") == "-" and style.links == "inline"


def test_colon_separator_of_jekyll_and_em_dash_of_analysis_tools() -> None:
    # jekyll/jekyll (docs/pages/resources.md): "- [Name](url): Desc"
    assert _style("# T\n\n" + _repeat("- [Site N](https://a.org/N): Desc") + "\n").separator == ": "
    # analysis-tools-dev/static-analysis (README.md): blank lines between, " — "
    loose = "\n\n".join(f"- [squawk{i}](https://squawkhq.com/{i}) — Linter." for i in range(6))
    style = _style("# T\n\n## SQL\n\n" + loose + "\n")
    assert style.separator == " \u2014 " and style.blank_between is True


def test_numbering_headings_and_no_rule_when_mixed() -> None:
    # ValueCompass/Alignment-Goal-Survey (README.md): counting numbered entries
    counting = "\n".join(
        f"{i}. **Title {i}**. *Authors.* [[Paper](https://a.org/{i})]" for i in range(1, 7)
    )
    style = _style("Survey\n======\n\n## Papers ##\n\n" + counting + "\n")
    assert style.numbering == "count"
    assert style.heading == "closed-atx"
    half = "\n".join(
        f"- [x{i}](https://a.org/{i})" + (" - d" if i % 2 else ": d") for i in range(8)
    )
    assert _style("# T\n\n" + half + "\n").separator is None  # no clear majority: no rule


def test_each_nested_run_is_read_once() -> None:
    # a chain of 20 nested items (issue 13, finding 19's deep lists): every ancestor used to
    # walk the runs below it again, 2^20 runs and a fmt that never ended
    from awesomelint.style import item_runs

    depth = 20
    text = "# T\n\n## A\n\n" + "".join(
        f"{'  ' * i}- [l{i}](https://x.org/{i})\n" for i in range(depth)
    )
    runs = list(item_runs(parse_text(text, "t.md")))
    assert [run[0].url for run in runs] == [f"https://x.org/{i}" for i in range(depth)]
