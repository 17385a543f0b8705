"""Keep mode as properties: a list consistent with itself comes back byte for byte, and a
list with k deviant items changes in exactly those k lines, into the list's own style."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from awesomelint.commands.fmt import format_bytes
from awesomelint.format import FmtSettings
from awesomelint.guard import lost_links
from awesomelint.parse import parse_bytes
from awesomelint.style import SEPARATORS

KEEP = FmtSettings()
_WORDS = st.lists(
    st.sampled_from(["data", "fast", "tool", "for", "lists", "Go", "web", "café", "2023", "ok"]),
    min_size=1,
    max_size=5,
).map(" ".join)
_TITLE = st.builds(lambda a, b: f"{a.capitalize()} {b}", _WORDS, _WORDS)
_DESCRIPTION = st.builds(lambda a: f"{a.capitalize()} thing.", _WORDS)


@dataclass(frozen=True)
class Style:
    marker: str  # "-", "*", "+", "one" (all 1.), "count"
    separator: str
    markup: str  # plain, bold, bold-inside
    reference: bool
    loose: bool
    heading: str  # atx, closed-atx, setext
    toc: bool
    table: bool
    nested: str  # "" (none) or the child indent


_STYLES = st.builds(
    Style,
    marker=st.sampled_from(["-", "*", "+", "one", "count"]),
    separator=st.sampled_from([s for s in SEPARATORS if s != " "]),
    markup=st.sampled_from(["plain", "bold", "bold-inside"]),
    reference=st.booleans(),
    loose=st.booleans(),
    heading=st.sampled_from(["atx", "closed-atx", "setext"]),
    toc=st.booleans(),
    table=st.booleans(),
    nested=st.sampled_from(["", "  ", "    "]),
)


def _heading(text: str, level: int, style: Style) -> str:
    if style.heading == "setext" and level <= 2:
        return f"{text}\n{('=' if level == 1 else '-') * len(text)}"
    closing = " " + "#" * level if style.heading == "closed-atx" else ""
    return f"{'#' * level} {text}{closing}"


@dataclass
class _List:
    style: Style
    definitions: list[str]

    def marker(self, index: int) -> str:
        if self.style.marker == "one":
            return "1."
        if self.style.marker == "count":
            return f"{index + 1}."
        return self.style.marker

    def head(self, title: str, number: int) -> str:
        url = f"https://example.org/{number}"
        if self.style.reference:
            self.definitions.append(f"[{number}]: {url}")
            link = f"[{{}}][{number}]"
        else:
            link = f"[{{}}]({url})"
        if self.style.markup == "bold":
            return "**" + link.format(title) + "**"
        if self.style.markup == "bold-inside":
            return link.format(f"**{title}**")
        return link.format(title)


@st.composite
def house_lists(draw: st.DrawFn) -> tuple[str, str, int]:
    """(consistent list, the same list with k deviant entry lines, k)."""
    style = draw(_STYLES)
    maker = _List(style, [])
    sections = draw(st.integers(2, 3))
    counts = [draw(st.integers(10, 14)) for _ in range(sections)]
    deviants = draw(st.integers(0, 2))
    total = sum(counts)
    spots = set(
        draw(st.lists(st.integers(1, total - 1), min_size=deviants, max_size=deviants, unique=True))
    )
    good: list[str] = [_heading("Awesome Things", 1, style), "", "Things worth a look."]
    bad = list(good)
    names = [f"Part {chr(65 + i)}" for i in range(sections)]
    if style.toc:
        toc = ["", *[f"- [{name}](#part-{chr(97 + i)})" for i, name in enumerate(names)]]
        good += toc
        bad += toc
    number = 0
    for section, count in enumerate(counts):
        block = ["", _heading(names[section], 2, style), ""]
        good += block
        bad += block
        for index in range(count):
            title, description = draw(_TITLE), draw(_DESCRIPTION)
            marker = maker.marker(index)
            line = f"{marker} {maker.head(title, number)}{style.separator}{description}"
            wrong = line
            if number in spots:
                wrong = _deviate(line, marker, index, style, description, draw)
            if index and style.loose:
                good.append("")
                bad.append("")
            good.append(line)
            bad.append(wrong)
            number += 1
            if style.nested and index == 0 and style.marker in "-*+":
                child = (
                    f"{style.nested}{style.marker} [Child {number}](https://example.org/c{number})"
                )
                good.append(child)
                bad.append(child)
    if style.table:
        table = ["", "## Table", "", "| Name | Note |", "|---|---|", "| [t](https://t.org) | x |"]
        good += table
        bad += table
    if maker.definitions:
        good += ["", *maker.definitions]
        bad += ["", *maker.definitions]
    return "\n".join(good) + "\n", "\n".join(bad) + "\n", len(spots)


def _deviate(
    line: str, marker: str, index: int, style: Style, description: str, draw: st.DrawFn
) -> str:
    """The line with one convention broken: its bullet, number or separator."""
    kinds = ["separator", "spacing"]
    if description[:1].isupper():  # "[a](u) 2023 data" may be metadata: fmt leaves it
        kinds.append("missing")
    if style.marker in "-*+":
        kinds.append("bullet")
        if index or not style.nested:
            kinds.append("gap")  # an item with a child is never re-spaced: its child would move
    elif style.marker == "count" or index:
        kinds.append("number")
    kind = draw(st.sampled_from(kinds))
    if kind == "bullet":
        other = draw(st.sampled_from([m for m in "-*+" if m != style.marker]))
        return other + line[1:]
    if kind == "number":
        if style.marker == "one":
            return "2" + line[1:]
        width = len(marker) - 1
        wrong = str(index + 1 + 10**width // 2) if width > 1 else str((index + 3) % 9 + 1)
        wrong = wrong if wrong != marker[:-1] else str(int(wrong) % 9 + 1)
        return wrong.rjust(width, "9")[-width:] + line[width:]
    if kind == "gap":
        return line[0] + "  " + line[2:]
    at = line.rindex(style.separator + description)
    if kind == "spacing":
        return line[:at] + style.separator + " " + description
    if kind == "missing":
        return line[:at] + " " + description
    other = draw(st.sampled_from([s for s in SEPARATORS if s not in (" ", style.separator)]))
    return line[:at] + other + description


def _fmt(text: str) -> str:
    result = format_bytes(text.encode(), "list.md", KEEP)
    assert not result.lost
    return result.formatted.decode()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(house_lists())
def test_a_list_consistent_with_itself_comes_back_byte_for_byte(case: tuple[str, str, int]) -> None:
    good, _, _ = case
    assert _fmt(good) == good


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(house_lists())
def test_k_deviant_items_change_in_exactly_those_k_lines(case: tuple[str, str, int]) -> None:
    good, bad, k = case
    result = format_bytes(bad.encode(), "list.md", KEEP)
    out = result.formatted.decode()
    assert out == good
    assert len(result.changes) == k
    assert sum(a != b for a, b in zip(bad.split("\n"), out.split("\n"), strict=True)) == k
    assert _fmt(out) == out
    assert lost_links(bad, out) == []


_PROSE = st.lists(
    st.sampled_from(
        [
            "# Contributing",
            "## How",
            "Please read [the guide](https://example.org/guide) first.",
            "- Fork the repository",
            "* Open a pull request",
            "1. Be kind",
            "```\n- [x](https://x.org) in code\n```",
            "> Caf\u00c3\u00a9 quoted",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "",
            "Text with trailing space  ",
            "\t- tabbed",
        ]
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(_PROSE, st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_a_file_with_no_entries_is_byte_identical(
    parts: list[str], newline: str, final: bool
) -> None:
    text = ("\n".join(parts) + ("\n" if final else "")).replace("\n", newline)
    assume(text.strip())
    data = text.encode()
    assume(not any(True for _ in parse_bytes(data, "CONTRIBUTING.md").entries()))
    result = format_bytes(data, "CONTRIBUTING.md", KEEP)
    assert result.formatted == data and result.changes == ()


def test_contributing_is_byte_identical() -> None:
    # cut from a typical CONTRIBUTING.md: no entries, odd spacing, mojibake, a CRLF line
    text = (
        "# Contribution Guidelines\r\n\r\nPlease ensure your pull request adheres to:\n\n"
        "* Search previous suggestions before making a new one  \n"
        "- Use the following format: `[List Name](link)`\n"
        "Thank you for your suggestions! Itâ€™s appreciated.\n"
    )
    result = format_bytes(text.encode(), "CONTRIBUTING.md", KEEP)
    assert result.formatted == text.encode() and result.changes == ()


_JUNK = st.lists(
    st.sampled_from(
        [*"ab #*-+1.[]()<>!`_|\\:·🌟=", "\n", "\n\n", "  ", "https://x.org/", "- [A](u) B", "\t"]
    ),
    max_size=80,
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_JUNK)
def test_arbitrary_markdown_keeps_its_links_and_is_a_fixed_point(source: str) -> None:
    assume(source.strip())
    result = format_bytes(source.encode(), "t.md", KEEP)
    assert result.lost == ()
    assert format_bytes(result.formatted, "t.md", KEEP).formatted == result.formatted


def test_renumbering_never_moves_an_items_other_lines() -> None:
    # shaped like dqxiu/ICL_PaperList (readme.md): numbered entries with an indented second line
    items = [
        f"{n}. [Paper {n}](https://arxiv.org/abs/{n})\n   *Authors {n}.*" for n in range(1, 22)
    ]
    items[8] = items[8].replace("9. ", "8. ", 1)  # same width: renumbered
    items[9] = items[9].replace("10. ", "9. ", 1)  # narrower, with a second line: left alone
    source = "# T\n\n## A\n\n" + "\n".join(items) + "\n"
    out = _fmt(source)
    assert "\n9. [Paper 9]" in out and "\n9. [Paper 10]" in out
    assert out.count("\n") == source.count("\n")
