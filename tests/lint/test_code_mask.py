"""Code is not content: no URL or link rule reports (or fixes) a URL or link inside code."""

from __future__ import annotations

import pytest

from lint_support import context, lint

# each: a rule and a line it reports outside code
CASES = [
    ("placeholder-url", "[x](https://github.com/your-username/repo)"),
    ("tracking-parameter", "[x](https://x.org/a?utm_source=feed)"),
    ("url-whitespace", "[x](https://x.org/a b)"),
    ("double-slash-url", "[x](https://github.com//a/b)"),
    ("insecure-url", "[x](http://github.com/a/b)"),
    ("link-in-destination", "[x]([y](https://x.org))"),
    ("link-syntax", "[x](https://x.org/a"),
    ("undefined-reference", "[x][nowhere]"),
]


@pytest.mark.parametrize(("rule", "line"), CASES, ids=[rule for rule, _ in CASES])
def test_reported_in_text(rule: str, line: str) -> None:
    assert len(lint(f"# T\n\n## A\n\nSee {line} here.\n", rule)) == 1


@pytest.mark.parametrize(
    "wrap",
    [
        "`{}`",
        "``a {} b``",
        "<code>{}</code>",
        "<pre>{}</pre>",
        "\n```md\n{}\n```\n",
        "\n~~~\n{}\n~~~\n",
        "\n\n    {}\n",
    ],
    ids=["span", "double-span", "code-tag", "pre-tag", "fence", "tilde-fence", "indented"],
)
@pytest.mark.parametrize(("rule", "line"), CASES, ids=[rule for rule, _ in CASES])
def test_not_reported_in_code(rule: str, line: str, wrap: str) -> None:
    text = "# T\n\n## A\n\nSee " + wrap.format(line) + " here.\n"
    assert lint(text, rule) == []


def test_the_mask_is_one_per_file_and_keeps_columns() -> None:
    ctx = context("# T\n\nRun `curl https://a.org` [b](https://b.org)\n")
    assert ctx.code_free_lines is ctx.code_free_lines
    line = ctx.code_free_lines[2]
    assert len(line) == len(ctx.lines[2]) and "a.org" not in line and "b.org" in line
    [site] = [s for s in ctx.link_sites if s.ref.url == "https://b.org"]
    assert (site.line, site.column) == (3, ctx.lines[2].index("https://b.org") + 1)


def test_a_closing_backtick_opens_no_span() -> None:
    # kdeldycke/awesome-falsehood (trimmed): several code spans on one item, then an
    # item whose link text is a code span; the closer of one span is not the next opener
    from awesomelint.extract import blank_code

    text = (
        "- [Characters `<` and `>` in company names](https://forum.aws.chdev.org/t/x) - "
        'register `\\"><SCRIPT>` or `; DROP TABLE` LTD.\n'
        "- [CLDR currency definitions](https://github.com/unicode-org/cldr) - Currency.\n"
        "- [`tax`](https://github.com/commerceguys/tax) - A PHP 5.4+ tax library.\n"
    )
    blanked = blank_code(text).split("\n")
    assert blanked[1] == text.split("\n")[1]
    assert blanked[2].startswith("- [`   `](https://github.com/commerceguys/tax)")
    assert blanked[0].startswith("- [Characters ` ` and ` ` in")
    assert lint("# T\n\n## Tax\n\n" + text, "link-syntax") == []
