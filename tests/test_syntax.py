"""awesomelint.syntax: one copy of each markdown pattern, cheap to import.

The pairs of patterns it keeps for one shape differ on purpose; each pair is
pinned here by the input that tells them apart, so folding one into the other
by mistake fails a test.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import awesomelint
from awesomelint import syntax

SOURCE = Path(awesomelint.__file__).parent
PATTERNS = {name: value for name, value in vars(syntax).items() if isinstance(value, re.Pattern)}


def _literal_compiles(tree: ast.Module) -> set[tuple[str, int]]:
    """``(pattern, flags)`` of every ``re.compile("literal"[, flags])`` of a module."""
    found = set()
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "compile"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            continue
        flags = 0
        for flag in node.args[1:]:
            for part in ast.walk(flag):
                if isinstance(part, ast.Attribute) and isinstance(part.value, ast.Name):
                    flags |= int(getattr(re, part.attr))
        found.add((node.args[0].value, flags))
    return found


def test_syntax_imports_only_re() -> None:
    tree = ast.parse((SOURCE / "syntax.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert imported == {"re", "__future__"}


def test_no_module_keeps_a_copy_of_a_syntax_pattern() -> None:
    shared = {(p.pattern, p.flags & ~re.UNICODE) for p in PATTERNS.values()}
    copies = {}
    for path in sorted(SOURCE.rglob("*.py")):
        if path.name == "syntax.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        twins = _literal_compiles(tree) & shared
        if twins:
            copies[str(path.relative_to(SOURCE))] = sorted(pattern for pattern, _ in twins)
    assert copies == {}


def test_the_copy_scan_sees_literal_patterns() -> None:
    # the scan above could pass by finding nothing: it does find a module's own patterns
    tree = ast.parse('import re\nX = re.compile(r"^ {0,3}(`{3,}|~{3,})")\n')
    assert (syntax.FENCE.pattern, 0) in _literal_compiles(tree)


def test_each_pattern_has_a_reason_above_it() -> None:
    lines = (SOURCE / "syntax.py").read_text(encoding="utf-8").split("\n")
    bare = []
    for index, line in enumerate(lines):
        name = line.split(" = ", 1)[0]
        if name in PATTERNS and " = re.compile(" in line:
            above = index - 1
            # two patterns may share one comment (a pair written together)
            while above >= 0 and lines[above].split(" = ", 1)[0] in PATTERNS:
                above -= 1
            if not lines[above].startswith("#"):
                bare.append(name)
    assert bare == []


def test_definition_readings() -> None:
    # llm-jp/awesome-japanese-llm README: footnotes stand where definitions would
    footnote = (
        "[^1]: ただし、モデル高速化のため本家の Llama に対してアーキテクチャの変更を加えている。"
    )
    definition = "[awesome]: https://awesome.re"
    # the parser and extraction do not take a footnote for a definition ...
    assert syntax.DEFINITION.match(footnote) is None
    assert syntax.DEFINITION_WITH_TARGET.match(footnote) is None
    # ... the guard reads it anyway: it must not depend on the parser's reading
    assert syntax.GUARD_DEFINITION.match(footnote) is not None
    assert syntax.FOOTNOTE_DEFINITION.match(footnote).group(1) == "1"
    for pattern in (syntax.DEFINITION, syntax.DEFINITION_WITH_TARGET):
        assert pattern.match(definition).group(2) == "https://awesome.re"
    # a definition whose destination is on the next line: one starts, none is reported yet
    assert syntax.DEFINITION.match("[awesome]:") is not None
    assert syntax.DEFINITION_WITH_TARGET.match("[awesome]:") is None


def test_fence_readings() -> None:
    quoted = "> ```bibtex"
    assert syntax.FENCE.match(quoted) is None  # the parser: a quote, not a fence at the margin
    assert syntax.QUOTED_FENCE.match(quoted).group(2) == "```"  # extraction blanks it all the same
    assert syntax.FENCE.match("    ```") is None  # four spaces: indented code, not a fence
    assert syntax.FENCE.match("   ~~~~").group(1) == "~~~~"


def test_autolink_stops_at_the_next_angle_bracket() -> None:
    text = "<https://a.example <https://b.example>"
    assert [m.group(1) for m in syntax.AUTOLINK.finditer(text)] == ["https://b.example"]
    assert syntax.ANY_AUTOLINK.match("<mailto:a@b.example>").group(1) == "mailto:a@b.example"


def test_list_markers_are_commonmark_ones() -> None:
    # sindresorhus/awesome-nodejs readme: tab-indented sub-items
    nested = "\t- [Luxon](https://github.com/moment/luxon) - Library for working with dates."
    assert syntax.LIST_MARKER.match(nested)
    assert syntax.LIST_MARKER_AND_SPACE.match(nested)
    assert syntax.LIST_ITEM_TEXT.match(nested).group(2).startswith("[Luxon]")
    parts = syntax.LIST_ITEM_PARTS.match("10. [x](https://x.example)")
    assert (parts["indent"], parts["marker"], parts["number"], parts["gap"]) == (
        "",
        "10.",
        "10",
        " ",
    )
    assert syntax.LIST_MARKER.match("-") and not syntax.LIST_MARKER_AND_SPACE.match("-")
    # a no-break space is not CommonMark whitespace: no item, for every reader alike
    for pattern in (syntax.LIST_MARKER, syntax.LIST_MARKER_AND_SPACE, syntax.UNIT_START):
        assert pattern.match("-\u00a0[x](https://x.example)") is None
        assert pattern.match("\u00a0- [x](https://x.example)") is None
    assert syntax.LIST_MARKER.match("1234567890. ten digits") is None


def test_guard_url_keeps_balanced_parentheses() -> None:
    url = "https://en.wikipedia.org/wiki/Fish_(disambiguation)"
    assert syntax.GUARD_URL.search(f"see {url} now").group(0) == url
    assert (
        syntax.BARE_URL.search(f"see {url} now").group(0)
        == "https://en.wikipedia.org/wiki/Fish_(disambiguation"
    )


def test_backslash_escapes_only_ascii_punctuation() -> None:
    assert syntax.BACKSLASH_ESCAPE.sub(r"\1", r"C\+\+ \& \a") == r"C++ & \a"


def test_fence_closing_lenient_and_exact() -> None:
    # lint, anchors and extraction: any indentation ends the code they skip
    assert syntax.closes_fence("      ```", "```")
    assert syntax.closes_fence("````", "```") and not syntax.closes_fence("``", "```")
    assert not syntax.closes_fence("``` not a close", "```")
    # the fast path: CommonMark's rule, as mistletoe reads it
    close = syntax.fence_closer("```")
    assert close.match("   ````  ") and not close.match("      ```")
    assert not close.match("``") and not syntax.fence_closer("~~~").match("```")
