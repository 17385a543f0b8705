from __future__ import annotations

import pytest

from lint_support import lint, positions

RULE = "unused-definition"


def test_numbered_definitions_left_behind() -> None:
    # SinaMohseni/Awesome-XAI-Evaluation (trimmed): [2] and [3] are used nowhere
    text = (
        "| Paper | Measure |\n|---|---|\n"
        "[“How do I fool you?”][Lakkaraju2019fool]| Subjective Rating\n\n"
        "[2]: https://dl.acm.org/citation.cfm?id=3173951\n"
        "[3]: https://aaai.org/ojs/index.php/HCOMP/article/view/5280\n"
        "[Lakkaraju2019fool]: https://www.aies-conference.com/2020/wp-content/papers/182.pdf\n"
        "[Lakkaraju2019fool]: https://www.aies-conference.com/2020/wp-content/papers/182.pdf\n"
    )
    found = lint(text, RULE)  # the repeated definition is the same link: nothing lost
    assert [(d.line, d.column) for d in found] == [(5, 1), (6, 1)]


def test_a_label_defined_again_to_another_url() -> None:
    text = "- [a][x]\n\n[x]: https://x.org/one\n[x]: https://x.org/two\n"
    [found] = lint(text, RULE)
    assert found.line == 4 and "defined again" in found.message


def test_an_unused_footnote() -> None:
    # llm-jp/awesome-japanese-llm (trimmed): [^16] is never cited
    text = (
        "- [a](https://x.org/a) - BERT.[^15]\n\n"
        "[^15]: 詳細は以下のビデオで公開されている。\n"
        "[^16]: ただし、通常の BERT (base) と比べて Layer や Attention Head の数が少ない。\n"
    )
    assert positions(text, RULE) == [(4, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "[![Awesome][badge]][awesome]\n\n[badge]: https://awesome.re/badge.svg\n"
        "[awesome]: https://awesome.re\n",
        "- [Name][] - collapsed.\n\n[name]: https://x.org\n",
        "- [Some  Name] - shortcut, any case.\n\n[some name]: https://x.org\n",
        '<p align="center">[Docs][d]</p>\n\n[d]: https://x.org/docs\n',
        "[//]: # (a hidden comment)\n[comment]: <> (another)\n",
        "- text\n",
        "- [Flask]: a web framework, not a definition.\n",
    ],
)
def test_used_definitions_and_comments(text: str) -> None:
    assert lint(text, RULE) == []
