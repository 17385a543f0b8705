"""Rules declare the views they read (``CONSUMES``), and the runner computes only those."""

from __future__ import annotations

import types

import pytest

from awesomelint.config import Config
from awesomelint.lint.context import (
    ATTRIBUTES,
    DOCUMENT,
    DUPLICATES,
    ENTRIES,
    INPUTS,
    LintContext,
    closure,
)
from awesomelint.lint.runner import lint_context, needed_inputs
from awesomelint.lint.settings import ActiveRule, LintSettings, lint_settings
from awesomelint.parse import decode
from awesomelint.rules import RULES, Rule, consumes, find_rule, fix_availability
from lint_support import settings

# every view has something to chew on: front matter, a ToC, entries, duplicates, code,
# reference links, fragments, a table, numbering (cut from awesome-nodejs and others)
RICH = """---
title: Resources
---
# Awesome Node.js [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

> Delightful Node.js packages and resources.

## Contents

- [Packages](#packages)
- [Missing](#missing)

## Packages

- [Luxon](https://github.com/moment/luxon) - Library for working with dates and times.
- [Luxon](https://github.com/moment/luxon) - Library for working with dates and times.
- [got](http://github.com/sindresorhus/got?utm_source=x) - Simplified HTTP requests<SPACE>
- [ky][ky] - Tiny HTTP client [`fetch`](https://example.com/ ) (see [docs](#nowhere)).
1. one
3. three

```sh
npm install [x](y
```

| Title | Code |
|---|---|
| [Paper](https://arxiv.org/abs/2301.05062) | [code](https://github.com/a/b) |

## Empty

[ky]: https://github.com/sindresorhus/ky
""".replace("<SPACE>", " ")

_OWNER = {attribute: name for name, attrs in ATTRIBUTES.items() for attribute in attrs}


class Recording(LintContext):
    """A context that notes which views are read."""

    def __getattribute__(self, name: str) -> object:
        owner = _OWNER.get(name)
        if owner is not None:
            object.__getattribute__(self, "_memo").setdefault("read", set()).add(owner)
        return object.__getattribute__(self, name)


def _recording(markdown: str) -> Recording:
    base = LintContext.from_decoded(decode(markdown.encode("utf-8"), "list.md"), "list.md")
    return Recording(
        base.path, base.lines, base.raw_lines, base.final_newline, base.repairs, base.parse
    )


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.NAME)
def test_a_rule_reads_only_what_it_declares(rule: Rule) -> None:
    from awesomelint.lint.ruledoc import parse_doc

    doc = parse_doc(rule.__doc__)
    for markdown in (RICH, doc.failing, doc.passing):
        ctx = _recording(markdown)
        active = settings(rule.ID).rules[0]
        list(rule.check(ctx, active.options))
        read = ctx._memo.get("read", set())
        assert read <= closure(consumes(rule)), f"{rule.NAME} reads undeclared views"


def test_a_run_of_line_rules_never_parses_entries_or_runs_dedupe() -> None:
    names = ("trailing-whitespace", "final-newline", "blank-lines", "link-syntax", "list-numbering")
    active = tuple(settings(name).rules[0] for name in names)
    ctx = LintContext.from_decoded(decode(RICH.encode("utf-8"), "list.md"), "list.md")
    found = lint_context(ctx, LintSettings(active, "test"))
    assert {d.rule for d in found} >= {"AL025", "AL018"}  # the run did lint
    assert "document" not in ctx.__dict__ and "located" not in ctx.__dict__
    assert not any(isinstance(key, tuple) and key[0] == "duplicates" for key in ctx._memo)


def test_the_default_preset_computes_each_view_once() -> None:
    default = lint_settings(Config(None, {}), ("default",))
    assert {DUPLICATES, ENTRIES, DOCUMENT} <= needed_inputs(default)
    ctx = LintContext.from_decoded(decode(RICH.encode("utf-8"), "list.md"), "list.md")
    calls = []
    parse = ctx.parse
    object.__setattr__(ctx, "parse", lambda: calls.append(1) or parse())
    found = lint_context(ctx, default)
    assert {d.rule for d in found} >= {"AL001", "AL015"}
    assert calls == [1]
    assert [key for key in ctx._memo if isinstance(key, tuple)] == [("duplicates", 90.0)]


def test_a_module_that_does_not_declare_gets_every_view_and_fixable_still_counts() -> None:
    legacy = types.SimpleNamespace(ID="AL999", NAME="legacy", FIXABLE=True)
    assert consumes(legacy) == frozenset(INPUTS)  # type: ignore[arg-type]
    assert fix_availability(legacy) == "sometimes"  # type: ignore[arg-type]
    plain = types.SimpleNamespace(ID="AL998", NAME="plain")
    assert fix_availability(plain) == "none"  # type: ignore[arg-type]
    rule = find_rule("trailing-whitespace")
    assert rule is not None and fix_availability(rule) == "always"
    run = LintSettings((ActiveRule(legacy, settings("AL025").rules[0].options),), "t")  # type: ignore[arg-type]
    assert needed_inputs(run) == frozenset(INPUTS)


def test_every_rule_of_this_tree_declares_both() -> None:
    missing = [r.NAME for r in RULES if not hasattr(r, "CONSUMES") or not hasattr(r, "FIX")]
    assert missing == [], "declare CONSUMES and FIX (the defaults are for older modules)"
