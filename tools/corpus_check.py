"""Format and lint every markdown file found under some folders: a robustness sweep, not a test.

    python tools/corpus_check.py [ROOT ...]      (default: / without /proc, /sys, /tmp)

For each readable ``*.md`` / ``*.markdown`` file it checks that ``fmt`` loses no
link (the guard would refuse), reaches a fixed point (formatting its output
changes nothing), reads the same through the fast path and through mistletoe,
and that neither ``fmt`` nor ``lint --preset strict`` raises.  It prints each
file that fails and a count per outcome.  The machine's own docs (npm, Node.js,
Rust) make a varied corpus of real READMEs; files the tool refuses as input
(binary, invalid UTF-8, empty) are counted, not failures.
"""

from __future__ import annotations

import sys
import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from awesomelint.commands.fmt import format_bytes
from awesomelint.config import Config
from awesomelint.errors import AwesomelintError
from awesomelint.lint.context import LintContext
from awesomelint.lint.runner import lint_context
from awesomelint.lint.settings import lint_settings
from awesomelint.parse import decode, parse_text

_SKIP = ("/proc", "/sys", "/tmp", "/dev")


def _files(roots: list[str]) -> Iterator[Path]:
    for root in roots:
        for path in sorted(Path(root).rglob("*")):
            if str(path).startswith(_SKIP) or path.suffix.lower() not in (".md", ".markdown"):
                continue
            if path.is_file() and path.stat().st_size > 200:
                yield path


def main(roots: list[str]) -> int:
    settings = lint_settings(Config(None, {}), ("strict",))
    outcome: Counter[str] = Counter()
    for path in _files(roots or ["/"]):
        name = str(path)
        try:
            data = path.read_bytes()
            result = format_bytes(data, name)
        except AwesomelintError:
            outcome["refused as input"] += 1
            continue
        except OSError:
            continue
        except Exception:  # the sweep exists to find these
            outcome["crash"] += 1
            print(f"CRASH fmt {name}\n{traceback.format_exc(limit=3)}")
            continue
        if result.lost:
            outcome["would lose links"] += 1
            print(f"LOSES {name}: {', '.join(result.lost[:3])}")
            continue
        if format_bytes(result.formatted, name).formatted != result.formatted:
            outcome["not a fixed point"] += 1
            print(f"NOT IDEMPOTENT {name}")
        decoded = decode(data, name)
        fast = parse_text(decoded.text, name, decoded.newline, decoded.repairs)
        if fast != parse_text(decoded.text, name, decoded.newline, decoded.repairs, fast=False):
            outcome["fast path differs"] += 1
            print(f"FAST PATH DIFFERS {name}")
        try:
            lint_context(LintContext.from_decoded(decoded, name), settings)
        except Exception:
            outcome["crash"] += 1
            print(f"CRASH lint {name}\n{traceback.format_exc(limit=3)}")
            continue
        outcome["ok"] += 1
    print(dict(outcome))
    bad = sum(v for k, v in outcome.items() if k not in ("ok", "refused as input"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
