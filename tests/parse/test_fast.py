"""The fast path must read every list exactly as mistletoe does (differential tests)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesomelint.parse import parse_text, read_file
from awesomelint.parse.fast import plan
from tests_support import DIALECTS, SEEDS


def _both(text: str) -> None:
    fast, slow = parse_text(text, "t.md"), parse_text(text, "t.md", fast=False)
    assert fast == slow


def test_seeds_and_fixtures_read_the_same() -> None:
    for path in [*SEEDS.values(), *sorted(DIALECTS.glob("*.md"))]:
        decoded = read_file(str(path))
        fast = parse_text(decoded.text, str(path), decoded.newline, decoded.repairs)
        slow = parse_text(decoded.text, str(path), decoded.newline, decoded.repairs, fast=False)
        assert fast == slow, path


def test_a_classic_list_is_read_by_the_fast_path() -> None:
    lines = ["# Awesome X", "", "> Intro.", "", "## Tools", ""]
    lines += [f"- [Tool {i}](https://x.org/{i}) - Does {i} things." for i in range(50)]
    regions = plan(lines)
    fast_lines = sum(r.end - r.start for r in regions if r.fast)
    assert fast_lines == 53  # the title, the quote, "## Tools" and the 50 entries
    _both("\n".join(lines) + "\n")


def test_what_the_fast_path_must_leave_to_mistletoe() -> None:
    cases = {
        "prose list joined": "- June: launched.\n\n- [A](https://a.org) - A.\n",
        "indented continuation": "- [A](https://a.org) - A.\n\n  More about A.\n",
        "inside a fence": "```\n- [A](https://a.org) - A.\n\n- [B](https://b.org)\n```\n",
        "inside a comment": "<!--\n\n- [A](https://a.org) - A.\n\n-->\n",
        "definitions anywhere": "- [A](https://a.org) - A.\n\n[a]: https://x.org\n",
        "entity": "- [A &amp; B](https://a.org) - A &copy; B.\n",
        "markup": "- [A](https://a.org) - *A* `b`.\n",
        "lazy line": "- [A](https://a.org) - A.\ncontinued\n",
        "nested": "- [A](https://a.org) - A.\n  - [B](https://b.org) - B.\n",
    }
    for name, text in cases.items():
        body = text.rstrip("\n").split("\n")
        entry_lines = [i for i, line in enumerate(body) if line.startswith("- [A]")]
        fast = {i for r in plan(body) if r.fast for i in range(r.start, r.end)}
        assert not fast & set(entry_lines), name
        _both(text)


_SIMPLE = st.sampled_from(
    [
        "- [Alpha](https://a.org/x) - Does alpha.",
        '* [Beta "quoted"](https://b.org/?q=1&r=2) - Beta (b).',
        "1. [Gamma](https://c.org) - Gamma.",
        "8. [Delta](http://d.org/path) - Delta: a - b.",
        "+ [Eps](https://e.org)",
        '- ["Zeta"](https://z.org) - Quoted title.',
        "## Section",
        "### Sub section",
        "# Title",
        "# Awesome X [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
        "## [owner/repo](https://github.com/o/r) ![](https://x.org/b.svg) tail!",
        "> A quoted introduction.",
        "> more quote - [q](https://q.org)",
        "- [Tools](#tools)",
        "  - [Sub tools](#sub-tools)",
        "* [Other](#other)",
        # the units a description may hold (cut from awesome-nodejs and awesome-php)
        "- [np](https://github.com/sindresorhus/np) - Better `npm publish`.",
        "- [clipboard-cli](https://github.com/sindresorhus/clipboard-cli) - Copy & paste.",
        "- [gotql](https://github.com/khaosdoctor/gotql) - Built on [got](https://g.org/got).",
        "- [cfn_nag](https://github.com/stelligent/cfn_nag) - Lints cfn_nag templates.",
        "- [Tab](https://t.org) - Ends on `code`",
        "- [Odd](https://o.org) - One ` tick and `a``b` runs.",
        "- [Amp](https://a.org) - &copy; entity-like & bare.",
        "- [Em](https://e.org) - _emphasis_ and snake_case.",
        # free-for-dev indents its entries; awesome-nodejs indents its contents with tabs
        "  * [Zeplin](https://zeplin.io/) - Designer and developer collaboration. ",
        "   * [Three](https://three.org) - Three spaces.",
        "\t- [Build tools](#build-tools)",
        # bold titles (paper lists): inside the brackets, around the link, and odd ones
        "- [**Bold Title**](https://x.org/a) - Bold inside.",
        "- **[Bold Link](https://x.org/b)** - Bold around.",
        "- **[Half](https://x.org/c) - Unclosed.",
        "- [**Half**(https://x.org/d)",
        "- [**a** b](https://x.org/e) - Part bold.",
        # prose between headings (awesome-php, awesome-aws)
        "*Libraries for working with HTTP.*",
        "Community Repos:",
        "***",
        "* * *",
        "Plain prose, with a colon: and (parentheses).",
        # cut from enaqx/awesome-react: a title with a bare &, a licence badge alone
        "- [React Interview Questions & Answers](https://github.com/sudheerj/r)",
        "[![CC0](https://i.creativecommons.org/l/by/4.0/88x31.png)](http://creativecommons.org/l)",
        "![a](https://x.org/a.svg) [![b](https://x.org/b.svg)](https://b.org)",
        "- [A &amp; B](https://a.org) - Entity in the title.",
        # cut from ripienaar/free-for-dev: indented entries, an odd one, the way back up
        "  * [Proxmint GeoIP](https://proxmint.com/tools/ip-lookup) — Free IP lookup.",
        "  * [tldraw.com](https://tldraw.com) -  Free open-source white-boarding.",
        "**[⬆️ Back to Top](#table-of-contents)**",
        "[Back to top](#top)",
    ]
)
_OTHER = st.sampled_from(
    [
        "Some prose with a [link](https://p.org).",
        "- Plain prose item",
        "  - indented sub item",
        "  continuation text",
        "    indented code",
        "```",
        "~~~",
        "<!-- comment",
        "-->",
        "<div>",
        "</div>",
        "<details>",
        "| a | b |",
        "|---|---|",
        "| [T](https://t.org) | d |",
        "> quote",
        "---",
        "===",
        "[ref]: https://ref.org",
        "- [Ref][ref] - Reference.",
        "- [A *b*](https://a.org) - With *markup*.",
        "- [A](https://a.org) - With &amp; entity.",
        "- 🌟 [Star](https://s.org) - Star.",
        "- **Bold** [[x 2023]](https://b.org)",
        "Title. \\[[pdf](https://p.org/a.pdf)\\] \\[2023.5\\]",
        "> **[Quoted](https://q.org)** <kbd>MIT</kbd><br>A quoted entry.",
        "> [Link led](https://q.org) quote",
        "- [ ] [Task](https://t.org/)",
        "- [2024/10] **[Dated](https://d.org)** ![b](https://b.org/b.svg)",
        "* Blog https://blog.example.org/",
        "- Group label",
        "- ",
        "[**Card**](https://c.org) (**2024.06.07**)",
        "   *Authors*. [[pdf](https://p.org/x.pdf)]",
        # items read alone among entries, and what must keep a list whole
        "### [A Paper](https://p.org/paper)",
        "- **Metrics:** accuracy",
        "1. [Odd *one*](https://o.org) - Numbered.",
        "+ - [Nested](https://n.org)",
        "- - -",
        "- [Tools](#tools) - *inside*",
        "",
    ]
)
_PIECES = st.one_of(_SIMPLE, _SIMPLE, _OTHER)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=30))
def test_fast_and_mistletoe_paths_agree(pieces: list[str]) -> None:
    _both("\n".join(pieces) + "\n")


# blocks of a few lines apart, many of them simple: where the fast path engages and its
# neighbour rules matter (no reference definitions, which turn the fast path off)
_NO_DEFINITIONS = _OTHER.filter(lambda line: not line.startswith("[ref]:"))
_CHUNKS = st.lists(
    st.one_of(
        st.lists(_SIMPLE, min_size=1, max_size=4),
        st.lists(st.one_of(_SIMPLE, _NO_DEFINITIONS), min_size=1, max_size=3),
    ).map("\n".join),
    max_size=12,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CHUNKS, st.sampled_from(["\n\n", "\n", "\n\n\n"]))
def test_fast_and_mistletoe_paths_agree_on_separate_blocks(chunks: list[str], gap: str) -> None:
    _both(gap.join(chunks) + "\n")


def test_fast_path_does_not_import_mistletoe_for_a_simple_list(tmp_path: Path) -> None:
    import subprocess
    import sys

    lines = ["# Awesome X", "", "## Tools", ""] + [
        f"- [Tool {i}](https://x.org/{i}) - Does {i} things." for i in range(20)
    ]
    code = (
        "import sys; from awesomelint.parse import parse_text; "
        f"d = parse_text({chr(10).join(lines)!r}, 'x'); "
        "assert sum(1 for _ in d.entries()) == 20; print('mistletoe' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_footnote_is_not_a_link_definition() -> None:
    # cut from llm-jp/awesome-japanese-llm: a table cell's ``[^25]`` and its footnote,
    # whose text has no space, so CommonMark alone would read it as the link target
    text = (
        "# T\n\n## Models\n\n"
        "- [Kappa](https://huggingface.co/k/kappa) - Apache 2.0[^25] licence.\n\n"
        "| Model | Licence |\n|---|---|\n| [Med](https://huggingface.co/m/med) | MIT[^25] |\n\n"
        "[^25]: ライセンスとは別に、研究開発目的のみでの使用が想定されている。\n"
    )
    _both(text)
    doc = parse_text(text, "t.md", fast=False)
    rendered = repr(doc)
    assert "](ライセンス" not in rendered
    assert [e.title for e in doc.entries()] == ["Kappa", "Med"]


def test_indented_items_between_entries_stay_apart() -> None:
    # cut from e2b-dev/awesome-ai-agents: a list of model names, indented, then a link;
    # read alone, each item once took the one after it for its continuation
    text = (
        "  - GPT-4 Turbo\n  - GPT-4\n  - Claude 2\n"
        "  - [Post on X about supported models](https://x.com/bertie_ai/status/1)\n\n### Links\n"
    )
    _both(text)
    doc = parse_text(text, "t.md")
    assert [getattr(item, "title", None) for item in doc.preamble][:3] == [
        "GPT-4 Turbo",
        "GPT-4",
        "Claude 2",
    ]


def test_a_footnote_after_a_list_is_not_its_last_entry() -> None:
    # cut from llm-jp/awesome-japanese-llm: a footnote with no space in its text, which
    # mistletoe swallows as a definition; the entry above must not run over it
    text = (
        "# T\n\n## Tools\n\n- [Jest](https://github.com/facebook/jest) - Painless testing.\n\n"
        "[^3]: 通常の左から右に単語を予測する代わりに、右から左に単語を予測する。\n"
    )
    _both(text)
    doc = parse_text(text, "t.md", fast=False)
    (entry,) = list(doc.entries())
    assert entry.source.line == entry.source.last_line == 5
