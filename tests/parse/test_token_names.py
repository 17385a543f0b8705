"""The mistletoe adapter (parse/tokens.py) is the one place that knows mistletoe.

Only it (and the import shim) imports mistletoe, and every token class name the
parser compares with ``kind`` is one it lists, each a real mistletoe class: a
mistletoe upgrade that renames a class then fails here, not as entries left
unread in silence.
"""

from __future__ import annotations

import ast
from pathlib import Path

import awesomelint
from awesomelint.parse import tokens

SOURCE = Path(awesomelint.__file__).parent
ADAPTER = {SOURCE / "parse" / "tokens.py", SOURCE / "parse" / "mistletoe_import.py"}


def _modules() -> list[tuple[Path, ast.Module]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(SOURCE.rglob("*.py"))
    ]


def _is_kind(node: ast.expr) -> bool:
    """``kind(token)``, or a ``name`` variable holding it (the parser's habit)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id == "kind"
    return isinstance(node, ast.Name) and node.id == "name"


def _compared_kinds(tree: ast.Module) -> set[str]:
    """String constants compared with a token's kind (``==``, ``in (...)``)."""
    found: set[str] = set()
    constants: dict[str, set[str]] = {}
    for node in tree.body:
        # module constants such as ``_HEADS = ("Paragraph", "Heading")`` used with ``in``
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                values = {
                    c.value
                    for c in ast.walk(node.value)
                    if isinstance(c, ast.Constant) and isinstance(c.value, str)
                }
                constants[target.id] = values
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        if not any(_is_kind(side) for side in sides):
            continue
        for side in sides:
            if isinstance(side, ast.Name) and side.id in constants:
                found |= constants[side.id]
            found |= {
                c.value
                for c in ast.walk(side)
                if isinstance(c, ast.Constant) and isinstance(c.value, str)
            }
    return found


def test_only_the_adapter_imports_mistletoe() -> None:
    importers = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] == "mistletoe" for name in names) and path not in ADAPTER:
                importers.append(str(path.relative_to(SOURCE)))
    assert importers == []


def test_every_token_kind_the_parser_reads_is_listed_by_the_adapter() -> None:
    listed = tokens.BLOCK_TOKENS | tokens.SPAN_TOKENS
    unlisted = {}
    for path, tree in _modules():
        if path.parent.name != "parse" and path.parent.parent.name != "parse":
            continue
        missing = _compared_kinds(tree) - listed
        if missing:
            unlisted[str(path.relative_to(SOURCE))] = sorted(missing)
    assert unlisted == {}


def test_the_scan_sees_the_parser_compare_kinds() -> None:
    # the scan above could pass by finding nothing: it finds the names we know are read
    seen: set[str] = set()
    for path, tree in _modules():
        if "parse" in path.parts:
            seen |= _compared_kinds(tree)
    assert {"Link", "Paragraph", "Quote", "HtmlBlock", "RawText", "Table"} <= seen


def test_listed_names_are_mistletoe_classes() -> None:
    from awesomelint.parse.mistletoe_import import import_mistletoe

    import_mistletoe()
    import mistletoe.block_token as block_token
    import mistletoe.span_token as span_token

    assert (
        sorted(
            n for n in tokens.BLOCK_TOKENS if not isinstance(getattr(block_token, n, None), type)
        )
        == []
    )
    assert (
        sorted(n for n in tokens.SPAN_TOKENS if not isinstance(getattr(span_token, n, None), type))
        == []
    )
