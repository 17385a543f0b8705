from __future__ import annotations

import pytest

from lint_support import lint, positions

RULE = "awesome-license"


def test_a_license_section_is_reported() -> None:
    # webpro/awesome-dotfiles and kilimchoi/engineering-blogs (trimmed)
    text = "# Awesome Dotfiles\n\n## Tools\n\n- a\n\n## License\n\n[![CC0](x.svg)](y)\n"
    assert positions(text, RULE) == [(7, 1)]
    assert positions("# Blogs\n\n# License\n\nMIT\n", RULE) == [(3, 1)]
    assert positions("# L\n\n## 📝 Licence:\n\nCC0\n", RULE) == [(3, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "# L\n\n## License checkers\n\n- a\n",
        "# License\n\nA list of licences.\n",  # the list's own title
        "# L\n\n```\n## License\n```\n",
    ],
)
def test_other_headings_are_not(text: str) -> None:
    assert lint(text, RULE) == []
