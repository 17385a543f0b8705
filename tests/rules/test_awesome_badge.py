from __future__ import annotations

from lint_support import fixed, lint, positions

RULE = "awesome-badge"
BADGE = "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"


def test_a_missing_badge_is_reported_and_added() -> None:
    assert positions("# Awesome Lists\n\nText.\n", RULE) == [(1, 1)]
    text, left = fixed("# Awesome Lists #\n\nText.\n", RULE)
    assert left == []
    assert text == f"# Awesome Lists {BADGE} #\n\nText.\n"


def test_accepted_badges() -> None:
    legacy = (
        "[![Awesome](https://cdn.rawgit.com/sindresorhus/awesome/d7305f38d29fed78fa85652e3a63e154dd8e8829"
        "/media/badge.svg)](https://github.com/sindresorhus/awesome)"
    )
    flat = (
        "[![Awesome](https://awesome.re/badge-flat2.svg)](https://github.com/sindresorhus/awesome)"
    )
    assert positions(f"# Awesome Lists {BADGE}\n", RULE) == []
    assert positions(f"# Awesome Lists {flat}\n", RULE) == []
    # donnemartin/awesome-aws (trimmed): the old rawgit image is the badge, but not awesome.re's
    [found] = lint(f"# Awesome AWS {legacy}\n", RULE)
    assert (found.column, found.severity, found.fix) == (27, "warning", None)
    assert "awesome.re/badge.svg" in found.message


def test_a_badge_linked_elsewhere_does_not_count() -> None:
    assert positions("# A [![Awesome](https://awesome.re/badge.svg)](https://x.org)\n", RULE) == [
        (1, 1)
    ]
