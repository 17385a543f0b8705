from __future__ import annotations

from lint_support import fixed, lint

RULE = "tracking-parameter"


def test_mailchimp_parameters_are_removed_entirely() -> None:
    text = "1. [Q](https://www.quantamagazine.org/x-2023/?mc_cid=ad9a93&mc_eid=5061) - Q.\n"
    [found] = lint(text, RULE)
    assert (found.line, found.column) == (1, 8) and "mc_cid, mc_eid" in found.message
    result, left = fixed(text, RULE)
    assert left == []
    assert result == "1. [Q](https://www.quantamagazine.org/x-2023/) - Q.\n"


def test_other_parameters_and_the_fragment_are_kept() -> None:
    text = "- [a](https://x.org/p?utm_source=nl&id=7&UTM_Medium=m#part)\n"
    result, _ = fixed(text, RULE)
    assert result == "- [a](https://x.org/p?id=7#part)\n"


def test_urls_without_tracking_are_not_reported() -> None:
    assert lint("- [a](https://x.org/p?id=7&q=utm) [b](https://x.org/?)\n", RULE) == []


def test_more_parameters_can_be_configured() -> None:
    text = "- [a](https://x.org/p?src=feed)\n"
    assert lint(text, RULE) == []
    assert len(lint(text, RULE, parameters=("src",))) == 1


def test_a_sponsor_link_crediting_the_list_is_left_alone() -> None:
    # e2b-dev/awesome-ai-agents (trimmed); the LinkedIn parameter on an arXiv link is real
    text = (
        "## [Ellipsis](https://ellipsis.dev/?utm_source=awesome-ai-agents)\n\n"
        "- [Scaling instruction-finetuned language models]"
        "(https://arxiv.org/pdf/2210.11416.pdf?trk=public_post_comment-text)\n"
    )
    assert [d.line for d in lint(text, RULE)] == [3]


def test_a_services_badge_markup_is_left_alone() -> None:
    # practical-tutorials/project-based-learning: the Gitter badge as Gitter hands it out
    text = (
        "[![Gitter](https://badges.gitter.im/practical-tutorials/community.svg)]"
        "(https://gitter.im/practical-tutorials/community?utm_source=badge&utm_medium=badge"
        "&utm_campaign=pr-badge)\n"
    )
    assert lint(text, "tracking-parameter") == []
    assert len(lint(text.replace("=badge", "=feed"), "tracking-parameter")) == 1
