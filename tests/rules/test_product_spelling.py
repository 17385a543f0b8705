from __future__ import annotations

import pytest

from lint_support import fixed, lint, positions

RULE = "product-spelling"


def test_misspelt_names_in_descriptions_are_fixed() -> None:
    # analysis-tools-dev/static-analysis and ripienaar/free-for-dev (trimmed)
    text = (
        "- [standard](http://standardjs.com) — An npm module that checks for Javascript issues.\n"
        "  * [Namae](https://namae.dev/) - Search GitHub, Gitlab, Heroku and more.\n"
        "- Runs on Windows, Mac OS, ARM and NodeJS.\n"
    )
    assert positions(text, RULE) == [(1, 69), (2, 50), (3, 20), (3, 36)]
    repaired, left = fixed(text, RULE)
    assert "for JavaScript issues" in repaired and "GitHub, GitLab, Heroku" in repaired
    assert "Windows, macOS, ARM and Node.js." in repaired and left == []


@pytest.mark.parametrize(
    "text",
    [
        "- [Github](https://github.com/KnpLabs/php-github-api) - A PHP client.\n",  # its name
        "- **Nodejs Toolbox** - named in bold.\n",
        "- [ ] [Tensorflow (video)](https://www.youtube.com/watch?v=x)\n",  # a task item's name
        "- [awesome-nodejs](https://github.com/sindresorhus/awesome-nodejs) - nodejs-dashboard.\n",
        "- Served from username.github.io and @github, see github.com/x.\n",
        "- `npm i javascript-obfuscator` and ```github``` in code.\n",
        "- [a](https://x.org/github) - A <img alt='Github'> logo ![Github](https://x.org/g.svg).\n",
        "* **TransformerLens** [[github]](https://github.com/neelnanda-io/TransformerLens)\n",
        "- Runs on Linux and Mac OS X 10.9.\n",
        # nodejs/node changelogs (trimmed): a file name, a URL scheme, an organisation
        '- Improve error reporting (single line "node.js:176:9" errors)\n',
        "- **url**: avoid hostname spoofing w/ javascript protocol\n",
        "- If the new Collaborator is not yet a member of the nodejs GitHub organization,\n",
        "[Github]: https://github.com\n",
        "```\nGithub\n```\n",
    ],
)
def test_names_code_urls_and_tags_are_left_alone(text: str) -> None:
    assert lint(text, RULE) == []


def test_a_heading_is_fixed_only_where_its_anchor_stays() -> None:
    # donnemartin/awesome-aws (trimmed): "Elasticsearch" would move the #elastic-search anchor
    text = "## Elastic Search\n\n## Canais do youtube\n"
    found = lint(text, RULE)
    assert [(d.line, d.fix is None) for d in found] == [(1, True), (3, False)]
