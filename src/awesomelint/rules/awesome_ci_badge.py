"""A CI badge on the list (Travis, CircleCI, a GitHub Actions workflow, AppVeyor).

awesome-lint's ``no-ci-badge``: a list is not software, and a build badge
tells its readers nothing they need.  Looked at: images in the main heading
and in the text before the first section, outside list items and tables
(badges of the entries themselves, as awesome-rust shows them, are the
entries' own).  An image is a CI badge when its URL is a CI service's status
image (``travis-ci``, ``circleci.com``, ``…/workflows/…/badge.svg``,
``ci.appveyor.com``, ``dev.azure.com/…/_apis/build/status``, GitLab's
``pipeline.svg``, shields.io's build badges) or its alt text says "build
status".  There is no fix: removing the badge is the author's call.

Fails::

    # Awesome LLM Interpretability [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

    ![Awesome Bot](https://github.com/JShollaj/awesome-llm-interpretability/workflows/Awesome%20Bot/badge.svg)

Passes::

    # Awesome LLM Interpretability [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

    ![Stars](https://img.shields.io/github/stars/JShollaj/awesome-llm-interpretability)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.context import CODE, DOCUMENT, HEADINGS, LintContext, Options
from awesomelint.lint.diagnostic import Diagnostic, FixAvailability, Severity
from awesomelint.lint.presets import AWESOME
from awesomelint.syntax import LIST_MARKER

ID = "AL036"
NAME = "awesome-ci-badge"
SEVERITY: Severity = "error"
FIX: FixAvailability = "none"
CONSUMES = frozenset({CODE, DOCUMENT, HEADINGS})
PRESETS = AWESOME
OPTIONS: dict[str, object] = {}

_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\(\s*<?([^()\s>]+)")
_IMG_TAG = re.compile(r"<img\b[^<>]*?\bsrc\s*=\s*[\"']([^\"']+)[\"'][^<>]*>", re.IGNORECASE)
_ALT = re.compile(r"\balt\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_CI_URL = re.compile(
    r"travis-ci\.(?:org|com)/|circleci\.com/|/workflows/[^/?#]+/badge\.svg|/actions/workflows/"
    r"|ci\.appveyor\.com/api/projects/status|dev\.azure\.com/[^?#]*_apis/build/status"
    r"|/badges/[^?#]*/pipeline\.svg|img\.shields\.io/(?:github/(?:actions/)?workflow/status"
    r"|github/checks-status|travis|circleci|appveyor|azure-devops/build|gitlab/pipeline"
    r"|drone|jenkins/build|buildkite)",
    re.IGNORECASE,
)
_CI_ALT = re.compile(r"build status|\bci status\b|\bbuild passing\b", re.IGNORECASE)


def _images(line: str) -> Iterator[tuple[int, str, str]]:
    """(0-based column, URL, alt text) of each markdown image and ``<img>`` of a line."""
    for match in _IMAGE.finditer(line):
        yield match.start(2), match.group(2), match.group(1)
    if "<img" in line.lower():
        for match in _IMG_TAG.finditer(line):
            alt = _ALT.search(match.group(0))
            yield match.start(1), match.group(1), alt.group(1) if alt else ""


def check(ctx: LintContext, options: Options) -> Iterator[Diagnostic]:
    """Look for CI status images from the top of the file to the first section heading."""
    title = ctx.document.title_line or 0
    sections = [h.line for h in ctx.headings if h.section is not None and h.line > title]
    end = min(sections) if sections else len(ctx.lines) + 1
    for number, line in ctx.markdown_lines(blank_code=True):
        if number >= end:
            break
        if "![" not in line and "<img" not in line.lower():
            continue
        if LIST_MARKER.match(line) or line.lstrip().startswith("|"):
            continue
        for column, url, alt in _images(line):
            if _CI_URL.search(url) or _CI_ALT.search(alt):
                yield ctx.diagnostic(
                    ID,
                    options,
                    number,
                    column + 1,
                    f"a CI badge on the list ({url}): awesome lists carry none",
                )
