from __future__ import annotations

from lint_support import lint, positions

RULE = "awesome-description"


def test_lower_case_start_and_missing_punctuation_are_both_reported() -> None:
    found = lint(
        "- [Inseq](https://github.com/inseq-team/inseq) - interpretability for models\n", RULE
    )
    assert {d.message for d in found} == {
        "description should start with a capital letter",
        "description should end with punctuation (. ! ?)",
    }
    assert {(d.line, d.column) for d in found} == {(1, 50)}


def test_accepted_descriptions() -> None:
    text = (
        "- [a](https://x.org/a) - Interpretability for models.\n"
        "- [b](https://x.org/b) - iOS tooling!\n"
        "- [c](https://x.org/c) - `pip install c` does it.\n"
        "- [d](https://x.org/d) - 3D views?\n"
        "- [e](https://x.org/e) - *Emphasised* (really).\n"
        "- [f](https://x.org/f)\n"
    )
    assert positions(text, RULE) == []


def test_scripts_without_case_names_and_tails_after_the_stop() -> None:
    # llm-jp/awesome-japanese-llm, awesome-nodejs and awesome-cpp (trimmed)
    text = (
        "- [a](https://x.org/a) - 日本語の大規模言語モデル。\n"
        "- [b](https://x.org/b) - npm package for the rest.\n"
        "- [c](https://x.org/c) - p2p file sharing.\n"
        "- [d](https://x.org/d) - An encoder. [BSD-3-Clause]\n"
        "- [e](https://x.org/e) - A Japanese tutorial. (Japanese)\n"
        "- [f](https://x.org/f) - A fast tool. 🔥\n"
    )
    assert lint(text, RULE) == []


def test_a_list_is_held_to_its_own_habit() -> None:
    # lorien/awesome-web-scraping writes lower-case descriptions without a final stop
    text = "".join(
        f"* [lib{n}](https://x.org/{n}) - network library number {n}\n" for n in range(8)
    )
    assert lint(text, RULE) == []


def test_the_name_its_url_spells_and_a_stop_inside_a_closing_link() -> None:
    # fffaraz/awesome-cpp and kdeldycke/awesome-falsehood (trimmed)
    text = (
        "* [nng](https://github.com/nanomsg/nng) - nanomsg-next-generation, a light-weight"
        " brokerless messaging library. [MIT]\n"
        "- [Twenty five thousand dollars of funny money](https://web.archive.org/web/2025/25k/)"
        " - Same error at Google Ads. My advice: [use decimals, don't validate.]"
        "(https://twitter.com/kdeldycke/status/1599113889093890049)\n"
    )
    assert lint(text, "awesome-description") == []
    assert len(lint(text.replace("nanomsg-next", "brokerless-next"), "awesome-description")) == 1
    assert len(lint(text.replace("validate.]", "validate]"), "awesome-description")) == 1
