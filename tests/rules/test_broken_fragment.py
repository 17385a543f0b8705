from __future__ import annotations

from hypothesis import given
from hypothesis import settings as settings_
from hypothesis import strategies as st

from awesomelint.config import Config
from awesomelint.lint.runner import fix_text, lint_context
from awesomelint.lint.settings import lint_settings
from lint_support import context, fixed, lint, positions, settings
from tests_support import SEEDS

RULE = "broken-fragment"
EVERY = lint_settings(Config(), ("default", "awesome", "strict"))


def test_a_missing_anchor_with_a_heading_of_the_same_text_is_fixed() -> None:
    text = "- [Techniques](#mi-techniques)\n\n## Techniques\n"
    [found] = lint(text, RULE)
    assert (found.line, found.column) == (1, 16)
    result, left = fixed(text, RULE)
    assert left == []
    assert result.startswith("- [Techniques](#techniques)\n")


def test_a_missing_anchor_without_such_heading_has_no_fix() -> None:
    [found] = lint("- [Features](#features)\n\n## Techniques\n", RULE)
    assert found.fix is None and "#features" in found.message


def test_existing_anchors_in_every_form() -> None:
    text = (
        "# My List\n\n[top](#) [title](#my-list) [Upper](#General) [again](#general-1) "
        "[html](#custom) [encoded](#caf%C3%A9) [note](#user-content-fn-x) [^x]\n\n[^x]: A note.\n\n"
        '## General\n\n## General\n\n<a name="custom"></a>\n\n## Café\n'
    )
    assert positions(text, RULE) == []


def test_seed_004_toc_fragments() -> None:
    ctx = context(SEEDS["004"].read_text(encoding="utf-8"), "004.md")
    found = lint_context(ctx, settings(RULE))
    assert len(found) == 21
    assert [d.line for d in found] == [37, *range(39, 56), 57, 58, 59]
    assert sum(d.fix is not None for d in found) == 2  # Techniques, Findings and Applications


def test_fragments_match_as_githubs_page_script_matches_them() -> None:
    text = (
        "- [snake](#snake_case-tools) [love](#-love) [LOVE](#%EF%B8%8F-LOVE) [space](#docs)\n\n"
        "## snake_case tools\n\n## \u2764\ufe0f Love\n\n## &nbsp;Docs\n"
    )
    assert positions(text, RULE) == []


def test_a_fragment_of_a_heading_the_parser_does_not_see_is_left_alone() -> None:
    text = (
        "- [Quoted](#quoted-notes) [Html](#html-part)\n\n> ## Quoted notes\n\n<h2>Html part</h2>\n"
    )
    assert positions(text, RULE) == []


def test_no_fix_when_two_headings_have_the_links_text() -> None:
    [found] = lint("- [Tools](#tool)\n\n## Tools\n\n### Tools\n", RULE)
    assert found.fix is None


# -- lint --fix never breaks a fragment link that resolved ----------------------------------

_HEADING_WORDS = [
    "snake_case",
    "Tools",
    "tools",
    "C++",
    "\u2764\ufe0f Love",
    "Caf&eacute;",
    "&nbsp;Docs",
    "`__init__`",
    "_italic_",
    "[Foo [bar]](https://x.org)",
    "foo-1",
    "A & B",
    "日本語",
    "e\u0301",
    "**Bold**",
]
_FORMS = ["exact", "upper", "no-fe0f", "prefixed", "encoded", "broken", "other-label"]


def _fragment(anchor_: str, form: str) -> str:
    from urllib.parse import quote

    return {
        "exact": anchor_,
        "upper": anchor_.upper(),
        "no-fe0f": anchor_.replace("\ufe0f", ""),
        "prefixed": "user-content-" + anchor_,
        "encoded": quote(anchor_),
        "broken": anchor_ + "-gone",
        "other-label": anchor_ + "-gone",
    }[form]


def _resolves(fragment: str, anchors: set[str]) -> bool:
    from awesomelint.slug import fragment_key

    return fragment == "" or fragment_key(fragment) in {fragment_key(a) for a in anchors}


@settings_(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_HEADING_WORDS), min_size=1, max_size=3).map(" ".join),
        min_size=1,
        max_size=6,
    ),
    st.lists(st.tuples(st.integers(0, 5), st.sampled_from(_FORMS)), min_size=1, max_size=8),
)
def test_fix_never_turns_a_resolving_fragment_into_a_broken_one(
    headings: list[str], links: list[tuple[int, str]]
) -> None:
    from awesomelint.slug import anchor, heading_text, number_repeats, text_content

    anchors = number_repeats(anchor(text_content(h)) for h in ["My List", *headings])
    lines = []
    for index, form in links:
        target = index % len(headings)
        label = "Elsewhere" if form == "other-label" else heading_text(headings[target])
        label = label.replace("[", "").replace("]", "") or "x"
        lines.append(f"- [{label}](#{_fragment(anchors[target + 1], form)})")
    text = "# My List\n\n" + "\n".join(lines) + "\n\n" + "".join(f"## {h}\n\n" for h in headings)
    result, _, _ = fix_text(context(text), EVERY)
    before = text.split("\n")[2 : 2 + len(lines)]
    after = result.split("\n")[2 : 2 + len(lines)]
    for old, new in zip(before, after, strict=True):
        old_fragment = old[old.rindex("(#") + 2 : -1]
        new_fragment = new[new.rindex("(#") + 2 : -1]
        if _resolves(old_fragment, set(anchors)):
            assert new == old
        assert new == old or _resolves(new_fragment, set(anchors))


def test_headings_inside_list_items_have_anchors() -> None:
    # jwasham/coding-interview-university translations (trimmed): the ToC links headings
    # written as list items, `- ### Стек`; arthurspk/guiadevbrasil: a heading indented as
    # the continuation of the list item above it
    text = (
        "- [Стек](#Стек)\n- [Números de punto flotante](#números-de-punto-flotante)\n"
        "- [TypeScript](#-sites-e-cursos-para-aprender-typescript)\n- [Gone](#gone)\n\n"
        "## Estructuras\n\n- ### Стек\n    - [ ] [Стек (video)](https://www.coursera.org/learn)\n"
        "- ### Números de punto flotante\n\n"
        "- [Git cheat sheet](https://training.github.com/downloads)\n\n"
        "  ## 🐒 Sites e cursos para aprender TypeScript\n"
    )
    assert positions(text, RULE) == [(4, 10)]
