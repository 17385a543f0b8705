from __future__ import annotations

from awesomelint.lint.runner import lint_context
from lint_support import context, fixed, lint, settings
from tests_support import SEEDS

RULE = "mojibake"
DAMAGED = "Siren’s".encode().decode("cp1252")  # Sirenâ€™s


def test_mojibake_is_reported_where_it_starts() -> None:
    [found] = lint(f"# T\n\n- [{DAMAGED} Song](https://arxiv.org/abs/2309.01219)\n", RULE)
    assert (found.line, found.column) == (3, 9)
    assert '"â€™" should read "’"' in found.message


def test_the_fix_writes_the_repaired_line() -> None:
    text, left = fixed(f"- [{DAMAGED} Song](https://arxiv.org/abs/2309.01219)\n", RULE)
    assert left == []
    assert text == "- [Siren’s Song](https://arxiv.org/abs/2309.01219)\n"


def test_clean_unicode_is_not_mojibake() -> None:
    assert lint("- [Siren’s Song 🌟 Gödel](https://x.org)\n", RULE) == []


def test_seed_counts() -> None:
    counts = {}
    for key in ("000", "001"):
        ctx = context(SEEDS[key].read_bytes().decode("utf-8"), f"{key}.md")
        counts[key] = len(lint_context(ctx, settings(RULE)))
    assert counts == {"000": 1, "001": 16}


def test_a_url_is_reported_and_never_fixed() -> None:
    source = "- [Caf\u00c3\u00a9 list](https://a.com/caf\u00c3\u00a9) - Good.\n"
    found = lint(source, RULE)
    assert [d.line for d in found] == [1, 1]
    assert any("in a URL" in d.message and d.fix is None for d in found)
    text, _ = fixed(source, RULE)
    assert text == "- [Caf\u00e9 list](https://a.com/caf\u00c3\u00a9) - Good.\n"
