"""The presets a rule can belong to.

``default`` holds the rules that find real defects (what the pre-commit hook
runs); ``strict`` adds URL and whitespace hygiene; ``awesome`` adds the list
style of awesome-lint (``- [Name](url) - Description.``, badge, title case).
"""

from __future__ import annotations

PRESETS: tuple[str, ...] = ("default", "awesome", "strict")

EVERY = frozenset(PRESETS)
STRICT = frozenset({"strict"})
AWESOME = frozenset({"awesome"})
HYGIENE = frozenset({"awesome", "strict"})
