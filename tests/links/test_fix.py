"""--fix rewrites permanent redirects in link destinations only, byte for byte elsewhere."""

from __future__ import annotations

from awesomelint.links.fix import Rewrite, apply_text

OLD, NEW = "http://a.example/x", "https://a.example/x/"


def fix(text: str, line: int = 1) -> tuple[str, int]:
    return apply_text(text, [Rewrite("f.md", line, OLD, NEW)])


def test_inline_link_autolink_definition_html_and_bare() -> None:
    assert fix(f"- [A]({OLD}) - thing.\n") == (f"- [A]({NEW}) - thing.\n", 1)
    assert fix(f'- [A]({OLD} "title")\n') == (f'- [A]({NEW} "title")\n', 1)
    assert fix(f"see <{OLD}>\n") == (f"see <{NEW}>\n", 1)
    assert fix(f"[a]: {OLD}\n") == (f"[a]: {NEW}\n", 1)
    assert fix(f'<a href="{OLD}">a</a>\n') == (f'<a href="{NEW}">a</a>\n', 1)
    assert fix(f"bare {OLD}.\n") == (f"bare {NEW}.\n", 1)


def test_longer_urls_and_other_lines_untouched() -> None:
    text = f"[a]({OLD}/deeper) [b]({OLD}?q=1)\n[c]({OLD})\n"
    assert fix(text, line=1) == (text, 0)
    assert fix(text, line=2)[0] == f"[a]({OLD}/deeper) [b]({OLD}?q=1)\n[c]({NEW})\n"


def test_crlf_and_other_bytes_preserved() -> None:
    text = f"# T\r\n\r\n- [A]({OLD})\u00a0caf\u00e9\r\n\f- tail\r\n"
    out, count = fix(text, line=3)
    assert count == 1 and out == text.replace(OLD, NEW)
