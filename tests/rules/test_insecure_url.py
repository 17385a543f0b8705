from __future__ import annotations

from lint_support import fixed, lint, positions

RULE = "insecure-url"


def test_http_on_a_known_https_host_is_reported_and_fixed() -> None:
    text = "- [Tracr](http://arxiv.org/abs/2301.05062) - [wiki](http://en.wikipedia.org/wiki/X)\n"
    assert positions(text, RULE) == [(1, 11), (1, 53)]
    result, left = fixed(text, RULE)
    assert left == []
    assert result == text.replace("http://", "https://")


def test_unknown_hosts_are_left_alone_unless_configured() -> None:
    text = "- [Lab](http://lab.example-university.edu/page)\n"
    assert lint(text, RULE) == []
    assert len(lint(text, RULE, hosts=("example-university.edu",))) == 1


def test_the_same_url_twice_on_a_line_is_fixed_twice() -> None:
    text = "[a](http://github.com/a/b) [b](http://github.com/a/b)\n"
    result, left = fixed(text, RULE)
    assert left == [] and result.count("https://github.com/a/b") == 2
